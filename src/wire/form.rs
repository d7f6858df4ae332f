//! `application/x-www-form-urlencoded` bodies: the URL-encoded responses (`responseFormat=1`)
//! and every request body.
//!
//! # Grammar
//!
//! The decoder follows the WHATWG URL standard, section 5.1
//! ("application/x-www-form-urlencoded parsing"):
//!
//! > 1. Let *sequences* be the result of splitting *input* on 0x26 (&).
//! > 2. For each byte sequence *bytes* in *sequences*: if *bytes* is the empty byte sequence,
//! >    then continue. If *bytes* contains a 0x3D (=), then let *name* be the bytes from the
//! >    start of *bytes* up to but excluding its first 0x3D (=), and let *value* be the bytes,
//! >    if any, after the first 0x3D (=) up to the end of *bytes*. \[...\] Otherwise, let
//! >    *name* have the value of *bytes* and let *value* be the empty byte sequence.
//! >    Replace any 0x2B (+) in *name* and *value* with 0x20 (SP). Let *nameString* and
//! >    *valueString* be the result of running UTF-8 decode without BOM on the
//! >    percent-decoding of *name* and *value*, respectively.
//!
//! and its percent-decoding keeps a `%` that is not followed by two hexadecimal digits as a
//! literal `%`. Pairs stay in body order and repeated names are all kept: CollectSSL repeats
//! `caCertificate` once per CA certificate (DIGEST §2.4).
//!
//! # Server quirks, and why they are warnings rather than errors
//!
//! * The documentation's own GetDetailedOrderStatus sample contains `%2*` (DIGEST §12 quirk
//!   38, sample T8). The `%` is kept literally, as the WHATWG standard says, and a
//!   [`WarningKind::InvalidPercentEscape`] records where.
//! * The RetryCAACheck samples send raw spaces (`errorMessage=CAA Check successfully
//!   relaunched`, T12). Raw spaces, raw control characters and a raw `=` inside a value (a
//!   sign that the server did not encode the value at all, see the `raw-plus` fixtures) are
//!   kept and reported as [`WarningKind::UnencodedCharacter`]. Other characters that an
//!   encoder would escape but that do not change the meaning (`/`, `:`, `,`, non-ASCII
//!   letters, ...) are accepted silently: many server-side encoders leave them alone.
//! * When percent-decoding yields bytes that are not UTF-8, the value keeps its undecoded
//!   text, byte for byte (no `+` replacement either), and a
//!   [`WarningKind::NonUtf8PercentEscape`] says so. The WHATWG standard would substitute
//!   U+FFFD, which loses data.
//! * A trailing CR/LF after the last pair (a server or proxy appending a line end) is ignored
//!   with [`WarningKind::TrailingWhitespace`].
//!
//! Each component (name or value) reports each kind of warning at most once, at the first
//! position where it occurs; warnings name the field but never contain its value.
//!
//! Names keep their spelling; [`Form::get`] and [`Form::get_all`] compare them ASCII
//! case-insensitively because the API documents its parameter names as case-insensitive and
//! its documentation mixes spellings (DIGEST §1.3, §12 quirks 11 and 12).
//!
//! # Performance
//!
//! The body is validated as UTF-8 once and `&` and `=` are found with `memchr`. A long
//! component (a base64 certificate) is checked for unencoded characters in one vectorised
//! pass and its escapes are found with `memchr2`; runs between escapes are copied whole. A
//! short one (over 64 bytes is long) is classified and decoded by a table-driven scalar loop,
//! which is cheaper than setting up SIMD searches. A component without escapes is borrowed
//! from the body; otherwise it costs one allocation. The benchmark `benches/form.rs`
//! compares this with `form_urlencoded` and `serde_urlencoded`.
//!
//! # Encoding
//!
//! [`FormEncoder`] percent-encodes every byte except `A-Z a-z 0-9 * - . _` (the WHATWG
//! `application/x-www-form-urlencoded` percent-encode set) and writes a space as `+`. Its
//! output decodes back to the same pairs with this module, with `form_urlencoded::parse` and
//! with Python's `urllib.parse.parse_qsl(body, keep_blank_values=True)`.

use std::borrow::Cow;
use std::fmt;

use memchr::{memchr, memchr_iter, memchr2, memchr2_iter, memchr3_iter, memrchr};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::{DecodeError, DecodeErrorKind, Format, Limit, Limits, Warning, WarningKind};

/// Decodes a URL-encoded body with [`Limits::DEFAULT`].
///
/// # Errors
///
/// See [`decode_with`].
///
/// # Examples
///
/// ```
/// let form = sectigo_codec::wire::form::decode(
///     b"errorCode=0&caCertificate=MIIB%2Babc&caCertificate=MIIC&fqdn=shop.example.com",
/// )?;
/// assert_eq!(form.get("ERRORCODE").map(|p| p.value()), Some("0"));
/// let cas: Vec<&str> = form.get_all("caCertificate").map(|p| p.value()).collect();
/// assert_eq!(cas, ["MIIB+abc", "MIIC"]);
/// assert!(form.warnings().is_empty());
/// # Ok::<(), sectigo_codec::DecodeError>(())
/// ```
pub fn decode(body: &[u8]) -> Result<Form<'_>, DecodeError> {
    decode_with(body, &Limits::DEFAULT)
}

/// Decodes a URL-encoded body into its ordered `name=value` pairs.
///
/// Never fails on malformed escapes or unencoded characters: those are kept literally and
/// reported in [`Form::warnings`]. An empty body gives an empty form.
///
/// # Errors
///
/// * [`DecodeErrorKind::LimitExceeded`] with [`Limit::BodySize`] when the body is longer than
///   `limits.max_body_size`, or [`Limit::Fields`] when it has more than `limits.max_fields`
///   pairs (the error's offset is the start of the first pair past the limit);
/// * [`DecodeErrorKind::InvalidUtf8`] when the body is not UTF-8, with the offset of the first
///   invalid byte and, when it lies in a value, the name of that field.
///
/// # Examples
///
/// The documentation's RetryCAACheck sample has raw spaces; they are kept, with a warning:
///
/// ```
/// use sectigo_codec::{Limits, WarningKind};
/// let form = sectigo_codec::wire::form::decode_with(
///     b"errorCode=0&errorMessage=CAA Check successfully relaunched",
///     &Limits::DEFAULT,
/// )?;
/// assert_eq!(form.get("errorMessage").unwrap().value(), "CAA Check successfully relaunched");
/// assert_eq!(form.warnings()[0].kind(), WarningKind::UnencodedCharacter);
/// assert_eq!(form.warnings()[0].field(), Some("errorMessage"));
/// assert_eq!(form.warnings()[0].offset(), Some(28));
/// # Ok::<(), sectigo_codec::DecodeError>(())
/// ```
pub fn decode_with<'a>(body: &'a [u8], limits: &Limits) -> Result<Form<'a>, DecodeError> {
    if body.len() > limits.max_body_size {
        return Err(limit_error(Limit::BodySize, limits.max_body_size).at(limits.max_body_size));
    }
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(err) => return Err(utf8_error(body, err.valid_up_to())),
    };
    let mut warnings = Vec::new();

    // A trailing line end is not part of the last value.
    let trimmed = text.trim_end_matches(['\r', '\n']);
    let end = trimmed.len();
    if end < text.len() {
        warnings
            .push(Warning::new(Format::FormUrlEncoded, WarningKind::TrailingWhitespace).at(end));
    }
    let bytes = trimmed.as_bytes();

    let mut pairs = Vec::with_capacity(estimate_pairs(bytes).min(limits.max_fields));

    // One iterator over the body for both delimiters.
    let mut delimiters = memchr2_iter(b'&', b'=', bytes);
    let mut start = 0;
    let mut equals = None;
    loop {
        let next = delimiters.next();
        if let Some(i) = next
            && bytes.get(i) == Some(&b'=')
        {
            // The first `=` ends the name; later ones are part of the value.
            equals.get_or_insert(i);
            continue;
        }
        let seg_end = next.unwrap_or(end);
        if seg_end > start {
            if pairs.len() >= limits.max_fields {
                return Err(limit_error(Limit::Fields, limits.max_fields).at(start));
            }
            let (raw_name, raw_value, value_offset) = match equals {
                Some(eq) => (
                    sub(trimmed, start, eq),
                    sub(trimmed, eq.saturating_add(1), seg_end),
                    eq.saturating_add(1),
                ),
                None => (sub(trimmed, start, seg_end), "", seg_end),
            };
            let mut name_warnings = Pending::default();
            let name = decode_component(raw_name, start, false, &mut name_warnings);
            let mut value_warnings = Pending::default();
            let value = decode_component(raw_value, value_offset, true, &mut value_warnings);
            if !name_warnings.is_empty() || !value_warnings.is_empty() {
                name_warnings.flush(&name, &mut warnings);
                value_warnings.flush(&name, &mut warnings);
            }
            pairs.push(Pair {
                name,
                value,
                name_offset: start,
                value_offset,
            });
        }
        match next {
            Some(amp) => {
                start = amp.saturating_add(1);
                equals = None;
            }
            None => break,
        }
    }
    Ok(Form { pairs, warnings })
}

/// The number of pairs to make room for: the `&`s in the first [`SAMPLE`] bytes, scaled to
/// the whole body, plus an eighth. Bodies with thousands of short pairs (GetDetailedOrderStatus)
/// then fill one allocation instead of growing it a dozen times; a body of a few long fields
/// (CollectSSL) gets a few slots. At most one slot per two bytes (a pair is at least one
/// byte and a separator), so memory stays proportional to the body.
fn estimate_pairs(bytes: &[u8]) -> usize {
    let sample = bytes.get(..SAMPLE).unwrap_or(bytes);
    let ampersands = memchr_iter(b'&', sample).count();
    let pairs = ampersands.saturating_add(1);
    let scaled = if sample.len() < bytes.len() {
        pairs
            .saturating_mul(bytes.len())
            .checked_div(sample.len())
            .unwrap_or(pairs)
    } else {
        pairs
    };
    scaled
        .saturating_add(scaled / 8)
        .min((bytes.len() / 2).saturating_add(1))
        .max(4)
}

/// How much of the body [`estimate_pairs`] looks at.
const SAMPLE: usize = 4096;

/// `text[from..to]`, for indices known to be on character boundaries (next to an ASCII byte
/// found by `memchr`); the empty fallback is never taken.
fn sub(text: &str, from: usize, to: usize) -> &str {
    text.get(from..to).unwrap_or_default()
}

fn limit_error(limit: Limit, max: usize) -> DecodeError {
    DecodeError::new(
        Format::FormUrlEncoded,
        DecodeErrorKind::LimitExceeded { limit, max },
    )
}

/// The error for a body that is not UTF-8 at `offset`, naming the field when the invalid
/// byte lies in a value (the name before it is then valid text).
fn utf8_error(body: &[u8], offset: usize) -> DecodeError {
    let err = DecodeError::new(Format::FormUrlEncoded, DecodeErrorKind::InvalidUtf8).at(offset);
    let before = body.get(..offset).unwrap_or_default();
    let seg_start = memrchr(b'&', before).map_or(0, |i| i.saturating_add(1));
    let segment = before.get(seg_start..).unwrap_or_default();
    let Some(eq) = memchr(b'=', segment) else {
        return err;
    };
    let raw_name = std::str::from_utf8(segment.get(..eq).unwrap_or_default()).unwrap_or_default();
    let name = decode_component(raw_name, seg_start, false, &mut Pending::default());
    err.in_field(name.as_ref())
}

/// Warnings found in one component, flushed once the field name is known.
#[derive(Default)]
struct Pending {
    invalid_escape: Option<usize>,
    non_utf8: Option<usize>,
    unencoded: Option<usize>,
}

impl Pending {
    fn is_empty(&self) -> bool {
        self.invalid_escape.is_none() && self.non_utf8.is_none() && self.unencoded.is_none()
    }

    /// Records the first invalid escape and the first raw space (relative to `offset`).
    fn note(&mut self, invalid: Option<usize>, space: Option<usize>, offset: usize) {
        if let Some(pos) = invalid {
            self.invalid_escape
                .get_or_insert(offset.saturating_add(pos));
        }
        if let Some(pos) = space {
            let at = offset.saturating_add(pos);
            self.unencoded = Some(self.unencoded.map_or(at, |o| o.min(at)));
        }
    }

    fn flush(&self, field: &str, out: &mut Vec<Warning>) {
        let kinds = [
            (self.invalid_escape, WarningKind::InvalidPercentEscape),
            (self.non_utf8, WarningKind::NonUtf8PercentEscape),
            (self.unencoded, WarningKind::UnencodedCharacter),
        ];
        for (offset, kind) in kinds {
            if let Some(offset) = offset {
                out.push(
                    Warning::new(Format::FormUrlEncoded, kind)
                        .at(offset)
                        .in_field(field),
                );
            }
        }
    }
}

/// One branch-free pass over a component (the compiler vectorises it): whether it holds a
/// space, a C0 control or DEL, and whether it holds a `=`. These are characters an encoder
/// must escape and whose raw presence shows an unencoded body.
fn scan(bytes: &[u8]) -> (bool, bool) {
    let mut low = false;
    let mut equals = false;
    for &b in bytes {
        low |= (b <= b' ') | (b == 0x7f);
        equals |= b == b'=';
    }
    (low, equals)
}

/// Components up to this length are decoded by [`decode_short`]: one table-driven scalar
/// pass costs less than the set-up of several SIMD searches.
const SHORT: usize = 64;

/// Byte classes for [`decode_short`].
const PERCENT: u8 = 1;
const PLUS: u8 = 2;
/// Space, C0 control or DEL.
const LOW: u8 = 4;
const EQUALS: u8 = 8;

/// The class of each byte value, as a table (a `match` per byte is measurably slower).
// Evaluated at compile time: an out-of-bounds index or overflow would be a compile error,
// not a run-time panic.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b <= 0x20 {
        table[b] = LOW;
        b += 1;
    }
    table[0x7f] = LOW;
    table[b'%' as usize] = PERCENT;
    table[b'+' as usize] = PLUS;
    table[b'=' as usize] = EQUALS;
    table
};

fn class(b: u8) -> u8 {
    CLASSES.get(usize::from(b)).copied().unwrap_or(0)
}

/// [`decode_component`] for short components, given the union of their bytes' classes
/// (not 0): one scalar pass to decode, copying the runs between escapes whole. An escape
/// that decodes to a byte >= 0x80 (or a raw space) hands over to [`decode_bytes`].
#[inline(never)]
fn decode_short<'a>(
    raw: &'a str,
    offset: usize,
    is_value: bool,
    pending: &mut Pending,
    classes: u8,
) -> Cow<'a, str> {
    let bytes = raw.as_bytes();
    let unencoded = if is_value { LOW | EQUALS } else { LOW };
    if classes & unencoded != 0 {
        let first = bytes.iter().position(|&b| {
            let c = class(b);
            (c & EQUALS != 0 && is_value) || (c & LOW != 0 && b != b' ')
        });
        if let Some(i) = first {
            pending.unencoded = Some(offset.saturating_add(i));
        }
        if classes & LOW != 0 {
            return decode_bytes(raw, offset, pending);
        }
    }
    if classes & (PERCENT | PLUS) == 0 {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(bytes.len());
    let mut first_invalid = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if class(b) & (PERCENT | PLUS) == 0 {
            i = i.saturating_add(1);
            continue;
        }
        // `copied` and `i` are next to ASCII bytes: character boundaries.
        out.push_str(sub(raw, copied, i));
        if b == b'+' {
            out.push(' ');
            i = i.saturating_add(1);
        } else {
            match escape(bytes, i) {
                Some(byte) if byte < 0x80 => {
                    out.push(char::from(byte));
                    i = i.saturating_add(3);
                }
                Some(_) => return decode_bytes(raw, offset, pending),
                None => {
                    out.push('%');
                    first_invalid.get_or_insert(i);
                    i = i.saturating_add(1);
                }
            }
        }
        copied = i;
    }
    out.push_str(sub(raw, copied, raw.len()));
    pending.note(first_invalid, None, offset);
    Cow::Owned(out)
}

/// Decodes one name or value; `offset` is its position in the body. Short components go
/// to [`decode_short`], long ones to [`decode_long`].
#[inline]
fn decode_component<'a>(
    raw: &'a str,
    offset: usize,
    is_value: bool,
    pending: &mut Pending,
) -> Cow<'a, str> {
    let bytes = raw.as_bytes();
    if bytes.len() <= SHORT {
        // Most short components need nothing: decide that here, without a call.
        let classes = bytes.iter().fold(0u8, |acc, &b| acc | class(b));
        if classes == 0 {
            return Cow::Borrowed(raw);
        }
        return decode_short(raw, offset, is_value, pending, classes);
    }
    decode_long(raw, offset, is_value, pending)
}

/// [`decode_component`] for components longer than [`SHORT`].
///
/// The fast path builds the decoded text directly: runs between escapes are whole
/// characters of `raw` (they are split at ASCII bytes) and escapes that decode to ASCII are
/// pushed as characters, so the result is valid UTF-8 without a second check. A raw space
/// (or control character), or the first escape that decodes to a byte >= 0x80, hands over to
/// [`decode_bytes`].
#[inline(never)]
fn decode_long<'a>(
    raw: &'a str,
    offset: usize,
    is_value: bool,
    pending: &mut Pending,
) -> Cow<'a, str> {
    let bytes = raw.as_bytes();
    let (low, equals) = scan(bytes);
    if low || (equals && is_value) {
        let first = bytes
            .iter()
            .position(|&b| b < 0x20 || b == 0x7f || (is_value && b == b'='));
        if let Some(i) = first {
            pending.unencoded = Some(offset.saturating_add(i));
        }
        if low {
            // Possibly a raw space: the slow path handles (and reports) those.
            return decode_bytes(raw, offset, pending);
        }
    }
    let Some(mut pos) = memchr2(b'%', b'+', bytes) else {
        return Cow::Borrowed(raw);
    };
    let mut out = String::with_capacity(bytes.len());
    let mut copied = 0;
    let mut first_invalid = None;
    loop {
        out.push_str(sub(raw, copied, pos));
        copied = pos.saturating_add(1);
        if bytes.get(pos) == Some(&b'+') {
            out.push(' ');
        } else {
            match escape(bytes, pos) {
                Some(byte) if byte < 0x80 => {
                    out.push(char::from(byte));
                    copied = pos.saturating_add(3);
                }
                Some(_) => return decode_bytes(raw, offset, pending),
                None => {
                    out.push('%');
                    first_invalid.get_or_insert(pos);
                }
            }
        }
        match memchr2(b'%', b'+', bytes.get(copied..).unwrap_or_default()) {
            Some(i) => pos = copied.saturating_add(i),
            None => break,
        }
    }
    out.push_str(sub(raw, copied, raw.len()));
    pending.note(first_invalid, None, offset);
    Cow::Owned(out)
}

/// The byte of a valid `%XX` escape at `pos`.
fn escape(bytes: &[u8], pos: usize) -> Option<u8> {
    let hi = hex(*bytes.get(pos.saturating_add(1))?)?;
    let lo = hex(*bytes.get(pos.saturating_add(2))?)?;
    Some((hi << 4) | lo)
}

/// The slow path of [`decode_component`], for raw spaces and escapes of non-ASCII bytes:
/// decodes into bytes and checks UTF-8 at the end. Not UTF-8: the raw text is kept, with a
/// warning.
fn decode_bytes<'a>(raw: &'a str, offset: usize, pending: &mut Pending) -> Cow<'a, str> {
    let bytes = raw.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut copied = 0;
    let mut first_invalid = None;
    let mut first_space = None;
    for pos in memchr3_iter(b'%', b'+', b' ', bytes) {
        if pos < copied {
            continue; // never inside a valid escape: hex digits are not special
        }
        out.extend_from_slice(bytes.get(copied..pos).unwrap_or_default());
        copied = pos.saturating_add(1);
        match bytes.get(pos) {
            Some(b'+') => out.push(b' '),
            Some(b' ') => {
                out.push(b' ');
                first_space.get_or_insert(pos);
            }
            _ => match escape(bytes, pos) {
                Some(byte) => {
                    out.push(byte);
                    copied = pos.saturating_add(3);
                }
                None => {
                    out.push(b'%');
                    first_invalid.get_or_insert(pos);
                }
            },
        }
    }
    out.extend_from_slice(bytes.get(copied..).unwrap_or_default());
    pending.note(first_invalid, first_space, offset);
    match String::from_utf8(out) {
        Ok(text) => Cow::Owned(text),
        Err(_) => {
            pending.non_utf8.get_or_insert(offset);
            Cow::Borrowed(raw)
        }
    }
}

/// The value of an ASCII hexadecimal digit.
const fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b.wrapping_sub(b'0')),
        b'a'..=b'f' => Some(b.wrapping_sub(b'a').wrapping_add(10)),
        b'A'..=b'F' => Some(b.wrapping_sub(b'A').wrapping_add(10)),
        _ => None,
    }
}

/// A decoded URL-encoded body: its `name=value` pairs in body order, and the deviations that
/// were tolerated.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Form<'a> {
    pairs: Vec<Pair<'a>>,
    warnings: Vec<Warning>,
}

impl<'a> Form<'a> {
    /// All pairs in body order, duplicates included.
    pub fn pairs(&self) -> &[Pair<'a>] {
        &self.pairs
    }

    /// The first pair named `name`, compared ASCII case-insensitively.
    pub fn get(&self, name: &str) -> Option<&Pair<'a>> {
        self.pairs
            .iter()
            .find(|pair| pair.name.eq_ignore_ascii_case(name))
    }

    /// The value of the first pair named `name` (ASCII case-insensitive).
    pub fn value(&self, name: &str) -> Option<&str> {
        self.get(name).map(Pair::value)
    }

    /// Every pair named `name` (ASCII case-insensitive), in body order.
    pub fn get_all<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s Pair<'a>> + 's {
        self.pairs
            .iter()
            .filter(move |pair| pair.name.eq_ignore_ascii_case(name))
    }

    /// The number of pairs.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// `true` when the body had no pairs.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The deviations from the format that were tolerated, in body order of detection.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The pairs, consuming the form (warnings are dropped).
    pub fn into_pairs(self) -> Vec<Pair<'a>> {
        self.pairs
    }

    /// A copy that owns all its text, detached from the body.
    pub fn into_owned(self) -> Form<'static> {
        Form {
            pairs: self.pairs.into_iter().map(Pair::into_owned).collect(),
            warnings: self.warnings,
        }
    }
}

impl<'f, 'a> IntoIterator for &'f Form<'a> {
    type Item = &'f Pair<'a>;
    type IntoIter = std::slice::Iter<'f, Pair<'a>>;

    fn into_iter(self) -> Self::IntoIter {
        self.pairs.iter()
    }
}

/// One decoded `name=value` pair, with the byte offsets of its name and value in the body.
///
/// `Debug` output redacts the value of the fields [`is_secret_name`] names (passwords and
/// collection codes).
#[derive(Clone, PartialEq, Eq)]
pub struct Pair<'a> {
    name: Cow<'a, str>,
    value: Cow<'a, str>,
    name_offset: usize,
    value_offset: usize,
}

impl<'a> Pair<'a> {
    /// The decoded name, spelled as on the wire.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The decoded value (empty when the pair had no `=` or nothing after it).
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Byte offset of the (raw) name in the body.
    pub fn name_offset(&self) -> usize {
        self.name_offset
    }

    /// Byte offset of the (raw) value in the body: just after the `=`, or, when the pair has
    /// no `=`, the end of the name.
    pub fn value_offset(&self) -> usize {
        self.value_offset
    }

    /// `true` when the value is borrowed from the body (nothing needed decoding).
    pub fn is_borrowed(&self) -> bool {
        matches!(self.value, Cow::Borrowed(_))
    }

    /// The decoded name and value.
    pub fn into_parts(self) -> (Cow<'a, str>, Cow<'a, str>) {
        (self.name, self.value)
    }

    /// A copy that owns its text.
    pub fn into_owned(self) -> Pair<'static> {
        Pair {
            name: Cow::Owned(self.name.into_owned()),
            value: Cow::Owned(self.value.into_owned()),
            name_offset: self.name_offset,
            value_offset: self.value_offset,
        }
    }
}

impl fmt::Debug for Pair<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Pair");
        s.field("name", &self.name);
        if is_secret_name(&self.name) {
            s.field("value", &format_args!("<redacted>"));
        } else {
            s.field("value", &self.value);
        }
        s.field("name_offset", &self.name_offset)
            .field("value_offset", &self.value_offset)
            .finish()
    }
}

/// Whether a parameter name holds a secret whose value must never be shown: `loginPassword`,
/// `appRepLoginPassword` or anything else containing `password`, `collectionCode` (it
/// collects a certificate and its private key on CollectPAC) and `verificationCode` (a push
/// notification's code that completes an order's callback step). Case-insensitive, as the API's
/// names are (DIGEST §1.3). Used by every `Debug` of this crate that prints pairs; use it to
/// redact your own logs.
///
/// ```
/// use sectigo_codec::wire::form::is_secret_name;
/// assert!(is_secret_name("loginPassword"));
/// assert!(is_secret_name("APPREPLOGINPASSWORD"));
/// assert!(is_secret_name("collectioncode"));
/// assert!(is_secret_name("verificationCode"));
/// assert!(!is_secret_name("loginName"));
/// ```
pub fn is_secret_name(name: &str) -> bool {
    name.eq_ignore_ascii_case("collectionCode")
        || name.eq_ignore_ascii_case("verificationCode")
        || name
            .as_bytes()
            .windows(8)
            .any(|w| w.eq_ignore_ascii_case(b"password"))
}

/// Bytes left unencoded: `A-Z a-z 0-9 * - . _` (the WHATWG
/// `application/x-www-form-urlencoded` set) plus space, which is written as `+`.
const FORM: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'*')
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b' ');

/// Builds a URL-encoded body pair by pair, like `form_urlencoded::Serializer`.
///
/// ```
/// use sectigo_codec::wire::form::FormEncoder;
/// let mut body = FormEncoder::new();
/// body.append_pair("loginName", "reseller")
///     .append_pair("loginPassword", "p&ss w=rd+%")
///     .append_pair("queryType", "1");
/// assert_eq!(
///     body.finish(),
///     "loginName=reseller&loginPassword=p%26ss+w%3Drd%2B%25&queryType=1"
/// );
/// ```
///
/// `Debug` shows only the length of the body built so far, since it may hold a password.
#[derive(Clone, Default)]
pub struct FormEncoder {
    body: String,
}

impl FormEncoder {
    /// An empty body.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty body with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            body: String::with_capacity(capacity),
        }
    }

    /// Appends `name=value`, both percent-encoded.
    pub fn append_pair(&mut self, name: &str, value: &str) -> &mut Self {
        if !self.body.is_empty() {
            self.body.push('&');
        }
        encode_into(name, &mut self.body);
        self.body.push('=');
        encode_into(value, &mut self.body);
        self
    }

    /// Appends every pair of `pairs`.
    pub fn extend_pairs<I, K, V>(&mut self, pairs: I) -> &mut Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        for (name, value) in pairs {
            self.append_pair(name.as_ref(), value.as_ref());
        }
        self
    }

    /// The body built so far.
    pub fn as_str(&self) -> &str {
        &self.body
    }

    /// The finished body.
    pub fn finish(self) -> String {
        self.body
    }
}

impl fmt::Debug for FormEncoder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FormEncoder")
            .field("len", &self.body.len())
            .finish_non_exhaustive()
    }
}

/// Encodes `pairs` as a URL-encoded body.
///
/// ```
/// let body = sectigo_codec::wire::form::encode([("a b", "1+1=2"), ("é", "")]);
/// assert_eq!(body, "a+b=1%2B1%3D2&%C3%A9=");
/// ```
pub fn encode<I, K, V>(pairs: I) -> String
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<str>,
    V: AsRef<str>,
{
    let mut encoder = FormEncoder::new();
    encoder.extend_pairs(pairs);
    encoder.finish()
}

/// Percent-encodes one component into `out`, writing spaces as `+`.
fn encode_into(text: &str, out: &mut String) {
    for chunk in utf8_percent_encode(text, FORM) {
        // Escapes come as "%XX" chunks; unencoded runs may contain spaces.
        let mut rest = chunk;
        while let Some((before, after)) = rest.split_once(' ') {
            out.push_str(before);
            out.push('+');
            rest = after;
        }
        out.push_str(rest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(form: &Form<'_>) -> Vec<(String, String)> {
        form.pairs()
            .iter()
            .map(|p| (p.name().to_owned(), p.value().to_owned()))
            .collect()
    }

    #[test]
    fn splits_skips_empty_sequences_and_keeps_duplicates() {
        let form = decode(b"&&a=1&&b&a=2&=&c==x&").unwrap();
        assert_eq!(
            pairs(&form),
            [
                ("a".into(), "1".into()),
                ("b".into(), String::new()),
                ("a".into(), "2".into()),
                (String::new(), String::new()),
                ("c".into(), "=x".into()),
            ]
        );
        assert_eq!(form.pairs()[0].name_offset(), 2);
        assert_eq!(form.pairs()[0].value_offset(), 4);
        // No '=': the value offset is the end of the name.
        assert_eq!(form.pairs()[1].name_offset(), 7);
        assert_eq!(form.pairs()[1].value_offset(), 8);
        // "c==x": the second '=' is part of the value, and unencoded.
        assert_eq!(form.warnings().len(), 1);
        assert_eq!(form.warnings()[0].kind(), WarningKind::UnencodedCharacter);
        assert_eq!(form.warnings()[0].field(), Some("c"));
        assert_eq!(form.warnings()[0].offset(), Some(17));
    }

    #[test]
    fn borrows_plain_values_and_decodes_escapes() {
        let form = decode(b"plain=abc&enc=a%2Bb+c%3d&name%20x=%C3%A9").unwrap();
        assert!(form.pairs()[0].is_borrowed());
        assert!(!form.pairs()[1].is_borrowed());
        assert_eq!(form.pairs()[1].value(), "a+b c=");
        assert_eq!(form.pairs()[2].name(), "name x");
        assert_eq!(form.pairs()[2].value(), "é");
        assert!(form.warnings().is_empty());
    }

    #[test]
    fn invalid_escapes_are_kept_literally() {
        let form = decode(b"v=%2*x%%41%4&w=%").unwrap();
        assert_eq!(form.pairs()[0].value(), "%2*x%A%4");
        assert_eq!(form.pairs()[1].value(), "%");
        let w = form.warnings();
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].kind(), WarningKind::InvalidPercentEscape);
        assert_eq!(w[0].offset(), Some(2));
        assert_eq!(w[0].field(), Some("v"));
        assert_eq!(w[1].offset(), Some(15));
        assert_eq!(w[1].field(), Some("w"));
    }

    #[test]
    fn long_and_short_components_decode_and_warn_alike() {
        for pad in [1, 70] {
            let x = "x".repeat(pad);
            let body = format!("k=%41{x}+%2*%C3%A9 =&n%20{x}=1");
            let form = decode(body.as_bytes()).unwrap();
            assert_eq!(form.pairs()[0].value(), format!("A{x} %2*é ="), "{pad}");
            assert_eq!(form.pairs()[1].name(), format!("n {x}"), "{pad}");
            let w: Vec<_> = form
                .warnings()
                .iter()
                .map(|w| (w.kind(), w.field().unwrap().to_owned(), w.offset().unwrap()))
                .collect();
            assert_eq!(
                w,
                [
                    (WarningKind::InvalidPercentEscape, "k".into(), 6 + pad),
                    (WarningKind::UnencodedCharacter, "k".into(), 15 + pad),
                ]
            );
        }
        let body = format!("k={}\u{7}%FF", "y".repeat(80));
        let form = decode(body.as_bytes()).unwrap();
        assert_eq!(form.pairs()[0].value(), &body[2..]);
        let kinds: Vec<_> = form.warnings().iter().map(Warning::kind).collect();
        assert_eq!(
            kinds,
            [
                WarningKind::NonUtf8PercentEscape,
                WarningKind::UnencodedCharacter
            ]
        );
        assert_eq!(form.warnings()[1].offset(), Some(82));
    }

    #[test]
    fn non_utf8_escapes_keep_the_raw_text() {
        let form = decode(b"a=x+%FF%FE&b=%C3%A9").unwrap();
        assert_eq!(form.pairs()[0].value(), "x+%FF%FE");
        assert!(form.pairs()[0].is_borrowed());
        assert_eq!(form.pairs()[1].value(), "é");
        assert_eq!(form.warnings().len(), 1);
        assert_eq!(form.warnings()[0].kind(), WarningKind::NonUtf8PercentEscape);
        assert_eq!(form.warnings()[0].offset(), Some(2));
        assert_eq!(form.warnings()[0].field(), Some("a"));
    }

    #[test]
    fn invalid_utf8_body_names_offset_and_field() {
        let err = decode(b"ok=1&bad%20name=ab\xffc").unwrap_err();
        assert_eq!(err.format(), Format::FormUrlEncoded);
        assert_eq!(err.kind(), &DecodeErrorKind::InvalidUtf8);
        assert_eq!(err.offset(), Some(18));
        assert_eq!(err.field(), Some("bad name"));
        let err = decode(b"ok=1&na\xffme=x").unwrap_err();
        assert_eq!(err.offset(), Some(7));
        assert_eq!(err.field(), None);
    }

    #[test]
    fn trailing_line_end_is_ignored_with_a_warning() {
        let form = decode(b"errorCode=0&x=y\r\n").unwrap();
        assert_eq!(form.pairs()[1].value(), "y");
        assert_eq!(form.warnings().len(), 1);
        assert_eq!(form.warnings()[0].kind(), WarningKind::TrailingWhitespace);
        assert_eq!(form.warnings()[0].offset(), Some(15));
        // An interior line end is data, and flagged.
        let form = decode(b"x=a\nb").unwrap();
        assert_eq!(form.pairs()[0].value(), "a\nb");
        assert_eq!(form.warnings()[0].kind(), WarningKind::UnencodedCharacter);
        assert_eq!(form.warnings()[0].offset(), Some(3));
    }

    #[test]
    fn empty_body_is_an_empty_form() {
        assert!(decode(b"").unwrap().is_empty());
        assert!(decode(b"&&&").unwrap().is_empty());
        let form = decode(b"\n").unwrap();
        assert!(form.is_empty());
        assert_eq!(form.warnings().len(), 1);
    }

    #[test]
    fn lookups_are_case_insensitive_but_names_keep_their_spelling() {
        let form = decode(b"ErrorCode=0&caCertificate=A&CACERTIFICATE=B").unwrap();
        assert_eq!(form.get("errorcode").unwrap().name(), "ErrorCode");
        assert_eq!(form.value("ERRORCODE"), Some("0"));
        let all: Vec<_> = form.get_all("cacertificate").map(Pair::value).collect();
        assert_eq!(all, ["A", "B"]);
        assert!(form.get("missing").is_none());
    }

    #[test]
    fn field_limit_is_exact() {
        let limits = Limits {
            max_fields: 3,
            ..Limits::DEFAULT
        };
        assert_eq!(decode_with(b"a=1&b=2&c=3", &limits).unwrap().len(), 3);
        let err = decode_with(b"a=1&b=2&c=3&d=4", &limits).unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::LimitExceeded {
                limit: Limit::Fields,
                max: 3
            }
        );
        assert_eq!(err.offset(), Some(12));
    }

    #[test]
    fn body_size_limit_is_exact() {
        let limits = Limits {
            max_body_size: 7,
            ..Limits::DEFAULT
        };
        assert_eq!(decode_with(b"abc=def", &limits).unwrap().len(), 1);
        let err = decode_with(b"abc=defg", &limits).unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::LimitExceeded {
                limit: Limit::BodySize,
                max: 7
            }
        );
    }

    #[test]
    fn into_owned_keeps_everything() {
        let body = b"a=%41&b=c".to_vec();
        let owned = decode(&body).unwrap().into_owned();
        drop(body);
        assert_eq!(owned.value("a"), Some("A"));
        assert_eq!(owned.get("b").unwrap().value_offset(), 8);
    }

    #[test]
    fn debug_redacts_passwords() {
        let form = decode(
            b"loginPassword=hunter2&loginName=me&COLLECTIONCODE=Zq9xWv&appRepLoginPassword=pw2",
        )
        .unwrap();
        let debug = format!("{form:?}");
        assert!(!debug.contains("hunter2"), "{debug}");
        assert!(!debug.contains("Zq9xWv"), "{debug}");
        assert!(!debug.contains("pw2"), "{debug}");
        assert_eq!(debug.matches("<redacted>").count(), 3, "{debug}");
        assert!(debug.contains("<redacted>"));
        assert!(debug.contains("\"me\""));
        let mut encoder = FormEncoder::new();
        encoder.append_pair("loginPassword", "hunter2");
        assert!(!format!("{encoder:?}").contains("hunter2"));
    }

    #[test]
    fn encoder_escapes_everything_but_the_form_set() {
        let all: String = (0u8..=0x7f).map(char::from).collect();
        let mut expected = String::from("k=");
        for b in 0u8..=0x7f {
            if b.is_ascii_alphanumeric() || b"*-._".contains(&b) {
                expected.push(char::from(b));
            } else if b == b' ' {
                expected.push('+');
            } else {
                expected.push_str(&format!("%{b:02X}"));
            }
        }
        assert_eq!(encode([("k", all.as_str())]), expected);
        assert_eq!(encode([("", "")]), "=");
        assert_eq!(encode(Vec::<(&str, &str)>::new()), "");
        assert_eq!(encode([("x", "a b  c")]), "x=a+b++c");
        assert_eq!(encode([("😀", "\0\n")]), "%F0%9F%98%80=%00%0A");
        let mut encoder = FormEncoder::with_capacity(8);
        encoder.append_pair("a", "1");
        assert_eq!(encoder.as_str(), "a=1");
    }
}
