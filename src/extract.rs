//! Find every certificate in any body the API returns, whatever its format.
//!
//! CollectSSL, CollectPAC/CollectSMIME and the push notification deliver certificates in a
//! dozen shapes (DIGEST §2-3, §10): PEM blocks after a status line (with the documentation's
//! malformed armour), base64 fields of a URL-encoded body (`certificate`, repeated
//! `caCertificate`, `pkcs7`, `zipFile`, `netscapeCertificateSequence`), PEM inside form
//! fields (push), a PKCS#7 bag in DER, BER, PEM or base64, a Netscape certificate sequence, a
//! ZIP archive, or the `g_ccc` JavaScript variable. [`certificates`] recognises each of them,
//! digs through the nesting (a ZIP, base64-encoded, inside a form field) and returns the
//! certificates as a [`Chain`], ordered by issuer/subject links with the end-entity first.
//!
//! ```
//! let body = include_bytes!("../testdata/collect-ssl/ok-urlenc-individual.txt");
//! let found = sectigo_codec::extract::certificates(body).unwrap();
//! assert_eq!(found.status(), Some(2));
//! let subjects: Vec<&str> = found.chain().certificates().iter().map(|c| c.subject()).collect();
//! assert_eq!(subjects[0], "CN=shop.example.com"); // end-entity first, although sent last
//! assert_eq!(subjects.len(), 3);
//! ```

use crate::cert::{Certificate, Chain};
use crate::codec::{base64, netscape, pem, pkcs7};
use crate::wire::{form, js, lines};
use crate::{DecodeError, DecodeErrorKind, Format, Limit, Limits, Warning, WarningKind};

/// How deep containers may nest (a ZIP inside base64 inside a form field is depth 3).
const MAX_NESTING: usize = 4;

/// The form fields that carry certificates (DIGEST §2.4, §10), matched case-insensitively.
pub const CERTIFICATE_FIELDS: [&str; 5] = [
    "certificate",
    "caCertificate",
    "pkcs7",
    "zipFile",
    "netscapeCertificateSequence",
];

/// The outermost shape a body was recognised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Source {
    /// PEM blocks (possibly after a newline status line).
    Pem,
    /// A PKCS#7 / CMS `SignedData` bag (DER or BER).
    Pkcs7,
    /// A Netscape certificate sequence.
    NetscapeSequence,
    /// One DER certificate.
    Der,
    /// A ZIP archive of certificate files.
    Zip,
    /// Fields of a URL-encoded body.
    Form,
    /// The `g_ccc` variable of a JavaScript body.
    JavaScript,
    /// A newline-delimited body (status line, then base64 or PEM).
    Newline,
    /// Bare base64 of one of the binary shapes.
    Base64,
}

impl Source {
    /// A short lower-case name.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Pem => "pem",
            Self::Pkcs7 => "pkcs7",
            Self::NetscapeSequence => "netscape-sequence",
            Self::Der => "der",
            Self::Zip => "zip",
            Self::Form => "url-encoded",
            Self::JavaScript => "javascript",
            Self::Newline => "newline",
            Self::Base64 => "base64",
        }
    }
}

/// The certificates found in a body, chain-ordered, with what was learnt on the way.
#[derive(Debug, Clone)]
pub struct Extracted {
    chain: Chain,
    source: Source,
    status: Option<i32>,
    warnings: Vec<Warning>,
}

impl Extracted {
    /// The certificates, end-entity first (see [`Chain::order`]).
    pub fn chain(&self) -> &Chain {
        &self.chain
    }

    /// Consumes `self`, returning the chain.
    pub fn into_chain(self) -> Chain {
        self.chain
    }

    /// The outermost shape of the body.
    pub fn source(&self) -> Source {
        self.source
    }

    /// The status code of the body (`errorCode`, the first line, `g_errorCode`), if it had
    /// one. A negative status means the server answered with an error and sent no
    /// certificates.
    pub fn status(&self) -> Option<i32> {
        self.status
    }

    /// Every deviation tolerated on the way, from every layer, including the chain's.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }
}

/// Finds every certificate in `body` with [`Limits::DEFAULT`].
///
/// # Errors
/// A [`DecodeError`] when the body is in none of the recognised shapes, or when a container
/// in it is malformed (the error's [`context`](DecodeError::context) names the outer layers).
pub fn certificates(body: &[u8]) -> Result<Extracted, DecodeError> {
    certificates_with(body, &Limits::DEFAULT)
}

/// Finds every certificate in `body`.
///
/// # Errors
/// As [`certificates`]; also [`DecodeErrorKind::LimitExceeded`] when a limit is exceeded.
pub fn certificates_with(body: &[u8], limits: &Limits) -> Result<Extracted, DecodeError> {
    if body.len() > limits.max_body_size {
        return Err(DecodeError::new(
            Format::Response,
            DecodeErrorKind::LimitExceeded {
                limit: Limit::BodySize,
                max: limits.max_body_size,
            },
        ));
    }
    let mut found = Found {
        limits,
        ders: Vec::new(),
        warnings: Vec::new(),
        status: None,
    };
    let source = found.any(body, 0)?;
    let mut certs = Vec::with_capacity(found.ders.len());
    for der in &found.ders {
        certs.push(Certificate::from_der(der)?);
    }
    let chain = Chain::order(certs);
    let mut warnings = found.warnings;
    warnings.extend(chain.warnings().iter().cloned());
    Ok(Extracted {
        chain,
        source,
        status: found.status,
        warnings,
    })
}

struct Found<'l> {
    limits: &'l Limits,
    ders: Vec<Vec<u8>>,
    warnings: Vec<Warning>,
    status: Option<i32>,
}

/// A DER/BER SEQUENCE with a long-form or indefinite length (every certificate container
/// is longer than 127 bytes), or a ZIP local file header. ASCII text never starts like this,
/// although `0` is the SEQUENCE tag byte.
fn looks_binary(body: &[u8]) -> bool {
    match body {
        [0x30, len, ..] => *len == 0x80 || (0x81..=0x84).contains(len),
        _ => body.starts_with(b"PK\x03\x04"),
    }
}

fn trimmed(body: &[u8]) -> &[u8] {
    body.trim_ascii()
}

/// `name=value` with a plausible field name before the first `=`: the start of a form body.
/// Bare base64 ends in `=` or `==` and has no `&`, so an `=` that ends the text or is
/// followed by another `=` only counts when the text has an `&`.
fn looks_like_form(text: &[u8]) -> bool {
    let head = text.get(..text.len().min(64)).unwrap_or(text);
    let Some(eq) = head.iter().position(|&b| b == b'=') else {
        return false;
    };
    let name_ok = eq > 0
        && head.get(..eq).is_some_and(|name| {
            name.iter()
                .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'+' | b'%'))
        });
    let after = text.get(eq.saturating_add(1)).copied();
    name_ok && (memchr::memchr(b'&', text).is_some() || !matches!(after, None | Some(b'=')))
}

/// The first line is a (signed) integer: a newline-delimited status body.
fn looks_like_status_line(text: &[u8]) -> bool {
    let line = text
        .split(|&b| b == b'\n')
        .next()
        .unwrap_or_default()
        .trim_ascii();
    let digits = line.strip_prefix(b"-").unwrap_or(line);
    !digits.is_empty() && digits.len() <= 10 && digits.iter().all(u8::is_ascii_digit)
}

impl Found<'_> {
    fn push_der(&mut self, der: Vec<u8>) -> Result<(), DecodeError> {
        if self.ders.len() >= self.limits.max_certificates {
            return Err(DecodeError::new(
                Format::Response,
                DecodeErrorKind::LimitExceeded {
                    limit: Limit::Certificates,
                    max: self.limits.max_certificates,
                },
            ));
        }
        self.ders.push(der);
        Ok(())
    }

    /// Recognises the shape of `body` and collects its certificates.
    /// Recognises the shape of `body` (whitespace around it ignored) and collects its
    /// certificates; error offsets count from the start of `body`.
    fn any(&mut self, body: &[u8], depth: usize) -> Result<Source, DecodeError> {
        let lead = body.len().saturating_sub(body.trim_ascii_start().len());
        self.trimmed_any(trimmed(body), depth)
            .map_err(|e| e.shifted_outermost(lead))
    }

    fn trimmed_any(&mut self, text: &[u8], depth: usize) -> Result<Source, DecodeError> {
        if depth > MAX_NESTING {
            return Err(DecodeError::new(
                Format::Response,
                DecodeErrorKind::LimitExceeded {
                    limit: Limit::DerDepth,
                    max: MAX_NESTING,
                },
            ));
        }
        if text.is_empty() {
            return Err(DecodeError::new(Format::Response, DecodeErrorKind::Empty));
        }
        if looks_binary(text) {
            return self.binary(text, depth);
        }
        if pem::contains_pem(text) && !looks_like_form(text) {
            // CollectSSL/CollectPAC newline bodies: status line (and FQDN/validity lines),
            // then the PEM blocks (DIGEST §2.3, §3.3).
            if looks_like_status_line(text) {
                let parsed = lines::decode_with(text, self.limits)?;
                self.status = Some(parsed.status());
                self.warnings.extend(parsed.warnings().iter().cloned());
                let rest = parsed.text_after_status();
                let offset = text.len().saturating_sub(rest.len());
                self.pem(rest.as_bytes(), depth)
                    .map_err(|e| e.within(Format::Newline, Some(offset), None))?;
                return Ok(Source::Newline);
            }
            self.pem(text, depth)?;
            return Ok(Source::Pem);
        }
        if looks_like_form(text) {
            self.form(text, depth)?;
            return Ok(Source::Form);
        }
        if memchr::memmem::find(text, b"g_").is_some() && memchr::memchr(b'=', text).is_some() {
            self.javascript(text, depth)?;
            return Ok(Source::JavaScript);
        }
        if looks_like_status_line(text) {
            self.newline(text, depth)?;
            return Ok(Source::Newline);
        }
        let decoded = base64::decode(text).map_err(|e| e.within(Format::Response, None, None))?;
        self.warnings.extend(decoded.warnings().iter().cloned());
        let bytes = decoded.into_bytes();
        if !looks_binary(&bytes) {
            return Err(DecodeError::new(
                Format::Response,
                DecodeErrorKind::UnrecognisedFormat {
                    expected: "PEM, PKCS#7, DER, ZIP, a URL-encoded, newline or JavaScript body, \
                               or base64 of one of them",
                },
            ));
        }
        self.binary(&bytes, depth.saturating_add(1))?;
        Ok(Source::Base64)
    }

    /// DER/BER: a PKCS#7 bag, a Netscape sequence, one certificate; or a ZIP archive.
    fn binary(&mut self, bytes: &[u8], depth: usize) -> Result<Source, DecodeError> {
        if bytes.starts_with(b"PK\x03\x04") {
            return self.zip(bytes, depth);
        }
        match pkcs7::parse_der_with(bytes, self.limits) {
            Ok(bag) => {
                if bag.is_ber() {
                    self.warnings
                        .push(Warning::new(Format::Pkcs7, WarningKind::BerEncoding));
                }
                for der in bag.certificates() {
                    self.push_der(der.to_vec())?;
                }
                Ok(Source::Pkcs7)
            }
            // A ContentInfo of another type: maybe a Netscape certificate sequence.
            Err(e) if matches!(e.kind(), DecodeErrorKind::UnexpectedContentType { .. }) => {
                let certs = netscape::parse_der_with(bytes, self.limits).map_err(|_| e)?;
                for der in certs {
                    self.push_der(der.to_vec())?;
                }
                Ok(Source::NetscapeSequence)
            }
            // Not a ContentInfo at all: maybe a bare certificate.
            Err(e) => {
                if Certificate::from_der(bytes).is_err() {
                    return Err(e);
                }
                self.push_der(bytes.to_vec())?;
                Ok(Source::Der)
            }
        }
    }

    #[cfg(feature = "zip")]
    fn zip(&mut self, bytes: &[u8], _depth: usize) -> Result<Source, DecodeError> {
        for (_name, der) in crate::codec::zip::certificates(bytes, self.limits)? {
            self.push_der(der)?;
        }
        Ok(Source::Zip)
    }

    #[cfg(not(feature = "zip"))]
    fn zip(&mut self, _bytes: &[u8], _depth: usize) -> Result<Source, DecodeError> {
        Err(DecodeError::new(
            Format::Zip,
            DecodeErrorKind::UnrecognisedFormat {
                expected: "a ZIP archive needs the `zip` feature of sectigo-codec",
            },
        ))
    }

    /// PEM blocks: certificates, PKCS#7 bags and Netscape sequences; CSRs are skipped.
    fn pem(&mut self, text: &[u8], depth: usize) -> Result<(), DecodeError> {
        let parsed = pem::decode_with(text, self.limits)?;
        self.warnings.extend(parsed.warnings().iter().cloned());
        for block in parsed.blocks() {
            match block.label() {
                pem::PemLabel::Certificate => self.push_der(block.der().to_vec())?,
                pem::PemLabel::Pkcs7 | pem::PemLabel::NetscapeCertificateSequence => {
                    self.binary(block.der(), depth.saturating_add(1))
                        .map_err(|e| e.within(Format::Pem, Some(block.offset()), None))?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// URL-encoded: the status in `errorCode`, certificates in the fields of
    /// [`CERTIFICATE_FIELDS`] (base64, or PEM in push notifications).
    fn form(&mut self, text: &[u8], depth: usize) -> Result<(), DecodeError> {
        let parsed = form::decode_with(text, self.limits)?;
        self.warnings.extend(parsed.warnings().iter().cloned());
        if let Some(code) = parsed.get("errorCode") {
            self.status = code.value().trim().parse().ok();
        }
        for pair in parsed.pairs() {
            let name = pair.name();
            if !CERTIFICATE_FIELDS
                .iter()
                .any(|f| f.eq_ignore_ascii_case(name))
            {
                continue;
            }
            let value = pair.value();
            if value.trim().is_empty() {
                continue;
            }
            let outer = |e: DecodeError| {
                e.within(
                    Format::FormUrlEncoded,
                    Some(pair.value_offset()),
                    Some(name),
                )
            };
            if pem::contains_pem(value.as_bytes()) {
                let parsed = pem::decode_field(value).map_err(outer)?;
                self.warnings.extend(parsed.warnings().iter().cloned());
                for block in parsed.blocks() {
                    match block.label() {
                        pem::PemLabel::Certificate => self.push_der(block.der().to_vec())?,
                        _ => {
                            self.binary(block.der(), depth.saturating_add(1))
                                .map_err(outer)?;
                        }
                    }
                }
            } else {
                let decoded = base64::decode_field(value).map_err(outer)?;
                self.warnings.extend(decoded.warnings().iter().cloned());
                self.binary(decoded.bytes(), depth.saturating_add(1))
                    .map_err(outer)?;
            }
        }
        Ok(())
    }

    /// JavaScript: `g_errorCode` and the base64 structure in `g_ccc` (DIGEST §3.3).
    fn javascript(&mut self, text: &[u8], depth: usize) -> Result<(), DecodeError> {
        let vars = js::decode_with(text, self.limits)?;
        self.warnings.extend(vars.warnings().iter().cloned());
        if let Some(code) = vars.get("g_errorCode") {
            self.status = match code.value() {
                js::JsValue::Number(n) => n.trim().parse().ok(),
                js::JsValue::String(s) => s.trim().parse().ok(),
                _ => None,
            };
        }
        if let Some(ccc) = vars.get("g_ccc")
            && let js::JsValue::String(s) = ccc.value()
            && !s.trim().is_empty()
        {
            let outer =
                |e: DecodeError| e.within(Format::JavaScript, Some(ccc.offset()), Some("g_ccc"));
            self.any(s.as_bytes(), depth.saturating_add(1))
                .map_err(outer)?;
        }
        Ok(())
    }

    /// Newline-delimited: the status line, optional text lines (validity, FQDN, statuses),
    /// then base64 of a binary structure (CollectPAC `responseType=2`, DIGEST §3.3).
    fn newline(&mut self, text: &[u8], depth: usize) -> Result<(), DecodeError> {
        let parsed = lines::decode_with(text, self.limits)?;
        self.warnings.extend(parsed.warnings().iter().cloned());
        self.status = Some(parsed.status());
        if parsed.status() < 0 {
            return Ok(());
        }
        // The base64 block is the longest run of trailing lines made of base64 characters
        // only; the text lines before it (a date has a space, an FQDN a dot) are not.
        let is_b64 = |l: &&lines::Line<'_>| {
            !l.text().is_empty()
                && l.text().bytes().all(|b| {
                    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_')
                })
        };
        let block: Vec<&lines::Line<'_>> = {
            let mut tail: Vec<_> = parsed
                .lines()
                .iter()
                .rev()
                .take_while(|l| is_b64(l))
                .collect();
            tail.reverse();
            tail
        };
        let Some(first) = block.first() else {
            return Ok(());
        };
        let mut joined = String::with_capacity(text.len());
        for line in &block {
            joined.push_str(line.text());
        }
        let offset = first.offset();
        let decoded = base64::decode(joined.as_bytes())
            .map_err(|e| e.within(Format::Newline, Some(offset), None))?;
        self.warnings.extend(decoded.warnings().iter().cloned());
        self.binary(decoded.bytes(), depth.saturating_add(1))
            .map_err(|e| e.within(Format::Newline, Some(offset), None))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Without the `zip` feature, a ZIP archive is recognised and refused with an error that
    /// names the feature (run by `.ci/run`'s `--no-default-features` step).
    #[cfg(not(feature = "zip"))]
    #[test]
    fn zip_without_the_feature_names_it() {
        let err = certificates(include_bytes!("../testdata/zip/chain.zip")).unwrap_err();
        assert_eq!(err.format(), Format::Zip);
        assert!(err.to_string().contains("`zip` feature"), "{err}");
    }

    #[cfg(feature = "zip")]
    #[test]
    fn zip_with_the_feature_gives_the_chain() {
        let got = certificates(include_bytes!("../testdata/zip/chain.zip")).unwrap();
        assert_eq!(got.source(), Source::Zip);
        // Five members (the end-entity, a bundle of two and the two CA certificates on
        // their own), three distinct certificates.
        assert_eq!(got.chain().len(), 3);
    }
}
