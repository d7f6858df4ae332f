//! getAccountBalance: `POST <base>!getAccountBalance` (DIGEST §9; lower-case `g`).
//!
//! | Parameter | Field | Rules |
//! |---|---|---|
//! | `loginName`, `loginPassword` | `credentials` | required; at most 64 / 128 characters |
//! | `responseFormat` | `response_format` | `0` newline (default), `1` URL-encoded |
//!
//! The response table has a JSON row but no request value is documented for it (presumably
//! `2`, UNCONFIRMED). Requests are written exactly as documented, so `2` is refused; a caller
//! who has confirmed it can send it as an extra parameter with `allow_unknown_parameters`.

use super::validate::{Checker, PairReader};
use super::{Credentials, Params, RequestSpec, api_request_impl, request_api};
use crate::{EndpointId, ResponseFormat};

/// A getAccountBalance request.
///
/// ```
/// use sectigo_codec::ResponseFormat;
/// use sectigo_codec::request::{AccountBalanceRequest, Credentials};
/// let mut req = AccountBalanceRequest::new(Credentials::new("reseller", "s3cret"));
/// req.response_format = Some(ResponseFormat::UrlEncoded);
/// assert_eq!(req.to_form().as_str(), "loginName=reseller&loginPassword=s3cret&responseFormat=1");
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AccountBalanceRequest {
    /// `loginName`, `loginPassword`.
    pub credentials: Credentials,
    /// `responseFormat`: newline (default) or URL-encoded.
    pub response_format: Option<ResponseFormat>,
    /// Extra parameters, sent after the typed ones.
    pub extra: Vec<(String, String)>,
    /// Skip the check of extra parameter names.
    pub allow_unknown_parameters: bool,
}

impl AccountBalanceRequest {
    /// A balance request.
    pub fn new(credentials: Credentials) -> Self {
        Self {
            credentials,
            response_format: None,
            extra: Vec::new(),
            allow_unknown_parameters: false,
        }
    }
}

request_api!(AccountBalanceRequest);
api_request_impl!(AccountBalanceRequest);

impl RequestSpec for AccountBalanceRequest {
    const ENDPOINT: EndpointId = EndpointId::GetAccountBalance;
    const PARAMETERS: &'static [&'static str] = &["loginName", "loginPassword", "responseFormat"];

    super::extra_parameters!();

    fn check(&self, c: &mut Checker) {
        super::check_credentials(c, &self.credentials);
        if self.response_format == Some(ResponseFormat::Json) {
            c.not_allowed(
                "responseFormat",
                "getAccountBalance documents 0 (newline) and 1 (URL-encoded); a request value \
                 for JSON is not documented",
            );
        }
    }

    fn write(&self, p: &mut Params) {
        p.credentials(&self.credentials);
        p.value(
            "responseFormat",
            self.response_format.map(ResponseFormat::code),
        );
    }

    fn read(r: &mut PairReader) -> Option<Self> {
        let mut request = Self::new(super::read_credentials(r));
        request.response_format = r.parsed("responseFormat", "0 or 1", super::read_response_format);
        request.extra = r.extra_pairs();
        Some(request)
    }
}
