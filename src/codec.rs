//! The certificate containers: base64, PEM, PKCS#7 (DER and BER), the Netscape certificate
//! sequence and ZIP archives.
//!
//! Payloads nest (a PKCS#7 bag, base64-encoded, inside a URL-encoded field); each layer
//! reports its own errors and [`DecodeError::within`](crate::DecodeError::within) records the
//! outer layers.

pub mod base64;
pub mod netscape;
pub mod pem;
pub mod pkcs7;
#[cfg(feature = "zip")]
pub mod zip;
