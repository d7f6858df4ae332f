//! Typed responses: every documentation sample that is a response (DIGEST §13, T1-T12),
//! the generated fixtures through the typed layer, every endpoint and format, format
//! detection, limits, and a data-driven walk of `testdata/<endpoint>/`.

// Test code: unwrap, index and compute freely.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic,
    missing_docs
)]

use sectigo_codec::api_error::ApiErrorCode;
use sectigo_codec::response::{
    self, AccountBalanceResponse, AnyResponse, ApplyStatus, AutoApplyOrderResponse,
    AutoRefundResponse, AutoReplaceSslResponse, AutoRevokeSslResponse, BodySyntax, CaaStatus,
    CertificateStatus, CollectPacResponse, CollectSslResponse, CollectStatus, DetailStatus,
    DomainStatus, EventType, Notification, NotificationStatus, NotificationStatusCode,
    OrderStatusResponse, ParseContext, SuggestedOrgStatus, UnknownLine, ValidationStatus,
};
use sectigo_codec::{
    ApiError, Certificate, DecodeError, DecodeErrorKind, EndpointId, Error, Format, Limit, Limits,
    ResponseFormat, Role, WarningKind,
};

fn ctx() -> ParseContext {
    ParseContext::new()
}

fn api(result: Result<impl std::fmt::Debug, Error>) -> ApiError {
    match result {
        Err(Error::Api(e)) => e,
        other => panic!("expected an API error, got {other:?}"),
    }
}

fn decode_error(result: Result<impl std::fmt::Debug, Error>) -> DecodeError {
    match result {
        Err(Error::Decode(e)) => e,
        other => panic!("expected a decode error, got {other:?}"),
    }
}

fn fingerprint(der: &[u8]) -> String {
    Certificate::from_der(der).unwrap().sha256_hex()
}

/// The generated chain's fingerprints, end-entity first.
fn chain_fingerprints() -> Vec<String> {
    vec![
        fingerprint(include_bytes!("../testdata/chain/leaf.der")),
        fingerprint(include_bytes!("../testdata/chain/intermediate.der")),
        fingerprint(include_bytes!("../testdata/chain/root.der")),
    ]
}

fn fingerprints(chain: &sectigo_codec::Chain) -> Vec<String> {
    chain
        .certificates()
        .iter()
        .map(Certificate::sha256_hex)
        .collect()
}

fn kinds(warnings: &[sectigo_codec::Warning]) -> Vec<WarningKind> {
    warnings.iter().map(|w| w.kind()).collect()
}

fn ts(text: &str) -> String {
    text.to_owned()
}

// ---------------------------------------------------------------------------------------
// DIGEST §13: the documentation's samples
// ---------------------------------------------------------------------------------------

#[test]
fn t01_placeholder_armour_is_a_base64_error_naming_the_block() {
    let body = include_bytes!("../testdata/spec/t01-collect-ssl-newline-armour.txt");
    let err = decode_error(CollectSslResponse::parse(body, &ctx()));
    assert!(
        matches!(err.kind(), DecodeErrorKind::InvalidBase64 { .. }),
        "{err}"
    );
    assert_eq!(err.format(), Format::Pem);
    assert_eq!(err.field(), Some("CERTIFICATE"));
    // Line 3 of the body is `Encoded Root Certificate`, the first block's text; the offset
    // is its last character, counted in the whole body.
    assert_eq!(err.line(), Some(3));
    let text = std::str::from_utf8(body).unwrap();
    let root_line_end = text.find("Encoded Root Certificate").unwrap() + 23;
    assert_eq!(err.offset(), Some(root_line_end));
    assert!(err.to_string().contains("`CERTIFICATE`"), "{err}");
    // CollectPAC prints the same sample (DIGEST §3.3).
    let err = decode_error(CollectPacResponse::parse(body, &ctx()));
    assert_eq!((err.field(), err.line()), (Some("CERTIFICATE"), Some(3)));
}

#[test]
fn t02_validity_dmy_is_the_certificate_validity() {
    let line = include_str!("../testdata/spec/t02-validity-dmy.txt");
    let r = CollectSslResponse::parse(format!("1\n{line}\n").as_bytes(), &ctx()).unwrap();
    assert_eq!(r.status, CollectStatus::Available);
    assert_eq!(
        r.not_before.unwrap().to_string(),
        ts("2013-05-14T00:00:00Z")
    );
    // Sectigo certificates end at 23:59:59 GMT (DIGEST §2.3).
    assert_eq!(r.not_after.unwrap().to_string(), ts("2014-05-13T23:59:59Z"));
    assert_eq!(r.product_term_start, None);
    assert!(r.extra_lines.is_empty());
    assert!(r.certificates.is_empty());
}

#[test]
fn t03_validity_unix_is_the_product_term() {
    let line = include_str!("../testdata/spec/t03-validity-unix.txt");
    let r = CollectSslResponse::parse(format!("1\n{line}").as_bytes(), &ctx()).unwrap();
    assert_eq!(
        r.product_term_start.unwrap().to_string(),
        ts("2025-10-29T00:00:00Z")
    );
    assert_eq!(
        r.product_term_end.unwrap().to_string(),
        ts("2026-10-29T00:00:00Z")
    );
    assert_eq!((r.not_before, r.not_after), (None, None));
}

#[test]
fn t04_mdc_domain_details() {
    let line = include_str!("../testdata/spec/t04-mdc-details.txt");
    let r = CollectSslResponse::parse(format!("0\n{line}").as_bytes(), &ctx()).unwrap();
    assert_eq!(r.status, CollectStatus::BeingProcessed);
    let details = r.mdc_domain_details.unwrap();
    let pairs: Vec<(&str, &DomainStatus)> = details
        .iter()
        .map(|d| (d.domain.as_str(), &d.status))
        .collect();
    assert_eq!(
        pairs,
        [
            ("domain1.com", &DomainStatus::Validated),
            ("domain2.com", &DomainStatus::NotValidated)
        ]
    );
    assert_eq!(r.mdc_domain_details2, None);
    assert_eq!(r.fqdn, None);
}

#[test]
fn t05_auto_apply_order_newline() {
    let body = include_bytes!("../testdata/spec/t05-auto-apply-order-newline.txt");
    let r = AutoApplyOrderResponse::parse(body, &ctx()).unwrap();
    assert_eq!(r.status, ApplyStatus::Debited);
    assert_eq!(r.order_number.as_deref(), Some("3040824"));
    assert_eq!(r.total_cost.as_ref().unwrap().as_str(), "210.00");
    assert_eq!(r.expected_delivery_time, Some(1));
    assert_eq!(r.unique_value.as_deref(), Some("TnerFu0d"));
    assert_eq!((r.certificate_id, r.sl_id.as_deref()), (None, None));
    assert!(r.extra_lines.is_empty() && r.extra.is_empty() && r.warnings.is_empty());
    // The same value as the URL-encoded sample T6.
    let t6 = include_bytes!("../testdata/spec/t06-auto-apply-order-urlenc.txt");
    let urlenc = AutoApplyOrderResponse::parse(t6, &ctx()).unwrap();
    assert_eq!(urlenc, r);
    assert_eq!(urlenc.to_form().as_bytes(), t6);
    assert_eq!(r.to_lines().as_bytes(), body);
}

#[test]
fn t07_auto_apply_order_dv_and_three_line_variants() {
    let body = include_bytes!("../testdata/spec/t07-auto-apply-order-dv-newline.txt");
    // The uniqueValue was generated (the CSR was re-used), not supplied.
    let r = AutoApplyOrderResponse::parse(body, &ctx()).unwrap();
    assert_eq!(r.order_number.as_deref(), Some("123456789"));
    assert_eq!(r.total_cost.unwrap().as_str(), "35.00");
    assert_eq!(r.unique_value.as_deref(), Some("lmWhh1J1"));
    // Code signing and PAC examples show only three lines.
    let r = AutoApplyOrderResponse::parse(b"0\n987654321\n210.00\n", &ctx()).unwrap();
    assert_eq!(r.order_number.as_deref(), Some("987654321"));
    assert_eq!(r.total_cost.unwrap().as_str(), "210.00");
    assert_eq!(r.expected_delivery_time, None);
}

#[test]
fn t08_order_status_success_sample() {
    let body = include_bytes!("../testdata/spec/t08-order-status-urlenc.txt");
    let r = OrderStatusResponse::parse(body, &ctx()).unwrap();
    assert_eq!(r.status, 0);
    assert_eq!(r.orders.len(), 1);
    let order = &r.orders[0];
    assert_eq!(order.index, 1);
    assert_eq!(order.order_number.as_deref(), Some("*******"));
    assert_eq!(
        order.order_date_time.unwrap().to_string(),
        "2025-01-01T13:52:00Z"
    );
    assert_eq!(order.order_status.as_deref(), Some("Pending"));
    assert_eq!(order.order_status_reason.as_deref(), Some(""));
    assert_eq!(order.suggested_org_details, None);
    assert_eq!(order.certificates.len(), 1);
    let cert = &order.certificates[0];
    assert_eq!(cert.index, 1);
    assert_eq!(cert.serial_number.as_deref(), Some(""));
    assert_eq!(
        cert.object_type.as_deref(),
        Some("Verified Mark Certificate (VMC) (2 of 2 Domains)")
    );
    assert_eq!(cert.certificate_duration, Some(365));
    assert_eq!(cert.product_term_duration, Some(365));
    // The invalid escape `%2*` is kept literally (DIGEST §12 quirk 38).
    assert_eq!(cert.fqdn.as_deref(), Some("**********.com%2********.com"));
    assert_eq!(
        cert.certificate_status,
        Some(CertificateStatus::AwaitingValidation)
    );
    assert_eq!(
        cert.ev_click_through_status,
        Some(DetailStatus::NotCompleted)
    );
    assert_eq!(
        cert.trademark_office.as_deref(),
        Some("United States Copyright Office")
    );
    assert_eq!(cert.trademark_identifier.as_deref(), Some("*********0"));
    assert_eq!(
        cert.trademark_country_name.as_deref(),
        Some("United States")
    );
    assert_eq!(cert.trademark_country_code.as_deref(), Some("US"));
    assert_eq!(cert.logo_hosted_by_ca.as_deref(), Some("-1"));
    assert!(cert.extra.is_empty() && order.extra.is_empty() && r.extra.is_empty());
    assert_eq!(kinds(&r.warnings), [WarningKind::InvalidPercentEscape]);
    assert_eq!(r.warnings[0].field(), Some("1_1_FQDN"));
}

#[test]
fn t09_order_status_python_literal_error() {
    let body = include_bytes!("../testdata/spec/t09-order-status-error-pydict.txt");
    let e = api(OrderStatusResponse::parse(body, &ctx()));
    assert_eq!(e.endpoint(), EndpointId::GetDetailedOrderStatus);
    assert_eq!(e.code(), ApiErrorCode::INVALID_VALUE);
    assert_eq!(e.name(), Some("INVALID_VALUE"));
    assert_eq!(e.argument(), Some("orderNumber"));
    assert_eq!(
        e.message(),
        Some("The value of the 'orderNumber' argument is invalid!")
    );
    // The request asked for JSON; the sample is a Python literal, still read.
    let e = api(OrderStatusResponse::parse(
        body,
        &ctx().with_format(ResponseFormat::Json),
    ));
    assert_eq!(e.code().get(), -4);
}

#[test]
fn t10_truncated_mark_certificate_prefix() {
    let body = include_bytes!("../testdata/spec/t10-mark-order-status-prefix.txt");
    let r = OrderStatusResponse::parse(body, &ctx()).unwrap();
    let order = &r.orders[0];
    assert_eq!(order.order_number.as_deref(), Some("7250060"));
    assert_eq!(
        order.order_date_time.unwrap().to_string(),
        "2025-06-11T11:57:00Z"
    );
    assert_eq!(order.order_status.as_deref(), Some("Pend"));
    assert!(order.certificates.is_empty());
}

#[test]
fn t11_mark_certificate_error() {
    let body = include_bytes!("../testdata/spec/t11-mark-error-urlenc.txt");
    let e = api(OrderStatusResponse::parse(body, &ctx()));
    assert_eq!(e.code(), ApiErrorCode::MISSING_ARGUMENT);
    assert_eq!(e.argument(), Some("logoPriorUseDomainName"));
    assert_eq!(
        e.message(),
        Some("The 'logoPriorUseDomainName' argument is missing!")
    );
    assert_eq!(
        e.meaning(),
        Some("A required parameter is absent; the message names it.")
    );
    assert!(!e.is_retryable() && !e.is_auth_problem() && !e.is_csr_problem());
}

#[test]
fn t12_raw_spaces_success_and_an_undocumented_code() {
    // RetryCAACheck belongs to the same API family; a status-only response reads it.
    let body = include_bytes!("../testdata/spec/t12a-retry-caa-raw-spaces.txt");
    let r = AutoRevokeSslResponse::parse(body, &ctx()).unwrap();
    assert_eq!(r.status, 0);
    assert_eq!(
        r.extra,
        [(
            "errorMessage".to_owned(),
            "CAA Check successfully relaunched".to_owned()
        )]
    );
    assert_eq!(kinds(&r.warnings), [WarningKind::UnencodedCharacter]);
    let body = include_bytes!("../testdata/spec/t12b-retry-caa-raw-spaces-error.txt");
    let e = api(AutoRevokeSslResponse::parse(body, &ctx()));
    assert_eq!(e.code().get(), -296);
    assert_eq!(e.message(), Some("Wrong certificate state"));
    assert_eq!((e.name(), e.meaning(), e.argument()), (None, None, None));
    assert!(!e.is_retryable());
    assert_eq!(
        e.to_string(),
        "AutoRevokeSSL answered error -296 (undocumented code): Wrong certificate state"
    );
}

// ---------------------------------------------------------------------------------------
// CollectSSL
// ---------------------------------------------------------------------------------------

#[test]
fn collect_ssl_fixtures_come_out_end_entity_first() {
    let full = chain_fingerprints();
    let cases: [(&str, &[u8], usize); 8] = [
        (
            "doc-armour",
            include_bytes!("../testdata/collect-ssl/ok-newline-doc-armour.txt"),
            3,
        ),
        (
            "fqdn-crlf",
            include_bytes!("../testdata/collect-ssl/ok-newline-fqdn-crlf.txt"),
            3,
        ),
        (
            "individual",
            include_bytes!("../testdata/collect-ssl/ok-urlenc-individual.txt"),
            3,
        ),
        (
            "raw-plus",
            include_bytes!("../testdata/collect-ssl/ok-urlenc-raw-plus.txt"),
            3,
        ),
        (
            "pkcs7",
            include_bytes!("../testdata/collect-ssl/ok-urlenc-pkcs7.txt"),
            3,
        ),
        (
            "zip",
            include_bytes!("../testdata/collect-ssl/ok-urlenc-zip.txt"),
            3,
        ),
        (
            "netscape",
            include_bytes!("../testdata/collect-ssl/ok-urlenc-netscape.txt"),
            3,
        ),
        (
            "cabundle",
            include_bytes!("../testdata/collect-ssl/ok-urlenc-cabundle.txt"),
            2,
        ),
    ];
    for (name, body, n) in cases {
        if name == "zip" && !cfg!(feature = "zip") {
            continue;
        }
        let r = CollectSslResponse::parse(body, &ctx()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(r.status, CollectStatus::Attached, "{name}");
        assert_eq!(fingerprints(&r.certificates), full[3 - n..], "{name}");
        let roles = r.certificates.roles();
        if n == 3 {
            assert_eq!(
                roles,
                [Role::EndEntity, Role::Intermediate, Role::Root],
                "{name}"
            );
        } else {
            assert_eq!(roles, [Role::Intermediate, Role::Root], "{name}");
        }
    }
}

#[test]
fn collect_ssl_urlenc_fields() {
    let body = include_bytes!("../testdata/collect-ssl/ok-urlenc-individual.txt");
    let r =
        CollectSslResponse::parse(body, &ctx().with_format(ResponseFormat::UrlEncoded)).unwrap();
    assert_eq!(r.not_before.unwrap().unix(), 1_761_696_000);
    assert_eq!(r.not_after.unwrap().unix(), 1_793_318_399);
    assert_eq!(r.certificate_duration, Some(366));
    assert_eq!(r.product_term_start.unwrap().unix(), 1_761_696_000);
    assert_eq!(r.product_term_end.unwrap().unix(), 1_793_232_000);
    assert_eq!(r.product_term_duration, Some(365));
    assert_eq!(r.fqdn.as_deref(), Some("shop.example.com"));
    assert_eq!(r.certificate_status, Some(CertificateStatus::Issued));
    assert_eq!(r.validation_status, Some(ValidationStatus::Complete));
    assert!(r.extra.is_empty(), "{:?}", r.extra);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    // Rendered and read back: equal.
    let again = CollectSslResponse::parse(r.to_form().as_bytes(), &ctx()).unwrap();
    assert_eq!(again, r);
}

#[test]
fn collect_ssl_warnings_of_the_quirky_fixtures() {
    let r = CollectSslResponse::parse(
        include_bytes!("../testdata/collect-ssl/ok-urlenc-raw-plus.txt"),
        &ctx(),
    )
    .unwrap();
    assert!(
        kinds(&r.warnings).contains(&WarningKind::SpaceInBase64),
        "{:?}",
        r.warnings
    );
    let r = CollectSslResponse::parse(
        include_bytes!("../testdata/collect-ssl/ok-newline-doc-armour.txt"),
        &ctx(),
    )
    .unwrap();
    assert!(kinds(&r.warnings).contains(&WarningKind::MalformedPemArmour));
    let r = CollectSslResponse::parse(
        include_bytes!("../testdata/collect-ssl/ok-newline-fqdn-crlf.txt"),
        &ctx(),
    )
    .unwrap();
    assert_eq!(r.fqdn.as_deref(), Some("shop.example.com"));
    assert!(kinds(&r.warnings).contains(&WarningKind::CarriageReturn));
    assert!(r.extra_lines.is_empty());
}

#[test]
fn collect_ssl_newline_text_lines_by_shape() {
    let body = include_bytes!("../testdata/collect-ssl/ok-newline-status0-details.txt");
    let r = CollectSslResponse::parse(body, &ctx()).unwrap();
    assert_eq!(r.status, CollectStatus::BeingProcessed);
    assert_eq!(r.fqdn.as_deref(), Some("shop.example.com"));
    assert_eq!(
        r.certificate_status,
        Some(CertificateStatus::AwaitingValidation)
    );
    assert_eq!(
        r.validation_status,
        Some(ValidationStatus::AwaitingLegalDocuments)
    );
    let first = r.mdc_domain_details.unwrap();
    assert_eq!(first[1].status, DomainStatus::NotValidated);
    let second = r.mdc_domain_details2.unwrap();
    assert_eq!(second[1].status, DomainStatus::AwaitingBrand);
    assert_eq!(r.csr_status, Some(DetailStatus::Completed));
    assert_eq!(r.dcv_status, Some(DetailStatus::InProgress));
    assert_eq!(r.ov_callback_status, Some(DetailStatus::NotRequired));
    assert_eq!(r.caa_status, Some(CaaStatus::ErrorCode(503)));
    assert!(r.extra_lines.is_empty(), "{:?}", r.extra_lines);
    assert!(r.certificates.is_empty());

    // An undocumented validation status right after the certificate status is kept as
    // one; a line nothing explains is kept with its number.
    let r = CollectSslResponse::parse(b"0\nIssued\nAwaiting Something New\n!!!\n", &ctx()).unwrap();
    assert_eq!(
        r.validation_status,
        Some(ValidationStatus::Other("Awaiting Something New".into()))
    );
    assert_eq!(
        r.extra_lines,
        [UnknownLine {
            number: 4,
            text: "!!!".into()
        }]
    );
}

#[test]
fn collect_ssl_urlenc_status_details_and_lenient_scales() {
    let body = include_bytes!("../testdata/collect-ssl/ok-urlenc-status0-details.txt");
    let r = CollectSslResponse::parse(body, &ctx()).unwrap();
    assert_eq!(r.csr_status, Some(DetailStatus::Completed));
    assert_eq!(r.dcv_status, Some(DetailStatus::NotCompleted));
    assert_eq!(
        r.organization_validation_status,
        Some(DetailStatus::InProgress)
    );
    assert_eq!(r.caa_status, Some(CaaStatus::NotAuthorized));
    assert_eq!(r.mdc_domain_details.as_ref().unwrap().len(), 2);
    // `maStatus` (v1.22) has an UNCONFIRMED value domain: a word is kept, with a warning.
    assert_eq!(r.ma_status, None);
    assert_eq!(r.extra, [("maStatus".to_owned(), "pending".to_owned())]);
    assert_eq!(kinds(&r.warnings), [WarningKind::UnexpectedValue]);
    assert_eq!(r.warnings[0].field(), Some("maStatus"));
}

#[test]
fn collect_ssl_errors() {
    let e = api(CollectSslResponse::parse(
        include_bytes!("../testdata/collect-ssl/err-api-newline-rejected.txt"),
        &ctx(),
    ));
    assert_eq!(e.name(), Some("CERTIFICATE_REJECTED"));
    let e = api(CollectSslResponse::parse(
        include_bytes!("../testdata/collect-ssl/err-api-urlenc-awaiting-payment.txt"),
        &ctx(),
    ));
    assert_eq!(e.code(), ApiErrorCode::AWAITING_PAYMENT);
    assert_eq!(e.message(), Some("Still awaiting payment!"));
    let err = decode_error(CollectSslResponse::parse(
        include_bytes!("../testdata/collect-ssl/err-decode-urlenc-not-before.txt"),
        &ctx(),
    ));
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::InvalidValue {
            expected: "UNIX seconds"
        }
    );
    assert_eq!((err.field(), err.offset()), (Some("notBefore"), Some(22)));
    let err = decode_error(CollectSslResponse::parse(b"fqdn=shop.example.com", &ctx()));
    assert_eq!(
        (err.kind(), err.field()),
        (&DecodeErrorKind::MissingField, Some("errorCode"))
    );
    // A broken certificate field names the field and where it sits in the body.
    let err = decode_error(CollectSslResponse::parse(
        b"errorCode=2&certificate=MIIB!!!!",
        &ctx(),
    ));
    assert!(matches!(err.kind(), DecodeErrorKind::InvalidBase64 { .. }));
    let outer = err.context().last().unwrap();
    assert_eq!(
        (outer.format(), outer.field(), outer.offset()),
        (Format::FormUrlEncoded, Some("certificate"), Some(24))
    );
}

// ---------------------------------------------------------------------------------------
// CollectPAC / CollectSMIME
// ---------------------------------------------------------------------------------------

#[test]
fn collect_pac_every_encoding() {
    let full = chain_fingerprints();
    let text: [(&[u8], BodySyntax); 2] = [
        (
            include_bytes!("../testdata/collect-pac/ok-js-pkcs7.txt"),
            BodySyntax::JavaScript,
        ),
        (
            include_bytes!("../testdata/collect-pac/ok-newline-pkcs7.txt"),
            BodySyntax::Newline,
        ),
    ];
    for (body, syntax) in text {
        let r = CollectPacResponse::parse(body, &ctx()).unwrap();
        assert_eq!((r.status, r.syntax), (CollectStatus::Attached, syntax));
        assert_eq!(fingerprints(&r.certificates), full);
        assert_eq!(r.endpoint, EndpointId::CollectPac);
        // CollectSMIME returns the same shapes, certificates included.
        let smime = CollectPacResponse::parse_smime(body, &ctx()).unwrap();
        assert_eq!(smime.endpoint, EndpointId::CollectSmime);
        assert_eq!((smime.status, smime.syntax), (r.status, r.syntax));
        assert_eq!(fingerprints(&smime.certificates), full);
    }
    // responseEncoding=1: the bare binary structure, no status line.
    let binary: [(&[u8], usize); 5] = [
        (include_bytes!("../testdata/pkcs7/chain.p7b"), 3),
        (include_bytes!("../testdata/pkcs7/chain-indefinite.p7b"), 3),
        (include_bytes!("../testdata/netscape/chain.nsc"), 3),
        (include_bytes!("../testdata/zip/chain.zip"), 3),
        (include_bytes!("../testdata/chain/leaf.der"), 1),
    ];
    let binary_ctx = ctx().with_syntax(BodySyntax::Binary);
    for (body, n) in binary {
        if body.starts_with(b"PK") && !cfg!(feature = "zip") {
            continue;
        }
        let r = CollectPacResponse::parse(body, &binary_ctx).unwrap();
        assert_eq!(
            (r.status, r.syntax),
            (CollectStatus::Attached, BodySyntax::Binary)
        );
        assert_eq!(fingerprints(&r.certificates), full[..n]);
        assert!(!kinds(&r.warnings).contains(&WarningKind::UnexpectedFormat));
    }
    let r = CollectPacResponse::parse(
        include_bytes!("../testdata/pkcs7/chain-indefinite.p7b"),
        &ctx(),
    )
    .unwrap();
    assert!(kinds(&r.warnings).contains(&WarningKind::BerEncoding));
    // ... and on error the newline status and message (DIGEST §12 quirk 5), no warning.
    let e = api(CollectPacResponse::parse(
        b"-20\nThe certificate request has been rejected!\n",
        &binary_ctx,
    ));
    assert_eq!(e.name(), Some("CERTIFICATE_REJECTED"));
}

#[test]
fn collect_pac_validity_and_smime() {
    let body = include_bytes!("../testdata/collect-smime/ok-newline-status1-validity.txt");
    let r = CollectPacResponse::parse_smime(body, &ctx()).unwrap();
    assert_eq!(r.endpoint, EndpointId::CollectSmime);
    assert_eq!(r.status, CollectStatus::Available);
    assert_eq!(r.not_before.unwrap().to_string(), "2013-05-14T00:00:00Z");
    assert_eq!(r.not_after.unwrap().to_string(), "2014-05-13T23:59:59Z");
    let again = CollectPacResponse::parse_smime(r.to_lines().as_bytes(), &ctx()).unwrap();
    assert_eq!(again, r);

    let e = api(CollectPacResponse::parse_smime(
        include_bytes!("../testdata/collect-smime/err-api-newline-payment.txt"),
        &ctx(),
    ));
    assert_eq!(e.endpoint(), EndpointId::CollectSmime);
    assert_eq!(e.name(), Some("AWAITING_PAYMENT"));
    let e = api(CollectPacResponse::parse(
        include_bytes!("../testdata/collect-pac/err-js.txt"),
        &ctx(),
    ));
    assert_eq!(
        (e.endpoint(), e.code().get()),
        (EndpointId::CollectPac, -16)
    );
    assert!(e.message().unwrap().starts_with("Incorrect login details"));

    // Status 2 with the PEM armour and a validity line.
    let mut body = String::from("2\n14/05/2013 13/05/2014\n");
    body.push_str(include_str!("../testdata/chain/chain.pem"));
    let r = CollectPacResponse::parse(body.as_bytes(), &ctx()).unwrap();
    assert_eq!(fingerprints(&r.certificates), chain_fingerprints());
    assert!(r.not_before.is_some() && r.extra_lines.is_empty());
    assert_eq!(
        r.to_lines(),
        CollectPacResponse::parse(r.to_lines().as_bytes(), &ctx())
            .unwrap()
            .to_lines()
    );
}

#[test]
fn collect_pac_truncated_javascript_is_a_positioned_error() {
    let body = include_bytes!("../testdata/collect-smime/err-decode-js-truncated.txt");
    let err = decode_error(CollectPacResponse::parse_smime(body, &ctx()));
    assert_eq!(err.format(), Format::JavaScript);
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::JavaScript {
            detail: "unterminated string literal"
        }
    );
    assert_eq!(err.offset(), Some(33));
}

// ---------------------------------------------------------------------------------------
// GetDetailedOrderStatus
// ---------------------------------------------------------------------------------------

#[test]
fn order_status_hundred_shuffled_orders() {
    let body = include_bytes!("../testdata/order-status/ok-100-orders.txt");
    let r = OrderStatusResponse::parse(body, &ctx()).unwrap();
    let indices: Vec<u32> = r.orders.iter().map(|o| o.index).collect();
    assert_eq!(indices, (1..=100).collect::<Vec<_>>());
    for order in &r.orders {
        let x = order.index;
        assert_eq!(
            order.order_number.as_deref(),
            Some(format!("{}", 9_000_000 + x).as_str())
        );
        let date = order.order_date_time.unwrap().to_string();
        assert_eq!(
            date,
            format!("2025-{:02}-{:02}T13:52:00Z", x % 12 + 1, x % 28 + 1)
        );
        assert_eq!(order.order_status_reason.as_deref(), Some(""));
        let ys: Vec<u32> = order.certificates.iter().map(|c| c.index).collect();
        assert_eq!(ys, [1, 2, 3]);
        for cert in &order.certificates {
            assert_eq!(
                cert.fqdn.as_deref(),
                Some(format!("host{x}-{}.example.com", cert.index).as_str())
            );
            assert_eq!(
                cert.not_before.unwrap().unix(),
                1_761_696_000 + i64::from(x) * 86_400
            );
            assert_eq!(cert.certificate_duration, Some(365));
            assert_eq!(cert.serial_number.as_ref().unwrap().len(), 32);
            // The one unknown field is kept, per certificate, under its name.
            assert_eq!(cert.extra.len(), 1);
            assert_eq!(cert.extra[0].0, "futureField");
            assert!(matches!(
                cert.csr_status,
                Some(
                    DetailStatus::NotRequired
                        | DetailStatus::NotCompleted
                        | DetailStatus::Completed
                        | DetailStatus::InProgress
                )
            ));
        }
    }
    let reason = r.orders[91].certificates[0]
        .certificate_status_reason
        .as_deref();
    assert_eq!(reason, Some("note: value & more = 100%"));
    assert!(r.warnings.is_empty());
}

#[test]
fn order_status_json_flat_and_nested() {
    let r = OrderStatusResponse::parse(
        include_bytes!("../testdata/order-status/ok-json-flat.json"),
        &ctx(),
    )
    .unwrap();
    let cert = &r.orders[0].certificates[0];
    assert_eq!(r.orders[0].order_status.as_deref(), Some("Issued"));
    assert_eq!(cert.serial_number.as_deref(), Some("0123ABCD"));
    assert_eq!(cert.csr_status, Some(DetailStatus::Completed));
    assert_eq!(cert.caa_status, Some(DetailStatus::InProgress));
    assert_eq!(cert.not_after.unwrap().unix(), 1_793_318_399);
    assert_eq!(cert.swp_active, Some(true), "0 means active");
    assert_eq!(cert.extra, [("futureField".to_owned(), String::new())]);

    let r = OrderStatusResponse::parse(
        include_bytes!("../testdata/order-status/ok-json-nested.json"),
        &ctx(),
    )
    .unwrap();
    assert_eq!(r.orders.len(), 2);
    let first = &r.orders[0];
    let details = first.suggested_org_details.as_ref().unwrap();
    assert_eq!(details.status, Some(SuggestedOrgStatus::Found));
    assert_eq!(details.organization_name.as_deref(), Some("Example Ltd"));
    assert_eq!(details.country_name.as_deref(), Some("GB"));
    assert_eq!(first.certificates.len(), 2);
    assert_eq!(
        first.certificates[0].fqdn.as_deref(),
        Some("a.example.com,b.example.com")
    );
    assert_eq!(first.certificates[1].serial_number.as_deref(), Some(""));
    assert_eq!(r.orders[1].order_number.as_deref(), Some("1234567repl#1"));
    assert_eq!(
        r.orders[1].certificates[0].csr_status,
        Some(DetailStatus::NotRequired)
    );
}

#[test]
fn order_status_suggested_org_details_packed_or_not() {
    let packed = OrderStatusResponse::parse(
        include_bytes!("../testdata/order-status/ok-urlenc-suggested-packed.txt"),
        &ctx(),
    )
    .unwrap();
    let d = packed.orders[0].suggested_org_details.as_ref().unwrap();
    assert_eq!(d.status, Some(SuggestedOrgStatus::Found));
    assert_eq!(d.organization_name.as_deref(), Some("Example Ltd"));
    assert_eq!(d.duns_number.as_deref(), Some("123456789"));
    let unpacked = OrderStatusResponse::parse(
        include_bytes!("../testdata/order-status/ok-urlenc-suggested-unpacked.txt"),
        &ctx(),
    )
    .unwrap();
    let d = unpacked.orders[0].suggested_org_details.as_ref().unwrap();
    assert_eq!(d.status, Some(SuggestedOrgStatus::Found));
    assert_eq!(d.organization_name.as_deref(), Some("Example Ltd"));
    assert_eq!(d.telephone_number.as_deref(), Some("+44 161 000 0000"));
    assert!(unpacked.orders[0].extra.is_empty());
    // The lower-case spelling of the prose (DIGEST §12 quirk 31).
    let r = OrderStatusResponse::parse(b"errorCode=0&1_suggestedOrgDetails=found", &ctx()).unwrap();
    assert_eq!(
        r.orders[0].suggested_org_details.as_ref().unwrap().status,
        Some(SuggestedOrgStatus::Found)
    );
    // Round trip (rendered unpacked).
    for r in [packed, unpacked] {
        let again = OrderStatusResponse::parse(r.to_form().as_bytes(), &ctx()).unwrap();
        assert_eq!(again.orders, r.orders);
    }
}

#[test]
fn order_status_errors() {
    let err = decode_error(OrderStatusResponse::parse(
        include_bytes!("../testdata/order-status/err-decode-urlenc-bad-date.txt"),
        &ctx(),
    ));
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::InvalidValue {
            expected: "YYYY-MM-DD HH:MM"
        }
    );
    assert_eq!(
        (err.field(), err.offset()),
        (Some("1_orderDateTime"), Some(50))
    );
    let err = decode_error(OrderStatusResponse::parse(
        include_bytes!("../testdata/order-status/err-decode-urlenc-index-zero.txt"),
        &ctx(),
    ));
    assert_eq!(err.kind(), &DecodeErrorKind::InvalidIndex);
    assert_eq!(err.field(), Some("0_orderNumber"));
    // A newline error is accepted (an early failure in the default format) ...
    let e = api(OrderStatusResponse::parse(
        include_bytes!("../testdata/order-status/err-api-newline-auth.txt"),
        &ctx().with_format(ResponseFormat::UrlEncoded),
    ));
    assert!(e.is_auth_problem());
    // ... a newline success is not a format this endpoint has.
    let err = decode_error(OrderStatusResponse::parse(b"0\n1234567\n", &ctx()));
    assert!(matches!(
        err.kind(),
        DecodeErrorKind::UnrecognisedFormat { .. }
    ));
}

// ---------------------------------------------------------------------------------------
// AutoApplyOrder, AutoReplaceSSL, AutoRevokeSSL, AutoRefund, getAccountBalance
// ---------------------------------------------------------------------------------------

#[test]
fn auto_apply_order_layout_follows_the_request_flags() {
    let body = b"0\n123\n35.00\n1\n1234567890123456\nAwaiting Validation\nAb12\n";
    let both = ctx()
        .with_show_certificate_id(true)
        .with_show_certificate_state(true)
        .with_unique_value_supplied(true);
    let r = AutoApplyOrderResponse::parse(body, &both).unwrap();
    assert_eq!(r.certificate_id, Some(1_234_567_890_123_456));
    assert_eq!(
        r.certificate_status,
        Some(CertificateStatus::AwaitingValidation)
    );
    assert_eq!(r.unique_value.as_deref(), Some("Ab12"));
    assert_eq!(r.to_lines().as_bytes(), body);
    // Only the state flag: line 5 is the state.
    let r = AutoApplyOrderResponse::parse(
        b"1\n123\n35.00\n1\nIssued\nAb12\n",
        &ctx().with_show_certificate_state(true),
    )
    .unwrap();
    assert_eq!(r.status, ApplyStatus::PaymentRequired);
    assert_eq!(r.certificate_status, Some(CertificateStatus::Issued));
    assert_eq!(r.unique_value.as_deref(), Some("Ab12"));
    // No flags: line 5 that is not alphanumeric is kept as an unknown line.
    let r =
        AutoApplyOrderResponse::parse(b"0\n123\n35.00\n1\nAwaiting Validation\n", &ctx()).unwrap();
    assert_eq!(r.unique_value, None);
    assert_eq!(
        r.extra_lines,
        [UnknownLine {
            number: 5,
            text: "Awaiting Validation".into()
        }]
    );
    // A supplied uniqueValue is taken whatever it looks like.
    let r = AutoApplyOrderResponse::parse(
        b"0\n123\n35.00\n1\nnot alnum\n",
        &ctx().with_unique_value_supplied(true),
    )
    .unwrap();
    assert_eq!(r.unique_value.as_deref(), Some("not alnum"));
    // A certificate ID that is not an integer names the field and the line.
    let err = decode_error(AutoApplyOrderResponse::parse(
        b"0\n123\n35.00\n1\n12x\n",
        &ctx().with_show_certificate_id(true),
    ));
    assert_eq!(
        (err.format(), err.field(), err.line(), err.offset()),
        (Format::Newline, Some("certificateID"), Some(5), Some(14))
    );
}

#[test]
fn auto_apply_order_sitelock_and_urlenc() {
    let body = include_bytes!("../testdata/auto-apply-order/ok-newline-sitelock.txt");
    let r = AutoApplyOrderResponse::parse(body, &ctx()).unwrap();
    assert_eq!(r.unique_value.as_deref(), Some("TnerFu0d"));
    assert_eq!(r.sl_id.as_deref(), Some("12345678"));
    assert_eq!(r.sl_site_ids.as_deref(), Some("site-42,site-43"));
    assert!(r.extra_lines.is_empty());
    // Written back with the unique value on line 5 and blank lines up to line 7.
    let lines = r.to_lines();
    assert_eq!(
        lines,
        "0\n3040824\n210.00\n1\nTnerFu0d\n\n\n12345678\nsite-42,site-43\n"
    );
    assert_eq!(
        AutoApplyOrderResponse::parse(lines.as_bytes(), &ctx()).unwrap(),
        r
    );

    let body = include_bytes!("../testdata/auto-apply-order/ok-urlenc-payment-required.txt");
    let r = AutoApplyOrderResponse::parse(body, &ctx()).unwrap();
    assert_eq!(r.status, ApplyStatus::PaymentRequired);
    assert_eq!(r.certificate_id, Some(1_234_567_890_123_456));
    assert_eq!(
        r.certificate_status,
        Some(CertificateStatus::AwaitingValidation)
    );
    assert_eq!(r.extra, [("futureField".to_owned(), "kept".to_owned())]);
    assert_eq!(r.to_form().as_bytes(), body);
    // Keys are case-insensitive (DIGEST §1.3).
    let r =
        AutoApplyOrderResponse::parse(b"ERRORCODE=0&ORDERNUMBER=42&TotalCost=1", &ctx()).unwrap();
    assert_eq!(
        (r.order_number.as_deref(), r.total_cost.unwrap().as_str()),
        (Some("42"), "1")
    );
}

#[test]
fn auto_apply_order_errors() {
    let e = api(AutoApplyOrderResponse::parse(
        include_bytes!("../testdata/auto-apply-order/err-api-newline-csr.txt"),
        &ctx(),
    ));
    assert_eq!(e.name(), Some("CSR_UNDECODABLE"));
    assert!(e.is_csr_problem());
    let e = api(AutoApplyOrderResponse::parse(
        include_bytes!("../testdata/auto-apply-order/err-api-urlenc-missing.txt"),
        &ctx(),
    ));
    assert_eq!((e.code().get(), e.argument()), (-3, Some("csr")));
    let err = decode_error(AutoApplyOrderResponse::parse(
        include_bytes!("../testdata/auto-apply-order/err-decode-total-cost.txt"),
        &ctx(),
    ));
    assert_eq!(
        (err.field(), err.line(), err.kind()),
        (
            Some("totalCost"),
            Some(3),
            &DecodeErrorKind::InvalidValue {
                expected: "a decimal amount"
            }
        )
    );
    let err = decode_error(AutoApplyOrderResponse::parse(
        include_bytes!("../testdata/auto-apply-order/err-decode-html.txt"),
        &ctx().with_content_type("text/html"),
    ));
    assert!(matches!(
        err.kind(),
        DecodeErrorKind::UnrecognisedFormat { .. }
    ));
    // With a hint, the body is read in the hinted format and fails there, positioned.
    let err = decode_error(AutoApplyOrderResponse::parse(
        b"<html>",
        &ctx().with_format(ResponseFormat::Newline),
    ));
    assert_eq!((err.format(), err.line()), (Format::Newline, Some(1)));
}

#[test]
fn auto_replace_revoke_refund() {
    let r = AutoReplaceSslResponse::parse(
        include_bytes!("../testdata/auto-replace-ssl/ok-urlenc.txt"),
        &ctx(),
    )
    .unwrap();
    assert_eq!(r.certificate_id, Some(9_876_543_210));
    assert_eq!(r.expected_delivery_time, Some(1));
    assert_eq!(r.unique_value.as_deref(), Some("Zz99"));
    let r = AutoReplaceSslResponse::parse(
        include_bytes!("../testdata/auto-replace-ssl/ok-newline.txt"),
        &ctx(),
    )
    .unwrap();
    assert_eq!(r.status, 0);
    assert_eq!(
        r.extra_lines,
        [UnknownLine {
            number: 2,
            text: "9876543210".into()
        }]
    );
    let e = api(AutoReplaceSslResponse::parse(
        include_bytes!("../testdata/auto-replace-ssl/err-api-urlenc-auth.txt"),
        &ctx(),
    ));
    assert!(e.is_auth_problem());

    let e = api(AutoRevokeSslResponse::parse(
        include_bytes!("../testdata/auto-revoke-ssl/err-api-newline-revoked.txt"),
        &ctx(),
    ));
    assert_eq!(e.name(), Some("CERTIFICATE_REVOKED"));
    let e = api(AutoRevokeSslResponse::parse(
        include_bytes!("../testdata/auto-revoke-ssl/err-api-urlenc-being-issued.txt"),
        &ctx(),
    ));
    assert!(e.is_retryable());
    for body in [&b"0\n"[..], b"errorCode=0"] {
        assert_eq!(
            AutoRevokeSslResponse::parse(body, &ctx()).unwrap().status,
            0
        );
        assert_eq!(AutoRefundResponse::parse(body, &ctx()).unwrap().status, 0);
    }
    let e = api(AutoRefundResponse::parse(
        include_bytes!("../testdata/auto-refund/err-api-urlenc-cancelled.txt"),
        &ctx(),
    ));
    assert_eq!(e.name(), Some("ORDER_CANCELLED"));
    let e = api(AutoRefundResponse::parse(
        include_bytes!("../testdata/auto-refund/err-api-newline-refund-failed.txt"),
        &ctx(),
    ));
    assert_eq!(e.name(), Some("REFUND_FAILED"));
    assert_eq!(e.message(), Some("The order is outside the refund period."));
}

#[test]
fn account_balance_in_three_formats() {
    let r = AccountBalanceResponse::parse(
        include_bytes!("../testdata/account-balance/ok-newline.txt"),
        &ctx(),
    )
    .unwrap();
    assert_eq!(r.account_id.as_deref(), Some("98765"));
    assert_eq!(r.currency_code.as_deref(), Some("USD"));
    assert_eq!(r.amount.as_ref().unwrap().as_str(), "1234.56");
    assert_eq!(r.hard_credit_limit.as_ref().unwrap().as_str(), "500.00");
    assert_eq!(
        r.to_lines().as_bytes(),
        include_bytes!("../testdata/account-balance/ok-newline.txt")
    );
    let r = AccountBalanceResponse::parse(
        include_bytes!("../testdata/account-balance/ok-urlenc.txt"),
        &ctx(),
    )
    .unwrap();
    assert_eq!(r.amount.as_ref().unwrap().as_str(), "-12.5");
    assert_eq!(r.hard_credit_limit.as_ref().unwrap().as_str(), "0");
    let r = AccountBalanceResponse::parse(
        include_bytes!("../testdata/account-balance/ok-json.json"),
        &ctx().with_content_type("application/json"),
    )
    .unwrap();
    // A JSON number keeps its text: not rounded through f64.
    assert_eq!(r.amount.as_ref().unwrap().as_str(), "1234.50");
    assert_eq!(r.currency_code.as_deref(), Some("GBP"));
    let e = api(AccountBalanceResponse::parse(
        include_bytes!("../testdata/account-balance/err-api-json-call-limit.json"),
        &ctx(),
    ));
    assert_eq!(e.name(), Some("CALL_LIMIT_REACHED"));
    assert!(e.is_retryable());
    let e = api(AccountBalanceResponse::parse(
        include_bytes!("../testdata/account-balance/err-api-newline-ccm.txt"),
        &ctx(),
    ));
    assert_eq!(e.name(), Some("CCM_ACCOUNTS_ONLY"));
    assert!(!e.is_csr_problem());
    let err = decode_error(AccountBalanceResponse::parse(b"", &ctx()));
    assert_eq!(err.kind(), &DecodeErrorKind::Empty);
}

// ---------------------------------------------------------------------------------------
// Push notification
// ---------------------------------------------------------------------------------------

#[test]
fn notification_get_and_post() {
    let n =
        Notification::parse(include_bytes!("../testdata/notification/ok-get-issued.txt")).unwrap();
    assert_eq!(n.order_number.as_deref(), Some("1234567"));
    assert_eq!(n.certificate_id, Some(987_654_321));
    assert_eq!(n.event_type, Some(EventType::Certificate));
    assert_eq!(n.status, Some(NotificationStatus::Issued));
    assert_eq!(
        n.status_code,
        Some(NotificationStatusCode::IssuedNotCollected)
    );
    assert_eq!(
        n.status_desc.as_deref(),
        Some("Issued but not yet collected")
    );
    assert_eq!(n.removed_domains.as_deref(), Some("old.example.com"));
    assert_eq!(n.callback_link(response::DEFAULT_CALLBACK_BASE_URL), None);

    // `Status` with a capital S, as the PDF prints it.
    let n = Notification::parse(include_bytes!(
        "../testdata/notification/ok-get-verified.txt"
    ))
    .unwrap();
    assert_eq!(n.status, Some(NotificationStatus::Verified));
    assert_eq!(n.event_type, Some(EventType::CallBack));
    assert_eq!(
        n.callback_link("https://secure.comodo.net/products/")
            .unwrap(),
        "https://secure.comodo.net/products/EnterCallbackCode?orderNumber=1234567repl%231&code2=mdtBfVzq0MIaiGg8"
    );
    // The verification code completes the callback: readable, never shown by `Debug`.
    assert_eq!(
        n.verification_code.as_ref().map(|c| c.expose()),
        Some("mdtBfVzq0MIaiGg8")
    );
    for shown in [format!("{n:?}"), format!("{n:#?}")] {
        assert!(!shown.contains("mdtBfVzq0MIaiGg8"), "{shown}");
        assert!(shown.contains("verification_code"), "{shown}");
    }
    let mut ev = n.clone();
    ev.status = Some(NotificationStatus::ClickThrough);
    assert_eq!(
        ev.callback_link(response::DEFAULT_CALLBACK_BASE_URL)
            .unwrap(),
        "https://secure.trust-provider.com/products/ExecuteAgreementsWithCode?orderNumber=1234567repl%231&code2=mdtBfVzq0MIaiGg8"
    );

    let n = Notification::parse(include_bytes!(
        "../testdata/notification/ok-post-certificates.txt"
    ))
    .unwrap();
    assert_eq!(fingerprints(&n.certificates), chain_fingerprints());
    assert_eq!(n.status_code, Some(NotificationStatusCode::Valid));
    assert!(n.extra.is_empty());
    let again = Notification::parse(n.to_form().as_bytes()).unwrap();
    assert_eq!(again, n);

    let n = Notification::parse(include_bytes!(
        "../testdata/notification/ok-post-revoked.txt"
    ))
    .unwrap();
    assert_eq!(n.revocation_reason_code, Some(1));
    assert_eq!(n.revocation_reason_name.as_deref(), Some("keyCompromise"));
    assert_eq!(n.bimi_l.as_deref(), Some("https://example.com/logo.svg"));
    assert_eq!(n.acme_order_id.as_deref(), Some("ord-2"));
    assert_eq!(n.extra, [("newParameter".to_owned(), "kept".to_owned())]);

    let n = Notification::parse(include_bytes!(
        "../testdata/notification/ok-post-failed.txt"
    ))
    .unwrap();
    assert!(n.is_failed());
    assert_eq!(
        n.status_code.unwrap().entry().unwrap().description,
        "PRE-SIGN FAILED: <reason>"
    );

    let n = Notification::parse_query(
        "https://partner.example/hook?orderNumber=77&eventType=PreRevocationNotification#frag",
    )
    .unwrap();
    assert_eq!(n.order_number.as_deref(), Some("77"));
    assert_eq!(n.event_type, Some(EventType::PreRevocationNotification));
}

#[test]
fn notification_errors_and_status_table() {
    let err = Notification::parse(include_bytes!(
        "../testdata/notification/err-decode-no-order-number.txt"
    ))
    .unwrap_err();
    assert_eq!(
        (err.kind(), err.field()),
        (&DecodeErrorKind::MissingField, Some("orderNumber"))
    );
    let err = Notification::parse(b"orderNumber=1&statusCode=six").unwrap_err();
    assert_eq!((err.field(), err.offset()), (Some("statusCode"), Some(25)));
    assert_eq!(
        Notification::parse(b"").unwrap_err().kind(),
        &DecodeErrorKind::Empty
    );
    // A broken pushed certificate names its field.
    let err = Notification::parse(
        b"orderNumber=1&caCertificate=-----BEGIN+CERTIFICATE-----%0A!!%0A-----END+CERTIFICATE-----",
    )
    .unwrap_err();
    assert_eq!(err.context().last().unwrap().field(), Some("caCertificate"));

    let codes: Vec<i32> = response::STATUS_CODES
        .iter()
        .map(|e| e.code.code())
        .collect();
    assert_eq!(codes, [3, 5, 6, 7, 8, 9, 12, 14]);
    for entry in &response::STATUS_CODES {
        assert_eq!(
            NotificationStatusCode::from_code(entry.code.code()),
            entry.code
        );
        assert_eq!(
            NotificationStatus::from_wire(entry.status).as_wire(),
            entry.status
        );
        assert_eq!(entry.code.is_failed(), entry.status == "failed");
    }
    assert_eq!(
        NotificationStatusCode::from_code(4),
        NotificationStatusCode::Other(4)
    );
}

// ---------------------------------------------------------------------------------------
// Format selection, dispatch
// ---------------------------------------------------------------------------------------

#[test]
fn body_format_wins_over_the_request_hint_with_a_warning() {
    let r = AutoRevokeSslResponse::parse(b"0\n", &ctx().with_format(ResponseFormat::UrlEncoded))
        .unwrap();
    assert_eq!(kinds(&r.warnings), [WarningKind::UnexpectedFormat]);
    // A content type alone does not warn (CollectPAC labels bodies with any MIME type).
    let r =
        AutoRevokeSslResponse::parse(b"0\n", &ctx().with_content_type("application/json")).unwrap();
    assert!(r.warnings.is_empty());
    // JSON is not a CollectSSL format.
    let err = decode_error(CollectSslResponse::parse(br#"{"errorCode": 0}"#, &ctx()));
    assert!(matches!(
        err.kind(),
        DecodeErrorKind::UnrecognisedFormat { .. }
    ));
    // A newline error is read from an endpoint that documents no newline format.
    let e = api(OrderStatusResponse::parse(
        b"-17\nRequest used GET rather than POST!",
        &ctx(),
    ));
    assert_eq!(e.name(), Some("GET_NOT_POST"));
}

#[test]
fn dispatch_by_endpoint() {
    let cases: [(EndpointId, &[u8]); 10] = [
        (
            EndpointId::AutoApplyOrder,
            include_bytes!("../testdata/spec/t05-auto-apply-order-newline.txt"),
        ),
        (EndpointId::AutoReplaceSsl, b"errorCode=0&certificateID=1"),
        (
            EndpointId::CollectSsl,
            include_bytes!("../testdata/collect-ssl/ok-urlenc-pkcs7.txt"),
        ),
        (
            EndpointId::CollectPac,
            include_bytes!("../testdata/collect-pac/ok-js-pkcs7.txt"),
        ),
        (EndpointId::CollectSmime, b"0\n"),
        (
            EndpointId::GetDetailedOrderStatus,
            include_bytes!("../testdata/spec/t10-mark-order-status-prefix.txt"),
        ),
        (EndpointId::AutoRevokeSsl, b"0"),
        (EndpointId::AutoRefund, b"errorCode=0"),
        (EndpointId::GetAccountBalance, b"0\n1\nUSD\n1.00\n0.00"),
        (EndpointId::Notification, b"orderNumber=1&statusCode=6"),
    ];
    for (endpoint, body) in cases {
        let any =
            response::parse(endpoint, body, &ctx()).unwrap_or_else(|e| panic!("{endpoint}: {e}"));
        assert_eq!(any.endpoint(), endpoint);
        let certs = any.certificates().map_or(0, sectigo_codec::Chain::len);
        match &any {
            AnyResponse::CollectSsl(_) | AnyResponse::CollectPac(_)
                if endpoint != EndpointId::CollectSmime =>
            {
                assert_eq!(certs, 3);
                assert_eq!(any.status_code(), 2);
            }
            AnyResponse::Notification(_) => assert_eq!(any.status_code(), 6),
            _ => assert_eq!(certs, 0),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Limits: each at the cap and one past it
// ---------------------------------------------------------------------------------------

fn limit_of(err: &DecodeError) -> Option<(Limit, usize)> {
    match err.kind() {
        DecodeErrorKind::LimitExceeded { limit, max } => Some((*limit, *max)),
        _ => None,
    }
}

#[test]
fn body_size_limit() {
    let body = b"errorCode=0&accountID=1";
    let mut limits = Limits::default();
    limits.max_body_size = body.len();
    let at_cap = ctx().with_limits(limits.clone());
    assert!(AccountBalanceResponse::parse(body, &at_cap).is_ok());
    limits.max_body_size = body.len() - 1;
    let err = decode_error(AccountBalanceResponse::parse(
        body,
        &ctx().with_limits(limits),
    ));
    assert_eq!(limit_of(&err), Some((Limit::BodySize, body.len() - 1)));
}

#[test]
fn field_line_order_and_certificate_limits() {
    // Fields (URL-encoded): three pairs.
    let body = b"errorCode=0&orderNumber=1&totalCost=1";
    let mut limits = Limits::default();
    limits.max_fields = 3;
    assert!(AutoApplyOrderResponse::parse(body, &ctx().with_limits(limits.clone())).is_ok());
    limits.max_fields = 2;
    let err = decode_error(AutoApplyOrderResponse::parse(
        body,
        &ctx().with_limits(limits),
    ));
    assert_eq!(limit_of(&err), Some((Limit::Fields, 2)));

    // Lines (newline): five lines.
    let body = b"0\n1\nUSD\n1.00\n0.00\n";
    let mut limits = Limits::default();
    limits.max_lines = 5;
    assert!(AccountBalanceResponse::parse(body, &ctx().with_limits(limits.clone())).is_ok());
    limits.max_lines = 4;
    let err = decode_error(AccountBalanceResponse::parse(
        body,
        &ctx().with_limits(limits),
    ));
    assert_eq!(limit_of(&err), Some((Limit::Lines, 4)));

    // Orders and certificates per order (indexed keys).
    let body = b"errorCode=0&1_orderNumber=1&2_orderNumber=2&2_1_csrStatus=1&2_2_csrStatus=1";
    let mut limits = Limits::default();
    limits.max_orders = 2;
    limits.max_certificates_per_order = 2;
    assert!(OrderStatusResponse::parse(body, &ctx().with_limits(limits.clone())).is_ok());
    let mut fewer = limits.clone();
    fewer.max_orders = 1;
    let err = decode_error(OrderStatusResponse::parse(body, &ctx().with_limits(fewer)));
    assert_eq!(limit_of(&err), Some((Limit::Orders, 1)));
    limits.max_certificates_per_order = 1;
    let err = decode_error(OrderStatusResponse::parse(body, &ctx().with_limits(limits)));
    assert_eq!(limit_of(&err), Some((Limit::CertificatesPerOrder, 1)));

    // Certificates (CollectSSL): three in the chain.
    let body = include_bytes!("../testdata/collect-ssl/ok-urlenc-individual.txt");
    let mut limits = Limits::default();
    limits.max_certificates = 3;
    assert!(CollectSslResponse::parse(body, &ctx().with_limits(limits.clone())).is_ok());
    limits.max_certificates = 2;
    let err = decode_error(CollectSslResponse::parse(body, &ctx().with_limits(limits)));
    assert_eq!(limit_of(&err), Some((Limit::Certificates, 2)));
}

#[test]
fn javascript_json_and_pem_limits() {
    // JavaScript variables (CollectPAC): three declarations.
    let body = include_bytes!("../testdata/collect-pac/ok-js-pkcs7.txt");
    let mut limits = Limits::default();
    limits.max_js_variables = 3;
    assert!(CollectPacResponse::parse(body, &ctx().with_limits(limits.clone())).is_ok());
    limits.max_js_variables = 2;
    let err = decode_error(CollectPacResponse::parse(body, &ctx().with_limits(limits)));
    assert_eq!(limit_of(&err), Some((Limit::JsVariables, 2)));

    // JSON depth (GetDetailedOrderStatus nested): object > orders > order > certificates >
    // certificate > FQDN list.
    let body = include_bytes!("../testdata/order-status/ok-json-nested.json");
    let mut limits = Limits::default();
    limits.max_json_depth = 6;
    assert!(OrderStatusResponse::parse(body, &ctx().with_limits(limits.clone())).is_ok());
    limits.max_json_depth = 5;
    let err = decode_error(OrderStatusResponse::parse(body, &ctx().with_limits(limits)));
    assert_eq!(limit_of(&err), Some((Limit::JsonDepth, 5)));

    // PEM blocks (CollectSSL newline): three blocks.
    let body = include_bytes!("../testdata/collect-ssl/ok-newline-fqdn-crlf.txt");
    let mut limits = Limits::default();
    limits.max_pem_blocks = 3;
    assert!(CollectSslResponse::parse(body, &ctx().with_limits(limits.clone())).is_ok());
    limits.max_pem_blocks = 2;
    let err = decode_error(CollectSslResponse::parse(body, &ctx().with_limits(limits)));
    assert_eq!(limit_of(&err), Some((Limit::PemBlocks, 2)));
}

// ---------------------------------------------------------------------------------------
// Data-driven: every file of testdata/<endpoint>/ against its name
// ---------------------------------------------------------------------------------------

/// Files whose outcome does not (yet) match their name. The walk fails when one of them
/// starts to match, so the list cannot go stale. Empty: every fixture behaves as named.
const EXPECTED_FAILURES: &[&str] = &[];

#[derive(Debug, PartialEq)]
enum Outcome {
    Ok,
    Api,
    Decode,
}

#[test]
#[allow(
    clippy::disallowed_methods,
    clippy::disallowed_types,
    reason = "the test walks the fixture directories"
)]
fn every_fixture_behaves_as_its_name_says() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut mismatches = Vec::new();
    let mut expected_seen = Vec::new();
    for endpoint in EndpointId::ALL {
        let dir = root.join(endpoint.cli_name());
        let mut entries: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        let (mut ok, mut err) = (0, 0);
        for path in entries {
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            let expected = if name.starts_with("ok-") {
                ok += 1;
                Outcome::Ok
            } else if name.starts_with("err-decode-") {
                err += 1;
                Outcome::Decode
            } else if name.starts_with("err-") {
                err += 1;
                Outcome::Api
            } else {
                panic!("{name}: fixture names start with ok- or err-");
            };
            // ZIP archives need the `zip` feature.
            if name.contains("zip") && !cfg!(feature = "zip") {
                continue;
            }
            let body = std::fs::read(&path).unwrap();
            let got = match response::parse(endpoint, &body, &ParseContext::new()) {
                Ok(_) => Outcome::Ok,
                Err(Error::Api(_)) => Outcome::Api,
                Err(Error::Decode(_)) => Outcome::Decode,
                Err(other) => panic!("{name}: {other}"),
            };
            let key = format!("{}/{name}", endpoint.cli_name());
            let listed = EXPECTED_FAILURES.contains(&key.as_str());
            if listed {
                expected_seen.push(key.clone());
            }
            match (got == expected, listed) {
                (true, true) => mismatches.push(format!(
                    "{key} now passes: remove it from EXPECTED_FAILURES"
                )),
                (false, false) => {
                    mismatches.push(format!("{key}: expected {expected:?}, got {got:?}"))
                }
                _ => {}
            }
        }
        assert!(
            ok > 0 && err > 0,
            "{}: needs ok- and err- fixtures",
            endpoint.cli_name()
        );
    }
    for listed in EXPECTED_FAILURES {
        assert!(
            expected_seen.iter().any(|s| s == listed),
            "{listed} does not exist"
        );
    }
    assert!(mismatches.is_empty(), "{mismatches:#?}");
}
