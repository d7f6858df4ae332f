//! AutoRefund: `POST <base>!AutoRefund` (DIGEST §8; the current page's header prints
//! `!AutoReject`, a documentation error: its own sample and the PDF use `!AutoRefund`).
//!
//! | Parameter | Field | Rules |
//! |---|---|---|
//! | `loginName`, `loginPassword` | `credentials` | required; at most 64 / 128 characters |
//! | `orderNumber` | `order_number` | required; a string |
//! | `refundReasonCode` | `refund_reason` | required, `1`-`11` |
//!
//! No `responseFormat` is documented (the response is form-encoded per the PDF, newline per
//! the current page; the response parser accepts both), so none is sent.
//! Eligible: SiteLock products, single-domain and wildcard SSL, within the refund period.

use super::params::RefundReason;
use super::validate::{Checker, PairReader};
use super::{Credentials, Params, RequestSpec, api_request_impl, request_api};
use crate::EndpointId;

/// An AutoRefund request.
///
/// ```
/// use sectigo_codec::request::{AutoRefundRequest, Credentials, RefundReason};
/// let req = AutoRefundRequest::new(
///     Credentials::new("reseller", "s3cret"),
///     "1234567",
///     RefundReason::MovingToAnotherCa,
/// );
/// assert!(req.validate().is_empty());
/// assert_eq!(
///     req.to_form().as_str(),
///     "loginName=reseller&loginPassword=s3cret&orderNumber=1234567&refundReasonCode=9"
/// );
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AutoRefundRequest {
    /// `loginName`, `loginPassword`.
    pub credentials: Credentials,
    /// `orderNumber`.
    pub order_number: String,
    /// `refundReasonCode`.
    pub refund_reason: RefundReason,
    /// Extra parameters, sent after the typed ones.
    pub extra: Vec<(String, String)>,
    /// Skip the check of extra parameter names.
    pub allow_unknown_parameters: bool,
}

impl AutoRefundRequest {
    /// A refund request for `order_number`.
    pub fn new(
        credentials: Credentials,
        order_number: impl Into<String>,
        refund_reason: RefundReason,
    ) -> Self {
        Self {
            credentials,
            order_number: order_number.into(),
            refund_reason,
            extra: Vec::new(),
            allow_unknown_parameters: false,
        }
    }
}

request_api!(AutoRefundRequest);
api_request_impl!(AutoRefundRequest);

impl RequestSpec for AutoRefundRequest {
    const ENDPOINT: EndpointId = EndpointId::AutoRefund;
    const PARAMETERS: &'static [&'static str] = &[
        "loginName",
        "loginPassword",
        "orderNumber",
        "refundReasonCode",
    ];

    super::extra_parameters!();

    fn check(&self, c: &mut Checker) {
        super::check_credentials(c, &self.credentials);
        if self.order_number.is_empty() {
            c.missing("orderNumber");
        }
    }

    fn write(&self, p: &mut Params) {
        p.credentials(&self.credentials);
        p.str("orderNumber", &self.order_number);
        p.value("refundReasonCode", Some(self.refund_reason));
    }

    fn read(r: &mut PairReader) -> Option<Self> {
        let credentials = super::read_credentials(r);
        let order_number = r.string("orderNumber").unwrap_or_default();
        let reason = r.parsed(
            "refundReasonCode",
            "an integer from 1 to 11",
            RefundReason::from_wire,
        );
        let reason = r.require("refundReasonCode", reason)?;
        let mut request = Self::new(credentials, order_number, reason);
        request.extra = r.extra_pairs();
        Some(request)
    }
}
