//! The CertificationRequest structure and the order of the checks.
//!
//! ```text
//! CertificationRequest ::= SEQUENCE {                        -- RFC 2986 §4.2
//!     certificationRequestInfo CertificationRequestInfo,
//!     signatureAlgorithm AlgorithmIdentifier,
//!     signature BIT STRING }
//! CertificationRequestInfo ::= SEQUENCE {                    -- RFC 2986 §4.1
//!     version INTEGER { v1(0) },
//!     subject Name,
//!     subjectPKInfo SubjectPublicKeyInfo,
//!     attributes [0] Attributes }
//! ```
//!
//! The `[0]` attributes are required by RFC 2986 but omitted by some old generators; OpenSSL
//! reads such requests, so their absence is accepted silently.

use super::der::{self, Reader, Tag, Tlv};
use super::verify::{Family, Hash};
use super::{
    Policy, Report, RuleId, SignatureAlgorithm, SignatureCheck, ext, key, names, oid, subject,
    verify,
};

/// The parts of a CertificationRequest, borrowed from the DER.
struct Parts<'a> {
    cri: Tlv<'a>,
    version: Tlv<'a>,
    subject: Tlv<'a>,
    spki: Tlv<'a>,
    attributes: Option<Tlv<'a>>,
    sig_alg: Tlv<'a>,
    signature: Tlv<'a>,
}

fn split<'a>(outer: &Tlv<'a>) -> Result<Parts<'a>, der::DerError> {
    let mut r = outer.reader();
    let cri = r.expect(Tag::SEQUENCE, "certificationRequestInfo")?;
    let sig_alg = r.expect(Tag::SEQUENCE, "signatureAlgorithm")?;
    let signature = r.expect(Tag::BIT_STRING, "signature")?;
    r.finish("CertificationRequest")?;
    let mut c = cri.reader();
    let version = c.expect(Tag::INTEGER, "version")?;
    let subject = c.expect(Tag::SEQUENCE, "subject Name")?;
    let spki = c.expect(Tag::SEQUENCE, "subjectPKInfo")?;
    let attributes = if c.peek_tag() == Some(Tag::context_constructed(0)) {
        Some(c.read()?)
    } else {
        None
    };
    c.finish("certificationRequestInfo")?;
    Ok(Parts {
        cri,
        version,
        subject,
        spki,
        attributes,
        sig_alg,
        signature,
    })
}

/// Lints the DER of a CSR, appending to `report`.
pub(crate) fn lint_der(der: &[u8], policy: &Policy, report: &mut Report) {
    let mut outer = Reader::new(der, 0);
    let csr = match outer.expect(Tag::SEQUENCE, "CertificationRequest") {
        Ok(csr) => csr,
        Err(e) => {
            report.push(
                RuleId::DerMalformed,
                Some(e.offset),
                format!("{}; the data is not a CSR", e.detail),
            );
            return;
        }
    };
    if !outer.is_empty() {
        report.push(
            RuleId::DerTrailingData,
            Some(outer.offset()),
            format!(
                "{} bytes follow the end of the CertificationRequest; remove them",
                der.len().saturating_sub(outer.offset())
            ),
        );
    }
    let parts = match split(&csr) {
        Ok(parts) => parts,
        Err(e) => {
            report.push(RuleId::DerMalformed, Some(e.offset), e.detail);
            return;
        }
    };
    match der::integer(&parts.version) {
        Ok(v) if v.magnitude.is_empty() => {}
        Ok(v) => report.push(
            RuleId::CsrVersion,
            Some(parts.version.offset),
            format!(
                "the CSR version is {}{}; it must be 0 (v1)",
                if v.negative { "negative " } else { "" },
                hex(v.magnitude)
            ),
        ),
        Err(e) => report.push(
            RuleId::DerMalformed,
            Some(e.offset),
            format!("version: {}", e.detail),
        ),
    }

    let key = key::lint(&parts.spki, policy, report);
    lint_signature(&parts, &key, report);
    let subject_names = subject::lint(&parts.subject, policy, report);
    let sans = ext::lint(parts.attributes.as_ref(), report);
    names::lint(&subject_names, &sans, policy, report);
}

fn hex(bytes: &[u8]) -> String {
    if bytes.len() <= 8 {
        bytes
            .iter()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
            .to_string()
    } else {
        format!("a {}-byte integer", bytes.len())
    }
}

/// Classifies the signature algorithm OID.
fn classify(v: &[u8]) -> (SignatureAlgorithm, Option<(Family, Hash)>) {
    use SignatureAlgorithm as S;
    let known = [
        (oid::MD5_WITH_RSA, S::Md5WithRsa, Family::Rsa, Hash::Md5),
        (oid::SHA1_WITH_RSA, S::Sha1WithRsa, Family::Rsa, Hash::Sha1),
        (
            oid::SHA224_WITH_RSA,
            S::Sha224WithRsa,
            Family::Rsa,
            Hash::Sha224,
        ),
        (
            oid::SHA256_WITH_RSA,
            S::Sha256WithRsa,
            Family::Rsa,
            Hash::Sha256,
        ),
        (
            oid::SHA384_WITH_RSA,
            S::Sha384WithRsa,
            Family::Rsa,
            Hash::Sha384,
        ),
        (
            oid::SHA512_WITH_RSA,
            S::Sha512WithRsa,
            Family::Rsa,
            Hash::Sha512,
        ),
        (oid::ECDSA_SHA1, S::EcdsaWithSha1, Family::Ecdsa, Hash::Sha1),
        (
            oid::ECDSA_SHA224,
            S::EcdsaWithSha224,
            Family::Ecdsa,
            Hash::Sha224,
        ),
        (
            oid::ECDSA_SHA256,
            S::EcdsaWithSha256,
            Family::Ecdsa,
            Hash::Sha256,
        ),
        (
            oid::ECDSA_SHA384,
            S::EcdsaWithSha384,
            Family::Ecdsa,
            Hash::Sha384,
        ),
        (
            oid::ECDSA_SHA512,
            S::EcdsaWithSha512,
            Family::Ecdsa,
            Hash::Sha512,
        ),
    ];
    for (o, alg, family, hash) in known {
        if v == o {
            return (alg, Some((family, hash)));
        }
    }
    let name = match v {
        x if x == oid::RSASSA_PSS => "RSASSA-PSS".to_owned(),
        x if x == oid::DSA_SHA1 => "dsa-with-sha1".to_owned(),
        x if x == oid::DSA_SHA224 => "dsa-with-sha224".to_owned(),
        x if x == oid::DSA_SHA256 => "dsa-with-sha256".to_owned(),
        x if x == oid::ED25519 => "Ed25519".to_owned(),
        x if x == oid::ED448 => "Ed448".to_owned(),
        x => der::oid_to_string(x),
    };
    (S::Other(name), None)
}

fn lint_signature(parts: &Parts<'_>, key: &key::Key<'_>, report: &mut Report) {
    let (alg_oid, params) = match key::algorithm_identifier(&parts.sig_alg) {
        Ok(p) => p,
        Err(e) => {
            report.push(
                RuleId::DerMalformed,
                Some(e.offset),
                format!("signatureAlgorithm: {}", e.detail),
            );
            return;
        }
    };
    let (alg, kind) = classify(alg_oid.value);
    report.facts.signature_algorithm = Some(alg.clone());
    let Some((family, hash)) = kind else {
        report.push(
            RuleId::SignatureAlgorithmUnsupported,
            Some(alg_oid.offset),
            format!(
                "the CSR is signed with {}; sign it with sha256WithRSAEncryption or ecdsa-with-SHA256/384",
                alg.name()
            ),
        );
        return;
    };
    match (family, params) {
        (Family::Rsa, Some(p)) if p.tag == Tag::NULL && p.value.is_empty() => {}
        (Family::Rsa, p) => report.push(
            RuleId::SignatureParametersInvalid,
            Some(p.map_or(alg_oid.offset, |p| p.offset)),
            format!("the parameters of {} must be NULL", alg.name()),
        ),
        (Family::Ecdsa, Some(p)) => report.push(
            RuleId::SignatureParametersInvalid,
            Some(p.offset),
            format!("the parameters of {} must be absent", alg.name()),
        ),
        (Family::Ecdsa, None) => {}
    }
    if matches!(hash, Hash::Md5 | Hash::Sha1) {
        report.push(
            RuleId::SignatureWeakHash,
            Some(alg_oid.offset),
            format!(
                "the CSR is signed with {}; re-create it with SHA-256 (openssl req -sha256)",
                alg.name()
            ),
        );
    }
    let key_family = match key {
        key::Key::Rsa { .. } => Some(Family::Rsa),
        key::Key::Ec { .. } => Some(Family::Ecdsa),
        key::Key::Unusable => None,
    };
    if let Some(kf) = key_family
        && kf != family
    {
        let key_name = if kf == Family::Rsa { "an RSA" } else { "an EC" };
        report.push(
            RuleId::SignatureKeyMismatch,
            Some(alg_oid.offset),
            format!(
                "{} is used with {key_name} key; the signature algorithm must match the key",
                alg.name()
            ),
        );
        return;
    }
    let Some((0, signature)) = parts.signature.value.split_first() else {
        report.push(
            RuleId::DerMalformed,
            Some(parts.signature.offset),
            "the signature BIT STRING must start with 0 unused bits",
        );
        return;
    };
    let outcome = verify::verify(family, hash, key, parts.cri.raw, signature);
    report.facts.signature = outcome;
    match outcome {
        SignatureCheck::Valid { .. } => {}
        SignatureCheck::Invalid => report.push(
            RuleId::SignatureInvalid,
            Some(parts.signature.offset),
            "the signature does not verify: the CSR was altered after signing or signed with another key; re-create it",
        ),
        SignatureCheck::NotChecked => {
            if !matches!(key, key::Key::Unusable) || report.facts.key.is_some() {
                report.push(
                    RuleId::SignatureNotChecked,
                    Some(parts.signature.offset),
                    "the signature was not checked because the key cannot be used",
                );
            }
        }
    }
}
