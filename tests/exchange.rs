//! Typed request → typed response: the request builds the parse context (the syntax it asked
//! for, and the flags that add lines to AutoApplyOrder's newline layout).

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use sectigo_codec::exchange::Exchange;
use sectigo_codec::request::{
    CollectQueryType, OrderStatusQueryType, ResponseEncoding, SslResponseType,
};
use sectigo_codec::response::{ApplyStatus, BodySyntax, CertificateStatus};
use sectigo_codec::{
    ApiError, AutoApplyOrderRequest, CollectPacRequest, CollectSslRequest, Credentials, EndpointId,
    Error, OrderStatusRequest, ResponseFormat,
};

fn creds() -> Credentials {
    Credentials::new("reseller", "pa55word")
}

fn api(result: Result<impl std::fmt::Debug, Error>) -> ApiError {
    match result {
        Err(Error::Api(e)) => e,
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[test]
fn auto_apply_order_flags_decide_what_lines_five_to_seven_are() {
    let body = b"0\n3040824\n210.00\n1\n1234567890123456\nIssued\nTnerFu0d\n";
    let mut request = AutoApplyOrderRequest::new(creds(), vec![488], 365);
    request.show_certificate_id = Some(true);
    request.show_certificate_state = Some(true);
    request.unique_value = Some("TnerFu0d".into());
    let ctx = request.parse_context();
    assert!(ctx.show_certificate_id && ctx.show_certificate_state && ctx.unique_value_supplied);
    let r = request.parse_response(Some("text/plain"), body).unwrap();
    assert_eq!(r.status, ApplyStatus::Debited);
    assert_eq!(r.certificate_id, Some(1_234_567_890_123_456));
    assert_eq!(r.certificate_status, Some(CertificateStatus::Issued));
    assert_eq!(r.unique_value.as_deref(), Some("TnerFu0d"));

    // Without the flags the same five-line prefix ends in a generated uniqueValue (T7).
    let plain = AutoApplyOrderRequest::new(creds(), vec![488], 365);
    let r = plain
        .parse_response(None, b"0\n123456789\n35.00\n1\nlmWhh1J1\n")
        .unwrap();
    assert_eq!(
        (r.certificate_id, r.unique_value.as_deref()),
        (None, Some("lmWhh1J1"))
    );
}

#[test]
fn collect_ssl_asks_for_url_encoded_and_gets_the_chain_end_entity_first() {
    let mut request = CollectSslRequest::by_order_number(
        creds(),
        "1234567",
        CollectQueryType::CertificateAndChain,
    );
    request.response_type = Some(SslResponseType::Individual);
    request.response_format = Some(ResponseFormat::UrlEncoded);
    assert_eq!(request.parse_context().syntax, Some(BodySyntax::UrlEncoded));
    let body = include_bytes!("../testdata/collect-ssl/ok-urlenc-individual.txt");
    let r = request
        .parse_response(Some("application/x-www-form-urlencoded"), body)
        .unwrap();
    let subjects: Vec<&str> = r
        .certificates
        .certificates()
        .iter()
        .map(|c| c.subject())
        .collect();
    assert_eq!(subjects[0], "CN=shop.example.com");
    assert_eq!(subjects.len(), 3);

    // responseEncoding=1 is a binary download.
    request.response_encoding = Some(ResponseEncoding::Binary);
    request.response_type = Some(SslResponseType::Pkcs7);
    assert_eq!(request.parse_context().syntax, Some(BodySyntax::Binary));
    let r = request
        .parse_response(
            Some("application/pkcs7-mime"),
            include_bytes!("../testdata/pkcs7/chain.p7b"),
        )
        .unwrap();
    assert_eq!(r.certificates.len(), 3);
}

#[test]
fn collect_pac_javascript_encoding_and_api_errors() {
    let mut request = CollectPacRequest::with_collection_code(
        "ABCDEFGH12345678",
        CollectQueryType::CertificateAndChain,
    );
    request.response_encoding = Some(ResponseEncoding::JavaScript);
    assert_eq!(request.parse_context().syntax, Some(BodySyntax::JavaScript));
    let r = request
        .parse_response(
            None,
            include_bytes!("../testdata/collect-pac/ok-js-pkcs7.txt"),
        )
        .unwrap();
    assert_eq!(
        r.certificates.end_entity().unwrap().subject(),
        "CN=shop.example.com"
    );

    let api =
        api(request.parse_response(None, include_bytes!("../testdata/collect-pac/err-js.txt")));
    assert_eq!(
        (api.endpoint(), api.code().get()),
        (EndpointId::CollectPac, -16)
    );
    assert!(api.is_auth_problem());
}

#[test]
fn order_status_defaults_to_url_encoded_and_reads_json_when_asked() {
    let request =
        OrderStatusRequest::by_order_number(creds(), "7250060", OrderStatusQueryType::Detailed);
    let r = request
        .parse_response(
            None,
            include_bytes!("../testdata/spec/t08-order-status-urlenc.txt"),
        )
        .unwrap();
    assert_eq!(r.orders.len(), 1);

    let mut json =
        OrderStatusRequest::by_order_number(creds(), "7250060", OrderStatusQueryType::Detailed);
    json.response_format = Some(ResponseFormat::Json);
    let api = api(json.parse_response(
        Some("application/json"),
        include_bytes!("../testdata/spec/t09-order-status-error-pydict.txt"),
    ));
    assert_eq!(api.code().get(), -4);
    assert_eq!(api.argument(), Some("orderNumber"));
}

/// The other five request types: each hands its body to its own endpoint's parser, with the
/// format it asked for, and errors come back from that endpoint's catalogue.
#[test]
fn the_other_request_types_parse_their_own_endpoints_responses() {
    use sectigo_codec::request::RefundReason;
    use sectigo_codec::{
        AccountBalanceRequest, AutoRefundRequest, AutoReplaceSslRequest, AutoRevokeSslRequest,
        CollectSmimeRequest,
    };

    let mut replace = AutoReplaceSslRequest::new(creds(), "1234567");
    replace.response_format = Some(ResponseFormat::UrlEncoded);
    assert_eq!(replace.parse_context().syntax, Some(BodySyntax::UrlEncoded));
    let r = replace
        .parse_response(
            None,
            include_bytes!("../testdata/auto-replace-ssl/ok-urlenc.txt"),
        )
        .unwrap();
    assert_eq!(
        (r.status, r.certificate_id, r.unique_value.as_deref()),
        (0, Some(9_876_543_210), Some("Zz99"))
    );
    // The newline layout after the status is UNCONFIRMED (DIGEST §7): the lines are kept,
    // numbered, not guessed at.
    let r = AutoReplaceSslRequest::new(creds(), "1234567")
        .parse_response(
            None,
            include_bytes!("../testdata/auto-replace-ssl/ok-newline.txt"),
        )
        .unwrap();
    assert_eq!((r.status, r.certificate_id), (0, None));
    assert_eq!(
        (r.extra_lines[0].number, r.extra_lines[0].text.as_str()),
        (2, "9876543210")
    );

    let smime = CollectSmimeRequest::with_collection_code(
        "ABCDEFGH12345678",
        CollectQueryType::CertificateAndChain,
    );
    let r = smime
        .parse_response(
            None,
            include_bytes!("../testdata/collect-pac/ok-newline-pkcs7.txt"),
        )
        .unwrap();
    assert_eq!(r.endpoint, EndpointId::CollectSmime);
    assert_eq!(
        r.certificates.end_entity().unwrap().subject(),
        "CN=shop.example.com"
    );

    let mut revoke = AutoRevokeSslRequest::by_order_number(creds(), "1234567");
    revoke.response_format = Some(ResponseFormat::UrlEncoded);
    let api = api(revoke.parse_response(
        Some("application/x-www-form-urlencoded"),
        include_bytes!("../testdata/auto-revoke-ssl/err-api-urlenc-being-issued.txt"),
    ));
    assert_eq!(
        (api.endpoint(), api.code().get()),
        (EndpointId::AutoRevokeSsl, -26)
    );
    let r = AutoRevokeSslRequest::by_order_number(creds(), "1234567")
        .parse_response(None, b"0\n")
        .unwrap();
    assert_eq!(r.status, 0);

    let refund = AutoRefundRequest::new(creds(), "1234567", RefundReason::MovingToAnotherCa);
    let r = refund
        .parse_response(
            None,
            include_bytes!("../testdata/auto-refund/ok-urlenc.txt"),
        )
        .unwrap();
    assert_eq!(r.status, 0);

    let mut balance = AccountBalanceRequest::new(creds());
    balance.response_format = Some(ResponseFormat::Json);
    assert_eq!(balance.parse_context().syntax, Some(BodySyntax::Json));
    let r = balance
        .parse_response(
            Some("application/json"),
            include_bytes!("../testdata/account-balance/ok-json.json"),
        )
        .unwrap();
    assert_eq!(r.amount.as_ref().unwrap().as_str(), "1234.50");
    assert_eq!(r.currency_code.as_deref(), Some("GBP"));
    let r = AccountBalanceRequest::new(creds())
        .parse_response(
            None,
            include_bytes!("../testdata/account-balance/ok-newline.txt"),
        )
        .unwrap();
    assert_eq!(
        (r.account_id.as_deref(), r.amount.unwrap().as_str()),
        (Some("98765"), "1234.56")
    );
}
