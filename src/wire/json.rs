//! JSON bodies (GetDetailedOrderStatus `responseFormat=2`, DIGEST §4.2).
//!
//! > JSON shape (`responseFormat=2`): not shown in any readable source. The only JSON-ish
//! > sample is the error example, written with single quotes (invalid JSON). Whether JSON
//! > uses the same flat `X_Y_key` names or nested arrays is UNCONFIRMED. Recommended: parse
//! > JSON as a generic object; if it is flat, feed it through the same key splitter as the
//! > URL-encoded form.
//!
//! So [`decode`] produces a generic [`JsonValue`] tree that loses nothing:
//!
//! * object members keep their order and their duplicates (`Vec<(String, JsonValue)>`, not
//!   a map);
//! * numbers keep their text exactly as sent (`35.00` stays `35.00`,
//!   `12345678901234567890123` is not rounded), because amounts must not go through `f64`
//!   (DIGEST §12 quirk 8); the one change serde_json makes is writing an exponent marker as
//!   `e` (`1E3` becomes `1e3`);
//! * numbers that arrive as strings (`"errorCode": "-4"`) are read by
//!   [`JsonValue::as_i64_lenient`] and [`JsonValue::scalar_text`] like numbers.
//!
//! [`JsonDocument::flat_pairs`] turns a flat object into `(key, text)` pairs for
//! [`indexed::group`](super::indexed::group).
//!
//! # The documented error sample is a Python literal
//!
//! DIGEST §12 quirk 37, sample T9:
//!
//! ```text
//! {'errorCode': '-4', 'errorMessage': "The value of the 'orderNumber' argument is invalid!"}
//! ```
//!
//! Only when strict parsing fails, the body is read as a Python literal instead: strings in
//! single or double quotes (optionally with a `u` prefix) with Python escapes, `True`,
//! `False`, `None`, trailing commas. The result carries a [`WarningKind::NonStandardJson`]
//! warning. If that fails too, the error of the strict parse is returned.
//!
//! # Limits
//!
//! Nesting depth is checked before parsing by a byte scan that skips strings
//! ([`Limit::JsonDepth`], `limits.max_json_depth`; serde_json itself also stops at 128
//! levels, so a larger maximum acts as 127). The number of values (array elements and
//! object members, at any depth) is capped by `limits.max_fields` ([`Limit::Fields`]), which
//! bounds memory to a small multiple of the body.
//!
//! Parsing is done by `serde_json` with a custom visitor. With serde_json's
//! `arbitrary_precision` feature (enabled by this crate), a number reaches a visitor as a
//! one-entry map whose key is serde_json's private token; the visitor tells it from a real
//! object member by the key's address (a real key is borrowed from the input, the token is
//! a static string), so even a body with that literal key is read correctly.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use crate::{DecodeError, DecodeErrorKind, Format, Limit, Limits, Warning, WarningKind};

/// serde_json's private key for numbers under `arbitrary_precision`
/// (`serde_json::number::TOKEN`).
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Decodes a JSON body with [`Limits::DEFAULT`].
///
/// # Errors
///
/// See [`decode_with`].
///
/// # Examples
///
/// ```
/// let doc = sectigo_codec::wire::json::decode(
///     br#"{"errorCode": "0", "totalCost": 35.00, "1_orderNumber": 1234}"#,
/// )?;
/// let root = doc.root();
/// assert_eq!(root.get("ERRORCODE").and_then(|v| v.as_i64_lenient()), Some(0));
/// assert_eq!(root.get("totalCost").and_then(|v| v.scalar_text()).as_deref(), Some("35.00"));
/// let pairs = doc.flat_pairs().unwrap();
/// assert_eq!(pairs[2].0, "1_orderNumber");
/// assert_eq!(pairs[2].1, "1234");
/// # Ok::<(), sectigo_codec::DecodeError>(())
/// ```
pub fn decode(body: &[u8]) -> Result<JsonDocument, DecodeError> {
    decode_with(body, &Limits::DEFAULT)
}

/// Decodes a JSON body (or, leniently, a Python-literal body like the documentation's error
/// sample).
///
/// # Errors
///
/// All in [`Format::Json`], with the byte offset and line of the problem:
///
/// * [`DecodeErrorKind::Empty`] for an empty or whitespace-only body;
/// * [`DecodeErrorKind::InvalidUtf8`] when the body is not UTF-8;
/// * [`DecodeErrorKind::Json`] when the body is neither JSON nor a Python literal (the detail
///   is serde_json's message for the strict parse, without input text);
/// * [`DecodeErrorKind::LimitExceeded`] with [`Limit::BodySize`], [`Limit::JsonDepth`] or
///   [`Limit::Fields`].
///
/// # Examples
///
/// ```
/// use sectigo_codec::WarningKind;
/// let doc = sectigo_codec::wire::json::decode(
///     br#"{'errorCode': '-4', 'errorMessage': "The value of the 'orderNumber' argument is invalid!"}"#,
/// )?;
/// assert_eq!(doc.root().get("errorCode").unwrap().as_i64_lenient(), Some(-4));
/// assert_eq!(doc.warnings()[0].kind(), WarningKind::NonStandardJson);
/// # Ok::<(), sectigo_codec::DecodeError>(())
/// ```
pub fn decode_with(body: &[u8], limits: &Limits) -> Result<JsonDocument, DecodeError> {
    if body.len() > limits.max_body_size {
        return Err(limit(Limit::BodySize, limits.max_body_size).at(limits.max_body_size));
    }
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(err) => {
            let offset = err.valid_up_to();
            return Err(located(
                DecodeError::new(Format::Json, DecodeErrorKind::InvalidUtf8),
                body,
                offset,
            ));
        }
    };
    if text.trim().is_empty() {
        return Err(DecodeError::new(Format::Json, DecodeErrorKind::Empty).at(0));
    }
    if let Some(offset) = too_deep(text.as_bytes(), limits.max_json_depth) {
        return Err(located(
            limit(Limit::JsonDepth, limits.max_json_depth),
            body,
            offset,
        ));
    }
    let strict = match parse(text, limits) {
        Ok(root) => {
            return Ok(JsonDocument {
                root,
                warnings: Vec::new(),
            });
        }
        Err(err) if err.is_limit() => return Err(err),
        Err(err) => err,
    };
    let Some((json, map)) = python::to_json(text) else {
        return Err(strict);
    };
    match parse(&json, limits) {
        Ok(root) => Ok(JsonDocument {
            root,
            warnings: vec![Warning::new(Format::Json, WarningKind::NonStandardJson).at(0)],
        }),
        Err(err) if err.is_limit() => {
            // Point at the token of the original body that the limit was hit in.
            let offset = err.offset().map_or(0, |o| python::original_offset(&map, o));
            Err(located(
                DecodeError::new(Format::Json, err.kind().clone()),
                body,
                offset,
            ))
        }
        Err(_) => Err(strict),
    }
}

fn limit(limit: Limit, max: usize) -> DecodeError {
    DecodeError::new(Format::Json, DecodeErrorKind::LimitExceeded { limit, max })
}

/// Sets the offset and the 1-based line of `offset` in `body`.
fn located(err: DecodeError, body: &[u8], offset: usize) -> DecodeError {
    let before = body.get(..offset).unwrap_or(body);
    let line = memchr::memchr_iter(b'\n', before).count().saturating_add(1);
    err.at(offset).on_line(line)
}

/// The offset of the first `[` or `{` nested deeper than `max`, skipping strings in double
/// or single quotes (the latter for the Python-literal fallback; they never occur outside
/// strings in valid JSON).
fn too_deep(bytes: &[u8], max: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == q {
                quote = None;
            }
            continue;
        }
        match b {
            b'"' | b'\'' => quote = Some(b),
            b'[' | b'{' => {
                depth = depth.saturating_add(1);
                if depth > max {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Parses strict JSON text into a [`JsonValue`].
fn parse(text: &str, limits: &Limits) -> Result<JsonValue, DecodeError> {
    let ctx = Ctx {
        count: Cell::new(0),
        max_values: limits.max_fields,
        hit_limit: Cell::new(false),
        input: text.as_bytes().as_ptr_range(),
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let result = ValueSeed { ctx: &ctx }
        .deserialize(&mut de)
        .and_then(|value| de.end().map(|()| value));
    result.map_err(|err| {
        let offset = offset_of(text, err.line(), err.column());
        let base = if ctx.hit_limit.get() {
            limit(Limit::Fields, limits.max_fields)
        } else {
            let message = err.to_string();
            let suffix = format!(" at line {} column {}", err.line(), err.column());
            let detail = message.strip_suffix(&suffix).unwrap_or(&message);
            DecodeError::new(
                Format::Json,
                DecodeErrorKind::Json {
                    detail: detail.into(),
                },
            )
        };
        located(base, text.as_bytes(), offset)
    })
}

/// Byte offset of serde_json's 1-based line and (byte) column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let bytes = text.as_bytes();
    let line_start = match line.checked_sub(2) {
        None => 0,
        Some(skip) => memchr::memchr_iter(b'\n', bytes)
            .nth(skip)
            .map_or(bytes.len(), |i| i.saturating_add(1)),
    };
    line_start
        .saturating_add(column.saturating_sub(1))
        .min(bytes.len())
}

/// Shared state of one parse: the value budget and the input's address range.
struct Ctx {
    count: Cell<usize>,
    max_values: usize,
    hit_limit: Cell<bool>,
    input: std::ops::Range<*const u8>,
}

impl Ctx {
    /// Counts one array element or object member.
    fn tick<E: de::Error>(&self) -> Result<(), E> {
        let count = self.count.get().saturating_add(1);
        if count > self.max_values {
            self.hit_limit.set(true);
            return Err(E::custom("too many values"));
        }
        self.count.set(count);
        Ok(())
    }
}

#[derive(Clone, Copy)]
struct ValueSeed<'c> {
    ctx: &'c Ctx,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = JsonValue;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<JsonValue, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = JsonValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<JsonValue, E> {
        Ok(JsonValue::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<JsonValue, E> {
        Ok(JsonValue::Number(v.to_string()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<JsonValue, E> {
        Ok(JsonValue::Number(v.to_string()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<JsonValue, E> {
        Ok(JsonValue::Number(v.to_string()))
    }

    fn visit_str<E>(self, v: &str) -> Result<JsonValue, E> {
        Ok(JsonValue::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<JsonValue, E> {
        Ok(JsonValue::String(v))
    }

    fn visit_unit<E>(self) -> Result<JsonValue, E> {
        Ok(JsonValue::Null)
    }

    fn visit_none<E>(self) -> Result<JsonValue, E> {
        Ok(JsonValue::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<JsonValue, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            self.ctx.tick()?;
            items.push(item);
        }
        Ok(JsonValue::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonValue, A::Error> {
        let mut members = Vec::new();
        let mut first = true;
        while let Some(key) = map.next_key_seed(KeySeed { ctx: self.ctx })? {
            let name = match key {
                Key::NumberToken if first => {
                    let text: String = map.next_value()?;
                    return Ok(JsonValue::Number(text));
                }
                Key::NumberToken => NUMBER_TOKEN.to_owned(),
                Key::Name(name) => name,
            };
            first = false;
            self.ctx.tick()?;
            members.push((name, map.next_value_seed(self)?));
        }
        Ok(JsonValue::Object(members))
    }
}

/// An object key, or serde_json's number token.
enum Key {
    NumberToken,
    Name(String),
}

struct KeySeed<'c> {
    ctx: &'c Ctx,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Key;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key, E> {
        // A real key is borrowed from the input; serde_json's number token is a static
        // string elsewhere in memory.
        if v == NUMBER_TOKEN && !self.ctx.input.contains(&v.as_ptr()) {
            Ok(Key::NumberToken)
        } else {
            Ok(Key::Name(v.to_owned()))
        }
    }

    fn visit_str<E>(self, v: &str) -> Result<Key, E> {
        Ok(Key::Name(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Key, E> {
        Ok(Key::Name(v))
    }
}

/// A decoded JSON (or Python-literal) body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonDocument {
    root: JsonValue,
    warnings: Vec<Warning>,
}

impl JsonDocument {
    /// The top-level value.
    pub fn root(&self) -> &JsonValue {
        &self.root
    }

    /// The top-level value, consuming the document.
    pub fn into_root(self) -> JsonValue {
        self.root
    }

    /// The deviations from JSON that were tolerated ([`WarningKind::NonStandardJson`]).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// For a flat object of scalars: `(key, text)` pairs in document order, to feed
    /// [`indexed::group`](super::indexed::group). Numbers keep their text, booleans become
    /// `true`/`false`, and `null` becomes an empty value (as an empty form field).
    ///
    /// `None` when the root is not an object or a member is an array or object.
    pub fn flat_pairs(&self) -> Option<Vec<(Cow<'_, str>, Cow<'_, str>)>> {
        let JsonValue::Object(members) = &self.root else {
            return None;
        };
        members
            .iter()
            .map(|(key, value)| {
                let text = match value {
                    JsonValue::Null => Cow::Borrowed(""),
                    other => other.scalar_text()?,
                };
                Some((Cow::Borrowed(key.as_str()), text))
            })
            .collect()
    }
}

/// A JSON value that keeps member order, duplicate keys and the exact text of numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonValue {
    /// `null` (or Python `None`).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (`35.00`, `-4`, `1e3`).
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Self>),
    /// An object: members in document order, duplicates kept.
    Object(Vec<(String, Self)>),
}

impl JsonValue {
    /// The first member named `key` (ASCII case-insensitive) of an object; `None` for other
    /// values.
    pub fn get(&self, key: &str) -> Option<&Self> {
        match self {
            Self::Object(members) => members
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(key))
                .map(|(_, value)| value),
            _ => None,
        }
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    /// An integer, written as a number (`5`) or as a string (`"5"`, `" -4 "`).
    pub fn as_i64_lenient(&self) -> Option<i64> {
        match self {
            Self::Number(n) => n.parse().ok(),
            Self::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// A scalar as text: strings and numbers as written, booleans as `true`/`false`; `None`
    /// for `null`, arrays and objects.
    pub fn scalar_text(&self) -> Option<Cow<'_, str>> {
        match self {
            Self::String(s) | Self::Number(s) => Some(Cow::Borrowed(s)),
            Self::Bool(true) => Some(Cow::Borrowed("true")),
            Self::Bool(false) => Some(Cow::Borrowed("false")),
            Self::Null | Self::Array(_) | Self::Object(_) => None,
        }
    }

    /// The elements of an array.
    pub fn as_array(&self) -> Option<&[Self]> {
        match self {
            Self::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members of an object.
    pub fn as_object(&self) -> Option<&[(String, Self)]> {
        match self {
            Self::Object(members) => Some(members),
            _ => None,
        }
    }

    /// `true` for `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }
}

/// The lenient fallback: rewrites a Python literal as JSON text for serde_json.
mod python {
    use std::fmt::Write as _;

    /// Rewrites `text` (a Python dict/list literal) as JSON. Returns the JSON and, for each
    /// token, `(offset in the JSON, offset in text)`; `None` when `text` is not such a
    /// literal.
    pub(super) fn to_json(text: &str) -> Option<(String, Vec<(usize, usize)>)> {
        let mut out = String::with_capacity(text.len().saturating_add(16));
        let mut map = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            map.push((out.len(), i));
            match b {
                b' ' | b'\t' | b'\r' | b'\n' => {
                    out.push(char::from(b));
                    i = i.saturating_add(1);
                }
                b'{' | b'}' | b'[' | b']' | b':' => {
                    out.push(char::from(b));
                    i = i.saturating_add(1);
                }
                b',' => {
                    i = i.saturating_add(1);
                    let next = bytes
                        .get(i..)
                        .and_then(|rest| rest.iter().find(|c| !c.is_ascii_whitespace()));
                    if !matches!(next, Some(b'}' | b']')) {
                        out.push(',');
                    }
                }
                b'\'' | b'"' => {
                    let (value, end) = string(text, i)?;
                    json_string(&value, &mut out);
                    i = end;
                }
                b'-' | b'+' | b'.' | b'0'..=b'9' => {
                    let len = bytes
                        .get(i..)?
                        .iter()
                        .take_while(|c| {
                            c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'+')
                        })
                        .count();
                    out.push_str(text.get(i..i.saturating_add(len))?);
                    i = i.saturating_add(len);
                }
                b'A'..=b'Z' | b'a'..=b'z' | b'_' => {
                    let len = bytes
                        .get(i..)?
                        .iter()
                        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
                        .count();
                    let word = text.get(i..i.saturating_add(len))?;
                    let end = i.saturating_add(len);
                    match (word, bytes.get(end)) {
                        ("u" | "U", Some(b'\'' | b'"')) => {
                            let (value, end) = string(text, end)?;
                            json_string(&value, &mut out);
                            i = end;
                            continue;
                        }
                        ("True" | "true", _) => out.push_str("true"),
                        ("False" | "false", _) => out.push_str("false"),
                        ("None" | "null", _) => out.push_str("null"),
                        _ => return None,
                    }
                    i = end;
                }
                _ => return None,
            }
        }
        Some((out, map))
    }

    /// The offset in the original text of the token that produced `json_offset`.
    pub(super) fn original_offset(map: &[(usize, usize)], json_offset: usize) -> usize {
        let i = map.partition_point(|&(out, _)| out <= json_offset);
        i.checked_sub(1)
            .and_then(|i| map.get(i))
            .map_or(0, |&(_, original)| original)
    }

    fn json_string(value: &str, out: &mut String) {
        out.push('"');
        for c in value.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if u32::from(c) < 0x20 => {
                    let _ = write!(out, "\\u{:04x}", u32::from(c));
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }

    /// A Python string literal starting at `start` (the quote): its value and the offset
    /// after the closing quote.
    fn string(text: &str, start: usize) -> Option<(String, usize)> {
        let quote = text.get(start..)?.chars().next()?;
        let mut value = String::new();
        let mut chars = text
            .get(start.saturating_add(1)..)?
            .char_indices()
            .peekable();
        let base = start.saturating_add(1);
        while let Some((i, c)) = chars.next() {
            match c {
                c if c == quote => return Some((value, base.saturating_add(i).saturating_add(1))),
                '\n' | '\r' => return None,
                '\\' => {
                    let (_, e) = chars.next()?;
                    match e {
                        '\n' => {}
                        '\\' | '\'' | '"' => value.push(e),
                        'a' => value.push('\x07'),
                        'b' => value.push('\x08'),
                        'f' => value.push('\x0c'),
                        'n' => value.push('\n'),
                        'r' => value.push('\r'),
                        't' => value.push('\t'),
                        'v' => value.push('\x0b'),
                        'x' | 'u' | 'U' => {
                            let digits = match e {
                                'x' => 2,
                                'u' => 4,
                                _ => 8,
                            };
                            let mut code = 0u32;
                            for _ in 0..digits {
                                let (_, d) = chars.next()?;
                                code = code.checked_mul(16)?.checked_add(d.to_digit(16)?)?;
                            }
                            value.push(char::from_u32(code)?);
                        }
                        '0'..='7' => {
                            let mut code = e.to_digit(8)?;
                            for _ in 0..2 {
                                match chars.peek().and_then(|&(_, d)| d.to_digit(8)) {
                                    Some(d) => {
                                        code = code.checked_mul(8)?.checked_add(d)?;
                                        chars.next();
                                    }
                                    None => break,
                                }
                            }
                            value.push(char::from_u32(code)?);
                        }
                        other => {
                            // Python keeps unknown escapes as written.
                            value.push('\\');
                            value.push(other);
                        }
                    }
                }
                c => value.push(c),
            }
        }
        None
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn rewrites_python_literals() {
            let (json, _) =
                to_json(r#"{'a': 'it\'s', "b": "say \"hi\"", u'c': [True, False, None,], 'd': '\x41\101\u00e9\n'}"#)
                    .unwrap();
            assert_eq!(
                json,
                r#"{"a": "it's", "b": "say \"hi\"", "c": [true, false, null], "d": "AAé\u000a"}"#
            );
            assert!(to_json("{'a': b}").is_none());
            assert!(to_json("{'a\n'}").is_none());
            assert!(to_json("{'a").is_none());
            assert!(to_json("{'\\ud800': 1}").is_none());
        }

        #[test]
        fn maps_offsets_back() {
            let (json, map) = to_json("{'k':  True}").unwrap();
            assert_eq!(json, "{\"k\":  true}");
            assert_eq!(original_offset(&map, json.find("true").unwrap()), 7);
            assert_eq!(original_offset(&map, 0), 0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_stay_exact() {
        let doc = decode(br#"[35.00, 12345678901234567890123, -0, 1E+3, -4]"#).unwrap();
        let texts: Vec<_> = doc
            .root()
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.scalar_text().unwrap().into_owned())
            .collect();
        // serde_json keeps the digits; only the exponent marker is written as `e`.
        assert_eq!(
            texts,
            ["35.00", "12345678901234567890123", "-0", "1e+3", "-4"]
        );
        assert!(matches!(&doc.root().as_array().unwrap()[0], JsonValue::Number(n) if n == "35.00"));
        assert_eq!(doc.root().as_array().unwrap()[4].as_i64_lenient(), Some(-4));
        assert_eq!(doc.root().as_array().unwrap()[1].as_i64_lenient(), None);
    }

    #[test]
    fn order_and_duplicates_are_kept() {
        let doc = decode(br#"{"b": 1, "a": {"x": null}, "b": "2", "B": true}"#).unwrap();
        let members = doc.root().as_object().unwrap();
        let keys: Vec<_> = members.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "b", "B"]);
        assert_eq!(doc.root().get("B"), Some(&JsonValue::Number("1".into())));
        assert!(doc.root().get("a").unwrap().get("x").unwrap().is_null());
        assert!(doc.flat_pairs().is_none());
    }

    #[test]
    fn a_literal_number_token_key_stays_an_object() {
        let doc = decode(br#"{"$serde_json::private::Number": "5"}"#).unwrap();
        assert_eq!(
            doc.root(),
            &JsonValue::Object(vec![(NUMBER_TOKEN.into(), JsonValue::String("5".into()))])
        );
        let doc = decode(br#"{"\u0024serde_json::private::Number": 5}"#).unwrap();
        assert_eq!(
            doc.root(),
            &JsonValue::Object(vec![(NUMBER_TOKEN.into(), JsonValue::Number("5".into()))])
        );
    }

    #[test]
    fn flat_pairs_of_scalars() {
        let doc =
            decode(br#"{"errorCode": 0, "1_orderStatusReason": null, "ok": false, "s": "x"}"#)
                .unwrap();
        let pairs = doc.flat_pairs().unwrap();
        let pairs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_ref(), v.as_ref()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("errorCode", "0"),
                ("1_orderStatusReason", ""),
                ("ok", "false"),
                ("s", "x")
            ]
        );
        assert!(decode(b"[1]").unwrap().flat_pairs().is_none());
    }

    #[test]
    fn syntax_errors_have_offset_and_line() {
        let err = decode(b"{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!(err.format(), Format::Json);
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::Json {
                detail: "expected `:`".into()
            }
        );
        assert_eq!(err.line(), Some(3));
        assert_eq!(err.offset(), Some(18));
        let err = decode(b"{\"a\": 1} x").unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::Json {
                detail: "trailing characters".into()
            }
        );
        assert_eq!(err.offset(), Some(9));
        let err = decode(b"[1, 2").unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::Json {
                detail: "EOF while parsing a list".into()
            }
        );
        // serde_json points at the last byte read.
        assert_eq!(err.offset(), Some(4));
    }

    #[test]
    fn errors_do_not_leak_values() {
        let err = decode(br#"{"password": "hunter2" "x"}"#).unwrap_err();
        assert!(!err.to_string().contains("hunter2"), "{err}");
    }

    #[test]
    fn empty_and_invalid_utf8() {
        assert_eq!(decode(b" \n").unwrap_err().kind(), &DecodeErrorKind::Empty);
        let err = decode(b"{\"a\":\n\"\xff\"}").unwrap_err();
        assert_eq!(err.kind(), &DecodeErrorKind::InvalidUtf8);
        assert_eq!((err.offset(), err.line()), (Some(7), Some(2)));
    }

    #[test]
    fn depth_limit_is_exact() {
        let limits = Limits {
            max_json_depth: 3,
            ..Limits::DEFAULT
        };
        assert!(decode_with(br#"[{"a": ["[[[[", '[[[']}]"#, &limits).is_ok());
        let err = decode_with(br#"[{"a": [[]]}]"#, &limits).unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::LimitExceeded {
                limit: Limit::JsonDepth,
                max: 3
            }
        );
        assert_eq!(err.offset(), Some(8));
    }

    #[test]
    fn value_limit_is_exact() {
        let limits = Limits {
            max_fields: 4,
            ..Limits::DEFAULT
        };
        assert!(decode_with(br#"{"a": [1, 2], "b": {}}"#, &limits).is_ok());
        let err = decode_with(br#"{"a": [1, 2], "b": {"c": 1}}"#, &limits).unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::LimitExceeded {
                limit: Limit::Fields,
                max: 4
            }
        );
        // In the Python fallback too, with the offset mapped back to the original body
        // (serde_json reports the position after the element that was one too many).
        let err = decode_with(b"{'a': [1, 2, 3, 4, 5]}", &limits).unwrap_err();
        assert!(err.is_limit());
        assert_eq!(err.offset(), Some(18));
        let strict = decode_with(br#"{"a": [1, 2, 3, 4, 5]}"#, &limits).unwrap_err();
        assert_eq!(strict.kind(), err.kind());
        assert_eq!(strict.offset(), Some(18));
    }

    #[test]
    fn python_fallback_only_when_strict_fails() {
        let doc = decode(b"{\"a\": \"it's\"}").unwrap();
        assert!(doc.warnings().is_empty());
        let doc = decode(b"{'a': True, 'b': None, 'c': [1,],}").unwrap();
        assert_eq!(doc.warnings().len(), 1);
        assert_eq!(doc.root().get("a"), Some(&JsonValue::Bool(true)));
        assert!(doc.root().get("b").unwrap().is_null());
        // Neither JSON nor Python: the strict error is reported.
        let err = decode(b"{'a': 1 'b'}").unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::Json {
                detail: "key must be a string".into()
            }
        );
        assert_eq!(err.offset(), Some(1));
    }
}
