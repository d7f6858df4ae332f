//! The input layer: PEM, bare base64 or DER, capped at 32767 characters.
//!
//! DIGEST §6.1 (`csr`, max 32767): "PKCS#10, Base64, with or without
//! `-----BEGIN …-----`/`-----END …-----`". Sectigo's FAQ on -9 names the usual causes: stray
//! characters such as `!`, spaces inside the body, copy-paste artefacts. The PEM and base64
//! layers are [`codec::pem`] and [`codec::base64`]: lenient armour (warned), whitespace and
//! CRLF ignored, every error positioned.

use std::borrow::Cow;

use super::{Finding, InputForm, RuleId};
use crate::codec::base64;
use crate::codec::pem::{self, PemLabel};
use crate::{DecodeError, DecodeErrorKind, Format, Limit, MAX_CSR_CHARS, Warning, WarningKind};

/// The DER of the request and how the input carried it.
pub(crate) type Der<'a> = (Cow<'a, [u8]>, InputForm);

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

fn push(findings: &mut Vec<Finding>, rule: RuleId, offset: Option<usize>, message: String) {
    findings.push(Finding {
        rule,
        message,
        offset,
    });
}

/// Decodes the input into DER. `Ok(None)` means the input was read but holds no usable DER;
/// the reason is in `findings`.
pub(crate) fn decode<'a>(
    input: &'a [u8],
    findings: &mut Vec<Finding>,
) -> Result<Option<Der<'a>>, DecodeError> {
    if input.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::new(Format::Csr, DecodeErrorKind::Empty));
    }
    let too_long = DecodeError::new(
        Format::Csr,
        DecodeErrorKind::LimitExceeded {
            limit: Limit::CsrSize,
            max: MAX_CSR_CHARS,
        },
    );
    if looks_like_der(input) {
        // The API takes text: the DER would be sent as base64.
        if input.len().div_ceil(3).saturating_mul(4) > MAX_CSR_CHARS {
            return Err(too_long);
        }
        return Ok(Some((Cow::Borrowed(input), InputForm::Der)));
    }
    if input.len() > MAX_CSR_CHARS {
        return Err(too_long.at(MAX_CSR_CHARS));
    }
    if pem::contains_pem(input) {
        let pem = match pem::decode(input) {
            Ok(pem) => pem,
            Err(e) if e.is_limit() => return Err(e),
            Err(e) => {
                push(findings, RuleId::Base64Invalid, e.offset(), unreadable(&e));
                return Ok(None);
            }
        };
        let (blocks, warnings) = pem.into_parts();
        note_warnings(&warnings, findings);
        let index = blocks
            .iter()
            .position(|b| {
                matches!(
                    b.label(),
                    PemLabel::CertificateRequest | PemLabel::NewCertificateRequest
                )
            })
            .unwrap_or(0);
        if blocks.len() > 1 {
            push(
                findings,
                RuleId::PemMultipleBlocks,
                blocks.get(1).map(pem::PemBlock::offset),
                format!(
                    "the input holds {} PEM blocks; only the first certificate request is linted, send one",
                    blocks.len()
                ),
            );
        }
        let Some(block) = blocks.into_iter().nth(index) else {
            push(
                findings,
                RuleId::Base64Invalid,
                Some(0),
                "no PEM block found".to_owned(),
            );
            return Ok(None);
        };
        if !matches!(
            block.label(),
            PemLabel::CertificateRequest | PemLabel::NewCertificateRequest
        ) {
            push(
                findings,
                RuleId::PemLabelUnexpected,
                Some(block.offset()),
                format!(
                    "the PEM block is labelled {}; a CSR is labelled CERTIFICATE REQUEST",
                    block.label()
                ),
            );
        }
        return Ok(Some((Cow::Owned(block.into_der()), InputForm::Pem)));
    }
    match base64::decode(input) {
        Ok(decoded) => {
            let (der, warnings) = decoded.into_parts();
            note_warnings(&warnings, findings);
            Ok(Some((Cow::Owned(der), InputForm::Base64)))
        }
        Err(e) => {
            push(findings, RuleId::Base64Invalid, e.offset(), unreadable(&e));
            Ok(None)
        }
    }
}

/// The message of a -9 finding: what is wrong and where.
fn unreadable(e: &DecodeError) -> String {
    let what = match e.kind() {
        DecodeErrorKind::InvalidBase64 { detail } => format!("the base64 is invalid: {detail}"),
        DecodeErrorKind::PemUnterminated { label } => {
            format!("the PEM block {label} has no END line")
        }
        DecodeErrorKind::PemLabelMismatch { begin, end } => {
            format!("the PEM BEGIN label {begin} does not match the END label {end}")
        }
        DecodeErrorKind::InvalidValue { expected } => {
            format!("the PEM block is not plain: expected {expected}")
        }
        other => other.to_string(),
    };
    match e.line() {
        Some(line) => {
            format!("{what} (line {line}); copy the whole CSR again, without extra characters")
        }
        None => format!("{what}; copy the whole CSR again, without extra characters"),
    }
}

fn note_warnings(warnings: &[Warning], findings: &mut Vec<Finding>) {
    let mut seen: Vec<WarningKind> = Vec::new();
    for w in warnings {
        if seen.contains(&w.kind()) {
            continue;
        }
        seen.push(w.kind());
        match w.kind() {
            WarningKind::MalformedPemArmour => push(
                findings,
                RuleId::PemArmourMalformed,
                w.offset(),
                "the PEM armour is malformed; use exactly -----BEGIN CERTIFICATE REQUEST----- and -----END CERTIFICATE REQUEST-----".to_owned(),
            ),
            WarningKind::SurroundingText => push(
                findings,
                RuleId::PemArmourMalformed,
                w.offset(),
                "text around the PEM block (or RFC 1421 headers) was ignored; send only the block".to_owned(),
            ),
            WarningKind::NonCanonicalBase64 => push(
                findings,
                RuleId::Base64NonCanonical,
                w.offset(),
                "the base64 lacks its = padding or uses the URL-safe alphabet; re-encode it as standard base64, a strict decoder refuses it".to_owned(),
            ),
            _ => {}
        }
    }
}
