//! GetDetailedOrderStatus: `POST <base>!GetDetailedOrderStatus` (DIGEST §4.1; the
//! mark-certificate pages print a `download/` segment, but their own sample and every other
//! page use this path).
//!
//! | Parameter | Field | Rules |
//! |---|---|---|
//! | `loginName`, `loginPassword` | `credentials` | required; at most 64 / 128 characters |
//! | `orderNumber` | `order_number` | a string (quirk 9) |
//! | `certificateID` | `certificate_id` | 1-16 digits |
//! | | | exactly one of the two ("Either this or `certificateID`") |
//! | `queryType` | `query_type` | required, `0`-`2` |
//! | `showValidityPeriod` | `show_validity_period` | `Y`/`N` |
//! | `responseFormat` | `response_format` | `1` URL-encoded (the server's default) or `2` JSON; `0` is not offered |
//!
//! `responseFormat` is marked "required" yet "defaults to 1" (quirk 19): it is sent only when
//! set.

use super::params::OrderStatusQueryType;
use super::validate::{Checker, PairReader};
use super::{Credentials, Params, RequestSpec, api_request_impl, request_api};
use crate::{EndpointId, ResponseFormat};

/// A GetDetailedOrderStatus request.
///
/// ```
/// use sectigo_codec::ResponseFormat;
/// use sectigo_codec::request::{Credentials, OrderStatusQueryType, OrderStatusRequest};
///
/// let mut req = OrderStatusRequest::by_order_number(
///     Credentials::new("reseller", "s3cret"),
///     "7250060",
///     OrderStatusQueryType::DetailedWithReplacements,
/// );
/// req.response_format = Some(ResponseFormat::Json);
/// assert!(req.validate().is_empty());
/// assert_eq!(
///     req.to_form().as_str(),
///     "loginName=reseller&loginPassword=s3cret&orderNumber=7250060&queryType=2&responseFormat=2"
/// );
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct OrderStatusRequest {
    /// `loginName`, `loginPassword`.
    pub credentials: Credentials,
    /// `orderNumber`.
    pub order_number: Option<String>,
    /// `certificateID` (not for VMC/CMC).
    pub certificate_id: Option<String>,
    /// `queryType`.
    pub query_type: OrderStatusQueryType,
    /// `showValidityPeriod`.
    pub show_validity_period: Option<bool>,
    /// `responseFormat`: `UrlEncoded` (default) or `Json`.
    pub response_format: Option<ResponseFormat>,
    /// Extra parameters, sent after the typed ones.
    pub extra: Vec<(String, String)>,
    /// Skip the check of extra parameter names.
    pub allow_unknown_parameters: bool,
}

impl OrderStatusRequest {
    /// A request with only the credentials and `queryType`; set `order_number` or
    /// `certificate_id`.
    pub fn new(credentials: Credentials, query_type: OrderStatusQueryType) -> Self {
        Self {
            credentials,
            order_number: None,
            certificate_id: None,
            query_type,
            show_validity_period: None,
            response_format: None,
            extra: Vec::new(),
            allow_unknown_parameters: false,
        }
    }

    /// A request for the order `order_number`.
    pub fn by_order_number(
        credentials: Credentials,
        order_number: impl Into<String>,
        query_type: OrderStatusQueryType,
    ) -> Self {
        let mut request = Self::new(credentials, query_type);
        request.order_number = Some(order_number.into());
        request
    }

    /// A request for the certificate `certificate_id`.
    pub fn by_certificate_id(
        credentials: Credentials,
        certificate_id: impl Into<String>,
        query_type: OrderStatusQueryType,
    ) -> Self {
        let mut request = Self::new(credentials, query_type);
        request.certificate_id = Some(certificate_id.into());
        request
    }
}

request_api!(OrderStatusRequest);
api_request_impl!(OrderStatusRequest);

impl RequestSpec for OrderStatusRequest {
    const ENDPOINT: EndpointId = EndpointId::GetDetailedOrderStatus;
    const PARAMETERS: &'static [&'static str] = &[
        "loginName",
        "loginPassword",
        "orderNumber",
        "certificateID",
        "queryType",
        "showValidityPeriod",
        "responseFormat",
    ];

    super::extra_parameters!();

    fn check(&self, c: &mut Checker) {
        super::check_credentials(c, &self.credentials);
        if self.order_number.as_ref().is_some_and(String::is_empty) {
            c.missing("orderNumber");
        }
        c.digits("certificateID", self.certificate_id.as_ref(), 16);
        c.exactly_one_of(&[
            ("orderNumber", self.order_number.is_some()),
            ("certificateID", self.certificate_id.is_some()),
        ]);
        if self.response_format == Some(ResponseFormat::Newline) {
            c.not_allowed(
                "responseFormat",
                "GetDetailedOrderStatus offers 1 (URL-encoded, the default) and 2 (JSON)",
            );
        }
    }

    fn write(&self, p: &mut Params) {
        p.credentials(&self.credentials);
        p.opt_str("orderNumber", self.order_number.as_ref());
        p.opt_str("certificateID", self.certificate_id.as_ref());
        p.value("queryType", Some(self.query_type));
        p.flag("showValidityPeriod", self.show_validity_period);
        p.value(
            "responseFormat",
            self.response_format.map(ResponseFormat::code),
        );
    }

    fn read(r: &mut PairReader) -> Option<Self> {
        let credentials = super::read_credentials(r);
        let query_type = r.parsed("queryType", "0, 1 or 2", OrderStatusQueryType::from_wire);
        let query_type = r.require("queryType", query_type);
        let mut request = Self::new(
            credentials,
            query_type.unwrap_or(OrderStatusQueryType::StatusOnly),
        );
        request.order_number = r.string("orderNumber");
        request.certificate_id = r.string("certificateID");
        request.show_validity_period = r.flag("showValidityPeriod");
        request.response_format = r.parsed("responseFormat", "1 or 2", super::read_response_format);
        request.extra = r.extra_pairs();
        query_type.map(|_| request)
    }
}
