//! JavaScript variable declarations: the `responseEncoding=2` bodies of CollectPAC,
//! CollectSMIME and CollectCCC (DIGEST §3.3).
//!
//! > `responseEncoding=2`: body is JavaScript variable declarations: `g_ccc` = the Base64
//! > structure selected by responseType, `g_errorCode` = the status code, `g_errorMessage` =
//! > the error message. No example body is given anywhere we could read; exact syntax
//! > (`var`? quoting? semicolons? line breaks inside the Base64?) is UNCONFIRMED. Parse
//! > leniently.
//!
//! # Accepted syntax
//!
//! ```text
//! body        = *( ws / ";" / declaration / surrounding-text )
//! declaration = [ ("var" / "let" / "const") 1*ws ] [ "window" "." ] name
//!               [ *SP "=" *ws value ] *( "," name [ "=" value ] ) *SP ( ";" / LF / EOF )
//! name        = ( ALPHA / "_" / "$" ) *( ALNUM / "_" / "$" )
//! value       = string *( *ws "+" *ws string )        ; concatenation, across lines
//!             / [ "+" / "-" ] 1*DIGIT [ "." 1*DIGIT ] [ ("e" / "E") [ "+" / "-" ] 1*DIGIT ]
//!             / "true" / "false" / "null" / "undefined"
//! string      = "'" *char "'" / DQUOTE *char DQUOTE  ; JavaScript escapes
//! ws          = whitespace / "//" comment / "/*" comment "*/"
//! ```
//!
//! Strings accept the JavaScript escapes `\n \r \t \b \f \v \0`, `\\ \' \" \/` (and any
//! other character escaping itself), `\xHH`, `\uXXXX` (surrogate pairs combined),
//! `\u{X...}`, legacy octal, and line continuations (a backslash before a line end). A
//! string without escapes is borrowed from the body.
//!
//! Anything that does not start a declaration (a `<script>` wrapper, an HTML comment, a
//! function call) is *surrounding text*: it is skipped up to the next `;`, line end, `>`,
//! `{` or `}`, and reported once as [`WarningKind::SurroundingText`]. Once a name and `=`
//! have been read, the parser is committed: a malformed value is an error
//! ([`DecodeErrorKind::JavaScript`]) rather than silently skipped text, so a truncated
//! `g_ccc` cannot go unnoticed.
//!
//! Every step either consumes input or ends the parse, and text before a failed declaration
//! start is never re-read more than twice, so decoding is linear in the body size.

use std::borrow::Cow;

use nom::IResult;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_till, take_until, take_while};
use nom::character::complete::{char, digit1, multispace1, one_of, satisfy, space0};
use nom::combinator::{opt, recognize};
use nom::error::{ErrorKind, ParseError};
use nom::multi::many0_count;
use nom::sequence::{pair, terminated, tuple};

use crate::{DecodeError, DecodeErrorKind, Format, Limit, Limits, Warning, WarningKind};

/// Decodes JavaScript variable declarations with [`Limits::DEFAULT`].
///
/// # Errors
///
/// See [`decode_with`].
///
/// # Examples
///
/// ```
/// let body = b"var g_errorCode = 2;\nvar g_errorMessage = '';\nvar g_ccc = 'MIIQ' +\n  'zQYJ';\n";
/// let vars = sectigo_codec::wire::js::decode(body)?;
/// assert_eq!(vars.get("g_errorCode").unwrap().value().as_i64_lenient(), Some(2));
/// assert_eq!(vars.get("g_ccc").unwrap().value().as_str(), Some("MIIQzQYJ"));
/// assert_eq!(vars.get("g_errorMessage").unwrap().value().as_str(), Some(""));
/// # Ok::<(), sectigo_codec::DecodeError>(())
/// ```
pub fn decode(body: &[u8]) -> Result<JsVariables<'_>, DecodeError> {
    decode_with(body, &Limits::DEFAULT)
}

/// Decodes JavaScript variable declarations.
///
/// # Errors
///
/// All in [`Format::JavaScript`], with the byte offset:
///
/// * [`DecodeErrorKind::Empty`] for an empty or whitespace-only body;
/// * [`DecodeErrorKind::InvalidUtf8`] when the body is not UTF-8;
/// * [`DecodeErrorKind::JavaScript`] for a malformed value after `name =` (unterminated
///   string, invalid escape, missing `;` or line break, ...) or an unterminated comment;
/// * [`DecodeErrorKind::UnrecognisedFormat`] when the body contains no declaration at all;
/// * [`DecodeErrorKind::LimitExceeded`] with [`Limit::BodySize`], or [`Limit::JsVariables`]
///   for more than `limits.max_js_variables` declarations.
///
/// # Examples
///
/// ```
/// use sectigo_codec::{DecodeErrorKind, Limits, WarningKind};
/// let vars = sectigo_codec::wire::js::decode_with(
///     b"<script>window.g_errorCode=-16; g_errorMessage=\"Denied\\u0021\"</script>",
///     &Limits::DEFAULT,
/// )?;
/// assert_eq!(vars.get("g_errorCode").unwrap().value().as_i64_lenient(), Some(-16));
/// assert_eq!(vars.get("g_errorMessage").unwrap().value().as_str(), Some("Denied!"));
/// assert_eq!(vars.warnings()[0].kind(), WarningKind::SurroundingText);
///
/// let err = sectigo_codec::wire::js::decode(b"var g_ccc = 'MIIQ").unwrap_err();
/// assert_eq!(err.kind(), &DecodeErrorKind::JavaScript { detail: "unterminated string literal" });
/// assert_eq!(err.offset(), Some(12));
/// # Ok::<(), sectigo_codec::DecodeError>(())
/// ```
pub fn decode_with<'a>(body: &'a [u8], limits: &Limits) -> Result<JsVariables<'a>, DecodeError> {
    if body.len() > limits.max_body_size {
        return Err(DecodeError::new(
            Format::JavaScript,
            DecodeErrorKind::LimitExceeded {
                limit: Limit::BodySize,
                max: limits.max_body_size,
            },
        )
        .at(limits.max_body_size));
    }
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(err) => {
            return Err(
                DecodeError::new(Format::JavaScript, DecodeErrorKind::InvalidUtf8)
                    .at(err.valid_up_to()),
            );
        }
    };
    if text.trim().is_empty() {
        return Err(DecodeError::new(Format::JavaScript, DecodeErrorKind::Empty).at(0));
    }
    let offset_of = |rest: &str| text.len().saturating_sub(rest.len());
    let js_error = |e: JsError<'_>| {
        DecodeError::new(
            Format::JavaScript,
            DecodeErrorKind::JavaScript { detail: e.detail },
        )
        .at(offset_of(e.at))
    };

    let mut variables: Vec<JsVariable<'a>> = Vec::new();
    let mut warnings = Vec::new();
    let mut rest = text;
    loop {
        rest = match ws(rest) {
            Ok((r, ())) => r,
            Err(nom::Err::Failure(e) | nom::Err::Error(e)) => return Err(js_error(e)),
            Err(nom::Err::Incomplete(_)) => return Err(js_error(JsError::new(rest, "incomplete"))),
        };
        if rest.is_empty() {
            break;
        }
        if let Some(r) = rest.strip_prefix(';') {
            rest = r;
            continue;
        }
        match declaration(rest) {
            Ok((r, declarators)) => {
                for declarator in declarators {
                    let offset = offset_of(declarator.name_at);
                    if variables.len() >= limits.max_js_variables {
                        return Err(DecodeError::new(
                            Format::JavaScript,
                            DecodeErrorKind::LimitExceeded {
                                limit: Limit::JsVariables,
                                max: limits.max_js_variables,
                            },
                        )
                        .at(offset));
                    }
                    variables.push(JsVariable {
                        name: declarator.name,
                        offset,
                        value_offset: declarator.value_at.map(offset_of),
                        value: declarator.value,
                    });
                }
                rest = r;
            }
            Err(nom::Err::Error(_)) => {
                if warnings.is_empty() {
                    warnings.push(
                        Warning::new(Format::JavaScript, WarningKind::SurroundingText)
                            .at(offset_of(rest)),
                    );
                }
                let skip = rest
                    .find([';', '\n', '>', '{', '}'])
                    .map_or(rest.len(), |i| i.saturating_add(1));
                rest = rest.get(skip..).unwrap_or_default();
            }
            Err(nom::Err::Failure(e)) => return Err(js_error(e)),
            Err(nom::Err::Incomplete(_)) => return Err(js_error(JsError::new(rest, "incomplete"))),
        }
    }
    if variables.is_empty() {
        return Err(DecodeError::new(
            Format::JavaScript,
            DecodeErrorKind::UnrecognisedFormat {
                expected: "JavaScript variable declarations",
            },
        )
        .at(0));
    }
    Ok(JsVariables {
        variables,
        warnings,
    })
}

/// Parser error: where, and what was expected there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct JsError<'a> {
    at: &'a str,
    detail: &'static str,
}

impl<'a> JsError<'a> {
    fn new(at: &'a str, detail: &'static str) -> Self {
        Self { at, detail }
    }
}

impl<'a> ParseError<&'a str> for JsError<'a> {
    fn from_error_kind(input: &'a str, _kind: ErrorKind) -> Self {
        Self::new(input, "unexpected input")
    }

    fn append(_input: &'a str, _kind: ErrorKind, other: Self) -> Self {
        other
    }
}

type Res<'a, T> = IResult<&'a str, T, JsError<'a>>;

/// A committed parse error.
fn fail<'a, T>(at: &'a str, detail: &'static str) -> Res<'a, T> {
    Err(nom::Err::Failure(JsError::new(at, detail)))
}

/// `/* ... */`; an unterminated comment is an error.
fn block_comment(input: &str) -> Res<'_, &str> {
    let (rest, _) = tag("/*")(input)?;
    match take_until::<_, _, JsError<'_>>("*/")(rest) {
        Ok((rest, body)) => Ok((rest.get(2..).unwrap_or_default(), body)),
        Err(_) => fail(input, "unterminated comment"),
    }
}

/// `// ...` up to (not including) the line end.
fn line_comment(input: &str) -> Res<'_, &str> {
    recognize(pair(tag("//"), take_till(|c| c == '\n')))(input)
}

/// Whitespace (line ends included) and comments.
fn ws(input: &str) -> Res<'_, ()> {
    let (rest, _) = many0_count(alt((multispace1, line_comment, block_comment)))(input)?;
    Ok((rest, ()))
}

/// Spaces, tabs and comments on the current line (used only after a committed `=`).
fn ws_inline(input: &str) -> Res<'_, ()> {
    let (rest, _) = many0_count(alt((
        nom::character::complete::space1,
        line_comment,
        block_comment,
    )))(input)?;
    Ok((rest, ()))
}

fn identifier(input: &str) -> Res<'_, &str> {
    recognize(pair(
        satisfy(|c| c.is_ascii_alphabetic() || c == '_' || c == '$'),
        take_while(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$'),
    ))(input)
}

/// One `name [= value]` of a declaration.
struct Declarator<'a> {
    name: &'a str,
    /// The body from the name on (for its offset).
    name_at: &'a str,
    value: JsValue<'a>,
    value_at: Option<&'a str>,
}

/// A declaration statement, possibly with several comma-separated declarators.
///
/// Returns a recoverable error (surrounding text) unless `name =` (or `var name` followed by
/// a terminator) has been read; after that, errors are failures.
fn declaration(input: &str) -> Res<'_, Vec<Declarator<'_>>> {
    let keyword = terminated(alt((tag("var"), tag("let"), tag("const"))), multispace1);
    let window = tuple((tag("window"), space0, char('.'), space0));
    // Only spaces and tabs here: text that turns out not to be a declaration is re-read as
    // surrounding text, so this part must not scan far (see the module docs).
    let (rest, kw) = opt(keyword)(input)?;
    let (name_at, _) = opt(window)(rest)?;
    let (rest, name) = terminated(identifier, space0)(name_at)?;
    let mut declarators = Vec::new();
    let (mut rest, mut first) = declarator_tail(rest, (name, name_at), kw.is_some())?;
    loop {
        declarators.push(first);
        // After a value: spaces and comments, then `,` (another declarator) or the end of
        // the statement.
        let (r, ()) = ws_inline(rest)?;
        if let Some(r) = r.strip_prefix(',') {
            let (name_at, ()) = ws(r)?;
            let Ok((r, name)) = identifier(name_at) else {
                return fail(name_at, "expected a variable name after `,`");
            };
            let (r, _) = space0(r)?;
            match declarator_tail(r, (name, name_at), true) {
                Ok((r, next)) => {
                    rest = r;
                    first = next;
                    continue;
                }
                Err(nom::Err::Error(e)) => return Err(nom::Err::Failure(e)),
                Err(other) => return Err(other),
            }
        }
        return match r.chars().next() {
            Some(';') => Ok((r.get(1..).unwrap_or_default(), declarators)),
            None | Some('\n' | '\r' | '<' | '}') => Ok((r, declarators)),
            Some(_) => fail(r, "expected `;` or a line break after the value"),
        };
    }
}

/// After a name (and the body from the name on): `= value`, or (after `var`, or a `,`)
/// nothing.
fn declarator_tail<'a>(
    input: &'a str,
    (name, name_at): (&'a str, &'a str),
    declared: bool,
) -> Res<'a, Declarator<'a>> {
    if let Some(after) = input.strip_prefix('=') {
        if after.starts_with('=') {
            // `a == b`: a comparison, not an assignment.
            return Err(nom::Err::Error(JsError::new(input, "not a declaration")));
        }
        let (after, ()) = ws(after).map_err(to_failure)?;
        let (rest, value) = value(after)?;
        return Ok((
            rest,
            Declarator {
                name,
                name_at,
                value,
                value_at: Some(after),
            },
        ));
    }
    // `var name;` declares without a value (undefined).
    let bare_end = input.is_empty() || input.starts_with([';', ',', '\n', '\r']);
    if declared && bare_end {
        return Ok((
            input,
            Declarator {
                name,
                name_at,
                value: JsValue::Null,
                value_at: None,
            },
        ));
    }
    Err(nom::Err::Error(JsError::new(input, "not a declaration")))
}

fn to_failure(err: nom::Err<JsError<'_>>) -> nom::Err<JsError<'_>> {
    match err {
        nom::Err::Error(e) => nom::Err::Failure(e),
        other => other,
    }
}

/// A value after `=` (committed: every error is a failure).
fn value(input: &str) -> Res<'_, JsValue<'_>> {
    if input.starts_with(['\'', '"']) {
        return concatenation(input);
    }
    if let Ok((rest, number)) = number(input) {
        return Ok((rest, JsValue::Number(number)));
    }
    if let Ok((rest, word)) = identifier(input) {
        let value = match word {
            "true" => Some(JsValue::Bool(true)),
            "false" => Some(JsValue::Bool(false)),
            "null" | "undefined" => Some(JsValue::Null),
            _ => None,
        };
        if let Some(value) = value {
            return Ok((rest, value));
        }
    }
    fail(input, "expected a string, number, true, false or null")
}

fn number(input: &str) -> Res<'_, &str> {
    recognize(tuple((
        opt(one_of("+-")),
        digit1,
        opt(pair(char('.'), digit1)),
        opt(tuple((one_of("eE"), opt(one_of("+-")), digit1))),
    )))(input)
}

/// `'a' + "b" + ...`, the `+` possibly on another line.
fn concatenation(input: &str) -> Res<'_, JsValue<'_>> {
    let (mut rest, first) = string(input)?;
    let mut value = first;
    loop {
        let (r, ()) = ws(rest)?;
        let Some(r) = r.strip_prefix('+') else {
            // No `+`: the whitespace belongs to what follows.
            return Ok((rest, JsValue::String(value)));
        };
        let (r, ()) = ws(r)?;
        if !r.starts_with(['\'', '"']) {
            return fail(r, "expected a string literal after `+`");
        }
        let (r, next) = string(r)?;
        value.to_mut().push_str(&next);
        rest = r;
    }
}

/// A quoted string literal; borrowed when it has no escapes.
fn string(input: &str) -> Res<'_, Cow<'_, str>> {
    let mut chars = input.char_indices();
    let Some((_, quote @ ('\'' | '"'))) = chars.next() else {
        return fail(input, "expected a string literal");
    };
    let mut out: Option<String> = None;
    while let Some((i, c)) = chars.next() {
        match c {
            c if c == quote => {
                let rest = input.get(i.saturating_add(1)..).unwrap_or_default();
                let value = match out {
                    Some(owned) => Cow::Owned(owned),
                    None => Cow::Borrowed(input.get(1..i).unwrap_or_default()),
                };
                return Ok((rest, value));
            }
            '\n' | '\r' => break,
            '\\' => {
                let buf = out.get_or_insert_with(|| input.get(1..i).unwrap_or_default().to_owned());
                let at = input.get(i..).unwrap_or_default();
                escape(&mut chars, buf, input, at)?;
            }
            c => {
                if let Some(buf) = out.as_mut() {
                    buf.push(c);
                }
            }
        }
    }
    fail(input, "unterminated string literal")
}

/// One escape after a backslash (at `at`), appended to `out`.
fn escape<'a>(
    chars: &mut std::str::CharIndices<'a>,
    out: &mut String,
    literal: &'a str,
    at: &'a str,
) -> Result<(), nom::Err<JsError<'a>>> {
    let Some((_, e)) = chars.next() else {
        return Err(failure(literal, "unterminated string literal"));
    };
    match e {
        'n' => out.push('\n'),
        'r' => out.push('\r'),
        't' => out.push('\t'),
        'b' => out.push('\x08'),
        'f' => out.push('\x0c'),
        'v' => out.push('\x0b'),
        // Line continuation: the backslash and the line end vanish.
        '\n' | '\u{2028}' | '\u{2029}' => {}
        '\r' => {
            if chars.as_str().starts_with('\n') {
                chars.next();
            }
        }
        '0'..='7' => {
            // `\0` and the legacy octal escapes (at most 0o377).
            let mut code = e.to_digit(8).unwrap_or(0);
            for _ in 0..2 {
                let next = chars.as_str().chars().next().and_then(|d| d.to_digit(8));
                match next {
                    Some(d) if code.saturating_mul(8).saturating_add(d) <= 0o377 => {
                        code = code.saturating_mul(8).saturating_add(d);
                        chars.next();
                    }
                    _ => break,
                }
            }
            out.push(char::from_u32(code).unwrap_or('\0'));
        }
        'x' => {
            let code = hex_digits(chars, 2).ok_or_else(|| failure(at, "invalid \\x escape"))?;
            out.push(char::from_u32(code).ok_or_else(|| failure(at, "invalid \\x escape"))?);
        }
        'u' => {
            let code = unicode_escape(chars).ok_or_else(|| failure(at, "invalid \\u escape"))?;
            let c = if (0xD800..0xDC00).contains(&code) {
                // A high surrogate must be followed by `\u` and a low surrogate.
                let low = chars
                    .as_str()
                    .strip_prefix("\\u")
                    .and_then(|s| s.get(..4))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .filter(|low| (0xDC00..0xE000).contains(low))
                    .ok_or_else(|| failure(at, "unpaired surrogate in \\u escape"))?;
                for _ in 0..6 {
                    chars.next();
                }
                let combined = 0x10000u32
                    .saturating_add((code.saturating_sub(0xD800)) << 10)
                    .saturating_add(low.saturating_sub(0xDC00));
                char::from_u32(combined)
            } else {
                char::from_u32(code)
            };
            out.push(c.ok_or_else(|| failure(at, "unpaired surrogate in \\u escape"))?);
        }
        // `\\ \' \" \/` and every other character escape themselves.
        other => out.push(other),
    }
    Ok(())
}

fn failure<'a>(at: &'a str, detail: &'static str) -> nom::Err<JsError<'a>> {
    nom::Err::Failure(JsError::new(at, detail))
}

/// Exactly `n` hexadecimal digits.
fn hex_digits(chars: &mut std::str::CharIndices<'_>, n: usize) -> Option<u32> {
    let mut code = 0u32;
    for _ in 0..n {
        let (_, d) = chars.next()?;
        code = code.checked_mul(16)?.checked_add(d.to_digit(16)?)?;
    }
    Some(code)
}

/// After `\u`: four hex digits, or `{` one to six hex digits `}`.
fn unicode_escape(chars: &mut std::str::CharIndices<'_>) -> Option<u32> {
    if chars.as_str().starts_with('{') {
        chars.next();
        let mut code = 0u32;
        let mut digits = 0u32;
        loop {
            let (_, d) = chars.next()?;
            if d == '}' {
                break;
            }
            code = code.checked_mul(16)?.checked_add(d.to_digit(16)?)?;
            digits = digits.saturating_add(1);
            if digits > 6 {
                return None;
            }
        }
        if digits == 0 || code > 0x10FFFF {
            return None;
        }
        Some(code)
    } else {
        hex_digits(chars, 4)
    }
}

/// The declarations of a JavaScript body, in body order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsVariables<'a> {
    variables: Vec<JsVariable<'a>>,
    warnings: Vec<Warning>,
}

impl<'a> JsVariables<'a> {
    /// Every declaration, in body order (a name declared twice appears twice).
    pub fn variables(&self) -> &[JsVariable<'a>] {
        &self.variables
    }

    /// The variable named `name` (ASCII case-insensitive, like every name in this API,
    /// DIGEST §1.3). When it is declared more than once, the last declaration wins, as
    /// when the script runs.
    pub fn get(&self, name: &str) -> Option<&JsVariable<'a>> {
        self.variables
            .iter()
            .rev()
            .find(|variable| variable.name.eq_ignore_ascii_case(name))
    }

    /// The deviations that were tolerated ([`WarningKind::SurroundingText`]).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }
}

/// One declared variable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsVariable<'a> {
    name: &'a str,
    value: JsValue<'a>,
    offset: usize,
    value_offset: Option<usize>,
}

impl<'a> JsVariable<'a> {
    /// The name, without `var` or `window.`.
    pub fn name(&self) -> &'a str {
        self.name
    }

    /// The value.
    pub fn value(&self) -> &JsValue<'a> {
        &self.value
    }

    /// Byte offset of the name in the body.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Byte offset of the value in the body (`None` for `var name;` without a value).
    pub fn value_offset(&self) -> Option<usize> {
        self.value_offset
    }

    /// The value, consuming the variable.
    pub fn into_value(self) -> JsValue<'a> {
        self.value
    }
}

/// A literal value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsValue<'a> {
    /// A string (concatenated literals joined; escapes decoded).
    String(Cow<'a, str>),
    /// A number, as written (`-16`, `2`, `1.5e3`).
    Number(&'a str),
    /// `true` or `false`.
    Bool(bool),
    /// `null`, `undefined`, or a declaration without a value.
    Null,
}

impl JsValue<'_> {
    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    /// An integer, written as a number (`-16`) or as a string (`'-16'`).
    pub fn as_i64_lenient(&self) -> Option<i64> {
        match self {
            Self::Number(n) => n.parse().ok(),
            Self::String(s) => s.trim().parse().ok(),
            Self::Bool(_) | Self::Null => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(body: &str) -> JsValue<'_> {
        let vars = decode(body.as_bytes()).unwrap();
        assert_eq!(vars.variables().len(), 1, "{body}");
        vars.variables()[0].value().clone()
    }

    #[test]
    fn declaration_forms() {
        for body in [
            "var a = 1;",
            "let a=1",
            "const a = 1\n",
            "a = 1",
            "window.a = 1;",
            "var window.a = 1;",
            "  var   a\t=\t1 ; ",
            "var a = /* c */ 1 // trailing\n",
        ] {
            let vars = decode(body.as_bytes()).unwrap();
            assert_eq!(vars.variables().len(), 1, "{body}");
            assert_eq!(vars.variables()[0].name(), "a", "{body}");
            assert_eq!(vars.variables()[0].value(), &JsValue::Number("1"), "{body}");
            assert!(vars.warnings().is_empty(), "{body}");
        }
    }

    #[test]
    fn values() {
        assert_eq!(one("a = -16"), JsValue::Number("-16"));
        assert_eq!(one("a = +1.5e-3"), JsValue::Number("+1.5e-3"));
        assert_eq!(one("a = true"), JsValue::Bool(true));
        assert_eq!(one("a = false;"), JsValue::Bool(false));
        assert_eq!(one("a = null;"), JsValue::Null);
        assert_eq!(one("a = undefined;"), JsValue::Null);
        assert_eq!(one("var a;"), JsValue::Null);
        assert_eq!(one("a = ''"), JsValue::String(Cow::Borrowed("")));
        assert!(matches!(
            one("a = 'plain'"),
            JsValue::String(Cow::Borrowed("plain"))
        ));
    }

    #[test]
    fn escapes() {
        let v = one(r#"a = '\n\r\t\b\f\v\0\\\'\"\/\q\x41\u00e9\u{1F600}\uD83D\uDE00\101'"#);
        assert_eq!(v.as_str(), Some("\n\r\t\x08\x0c\x0b\0\\'\"/qAé😀😀A"));
        assert_eq!(one("a = 'ab\\\ncd'").as_str(), Some("abcd"));
        assert_eq!(one("a = 'ab\\\r\ncd'").as_str(), Some("abcd"));
        assert_eq!(one("a = \"it's\"").as_str(), Some("it's"));
        for (body, detail, offset) in [
            ("a = '\\x4'", "invalid \\x escape", 5),
            ("a = '\\u12'", "invalid \\u escape", 5),
            ("a = '\\u{110000}'", "invalid \\u escape", 5),
            ("a = '\\uD83D'", "unpaired surrogate in \\u escape", 5),
            ("a = '\\uDE00'", "unpaired surrogate in \\u escape", 5),
            ("a = 'x\ny'", "unterminated string literal", 4),
            ("a = 'x\\", "unterminated string literal", 4),
        ] {
            let err = decode(body.as_bytes()).unwrap_err();
            assert_eq!(
                err.kind(),
                &DecodeErrorKind::JavaScript { detail },
                "{body}"
            );
            assert_eq!(err.offset(), Some(offset), "{body}");
        }
    }

    #[test]
    fn concatenation_across_lines() {
        let v = one("var g = 'ab' +\n  \"cd\"\n  + 'ef' // c\n + /* c */ 'gh';");
        assert_eq!(v.as_str(), Some("abcdefgh"));
        let err = decode(b"var g = 'ab' + 1;").unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::JavaScript {
                detail: "expected a string literal after `+`"
            }
        );
        assert_eq!(err.offset(), Some(15));
    }

    #[test]
    fn several_declarators_and_duplicates() {
        let vars = decode(b"var a = 1, b = 'x', c;\na = 2").unwrap();
        let names: Vec<_> = vars.variables().iter().map(JsVariable::name).collect();
        assert_eq!(names, ["a", "b", "c", "a"]);
        assert_eq!(vars.get("A").unwrap().value(), &JsValue::Number("2"));
        assert_eq!(vars.get("a").unwrap().offset(), 23);
        assert_eq!(vars.get("b").unwrap().value_offset(), Some(15));
        assert_eq!(vars.get("c").unwrap().value_offset(), None);
    }

    #[test]
    fn surrounding_text_is_skipped_once() {
        let body = "<html><script type=\"text/javascript\">\n<!--\nvar g_errorCode = 0;\ndocument.write(g_errorCode);\n//-->\n</script></html>";
        let vars = decode(body.as_bytes()).unwrap();
        assert_eq!(vars.variables().len(), 1);
        assert_eq!(
            vars.get("g_errorCode").unwrap().value(),
            &JsValue::Number("0")
        );
        assert_eq!(vars.warnings().len(), 1);
        assert_eq!(vars.warnings()[0].kind(), WarningKind::SurroundingText);
        assert_eq!(vars.warnings()[0].offset(), Some(0));
        // `==` is a comparison, not a declaration.
        for body in [
            &b"if (a == 1) {}\nb = 2"[..],
            b"a == 1;\nb = 2",
            b"a(1);b=2",
        ] {
            let vars = decode(body).unwrap();
            assert_eq!(vars.variables().len(), 1);
            assert_eq!(vars.variables()[0].name(), "b");
            assert_eq!(vars.warnings()[0].offset(), Some(0));
        }
    }

    #[test]
    fn committed_errors() {
        for (body, detail, offset) in [
            (
                "var a = b;",
                "expected a string, number, true, false or null",
                8,
            ),
            (
                "var a = 1 2;",
                "expected `;` or a line break after the value",
                10,
            ),
            (
                "var a = 'x' 'y';",
                "expected `;` or a line break after the value",
                12,
            ),
            ("var a = 1, ;", "expected a variable name after `,`", 11),
            ("var a = 1;\n/* open", "unterminated comment", 11),
            (
                "var a = ",
                "expected a string, number, true, false or null",
                8,
            ),
        ] {
            let err = decode(body.as_bytes()).unwrap_err();
            assert_eq!(err.format(), Format::JavaScript);
            assert_eq!(
                err.kind(),
                &DecodeErrorKind::JavaScript { detail },
                "{body}"
            );
            assert_eq!(err.offset(), Some(offset), "{body}");
        }
    }

    #[test]
    fn no_declaration_is_an_error() {
        for body in [&b"<html></html>"[..], b";;;", b"// only a comment\n"] {
            let err = decode(body).unwrap_err();
            assert!(
                matches!(err.kind(), DecodeErrorKind::UnrecognisedFormat { .. }),
                "{err}"
            );
        }
        assert_eq!(decode(b" \n").unwrap_err().kind(), &DecodeErrorKind::Empty);
        assert_eq!(
            decode(b"a = '\xff'").unwrap_err().kind(),
            &DecodeErrorKind::InvalidUtf8
        );
    }

    #[test]
    fn variable_limit_is_exact() {
        let limits = Limits {
            max_js_variables: 2,
            ..Limits::DEFAULT
        };
        assert_eq!(
            decode_with(b"a=1;b=2", &limits).unwrap().variables().len(),
            2
        );
        let err = decode_with(b"a=1;b=2;c=3", &limits).unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::LimitExceeded {
                limit: Limit::JsVariables,
                max: 2
            }
        );
        assert_eq!(err.offset(), Some(8));
    }
}
