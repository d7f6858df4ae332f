//! The certificate-issuance push (webhook) that Sectigo sends to the partner (DIGEST §10).
//!
//! Sectigo calls the partner's URL with a GET and query parameters for status changes, or,
//! when certificate push is enabled, with a POST (form body [INFERRED form-encoded]) for
//! every notification, with or without the certificates. [`Notification::parse`] reads
//! either: pass the query string (with or without its `?`) or the POST body;
//! [`Notification::parse_query`] also takes a whole URL.
//!
//! | Parameter | When | Typed as |
//! |---|---|---|
//! | `orderNumber` | always | string (`1234567repl#1`) |
//! | `certificateID` | always | `u64` |
//! | `eventType` | current docs | [`EventType`] |
//! | `status` (`Status` in the PDF) | Certificate / CallBack events | [`NotificationStatus`] |
//! | `statusCode` | same | [`NotificationStatusCode`] |
//! | `statusDesc` | same | text |
//! | `verificationCode` | statuses `verified` and `click-through` | text |
//! | `certificate`, `caCertificate` | certificate push | PEM, read into [`Notification::certificates`] |
//! | `removedDomains` | issued | text |
//! | `revocationReasonCode`, `revocationReasonName` | revocations | CRL reason |
//! | `bimi-l`, `bimi-a` | CA-hosted mark certificates | URLs |
//! | `acmeAccountID`, `acmeOrderID`, `acmeEABKeyID` | ACME orders | text |
//!
//! Status codes ([`STATUS_CODES`]): 3 and 5 `failed` (should never happen: alert on it,
//! [`Notification::is_failed`]), 6 and 9 `issued`, 7 `rejected`, 8 `revoked`, 12
//! `awaitingbrandvalidation`, 14 `replaced`; `verified` and `click-through` come with the
//! code of the certificate's current state. For those two, [`Notification::callback_link`]
//! builds the link the applicant follows.

use core::fmt;

use super::fields::{Codec, Int, Open, SecretText, Text, open_enum, wire_struct};
use crate::wire::form;
use crate::{Chain, DecodeError, DecodeErrorKind, Format, Limits, Warning};

open_enum! {
    /// `eventType` (absent in the 2021 PDF).
    pub enum EventType {
        /// `Certificate`: a certificate's state changed.
        Certificate = "Certificate",
        /// `CallBack`: an OV/EV callback step.
        CallBack = "CallBack",
        /// `MasterAccount` (v1.06).
        MasterAccount = "MasterAccount",
        /// `SiteLockFreemium` (v1.07).
        SiteLockFreemium = "SiteLockFreemium",
        /// `PreRevocationNotification` (v1.10; always a POST).
        PreRevocationNotification = "PreRevocationNotification",
    }
}

open_enum! {
    /// `status` (the PDF writes the name `Status`).
    pub enum NotificationStatus {
        /// `failed` (codes 3 and 5).
        Failed = "failed",
        /// `issued` (codes 6 and 9).
        Issued = "issued",
        /// `rejected` (code 7).
        Rejected = "rejected",
        /// `revoked` (code 8).
        Revoked = "revoked",
        /// `awaitingbrandvalidation` (code 12).
        AwaitingBrandValidation = "awaitingbrandvalidation",
        /// `replaced` (code 14).
        Replaced = "replaced",
        /// `verified`: the phone number was verified (OV callback); any code.
        Verified = "verified",
        /// `click-through`: the EV click-through e-mail was sent; any code.
        ClickThrough = "click-through",
    }
}

/// `statusCode`: the certificate's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NotificationStatusCode {
    /// `3`: `PRE-SIGN FAILED: <reason>` (e.g. CAA forbids issuance).
    PreSignFailed,
    /// `5`: `POST-SIGN FAILED`.
    PostSignFailed,
    /// `6`: `Valid`.
    Valid,
    /// `7`: `Rejected: <reason>`.
    Rejected,
    /// `8`: `Revoked`.
    Revoked,
    /// `9`: `Issued but not yet collected`.
    IssuedNotCollected,
    /// `12`: `Awaiting Validation (Brand)`.
    AwaitingBrandValidation,
    /// `14`: `Replaced`.
    Replaced,
    /// Another code (undocumented).
    Other(i32),
}

/// One row of the push status-code table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct StatusCodeEntry {
    /// The code.
    pub code: NotificationStatusCode,
    /// The `status` sent with it.
    pub status: &'static str,
    /// The `statusDesc` sent with it (`<reason>` stands for a server-supplied text).
    pub description: &'static str,
}

/// The push status-code table (DIGEST §10). `verified` and `click-through` are sent with
/// the code of the certificate's current state and have no row.
pub static STATUS_CODES: [StatusCodeEntry; 8] = [
    StatusCodeEntry {
        code: NotificationStatusCode::PreSignFailed,
        status: "failed",
        description: "PRE-SIGN FAILED: <reason>",
    },
    StatusCodeEntry {
        code: NotificationStatusCode::PostSignFailed,
        status: "failed",
        description: "POST-SIGN FAILED",
    },
    StatusCodeEntry {
        code: NotificationStatusCode::Valid,
        status: "issued",
        description: "Valid",
    },
    StatusCodeEntry {
        code: NotificationStatusCode::Rejected,
        status: "rejected",
        description: "Rejected: <reason>",
    },
    StatusCodeEntry {
        code: NotificationStatusCode::Revoked,
        status: "revoked",
        description: "Revoked",
    },
    StatusCodeEntry {
        code: NotificationStatusCode::IssuedNotCollected,
        status: "issued",
        description: "Issued but not yet collected",
    },
    StatusCodeEntry {
        code: NotificationStatusCode::AwaitingBrandValidation,
        status: "awaitingbrandvalidation",
        description: "Awaiting Validation (Brand)",
    },
    StatusCodeEntry {
        code: NotificationStatusCode::Replaced,
        status: "replaced",
        description: "Replaced",
    },
];

impl NotificationStatusCode {
    /// The value for a code.
    pub const fn from_code(code: i32) -> Self {
        match code {
            3 => Self::PreSignFailed,
            5 => Self::PostSignFailed,
            6 => Self::Valid,
            7 => Self::Rejected,
            8 => Self::Revoked,
            9 => Self::IssuedNotCollected,
            12 => Self::AwaitingBrandValidation,
            14 => Self::Replaced,
            other => Self::Other(other),
        }
    }

    /// The code.
    pub const fn code(self) -> i32 {
        match self {
            Self::PreSignFailed => 3,
            Self::PostSignFailed => 5,
            Self::Valid => 6,
            Self::Rejected => 7,
            Self::Revoked => 8,
            Self::IssuedNotCollected => 9,
            Self::AwaitingBrandValidation => 12,
            Self::Replaced => 14,
            Self::Other(code) => code,
        }
    }

    /// The row of [`STATUS_CODES`] for this code.
    pub fn entry(self) -> Option<&'static StatusCodeEntry> {
        STATUS_CODES.iter().find(|e| e.code == self)
    }

    /// `true` for `3` and `5` (signing failed).
    pub const fn is_failed(self) -> bool {
        matches!(self, Self::PreSignFailed | Self::PostSignFailed)
    }
}

impl fmt::Display for NotificationStatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code())
    }
}

/// Codec for [`NotificationStatusCode`].
struct StatusCodeCodec;

impl Codec for StatusCodeCodec {
    type Value = NotificationStatusCode;
    const EXPECTED: &'static str = "an integer";
    fn parse(text: &str) -> Option<NotificationStatusCode> {
        Int::<i32>::parse(text).map(NotificationStatusCode::from_code)
    }
    fn render(value: &NotificationStatusCode) -> String {
        value.code().to_string()
    }
}

/// The base URL of the callback links (the API's base URL, DIGEST §10).
pub const DEFAULT_CALLBACK_BASE_URL: &str = crate::endpoint::DEFAULT_BASE_URL;

wire_struct! {
    /// A push notification.
    ///
    /// ```
    /// use sectigo_codec::response::{Notification, NotificationStatus, NotificationStatusCode, EventType};
    /// let n = Notification::parse(
    ///     b"orderNumber=1234567repl%231&certificateID=987&eventType=Certificate&status=issued&statusCode=6&statusDesc=Valid",
    /// )?;
    /// assert_eq!(n.order_number.as_deref(), Some("1234567repl#1"));
    /// assert_eq!(n.event_type, Some(EventType::Certificate));
    /// assert_eq!(n.status, Some(NotificationStatus::Issued));
    /// assert_eq!(n.status_code, Some(NotificationStatusCode::Valid));
    /// assert!(!n.is_failed());
    /// assert!(n.certificates.is_empty());
    /// # Ok::<(), sectigo_codec::DecodeError>(())
    /// ```
    pub struct Notification {
        /// The pushed certificates (`certificate` and `caCertificate`), end-entity first;
        /// empty for a status-only notification.
        pub certificates: Chain,
        /// The deviations tolerated while reading the body.
        pub warnings: Vec<Warning>,
        ;
        /// `orderNumber` (a string; may carry suffixes such as `repl#1`).
        pub order_number: String = "orderNumber" => Text,
        /// `certificateID`.
        pub certificate_id: u64 = "certificateID" => Int<u64>,
        /// `eventType`.
        pub event_type: EventType = "eventType" => Open<EventType>,
        /// `status`.
        pub status: NotificationStatus = "status" => Open<NotificationStatus>,
        /// `statusCode`.
        pub status_code: NotificationStatusCode = "statusCode" => StatusCodeCodec,
        /// `statusDesc`.
        pub status_desc: String = "statusDesc" => Text,
        /// `verificationCode` (statuses `verified` and `click-through`): it completes the
        /// callback step of the order, so it is a [`Secret`](crate::Secret), redacted in
        /// `Debug` (`expose()` gives the text).
        pub verification_code: crate::Secret = "verificationCode" => SecretText,
        /// `removedDomains`: domains removed from the certificate (issued only).
        pub removed_domains: String = "removedDomains" => Text,
        /// `revocationReasonCode`: the CRL reason code.
        pub revocation_reason_code: u32 = "revocationReasonCode" => Int<u32>,
        /// `revocationReasonName`: the CRL reason name.
        pub revocation_reason_name: String = "revocationReasonName" => Text,
        /// `bimi-l`: the logo URL (CA-hosted mark certificates).
        pub bimi_l: String = "bimi-l" => Text,
        /// `bimi-a`: the certificate PEM URL (CA-hosted mark certificates).
        pub bimi_a: String = "bimi-a" => Text,
        /// `acmeAccountID` (v1.04).
        pub acme_account_id: String = "acmeAccountID" => Text,
        /// `acmeOrderID` (v1.04).
        pub acme_order_id: String = "acmeOrderID" => Text,
        /// `acmeEABKeyID` (v1.05).
        pub acme_eab_key_id: String = "acmeEABKeyID" => Text,
    }
}

/// The form fields that carry the pushed certificates.
const CERTIFICATE_FIELDS: [&str; 2] = ["certificate", "caCertificate"];

impl Notification {
    /// Parses a notification from a query string (a leading `?` is skipped) or a POST form
    /// body, with [`Limits::DEFAULT`].
    ///
    /// # Errors
    /// See [`parse_with`](Self::parse_with).
    pub fn parse(body: &[u8]) -> Result<Self, DecodeError> {
        Self::parse_with(body, &Limits::DEFAULT)
    }

    /// Parses a notification from a whole URL (`https://partner.example/hook?orderNumber=...`)
    /// or a query string: everything up to the first `?` is skipped.
    ///
    /// # Errors
    /// See [`parse_with`](Self::parse_with).
    pub fn parse_query(url_or_query: &str) -> Result<Self, DecodeError> {
        let query = url_or_query
            .split_once('?')
            .map_or(url_or_query, |(_, query)| query);
        let query = query.split_once('#').map_or(query, |(query, _)| query);
        Self::parse_with(query.as_bytes(), &Limits::DEFAULT)
    }

    /// Parses a notification from a query string or a POST form body.
    ///
    /// # Errors
    /// [`DecodeErrorKind::Empty`] for an empty body; [`DecodeErrorKind::MissingField`] when
    /// there is no `orderNumber` (every notification has one); errors of the form decoder
    /// ([`Format::FormUrlEncoded`]: limits, invalid UTF-8); [`DecodeErrorKind::InvalidValue`]
    /// when `certificateID`, `statusCode` or `revocationReasonCode` is not an integer; and
    /// the errors of the PEM and certificate decoders for `certificate` and
    /// `caCertificate`, inside a frame naming the field.
    ///
    /// # Examples
    ///
    /// ```
    /// use sectigo_codec::response::Notification;
    /// let pem = include_str!("../../testdata/chain/leaf.pem");
    /// let body = sectigo_codec::wire::form::encode([
    ///     ("orderNumber", "1234567"),
    ///     ("status", "issued"),
    ///     ("statusCode", "6"),
    ///     ("certificate", pem),
    /// ]);
    /// let n = Notification::parse(body.as_bytes())?;
    /// assert_eq!(n.certificates.end_entity().unwrap().subject(), "CN=shop.example.com");
    /// # Ok::<(), sectigo_codec::DecodeError>(())
    /// ```
    pub fn parse_with(body: &[u8], limits: &Limits) -> Result<Self, DecodeError> {
        let body = body.strip_prefix(b"?").unwrap_or(body);
        let parsed = form::decode_with(body, limits)?;
        if parsed.is_empty() {
            return Err(DecodeError::new(Format::FormUrlEncoded, DecodeErrorKind::Empty).at(0));
        }
        let mut warnings = parsed.warnings().to_vec();
        let mut out = Self::blank(super::empty_chain(), Vec::new());
        for pair in parsed.pairs() {
            let name = pair.name();
            if CERTIFICATE_FIELDS
                .iter()
                .any(|f| f.eq_ignore_ascii_case(name))
            {
                continue;
            }
            let at = super::At {
                format: Format::FormUrlEncoded,
                key: name,
                offset: Some(pair.value_offset()),
                line: None,
            };
            super::apply(&mut out, name, pair.value(), &at, &mut warnings)?;
        }
        if out.order_number.is_none() {
            return Err(
                DecodeError::new(Format::FormUrlEncoded, DecodeErrorKind::MissingField)
                    .in_field("orderNumber"),
            );
        }
        let has_certificates = parsed.pairs().iter().any(|p| {
            CERTIFICATE_FIELDS
                .iter()
                .any(|f| f.eq_ignore_ascii_case(p.name()))
                && !p.value().trim().is_empty()
        });
        if has_certificates {
            let found = crate::extract::certificates_with(body, limits)?;
            warnings.retain(|w| w.format() != Format::FormUrlEncoded);
            warnings.extend(found.warnings().iter().cloned());
            out.certificates = found.into_chain();
        }
        out.warnings = warnings;
        Ok(out)
    }

    /// `true` when signing failed (`status=failed`, or code 3 or 5): this "should never
    /// happen", so alert on it.
    pub fn is_failed(&self) -> bool {
        self.status == Some(NotificationStatus::Failed)
            || self
                .status_code
                .is_some_and(NotificationStatusCode::is_failed)
    }

    /// The link the applicant follows for a `verified` (OV callback:
    /// [`callback_url`]) or `click-through` (EV agreements: [`agreements_url`])
    /// notification, under `base` ([`DEFAULT_CALLBACK_BASE_URL`] normally); `None` for
    /// other statuses or when the order number or verification code is missing.
    ///
    /// ```
    /// use sectigo_codec::response::{Notification, DEFAULT_CALLBACK_BASE_URL};
    /// let n = Notification::parse(b"orderNumber=1234567repl%231&status=verified&statusCode=9&verificationCode=mdtBfVzq0MIaiGg8")?;
    /// assert_eq!(
    ///     n.callback_link(DEFAULT_CALLBACK_BASE_URL).unwrap(),
    ///     "https://secure.trust-provider.com/products/EnterCallbackCode?orderNumber=1234567repl%231&code2=mdtBfVzq0MIaiGg8"
    /// );
    /// # Ok::<(), sectigo_codec::DecodeError>(())
    /// ```
    pub fn callback_link(&self, base: &str) -> Option<String> {
        let order = self.order_number.as_deref()?;
        let code = self.verification_code.as_ref()?.expose();
        match self.status.as_ref()? {
            NotificationStatus::Verified => Some(callback_url(base, order, code)),
            NotificationStatus::ClickThrough => Some(agreements_url(base, order, code)),
            _ => None,
        }
    }

    /// The URL-encoded body of this notification (as a POST would send it; the certificates
    /// as PEM, `certificate` the end-entity and `caCertificate` the others in one field).
    pub fn to_form(&self) -> String {
        let mut pairs = self.wire_fields();
        let mut ca = String::new();
        for (cert, role) in self.certificates.iter() {
            let pem =
                crate::codec::pem::encode(&crate::codec::pem::PemLabel::Certificate, cert.der());
            if role == crate::Role::EndEntity {
                pairs.push(("certificate".to_owned(), pem));
            } else {
                ca.push_str(&pem);
            }
        }
        if !ca.is_empty() {
            pairs.push(("caCertificate".to_owned(), ca));
        }
        form::encode(pairs)
    }
}

/// The OV callback link: `{base}EnterCallbackCode?orderNumber={orderNumber}&code2={code}`,
/// values percent-encoded (DIGEST §10).
///
/// ```
/// let url = sectigo_codec::response::callback_url("https://secure.comodo.net/products", "1 2", "a&b");
/// assert_eq!(url, "https://secure.comodo.net/products/EnterCallbackCode?orderNumber=1+2&code2=a%26b");
/// ```
pub fn callback_url(base: &str, order_number: &str, verification_code: &str) -> String {
    link(base, "EnterCallbackCode", order_number, verification_code)
}

/// The EV click-through (and callback) link:
/// `{base}ExecuteAgreementsWithCode?orderNumber={orderNumber}&code2={code}`, values
/// percent-encoded. The path is reconstructed from a garbled PDF line (DIGEST §10): verify
/// it before relying on it.
pub fn agreements_url(base: &str, order_number: &str, verification_code: &str) -> String {
    link(
        base,
        "ExecuteAgreementsWithCode",
        order_number,
        verification_code,
    )
}

fn link(base: &str, path: &str, order_number: &str, verification_code: &str) -> String {
    let query = form::encode([("orderNumber", order_number), ("code2", verification_code)]);
    let slash = if base.ends_with('/') { "" } else { "/" };
    format!("{base}{slash}{path}?{query}")
}
