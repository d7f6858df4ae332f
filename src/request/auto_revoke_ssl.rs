//! AutoRevokeSSL: `POST <base>!AutoRevokeSSL` (DIGEST §5.1). Revokes an issued certificate,
//! or rejects one not issued yet.
//!
//! | # | Parameter | Field | Rules |
//! |---|---|---|---|
//! | 1-2 | `loginName`, `loginPassword` | `credentials` | required; at most 64 / 128 characters |
//! | 3 | `orderNumber` | `order_number` | a string (quirk 9) |
//! | 4 | `certificateID` | `certificate_id` | 1-16 digits |
//! | 5 | `serialNumber` | `serial_number` | hexadecimal, at most 34 digits ("34 digits") |
//! | | | | exactly one of 3-5 |
//! | 6 | `revocationReason` | `revocation_reason` | free text, at most 1024 characters |
//! | 7 | `codeReason` | `code_reason` | `0`, `1`, `3`, `4`, `5` (server default `0`) |
//! | 8 | `test` \[INFERRED\] | `test` | `Y`/`N` |
//! | 9 | `responseFormat` \[INFERRED\] | `response_format` | `0` newline, `1` URL-encoded |
//!
//! `revocationReason` is documented "required" but may be omitted for v1.00 compatibility (a
//! certificate being issued then gives `-23` instead of `-26`), so its absence is not a
//! violation. The names `test` and `responseFormat` come from sibling pages and public
//! clients (the AutoRevokeSSL rows lost their names).

use super::params::RevocationReason;
use super::validate::{Checker, PairReader};
use super::{Credentials, Params, RequestSpec, api_request_impl, request_api};
use crate::{EndpointId, ResponseFormat};

/// An AutoRevokeSSL request.
///
/// ```
/// use sectigo_codec::request::{AutoRevokeSslRequest, Credentials, RevocationReason};
///
/// // The documentation's sample: loginName, loginPassword, revocationReason, orderNumber,
/// // codeReason (written here in table order).
/// let mut req = AutoRevokeSslRequest::by_order_number(Credentials::new("reseller", "s3cret"), "1234567");
/// req.revocation_reason = Some("Key lost".into());
/// req.code_reason = Some(RevocationReason::KeyCompromise);
/// assert!(req.validate().is_empty());
/// assert_eq!(
///     req.to_form().as_str(),
///     "loginName=reseller&loginPassword=s3cret&orderNumber=1234567&revocationReason=Key+lost&codeReason=1"
/// );
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AutoRevokeSslRequest {
    /// `loginName`, `loginPassword`.
    pub credentials: Credentials,
    /// `orderNumber`.
    pub order_number: Option<String>,
    /// `certificateID`.
    pub certificate_id: Option<String>,
    /// `serialNumber` (hexadecimal).
    pub serial_number: Option<String>,
    /// `revocationReason`: a free-text comment, informational only.
    pub revocation_reason: Option<String>,
    /// `codeReason`: the CRL reason (server default `0`, unspecified).
    pub code_reason: Option<RevocationReason>,
    /// `test`: `Y` checks only, nothing is revoked.
    pub test: Option<bool>,
    /// `responseFormat`: newline (default) or URL-encoded.
    pub response_format: Option<ResponseFormat>,
    /// Extra parameters, sent after the typed ones.
    pub extra: Vec<(String, String)>,
    /// Skip the check of extra parameter names.
    pub allow_unknown_parameters: bool,
}

impl AutoRevokeSslRequest {
    /// A request with only the credentials; set exactly one of `order_number`,
    /// `certificate_id`, `serial_number`.
    pub fn new(credentials: Credentials) -> Self {
        Self {
            credentials,
            order_number: None,
            certificate_id: None,
            serial_number: None,
            revocation_reason: None,
            code_reason: None,
            test: None,
            response_format: None,
            extra: Vec::new(),
            allow_unknown_parameters: false,
        }
    }

    /// Revokes the certificate of order `order_number`.
    pub fn by_order_number(credentials: Credentials, order_number: impl Into<String>) -> Self {
        let mut request = Self::new(credentials);
        request.order_number = Some(order_number.into());
        request
    }

    /// Revokes the certificate `certificate_id`.
    pub fn by_certificate_id(credentials: Credentials, certificate_id: impl Into<String>) -> Self {
        let mut request = Self::new(credentials);
        request.certificate_id = Some(certificate_id.into());
        request
    }

    /// Revokes the certificate with this serial number (hexadecimal).
    pub fn by_serial_number(credentials: Credentials, serial_number: impl Into<String>) -> Self {
        let mut request = Self::new(credentials);
        request.serial_number = Some(serial_number.into());
        request
    }
}

request_api!(AutoRevokeSslRequest);
api_request_impl!(AutoRevokeSslRequest);

impl RequestSpec for AutoRevokeSslRequest {
    const ENDPOINT: EndpointId = EndpointId::AutoRevokeSsl;
    const PARAMETERS: &'static [&'static str] = &[
        "loginName",
        "loginPassword",
        "orderNumber",
        "certificateID",
        "serialNumber",
        "revocationReason",
        "codeReason",
        "test",
        "responseFormat",
    ];

    super::extra_parameters!();

    fn check(&self, c: &mut Checker) {
        super::check_credentials(c, &self.credentials);
        if self.order_number.as_ref().is_some_and(String::is_empty) {
            c.missing("orderNumber");
        }
        c.digits("certificateID", self.certificate_id.as_ref(), 16);
        if let Some(serial) = &self.serial_number {
            if serial.is_empty() {
                c.missing("serialNumber");
            } else if !serial.bytes().all(|b| b.is_ascii_hexdigit()) {
                c.malformed("serialNumber", "hexadecimal digits (no colons or spaces)");
            } else {
                c.max_chars("serialNumber", serial, 34);
            }
        }
        c.exactly_one_of(&[
            ("orderNumber", self.order_number.is_some()),
            ("certificateID", self.certificate_id.is_some()),
            ("serialNumber", self.serial_number.is_some()),
        ]);
        c.optional("revocationReason", self.revocation_reason.as_ref(), 1024);
        if self.response_format == Some(ResponseFormat::Json) {
            c.not_allowed(
                "responseFormat",
                "AutoRevokeSSL offers 0 (newline) and 1 (URL-encoded)",
            );
        }
    }

    fn write(&self, p: &mut Params) {
        p.credentials(&self.credentials);
        p.opt_str("orderNumber", self.order_number.as_ref());
        p.opt_str("certificateID", self.certificate_id.as_ref());
        p.opt_str("serialNumber", self.serial_number.as_ref());
        p.opt_str("revocationReason", self.revocation_reason.as_ref());
        p.value("codeReason", self.code_reason);
        p.flag("test", self.test);
        p.value(
            "responseFormat",
            self.response_format.map(ResponseFormat::code),
        );
    }

    fn read(r: &mut PairReader) -> Option<Self> {
        let mut request = Self::new(super::read_credentials(r));
        request.order_number = r.string("orderNumber");
        request.certificate_id = r.string("certificateID");
        request.serial_number = r.string("serialNumber");
        request.revocation_reason = r.string("revocationReason");
        request.code_reason =
            r.parsed("codeReason", "0, 1, 3, 4 or 5", RevocationReason::from_wire);
        request.test = r.flag("test");
        request.response_format = r.parsed("responseFormat", "0 or 1", super::read_response_format);
        request.extra = r.extra_pairs();
        Some(request)
    }
}
