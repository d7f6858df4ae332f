//! Subject value hygiene: control characters, stray whitespace, placeholders, mojibake, HTML
//! entities ([`crate::text`]: zlint, pkilint and certlint checks; the placeholder list goes
//! beyond all of them).

use super::subject::Known;
use super::{Report, RuleId};
use crate::text::{TextProblem, check_text};

/// Lints one decoded, non-empty subject value.
pub(crate) fn lint_value(known: Known, value: &str, offset: usize, report: &mut Report) {
    let what = known.short_name();
    let at = Some(offset);
    let mut whitespace_reported = false;
    for problem in check_text(value) {
        let rule = match problem {
            TextProblem::ControlCharacter { .. } => RuleId::SubjectControlCharacter,
            TextProblem::LeadingWhitespace | TextProblem::TrailingWhitespace => {
                if whitespace_reported {
                    continue;
                }
                whitespace_reported = true;
                RuleId::SubjectWhitespace
            }
            // countryName has its own check (XX is valid there, NA is Namibia); a CN is a
            // name, linted as one.
            TextProblem::Placeholder { .. } if matches!(known, Known::C | Known::Cn) => continue,
            TextProblem::Placeholder { .. } => RuleId::SubjectPlaceholder,
            TextProblem::Mojibake { .. } => RuleId::SubjectMojibake,
            TextProblem::HtmlEntity { .. } => RuleId::SubjectHtmlEntity,
            // Empty values are reported by the caller; future kinds are advice at most.
            _ => continue,
        };
        report.push(rule, at, format!("{what} {value:?}: {}", problem.message()));
    }
}
