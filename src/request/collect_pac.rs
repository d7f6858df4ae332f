//! CollectPAC and CollectSMIME: `POST <base>download/CollectPAC` and
//! `<base>download/CollectSMIME` (DIGEST §3.1, §3.2).
//!
//! | Parameter | Field | Rules |
//! |---|---|---|
//! | `loginName`, `loginPassword` | `credentials` | at most 64 / 128 characters |
//! | `orderNumber` | `order_number` | a string (quirk 9) |
//! | `collectionCode` | `collection_code` | at most 16 characters; a [`Secret`] |
//! | | | `collectionCode` **or** the login triple `loginName` + `loginPassword` + `orderNumber` (quirk 19; CollectCCC/CollectEIDAS spell it out) |
//! | `queryType` | `query_type` | required, `0`-`3` |
//! | `responseType` | `response_type` | `1`-`4` (no ZIP); `1`, `2`, `4` need `queryType=1` |
//! | `responseEncoding` | `response_encoding` | `0`, `1`, `2` (CollectSMIME: `0`, `1`); `1` needs `queryType=1` and `responseType=2` |
//! | `responseMimeType` | `response_mime_type` | CollectPAC only; at most 255 characters |
//! | `showValidityPeriod` | `show_validity_period` | `Y`/`N` |
//!
//! `responseEncoding=1` is documented as needing "responseType 0 or 2", but `0` is not a
//! `responseType` of these endpoints (quirk 21), so PKCS#7 (`2`) it is. Whether CollectSMIME
//! accepts `responseEncoding=2` (JavaScript) is UNCONFIRMED, so it is refused there.
//!
//! With a `collectionCode` (and no login), the call may go over plain HTTP (DIGEST §1.1):
//! `to_http` accepts an `http://` base URL for such a request only.

use super::http::Secret;
use super::params::{CollectQueryType, PacResponseType, ResponseEncoding};
use super::validate::{Checker, PairReader, Rule};
use super::{ApiRequest, Credentials, Params, RequestSpec, request_api};
use crate::EndpointId;

/// A CollectPAC request: the status and certificates of a Personal Authentication
/// Certificate order.
///
/// ```
/// use sectigo_codec::request::{BaseUrl, CollectPacRequest, CollectQueryType, PacResponseType};
///
/// let mut req = CollectPacRequest::with_collection_code("AbCdEf0123456789", CollectQueryType::CertificateAndChain);
/// req.response_type = Some(PacResponseType::Pkcs7);
/// // A collection code may be used over plain HTTP.
/// let http = req.to_http(&"http://secure.trust-provider.com/products/".parse()?).unwrap();
/// assert_eq!(http.url(), "http://secure.trust-provider.com/products/download/CollectPAC");
/// assert_eq!(http.body(), b"collectionCode=AbCdEf0123456789&queryType=1&responseType=2");
/// assert!(format!("{http:?}").contains("collectionCode=<redacted>"));
/// # Ok::<(), sectigo_codec::request::BaseUrlError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CollectPacRequest {
    /// `loginName`, `loginPassword` (with `order_number`; not with `collection_code`).
    pub credentials: Option<Credentials>,
    /// `orderNumber` (with `credentials`).
    pub order_number: Option<String>,
    /// `collectionCode`, from the collection e-mail (instead of the login triple).
    pub collection_code: Option<Secret>,
    /// `queryType`.
    pub query_type: CollectQueryType,
    /// `responseType` (default `3`).
    pub response_type: Option<PacResponseType>,
    /// `responseEncoding`.
    pub response_encoding: Option<ResponseEncoding>,
    /// `responseMimeType`: the MIME type to label the output with.
    pub response_mime_type: Option<String>,
    /// `showValidityPeriod`.
    pub show_validity_period: Option<bool>,
    /// Extra parameters, sent after the typed ones.
    pub extra: Vec<(String, String)>,
    /// Skip the check of extra parameter names.
    pub allow_unknown_parameters: bool,
}

/// A CollectSMIME request: the status and certificates of an S/MIME order. The same
/// parameters as [`CollectPacRequest`] without `responseMimeType`; the `collectionCode`
/// comes from ordering with `showCollectionCode=Y` (RequestAndCollectSMIME).
///
/// ```
/// use sectigo_codec::request::{CollectQueryType, CollectSmimeRequest, Credentials, ResponseEncoding};
///
/// let mut req = CollectSmimeRequest::with_login(
///     Credentials::new("reseller", "s3cret"),
///     "1234567",
///     CollectQueryType::StatusOnly,
/// );
/// req.response_encoding = Some(ResponseEncoding::JavaScript); // documented for CollectPAC only
/// let v = req.validate();
/// assert_eq!((v[0].code, v[0].parameter.as_str()), (-4, "responseEncoding"));
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CollectSmimeRequest {
    /// `loginName`, `loginPassword` (with `order_number`; not with `collection_code`).
    pub credentials: Option<Credentials>,
    /// `orderNumber` (with `credentials`).
    pub order_number: Option<String>,
    /// `collectionCode` (instead of the login triple).
    pub collection_code: Option<Secret>,
    /// `queryType`.
    pub query_type: CollectQueryType,
    /// `responseType`.
    pub response_type: Option<PacResponseType>,
    /// `responseEncoding` (`0` or `1`).
    pub response_encoding: Option<ResponseEncoding>,
    /// `showValidityPeriod`.
    pub show_validity_period: Option<bool>,
    /// Extra parameters, sent after the typed ones.
    pub extra: Vec<(String, String)>,
    /// Skip the check of extra parameter names.
    pub allow_unknown_parameters: bool,
}

/// Generates the constructors of both types (same fields up to `responseMimeType`).
macro_rules! constructors {
    ($ty:ident { $($more:ident: $init:expr),* }) => {
        impl $ty {
            /// A request with only `queryType`; set either `collection_code`, or
            /// `credentials` and `order_number`.
            pub fn new(query_type: CollectQueryType) -> Self {
                Self {
                    credentials: None,
                    order_number: None,
                    collection_code: None,
                    query_type,
                    response_type: None,
                    response_encoding: None,
                    show_validity_period: None,
                    extra: Vec::new(),
                    allow_unknown_parameters: false,
                    $($more: $init,)*
                }
            }

            /// A request authenticated by the account login, for `order_number`.
            pub fn with_login(
                credentials: Credentials,
                order_number: impl Into<String>,
                query_type: CollectQueryType,
            ) -> Self {
                let mut request = Self::new(query_type);
                request.credentials = Some(credentials);
                request.order_number = Some(order_number.into());
                request
            }

            /// A request authenticated by the collection code of the order.
            pub fn with_collection_code(
                collection_code: impl Into<Secret>,
                query_type: CollectQueryType,
            ) -> Self {
                let mut request = Self::new(query_type);
                request.collection_code = Some(collection_code.into());
                request
            }
        }

        request_api!($ty);

        impl ApiRequest for $ty {
            fn endpoint(&self) -> EndpointId {
                <Self as RequestSpec>::ENDPOINT
            }

            fn path(&self) -> &'static str {
                <Self as RequestSpec>::ENDPOINT.path().unwrap_or_default()
            }

            fn allows_plain_http(&self) -> bool {
                self.collection_code.is_some() && self.credentials.is_none()
            }

            fn validate(&self) -> Vec<super::Violation> {
                <$ty>::validate(self)
            }

            fn to_form(&self) -> super::FormBody {
                <$ty>::to_form(self)
            }
        }
    };
}

constructors!(CollectPacRequest {
    response_mime_type: None
});
constructors!(CollectSmimeRequest {});

/// The fields both endpoints share, borrowed.
struct Common<'a> {
    credentials: Option<&'a Credentials>,
    order_number: Option<&'a String>,
    collection_code: Option<&'a Secret>,
    query_type: CollectQueryType,
    response_type: Option<PacResponseType>,
    response_encoding: Option<ResponseEncoding>,
    show_validity_period: Option<bool>,
}

impl Common<'_> {
    fn check(&self, c: &mut Checker, smime: bool) {
        match (self.collection_code, self.credentials, self.order_number) {
            (Some(code), credentials, order_number) => {
                c.required("collectionCode", code.expose(), 16);
                if let Some(credentials) = credentials {
                    c.max_chars("loginName", &credentials.login_name, 64);
                    c.max_chars("loginPassword", credentials.login_password.expose(), 128);
                }
                for (name, given) in [
                    ("loginName", credentials.is_some()),
                    ("orderNumber", order_number.is_some()),
                ] {
                    if given {
                        c.push(
                            -4,
                            name,
                            Rule::Conflict,
                            format!(
                                "'{name}' is given together with 'collectionCode': use either the \
                                 collection code or loginName, loginPassword and orderNumber"
                            ),
                        );
                    }
                }
            }
            (None, None, None) => c.push(
                -3,
                "collectionCode",
                Rule::MissingOneOf,
                "the 'collectionCode' argument is missing: give collectionCode, or loginName, \
                 loginPassword and orderNumber"
                    .into(),
            ),
            (None, credentials, order_number) => {
                match credentials {
                    Some(credentials) => super::check_credentials(c, credentials),
                    None => {
                        c.missing("loginName");
                        c.missing("loginPassword");
                    }
                }
                match order_number {
                    Some(order) => c.required("orderNumber", order, 128),
                    None => c.missing("orderNumber"),
                }
            }
        }
        let full = self.query_type == CollectQueryType::CertificateAndChain;
        if let Some(rt) = self.response_type
            && rt != PacResponseType::Individual
            && !full
        {
            c.push(
                -4,
                "responseType",
                Rule::Requires,
                format!(
                    "responseType {} ({rt:?}) needs queryType=1; use queryType=1 or \
                         responseType=3",
                    rt.code()
                ),
            );
        }
        match self.response_encoding {
            Some(ResponseEncoding::Binary)
                if !full || self.response_type != Some(PacResponseType::Pkcs7) =>
            {
                c.push(
                    -4,
                    "responseEncoding",
                    Rule::Requires,
                    "responseEncoding=1 (binary) needs queryType=1 and responseType=2 (PKCS#7)"
                        .into(),
                );
            }
            Some(ResponseEncoding::JavaScript) if smime => c.not_allowed(
                "responseEncoding",
                "CollectSMIME documents 0 (base64) and 1 (binary); 2 (JavaScript) is documented \
                 for CollectPAC only",
            ),
            _ => {}
        }
    }

    fn write(&self, p: &mut Params) {
        if let Some(credentials) = self.credentials {
            p.credentials(credentials);
        }
        p.opt_str("orderNumber", self.order_number);
        p.opt_secret("collectionCode", self.collection_code);
        p.value("queryType", Some(self.query_type));
        p.value("responseType", self.response_type);
        p.value("responseEncoding", self.response_encoding);
    }
}

/// The shared fields as `from_pairs` reads them.
struct ReadCommon {
    query_type: Option<CollectQueryType>,
    credentials: Option<Credentials>,
    order_number: Option<String>,
    collection_code: Option<Secret>,
    response_type: Option<PacResponseType>,
    response_encoding: Option<ResponseEncoding>,
    show_validity_period: Option<bool>,
}

impl ReadCommon {
    fn read(r: &mut PairReader) -> Self {
        let login_name = r.string("loginName");
        let login_password = r.string("loginPassword");
        let credentials = if login_name.is_some() || login_password.is_some() {
            Some(Credentials::new(
                login_name.unwrap_or_default(),
                login_password.unwrap_or_default(),
            ))
        } else {
            None
        };
        let order_number = r.string("orderNumber");
        let collection_code = r.string("collectionCode").map(Secret::from);
        let query_type = r.parsed("queryType", "0, 1, 2 or 3", CollectQueryType::from_wire);
        let query_type = r.require("queryType", query_type);
        let response_type = r.parsed("responseType", "1, 2, 3 or 4", PacResponseType::from_wire);
        let response_encoding =
            r.parsed("responseEncoding", "0, 1 or 2", ResponseEncoding::from_wire);
        let show_validity_period = r.flag("showValidityPeriod");
        Self {
            query_type,
            credentials,
            order_number,
            collection_code,
            response_type,
            response_encoding,
            show_validity_period,
        }
    }
}

impl RequestSpec for CollectPacRequest {
    const ENDPOINT: EndpointId = EndpointId::CollectPac;
    const PARAMETERS: &'static [&'static str] = &[
        "loginName",
        "loginPassword",
        "orderNumber",
        "collectionCode",
        "queryType",
        "responseType",
        "responseEncoding",
        "responseMimeType",
        "showValidityPeriod",
    ];

    super::extra_parameters!();

    fn check(&self, c: &mut Checker) {
        self.common().check(c, false);
        c.optional("responseMimeType", self.response_mime_type.as_ref(), 255);
    }

    fn write(&self, p: &mut Params) {
        self.common().write(p);
        p.opt_str("responseMimeType", self.response_mime_type.as_ref());
        p.flag("showValidityPeriod", self.show_validity_period);
    }

    fn read(r: &mut PairReader) -> Option<Self> {
        let common = ReadCommon::read(r);
        let response_mime_type = r.string("responseMimeType");
        let mut request = Self::new(common.query_type?);
        request.credentials = common.credentials;
        request.order_number = common.order_number;
        request.collection_code = common.collection_code;
        request.response_type = common.response_type;
        request.response_encoding = common.response_encoding;
        request.response_mime_type = response_mime_type;
        request.show_validity_period = common.show_validity_period;
        request.extra = r.extra_pairs();
        Some(request)
    }
}

impl CollectPacRequest {
    fn common(&self) -> Common<'_> {
        Common {
            credentials: self.credentials.as_ref(),
            order_number: self.order_number.as_ref(),
            collection_code: self.collection_code.as_ref(),
            query_type: self.query_type,
            response_type: self.response_type,
            response_encoding: self.response_encoding,
            show_validity_period: self.show_validity_period,
        }
    }
}

impl RequestSpec for CollectSmimeRequest {
    const ENDPOINT: EndpointId = EndpointId::CollectSmime;
    const PARAMETERS: &'static [&'static str] = &[
        "loginName",
        "loginPassword",
        "orderNumber",
        "collectionCode",
        "queryType",
        "responseType",
        "responseEncoding",
        "showValidityPeriod",
    ];

    super::extra_parameters!();

    fn check(&self, c: &mut Checker) {
        self.common().check(c, true);
    }

    fn write(&self, p: &mut Params) {
        let common = self.common();
        common.write(p);
        p.flag("showValidityPeriod", common.show_validity_period);
    }

    fn read(r: &mut PairReader) -> Option<Self> {
        let common = ReadCommon::read(r);
        let mut request = Self::new(common.query_type?);
        request.credentials = common.credentials;
        request.order_number = common.order_number;
        request.collection_code = common.collection_code;
        request.response_type = common.response_type;
        request.response_encoding = common.response_encoding;
        request.show_validity_period = common.show_validity_period;
        request.extra = r.extra_pairs();
        Some(request)
    }
}

impl CollectSmimeRequest {
    fn common(&self) -> Common<'_> {
        Common {
            credentials: self.credentials.as_ref(),
            order_number: self.order_number.as_ref(),
            collection_code: self.collection_code.as_ref(),
            query_type: self.query_type,
            response_type: self.response_type,
            response_encoding: self.response_encoding,
            show_validity_period: self.show_validity_period,
        }
    }
}
