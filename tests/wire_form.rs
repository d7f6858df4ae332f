//! The URL-encoded form codec: the documentation's sample bodies, the CollectSSL fixtures,
//! round trips against `form_urlencoded` and Python's `urllib.parse.parse_qsl`, and
//! pathological inputs.

// Test code: unwrap and index freely, print diagnostics.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation,
    missing_docs
)]

use std::io::Write as _;
use std::process::{Command, Stdio};

use proptest::prelude::*;
use sectigo_codec::wire::form::{self, Form, FormEncoder};
use sectigo_codec::{DecodeErrorKind, Limit, Limits, WarningKind};

fn pairs(form: &Form<'_>) -> Vec<(String, String)> {
    form.pairs()
        .iter()
        .map(|p| (p.name().to_owned(), p.value().to_owned()))
        .collect()
}

fn kinds(form: &Form<'_>) -> Vec<(WarningKind, Option<String>, Option<usize>)> {
    form.warnings()
        .iter()
        .map(|w| (w.kind(), w.field().map(str::to_owned), w.offset()))
        .collect()
}

// ---------------------------------------------------------------------------------------
// The documentation's samples (DIGEST §13)
// ---------------------------------------------------------------------------------------

#[test]
fn t06_auto_apply_order_urlencoded() {
    let body = include_bytes!("../testdata/spec/t06-auto-apply-order-urlenc.txt");
    let form = form::decode(body).unwrap();
    assert_eq!(
        pairs(&form),
        [
            ("errorCode".into(), "0".into()),
            ("orderNumber".into(), "3040824".into()),
            ("totalCost".into(), "210.00".into()),
            ("expectedDeliveryTime".into(), "1".into()),
            ("uniqueValue".into(), "TnerFu0d".into()),
        ]
    );
    assert!(form.pairs().iter().all(form::Pair::is_borrowed));
    assert!(form.warnings().is_empty());
    assert_eq!(form.get("TOTALCOST").unwrap().value_offset(), 42);
}

#[test]
fn t08_order_status_with_invalid_escape() {
    let body = include_bytes!("../testdata/spec/t08-order-status-urlenc.txt");
    let form = form::decode(body).unwrap();
    assert_eq!(form.len(), 17);
    assert_eq!(form.value("errorCode"), Some("0"));
    assert_eq!(form.value("1_orderNumber"), Some("*******"));
    assert_eq!(form.value("1_orderDateTime"), Some("2025-01-01 13:52"));
    assert_eq!(form.value("1_orderStatus"), Some("Pending"));
    assert_eq!(form.value("1_orderStatusReason"), Some(""));
    assert_eq!(form.value("1_1_serialNumber"), Some(""));
    assert_eq!(
        form.value("1_1_objectType"),
        Some("Verified Mark Certificate (VMC) (2 of 2 Domains)")
    );
    assert_eq!(form.value("1_1_FQDN"), Some("**********.com%2********.com"));
    assert_eq!(form.value("1_1_fqdn"), Some("**********.com%2********.com"));
    assert_eq!(
        form.value("1_1_certificateStatus"),
        Some("Awaiting Validation")
    );
    assert_eq!(
        form.value("1_1_trademarkOffice"),
        Some("United States Copyright Office")
    );
    assert_eq!(form.value("1_1_trademarkCountry2CharCode"), Some("US"));
    assert_eq!(form.value("1_1_logoHostedByCA"), Some("-1"));
    let text = std::str::from_utf8(body).unwrap();
    let escape_at = text.find("%2*").unwrap();
    assert_eq!(
        kinds(&form),
        [(
            WarningKind::InvalidPercentEscape,
            Some("1_1_FQDN".into()),
            Some(escape_at)
        )]
    );
}

#[test]
fn t10_truncated_mark_order_status_prefix() {
    let body = include_bytes!("../testdata/spec/t10-mark-order-status-prefix.txt");
    let form = form::decode(body).unwrap();
    assert_eq!(
        pairs(&form),
        [
            ("errorCode".into(), "0".into()),
            ("1_orderNumber".into(), "7250060".into()),
            ("1_orderDateTime".into(), "2025-06-11 11:57".into()),
            ("1_orderStatus".into(), "Pend".into()),
        ]
    );
    assert!(form.warnings().is_empty());
}

#[test]
fn t11_mark_error() {
    let body = include_bytes!("../testdata/spec/t11-mark-error-urlenc.txt");
    let form = form::decode(body).unwrap();
    assert_eq!(form.value("errorCode"), Some("-3"));
    assert_eq!(
        form.value("errorMessage"),
        Some("The 'logoPriorUseDomainName' argument is missing!")
    );
    assert!(form.warnings().is_empty());
}

#[test]
fn t12_raw_spaces() {
    let body = include_bytes!("../testdata/spec/t12a-retry-caa-raw-spaces.txt");
    let form = form::decode(body).unwrap();
    assert_eq!(form.value("errorCode"), Some("0"));
    assert_eq!(
        form.value("errorMessage"),
        Some("CAA Check successfully relaunched")
    );
    assert_eq!(
        kinds(&form),
        [(
            WarningKind::UnencodedCharacter,
            Some("errorMessage".into()),
            Some(28)
        )]
    );

    let body = include_bytes!("../testdata/spec/t12b-retry-caa-raw-spaces-error.txt");
    let form = form::decode(body).unwrap();
    assert_eq!(form.value("errorCode"), Some("-296"));
    assert_eq!(form.value("errorMessage"), Some("Wrong certificate state"));
    assert_eq!(
        kinds(&form),
        [(
            WarningKind::UnencodedCharacter,
            Some("errorMessage".into()),
            Some(33)
        )]
    );
}

#[test]
fn t13_collect_ssl_request_round_trips_through_the_encoder() {
    let body = include_bytes!("../testdata/spec/t13-collect-ssl-request.txt");
    let form = form::decode(body).unwrap();
    assert_eq!(form.len(), 9);
    assert_eq!(form.value("loginName"), Some("login_name"));
    assert_eq!(form.value("queryType"), Some("0"));
    assert_eq!(form.value("showValidityPeriod"), Some("Y"));
    let mut encoder = FormEncoder::new();
    for pair in form.pairs() {
        encoder.append_pair(pair.name(), pair.value());
    }
    assert_eq!(encoder.finish().as_bytes(), body);
}

// ---------------------------------------------------------------------------------------
// CollectSSL fixtures
// ---------------------------------------------------------------------------------------

#[test]
fn collect_ssl_individual_keeps_repeated_ca_certificates_in_order() {
    let body = include_bytes!("../testdata/collect-ssl/ok-urlenc-individual.txt");
    let form = form::decode(body).unwrap();
    assert!(form.warnings().is_empty());
    assert_eq!(form.len(), 13);
    assert_eq!(form.value("errorCode"), Some("2"));
    assert_eq!(form.value("notAfter"), Some("1793318399"));
    assert_eq!(form.value("fqdn"), Some("shop.example.com"));
    let cas: Vec<&str> = form
        .get_all("caCertificate")
        .map(form::Pair::value)
        .collect();
    assert_eq!(cas.len(), 2);
    // The fixture's certificates are the chain's root and intermediate, base64 of the DER.
    let root = include_str!("../testdata/chain/root.pem");
    let root_b64: String = root.lines().filter(|l| !l.starts_with("-----")).collect();
    assert_eq!(cas[0], root_b64);
    assert!(cas[1].starts_with("MIIGBzCCA++gAwIBAgII"));
    let leaf = form.get("certificate").unwrap();
    assert!(
        leaf.value()
            .starts_with("MIIFPDCCA6SgAwIBAgIQAMD/7l7HFgAAAAAAAAAAqzANBg")
    );
    assert!(!leaf.is_borrowed());
    // Plain fields are borrowed from the body.
    assert!(form.get("notBefore").unwrap().is_borrowed());
    // Offsets point into the body.
    let text = std::str::from_utf8(body).unwrap();
    assert_eq!(
        &text[leaf.name_offset()..leaf.value_offset()],
        "certificate="
    );
}

#[test]
fn collect_ssl_raw_plus_turns_plus_into_spaces_and_flags_the_body() {
    let body = include_bytes!("../testdata/collect-ssl/ok-urlenc-raw-plus.txt");
    let form = form::decode(body).unwrap();
    let leaf = form.get("certificate").unwrap().value();
    // `+` decodes to a space (the base64 layer restores it); `/` stays.
    assert!(leaf.contains(' '));
    assert!(!leaf.contains('+'));
    assert!(leaf.contains('/'));
    // The unencoded `=` padding inside values shows the body was not encoded.
    assert!(
        form.warnings()
            .iter()
            .any(|w| w.kind() == WarningKind::UnencodedCharacter)
    );
    for warning in form.warnings() {
        assert_eq!(warning.kind(), WarningKind::UnencodedCharacter);
        let field = warning.field().unwrap();
        assert!(["caCertificate", "certificate"].contains(&field), "{field}");
        assert_eq!(body[warning.offset().unwrap()], b'=');
    }
}

// ---------------------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------------------

/// Characters that matter to the form syntax, mixed with arbitrary ones.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::sample::select(vec![
            '&', '=', '+', '%', ' ', '\n', '\r', '\0', '\t', '*', '-', '.', '_', '~', '/', '?',
            '#', ';', 'é', '😀', '\u{feff}', '\u{7f}', 'a', 'Z', '0', '2', 'F',
        ]),
        1 => any::<char>(),
    ]
}

/// Short strings, and long ones that take the decoder's SIMD path (over 64 bytes).
fn tricky_string() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(tricky_char(), 0..12),
        prop::collection::vec(tricky_char(), 60..160),
    ]
    .prop_map(|chars| chars.into_iter().collect())
}

fn tricky_pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec((tricky_string(), tricky_string()), 0..8)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn encode_then_decode_gives_the_pairs(input in tricky_pairs()) {
        let body = form::encode(input.iter().map(|(k, v)| (k, v)));
        let form = form::decode(body.as_bytes()).unwrap();
        prop_assert_eq!(pairs(&form), input.clone());
        prop_assert!(form.warnings().is_empty());
        let theirs: Vec<(String, String)> = form_urlencoded::parse(body.as_bytes())
            .into_owned()
            .collect();
        prop_assert_eq!(theirs, input);
    }

    #[test]
    fn decode_then_encode_then_decode_is_stable(body in tricky_string()) {
        let first = form::decode(body.as_bytes()).unwrap();
        let encoded = form::encode(pairs(&first));
        let second = form::decode(encoded.as_bytes()).unwrap();
        prop_assert_eq!(pairs(&second), pairs(&first));
        prop_assert!(second.warnings().is_empty());
    }

    /// Where we do not warn about data loss, we agree with `form_urlencoded` (which follows
    /// the WHATWG standard, including keeping invalid escapes literally).
    #[test]
    fn agrees_with_form_urlencoded(body in tricky_string()) {
        let ours = form::decode(body.as_bytes()).unwrap();
        let lossy = ours.warnings().iter().any(|w| {
            matches!(w.kind(), WarningKind::NonUtf8PercentEscape | WarningKind::TrailingWhitespace)
        });
        if !lossy {
            let theirs: Vec<(String, String)> = form_urlencoded::parse(body.as_bytes())
                .into_owned()
                .collect();
            prop_assert_eq!(pairs(&ours), theirs);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic_and_offsets_stay_in_the_body(
        body in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        if let Ok(form) = form::decode(&body) {
            for pair in form.pairs() {
                prop_assert!(pair.name_offset() <= pair.value_offset());
                prop_assert!(pair.value_offset() <= body.len());
            }
            for warning in form.warnings() {
                prop_assert!(warning.offset().unwrap() <= body.len());
            }
        }
    }
}

/// Deterministic xorshift generator for the large Python sample.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn string(&mut self) -> String {
        const SPECIAL: &[char] = &[
            '&',
            '=',
            '+',
            '%',
            ' ',
            '\n',
            '\r',
            '\0',
            '\t',
            '*',
            '-',
            '.',
            '_',
            '~',
            '/',
            ';',
            '#',
            '?',
            '\'',
            '"',
            '\\',
            '\u{7f}',
            '\u{85}',
            '\u{a0}',
            '\u{2028}',
            '\u{feff}',
            '\u{fffd}',
            '\u{ffff}',
            'é',
            '€',
            '😀',
            '\u{10ffff}',
        ];
        let len = self.below(24);
        (0..len)
            .map(|_| match self.below(4) {
                0 => SPECIAL[self.below(SPECIAL.len() as u64) as usize],
                1 => char::from(b'a' + self.below(26) as u8),
                // Any scalar value (surrogates skipped by `from_u32`).
                _ => loop {
                    if let Some(c) = char::from_u32(self.below(0x11_0000) as u32) {
                        break c;
                    }
                },
            })
            .collect()
    }
}

/// The encoder's output decodes to the same pairs with Python's
/// `urllib.parse.parse_qsl(body, keep_blank_values=True)`, for 5000 generated pairs of
/// Unicode strings (empty strings, `&`, `=`, `+`, `%`, newlines, NUL, astral code points).
///
/// Needs `python3` on the PATH: the test FAILS (it does not skip) when it is missing, so CI
/// must install Python 3. The body is passed on standard input and the parsed pairs come
/// back as JSON on standard output, so no temporary files are needed.
#[test]
fn python_parse_qsl_decodes_the_encoder_output() {
    let mut rng = Rng(0x5EC7_1600_C0DE_C0DE);
    let mut input: Vec<(String, String)> =
        (0..5000).map(|_| (rng.string(), rng.string())).collect();
    input.push((String::new(), String::new()));
    input.push(("&=+%".into(), "%2*".into()));
    let body = form::encode(input.iter().map(|(k, v)| (k, v)));
    assert!(body.is_ascii());

    let script = "import sys, json, urllib.parse\n\
                  body = sys.stdin.buffer.read().decode('ascii')\n\
                  pairs = urllib.parse.parse_qsl(body, keep_blank_values=True, \
                  encoding='utf-8', errors='strict')\n\
                  sys.stdout.write(json.dumps(pairs))\n";
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 must be installed to run this test (CI installs it)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(body.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "python3 failed: {output:?}");
    let theirs: Vec<(String, String)> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(theirs.len(), input.len());
    for (i, (theirs, ours)) in theirs.iter().zip(&input).enumerate() {
        assert_eq!(theirs, ours, "pair {i}");
    }
    // And our own decoder and form_urlencoded agree on the same body.
    assert_eq!(pairs(&form::decode(body.as_bytes()).unwrap()), input);
    let fu: Vec<(String, String)> = form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect();
    assert_eq!(fu, input);
}

// ---------------------------------------------------------------------------------------
// Limits and pathological input
// ---------------------------------------------------------------------------------------

const MIB: usize = 1024 * 1024;

#[test]
fn a_mebibyte_of_ampersands_is_an_empty_form() {
    let body = vec![b'&'; MIB];
    let form = form::decode(&body).unwrap();
    assert!(form.is_empty());
    assert!(form.warnings().is_empty());
}

#[test]
fn a_mebibyte_of_escapes_is_one_long_name() {
    let body = b"%41".repeat(MIB / 3);
    let form = form::decode(&body).unwrap();
    assert_eq!(form.len(), 1);
    assert_eq!(form.pairs()[0].name().len(), MIB / 3);
    assert!(form.pairs()[0].name().bytes().all(|b| b == b'A'));
    assert_eq!(form.pairs()[0].value(), "");
}

#[test]
fn a_mebibyte_of_equals_signs_is_one_flagged_value() {
    let body = vec![b'='; MIB];
    let form = form::decode(&body).unwrap();
    assert_eq!(form.len(), 1);
    assert_eq!(form.pairs()[0].name(), "");
    assert_eq!(form.pairs()[0].value().len(), MIB - 1);
    assert!(form.pairs()[0].is_borrowed());
    assert_eq!(
        kinds(&form),
        [(
            WarningKind::UnencodedCharacter,
            Some(String::new()),
            Some(1)
        )]
    );
}

#[test]
fn a_mebibyte_of_short_pairs_hits_the_field_limit() {
    let body = b"a=1&".repeat(MIB / 4);
    let err = form::decode(&body).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: Limit::Fields,
            max: Limits::DEFAULT.max_fields
        }
    );
    assert_eq!(err.offset(), Some(4 * Limits::DEFAULT.max_fields));
}

#[test]
fn raw_spaces_and_bad_escapes_give_one_warning_of_each_kind_per_value() {
    let body = b"v=% %zz %&".repeat(50_000);
    let form = form::decode(&body).unwrap();
    assert_eq!(form.len(), 50_000);
    assert_eq!(form.pairs()[0].value(), "% %zz %");
    assert_eq!(form.pairs()[49_999].value(), "% %zz %");
    assert_eq!(form.warnings().len(), 2 * form.len());
    assert_eq!(
        kinds(&form)[..2],
        [
            (WarningKind::InvalidPercentEscape, Some("v".into()), Some(2)),
            (WarningKind::UnencodedCharacter, Some("v".into()), Some(3)),
        ]
    );
}

#[test]
fn limits_are_exact_at_the_cap_and_one_past_it() {
    let mut limits = Limits::default();
    limits.max_fields = 2;
    limits.max_body_size = 11;
    assert_eq!(form::decode_with(b"a=1&b=2", &limits).unwrap().len(), 2);
    let err = form::decode_with(b"a=1&b=2&c", &limits).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: Limit::Fields,
            max: 2
        }
    );
    assert!(form::decode_with(b"abcdefghijk", &limits).is_ok());
    let err = form::decode_with(b"abcdefghijkl", &limits).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: Limit::BodySize,
            max: 11
        }
    );
}
