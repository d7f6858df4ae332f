//! Offline pre-flight linter for PKCS#10 certificate signing requests (issue #4).
//!
//! [`lint_csr`] predicts every rejection `AutoApplyOrder` documents for a CSR (DIGEST §6.4,
//! error codes in §6.5) and adds the checks the CA/Browser Forum Baseline Requirements and the
//! best public linters apply (boulder, zlint, pkilint, badkeys): weak and compromised keys,
//! name syntax, reserved addresses, subject hygiene. It reads no files, no clock and no
//! network: the caller passes the CSR and a [`Policy`] (derived from the product codes to be
//! ordered, plus an optional [`Blocklist`] of compromised keys).
//!
//! ```
//! use sectigo_codec::csr::{lint_csr, Policy, RuleId, Severity};
//!
//! let pem = include_bytes!("../testdata/csr/ok/rsa2048-sha256.pem");
//! let report = lint_csr(pem, &Policy::default())?;
//! assert!(report.is_ok());
//! assert_eq!(report.facts().common_name.as_deref(), Some("www.acme-widgets.com"));
//! for finding in report.findings() {
//!     // Nothing is an error; there may be informational findings.
//!     assert_ne!(finding.severity(), Severity::Error);
//! }
//!
//! let tampered = include_bytes!("../testdata/csr/bad/sig-tampered-rsa.pem");
//! let report = lint_csr(tampered, &Policy::default())?;
//! assert!(!report.is_ok());
//! assert!(report.has(RuleId::SignatureInvalid));
//! assert_eq!(report.predicted_codes(), vec![-12]);
//! # Ok::<(), sectigo_codec::DecodeError>(())
//! ```
//!
//! # What the input may be
//!
//! DIGEST §6.1 `csr`: "PKCS#10, Base64, with or without `-----BEGIN …-----`/`-----END …-----`",
//! at most 32767 characters. Accepted: PEM (`CERTIFICATE REQUEST` or `NEW CERTIFICATE
//! REQUEST`, CRLF, text around the block), bare base64 with or without line breaks, or raw
//! DER. The 32767-character cap applies to the text as it would be sent (for DER input: to its
//! base64 encoding). Only input that cannot be read at all is an `Err` (empty, over the cap);
//! everything else, including text that is not base64 (-9) and bytes that are not a CSR
//! (-10), is a finding in the [`Report`].
//!
//! # Rules
//!
//! One table, [`RULES`]: a stable kebab-case id per rule, a [`Severity`], the Sectigo code it
//! predicts, a description and a citation. A report lists every finding (it never stops at the
//! first) in the order the checks ran, plus the [`Facts`] read from the CSR.
//!
//! # Signature verification
//!
//! All 11 signature algorithms Sectigo accepts are verified, on RSA keys (any size up to 16384
//! bits) and on P-256/P-384 with any listed hash (a SHA-512 digest on P-256 is truncated as
//! ECDSA specifies). With the default `aws-lc` feature, aws-lc-rs verifies what it covers
//! (RSA with SHA-1/256/384/512 on 2048-8192-bit keys with ordinary exponents; ECDSA P-256 with
//! SHA-1/256/384/512, P-384 with SHA-256/384/512); RustCrypto verifies the rest (MD5 and
//! SHA-224 with RSA, ECDSA with SHA-224, P-384 with SHA-1, compressed points) and everything
//! when the feature is off. A failure on the aws-lc path is re-checked with RustCrypto, so a
//! key aws-lc refuses can never be reported as a bad signature. RSA keys that RustCrypto
//! refuses by design (even exponent, exponent at least the modulus, exponent above 2^33, even
//! modulus, fewer than 1024 bits) are checked with a plain big-integer implementation of
//! RSASSA-PKCS1-v1_5 verification (RFC 8017 §8.2.2), so a broken key does not hide whether the
//! request was signed with it.
//!
//! # Cost
//!
//! Measured with callgrind (instructions per call, the stable measure on a shared machine) on
//! the corpus' 2048-bit RSA, P-256 and P-384 requests, against aws-lc-rs verifying the same
//! signature (`examples/csrprof.rs` runs either alone under valgrind; `benches/csr_lint.rs`
//! has the timings):
//!
//! | CSR | full lint | aws-lc-rs verify | ratio | goal (issue #5) |
//! |---|---|---|---|---|
//! | RSA-2048 / SHA-256 | 0.744 M | 0.320 M | 2.32x | 2x: missed |
//! | P-256 / SHA-256 | 0.795 M | 0.736 M | 1.08x | 1.5x: met |
//! | P-384 / SHA-384 | 2.54 M | 2.47 M | 1.03x | 1.5x: met |
//!
//! Where the RSA lint goes: 43% is the signature check itself (0.321 M); 36% the residues of
//! the modulus modulo the 1692 products of the 6542 odd primes up to 65537 (0.27 M; 28 800
//! multiplications, see `weak`); 6% the divisibility tests on those residues and the rest of
//! the weak-key bookkeeping; 4% Fermat (its square root alone is 0.023 M); 1% ROCA and
//! perfect powers; 2% the SPKI's SHA-256; 8% PEM, base64 and DER parsing and the subject and
//! name rules. ECDSA keys need no such analysis, so the EC lint is the verification plus
//! 3 to 8%.
//!
//! In wall-clock time the RSA gap is wider, 3.1x to 3.6x on the shared machine: natively
//! aws-lc-rs runs its ADX/BMI2 Montgomery code (`bn_sqrx8x_internal`), which valgrind does
//! not select (it counts the generic `bn_sqr8x_internal`), so the verification is faster per
//! counted instruction than the lint's portable 64-bit multiplications, and the residue pass
//! streams its 487 KB table once per key. Closing the gap to 2x would take more bits
//! multiplied per instruction than portable 64-bit code offers (vector lanes picked at run
//! time need `unsafe` to call, which the crate forbids); the trial division by every prime up
//! to 65537 is what the issue asks for, and stays.

mod blocklist;
mod der;
mod ext;
mod hygiene;
mod input;
mod key;
mod names;
mod oid;
mod parse;
mod policy;
mod rules;
mod subject;
mod verify;
mod weak;

use core::fmt;
use std::net::IpAddr;

pub use blocklist::{Blocklist, BlocklistError, BlocklistHit};
pub use policy::{Policy, PolicyError, Requirement, Validation};
pub use rules::{RULES, Rule, RuleId, Severity};

use crate::DecodeError;

/// Lints a certificate signing request.
///
/// `input` is PEM, bare base64 or DER (see the [module docs](self)). Every finding is
/// reported; the [`Report`] also carries the facts read from the CSR.
///
/// # Errors
///
/// Only when the input cannot be read at all: it is empty (or only whitespace)
/// ([`DecodeErrorKind::Empty`](crate::DecodeErrorKind::Empty)), or longer than the API's
/// 32767 characters ([`DecodeErrorKind::LimitExceeded`](crate::DecodeErrorKind::LimitExceeded)
/// with [`Limit::CsrSize`](crate::Limit::CsrSize)). Both errors have format
/// [`Format::Csr`](crate::Format::Csr).
///
/// # Examples
///
/// ```
/// use sectigo_codec::csr::{lint_csr, Policy, RuleId};
/// let report = lint_csr(b"MIIB!notbase64", &Policy::default())?;
/// assert!(report.has(RuleId::Base64Invalid));
/// assert_eq!(report.predicted_codes(), vec![-9]);
/// assert_eq!(report.findings()[0].offset(), Some(4));
/// # Ok::<(), sectigo_codec::DecodeError>(())
/// ```
pub fn lint_csr(input: &[u8], policy: &Policy) -> Result<Report, DecodeError> {
    let mut report = Report::default();
    let Some((der, form)) = input::decode(input, &mut report.findings)? else {
        return Ok(report);
    };
    report.facts.input = Some(form);
    parse::lint_der(&der, policy, &mut report);
    Ok(report)
}

/// The result of [`lint_csr`]: findings and facts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    findings: Vec<Finding>,
    facts: Facts,
}

impl Report {
    /// Every finding, in the order the checks ran.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// What was read from the CSR.
    pub fn facts(&self) -> &Facts {
        &self.facts
    }

    /// `true` when no finding has [`Severity::Error`].
    pub fn is_ok(&self) -> bool {
        !self
            .findings
            .iter()
            .any(|f| f.severity() == Severity::Error)
    }

    /// `true` when at least one finding has this rule.
    pub fn has(&self, rule: RuleId) -> bool {
        self.findings.iter().any(|f| f.rule == rule)
    }

    /// The findings of one severity.
    pub fn with_severity(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(move |f| f.severity() == severity)
    }

    /// The distinct Sectigo error codes the error findings predict, in order of first
    /// appearance.
    pub fn predicted_codes(&self) -> Vec<i32> {
        let mut codes = Vec::new();
        for f in self.with_severity(Severity::Error) {
            if let Some(code) = f.code()
                && !codes.contains(&code)
            {
                codes.push(code);
            }
        }
        codes
    }

    fn push(&mut self, rule: RuleId, offset: Option<usize>, message: impl Into<String>) {
        self.findings.push(Finding {
            rule,
            message: message.into(),
            offset,
        });
    }
}

/// One problem (or fact) the linter found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    rule: RuleId,
    message: String,
    offset: Option<usize>,
}

impl Finding {
    /// The rule.
    pub fn rule(&self) -> RuleId {
        self.rule
    }

    /// The rule's stable kebab-case id.
    pub fn id(&self) -> &'static str {
        self.rule.id()
    }

    /// The rule's severity.
    pub fn severity(&self) -> Severity {
        self.rule.severity()
    }

    /// The `AutoApplyOrder` error code this finding predicts, if any.
    pub fn code(&self) -> Option<i32> {
        self.rule.code()
    }

    /// What is wrong and what to change. Names and values from the CSR may appear (a CSR
    /// holds no secrets).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Byte offset of the problem: into the input text for base64 problems, into the DER of
    /// the CSR for everything else; `None` where no single position applies.
    pub fn offset(&self) -> Option<usize> {
        self.offset
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.severity(), self.id())?;
        if let Some(code) = self.code() {
            write!(f, " ({code})")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// What the linter read from the CSR (as far as it could be read).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Facts {
    /// How the input was encoded.
    pub input: Option<InputForm>,
    /// The public key.
    pub key: Option<KeyFacts>,
    /// The signature algorithm.
    pub signature_algorithm: Option<SignatureAlgorithm>,
    /// The outcome of the signature check.
    pub signature: SignatureCheck,
    /// Subject attributes in encoded order.
    pub subject: Vec<SubjectAttribute>,
    /// The (first) commonName.
    pub common_name: Option<String>,
    /// The subjectAltName entries of the extensionRequest attribute.
    pub subject_alt_names: Vec<SubjectAltName>,
    /// SHA-256 of the DER SubjectPublicKeyInfo (the key id boulder and blocklists use).
    pub spki_sha256: Option<[u8; 32]>,
}

/// How the CSR was encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputForm {
    /// PEM armour around base64.
    Pem,
    /// Base64 without armour.
    Base64,
    /// Raw DER.
    Der,
}

/// The public key, as read from the SubjectPublicKeyInfo.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyFacts {
    /// An RSA key.
    Rsa {
        /// Bit length of the modulus.
        bits: u64,
        /// The public exponent when it fits 64 bits.
        exponent: Option<u64>,
        /// Bit length of the public exponent.
        exponent_bits: u64,
    },
    /// An EC key.
    Ec {
        /// The curve.
        curve: Curve,
        /// How the point is encoded.
        point_form: Option<PointForm>,
    },
    /// Any other algorithm (refused).
    Other {
        /// The algorithm (name, or the dotted OID).
        algorithm: String,
    },
}

/// An elliptic curve.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Curve {
    /// NIST P-256 (prime256v1).
    P256,
    /// NIST P-384 (secp384r1).
    P384,
    /// NIST P-521 (refused by AutoApplyOrder since 3.43).
    P521,
    /// secp256k1 (refused).
    Secp256k1,
    /// Another named curve (dotted OID).
    Other(String),
    /// Explicit or implicit parameters instead of a named curve.
    NotNamed,
}

impl Curve {
    /// `"P-256"`, `"P-384"`, ...
    pub fn name(&self) -> &str {
        match self {
            Self::P256 => "P-256",
            Self::P384 => "P-384",
            Self::P521 => "P-521",
            Self::Secp256k1 => "secp256k1",
            Self::Other(oid) => oid,
            Self::NotNamed => "explicit parameters",
        }
    }
}

/// SEC 1 point encodings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointForm {
    /// `0x04 || x || y`.
    Uncompressed,
    /// `0x02`/`0x03 || x`.
    Compressed,
    /// `0x06`/`0x07 || x || y` (forbidden by RFC 5480).
    Hybrid,
    /// `0x00`: the point at infinity.
    Identity,
}

/// A signature algorithm.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignatureAlgorithm {
    /// md5WithRSAEncryption.
    Md5WithRsa,
    /// sha1WithRSAEncryption.
    Sha1WithRsa,
    /// sha224WithRSAEncryption.
    Sha224WithRsa,
    /// sha256WithRSAEncryption.
    Sha256WithRsa,
    /// sha384WithRSAEncryption.
    Sha384WithRsa,
    /// sha512WithRSAEncryption.
    Sha512WithRsa,
    /// ecdsa-with-SHA1.
    EcdsaWithSha1,
    /// ecdsa-with-SHA224.
    EcdsaWithSha224,
    /// ecdsa-with-SHA256.
    EcdsaWithSha256,
    /// ecdsa-with-SHA384.
    EcdsaWithSha384,
    /// ecdsa-with-SHA512.
    EcdsaWithSha512,
    /// Anything else (name or dotted OID); refused.
    Other(String),
}

impl SignatureAlgorithm {
    /// The ASN.1 name, e.g. `"sha256WithRSAEncryption"`.
    pub fn name(&self) -> &str {
        match self {
            Self::Md5WithRsa => "md5WithRSAEncryption",
            Self::Sha1WithRsa => "sha1WithRSAEncryption",
            Self::Sha224WithRsa => "sha224WithRSAEncryption",
            Self::Sha256WithRsa => "sha256WithRSAEncryption",
            Self::Sha384WithRsa => "sha384WithRSAEncryption",
            Self::Sha512WithRsa => "sha512WithRSAEncryption",
            Self::EcdsaWithSha1 => "ecdsa-with-SHA1",
            Self::EcdsaWithSha224 => "ecdsa-with-SHA224",
            Self::EcdsaWithSha256 => "ecdsa-with-SHA256",
            Self::EcdsaWithSha384 => "ecdsa-with-SHA384",
            Self::EcdsaWithSha512 => "ecdsa-with-SHA512",
            Self::Other(name) => name,
        }
    }
}

/// The outcome of the signature check.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignatureCheck {
    /// The signature verifies.
    Valid {
        /// Which implementation verified it.
        backend: Backend,
    },
    /// The signature does not verify.
    Invalid,
    /// Not checked (unsupported algorithm, unusable or oversized key, no CSR).
    #[default]
    NotChecked,
}

/// A signature verification implementation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Backend {
    /// aws-lc-rs (feature `aws-lc`).
    AwsLc,
    /// RustCrypto `rsa`, `p256`, `p384`.
    RustCrypto,
    /// The crate's own big-integer RSASSA-PKCS1-v1_5 check, for RSA keys the libraries refuse.
    Reference,
}

impl Backend {
    /// `"aws-lc"`, `"rustcrypto"` or `"reference"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::AwsLc => "aws-lc",
            Self::RustCrypto => "rustcrypto",
            Self::Reference => "reference",
        }
    }
}

/// One subject attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SubjectAttribute {
    /// The attribute type, dotted OID.
    pub oid: String,
    /// Its short name (`"CN"`, `"O"`, ...), when known.
    pub name: Option<&'static str>,
    /// The ASN.1 string type of the value.
    pub string_type: StringType,
    /// The value, decoded (invalid characters replaced by U+FFFD).
    pub value: String,
}

/// ASN.1 string types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum StringType {
    /// UTF8String.
    Utf8,
    /// PrintableString.
    Printable,
    /// TeletexString (T61String).
    Teletex,
    /// BMPString (UCS-2).
    Bmp,
    /// UniversalString (UCS-4).
    Universal,
    /// IA5String.
    Ia5,
    /// NumericString.
    Numeric,
    /// VisibleString.
    Visible,
    /// Any other tag (the tag octet).
    Other(u8),
}

impl StringType {
    /// The ASN.1 type name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF8String",
            Self::Printable => "PrintableString",
            Self::Teletex => "TeletexString",
            Self::Bmp => "BMPString",
            Self::Universal => "UniversalString",
            Self::Ia5 => "IA5String",
            Self::Numeric => "NumericString",
            Self::Visible => "VisibleString",
            Self::Other(tag) => der::Tag(tag).name(),
        }
    }
}

/// A subjectAltName entry of the CSR's extensionRequest.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SubjectAltName {
    /// dNSName.
    Dns(String),
    /// iPAddress.
    Ip(IpAddr),
    /// rfc822Name.
    Email(String),
    /// uniformResourceIdentifier.
    Uri(String),
    /// Any other GeneralName (its context tag number).
    Other(u8),
}
