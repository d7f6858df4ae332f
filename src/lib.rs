#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
// Test code may unwrap and index freely; clippy.toml relaxes the rest.
#![cfg_attr(
    test,
    allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

pub mod api_error;
pub mod cert;
pub mod codec;
pub mod country;
pub mod csr;
pub mod dns;
pub mod endpoint;
mod error;
pub mod exchange;
pub mod extract;
pub mod ip;
mod limits;
pub mod product;
pub mod request;
pub mod response;
pub mod text;
mod timestamp;
pub mod wire;

pub use api_error::{ApiError, ApiErrorCode};
pub use cert::{Certificate, Chain, Role};
pub use endpoint::{EndpointId, ResponseFormat};
pub use error::{DecodeError, DecodeErrorKind, Format, Frame, Limit, Warning, WarningKind};
pub use limits::{Limits, MAX_CSR_CHARS, MAX_DER_DEPTH};
pub use request::{
    AccountBalanceRequest, AnyRequest, ApiRequest, AutoApplyOrderRequest, AutoRefundRequest,
    AutoReplaceSslRequest, AutoRevokeSslRequest, BaseUrl, CollectPacRequest, CollectSmimeRequest,
    CollectSslRequest, Credentials, HttpRequest, OrderStatusRequest, Secret, Violation, Violations,
};
pub use response::{
    AccountBalanceResponse, AnyResponse, AutoApplyOrderResponse, AutoRefundResponse,
    AutoReplaceSslResponse, AutoRevokeSslResponse, CollectPacResponse, CollectSmimeResponse,
    CollectSslResponse, Error, Notification, OrderStatusResponse, ParseContext,
};
pub use timestamp::Timestamp;
