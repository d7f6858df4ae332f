//! Resource limits applied by every decoder.
//!
//! Bodies come from a remote server (or from whoever sits between it and the caller, or from a
//! fuzzer), so every decoder caps what it will accept: body size, number of fields, lines,
//! PEM blocks, certificates, nesting depths, ZIP entries and uncompressed size. Exceeding a
//! cap is a distinct error, [`DecodeErrorKind::LimitExceeded`](crate::DecodeErrorKind), that
//! names the [`Limit`](crate::Limit) and its maximum.
//!
//! The defaults are far above anything the API returns (a CollectSSL body with a full chain
//! is about 6 KB; a GetDetailedOrderStatus body for 100 orders about 200 KB) and low enough
//! that no input can make a decoder use more than a small multiple of its size.

/// Maximum nesting depth of DER/BER structures (the value used by the `der` crate),
/// enforced while scanning the PKCS#7 and Netscape containers, BER indefinite lengths
/// included. Certificates and CSRs are parsed by x509-parser, whose BER/DER layer
/// (der-parser, asn1-rs) stops at its own `MAX_RECURSION` of 50 levels.
pub const MAX_DER_DEPTH: usize = 64;

/// Maximum size of a CSR accepted by `AutoApplyOrder` (the `csr` parameter is at most 32767
/// characters).
pub const MAX_CSR_CHARS: usize = 32_767;

/// Caps applied by the decoders. Start from [`Limits::DEFAULT`] (or `Limits::default()`)
/// and change the fields you need:
///
/// ```
/// let mut limits = sectigo_codec::Limits::default();
/// limits.max_fields = 16;
/// let err = sectigo_codec::wire::form::decode_with(&b"a=1&".repeat(17), &limits).unwrap_err();
/// assert!(err.is_limit());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Maximum size of a body, in bytes (default 16 MiB).
    pub max_body_size: usize,
    /// Maximum number of `name=value` pairs in a form body (default 100 000).
    pub max_fields: usize,
    /// Maximum number of lines in a newline-delimited body (default 100 000).
    pub max_lines: usize,
    /// Maximum number of PEM blocks in one input (default 1 024).
    pub max_pem_blocks: usize,
    /// Maximum number of certificates in one container or chain (default 256).
    pub max_certificates: usize,
    /// Maximum nesting depth of JSON arrays and objects (default 32).
    pub max_json_depth: usize,
    /// Maximum number of entries in a ZIP archive (default 64).
    pub max_zip_entries: usize,
    /// Maximum total uncompressed size of a ZIP archive, in bytes (default 8 MiB).
    pub max_zip_uncompressed_size: usize,
    /// Maximum number of orders (`X_` keys) in an indexed response (default 10 000).
    pub max_orders: usize,
    /// Maximum number of certificates (`X_Y_` keys) per order (default 1 000).
    pub max_certificates_per_order: usize,
    /// Maximum number of JavaScript variable declarations (default 256).
    pub max_js_variables: usize,
}

impl Limits {
    /// The default limits.
    pub const DEFAULT: Self = Self {
        max_body_size: 16 * 1024 * 1024,
        max_fields: 100_000,
        max_lines: 100_000,
        max_pem_blocks: 1_024,
        max_certificates: 256,
        max_json_depth: 32,
        max_zip_entries: 64,
        max_zip_uncompressed_size: 8 * 1024 * 1024,
        max_orders: 10_000,
        max_certificates_per_order: 1_000,
        max_js_variables: 256,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Self::DEFAULT
    }
}
