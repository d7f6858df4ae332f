//! CollectSSL (`download/CollectSSL`): the status of an SSL order and, once issued, its
//! certificates (DIGEST §2).
//!
//! Status (line 1 / `errorCode`, §2.2): `2` certificates attached, `1` issued but not
//! included, `0` being processed, `< 0` error (§2.6).
//!
//! # Newline format (`responseFormat=0`, the default; §2.3)
//!
//! After the status line come optional text lines, then the certificates:
//!
//! * validity, with `showValidityPeriod=Y` and status > 0, in one of two shapes (§12
//!   quirk 6): `DD/MM/YYYY DD/MM/YYYY` is the certificate's validity (Sectigo certificates
//!   start at 00:00:00 and end at 23:59:59 GMT, so `not_after` is set to 23:59:59 of the
//!   second date), and `1761696000 1793232000` (UNIX seconds) is the product term;
//! * the FQDN, with `showFQDN=Y` (documented for status 0; public clients get it with
//!   status 2 too, quirk 33);
//! * the certificate status and the validation status, with `showExtStatus=Y`;
//! * MDC domain details, `domain1.com VALIDATED, domain2.com NOTVALIDATED`, with
//!   `showMDCDomainDetails=Y` and then `showMDCDomainDetails2=Y` (in that order when both
//!   are present);
//! * the status-detail rows, with `showStatusDetails=Y`;
//! * with status 2, the certificates as PEM blocks, root first in the documentation's
//!   sample, with malformed armour (`----- BEGIN CERTIFICATE -----`, a four-dash footer;
//!   quirks 1-3).
//!
//! The order of the text lines when several flags are combined, and how a status-detail
//! row is written, are UNCONFIRMED. So lines are recognised by their shape, not their
//! position: two dates or two UNIX times; a documented certificate or validation status
//! (an undocumented text right after a certificate status is taken as the validation
//! status); `name value`, `name=value`, `name: value` or `name<TAB>value` with a
//! status-detail name; `domain STATUS` items; one token with a dot (the FQDN). Anything
//! else is kept in `extra_lines`.
//!
//! # URL-encoded format (`responseFormat=1`; §2.4)
//!
//! Named fields (`notBefore`, `fqdn`, `certificateStatus`, `caaStatus`, ...), and the
//! certificates base64-encoded in `certificate` and repeated `caCertificate`
//! (`responseType=3`), or in one `pkcs7`, `zipFile` or `netscapeCertificateSequence` field.
//! A `+` that arrived unencoded and became a space is restored.
//!
//! Either way the certificates come out as a [`Chain`], end-entity first.

use super::fields::{Int, Open, Scale, Text, Unix, wire_struct};
use super::status::{
    Caa, CaaStatus, CertificateStatus, CollectStatus, DetailStatus, DomainDetail, UnknownLine,
    ValidationStatus,
};
use super::{At, Body, BodySyntax, Error, Offer, ParseContext};
use crate::wire::lines::Line;
use crate::{Chain, EndpointId, Format, Timestamp, Warning};

/// CollectSSL answers in the syntax of `responseFormat`, except that `responseEncoding=1`
/// (with `queryType=1` and `responseType` 0 or 2) returns the bare ZIP or PKCS#7 structure
/// (DIGEST §2.1 row 8).
const OFFER: Offer = Offer {
    syntaxes: &[
        BodySyntax::Newline,
        BodySyntax::UrlEncoded,
        BodySyntax::Binary,
    ],
    expected: "a CollectSSL body: newline-delimited text, URL-encoded, or a binary ZIP/PKCS#7",
};

/// Seconds from 00:00:00 to 23:59:59.
const END_OF_DAY: i64 = 86_399;

wire_struct! {
    /// A successful CollectSSL response.
    ///
    /// ```
    /// use sectigo_codec::response::{CollectSslResponse, CollectStatus, CertificateStatus, ParseContext};
    /// let body = include_bytes!("../../testdata/collect-ssl/ok-urlenc-individual.txt");
    /// let r = CollectSslResponse::parse(body, &ParseContext::new())?;
    /// assert_eq!(r.status, CollectStatus::Attached);
    /// assert_eq!(r.fqdn.as_deref(), Some("shop.example.com"));
    /// assert_eq!(r.certificate_status, Some(CertificateStatus::Issued));
    /// assert_eq!(r.not_before.unwrap().to_string(), "2025-10-29T00:00:00Z");
    /// // Sent root first; read end-entity first.
    /// assert_eq!(r.certificates.end_entity().unwrap().subject(), "CN=shop.example.com");
    /// assert_eq!(r.certificates.len(), 3);
    /// # Ok::<(), sectigo_codec::Error>(())
    /// ```
    pub struct CollectSslResponse {
        /// The state of the order.
        pub status: CollectStatus,
        /// The certificates, end-entity first (empty unless the status is `2`).
        pub certificates: Chain,
        /// Lines of a newline body that were not recognised.
        pub extra_lines: Vec<UnknownLine>,
        /// The deviations tolerated while reading the body.
        pub warnings: Vec<Warning>,
        ;
        /// `notBefore`: start of the certificate's validity.
        pub not_before: Timestamp = "notBefore" => Unix,
        /// `notAfter`: end of the certificate's validity.
        pub not_after: Timestamp = "notAfter" => Unix,
        /// `certificateDuration`: the certificate's validity in days.
        pub certificate_duration: u32 = "certificateDuration" => Int<u32>,
        /// `productTermStartDate`: start of the product term.
        pub product_term_start: Timestamp = "productTermStartDate" => Unix,
        /// `productTermEndDate`: end of the product term.
        pub product_term_end: Timestamp = "productTermEndDate" => Unix,
        /// `productTermDuration`: the product term in days.
        pub product_term_duration: u32 = "productTermDuration" => Int<u32>,
        /// `fqdn`: the certificate's FQDN (`showFQDN=Y`).
        pub fqdn: String = "fqdn" => Text,
        /// `certificateStatus` (`showExtStatus=Y`).
        pub certificate_status: CertificateStatus = "certificateStatus" => Open<CertificateStatus>,
        /// `validationStatus` (`showExtStatus=Y`).
        pub validation_status: ValidationStatus = "validationStatus" => Open<ValidationStatus>,
        /// `mdcDomainDetails` (`showMDCDomainDetails=Y`).
        pub mdc_domain_details: Vec<DomainDetail> = "mdcDomainDetails" => super::fields::Domains,
        /// `mdcDomainDetails2` (`showMDCDomainDetails2=Y`): also lists domains awaiting
        /// brand validation.
        pub mdc_domain_details2: Vec<DomainDetail> = "mdcDomainDetails2" => super::fields::Domains,
        /// `csrStatus` (`showStatusDetails=Y`).
        pub csr_status: DetailStatus = "csrStatus" => Scale,
        /// `dcvStatus`.
        pub dcv_status: DetailStatus = "dcvStatus" => Scale,
        /// `ovCallBackStatus` (capital B; cPanel writes `ovCallbackStatus`, same letters).
        pub ov_callback_status: DetailStatus = "ovCallBackStatus" => Scale,
        /// `organizationValidationStatus`.
        pub organization_validation_status: DetailStatus = "organizationValidationStatus" => Scale,
        /// `freeDVUPStatus`.
        pub free_dvup_status: DetailStatus = "freeDVUPStatus" => Scale,
        /// `evClickThroughStatus`.
        pub ev_click_through_status: DetailStatus = "evClickThroughStatus" => Scale,
        /// `brandValStatus` (v1.17).
        pub brand_val_status: DetailStatus = "brandValStatus" => Scale,
        /// `caaStatus` (v1.19), a string here (unlike GetDetailedOrderStatus).
        pub caa_status: CaaStatus = "caaStatus" => Caa,
        /// `maStatus` (v1.22).
        pub ma_status: DetailStatus = "maStatus" => Scale,
        /// `evAssumedName` (v1.22).
        pub ev_assumed_name: DetailStatus = "evAssumedName" => Scale,
        /// `evPhysicalExistence` (v1.22).
        pub ev_physical_existence: DetailStatus = "evPhysicalExistence" => Scale,
        /// `evOperationalExistence` (v1.22).
        pub ev_operational_existence: DetailStatus = "evOperationalExistence" => Scale,
        /// `evSignerApproverRequester` (v1.22).
        pub ev_signer_approver_requester: DetailStatus = "evSignerApproverRequester" => Scale,
        /// `evSignerSecondApproval` (v1.22).
        pub ev_signer_second_approval: DetailStatus = "evSignerSecondApproval" => Scale,
    }
}

/// The names a status-detail row may start with (newline format).
const STATUS_DETAIL_NAMES: [&str; 14] = [
    "csrStatus",
    "dcvStatus",
    "ovCallBackStatus",
    "organizationValidationStatus",
    "freeDVUPStatus",
    "evClickThroughStatus",
    "brandValStatus",
    "caaStatus",
    "maStatus",
    "evAssumedName",
    "evPhysicalExistence",
    "evOperationalExistence",
    "evSignerApproverRequester",
    "evSignerSecondApproval",
];

impl CollectSslResponse {
    /// Parses a CollectSSL response body.
    ///
    /// # Errors
    /// [`Error::Api`] for an error response (`-20` rejected, `-21` revoked, `-22` awaiting
    /// payment, ...). [`Error::Decode`] when the body is neither format, a typed field has
    /// a value of another shape (`notBefore=abc`), or a certificate cannot be decoded: the
    /// documentation's own sample (T1, placeholder text inside the armour) fails here with a
    /// base64 error naming the `CERTIFICATE` block and its line.
    ///
    /// # Examples
    ///
    /// ```
    /// use sectigo_codec::response::{CollectSslResponse, CollectStatus, DomainStatus, ParseContext};
    /// let body = b"0\nshop.example.com\ndomain1.com VALIDATED, domain2.com NOTVALIDATED\n";
    /// let r = CollectSslResponse::parse(body, &ParseContext::new())?;
    /// assert_eq!(r.status, CollectStatus::BeingProcessed);
    /// assert_eq!(r.fqdn.as_deref(), Some("shop.example.com"));
    /// assert_eq!(r.mdc_domain_details.unwrap()[1].status, DomainStatus::NotValidated);
    /// # Ok::<(), sectigo_codec::Error>(())
    /// ```
    pub fn parse(body: &[u8], ctx: &ParseContext) -> Result<Self, Error> {
        let decoded = super::decode(EndpointId::CollectSsl, body, ctx, &OFFER)?;
        let mut warnings = decoded.warnings;
        let status = CollectStatus::from_code(decoded.status);
        let mut out = Self::blank(status, super::empty_chain(), Vec::new(), Vec::new());
        match decoded.body {
            Body::Lines(lines) => {
                let region = super::certificate_region(&lines);
                let text = lines.lines();
                let head = match region {
                    Some(i) => text.get(..i).unwrap_or_default(),
                    None => text,
                };
                out.read_lines(head, &mut warnings)?;
                if let Some(i) = region {
                    let (chain, more) = super::extract_region(body, &lines, i, &ctx.limits)?;
                    out.certificates = chain;
                    warnings.extend(more);
                }
            }
            Body::Form(form) => {
                super::apply_form(
                    &mut out,
                    &form,
                    &crate::extract::CERTIFICATE_FIELDS,
                    &mut warnings,
                )?;
                let has_certificates = form.pairs().iter().any(|p| {
                    crate::extract::CERTIFICATE_FIELDS
                        .iter()
                        .any(|f| f.eq_ignore_ascii_case(p.name()))
                        && !p.value().trim().is_empty()
                });
                if has_certificates {
                    let (chain, more) = super::extract_body(body, &ctx.limits)?;
                    out.certificates = chain;
                    // The extraction decoded the form again; its warnings replace the
                    // first pass's.
                    warnings.retain(|w| w.format() != Format::FormUrlEncoded);
                    warnings.extend(more);
                }
            }
            Body::Binary => {
                let (chain, more) = super::extract_body(body, &ctx.limits)?;
                out.certificates = chain;
                warnings.extend(more);
            }
            Body::Json(_) | Body::JavaScript(_) => {}
        }
        out.warnings = warnings;
        Ok(out)
    }

    /// Recognises the text lines of a newline body by their shape.
    fn read_lines(&mut self, lines: &[Line<'_>], warnings: &mut Vec<Warning>) -> Result<(), Error> {
        let mut after_certificate_status = false;
        for line in lines {
            let text = line.text();
            if text.is_empty() {
                continue;
            }
            let at = |key: &'static str| At {
                format: Format::Newline,
                key,
                offset: Some(line.offset()),
                line: Some(line.number()),
            };
            let was_after_status = core::mem::take(&mut after_certificate_status);
            if self.validity_line(text) {
                continue;
            }
            if let Some((name, value)) = status_detail_row(text) {
                super::apply(self, name, value, &at(name), warnings)?;
                continue;
            }
            let certificate_status = CertificateStatus::from_wire(text);
            if certificate_status.is_known() && self.certificate_status.is_none() {
                self.certificate_status = Some(certificate_status);
                after_certificate_status = true;
                continue;
            }
            let validation_status = ValidationStatus::from_wire(text);
            if self.validation_status.is_none()
                && (validation_status.is_known() || was_after_status)
            {
                self.validation_status = Some(validation_status);
                continue;
            }
            if let Some(details) = mdc_details(text) {
                if self.mdc_domain_details.is_none() {
                    self.mdc_domain_details = Some(details);
                    continue;
                }
                if self.mdc_domain_details2.is_none() {
                    self.mdc_domain_details2 = Some(details);
                    continue;
                }
            }
            if self.fqdn.is_none() && looks_like_fqdn(text) {
                self.fqdn = Some(text.to_owned());
                continue;
            }
            self.extra_lines.push(UnknownLine {
                number: line.number(),
                text: text.to_owned(),
            });
        }
        Ok(())
    }

    /// A validity line: two `DD/MM/YYYY` dates (the certificate's validity) or two UNIX
    /// times (the product term). Returns `false` (and sets nothing) for other lines.
    fn validity_line(&mut self, text: &str) -> bool {
        let mut tokens = text.split_ascii_whitespace();
        let (Some(a), Some(b), None) = (tokens.next(), tokens.next(), tokens.next()) else {
            return false;
        };
        if let (Ok(start), Ok(end)) = (Timestamp::parse_dmy(a), Timestamp::parse_dmy(b))
            && self.not_before.is_none()
            && self.not_after.is_none()
        {
            self.not_before = Some(start);
            self.not_after = Some(end_of_day(end));
            return true;
        }
        let unix = |s: &str| s.bytes().all(|c| c.is_ascii_digit());
        if unix(a)
            && unix(b)
            && let (Ok(start), Ok(end)) = (Timestamp::parse_unix(a), Timestamp::parse_unix(b))
            && self.product_term_start.is_none()
            && self.product_term_end.is_none()
        {
            self.product_term_start = Some(start);
            self.product_term_end = Some(end);
            return true;
        }
        false
    }

    /// The URL-encoded body the server would have sent for this value (`responseFormat=1`,
    /// `responseType=3`: `certificate` and one `caCertificate` per CA certificate).
    ///
    /// ```
    /// use sectigo_codec::response::{CollectSslResponse, ParseContext};
    /// let body = include_bytes!("../../testdata/collect-ssl/ok-urlenc-individual.txt");
    /// let r = CollectSslResponse::parse(body, &ParseContext::new())?;
    /// let again = CollectSslResponse::parse(r.to_form().as_bytes(), &ParseContext::new())?;
    /// assert_eq!(again, r);
    /// # Ok::<(), sectigo_codec::Error>(())
    /// ```
    pub fn to_form(&self) -> String {
        let mut pairs = self.wire_fields();
        for (cert, role) in self.certificates.iter() {
            let name = match role {
                crate::Role::EndEntity => "certificate",
                crate::Role::Intermediate | crate::Role::Root => "caCertificate",
            };
            pairs.push((name.to_owned(), crate::codec::base64::encode(cert.der())));
        }
        super::render_form(self.status.code(), &pairs)
    }
}

/// `2014-05-13` → `2014-05-13T23:59:59Z`.
fn end_of_day(day: Timestamp) -> Timestamp {
    day.unix()
        .checked_add(END_OF_DAY)
        .and_then(Timestamp::from_unix)
        .unwrap_or(day)
}

/// `name value`, `name=value`, `name: value` or `name<TAB>value` with a status-detail name.
fn status_detail_row(text: &str) -> Option<(&'static str, &str)> {
    let split = text.find(|c: char| c.is_whitespace() || c == '=' || c == ':')?;
    let (name, rest) = text.split_at(split);
    let known = STATUS_DETAIL_NAMES
        .iter()
        .find(|n| n.eq_ignore_ascii_case(name))?;
    let value = rest.trim_start().trim_start_matches(['=', ':']).trim();
    Some((known, value))
}

/// `domain STATUS[, domain STATUS ...]` with at least one domain containing a dot or a
/// colon (so that `NO STATUS` is not read as a domain `NO`).
fn mdc_details(text: &str) -> Option<Vec<DomainDetail>> {
    let details = DomainDetail::parse_list(text)?;
    let plausible = !details.is_empty()
        && details.iter().all(|d| {
            d.domain.contains(['.', ':'])
                && d.status.as_wire().bytes().all(|b| !b.is_ascii_lowercase())
        });
    plausible.then_some(details)
}

/// One token with a dot or colon and no white space: a domain name or an IP address.
fn looks_like_fqdn(text: &str) -> bool {
    !text.contains(char::is_whitespace) && text.contains(['.', ':']) && !text.contains("----")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_detail_rows() {
        assert_eq!(status_detail_row("csrStatus 1"), Some(("csrStatus", "1")));
        assert_eq!(status_detail_row("DCVSTATUS=2"), Some(("dcvStatus", "2")));
        assert_eq!(
            status_detail_row("caaStatus: Not Authorized"),
            Some(("caaStatus", "Not Authorized"))
        );
        assert_eq!(
            status_detail_row("ovCallbackStatus\t-1"),
            Some(("ovCallBackStatus", "-1"))
        );
        assert_eq!(status_detail_row("shop.example.com"), None);
        assert_eq!(status_detail_row("Issued"), None);
    }

    #[test]
    fn mdc_and_fqdn_shapes() {
        assert!(mdc_details("NO STATUS").is_none());
        assert!(mdc_details("a.example VALIDATED").is_some());
        assert!(mdc_details("Awaiting Validation").is_none());
        assert!(looks_like_fqdn("*.example.com"));
        assert!(looks_like_fqdn("2001:db8::1"));
        assert!(!looks_like_fqdn("Issued"));
    }
}
