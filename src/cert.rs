//! The certificate model: what a client needs from each certificate the API returns, and
//! the chain they form.
//!
//! [`Certificate::from_der`] parses with `x509-parser` and keeps an owned summary: the DER
//! and its SHA-256, subject and issuer as RFC 4514 text (the text `openssl x509 -nameopt
//! RFC2253` prints) and as raw DER (for linking), the serial as `openssl x509 -serial`
//! prints it, validity, subject alternative names, `cA`, and the key identifiers.
//!
//! [`Chain::order`] puts certificates in chain order by issuer/subject links, end-entity
//! first. Never trust the order the server sent: the documentation prints root →
//! intermediate → end-entity (DIGEST §2.3, §12 quirk 3), CollectSSL repeats `caCertificate`
//! once per CA in no promised order (DIGEST §2.4), ZIP bundles hold duplicates, and clients
//! that merely reverse the list get it wrong when the server does not follow its own sample.

mod chain;
mod name;

use core::fmt;
use std::net::IpAddr;

use sha2::{Digest as _, Sha256};
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::prelude::FromDer as _;

pub use chain::{Chain, Role};

use crate::{DecodeError, DecodeErrorKind, Format, Timestamp};

/// A subject alternative name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SubjectAltName {
    /// `dNSName` (may be a wildcard, `*.example.com`).
    Dns(String),
    /// `iPAddress`, IPv4 or IPv6.
    Ip(IpAddr),
    /// `rfc822Name` (an e-mail address).
    Email(String),
    /// `uniformResourceIdentifier`.
    Uri(String),
    /// Any other form, described the way openssl prints it (`DirName:CN=...`,
    /// `othername:<OID>`, `Registered ID:<OID>`, `IP Address:<invalid>`, ...).
    Other(String),
}

impl fmt::Display for SubjectAltName {
    /// The openssl text form: `DNS:shop.example.com`, `IP Address:192.0.2.10`,
    /// `email:a@example.org`, `URI:https://...`, or the [`Other`](Self::Other) text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Dns(name) => write!(f, "DNS:{name}"),
            Self::Ip(ip) => write!(f, "IP Address:{ip}"),
            Self::Email(email) => write!(f, "email:{email}"),
            Self::Uri(uri) => write!(f, "URI:{uri}"),
            Self::Other(text) => f.write_str(text),
        }
    }
}

/// An X.509 certificate: an owned summary of the fields a client needs, and its DER.
///
/// ```
/// use sectigo_codec::Certificate;
/// let cert = Certificate::from_der(include_bytes!("../testdata/chain/leaf.der")).unwrap();
/// assert_eq!(cert.subject(), "CN=shop.example.com");
/// assert_eq!(cert.serial(), "C0FFEE5EC7160000000000000000AB");
/// assert_eq!(cert.not_before().to_string(), "2025-10-29T00:00:00Z");
/// assert!(!cert.is_ca());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Certificate {
    der: Vec<u8>,
    sha256: [u8; 32],
    subject: String,
    issuer: String,
    subject_raw: Vec<u8>,
    issuer_raw: Vec<u8>,
    serial: String,
    not_before: Timestamp,
    not_after: Timestamp,
    subject_alt_names: Vec<SubjectAltName>,
    is_ca: bool,
    subject_key_id: Option<Vec<u8>>,
    authority_key_id: Option<Vec<u8>>,
}

fn cert_error(detail: impl fmt::Display) -> DecodeError {
    DecodeError::new(
        Format::Certificate,
        DecodeErrorKind::Certificate {
            detail: detail.to_string().into(),
        },
    )
}

impl Certificate {
    /// Parses one DER certificate.
    ///
    /// # Errors
    /// [`DecodeErrorKind::Empty`] for no bytes; [`DecodeErrorKind::Certificate`] when the
    /// bytes are not an X.509 certificate (including duplicate or malformed
    /// `subjectAltName`/`basicConstraints` extensions and validity dates outside the years
    /// 0000-9999); [`DecodeErrorKind::TrailingData`] (with the offset) for bytes after it.
    pub fn from_der(der: &[u8]) -> Result<Self, DecodeError> {
        if der.is_empty() {
            return Err(DecodeError::new(
                Format::Certificate,
                DecodeErrorKind::Empty,
            ));
        }
        let (rest, cert) = X509Certificate::from_der(der).map_err(|e| match e {
            nom::Err::Incomplete(_) => cert_error("truncated certificate"),
            nom::Err::Error(e) | nom::Err::Failure(e) => cert_error(e),
        })?;
        if !rest.is_empty() {
            let at = der.len().saturating_sub(rest.len());
            return Err(
                DecodeError::new(Format::Certificate, DecodeErrorKind::TrailingData).at(at),
            );
        }
        let der = der
            .get(..der.len().saturating_sub(rest.len()))
            .unwrap_or(der);

        let validity = cert.validity();
        let not_before = Timestamp::from_unix(validity.not_before.timestamp())
            .ok_or_else(|| cert_error("notBefore outside the years 0000-9999"))?;
        let not_after = Timestamp::from_unix(validity.not_after.timestamp())
            .ok_or_else(|| cert_error("notAfter outside the years 0000-9999"))?;

        let mut subject_alt_names = Vec::new();
        if let Some(san) = cert.subject_alternative_name().map_err(cert_error)? {
            subject_alt_names.extend(san.value.general_names.iter().map(general_name));
        }
        let is_ca = cert
            .basic_constraints()
            .map_err(cert_error)?
            .is_some_and(|bc| bc.value.ca);
        let mut subject_key_id = None;
        let mut authority_key_id = None;
        for ext in cert.iter_extensions() {
            match ext.parsed_extension() {
                ParsedExtension::SubjectKeyIdentifier(id) => subject_key_id = Some(id.0.to_vec()),
                ParsedExtension::AuthorityKeyIdentifier(aki) => {
                    authority_key_id = aki.key_identifier.as_ref().map(|id| id.0.to_vec());
                }
                _ => {}
            }
        }

        Ok(Self {
            der: der.to_vec(),
            sha256: Sha256::digest(der).into(),
            subject: name::rfc4514(cert.subject()),
            issuer: name::rfc4514(cert.issuer()),
            subject_raw: cert.subject().as_raw().to_vec(),
            issuer_raw: cert.issuer().as_raw().to_vec(),
            serial: serial_hex(cert.raw_serial()),
            not_before,
            not_after,
            subject_alt_names,
            is_ca,
            subject_key_id,
            authority_key_id,
        })
    }

    /// The DER encoding.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// The DER encoding, by value.
    pub fn into_der(self) -> Vec<u8> {
        self.der
    }

    /// SHA-256 of the DER (the certificate's fingerprint).
    pub fn sha256(&self) -> &[u8; 32] {
        &self.sha256
    }

    /// SHA-256 of the DER in lower-case hex, without separators.
    pub fn sha256_hex(&self) -> String {
        hex(&self.sha256)
    }

    /// The subject as RFC 4514 text, as `openssl x509 -noout -subject -nameopt RFC2253`
    /// prints it (`CN=shop.example.com`).
    pub fn subject(&self) -> &str {
        &self.subject
    }

    /// The issuer as RFC 4514 text.
    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// The subject's DER (the `Name`), as used to link a certificate to its issuer.
    pub fn subject_raw(&self) -> &[u8] {
        &self.subject_raw
    }

    /// The issuer's DER (the `Name`).
    pub fn issuer_raw(&self) -> &[u8] {
        &self.issuer_raw
    }

    /// The serial number in upper-case hex, as `openssl x509 -serial` prints it: whole
    /// bytes, no leading zero bytes (`01`, `7E57C0DEC0DE0002`), `-` before a negative one.
    /// AutoRevokeSSL's `serialNumber` takes this form (DIGEST §12 quirk 10).
    pub fn serial(&self) -> &str {
        &self.serial
    }

    /// Start of the validity period.
    pub fn not_before(&self) -> Timestamp {
        self.not_before
    }

    /// End of the validity period (inclusive).
    pub fn not_after(&self) -> Timestamp {
        self.not_after
    }

    /// The subject alternative names, in certificate order.
    pub fn subject_alt_names(&self) -> &[SubjectAltName] {
        &self.subject_alt_names
    }

    /// `true` when `basicConstraints` says `cA: TRUE`.
    pub fn is_ca(&self) -> bool {
        self.is_ca
    }

    /// The subject key identifier, if the extension is present.
    pub fn subject_key_id(&self) -> Option<&[u8]> {
        self.subject_key_id.as_deref()
    }

    /// The authority key identifier's `keyIdentifier`, if present.
    pub fn authority_key_id(&self) -> Option<&[u8]> {
        self.authority_key_id.as_deref()
    }

    /// `true` when subject and issuer are the same name (a root, or a self-issued CA
    /// certificate).
    pub fn is_self_issued(&self) -> bool {
        self.subject_raw == self.issuer_raw
    }

    /// `true` when `self` names `parent` as its issuer: `self`'s issuer equals `parent`'s
    /// subject (as DER) and, when both key identifiers are present, `self`'s authority key
    /// identifier equals `parent`'s subject key identifier. Signatures are not checked.
    pub fn is_issued_by(&self, parent: &Self) -> bool {
        self.issuer_raw == parent.subject_raw
            && match (&self.authority_key_id, &parent.subject_key_id) {
                (Some(aki), Some(ski)) => aki == ski,
                _ => true,
            }
    }
}

fn general_name(name: &GeneralName<'_>) -> SubjectAltName {
    match name {
        GeneralName::DNSName(dns) => SubjectAltName::Dns((*dns).to_owned()),
        GeneralName::RFC822Name(email) => SubjectAltName::Email((*email).to_owned()),
        GeneralName::URI(uri) => SubjectAltName::Uri((*uri).to_owned()),
        GeneralName::IPAddress(bytes) => {
            if let Ok(v4) = <[u8; 4]>::try_from(*bytes) {
                SubjectAltName::Ip(IpAddr::from(v4))
            } else if let Ok(v6) = <[u8; 16]>::try_from(*bytes) {
                SubjectAltName::Ip(IpAddr::from(v6))
            } else {
                SubjectAltName::Other("IP Address:<invalid>".into())
            }
        }
        GeneralName::DirectoryName(dn) => {
            SubjectAltName::Other(format!("DirName:{}", name::rfc4514(dn)))
        }
        GeneralName::OtherName(oid, _) => {
            SubjectAltName::Other(format!("othername:{}", oid.to_id_string()))
        }
        GeneralName::RegisteredID(oid) => {
            SubjectAltName::Other(format!("Registered ID:{}", oid.to_id_string()))
        }
        GeneralName::X400Address(_) => SubjectAltName::Other("X400Name:<unsupported>".into()),
        GeneralName::EDIPartyName(_) => SubjectAltName::Other("EdiPartyName:<unsupported>".into()),
        GeneralName::Invalid(tag, _) => {
            SubjectAltName::Other(format!("<invalid general name [{}]>", tag.0))
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    use core::fmt::Write as _;
    let mut out = String::with_capacity(bytes.len().saturating_mul(2));
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// The serial's DER INTEGER contents (two's complement) as openssl prints them.
fn serial_hex(raw: &[u8]) -> String {
    use core::fmt::Write as _;
    let negative = raw.first().is_some_and(|b| b & 0x80 != 0);
    let mut magnitude = raw.to_vec();
    if negative {
        // Two's complement negation: invert, add one.
        let mut carry = true;
        for b in magnitude.iter_mut().rev() {
            *b = !*b;
            if carry {
                let (sum, overflow) = b.overflowing_add(1);
                *b = sum;
                carry = overflow;
            }
        }
    }
    let start = magnitude
        .iter()
        .position(|&b| b != 0)
        .unwrap_or(magnitude.len().saturating_sub(1));
    let digits = magnitude.get(start..).unwrap_or_default();
    let mut out = String::with_capacity(digits.len().saturating_mul(2).saturating_add(1));
    if negative {
        out.push('-');
    }
    if digits.is_empty() {
        out.push_str("00");
    }
    for b in digits {
        let _ = write!(out, "{b:02X}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serial_formats_like_openssl() {
        assert_eq!(serial_hex(&[0x01]), "01");
        assert_eq!(serial_hex(&[0x00]), "00");
        assert_eq!(serial_hex(&[]), "00");
        assert_eq!(serial_hex(&[0x00, 0xc0, 0xff, 0xee]), "C0FFEE");
        assert_eq!(serial_hex(&[0x0e, 0xc0]), "0EC0");
        assert_eq!(serial_hex(&[0xff]), "-01");
        assert_eq!(serial_hex(&[0xff, 0x00]), "-0100");
        assert_eq!(serial_hex(&[0x80]), "-80");
    }

    #[test]
    fn empty_and_garbage_are_errors() {
        assert_eq!(
            Certificate::from_der(&[]).unwrap_err().kind(),
            &DecodeErrorKind::Empty
        );
        let err = Certificate::from_der(&[0x30, 0x03, 0x02, 0x01, 0x01]).unwrap_err();
        assert!(
            matches!(err.kind(), DecodeErrorKind::Certificate { .. }),
            "{err}"
        );
        assert_eq!(err.format(), Format::Certificate);
    }

    #[test]
    fn trailing_bytes_are_an_error_with_offset() {
        let mut der = include_bytes!("../testdata/chain/leaf.der").to_vec();
        let len = der.len();
        der.push(0);
        let err = Certificate::from_der(&der).unwrap_err();
        assert_eq!(err.kind(), &DecodeErrorKind::TrailingData);
        assert_eq!(err.offset(), Some(len));
    }

    #[test]
    fn san_display_matches_openssl_text() {
        assert_eq!(
            SubjectAltName::Dns("a.example".into()).to_string(),
            "DNS:a.example"
        );
        assert_eq!(
            SubjectAltName::Ip("2001:db8::25".parse().unwrap()).to_string(),
            "IP Address:2001:db8::25"
        );
        assert_eq!(
            SubjectAltName::Email("a@b.example".into()).to_string(),
            "email:a@b.example"
        );
    }
}
