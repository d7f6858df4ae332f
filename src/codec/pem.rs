//! PEM armour (RFC 7468), read leniently.
//!
//! RFC 7468 §3 gives the strict grammar:
//!
//! ```text
//! stricttextualmsg = preeb strictbase64text posteb
//! preeb      = "-----BEGIN " label "-----" eol
//! posteb     = "-----END " label "-----" eol
//! label      = [ labelchar *( ["-" / SP] labelchar ) ]   ; labelchar = %x21-2C / %x2E-7E
//! ```
//!
//! and §2 asks parsers to be lax about whitespace and text around the blocks. Sectigo's
//! documentation goes further (DIGEST §2.3, §3.3, §12 quirks 1-2): its CollectSSL and
//! CollectPAC samples print `----- BEGIN CERTIFICATE -----` with spaces inside the dashes and
//! end the last block with a four-dash footer, `---- END CERTIFICATE -----`. The push
//! notification's `caCertificate` field (DIGEST §10) holds several blocks in one value, and a
//! form decoder may have turned each `+` of the base64 into a space (DIGEST §2.4).
//!
//! What this module accepts, per encapsulation boundary:
//!
//! * three or more dashes on each side (five is canonical);
//! * spaces or tabs between the dashes and `BEGIN`/`END`, and around the label;
//! * `BEGIN`, `END` and the label in any case, runs of whitespace inside the label (the label
//!   is normalised to upper case with single spaces, see [`PemLabel`]);
//! * CR LF or LF line ends, indentation, and the whole block on one line;
//! * text before, between and after the blocks (warning [`WarningKind::SurroundingText`]);
//! * RFC 1421 headers (`Proc-Type:`, `DEK-Info:`) between the BEGIN line and the base64,
//!   skipped with a [`WarningKind::SurroundingText`] warning, except that an encrypted block
//!   (`Proc-Type: 4,ENCRYPTED`) is refused: its body is not DER.
//!
//! Every boundary that is not exactly `-----BEGIN LABEL-----` at the start of a line and
//! followed by the line end gives a [`WarningKind::MalformedPemArmour`] warning at its offset,
//! and the block's [`PemBlock::armour_ok`] is `false`.
//!
//! Errors: a BEGIN without END is [`DecodeErrorKind::PemUnterminated`], different BEGIN/END
//! labels are [`DecodeErrorKind::PemLabelMismatch`], and base64 errors in a body are
//! [`DecodeErrorKind::InvalidBase64`] with format [`Format::Pem`], the block's label as the
//! [field](DecodeError::field), and the byte offset and line of the bad character in the PEM
//! input. More than [`Limits::max_pem_blocks`] blocks is
//! [`DecodeErrorKind::LimitExceeded`]; the scan stops there, so a flood of empty blocks is
//! refused in time linear in the bytes read.
//!
//! The scanner jumps from dash to dash with `memchr` (standard base64 has no `-`), and each
//! body is decoded by [`codec::base64`](crate::codec::base64) through one reused buffer.

use core::fmt;

use super::base64::{self as b64, Mode, Notes};
use crate::{DecodeError, DecodeErrorKind, Format, Limit, Limits, Warning, WarningKind};

/// Longest label accepted, in bytes. RFC 7468 labels are short (`NEW CERTIFICATE REQUEST`
/// is the longest in common use); the cap keeps the boundary scan linear.
const MAX_LABEL_LEN: usize = 64;

/// Fewest dashes accepted on each side of `BEGIN ...`/`END ...`.
const MIN_DASHES: usize = 3;

/// The label of a PEM block, normalised.
///
/// Labels are compared after normalisation: ASCII upper case, runs of whitespace replaced by
/// one space. Aliases map to one variant:
///
/// | Variant | Labels |
/// |---|---|
/// | [`Certificate`](Self::Certificate) | `CERTIFICATE`, `X509 CERTIFICATE`, `TRUSTED CERTIFICATE` |
/// | [`Pkcs7`](Self::Pkcs7) | `PKCS7`, `CMS`, `PKCS #7 SIGNED DATA` |
/// | [`CertificateRequest`](Self::CertificateRequest) | `CERTIFICATE REQUEST` |
/// | [`NewCertificateRequest`](Self::NewCertificateRequest) | `NEW CERTIFICATE REQUEST` |
/// | [`NetscapeCertificateSequence`](Self::NetscapeCertificateSequence) | `NETSCAPE CERTIFICATE SEQUENCE` |
/// | [`Other`](Self::Other) | anything else (normalised text) |
///
/// A `TRUSTED CERTIFICATE` (OpenSSL's certificate followed by its trust settings) is read as
/// the certificate alone: the trust settings are dropped from [`PemBlock::der`].
///
/// ```
/// use sectigo_codec::codec::pem::PemLabel;
/// assert_eq!(PemLabel::from_label("x509  certificate"), PemLabel::Certificate);
/// assert_eq!(PemLabel::from_label("CMS").as_str(), "PKCS7");
/// assert_eq!(PemLabel::from_label("ec private key").as_str(), "EC PRIVATE KEY");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PemLabel {
    /// An X.509 certificate.
    Certificate,
    /// A PKCS#7 / CMS structure (for this API, a certs-only `SignedData`).
    Pkcs7,
    /// A PKCS#10 certificate signing request.
    CertificateRequest,
    /// A PKCS#10 request with the label older tools (Netscape, IIS) write.
    NewCertificateRequest,
    /// A Netscape certificate sequence.
    NetscapeCertificateSequence,
    /// Any other label, normalised (upper case, single spaces).
    Other(Box<str>),
}

impl PemLabel {
    /// Normalises `label` and maps it to a variant (see the table above).
    pub fn from_label(label: &str) -> Self {
        let normalised = normalise(label.as_bytes());
        Self::from_normalised(&normalised)
    }

    fn from_normalised(label: &str) -> Self {
        match label {
            "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => Self::Certificate,
            "PKCS7" | "CMS" | "PKCS #7 SIGNED DATA" => Self::Pkcs7,
            "CERTIFICATE REQUEST" => Self::CertificateRequest,
            "NEW CERTIFICATE REQUEST" => Self::NewCertificateRequest,
            "NETSCAPE CERTIFICATE SEQUENCE" => Self::NetscapeCertificateSequence,
            other => Self::Other(other.into()),
        }
    }

    /// The canonical label text (`CERTIFICATE`, `PKCS7`, ...), as [`encode`] writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Certificate => "CERTIFICATE",
            Self::Pkcs7 => "PKCS7",
            Self::CertificateRequest => "CERTIFICATE REQUEST",
            Self::NewCertificateRequest => "NEW CERTIFICATE REQUEST",
            Self::NetscapeCertificateSequence => "NETSCAPE CERTIFICATE SEQUENCE",
            Self::Other(label) => label,
        }
    }
}

impl fmt::Display for PemLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One PEM block: its label and decoded contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PemBlock {
    label: PemLabel,
    der: Vec<u8>,
    offset: usize,
    armour_ok: bool,
}

impl PemBlock {
    /// The block's label.
    pub fn label(&self) -> &PemLabel {
        &self.label
    }

    /// The decoded contents (DER, or BER for some PKCS#7 writers).
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// The decoded contents, by value.
    pub fn into_der(self) -> Vec<u8> {
        self.der
    }

    /// Byte offset of the BEGIN boundary (its first dash) in the input.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// `true` when both boundaries are canonical RFC 7468 lines.
    pub fn armour_ok(&self) -> bool {
        self.armour_ok
    }
}

/// The blocks of a PEM text, in input order, with the deviations tolerated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pem {
    blocks: Vec<PemBlock>,
    warnings: Vec<Warning>,
}

impl Pem {
    /// The blocks, in input order.
    pub fn blocks(&self) -> &[PemBlock] {
        &self.blocks
    }

    /// The blocks, by value.
    pub fn into_blocks(self) -> Vec<PemBlock> {
        self.blocks
    }

    /// Tolerated deviations, with offsets into the input.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The blocks and warnings, by value.
    pub fn into_parts(self) -> (Vec<PemBlock>, Vec<Warning>) {
        (self.blocks, self.warnings)
    }
}

/// Decodes every PEM block of `input` with [`Limits::DEFAULT`].
///
/// ```
/// use sectigo_codec::{WarningKind, codec::pem::{self, PemLabel}};
/// // The documentation's armour (DIGEST §12 quirks 1-2).
/// let text = b"2\n----- BEGIN CERTIFICATE -----\nMIIB\n---- END CERTIFICATE -----\n";
/// let pem = pem::decode(text).unwrap();
/// assert_eq!(pem.blocks()[0].label(), &PemLabel::Certificate);
/// assert_eq!(pem.blocks()[0].der(), [0x30, 0x82, 0x01]);
/// assert!(!pem.blocks()[0].armour_ok());
/// assert!(pem.warnings().iter().any(|w| w.kind() == WarningKind::MalformedPemArmour));
/// assert!(pem.warnings().iter().any(|w| w.kind() == WarningKind::SurroundingText));
/// ```
///
/// # Errors
/// See [`decode_with`].
pub fn decode(input: &[u8]) -> Result<Pem, DecodeError> {
    decode_with(input, &Limits::DEFAULT)
}

/// Decodes every PEM block of `input`.
///
/// # Errors
/// [`DecodeErrorKind::Empty`] for empty or whitespace-only input,
/// [`DecodeErrorKind::PemNotFound`] when there is no BEGIN boundary,
/// [`DecodeErrorKind::PemUnterminated`], [`DecodeErrorKind::PemLabelMismatch`],
/// [`DecodeErrorKind::InvalidBase64`] (field = the label), [`DecodeErrorKind::InvalidValue`]
/// for an encrypted block, and [`DecodeErrorKind::LimitExceeded`] for more than
/// `max_body_size` bytes ([`Limit::BodySize`]) or `max_pem_blocks` blocks
/// ([`Limit::PemBlocks`]). Every error has the byte offset and line in `input`.
pub fn decode_with(input: &[u8], limits: &Limits) -> Result<Pem, DecodeError> {
    decode_mode(input, limits, Mode::Plain)
}

/// Decodes the PEM blocks of a form field's value (after form decoding), such as the push
/// notification's `certificate` and `caCertificate` (DIGEST §10).
///
/// Like [`decode`], but a space inside a block's base64 is a `+` that form decoding turned
/// into a space (DIGEST §2.4) and is restored (warning [`WarningKind::SpaceInBase64`]).
///
/// # Errors
/// As [`decode_with`].
pub fn decode_field(value: &str) -> Result<Pem, DecodeError> {
    decode_field_with(value, &Limits::DEFAULT)
}

/// Like [`decode_field`], with explicit limits.
///
/// # Errors
/// As [`decode_with`].
pub fn decode_field_with(value: &str, limits: &Limits) -> Result<Pem, DecodeError> {
    decode_mode(value.as_bytes(), limits, Mode::Field)
}

/// Encodes `der` as a PEM block (RFC 7468 §2: 64-column base64 lines, LF line ends, a final
/// LF).
///
/// ```
/// use sectigo_codec::codec::pem::{self, PemLabel};
/// assert_eq!(
///     pem::encode(&PemLabel::Certificate, &[0x30, 0x00]),
///     "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n"
/// );
/// ```
pub fn encode(label: &PemLabel, der: &[u8]) -> String {
    let body = b64::encode(der);
    let label = label.as_str();
    let mut out = String::with_capacity(
        body.len()
            .saturating_add(body.len() / 64)
            .saturating_add(label.len().saturating_mul(2))
            .saturating_add(40),
    );
    out.push_str("-----BEGIN ");
    out.push_str(label);
    out.push_str("-----\n");
    let mut rest = body.as_str();
    while !rest.is_empty() {
        // Base64 is ASCII, so any index is a char boundary.
        let (line, tail) = rest.split_at(rest.len().min(64));
        out.push_str(line);
        out.push('\n');
        rest = tail;
    }
    out.push_str("-----END ");
    out.push_str(label);
    out.push_str("-----\n");
    out
}

/// `true` when `input` contains a PEM BEGIN boundary (as [`decode`] recognises it). Linear in
/// the input; useful to tell PEM from bare base64 or DER.
///
/// ```
/// assert!(sectigo_codec::codec::pem::contains_pem(b"x\n----- BEGIN PKCS7 -----\n"));
/// assert!(!sectigo_codec::codec::pem::contains_pem(b"MIIB"));
/// ```
pub fn contains_pem(input: &[u8]) -> bool {
    let mut from = 0;
    while let Some(found) = next_boundary(input, from) {
        match found {
            Scan::Boundary(b) if b.kind == Kind::Begin => return true,
            Scan::Boundary(b) => from = b.end,
            Scan::Skip(next) => from = next,
        }
    }
    false
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Begin,
    End,
}

/// An encapsulation boundary found in the input.
#[derive(Debug, Clone)]
struct Boundary {
    kind: Kind,
    /// Normalised label.
    label: String,
    /// Offset of the first dash.
    start: usize,
    /// Offset just after the last dash.
    end: usize,
    /// Exactly `-----BEGIN LABEL-----` at a line start, followed by the line end.
    canonical: bool,
}

enum Scan {
    Boundary(Boundary),
    /// Not a boundary; continue the scan at this offset.
    Skip(usize),
}

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

fn count_while(bytes: &[u8], from: usize, pred: impl Fn(u8) -> bool) -> usize {
    bytes
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&b| pred(b))
        .count()
}

/// Finds the next dash run at or after `from` and says whether it starts a boundary.
fn next_boundary(input: &[u8], from: usize) -> Option<Scan> {
    let rel = memchr::memchr(b'-', input.get(from..)?)?;
    let start = from.saturating_add(rel);
    let dashes = count_while(input, start, |b| b == b'-');
    let after_dashes = start.saturating_add(dashes);
    let skip = Some(Scan::Skip(after_dashes));
    if dashes < MIN_DASHES {
        return skip;
    }
    let ws1 = count_while(input, after_dashes, is_blank);
    let kw_at = after_dashes.saturating_add(ws1);
    let rest = input.get(kw_at..).unwrap_or_default();
    let (kind, kw_len) = if rest.len() >= 5
        && rest
            .get(..5)
            .is_some_and(|k| k.eq_ignore_ascii_case(b"BEGIN"))
    {
        (Kind::Begin, 5)
    } else if rest.len() >= 3
        && rest
            .get(..3)
            .is_some_and(|k| k.eq_ignore_ascii_case(b"END"))
    {
        (Kind::End, 3)
    } else {
        return skip;
    };
    let keyword = rest.get(..kw_len).unwrap_or_default();
    let label_at = kw_at.saturating_add(kw_len);
    // The keyword must end here: whitespace or the closing dashes.
    match input.get(label_at) {
        Some(b) if is_blank(*b) || *b == b'-' => {}
        _ => return skip,
    }
    // The label runs to the closing dashes (two or more), within one line.
    let mut i = label_at;
    let close = loop {
        match input.get(i) {
            None | Some(b'\r' | b'\n') => return skip,
            Some(b'-') if input.get(i.saturating_add(1)) == Some(&b'-') => break i,
            Some(b) if !(0x20..=0x7e).contains(b) && *b != b'\t' => return skip,
            Some(_) => {}
        }
        if i.saturating_sub(label_at) > MAX_LABEL_LEN.saturating_add(8) {
            return skip;
        }
        i = i.saturating_add(1);
    };
    let closing = count_while(input, close, |b| b == b'-');
    if closing < MIN_DASHES {
        return Some(Scan::Skip(close.saturating_add(closing)));
    }
    let raw = input.get(label_at..close).unwrap_or_default();
    let trimmed = raw.trim_ascii();
    if trimmed.len() > MAX_LABEL_LEN {
        return skip;
    }
    let label = normalise(trimmed);
    let end = close.saturating_add(closing);

    let at_line_start = start == 0 || input.get(start.saturating_sub(1)) == Some(&b'\n');
    let at_line_end = matches!(
        input.get(end..).unwrap_or_default(),
        [] | [b'\n', ..] | [b'\r', b'\n', ..]
    );
    // One space after the keyword, then the label, nothing after it. RFC 7468 §3 writes
    // `"-----BEGIN " label "-----"`, so an empty label keeps the space: `-----BEGIN -----`
    // (what `encode` writes for it).
    let spacing_ok = if trimmed.is_empty() {
        raw == b" "
    } else {
        raw.strip_prefix(b" ") == Some(trimmed)
    };
    let canonical = dashes == 5
        && closing == 5
        && ws1 == 0
        && keyword.iter().all(u8::is_ascii_uppercase)
        && spacing_ok
        && trimmed == label.as_bytes()
        && at_line_start
        && at_line_end;
    Some(Scan::Boundary(Boundary {
        kind,
        label,
        start,
        end,
        canonical,
    }))
}

/// Upper case, whitespace runs collapsed to one space, trimmed.
fn normalise(label: &[u8]) -> String {
    let mut out = String::with_capacity(label.len());
    for word in label
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        for &b in word {
            out.push(char::from(b.to_ascii_uppercase()));
        }
    }
    out
}

/// Offset of the first byte that is not ASCII whitespace in `input[from..to]`.
fn first_text(input: &[u8], from: usize, to: usize) -> Option<usize> {
    let region = input.get(from..to)?;
    region
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map(|p| from.saturating_add(p))
}

fn pem_error(input: &[u8], kind: DecodeErrorKind, offset: usize) -> DecodeError {
    DecodeError::new(Format::Pem, kind)
        .at(offset)
        .on_line(b64::line_of(input, offset))
}

/// Skips RFC 1421 headers at the start of a body. Returns the new body start, whether
/// headers were found, or an error for an encrypted block.
fn skip_headers(
    input: &[u8],
    body: usize,
    body_end: usize,
) -> Result<(usize, bool), DecodeErrorKind> {
    let mut at = body;
    let mut found = false;
    loop {
        let region = input.get(at..body_end).unwrap_or_default();
        let line_len = memchr::memchr(b'\n', region).unwrap_or(region.len());
        let line = region.get(..line_len).unwrap_or_default();
        let next = at.saturating_add(line_len).saturating_add(1).min(body_end);
        let is_header = memchr::memchr(b':', line).is_some();
        let is_continuation =
            found && line.first().is_some_and(|b| is_blank(*b)) && !line.trim_ascii().is_empty();
        if is_header || is_continuation {
            let upper = line.to_ascii_uppercase();
            if upper.starts_with(b"PROC-TYPE:")
                && memchr::memmem::find(&upper, b"ENCRYPTED").is_some()
            {
                return Err(DecodeErrorKind::InvalidValue {
                    expected: "an unencrypted PEM block (Proc-Type: 4,ENCRYPTED is not supported)",
                });
            }
            found = true;
            at = next;
            if at >= body_end {
                return Ok((at, found));
            }
            continue;
        }
        if found && line.trim_ascii().is_empty() {
            // The blank line that ends the headers.
            at = next;
        }
        return Ok((at, found));
    }
}

/// Length of the first DER TLV of `der`, if it parses (definite lengths only).
fn first_tlv_len(der: &[u8]) -> Option<usize> {
    let first = *der.get(1)?;
    if der.first()? & 0x1f == 0x1f {
        return None;
    }
    let (header, len) = if first < 0x80 {
        (2usize, usize::from(first))
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 {
            return None;
        }
        let bytes = der.get(2..2usize.checked_add(n)?)?;
        let len = bytes
            .iter()
            .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
        (2usize.checked_add(n)?, len)
    };
    let total = header.checked_add(len)?;
    (total <= der.len()).then_some(total)
}

fn decode_mode(input: &[u8], limits: &Limits, mode: Mode) -> Result<Pem, DecodeError> {
    if input.len() > limits.max_body_size {
        return Err(DecodeError::new(
            Format::Pem,
            DecodeErrorKind::LimitExceeded {
                limit: Limit::BodySize,
                max: limits.max_body_size,
            },
        ));
    }
    if input.trim_ascii().is_empty() {
        return Err(DecodeError::new(Format::Pem, DecodeErrorKind::Empty));
    }
    let mut blocks = Vec::new();
    let mut warnings = Vec::new();
    let mut scratch = Vec::new();
    // End of the previous block (or 0): text from here to the next BEGIN is "surrounding".
    let mut outside = 0usize;
    let mut from = 0usize;
    while let Some(found) = next_boundary(input, from) {
        let begin = match found {
            Scan::Skip(next) => {
                from = next;
                continue;
            }
            Scan::Boundary(b) if b.kind == Kind::End => {
                // An END without BEGIN: surrounding text.
                from = b.end;
                continue;
            }
            Scan::Boundary(b) => b,
        };
        if blocks.len() >= limits.max_pem_blocks {
            return Err(pem_error(
                input,
                DecodeErrorKind::LimitExceeded {
                    limit: Limit::PemBlocks,
                    max: limits.max_pem_blocks,
                },
                begin.start,
            ));
        }
        if let Some(text) = first_text(input, outside, begin.start) {
            warnings.push(Warning::new(Format::Pem, WarningKind::SurroundingText).at(text));
        }
        // Find the END boundary.
        let mut search = begin.end;
        let end = loop {
            match next_boundary(input, search) {
                None => {
                    return Err(pem_error(
                        input,
                        DecodeErrorKind::PemUnterminated {
                            label: begin.label.as_str().into(),
                        },
                        begin.start,
                    ));
                }
                Some(Scan::Skip(next)) => search = next,
                Some(Scan::Boundary(b)) if b.kind == Kind::Begin => {
                    return Err(pem_error(
                        input,
                        DecodeErrorKind::PemUnterminated {
                            label: begin.label.as_str().into(),
                        },
                        begin.start,
                    ));
                }
                Some(Scan::Boundary(b)) => break b,
            }
        };
        if end.label != begin.label {
            return Err(pem_error(
                input,
                DecodeErrorKind::PemLabelMismatch {
                    begin: begin.label.as_str().into(),
                    end: end.label.as_str().into(),
                },
                end.start,
            ));
        }
        for b in [&begin, &end] {
            if !b.canonical {
                warnings
                    .push(Warning::new(Format::Pem, WarningKind::MalformedPemArmour).at(b.start));
            }
        }

        // The body: from the end of the BEGIN line (or right after the dashes, for a block on
        // one line) to the END boundary.
        let mut body = begin.end;
        let rest_of_line = input.get(body..end.start).unwrap_or_default();
        let line_len = memchr::memchr(b'\n', rest_of_line).unwrap_or(rest_of_line.len());
        if rest_of_line
            .get(..line_len)
            .is_some_and(|l| l.trim_ascii().is_empty())
            && line_len < rest_of_line.len()
        {
            body = body.saturating_add(line_len).saturating_add(1);
        }
        let (body, had_headers) = skip_headers(input, body, end.start)
            .map_err(|kind| pem_error(input, kind, body).in_field(begin.label.as_str()))?;
        if had_headers {
            warnings.push(Warning::new(Format::Pem, WarningKind::SurroundingText).at(body));
        }
        let mut text = input.get(body..end.start).unwrap_or_default();
        let mut text_at = body;
        if mode == Mode::Field {
            // Spaces next to the boundaries separate; spaces inside the base64 are `+`.
            let lead = text.iter().take_while(|b| b.is_ascii_whitespace()).count();
            text = text.get(lead..).unwrap_or_default().trim_ascii_end();
            text_at = text_at.saturating_add(lead);
        }
        let mut der = Vec::with_capacity((text.len() / 4).saturating_mul(3).saturating_add(3));
        let mut notes = Notes::default();
        b64::decode_into(text, mode, &mut scratch, &mut der, &mut notes).map_err(|failure| {
            let at = text_at.saturating_add(failure.offset);
            pem_error(input, failure.kind(), at).in_field(begin.label.as_str())
        })?;
        warnings.extend(notes.warnings(Format::Pem, text_at));
        let label = PemLabel::from_normalised(&begin.label);
        if begin.label == "TRUSTED CERTIFICATE"
            && let Some(len) = first_tlv_len(&der)
        {
            der.truncate(len);
        }
        blocks.push(PemBlock {
            label,
            der,
            offset: begin.start,
            armour_ok: begin.canonical && end.canonical,
        });
        outside = end.end;
        from = end.end;
    }
    if blocks.is_empty() {
        let at = first_text(input, 0, input.len()).unwrap_or(0);
        return Err(pem_error(input, DecodeErrorKind::PemNotFound, at));
    }
    if let Some(text) = first_text(input, outside, input.len()) {
        warnings.push(Warning::new(Format::Pem, WarningKind::SurroundingText).at(text));
    }
    Ok(Pem { blocks, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DER: &[u8] = &[0x30, 0x03, 0x02, 0x01, 0x05];

    fn kinds(pem: &Pem) -> Vec<WarningKind> {
        pem.warnings().iter().map(Warning::kind).collect()
    }

    #[test]
    fn canonical_block_round_trips_without_warnings() {
        let text = encode(&PemLabel::Certificate, DER);
        assert_eq!(
            text,
            "-----BEGIN CERTIFICATE-----\nMAMCAQU=\n-----END CERTIFICATE-----\n"
        );
        let pem = decode(text.as_bytes()).unwrap();
        assert_eq!(pem.blocks().len(), 1);
        let block = &pem.blocks()[0];
        assert_eq!(block.der(), DER);
        assert_eq!(block.offset(), 0);
        assert!(block.armour_ok());
        assert!(pem.warnings().is_empty());
    }

    #[test]
    fn encode_wraps_at_64_columns() {
        let der = vec![0xab; 100];
        let text = encode(&PemLabel::Pkcs7, &der);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5);
        assert_eq!(lines[1].len(), 64);
        assert_eq!(lines[2].len(), 64);
        assert_eq!(lines[3].len(), 8);
        assert_eq!(lines[4], "-----END PKCS7-----");
    }

    #[test]
    fn documentation_armour_is_accepted_with_warnings_at_each_boundary() {
        let text = b"----- BEGIN CERTIFICATE -----\nMAMCAQU=\n---- END CERTIFICATE -----\n";
        let pem = decode(text).unwrap();
        assert_eq!(pem.blocks()[0].der(), DER);
        assert!(!pem.blocks()[0].armour_ok());
        let offsets: Vec<_> = pem
            .warnings()
            .iter()
            .map(|w| (w.kind(), w.offset()))
            .collect();
        assert_eq!(
            offsets,
            vec![
                (WarningKind::MalformedPemArmour, Some(0)),
                (WarningKind::MalformedPemArmour, Some(39)),
            ]
        );
    }

    #[test]
    fn surrounding_text_is_reported_per_region() {
        let block = encode(&PemLabel::Certificate, DER);
        let text = format!("2\n{block}between\n{block}\nafter\n");
        let pem = decode(text.as_bytes()).unwrap();
        assert_eq!(pem.blocks().len(), 2);
        let warnings: Vec<_> = pem
            .warnings()
            .iter()
            .map(|w| (w.kind(), w.offset().unwrap()))
            .collect();
        let between = text.find("between").unwrap();
        let after = text.find("after").unwrap();
        assert_eq!(
            warnings,
            vec![
                (WarningKind::SurroundingText, 0),
                (WarningKind::SurroundingText, between),
                (WarningKind::SurroundingText, after),
            ]
        );
        assert_eq!(pem.blocks()[1].offset(), between + 8);
    }

    #[test]
    fn crlf_and_lowercase_and_inner_whitespace() {
        let text = b"-----begin   x509\tcertificate-----\r\nMAMC\r\nAQU=\r\n-----END X509 CERTIFICATE-----\r\n";
        let pem = decode(text).unwrap();
        assert_eq!(pem.blocks()[0].label(), &PemLabel::Certificate);
        assert_eq!(pem.blocks()[0].der(), DER);
        // BEGIN is not canonical (lower case, spacing); END is canonical (CRLF is fine).
        assert_eq!(kinds(&pem), vec![WarningKind::MalformedPemArmour]);
    }

    #[test]
    fn whole_block_on_one_line() {
        let text = b"-----BEGIN CERTIFICATE----- MAMC AQU= -----END CERTIFICATE-----";
        let pem = decode(text).unwrap();
        assert_eq!(pem.blocks()[0].der(), DER);
        assert!(!pem.blocks()[0].armour_ok());
    }

    #[test]
    fn label_mismatch_is_an_error_at_the_end_boundary() {
        let text = b"-----BEGIN CERTIFICATE-----\nMAMCAQU=\n-----END PKCS7-----\n";
        let err = decode(text).unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::PemLabelMismatch {
                begin: "CERTIFICATE".into(),
                end: "PKCS7".into()
            }
        );
        assert_eq!(err.offset(), Some(37));
        assert_eq!(err.line(), Some(3));
    }

    #[test]
    fn missing_end_is_unterminated() {
        let err = decode(b"x\n-----BEGIN CERTIFICATE-----\nMAMCAQU=\n").unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::PemUnterminated {
                label: "CERTIFICATE".into()
            }
        );
        assert_eq!(err.offset(), Some(2));
        assert_eq!(err.line(), Some(2));
        // A second BEGIN before the END.
        let err = decode(b"-----BEGIN A-----\n-----BEGIN B-----\n-----END B-----\n").unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::PemUnterminated { label: "A".into() }
        );
    }

    #[test]
    fn no_block_and_empty_input() {
        assert_eq!(
            decode(b"MIIB").unwrap_err().kind(),
            &DecodeErrorKind::PemNotFound
        );
        assert_eq!(decode(b" \n").unwrap_err().kind(), &DecodeErrorKind::Empty);
        // Dashes that are not boundaries.
        assert_eq!(
            decode(b"2025-01-01 -- --- ----x").unwrap_err().kind(),
            &DecodeErrorKind::PemNotFound
        );
    }

    #[test]
    fn bad_base64_names_the_block_offset_and_line() {
        let text = b"-----BEGIN CERTIFICATE-----\nMAMC\nA!U=\n-----END CERTIFICATE-----\n";
        let err = decode(text).unwrap_err();
        assert_eq!(err.format(), Format::Pem);
        assert!(matches!(err.kind(), DecodeErrorKind::InvalidBase64 { .. }));
        assert_eq!(err.field(), Some("CERTIFICATE"));
        assert_eq!(err.offset(), Some(34));
        assert_eq!(err.line(), Some(3));
    }

    #[test]
    fn headers_are_skipped_and_encrypted_blocks_refused() {
        let text = b"-----BEGIN CERTIFICATE-----\nComment: hello\n continued\n\nMAMCAQU=\n-----END CERTIFICATE-----\n";
        let pem = decode(text).unwrap();
        assert_eq!(pem.blocks()[0].der(), DER);
        assert_eq!(kinds(&pem), vec![WarningKind::SurroundingText]);
        let text = b"-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nMAMCAQU=\n-----END RSA PRIVATE KEY-----\n";
        let err = decode(text).unwrap_err();
        assert!(matches!(err.kind(), DecodeErrorKind::InvalidValue { .. }));
        assert_eq!(err.field(), Some("RSA PRIVATE KEY"));
    }

    #[test]
    fn field_mode_restores_plus() {
        // "+/8=" → FB FF
        let text = "-----BEGIN PKCS7-----\n /8=\n-----END PKCS7-----\n";
        // Plain mode: the leading space is whitespace, "/8=" is 3 characters → error.
        assert!(decode(text.as_bytes()).is_err());
        let text = "-----BEGIN PKCS7----- AAAA /8=-----END PKCS7-----";
        let pem = decode_field(text).unwrap();
        assert_eq!(pem.blocks()[0].der(), [0, 0, 0, 0xfb, 0xff]);
        assert!(kinds(&pem).contains(&WarningKind::SpaceInBase64));
        let space = pem
            .warnings()
            .iter()
            .find(|w| w.kind() == WarningKind::SpaceInBase64)
            .unwrap();
        assert_eq!(space.offset(), Some(26));
    }

    #[test]
    fn trusted_certificate_drops_trust_settings() {
        let mut der = DER.to_vec();
        der.extend_from_slice(&[0x30, 0x00]);
        let text = encode(&PemLabel::Other("TRUSTED CERTIFICATE".into()), &der);
        let pem = decode(text.as_bytes()).unwrap();
        assert_eq!(pem.blocks()[0].label(), &PemLabel::Certificate);
        assert_eq!(pem.blocks()[0].der(), DER);
    }

    #[test]
    fn empty_label_armour_is_canonical_with_the_space() {
        let text = encode(&PemLabel::Other("".into()), &[0x30, 0x00]);
        assert_eq!(text, "-----BEGIN -----\nMAA=\n-----END -----\n");
        let pem = decode(text.as_bytes()).unwrap();
        assert_eq!(pem.blocks()[0].label().as_str(), "");
        assert!(pem.blocks()[0].armour_ok());
        assert!(pem.warnings().is_empty());
        let pem = decode(b"-----BEGIN-----\nMAA=\n-----END-----\n").unwrap();
        assert!(!pem.blocks()[0].armour_ok());
        assert_eq!(pem.warnings().len(), 2);
    }

    #[test]
    fn block_limit_is_exact() {
        let block = "-----BEGIN A-----\n-----END A-----\n";
        let mut limits = Limits::DEFAULT;
        limits.max_pem_blocks = 3;
        assert_eq!(
            decode_with(block.repeat(3).as_bytes(), &limits)
                .unwrap()
                .blocks()
                .len(),
            3
        );
        let err = decode_with(block.repeat(4).as_bytes(), &limits).unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::LimitExceeded {
                limit: Limit::PemBlocks,
                max: 3
            }
        );
        assert_eq!(err.offset(), Some(block.len() * 3));
    }

    #[test]
    fn body_size_limit_is_exact() {
        let text = encode(&PemLabel::Certificate, DER);
        let mut limits = Limits::DEFAULT;
        limits.max_body_size = text.len();
        assert!(decode_with(text.as_bytes(), &limits).is_ok());
        limits.max_body_size = text.len() - 1;
        let err = decode_with(text.as_bytes(), &limits).unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::LimitExceeded {
                limit: Limit::BodySize,
                max: text.len() - 1
            }
        );
    }

    #[test]
    fn contains_pem_sniffs_begin_only() {
        assert!(contains_pem(b"-----BEGIN CERTIFICATE-----"));
        assert!(contains_pem(b"--- begin x ---"));
        assert!(!contains_pem(b"-----END CERTIFICATE-----"));
        assert!(!contains_pem(b"-- BEGIN X --"));
        assert!(!contains_pem(b"-----BEGINNING-----"));
    }

    #[test]
    fn labels_normalise_and_map() {
        assert_eq!(
            PemLabel::from_label(" new  certificate\trequest "),
            PemLabel::NewCertificateRequest
        );
        assert_eq!(PemLabel::from_label("PKCS #7 SIGNED DATA"), PemLabel::Pkcs7);
        assert_eq!(
            PemLabel::from_label("netscape certificate sequence"),
            PemLabel::NetscapeCertificateSequence
        );
        assert_eq!(
            PemLabel::from_label("certificate request").to_string(),
            "CERTIFICATE REQUEST"
        );
    }
}
