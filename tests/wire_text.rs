//! Newline-delimited bodies, indexed keys, JSON and JavaScript variables: the
//! documentation's samples, the fixtures, grouping invariance, and pathological inputs.

// Test code: unwrap and index freely.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation,
    missing_docs
)]

use std::borrow::Cow;
use std::collections::BTreeMap;

use proptest::prelude::*;
use sectigo_codec::wire::indexed::{self, Indexed};
use sectigo_codec::wire::json::{self, JsonValue};
use sectigo_codec::wire::{form, js, lines};
use sectigo_codec::{DecodeErrorKind, Format, Limit, Limits, WarningKind};

const MIB: usize = 1024 * 1024;

fn texts<'a>(lines: &lines::Lines<'a>) -> Vec<&'a str> {
    lines.lines().iter().map(|l| l.text()).collect()
}

// ---------------------------------------------------------------------------------------
// Newline-delimited bodies
// ---------------------------------------------------------------------------------------

#[test]
fn t05_auto_apply_order_newline() {
    let body = include_bytes!("../testdata/spec/t05-auto-apply-order-newline.txt");
    let lines = lines::decode(body).unwrap();
    assert_eq!(lines.status(), 0);
    assert_eq!(texts(&lines), ["3040824", "210.00", "1", "TnerFu0d"]);
    let numbers: Vec<usize> = lines.lines().iter().map(|l| l.number()).collect();
    assert_eq!(numbers, [2, 3, 4, 5]);
    assert_eq!(lines.get(3).unwrap().offset(), 19);
    assert!(lines.warnings().is_empty());
}

#[test]
fn t07_auto_apply_order_dv_newline() {
    let body = include_bytes!("../testdata/spec/t07-auto-apply-order-dv-newline.txt");
    let lines = lines::decode(body).unwrap();
    assert_eq!(lines.status(), 0);
    assert_eq!(texts(&lines), ["123456789", "35.00", "1", "lmWhh1J1"]);
    // The code-signing variant has only three lines.
    let lines = lines::decode(b"0\n987654321\n210.00\n").unwrap();
    assert_eq!(texts(&lines), ["987654321", "210.00"]);
}

#[test]
fn t01_collect_ssl_doc_armour_after_status() {
    // The fixture has the status line `2` that precedes the sample in a real response.
    let body = include_bytes!("../testdata/spec/t01-collect-ssl-newline-armour.txt");
    let lines = lines::decode(body).unwrap();
    assert_eq!(lines.status(), 2);
    assert_eq!(lines.lines().len(), 9);
    assert_eq!(lines.text(0), Some("----- BEGIN CERTIFICATE -----"));
    assert_eq!(lines.text(1), Some("Encoded Root Certificate"));
    assert_eq!(lines.text(8), Some("---- END CERTIFICATE -----"));
    assert!(
        lines
            .text_after_status()
            .starts_with("----- BEGIN CERTIFICATE -----\nEncoded Root")
    );
}

/// The single-line samples T2-T4 as positional lines of a CollectSSL body: kept verbatim
/// (their inner spaces are data, not stray whitespace).
#[test]
fn t02_t03_t04_lines_are_kept_verbatim() {
    let t02 = include_str!("../testdata/spec/t02-validity-dmy.txt");
    let t03 = include_str!("../testdata/spec/t03-validity-unix.txt");
    let t04 = include_str!("../testdata/spec/t04-mdc-details.txt");
    let body = format!("1\n{t02}\n{t03}\n{t04}\n");
    let lines = lines::decode(body.as_bytes()).unwrap();
    assert_eq!(lines.status(), 1);
    assert_eq!(
        texts(&lines),
        [
            "14/05/2013 13/05/2014",
            "1761696000 1793232000",
            "domain1.com VALIDATED, domain2.com NOTVALIDATED"
        ]
    );
    assert!(lines.warnings().is_empty());
}

#[test]
fn error_status_and_message() {
    let lines = lines::decode(
        b"-16\nIncorrect login details, account is locked, password has expired or your source \
          IP is blocked.\n",
    )
    .unwrap();
    assert_eq!(lines.status(), -16);
    assert_eq!(lines.lines().len(), 1);
    assert!(
        lines
            .text(0)
            .unwrap()
            .starts_with("Incorrect login details")
    );
}

#[test]
fn collect_ssl_newline_fixtures() {
    let body = include_bytes!("../testdata/collect-ssl/ok-newline-doc-armour.txt");
    let lines = lines::decode(body).unwrap();
    assert_eq!(lines.status(), 2);
    assert_eq!(lines.text(0), Some("----- BEGIN CERTIFICATE -----"));
    assert_eq!(
        lines.lines().last().unwrap().text(),
        "---- END CERTIFICATE -----"
    );
    assert!(lines.warnings().is_empty());
    assert_eq!(lines.text_after_status().len(), body.len() - 2);

    let body = include_bytes!("../testdata/collect-ssl/ok-newline-fqdn-crlf.txt");
    let lines = lines::decode(body).unwrap();
    assert_eq!(lines.status(), 2);
    assert_eq!(lines.text(0), Some("shop.example.com"));
    assert_eq!(lines.text(1), Some("-----BEGIN CERTIFICATE-----"));
    assert_eq!(lines.warnings().len(), 1);
    assert_eq!(lines.warnings()[0].kind(), WarningKind::CarriageReturn);
    assert_eq!(lines.warnings()[0].offset(), Some(1));
    assert!(lines.lines().iter().all(|l| !l.text().contains('\r')));

    let body = include_bytes!("../testdata/collect-pac/ok-newline-pkcs7.txt");
    let lines = lines::decode(body).unwrap();
    assert_eq!(lines.status(), 2);
    let base64: String = texts(&lines).concat();
    let expected: String = include_str!("../testdata/pkcs7/chain.p7b.b64")
        .lines()
        .collect();
    assert_eq!(base64, expected);
}

#[test]
fn invalid_status_is_located() {
    let err = lines::decode(b"x\nmessage").unwrap_err();
    assert_eq!(err.format(), Format::Newline);
    assert_eq!(err.kind(), &DecodeErrorKind::InvalidInteger);
    assert_eq!((err.line(), err.offset()), (Some(1), Some(0)));
    let err = lines::decode(b"\r\n99999999999\n").unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::InvalidInteger);
    assert_eq!((err.line(), err.offset()), (Some(2), Some(2)));
}

#[test]
fn line_limit_at_the_cap_and_one_past_it() {
    let mut limits = Limits::default();
    limits.max_lines = 5;
    let body = include_bytes!("../testdata/spec/t05-auto-apply-order-newline.txt");
    assert_eq!(lines::decode_with(body, &limits).unwrap().lines().len(), 4);
    let mut longer = body.to_vec();
    longer.extend_from_slice(b"extra\n");
    let err = lines::decode_with(&longer, &limits).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: Limit::Lines,
            max: 5
        }
    );
    assert_eq!(err.line(), Some(6));
}

#[test]
fn a_mebibyte_of_newlines_is_empty_and_of_lines_hits_the_limit() {
    let err = lines::decode(&vec![b'\n'; MIB]).unwrap_err();
    assert!(err.is_limit(), "{err}");
    let mut limits = Limits::default();
    limits.max_lines = MIB + 1;
    let err = lines::decode_with(&vec![b'\n'; MIB], &limits).unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::Empty);
    let mut body = b"0\n".to_vec();
    body.extend(std::iter::repeat_n(b"x\n".as_slice(), MIB / 2).flatten());
    let lines = lines::decode_with(&body, &limits).unwrap();
    assert_eq!(lines.lines().len(), MIB / 2);
}

// ---------------------------------------------------------------------------------------
// Indexed keys
// ---------------------------------------------------------------------------------------

#[test]
fn t08_grouped_into_one_order_and_one_certificate() {
    let body = include_bytes!("../testdata/spec/t08-order-status-urlenc.txt");
    let form = form::decode(body).unwrap();
    let indexed = indexed::from_form(&form).unwrap();
    assert_eq!(indexed.get("errorCode").unwrap().value(), "0");
    assert_eq!(indexed.fields().len(), 1);
    assert_eq!(indexed.orders().len(), 1);
    let order = indexed.order(1).unwrap();
    assert_eq!(
        order.get("orderDateTime").unwrap().value(),
        "2025-01-01 13:52"
    );
    assert_eq!(order.get("orderStatus").unwrap().value(), "Pending");
    let reason = order.get("orderStatusReason").unwrap();
    assert_eq!(reason.value(), "");
    assert_eq!(reason.key(), "1_orderStatusReason");
    assert_eq!(order.fields().len(), 4);
    assert_eq!(order.certificates().len(), 1);
    let cert = order.certificate(1).unwrap();
    assert_eq!(cert.fields().len(), 12);
    assert_eq!(cert.get("serialNumber").unwrap().value(), "");
    assert_eq!(
        cert.get("objectType").unwrap().value(),
        "Verified Mark Certificate (VMC) (2 of 2 Domains)"
    );
    let fqdn = cert.get("fqdn").unwrap();
    assert_eq!(fqdn.name(), "FQDN");
    assert_eq!(fqdn.value(), "**********.com%2********.com");
    let text = std::str::from_utf8(body).unwrap();
    assert_eq!(
        fqdn.value_offset(),
        Some(text.find("**********.com%2").unwrap())
    );
    assert_eq!(cert.get("logoHostedByCA").unwrap().value(), "-1");
    assert_eq!(form.warnings()[0].kind(), WarningKind::InvalidPercentEscape);
}

#[test]
fn one_hundred_shuffled_orders() {
    let body = include_bytes!("../testdata/order-status/ok-100-orders.txt");
    let form = form::decode(body).unwrap();
    assert!(form.warnings().is_empty());
    assert_eq!(form.len(), 1 + 100 * (4 + 3 * 20));
    let indexed = indexed::from_form(&form).unwrap();
    assert_eq!(indexed.fields().len(), 1);
    let orders: Vec<u32> = indexed.orders().iter().map(|o| o.index()).collect();
    assert_eq!(orders, (1..=100).collect::<Vec<u32>>());
    for order in indexed.orders() {
        let x = order.index();
        assert_eq!(order.fields().len(), 4);
        assert_eq!(
            order.get("orderNumber").unwrap().value(),
            (9_000_000 + x).to_string()
        );
        assert!(
            order
                .get("orderDateTime")
                .unwrap()
                .value()
                .ends_with(" 13:52")
        );
        let certs: Vec<u32> = order.certificates().iter().map(|c| c.index()).collect();
        assert_eq!(certs, [1, 2, 3]);
        for cert in order.certificates() {
            assert_eq!(cert.fields().len(), 20);
            assert_eq!(
                cert.get("FQDN").unwrap().value(),
                format!("host{x}-{}.example.com", cert.index())
            );
            assert_eq!(
                cert.get("objectType").unwrap().value(),
                "Sectigo SSL Certificate (DV)"
            );
            let future = cert.get("futureField").unwrap().value();
            assert!(
                ["", "note: value & more = 100%"].contains(&future),
                "{future}"
            );
            assert_eq!(cert.get("serialNumber").unwrap().value().len(), 32);
        }
    }
}

#[test]
fn flat_json_groups_like_the_form() {
    let doc = json::decode(
        br#"{"errorCode": 0, "2_1_FQDN": "b.example", "10_orderNumber": 7, "2_orderNumber": "6",
            "2_1_notAfter": 1793232000, "1_orderStatusReason": null}"#,
    )
    .unwrap();
    let indexed = indexed::group(doc.flat_pairs().unwrap()).unwrap();
    assert_eq!(indexed.get("errorCode").unwrap().value(), "0");
    let orders: Vec<u32> = indexed.orders().iter().map(|o| o.index()).collect();
    assert_eq!(orders, [1, 2, 10]);
    assert_eq!(
        indexed
            .order(1)
            .unwrap()
            .get("orderStatusReason")
            .unwrap()
            .value(),
        ""
    );
    let cert = indexed.order(2).unwrap().certificate(1).unwrap();
    assert_eq!(cert.get("notAfter").unwrap().value(), "1793232000");
    assert_eq!(cert.get("notAfter").unwrap().value_offset(), None);
}

/// A grouped response as plain data: top-level fields, then per order its fields and per
/// certificate its fields; fields inside one slot sorted (arrival order differs between
/// permutations).
type Shape = (Fields, Vec<(u32, Fields, Vec<(u32, Fields)>)>);
type Fields = Vec<(String, String)>;

fn shape(indexed: &Indexed<'_>) -> Shape {
    let fields = |fs: &[indexed::IndexedField<'_>]| {
        let mut v: Vec<(String, String)> = fs
            .iter()
            .map(|f| (f.key().to_owned(), f.value().to_owned()))
            .collect();
        v.sort();
        v
    };
    (
        fields(indexed.fields()),
        indexed
            .orders()
            .iter()
            .map(|o| {
                (
                    o.index(),
                    fields(o.fields()),
                    o.certificates()
                        .iter()
                        .map(|c| (c.index(), fields(c.fields())))
                        .collect(),
                )
            })
            .collect(),
    )
}

fn generated_pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    let key = prop_oneof![
        (1u32..40, 1u32..15, "[a-zA-Z]{1,6}").prop_map(|(x, y, n)| format!("{x}_{y}_{n}")),
        (1u32..40, "[a-zA-Z]{1,6}").prop_map(|(x, n)| format!("{x}_{n}")),
        "[a-zA-Z]{1,8}",
        Just("1_".to_owned()),
        Just("_x".to_owned()),
    ];
    prop::collection::btree_map(key, "[a-z0-9 ]{0,4}", 0..60).prop_map(|m| m.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Any permutation of the same keys groups to the same structure, which matches a
    /// simple model built with ordered maps.
    #[test]
    fn grouping_does_not_depend_on_arrival_order(
        (original, shuffled) in generated_pairs()
            .prop_flat_map(|p| (Just(p.clone()), Just(p).prop_shuffle())),
    ) {
        fn group(pairs: &[(String, String)]) -> Shape {
            shape(&indexed::group(
                pairs.iter().map(|(k, v)| (Cow::Borrowed(k.as_str()), Cow::Borrowed(v.as_str()))),
            )
            .unwrap())
        }
        let a = group(&original);
        let b = group(&shuffled);
        prop_assert_eq!(&a, &b);

        // The model: split keys by hand.
        let mut top = Vec::new();
        let mut model: BTreeMap<u32, (Fields, BTreeMap<u32, Fields>)> = BTreeMap::new();
        for (k, v) in &original {
            let parts: Vec<&str> = k.splitn(3, '_').collect();
            let num = |s: &str| s.parse::<u32>().ok().filter(|_| s.bytes().all(|b| b.is_ascii_digit()));
            match parts.as_slice() {
                [x, y, n] if num(x).is_some() && num(y).is_some() && !n.is_empty() => {
                    model.entry(num(x).unwrap()).or_default().1
                        .entry(num(y).unwrap()).or_default().push((k.clone(), v.clone()));
                }
                [x, rest @ ..] if num(x).is_some() && !rest.join("_").is_empty() => {
                    model.entry(num(x).unwrap()).or_default().0.push((k.clone(), v.clone()));
                }
                _ => top.push((k.clone(), v.clone())),
            }
        }
        top.sort();
        let expected: Shape = (
            top,
            model.into_iter().map(|(x, (mut fields, certs))| {
                fields.sort();
                (x, fields, certs.into_iter().map(|(y, mut f)| { f.sort(); (y, f) }).collect())
            }).collect(),
        );
        prop_assert_eq!(a, expected);
    }
}

#[test]
fn a_mebibyte_of_certificate_keys_groups_fast() {
    // 1 MiB of `1_1_...` keys, all in one certificate.
    let body = b"1_1_x=v&".repeat(MIB / 8);
    let mut limits = Limits::default();
    limits.max_fields = MIB;
    let form = form::decode_with(&body, &limits).unwrap();
    let grouped = indexed::from_form_with(&form, &limits).unwrap();
    assert_eq!(grouped.orders().len(), 1);
    assert_eq!(
        grouped.orders()[0].certificates()[0].fields().len(),
        MIB / 8
    );

    // Distinct orders, in reverse: sorted, and stopped by the order limit.
    let mut body = String::new();
    for x in (1..=20_000).rev() {
        body.push_str(&format!("{x}_1_a=&"));
    }
    let form = form::decode(body.as_bytes()).unwrap();
    let err = indexed::from_form(&form).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: Limit::Orders,
            max: Limits::DEFAULT.max_orders
        }
    );
    assert_eq!(err.field(), Some("10001_1_a"));
    limits.max_orders = 20_000;
    let grouped = indexed::from_form_with(&form, &limits).unwrap();
    assert_eq!(grouped.orders().len(), 20_000);
    assert_eq!(grouped.orders()[9].index(), 10);

    // `1_1_` repeated without separators is one (odd) certificate key.
    let body = b"1_1_".repeat(MIB / 4);
    let form = form::decode(&body).unwrap();
    let grouped = indexed::from_form(&form).unwrap();
    let field = &grouped.orders()[0].certificates()[0].fields()[0];
    assert_eq!(field.name().len(), MIB - 4);
}

// ---------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------

#[test]
fn t09_python_dict_error_sample() {
    let body = include_bytes!("../testdata/spec/t09-order-status-error-pydict.txt");
    let doc = json::decode(body).unwrap();
    let root = doc.root();
    assert_eq!(root.get("errorCode"), Some(&JsonValue::String("-4".into())));
    assert_eq!(root.get("errorCode").unwrap().as_i64_lenient(), Some(-4));
    assert_eq!(
        root.get("errorMessage").unwrap().as_str(),
        Some("The value of the 'orderNumber' argument is invalid!")
    );
    assert_eq!(doc.warnings().len(), 1);
    assert_eq!(doc.warnings()[0].kind(), WarningKind::NonStandardJson);
    assert_eq!(doc.warnings()[0].format(), Format::Json);
    let pairs = doc.flat_pairs().unwrap();
    assert_eq!(pairs[0], (Cow::Borrowed("errorCode"), Cow::Borrowed("-4")));
}

#[test]
fn json_numbers_stay_exact_and_strings_read_as_numbers() {
    let doc = json::decode(
        br#"{"errorCode": "-4", "totalCost": 35.00, "big": 12345678901234567890123, "n": 5}"#,
    )
    .unwrap();
    let root = doc.root();
    assert_eq!(
        root.get("totalCost"),
        Some(&JsonValue::Number("35.00".into()))
    );
    assert_eq!(
        root.get("big").unwrap().scalar_text().as_deref(),
        Some("12345678901234567890123")
    );
    assert_eq!(root.get("errorCode").unwrap().as_i64_lenient(), Some(-4));
    assert_eq!(root.get("n").unwrap().as_i64_lenient(), Some(5));
    assert!(doc.warnings().is_empty());
}

#[test]
fn deeply_nested_json_is_rejected_before_parsing() {
    let body = vec![b'['; MIB];
    let err = json::decode(&body).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: Limit::JsonDepth,
            max: Limits::DEFAULT.max_json_depth
        }
    );
    assert_eq!(err.offset(), Some(Limits::DEFAULT.max_json_depth));
    // At the cap it parses.
    let depth = Limits::DEFAULT.max_json_depth;
    let mut ok = "[".repeat(depth);
    ok.push_str(&"]".repeat(depth));
    assert!(json::decode(ok.as_bytes()).is_ok());
    let mut one_more = "[".repeat(depth + 1);
    one_more.push_str(&"]".repeat(depth + 1));
    assert!(json::decode(one_more.as_bytes()).unwrap_err().is_limit());
    // Objects count too, brackets in strings do not.
    let body = format!("{}\"[[[[\"{}", "{\"a\":".repeat(depth), "}".repeat(depth));
    assert!(json::decode(body.as_bytes()).is_ok());
}

#[test]
fn a_mebibyte_of_json_values_hits_the_value_limit() {
    let mut body = b"[".to_vec();
    body.extend(std::iter::repeat_n(b"0,".as_slice(), MIB / 2).flatten());
    body.extend_from_slice(b"0]");
    let err = json::decode(&body).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: Limit::Fields,
            max: Limits::DEFAULT.max_fields
        }
    );
}

// ---------------------------------------------------------------------------------------
// JavaScript variables
// ---------------------------------------------------------------------------------------

#[test]
fn collect_pac_javascript_pkcs7() {
    let body = include_bytes!("../testdata/collect-pac/ok-js-pkcs7.txt");
    let vars = js::decode(body).unwrap();
    assert!(vars.warnings().is_empty());
    assert_eq!(vars.variables().len(), 3);
    assert_eq!(
        vars.get("g_errorCode").unwrap().value().as_i64_lenient(),
        Some(2)
    );
    assert_eq!(
        vars.get("g_errorMessage").unwrap().value().as_str(),
        Some("")
    );
    let ccc = vars.get("g_ccc").unwrap();
    let expected: String = include_str!("../testdata/pkcs7/chain.p7b.b64")
        .lines()
        .collect();
    assert_eq!(ccc.value().as_str(), Some(expected.as_str()));
    assert_eq!(
        ccc.offset(),
        body.windows(5).position(|w| w == b"g_ccc").unwrap()
    );
}

#[test]
fn collect_pac_javascript_error() {
    let body = include_bytes!("../testdata/collect-pac/err-js.txt");
    let vars = js::decode(body).unwrap();
    assert_eq!(
        vars.get("g_errorCode").unwrap().value(),
        &js::JsValue::Number("-16")
    );
    assert_eq!(
        vars.get("g_errorMessage").unwrap().value().as_str(),
        Some(
            "Incorrect login details, account is locked, password has expired or your source \
             IP is blocked."
        )
    );
    assert_eq!(vars.get("g_ccc").unwrap().value().as_str(), Some(""));
}

#[test]
fn javascript_pathological_bodies() {
    // 100 000 empty statements: no declaration, rejected.
    let body = vec![b';'; 100_000];
    let err = js::decode(&body).unwrap_err();
    assert!(matches!(
        err.kind(),
        DecodeErrorKind::UnrecognisedFormat { .. }
    ));
    // ... followed by one declaration: found.
    let mut body = body;
    body.extend_from_slice(b"g_errorCode=0;");
    let vars = js::decode(&body).unwrap();
    assert_eq!(vars.get("g_errorCode").unwrap().offset(), 100_000);
    // A mebibyte of surrounding text around one declaration.
    let mut body = b"<p>junk line</p>\n".repeat(MIB / 17);
    body.extend_from_slice(b"var g_ccc = 'x';\n");
    body.extend(b"a/*;".repeat(MIB / 4));
    body.extend_from_slice(b"*/");
    let vars = js::decode(&body).unwrap();
    assert_eq!(vars.get("g_ccc").unwrap().value().as_str(), Some("x"));
    assert_eq!(vars.warnings().len(), 1);
    assert_eq!(vars.warnings()[0].kind(), WarningKind::SurroundingText);
    // A mebibyte-long string concatenation.
    let mut body = b"var g_ccc = 'A'".to_vec();
    body.extend(b" +\n'A'".repeat(MIB / 6));
    let vars = js::decode(&body).unwrap();
    assert_eq!(
        vars.get("g_ccc").unwrap().value().as_str().unwrap().len(),
        MIB / 6 + 1
    );
}

#[test]
fn javascript_variable_limit_at_the_cap_and_one_past_it() {
    let mut limits = Limits::default();
    limits.max_js_variables = 3;
    let body = include_bytes!("../testdata/collect-pac/err-js.txt");
    assert_eq!(js::decode_with(body, &limits).unwrap().variables().len(), 3);
    let mut more = body.to_vec();
    more.extend_from_slice(b"var g_extra = 1;\n");
    let err = js::decode_with(&more, &limits).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: Limit::JsVariables,
            max: 3
        }
    );
    assert_eq!(err.offset(), Some(body.len() + 4));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// No input makes any text decoder panic.
    #[test]
    fn text_decoders_never_panic(body in prop::collection::vec(prop_oneof![
        any::<u8>(),
        prop::sample::select(b"\n\r '\"\\;=+[]{}:,/*-0123456789aeuvx_".to_vec()),
    ], 0..80)) {
        let _ = lines::decode(&body);
        let _ = json::decode(&body);
        let _ = js::decode(&body);
        if let Ok(form) = form::decode(&body) {
            let _ = indexed::from_form(&form);
        }
    }

    /// JavaScript string literals written with `serde_json` escapes (a subset of
    /// JavaScript's) decode back to the original text.
    #[test]
    fn javascript_strings_round_trip(text in any::<String>()) {
        let literal = serde_json::to_string(&text).unwrap();
        let body = format!("var g_ccc = {literal};");
        let vars = js::decode(body.as_bytes()).unwrap();
        prop_assert_eq!(vars.get("g_ccc").unwrap().value().as_str(), Some(text.as_str()));
    }
}
