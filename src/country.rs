//! ISO 3166-1 alpha-2 country codes: `countryName` in a CSR subject and in AutoApplyOrder
//! (`countryName`, `joiCountryName`, `appRepCountryName`; DIGEST §6.1, §6.4).
//!
//! Sectigo answers `-7` ("'xx' is not a valid ISO-3166 country!") to anything else. The
//! Baseline Requirements (7.1.4.2) also allow the user-assigned code `XX` when a location has
//! no official code, so [`is_iso3166_alpha2`] accepts it. The check is **case-exact**: the
//! standard's codes are upper case and zlint refuses `us` separately
//! (`e_subj_country_not_uppercase`); [`suggest`] offers the fix.
//!
//! The table holds the 249 officially assigned codes of the current standard (checked against
//! the Debian `iso-codes` data as packaged by pycountry 26.2.16; `testdata/iso3166/alpha2.txt`,
//! `testdata/scripts/refresh_countries.py`). Withdrawn codes are refused: `AN` (Netherlands
//! Antilles, split in 2010 into `BQ`, `CW`, `SX`; still in zlint's and certlint's hand lists),
//! `YU`, `CS`, `TP`, `ZR`, `BU`. So are the exceptionally reserved `UK` (use `GB`) and `EU`,
//! and user-assigned codes other than `XX` (such as `XK`, used for Kosovo but not assigned
//! by ISO).
//!
//! ```
//! use sectigo_codec::country::{is_iso3166_alpha2, suggest};
//! assert!(is_iso3166_alpha2("GB"));
//! assert!(!is_iso3166_alpha2("UK"));
//! assert_eq!(suggest("UK"), Some("GB"));
//! assert_eq!(suggest("de"), Some("DE"));
//! ```

/// The officially assigned ISO 3166-1 alpha-2 codes, sorted.
static CODES: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// The user-assigned code the Baseline Requirements allow when no official code exists.
pub const UNKNOWN_COUNTRY: &str = "XX";

/// Every officially assigned code, sorted (without [`UNKNOWN_COUNTRY`]).
pub fn all() -> &'static [&'static str] {
    &CODES
}

/// Whether `code` is a current, officially assigned ISO 3166-1 alpha-2 code in upper case, or
/// `XX`.
///
/// ```
/// use sectigo_codec::country::is_iso3166_alpha2;
/// assert!(is_iso3166_alpha2("US"));
/// assert!(is_iso3166_alpha2("XX"));
/// assert!(!is_iso3166_alpha2("us"));
/// assert!(!is_iso3166_alpha2("AN")); // withdrawn in 2010
/// assert!(!is_iso3166_alpha2("USA"));
/// ```
pub fn is_iso3166_alpha2(code: &str) -> bool {
    code == UNKNOWN_COUNTRY || find(code).is_some()
}

fn find(code: &str) -> Option<&'static str> {
    CODES
        .binary_search(&code)
        .ok()
        .and_then(|index| CODES.get(index).copied())
}

/// Codes people write for a country that has another code, and the code to use instead.
/// Only one-to-one replacements: `AN`, `YU` and `CS` split into several countries, so no
/// single suggestion is right.
const REPLACEMENTS: &[(&str, &str)] = &[
    // Exceptionally reserved for the United Kingdom; the ISO code is GB.
    ("UK", "GB"),
    // Greece in EU usage.
    ("EL", "GR"),
    // Withdrawn codes with a single successor.
    ("BU", "MM"),
    ("TP", "TL"),
    ("ZR", "CD"),
    ("FX", "FR"),
];

/// A valid code to use instead of `code`, when there is an obvious one: `UK` → `GB`, `EL` →
/// `GR`, withdrawn codes with a single successor (`TP` → `TL`, `ZR` → `CD`, `BU` → `MM`),
/// and the upper-case form of a valid code written in lower or mixed case, or with spaces
/// around it. `None` when `code` is already valid or there is no single answer.
///
/// ```
/// use sectigo_codec::country::suggest;
/// assert_eq!(suggest("uk"), Some("GB"));
/// assert_eq!(suggest(" fr "), Some("FR"));
/// assert_eq!(suggest("FR"), None); // already valid
/// assert_eq!(suggest("AN"), None); // split into BQ, CW and SX
/// ```
pub fn suggest(code: &str) -> Option<&'static str> {
    if is_iso3166_alpha2(code) {
        return None;
    }
    let trimmed = code.trim();
    let bytes = trimmed.as_bytes();
    let [a, b] = bytes else {
        return None;
    };
    if !a.is_ascii_alphabetic() || !b.is_ascii_alphabetic() {
        return None;
    }
    let upper = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
    let upper = core::str::from_utf8(&upper).ok()?;
    if upper == UNKNOWN_COUNTRY {
        return Some(UNKNOWN_COUNTRY);
    }
    if let Some(found) = find(upper) {
        return Some(found);
    }
    REPLACEMENTS
        .iter()
        .find(|(from, _)| *from == upper)
        .map(|&(_, to)| to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_upper_case_pairs() {
        assert!(CODES.windows(2).all(|w| w[0] < w[1]));
        assert!(
            CODES
                .iter()
                .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
        );
    }

    #[test]
    fn replacements_point_at_valid_codes() {
        for (from, to) in REPLACEMENTS {
            assert!(!is_iso3166_alpha2(from), "{from}");
            assert!(is_iso3166_alpha2(to), "{to}");
        }
    }
}
