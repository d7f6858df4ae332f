//! Subject value hygiene: control characters, stray whitespace, placeholders, mojibake, HTML
//! entities (zlint, pkilint and certlint checks; the placeholder list goes beyond all of them).

use super::subject::Known;
use super::{Report, RuleId};

/// Lints one decoded subject value.
pub(crate) fn lint_value(known: Known, value: &str, offset: usize, report: &mut Report) {
    let what = known.short_name();
    let at = Some(offset);
    if let Some(c) = value
        .chars()
        .find(|&c| c < ' ' || ('\u{7F}'..='\u{9F}').contains(&c))
    {
        report.push(
            RuleId::SubjectControlCharacter,
            at,
            format!(
                "{what} contains the control character U+{:04X}; remove it",
                u32::from(c)
            ),
        );
    }
    if value.starts_with(char::is_whitespace) || value.ends_with(char::is_whitespace) {
        report.push(
            RuleId::SubjectWhitespace,
            at,
            format!("{what} has leading or trailing whitespace; trim it"),
        );
    }
}
