#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
// Test code may unwrap and index freely; clippy.toml relaxes the rest.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

pub mod cert;
pub mod codec;
pub mod country;
pub mod csr;
pub mod dns;
mod error;
pub mod extract;
pub mod ip;
mod limits;
pub mod product;
pub mod text;
mod timestamp;
pub mod wire;

pub use cert::{Certificate, Chain, Role};
pub use error::{DecodeError, DecodeErrorKind, Format, Frame, Limit, Warning, WarningKind};
pub use limits::{Limits, MAX_CSR_CHARS, MAX_DER_DEPTH};
pub use timestamp::Timestamp;
