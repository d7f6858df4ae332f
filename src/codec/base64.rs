//! Base64 text: bare, inside PEM armour, or inside a URL-encoded field.
//!
//! The alphabet is the standard one of RFC 4648 §4 (`A-Z a-z 0-9 + /`, `=` padding). Sectigo
//! sends certificate blobs in three shapes, and this module reads all of them:
//!
//! * wrapped at 64 or 76 columns, LF or CRLF (newline bodies, PEM bodies, CollectPAC's
//!   base64 PKCS#7): ASCII whitespace (space, tab, CR, LF) is ignored ([`decode`]);
//! * in a URL-encoded field (`certificate`, `caCertificate`, `pkcs7`, `zipFile`,
//!   `netscapeCertificateSequence`). DIGEST §2.4: the blobs are "Base64 and then
//!   URL-encoded", so `+` should arrive as `%2B`; when a server (or proxy) sends a raw `+`, a
//!   form decoder turns it into a space. "If a Base64 field contains spaces, map them back to
//!   `+`" ([`decode_field`], warning [`WarningKind::SpaceInBase64`]);
//! * non-canonical: missing `=` padding, or the URL-safe alphabet (`-` `_`). Both are accepted
//!   with a [`WarningKind::NonCanonicalBase64`] warning. Non-zero trailing bits in the final
//!   character and misplaced padding are errors: they mean the text is not what it claims to
//!   be (the documentation's placeholder armour, `Encoded Root Certificate`, fails here).
//!
//! Decoding uses the `base64` crate's SIMD engine. Text wrapped in lines is first copied into
//! one buffer without the line breaks (a `memchr` per line); text that needs more care (spaces,
//! tabs, stray carriage returns) takes a byte-by-byte path. Errors name the byte offset of the
//! offending character in the caller's input.

use std::sync::LazyLock;

use base64::Engine as _;
use base64::engine::general_purpose::{PAD, PAD_INDIFFERENT};
use base64::engine::simd::Simd;

use crate::{DecodeError, DecodeErrorKind, Format, Warning, WarningKind};

static STANDARD: LazyLock<Simd> = LazyLock::new(|| Simd::standard(PAD));
static STANDARD_LENIENT: LazyLock<Simd> = LazyLock::new(|| Simd::standard(PAD_INDIFFERENT));
static URL_SAFE_LENIENT: LazyLock<Simd> = LazyLock::new(|| Simd::url_safe(PAD_INDIFFERENT));

/// Decoded bytes and the deviations tolerated while decoding them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    bytes: Vec<u8>,
    warnings: Vec<Warning>,
}

impl Decoded {
    /// The decoded bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Tolerated deviations ([`WarningKind::SpaceInBase64`],
    /// [`WarningKind::NonCanonicalBase64`]), with offsets into the input.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The decoded bytes, dropping the warnings.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// The decoded bytes and the warnings.
    pub fn into_parts(self) -> (Vec<u8>, Vec<Warning>) {
        (self.bytes, self.warnings)
    }
}

/// Decodes bare base64 text.
///
/// ASCII whitespace (space, tab, CR, LF) anywhere is ignored. Missing `=` padding and the
/// URL-safe alphabet are accepted with a [`WarningKind::NonCanonicalBase64`] warning.
///
/// ```
/// use sectigo_codec::codec::base64;
/// let decoded = base64::decode(b"TUlJ\r\nQg==\r\n").unwrap();
/// assert_eq!(decoded.bytes(), b"MIIB");
/// assert!(decoded.warnings().is_empty());
///
/// let err = base64::decode(b"MII!").unwrap_err();
/// assert_eq!(err.offset(), Some(3));
/// ```
///
/// # Errors
/// [`DecodeErrorKind::Empty`] when there is nothing but whitespace;
/// [`DecodeErrorKind::InvalidBase64`] for a character outside the alphabet, misplaced
/// padding, an impossible length or non-zero trailing bits, with the byte offset (and, for
/// text with line breaks, the line) of the offending character.
pub fn decode(text: &[u8]) -> Result<Decoded, DecodeError> {
    decode_public(text, Mode::Plain)
}

/// Decodes a base64 value taken from a URL-encoded field (after form decoding).
///
/// Like [`decode`], except that a space is a `+` that form decoding turned into a space
/// (DIGEST §2.4) and is restored, with one [`WarningKind::SpaceInBase64`] warning at the first
/// one. Tabs, CR and LF are still ignored.
///
/// ```
/// use sectigo_codec::{WarningKind, codec::base64};
/// // "+/8=" decodes to FB FF; a form decoder turned the `+` into a space.
/// let decoded = base64::decode_field(" /8=").unwrap();
/// assert_eq!(decoded.bytes(), [0xfb, 0xff]);
/// assert_eq!(decoded.warnings()[0].kind(), WarningKind::SpaceInBase64);
/// ```
///
/// # Errors
/// As [`decode`].
pub fn decode_field(value: &str) -> Result<Decoded, DecodeError> {
    decode_public(value.as_bytes(), Mode::Field)
}

/// Encodes `bytes` as standard, padded base64 on one line (what the API's URL-encoded
/// fields carry before URL encoding).
///
/// ```
/// assert_eq!(sectigo_codec::codec::base64::encode(&[0xfb, 0xff]), "+/8=");
/// ```
pub fn encode(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

fn decode_public(text: &[u8], mode: Mode) -> Result<Decoded, DecodeError> {
    let mut scratch = Vec::new();
    let mut bytes = Vec::new();
    let mut notes = Notes::default();
    decode_into(text, mode, &mut scratch, &mut bytes, &mut notes).map_err(|failure| {
        let mut err = DecodeError::new(Format::Base64, failure.kind()).at(failure.offset);
        if memchr::memchr(b'\n', text).is_some() {
            err = err.on_line(line_of(text, failure.offset));
        }
        err
    })?;
    if bytes.is_empty() {
        return Err(DecodeError::new(Format::Base64, DecodeErrorKind::Empty));
    }
    Ok(Decoded {
        bytes,
        warnings: notes.warnings(Format::Base64, 0),
    })
}

/// 1-based line number of byte `offset` in `text`.
pub(crate) fn line_of(text: &[u8], offset: usize) -> usize {
    let before = text.get(..offset).unwrap_or(text);
    memchr::memchr_iter(b'\n', before).count().saturating_add(1)
}

/// How spaces are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Spaces are whitespace, ignored.
    Plain,
    /// Spaces are `+` turned into spaces by form decoding.
    Field,
}

/// Deviations seen while decoding, as offsets into the text.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Notes {
    /// First space restored to `+` ([`Mode::Field`]).
    pub(crate) space: Option<usize>,
    /// Where the text is non-canonical (first URL-safe character, or the end for missing
    /// padding).
    pub(crate) non_canonical: Option<usize>,
}

impl Notes {
    /// The notes as warnings of `format`, offsets shifted by `base`.
    pub(crate) fn warnings(self, format: Format, base: usize) -> Vec<Warning> {
        let mut out = Vec::new();
        if let Some(at) = self.space {
            out.push(Warning::new(format, WarningKind::SpaceInBase64).at(base.saturating_add(at)));
        }
        if let Some(at) = self.non_canonical {
            out.push(
                Warning::new(format, WarningKind::NonCanonicalBase64).at(base.saturating_add(at)),
            );
        }
        out
    }
}

/// A base64 failure at a byte offset of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failure {
    /// Offset into the text given to [`decode_into`].
    pub(crate) offset: usize,
    /// What is wrong (structure only, never the text).
    pub(crate) detail: String,
}

impl Failure {
    pub(crate) fn kind(&self) -> DecodeErrorKind {
        DecodeErrorKind::InvalidBase64 {
            detail: self.detail.as_str().into(),
        }
    }
}

/// Decodes `text` and appends the bytes to `out`, using `scratch` for the text without
/// whitespace. Empty text (or only whitespace) appends nothing and succeeds.
pub(crate) fn decode_into(
    text: &[u8],
    mode: Mode,
    scratch: &mut Vec<u8>,
    out: &mut Vec<u8>,
    notes: &mut Notes,
) -> Result<(), Failure> {
    // Fast path: copy the lines without their LF (and a CR before it) and decode in one go.
    // Anything else the engine rejects (a space, a tab, a stray CR, a bad character) sends us
    // to the careful path, which also computes exact offsets.
    let before = out.len();
    if memchr::memchr2(b'\n', b'\r', text).is_none() {
        // One line (a form field): decode in place, no copy.
        if text.is_empty() {
            return Ok(());
        }
        if STANDARD.decode_vec(text, out).is_ok() {
            return Ok(());
        }
        out.truncate(before);
    }
    scratch.clear();
    scratch.reserve(text.len());
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', text) {
        let line = text.get(start..nl).unwrap_or_default();
        scratch.extend_from_slice(line.strip_suffix(b"\r").unwrap_or(line));
        start = nl.saturating_add(1);
    }
    let last = text.get(start..).unwrap_or_default();
    scratch.extend_from_slice(last.strip_suffix(b"\r").unwrap_or(last));
    if scratch.is_empty() {
        return Ok(());
    }
    if STANDARD.decode_vec(scratch.as_slice(), out).is_ok() {
        return Ok(());
    }
    out.truncate(before);

    // Careful path.
    scratch.clear();
    for (i, &b) in text.iter().enumerate() {
        match (b, mode) {
            (b' ', Mode::Field) => {
                notes.space.get_or_insert(i);
                scratch.push(b'+');
            }
            (b' ' | b'\t' | b'\r' | b'\n', _) => {}
            _ => scratch.push(b),
        }
    }
    if scratch.is_empty() {
        return Ok(());
    }
    let kept = |index: usize| offset_of_kept(text, mode, index);
    let Err(err) = STANDARD.decode_vec(scratch.as_slice(), out) else {
        return Ok(());
    };
    out.truncate(before);
    match err {
        base64::DecodeError::InvalidPadding => {
            // Missing (or partial) padding: fine without the `=`.
            decode_lenient(&STANDARD_LENIENT, scratch, out, before, &kept)?;
            notes
                .non_canonical
                .get_or_insert(kept(scratch.len().saturating_sub(1)));
            Ok(())
        }
        base64::DecodeError::InvalidByte(index, b'-' | b'_') => {
            decode_lenient(&URL_SAFE_LENIENT, scratch, out, before, &kept)?;
            notes.non_canonical.get_or_insert(kept(index));
            Ok(())
        }
        other => Err(failure(&other, scratch, &kept)),
    }
}

fn decode_lenient(
    engine: &Simd,
    scratch: &[u8],
    out: &mut Vec<u8>,
    before: usize,
    kept: &dyn Fn(usize) -> usize,
) -> Result<(), Failure> {
    engine.decode_vec(scratch, out).map_err(|err| {
        out.truncate(before);
        failure(&err, scratch, kept)
    })
}

fn failure(err: &base64::DecodeError, scratch: &[u8], kept: &dyn Fn(usize) -> usize) -> Failure {
    match *err {
        base64::DecodeError::InvalidByte(index, b'=') => Failure {
            offset: kept(index),
            detail: "padding `=` before the end".into(),
        },
        base64::DecodeError::InvalidByte(index, byte) => Failure {
            offset: kept(index),
            detail: format!("invalid character {}", describe(byte)),
        },
        base64::DecodeError::InvalidLength(_) => Failure {
            offset: kept(scratch.len().saturating_sub(1)),
            detail: format!(
                "{} base64 characters cannot encode whole bytes (one too many or missing)",
                scratch.len()
            ),
        },
        base64::DecodeError::InvalidLastSymbol { offset, .. } => Failure {
            offset: kept(offset),
            detail: "final character has non-zero trailing bits (not base64 of binary data)".into(),
        },
        base64::DecodeError::InvalidPadding => Failure {
            offset: kept(scratch.len().saturating_sub(1)),
            detail: "invalid padding".into(),
        },
    }
}

/// A byte for an error message: printable ASCII quoted, anything else in hex.
pub(crate) fn describe(byte: u8) -> String {
    if byte.is_ascii_graphic() || byte == b' ' {
        format!("'{}'", char::from(byte))
    } else {
        format!("byte 0x{byte:02x}")
    }
}

/// Offset in `text` of the `index`-th byte kept by the careful path.
fn offset_of_kept(text: &[u8], mode: Mode, index: usize) -> usize {
    let mut seen = 0usize;
    for (i, &b) in text.iter().enumerate() {
        let skipped = match b {
            b' ' => mode == Mode::Plain,
            b'\t' | b'\r' | b'\n' => true,
            _ => false,
        };
        if !skipped {
            if seen == index {
                return i;
            }
            seen = seen.saturating_add(1);
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(err: &DecodeError) -> String {
        match err.kind() {
            DecodeErrorKind::InvalidBase64 { detail } => detail.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn decodes_wrapped_lines_lf_and_crlf() {
        let text = b"AAEC\nAwQF\r\nBgc=\n";
        let d = decode(text).unwrap();
        assert_eq!(d.bytes(), [0, 1, 2, 3, 4, 5, 6, 7]);
        assert!(d.warnings().is_empty());
    }

    #[test]
    fn spaces_and_tabs_are_ignored_in_plain_text() {
        let d = decode(b" AA EC\tAw QF ").unwrap();
        assert_eq!(d.bytes(), [0, 1, 2, 3, 4, 5]);
        assert!(d.warnings().is_empty());
    }

    #[test]
    fn field_restores_plus_and_warns_once_at_first_space() {
        let d = decode_field("AA  ++AA").unwrap();
        assert_eq!(d.bytes(), STANDARD.decode("AA++++AA").unwrap().as_slice());
        assert_eq!(d.warnings().len(), 1);
        assert_eq!(d.warnings()[0].kind(), WarningKind::SpaceInBase64);
        assert_eq!(d.warnings()[0].offset(), Some(2));
    }

    #[test]
    fn plain_decode_treats_space_as_whitespace_not_plus() {
        // "AA  ++" in plain mode is "AA++" (4 characters).
        let d = decode(b"AA  ++").unwrap();
        assert_eq!(d.bytes(), STANDARD.decode("AA++").unwrap().as_slice());
    }

    #[test]
    fn missing_padding_is_accepted_with_a_warning() {
        let d = decode(b"AAECAw").unwrap();
        assert_eq!(d.bytes(), [0, 1, 2, 3]);
        assert_eq!(d.warnings().len(), 1);
        assert_eq!(d.warnings()[0].kind(), WarningKind::NonCanonicalBase64);
        assert_eq!(d.warnings()[0].offset(), Some(5));
        // Partial padding too.
        let d = decode(b"AA=").unwrap();
        assert_eq!(d.bytes(), [0]);
        assert_eq!(d.warnings()[0].kind(), WarningKind::NonCanonicalBase64);
    }

    #[test]
    fn url_safe_alphabet_is_accepted_with_a_warning_at_first_url_safe_character() {
        let d = decode(b"AA-_").unwrap();
        assert_eq!(d.bytes(), [0x00, 0x0f, 0xbf]);
        assert_eq!(d.warnings()[0].kind(), WarningKind::NonCanonicalBase64);
        assert_eq!(d.warnings()[0].offset(), Some(2));
    }

    #[test]
    fn mixed_alphabets_are_an_error_at_the_standard_character() {
        let err = decode(b"AA-+").unwrap_err();
        assert_eq!(err.offset(), Some(3));
        assert_eq!(kind(&err), "invalid character '+'");
    }

    #[test]
    fn invalid_character_offset_points_into_the_original_text() {
        let err = decode(b"AAAA\r\n AA!A\r\n").unwrap_err();
        assert_eq!(err.format(), Format::Base64);
        assert_eq!(err.offset(), Some(9));
        assert_eq!(err.line(), Some(2));
        assert_eq!(kind(&err), "invalid character '!'");
        let err = decode(b"AA\x00A").unwrap_err();
        assert_eq!(kind(&err), "invalid character byte 0x00");
        assert_eq!(err.line(), None);
    }

    #[test]
    fn padding_in_the_middle_is_an_error() {
        let err = decode(b"AA==AAAA").unwrap_err();
        assert_eq!(kind(&err), "padding `=` before the end");
        assert_eq!(err.offset(), Some(2));
    }

    #[test]
    fn impossible_length_is_an_error() {
        let err = decode(b"AAAAA").unwrap_err();
        assert_eq!(err.offset(), Some(4));
        assert!(kind(&err).contains("cannot encode whole bytes"), "{err}");
    }

    #[test]
    fn trailing_bits_are_an_error() {
        // "AB==" has non-zero bits in the B beyond the one byte it encodes.
        let err = decode(b"AB==").unwrap_err();
        assert_eq!(err.offset(), Some(1));
        assert!(kind(&err).contains("trailing bits"), "{err}");
    }

    #[test]
    fn whitespace_only_is_empty() {
        let err = decode(b" \r\n\t").unwrap_err();
        assert_eq!(err.kind(), &DecodeErrorKind::Empty);
        let err = decode(b"").unwrap_err();
        assert_eq!(err.kind(), &DecodeErrorKind::Empty);
    }

    #[test]
    fn encode_round_trips() {
        let bytes: Vec<u8> = (0..=255).collect();
        let text = encode(&bytes);
        assert_eq!(decode(text.as_bytes()).unwrap().into_bytes(), bytes);
    }
}
