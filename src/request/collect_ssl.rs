//! CollectSSL: `POST <base>download/CollectSSL` (DIGEST §2.1; `download/` segment, no `!`).
//!
//! | # | Parameter | Field | Rules |
//! |---|---|---|---|
//! | 1-2 | `loginName`, `loginPassword` | `credentials` | required; at most 64 / 128 characters |
//! | 3 | `orderNumber` | `order_number` | at most 128 characters (a string: quirk 9) |
//! | 4 | `certificateID` | `certificate_id` | 1-16 digits |
//! | 5 | `baseOrderNumber` | `base_order_number` | digits |
//! | | | | exactly one of 3-5 (changelog v1.16): none `-3`, several `-4` |
//! | 6 | `queryType` | `query_type` | required, `0`-`3` |
//! | 7 | `responseType` | `response_type` | `0`-`3`; `0`, `1`, `2` need `queryType=1` |
//! | 8 | `responseEncoding` | `response_encoding` | `0`, `1`; `1` needs `queryType=1` and `responseType` `0` or `2`; `2` (JavaScript) is not documented here |
//! | 9 | `showValidityPeriod` | `show_validity_period` | `Y`/`N` |
//! | 10 | `showFQDN` | `show_fqdn` | `Y`/`N` |
//! | 11 | `showExtStatus` | `show_ext_status` | `Y`/`N` |
//! | 12 | `responseFormat` | `response_format` | `0` newline, `1` URL-encoded (no JSON) |
//! | 13 | `showMDCDomainDetails` | `show_mdc_domain_details` | `Y`/`N` |
//! | 14 | `showMDCDomainDetails2` | `show_mdc_domain_details2` | `Y`/`N` |
//! | 15 | `showStatusDetails` | `show_status_details` | `Y`/`N` |
//! | 16 | `behaviourVersion` | `behaviour_version` | integer; values UNCONFIRMED, not checked |
//!
//! The defaults of `responseType` and `responseEncoding` are UNCONFIRMED (DIGEST §2.1), so a
//! binary `responseEncoding` needs an explicit `responseType`. Sectigo asks that CollectSSL
//! is not called concurrently and status polling happens at most once every 3 hours (§1.1).

use super::params::{CollectQueryType, ResponseEncoding, SslResponseType};
use super::validate::{Checker, PairReader, Rule};
use super::{Credentials, Params, RequestSpec, api_request_impl, request_api};
use crate::{EndpointId, ResponseFormat};

/// A CollectSSL request: the status of an SSL order and, once issued, its certificates.
///
/// ```
/// use sectigo_codec::ResponseFormat;
/// use sectigo_codec::request::{CollectQueryType, CollectSslRequest, Credentials, SslResponseType};
///
/// // The documentation's sample request (DIGEST §2.1, T13).
/// let mut req = CollectSslRequest::by_order_number(
///     Credentials::new("login_name", "login_password"),
///     "order_number",
///     CollectQueryType::StatusOnly,
/// );
/// req.show_status_details = Some(true);
/// req.response_type = Some(SslResponseType::Individual);
/// req.response_format = Some(ResponseFormat::UrlEncoded);
/// req.show_ext_status = Some(true);
/// req.show_validity_period = Some(true);
/// assert!(req.validate().is_empty());
/// assert_eq!(
///     req.to_form().as_str(),
///     "loginName=login_name&loginPassword=login_password&orderNumber=order_number&queryType=0\
///      &responseType=3&showValidityPeriod=Y&showExtStatus=Y&responseFormat=1&showStatusDetails=Y"
/// );
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CollectSslRequest {
    /// `loginName`, `loginPassword`.
    pub credentials: Credentials,
    /// `orderNumber` (from AutoApplyOrder / AutoApplySSL).
    pub order_number: Option<String>,
    /// `certificateID` (from AutoApplyOrder / AutoReplaceSSL; since v1.21 also of a replaced
    /// certificate).
    pub certificate_id: Option<String>,
    /// `baseOrderNumber`: links an order with its replacement orders.
    pub base_order_number: Option<String>,
    /// `queryType`.
    pub query_type: CollectQueryType,
    /// `responseType` (send it explicitly: the default is UNCONFIRMED).
    pub response_type: Option<SslResponseType>,
    /// `responseEncoding`.
    pub response_encoding: Option<ResponseEncoding>,
    /// `showValidityPeriod`.
    pub show_validity_period: Option<bool>,
    /// `showFQDN`.
    pub show_fqdn: Option<bool>,
    /// `showExtStatus`: certificate status and validation status.
    pub show_ext_status: Option<bool>,
    /// `responseFormat`: newline (default) or URL-encoded.
    pub response_format: Option<ResponseFormat>,
    /// `showMDCDomainDetails`.
    pub show_mdc_domain_details: Option<bool>,
    /// `showMDCDomainDetails2` (also lists domains awaiting brand validation).
    pub show_mdc_domain_details2: Option<bool>,
    /// `showStatusDetails`.
    pub show_status_details: Option<bool>,
    /// `behaviourVersion`: handling of replaced certificates (values UNCONFIRMED; do not send
    /// unless needed).
    pub behaviour_version: Option<u32>,
    /// Extra parameters, sent after the typed ones.
    pub extra: Vec<(String, String)>,
    /// Skip the check of extra parameter names.
    pub allow_unknown_parameters: bool,
}

impl CollectSslRequest {
    /// A request with nothing but the credentials and `queryType`; set exactly one of
    /// `order_number`, `certificate_id`, `base_order_number`.
    pub fn new(credentials: Credentials, query_type: CollectQueryType) -> Self {
        Self {
            credentials,
            order_number: None,
            certificate_id: None,
            base_order_number: None,
            query_type,
            response_type: None,
            response_encoding: None,
            show_validity_period: None,
            show_fqdn: None,
            show_ext_status: None,
            response_format: None,
            show_mdc_domain_details: None,
            show_mdc_domain_details2: None,
            show_status_details: None,
            behaviour_version: None,
            extra: Vec::new(),
            allow_unknown_parameters: false,
        }
    }

    /// A request for the order `order_number`.
    pub fn by_order_number(
        credentials: Credentials,
        order_number: impl Into<String>,
        query_type: CollectQueryType,
    ) -> Self {
        let mut request = Self::new(credentials, query_type);
        request.order_number = Some(order_number.into());
        request
    }

    /// A request for the certificate `certificate_id`.
    pub fn by_certificate_id(
        credentials: Credentials,
        certificate_id: impl Into<String>,
        query_type: CollectQueryType,
    ) -> Self {
        let mut request = Self::new(credentials, query_type);
        request.certificate_id = Some(certificate_id.into());
        request
    }

    /// A request for the base order `base_order_number` (and its replacements).
    pub fn by_base_order_number(
        credentials: Credentials,
        base_order_number: impl Into<String>,
        query_type: CollectQueryType,
    ) -> Self {
        let mut request = Self::new(credentials, query_type);
        request.base_order_number = Some(base_order_number.into());
        request
    }
}

request_api!(CollectSslRequest);
api_request_impl!(CollectSslRequest);

impl RequestSpec for CollectSslRequest {
    const ENDPOINT: EndpointId = EndpointId::CollectSsl;
    const PARAMETERS: &'static [&'static str] = &[
        "loginName",
        "loginPassword",
        "orderNumber",
        "certificateID",
        "baseOrderNumber",
        "queryType",
        "responseType",
        "responseEncoding",
        "showValidityPeriod",
        "showFQDN",
        "showExtStatus",
        "responseFormat",
        "showMDCDomainDetails",
        "showMDCDomainDetails2",
        "showStatusDetails",
        "behaviourVersion",
    ];

    super::extra_parameters!();

    fn check(&self, c: &mut Checker) {
        super::check_credentials(c, &self.credentials);
        c.optional("orderNumber", self.order_number.as_ref(), 128);
        if self.order_number.as_ref().is_some_and(String::is_empty) {
            c.missing("orderNumber");
        }
        c.digits("certificateID", self.certificate_id.as_ref(), 16);
        c.digits("baseOrderNumber", self.base_order_number.as_ref(), 20);
        c.exactly_one_of(&[
            ("orderNumber", self.order_number.is_some()),
            ("certificateID", self.certificate_id.is_some()),
            ("baseOrderNumber", self.base_order_number.is_some()),
        ]);
        let full = self.query_type == CollectQueryType::CertificateAndChain;
        if let Some(rt) = self.response_type
            && rt != SslResponseType::Individual
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
            Some(ResponseEncoding::Binary) => {
                let container = matches!(
                    self.response_type,
                    Some(SslResponseType::Zip | SslResponseType::Pkcs7)
                );
                if !full || !container {
                    c.push(
                        -4,
                        "responseEncoding",
                        Rule::Requires,
                        "responseEncoding=1 (binary) needs queryType=1 and responseType 0 (ZIP) \
                         or 2 (PKCS#7), given explicitly"
                            .into(),
                    );
                }
            }
            Some(ResponseEncoding::JavaScript) => c.not_allowed(
                "responseEncoding",
                "CollectSSL documents 0 (base64) and 1 (binary); 2 (JavaScript) is CollectPAC's",
            ),
            Some(ResponseEncoding::Base64) | None => {}
        }
        if self.response_format == Some(ResponseFormat::Json) {
            c.not_allowed(
                "responseFormat",
                "CollectSSL offers 0 (newline) and 1 (URL-encoded)",
            );
        }
    }

    fn write(&self, p: &mut Params) {
        p.credentials(&self.credentials);
        p.opt_str("orderNumber", self.order_number.as_ref());
        p.opt_str("certificateID", self.certificate_id.as_ref());
        p.opt_str("baseOrderNumber", self.base_order_number.as_ref());
        p.value("queryType", Some(self.query_type));
        p.value("responseType", self.response_type);
        p.value("responseEncoding", self.response_encoding);
        p.flag("showValidityPeriod", self.show_validity_period);
        p.flag("showFQDN", self.show_fqdn);
        p.flag("showExtStatus", self.show_ext_status);
        p.value(
            "responseFormat",
            self.response_format.map(ResponseFormat::code),
        );
        p.flag("showMDCDomainDetails", self.show_mdc_domain_details);
        p.flag("showMDCDomainDetails2", self.show_mdc_domain_details2);
        p.flag("showStatusDetails", self.show_status_details);
        p.value("behaviourVersion", self.behaviour_version);
    }

    fn read(r: &mut PairReader) -> Option<Self> {
        let credentials = super::read_credentials(r);
        let query_type = r.parsed("queryType", "0, 1, 2 or 3", CollectQueryType::from_wire);
        let query_type = r.require("queryType", query_type);
        let mut request = Self::new(
            credentials,
            query_type.unwrap_or(CollectQueryType::StatusOnly),
        );
        request.order_number = r.string("orderNumber");
        request.certificate_id = r.string("certificateID");
        request.base_order_number = r.string("baseOrderNumber");
        request.response_type =
            r.parsed("responseType", "0, 1, 2 or 3", SslResponseType::from_wire);
        request.response_encoding =
            r.parsed("responseEncoding", "0 or 1", ResponseEncoding::from_wire);
        request.show_validity_period = r.flag("showValidityPeriod");
        request.show_fqdn = r.flag("showFQDN");
        request.show_ext_status = r.flag("showExtStatus");
        request.response_format = r.parsed("responseFormat", "0 or 1", super::read_response_format);
        request.show_mdc_domain_details = r.flag("showMDCDomainDetails");
        request.show_mdc_domain_details2 = r.flag("showMDCDomainDetails2");
        request.show_status_details = r.flag("showStatusDetails");
        request.behaviour_version = r.number("behaviourVersion");
        request.extra = r.extra_pairs();
        query_type.map(|_| request)
    }
}
