//! End to end, per endpoint and format (issue #5 item 4): encoding a realistic request
//! (`to_form`, and `to_http`, which validates first) and parsing a response of each format
//! the endpoint offers, from the fixtures under `testdata/<endpoint>/`.
//!
//! Groups: `encode/<endpoint>` (functions `to_form`, `to_http`) and
//! `parse/<endpoint>/<format>` (one function, `parse`), each with `Throughput::Bytes` of the
//! request body or of the response body. There is no peer: no other Rust crate speaks this
//! API; the layers are compared with the crates a user would pick in `benches/form.rs`,
//! `benches/containers.rs` and `benches/order_status.rs`.
//!
//! Run: `cargo bench --bench endpoints -- --warm-up-time 1 --measurement-time 3`
//! (add a filter such as `parse/collect-ssl` to run a part).

// Benchmarks unwrap freely.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sectigo_codec::request::{
    AccountBalanceRequest, AutoApplyOrderRequest, AutoRefundRequest, AutoReplaceSslRequest,
    AutoRevokeSslRequest, BaseUrl, CollectPacRequest, CollectQueryType, CollectSmimeRequest,
    CollectSslRequest, Credentials, DcvAllMethod, DcvMethod, DcvTokens, FormBody, HttpRequest,
    OrderStatusQueryType, OrderStatusRequest, PacResponseType, RefundReason, ResponseEncoding,
    RevocationReason, ServerSoftware, SslResponseType, Violations,
};
use sectigo_codec::response::{self, ParseContext};
use sectigo_codec::{EndpointId, ResponseFormat};

/// An RSA-2048 / SHA-256 CSR of the corpus (`testdata/csr/ok/`), as a caller would paste it.
const CSR: &str = include_str!("../testdata/csr/ok/rsa2048-sha256.pem");

fn creds() -> Credentials {
    Credentials::new("mypartnerusername", "th15ISNOTas3ns!blePassW0rd!")
}

/// `to_http` of one request: validates, then builds the HTTP description.
type ToHttp = Box<dyn Fn(&BaseUrl) -> Result<HttpRequest, Violations>>;

/// One realistic request per endpoint: the body encoder and the validating HTTP builder.
struct Encoder {
    name: &'static str,
    to_form: Box<dyn Fn() -> FormBody>,
    to_http: ToHttp,
}

macro_rules! encoder {
    ($name:literal, $req:expr) => {{
        let req = $req;
        assert_eq!(
            req.validate(),
            Vec::new(),
            "{}: the bench request is valid",
            $name
        );
        let (a, b) = (req.clone(), req);
        Encoder {
            name: $name,
            to_form: Box::new(move || a.to_form()),
            to_http: Box::new(move |base| b.to_http(base)),
        }
    }};
}

fn encoders() -> Vec<Encoder> {
    // AutoApplyOrder: the documentation's OV multi-domain example (DIGEST §6.6) with a real CSR.
    let mut apply = AutoApplyOrderRequest::ssl(creds(), 583, 730, ServerSoftware::Other, CSR);
    apply.app_rep_email_address = Some("seniorstaffmember@sectigo.com".into());
    apply.organization_name = Some("Sectigo".into());
    apply.street_address1 = Some("5 Becker Farm Road".into());
    apply.locality_name = Some("Roseland".into());
    apply.state_or_province_name = Some("NJ".into());
    apply.country_name = Some("US".into());
    apply.postal_code = Some("07068".into());
    apply.domain_names = Some(vec![
        "sectigo.com".into(),
        "www.sectigo.com".into(),
        "secure.sectigo.com".into(),
    ]);
    apply.primary_domain_name = Some("sectigo.com".into());
    apply.validation_tokens = Some(DcvTokens::All(DcvAllMethod::CnameCsrHash));

    let mut replace = AutoReplaceSslRequest::new(creds(), "1234567");
    replace.server_software = Some(ServerSoftware::Other);
    replace.csr = Some(CSR.into());
    replace.dcv_method = Some(DcvMethod::Email);
    replace.dcv_email_address = Some("admin@example.com".into());
    replace.response_format = Some(ResponseFormat::UrlEncoded);

    let mut collect = CollectSslRequest::by_order_number(
        creds(),
        "1234567",
        CollectQueryType::CertificateAndChain,
    );
    collect.response_type = Some(SslResponseType::Individual);
    collect.response_format = Some(ResponseFormat::UrlEncoded);
    collect.show_validity_period = Some(true);
    collect.show_ext_status = Some(true);

    let mut pac =
        CollectPacRequest::with_login(creds(), "7654321", CollectQueryType::CertificateAndChain);
    pac.response_type = Some(PacResponseType::Pkcs7);
    pac.response_encoding = Some(ResponseEncoding::Base64);

    let mut smime = CollectSmimeRequest::with_collection_code(
        "AbCdEf0123456789",
        CollectQueryType::Certificate,
    );
    smime.response_type = Some(PacResponseType::Individual);
    smime.response_encoding = Some(ResponseEncoding::Base64);

    let mut status =
        OrderStatusRequest::by_order_number(creds(), "1234567", OrderStatusQueryType::Detailed);
    status.show_validity_period = Some(true);
    status.response_format = Some(ResponseFormat::UrlEncoded);

    let mut revoke = AutoRevokeSslRequest::by_serial_number(creds(), "00C0FFEE");
    revoke.revocation_reason = Some("Key on a stolen laptop".into());
    revoke.code_reason = Some(RevocationReason::KeyCompromise);
    revoke.response_format = Some(ResponseFormat::UrlEncoded);

    let refund = AutoRefundRequest::new(creds(), "1234567repl#1", RefundReason::Other);

    let mut balance = AccountBalanceRequest::new(creds());
    balance.response_format = Some(ResponseFormat::UrlEncoded);

    vec![
        encoder!("auto-apply-order", apply),
        encoder!("auto-replace-ssl", replace),
        encoder!("collect-ssl", collect),
        encoder!("collect-pac", pac),
        encoder!("collect-smime", smime),
        encoder!("order-status", status),
        encoder!("auto-revoke-ssl", revoke),
        encoder!("auto-refund", refund),
        encoder!("account-balance", balance),
    ]
}

/// `(endpoint, format label, body)`: one success fixture per format each endpoint offers
/// (CollectSSL: one per certificate packaging of the URL-encoded format, and the newline
/// format; the notification: the POST with certificates and the GET).
fn responses() -> Vec<(EndpointId, &'static str, &'static [u8])> {
    macro_rules! fixture {
        ($endpoint:ident, $format:literal, $file:literal) => {
            (
                EndpointId::$endpoint,
                $format,
                &include_bytes!(concat!("../testdata/", $file))[..],
            )
        };
    }
    let mut all = vec![
        fixture!(
            AutoApplyOrder,
            "newline",
            "auto-apply-order/ok-newline-three-lines.txt"
        ),
        fixture!(
            AutoApplyOrder,
            "urlenc",
            "auto-apply-order/ok-urlenc-payment-required.txt"
        ),
        fixture!(AutoReplaceSsl, "newline", "auto-replace-ssl/ok-newline.txt"),
        fixture!(AutoReplaceSsl, "urlenc", "auto-replace-ssl/ok-urlenc.txt"),
        fixture!(
            CollectSsl,
            "newline-pem",
            "collect-ssl/ok-newline-doc-armour.txt"
        ),
        fixture!(
            CollectSsl,
            "urlenc-individual",
            "collect-ssl/ok-urlenc-individual.txt"
        ),
        fixture!(
            CollectSsl,
            "urlenc-cabundle",
            "collect-ssl/ok-urlenc-cabundle.txt"
        ),
        fixture!(
            CollectSsl,
            "urlenc-pkcs7",
            "collect-ssl/ok-urlenc-pkcs7.txt"
        ),
        fixture!(
            CollectSsl,
            "urlenc-netscape",
            "collect-ssl/ok-urlenc-netscape.txt"
        ),
        fixture!(
            CollectSsl,
            "urlenc-status-details",
            "collect-ssl/ok-urlenc-status0-details.txt"
        ),
        fixture!(CollectPac, "js-pkcs7", "collect-pac/ok-js-pkcs7.txt"),
        fixture!(
            CollectPac,
            "newline-pkcs7",
            "collect-pac/ok-newline-pkcs7.txt"
        ),
        fixture!(
            CollectSmime,
            "newline",
            "collect-smime/ok-newline-status1-validity.txt"
        ),
        fixture!(
            GetDetailedOrderStatus,
            "urlenc",
            "order-status/ok-urlenc-suggested-unpacked.txt"
        ),
        fixture!(
            GetDetailedOrderStatus,
            "urlenc-100-orders",
            "order-status/ok-100-orders.txt"
        ),
        fixture!(
            GetDetailedOrderStatus,
            "json-flat",
            "order-status/ok-json-flat.json"
        ),
        fixture!(
            GetDetailedOrderStatus,
            "json-nested",
            "order-status/ok-json-nested.json"
        ),
        fixture!(AutoRevokeSsl, "newline", "auto-revoke-ssl/ok-newline.txt"),
        fixture!(AutoRevokeSsl, "urlenc", "auto-revoke-ssl/ok-urlenc.txt"),
        fixture!(AutoRefund, "newline", "auto-refund/ok-newline.txt"),
        fixture!(AutoRefund, "urlenc", "auto-refund/ok-urlenc.txt"),
        fixture!(
            GetAccountBalance,
            "newline",
            "account-balance/ok-newline.txt"
        ),
        fixture!(GetAccountBalance, "urlenc", "account-balance/ok-urlenc.txt"),
        fixture!(GetAccountBalance, "json", "account-balance/ok-json.json"),
        fixture!(
            Notification,
            "post-certificates",
            "notification/ok-post-certificates.txt"
        ),
        fixture!(Notification, "get", "notification/ok-get-issued.txt"),
    ];
    if cfg!(feature = "zip") {
        all.push(fixture!(
            CollectSsl,
            "urlenc-zip",
            "collect-ssl/ok-urlenc-zip.txt"
        ));
    }
    all
}

fn encode(c: &mut Criterion) {
    let base = BaseUrl::default();
    for e in encoders() {
        let len = (e.to_form)().as_str().len();
        let mut g = c.benchmark_group(format!("encode/{}", e.name));
        g.throughput(Throughput::Bytes(len as u64));
        g.bench_function("to_form", |b| b.iter(|| (e.to_form)()));
        g.bench_function("to_http", |b| {
            b.iter(|| (e.to_http)(black_box(&base)).unwrap())
        });
        g.finish();
    }
}

fn parse(c: &mut Criterion) {
    let ctx = ParseContext::new();
    for (endpoint, format, body) in responses() {
        // Every fixture is a success: the bench measures the typed path, not an error.
        response::parse(endpoint, body, &ctx)
            .unwrap_or_else(|e| panic!("{}/{format}: {e}", endpoint.cli_name()));
        let mut g = c.benchmark_group(format!("parse/{}/{format}", endpoint.cli_name()));
        g.throughput(Throughput::Bytes(body.len() as u64));
        g.bench_function("parse", |b| {
            b.iter(|| response::parse(endpoint, black_box(body), &ctx).unwrap())
        });
        g.finish();
    }
}

criterion_group!(benches, encode, parse);
criterion_main!(benches);
