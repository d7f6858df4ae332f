//! Signature verification of the CertificationRequestInfo with the CSR's own key.
//!
//! Backend choice (measured, see `/work/shared/research/rust-deps-perf.md` §2-3 and
//! `benches/csr_lint.rs`): aws-lc-rs is 3-5x faster than RustCrypto for RSA and P-256 and the
//! fastest for P-384, but covers only 9 of the 11 algorithms (no MD5, no SHA-224 with RSA, no
//! ECDSA with SHA-224, no P-384 with SHA-1). RustCrypto covers all 11. So: aws-lc-rs where it
//! applies (feature `aws-lc`), RustCrypto for the rest and for everything without the feature.
//! aws-lc-rs answers "unspecified" both for a bad signature and for a key it will not use, so
//! a failure there is re-checked with RustCrypto before a signature is called invalid.

use md5::Md5;
use num_bigint::BigUint;
use rsa::{BoxedUint, Pkcs1v15Sign, RsaPublicKey};
use sha1::Sha1;
use sha2::{Digest, Sha224, Sha256, Sha384, Sha512};

use super::key::{EcCurve, Key, MAX_ANALYSED_RSA_BITS, bit_length};
use super::{Backend, PointForm, SignatureCheck};

/// The hash of a signature algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hash {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            Self::Md5 => Md5::digest(data).to_vec(),
            Self::Sha1 => Sha1::digest(data).to_vec(),
            Self::Sha224 => Sha224::digest(data).to_vec(),
            Self::Sha256 => Sha256::digest(data).to_vec(),
            Self::Sha384 => Sha384::digest(data).to_vec(),
            Self::Sha512 => Sha512::digest(data).to_vec(),
        }
    }

    fn pkcs1v15(self) -> Pkcs1v15Sign {
        match self {
            Self::Md5 => Pkcs1v15Sign::new::<Md5>(),
            Self::Sha1 => Pkcs1v15Sign::new::<Sha1>(),
            Self::Sha224 => Pkcs1v15Sign::new::<Sha224>(),
            Self::Sha256 => Pkcs1v15Sign::new::<Sha256>(),
            Self::Sha384 => Pkcs1v15Sign::new::<Sha384>(),
            Self::Sha512 => Pkcs1v15Sign::new::<Sha512>(),
        }
    }
}

/// The signature family of an algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    Rsa,
    Ecdsa,
}

/// Verifies `signature` over `tbs` with `key`.
pub(crate) fn verify(
    family: Family,
    hash: Hash,
    key: &Key<'_>,
    tbs: &[u8],
    signature: &[u8],
) -> SignatureCheck {
    match (family, key) {
        (Family::Rsa, Key::Rsa { n, e, pkcs1 }) => verify_rsa(hash, n, e, pkcs1, tbs, signature),
        (Family::Ecdsa, Key::Ec { curve, point, form }) => {
            verify_ecdsa(hash, *curve, point, *form, tbs, signature)
        }
        _ => SignatureCheck::NotChecked,
    }
}

fn check(ok: bool, backend: Backend) -> SignatureCheck {
    if ok {
        SignatureCheck::Valid { backend }
    } else {
        SignatureCheck::Invalid
    }
}

// ---------------------------------------------------------------------------------------------
// RSA
// ---------------------------------------------------------------------------------------------

fn verify_rsa(
    hash: Hash,
    n: &[u8],
    e: &[u8],
    pkcs1: &[u8],
    tbs: &[u8],
    sig: &[u8],
) -> SignatureCheck {
    let bits = bit_length(n);
    let e_bits = bit_length(e);
    if bits == 0 || bits > MAX_ANALYSED_RSA_BITS {
        return SignatureCheck::NotChecked;
    }
    #[cfg(feature = "aws-lc")]
    {
        // Ordinary keys only: odd exponent of 2 to 32 bits, 2048-8192-bit modulus.
        let ordinary = (2048..=8192).contains(&bits)
            && (2..=32).contains(&e_bits)
            && e.last().is_some_and(|b| b & 1 == 1);
        if ordinary && aws::rsa(hash, pkcs1, tbs, sig) == Some(true) {
            return SignatureCheck::Valid {
                backend: Backend::AwsLc,
            };
        }
    }
    #[cfg(not(feature = "aws-lc"))]
    let _ = pkcs1;
    let digest = hash.digest(tbs);
    // RustCrypto: 1024..=16384 bits, odd e in 3 ..= 2^33 - 1, e < n, odd n.
    let n_big = BoxedUint::from_be_slice_vartime(n);
    let e_big = BoxedUint::from_be_slice_vartime(e);
    if let Ok(key) = RsaPublicKey::new_with_size_limits(n_big, e_big, 1024..=16_384) {
        return check(
            key.verify(hash.pkcs1v15(), &digest, sig).is_ok(),
            Backend::RustCrypto,
        );
    }
    // Keys the libraries refuse: the plain definition (RFC 8017 §8.2.2), within a cost cap.
    if e_bits > 0 && e_bits.saturating_mul(bits).saturating_mul(bits) <= REFERENCE_COST_CAP {
        return check(reference_rsa(hash, n, e, &digest, sig), Backend::Reference);
    }
    SignatureCheck::NotChecked
}

/// `bits(e) * bits(n)^2` above which the reference check is skipped (a 2048-bit exponent on
/// an 8192-bit modulus, about 20 ms): nobody signs with such keys, and a fuzzer must not make
/// the linter spin.
const REFERENCE_COST_CAP: u64 = 1 << 37;

/// RSASSA-PKCS1-v1_5 verification from the definition: `s^e mod n` must equal
/// `00 01 FF..FF 00 || DigestInfo || H` (RFC 8017 §9.2). Public data only, so no constant time.
fn reference_rsa(hash: Hash, n: &[u8], e: &[u8], digest: &[u8], sig: &[u8]) -> bool {
    let k = n.len();
    if sig.len() != k {
        return false;
    }
    let n = BigUint::from_bytes_be(n);
    let s = BigUint::from_bytes_be(sig);
    if s >= n || n <= BigUint::from(1u32) {
        return false;
    }
    let m = s.modpow(&BigUint::from_bytes_be(e), &n).to_bytes_be();
    let prefix = hash.pkcs1v15().prefix;
    let t_len = prefix.len().saturating_add(digest.len());
    // EM = 00 01 PS 00 T with |PS| >= 8; as an integer the leading 00 disappears.
    let Some(ps_len) = k.checked_sub(t_len.saturating_add(3)) else {
        return false;
    };
    if ps_len < 8 || m.len() != k.saturating_sub(1) {
        return false;
    }
    let mut expected = Vec::with_capacity(k);
    expected.push(0x01);
    expected.resize(ps_len.saturating_add(1), 0xFF);
    expected.push(0x00);
    expected.extend_from_slice(&prefix);
    expected.extend_from_slice(digest);
    m == expected
}

// ---------------------------------------------------------------------------------------------
// ECDSA
// ---------------------------------------------------------------------------------------------

/// The uncompressed form of a hybrid point (`0x06`/`0x07` → `0x04`), which RustCrypto reads.
fn uncompressed(point: &[u8], form: PointForm) -> Vec<u8> {
    let mut p = point.to_vec();
    if form == PointForm::Hybrid
        && let Some(first) = p.first_mut()
    {
        *first = 0x04;
    }
    p
}

/// Whether a SEC 1 point (already checked for shape and coordinate range) is on the curve and
/// not the identity. RustCrypto's decoding performs exactly this validation.
pub(crate) fn point_on_curve(curve: EcCurve, point: &[u8], form: PointForm) -> bool {
    let p = uncompressed(point, form);
    match curve {
        EcCurve::P256 => p256::ecdsa::VerifyingKey::from_sec1_bytes(&p).is_ok(),
        EcCurve::P384 => p384::ecdsa::VerifyingKey::from_sec1_bytes(&p).is_ok(),
    }
}

fn verify_ecdsa(
    hash: Hash,
    curve: EcCurve,
    point: &[u8],
    form: PointForm,
    tbs: &[u8],
    sig: &[u8],
) -> SignatureCheck {
    #[cfg(feature = "aws-lc")]
    if form == PointForm::Uncompressed && aws::ecdsa(hash, curve, point, tbs, sig) == Some(true) {
        return SignatureCheck::Valid {
            backend: Backend::AwsLc,
        };
    }
    use p256::ecdsa::signature::hazmat::PrehashVerifier;
    let digest = hash.digest(tbs);
    let p = uncompressed(point, form);
    let ok = match curve {
        EcCurve::P256 => {
            let (Ok(key), Ok(signature)) = (
                p256::ecdsa::VerifyingKey::from_sec1_bytes(&p),
                p256::ecdsa::Signature::from_der(sig),
            ) else {
                return SignatureCheck::Invalid;
            };
            key.verify_prehash(&digest, &signature).is_ok()
        }
        EcCurve::P384 => {
            let (Ok(key), Ok(signature)) = (
                p384::ecdsa::VerifyingKey::from_sec1_bytes(&p),
                p384::ecdsa::Signature::from_der(sig),
            ) else {
                return SignatureCheck::Invalid;
            };
            key.verify_prehash(&digest, &signature).is_ok()
        }
    };
    check(ok, Backend::RustCrypto)
}

// ---------------------------------------------------------------------------------------------
// aws-lc-rs
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "aws-lc")]
mod aws {
    use aws_lc_rs::signature::{self, UnparsedPublicKey, VerificationAlgorithm};

    use super::{EcCurve, Hash};

    /// `None` when aws-lc-rs has no algorithm for this hash.
    pub(super) fn rsa(hash: Hash, pkcs1: &[u8], tbs: &[u8], sig: &[u8]) -> Option<bool> {
        let alg: &'static dyn VerificationAlgorithm = match hash {
            Hash::Sha1 => &signature::RSA_PKCS1_2048_8192_SHA1_FOR_LEGACY_USE_ONLY,
            Hash::Sha256 => &signature::RSA_PKCS1_2048_8192_SHA256,
            Hash::Sha384 => &signature::RSA_PKCS1_2048_8192_SHA384,
            Hash::Sha512 => &signature::RSA_PKCS1_2048_8192_SHA512,
            Hash::Md5 | Hash::Sha224 => return None,
        };
        Some(UnparsedPublicKey::new(alg, pkcs1).verify(tbs, sig).is_ok())
    }

    /// `None` when aws-lc-rs has no algorithm for this curve and hash.
    pub(super) fn ecdsa(
        hash: Hash,
        curve: EcCurve,
        point: &[u8],
        tbs: &[u8],
        sig: &[u8],
    ) -> Option<bool> {
        let alg: &'static dyn VerificationAlgorithm = match (curve, hash) {
            (EcCurve::P256, Hash::Sha1) => &signature::ECDSA_P256_SHA1_ASN1,
            (EcCurve::P256, Hash::Sha256) => &signature::ECDSA_P256_SHA256_ASN1,
            (EcCurve::P256, Hash::Sha384) => &signature::ECDSA_P256_SHA384_ASN1,
            (EcCurve::P256, Hash::Sha512) => &signature::ECDSA_P256_SHA512_ASN1,
            (EcCurve::P384, Hash::Sha256) => &signature::ECDSA_P384_SHA256_ASN1,
            (EcCurve::P384, Hash::Sha384) => &signature::ECDSA_P384_SHA384_ASN1,
            (EcCurve::P384, Hash::Sha512) => &signature::ECDSA_P384_SHA512_ASN1,
            _ => return None,
        };
        Some(UnparsedPublicKey::new(alg, point).verify(tbs, sig).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_rsa_matches_a_textbook_signature() {
        // Tiny key: p = 2^127 - 1, q = 2^89 - 1 (both prime), e = 65537. The reference check
        // only needs n, e and the signature s = m^d mod n.
        let p = (BigUint::from(1u32) << 127u32) - 1u32;
        let q = (BigUint::from(1u32) << 521u32) - 1u32;
        let n = &p * &q;
        let e = BigUint::from(65_537u32);
        let phi = (&p - 1u32) * (&q - 1u32);
        let d = e.modinv(&phi).unwrap();
        let digest = Hash::Sha256.digest(b"hello");
        let k = n.to_bytes_be().len();
        let prefix = Hash::Sha256.pkcs1v15().prefix;
        let mut em = vec![0x00, 0x01];
        em.resize(k - prefix.len() - digest.len() - 1, 0xFF);
        em.push(0);
        em.extend_from_slice(&prefix);
        em.extend_from_slice(&digest);
        let s = BigUint::from_bytes_be(&em).modpow(&d, &n);
        let mut sig = s.to_bytes_be();
        while sig.len() < k {
            sig.insert(0, 0);
        }
        let (n_be, e_be) = (n.to_bytes_be(), e.to_bytes_be());
        assert!(reference_rsa(Hash::Sha256, &n_be, &e_be, &digest, &sig));
        let other = Hash::Sha256.digest(b"hellO");
        assert!(!reference_rsa(Hash::Sha256, &n_be, &e_be, &other, &sig));
        assert!(!reference_rsa(Hash::Sha384, &n_be, &e_be, &digest, &sig));
        assert!(!reference_rsa(
            Hash::Sha256,
            &n_be,
            &e_be,
            &digest,
            &sig[1..]
        ));
    }
}
