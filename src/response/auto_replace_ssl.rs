//! AutoReplaceSSL (`!AutoReplaceSSL`): reissues the certificate of an order (DIGEST §7).
//!
//! The response is not visible in the documentation. Public clients request
//! `responseFormat=1` and read `errorCode`, `certificateID`, `expectedDeliveryTime` and
//! `uniqueValue` [INFERRED]; those are typed here, and every other field is kept in
//! `extra`. For the newline format only what every endpoint shares is known (§1.4): line 1
//! the status, line 2 the message when it is negative. The lines after a success status
//! are kept, unparsed, in `extra_lines` (layout UNCONFIRMED).
//!
//! The error codes are assumed to be the common ones plus AutoApplyOrder's CSR codes (a
//! replacement takes a new CSR); see [`crate::api_error`].

use super::fields::{Int, Text, wire_struct};
use super::status::{UnknownLine, status_response_impl};
use super::{BodySyntax, Offer};
use crate::{EndpointId, Warning};

const OFFER: Offer = Offer {
    syntaxes: &[BodySyntax::UrlEncoded, BodySyntax::Newline],
    expected: "an AutoReplaceSSL body: URL-encoded or newline-delimited text",
};

wire_struct! {
    /// A successful AutoReplaceSSL response.
    ///
    /// ```
    /// use sectigo_codec::response::{AutoReplaceSslResponse, ParseContext};
    /// let body = b"errorCode=0&certificateID=1234567890&expectedDeliveryTime=1&uniqueValue=Ab12";
    /// let r = AutoReplaceSslResponse::parse(body, &ParseContext::new())?;
    /// assert_eq!(r.certificate_id, Some(1234567890));
    /// assert_eq!(r.unique_value.as_deref(), Some("Ab12"));
    /// # Ok::<(), sectigo_codec::Error>(())
    /// ```
    pub struct AutoReplaceSslResponse {
        /// The status (`0` is success; other non-negative values are kept).
        pub status: i32,
        /// Lines after the status line of a newline body (layout UNCONFIRMED).
        pub extra_lines: Vec<UnknownLine>,
        /// The deviations tolerated while reading the body.
        pub warnings: Vec<Warning>,
        ;
        /// `certificateID` of the new certificate.
        pub certificate_id: u64 = "certificateID" => Int<u64>,
        /// `expectedDeliveryTime`: deprecated, in hours.
        pub expected_delivery_time: u32 = "expectedDeliveryTime" => Int<u32>,
        /// `uniqueValue`: the one supplied or generated.
        pub unique_value: String = "uniqueValue" => Text,
    }
}

status_response_impl!(
    AutoReplaceSslResponse,
    EndpointId::AutoReplaceSsl,
    OFFER,
    "Parses an AutoReplaceSSL response body (URL-encoded or newline text, told apart by the body)."
);
