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

use crate::Warning;

/// DER certificates taken out of a container (PKCS#7 bag, Netscape sequence, PEM, ...), in
/// the order the container holds them, with the deviations tolerated on the way.
///
/// The order is the sender's, not a chain order: build the chain with
/// [`Chain::order`](crate::Chain::order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Certificates {
    der: Vec<Vec<u8>>,
    warnings: Vec<Warning>,
}

impl Certificates {
    /// The DER of each certificate, in container order (duplicates kept).
    pub fn der(&self) -> &[Vec<u8>] {
        &self.der
    }

    /// Tolerated deviations (BER encoding, malformed PEM armour, base64 quirks, ...).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The DER of each certificate, by value.
    pub fn into_der(self) -> Vec<Vec<u8>> {
        self.der
    }

    /// The certificates and the warnings, by value.
    pub fn into_parts(self) -> (Vec<Vec<u8>>, Vec<Warning>) {
        (self.der, self.warnings)
    }

    pub(crate) fn new(der: Vec<Vec<u8>>, warnings: Vec<Warning>) -> Self {
        Self { der, warnings }
    }
}
