//! Structure-aware check of the typed requests: `arbitrary` builds `(name, value)`
//! parameters for any endpoint (documented names in any case, secret names, other names;
//! arbitrary values, documented codes, numbers), `AnyRequest::from_pairs` builds the typed
//! request, and the check encodes, decodes and builds it again.

use arbitrary::{Arbitrary, Unstructured};
use sectigo_codec::EndpointId;
use sectigo_codec::request::{
    AccountBalanceRequest, AnyRequest, ApiRequest, AutoApplyOrderRequest, AutoRefundRequest,
    AutoReplaceSslRequest, AutoRevokeSslRequest, BaseUrl, CollectPacRequest, CollectSmimeRequest,
    CollectSslRequest, OrderStatusRequest, Violation,
};
use sectigo_codec::wire::form;

/// Every secret value starts with this marker, which must never show in formatted output.
const MARKER: &str = "S3CR3T-p4ssw0rd-MARKER";

/// The endpoints that have a request (all but the push notification).
const ENDPOINTS: [EndpointId; 9] = [
    EndpointId::AutoApplyOrder,
    EndpointId::AutoReplaceSsl,
    EndpointId::CollectSsl,
    EndpointId::CollectPac,
    EndpointId::CollectSmime,
    EndpointId::GetDetailedOrderStatus,
    EndpointId::AutoRevokeSsl,
    EndpointId::AutoRefund,
    EndpointId::GetAccountBalance,
];

/// The documented parameter names of an endpoint, in table order.
fn parameters(endpoint: EndpointId) -> &'static [&'static str] {
    match endpoint {
        EndpointId::AutoApplyOrder => AutoApplyOrderRequest::PARAMETERS,
        EndpointId::AutoReplaceSsl => AutoReplaceSslRequest::PARAMETERS,
        EndpointId::CollectSsl => CollectSslRequest::PARAMETERS,
        EndpointId::CollectPac => CollectPacRequest::PARAMETERS,
        EndpointId::CollectSmime => CollectSmimeRequest::PARAMETERS,
        EndpointId::GetDetailedOrderStatus => OrderStatusRequest::PARAMETERS,
        EndpointId::AutoRevokeSsl => AutoRevokeSslRequest::PARAMETERS,
        EndpointId::AutoRefund => AutoRefundRequest::PARAMETERS,
        EndpointId::GetAccountBalance => AccountBalanceRequest::PARAMETERS,
        _ => &[],
    }
}

/// Names whose values are secrets: the typed ones and extra names containing `password`.
const SECRET_NAMES: [&str; 5] = [
    "loginPassword",
    "appRepLoginPassword",
    "collectionCode",
    "COLLECTIONCODE",
    "xPaSsWoRdy",
];

/// Values the server documents somewhere (flags, codes, numbers, enumerations, a CSR), so
/// that typed fields are often set to something they accept.
const KNOWN_VALUES: &[&str] = &[
    "",
    "Y",
    "N",
    "y",
    "0",
    "1",
    "2",
    "3",
    "4",
    "-1",
    "007",
    "365",
    "488",
    "1234567",
    "1234567repl#1",
    "shop.example.com",
    "*.example.com",
    "admin@example.com",
    "GB",
    "US",
    "EMAIL",
    "HTTP_CSR_HASH",
    "CNAME_CSR_HASH",
    "HTTPS_CSR_HASH",
    "KEY_COMPROMISE",
    "unspecified",
    "https://example.com/",
    "2025-01-01",
    "a b&c=d%e+f",
    include_str!("../../testdata/csr/ok/rsa2048-sha256.pem"),
];

#[derive(Debug, Arbitrary)]
enum Name {
    /// A documented name of the endpoint (index), in the case the bits say.
    Table(u8, u16),
    /// A name whose value is a secret.
    Secret(u8),
    /// Any name.
    Other(String),
}

#[derive(Debug, Arbitrary)]
enum Value {
    Text(String),
    Known(u8),
    Number(u64),
}

#[derive(Debug, Arbitrary)]
struct Input {
    endpoint: u8,
    allow_unknown: bool,
    params: Vec<(Name, Value)>,
}

/// `name` with the ASCII case of its letters flipped where `bits` has a 1 (cycled).
fn recase(name: &str, bits: u16) -> String {
    name.chars()
        .enumerate()
        .map(|(i, c)| {
            if bits >> (i % 16) & 1 == 1 {
                if c.is_ascii_lowercase() {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            } else {
                c
            }
        })
        .collect()
}

/// The pairs the input describes, and whether the marker is only in secret values.
fn pairs(endpoint: EndpointId, input: &Input) -> (Vec<(String, String)>, bool, usize) {
    let table = parameters(endpoint);
    let mut out = Vec::new();
    let mut clean = true;
    let mut secrets = 0;
    for (name, value) in &input.params {
        let value = match value {
            Value::Text(text) => text.clone(),
            Value::Known(i) => KNOWN_VALUES[usize::from(*i) % KNOWN_VALUES.len()].to_owned(),
            Value::Number(n) => n.to_string(),
        };
        let name = match name {
            Name::Table(i, bits) => recase(table[usize::from(*i) % table.len()], *bits),
            Name::Secret(i) => {
                secrets += 1;
                let name = SECRET_NAMES[usize::from(*i) % SECRET_NAMES.len()].to_owned();
                out.push((name, format!("{MARKER}{value}")));
                continue;
            }
            Name::Other(name) => name.clone(),
        };
        if name.contains(MARKER) || value.contains(MARKER) || is_secret_name(&name) {
            // The marker (or a secret) where the request may show it, or a name that makes
            // the value a secret without the marker: skip the redaction checks.
            clean = false;
        }
        out.push((name, value));
    }
    (out, clean, secrets)
}

/// The library's rule for secret names (`request` module docs): `collectionCode`, or
/// anything containing `password`, ASCII case-insensitively.
fn is_secret_name(name: &str) -> bool {
    name.eq_ignore_ascii_case("collectionCode") || name.to_ascii_lowercase().contains("password")
}

/// Formatted output that must not show a secret.
fn assert_no_marker(what: &str, text: &str) {
    assert!(!text.contains(MARKER), "secret in {what}: {text}");
}

fn check_violations(
    violations: &[Violation],
    given: &[(String, String)],
    table: &[&str],
    clean: bool,
) {
    for v in violations {
        assert!(v.code < 0, "violation with code {}: {v}", v.code);
        assert!(!v.message.is_empty());
        assert!(
            v.parameter.is_empty()
                || table.contains(&v.parameter.as_str())
                || given.iter().any(|(name, _)| *name == v.parameter),
            "violation names a parameter nobody gave nor documented: {v}"
        );
        if clean {
            assert_no_marker("a violation", &v.to_string());
            assert_no_marker("a violation's Debug", &format!("{v:?}"));
        }
    }
}

/// Arbitrary parameters of any endpoint → `AnyRequest::from_pairs`: violations name given
/// or documented parameters; a built request encodes (`to_form`) to a body that decodes
/// without warnings into pairs that build the same request, which encodes identically;
/// `validate` is deterministic and agrees with `to_http`; no parameter is added but the
/// credentials; secrets never show in `Debug`, `Display` or `redacted()` of the request, its
/// body or its `HttpRequest`, nor in any violation, yet are sent.
pub fn roundtrip_request(data: &[u8]) {
    let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    let endpoint = ENDPOINTS[usize::from(input.endpoint) % ENDPOINTS.len()];
    let table = parameters(endpoint);
    let (given, clean, secrets) = pairs(endpoint, &input);
    let built = AnyRequest::from_pairs_with(endpoint, given.clone(), input.allow_unknown)
        .expect("every endpoint but the notification has a request");
    let request = match built {
        Err(violations) => {
            assert!(!violations.is_empty(), "an error without violations");
            check_violations(violations.as_slice(), &given, table, clean);
            if clean {
                assert_no_marker("Violations' Debug", &format!("{violations:?}"));
            }
            return;
        }
        Ok(request) => request,
    };
    assert_eq!(request.endpoint(), endpoint);
    let violations = request.validate();
    assert_eq!(
        request.validate(),
        violations,
        "validate is not deterministic"
    );
    check_violations(&violations, &given, table, clean);

    // Encode → decode → build: the same request, the same body.
    let body = request.to_form();
    let decoded = form::decode(body.as_bytes()).expect("the encoder's output decodes");
    assert!(
        decoded.warnings().is_empty(),
        "the body decodes with warnings: {:?}",
        decoded.warnings()
    );
    let pairs: Vec<(String, String)> = decoded
        .pairs()
        .iter()
        .map(|p| (p.name().to_owned(), p.value().to_owned()))
        .collect();
    for (name, _) in &pairs {
        assert!(
            table.contains(&name.as_str())
                || given.iter().any(|(given, _)| given == name)
                || name == "loginName"
                || name == "loginPassword",
            "to_form added the parameter {name:?}"
        );
    }
    let again = AnyRequest::from_pairs_with(endpoint, pairs, input.allow_unknown)
        .expect("an endpoint with a request")
        .unwrap_or_else(|v| panic!("the encoded request does not build: {v:?}"));
    assert_eq!(
        again, request,
        "encode → decode → build changed the request"
    );
    let body_again = again.to_form();
    assert_eq!(body_again.as_str(), body.as_str());
    assert_eq!(body_again.redacted(), body.redacted());
    assert_eq!(again.validate(), violations);

    // `to_http` validates: it succeeds exactly when `validate` finds nothing.
    let https = BaseUrl::default();
    match request.to_http(&https) {
        Ok(http) => {
            assert!(violations.is_empty());
            assert_eq!(http.body(), body.as_bytes());
            assert_eq!(http.method(), "POST");
            assert!(http.url().ends_with(request.path()), "{}", http.url());
            if clean {
                assert_no_marker("HttpRequest's Debug", &format!("{http:?}"));
                assert_no_marker("HttpRequest's Debug", &format!("{http:#?}"));
                assert_no_marker("HttpRequest's Display", &http.to_string());
                assert_no_marker("HttpRequest's body Debug", &format!("{:?}", http.form()));
            }
        }
        Err(found) => {
            assert_eq!(found.as_slice(), violations.as_slice());
            if clean {
                assert_no_marker("Violations", &format!("{found:?}"));
            }
        }
    }
    let plain = BaseUrl::new("http://example.com/products/").expect("a plain-HTTP base URL");
    match request.to_http(&plain) {
        Ok(_) => assert!(violations.is_empty() && request.allows_plain_http()),
        Err(found) => {
            let insecure = found.iter().filter(|v| v.code == -1).count();
            assert_eq!(insecure, usize::from(!request.allows_plain_http()));
            assert_eq!(found.len(), violations.len() + insecure);
        }
    }

    if clean {
        assert_no_marker("the request's Debug", &format!("{request:?}"));
        assert_no_marker("the request's Debug", &format!("{request:#?}"));
        assert_no_marker("the request's Display", &request.to_string());
        assert_no_marker("redacted()", &body.redacted());
        assert_no_marker("the body's Debug", &format!("{body:?}"));
        assert_no_marker("the body's Display", &body.to_string());
    }
    if secrets > 0 {
        // Redacted, but sent.
        assert!(body.as_str().contains(MARKER), "a secret was not sent");
    }
}
