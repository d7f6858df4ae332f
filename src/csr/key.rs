//! The SubjectPublicKeyInfo: algorithm, size, RSA parameter quality and EC point validation.
//!
//! ```text
//! SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
//! RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }      -- RFC 8017 A.1.1
//! ECParameters ::= CHOICE { namedCurve OBJECT IDENTIFIER, implicitCurve NULL,
//!                           specifiedCurve SpecifiedECDomain }               -- RFC 5480 §2.1.1
//! ECPoint ::= OCTET STRING (the BIT STRING's content: 0x04 || x || y, 0x02/0x03 || x, ...)
//! ```
//!
//! DIGEST §6.4: "Keys: RSA (rsaEncryption) 2048–8192 bits; ECC (id-ecPublicKey) P-256 or
//! P-384 (P-521 removed from AutoApplyOrder in v3.43)".

use num_bigint::BigUint;
use sha2::{Digest, Sha256};

use super::der::{self, Reader, Tag, Tlv};
use super::weak::{self, FERMAT_ROUNDS, SMALL_PRIME_BOUND};
use super::{Curve, KeyFacts, PointForm, Report, RuleId, oid};
use crate::csr::Policy;

/// RSA keys above this size are reported (-13) but not analysed or verified: the weak-key
/// arithmetic and the signature check grow with the square of the size, and nothing larger is
/// in use. Sectigo's own maximum is 8192.
pub(crate) const MAX_ANALYSED_RSA_BITS: u64 = 16_384;

/// A key ready for signature verification.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Key<'a> {
    Rsa {
        /// Modulus magnitude, big-endian, no leading zeros.
        n: &'a [u8],
        /// Exponent magnitude, big-endian, no leading zeros.
        e: &'a [u8],
        /// The RSAPublicKey DER (the BIT STRING content).
        pkcs1: &'a [u8],
    },
    Ec {
        curve: EcCurve,
        /// SEC 1 encoding as found.
        point: &'a [u8],
        form: PointForm,
    },
    /// Refused or undecodable: no signature check.
    Unusable,
}

/// The curves the linter can verify on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EcCurve {
    P256,
    P384,
}

impl EcCurve {
    fn field_len(self) -> usize {
        match self {
            Self::P256 => 32,
            Self::P384 => 48,
        }
    }

    /// The field prime, big-endian.
    fn prime(self) -> &'static [u8] {
        match self {
            Self::P256 => &P256_PRIME,
            Self::P384 => &P384_PRIME,
        }
    }
}

/// p = 2^256 - 2^224 + 2^192 + 2^96 - 1 (FIPS 186-5 / SP 800-186 §3.2.1.3).
const P256_PRIME: [u8; 32] = [
    0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
];

/// p = 2^384 - 2^128 - 2^96 + 2^32 - 1 (SP 800-186 §3.2.1.4).
const P384_PRIME: [u8; 48] = [
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE,
    0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF,
];

/// Parses an AlgorithmIdentifier: the OID TLV and the optional parameters.
pub(crate) fn algorithm_identifier<'a>(
    alg: &Tlv<'a>,
) -> Result<(Tlv<'a>, Option<Tlv<'a>>), der::DerError> {
    let mut r = alg.reader();
    let oid = r.expect(Tag::OID, "algorithm OBJECT IDENTIFIER")?;
    der::check_oid(&oid)?;
    let params = if r.is_empty() { None } else { Some(r.read()?) };
    r.finish("AlgorithmIdentifier")?;
    Ok((oid, params))
}

/// Human name of a key algorithm OID, for messages.
fn key_algorithm_name(oid_value: &[u8]) -> String {
    let name = match oid_value {
        v if v == oid::RSASSA_PSS => "RSASSA-PSS",
        v if v == oid::DSA => "DSA",
        v if v == oid::ED25519 => "Ed25519",
        v if v == oid::ED448 => "Ed448",
        v if v == oid::X25519 => "X25519",
        v if v == oid::X448 => "X448",
        _ => return der::oid_to_string(oid_value),
    };
    name.to_owned()
}

/// Lints the SubjectPublicKeyInfo and records the key facts. Returns the key for the
/// signature check.
pub(crate) fn lint<'a>(spki: &Tlv<'a>, policy: &Policy, report: &mut Report) -> Key<'a> {
    report.facts.spki_sha256 = Some(Sha256::digest(spki.raw).into());
    let mut r = spki.reader();
    let parsed = (|| {
        let alg = r.expect(Tag::SEQUENCE, "the key's AlgorithmIdentifier")?;
        let bits = r.expect(Tag::BIT_STRING, "subjectPublicKey")?;
        r.finish("SubjectPublicKeyInfo")?;
        let (oid, params) = algorithm_identifier(&alg)?;
        Ok::<_, der::DerError>((oid, params, bits))
    })();
    let (alg_oid, params, bits) = match parsed {
        Ok(parts) => parts,
        Err(e) => {
            report.push(
                RuleId::DerMalformed,
                Some(e.offset),
                format!("subjectPublicKeyInfo: {}", e.detail),
            );
            return Key::Unusable;
        }
    };
    let Some((0, key_bytes)) = bits.value.split_first() else {
        report.push(
            RuleId::DerMalformed,
            Some(bits.offset),
            "subjectPublicKey BIT STRING must start with 0 unused bits",
        );
        return Key::Unusable;
    };
    let key_offset = bits.value_offset.saturating_add(1);
    if alg_oid.value == oid::RSA_ENCRYPTION {
        // BR 7.1.3.1.1: the parameters MUST be present and NULL.
        match params {
            Some(p) if p.tag == Tag::NULL && p.value.is_empty() => {}
            Some(p) => report.push(
                RuleId::KeyParametersInvalid,
                Some(p.offset),
                format!(
                    "rsaEncryption parameters are {}; they must be NULL",
                    p.tag.name()
                ),
            ),
            None => report.push(
                RuleId::KeyParametersInvalid,
                Some(alg_oid.offset),
                "rsaEncryption parameters are absent; they must be NULL (05 00)",
            ),
        }
        lint_rsa(key_bytes, key_offset, policy, report)
    } else if alg_oid.value == oid::EC_PUBLIC_KEY {
        lint_ec(params, &alg_oid, key_bytes, key_offset, policy, report)
    } else {
        let name = key_algorithm_name(alg_oid.value);
        report.push(
            RuleId::KeyAlgorithmUnsupported,
            Some(alg_oid.offset),
            format!("the key algorithm is {name}; generate an RSA (2048-8192 bits) or EC P-256/P-384 key"),
        );
        report.facts.key = Some(KeyFacts::Other { algorithm: name });
        Key::Unusable
    }
}

fn lint_rsa<'a>(bytes: &'a [u8], offset: usize, policy: &Policy, report: &mut Report) -> Key<'a> {
    let mut outer = Reader::new(bytes, offset);
    let parsed = (|| {
        let seq = outer.expect(Tag::SEQUENCE, "RSAPublicKey")?;
        outer.finish("RSAPublicKey")?;
        let mut r = seq.reader();
        let n = r.expect(Tag::INTEGER, "modulus")?;
        let e = r.expect(Tag::INTEGER, "publicExponent")?;
        r.finish("RSAPublicKey")?;
        Ok::<_, der::DerError>((der::integer(&n)?, n.offset, der::integer(&e)?, e.offset))
    })();
    let (n, n_offset, e, e_offset) = match parsed {
        Ok(parts) => parts,
        Err(err) => {
            report.push(
                RuleId::RsaKeyMalformed,
                Some(err.offset),
                format!("RSAPublicKey: {}", err.detail),
            );
            return Key::Unusable;
        }
    };
    if n.negative || e.negative {
        let (what, at) = if n.negative {
            ("modulus", n_offset)
        } else {
            ("public exponent", e_offset)
        };
        report.push(
            RuleId::RsaKeyMalformed,
            Some(at),
            format!("the RSA {what} is negative"),
        );
        return Key::Unusable;
    }
    let bits = bit_length(n.magnitude);
    let e_bits = bit_length(e.magnitude);
    let e_small = u64_of(e.magnitude);
    report.facts.key = Some(KeyFacts::Rsa {
        bits,
        exponent: e_small,
        exponent_bits: e_bits,
    });

    // -13: size.
    if !(2048..=8192).contains(&bits) {
        report.push(
            RuleId::RsaKeySize,
            Some(n_offset),
            format!("the RSA modulus has {bits} bits; Sectigo accepts 2048 to 8192 bits (use 2048, 3072 or 4096)"),
        );
    } else if !bits.is_multiple_of(8) {
        report.push(
            RuleId::RsaKeySizeNotMultipleOf8,
            Some(n_offset),
            format!("the RSA modulus has {bits} bits, not a multiple of 8; generate a 2048, 3072 or 4096-bit key"),
        );
    } else if !matches!(bits, 2048 | 3072 | 4096) {
        report.push(
            RuleId::RsaKeySizeUnusual,
            Some(n_offset),
            format!("the RSA modulus has {bits} bits; weak-key blocklists mostly cover 2048, 3072 and 4096"),
        );
    }

    // Exponent (BR 6.1.6).
    let n_big = BigUint::from_bytes_be(n.magnitude);
    let e_big = BigUint::from_bytes_be(e.magnitude);
    if e_small.is_some_and(|v| v < 3) {
        report.push(
            RuleId::RsaExponentTooSmall,
            Some(e_offset),
            format!(
                "the public exponent is {}; it must be odd and at least 3 (use 65537)",
                e_small.unwrap_or(0)
            ),
        );
    } else if e.magnitude.last().is_some_and(|b| b & 1 == 0) {
        report.push(
            RuleId::RsaExponentEven,
            Some(e_offset),
            "the public exponent is even; use 65537",
        );
    }
    if !n.magnitude.is_empty() && e_big >= n_big {
        report.push(
            RuleId::RsaExponentNotBelowModulus,
            Some(e_offset),
            "the public exponent is not smaller than the modulus; use 65537",
        );
    }
    let in_range = (17..=256).contains(&e_bits) && e_small != Some(1 << 16);
    if e_small.is_none_or(|v| v >= 3) && !in_range {
        report.push(
            RuleId::RsaExponentOutOfRange,
            Some(e_offset),
            format!("the public exponent has {e_bits} bits, outside 2^16+1 .. 2^256-1; use 65537"),
        );
    } else if in_range && e_small != Some(65_537) {
        report.push(
            RuleId::RsaExponentUnusual,
            Some(e_offset),
            "the public exponent is not 65537",
        );
    }

    // Weak-key detectors (-40).
    if bits > MAX_ANALYSED_RSA_BITS {
        return Key::Unusable;
    }
    let weakness = weak::analyse(n.magnitude);
    match weakness.small_factor {
        Some(2) => report.push(
            RuleId::RsaModulusEven,
            Some(n_offset),
            "the RSA modulus is even; the key is broken, generate a new one",
        ),
        Some(p) => report.push(
            RuleId::RsaSmallFactor,
            Some(n_offset),
            format!("the RSA modulus is divisible by {p} (primes up to {SMALL_PRIME_BOUND} are checked); the key is broken, generate a new one"),
        ),
        None => {}
    }
    if let Some(hit) = weakness.fermat {
        let how = if hit.equal_primes {
            "the modulus is the square of a prime (p = q)".to_owned()
        } else {
            format!(
                "its primes differ by a {}-bit number, found in round {} of {FERMAT_ROUNDS}",
                hit.difference_bits, hit.round
            )
        };
        report.push(
            RuleId::RsaFermatFactorable,
            Some(n_offset),
            format!("Fermat's method factors the modulus: {how}; generate a new key with an up-to-date library"),
        );
    }
    if weakness.roca {
        report.push(
            RuleId::RsaRoca,
            Some(n_offset),
            "the modulus has the ROCA fingerprint (Infineon RSALib, CVE-2017-15361); update the token's firmware and generate a new key",
        );
    }
    if let Some(k) = weakness.perfect_power {
        report.push(
            RuleId::RsaPerfectPower,
            Some(n_offset),
            format!("the modulus is a perfect power m^{k}; the key is broken, generate a new one"),
        );
    }
    if let Some(blocklist) = policy.blocklist()
        && let Some(hit) = blocklist.lookup_rsa(report.facts.spki_sha256, n.magnitude)
    {
        report.push(RuleId::KeyBlocklisted, Some(n_offset), hit.message());
    }
    Key::Rsa {
        n: n.magnitude,
        e: e.magnitude,
        pkcs1: bytes,
    }
}

fn lint_ec<'a>(
    params: Option<Tlv<'a>>,
    alg_oid: &Tlv<'a>,
    point: &'a [u8],
    point_offset: usize,
    policy: &Policy,
    report: &mut Report,
) -> Key<'a> {
    let curve = match params {
        Some(p) if p.tag == Tag::OID => match p.value {
            v if v == oid::P256 => Ok(EcCurve::P256),
            v if v == oid::P384 => Ok(EcCurve::P384),
            v if v == oid::P521 => Err((Curve::P521, p.offset)),
            v if v == oid::SECP256K1 => Err((Curve::Secp256k1, p.offset)),
            v => Err((Curve::Other(der::oid_to_string(v)), p.offset)),
        },
        Some(p) => Err((Curve::NotNamed, p.offset)),
        None => Err((Curve::NotNamed, alg_oid.offset)),
    };
    let curve = match curve {
        Ok(c) => c,
        Err((Curve::NotNamed, at)) => {
            report.push(
                RuleId::EcCurveNotNamed,
                Some(at),
                "the EC key does not name its curve (explicit or implicit parameters); use the named curve P-256 or P-384",
            );
            report.facts.key = Some(KeyFacts::Ec {
                curve: Curve::NotNamed,
                point_form: None,
            });
            return Key::Unusable;
        }
        Err((other, at)) => {
            report.push(
                RuleId::EcCurveUnsupported,
                Some(at),
                format!(
                    "the EC key is on {}; Sectigo accepts P-256 and P-384",
                    other.name()
                ),
            );
            report.facts.key = Some(KeyFacts::Ec {
                curve: other,
                point_form: None,
            });
            return Key::Unusable;
        }
    };
    let fact_curve = match curve {
        EcCurve::P256 => Curve::P256,
        EcCurve::P384 => Curve::P384,
    };
    let len = curve.field_len();
    // 1 + len and 1 + 2 len: 33/65 (P-256), 49/97 (P-384).
    let (short, long) = (
        len.saturating_add(1),
        len.saturating_mul(2).saturating_add(1),
    );
    let form = match point.first() {
        Some(0x00) if point.len() == 1 => Some(PointForm::Identity),
        Some(0x04) if point.len() == long => Some(PointForm::Uncompressed),
        Some(0x02 | 0x03) if point.len() == short => Some(PointForm::Compressed),
        Some(0x06 | 0x07) if point.len() == long => Some(PointForm::Hybrid),
        _ => None,
    };
    report.facts.key = Some(KeyFacts::Ec {
        curve: fact_curve,
        point_form: form,
    });
    let Some(form) = form else {
        report.push(
            RuleId::EcPointMalformed,
            Some(point_offset),
            format!(
                "the EC public key ({} bytes, first byte {:#04x}) is not a SEC 1 point on {}",
                point.len(),
                point.first().copied().unwrap_or(0),
                fact_curve_name(curve)
            ),
        );
        return Key::Unusable;
    };
    match form {
        PointForm::Identity => {
            report.push(
                RuleId::EcPointIdentity,
                Some(point_offset),
                "the EC public key is the point at infinity; generate a new key",
            );
            return Key::Unusable;
        }
        PointForm::Compressed => report.push(
            RuleId::EcPointCompressed,
            Some(point_offset),
            "the EC public key is compressed; many clients only support uncompressed points, regenerate the CSR with uncompressed keys",
        ),
        PointForm::Hybrid => report.push(
            RuleId::EcPointHybrid,
            Some(point_offset),
            "the EC public key uses the hybrid form, which RFC 5480 forbids; use the uncompressed form",
        ),
        PointForm::Uncompressed => {}
    }
    let coords = point.get(1..).unwrap_or_default();
    let (x, y) = coords.split_at(len.min(coords.len()));
    let prime = curve.prime();
    if x >= prime || (!y.is_empty() && y >= prime) {
        report.push(
            RuleId::EcPointOutOfRange,
            Some(point_offset),
            "an EC point coordinate is not below the field prime; the key is invalid, generate a new one",
        );
        return Key::Unusable;
    }
    if form == PointForm::Hybrid {
        // The tag's low bit must be y's parity.
        let odd = y.last().is_some_and(|b| b & 1 == 1);
        if odd != (point.first() == Some(&0x07)) {
            report.push(
                RuleId::EcPointNotOnCurve,
                Some(point_offset),
                "the hybrid point's tag does not match the parity of y; the key is invalid",
            );
            return Key::Unusable;
        }
    }
    if !super::verify::point_on_curve(curve, point, form) {
        report.push(
            RuleId::EcPointNotOnCurve,
            Some(point_offset),
            "the EC public key is not a point on the curve; generate a new key",
        );
        return Key::Unusable;
    }
    if let Some(blocklist) = policy.blocklist()
        && let Some(hit) = blocklist.lookup_ec(report.facts.spki_sha256, x)
    {
        report.push(RuleId::KeyBlocklisted, Some(point_offset), hit.message());
    }
    Key::Ec { curve, point, form }
}

fn fact_curve_name(curve: EcCurve) -> &'static str {
    match curve {
        EcCurve::P256 => "P-256",
        EcCurve::P384 => "P-384",
    }
}

/// Bit length of a big-endian magnitude without leading zeros.
pub(crate) fn bit_length(be: &[u8]) -> u64 {
    match be.first() {
        None => 0,
        Some(&top) => {
            let len = u64::try_from(be.len()).unwrap_or(u64::MAX);
            len.saturating_mul(8)
                .saturating_sub(u64::from(top.leading_zeros()))
        }
    }
}

/// The value of a big-endian magnitude when it fits 64 bits.
fn u64_of(be: &[u8]) -> Option<u64> {
    if be.len() > 8 {
        return None;
    }
    Some(be.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_lengths() {
        assert_eq!(bit_length(&[]), 0);
        assert_eq!(bit_length(&[1]), 1);
        assert_eq!(bit_length(&[0x80, 0]), 16);
        assert_eq!(bit_length(&[0x01, 0, 1]), 17);
        assert_eq!(u64_of(&[1, 0, 1]), Some(65_537));
        assert_eq!(u64_of(&[1; 9]), None);
    }

    #[test]
    fn primes_are_the_documented_ones() {
        let p256 = (BigUint::from(1u32) << 256u32) - (BigUint::from(1u32) << 224u32)
            + (BigUint::from(1u32) << 192u32)
            + (BigUint::from(1u32) << 96u32)
            - 1u32;
        assert_eq!(BigUint::from_bytes_be(&P256_PRIME), p256);
        let p384 = (BigUint::from(1u32) << 384u32)
            - (BigUint::from(1u32) << 128u32)
            - (BigUint::from(1u32) << 96u32)
            + (BigUint::from(1u32) << 32u32)
            - 1u32;
        assert_eq!(BigUint::from_bytes_be(&P384_PRIME), p384);
    }
}
