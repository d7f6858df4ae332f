//! The input layer: PEM, bare base64 or DER, capped at 32767 characters.
//!
//! DIGEST §6.1 (`csr`, max 32767): "PKCS#10, Base64, with or without
//! `-----BEGIN …-----`/`-----END …-----`". Sectigo's FAQ on -9 names the usual causes: stray
//! characters such as `!`, spaces inside the body, copy-paste artefacts.

use std::borrow::Cow;

use base64::Engine as _;

use super::{InputForm, Report, RuleId};
use crate::{DecodeError, DecodeErrorKind, Format, Limit, MAX_CSR_CHARS};

/// Whether `input` starts like a DER SEQUENCE (a base64 CSR starts with `MII`, never `0`).
fn looks_like_der(input: &[u8]) -> bool {
    match input {
        [0x30, len, ..] => match *len {
            0x81..=0x84 => true,
            l if l < 0x80 => usize::from(l) == input.len().saturating_sub(2),
            _ => false,
        },
        _ => false,
    }
}

/// Decodes the input into DER. `Ok(None)` means the input was read but holds no usable DER;
/// the reason is in `findings`.
pub(crate) fn decode<'a>(
    input: &'a [u8],
    findings: &mut Vec<super::Finding>,
) -> Result<Option<(Cow<'a, [u8]>, InputForm)>, DecodeError> {
    if input.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::new(Format::Csr, DecodeErrorKind::Empty));
    }
    let too_long = || {
        DecodeError::new(
            Format::Csr,
            DecodeErrorKind::LimitExceeded {
                limit: Limit::CsrSize,
                max: MAX_CSR_CHARS,
            },
        )
    };
    if looks_like_der(input) {
        // The API takes text: the DER would be sent as base64.
        if input.len().div_ceil(3).saturating_mul(4) > MAX_CSR_CHARS {
            return Err(too_long());
        }
        return Ok(Some((Cow::Borrowed(input), InputForm::Der)));
    }
    if input.len() > MAX_CSR_CHARS {
        return Err(too_long().at(MAX_CSR_CHARS));
    }
    let mut report = Report::default();
    let result = decode_text(input, &mut report);
    findings.append(&mut report.findings);
    Ok(result.map(|(der, form)| (Cow::Owned(der), form)))
}

/// PEM labels of a certificate request (RFC 7468 §7; `NEW` is the Netscape/Microsoft form).
const CSR_LABELS: [&str; 2] = ["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"];

fn decode_text(input: &[u8], report: &mut Report) -> Option<(Vec<u8>, InputForm)> {
    let Some(begin) = memchr::memmem::find(input, b"-----BEGIN") else {
        let der = base64_body(input, 0, report)?;
        return Some((der, InputForm::Base64));
    };
    if input
        .get(..begin)
        .is_some_and(|pre| !pre.iter().all(u8::is_ascii_whitespace))
    {
        report.push(
            RuleId::PemArmourMalformed,
            Some(0),
            "text before the BEGIN line; send only the PEM block",
        );
    }
    let label_start = begin.saturating_add(10);
    let rest = input.get(label_start..).unwrap_or_default();
    let Some(dash) = memchr::memmem::find(rest, b"-----") else {
        report.push(
            RuleId::Base64Invalid,
            Some(begin),
            "the BEGIN line is not closed by -----",
        );
        return None;
    };
    let label = String::from_utf8_lossy(rest.get(..dash).unwrap_or_default())
        .trim()
        .to_owned();
    if !CSR_LABELS.contains(&label.as_str()) {
        report.push(
            RuleId::PemLabelUnexpected,
            Some(begin),
            format!("the PEM block is labelled {label:?}; a CSR is labelled CERTIFICATE REQUEST"),
        );
    }
    let body_start = label_start.saturating_add(dash).saturating_add(5);
    let body = input.get(body_start..).unwrap_or_default();
    let Some(end) = memchr::memmem::find(body, b"-----END") else {
        report.push(
            RuleId::Base64Invalid,
            Some(begin),
            format!("the PEM block {label:?} has no END line"),
        );
        return None;
    };
    let after = body.get(end..).unwrap_or_default();
    let end_line_len = after
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(after.len());
    let trailing = after.get(end_line_len..).unwrap_or_default();
    if memchr::memmem::find(trailing, b"-----BEGIN").is_some() {
        report.push(
            RuleId::PemMultipleBlocks,
            Some(body_start.saturating_add(end).saturating_add(end_line_len)),
            "more than one PEM block; only the first is linted, send one CSR",
        );
    } else if !trailing.iter().all(u8::is_ascii_whitespace) {
        report.push(
            RuleId::PemArmourMalformed,
            Some(body_start.saturating_add(end).saturating_add(end_line_len)),
            "text after the END line; send only the PEM block",
        );
    }
    let der = base64_body(body.get(..end).unwrap_or_default(), body_start, report)?;
    Some((der, InputForm::Pem))
}

/// Decodes base64 ignoring ASCII whitespace (CRLF, line breaks). `base` is the offset of
/// `text` in the input, for positions in findings.
fn base64_body(text: &[u8], base: usize, report: &mut Report) -> Option<Vec<u8>> {
    let mut compact = Vec::with_capacity(text.len());
    for (i, &b) in text.iter().enumerate() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'+' | b'/' | b'=' => compact.push(b),
            b' ' | b'\t' | b'\r' | b'\n' => {}
            other => {
                let shown = if other.is_ascii_graphic() {
                    format!("{:?}", char::from(other))
                } else {
                    format!("byte {other:#04x}")
                };
                report.push(
                    RuleId::Base64Invalid,
                    Some(base.saturating_add(i)),
                    format!("{shown} is not a base64 character; remove it (copy-paste artefact?)"),
                );
                return None;
            }
        }
    }
    if compact.is_empty() {
        report.push(
            RuleId::Base64Invalid,
            Some(base),
            "the PEM block holds no base64 data",
        );
        return None;
    }
    match base64::engine::general_purpose::STANDARD.decode(&compact) {
        Ok(der) => Some(der),
        Err(e) => {
            report.push(
                RuleId::Base64Invalid,
                Some(base),
                format!("the base64 data is malformed ({e}); copy the whole CSR again"),
            );
            None
        }
    }
}
