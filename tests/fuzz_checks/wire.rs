//! Checks of the text wire formats: form, lines, indexed keys, JSON, JavaScript variables.

use std::borrow::Cow;
use std::fmt::Write as _;

use sectigo_codec::wire::indexed::{self, Indexed, IndexedField};
use sectigo_codec::wire::json::{self, JsonValue};
use sectigo_codec::wire::{form, js, lines};
use sectigo_codec::{DecodeErrorKind, Limit, WarningKind};

use super::{Rng, assert_error_located, assert_warnings_located, offset_in};

/// A value that must never appear in an error or a warning (they name fields, never values).
const SECRET: &str = "S3CR3T-p4ssw0rd-MARKER";

fn form_pairs(form: &form::Form<'_>) -> Vec<(String, String)> {
    form.pairs()
        .iter()
        .map(|p| (p.name().to_owned(), p.value().to_owned()))
        .collect()
}

/// `wire::form::decode`: offsets inside the body; the only errors are invalid UTF-8 and
/// limits; decode → encode → decode gives the same pairs without warnings; the same pairs
/// as `form_urlencoded` (WHATWG) when nothing was tolerated; no value in any error or warning.
pub fn decode_form(data: &[u8]) {
    match form::decode(data) {
        Err(err) => {
            assert_error_located(&err, data.len());
            match err.kind() {
                DecodeErrorKind::InvalidUtf8 => {
                    let valid = std::str::from_utf8(data).map_err(|e| e.valid_up_to());
                    assert_eq!(valid.err(), err.offset(), "{err}");
                }
                DecodeErrorKind::LimitExceeded { .. } => {}
                other => panic!("unexpected form error {other:?}"),
            }
        }
        Ok(decoded) => {
            assert_warnings_located(decoded.warnings(), data.len());
            let mut previous = 0;
            for pair in decoded.pairs() {
                assert!(pair.name_offset() >= previous, "pairs out of body order");
                assert!(pair.name_offset() <= pair.value_offset());
                assert!(pair.value_offset() <= data.len());
                previous = pair.value_offset();
            }
            let pairs = form_pairs(&decoded);
            let body = form::encode(pairs.iter().map(|(n, v)| (n, v)));
            let again = form::decode(body.as_bytes()).expect("the encoder's output decodes");
            assert_eq!(
                form_pairs(&again),
                pairs,
                "decode → encode → decode changed the pairs"
            );
            assert!(
                again.warnings().is_empty(),
                "the encoder's output needs no tolerance"
            );
            assert_eq!(
                form::encode(form_pairs(&again)),
                body,
                "encoding is not stable"
            );

            let tolerated = decoded.warnings().iter().any(|w| {
                matches!(
                    w.kind(),
                    WarningKind::NonUtf8PercentEscape | WarningKind::TrailingWhitespace
                )
            });
            if !tolerated {
                let whatwg: Vec<(String, String)> = form_urlencoded::parse(data)
                    .map(|(n, v)| (n.into_owned(), v.into_owned()))
                    .collect();
                assert_eq!(pairs, whatwg, "differs from form_urlencoded (WHATWG)");
            }
        }
    }
    planted_secret(data);
}

/// The fuzz input between two fields whose values are a secret: whatever the input does, the
/// errors and warnings may name fields but never show the secret values.
fn planted_secret(data: &[u8]) {
    if memchr::memmem::find(data, SECRET.as_bytes()).is_some() {
        return;
    }
    let mut body = format!("loginPassword={SECRET}&").into_bytes();
    body.extend_from_slice(data);
    body.extend_from_slice(format!("&x={SECRET}%zz {SECRET}").as_bytes());
    match form::decode(&body) {
        Err(err) => {
            // An error names at most a field; only a name the input spells can hold it.
            assert!(
                !err.to_string().contains(SECRET),
                "secret in an error: {err}"
            );
        }
        Ok(decoded) => {
            if decoded.pairs().iter().any(|p| p.name().contains(SECRET)) {
                return; // the input made the secret a field name
            }
            for warning in decoded.warnings() {
                assert!(
                    !warning.to_string().contains(SECRET),
                    "secret in a warning: {warning}"
                );
            }
            let debug = format!("{:?}", decoded.get("loginPassword"));
            assert!(!debug.contains(SECRET), "password in Debug: {debug}");
        }
    }
}

/// `wire::lines::decode`: each line is the body's text at its offset, line numbers increase,
/// the rest after the status is a suffix of the body; re-encoding status and lines decodes to
/// the same.
pub fn decode_lines(data: &[u8]) {
    let decoded = match lines::decode(data) {
        Err(err) => {
            assert_error_located(&err, data.len());
            assert!(
                matches!(
                    err.kind(),
                    DecodeErrorKind::Empty
                        | DecodeErrorKind::InvalidInteger
                        | DecodeErrorKind::InvalidUtf8
                        | DecodeErrorKind::LimitExceeded { .. }
                ),
                "unexpected newline error {err}"
            );
            return;
        }
        Ok(decoded) => decoded,
    };
    assert_warnings_located(decoded.warnings(), data.len());
    let mut number = 1;
    for line in decoded.lines() {
        assert!(line.number() > number, "line numbers must increase");
        number = line.number();
        let at = offset_in(data, line.text().as_bytes());
        assert_eq!(at, line.offset(), "the offset is where the text is");
        assert_eq!(
            line.text(),
            line.text().trim_matches([' ', '\t', '\r', '\x0b', '\x0c'])
        );
        assert!(!line.text().contains('\n'));
    }
    if let Some(last) = decoded.lines().last() {
        assert!(!last.text().is_empty(), "trailing blank lines are dropped");
    }
    let rest = decoded.text_after_status().as_bytes();
    assert!(data.ends_with(rest));

    let texts: Vec<&str> = decoded.lines().iter().map(|l| l.text()).collect();
    let body = format!("{}\n{}", decoded.status(), texts.join("\n"));
    let again = lines::decode(body.as_bytes()).expect("re-encoded lines decode");
    assert_eq!(again.status(), decoded.status());
    let again_texts: Vec<&str> = again.lines().iter().map(|l| l.text()).collect();
    assert_eq!(again_texts, texts);
}

/// Splits the input into raw `(key, value)` pairs: one per line, split at the first `=`.
fn raw_pairs(text: &str) -> Vec<(Cow<'_, str>, Cow<'_, str>)> {
    text.split('\n')
        .map(|line| match line.split_once('=') {
            Some((k, v)) => (Cow::Borrowed(k), Cow::Borrowed(v)),
            None => (Cow::Borrowed(line), Cow::Borrowed("")),
        })
        .collect()
}

type Group = Vec<(String, String)>;
/// An order: its index, its fields, and its certificates (index and fields).
type OrderShape = (u32, Group, Vec<(u32, Group)>);

/// The grouping as plain data: top-level fields, then per order its fields and per
/// certificate its fields.
#[derive(Debug, PartialEq, Eq)]
struct Shape {
    top: Group,
    orders: Vec<OrderShape>,
}

fn group_of(fields: &[IndexedField<'_>]) -> Group {
    fields
        .iter()
        .map(|f| (f.key().to_owned(), f.value().to_owned()))
        .collect()
}

fn shape(indexed: &Indexed<'_>) -> Shape {
    Shape {
        top: group_of(indexed.fields()),
        orders: indexed
            .orders()
            .iter()
            .map(|o| {
                (
                    o.index(),
                    group_of(o.fields()),
                    o.certificates()
                        .iter()
                        .map(|c| (c.index(), group_of(c.fields())))
                        .collect(),
                )
            })
            .collect(),
    }
}

/// The same grouping up to the order of fields inside each group.
fn sorted(mut shape: Shape) -> Shape {
    shape.top.sort();
    for (_, fields, certs) in &mut shape.orders {
        fields.sort();
        for (_, fields) in certs {
            fields.sort();
        }
    }
    shape
}

/// `group` is a subsequence of `input` (fields keep their arrival order).
fn is_subsequence(group: &Group, input: &Group) -> bool {
    let mut it = input.iter();
    group.iter().all(|g| it.any(|i| i == g))
}

/// The leading decimal index of `key` before `_`, as a number.
fn leading_index(key: &str) -> Option<(u64, &str)> {
    let digits = key.bytes().take_while(u8::is_ascii_digit).count();
    let rest = key.get(digits..)?.strip_prefix('_')?;
    let mut n: u64 = 0;
    for b in key.bytes().take(digits) {
        n = n.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
    }
    Some((n, rest))
}

/// Invariants of one grouping of `input`.
fn check_grouping(indexed: &Indexed<'_>, input: &Group) {
    let s = shape(indexed);
    let mut all: Group = s.top.clone();
    let mut previous_order = 0;
    for (x, fields, certs) in &s.orders {
        assert!(*x > previous_order, "orders sorted and distinct");
        previous_order = *x;
        assert!(
            is_subsequence(fields, input),
            "order fields keep arrival order"
        );
        for (key, _) in fields {
            let (n, _) = leading_index(key).expect("an order key starts with its index");
            assert_eq!(n, u64::from(*x));
        }
        all.extend(fields.iter().cloned());
        let mut previous_cert = 0;
        for (y, fields) in certs {
            assert!(*y > previous_cert, "certificates sorted and distinct");
            previous_cert = *y;
            assert!(
                is_subsequence(fields, input),
                "certificate fields keep arrival order"
            );
            for (key, _) in fields {
                let (n, rest) = leading_index(key).expect("index");
                let (m, _) = leading_index(rest).expect("second index");
                assert_eq!((n, m), (u64::from(*x), u64::from(*y)));
            }
            all.extend(fields.iter().cloned());
        }
    }
    assert!(
        is_subsequence(&s.top, input),
        "top-level fields keep arrival order"
    );
    let mut expected = input.clone();
    expected.sort();
    all.sort();
    assert_eq!(all, expected, "every pair lands in exactly one group");
    for order in indexed.orders() {
        for field in order.fields() {
            assert!(field.key().ends_with(field.name()));
        }
    }
}

/// `wire::indexed`: bytes → form → indexed (offsets inside the body), and the input read as
/// raw `key=value` lines → indexed. Every pair lands in one group, groups are sorted, fields
/// keep arrival order, and a permutation of the pairs (chosen from the input) gives the same
/// groups.
pub fn group_indexed(data: &[u8]) {
    if let Ok(decoded) = form::decode(data) {
        match indexed::from_form(&decoded) {
            Ok(grouped) => {
                let input: Group = form_pairs(&decoded);
                check_grouping(&grouped, &input);
                for order in grouped.orders() {
                    for field in order.fields() {
                        let at = field.key_offset().expect("from_form keeps offsets");
                        assert!(at <= data.len());
                        assert!(field.value_offset().is_some_and(|v| v <= data.len()));
                    }
                }
            }
            Err(err) => {
                assert_error_located(&err, data.len());
                assert!(err.is_limit() || err.kind() == &DecodeErrorKind::InvalidIndex);
            }
        }
    }

    let text = String::from_utf8_lossy(data);
    let mut pairs = raw_pairs(&text);
    let input: Group = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let first = indexed::group(pairs.clone());
    Rng::from_bytes(data).shuffle(&mut pairs);
    let permuted_input: Group = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let second = indexed::group(pairs);
    match (first, second) {
        (Ok(a), Ok(b)) => {
            check_grouping(&a, &input);
            check_grouping(&b, &permuted_input);
            assert_eq!(
                sorted(shape(&a)),
                sorted(shape(&b)),
                "grouping depends on arrival order"
            );
        }
        (Err(a), Err(b)) => {
            let fields = |e: &sectigo_codec::DecodeError| {
                matches!(
                    e.kind(),
                    DecodeErrorKind::LimitExceeded {
                        limit: Limit::Fields,
                        ..
                    }
                )
            };
            if !fields(&a) && !fields(&b) {
                assert_eq!(a.kind(), b.kind(), "the error depends on arrival order");
            }
        }
        (a, b) => panic!(
            "grouping succeeds in one order only: {:?} / {:?}",
            a.err(),
            b.err()
        ),
    }
}

/// Writes `value` as strict JSON.
fn write_json(value: &JsonValue, out: &mut String) {
    match value {
        JsonValue::Null => out.push_str("null"),
        JsonValue::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        JsonValue::Number(n) => out.push_str(n),
        JsonValue::String(s) => write_json_string(s, out),
        JsonValue::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out);
            }
            out.push(']');
        }
        JsonValue::Object(members) => {
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json_string(key, out);
                out.push(':');
                write_json(item, out);
            }
            out.push('}');
        }
    }
}

fn write_json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `wire::json::decode`: errors located; the tree written back as strict JSON decodes to the
/// same tree without warnings; a flat object groups like a form.
pub fn decode_json(data: &[u8]) {
    let doc = match json::decode(data) {
        Err(err) => {
            assert_error_located(&err, data.len());
            return;
        }
        Ok(doc) => doc,
    };
    assert_warnings_located(doc.warnings(), data.len());
    let mut text = String::new();
    write_json(doc.root(), &mut text);
    let again = json::decode(text.as_bytes()).expect("strict JSON written from the tree decodes");
    assert_eq!(
        again.root(),
        doc.root(),
        "decode → write → decode changed the tree"
    );
    assert!(again.warnings().is_empty());
    if let Some(pairs) = doc.flat_pairs() {
        let input: Group = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        if let Ok(grouped) = indexed::group(pairs) {
            check_grouping(&grouped, &input);
        }
    }
}

/// Writes a string as a single-quoted JavaScript literal.
fn write_js_string(s: &str, out: &mut String) {
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 || c == '\u{7f}' || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('\'');
}

/// `wire::js::decode`: offsets inside the body; the variables written back as
/// `name = value;` lines decode to the same names and values.
pub fn decode_js(data: &[u8]) {
    let vars = match js::decode(data) {
        Err(err) => {
            assert_error_located(&err, data.len());
            return;
        }
        Ok(vars) => vars,
    };
    assert_warnings_located(vars.warnings(), data.len());
    let mut body = String::new();
    for var in vars.variables() {
        assert!(var.offset() <= data.len());
        assert!(
            var.value_offset()
                .is_none_or(|v| v > var.offset() && v <= data.len())
        );
        assert_eq!(offset_in(data, var.name().as_bytes()), var.offset());
        body.push_str("var ");
        body.push_str(var.name());
        body.push_str(" = ");
        match var.value() {
            js::JsValue::String(s) => write_js_string(s, &mut body),
            js::JsValue::Number(n) => body.push_str(n),
            js::JsValue::Bool(b) => body.push_str(if *b { "true" } else { "false" }),
            js::JsValue::Null => body.push_str("null"),
        }
        body.push_str(";\n");
    }
    let again = js::decode(body.as_bytes())
        .unwrap_or_else(|e| panic!("re-encoded variables do not decode: {e}\n{body}"));
    let names = |v: &js::JsVariables<'_>| -> Vec<(String, js::JsValue<'static>)> {
        v.variables()
            .iter()
            .map(|var| {
                let value = match var.value() {
                    js::JsValue::String(s) => js::JsValue::String(Cow::Owned(s.to_string())),
                    js::JsValue::Number(n) => js::JsValue::String(Cow::Owned(format!("#{n}"))),
                    js::JsValue::Bool(b) => js::JsValue::Bool(*b),
                    js::JsValue::Null => js::JsValue::Null,
                };
                (var.name().to_owned(), value)
            })
            .collect()
    };
    assert_eq!(
        names(&again),
        names(&vars),
        "decode → write → decode changed the variables"
    );
    assert!(again.warnings().is_empty(), "{body}");
}
