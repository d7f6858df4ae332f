//! Netscape certificate sequence (CollectSSL `responseType=1`, DIGEST §2.1).
//!
//! A `ContentInfo` whose content type is Netscape's `netscape-cert-sequence`
//! (2.16.840.1.113730.2.5) and whose content is the list of certificates (the form
//! `openssl nseq -toseq` writes):
//!
//! ```text
//! NetscapeCertSequence ::= SEQUENCE {
//!   type   OBJECT IDENTIFIER,                  -- 2.16.840.1.113730.2.5
//!   certs  [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL }
//! ```
//!
//! The certificates are returned in message order (openssl and Sectigo write the root
//! first); build the chain with [`Chain::order`](crate::Chain::order). DER and BER are read
//! (indefinite lengths set [`WarningKind::BerEncoding`](crate::WarningKind::BerEncoding)),
//! with the same limits as [`pkcs7`](super::pkcs7).

use der::oid::ObjectIdentifier;
use der::{Reader, SliceReader, Tag};

use super::Certificates;
use super::pem::PemLabel;
use super::pkcs7::{
    CONTEXT_0, Container, Walk, collect_certificates, content_type, decode_auto, nested,
    walk_strict,
};
use crate::{DecodeError, Format, Limits};

/// `netscape-cert-sequence`.
const NETSCAPE_CERT_SEQUENCE: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("2.16.840.1.113730.2.5");

pub(crate) const CONTENT_NAME: &str = "netscape-cert-sequence (2.16.840.1.113730.2.5)";

/// Parses a DER (or BER) Netscape certificate sequence; returns each certificate's TLV
/// bytes in message order.
///
/// ```
/// use sectigo_codec::codec::netscape;
/// // SEQUENCE { OID 2.16.840.1.113730.2.5, [0] { SEQUENCE { <cert> } } }
/// let cert = [0x30, 0x00];
/// let der = [
///     0x30, 0x13, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x86, 0xf8, 0x42, 0x02, 0x05,
///     0xa0, 0x06, 0x30, 0x04, 0x30, 0x00, 0x30, 0x00,
/// ];
/// assert_eq!(netscape::parse_der(&der).unwrap(), [&cert[..], &cert[..]]);
/// ```
///
/// # Errors
/// As [`pkcs7::parse_der_with`](super::pkcs7::parse_der_with), with format
/// [`Format::NetscapeSequence`]; another content type is
/// [`UnexpectedContentType`](crate::DecodeErrorKind::UnexpectedContentType).
pub fn parse_der(der: &[u8]) -> Result<Vec<&[u8]>, DecodeError> {
    parse_der_with(der, &Limits::DEFAULT)
}

/// Like [`parse_der`], with explicit limits (`max_certificates`).
///
/// # Errors
/// As [`parse_der`].
pub fn parse_der_with<'a>(der: &'a [u8], limits: &Limits) -> Result<Vec<&'a [u8]>, DecodeError> {
    walk_strict(der, limits, Format::NetscapeSequence, walk_sequence).map(|(certs, _)| certs)
}

/// Decodes a Netscape certificate sequence given as DER, PEM (`NETSCAPE CERTIFICATE
/// SEQUENCE`) or base64, with [`Limits::DEFAULT`].
///
/// # Errors
/// See [`decode_certificates`].
pub fn decode(input: &[u8]) -> Result<Vec<Vec<u8>>, DecodeError> {
    decode_certificates(input, &Limits::DEFAULT).map(Certificates::into_der)
}

/// Decodes a Netscape certificate sequence given as DER, PEM or base64, keeping the
/// warnings. Detection works as in
/// [`pkcs7::decode_certificates`](super::pkcs7::decode_certificates).
///
/// # Errors
/// As [`pkcs7::decode_certificates`](super::pkcs7::decode_certificates), with format
/// [`Format::NetscapeSequence`].
pub fn decode_certificates(input: &[u8], limits: &Limits) -> Result<Certificates, DecodeError> {
    decode_auto(
        input,
        limits,
        &Container {
            format: Format::NetscapeSequence,
            label: PemLabel::NetscapeCertificateSequence,
            expected: "a Netscape certificate sequence as DER, PEM or base64",
            walk: walk_sequence,
        },
    )
}

fn walk_sequence<'a>(
    r: &mut SliceReader<'a>,
    input: &'a [u8],
    limits: &Limits,
    ber: &mut bool,
) -> Result<Vec<&'a [u8]>, Walk> {
    nested(
        r,
        Tag::Sequence,
        "NetscapeCertSequence SEQUENCE",
        ber,
        |r, ber| {
            content_type(r, NETSCAPE_CERT_SEQUENCE)?;
            let mut certs = Vec::new();
            if r.is_finished() {
                return Ok(certs);
            }
            nested(r, CONTEXT_0, "certs [0] EXPLICIT", ber, |r, ber| {
                nested(r, Tag::Sequence, "SEQUENCE OF Certificate", ber, |r, _| {
                    collect_certificates(r, input, limits, &mut certs)
                })
            })?;
            Ok(certs)
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::pkcs7::{encode_certs_only, tlv};
    use crate::{DecodeErrorKind, Limit};

    fn sequence(certs: &[&[u8]]) -> Vec<u8> {
        let oid = [
            0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x86, 0xf8, 0x42, 0x02, 0x05,
        ];
        let content = tlv(0xa0, &tlv(0x30, &certs.concat()));
        tlv(0x30, &[&oid[..], &content].concat())
    }

    #[test]
    fn keeps_message_order() {
        let a: &[u8] = &[0x30, 0x01, 0x01];
        let b: &[u8] = &[0x30, 0x01, 0x02];
        assert_eq!(parse_der(&sequence(&[b, a])).unwrap(), [b, a]);
        assert!(parse_der(&sequence(&[])).unwrap().is_empty());
    }

    #[test]
    fn pkcs7_is_the_wrong_content_type() {
        let err = parse_der(&encode_certs_only(&[])).unwrap_err();
        assert_eq!(err.format(), Format::NetscapeSequence);
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::UnexpectedContentType {
                oid: "1.2.840.113549.1.7.2".into(),
                expected: CONTENT_NAME
            }
        );
    }

    #[test]
    fn certificate_limit_is_exact() {
        let a: &[u8] = &[0x30, 0x00];
        let der = sequence(&[a, a]);
        let mut limits = Limits::DEFAULT;
        limits.max_certificates = 2;
        assert_eq!(parse_der_with(&der, &limits).unwrap().len(), 2);
        limits.max_certificates = 1;
        assert_eq!(
            parse_der_with(&der, &limits).unwrap_err().kind(),
            &DecodeErrorKind::LimitExceeded {
                limit: Limit::Certificates,
                max: 1
            }
        );
    }
}
