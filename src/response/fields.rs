//! Field tables: one declaration per response struct gives its typed fields, their wire
//! names, how each value is read and written, and the list of names (so parsing, rendering
//! and the CLI cannot disagree).

use std::borrow::Cow;

use crate::Timestamp;

use super::status::{Amount, DetailStatus, DomainDetail};

/// How a field's wire text becomes a typed value and back.
pub(crate) trait Codec {
    /// The typed value.
    type Value;
    /// What a valid value looks like (for [`DecodeErrorKind::InvalidValue`](crate::DecodeErrorKind)).
    const EXPECTED: &'static str;
    /// `true` when a value of another shape is kept as an unknown field with a
    /// [`WarningKind::UnexpectedValue`](crate::WarningKind) warning instead of failing the
    /// whole response: for fields whose value domain the documentation leaves UNCONFIRMED.
    const LENIENT: bool = false;
    /// Reads the wire text; `None` when it has another shape.
    fn parse(text: &str) -> Option<Self::Value>;
    /// [`parse`](Self::parse) from text that may be owned (a decoded value), which a text
    /// field keeps without a copy; the text back when it has another shape.
    fn parse_cow(text: Cow<'_, str>) -> Result<Self::Value, Cow<'_, str>> {
        match Self::parse(&text) {
            Some(value) => Ok(value),
            None => Err(text),
        }
    }
    /// Writes the wire text.
    fn render(value: &Self::Value) -> String;
}

/// Any text, kept as sent.
pub(crate) struct Text;

impl Codec for Text {
    type Value = String;
    const EXPECTED: &'static str = "text";
    fn parse(text: &str) -> Option<String> {
        Some(text.to_owned())
    }
    fn parse_cow(text: Cow<'_, str>) -> Result<String, Cow<'_, str>> {
        Ok(text.into_owned())
    }
    fn render(value: &String) -> String {
        value.clone()
    }
}

/// Text that authorises an action (`verificationCode`, which completes a callback): kept as
/// a [`Secret`](crate::Secret), so that no `Debug` or `Display` shows it.
pub(crate) struct SecretText;

impl Codec for SecretText {
    type Value = crate::Secret;
    const EXPECTED: &'static str = "text";
    fn parse(text: &str) -> Option<crate::Secret> {
        Some(crate::Secret::new(text))
    }
    fn parse_cow(text: Cow<'_, str>) -> Result<crate::Secret, Cow<'_, str>> {
        Ok(crate::Secret::new(text.into_owned()))
    }
    fn render(value: &crate::Secret) -> String {
        value.expose().to_owned()
    }
}

/// A decimal integer (surrounding whitespace ignored, `+` sign refused).
pub(crate) struct Int<T>(core::marker::PhantomData<T>);

/// The `EXPECTED` text of integer codecs.
pub(crate) trait IntName {
    const EXPECTED: &'static str;
}
impl IntName for u32 {
    const EXPECTED: &'static str = "a non-negative integer";
}
impl IntName for u64 {
    const EXPECTED: &'static str = "a non-negative integer";
}
impl IntName for i32 {
    const EXPECTED: &'static str = "an integer";
}

impl<T> Codec for Int<T>
where
    T: core::str::FromStr + ToString + IntName + TryFrom<i64>,
{
    type Value = T;
    const EXPECTED: &'static str = T::EXPECTED;
    fn parse(text: &str) -> Option<T> {
        let t = trim(text);
        // The usual value: up to 12 digits, with a sign only for signed types (`-0` is not
        // an unsigned integer for `str::parse`).
        if let Some(value) = plain_integer(t)
            && (!t.starts_with('-') || T::try_from(-1).is_ok())
        {
            return T::try_from(value).ok();
        }
        let digits = t.strip_prefix('-').unwrap_or(t);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    }
    fn render(value: &T) -> String {
        value.to_string()
    }
}

/// `text.trim()`, without its cost when `text` starts and ends with an ASCII character
/// that is not white space (the usual case).
pub(crate) fn trim(text: &str) -> &str {
    let solid = |b: &u8| b.is_ascii() && !char::from(*b).is_whitespace();
    let bytes = text.as_bytes();
    if bytes.first().is_some_and(solid) && bytes.last().is_some_and(solid) {
        text
    } else {
        text.trim()
    }
}

/// `[-]` and 1 to 12 ASCII digits, nothing else (what [`Timestamp::parse_unix`] reads
/// when there is no white space): the value.
fn plain_integer(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        all => (false, all),
    };
    if digits.is_empty() || digits.len() > 12 {
        return None;
    }
    // At most 12 digits: no overflow.
    let mut value: i64 = 0;
    for &b in digits {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value
            .wrapping_mul(10)
            .wrapping_add(i64::from(b.wrapping_sub(b'0')));
    }
    Some(if negative {
        value.wrapping_neg()
    } else {
        value
    })
}

/// UNIX seconds (`notBefore`, `productTermStartDate`, ...).
pub(crate) struct Unix;

impl Codec for Unix {
    type Value = Timestamp;
    const EXPECTED: &'static str = "UNIX seconds";
    fn parse(text: &str) -> Option<Timestamp> {
        // The usual value, plain digits, without the general parser's trimming.
        if let Some(seconds) = plain_integer(text) {
            return Timestamp::from_unix(seconds);
        }
        Timestamp::parse_unix(text).ok()
    }
    fn render(value: &Timestamp) -> String {
        value.unix().to_string()
    }
}

/// `YYYY-MM-DD HH:MM` (GetDetailedOrderStatus `X_orderDateTime`).
pub(crate) struct DateTime;

impl Codec for DateTime {
    type Value = Timestamp;
    const EXPECTED: &'static str = "YYYY-MM-DD HH:MM";
    fn parse(text: &str) -> Option<Timestamp> {
        Timestamp::parse_ymd_hm(text).ok()
    }
    fn render(value: &Timestamp) -> String {
        // RFC 3339 is `YYYY-MM-DDTHH:MM:SSZ`; the wire shape drops the seconds (always 0
        // when the value came from the wire) and uses a space.
        let text = value.to_string();
        let date = text.get(..10).unwrap_or_default();
        let time = text.get(11..16).unwrap_or_default();
        let seconds = text.get(17..19).unwrap_or("00");
        if seconds == "00" {
            format!("{date} {time}")
        } else {
            format!("{date} {time}:{seconds}")
        }
    }
}

/// A status-detail scale: `-1` not required, `0` not completed, `1` completed, `2` in
/// progress. Lenient: the value domains are partly UNCONFIRMED (DIGEST §2.4).
pub(crate) struct Scale;

impl Codec for Scale {
    type Value = DetailStatus;
    const EXPECTED: &'static str = "a status-detail integer (-1, 0, 1 or 2)";
    const LENIENT: bool = true;
    fn parse(text: &str) -> Option<DetailStatus> {
        Int::<i32>::parse(text).map(DetailStatus::from_code)
    }
    fn render(value: &DetailStatus) -> String {
        value.code().to_string()
    }
}

/// A decimal amount (`35.00`), kept as text.
pub(crate) struct Money;

impl Codec for Money {
    type Value = Amount;
    const EXPECTED: &'static str = "a decimal amount";
    fn parse(text: &str) -> Option<Amount> {
        Amount::new(text.trim())
    }
    fn render(value: &Amount) -> String {
        value.as_str().to_owned()
    }
}

/// `X_Y_swpActive`: `0` active, `1` disabled (an inverted boolean, DIGEST §4.2).
pub(crate) struct ActiveIsZero;

impl Codec for ActiveIsZero {
    type Value = bool;
    const EXPECTED: &'static str = "0 (active) or 1 (disabled)";
    fn parse(text: &str) -> Option<bool> {
        match text.trim() {
            "0" => Some(true),
            "1" => Some(false),
            _ => None,
        }
    }
    fn render(value: &bool) -> String {
        if *value { "0" } else { "1" }.to_owned()
    }
}

/// MDC domain details: `domain1.com VALIDATED, domain2.com NOTVALIDATED`. Lenient: only the
/// documentation's two-item sample shows the shape.
pub(crate) struct Domains;

impl Codec for Domains {
    type Value = Vec<DomainDetail>;
    const EXPECTED: &'static str = "`domain STATUS` items separated by commas";
    const LENIENT: bool = true;
    fn parse(text: &str) -> Option<Vec<DomainDetail>> {
        DomainDetail::parse_list(text)
    }
    fn render(value: &Vec<DomainDetail>) -> String {
        DomainDetail::render_list(value)
    }
}

/// An open enumeration of strings (see [`OpenEnum`]).
pub(crate) struct Open<T>(core::marker::PhantomData<T>);

/// A string enumeration that keeps values it does not know.
pub(crate) trait OpenEnum: Sized {
    /// The value for `text` (known values matched ASCII case-insensitively).
    fn from_wire(text: &str) -> Self;
    /// The wire text (the documented spelling for known values).
    fn as_wire(&self) -> &str;
}

impl<T: OpenEnum> Codec for Open<T> {
    type Value = T;
    const EXPECTED: &'static str = "text";
    fn parse(text: &str) -> Option<T> {
        Some(T::from_wire(text))
    }
    fn render(value: &T) -> String {
        value.as_wire().to_owned()
    }
}

/// A hash of a field name that ignores ASCII case: names equal up to ASCII case hash
/// alike (bit 5, the ASCII case bit, is set in every byte before mixing, so other names
/// may collide too; [`WireStruct::set_wire`] compares the name after the hash matches).
///
/// Eight bytes at a time, so a typical 10-30 byte name costs a few multiplications. A
/// `const fn`, so that wire names are hashed at compile time.
pub(crate) const fn name_hash(name: &str) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    const CASE: u64 = 0x2020_2020_2020_2020;
    const fn mix(hash: u64, chunk: u64) -> u64 {
        (hash ^ chunk).wrapping_mul(K).rotate_left(29)
    }
    let bytes = name.as_bytes();
    // The length is mixed in first, so that a name and its extension by zero bytes differ.
    let mut hash = (bytes.len() as u64).wrapping_mul(K);
    let mut rest = bytes;
    while let [a, b, c, d, e, f, g, h, tail @ ..] = rest {
        hash = mix(
            hash,
            u64::from_le_bytes([*a, *b, *c, *d, *e, *f, *g, *h]) | CASE,
        );
        rest = tail;
    }
    if !rest.is_empty() {
        // The last eight bytes (overlapping the chunks above), or the bytes of a name
        // shorter than eight.
        let last = if let [.., a, b, c, d, e, f, g, h] = bytes {
            u64::from_le_bytes([*a, *b, *c, *d, *e, *f, *g, *h]) | CASE
        } else {
            let mut last: u64 = 0;
            while let [b, tail @ ..] = rest {
                last = last.wrapping_shl(8) | (*b | 0x20) as u64;
                rest = tail;
            }
            last
        };
        hash = mix(hash, last);
    }
    hash ^ (hash >> 32)
}

/// `true` when no two hashes are equal (checked at compile time for each struct's names).
pub(crate) const fn distinct(hashes: &[u64]) -> bool {
    let mut rest = hashes;
    while let [first, tail @ ..] = rest {
        let mut others = tail;
        while let [other, more @ ..] = others {
            if *other == *first {
                return false;
            }
            others = more;
        }
        rest = tail;
    }
    true
}

/// What setting a field from its wire text did; the text comes back when it was not
/// used.
pub(crate) enum Set<'v> {
    /// The typed field was set.
    Done,
    /// No typed field has this name.
    Unknown(Cow<'v, str>),
    /// The typed field was already set (a repeated key): the value is kept as unknown.
    Duplicate(Cow<'v, str>),
    /// The value has another shape.
    Invalid {
        expected: &'static str,
        lenient: bool,
        value: Cow<'v, str>,
    },
}

/// A struct generated by [`wire_struct!`].
pub(crate) trait WireStruct {
    /// Sets the typed field named `name` (ASCII case-insensitive) from `value`.
    fn set_wire<'v>(&mut self, name: &str, value: Cow<'v, str>) -> Set<'v>;
    /// The unknown fields.
    fn extra_mut(&mut self) -> &mut Vec<(String, String)>;
}

/// Declares a response struct: first its other fields, then `;`, then its typed wire
/// fields as `pub name: Type = "wireName" => Codec,`. Every wire field is an `Option`, and
/// the struct gets an `extra` list for unknown fields, `WIRE_NAMES` and `wire_fields()`.
macro_rules! wire_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$ometa:meta])* pub $ofield:ident : $oty:ty, )*
            ;
            $( $(#[$fmeta:meta])* pub $field:ident : $fty:ty = $wire:literal => $codec:ty, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct $name {
            $( $(#[$ometa])* pub $ofield: $oty, )*
            $( $(#[$fmeta])* pub $field: Option<$fty>, )*
            /// Fields this crate does not know, as `(name, value)` in body order (the
            /// server adds fields without notice, DIGEST §12 quirk 36); also known fields
            /// that were repeated, or whose value had an undocumented shape (with a
            /// [`WarningKind::UnexpectedValue`](crate::WarningKind::UnexpectedValue)).
            pub extra: Vec<(String, String)>,
        }

        impl $name {
            /// The wire names of the typed fields, in the documentation's order.
            pub const WIRE_NAMES: &'static [&'static str] = &[$($wire),*];

            #[allow(clippy::too_many_arguments, reason = "one argument per non-wire field")]
            fn blank($($ofield: $oty),*) -> Self {
                Self { $($ofield,)* $($field: None,)* extra: Vec::new() }
            }

            /// The typed fields that are set, as `(wire name, wire text)` in the order of
            /// [`WIRE_NAMES`](Self::WIRE_NAMES), followed by the unknown fields of
            /// [`extra`](Self::extra).
            pub fn wire_fields(&self) -> Vec<(String, String)> {
                let mut out = Vec::new();
                $(
                    if let Some(value) = &self.$field {
                        out.push((
                            $wire.to_owned(),
                            <$codec as $crate::response::fields::Codec>::render(value),
                        ));
                    }
                )*
                out.extend(self.extra.iter().cloned());
                out
            }
        }

        impl $crate::response::fields::WireStruct for $name {
            #[allow(unused_variables, unused_imports, reason = "structs without wire fields")]
            fn set_wire<'v>(
                &mut self,
                name: &str,
                value: std::borrow::Cow<'v, str>,
            ) -> $crate::response::fields::Set<'v> {
                use $crate::response::fields::{Codec, Set, name_hash, distinct};
                // One hash of the name, compared with each wire name's hash (computed at
                // compile time; the compiler makes the comparisons a search tree), then one
                // exact comparison: no scan of the table per field.
                const { assert!(distinct(&[$(name_hash($wire)),*]), "wire names collide") };
                let hash = name_hash(name);
                $(
                    if hash == const { name_hash($wire) } {
                        // The documented spelling (a comparison with a constant, which the
                        // compiler unrolls), else any other case.
                        if name != $wire && !name.eq_ignore_ascii_case($wire) {
                            return Set::Unknown(value);
                        }
                        if self.$field.is_some() {
                            return Set::Duplicate(value);
                        }
                        return match <$codec as Codec>::parse_cow(value) {
                            Ok(v) => {
                                self.$field = Some(v);
                                Set::Done
                            }
                            Err(value) => Set::Invalid {
                                expected: <$codec as Codec>::EXPECTED,
                                lenient: <$codec as Codec>::LENIENT,
                                value,
                            },
                        };
                    }
                )*
                Set::Unknown(value)
            }

            fn extra_mut(&mut self) -> &mut Vec<(String, String)> {
                &mut self.extra
            }
        }
    };
}

pub(crate) use wire_struct;

/// Declares an open string enumeration: the documented values, plus `Other(String)` that
/// keeps anything else as sent.
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value the documentation does not list, as sent.
            Other(String),
        }

        impl $name {
            /// The documented values' wire spellings.
            pub const KNOWN: &'static [&'static str] = &[$($wire),*];

            /// The value for `text`: a documented value (compared ASCII
            /// case-insensitively, surrounding whitespace ignored) or [`Other`](Self::Other).
            pub fn from_wire(text: &str) -> Self {
                let t = $crate::response::fields::trim(text);
                $( if t.eq_ignore_ascii_case($wire) { return Self::$variant; } )*
                Self::Other(text.to_owned())
            }

            /// The documented spelling, or the text of [`Other`](Self::Other).
            pub fn as_wire(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )*
                    Self::Other(text) => text,
                }
            }

            /// `true` for a documented value.
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Other(_))
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_wire())
            }
        }

        impl $crate::response::fields::OpenEnum for $name {
            fn from_wire(text: &str) -> Self {
                Self::from_wire(text)
            }
            fn as_wire(&self) -> &str {
                self.as_wire()
            }
        }
    };
}

pub(crate) use open_enum;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_refuse_signs_and_junk() {
        assert_eq!(Int::<u32>::parse(" 365 "), Some(365));
        assert_eq!(Int::<u32>::parse("+365"), None);
        assert_eq!(Int::<u32>::parse("-1"), None);
        assert_eq!(Int::<i32>::parse("-1"), Some(-1));
        assert_eq!(Int::<i32>::parse("-"), None);
        assert_eq!(
            Int::<u64>::parse("1234567890123456"),
            Some(1_234_567_890_123_456)
        );
        assert_eq!(Int::<u32>::parse("99999999999"), None);
    }

    #[test]
    fn fast_paths_agree_with_the_general_parsers() {
        let texts = [
            "",
            " ",
            "0",
            "-0",
            "-",
            "12",
            " 12",
            "12 ",
            "\u{a0}12",
            "12\u{3000}",
            "\u{b}7",
            "1764201600",
            "-1764201600",
            "999999999999",
            "9999999999999",
            "+5",
            "1e3",
            "١٢",
            "253402300799",
            "253402300800",
            "-62167219200",
            "-62167219201",
            "4294967295",
            "4294967296",
            "-2147483648",
            "-2147483649",
            "2147483648",
            "007",
            "0000000000001",
            "-00",
            "--1",
            "1-",
            "12\n",
        ];
        for text in texts {
            assert_eq!(trim(text), text.trim(), "{text:?}");
            // What Int::parse did before its fast path.
            let t = text.trim();
            let digits = t.strip_prefix('-').unwrap_or(t);
            let shaped = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
            assert_eq!(
                Int::<u32>::parse(text),
                shaped.then(|| t.parse().ok()).flatten(),
                "{text:?}"
            );
            assert_eq!(
                Int::<i32>::parse(text),
                shaped.then(|| t.parse().ok()).flatten(),
                "{text:?}"
            );
            assert_eq!(
                Int::<u64>::parse(text),
                shaped.then(|| t.parse().ok()).flatten(),
                "{text:?}"
            );
            assert_eq!(
                Unix::parse(text),
                Timestamp::parse_unix(text).ok(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn date_time_renders_the_wire_shape() {
        let t = DateTime::parse("2025-01-01 13:52").unwrap();
        assert_eq!(DateTime::render(&t), "2025-01-01 13:52");
        let t = DateTime::parse("2025-01-01 13:52:07").unwrap();
        assert_eq!(DateTime::render(&t), "2025-01-01 13:52:07");
    }

    #[test]
    fn name_hash_ignores_ascii_case_only() {
        let names = [
            "",
            "a",
            "FQDN",
            "serialNumber",
            "shippingStreetAddress1",
            "shippingStreetAddress2",
            "organizationValidationStatus",
            "trademarkCountry2CharCode",
            "12345678",
            "123456789",
        ];
        for name in names {
            assert_eq!(
                name_hash(name),
                name_hash(&name.to_ascii_uppercase()),
                "{name}"
            );
            assert_eq!(
                name_hash(name),
                name_hash(&name.to_ascii_lowercase()),
                "{name}"
            );
        }
        let hashes: Vec<u64> = names.iter().map(|n| name_hash(n)).collect();
        assert!(distinct(&hashes));
        assert!(!distinct(&[1, 2, 1]));
        // Zero bytes and lengths: "a" and "a\0" differ.
        assert_ne!(name_hash("a"), name_hash("a\0"));
        assert_ne!(name_hash("abcdefgh"), name_hash("abcdefgh\0"));
    }

    #[test]
    fn inverted_flag() {
        assert_eq!(ActiveIsZero::parse("0"), Some(true));
        assert_eq!(ActiveIsZero::parse("1"), Some(false));
        assert_eq!(ActiveIsZero::parse("Y"), None);
        assert_eq!(ActiveIsZero::render(&true), "0");
    }
}
