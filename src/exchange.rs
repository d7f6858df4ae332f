//! From a typed request to its typed response: the request knows which format it asked for
//! and which flags change the response's layout, so it builds the [`ParseContext`] itself.
//!
//! ```
//! use sectigo_codec::exchange::Exchange;
//! use sectigo_codec::request::{CollectQueryType, SslResponseType};
//! use sectigo_codec::{CollectSslRequest, Credentials, ResponseFormat};
//!
//! let mut request = CollectSslRequest::by_order_number(
//!     Credentials::new("reseller", "s3cret"),
//!     "1234567",
//!     CollectQueryType::CertificateAndChain,
//! );
//! request.response_type = Some(SslResponseType::Individual);
//! request.response_format = Some(ResponseFormat::UrlEncoded);
//!
//! // ... send request.to_http(&Default::default()) with any HTTP client, then:
//! let body = include_bytes!("../testdata/collect-ssl/ok-urlenc-individual.txt");
//! let response = request.parse_response(Some("application/x-www-form-urlencoded"), body)?;
//! assert_eq!(response.certificates.end_entity().unwrap().subject(), "CN=shop.example.com");
//! # Ok::<(), sectigo_codec::Error>(())
//! ```

use crate::request::ResponseEncoding;
use crate::response::{BodySyntax, Error, ParseContext};
use crate::{
    AccountBalanceRequest, AccountBalanceResponse, ApiRequest, AutoApplyOrderRequest,
    AutoApplyOrderResponse, AutoRefundRequest, AutoRefundResponse, AutoReplaceSslRequest,
    AutoReplaceSslResponse, AutoRevokeSslRequest, AutoRevokeSslResponse, CollectPacRequest,
    CollectPacResponse, CollectSmimeRequest, CollectSslRequest, CollectSslResponse,
    OrderStatusRequest, OrderStatusResponse,
};

/// A request whose response this crate parses.
pub trait Exchange: ApiRequest {
    /// The typed response of the endpoint.
    type Response;

    /// What the request tells the parser: the syntax it asked for (`responseFormat`, or
    /// `responseEncoding` for the Collect endpoints) and, for AutoApplyOrder and
    /// AutoReplaceSSL, the flags that add lines to the newline layout.
    fn parse_context(&self) -> ParseContext;

    /// Parses the response to this request. `content_type` is the HTTP `Content-Type`
    /// header, if the caller has it; the body's own shape wins where it is unambiguous.
    ///
    /// # Errors
    ///
    /// [`Error::Api`] when the server answered with an error code (a successfully decoded
    /// error response), [`Error::Decode`] when the body cannot be decoded.
    fn parse_response(
        &self,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Result<Self::Response, Error> {
        let mut ctx = self.parse_context();
        if let Some(ct) = content_type {
            ctx = ctx.with_content_type(ct);
        }
        self.parse_with(body, &ctx)
    }

    /// Parses the response with a context the caller built (for example with other limits).
    ///
    /// # Errors
    ///
    /// As [`parse_response`](Self::parse_response).
    fn parse_with(&self, body: &[u8], ctx: &ParseContext) -> Result<Self::Response, Error>;
}

fn with_format(format: Option<crate::ResponseFormat>) -> ParseContext {
    match format {
        Some(f) => ParseContext::new().with_format(f),
        None => ParseContext::new(),
    }
}

/// CollectPAC/CollectSMIME answer in the syntax of `responseEncoding` (DIGEST §3.3).
fn collect_encoding(encoding: Option<ResponseEncoding>) -> ParseContext {
    match encoding {
        Some(ResponseEncoding::Binary) => ParseContext::new().with_syntax(BodySyntax::Binary),
        Some(ResponseEncoding::JavaScript) => {
            ParseContext::new().with_syntax(BodySyntax::JavaScript)
        }
        Some(ResponseEncoding::Base64) => ParseContext::new().with_syntax(BodySyntax::Newline),
        None => ParseContext::new(),
    }
}

impl Exchange for AutoApplyOrderRequest {
    type Response = AutoApplyOrderResponse;
    fn parse_context(&self) -> ParseContext {
        with_format(self.response_format)
            .with_show_certificate_id(self.show_certificate_id == Some(true))
            .with_show_certificate_state(self.show_certificate_state == Some(true))
            .with_unique_value_supplied(self.unique_value.is_some())
    }
    fn parse_with(&self, body: &[u8], ctx: &ParseContext) -> Result<Self::Response, Error> {
        AutoApplyOrderResponse::parse(body, ctx)
    }
}

impl Exchange for AutoReplaceSslRequest {
    type Response = AutoReplaceSslResponse;
    fn parse_context(&self) -> ParseContext {
        with_format(self.response_format)
            .with_show_certificate_id(self.show_certificate_id == Some(true))
            .with_unique_value_supplied(self.unique_value.is_some())
    }
    fn parse_with(&self, body: &[u8], ctx: &ParseContext) -> Result<Self::Response, Error> {
        AutoReplaceSslResponse::parse(body, ctx)
    }
}

impl Exchange for CollectSslRequest {
    type Response = CollectSslResponse;
    fn parse_context(&self) -> ParseContext {
        if self.response_encoding == Some(ResponseEncoding::Binary) {
            ParseContext::new().with_syntax(BodySyntax::Binary)
        } else {
            with_format(self.response_format)
        }
    }
    fn parse_with(&self, body: &[u8], ctx: &ParseContext) -> Result<Self::Response, Error> {
        CollectSslResponse::parse(body, ctx)
    }
}

impl Exchange for CollectPacRequest {
    type Response = CollectPacResponse;
    fn parse_context(&self) -> ParseContext {
        collect_encoding(self.response_encoding)
    }
    fn parse_with(&self, body: &[u8], ctx: &ParseContext) -> Result<Self::Response, Error> {
        CollectPacResponse::parse(body, ctx)
    }
}

impl Exchange for CollectSmimeRequest {
    type Response = CollectPacResponse;
    fn parse_context(&self) -> ParseContext {
        collect_encoding(self.response_encoding)
    }
    fn parse_with(&self, body: &[u8], ctx: &ParseContext) -> Result<Self::Response, Error> {
        CollectPacResponse::parse_smime(body, ctx)
    }
}

impl Exchange for OrderStatusRequest {
    type Response = OrderStatusResponse;
    fn parse_context(&self) -> ParseContext {
        with_format(self.response_format)
    }
    fn parse_with(&self, body: &[u8], ctx: &ParseContext) -> Result<Self::Response, Error> {
        OrderStatusResponse::parse(body, ctx)
    }
}

impl Exchange for AutoRevokeSslRequest {
    type Response = AutoRevokeSslResponse;
    fn parse_context(&self) -> ParseContext {
        with_format(self.response_format)
    }
    fn parse_with(&self, body: &[u8], ctx: &ParseContext) -> Result<Self::Response, Error> {
        AutoRevokeSslResponse::parse(body, ctx)
    }
}

impl Exchange for AutoRefundRequest {
    type Response = AutoRefundResponse;
    /// AutoRefund has no `responseFormat`: the parser tells the two documented syntaxes
    /// apart by the body (DIGEST §8).
    fn parse_context(&self) -> ParseContext {
        ParseContext::new()
    }
    fn parse_with(&self, body: &[u8], ctx: &ParseContext) -> Result<Self::Response, Error> {
        AutoRefundResponse::parse(body, ctx)
    }
}

impl Exchange for AccountBalanceRequest {
    type Response = AccountBalanceResponse;
    fn parse_context(&self) -> ParseContext {
        with_format(self.response_format)
    }
    fn parse_with(&self, body: &[u8], ctx: &ParseContext) -> Result<Self::Response, Error> {
        AccountBalanceResponse::parse(body, ctx)
    }
}
