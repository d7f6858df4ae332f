//! AutoRevokeSSL (`!AutoRevokeSSL`): revokes an issued certificate or rejects one not yet
//! issued (DIGEST §5).
//!
//! Success is status `0` and nothing else (§5.2):
//!
//! * `responseFormat=0` (newline, the default): line 1 `0`; on failure line 1 the negative
//!   code and line 2 the message;
//! * `responseFormat=1` (URL-encoded): `errorCode=0`; on failure
//!   `errorCode=<n>&errorMessage=<text>`.
//!
//! Both layouts are inferred from the sibling endpoints and public clients (the cells were
//! lost). Errors (§5.3): `-20` rejected, `-21` already revoked, `-26` being issued (`-23`
//! when `revocationReason` was omitted), and the common codes.

use super::fields::wire_struct;
use super::status::{UnknownLine, status_response_impl};
use super::{BodySyntax, Offer};
use crate::{EndpointId, Warning};

const OFFER: Offer = Offer {
    syntaxes: &[BodySyntax::Newline, BodySyntax::UrlEncoded],
    expected: "an AutoRevokeSSL body: newline-delimited text or URL-encoded",
};

wire_struct! {
    /// A successful AutoRevokeSSL response: the certificate was revoked (or rejected), or,
    /// with `test=Y`, would have been.
    ///
    /// ```
    /// use sectigo_codec::response::{AutoRevokeSslResponse, ParseContext};
    /// let r = AutoRevokeSslResponse::parse(b"0\n", &ParseContext::new())?;
    /// assert_eq!(r.status, 0);
    ///
    /// let err = AutoRevokeSslResponse::parse(b"errorCode=-26&errorMessage=Being+issued", &ParseContext::new())
    ///     .unwrap_err();
    /// let api = err.as_api().unwrap();
    /// assert_eq!(api.name(), Some("BEING_ISSUED"));
    /// assert!(api.is_retryable());
    /// # Ok::<(), sectigo_codec::Error>(())
    /// ```
    pub struct AutoRevokeSslResponse {
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
    AutoRevokeSslResponse,
    EndpointId::AutoRevokeSsl,
    OFFER,
    "Parses an AutoRevokeSSL response body (newline text or URL-encoded, told apart by the body)."
);
