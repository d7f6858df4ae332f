//! PKCS#7 / CMS `SignedData` "certs-only" bags, in DER or BER.
//!
//! CollectSSL `responseType=2` and CollectPAC/CollectSMIME return the chain as a PKCS#7 bag
//! (DIGEST §2.1, §3.3): base64 in a URL-encoded `pkcs7` field, base64 after a status line,
//! raw binary (`responseEncoding=1`), or PEM (`-----BEGIN PKCS7-----`, the mark-certificate
//! sample, DIGEST §12 quirk 4). Windows writes `.p7b` files in BER with indefinite lengths.
//!
//! The structure read (RFC 5652 §3, §5.1):
//!
//! ```text
//! ContentInfo ::= SEQUENCE {
//!   contentType ContentType,                        -- 1.2.840.113549.1.7.2 (signedData)
//!   content [0] EXPLICIT ANY DEFINED BY contentType }
//! SignedData ::= SEQUENCE {
//!   version CMSVersion,
//!   digestAlgorithms DigestAlgorithmIdentifiers,
//!   encapContentInfo EncapsulatedContentInfo,
//!   certificates [0] IMPLICIT CertificateSet OPTIONAL,
//!   crls [1] IMPLICIT RevocationInfoChoices OPTIONAL,
//!   signerInfos SignerInfos }
//! ```
//!
//! The walk skips everything but `certificates`, and returns each certificate's TLV bytes
//! **in message order** (duplicates kept). A DER decoder of `SET OF` would sort the set and
//! lose the order (the `cms` crate does); the order is not a chain order either, so build the
//! chain with [`Chain::order`](crate::Chain::order). Other `CertificateChoices` (attribute
//! certificates, `[0]`..`[3]`) are skipped: only plain X.509 certificates (a `SEQUENCE`) are
//! returned.
//!
//! Indefinite lengths are accepted anywhere (BER); [`Pkcs7::is_ber`] reports them and
//! [`decode_certificates`] turns them into a [`WarningKind::BerEncoding`] warning. Other
//! content types (`data`, `envelopedData`, ...) are refused with
//! [`DecodeErrorKind::UnexpectedContentType`]. Nesting deeper than [`MAX_DER_DEPTH`] is
//! [`DecodeErrorKind::LimitExceeded`] (`DerDepth`), found without recursion; more than
//! [`Limits::max_certificates`] certificates is `LimitExceeded` (`Certificates`).

use der::oid::ObjectIdentifier;
use der::{
    AnyRef, Decode, EncodingRules, ErrorKind, Header, Length, Reader, SliceReader, Tag, TagNumber,
};

use super::Certificates;
use super::base64 as b64;
use super::pem::{self, PemLabel};
use crate::{
    DecodeError, DecodeErrorKind, Format, Limit, Limits, MAX_DER_DEPTH, Warning, WarningKind,
};

/// `id-signedData`.
const SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");

const SIGNED_DATA_NAME: &str = "signedData (1.2.840.113549.1.7.2)";

/// `[0]` constructed.
pub(crate) const CONTEXT_0: Tag = Tag::ContextSpecific {
    constructed: true,
    number: TagNumber(0),
};

/// The certificates of a PKCS#7 `SignedData`, borrowed from the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pkcs7<'a> {
    certificates: Vec<&'a [u8]>,
    ber: bool,
}

impl<'a> Pkcs7<'a> {
    /// Each certificate's TLV bytes, in message order (duplicates kept).
    pub fn certificates(&self) -> &[&'a [u8]] {
        &self.certificates
    }

    /// The certificates, by value.
    pub fn into_certificates(self) -> Vec<&'a [u8]> {
        self.certificates
    }

    /// `true` when the structure used BER indefinite lengths.
    pub fn is_ber(&self) -> bool {
        self.ber
    }
}

/// Parses a DER or BER PKCS#7 `SignedData` with [`Limits::DEFAULT`].
///
/// ```
/// use sectigo_codec::codec::pkcs7;
/// let bag = pkcs7::encode_certs_only(&[&[0x30, 0x00], &[0x30, 0x01, 0x05]]);
/// let p7 = pkcs7::parse_der(&bag).unwrap();
/// assert_eq!(p7.certificates(), [&[0x30, 0x00][..], &[0x30, 0x01, 0x05][..]]);
/// assert!(!p7.is_ber());
/// ```
///
/// # Errors
/// See [`parse_der_with`].
pub fn parse_der(der: &[u8]) -> Result<Pkcs7<'_>, DecodeError> {
    parse_der_with(der, &Limits::DEFAULT)
}

/// Parses a DER or BER PKCS#7 `SignedData`.
///
/// # Errors
/// [`DecodeErrorKind::Der`] for malformed DER/BER (with the byte offset),
/// [`DecodeErrorKind::UnexpectedContentType`] for a content type other than `signedData`,
/// [`DecodeErrorKind::TrailingData`] for bytes after the `ContentInfo`, and
/// [`DecodeErrorKind::LimitExceeded`] for nesting deeper than [`MAX_DER_DEPTH`] or more than
/// `max_certificates` certificates.
pub fn parse_der_with<'a>(der: &'a [u8], limits: &Limits) -> Result<Pkcs7<'a>, DecodeError> {
    let (certificates, ber) = walk_strict(der, limits, Format::Pkcs7, walk_signed_data)?;
    Ok(Pkcs7 { certificates, ber })
}

/// Decodes the certificates of a PKCS#7 bag given as DER, BER, PEM (`PKCS7` or `CMS`
/// label) or bare base64, with [`Limits::DEFAULT`].
///
/// ```
/// use sectigo_codec::codec::{base64, pkcs7};
/// let bag = pkcs7::encode_certs_only(&[&[0x30, 0x00]]);
/// assert_eq!(pkcs7::decode(&bag).unwrap(), [vec![0x30, 0x00]]);
/// assert_eq!(pkcs7::decode(base64::encode(&bag).as_bytes()).unwrap(), [vec![0x30, 0x00]]);
/// ```
///
/// # Errors
/// See [`decode_certificates`].
pub fn decode(input: &[u8]) -> Result<Vec<Vec<u8>>, DecodeError> {
    decode_with(input, &Limits::DEFAULT)
}

/// Like [`decode`], with explicit limits.
///
/// # Errors
/// See [`decode_certificates`].
pub fn decode_with(input: &[u8], limits: &Limits) -> Result<Vec<Vec<u8>>, DecodeError> {
    decode_certificates(input, limits).map(Certificates::into_der)
}

/// Decodes the certificates of a PKCS#7 bag given as DER, BER, PEM or bare base64, keeping
/// the warnings ([`WarningKind::BerEncoding`], PEM and base64 deviations, trailing
/// whitespace after binary DER as [`WarningKind::SurroundingText`]).
///
/// The input is DER/BER when it starts with a `SEQUENCE` tag (`0x30`), PEM when it contains
/// a BEGIN boundary (every `PKCS7`/`CMS` block is read, other blocks ignored), otherwise
/// base64.
///
/// # Errors
/// The errors of [`parse_der_with`] (inside a [`Format::Base64`] or [`Format::Pem`] context
/// frame when the DER was wrapped), of [`pem::decode_with`] and [`b64::decode`];
/// [`DecodeErrorKind::Empty`]; [`DecodeErrorKind::UnrecognisedFormat`] for binary input that
/// is not DER, or PEM without a PKCS#7 block; [`DecodeErrorKind::LimitExceeded`] for more than
/// `max_body_size` bytes or `max_certificates` certificates in all.
pub fn decode_certificates(input: &[u8], limits: &Limits) -> Result<Certificates, DecodeError> {
    decode_auto(
        input,
        limits,
        &Container {
            format: Format::Pkcs7,
            label: PemLabel::Pkcs7,
            expected: "PKCS#7 as DER, BER, PEM (PKCS7 or CMS) or base64",
            walk: walk_signed_data,
        },
    )
}

/// Encodes a DER certs-only `SignedData` holding `certs` in the given order (as
/// `openssl crl2pkcs7 -nocrl` does): version 1, no digest algorithms, `data` content type
/// without content, no signers.
///
/// The certificates are written as given, not sorted as strict DER would sort a `SET OF`, so
/// that the order survives a round trip.
pub fn encode_certs_only(certs: &[&[u8]]) -> Vec<u8> {
    const VERSION_1: &[u8] = &[0x02, 0x01, 0x01];
    const EMPTY_SET: &[u8] = &[0x31, 0x00];
    // SEQUENCE { OID 1.2.840.113549.1.7.1 (data) }
    const DATA: &[u8] = &[
        0x30, 0x0b, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01,
    ];
    const SIGNED_DATA_OID: &[u8] = &[
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02,
    ];
    let certificates = tlv(0xa0, &certs.concat());
    let signed_data = tlv(
        0x30,
        &[VERSION_1, EMPTY_SET, DATA, &certificates, EMPTY_SET].concat(),
    );
    let content = tlv(0xa0, &signed_data);
    tlv(0x30, &[SIGNED_DATA_OID, &content].concat())
}

/// One DER TLV with a one-byte tag.
pub(crate) fn tlv(tag: u8, value: &[u8]) -> Vec<u8> {
    let len = value.len();
    let mut out = Vec::with_capacity(len.saturating_add(6));
    out.push(tag);
    if len < 0x80 {
        out.extend(u8::try_from(len));
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        let significant = bytes.get(skip..).unwrap_or_default();
        out.extend(u8::try_from(significant.len()).map(|n| 0x80 | n));
        out.extend_from_slice(significant);
    }
    out.extend_from_slice(value);
    out
}

// ---------------------------------------------------------------------------------------
// The walk, shared with the Netscape certificate sequence.

/// Why a walk stopped.
#[derive(Debug)]
pub(crate) enum Walk {
    /// The `der` crate's error (with its position).
    Der(der::Error),
    /// A content type other than the expected one, at this offset.
    ContentType { oid: ObjectIdentifier, at: usize },
    /// Not the expected element at this offset.
    Shape { expected: &'static str, at: usize },
    /// Too many certificates; the one at this offset is one too many.
    TooMany { max: usize, at: usize },
}

impl From<der::Error> for Walk {
    fn from(err: der::Error) -> Self {
        Self::Der(err)
    }
}

impl core::fmt::Display for Walk {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::Der(err) => write!(f, "{err}"),
            Self::ContentType { oid, .. } => write!(f, "content type {oid}"),
            Self::Shape { expected, .. } => write!(f, "expected {expected}"),
            Self::TooMany { max, .. } => write!(f, "more than {max} certificates"),
        }
    }
}

impl core::error::Error for Walk {}

impl Walk {
    fn into_error(self, format: Format, expected_content: &'static str) -> DecodeError {
        match self {
            Self::Der(err) => {
                let kind = match err.kind() {
                    ErrorKind::NestingDepth => DecodeErrorKind::LimitExceeded {
                        limit: Limit::DerDepth,
                        max: MAX_DER_DEPTH,
                    },
                    other => DecodeErrorKind::Der {
                        detail: other.to_string().into(),
                    },
                };
                let e = DecodeError::new(format, kind);
                match err.position().and_then(|p| usize::try_from(p).ok()) {
                    Some(at) => e.at(at),
                    None => e,
                }
            }
            Self::ContentType { oid, at } => DecodeError::new(
                format,
                DecodeErrorKind::UnexpectedContentType {
                    oid: oid.to_string().into(),
                    expected: expected_content,
                },
            )
            .at(at),
            Self::Shape { expected, at } => DecodeError::new(
                format,
                DecodeErrorKind::Der {
                    detail: format!("expected {expected}").into(),
                },
            )
            .at(at),
            Self::TooMany { max, at } => DecodeError::new(
                format,
                DecodeErrorKind::LimitExceeded {
                    limit: Limit::Certificates,
                    max,
                },
            )
            .at(at),
        }
    }
}

/// Current offset of `r` in the whole input.
pub(crate) fn pos(r: &SliceReader<'_>) -> usize {
    usize::try_from(r.position()).unwrap_or(usize::MAX)
}

/// Reads one constructed TLV with tag `tag` (definite or indefinite length) and calls `f`
/// on a reader limited to its contents. Sets `*ber` for an indefinite length.
pub(crate) fn nested<'a, T>(
    r: &mut SliceReader<'a>,
    tag: Tag,
    expected: &'static str,
    ber: &mut bool,
    f: impl FnOnce(&mut SliceReader<'a>, &mut bool) -> Result<T, Walk>,
) -> Result<T, Walk> {
    let at = pos(r);
    if Tag::peek(r)? != tag {
        return Err(Walk::Shape { expected, at });
    }
    // A one-byte tag (all the tags we look for are), then the first length octet.
    let mut first = [0u8; 2];
    r.peek_into(&mut first)?;
    let indefinite = first.get(1) == Some(&0x80);
    let header = Header::decode(r)?;
    let len = if indefinite {
        *ber = true;
        // `der` counts the end-of-contents octets in the length; we read them below.
        let total = u32::from(header.length());
        Length::new(total.checked_sub(2).ok_or(Walk::Shape {
            expected: "end-of-contents octets",
            at,
        })?)
    } else {
        header.length()
    };
    let value = r.read_nested(len, |inner| f(inner, ber))?;
    if indefinite {
        let eoc_at = pos(r);
        let mut eoc = [0u8; 2];
        r.read_into(&mut eoc)?;
        if eoc != [0, 0] {
            return Err(Walk::Shape {
                expected: "end-of-contents octets",
                at: eoc_at,
            });
        }
    }
    Ok(value)
}

/// Skips one TLV of tag `tag` (any length form).
fn skip(r: &mut SliceReader<'_>, tag: Tag, expected: &'static str) -> Result<(), Walk> {
    let at = pos(r);
    if Tag::peek(r)? != tag {
        return Err(Walk::Shape { expected, at });
    }
    AnyRef::decode(r)?;
    Ok(())
}

/// Reads `contentType` and checks it is `oid`.
pub(crate) fn content_type(r: &mut SliceReader<'_>, oid: ObjectIdentifier) -> Result<(), Walk> {
    let at = pos(r);
    if Tag::peek(r)? != Tag::ObjectIdentifier {
        return Err(Walk::Shape {
            expected: "contentType OBJECT IDENTIFIER",
            at,
        });
    }
    let found = ObjectIdentifier::decode(r)?;
    if found != oid {
        return Err(Walk::ContentType { oid: found, at });
    }
    Ok(())
}

/// Collects the TLVs of the certificates (`SEQUENCE` elements) in `r` until it is finished;
/// other elements are skipped.
pub(crate) fn collect_certificates<'a>(
    r: &mut SliceReader<'a>,
    input: &'a [u8],
    limits: &Limits,
    certs: &mut Vec<&'a [u8]>,
) -> Result<(), Walk> {
    while !r.is_finished() {
        let start = pos(r);
        let tag = Tag::peek(r)?;
        AnyRef::decode(r)?;
        if tag == Tag::Sequence {
            if certs.len() >= limits.max_certificates {
                return Err(Walk::TooMany {
                    max: limits.max_certificates,
                    at: start,
                });
            }
            let tlv = input.get(start..pos(r)).ok_or(Walk::Shape {
                expected: "a certificate within the input",
                at: start,
            })?;
            certs.push(tlv);
        }
    }
    Ok(())
}

/// The walk of one container type: certificates, BER flag.
pub(crate) type WalkFn =
    for<'a> fn(&mut SliceReader<'a>, &'a [u8], &Limits, &mut bool) -> Result<Vec<&'a [u8]>, Walk>;

fn walk_signed_data<'a>(
    r: &mut SliceReader<'a>,
    input: &'a [u8],
    limits: &Limits,
    ber: &mut bool,
) -> Result<Vec<&'a [u8]>, Walk> {
    nested(r, Tag::Sequence, "ContentInfo SEQUENCE", ber, |r, ber| {
        content_type(r, SIGNED_DATA)?;
        nested(r, CONTEXT_0, "content [0] EXPLICIT", ber, |r, ber| {
            nested(r, Tag::Sequence, "SignedData SEQUENCE", ber, |r, ber| {
                skip(r, Tag::Integer, "SignedData version INTEGER")?;
                skip(r, Tag::Set, "digestAlgorithms SET")?;
                skip(r, Tag::Sequence, "encapContentInfo SEQUENCE")?;
                let mut certs = Vec::new();
                if !r.is_finished() && Tag::peek(r)? == CONTEXT_0 {
                    nested(r, CONTEXT_0, "certificates [0] IMPLICIT", ber, |r, _| {
                        collect_certificates(r, input, limits, &mut certs)
                    })?;
                }
                // crls [1] and signerInfos.
                while !r.is_finished() {
                    AnyRef::decode(r)?;
                }
                Ok(certs)
            })
        })
    })
}

/// Runs `walk` over `der`; bytes after the structure are an error.
pub(crate) fn walk_strict<'a>(
    der: &'a [u8],
    limits: &Limits,
    format: Format,
    walk: WalkFn,
) -> Result<(Vec<&'a [u8]>, bool), DecodeError> {
    let (certs, ber, end) = walk_prefix(der, limits, format, walk)?;
    if end < der.len() {
        return Err(DecodeError::new(format, DecodeErrorKind::TrailingData).at(end));
    }
    Ok((certs, ber))
}

/// Runs `walk` over the structure at the start of `der`; returns where it ends.
fn walk_prefix<'a>(
    der: &'a [u8],
    limits: &Limits,
    format: Format,
    walk: WalkFn,
) -> Result<(Vec<&'a [u8]>, bool, usize), DecodeError> {
    let expected = if format == Format::Pkcs7 {
        SIGNED_DATA_NAME
    } else {
        super::netscape::CONTENT_NAME
    };
    if der.is_empty() {
        return Err(DecodeError::new(format, DecodeErrorKind::Empty));
    }
    let mut r = SliceReader::new_with_encoding_rules(der, EncodingRules::Ber)
        .map_err(|e| Walk::Der(e).into_error(format, expected))?;
    let mut ber = false;
    let certs = walk(&mut r, der, limits, &mut ber).map_err(|e| e.into_error(format, expected))?;
    Ok((certs, ber, pos(&r)))
}

/// One container type for [`decode_auto`].
pub(crate) struct Container {
    pub(crate) format: Format,
    pub(crate) label: PemLabel,
    pub(crate) expected: &'static str,
    pub(crate) walk: WalkFn,
}

/// DER/BER, PEM or base64, detected as described at [`decode_certificates`].
pub(crate) fn decode_auto(
    input: &[u8],
    limits: &Limits,
    c: &Container,
) -> Result<Certificates, DecodeError> {
    if input.len() > limits.max_body_size {
        return Err(DecodeError::new(
            c.format,
            DecodeErrorKind::LimitExceeded {
                limit: Limit::BodySize,
                max: limits.max_body_size,
            },
        ));
    }
    if input.trim_ascii().is_empty() {
        return Err(DecodeError::new(c.format, DecodeErrorKind::Empty));
    }
    let is_text = input
        .iter()
        .all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace());
    // Binary DER/BER starts with a SEQUENCE tag. Text that starts with `0` (base64 of bytes
    // D0-D3) falls through to the base64 reading when it is not DER.
    let mut der_error = None;
    if input.first() == Some(&0x30) {
        match decode_binary(input, limits, c) {
            Ok(found) => return Ok(found),
            Err(err) if !is_text => return Err(err),
            Err(err) => der_error = Some(err),
        }
    }
    if pem::contains_pem(input) {
        return decode_pem(input, limits, c);
    }
    if !is_text {
        return Err(DecodeError::new(
            c.format,
            DecodeErrorKind::UnrecognisedFormat {
                expected: c.expected,
            },
        ));
    }
    let decoded = match b64::decode(input) {
        Ok(decoded) => decoded,
        Err(err) => return Err(der_error.unwrap_or(err)),
    };
    let (der, mut warnings) = decoded.into_parts();
    let start = input
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let (certs, ber) = walk_strict(&der, limits, c.format, c.walk)
        .map_err(|e| e.within(Format::Base64, Some(start), None))?;
    if ber {
        warnings.push(Warning::new(c.format, WarningKind::BerEncoding).at(0));
    }
    Ok(Certificates::new(
        certs.into_iter().map(<[u8]>::to_vec).collect(),
        warnings,
    ))
}

/// Raw DER/BER; trailing whitespace or NUL bytes (a newline added in transit) are tolerated.
fn decode_binary(
    input: &[u8],
    limits: &Limits,
    c: &Container,
) -> Result<Certificates, DecodeError> {
    let (certs, ber, end) = walk_prefix(input, limits, c.format, c.walk)?;
    let rest = input.get(end..).unwrap_or_default();
    if rest.iter().any(|&b| !(b.is_ascii_whitespace() || b == 0)) {
        return Err(DecodeError::new(c.format, DecodeErrorKind::TrailingData).at(end));
    }
    let mut warnings = Vec::new();
    if !rest.is_empty() {
        warnings.push(Warning::new(c.format, WarningKind::SurroundingText).at(end));
    }
    if ber {
        warnings.push(Warning::new(c.format, WarningKind::BerEncoding).at(0));
    }
    Ok(Certificates::new(
        certs.into_iter().map(<[u8]>::to_vec).collect(),
        warnings,
    ))
}

/// Every PEM block with the container's label; `max_certificates` counts across blocks.
fn decode_pem(input: &[u8], limits: &Limits, c: &Container) -> Result<Certificates, DecodeError> {
    let (blocks, mut warnings) = pem::decode_with(input, limits)?.into_parts();
    let mut out: Vec<Vec<u8>> = Vec::new();
    let mut found = false;
    for block in blocks.iter().filter(|b| b.label() == &c.label) {
        found = true;
        let within = |e: DecodeError| {
            e.within(
                Format::Pem,
                Some(block.offset()),
                Some(block.label().as_str()),
            )
        };
        let remaining = Limits {
            max_certificates: limits.max_certificates.saturating_sub(out.len()),
            ..limits.clone()
        };
        let (certs, ber) = walk_strict(block.der(), &remaining, c.format, c.walk).map_err(|e| {
            if let DecodeErrorKind::LimitExceeded {
                limit: Limit::Certificates,
                ..
            } = e.kind()
            {
                // Report the caller's limit, not what was left of it for this block.
                within(DecodeError::new(
                    c.format,
                    DecodeErrorKind::LimitExceeded {
                        limit: Limit::Certificates,
                        max: limits.max_certificates,
                    },
                ))
            } else {
                within(e)
            }
        })?;
        if ber {
            warnings.push(Warning::new(c.format, WarningKind::BerEncoding).at(block.offset()));
        }
        out.extend(certs.into_iter().map(<[u8]>::to_vec));
    }
    if !found {
        return Err(DecodeError::new(
            c.format,
            DecodeErrorKind::UnrecognisedFormat {
                expected: c.expected,
            },
        ));
    }
    Ok(Certificates::new(out, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &[u8] = &[0x30, 0x03, 0x02, 0x01, 0x01];
    const B: &[u8] = &[0x30, 0x03, 0x02, 0x01, 0x02];

    #[test]
    fn tlv_lengths() {
        assert_eq!(tlv(0x04, &[]), [0x04, 0x00]);
        assert_eq!(tlv(0x04, &[0; 0x7f])[..2], [0x04, 0x7f]);
        assert_eq!(tlv(0x04, &[0; 0x80])[..3], [0x04, 0x81, 0x80]);
        assert_eq!(tlv(0x04, &[0; 0x1234])[..4], [0x04, 0x82, 0x12, 0x34]);
    }

    #[test]
    fn round_trip_keeps_order_and_duplicates() {
        let bag = encode_certs_only(&[B, A, B]);
        let p7 = parse_der(&bag).unwrap();
        assert_eq!(p7.certificates(), [B, A, B]);
        assert!(!p7.is_ber());
    }

    #[test]
    fn empty_bag_has_no_certificates() {
        let bag = encode_certs_only(&[]);
        assert!(parse_der(&bag).unwrap().certificates().is_empty());
    }

    #[test]
    fn indefinite_lengths_are_read_and_flagged() {
        // The same bag with ContentInfo, [0] and SignedData in indefinite form.
        let certs = tlv(0xa0, &[A, B].concat());
        let sd_inner = [
            &[0x02, 0x01, 0x01][..],
            &[0x31, 0x00],
            &[0x30, 0x00],
            &certs,
            &[0x31, 0x00],
        ]
        .concat();
        let oid = &[
            0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02,
        ][..];
        let ber = [
            &[0x30, 0x80][..],
            oid,
            &[0xa0, 0x80, 0x30, 0x80],
            &sd_inner,
            &[0, 0, 0, 0, 0, 0],
        ]
        .concat();
        let p7 = parse_der(&ber).unwrap();
        assert_eq!(p7.certificates(), [A, B]);
        assert!(p7.is_ber());
        let decoded = decode_certificates(&ber, &Limits::DEFAULT).unwrap();
        assert_eq!(decoded.warnings()[0].kind(), WarningKind::BerEncoding);
    }

    #[test]
    fn other_content_type_is_refused_with_its_oid() {
        // ContentInfo { data, [0] { OCTET STRING } }
        let der = [
            0x30, 0x11, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01, 0xa0,
            0x04, 0x04, 0x02, 0x68, 0x69,
        ];
        let err = parse_der(&der).unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::UnexpectedContentType {
                oid: "1.2.840.113549.1.7.1".into(),
                expected: SIGNED_DATA_NAME
            }
        );
        assert_eq!(err.offset(), Some(2));
    }

    #[test]
    fn deep_indefinite_nesting_fails_fast_as_depth_limit() {
        let der = [0x30, 0x80].repeat(100_000);
        let err = parse_der(&der).unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::LimitExceeded {
                limit: Limit::DerDepth,
                max: MAX_DER_DEPTH
            }
        );
    }

    #[test]
    fn trailing_data_is_an_error_but_trailing_newline_after_binary_is_a_warning() {
        let mut bag = encode_certs_only(&[A]);
        let len = bag.len();
        bag.push(0x05);
        let err = parse_der(&bag).unwrap_err();
        assert_eq!(err.kind(), &DecodeErrorKind::TrailingData);
        assert_eq!(err.offset(), Some(len));
        assert!(decode(&bag).is_err());
        bag.pop();
        bag.extend_from_slice(b"\r\n");
        let decoded = decode_certificates(&bag, &Limits::DEFAULT).unwrap();
        assert_eq!(decoded.der(), [A.to_vec()]);
        assert_eq!(decoded.warnings()[0].kind(), WarningKind::SurroundingText);
        assert_eq!(decoded.warnings()[0].offset(), Some(len));
    }

    #[test]
    fn certificate_limit_is_exact() {
        let bag = encode_certs_only(&[A, B, A]);
        let mut limits = Limits::DEFAULT;
        limits.max_certificates = 3;
        assert_eq!(
            parse_der_with(&bag, &limits).unwrap().certificates().len(),
            3
        );
        limits.max_certificates = 2;
        let err = parse_der_with(&bag, &limits).unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::LimitExceeded {
                limit: Limit::Certificates,
                max: 2
            }
        );
        assert_eq!(err.offset(), Some(bag.len() - 2 - A.len()));
    }

    #[test]
    fn certificate_limit_counts_across_pem_blocks() {
        let block = pem::encode(&PemLabel::Pkcs7, &encode_certs_only(&[A, B]));
        let text = format!("{block}{block}");
        let mut limits = Limits::DEFAULT;
        limits.max_certificates = 4;
        assert_eq!(decode_with(text.as_bytes(), &limits).unwrap().len(), 4);
        limits.max_certificates = 3;
        let err = decode_with(text.as_bytes(), &limits).unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::LimitExceeded {
                limit: Limit::Certificates,
                max: 3
            }
        );
        assert_eq!(err.context()[0].offset(), Some(block.len()));
    }

    #[test]
    fn truncated_input_is_a_der_error_with_position() {
        let bag = encode_certs_only(&[A, B]);
        for cut in 1..bag.len() {
            let err = parse_der(&bag[..cut]).unwrap_err();
            assert!(
                matches!(err.kind(), DecodeErrorKind::Der { .. }),
                "cut {cut}: {err}"
            );
        }
    }

    #[test]
    fn text_starting_with_zero_is_read_as_base64_not_der() {
        // "0AAA" starts with 0x30 but is base64 (D0 00 00), not DER.
        let err = decode(b"0AAA").unwrap_err();
        assert!(matches!(err.kind(), DecodeErrorKind::Der { .. }), "{err}");
        assert_eq!(err.context()[0].format(), Format::Base64);
        // Binary that is not DER reports the DER error.
        let err = decode(&[0x30, 0x05, 0x00]).unwrap_err();
        assert!(err.context().is_empty());
    }

    #[test]
    fn garbage_is_unrecognised_or_base64_error() {
        let err = decode(&[0xff, 0x00, 0x01]).unwrap_err();
        assert!(matches!(
            err.kind(),
            DecodeErrorKind::UnrecognisedFormat { .. }
        ));
        let err = decode(b"not base64!").unwrap_err();
        assert_eq!(err.format(), Format::Base64);
        let err =
            decode(b"-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n").unwrap_err();
        assert!(matches!(
            err.kind(),
            DecodeErrorKind::UnrecognisedFormat { .. }
        ));
    }
}
