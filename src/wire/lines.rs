//! Newline-delimited bodies (`responseFormat=0`, the default of most endpoints).
//!
//! DIGEST §1.4:
//!
//! > Line 1 is an integer status code. If it is negative, line 2 is the error message and
//! > nothing meaningful follows. Otherwise the remaining lines are positional and depend on
//! > request flags.
//!
//! ```text
//! body        = *blank-line status-line *( LF line ) [ LF ]
//! status-line = *WSP [ "+" / "-" ] 1*DIGIT *WSP      ; fits in i32
//! line        = *( any character but LF )            ; CR before LF accepted
//! ```
//!
//! [`decode`] splits the body into the status and the positional lines after it. What it
//! tolerates, and why:
//!
//! * **CRLF** line ends: a Windows-hosted endpoint or a proxy may send them (the CollectSSL
//!   fixture `ok-newline-fqdn-crlf.txt`); accepted, with one
//!   [`WarningKind::CarriageReturn`] for the body.
//! * **Stray whitespace** around a line (spaces, tabs, a lone CR) is trimmed, and **leading
//!   blank lines** before the status and **trailing blank lines** after the last line are
//!   dropped, with one [`WarningKind::StrayWhitespace`] for the body. A single final newline
//!   is normal and not reported.
//! * **Interior blank lines are kept** as empty [`Line`]s: lines are positional
//!   (AutoApplyOrder line 5 is the certificate ID only with `showCertificateID=Y`, DIGEST
//!   §6.3), so removing one would shift the meaning of every line after it.
//!
//! Line numbers ([`Line::number`]) are 1-based lines of the body as received, so they still
//! point at the right place after blank lines were skipped. [`Lines::text_after_status`]
//! gives the raw rest of the body for the PEM or base64 blocks that follow the status line of
//! CollectSSL and CollectPAC.

use nom::IResult;
use nom::character::complete::{digit1, one_of};
use nom::combinator::{all_consuming, map_res, opt, recognize};
use nom::sequence::pair;

use crate::{DecodeError, DecodeErrorKind, Format, Limit, Limits, Warning, WarningKind};

/// Decodes a newline-delimited body with [`Limits::DEFAULT`].
///
/// # Errors
///
/// See [`decode_with`].
///
/// # Examples
///
/// The documentation's AutoApplyOrder sample (DIGEST §13, T5):
///
/// ```
/// let lines = sectigo_codec::wire::lines::decode(b"0\n3040824\n210.00\n1\nTnerFu0d\n")?;
/// assert_eq!(lines.status(), 0);
/// assert_eq!(lines.get(0).unwrap().text(), "3040824");
/// assert_eq!(lines.get(1).unwrap().text(), "210.00");
/// assert_eq!(lines.get(1).unwrap().number(), 3);
/// assert_eq!(lines.lines().len(), 4);
/// # Ok::<(), sectigo_codec::DecodeError>(())
/// ```
pub fn decode(body: &[u8]) -> Result<Lines<'_>, DecodeError> {
    decode_with(body, &Limits::DEFAULT)
}

/// Decodes a newline-delimited body: the status on its first (non-blank) line, then the
/// positional lines.
///
/// # Errors
///
/// All in [`Format::Newline`]:
///
/// * [`DecodeErrorKind::Empty`] when the body is empty or only whitespace;
/// * [`DecodeErrorKind::InvalidInteger`] when the status line is not an optionally signed
///   decimal integer that fits in `i32`, at the status line's number and the offset of its
///   first non-blank character;
/// * [`DecodeErrorKind::InvalidUtf8`] at the first invalid byte and its line;
/// * [`DecodeErrorKind::LimitExceeded`] with [`Limit::BodySize`] or [`Limit::Lines`] (the
///   body has more than `limits.max_lines` lines; a final newline does not start a line).
///
/// # Examples
///
/// ```
/// use sectigo_codec::{DecodeErrorKind, Limits};
/// let err = sectigo_codec::wire::lines::decode_with(b"\n -4x\nmessage", &Limits::DEFAULT)
///     .unwrap_err();
/// assert_eq!(err.kind(), &DecodeErrorKind::InvalidInteger);
/// assert_eq!((err.line(), err.offset()), (Some(2), Some(2)));
/// ```
pub fn decode_with<'a>(body: &'a [u8], limits: &Limits) -> Result<Lines<'a>, DecodeError> {
    if body.len() > limits.max_body_size {
        return Err(limit(Limit::BodySize, limits.max_body_size).at(limits.max_body_size));
    }
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(err) => {
            let offset = err.valid_up_to();
            let line = count_lines(body.get(..offset).unwrap_or_default());
            return Err(
                DecodeError::new(Format::Newline, DecodeErrorKind::InvalidUtf8)
                    .at(offset)
                    .on_line(line),
            );
        }
    };

    let mut state = State::default();
    let mut status: Option<(i32, usize)> = None; // (status, end of the status line)
    let mut lines: Vec<Line<'a>> = Vec::new();
    let mut start = 0;
    let mut number = 0usize;
    let bytes = text.as_bytes();
    while start < text.len() {
        number = number.saturating_add(1);
        if number > limits.max_lines {
            return Err(limit(Limit::Lines, limits.max_lines)
                .at(start)
                .on_line(number));
        }
        let rest = bytes.get(start..).unwrap_or_default();
        let (end, next) = match memchr::memchr(b'\n', rest) {
            Some(i) => (
                start.saturating_add(i),
                start.saturating_add(i).saturating_add(1),
            ),
            None => (text.len(), text.len()),
        };
        let raw = text.get(start..end).unwrap_or_default();
        let (trimmed, lead) = state.trim(raw, start);
        let offset = start.saturating_add(lead);
        match status {
            None if trimmed.is_empty() => state.stray(offset),
            None => {
                let value = parse_status(trimmed).ok_or_else(|| {
                    DecodeError::new(Format::Newline, DecodeErrorKind::InvalidInteger)
                        .at(offset)
                        .on_line(number)
                })?;
                status = Some((value, next));
            }
            Some(_) => lines.push(Line {
                text: trimmed,
                number,
                offset,
            }),
        }
        start = next;
    }
    let Some((status, after_status)) = status else {
        return Err(DecodeError::new(Format::Newline, DecodeErrorKind::Empty).at(0));
    };
    // Trailing blank lines carry no position.
    let kept = lines
        .iter()
        .rposition(|line| !line.text.is_empty())
        .map_or(0, |i| i.saturating_add(1));
    if let Some(first_dropped) = lines.get(kept) {
        state.stray(first_dropped.offset);
        lines.truncate(kept);
    }
    Ok(Lines {
        status,
        lines,
        after_status: text.get(after_status..).unwrap_or_default(),
        warnings: state.warnings,
    })
}

/// The status integer: `[+-]digits`, fitting in `i32`.
fn status_integer(input: &str) -> IResult<&str, i32> {
    all_consuming(map_res(
        recognize(pair(opt(one_of("+-")), digit1)),
        str::parse::<i32>,
    ))(input)
}

fn parse_status(line: &str) -> Option<i32> {
    status_integer(line).ok().map(|(_, value)| value)
}

fn count_lines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count().saturating_add(1)
}

fn limit(limit: Limit, max: usize) -> DecodeError {
    DecodeError::new(
        Format::Newline,
        DecodeErrorKind::LimitExceeded { limit, max },
    )
}

/// Warnings, each reported once per body.
#[derive(Default)]
struct State {
    warnings: Vec<Warning>,
    carriage_return: bool,
    stray: bool,
}

impl State {
    /// Trims a line; returns the text and how many bytes were cut at its start.
    fn trim<'a>(&mut self, raw: &'a str, start: usize) -> (&'a str, usize) {
        let (body, had_cr) = match raw.strip_suffix('\r') {
            Some(body) => (body, true),
            None => (raw, false),
        };
        if had_cr && !self.carriage_return {
            self.carriage_return = true;
            self.warnings.push(
                Warning::new(Format::Newline, WarningKind::CarriageReturn)
                    .at(start.saturating_add(body.len())),
            );
        }
        let is_space = |c: char| matches!(c, ' ' | '\t' | '\r' | '\x0b' | '\x0c');
        let left = body.trim_start_matches(is_space);
        let lead = body.len().saturating_sub(left.len());
        let trimmed = left.trim_end_matches(is_space);
        if trimmed.len() != body.len() && !trimmed.is_empty() {
            self.stray(start.saturating_add(if lead > 0 { 0 } else { trimmed.len() }));
        } else if trimmed.is_empty() && !body.is_empty() {
            self.stray(start);
        }
        (trimmed, lead)
    }

    fn stray(&mut self, offset: usize) {
        if !self.stray {
            self.stray = true;
            self.warnings
                .push(Warning::new(Format::Newline, WarningKind::StrayWhitespace).at(offset));
        }
    }
}

/// A decoded newline-delimited body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lines<'a> {
    status: i32,
    lines: Vec<Line<'a>>,
    after_status: &'a str,
    warnings: Vec<Warning>,
}

impl<'a> Lines<'a> {
    /// The status code from the first line (`< 0` is an error; see DIGEST §1.5).
    pub fn status(&self) -> i32 {
        self.status
    }

    /// The lines after the status line, trimmed, interior blank lines kept as empty lines,
    /// trailing blank lines dropped.
    pub fn lines(&self) -> &[Line<'a>] {
        &self.lines
    }

    /// The `i`-th line after the status line (0 = the line right after it).
    pub fn get(&self, i: usize) -> Option<&Line<'a>> {
        self.lines.get(i)
    }

    /// The text of the `i`-th line after the status line.
    pub fn text(&self, i: usize) -> Option<&'a str> {
        self.lines.get(i).map(|line| line.text)
    }

    /// The raw rest of the body after the status line's line end (untrimmed; empty when the
    /// status line is the last line), for the PEM or base64 blocks that follow it.
    pub fn text_after_status(&self) -> &'a str {
        self.after_status
    }

    /// The deviations from the format that were tolerated.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }
}

/// One line after the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    text: &'a str,
    number: usize,
    offset: usize,
}

impl<'a> Line<'a> {
    /// The text, without its line end and surrounding whitespace (empty for a blank line).
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The 1-based line number in the body (the status line is usually line 1).
    pub fn number(&self) -> usize {
        self.number
    }

    /// Byte offset of the text in the body (its first non-blank character; the line start
    /// for a blank line).
    pub fn offset(&self) -> usize {
        self.offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(lines: &Lines<'a>) -> Vec<&'a str> {
        lines.lines().iter().map(Line::text).collect()
    }

    #[test]
    fn status_accepts_sign_and_i32_range() {
        assert_eq!(parse_status("0"), Some(0));
        assert_eq!(parse_status("-16"), Some(-16));
        assert_eq!(parse_status("+2"), Some(2));
        assert_eq!(parse_status("2147483647"), Some(i32::MAX));
        assert_eq!(parse_status("-2147483648"), Some(i32::MIN));
        for bad in [
            "2147483648",
            "-2147483649",
            "",
            "-",
            "1.0",
            "1 2",
            "x",
            "٣",
            "--1",
        ] {
            assert_eq!(parse_status(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn lf_without_final_newline() {
        let lines = decode(b"2\nshop.example.com\n-----BEGIN").unwrap();
        assert_eq!(lines.status(), 2);
        assert_eq!(texts(&lines), ["shop.example.com", "-----BEGIN"]);
        assert_eq!(lines.text_after_status(), "shop.example.com\n-----BEGIN");
        assert_eq!(lines.get(1).unwrap().number(), 3);
        assert_eq!(lines.get(1).unwrap().offset(), 19);
        assert!(lines.warnings().is_empty());
    }

    #[test]
    fn crlf_is_accepted_with_one_warning() {
        let lines = decode(b"-4\r\nThe value is invalid!\r\nx\r\n").unwrap();
        assert_eq!(lines.status(), -4);
        assert_eq!(texts(&lines), ["The value is invalid!", "x"]);
        assert_eq!(lines.warnings().len(), 1);
        assert_eq!(lines.warnings()[0].kind(), WarningKind::CarriageReturn);
        assert_eq!(lines.warnings()[0].offset(), Some(2));
    }

    #[test]
    fn blank_lines_leading_interior_trailing() {
        let lines = decode(b"\n\n  1 \n123\n\n35.00\n\n\n").unwrap();
        assert_eq!(lines.status(), 1);
        // The interior blank line keeps its position; trailing ones are dropped.
        assert_eq!(texts(&lines), ["123", "", "35.00"]);
        assert_eq!(lines.get(0).unwrap().number(), 4);
        assert_eq!(lines.get(1).unwrap().number(), 5);
        assert_eq!(lines.get(1).unwrap().offset(), 11);
        assert_eq!(lines.warnings().len(), 1);
        assert_eq!(lines.warnings()[0].kind(), WarningKind::StrayWhitespace);
        assert_eq!(lines.warnings()[0].offset(), Some(0));
    }

    #[test]
    fn stray_whitespace_is_trimmed_with_one_warning() {
        let lines = decode(b"0\n\t123 \n 35.00\n").unwrap();
        assert_eq!(texts(&lines), ["123", "35.00"]);
        assert_eq!(lines.get(0).unwrap().offset(), 3);
        assert_eq!(lines.warnings().len(), 1);
        assert_eq!(lines.warnings()[0].kind(), WarningKind::StrayWhitespace);
        assert_eq!(lines.warnings()[0].offset(), Some(2));
    }

    #[test]
    fn status_only() {
        let lines = decode(b"0").unwrap();
        assert_eq!(lines.status(), 0);
        assert!(lines.lines().is_empty());
        assert_eq!(lines.text_after_status(), "");
        let lines = decode(b"0\n").unwrap();
        assert_eq!(lines.text_after_status(), "");
        assert!(lines.warnings().is_empty());
    }

    #[test]
    fn errors_name_line_and_offset() {
        let err = decode(b"x\nmessage").unwrap_err();
        assert_eq!(err.format(), Format::Newline);
        assert_eq!(err.kind(), &DecodeErrorKind::InvalidInteger);
        assert_eq!((err.line(), err.offset()), (Some(1), Some(0)));
        for empty in [&b""[..], b"\n", b" \r\n\t\n"] {
            let err = decode(empty).unwrap_err();
            assert_eq!(err.kind(), &DecodeErrorKind::Empty, "{empty:?}");
        }
        let err = decode(b"0\nok\nbad\xff").unwrap_err();
        assert_eq!(err.kind(), &DecodeErrorKind::InvalidUtf8);
        assert_eq!((err.line(), err.offset()), (Some(3), Some(8)));
    }

    #[test]
    fn line_limit_is_exact() {
        let limits = Limits {
            max_lines: 3,
            ..Limits::DEFAULT
        };
        assert_eq!(decode_with(b"0\na\nb\n", &limits).unwrap().lines().len(), 2);
        let err = decode_with(b"0\na\nb\nc", &limits).unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::LimitExceeded {
                limit: Limit::Lines,
                max: 3
            }
        );
        assert_eq!((err.line(), err.offset()), (Some(4), Some(6)));
        let limits = Limits {
            max_body_size: 3,
            ..Limits::DEFAULT
        };
        assert!(decode_with(b"0\na", &limits).is_ok());
        assert!(decode_with(b"0\nab", &limits).unwrap_err().is_limit());
    }
}
