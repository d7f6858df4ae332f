//! One timestamp type for the three date shapes the API uses.
//!
//! * `DD/MM/YYYY` (CollectSSL/CollectPAC newline validity line, day first: `14/05/2013`),
//! * UNIX seconds (`notBefore`, `notAfter`, `productTermStartDate`, ...: `1761696000`),
//! * `YYYY-MM-DD HH:MM` (GetDetailedOrderStatus `X_orderDateTime`: `2025-01-01 13:52`),
//!
//! plus the X.509 validity times of certificates. All are read as UTC (the documentation
//! gives no time zone for `orderDateTime`; UTC is the documented zone of the certificate
//! dates).

use core::fmt;

use crate::{DecodeError, DecodeErrorKind, Format};

/// A point in time, in whole seconds since 1970-01-01T00:00:00Z (UTC).
///
/// `Display` writes RFC 3339 (`2025-10-29T00:00:00Z`).
///
/// ```
/// use sectigo_codec::Timestamp;
/// let a = Timestamp::parse_dmy("29/10/2025").unwrap();
/// let b = Timestamp::parse_unix("1761696000").unwrap();
/// let c = Timestamp::parse_ymd_hm("2025-10-29 00:00").unwrap();
/// assert_eq!(a, b);
/// assert_eq!(b, c);
/// assert_eq!(a.to_string(), "2025-10-29T00:00:00Z");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

/// Smallest accepted UNIX time (year 0000) and largest (year 9999), so that every value
/// formats as a four-digit year.
const MIN_UNIX: i64 = -62_167_219_200;
const MAX_UNIX: i64 = 253_402_300_799;

fn invalid(expected: &'static str) -> DecodeError {
    DecodeError::new(Format::Response, DecodeErrorKind::InvalidValue { expected })
}

fn digits<const N: usize>(s: &str) -> Option<u32> {
    if s.len() != N || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl Timestamp {
    /// From UNIX seconds; `None` outside the years 0000 to 9999.
    pub const fn from_unix(seconds: i64) -> Option<Self> {
        if seconds < MIN_UNIX || seconds > MAX_UNIX {
            None
        } else {
            Some(Self(seconds))
        }
    }

    /// From a calendar date and time of day in UTC; `None` if it does not exist.
    pub fn from_ymd_hms(year: i32, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> Option<Self> {
        let month = time::Month::try_from(month).ok()?;
        let date = time::Date::from_calendar_date(year, month, day).ok()?;
        let time = time::Time::from_hms(hour, minute, second).ok()?;
        Self::from_unix(time::PrimitiveDateTime::new(date, time).assume_utc().unix_timestamp())
    }

    /// UNIX seconds.
    pub const fn unix(self) -> i64 {
        self.0
    }

    /// Parses decimal UNIX seconds (`1761696000`), optionally signed.
    ///
    /// # Errors
    /// [`DecodeErrorKind::InvalidValue`] when the text is not an integer in range.
    pub fn parse_unix(text: &str) -> Result<Self, DecodeError> {
        const EXPECTED: &str = "UNIX seconds";
        let t = text.trim();
        let body = t.strip_prefix('-').unwrap_or(t);
        if body.is_empty() || body.len() > 12 || !body.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid(EXPECTED));
        }
        t.parse::<i64>()
            .ok()
            .and_then(Self::from_unix)
            .ok_or_else(|| invalid(EXPECTED))
    }

    /// Parses `DD/MM/YYYY` (day first, as CollectSSL writes it) as midnight UTC.
    ///
    /// # Errors
    /// [`DecodeErrorKind::InvalidValue`] when the text has another shape or the date does
    /// not exist.
    pub fn parse_dmy(text: &str) -> Result<Self, DecodeError> {
        const EXPECTED: &str = "DD/MM/YYYY";
        let mut parts = text.trim().split('/');
        let (Some(d), Some(m), Some(y), None) = (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(invalid(EXPECTED));
        };
        let (Some(d), Some(m), Some(y)) = (digits::<2>(d), digits::<2>(m), digits::<4>(y)) else {
            return Err(invalid(EXPECTED));
        };
        let (Ok(y), Ok(m), Ok(d)) = (i32::try_from(y), u8::try_from(m), u8::try_from(d)) else {
            return Err(invalid(EXPECTED));
        };
        Self::from_ymd_hms(y, m, d, 0, 0, 0).ok_or_else(|| invalid(EXPECTED))
    }

    /// Parses `YYYY-MM-DD HH:MM` (GetDetailedOrderStatus `X_orderDateTime`) as UTC. A
    /// `:SS` seconds part and a `T` separator are accepted too.
    ///
    /// # Errors
    /// [`DecodeErrorKind::InvalidValue`] when the text has another shape or the time does
    /// not exist.
    pub fn parse_ymd_hm(text: &str) -> Result<Self, DecodeError> {
        const EXPECTED: &str = "YYYY-MM-DD HH:MM";
        let t = text.trim();
        let (date, time) = t
            .split_once(' ')
            .or_else(|| t.split_once('T'))
            .ok_or_else(|| invalid(EXPECTED))?;
        let mut dp = date.split('-');
        let (Some(y), Some(mo), Some(d), None) = (dp.next(), dp.next(), dp.next(), dp.next()) else {
            return Err(invalid(EXPECTED));
        };
        let mut tp = time.trim().split(':');
        let (Some(h), Some(mi), s, None) = (tp.next(), tp.next(), tp.next(), tp.next()) else {
            return Err(invalid(EXPECTED));
        };
        let s = match s {
            Some(s) => digits::<2>(s),
            None => Some(0),
        };
        let (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(s)) =
            (digits::<4>(y), digits::<2>(mo), digits::<2>(d), digits::<2>(h), digits::<2>(mi), s)
        else {
            return Err(invalid(EXPECTED));
        };
        let convert = |v: u32| u8::try_from(v).ok();
        let (Ok(y), Some(mo), Some(d), Some(h), Some(mi), Some(s)) =
            (i32::try_from(y), convert(mo), convert(d), convert(h), convert(mi), convert(s))
        else {
            return Err(invalid(EXPECTED));
        };
        Self::from_ymd_hms(y, mo, d, h, mi, s).ok_or_else(|| invalid(EXPECTED))
    }

    /// Parses any of the three documented shapes: `DD/MM/YYYY`, `YYYY-MM-DD HH:MM` or
    /// UNIX seconds.
    ///
    /// # Errors
    /// [`DecodeErrorKind::InvalidValue`] when the text has none of these shapes.
    pub fn parse_any(text: &str) -> Result<Self, DecodeError> {
        let t = text.trim();
        if t.contains('/') {
            Self::parse_dmy(t)
        } else if t.contains(':') {
            Self::parse_ymd_hm(t)
        } else {
            Self::parse_unix(t).map_err(|_| invalid("DD/MM/YYYY, YYYY-MM-DD HH:MM or UNIX seconds"))
        }
    }

    fn datetime(self) -> time::OffsetDateTime {
        // In range by construction (MIN_UNIX..=MAX_UNIX).
        time::OffsetDateTime::from_unix_timestamp(self.0).unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dt = self.datetime();
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            dt.year(),
            u8::from(dt.month()),
            dt.day(),
            dt.hour(),
            dt.minute(),
            dt.second()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_documented_shapes() {
        // T2 / T3 of the digest: 14/05/2013 and the product term 1761696000 1793232000.
        assert_eq!(Timestamp::parse_dmy("14/05/2013").unwrap().unix(), 1_368_489_600);
        assert_eq!(Timestamp::parse_unix("1793232000").unwrap().to_string(), "2026-10-29T00:00:00Z");
        assert_eq!(Timestamp::parse_ymd_hm("2025-01-01 13:52").unwrap().to_string(), "2025-01-01T13:52:00Z");
        assert_eq!(Timestamp::parse_any("13/05/2014").unwrap().to_string(), "2014-05-13T00:00:00Z");
    }

    #[test]
    fn day_first_is_never_read_month_first() {
        // 13/05 is only valid day-first; 05/13 must fail rather than be read as May 13th.
        assert!(Timestamp::parse_dmy("05/13/2014").is_err());
        assert!(Timestamp::parse_dmy("31/02/2020").is_err());
        assert!(Timestamp::parse_dmy("1/5/2013").is_err());
    }

    #[test]
    fn rejects_out_of_range_and_garbage() {
        assert!(Timestamp::parse_unix("99999999999999").is_err());
        assert!(Timestamp::parse_unix("+5").is_err());
        assert!(Timestamp::parse_unix("").is_err());
        assert!(Timestamp::parse_ymd_hm("2025-01-01 25:00").is_err());
        assert!(Timestamp::parse_any("yesterday").is_err());
        assert_eq!(Timestamp::from_unix(MAX_UNIX).unwrap().to_string(), "9999-12-31T23:59:59Z");
        assert_eq!(Timestamp::from_unix(MIN_UNIX).unwrap().to_string(), "0000-01-01T00:00:00Z");
    }
}
