//! Violations: what the server would refuse, found before the request is sent.
//!
//! Each [`Violation`] carries the error code the server answers with (DIGEST §1.5, §6.5),
//! the parameter it concerns and a message that says what to change. Messages never repeat a
//! parameter's value (it may be a secret); they give lengths, allowed values and names.
//!
//! | Code | Server message | Raised for |
//! |---|---|---|
//! | `-1` | Request was not made over https! | a plain `http://` base URL (allowed only for CollectPAC/CollectSMIME with a `collectionCode`, §1.1) |
//! | `-2` | 'xxxx' is an unrecognised argument! | an extra parameter the endpoint does not document ([`Rule::UnknownParameter`]) |
//! | `-3` | The 'xxxx' argument is missing! | a required parameter absent or empty ([`Rule::Missing`], [`Rule::MissingOneOf`], [`Rule::Requires`]) |
//! | `-4` | The value of the 'xxxx' argument is invalid! | a value too long, malformed, not among the documented values, or inconsistent with another parameter |
//! | `-7` | 'xx' is not a valid ISO-3166 country! | AutoApplyOrder `countryName`, `joiCountryName`, `appRepCountryName` |
//! | `-58`, `-59`, `-81` | (see DIGEST §6.5) | product combinations ([`crate::product::CombinationProblem::server_code`]) |
//! | `-68` | Argument 'xxxx' can be used just with License products! | `previousOrderNumber` with a certificate |
//! | `-115` | (no price found) | a `days` value the product is not sold for |
//!
//! Client-side rules the server has no documented code for (a parameter given twice, an
//! extra parameter that shadows a typed field, two alternatives given together) use `-4`,
//! the code of an invalid value; their [`Rule`] says which rule it is.

use core::fmt;

use crate::product::CombinationProblem;

/// Which rule a [`Violation`] breaks. Stable identifiers: [`Rule::id`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// A required parameter is absent or empty (`-3`).
    Missing,
    /// None of a set of alternative parameters is given (`-3`), e.g. CollectSSL's
    /// `orderNumber` / `certificateID` / `baseOrderNumber`.
    MissingOneOf,
    /// More than one of a set of alternatives is given (`-4`).
    MoreThanOneOf,
    /// The value is longer than the documented maximum, counted in characters (`-4`).
    TooLong {
        /// The documented maximum, in characters.
        max: usize,
    },
    /// The value does not have the documented syntax: not digits, not `YYYY-MM-DD`, not an
    /// e-mail address, not alphanumeric, not `Y`/`N`, not a documented code (`-4`).
    Malformed,
    /// The value is well-formed but not offered by this endpoint or product (`-4`).
    NotAllowed,
    /// The value needs another parameter to have a certain value, or to be present (`-3` when
    /// the other parameter is missing, `-4` when it has the wrong value).
    Requires,
    /// Two parameters that exclude each other are both given (`-4`).
    Conflict,
    /// Not a current ISO 3166-1 alpha-2 code in upper case (`-7`).
    InvalidCountry,
    /// An extra parameter the endpoint does not document (`-2`).
    UnknownParameter,
    /// The same parameter given twice (names compared case-insensitively) (`-4`).
    RepeatedParameter,
    /// An extra parameter names a parameter the request has a typed field for (`-4`): set the
    /// field, so the value is checked.
    ShadowsTypedField,
    /// A problem with the combination of product codes (code from
    /// [`CombinationProblem::server_code`]).
    Product(CombinationProblem),
    /// The product is not sold for this many `days` (`-115`, "no price found").
    DaysNotOffered,
    /// `previousOrderNumber` with a certificate product (`-68`).
    LicenceOnly,
    /// The base URL is plain HTTP where HTTPS is required (`-1`).
    InsecureTransport,
}

impl Rule {
    /// A stable kebab-case identifier.
    pub fn id(&self) -> &'static str {
        match self {
            Self::Missing => "missing",
            Self::MissingOneOf => "missing-one-of",
            Self::MoreThanOneOf => "more-than-one-of",
            Self::TooLong { .. } => "too-long",
            Self::Malformed => "malformed",
            Self::NotAllowed => "not-allowed",
            Self::Requires => "requires",
            Self::Conflict => "conflict",
            Self::InvalidCountry => "invalid-country",
            Self::UnknownParameter => "unknown-parameter",
            Self::RepeatedParameter => "repeated-parameter",
            Self::ShadowsTypedField => "shadows-typed-field",
            Self::Product(problem) => problem.id(),
            Self::DaysNotOffered => "days-not-offered",
            Self::LicenceOnly => "licence-only",
            Self::InsecureTransport => "insecure-transport",
        }
    }
}

/// One reason the server would refuse a request.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Violation {
    /// The error code the server answers with (`-2`, `-3`, `-4`, `-7`, ...).
    pub code: i32,
    /// The parameter's canonical wire name (`queryType`, `IP Addresses`), the caller's
    /// spelling for an extra parameter, or empty for a request-level problem (`-1`).
    pub parameter: String,
    /// The rule broken.
    pub rule: Rule,
    /// What is wrong and what to change. Never contains the parameter's value.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.parameter.is_empty() {
            write!(f, "[{}] {}", self.code, self.message)
        } else {
            write!(f, "[{} {}] {}", self.code, self.parameter, self.message)
        }
    }
}

/// Every violation found in a request; the error of `to_http`. Never empty when returned as
/// an error.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Violations(Vec<Violation>);

impl Violations {
    /// Wraps a list of violations.
    pub fn new(violations: Vec<Violation>) -> Self {
        Self(violations)
    }

    /// The violations, in the order found (roughly the parameter table's order, then
    /// cross-field rules, then extra parameters).
    pub fn as_slice(&self) -> &[Violation] {
        &self.0
    }

    /// The violations, by value.
    pub fn into_vec(self) -> Vec<Violation> {
        self.0
    }

    /// An iterator over the violations.
    pub fn iter(&self) -> core::slice::Iter<'_, Violation> {
        self.0.iter()
    }

    /// How many.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether one of them concerns `parameter` (case-insensitive) with this code.
    pub fn contains(&self, code: i32, parameter: &str) -> bool {
        self.0
            .iter()
            .any(|v| v.code == code && v.parameter.eq_ignore_ascii_case(parameter))
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        write!(
            f,
            "the request would be refused ({n} violation{})",
            if n == 1 { "" } else { "s" }
        )?;
        for (i, v) in self.0.iter().enumerate() {
            f.write_str(if i == 0 { ": " } else { "; " })?;
            fmt::Display::fmt(v, f)?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Violations {
    type Item = &'a Violation;
    type IntoIter = core::slice::Iter<'a, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl From<Vec<Violation>> for Violations {
    fn from(violations: Vec<Violation>) -> Self {
        Self(violations)
    }
}

/// Collects violations while a request is checked.
#[derive(Debug, Default)]
pub(crate) struct Checker {
    out: Vec<Violation>,
}

impl Checker {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    pub(crate) fn finish(self) -> Vec<Violation> {
        self.out
    }

    pub(crate) fn push(&mut self, code: i32, parameter: &str, rule: Rule, message: String) {
        self.out.push(Violation {
            code,
            parameter: parameter.to_owned(),
            rule,
            message,
        });
    }

    /// `-3`: the parameter is required.
    pub(crate) fn missing(&mut self, name: &str) {
        self.push(
            -3,
            name,
            Rule::Missing,
            format!("the '{name}' argument is missing; it is required"),
        );
    }

    /// `-4`: the value has the wrong syntax; `expected` says what it should be.
    pub(crate) fn malformed(&mut self, name: &str, expected: &str) {
        self.push(
            -4,
            name,
            Rule::Malformed,
            format!("the value of '{name}' is invalid: expected {expected}"),
        );
    }

    /// `-4`: the value is not offered; `why` explains.
    pub(crate) fn not_allowed(&mut self, name: &str, why: &str) {
        self.push(
            -4,
            name,
            Rule::NotAllowed,
            format!("the value of '{name}' is not allowed: {why}"),
        );
    }

    /// `-4` when longer than `max` characters (the documentation counts characters).
    pub(crate) fn max_chars(&mut self, name: &str, value: &str, max: usize) {
        // Cheap exit: a string of at most `max` bytes has at most `max` characters.
        if value.len() <= max {
            return;
        }
        let chars = value.chars().count();
        if chars > max {
            self.push(
                -4,
                name,
                Rule::TooLong { max },
                format!(
                    "the value of '{name}' is too long: {chars} characters, at most {max} allowed"
                ),
            );
        }
    }

    /// A required string: `-3` when empty, `-4` when longer than `max` characters.
    pub(crate) fn required(&mut self, name: &str, value: &str, max: usize) {
        if value.is_empty() {
            self.missing(name);
        } else {
            self.max_chars(name, value, max);
        }
    }

    /// An optional string: `-4` when longer than `max` characters.
    pub(crate) fn optional(&mut self, name: &str, value: Option<&String>, max: usize) {
        if let Some(value) = value {
            self.max_chars(name, value, max);
        }
    }

    /// An identifier documented as an integer (certificateID, baseOrderNumber, ...): 1 to
    /// `max_digits` ASCII digits.
    pub(crate) fn digits(&mut self, name: &str, value: Option<&String>, max_digits: usize) {
        let Some(value) = value else { return };
        if value.is_empty() {
            self.missing(name);
        } else if !value.bytes().all(|b| b.is_ascii_digit()) {
            self.malformed(name, "decimal digits");
        } else if value.len() > max_digits {
            self.push(
                -4,
                name,
                Rule::TooLong { max: max_digits },
                format!(
                    "the value of '{name}' is too long: {} digits, at most {max_digits} allowed",
                    value.len()
                ),
            );
        }
    }

    /// An e-mail address of at most `max` characters.
    pub(crate) fn email(&mut self, name: &str, value: Option<&String>, max: usize) {
        let Some(value) = value else { return };
        if !is_email_address(value) {
            self.malformed(name, "an e-mail address (local-part@domain.tld)");
        } else {
            self.max_chars(name, value, max);
        }
    }

    /// A country code: `-7` unless a current ISO 3166-1 alpha-2 code in upper case.
    pub(crate) fn country(&mut self, name: &str, value: Option<&String>) {
        let Some(value) = value else { return };
        if crate::country::is_iso3166_alpha2(value) {
            return;
        }
        let hint = match crate::country::suggest(value) {
            Some(code) => format!("; did you mean {code}?"),
            None => String::new(),
        };
        self.push(
            -7,
            name,
            Rule::InvalidCountry,
            format!(
                "the value of '{name}' is not a valid ISO-3166 country: give a current ISO \
                 3166-1 alpha-2 code in upper case{hint}"
            ),
        );
    }

    /// A date `YYYY-MM-DD` that exists in the calendar.
    pub(crate) fn date(&mut self, name: &str, value: Option<&String>) {
        let Some(value) = value else { return };
        if !is_iso_date(value) {
            self.malformed(name, "a calendar date YYYY-MM-DD");
        }
    }

    /// ASCII letters and digits only, 1 to `max` of them (`uniqueValue`).
    pub(crate) fn alphanumeric(&mut self, name: &str, value: Option<&String>, max: usize) {
        let Some(value) = value else { return };
        if value.is_empty() || !value.bytes().all(|b| b.is_ascii_alphanumeric()) {
            self.malformed(name, "ASCII letters and digits only");
        } else {
            self.max_chars(name, value, max);
        }
    }

    /// Exactly one of `present` (name, given?) pairs: `-3` when none, `-4` on each extra one.
    pub(crate) fn exactly_one_of(&mut self, present: &[(&str, bool)]) {
        let names: Vec<&str> = present.iter().map(|(n, _)| *n).collect();
        let list = names.join(", ");
        let given: Vec<&str> = present
            .iter()
            .filter(|(_, p)| *p)
            .map(|(n, _)| *n)
            .collect();
        match given.as_slice() {
            [] => {
                let first = names.first().copied().unwrap_or_default();
                self.push(
                    -3,
                    first,
                    Rule::MissingOneOf,
                    format!("the '{first}' argument is missing: give exactly one of {list}"),
                );
            }
            [_] => {}
            [first, rest @ ..] => {
                for name in rest {
                    self.push(
                        -4,
                        name,
                        Rule::MoreThanOneOf,
                        format!(
                            "'{name}' is given together with '{first}': give exactly one of {list}"
                        ),
                    );
                }
            }
        }
    }

    /// Checks the caller's extra parameters against the endpoint's table.
    ///
    /// * an empty name is always refused (`-2`);
    /// * unless `allow_unknown`: a name the endpoint has a typed field for is refused
    ///   ([`Rule::ShadowsTypedField`]); a name neither typed nor in `untyped` (documented but
    ///   not modelled, e.g. AutoApplyOrder's deprecated `years`) is unknown (`-2`); a name
    ///   given twice is refused ([`Rule::RepeatedParameter`]). Names are compared ASCII
    ///   case-insensitively (DIGEST §1.3, quirk 11).
    pub(crate) fn extra(
        &mut self,
        extra: &[(String, String)],
        typed: &[&str],
        aliases: &[(&str, &str)],
        untyped: &[&str],
        allow_unknown: bool,
    ) {
        for (i, (name, _)) in extra.iter().enumerate() {
            if name.is_empty() {
                self.push(
                    -2,
                    "",
                    Rule::UnknownParameter,
                    format!("extra parameter {} has an empty name", i.saturating_add(1)),
                );
                continue;
            }
            if allow_unknown {
                continue;
            }
            let canonical = typed
                .iter()
                .copied()
                .find(|t| t.eq_ignore_ascii_case(name))
                .or_else(|| {
                    aliases
                        .iter()
                        .find(|(alias, _)| alias.eq_ignore_ascii_case(name))
                        .map(|(_, canonical)| *canonical)
                });
            if let Some(canonical) = canonical {
                self.push(
                    -4,
                    name,
                    Rule::ShadowsTypedField,
                    format!(
                        "'{name}' is passed as an extra parameter, but the request has a field \
                         for '{canonical}': set the field (so its value is checked) or allow \
                         unknown parameters"
                    ),
                );
            } else if !untyped.iter().any(|t| t.eq_ignore_ascii_case(name)) {
                self.push(
                    -2,
                    name,
                    Rule::UnknownParameter,
                    format!(
                        "'{name}' is an unrecognised argument for this endpoint; remove it, \
                         check its spelling, or allow unknown parameters if Sectigo added it"
                    ),
                );
            }
            let earlier = extra
                .get(..i)
                .unwrap_or_default()
                .iter()
                .any(|(other, _)| other.eq_ignore_ascii_case(name));
            if earlier {
                self.push(
                    -4,
                    name,
                    Rule::RepeatedParameter,
                    format!("'{name}' is given more than once; give it once"),
                );
            }
        }
    }
}

/// E-mail syntax, pragmatically (RFC 5321 §4.1.2 `Mailbox` with a dot-atom local part, RFC
/// 6531 UTF-8 allowed): `local@domain`, local part 1-64 bytes of atext and dots (no leading,
/// trailing or double dot), domain 1-253 bytes of at least two dot-separated labels of
/// letters, digits and hyphens (or non-ASCII, for IDNs), no label starting or ending with a
/// hyphen, top-level label not all digits. Quoted local parts and address literals
/// (`user@[192.0.2.1]`) are refused: no DCV or contact address uses them.
pub(crate) fn is_email_address(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    let atext =
        |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c) || !c.is_ascii();
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(atext));
    if !local_ok || domain.is_empty() || domain.len() > 253 {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |label: &&str| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| {
                c.is_ascii_alphanumeric()
                    || c == '-'
                    || !c.is_ascii() && !c.is_control() && !c.is_whitespace()
            })
    };
    labels.len() >= 2
        && labels.iter().all(label_ok)
        && labels
            .last()
            .is_some_and(|tld| !tld.bytes().all(|b| b.is_ascii_digit()))
}

/// `YYYY-MM-DD`, a date that exists (leap years included).
pub(crate) fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return false;
    }
    let num = |range: core::ops::Range<usize>| -> Option<u16> {
        let part = s.get(range)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (Some(year), Some(month), Some(day)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let Ok(month) = u8::try_from(month)
        .map_err(|_| ())
        .and_then(|m| time::Month::try_from(m).map_err(|_| ()))
    else {
        return false;
    };
    let Ok(day) = u8::try_from(day) else {
        return false;
    };
    time::Date::from_calendar_date(i32::from(year), month, day).is_ok()
}

/// Reads caller-supplied `name=value` pairs into a typed request (the by-name API): matches
/// names case-insensitively against the endpoint's table, reports values that cannot be read
/// and parameters given twice, and keeps the rest as extra parameters.
pub(crate) struct PairReader {
    table: &'static [&'static str],
    aliases: &'static [(&'static str, &'static str)],
    values: Vec<Option<String>>,
    extra: Vec<(String, String)>,
    violations: Vec<Violation>,
    /// Set when a value could not be read or a constructor-required parameter is missing.
    failed: bool,
}

impl PairReader {
    pub(crate) fn new<I, K, V>(
        pairs: I,
        table: &'static [&'static str],
        aliases: &'static [(&'static str, &'static str)],
    ) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        let mut reader = Self {
            table,
            aliases,
            values: vec![None; table.len()],
            extra: Vec::new(),
            violations: Vec::new(),
            failed: false,
        };
        for (name, value) in pairs {
            let name: String = name.into();
            let value: String = value.into();
            let canonical = reader.canonical_index(&name);
            match canonical.and_then(|i| reader.values.get_mut(i).map(|slot| (i, slot))) {
                Some((i, slot)) => {
                    if slot.is_some() {
                        let canonical = table.get(i).copied().unwrap_or_default();
                        reader.violations.push(Violation {
                            code: -4,
                            parameter: canonical.to_owned(),
                            rule: Rule::RepeatedParameter,
                            message: format!("'{canonical}' is given more than once; give it once"),
                        });
                        reader.failed = true;
                    } else {
                        *slot = Some(value);
                    }
                }
                None => reader.extra.push((name, value)),
            }
        }
        reader
    }

    fn canonical_index(&self, name: &str) -> Option<usize> {
        let canonical = self
            .aliases
            .iter()
            .find(|(alias, _)| alias.eq_ignore_ascii_case(name))
            .map_or(name, |(_, canonical)| canonical);
        self.table
            .iter()
            .position(|t| t.eq_ignore_ascii_case(canonical))
    }

    /// The raw value of a table parameter.
    pub(crate) fn string(&mut self, name: &'static str) -> Option<String> {
        let i = self.table.iter().position(|t| *t == name)?;
        self.values.get_mut(i).and_then(Option::take)
    }

    /// A value read with `parse`; `-4` (`expected`) when it cannot be read.
    pub(crate) fn parsed<T>(
        &mut self,
        name: &'static str,
        expected: &str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Option<T> {
        let raw = self.string(name)?;
        let parsed = parse(&raw);
        if parsed.is_none() {
            let mut checker = Checker::new();
            checker.malformed(name, expected);
            self.violations.extend(checker.finish());
            self.failed = true;
        }
        parsed
    }

    /// A `Y`/`N` flag.
    pub(crate) fn flag(&mut self, name: &'static str) -> Option<bool> {
        self.parsed(name, "Y or N", super::params::parse_flag)
    }

    /// A non-negative integer.
    pub(crate) fn number(&mut self, name: &'static str) -> Option<u32> {
        self.parsed(
            name,
            "a non-negative decimal integer",
            super::params::parse_u32,
        )
    }

    /// A parameter the request cannot be built without: `-3` when absent.
    pub(crate) fn require<T>(&mut self, name: &'static str, value: Option<T>) -> Option<T> {
        if value.is_none() && !self.violations.iter().any(|v| v.parameter == name) {
            let mut checker = Checker::new();
            checker.missing(name);
            self.violations.extend(checker.finish());
            self.failed = true;
        } else if value.is_none() {
            self.failed = true;
        }
        value
    }

    /// The extra parameters (caller's spelling and order). A copy: the reader keeps them to
    /// check their names when the request cannot be built.
    pub(crate) fn extra_pairs(&self) -> Vec<(String, String)> {
        self.extra.clone()
    }

    /// Finishes: `Ok(request)` when every value could be read, else every violation found
    /// (reading problems, then `validate` of the request when it could be built).
    ///
    /// When the request could not be built, the extra parameter names are still checked
    /// (against the table, `untyped` and `allow_unknown`), since that needs no request.
    pub(crate) fn finish<R>(
        self,
        request: Option<R>,
        validate: impl FnOnce(&R) -> Vec<Violation>,
        untyped: &[&str],
        allow_unknown: bool,
    ) -> Result<R, Violations> {
        let reading = self.violations.len();
        let mut all = self.violations;
        let found = match request {
            Some(request) if !self.failed => return Ok(request),
            Some(request) => validate(&request),
            None => {
                let mut checker = Checker::new();
                checker.extra(
                    &self.extra,
                    self.table,
                    self.aliases,
                    untyped,
                    allow_unknown,
                );
                checker.finish()
            }
        };
        // A parameter that could not be read is reported once, by the reading problem (the
        // field is left unset, which validation might report again as missing).
        for v in found {
            let reported = all
                .get(..reading)
                .unwrap_or_default()
                .iter()
                .any(|seen| seen.parameter == v.parameter);
            if !reported {
                all.push(v);
            }
        }
        Err(Violations(all))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_syntax() {
        for ok in [
            "admin@sectigo.com",
            "first.last+tag@sub.example.co.uk",
            "o'brien@example.ie",
            "jürgen@bücher.de",
            "x@a-b.example",
        ] {
            assert!(is_email_address(ok), "{ok}");
        }
        for bad in [
            "",
            "admin",
            "@example.com",
            "admin@",
            "admin@localhost",
            "a..b@example.com",
            ".a@example.com",
            "a.@example.com",
            "a b@example.com",
            "a@exa mple.com",
            "a@-example.com",
            "a@example-.com",
            "a@example..com",
            "a@192.0.2.1",
            "\"a\"@example.com",
            "a@[192.0.2.1]",
            "a@b@example.com",
        ] {
            assert!(!is_email_address(bad), "{bad}");
        }
        let long_local = format!("{}@example.com", "a".repeat(65));
        assert!(!is_email_address(&long_local));
    }

    #[test]
    fn iso_dates() {
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2023-02-29"));
        assert!(!is_iso_date("2024-13-01"));
        assert!(!is_iso_date("2024-00-10"));
        assert!(!is_iso_date("24-02-29"));
        assert!(!is_iso_date("2024/02/29"));
        assert!(!is_iso_date("2024-2-29 "));
        assert!(!is_iso_date("+024-02-29"));
    }

    #[test]
    fn violations_display() {
        let mut c = Checker::new();
        c.missing("queryType");
        c.max_chars("loginName", &"é".repeat(65), 64);
        c.max_chars("loginName", &"é".repeat(64), 64);
        let v = Violations::new(c.finish());
        assert_eq!(v.len(), 2);
        assert_eq!(
            v.to_string(),
            "the request would be refused (2 violations): [-3 queryType] the 'queryType' \
             argument is missing; it is required; [-4 loginName] the value of 'loginName' is \
             too long: 65 characters, at most 64 allowed"
        );
        assert!(v.contains(-3, "QUERYTYPE"));
    }
}
