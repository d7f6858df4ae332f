//! `sectigo-codec decode`, end to end: the binary, its JSON and its exit codes.
#![cfg(feature = "cli")]
// Test code: unwrap and index freely.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sectigo-codec"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn decode(args: &[&str]) -> Value {
    let out = run(args, None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn collect_ssl_with_certificates_in_chain_order() {
    let v = decode(&[
        "decode",
        "collect-ssl",
        "testdata/collect-ssl/ok-urlenc-individual.txt",
    ]);
    assert_eq!(v["status"], 2);
    assert_eq!(v["errorMessage"], Value::Null);
    let roles: Vec<&str> = v["certificates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["end-entity", "intermediate", "root"]);
    assert_eq!(v["certificates"][0]["subject"], "CN=shop.example.com");
    assert_eq!(
        v["certificates"][0]["serial"],
        "C0FFEE5EC7160000000000000000AB"
    );
    assert_eq!(v["certificates"][0]["notBefore"], "2025-10-29T00:00:00Z");
    assert_eq!(v["fqdn"], "shop.example.com");
    assert_eq!(v["notAfter"], "1793318399");
    assert_eq!(v["certificateStatus"], "Issued");
    assert_eq!(v["warnings"], Value::Array(Vec::new()));
    // The same list as `certs --json`.
    let out = run(
        &[
            "certs",
            "--json",
            "testdata/collect-ssl/ok-urlenc-individual.txt",
        ],
        None,
    );
    let certs: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(certs["certificates"], v["certificates"]);
}

#[test]
fn order_status_orders_and_certificates() {
    let v = decode(&[
        "decode",
        "order-status",
        "testdata/spec/t08-order-status-urlenc.txt",
    ]);
    assert_eq!(v["status"], 0);
    let order = &v["orders"][0];
    assert_eq!(order["index"], 1);
    assert_eq!(order["orderDateTime"], "2025-01-01 13:52");
    assert_eq!(order["orderStatusReason"], "");
    let cert = &order["certificates"][0];
    assert_eq!(cert["index"], 1);
    assert_eq!(cert["FQDN"], "**********.com%2********.com");
    assert_eq!(cert["logoHostedByCA"], "-1");
    assert_eq!(v["warnings"].as_array().unwrap().len(), 1);

    let v = decode(&[
        "decode",
        "order-status",
        "testdata/order-status/ok-urlenc-suggested-packed.txt",
    ]);
    assert_eq!(v["orders"][0]["suggestedOrgDetails"], "Found");
    assert_eq!(v["orders"][0]["organizationName"], "Example Ltd");
}

#[test]
fn api_errors_exit_zero_with_the_catalogue() {
    let v = decode(&[
        "decode",
        "order-status",
        "--format",
        "json",
        "testdata/spec/t09-order-status-error-pydict.txt",
    ]);
    assert_eq!(v["status"], -4);
    assert_eq!(
        v["errorMessage"],
        "The value of the 'orderNumber' argument is invalid!"
    );
    assert_eq!(v["certificates"], Value::Array(Vec::new()));
    assert_eq!(v["error"]["name"], "INVALID_VALUE");
    assert_eq!(v["error"]["argument"], "orderNumber");
    assert_eq!(v["error"]["retryable"], false);
    let v = decode(&["decode", "collect-pac", "testdata/collect-pac/err-js.txt"]);
    assert_eq!(v["status"], -16);
    assert_eq!(v["error"]["authProblem"], true);
}

#[test]
fn standard_input_flags_and_format_hint() {
    let out = run(
        &[
            "decode",
            "auto-apply-order",
            "--show-certificate-id",
            "--show-certificate-state",
            "-",
        ],
        Some(b"1\n123\n35.00\n1\n9876\nIssued\nAb12\n"),
    );
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["status"], 1);
    assert_eq!(v["orderNumber"], "123");
    assert_eq!(v["totalCost"], "35.00");
    assert_eq!(v["certificateID"], "9876");
    assert_eq!(v["certificateStatus"], "Issued");
    assert_eq!(v["uniqueValue"], "Ab12");

    // Asked for JSON, got newline text: read as what it is, with a warning.
    let v = decode(&[
        "decode",
        "account-balance",
        "--format",
        "json",
        "testdata/account-balance/ok-newline.txt",
    ]);
    assert_eq!(v["amount"], "1234.56");
    assert_eq!(
        v["warnings"][0],
        "response: body format differs from the requested one"
    );
}

#[test]
fn notification_and_unknown_lines() {
    let v = decode(&[
        "decode",
        "notification",
        "testdata/notification/ok-post-certificates.txt",
    ]);
    assert_eq!(v["status"], 6);
    assert_eq!(v["Status"], "issued");
    assert_eq!(v["orderNumber"], "1234567");
    assert_eq!(v["certificates"].as_array().unwrap().len(), 3);
    let out = run(
        &["decode", "auto-revoke-ssl", "-"],
        Some(b"0\nsomething new\n"),
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["extraLines"][0]["line"], 2);
    assert_eq!(v["extraLines"][0]["text"], "something new");
}

#[test]
fn exit_codes() {
    // 1: undecodable, with the error on standard error.
    let out = run(
        &[
            "decode",
            "collect-ssl",
            "testdata/spec/t01-collect-ssl-newline-armour.txt",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("invalid base64") && err.contains("`CERTIFICATE`") && err.contains("(line 3)"),
        "{err}"
    );
    // 2: usage (unknown endpoint, unknown format, missing file).
    for args in [
        &["decode", "collect", "x"][..],
        &["decode", "collect-ssl", "--format", "xml", "x"],
        &["decode", "collect-ssl", "testdata/does-not-exist.txt"],
        &["decode", "collect-ssl"],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}
