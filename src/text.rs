//! Hygiene checks for subject attribute values (organizationName, localityName, ...) and
//! the matching AutoApplyOrder parameters (DIGEST §6.1, §6.4).
//!
//! Sectigo accepts any DirectoryString content; the Baseline Requirements and the linters
//! behind them (`shared/research/csr-lint-anchors.md` §2.6) do not:
//!
//! * **Metadata-only values and placeholders** (BR 7.1.4.3 "metadata such as '.', '-', and
//!   ' ' … MUST NOT be included"). zlint, pkilint and certlint only catch punctuation-only
//!   values; nobody catches the textual placeholders `N/A`, `none`, `unknown` or the defaults
//!   that `openssl req` (`Some-State`, `Internet Widgits Pty Ltd`), Red Hat's `openssl.cnf`
//!   (`Default City`, `Default Company Ltd`, country `XX`) and Java's keytool (`Unknown`) put
//!   into a CSR when the user presses Enter. [`placeholder`] does.
//! * **PrintableString alphabet** (X.680 §41.4): `A-Z a-z 0-9 space ' ( ) + , - . / : = ?`;
//!   `countryName` must be a PrintableString, and zlint refuses a PrintableString with any
//!   other character (`e_subject_printable_string_badalpha`). [`printable_string_ok`].
//! * **Control characters** U+0000-U+001F and U+007F-U+009F (zlint
//!   `e_subject_dn_not_printable_characters`, x509lint `ERR_NON_PRINTABLE`).
//! * **Leading or trailing white space** (zlint `w_subject_dn_leading_whitespace`,
//!   `..._trailing_whitespace`).
//! * **Mojibake**: UTF-8 that was read as Latin-1 or Windows-1252 and encoded again, such as
//!   `MÃ¼nchen` for `München` or `Caf‚Ã©` (zlint `e_utf8_latin1_mixup`).
//! * **HTML entities** left in a value, `AT&amp;T` (pkilint
//!   `attribute_value_contains_html_entity`).
//!
//! [`check_text`] runs them all and returns typed [`TextProblem`]s.
//!
//! ```
//! use sectigo_codec::text::{check_text, placeholder, TextProblem};
//!
//! assert_eq!(placeholder("Some-State"), Some("Some-State"));
//! assert_eq!(placeholder("n/a"), Some("N/A"));
//! assert_eq!(placeholder("Acme Ltd"), None);
//! assert_eq!(
//!     check_text(" MÃ¼nchen"),
//!     [TextProblem::LeadingWhitespace, TextProblem::Mojibake { offset: 2 }]
//! );
//! ```

use core::fmt;

/// Placeholders, compared case-insensitively with the trimmed value. The returned spelling is
/// the first column.
const PLACEHOLDERS: &[&str] = &[
    // "Not applicable" and friends.
    "N/A",
    "NA",
    "N.A.",
    "N/D",
    "None",
    "Null",
    "Nil",
    "Unknown",
    "Undefined",
    "Not applicable",
    "Not available",
    "Empty",
    "Blank",
    "Default",
    "Test",
    "Example",
    "Changeme",
    "XX",
    "XXX",
    // openssl req defaults (openssl.cnf of OpenSSL upstream and Red Hat).
    "Some-State",
    "Internet Widgits Pty Ltd",
    "Default City",
    "Default Company Ltd",
    // Prompt texts and generic words typed into the prompts.
    "Some-City",
    "City",
    "State",
    "Province",
    "Locality",
    "Company",
    "Company Name",
    "My Company",
    "Your Company",
    "Organization",
    "Organisation",
    "Organizational Unit",
    "Section",
];

/// The placeholder `value` is, if it is one: metadata only (nothing but punctuation or white
/// space, returned as `"."`, `"-"` or the description `"punctuation or white space only"`),
/// a "not applicable" marker (`N/A`, `none`, `null`, `unknown`, ...), or a default value of
/// `openssl req` (`Some-State`, `Internet Widgits Pty Ltd`, `Default City`, `Default Company
/// Ltd`) or keytool (`Unknown`). Returns the placeholder's canonical spelling.
///
/// Matching ignores case and surrounding white space. Do not call it for `countryName`: `NA`
/// (Namibia) is a country and `XX` is allowed there (see [`crate::country`]).
///
/// ```
/// use sectigo_codec::text::placeholder;
/// assert_eq!(placeholder("  NONE "), Some("None"));
/// assert_eq!(placeholder("Internet Widgits Pty Ltd"), Some("Internet Widgits Pty Ltd"));
/// assert_eq!(placeholder("."), Some("."));
/// assert_eq!(placeholder(" -- "), Some("punctuation or white space only"));
/// assert_eq!(placeholder("Nairobi"), None);
/// ```
pub fn placeholder(value: &str) -> Option<&'static str> {
    let trimmed = value.trim();
    if !trimmed.chars().any(char::is_alphanumeric) {
        return Some(match trimmed {
            "." => ".",
            "-" => "-",
            _ => "punctuation or white space only",
        });
    }
    PLACEHOLDERS
        .iter()
        .copied()
        .find(|p| p.eq_ignore_ascii_case(trimmed))
}

/// Whether `c` is in the PrintableString alphabet: `A-Z a-z 0-9`, space and
/// `' ( ) + , - . / : = ?`.
pub const fn is_printable_string_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            ' ' | '\'' | '(' | ')' | '+' | ',' | '-' | '.' | '/' | ':' | '=' | '?'
        )
}

/// The first character of `s` that a PrintableString cannot hold, or `None` when all of `s`
/// can be a PrintableString.
///
/// ```
/// use sectigo_codec::text::printable_string_ok;
/// assert_eq!(printable_string_ok("Acme (UK) Ltd."), None);
/// assert_eq!(printable_string_ok("AT&T"), Some('&'));
/// assert_eq!(printable_string_ok("Zürich"), Some('ü'));
/// ```
pub fn printable_string_ok(s: &str) -> Option<char> {
    s.chars().find(|&c| !is_printable_string_char(c))
}

/// The byte offset and code point of the first control character (U+0000-U+001F,
/// U+007F-U+009F) in `s`.
///
/// ```
/// assert_eq!(sectigo_codec::text::control_character("a\tb"), Some((1, 0x09)));
/// ```
pub fn control_character(s: &str) -> Option<(usize, u32)> {
    s.char_indices()
        .find(|(_, c)| c.is_control())
        .map(|(offset, c)| (offset, u32::from(c)))
}

/// The byte offset of the first sequence in `s` that looks like UTF-8 decoded as Latin-1 or
/// Windows-1252 (`Ã©` for `é`, `â€™` for `’`): a character that is a UTF-8 lead byte in
/// those code pages followed by characters that are the continuation bytes of a valid UTF-8
/// sequence.
///
/// ```
/// use sectigo_codec::text::mojibake;
/// assert_eq!(mojibake("Société"), None);
/// assert_eq!(mojibake("SociÃ©tÃ©"), Some(4));
/// assert_eq!(mojibake("Acme’s"), None);
/// assert_eq!(mojibake("Acmeâ€™s"), Some(4));
/// ```
pub fn mojibake(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    while let Some((offset, c)) = chars.next() {
        let Some(lead) = code_page_byte(c) else {
            continue;
        };
        let continuation = match lead {
            0xC2..=0xDF => 1,
            0xE0..=0xEF => 2,
            0xF0..=0xF4 => 3,
            _ => continue,
        };
        let mut bytes = [lead, 0, 0, 0];
        let mut ahead = chars.clone();
        let mut complete = true;
        for slot in bytes.iter_mut().skip(1).take(continuation) {
            match ahead.next().and_then(|(_, c)| code_page_byte(c)) {
                Some(byte @ 0x80..=0xBF) => *slot = byte,
                _ => {
                    complete = false;
                    break;
                }
            }
        }
        let sequence = bytes.get(..=continuation).unwrap_or_default();
        if complete && core::str::from_utf8(sequence).is_ok() {
            return Some(offset);
        }
    }
    None
}

/// The byte a character stands for in Latin-1 / Windows-1252, when it is one of the
/// characters those code pages map bytes 0x80-0xFF to.
fn code_page_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    if (0xA0..=0xFF).contains(&code) || (0x80..=0x9F).contains(&code) {
        return u8::try_from(code).ok();
    }
    // Windows-1252 0x80-0x9F.
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

/// Named entities recognised by [`html_entity`]: the ones that turn up in copied values.
const ENTITIES: &[&str] = &[
    "amp", "lt", "gt", "quot", "apos", "nbsp", "copy", "reg", "trade", "eacute", "uuml", "ouml",
    "auml", "szlig",
];

/// The byte offset of the first HTML character reference in `s`: a common named entity
/// (`&amp;`, `&nbsp;`, `&eacute;`, ...) or a numeric one (`&#38;`, `&#x26;`).
///
/// ```
/// use sectigo_codec::text::html_entity;
/// assert_eq!(html_entity("AT&amp;T"), Some(2));
/// assert_eq!(html_entity("Smith &#38; Sons"), Some(6));
/// assert_eq!(html_entity("AT&T"), None);
/// ```
pub fn html_entity(s: &str) -> Option<usize> {
    s.match_indices('&')
        .map(|(offset, _)| offset)
        .find(|&offset| {
            let rest = s.get(offset.saturating_add(1)..).unwrap_or_default();
            let Some((reference, _)) = rest.split_once(';') else {
                return false;
            };
            if let Some(number) = reference.strip_prefix('#') {
                match number.strip_prefix(['x', 'X']) {
                    Some(hex) => {
                        (1..=6).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit())
                    }
                    None => {
                        (1..=7).contains(&number.len())
                            && number.bytes().all(|b| b.is_ascii_digit())
                    }
                }
            } else {
                ENTITIES.contains(&reference)
            }
        })
}

/// A problem with a subject attribute value or a text parameter, from [`check_text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TextProblem {
    /// The value is empty.
    Empty,
    /// A control character.
    ControlCharacter {
        /// Byte offset of the first one.
        offset: usize,
        /// Its code point.
        code_point: u32,
    },
    /// White space at the start.
    LeadingWhitespace,
    /// White space at the end.
    TrailingWhitespace,
    /// A placeholder or metadata-only value ([`placeholder`]).
    Placeholder {
        /// The placeholder recognised.
        placeholder: &'static str,
    },
    /// UTF-8 read as Latin-1/Windows-1252 ([`mojibake`]).
    Mojibake {
        /// Byte offset of the first suspicious sequence.
        offset: usize,
    },
    /// An HTML character reference ([`html_entity`]).
    HtmlEntity {
        /// Byte offset of the `&`.
        offset: usize,
    },
}

impl TextProblem {
    /// A stable kebab-case identifier, e.g. `"text-placeholder"`.
    pub const fn id(&self) -> &'static str {
        match self {
            Self::Empty => "text-empty",
            Self::ControlCharacter { .. } => "text-control-character",
            Self::LeadingWhitespace => "text-leading-whitespace",
            Self::TrailingWhitespace => "text-trailing-whitespace",
            Self::Placeholder { .. } => "text-placeholder",
            Self::Mojibake { .. } => "text-mojibake",
            Self::HtmlEntity { .. } => "text-html-entity",
        }
    }

    /// Whether the value cannot be used (`true`: empty, control characters) or this is
    /// advice.
    pub const fn is_error(&self) -> bool {
        matches!(self, Self::Empty | Self::ControlCharacter { .. })
    }

    /// A sentence saying what is wrong and what to change.
    pub fn message(&self) -> String {
        match self {
            Self::Empty => "the value is empty; give a value or leave the attribute out".into(),
            Self::ControlCharacter { offset, code_point } => format!(
                "the value contains the control character U+{code_point:04X} at byte \
                 {offset}; remove it"
            ),
            Self::LeadingWhitespace => "the value starts with white space; remove it".into(),
            Self::TrailingWhitespace => "the value ends with white space; remove it".into(),
            Self::Placeholder { placeholder } => format!(
                "the value is a placeholder ({placeholder}); give the real value or leave the \
                 attribute out"
            ),
            Self::Mojibake { offset } => format!(
                "the value looks like UTF-8 text decoded as Latin-1 at byte {offset} (like \
                 \"Ã©\" for \"é\"); re-enter it in UTF-8"
            ),
            Self::HtmlEntity { offset } => format!(
                "the value contains an HTML character reference at byte {offset} (like \
                 \"&amp;\"); write the character itself"
            ),
        }
    }
}

impl fmt::Display for TextProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// Runs every check of this module on one value, in a fixed order: empty, control
/// characters, leading and trailing white space, placeholder, mojibake, HTML entity.
///
/// The PrintableString alphabet is not checked here: it matters only for values encoded as
/// PrintableString, which the caller knows; use [`printable_string_ok`].
///
/// ```
/// use sectigo_codec::text::{check_text, TextProblem};
/// assert!(check_text("Acme Widgets Ltd").is_empty());
/// assert_eq!(check_text("N/A "), [
///     TextProblem::TrailingWhitespace,
///     TextProblem::Placeholder { placeholder: "N/A" },
/// ]);
/// ```
pub fn check_text(value: &str) -> Vec<TextProblem> {
    let mut problems = Vec::new();
    if value.is_empty() {
        problems.push(TextProblem::Empty);
        return problems;
    }
    if let Some((offset, code_point)) = control_character(value) {
        problems.push(TextProblem::ControlCharacter { offset, code_point });
    }
    let blank = value.trim().is_empty();
    if !blank {
        if value.starts_with(char::is_whitespace) {
            problems.push(TextProblem::LeadingWhitespace);
        }
        if value.ends_with(char::is_whitespace) {
            problems.push(TextProblem::TrailingWhitespace);
        }
    }
    if let Some(placeholder) = placeholder(value) {
        problems.push(TextProblem::Placeholder { placeholder });
    }
    if let Some(offset) = mojibake(value) {
        problems.push(TextProblem::Mojibake { offset });
    }
    if let Some(offset) = html_entity(value) {
        problems.push(TextProblem::HtmlEntity { offset });
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Windows-1252 bytes 0x80-0x9F (undefined ones as the C1 control of the same value).
    const CP1252_80_9F: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8d}Ž\u{8f}\u{90}‘’“”•–—˜™š›œ\u{9d}žŸ";

    #[test]
    fn code_page_round_trip_of_every_two_byte_character() {
        // Every Latin-1 supplement and Latin Extended character, encoded as UTF-8 and read
        // back as Windows-1252, must be caught.
        for code in 0xA0u32..0x800 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let mut buf = [0u8; 4];
            let utf8 = c.encode_utf8(&mut buf).as_bytes();
            let garbled: String = utf8
                .iter()
                .map(|&b| {
                    // Windows-1252 where defined, Latin-1 elsewhere.
                    if (0x80..=0x9F).contains(&b) {
                        CP1252_80_9F.chars().nth(usize::from(b - 0x80)).unwrap()
                    } else {
                        char::from(b)
                    }
                })
                .collect();
            assert_eq!(mojibake(&garbled), Some(0), "U+{code:04X} -> {garbled:?}");
        }
    }

    #[test]
    fn placeholders_are_unique_ignoring_case() {
        for (i, a) in PLACEHOLDERS.iter().enumerate() {
            for b in &PLACEHOLDERS[i + 1..] {
                assert!(!a.eq_ignore_ascii_case(b), "{a} / {b}");
            }
        }
    }
}
