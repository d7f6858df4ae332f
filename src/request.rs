//! Typed requests for every endpoint, checked before they are sent (issue #3 items 1-3).
//!
//! Each request type holds the parameters of one endpoint as typed fields: required ones are
//! arguments of its constructor, optional ones are public `Option` fields; `Y`/`N` flags are
//! `Option<bool>`, order numbers and IDs are strings (DIGEST quirk 9: `1234567repl#1`),
//! enumerated values are enums holding only the documented values ([`CollectQueryType`],
//! [`SslResponseType`], [`ServerSoftware`], [`DcvMethod`], [`RevocationReason`], ...). Every
//! type has the same four methods (also available through the [`ApiRequest`] trait):
//!
//! * `validate()` returns **every** [`Violation`] the server would refuse the request for,
//!   each with the server's error code (`-3` missing, `-4` invalid, `-2` unrecognised, `-7`
//!   country, ...) and the parameter's name (table below);
//! * `to_form()` encodes the body, parameters in the documentation's table order under their
//!   canonical camelCase names (DIGEST §1.3), without checking anything;
//! * `to_http(&base)` validates, then describes the HTTP request ([`HttpRequest`]: `POST`,
//!   `<base><path>`, `application/x-www-form-urlencoded`, the body). Nothing is sent: the
//!   caller's HTTP client does that;
//! * `from_pairs(pairs)` builds the request from `name=value` pairs (the by-name API the
//!   command-line tool uses), names matched case-insensitively, unknown names kept as extra
//!   parameters.
//!
//! Each endpoint's module documents its parameter table and rules.
//!
//! | Endpoint | Request type | Path after the base URL |
//! |---|---|---|
//! | AutoApplyOrder (and AutoApplySSL) | [`AutoApplyOrderRequest`] | `!AutoApplyOrder` (`!AutoApplySSL`) |
//! | AutoReplaceSSL | [`AutoReplaceSslRequest`] | `!AutoReplaceSSL` |
//! | CollectSSL | [`CollectSslRequest`] | `download/CollectSSL` |
//! | CollectPAC | [`CollectPacRequest`] | `download/CollectPAC` |
//! | CollectSMIME | [`CollectSmimeRequest`] | `download/CollectSMIME` |
//! | GetDetailedOrderStatus | [`OrderStatusRequest`] | `!GetDetailedOrderStatus` |
//! | AutoRevokeSSL | [`AutoRevokeSslRequest`] | `!AutoRevokeSSL` |
//! | AutoRefund | [`AutoRefundRequest`] | `!AutoRefund` |
//! | getAccountBalance | [`AccountBalanceRequest`] | `!getAccountBalance` |
//!
//! # Validation
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
//!
//! Per-endpoint rules (required parameters, cross-field rules, product combinations) are
//! listed in each request type's documentation.
//!
//! # Extra parameters
//!
//! Sectigo adds parameters over time, so every request has `extra: Vec<(String, String)>`,
//! sent after the typed ones in the caller's order. They are checked against the endpoint's
//! table of documented names (ASCII case-insensitively, DIGEST §1.3 and quirk 11): an unknown
//! name is the server's `-2` "'xxxx' is an unrecognised argument!", a name the request has a
//! typed field for is refused so that its value gets checked. Set
//! `allow_unknown_parameters = true` to skip these checks. Parameters are never added behind
//! the caller's back: `responseFormat` is sent only when set (AutoUpdateDCV answers `-2` to
//! it, DIGEST quirk 39).
//!
//! # Secrets
//!
//! `loginPassword`, `collectionCode` and `appRepLoginPassword` are [`Secret`]s. The `Debug`
//! and `Display` output of every type here - requests, [`Credentials`], [`FormBody`],
//! [`HttpRequest`], [`Violation`] - shows `<redacted>` in their place, and violation messages
//! never repeat a value. Extra parameters whose name contains `password` or is
//! `collectionCode` are redacted too.
//!
//! # The caller's loop (sans-IO)
//!
//! Build the request, `to_http` it, send the [`HttpRequest`] with any HTTP client, and hand
//! the status, `Content-Type` and body bytes to the endpoint's response parser. The library
//! does no I/O, reads no clock and draws no randomness.
//!
//! # Example
//!
//! ```
//! use sectigo_codec::request::{
//!     AutoApplyOrderRequest, BaseUrl, Credentials, DcvMethod, ServerSoftware,
//! };
//!
//! let mut order = AutoApplyOrderRequest::ssl(
//!     Credentials::new("reseller", "s3cret"),
//!     488,                      // SectigoSSL DV
//!     365,
//!     ServerSoftware::Other,
//!     "-----BEGIN CERTIFICATE REQUEST-----\nMIIB...\n-----END CERTIFICATE REQUEST-----\n",
//! );
//! order.dcv_method = Some(DcvMethod::CnameCsrHash);
//! order.unique_value = Some("order 42".into()); // not alphanumeric
//!
//! let violations = order.to_http(&BaseUrl::default()).unwrap_err();
//! assert_eq!(violations.len(), 1);
//! let v = &violations.as_slice()[0];
//! assert_eq!((v.code, v.parameter.as_str()), (-4, "uniqueValue"));
//!
//! order.unique_value = Some("order42".into());
//! let http = order.to_http(&BaseUrl::default())?;
//! assert_eq!(http.url(), "https://secure.trust-provider.com/products/!AutoApplyOrder");
//! assert!(http.body().starts_with(b"loginName=reseller&loginPassword=s3cret&product=488&days=365"));
//! # Ok::<(), sectigo_codec::request::Violations>(())
//! ```

use core::fmt;

use crate::EndpointId;

pub mod account_balance;
pub mod auto_apply_order;
pub mod auto_refund;
pub mod auto_replace_ssl;
pub mod auto_revoke_ssl;
pub mod collect_pac;
pub mod collect_ssl;
mod http;
pub mod order_status;
mod params;
mod validate;

pub use account_balance::AccountBalanceRequest;
pub use auto_apply_order::{ApplyPath, AutoApplyOrderRequest};
pub use auto_refund::AutoRefundRequest;
pub use auto_replace_ssl::AutoReplaceSslRequest;
pub use auto_revoke_ssl::AutoRevokeSslRequest;
pub use collect_pac::{CollectPacRequest, CollectSmimeRequest};
pub use collect_ssl::CollectSslRequest;
pub use http::{
    BaseUrl, BaseUrlError, Credentials, FORM_CONTENT_TYPE, FormBody, HttpRequest, LEGACY_BASE_URL,
    REDACTED, Secret,
};
pub use order_status::OrderStatusRequest;
pub use params::{
    BusinessCategory, CallbackMethod, CollectQueryType, DcvAllMethod, DcvMethod, DcvToken,
    DcvTokens, OfferType, OrderStatusQueryType, PacResponseType, RefundReason, ResponseEncoding,
    RevocationReason, ServerSoftware, SslResponseType,
};
pub use validate::{Rule, Violation, Violations};

use http::Params;
use validate::{Checker, PairReader};

/// What every request type can do; implemented by each `*Request` type and by
/// [`AnyRequest`]. The request types also have these methods as inherent methods, so the
/// trait is needed only for generic code.
pub trait ApiRequest: fmt::Debug + fmt::Display {
    /// The endpoint.
    fn endpoint(&self) -> EndpointId;

    /// The path after the base URL (`!AutoApplyOrder`, `download/CollectSSL`, ...).
    fn path(&self) -> &'static str;

    /// Whether the request may go over plain HTTP: only CollectPAC and CollectSMIME with a
    /// `collectionCode` (DIGEST §1.1); everything else gets `-1` "Request was not made over
    /// https!".
    fn allows_plain_http(&self) -> bool {
        false
    }

    /// Every violation the server would refuse the request for; empty when it can be sent.
    fn validate(&self) -> Vec<Violation>;

    /// The form body, without validation.
    fn to_form(&self) -> FormBody;

    /// Validates, then describes the HTTP request to `base`.
    ///
    /// # Errors
    ///
    /// [`Violations`] with every violation found, including `-1` for a plain-HTTP base URL
    /// where HTTPS is required.
    fn to_http(&self, base: &BaseUrl) -> Result<HttpRequest, Violations> {
        let mut violations = self.validate();
        if !base.is_https() && !self.allows_plain_http() {
            violations.push(Violation {
                code: -1,
                parameter: String::new(),
                rule: Rule::InsecureTransport,
                message: format!(
                    "{} must be called over HTTPS; use an https:// base URL",
                    self.endpoint().doc_name()
                ),
            });
        }
        if violations.is_empty() {
            Ok(HttpRequest::new(base.join(self.path()), self.to_form()))
        } else {
            Err(Violations::new(violations))
        }
    }
}

/// Implemented by each request type: its parameter table and the three private halves.
trait RequestSpec: Sized {
    const ENDPOINT: EndpointId;
    /// The documented parameter names, in table order (canonical spelling).
    const PARAMETERS: &'static [&'static str];
    /// Documented names without a typed field (accepted as extra parameters).
    const UNTYPED: &'static [&'static str] = &[];
    /// Other spellings of a documented name (`pvkFilename` for `privateKeyFilename`).
    const ALIASES: &'static [(&'static str, &'static str)] = &[];

    fn extra(&self) -> &[(String, String)];
    fn allow_unknown(&self) -> bool;
    fn set_allow_unknown(&mut self, allow: bool);
    fn check(&self, c: &mut Checker);
    fn write(&self, p: &mut Params);
    fn read(r: &mut PairReader) -> Option<Self>;
}

/// The three [`RequestSpec`] methods over the `extra` and `allow_unknown_parameters` fields
/// that every request struct has.
macro_rules! extra_parameters {
    () => {
        fn extra(&self) -> &[(String, String)] {
            &self.extra
        }

        fn allow_unknown(&self) -> bool {
            self.allow_unknown_parameters
        }

        fn set_allow_unknown(&mut self, allow: bool) {
            self.allow_unknown_parameters = allow;
        }
    };
}
use extra_parameters;

/// Generates the shared inherent methods, the [`ApiRequest`] impl and `Display`.
macro_rules! request_api {
    ($ty:ty) => {
        impl $ty {
            /// The documented parameter names of this endpoint, in the documentation's table
            /// order (the order `to_form` writes them in).
            pub const PARAMETERS: &'static [&'static str] =
                <Self as $crate::request::RequestSpec>::PARAMETERS;

            /// Every violation the server would refuse this request for (see the
            /// [module documentation](crate::request)); empty when it can be sent.
            pub fn validate(&self) -> Vec<$crate::request::Violation> {
                $crate::request::validate_spec(self)
            }

            /// The form body: parameters in table order under their canonical names, then the
            /// extra parameters. Does not validate.
            pub fn to_form(&self) -> $crate::request::FormBody {
                $crate::request::write_spec(self)
            }

            /// Validates, then describes the HTTP request to `base`.
            ///
            /// # Errors
            ///
            /// [`Violations`](crate::request::Violations) with every violation found,
            /// including `-1` for a plain-HTTP base URL where HTTPS is required.
            pub fn to_http(
                &self,
                base: &$crate::request::BaseUrl,
            ) -> Result<$crate::request::HttpRequest, $crate::request::Violations> {
                $crate::request::ApiRequest::to_http(self, base)
            }

            /// Builds the request from `name=value` pairs (the by-name API). Names are
            /// matched ASCII case-insensitively against [`PARAMETERS`](Self::PARAMETERS);
            /// other names become extra parameters (checked by `validate`).
            ///
            /// # Errors
            ///
            /// When a value cannot be read (not a documented code, not `Y`/`N`, not a
            /// number), a parameter is given twice, or a parameter the constructor needs is
            /// missing: those violations, plus every violation `validate` finds in what could
            /// be built.
            pub fn from_pairs<I, K, V>(pairs: I) -> Result<Self, $crate::request::Violations>
            where
                I: IntoIterator<Item = (K, V)>,
                K: Into<String>,
                V: Into<String>,
            {
                $crate::request::read_spec::<Self, I, K, V>(pairs, false)
            }
        }

        /// Shows the path, the form body with secret values redacted (every parameter that
        /// would be sent, under its wire name) and `allow_unknown_parameters`. Written by
        /// hand rather than derived so that extra parameters holding a password are redacted
        /// too.
        impl core::fmt::Debug for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.debug_struct(stringify!($ty))
                    .field("path", &$crate::request::ApiRequest::path(self))
                    .field("body", &self.to_form().redacted())
                    .field("allow_unknown_parameters", &self.allow_unknown_parameters)
                    .finish()
            }
        }

        impl core::fmt::Display for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(
                    f,
                    "{} request {}",
                    <Self as $crate::request::RequestSpec>::ENDPOINT.doc_name(),
                    self.to_form().redacted()
                )
            }
        }
    };
}
use request_api;

fn validate_spec<R: RequestSpec>(request: &R) -> Vec<Violation> {
    let mut c = Checker::new();
    request.check(&mut c);
    c.extra(
        request.extra(),
        R::PARAMETERS,
        R::ALIASES,
        R::UNTYPED,
        request.allow_unknown(),
    );
    c.finish()
}

fn write_spec<R: RequestSpec>(request: &R) -> FormBody {
    let mut p = Params::new();
    request.write(&mut p);
    p.extra(request.extra());
    p.finish()
}

fn read_spec<R, I, K, V>(pairs: I, allow_unknown: bool) -> Result<R, Violations>
where
    R: RequestSpec,
    I: IntoIterator<Item = (K, V)>,
    K: Into<String>,
    V: Into<String>,
{
    let mut reader = PairReader::new(pairs, R::PARAMETERS, R::ALIASES);
    let request = R::read(&mut reader).map(|mut request| {
        request.set_allow_unknown(allow_unknown);
        request
    });
    reader.finish(request, validate_spec, R::UNTYPED, allow_unknown)
}

/// Generates the [`ApiRequest`] impl of a request type with a fixed path.
macro_rules! api_request_impl {
    ($ty:ty) => {
        impl $crate::request::ApiRequest for $ty {
            fn endpoint(&self) -> $crate::EndpointId {
                <Self as $crate::request::RequestSpec>::ENDPOINT
            }

            fn path(&self) -> &'static str {
                <Self as $crate::request::RequestSpec>::ENDPOINT
                    .path()
                    .unwrap_or_default()
            }

            fn validate(&self) -> Vec<$crate::request::Violation> {
                <$ty>::validate(self)
            }

            fn to_form(&self) -> $crate::request::FormBody {
                <$ty>::to_form(self)
            }
        }
    };
}
use api_request_impl;

/// Reads credentials for `from_pairs`: absent names become empty strings, which `validate`
/// reports as missing (`-3`).
fn read_credentials(r: &mut PairReader) -> Credentials {
    let login_name = r.string("loginName").unwrap_or_default();
    let login_password = r.string("loginPassword").unwrap_or_default();
    Credentials::new(login_name, login_password)
}

/// `loginName` (64) and `loginPassword` (128), both required (DIGEST §1.2).
fn check_credentials(c: &mut Checker, credentials: &Credentials) {
    c.required("loginName", &credentials.login_name, 64);
    c.required("loginPassword", credentials.login_password.expose(), 128);
}

/// A request for any endpoint: what [`AnyRequest::from_pairs`] builds from an endpoint id and
/// `name=value` pairs (the command-line tool's `encode`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AnyRequest {
    /// AutoApplyOrder (boxed: it has about 90 fields).
    AutoApplyOrder(Box<AutoApplyOrderRequest>),
    /// AutoReplaceSSL.
    AutoReplaceSsl(AutoReplaceSslRequest),
    /// CollectSSL.
    CollectSsl(CollectSslRequest),
    /// CollectPAC.
    CollectPac(CollectPacRequest),
    /// CollectSMIME.
    CollectSmime(CollectSmimeRequest),
    /// GetDetailedOrderStatus.
    OrderStatus(OrderStatusRequest),
    /// AutoRevokeSSL.
    AutoRevokeSsl(AutoRevokeSslRequest),
    /// AutoRefund.
    AutoRefund(AutoRefundRequest),
    /// getAccountBalance.
    AccountBalance(AccountBalanceRequest),
}

macro_rules! any_dispatch {
    ($self:ident, $r:ident => $e:expr) => {
        match $self {
            Self::AutoApplyOrder($r) => $e,
            Self::AutoReplaceSsl($r) => $e,
            Self::CollectSsl($r) => $e,
            Self::CollectPac($r) => $e,
            Self::CollectSmime($r) => $e,
            Self::OrderStatus($r) => $e,
            Self::AutoRevokeSsl($r) => $e,
            Self::AutoRefund($r) => $e,
            Self::AccountBalance($r) => $e,
        }
    };
}

impl AnyRequest {
    /// Builds the request of `endpoint` from `name=value` pairs; `None` for an endpoint that
    /// has no request ([`EndpointId::Notification`], which Sectigo sends to the partner).
    ///
    /// ```
    /// use sectigo_codec::EndpointId;
    /// use sectigo_codec::request::AnyRequest;
    /// let req = AnyRequest::from_pairs(
    ///     EndpointId::GetAccountBalance,
    ///     [("LOGINNAME", "reseller"), ("loginPassword", "s3cret"), ("responseFormat", "1")],
    /// )
    /// .unwrap()?;
    /// assert!(req.validate().is_empty());
    /// assert_eq!(req.to_form().as_str(), "loginName=reseller&loginPassword=s3cret&responseFormat=1");
    /// # Ok::<(), sectigo_codec::request::Violations>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As the `from_pairs` of each request type.
    pub fn from_pairs<I, K, V>(endpoint: EndpointId, pairs: I) -> Option<Result<Self, Violations>>
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        Self::from_pairs_with(endpoint, pairs, false)
    }

    /// Like [`from_pairs`](Self::from_pairs), and sets `allow_unknown_parameters` on the
    /// request (so the violations reported on error already honour it).
    ///
    /// # Errors
    ///
    /// As the `from_pairs` of each request type.
    pub fn from_pairs_with<I, K, V>(
        endpoint: EndpointId,
        pairs: I,
        allow_unknown_parameters: bool,
    ) -> Option<Result<Self, Violations>>
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        let allow = allow_unknown_parameters;
        Some(match endpoint {
            EndpointId::AutoApplyOrder => read_spec::<AutoApplyOrderRequest, I, K, V>(pairs, allow)
                .map(|r| Self::AutoApplyOrder(Box::new(r))),
            EndpointId::AutoReplaceSsl => read_spec(pairs, allow).map(Self::AutoReplaceSsl),
            EndpointId::CollectSsl => read_spec(pairs, allow).map(Self::CollectSsl),
            EndpointId::CollectPac => read_spec(pairs, allow).map(Self::CollectPac),
            EndpointId::CollectSmime => read_spec(pairs, allow).map(Self::CollectSmime),
            EndpointId::GetDetailedOrderStatus => read_spec(pairs, allow).map(Self::OrderStatus),
            EndpointId::AutoRevokeSsl => read_spec(pairs, allow).map(Self::AutoRevokeSsl),
            EndpointId::AutoRefund => read_spec(pairs, allow).map(Self::AutoRefund),
            EndpointId::GetAccountBalance => read_spec(pairs, allow).map(Self::AccountBalance),
            EndpointId::Notification => return None,
        })
    }

    /// Every violation the server would refuse the request for.
    pub fn validate(&self) -> Vec<Violation> {
        any_dispatch!(self, r => r.validate())
    }

    /// The form body, without validation.
    pub fn to_form(&self) -> FormBody {
        any_dispatch!(self, r => r.to_form())
    }

    /// Validates, then describes the HTTP request to `base`.
    ///
    /// # Errors
    ///
    /// [`Violations`] with every violation found.
    pub fn to_http(&self, base: &BaseUrl) -> Result<HttpRequest, Violations> {
        any_dispatch!(self, r => r.to_http(base))
    }

    /// Whether to skip the check of extra parameter names (see the module documentation).
    pub fn set_allow_unknown_parameters(&mut self, allow: bool) {
        any_dispatch!(self, r => r.allow_unknown_parameters = allow);
    }
}

impl ApiRequest for AnyRequest {
    fn endpoint(&self) -> EndpointId {
        any_dispatch!(self, r => r.endpoint())
    }

    fn path(&self) -> &'static str {
        any_dispatch!(self, r => r.path())
    }

    fn allows_plain_http(&self) -> bool {
        any_dispatch!(self, r => r.allows_plain_http())
    }

    fn validate(&self) -> Vec<Violation> {
        Self::validate(self)
    }

    fn to_form(&self) -> FormBody {
        Self::to_form(self)
    }
}

impl fmt::Display for AnyRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        any_dispatch!(self, r => fmt::Display::fmt(r, f))
    }
}

/// Reads `responseFormat` (`0`, `1`, `2`) for `from_pairs`.
fn read_response_format(text: &str) -> Option<crate::ResponseFormat> {
    params::parse_int(text)
        .and_then(|code| u8::try_from(code).ok())
        .and_then(crate::ResponseFormat::from_code)
}
