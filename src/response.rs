//! Typed responses for every endpoint, in every format it offers.
//!
//! The caller sends the request, then hands the response body (and, if it likes, the
//! `Content-Type` header and the request's format and flags, in a [`ParseContext`]) to the
//! endpoint's `parse`:
//!
//! ```
//! use sectigo_codec::response::{AutoApplyOrderResponse, ApplyStatus, ParseContext};
//!
//! // DIGEST §13, T7: the DV example of the AutoApplyOrder PDF.
//! let body = b"0\n123456789\n35.00\n1\nlmWhh1J1\n";
//! let order = AutoApplyOrderResponse::parse(body, &ParseContext::new())?;
//! assert_eq!(order.status, ApplyStatus::Debited);
//! assert_eq!(order.order_number.as_deref(), Some("123456789"));
//! assert_eq!(order.total_cost.as_ref().map(|a| a.as_str()), Some("35.00"));
//! assert_eq!(order.unique_value.as_deref(), Some("lmWhh1J1"));
//! # Ok::<(), sectigo_codec::Error>(())
//! ```
//!
//! # Results and errors
//!
//! Every `parse` returns `Result<_, `[`Error`]`>`:
//!
//! * `Ok`: the server answered with a success status. Success states are values, not
//!   errors: CollectSSL's `0` (being processed), `1` (available) and `2` (attached) are
//!   [`CollectStatus`]; AutoApplyOrder's `0` (debited) and `1` (payment required) are
//!   [`ApplyStatus`] (DIGEST §1.5, §2.2, §6.3).
//! * [`Error::Api`]: the body was read completely and says `errorCode < 0`. The
//!   [`ApiError`] knows the endpoint, the code, the documented meaning on that endpoint
//!   (codes mean different things on different endpoints, DIGEST §11), the server's
//!   message and the argument it names.
//! * [`Error::Decode`]: the body does not have the shape the endpoint documents. The
//!   [`DecodeError`] names the format, the byte offset (and line), and the field.
//!
//! # Formats
//!
//! | Endpoint | Formats read | DIGEST |
//! |---|---|---|
//! | AutoApplyOrder | newline (default), URL-encoded | §6.3 |
//! | AutoReplaceSSL | URL-encoded, newline (layout UNCONFIRMED) | §7 |
//! | CollectSSL | newline (default), URL-encoded | §2.3, §2.4 |
//! | CollectPAC, CollectSMIME | newline + base64 or PEM, binary, JavaScript | §3.3 |
//! | GetDetailedOrderStatus | URL-encoded (default), JSON (shape UNCONFIRMED) | §4.2 |
//! | AutoRevokeSSL | newline (default), URL-encoded | §5.2 |
//! | AutoRefund | newline, URL-encoded (`=` on line 1) | §8 |
//! | getAccountBalance | newline (default), URL-encoded, JSON | §9 |
//! | push notification | URL-encoded (GET query or POST form) | §10 |
//!
//! The format is read from the body itself when its first bytes leave no doubt, which
//! they do for every documented shape: `{` is JSON, a first line that is an integer is
//! newline text, `name=` is a form, `var g_...` is JavaScript, a DER `SEQUENCE` or a ZIP
//! header is binary. The request's format ([`ParseContext::syntax`]) and the
//! `Content-Type` are used when the body is none of these, to report the error in the
//! expected format. A body in another format than the request asked for is read as what
//! it is, with a [`WarningKind::UnexpectedFormat`] warning: an error raised before the
//! server reads `responseFormat` comes in the default format, and AutoUpdateDCV even
//! refuses the parameter (DIGEST §12 quirk 39). So an error body in any of the text formats
//! (`-16` and a message, `errorCode=-16&...`, JSON) is read from every endpoint, also one
//! that documents no such format; a success body only in the endpoint's own formats.
//! CollectPAC's binary download answers errors as newline text (quirk 5), which is not a
//! surprise and gives no warning.
//!
//! # Fields
//!
//! Every response keeps what it does not understand: `extra` holds unknown `name=value`
//! fields (and known ones with a repeated key or a value of an undocumented shape), and
//! `extra_lines` the lines of a newline body that its layout does not explain. Field names
//! are matched ASCII case-insensitively (DIGEST §1.3). Dates in all three documented
//! shapes become [`Timestamp`](crate::Timestamp)s; amounts stay decimal strings
//! ([`Amount`]); order numbers are strings (`1234567repl#1`). Certificates come out as a
//! [`Chain`], end-entity first, whatever order the server sent them in.
//!
//! Each response type has `WIRE_NAMES` (its typed fields' wire names) and `wire_fields()`
//! (the fields that are set, as wire text); `to_form()` writes the body the server would
//! have sent in the URL-encoded format, which parses back to an equal value.

mod account_balance;
mod auto_apply_order;
mod auto_refund;
mod auto_replace_ssl;
mod auto_revoke_ssl;
mod collect_pac;
mod collect_ssl;
pub(crate) mod fields;
mod notification;
mod order_status;
mod status;

use core::fmt;
use std::borrow::Cow;

pub use account_balance::AccountBalanceResponse;
pub use auto_apply_order::{ApplyStatus, AutoApplyOrderResponse};
pub use auto_refund::AutoRefundResponse;
pub use auto_replace_ssl::AutoReplaceSslResponse;
pub use auto_revoke_ssl::AutoRevokeSslResponse;
pub use collect_pac::{CollectPacResponse, CollectSmimeResponse};
pub use collect_ssl::CollectSslResponse;
pub use notification::{
    DEFAULT_CALLBACK_BASE_URL, EventType, Notification, NotificationStatus, NotificationStatusCode,
    STATUS_CODES, StatusCodeEntry, agreements_url, callback_url,
};
pub use order_status::{
    LicenceRejectionSource, LicenceStatus, LicenceSyncStatus, Order, OrderCertificate,
    OrderStatusResponse, QualysAccountType, SuggestedOrgDetails, SuggestedOrgStatus,
};
pub use status::{
    Amount, CaaStatus, CertificateStatus, CollectStatus, DetailStatus, DomainDetail, DomainStatus,
    UnknownLine, ValidationStatus,
};

use crate::api_error::{ApiError, ApiErrorCode};
use crate::wire::json::{JsonDocument, JsonValue};
use crate::wire::{form, js, json, lines};
use crate::{
    Chain, DecodeError, DecodeErrorKind, EndpointId, Format, Limits, ResponseFormat, Warning,
    WarningKind,
};
use fields::{Set, WireStruct};

/// Why a response could not be turned into a typed success value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server answered with an error (`errorCode < 0`); the body was read completely.
    #[error(transparent)]
    Api(#[from] ApiError),
    /// The body does not have the documented shape.
    #[error(transparent)]
    Decode(#[from] DecodeError),
}

impl Error {
    /// The API error, if the server answered with one.
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Self::Api(e) => Some(e),
            Self::Decode(_) => None,
        }
    }

    /// The decoding error, if the body could not be read.
    pub fn as_decode(&self) -> Option<&DecodeError> {
        match self {
            Self::Decode(e) => Some(e),
            Self::Api(_) => None,
        }
    }
}

/// The syntax of a response body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BodySyntax {
    /// Newline-delimited text: a status line, then positional lines (`responseFormat=0`,
    /// CollectPAC `responseEncoding=0`).
    Newline,
    /// URL-encoded `name=value` pairs (`responseFormat=1`).
    UrlEncoded,
    /// JSON (`responseFormat=2`).
    Json,
    /// JavaScript variable declarations (CollectPAC `responseEncoding=2`).
    JavaScript,
    /// The bare binary structure (CollectPAC `responseEncoding=1`): a PKCS#7 bag, a
    /// Netscape certificate sequence, a certificate or a ZIP archive.
    Binary,
}

impl BodySyntax {
    /// The syntax a request's `responseFormat` asks for.
    pub const fn from_response_format(format: ResponseFormat) -> Self {
        match format {
            ResponseFormat::Newline => Self::Newline,
            ResponseFormat::UrlEncoded => Self::UrlEncoded,
            ResponseFormat::Json => Self::Json,
        }
    }

    /// The syntax a CollectPAC/CollectSMIME request's `responseEncoding` asks for: `0`
    /// (base64: newline text), `1` (binary), `2` (JavaScript).
    pub const fn from_response_encoding(code: u8) -> Option<Self> {
        match code {
            0 => Some(Self::Newline),
            1 => Some(Self::Binary),
            2 => Some(Self::JavaScript),
            _ => None,
        }
    }

    /// The syntax a `Content-Type` announces (parameters ignored, case-insensitive);
    /// `None` for types that say nothing about it (`text/html`, a caller-chosen
    /// `responseMimeType`, ...).
    pub fn from_content_type(content_type: &str) -> Option<Self> {
        if let Some(format) = ResponseFormat::from_content_type(content_type) {
            return Some(Self::from_response_format(format));
        }
        let essence = content_type.split(';').next().unwrap_or_default().trim();
        let is = |t: &str| essence.eq_ignore_ascii_case(t);
        if is("application/javascript") || is("text/javascript") {
            Some(Self::JavaScript)
        } else if is("application/pkcs7-mime")
            || is("application/x-pkcs7-certificates")
            || is("application/x-x509-ca-cert")
            || is("application/x-x509-user-cert")
            || is("application/pkix-cert")
            || is("application/zip")
            || is("application/octet-stream")
        {
            Some(Self::Binary)
        } else {
            None
        }
    }

    /// A short lower-case name.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Newline => "newline",
            Self::UrlEncoded => "url-encoded",
            Self::Json => "json",
            Self::JavaScript => "javascript",
            Self::Binary => "binary",
        }
    }
}

impl From<ResponseFormat> for BodySyntax {
    fn from(format: ResponseFormat) -> Self {
        Self::from_response_format(format)
    }
}

impl fmt::Display for BodySyntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What the caller knows about the request and the HTTP response, besides the body.
///
/// All of it is optional. The request flags matter for AutoApplyOrder's newline layout,
/// whose lines 5 to 7 are present only when `showCertificateID=Y`, `showCertificateState=Y`
/// or a `uniqueValue` was sent (DIGEST §6.3).
///
/// ```
/// use sectigo_codec::ResponseFormat;
/// use sectigo_codec::response::ParseContext;
/// let ctx = ParseContext::new()
///     .with_format(ResponseFormat::UrlEncoded)
///     .with_content_type("application/x-www-form-urlencoded; charset=utf-8")
///     .with_show_certificate_id(true);
/// assert!(ctx.show_certificate_id);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ParseContext {
    /// The syntax the request asked for (`responseFormat`, or `responseEncoding` for
    /// CollectPAC/CollectSMIME).
    pub syntax: Option<BodySyntax>,
    /// The response's `Content-Type` header.
    pub content_type: Option<String>,
    /// AutoApplyOrder: the request had `showCertificateID=Y`.
    pub show_certificate_id: bool,
    /// AutoApplyOrder: the request had `showCertificateState=Y`.
    pub show_certificate_state: bool,
    /// AutoApplyOrder: the request had a `uniqueValue`.
    pub unique_value_supplied: bool,
    /// The limits applied by every decoder.
    pub limits: Limits,
}

impl ParseContext {
    /// No hints, default limits.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets [`syntax`](Self::syntax) from the request's `responseFormat`.
    #[must_use]
    pub fn with_format(mut self, format: ResponseFormat) -> Self {
        self.syntax = Some(format.into());
        self
    }

    /// Sets [`syntax`](Self::syntax).
    #[must_use]
    pub fn with_syntax(mut self, syntax: BodySyntax) -> Self {
        self.syntax = Some(syntax);
        self
    }

    /// Sets [`content_type`](Self::content_type).
    #[must_use]
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }

    /// Sets [`show_certificate_id`](Self::show_certificate_id).
    #[must_use]
    pub fn with_show_certificate_id(mut self, yes: bool) -> Self {
        self.show_certificate_id = yes;
        self
    }

    /// Sets [`show_certificate_state`](Self::show_certificate_state).
    #[must_use]
    pub fn with_show_certificate_state(mut self, yes: bool) -> Self {
        self.show_certificate_state = yes;
        self
    }

    /// Sets [`unique_value_supplied`](Self::unique_value_supplied).
    #[must_use]
    pub fn with_unique_value_supplied(mut self, yes: bool) -> Self {
        self.unique_value_supplied = yes;
        self
    }

    /// Sets [`limits`](Self::limits).
    #[must_use]
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }
}

/// A response of any endpoint, as [`parse`] returns it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AnyResponse {
    /// AutoApplyOrder.
    AutoApplyOrder(AutoApplyOrderResponse),
    /// AutoReplaceSSL.
    AutoReplaceSsl(AutoReplaceSslResponse),
    /// CollectSSL.
    CollectSsl(CollectSslResponse),
    /// CollectPAC or CollectSMIME (see [`CollectPacResponse::endpoint`]).
    CollectPac(CollectPacResponse),
    /// GetDetailedOrderStatus.
    OrderStatus(OrderStatusResponse),
    /// AutoRevokeSSL.
    AutoRevokeSsl(AutoRevokeSslResponse),
    /// AutoRefund.
    AutoRefund(AutoRefundResponse),
    /// getAccountBalance.
    AccountBalance(AccountBalanceResponse),
    /// The push notification.
    Notification(Notification),
}

impl AnyResponse {
    /// The endpoint that answered.
    pub fn endpoint(&self) -> EndpointId {
        match self {
            Self::AutoApplyOrder(_) => EndpointId::AutoApplyOrder,
            Self::AutoReplaceSsl(_) => EndpointId::AutoReplaceSsl,
            Self::CollectSsl(_) => EndpointId::CollectSsl,
            Self::CollectPac(r) => r.endpoint,
            Self::OrderStatus(_) => EndpointId::GetDetailedOrderStatus,
            Self::AutoRevokeSsl(_) => EndpointId::AutoRevokeSsl,
            Self::AutoRefund(_) => EndpointId::AutoRefund,
            Self::AccountBalance(_) => EndpointId::GetAccountBalance,
            Self::Notification(_) => EndpointId::Notification,
        }
    }

    /// The (non-negative) status code; the notification's `statusCode`, or `0` when it has
    /// none.
    pub fn status_code(&self) -> i32 {
        match self {
            Self::AutoApplyOrder(r) => r.status.code(),
            Self::AutoReplaceSsl(r) => r.status,
            Self::CollectSsl(r) => r.status.code(),
            Self::CollectPac(r) => r.status.code(),
            Self::OrderStatus(r) => r.status,
            Self::AutoRevokeSsl(r) => r.status,
            Self::AutoRefund(r) => r.status,
            Self::AccountBalance(r) => r.status,
            Self::Notification(n) => n.status_code.map_or(0, NotificationStatusCode::code),
        }
    }

    /// The certificates of the response (CollectSSL, CollectPAC/SMIME, the notification).
    pub fn certificates(&self) -> Option<&Chain> {
        match self {
            Self::CollectSsl(r) => Some(&r.certificates),
            Self::CollectPac(r) => Some(&r.certificates),
            Self::Notification(n) => Some(&n.certificates),
            _ => None,
        }
    }

    /// The deviations tolerated while reading the body.
    pub fn warnings(&self) -> &[Warning] {
        match self {
            Self::AutoApplyOrder(r) => &r.warnings,
            Self::AutoReplaceSsl(r) => &r.warnings,
            Self::CollectSsl(r) => &r.warnings,
            Self::CollectPac(r) => &r.warnings,
            Self::OrderStatus(r) => &r.warnings,
            Self::AutoRevokeSsl(r) => &r.warnings,
            Self::AutoRefund(r) => &r.warnings,
            Self::AccountBalance(r) => &r.warnings,
            Self::Notification(n) => &n.warnings,
        }
    }
}

/// Parses a response of `endpoint` (the push notification included).
///
/// # Errors
/// [`Error::Api`] for an error response, [`Error::Decode`] for a body of another shape;
/// see each endpoint's `parse`.
///
/// # Examples
///
/// ```
/// use sectigo_codec::EndpointId;
/// use sectigo_codec::response::{self, AnyResponse, ParseContext};
/// let body = b"errorCode=0&accountID=1234&currencyCode=USD&amount=100.50&hardCreditLimit=0.00";
/// let any = response::parse(EndpointId::GetAccountBalance, body, &ParseContext::new())?;
/// let AnyResponse::AccountBalance(balance) = any else { unreachable!() };
/// assert_eq!(balance.amount.unwrap().as_str(), "100.50");
///
/// let err = response::parse(EndpointId::CollectSsl, b"-16\nPermission denied!", &ParseContext::new())
///     .unwrap_err();
/// assert!(err.as_api().unwrap().is_auth_problem());
/// # Ok::<(), sectigo_codec::Error>(())
/// ```
pub fn parse(endpoint: EndpointId, body: &[u8], ctx: &ParseContext) -> Result<AnyResponse, Error> {
    Ok(match endpoint {
        EndpointId::AutoApplyOrder => {
            AnyResponse::AutoApplyOrder(AutoApplyOrderResponse::parse(body, ctx)?)
        }
        EndpointId::AutoReplaceSsl => {
            AnyResponse::AutoReplaceSsl(AutoReplaceSslResponse::parse(body, ctx)?)
        }
        EndpointId::CollectSsl => AnyResponse::CollectSsl(CollectSslResponse::parse(body, ctx)?),
        EndpointId::CollectPac => AnyResponse::CollectPac(CollectPacResponse::parse(body, ctx)?),
        EndpointId::CollectSmime => {
            AnyResponse::CollectPac(CollectPacResponse::parse_smime(body, ctx)?)
        }
        EndpointId::GetDetailedOrderStatus => {
            AnyResponse::OrderStatus(OrderStatusResponse::parse(body, ctx)?)
        }
        EndpointId::AutoRevokeSsl => {
            AnyResponse::AutoRevokeSsl(AutoRevokeSslResponse::parse(body, ctx)?)
        }
        EndpointId::AutoRefund => AnyResponse::AutoRefund(AutoRefundResponse::parse(body, ctx)?),
        EndpointId::GetAccountBalance => {
            AnyResponse::AccountBalance(AccountBalanceResponse::parse(body, ctx)?)
        }
        EndpointId::Notification => {
            AnyResponse::Notification(Notification::parse_with(body, &ctx.limits)?)
        }
    })
}

// ------------------------------------------------------------------------------------------
// Shared machinery of the endpoint modules.
// ------------------------------------------------------------------------------------------

/// A body decoded in its syntax, with the status read and error responses turned away.
pub(crate) struct Decoded<'a> {
    pub(crate) body: Body<'a>,
    pub(crate) status: i32,
    pub(crate) warnings: Vec<Warning>,
}

/// The decoded body.
pub(crate) enum Body<'a> {
    Lines(lines::Lines<'a>),
    Form(form::Form<'a>),
    Json(JsonDocument),
    JavaScript(js::JsVariables<'a>),
    Binary,
}

/// What an endpoint reads: the syntaxes it offers and, for errors, their description.
pub(crate) struct Offer {
    pub(crate) syntaxes: &'static [BodySyntax],
    pub(crate) expected: &'static str,
}

/// Decodes `raw` in the syntax it has (see the module documentation), reads the status,
/// and returns [`Error::Api`] for a negative one.
pub(crate) fn decode<'a>(
    endpoint: EndpointId,
    raw: &'a [u8],
    ctx: &ParseContext,
    offer: &Offer,
) -> Result<Decoded<'a>, Error> {
    if raw.len() > ctx.limits.max_body_size {
        return Err(DecodeError::new(
            Format::Response,
            DecodeErrorKind::LimitExceeded {
                limit: crate::Limit::BodySize,
                max: ctx.limits.max_body_size,
            },
        )
        .into());
    }
    if raw.trim_ascii().is_empty() {
        return Err(DecodeError::new(Format::Response, DecodeErrorKind::Empty).into());
    }
    let mut warnings = Vec::new();
    let found = sniff(raw);
    let syntax = match found {
        Some(found) => {
            let surprising = ctx.syntax.is_some_and(|asked| {
                asked != found && !(asked == BodySyntax::Binary && found == BodySyntax::Newline)
            });
            if surprising {
                warnings.push(Warning::new(
                    Format::Response,
                    WarningKind::UnexpectedFormat,
                ));
            }
            found
        }
        None => {
            let hint = ctx.syntax.or_else(|| {
                ctx.content_type
                    .as_deref()
                    .and_then(BodySyntax::from_content_type)
            });
            match hint.filter(|h| offer.syntaxes.contains(h)) {
                Some(hint) => hint,
                None => return Err(unrecognised(offer.expected).into()),
            }
        }
    };
    // An error body in any text format is accepted from every endpoint; a success body
    // only in the formats the endpoint has.
    let errors_only = !offer.syntaxes.contains(&syntax);
    if errors_only && syntax == BodySyntax::Binary {
        return Err(unrecognised(offer.expected).into());
    }
    let limits = &ctx.limits;
    let (body, status) = match syntax {
        BodySyntax::Newline => {
            let parsed = lines::decode_with(raw, limits)?;
            warnings.extend(parsed.warnings().iter().cloned());
            let status = parsed.status();
            if status < 0 {
                let message = parsed.text(0).map(str::to_owned);
                return Err(
                    ApiError::new(endpoint, ApiErrorCode::new(status), message, None).into(),
                );
            }
            (Body::Lines(parsed), status)
        }
        BodySyntax::UrlEncoded => {
            let parsed = form::decode_with(raw, limits)?;
            warnings.extend(parsed.warnings().iter().cloned());
            let status = form_status(&parsed)?;
            if status < 0 {
                let text = |name: &str| parsed.value(name).map(str::to_owned);
                return Err(ApiError::new(
                    endpoint,
                    ApiErrorCode::new(status),
                    text("errorMessage"),
                    text("errorItem"),
                )
                .into());
            }
            (Body::Form(parsed), status)
        }
        BodySyntax::Json => {
            let parsed = json::decode_with(raw, limits)?;
            warnings.extend(parsed.warnings().iter().cloned());
            let status = json_status(parsed.root())?;
            if status < 0 {
                let root = parsed.root();
                let text = |name: &str| {
                    root.get(name)
                        .and_then(JsonValue::scalar_text)
                        .map(|t| t.into_owned())
                };
                return Err(ApiError::new(
                    endpoint,
                    ApiErrorCode::new(status),
                    text("errorMessage"),
                    text("errorItem"),
                )
                .into());
            }
            (Body::Json(parsed), status)
        }
        BodySyntax::JavaScript => {
            let parsed = js::decode_with(raw, limits)?;
            warnings.extend(parsed.warnings().iter().cloned());
            let status = js_status(&parsed)?;
            if status < 0 {
                let message = parsed
                    .get("g_errorMessage")
                    .and_then(|v| v.value().as_str().map(str::to_owned));
                return Err(
                    ApiError::new(endpoint, ApiErrorCode::new(status), message, None).into(),
                );
            }
            (Body::JavaScript(parsed), status)
        }
        // The binary download has no status: it is sent only when the certificates are
        // there (DIGEST §3.3).
        BodySyntax::Binary => (Body::Binary, 2),
    };
    if errors_only {
        return Err(unrecognised(offer.expected).into());
    }
    Ok(Decoded {
        body,
        status,
        warnings,
    })
}

fn unrecognised(expected: &'static str) -> DecodeError {
    DecodeError::new(
        Format::Response,
        DecodeErrorKind::UnrecognisedFormat { expected },
    )
    .at(0)
}

/// Recognises the syntax of `raw` from its first bytes; `None` when it is none of the
/// documented shapes.
pub(crate) fn sniff(raw: &[u8]) -> Option<BodySyntax> {
    if raw.starts_with(b"PK\x03\x04") {
        return Some(BodySyntax::Binary);
    }
    // A DER SEQUENCE with a long-form or indefinite length (every certificate container
    // is longer than 127 bytes). `0` followed by a line end is a newline status instead.
    if let [0x30, second, ..] = raw
        && *second >= 0x80
    {
        return Some(BodySyntax::Binary);
    }
    let text = raw.trim_ascii_start();
    match text.first() {
        Some(b'{' | b'[') => return Some(BodySyntax::Json),
        None => return None,
        _ => {}
    }
    // The first line (found with `memchr`: a one-line form body can be megabytes long).
    let line = match memchr::memchr(b'\n', text) {
        Some(nl) => text.get(..nl).unwrap_or_default(),
        None => text,
    }
    .trim_ascii();
    let digits = line
        .strip_prefix(b"-")
        .or_else(|| line.strip_prefix(b"+"))
        .unwrap_or(line);
    if !digits.is_empty() && digits.len() <= 10 && digits.iter().all(u8::is_ascii_digit) {
        return Some(BodySyntax::Newline);
    }
    let lower: Vec<u8> = line.iter().take(16).map(u8::to_ascii_lowercase).collect();
    let js_start = [
        &b"var "[..],
        b"let ",
        b"const ",
        b"window.",
        b"<script",
        b"g_",
    ];
    if js_start.iter().any(|p| lower.starts_with(p)) {
        return Some(BodySyntax::JavaScript);
    }
    if let Some(eq) = line.iter().position(|&b| b == b'=')
        && eq > 0
        && line.get(..eq).is_some_and(|name| {
            name.iter().all(|&b| {
                b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'%' | b'+' | b'*')
            })
        })
    {
        return Some(BodySyntax::UrlEncoded);
    }
    None
}

/// `errorCode` of a form body.
fn form_status(form: &form::Form<'_>) -> Result<i32, DecodeError> {
    let Some(pair) = form.get("errorCode") else {
        return Err(
            DecodeError::new(Format::FormUrlEncoded, DecodeErrorKind::MissingField)
                .in_field("errorCode"),
        );
    };
    parse_status(pair.value()).ok_or_else(|| {
        DecodeError::new(Format::FormUrlEncoded, DecodeErrorKind::InvalidInteger)
            .in_field(pair.name())
            .at(pair.value_offset())
    })
}

/// `errorCode` of a JSON body (a number or a string holding one).
fn json_status(root: &JsonValue) -> Result<i32, DecodeError> {
    if root.as_object().is_none() {
        return Err(DecodeError::new(
            Format::Json,
            DecodeErrorKind::InvalidValue {
                expected: "a JSON object",
            },
        )
        .at(0));
    }
    let Some(value) = root.get("errorCode") else {
        return Err(
            DecodeError::new(Format::Json, DecodeErrorKind::MissingField).in_field("errorCode"),
        );
    };
    value
        .as_i64_lenient()
        .and_then(|code| i32::try_from(code).ok())
        .ok_or_else(|| {
            DecodeError::new(Format::Json, DecodeErrorKind::InvalidInteger).in_field("errorCode")
        })
}

/// `g_errorCode` of a JavaScript body.
fn js_status(vars: &js::JsVariables<'_>) -> Result<i32, DecodeError> {
    let Some(var) = vars.get("g_errorCode") else {
        return Err(
            DecodeError::new(Format::JavaScript, DecodeErrorKind::MissingField)
                .in_field("g_errorCode"),
        );
    };
    var.value()
        .as_i64_lenient()
        .and_then(|code| i32::try_from(code).ok())
        .ok_or_else(|| {
            let err = DecodeError::new(Format::JavaScript, DecodeErrorKind::InvalidInteger)
                .in_field("g_errorCode");
            match var.value_offset() {
                Some(offset) => err.at(offset),
                None => err.at(var.offset()),
            }
        })
}

/// A status text: optional sign and 1 to 10 digits, fitting in `i32`.
fn parse_status(text: &str) -> Option<i32> {
    let t = text.trim();
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// Where a field's value came from, for errors and warnings.
pub(crate) struct At<'k> {
    pub(crate) format: Format,
    pub(crate) key: &'k str,
    pub(crate) offset: Option<usize>,
    pub(crate) line: Option<usize>,
}

impl At<'_> {
    fn error(&self, kind: DecodeErrorKind) -> DecodeError {
        let mut err = DecodeError::new(self.format, kind).in_field(self.key);
        if let Some(offset) = self.offset {
            err = err.at(offset);
        }
        if let Some(line) = self.line {
            err = err.on_line(line);
        }
        err
    }

    fn warning(&self, kind: WarningKind) -> Warning {
        let warning = Warning::new(self.format, kind).in_field(self.key);
        match self.offset {
            Some(offset) => warning.at(offset),
            None => warning,
        }
    }
}

/// Sets the typed field `name` of `target` from `value`; an unknown name, a repeated one or
/// (for lenient fields) a value of another shape goes to `extra` under `name`. Returns
/// `true` when a typed field was set.
pub(crate) fn apply<T: WireStruct>(
    target: &mut T,
    name: &str,
    value: &str,
    at: &At<'_>,
    warnings: &mut Vec<Warning>,
) -> Result<bool, DecodeError> {
    apply_cow(target, name, Cow::Borrowed(value), at, warnings)
}

/// [`apply`] with a value that may be owned: a text field or `extra` keeps it without a
/// copy.
pub(crate) fn apply_cow<T: WireStruct>(
    target: &mut T,
    name: &str,
    value: Cow<'_, str>,
    at: &At<'_>,
    warnings: &mut Vec<Warning>,
) -> Result<bool, DecodeError> {
    match target.set_wire(name, value) {
        Set::Done => Ok(true),
        Set::Unknown(value) | Set::Duplicate(value) => {
            target
                .extra_mut()
                .push((name.to_owned(), value.into_owned()));
            Ok(false)
        }
        Set::Invalid {
            lenient: true,
            value,
            ..
        } => {
            warnings.push(at.warning(WarningKind::UnexpectedValue));
            target
                .extra_mut()
                .push((name.to_owned(), value.into_owned()));
            Ok(false)
        }
        Set::Invalid {
            lenient: false,
            expected,
            ..
        } => Err(at.error(DecodeErrorKind::InvalidValue { expected })),
    }
}

/// The fields every form response has and that are not data: the status and, on errors,
/// the message and the argument.
const STATUS_FIELDS: [&str; 2] = ["errorCode", "errorItem"];

/// Applies every pair of `form` to `target`, except the status fields and those in `skip`.
/// A success response's `errorMessage` (RetryCAACheck sends one) is kept in `extra`.
pub(crate) fn apply_form<T: WireStruct>(
    target: &mut T,
    form: &form::Form<'_>,
    skip: &[&str],
    warnings: &mut Vec<Warning>,
) -> Result<(), DecodeError> {
    for pair in form.pairs() {
        let name = pair.name();
        if STATUS_FIELDS
            .iter()
            .chain(skip)
            .any(|s| s.eq_ignore_ascii_case(name))
        {
            continue;
        }
        let at = At {
            format: Format::FormUrlEncoded,
            key: name,
            offset: Some(pair.value_offset()),
            line: None,
        };
        apply(target, name, pair.value(), &at, warnings)?;
    }
    Ok(())
}

/// Applies every member of a JSON object to `target` (scalars as text, `null` as empty,
/// arrays and objects as JSON text), except the status fields.
pub(crate) fn apply_json<T: WireStruct>(
    target: &mut T,
    root: &JsonValue,
    warnings: &mut Vec<Warning>,
) -> Result<(), DecodeError> {
    for (name, value) in root.as_object().unwrap_or_default() {
        if STATUS_FIELDS.iter().any(|s| s.eq_ignore_ascii_case(name)) {
            continue;
        }
        let text = json_text(value);
        let at = At {
            format: Format::Json,
            key: name,
            offset: None,
            line: None,
        };
        apply(target, name, &text, &at, warnings)?;
    }
    Ok(())
}

/// A JSON value as text: strings and numbers as written, `null` empty, `true`/`false`,
/// arrays and objects as compact JSON.
pub(crate) fn json_text(value: &JsonValue) -> String {
    match value {
        JsonValue::Null => String::new(),
        JsonValue::Array(_) | JsonValue::Object(_) => {
            let mut out = String::new();
            write_json(value, &mut out);
            out
        }
        scalar => scalar
            .scalar_text()
            .map(Cow::into_owned)
            .unwrap_or_default(),
    }
}

fn write_json(value: &JsonValue, out: &mut String) {
    match value {
        JsonValue::Null => out.push_str("null"),
        JsonValue::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        JsonValue::Number(n) => out.push_str(n),
        JsonValue::String(s) => {
            out.push_str(&serde_json::to_string(s).unwrap_or_else(|_| String::from("\"\"")));
        }
        JsonValue::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out);
            }
            out.push(']');
        }
        JsonValue::Object(members) => {
            out.push('{');
            for (i, (name, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(name).unwrap_or_else(|_| String::from("\"\"")));
                out.push(':');
                write_json(item, out);
            }
            out.push('}');
        }
    }
}

/// The JavaScript variables other than the status, message and certificates, as text.
pub(crate) fn js_extra(vars: &js::JsVariables<'_>) -> Vec<(String, String)> {
    vars.variables()
        .iter()
        .filter(|v| {
            !["g_errorCode", "g_errorMessage", "g_ccc"]
                .iter()
                .any(|n| n.eq_ignore_ascii_case(v.name()))
        })
        .map(|v| {
            let text = match v.value() {
                js::JsValue::String(s) => s.to_string(),
                js::JsValue::Number(n) => (*n).to_owned(),
                js::JsValue::Bool(b) => b.to_string(),
                js::JsValue::Null => String::new(),
            };
            (v.name().to_owned(), text)
        })
        .collect()
}

/// A chain of no certificates.
pub(crate) fn empty_chain() -> Chain {
    Chain::order(Vec::new())
}

/// The certificates of a whole body (form fields, JavaScript `g_ccc`, binary), through
/// [`crate::extract`]. Returns the chain and the warnings of every layer, including the
/// outer one (which replace the caller's own decoding warnings of that layer).
pub(crate) fn extract_body(raw: &[u8], limits: &Limits) -> Result<(Chain, Vec<Warning>), Error> {
    let found = crate::extract::certificates_with(raw, limits)?;
    let warnings = found.warnings().to_vec();
    Ok((found.into_chain(), warnings))
}

/// The index of the first line of the certificate text that follows the text lines of a
/// newline body: the first line with a PEM boundary or, when there is none, the first of
/// the trailing lines that are all base64 (at least 64 characters in total, so that a short
/// word such as `Issued` is never mistaken for one).
pub(crate) fn certificate_region(lines: &lines::Lines<'_>) -> Option<usize> {
    let all = lines.lines();
    if let Some(i) = all
        .iter()
        .position(|l| crate::codec::pem::contains_pem(l.text().as_bytes()))
    {
        return Some(i);
    }
    let is_b64 = |l: &lines::Line<'_>| {
        !l.text().is_empty()
            && l.text()
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
    };
    let run = all.iter().rev().take_while(|l| is_b64(l)).count();
    let start = all.len().checked_sub(run)?;
    let chars: usize = all.get(start..)?.iter().map(|l| l.text().len()).sum();
    (run > 0 && chars >= 64).then_some(start)
}

/// The certificates of a newline body from line `index` of [`certificate_region`] to the
/// end. Errors are re-based onto the whole body.
pub(crate) fn extract_region(
    raw: &[u8],
    lines: &lines::Lines<'_>,
    index: usize,
    limits: &Limits,
) -> Result<(Chain, Vec<Warning>), Error> {
    let Some(first) = lines.get(index) else {
        return Ok((empty_chain(), Vec::new()));
    };
    let offset = first.offset();
    let line_base = first.number().saturating_sub(1);
    let region = raw.get(offset..).unwrap_or_default();
    match crate::extract::certificates_with(region, limits) {
        Ok(found) => {
            let warnings = found.warnings().to_vec();
            Ok((found.into_chain(), warnings))
        }
        Err(err) => Err(rebase(err, offset, line_base).into()),
    }
}

/// Moves an error found in a slice starting at byte `offset` (line `line_base + 1`) of the
/// body onto the body: the position itself when the error is in the slice's own layer,
/// otherwise an outer frame.
fn rebase(err: DecodeError, offset: usize, line_base: usize) -> DecodeError {
    if !err.context().is_empty() {
        return err.within(Format::Newline, Some(offset), None);
    }
    let mut out = err.clone();
    if let Some(at) = err.offset() {
        out = out.at(at.saturating_add(offset));
    }
    if let Some(line) = err.line() {
        out = out.on_line(line.saturating_add(line_base));
    }
    out
}

/// The lines from index `from` on that are not blank, as unknown lines.
pub(crate) fn unknown_lines(lines: &[lines::Line<'_>]) -> Vec<UnknownLine> {
    lines
        .iter()
        .filter(|l| !l.text().is_empty())
        .map(|l| UnknownLine {
            number: l.number(),
            text: l.text().to_owned(),
        })
        .collect()
}

/// Writes a form body: `errorCode` first, then `pairs`.
pub(crate) fn render_form(status: i32, pairs: &[(String, String)]) -> String {
    let mut encoder = form::FormEncoder::new();
    encoder.append_pair("errorCode", &status.to_string());
    for (name, value) in pairs {
        encoder.append_pair(name, value);
    }
    encoder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        use BodySyntax::*;
        let cases: &[(&[u8], Option<BodySyntax>)] = &[
            (b"0\n123", Some(Newline)),
            (b"  -16\r\nDenied", Some(Newline)),
            (b"0", Some(Newline)),
            // A byte-order mark is not stripped (no decoder would skip it either).
            (b"\xEF\xBB\xBF2\n", None),
            (b"errorCode=0", Some(UrlEncoded)),
            (b"77_1_csrStatus=-1&errorCode=0", Some(UrlEncoded)),
            (b"{'errorCode': '-4'}", Some(Json)),
            (b"  [1]", Some(Json)),
            (b"var g_errorCode = 2;", Some(JavaScript)),
            (b"g_errorCode=2;", Some(JavaScript)),
            (b"<script>g_ccc=''</script>", Some(JavaScript)),
            (b"\x30\x82\x01\x00", Some(Binary)),
            (b"\x30\x80", Some(Binary)),
            (b"PK\x03\x04rest", Some(Binary)),
            (b"<html>error</html>", None),
            (b"a b=c", None),
            (b"=x", None),
            (b"12345678901", None),
        ];
        for (body, expected) in cases {
            assert_eq!(
                sniff(body),
                *expected,
                "{:?}",
                String::from_utf8_lossy(body)
            );
        }
    }

    #[test]
    fn statuses() {
        assert_eq!(parse_status(" -14 "), Some(-14));
        assert_eq!(parse_status("+2"), Some(2));
        assert_eq!(parse_status("2147483648"), None);
        assert_eq!(parse_status("1.0"), None);
        assert_eq!(parse_status(""), None);
    }

    #[test]
    fn json_text_of_nested_values() {
        let doc = json::decode(br#"{"a": [1, "x\"y", null, true], "b": {"c": 35.00}}"#).unwrap();
        assert_eq!(
            json_text(doc.root()),
            r#"{"a":[1,"x\"y",null,true],"b":{"c":35.00}}"#
        );
    }
}
