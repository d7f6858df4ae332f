//! AutoRefund (`!AutoRefund`): refunds an order within the refund period (DIGEST §8).
//!
//! Success is status `0`. The v3.44 PDF says the response is URL-encoded (`errorCode`,
//! `errorMessage`); the current page says "restricted to newline-delimited" yet lists the
//! same named parameters (§12 quirk 25). Both are read: a body with `=` on its first line is
//! a form, otherwise newline text.
//!
//! Errors (§8): `-18` the refund failed (the message explains why; on AutoApplyOrder the
//! same number is a CSR problem), `-20` the order was already cancelled (inferred), and the
//! common codes with the PDF's spellings ("HTTPS!", "unrecognized").

use super::fields::wire_struct;
use super::status::{UnknownLine, status_response_impl};
use super::{BodySyntax, Offer};
use crate::{EndpointId, Warning};

const OFFER: Offer = Offer {
    syntaxes: &[BodySyntax::Newline, BodySyntax::UrlEncoded],
    expected: "an AutoRefund body: newline-delimited text or URL-encoded",
};

wire_struct! {
    /// A successful AutoRefund response.
    ///
    /// ```
    /// use sectigo_codec::response::{AutoRefundResponse, ParseContext};
    /// assert_eq!(AutoRefundResponse::parse(b"errorCode=0", &ParseContext::new())?.status, 0);
    ///
    /// let err = AutoRefundResponse::parse(b"-18\nOutside the refund period", &ParseContext::new())
    ///     .unwrap_err();
    /// let api = err.as_api().unwrap();
    /// assert_eq!(api.name(), Some("REFUND_FAILED"));
    /// assert_eq!(api.message(), Some("Outside the refund period"));
    /// assert!(!api.is_csr_problem());
    /// # Ok::<(), sectigo_codec::Error>(())
    /// ```
    pub struct AutoRefundResponse {
        /// The status (`0`; another non-negative value is undocumented but kept).
        pub status: i32,
        /// Lines after the status line (none are documented).
        pub extra_lines: Vec<UnknownLine>,
        /// The deviations tolerated while reading the body.
        pub warnings: Vec<Warning>,
        ;
    }
}

status_response_impl!(
    AutoRefundResponse,
    EndpointId::AutoRefund,
    OFFER,
    "Parses an AutoRefund response body (newline text or URL-encoded, told apart by the body)."
);
