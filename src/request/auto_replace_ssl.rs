//! AutoReplaceSSL: `POST <base>!AutoReplaceSSL` (DIGEST §7). Reissues the certificate of an
//! order; does not necessarily revoke the previous one (call AutoRevokeSSL for that).
//!
//! Only the start of the parameter table is visible in the documentation; the rest is
//! \[INFERRED\] from what public clients send:
//!
//! | Parameter | Field | Rules |
//! |---|---|---|
//! | `loginName`, `loginPassword` | `credentials` | required; at most 64 / 128 characters |
//! | `orderNumber` | `order_number` | required; a string |
//! | `exactOrder` | `exact_order` | `Y`/`N`: `Y` only this order, not related ones |
//! | `serverSoftware` | `server_software` | the legacy list `1`-`17`; AutoApplyOrder's `18`, `30`, `31`, `35`, `36`, `-1` presumably too (UNCONFIRMED, accepted) |
//! | `domainNames` | `domain_names` | at most 32767 characters (non-EV may include IPs) |
//! | `primaryDomainName` | `primary_domain_name` | at most 64; one of `domainNames`. If omitted for a multi-domain certificate there is **no** common name (quirk 27, unlike AutoApplyOrder) |
//! | `maxSubjectCNs` | `max_subject_cns` | `0` or `1`; `1` needs `primaryDomainName` |
//! | `csr` \[INFERRED\] | `csr` | at most 32767 characters |
//! | `dcvMethod` \[INFERRED\] | `dcv_method` | as AutoApplyOrder |
//! | `dcvEmailAddress` \[INFERRED\] | `dcv_email_address` | an e-mail address, at most 255 |
//! | `dcvEmailAddresses` \[INFERRED\] | `dcv_email_addresses` | one entry per domain, or one `ALL…` token |
//! | `uniqueValue` \[INFERRED\] | `unique_value` | alphanumeric, at most 20 |
//! | `showCertificateID` \[INFERRED\] | `show_certificate_id` | `Y`/`N` |
//! | `responseFormat` \[INFERRED\] | `response_format` | `0` or `1` |

use super::auto_apply_order::{check_dcv_list, check_domains, read_dcv_list, read_domain_names};
use super::params::{DcvMethod, DcvTokens, ServerSoftware};
use super::validate::{Checker, PairReader};
use super::{Credentials, Params, RequestSpec, api_request_impl, request_api};
use crate::{EndpointId, MAX_CSR_CHARS, ResponseFormat};

/// An AutoReplaceSSL request.
///
/// ```
/// use sectigo_codec::ResponseFormat;
/// use sectigo_codec::request::{AutoReplaceSslRequest, Credentials, DcvMethod};
///
/// let mut req = AutoReplaceSslRequest::new(Credentials::new("reseller", "s3cret"), "1234567");
/// req.csr = Some("MIIB...".into());
/// req.dcv_method = Some(DcvMethod::HttpCsrHash);
/// req.response_format = Some(ResponseFormat::UrlEncoded);
/// assert!(req.validate().is_empty());
/// assert_eq!(
///     req.to_form().as_str(),
///     "loginName=reseller&loginPassword=s3cret&orderNumber=1234567&csr=MIIB...\
///      &dcvMethod=HTTP_CSR_HASH&responseFormat=1"
/// );
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AutoReplaceSslRequest {
    /// `loginName`, `loginPassword`.
    pub credentials: Credentials,
    /// `orderNumber`: the order whose certificate is replaced.
    pub order_number: String,
    /// `exactOrder`: `Y` only this order number, ignoring related orders.
    pub exact_order: Option<bool>,
    /// `serverSoftware`.
    pub server_software: Option<ServerSoftware>,
    /// `domainNames`: written comma-separated.
    pub domain_names: Option<Vec<String>>,
    /// `primaryDomainName`.
    pub primary_domain_name: Option<String>,
    /// `maxSubjectCNs`.
    pub max_subject_cns: Option<u32>,
    /// `csr` \[INFERRED\].
    pub csr: Option<String>,
    /// `dcvMethod` \[INFERRED\].
    pub dcv_method: Option<DcvMethod>,
    /// `dcvEmailAddress` \[INFERRED\].
    pub dcv_email_address: Option<String>,
    /// `dcvEmailAddresses` \[INFERRED\].
    pub dcv_email_addresses: Option<DcvTokens>,
    /// `uniqueValue` \[INFERRED\].
    pub unique_value: Option<String>,
    /// `showCertificateID` \[INFERRED\].
    pub show_certificate_id: Option<bool>,
    /// `responseFormat` \[INFERRED\].
    pub response_format: Option<ResponseFormat>,
    /// Extra parameters, sent after the typed ones.
    pub extra: Vec<(String, String)>,
    /// Skip the check of extra parameter names.
    pub allow_unknown_parameters: bool,
}

impl AutoReplaceSslRequest {
    /// A replacement request for `order_number`, with nothing else set.
    pub fn new(credentials: Credentials, order_number: impl Into<String>) -> Self {
        Self {
            credentials,
            order_number: order_number.into(),
            exact_order: None,
            server_software: None,
            domain_names: None,
            primary_domain_name: None,
            max_subject_cns: None,
            csr: None,
            dcv_method: None,
            dcv_email_address: None,
            dcv_email_addresses: None,
            unique_value: None,
            show_certificate_id: None,
            response_format: None,
            extra: Vec::new(),
            allow_unknown_parameters: false,
        }
    }
}

request_api!(AutoReplaceSslRequest);
api_request_impl!(AutoReplaceSslRequest);

impl RequestSpec for AutoReplaceSslRequest {
    const ENDPOINT: EndpointId = EndpointId::AutoReplaceSsl;
    const PARAMETERS: &'static [&'static str] = &[
        "loginName",
        "loginPassword",
        "orderNumber",
        "exactOrder",
        "serverSoftware",
        "domainNames",
        "primaryDomainName",
        "maxSubjectCNs",
        "csr",
        "dcvMethod",
        "dcvEmailAddress",
        "dcvEmailAddresses",
        "uniqueValue",
        "showCertificateID",
        "responseFormat",
    ];

    super::extra_parameters!();

    fn check(&self, c: &mut Checker) {
        super::check_credentials(c, &self.credentials);
        if self.order_number.is_empty() {
            c.missing("orderNumber");
        }
        check_domains(
            c,
            self.domain_names.as_ref(),
            self.primary_domain_name.as_ref(),
            self.max_subject_cns,
        );
        c.optional("csr", self.csr.as_ref(), MAX_CSR_CHARS);
        c.email("dcvEmailAddress", self.dcv_email_address.as_ref(), 255);
        check_dcv_list(
            c,
            "dcvEmailAddresses",
            self.dcv_email_addresses.as_ref(),
            self.domain_names.as_ref().map(Vec::len),
        );
        c.alphanumeric("uniqueValue", self.unique_value.as_ref(), 20);
        if self.response_format == Some(ResponseFormat::Json) {
            c.not_allowed(
                "responseFormat",
                "AutoReplaceSSL clients use 0 (newline) and 1 (URL-encoded); JSON is not \
                 documented",
            );
        }
    }

    fn write(&self, p: &mut Params) {
        p.credentials(&self.credentials);
        p.str("orderNumber", &self.order_number);
        p.flag("exactOrder", self.exact_order);
        p.value("serverSoftware", self.server_software);
        if let Some(names) = &self.domain_names {
            p.str("domainNames", &names.join(","));
        }
        p.opt_str("primaryDomainName", self.primary_domain_name.as_ref());
        p.value("maxSubjectCNs", self.max_subject_cns);
        p.opt_str("csr", self.csr.as_ref());
        p.value("dcvMethod", self.dcv_method);
        p.opt_str("dcvEmailAddress", self.dcv_email_address.as_ref());
        if let Some(list) = &self.dcv_email_addresses {
            p.str("dcvEmailAddresses", &list.to_wire());
        }
        p.opt_str("uniqueValue", self.unique_value.as_ref());
        p.flag("showCertificateID", self.show_certificate_id);
        p.value(
            "responseFormat",
            self.response_format.map(ResponseFormat::code),
        );
    }

    fn read(r: &mut PairReader) -> Option<Self> {
        let credentials = super::read_credentials(r);
        let order_number = r.string("orderNumber").unwrap_or_default();
        let mut q = Self::new(credentials, order_number);
        q.exact_order = r.flag("exactOrder");
        q.server_software = r.parsed(
            "serverSoftware",
            "a documented server software code (-1 for OTHER)",
            ServerSoftware::from_wire,
        );
        q.domain_names = read_domain_names(r);
        q.primary_domain_name = r.string("primaryDomainName");
        q.max_subject_cns = r.number("maxSubjectCNs");
        q.csr = r.string("csr");
        q.dcv_method = r.parsed(
            "dcvMethod",
            "EMAIL, HTTP_CSR_HASH, CNAME_CSR_HASH or IP_ADDRESS_PRE",
            DcvMethod::from_wire,
        );
        q.dcv_email_address = r.string("dcvEmailAddress");
        q.dcv_email_addresses = read_dcv_list(r, "dcvEmailAddresses");
        q.unique_value = r.string("uniqueValue");
        q.show_certificate_id = r.flag("showCertificateID");
        q.response_format = r.parsed("responseFormat", "0 or 1", super::read_response_format);
        q.extra = r.extra_pairs();
        Some(q)
    }
}
