//! The CSR linter against its corpus (`testdata/csr/`, made by
//! `testdata/scripts/generate_csrs.sh` with openssl and `forge_csrs.py`): the verdict on every
//! file, the product policies, the blocklist, the input limits, every signature algorithm on
//! every verification path with negative controls, and a cross-check of the signature verdicts
//! against `openssl req -verify` when openssl is installed.

// Tests unwrap, index and compute freely.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation
)]
#![allow(
    clippy::disallowed_methods,
    clippy::disallowed_types,
    reason = "the corpus is walked with std::fs and openssl is run as a process"
)]

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use sectigo_codec::codec::{base64, pem};
use sectigo_codec::csr::{
    Backend, Blocklist, Curve, InputForm, KeyFacts, PointForm, Policy, PolicyError, RULES, Report,
    Requirement, RuleId, Severity, SignatureAlgorithm, SignatureCheck, StringType, SubjectAltName,
    lint_csr,
};
use sectigo_codec::{DecodeErrorKind, Format, Limit, MAX_CSR_CHARS};

use RuleId::*;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/csr")
}

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(dir().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn lint(rel: &str) -> Report {
    lint_csr(&read(rel), &Policy::default()).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn lint_with(rel: &str, policy: &Policy) -> Report {
    lint_csr(&read(rel), policy).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn rules(report: &Report, errors: bool) -> BTreeSet<RuleId> {
    report
        .findings()
        .iter()
        .filter(|f| (f.severity() == Severity::Error) == errors)
        .map(|f| f.rule())
        .collect()
}

/// Every corpus file: the exact set of error rules, and the exact set of warning/info rules,
/// under the product-independent policy. Written from what each fixture was built to show
/// (`testdata/README.md`), not read back from the linter.
#[rustfmt::skip]
const CORPUS: &[(&str, &[RuleId], &[RuleId])] = &[
    ("bad/der-ber-length.pem", &[DerMalformed], &[]),
    ("bad/der-trailing-data.pem", &[DerTrailingData], &[]),
    ("bad/der-truncated.pem", &[DerMalformed], &[]),
    ("bad/der-version-1.pem", &[CsrVersion], &[]),
    ("bad/dsa2048-sha256.pem", &[KeyAlgorithmUnsupported, SignatureAlgorithmUnsupported], &[]),
    ("bad/ec-point-hybrid.pem", &[EcPointHybrid], &[]),
    ("bad/ec-point-identity.pem", &[EcPointIdentity], &[SignatureNotChecked]),
    ("bad/ec-point-not-on-curve.pem", &[EcPointNotOnCurve], &[SignatureNotChecked]),
    ("bad/ec-point-out-of-range.pem", &[EcPointOutOfRange], &[SignatureNotChecked]),
    ("bad/ec-point-wrong-length.pem", &[EcPointMalformed], &[SignatureNotChecked]),
    ("bad/ed25519.pem", &[KeyAlgorithmUnsupported, SignatureAlgorithmUnsupported], &[]),
    ("bad/ext-san-malformed.pem", &[ExtensionMalformed], &[]),
    ("bad/key-rsa-negative-modulus.pem", &[RsaKeyMalformed], &[]),
    ("bad/key-rsa-params-absent.pem", &[KeyParametersInvalid], &[]),
    ("bad/name-bad-punycode.pem", &[NameIdn], &[]),
    ("bad/name-ip-not-canonical.pem", &[CnIpReserved], &[IpNotCanonical]),
    ("bad/name-ip-reserved.pem", &[CnIpReserved, SanIpReserved], &[]),
    ("bad/name-label-too-long.pem", &[NameSyntax], &[]),
    ("bad/name-local.pem", &[NameInternal], &[]),
    ("bad/name-reverse-zone.pem", &[NameInternal], &[]),
    ("bad/name-san-mix.pem", &[SanIpReserved], &[SanDuplicate, SanTypeNotAllowed]),
    ("bad/name-single-label.pem", &[NameInternal], &[]),
    ("bad/name-trailing-dot.pem", &[NameSyntax], &[]),
    ("bad/name-underscore.pem", &[NameSyntax], &[]),
    ("bad/name-unicode.pem", &[NameIdn], &[]),
    ("bad/name-wildcard-partial.pem", &[NameWildcardInvalid], &[]),
    ("bad/name-wildcard-public-suffix.pem", &[NameWildcardPublicSuffix], &[]),
    ("bad/name-wildcard-two.pem", &[NameWildcardInvalid], &[]),
    ("bad/not-base64.txt", &[Base64Invalid], &[]),
    ("bad/p256-explicit-params.pem", &[EcCurveNotNamed], &[SignatureNotChecked]),
    ("bad/p521-sha512.pem", &[EcCurveUnsupported], &[SignatureNotChecked]),
    ("bad/pem-bang.pem", &[Base64Invalid], &[]),
    ("bad/pem-no-end.pem", &[Base64Invalid], &[]),
    ("bad/pem-placeholder.pem", &[DerMalformed], &[]),
    ("bad/rsa-pss-key.pem", &[KeyAlgorithmUnsupported, SignatureAlgorithmUnsupported], &[]),
    ("bad/rsa-pss-signature.pem", &[SignatureAlgorithmUnsupported], &[]),
    ("bad/rsa1024-sha256.pem", &[RsaKeySize], &[]),
    ("bad/rsa2047-sha256.pem", &[RsaKeySize], &[]),
    ("bad/rsa2052-sha256.pem", &[RsaKeySizeNotMultipleOf8], &[]),
    ("bad/rsa8200-sha256.pem", &[RsaKeySize], &[]),
    ("bad/secp256k1-sha256.pem", &[EcCurveUnsupported], &[SignatureNotChecked]),
    ("bad/sig-flipped-rsa.pem", &[SignatureInvalid], &[]),
    ("bad/sig-key-mismatch.pem", &[SignatureKeyMismatch], &[]),
    ("bad/sig-tampered-p256-sha224.pem", &[SignatureInvalid], &[]),
    ("bad/sig-tampered-p256-sha256.pem", &[SignatureInvalid], &[]),
    ("bad/sig-tampered-p384-sha1.pem", &[SignatureInvalid], &[SignatureWeakHash]),
    ("bad/sig-tampered-p384-sha384.pem", &[SignatureInvalid], &[]),
    ("bad/sig-tampered-rsa-md5.pem", &[SignatureInvalid], &[SignatureWeakHash]),
    ("bad/sig-tampered-rsa-sha224.pem", &[SignatureInvalid], &[]),
    ("bad/sig-tampered-rsa.pem", &[SignatureInvalid], &[]),
    ("bad/subject-cn-ia5.pem", &[SubjectStringType], &[]),
    ("bad/subject-cn-too-long.pem", &[SubjectAttributeTooLong], &[]),
    ("bad/subject-control-char.pem", &[SubjectControlCharacter], &[]),
    ("bad/subject-country-uk.pem", &[SubjectCountryInvalid], &[]),
    ("bad/subject-country-utf8.pem", &[SubjectStringType], &[]),
    ("bad/subject-empty-ou.pem", &[SubjectAttributeEmpty], &[SubjectOuPresent]),
    ("bad/subject-no-cn.pem", &[SubjectCnMissing], &[]),
    ("bad/subject-o-too-long.pem", &[SubjectAttributeTooLong], &[]),
    ("bad/subject-printable-bad-char.pem", &[SubjectStringInvalid], &[]),
    ("bad/subject-universal-non-ascii.pem", &[SubjectStringInvalid], &[]),
    ("bad/subject-utf8-invalid.pem", &[SubjectStringInvalid], &[]),
    ("bad/weak-even-modulus.pem", &[RsaModulusEven], &[]),
    ("bad/weak-exponent-1.pem", &[RsaExponentTooSmall], &[]),
    ("bad/weak-exponent-above-modulus.pem", &[RsaExponentNotBelowModulus], &[RsaExponentOutOfRange]),
    ("bad/weak-exponent-even.pem", &[RsaExponentEven, SignatureInvalid], &[RsaExponentOutOfRange]),
    ("bad/weak-fermat-close-primes.pem", &[RsaFermatFactorable], &[]),
    ("bad/weak-fermat-p-equals-q.pem", &[RsaFermatFactorable], &[]),
    ("bad/weak-perfect-cube.pem", &[RsaPerfectPower], &[]),
    ("bad/weak-roca.pem", &[RsaRoca], &[]),
    ("bad/weak-small-factor-65537.pem", &[RsaSmallFactor], &[]),
    ("ok/base64-url-safe-unpadded.b64", &[], &[Base64NonCanonical]),
    ("ok/blocklisted-ec.pem", &[], &[]),
    ("ok/blocklisted-rsa.pem", &[], &[]),
    ("ok/der-no-attributes.pem", &[], &[]),
    ("ok/ec-point-compressed.pem", &[], &[EcPointCompressed]),
    ("ok/extension-ca.pem", &[], &[ExtensionCa]),
    ("ok/name-cn-not-in-san.pem", &[], &[CnNotInSan]),
    ("ok/name-idn-a-label.pem", &[], &[]),
    ("ok/name-ip-public.pem", &[], &[]),
    ("ok/name-no-san.pem", &[], &[]),
    ("ok/name-wildcard.pem", &[], &[]),
    ("ok/name-wildcard-private-suffix.pem", &[], &[NameAdvisory]),
    ("ok/new-label.pem", &[], &[]),
    ("ok/p256-compressed-openssl.pem", &[], &[EcPointCompressed]),
    ("ok/p256-sha1.pem", &[], &[SignatureWeakHash]),
    ("ok/p256-sha224.pem", &[], &[]),
    ("ok/p256-sha256.pem", &[], &[]),
    ("ok/p256-sha384.pem", &[], &[]),
    ("ok/p256-sha512.pem", &[], &[]),
    ("ok/p384-sha1.pem", &[], &[SignatureWeakHash]),
    ("ok/p384-sha224.pem", &[], &[]),
    ("ok/p384-sha256.pem", &[], &[]),
    ("ok/p384-sha384.pem", &[], &[]),
    ("ok/p384-sha512.pem", &[], &[]),
    ("ok/pem-crlf.pem", &[], &[]),
    ("ok/pem-label-certificate.pem", &[], &[PemLabelUnexpected]),
    ("ok/pem-surrounding-text.pem", &[], &[PemArmourMalformed]),
    ("ok/pem-two-blocks.pem", &[], &[PemMultipleBlocks]),
    ("ok/rsa2048-md5.pem", &[], &[SignatureWeakHash]),
    ("ok/rsa2048-sha1.pem", &[], &[SignatureWeakHash]),
    ("ok/rsa2048-sha224.pem", &[], &[]),
    ("ok/rsa2048-sha256-crlf.b64", &[], &[]),
    ("ok/rsa2048-sha256-oneline.b64", &[], &[]),
    ("ok/rsa2048-sha256.der", &[], &[]),
    ("ok/rsa2048-sha256.pem", &[], &[]),
    ("ok/rsa2048-sha384.pem", &[], &[]),
    ("ok/rsa2048-sha512.pem", &[], &[]),
    ("ok/rsa3072-sha256.pem", &[], &[]),
    ("ok/rsa4096-sha256.pem", &[], &[]),
    ("ok/rsa8192-sha256.pem", &[], &[RsaKeySizeUnusual]),
    ("ok/sig-ecdsa-params-null.pem", &[], &[SignatureParametersInvalid]),
    ("ok/sig-rsa-params-absent.pem", &[], &[SignatureParametersInvalid]),
    ("ok/subject-bmp.pem", &[], &[SubjectStringDeprecated]),
    ("ok/subject-hygiene.pem", &[], &[SubjectHtmlEntity, SubjectOuPresent, SubjectPlaceholder, SubjectWhitespace]),
    ("ok/subject-mojibake.pem", &[], &[SubjectMojibake]),
    ("ok/subject-openssl-defaults.pem", &[], &[SubjectPlaceholder]),
    ("ok/subject-shape.pem", &[], &[SubjectAttributeIgnored, SubjectCnMultiple, SubjectDuplicateAttribute, SubjectMultiValuedRdn]),
    ("ok/subject-teletex.pem", &[], &[SubjectStringDeprecated]),
    ("ok/subject-universal-ascii.pem", &[], &[SubjectStringDeprecated]),
    ("ok/subject-utf8.pem", &[], &[]),
    ("ok/weak-exponent-256-bit.pem", &[], &[RsaExponentUnusual]),
    ("ok/weak-exponent-257-bit.pem", &[], &[RsaExponentOutOfRange]),
    ("ok/weak-exponent-3.pem", &[], &[RsaExponentOutOfRange]),
];

#[test]
fn corpus_verdicts() {
    for &(rel, errors, others) in CORPUS {
        let report = lint(rel);
        let expected_errors: BTreeSet<RuleId> = errors.iter().copied().collect();
        let expected_others: BTreeSet<RuleId> = others.iter().copied().collect();
        assert_eq!(
            rules(&report, true),
            expected_errors,
            "{rel}: errors\n{report:#?}"
        );
        assert_eq!(
            rules(&report, false),
            expected_others,
            "{rel}: warnings and infos\n{report:#?}"
        );
        assert_eq!(report.is_ok(), errors.is_empty(), "{rel}");
        assert_eq!(
            rel.starts_with("ok/"),
            report.is_ok(),
            "{rel} is in the wrong folder"
        );
        // Deterministic.
        assert_eq!(lint(rel), report, "{rel}");
    }
}

#[test]
fn corpus_is_complete_and_large_enough() {
    let mut on_disk = BTreeSet::new();
    for sub in ["ok", "bad"] {
        for entry in std::fs::read_dir(dir().join(sub)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            on_disk.insert(format!("{sub}/{name}"));
        }
    }
    let listed: BTreeSet<String> = CORPUS.iter().map(|(rel, ..)| (*rel).to_owned()).collect();
    assert_eq!(on_disk, listed, "every corpus file has an expected verdict");
    assert!(listed.len() >= 50, "issue #4 asks for at least 50 CSRs");
}

/// Rules no corpus file (under any policy used in these tests) produces, and why.
const UNREACHED: &[(RuleId, &str)] = &[];

#[test]
fn every_rule_is_reached() {
    let mut seen: BTreeSet<RuleId> = BTreeSet::new();
    for &(rel, errors, others) in CORPUS {
        let _ = rel;
        seen.extend(errors.iter().chain(others.iter()).copied());
    }
    for (rel, policy) in policy_cases() {
        seen.extend(lint_with(rel, &policy).findings().iter().map(|f| f.rule()));
    }
    seen.extend(
        lint_with("ok/blocklisted-rsa.pem", &blocklist_policy())
            .findings()
            .iter()
            .map(|f| f.rule()),
    );
    let unreached: BTreeSet<RuleId> = UNREACHED.iter().map(|(r, _)| *r).collect();
    let missing: Vec<&str> = RULES
        .iter()
        .filter(|r| !seen.contains(&r.rule) && !unreached.contains(&r.rule))
        .map(|r| r.id)
        .collect();
    assert!(missing.is_empty(), "rules no fixture reaches: {missing:?}");
    for rule in RULES {
        assert!(
            seen.contains(&rule.rule) != unreached.contains(&rule.rule),
            "{}: reached = {}, listed as unreached = {}",
            rule.id,
            seen.contains(&rule.rule),
            unreached.contains(&rule.rule)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Products
// ---------------------------------------------------------------------------------------------

fn policy_cases() -> Vec<(&'static str, Policy)> {
    let mut ip_only = Policy::default();
    ip_only.ip_addresses = Requirement::Required;
    vec![
        (
            "ok/rsa2048-sha256.pem",
            Policy::for_products(&[289]).unwrap(),
        ),
        (
            "ok/name-wildcard.pem",
            Policy::for_products(&[287]).unwrap(),
        ),
        (
            "ok/name-ip-public.pem",
            Policy::for_products(&[287]).unwrap(),
        ),
        ("ok/name-no-san.pem", Policy::for_products(&[316]).unwrap()),
        ("ok/rsa2048-sha256.pem", ip_only),
    ]
}

#[test]
fn wildcard_products() {
    // 289 PositiveSSL Wildcard DV: the CN must be one wildcard (-6).
    let wildcard = Policy::for_products(&[289]).unwrap();
    assert_eq!(wildcard.wildcard, Requirement::Required);
    assert!(lint_with("ok/name-wildcard.pem", &wildcard).is_ok());
    let report = lint_with("ok/rsa2048-sha256.pem", &wildcard);
    assert_eq!(rules(&report, true), [CnWildcardRequired].into());
    assert_eq!(report.predicted_codes(), [-6]);
    let report = lint_with("bad/name-wildcard-two.pem", &wildcard);
    assert!(report.has(CnWildcardRequired));
    assert!(report.has(NameWildcardInvalid));
    // 287 PositiveSSL DV, 337 SectigoSSL EV: no wildcard in the CN (-5), nor in SANs.
    for code in [287, 337] {
        let report = lint_with(
            "ok/name-wildcard.pem",
            &Policy::for_products(&[code]).unwrap(),
        );
        assert_eq!(rules(&report, true), [CnWildcardForbidden].into(), "{code}");
        assert!(report.has(SanWildcardForbidden), "{code}");
        assert_eq!(report.predicted_codes(), [-5]);
    }
    // Without a product, a wildcard is neither required nor forbidden.
    assert!(lint("ok/name-wildcard.pem").is_ok());
}

#[test]
fn ip_address_products() {
    // A single-name DV product takes no IP address (-35).
    let report = lint_with(
        "ok/name-ip-public.pem",
        &Policy::for_products(&[287]).unwrap(),
    );
    assert_eq!(rules(&report, true), [CnIpForbidden].into());
    assert_eq!(rules(&report, false), [SanIpForbidden].into());
    assert_eq!(report.predicted_codes(), [-35]);
    // Non-EV multi-domain and UCC products do (catalogue inference).
    for code in [279, 492, 583] {
        let policy = Policy::for_products(&[code]).unwrap();
        assert_eq!(policy.ip_addresses, Requirement::Optional, "{code}");
        assert!(
            lint_with("ok/name-ip-public.pem", &policy).is_ok(),
            "{code}"
        );
    }
    // EV multi-domain does not.
    assert_eq!(
        Policy::for_products(&[410]).unwrap().ip_addresses,
        Requirement::Forbidden
    );
    // Reserved addresses are refused whatever the product (-19).
    let report = lint_with(
        "bad/name-ip-reserved.pem",
        &Policy::for_products(&[279]).unwrap(),
    );
    assert_eq!(rules(&report, true), [CnIpReserved, SanIpReserved].into());
    assert_eq!(report.predicted_codes(), [-19]);
    // A product taking IP addresses only: a domain name in the CN is -18.
    let mut ip_only = Policy::default();
    ip_only.ip_addresses = Requirement::Required;
    let report = lint_with("ok/rsa2048-sha256.pem", &ip_only);
    assert_eq!(rules(&report, true), [CnFqdnForbidden].into());
    assert_eq!(report.predicted_codes(), [-18]);
    assert!(lint_with("ok/name-ip-public.pem", &ip_only).is_ok());
}

#[test]
fn validation_levels() {
    // OV (316): O and C present, neither L nor ST.
    let report = lint_with(
        "ok/name-no-san.pem",
        &Policy::for_products(&[316, 36]).unwrap(),
    );
    let missing: Vec<_> = report.with_severity(Severity::Warning).collect();
    assert_eq!(missing.len(), 1, "{report:#?}");
    assert_eq!(missing[0].rule(), SubjectFieldMissing);
    assert_eq!(missing[0].code(), Some(-8));
    assert!(missing[0].message().contains("localityName"));
    // All present.
    assert!(
        lint_with(
            "ok/rsa2048-sha256.pem",
            &Policy::for_products(&[337]).unwrap()
        )
        .findings()
        .is_empty()
    );
    // DV asks for nothing.
    assert!(
        lint_with("ok/name-no-san.pem", &Policy::for_products(&[488]).unwrap())
            .findings()
            .is_empty()
    );
}

#[test]
fn policy_from_products_errors() {
    assert_eq!(
        Policy::for_products(&[9999]),
        Err(PolicyError::UnknownProduct { code: 9999 })
    );
    assert_eq!(Policy::for_products(&[36]), Err(PolicyError::NoTlsProduct));
    assert_eq!(Policy::for_products(&[]), Err(PolicyError::NoTlsProduct));
    assert_eq!(
        Policy::for_products(&[287, 289]),
        Err(PolicyError::SeveralTlsProducts {
            first: 287,
            second: 289
        })
    );
    assert_eq!(
        Policy::for_products(&[316, 36]).unwrap().products,
        [316, 36]
    );
}

#[test]
fn common_name_requirement_can_be_relaxed() {
    let mut policy = Policy::default();
    policy.require_common_name = false;
    assert!(lint_with("bad/subject-no-cn.pem", &policy).is_ok());
}

// ---------------------------------------------------------------------------------------------
// Blocklist
// ---------------------------------------------------------------------------------------------

fn blocklist_policy() -> Policy {
    let mut list = Blocklist::new();
    list.add_hex_lines(std::str::from_utf8(&read("blocklist.txt")).unwrap())
        .unwrap();
    assert_eq!(list.len(), 2);
    Policy::default().with_blocklist(list)
}

#[test]
fn blocklisted_keys_are_refused() {
    let policy = blocklist_policy();
    for rel in ["ok/blocklisted-rsa.pem", "ok/blocklisted-ec.pem"] {
        let report = lint_with(rel, &policy);
        assert_eq!(rules(&report, true), [KeyBlocklisted].into(), "{rel}");
        assert_eq!(report.predicted_codes(), [-40]);
    }
    assert!(
        lint_with("ok/blocklisted-rsa.pem", &policy).findings()[0]
            .message()
            .contains("badkeys hash")
    );
    assert!(
        lint_with("ok/blocklisted-ec.pem", &policy).findings()[0]
            .message()
            .contains("SubjectPublicKeyInfo")
    );
    for rel in ["ok/rsa2048-sha256.pem", "ok/p256-sha256.pem"] {
        assert!(lint_with(rel, &policy).is_ok(), "{rel}");
    }
}

// ---------------------------------------------------------------------------------------------
// Input layer
// ---------------------------------------------------------------------------------------------

#[test]
fn encodings_of_one_request_agree() {
    let reference = lint("ok/rsa2048-sha256.pem");
    for (rel, form) in [
        ("ok/rsa2048-sha256.pem", InputForm::Pem),
        ("ok/rsa2048-sha256.der", InputForm::Der),
        ("ok/rsa2048-sha256-crlf.b64", InputForm::Base64),
        ("ok/rsa2048-sha256-oneline.b64", InputForm::Base64),
        ("ok/new-label.pem", InputForm::Pem),
        ("ok/pem-crlf.pem", InputForm::Pem),
        ("ok/base64-url-safe-unpadded.b64", InputForm::Base64),
    ] {
        let report = lint(rel);
        assert_eq!(report.facts().input, Some(form), "{rel}");
        assert_eq!(
            report.facts().spki_sha256,
            reference.facts().spki_sha256,
            "{rel}"
        );
        assert_eq!(report.facts().subject, reference.facts().subject, "{rel}");
        assert!(report.is_ok(), "{rel}: {report:#?}");
        assert_eq!(
            report.facts().signature,
            reference.facts().signature,
            "{rel}"
        );
    }
}

#[test]
fn base64_errors_point_at_the_character() {
    let text = read("bad/pem-bang.pem");
    let bang = text.iter().position(|&b| b == b'!').unwrap();
    let report = lint_csr(&text, &Policy::default()).unwrap();
    assert_eq!(report.findings().len(), 1);
    assert_eq!(report.findings()[0].offset(), Some(bang));
    assert!(
        report.findings()[0].message().contains("'!'"),
        "{}",
        report.findings()[0].message()
    );
    assert_eq!(report.findings()[0].code(), Some(-9));
    assert_eq!(report.facts().input, None);
}

#[test]
fn empty_input_is_an_error() {
    for input in [&b""[..], b"  \r\n\t "] {
        let err = lint_csr(input, &Policy::default()).unwrap_err();
        assert_eq!(err.format(), Format::Csr);
        assert_eq!(err.kind(), &DecodeErrorKind::Empty);
    }
}

#[test]
fn size_limit_at_the_cap_and_one_past() {
    let pem = read("ok/rsa2048-sha256.pem");
    let mut padded = pem.clone();
    padded.resize(MAX_CSR_CHARS, b'\n');
    let report = lint_csr(&padded, &Policy::default()).unwrap();
    assert!(report.is_ok());
    padded.push(b'\n');
    let err = lint_csr(&padded, &Policy::default()).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: Limit::CsrSize,
            max: MAX_CSR_CHARS
        }
    );
    // DER counts as its base64 length: 24573 bytes are 32764 characters, 24574 are 32768.
    let der = read("ok/rsa2048-sha256.der");
    let mut long = der.clone();
    long.resize(24_573, 0);
    let report = lint_csr(&long, &Policy::default()).unwrap();
    assert!(report.has(DerTrailingData));
    assert!(!report.has(SignatureInvalid));
    long.push(0);
    assert!(lint_csr(&long, &Policy::default()).unwrap_err().is_limit());
}

// ---------------------------------------------------------------------------------------------
// Signatures: all 11 algorithms, each backend path, negative controls
// ---------------------------------------------------------------------------------------------

/// (file, algorithm, backend with the aws-lc feature)
const ALGORITHMS: &[(&str, SignatureAlgorithm, Backend)] = &[
    (
        "ok/rsa2048-md5.pem",
        SignatureAlgorithm::Md5WithRsa,
        Backend::RustCrypto,
    ),
    (
        "ok/rsa2048-sha1.pem",
        SignatureAlgorithm::Sha1WithRsa,
        Backend::AwsLc,
    ),
    (
        "ok/rsa2048-sha224.pem",
        SignatureAlgorithm::Sha224WithRsa,
        Backend::RustCrypto,
    ),
    (
        "ok/rsa2048-sha256.pem",
        SignatureAlgorithm::Sha256WithRsa,
        Backend::AwsLc,
    ),
    (
        "ok/rsa2048-sha384.pem",
        SignatureAlgorithm::Sha384WithRsa,
        Backend::AwsLc,
    ),
    (
        "ok/rsa2048-sha512.pem",
        SignatureAlgorithm::Sha512WithRsa,
        Backend::AwsLc,
    ),
    (
        "ok/rsa3072-sha256.pem",
        SignatureAlgorithm::Sha256WithRsa,
        Backend::AwsLc,
    ),
    (
        "ok/rsa4096-sha256.pem",
        SignatureAlgorithm::Sha256WithRsa,
        Backend::AwsLc,
    ),
    (
        "ok/rsa8192-sha256.pem",
        SignatureAlgorithm::Sha256WithRsa,
        Backend::AwsLc,
    ),
    (
        "bad/rsa1024-sha256.pem",
        SignatureAlgorithm::Sha256WithRsa,
        Backend::RustCrypto,
    ),
    (
        "bad/rsa8200-sha256.pem",
        SignatureAlgorithm::Sha256WithRsa,
        Backend::RustCrypto,
    ),
    (
        "ok/p256-sha1.pem",
        SignatureAlgorithm::EcdsaWithSha1,
        Backend::AwsLc,
    ),
    (
        "ok/p256-sha224.pem",
        SignatureAlgorithm::EcdsaWithSha224,
        Backend::RustCrypto,
    ),
    (
        "ok/p256-sha256.pem",
        SignatureAlgorithm::EcdsaWithSha256,
        Backend::AwsLc,
    ),
    (
        "ok/p256-sha384.pem",
        SignatureAlgorithm::EcdsaWithSha384,
        Backend::AwsLc,
    ),
    (
        "ok/p256-sha512.pem",
        SignatureAlgorithm::EcdsaWithSha512,
        Backend::AwsLc,
    ),
    (
        "ok/p384-sha1.pem",
        SignatureAlgorithm::EcdsaWithSha1,
        Backend::RustCrypto,
    ),
    (
        "ok/p384-sha224.pem",
        SignatureAlgorithm::EcdsaWithSha224,
        Backend::RustCrypto,
    ),
    (
        "ok/p384-sha256.pem",
        SignatureAlgorithm::EcdsaWithSha256,
        Backend::AwsLc,
    ),
    (
        "ok/p384-sha384.pem",
        SignatureAlgorithm::EcdsaWithSha384,
        Backend::AwsLc,
    ),
    (
        "ok/p384-sha512.pem",
        SignatureAlgorithm::EcdsaWithSha512,
        Backend::AwsLc,
    ),
    (
        "ok/ec-point-compressed.pem",
        SignatureAlgorithm::EcdsaWithSha256,
        Backend::RustCrypto,
    ),
    (
        "bad/ec-point-hybrid.pem",
        SignatureAlgorithm::EcdsaWithSha256,
        Backend::RustCrypto,
    ),
    (
        "ok/weak-exponent-3.pem",
        SignatureAlgorithm::Sha256WithRsa,
        Backend::AwsLc,
    ),
    (
        "ok/weak-exponent-256-bit.pem",
        SignatureAlgorithm::Sha256WithRsa,
        Backend::Reference,
    ),
    (
        "bad/weak-exponent-1.pem",
        SignatureAlgorithm::Sha256WithRsa,
        Backend::Reference,
    ),
    (
        "bad/weak-even-modulus.pem",
        SignatureAlgorithm::Sha256WithRsa,
        Backend::Reference,
    ),
    (
        "bad/weak-exponent-above-modulus.pem",
        SignatureAlgorithm::Sha256WithRsa,
        Backend::Reference,
    ),
    (
        "bad/weak-small-factor-65537.pem",
        SignatureAlgorithm::Sha256WithRsa,
        Backend::AwsLc,
    ),
];

fn expected_backend(with_aws_lc: Backend) -> Backend {
    if cfg!(feature = "aws-lc") || with_aws_lc != Backend::AwsLc {
        with_aws_lc
    } else {
        Backend::RustCrypto
    }
}

#[test]
fn every_algorithm_verifies_on_the_expected_backend() {
    let mut algorithms = BTreeSet::new();
    for (rel, alg, backend) in ALGORITHMS {
        let report = lint(rel);
        assert_eq!(
            report.facts().signature_algorithm.as_ref(),
            Some(alg),
            "{rel}"
        );
        assert_eq!(
            report.facts().signature,
            SignatureCheck::Valid {
                backend: expected_backend(*backend)
            },
            "{rel}"
        );
        algorithms.insert(alg.name().to_owned());
    }
    assert_eq!(
        algorithms.len(),
        11,
        "all 11 signature algorithms of DIGEST §6.4"
    );
}

/// Flips one bit of the signature's last byte (the BIT STRING ends the CertificationRequest,
/// which may be followed by trailing bytes).
fn corrupt_signature(der: &[u8]) -> Vec<u8> {
    let mut der = der.to_vec();
    let end = match der[1] {
        0x81 => 3 + usize::from(der[2]),
        0x82 => 4 + usize::from(der[2]) * 256 + usize::from(der[3]),
        l => 2 + usize::from(l),
    };
    der[end - 1] ^= 0x10;
    der
}

fn der_of(rel: &str) -> Vec<u8> {
    let bytes = read(rel);
    if rel.ends_with(".der") {
        return bytes;
    }
    if pem::contains_pem(&bytes) {
        return pem::decode(&bytes).unwrap().blocks()[0].der().to_vec();
    }
    base64::decode(&bytes).unwrap().into_bytes()
}

#[test]
fn corrupted_signatures_are_caught_on_every_path() {
    for (rel, _, backend) in ALGORITHMS {
        let report = lint_csr(&corrupt_signature(&der_of(rel)), &Policy::default()).unwrap();
        assert_eq!(
            report.facts().signature,
            SignatureCheck::Invalid,
            "{rel} ({backend:?} path)"
        );
        assert!(report.has(SignatureInvalid), "{rel}");
        assert!(report.predicted_codes().contains(&-12), "{rel}");
    }
    // A changed byte in the signed data, on every algorithm.
    for (rel, ..) in ALGORITHMS {
        let mut der = der_of(rel);
        let at = der.windows(5).position(|w| w == b"Acme ").unwrap();
        der[at] = b'a';
        let report = lint_csr(&der, &Policy::default()).unwrap();
        assert_eq!(report.facts().signature, SignatureCheck::Invalid, "{rel}");
    }
}

// ---------------------------------------------------------------------------------------------
// Facts
// ---------------------------------------------------------------------------------------------

#[test]
fn facts_are_read() {
    let report = lint("ok/rsa2048-sha256.pem");
    let facts = report.facts();
    assert_eq!(
        facts.key,
        Some(KeyFacts::Rsa {
            bits: 2048,
            exponent: Some(65_537),
            exponent_bits: 17
        })
    );
    assert_eq!(facts.common_name.as_deref(), Some("www.acme-widgets.com"));
    assert_eq!(
        facts.subject_alt_names,
        [
            SubjectAltName::Dns("www.acme-widgets.com".into()),
            SubjectAltName::Dns("acme-widgets.com".into())
        ]
    );
    let names: Vec<_> = facts
        .subject
        .iter()
        .map(|a| (a.name.unwrap(), a.value.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("C", "GB"),
            ("ST", "Greater Manchester"),
            ("L", "Salford"),
            ("O", "Acme Widgets Ltd"),
            ("CN", "www.acme-widgets.com")
        ]
    );
    assert_eq!(facts.subject[0].string_type, StringType::Printable);
    assert_eq!(facts.subject[0].oid, "2.5.4.6");
    assert_eq!(facts.subject[4].string_type, StringType::Utf8);

    let facts = lint("ok/p384-sha384.pem").facts().clone();
    assert_eq!(
        facts.key,
        Some(KeyFacts::Ec {
            curve: Curve::P384,
            point_form: Some(PointForm::Uncompressed)
        })
    );
    let facts = lint("ok/ec-point-compressed.pem").facts().clone();
    assert_eq!(
        facts.key,
        Some(KeyFacts::Ec {
            curve: Curve::P256,
            point_form: Some(PointForm::Compressed)
        })
    );
    let facts = lint("bad/p521-sha512.pem").facts().clone();
    assert_eq!(
        facts.key,
        Some(KeyFacts::Ec {
            curve: Curve::P521,
            point_form: None
        })
    );
    let facts = lint("bad/ed25519.pem").facts().clone();
    assert_eq!(
        facts.key,
        Some(KeyFacts::Other {
            algorithm: "Ed25519".into()
        })
    );
    assert_eq!(
        facts.signature_algorithm,
        Some(SignatureAlgorithm::Other("Ed25519".into()))
    );
    let facts = lint("ok/subject-bmp.pem").facts().clone();
    assert_eq!(facts.subject[2].string_type, StringType::Bmp);
    assert_eq!(facts.subject[2].value, "Acme Zürich");
    let facts = lint("bad/name-san-mix.pem").facts().clone();
    assert_eq!(facts.subject_alt_names.len(), 5);
    assert_eq!(
        facts.subject_alt_names[4],
        SubjectAltName::Ip("10.0.0.1".parse().unwrap())
    );
    assert_eq!(
        facts.subject_alt_names[2],
        SubjectAltName::Email("admin@acme-widgets.com".into())
    );
}

#[test]
fn findings_carry_offsets_into_the_der() {
    let der = der_of("bad/subject-country-uk.pem");
    let report = lint("bad/subject-country-uk.pem");
    let finding = &report.findings()[0];
    let at = finding.offset().unwrap();
    // The offset is the countryName value's tag: PrintableString "UK".
    assert_eq!(&der[at..at + 4], b"\x13\x02UK");
    assert_eq!(
        finding.to_string(),
        format!("error subject-country-invalid (-7): {}", finding.message())
    );
    assert!(finding.message().contains("use GB"));
}

// ---------------------------------------------------------------------------------------------
// openssl cross-check
// ---------------------------------------------------------------------------------------------

/// Requests whose key OpenSSL refuses although the signature is mathematically valid (checked
/// here by the reference implementation): an even modulus (OpenSSL's Montgomery arithmetic
/// needs an odd one) and an exponent above the modulus.
const OPENSSL_REFUSES_KEY: &[&str] = &[
    "bad/weak-even-modulus.pem",
    "bad/weak-exponent-above-modulus.pem",
];

/// `Some(true)` verify OK, `Some(false)` verify failure, `None` openssl cannot read the request
/// (it refuses invalid UTF-8 in a UTF8String, for example).
fn openssl_verifies(der: &[u8]) -> Option<bool> {
    let mut child = Command::new("openssl")
        .args(["req", "-inform", "DER", "-verify", "-noout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(der).ok()?;
    let out = child.wait_with_output().ok()?;
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    if text.contains("verify OK") {
        Some(true)
    } else if text.contains("verify failure") {
        Some(false)
    } else {
        None
    }
}

#[test]
fn signature_verdicts_match_openssl() {
    if Command::new("openssl").arg("version").output().is_err() {
        eprintln!("openssl is not installed: cross-check skipped");
        return;
    }
    let mut compared = 0;
    for &(rel, ..) in CORPUS {
        let report = lint(rel);
        let ours = report.facts().signature;
        if ours == SignatureCheck::NotChecked {
            continue;
        }
        let der = der_of(rel);
        let Some(theirs) = openssl_verifies(&der) else {
            assert_eq!(
                rel, "bad/subject-utf8-invalid.pem",
                "openssl cannot read {rel}"
            );
            continue;
        };
        match ours {
            SignatureCheck::Valid { .. } if OPENSSL_REFUSES_KEY.contains(&rel) => {
                assert!(
                    !theirs,
                    "{rel}: openssl now accepts this key; update the list"
                );
            }
            SignatureCheck::Valid { .. } => assert!(theirs, "{rel}: valid here, openssl disagrees"),
            _ => assert!(!theirs, "{rel}: invalid here, openssl says OK"),
        }
        // And the negative control.
        assert_eq!(
            openssl_verifies(&corrupt_signature(&der)),
            Some(false),
            "{rel}: negative control"
        );
        compared += 1;
    }
    assert!(compared >= 90, "{compared}");
}

// ---------------------------------------------------------------------------------------------
// Robustness
// ---------------------------------------------------------------------------------------------

mod robustness {
    use proptest::prelude::*;

    use super::*;

    fn tlv(tag: u8, value: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        match value.len() {
            n if n < 0x80 => out.push(n as u8),
            n if n < 0x100 => out.extend([0x81, n as u8]),
            n => out.extend([0x82, (n >> 8) as u8, n as u8]),
        }
        out.extend_from_slice(value);
        out
    }

    /// A request whose extensionRequest holds `count` dNSName SANs, all `"a.bc"` (so every
    /// one after the first is a duplicate), with the key, subject and signature of a real
    /// CSR (the signature no longer matches).
    fn many_sans(count: usize) -> Vec<u8> {
        let der = der_of("ok/rsa2048-sha256.pem");
        // Outer SEQUENCE (4-byte header), CRI SEQUENCE (4-byte header).
        let cri_len = usize::from(der[6]) * 256 + usize::from(der[7]);
        let cri = &der[8..8 + cri_len];
        let rest = &der[8 + cri_len..];
        // version, subject, spki are the CRI's first three TLVs; skip the [0] attributes.
        let mut pos = 0;
        for _ in 0..3 {
            let len = match cri[pos + 1] {
                0x81 => 3 + usize::from(cri[pos + 2]),
                0x82 => 4 + usize::from(cri[pos + 2]) * 256 + usize::from(cri[pos + 3]),
                l => 2 + usize::from(l),
            };
            pos += len;
        }
        let names: Vec<u8> = (0..count).flat_map(|_| tlv(0x82, b"a.bc")).collect();
        let san = tlv(
            0x30,
            &[
                tlv(0x06, &[0x55, 0x1D, 0x11]),
                tlv(0x04, &tlv(0x30, &names)),
            ]
            .concat(),
        );
        let ext_req = tlv(
            0x30,
            &[
                tlv(
                    0x06,
                    &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x0E],
                ),
                tlv(0x31, &tlv(0x30, &san)),
            ]
            .concat(),
        );
        let new_cri = tlv(0x30, &[&cri[..pos], &tlv(0xA0, &ext_req)].concat());
        tlv(0x30, &[new_cri.as_slice(), rest].concat())
    }

    /// The request of `ok/rsa2048-sha256.pem` with its key replaced by (n, e) given as
    /// big-endian magnitudes (the signature no longer matches).
    fn with_rsa_key(n: &[u8], e: &[u8]) -> Vec<u8> {
        let der = der_of("ok/rsa2048-sha256.pem");
        let cri_len = usize::from(der[6]) * 256 + usize::from(der[7]);
        let cri = &der[8..8 + cri_len];
        let rest = &der[8 + cri_len..];
        let mut spans = Vec::new();
        let mut pos = 0;
        while pos < cri.len() {
            let len = match cri[pos + 1] {
                0x81 => 3 + usize::from(cri[pos + 2]),
                0x82 => 4 + usize::from(cri[pos + 2]) * 256 + usize::from(cri[pos + 3]),
                l => 2 + usize::from(l),
            };
            spans.push(&cri[pos..pos + len]);
            pos += len;
        }
        let int = |m: &[u8]| {
            if m[0] & 0x80 == 0 {
                tlv(0x02, m)
            } else {
                tlv(0x02, &[&[0u8][..], m].concat())
            }
        };
        let key = tlv(0x30, &[int(n), int(e)].concat());
        let alg = tlv(
            0x30,
            &[
                tlv(0x06, &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 1, 1, 1]),
                vec![5, 0],
            ]
            .concat(),
        );
        let spki = tlv(
            0x30,
            &[alg, tlv(0x03, &[&[0u8][..], &key].concat())].concat(),
        );
        let new_cri = tlv(0x30, &[spans[0], spans[1], &spki, spans[3]].concat());
        tlv(0x30, &[new_cri.as_slice(), rest].concat())
    }

    fn odd_number(bits: usize, seed: u8) -> Vec<u8> {
        let mut bytes: Vec<u8> = (0..bits / 8)
            .map(|i| (i as u8).wrapping_mul(151).wrapping_add(seed))
            .collect();
        bytes[0] |= 0x80;
        *bytes.last_mut().unwrap() |= 1;
        bytes
    }

    #[test]
    fn analysis_cap_at_16384_bits_and_one_byte_past() {
        // At the cap: analysed (the made-up modulus has small factors) and verified (no match).
        let report = lint_csr(
            &with_rsa_key(&odd_number(16_384, 7), &[1, 0, 1]),
            &Policy::default(),
        )
        .unwrap();
        assert!(report.has(RsaKeySize), "{report:#?}");
        assert!(report.has(SignatureInvalid), "{report:#?}");
        assert_eq!(report.facts().signature, SignatureCheck::Invalid);
        // Past it: reported (-13) but neither analysed nor verified.
        let report = lint_csr(
            &with_rsa_key(&odd_number(16_392, 7), &[1, 0, 1]),
            &Policy::default(),
        )
        .unwrap();
        assert!(report.has(RsaKeySize));
        assert!(report.has(SignatureNotChecked));
        assert!(!report.has(RsaSmallFactor) && !report.has(SignatureInvalid));
        assert_eq!(report.facts().signature, SignatureCheck::NotChecked);
    }

    #[test]
    fn reference_check_cost_cap() {
        // bits(e) * bits(n)^2 = 2^13 * 2^24 = 2^37: exactly at the cap, checked.
        let n = odd_number(4096, 3);
        let report = lint_csr(&with_rsa_key(&n, &odd_number(8192, 5)), &Policy::default()).unwrap();
        assert!(report.has(RsaExponentNotBelowModulus));
        assert_eq!(report.facts().signature, SignatureCheck::Invalid);
        // One byte more exponent: over the cap, not checked.
        let report = lint_csr(&with_rsa_key(&n, &odd_number(8200, 5)), &Policy::default()).unwrap();
        assert_eq!(report.facts().signature, SignatureCheck::NotChecked);
        assert!(report.has(SignatureNotChecked));
    }

    #[test]
    fn thousands_of_sans_are_linear() {
        let der = many_sans(3000);
        assert!(der.len() < 24_573);
        let start = std::time::Instant::now();
        let report = lint_csr(&der, &Policy::default()).unwrap();
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
        assert_eq!(report.facts().subject_alt_names.len(), 3000);
        assert_eq!(
            report
                .findings()
                .iter()
                .filter(|f| f.rule() == SanDuplicate)
                .count(),
            2999
        );
        assert!(report.has(SignatureInvalid));
        assert!(report.has(CnNotInSan));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            if let Ok(report) = lint_csr(&bytes, &Policy::default()) {
                // Deterministic, and every finding comes from the table.
                prop_assert_eq!(lint_csr(&bytes, &Policy::default()).unwrap(), report.clone());
                for f in report.findings() {
                    prop_assert!(RULES.iter().any(|r| r.rule == f.rule()));
                }
            }
        }

        #[test]
        fn mutated_requests_never_panic(
            file in prop::sample::select(vec![
                "ok/rsa2048-sha256.der",
                "ok/p256-sha256.pem",
                "ok/subject-shape.pem",
                "bad/name-san-mix.pem",
            ]),
            edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
            cut in any::<prop::sample::Index>(),
        ) {
            let mut der = der_of(file);
            for (at, byte) in edits {
                let i = at.index(der.len());
                der[i] = byte;
            }
            let len = der.len();
            let truncated = &der[..cut.index(len) + 1];
            for input in [&der[..], truncated] {
                let report = lint_csr(input, &Policy::default());
                if let Ok(report) = report {
                    let _ = report.is_ok();
                    let _ = report.predicted_codes();
                }
            }
        }
    }
}

/// The public contract of the rule table: every rule id, in report order, with its severity
/// and the Sectigo code it predicts (as `csr::RULES` documents them).
/// A change here is a breaking change for callers that match on ids or codes.
const RULE_CONTRACT: &[(&str, Severity, Option<i32>)] = &[
    ("base64-invalid", Severity::Error, Some(-9)),
    ("base64-non-canonical", Severity::Warning, None),
    ("pem-label-unexpected", Severity::Warning, None),
    ("pem-multiple-blocks", Severity::Warning, None),
    ("pem-armour-malformed", Severity::Warning, None),
    ("der-malformed", Severity::Error, Some(-10)),
    ("der-trailing-data", Severity::Error, Some(-10)),
    ("csr-version", Severity::Error, Some(-10)),
    ("extension-malformed", Severity::Error, None),
    ("key-algorithm-unsupported", Severity::Error, Some(-11)),
    (
        "signature-algorithm-unsupported",
        Severity::Error,
        Some(-11),
    ),
    ("signature-key-mismatch", Severity::Error, Some(-11)),
    ("ec-curve-not-named", Severity::Error, Some(-11)),
    ("key-parameters-invalid", Severity::Error, None),
    ("signature-parameters-invalid", Severity::Warning, None),
    ("signature-weak-hash", Severity::Warning, None),
    ("signature-invalid", Severity::Error, Some(-12)),
    ("signature-not-checked", Severity::Warning, None),
    ("rsa-key-size", Severity::Error, Some(-13)),
    ("rsa-key-size-not-multiple-of-8", Severity::Error, Some(-13)),
    ("rsa-key-size-unusual", Severity::Info, None),
    ("ec-curve-unsupported", Severity::Error, Some(-13)),
    ("rsa-key-malformed", Severity::Error, Some(-10)),
    ("rsa-modulus-even", Severity::Error, Some(-40)),
    ("rsa-small-factor", Severity::Error, Some(-40)),
    ("rsa-fermat-factorable", Severity::Error, Some(-40)),
    ("rsa-roca", Severity::Error, Some(-40)),
    ("rsa-perfect-power", Severity::Error, Some(-40)),
    ("rsa-exponent-even", Severity::Error, Some(-40)),
    ("rsa-exponent-too-small", Severity::Error, Some(-40)),
    ("rsa-exponent-not-below-modulus", Severity::Error, Some(-40)),
    ("rsa-exponent-out-of-range", Severity::Warning, None),
    ("rsa-exponent-unusual", Severity::Info, None),
    ("ec-point-malformed", Severity::Error, Some(-10)),
    ("ec-point-out-of-range", Severity::Error, Some(-40)),
    ("ec-point-not-on-curve", Severity::Error, Some(-40)),
    ("ec-point-identity", Severity::Error, Some(-40)),
    ("ec-point-compressed", Severity::Warning, None),
    ("ec-point-hybrid", Severity::Error, None),
    ("key-blocklisted", Severity::Error, Some(-40)),
    ("subject-cn-missing", Severity::Error, Some(-8)),
    ("subject-cn-multiple", Severity::Warning, None),
    ("subject-field-missing", Severity::Warning, Some(-8)),
    ("subject-country-invalid", Severity::Error, Some(-7)),
    ("subject-string-type", Severity::Error, Some(-10)),
    ("subject-string-invalid", Severity::Error, Some(-10)),
    ("subject-string-deprecated", Severity::Warning, None),
    ("subject-attribute-too-long", Severity::Error, None),
    ("subject-attribute-empty", Severity::Error, None),
    ("subject-control-character", Severity::Error, None),
    ("subject-whitespace", Severity::Warning, None),
    ("subject-placeholder", Severity::Warning, None),
    ("subject-mojibake", Severity::Warning, None),
    ("subject-html-entity", Severity::Warning, None),
    ("subject-duplicate-attribute", Severity::Warning, None),
    ("subject-multi-valued-rdn", Severity::Warning, None),
    ("subject-ou-present", Severity::Warning, None),
    ("subject-attribute-ignored", Severity::Info, None),
    ("cn-wildcard-forbidden", Severity::Error, Some(-5)),
    ("cn-wildcard-required", Severity::Error, Some(-6)),
    ("cn-ip-forbidden", Severity::Error, Some(-35)),
    ("cn-ip-reserved", Severity::Error, Some(-19)),
    ("cn-fqdn-forbidden", Severity::Error, Some(-18)),
    ("cn-not-in-san", Severity::Warning, None),
    ("name-syntax", Severity::Error, None),
    ("name-idn", Severity::Error, None),
    ("name-internal", Severity::Error, None),
    ("name-wildcard-invalid", Severity::Error, None),
    ("name-wildcard-public-suffix", Severity::Error, None),
    ("name-advisory", Severity::Warning, None),
    ("ip-not-canonical", Severity::Warning, None),
    ("san-ip-reserved", Severity::Error, None),
    ("san-ip-forbidden", Severity::Warning, None),
    ("san-wildcard-forbidden", Severity::Warning, None),
    ("san-type-not-allowed", Severity::Warning, None),
    ("san-duplicate", Severity::Warning, None),
    ("extension-ca", Severity::Warning, None),
];

#[test]
fn rule_ids_severities_and_codes_are_the_documented_ones() {
    let table: Vec<(&str, Severity, Option<i32>)> = RULES
        .iter()
        .map(|r| (r.rule.id(), r.rule.severity(), r.rule.code()))
        .collect();
    assert_eq!(table, RULE_CONTRACT);
    for (id, _, _) in RULE_CONTRACT {
        assert_eq!(RuleId::from_id(id).map(RuleId::id), Some(*id));
    }
}
