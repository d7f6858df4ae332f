//! Values shared by several responses: success states, status-detail scales, the string
//! statuses, MDC domain details and amounts.

use core::fmt;

use super::fields::open_enum;

/// The success state of CollectSSL, CollectPAC and CollectSMIME (DIGEST §2.2, §3.3).
///
/// These are values, not errors: a certificate that is still being processed is a normal
/// answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CollectStatus {
    /// `0`: being processed by Sectigo (not issued yet).
    BeingProcessed,
    /// `1`: issued and available, but not included in this response (`queryType=0`, ...).
    Available,
    /// `2`: the certificate(s) are in this response.
    Attached,
    /// Another non-negative code (undocumented).
    Other(i32),
}

impl CollectStatus {
    /// The state for a non-negative status code.
    pub const fn from_code(code: i32) -> Self {
        match code {
            0 => Self::BeingProcessed,
            1 => Self::Available,
            2 => Self::Attached,
            other => Self::Other(other),
        }
    }

    /// The status code.
    pub const fn code(self) -> i32 {
        match self {
            Self::BeingProcessed => 0,
            Self::Available => 1,
            Self::Attached => 2,
            Self::Other(code) => code,
        }
    }

    /// `true` once the certificate is issued (`1` or `2`).
    pub const fn is_issued(self) -> bool {
        matches!(self, Self::Available | Self::Attached)
    }
}

/// A status-detail value of CollectSSL (`showStatusDetails=Y`) and GetDetailedOrderStatus
/// (`X_Y_csrStatus`, `X_Y_dcvStatus`, `X_Y_ovCallBackStatus`, ...; DIGEST §2.4, §4.2).
///
/// GetDetailedOrderStatus documents the scale; CollectSSL's value lists were lost and the
/// same integers are assumed. `X_Y_evClickThroughStatus` stops at `1` on the current page
/// but the PDF lists `2` (DIGEST §12 quirk 30): both are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DetailStatus {
    /// `-1`: not required for this order.
    NotRequired,
    /// `0`: not completed.
    NotCompleted,
    /// `1`: completed.
    Completed,
    /// `2`: in progress.
    InProgress,
    /// Another integer (undocumented).
    Unknown(i32),
}

impl DetailStatus {
    /// The value for a code.
    pub const fn from_code(code: i32) -> Self {
        match code {
            -1 => Self::NotRequired,
            0 => Self::NotCompleted,
            1 => Self::Completed,
            2 => Self::InProgress,
            other => Self::Unknown(other),
        }
    }

    /// The code.
    pub const fn code(self) -> i32 {
        match self {
            Self::NotRequired => -1,
            Self::NotCompleted => 0,
            Self::Completed => 1,
            Self::InProgress => 2,
            Self::Unknown(code) => code,
        }
    }
}

open_enum! {
    /// A certificate's status: the newline line and `certificateStatus` of CollectSSL with
    /// `showExtStatus=Y` (DIGEST §2.3), `X_Y_certificateStatus` of GetDetailedOrderStatus, and
    /// `certificateStatus` of AutoApplyOrder with `showCertificateState=Y` (DIGEST §6.3).
    ///
    /// `NO STATUS` is upper case on the page, the others title case (DIGEST §12 quirk 35);
    /// values are matched case-insensitively.
    pub enum CertificateStatus {
        /// `Awaiting Validation`.
        AwaitingValidation = "Awaiting Validation",
        /// `Issued`.
        Issued = "Issued",
        /// `Revoked`.
        Revoked = "Revoked",
        /// `NO STATUS`.
        NoStatus = "NO STATUS",
    }
}

open_enum! {
    /// The validation status of CollectSSL with `showExtStatus=Y` (DIGEST §2.3). The page
    /// prints each value with a trailing full stop, taken to be list punctuation.
    pub enum ValidationStatus {
        /// `Complete`.
        Complete = "Complete",
        /// `Awaiting Legal Documents`.
        AwaitingLegalDocuments = "Awaiting Legal Documents",
        /// `Awaiting Document Translation`.
        AwaitingDocumentTranslation = "Awaiting Document Translation",
        /// `Awaiting private WHOIS entry release`.
        AwaitingPrivateWhoisRelease = "Awaiting private WHOIS entry release",
        /// `Awaiting Brand Validation` (CollectSSL v1.17).
        AwaitingBrandValidation = "Awaiting Brand Validation",
    }
}

/// CollectSSL's CAA check status, a string (DIGEST §2.3; GetDetailedOrderStatus uses the
/// integer scale [`DetailStatus`] for `X_Y_caaStatus` instead, quirk 30).
///
/// Both `ERROR` and `Error <nnn>` occur (quirk 34): the second carries a numeric CAA status.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CaaStatus {
    /// `Authorized`.
    Authorized,
    /// `Not Authorized`.
    NotAuthorized,
    /// `Unrecognized Critical Tag`.
    UnrecognizedCriticalTag,
    /// `Empty`.
    Empty,
    /// `Malformed Response`.
    MalformedResponse,
    /// `Timeout`.
    Timeout,
    /// `ERROR`.
    Error,
    /// `Error <nnn>`: a numeric CAA status.
    ErrorCode(u32),
    /// `Awaiting Completion`.
    AwaitingCompletion,
    /// A value the documentation does not list, as sent.
    Other(String),
}

impl CaaStatus {
    const NAMED: [(&'static str, Self); 8] = [
        ("Authorized", Self::Authorized),
        ("Not Authorized", Self::NotAuthorized),
        ("Unrecognized Critical Tag", Self::UnrecognizedCriticalTag),
        ("Empty", Self::Empty),
        ("Malformed Response", Self::MalformedResponse),
        ("Timeout", Self::Timeout),
        ("ERROR", Self::Error),
        ("Awaiting Completion", Self::AwaitingCompletion),
    ];

    /// The value for `text` (documented values compared ASCII case-insensitively, except
    /// that `ERROR` must be upper case to be told from `Error <nnn>`).
    pub fn from_wire(text: &str) -> Self {
        let t = text.trim();
        if t == "ERROR" {
            return Self::Error;
        }
        if let Some(code) = t.strip_prefix("Error ")
            && !code.is_empty()
            && code.bytes().all(|b| b.is_ascii_digit())
            && let Ok(code) = code.parse()
        {
            return Self::ErrorCode(code);
        }
        for (name, value) in Self::NAMED {
            if name != "ERROR" && t.eq_ignore_ascii_case(name) {
                return value;
            }
        }
        Self::Other(text.to_owned())
    }

    /// The wire text.
    pub fn to_wire(&self) -> String {
        match self {
            Self::ErrorCode(code) => format!("Error {code}"),
            Self::Other(text) => text.clone(),
            known => Self::NAMED
                .iter()
                .find(|(_, value)| value == known)
                .map(|(name, _)| (*name).to_owned())
                .unwrap_or_default(),
        }
    }
}

impl fmt::Display for CaaStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_wire())
    }
}

/// Codec for [`CaaStatus`].
pub(crate) struct Caa;

impl super::fields::Codec for Caa {
    type Value = CaaStatus;
    const EXPECTED: &'static str = "text";
    fn parse(text: &str) -> Option<CaaStatus> {
        Some(CaaStatus::from_wire(text))
    }
    fn render(value: &CaaStatus) -> String {
        value.to_wire()
    }
}

open_enum! {
    /// The DCV status of one domain in CollectSSL's MDC domain details (DIGEST §2.3).
    /// `AWAITINGBRAND` is inferred from cPanel's documentation of the same data.
    pub enum DomainStatus {
        /// `VALIDATED`.
        Validated = "VALIDATED",
        /// `NOTVALIDATED`.
        NotValidated = "NOTVALIDATED",
        /// `AWAITINGBRAND`: awaiting brand validation (`showMDCDomainDetails2=Y`).
        AwaitingBrand = "AWAITINGBRAND",
    }
}

/// One `<domain> <STATUS>` item of `mdcDomainDetails` / `mdcDomainDetails2`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DomainDetail {
    /// The domain (or IP address), as sent.
    pub domain: String,
    /// Its DCV status.
    pub status: DomainStatus,
}

impl DomainDetail {
    /// Parses `domain1.com VALIDATED, domain2.com NOTVALIDATED` (items separated by commas,
    /// domain and status by white space). `None` when an item is not `domain STATUS`.
    pub fn parse_list(text: &str) -> Option<Vec<Self>> {
        let t = text.trim();
        if t.is_empty() {
            return Some(Vec::new());
        }
        t.split(',')
            .map(|item| {
                let (domain, status) = item.trim().rsplit_once(char::is_whitespace)?;
                let domain = domain.trim();
                let valid = !domain.is_empty()
                    && !domain.contains(char::is_whitespace)
                    && !status.is_empty()
                    && status
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_');
                valid.then(|| Self {
                    domain: domain.to_owned(),
                    status: DomainStatus::from_wire(status),
                })
            })
            .collect()
    }

    /// Writes the list as the server does (`, ` between items).
    pub fn render_list(items: &[Self]) -> String {
        items
            .iter()
            .map(|d| format!("{} {}", d.domain, d.status.as_wire()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// An amount of money as the API writes it (`35.00`, `210.00`): a decimal string, never a
/// float (DIGEST §12 quirk 8). The number of decimals is not assumed.
///
/// ```
/// use sectigo_codec::response::Amount;
/// let a = Amount::new("35.00").unwrap();
/// assert_eq!(a.as_str(), "35.00");
/// assert!(Amount::new("-12").is_some());
/// assert!(Amount::new("1e3").is_none());
/// assert!(Amount::new("35.").is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Amount(String);

impl Amount {
    /// `text` when it is `[-]digits[.digits]`.
    pub fn new(text: &str) -> Option<Self> {
        let unsigned = text.strip_prefix('-').unwrap_or(text);
        let (whole, fraction) = match unsigned.split_once('.') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (unsigned, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        (digits(whole) && fraction.is_none_or(digits)).then(|| Self(text.to_owned()))
    }

    /// The amount as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A line of a newline-delimited body that the endpoint's layout does not explain, kept as
/// sent.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnknownLine {
    /// The 1-based line number in the body.
    pub number: usize,
    /// The text, trimmed.
    pub text: String,
}

/// The `parse` and `to_form` of a response that is a status line (or `errorCode`) plus, in
/// the URL-encoded form, typed fields: AutoReplaceSSL, AutoRevokeSSL, AutoRefund. The lines
/// after the status of a newline body are kept, unparsed, in `extra_lines`.
macro_rules! status_response_impl {
    ($ty:ident, $endpoint:expr, $offer:expr, $doc:literal) => {
        impl $ty {
            #[doc = $doc]
            ///
            /// # Errors
            /// [`Error::Api`](crate::response::Error::Api) for an error response;
            /// [`Error::Decode`](crate::response::Error::Decode) when the body is neither
            /// format or a typed field has another shape.
            pub fn parse(
                body: &[u8],
                ctx: &$crate::response::ParseContext,
            ) -> Result<Self, $crate::response::Error> {
                use $crate::response::Body;
                let decoded = $crate::response::decode($endpoint, body, ctx, &$offer)?;
                let mut warnings = decoded.warnings;
                let mut out = Self::blank(decoded.status, Vec::new(), Vec::new());
                match decoded.body {
                    Body::Lines(lines) => {
                        out.extra_lines = $crate::response::unknown_lines(lines.lines())
                    }
                    Body::Form(form) => {
                        $crate::response::apply_form(&mut out, &form, &[], &mut warnings)?
                    }
                    Body::Json(_) | Body::JavaScript(_) | Body::Binary => {}
                }
                out.warnings = warnings;
                Ok(out)
            }

            /// The URL-encoded body the server would have sent for this value.
            pub fn to_form(&self) -> String {
                $crate::response::render_form(self.status, &self.wire_fields())
            }
        }
    };
}
pub(crate) use status_response_impl;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caa_statuses() {
        assert_eq!(CaaStatus::from_wire("ERROR"), CaaStatus::Error);
        assert_eq!(CaaStatus::from_wire("Error 503"), CaaStatus::ErrorCode(503));
        assert_eq!(
            CaaStatus::from_wire("not authorized"),
            CaaStatus::NotAuthorized
        );
        assert_eq!(
            CaaStatus::from_wire("Error"),
            CaaStatus::Other("Error".into())
        );
        assert_eq!(
            CaaStatus::from_wire("Error x"),
            CaaStatus::Other("Error x".into())
        );
        for text in [
            "Authorized",
            "ERROR",
            "Error 12",
            "Awaiting Completion",
            "Bogus",
        ] {
            assert_eq!(CaaStatus::from_wire(text).to_wire(), text);
        }
    }

    #[test]
    fn domain_details() {
        let list =
            DomainDetail::parse_list("domain1.com VALIDATED, domain2.com NOTVALIDATED").unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[1].domain, "domain2.com");
        assert_eq!(list[1].status, DomainStatus::NotValidated);
        assert_eq!(
            DomainDetail::render_list(&list),
            "domain1.com VALIDATED, domain2.com NOTVALIDATED"
        );
        assert_eq!(DomainDetail::parse_list("").unwrap(), []);
        assert!(DomainDetail::parse_list("domain1.com").is_none());
        assert!(DomainDetail::parse_list("a.com VALIDATED,").is_none());
        assert_eq!(
            DomainDetail::parse_list("x.com PENDINGX").unwrap()[0].status,
            DomainStatus::Other("PENDINGX".into())
        );
    }

    #[test]
    fn scales_and_states_round_trip() {
        for code in -3..5 {
            assert_eq!(DetailStatus::from_code(code).code(), code);
            if code >= 0 {
                assert_eq!(CollectStatus::from_code(code).code(), code);
            }
        }
        assert_eq!(
            CertificateStatus::from_wire("no status"),
            CertificateStatus::NoStatus
        );
        assert_eq!(CertificateStatus::NoStatus.as_wire(), "NO STATUS");
    }
}
