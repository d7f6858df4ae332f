//! `sectigo-codec lint-csr` as a process: output and exit codes (0 no error finding, 1 at
//! least one, 2 usage or unreadable input).
#![cfg(feature = "cli")]
// Tests unwrap and index freely.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
#![allow(
    clippy::disallowed_methods,
    clippy::disallowed_types,
    reason = "the test runs the binary and writes to its standard input"
)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn csr(rel: &str) -> String {
    format!("{}/testdata/csr/{rel}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sectigo-codec"))
        .arg("lint-csr")
        .args(args)
        .output()
        .unwrap()
}

fn json(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = run(&all);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    (out.status.code().unwrap(), value)
}

#[test]
fn clean_csr_exits_0() {
    let out = run(&[&csr("ok/rsa2048-sha256.pem")]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("key: RSA 2048 bits, e = 65537, signed with sha256WithRSAEncryption"),
        "{text}"
    );
    assert!(text.contains("CN: www.acme-widgets.com"), "{text}");
    assert!(text.ends_with("ok: no error (0 warning(s))\n"), "{text}");
}

#[test]
fn error_findings_exit_1_one_line_each() {
    let out = run(&[&csr("bad/weak-exponent-even.pem")]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let findings: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("error") || l.starts_with("warning") || l.starts_with("info"))
        .collect();
    assert_eq!(findings.len(), 3, "{text}");
    assert!(
        findings[0].starts_with("error   rsa-exponent-even"),
        "{text}"
    );
    assert!(findings[0].contains(" -40  "), "{text}");
    assert!(
        findings[1].starts_with("warning rsa-exponent-out-of-range"),
        "{text}"
    );
    assert!(findings[1].contains("    -  "), "{text}");
    assert!(
        findings[2].starts_with("error   signature-invalid"),
        "{text}"
    );
    assert!(
        text.contains("2 error(s), 1 warning(s); Sectigo would answer -40, -12"),
        "{text}"
    );
}

#[test]
fn json_report() {
    let (code, v) = json(&[&csr("bad/name-ip-reserved.pem")]);
    assert_eq!(code, 1);
    assert_eq!(v["ok"], false);
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[0]["rule"], "cn-ip-reserved");
    assert_eq!(findings[0]["code"], -19);
    assert_eq!(findings[0]["severity"], "error");
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .contains("192.168.0.0/16")
    );
    assert_eq!(findings[1]["rule"], "san-ip-reserved");
    assert_eq!(findings[1]["code"], Value::Null);
    assert_eq!(v["predicted_codes"], serde_json::json!([-19]));
    assert_eq!(v["common_name"], "192.168.1.10");
    assert_eq!(v["key"]["algorithm"], "RSA");
    assert_eq!(v["key"]["bits"], 2048);
    assert_eq!(v["signature_algorithm"], "sha256WithRSAEncryption");
    assert_eq!(v["signature"]["valid"], true);
    assert_eq!(v["subject_alt_names"][0]["type"], "ip");
    assert_eq!(v["subject_alt_names"][0]["value"], "192.168.1.10");
    assert_eq!(v["subject"][0]["type"], "PrintableString");
    assert_eq!(v["spki_sha256"].as_str().unwrap().len(), 64);

    let (code, v) = json(&[&csr("ok/p384-sha384.pem")]);
    assert_eq!(code, 0);
    assert_eq!(v["ok"], true);
    assert_eq!(v["findings"], serde_json::json!([]));
    assert_eq!(v["key"]["curve"], "P-384");
    assert_eq!(v["key"]["point_form"], "uncompressed");
}

#[test]
fn product_option() {
    let (code, v) = json(&["--product", "289", &csr("ok/rsa2048-sha256.pem")]);
    assert_eq!(code, 1);
    assert_eq!(v["findings"][0]["rule"], "cn-wildcard-required");
    assert_eq!(v["findings"][0]["code"], -6);
    let (code, _) = json(&["--product", "289,36", &csr("ok/name-wildcard.pem")]);
    assert_eq!(code, 0);
    let (code, v) = json(&["--product", "287", &csr("ok/name-ip-public.pem")]);
    assert_eq!(code, 1);
    assert_eq!(v["predicted_codes"], serde_json::json!([-35]));
}

#[test]
fn blocklist_option() {
    let list = csr("blocklist.txt");
    let (code, v) = json(&["--blocklist", &list, &csr("ok/blocklisted-rsa.pem")]);
    assert_eq!(code, 1);
    assert_eq!(v["findings"][0]["rule"], "key-blocklisted");
    assert_eq!(v["findings"][0]["code"], -40);
    let (code, _) = json(&["--blocklist", &list, &csr("ok/rsa2048-sha256.pem")]);
    assert_eq!(code, 0);
}

#[test]
fn standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sectigo-codec"))
        .args(["lint-csr", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let der = std::fs::read(csr("ok/rsa2048-sha256.der")).unwrap();
    child.stdin.take().unwrap().write_all(&der).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["input"], "der");
}

#[test]
fn base64_error_is_a_finding() {
    let (code, v) = json(&[&csr("bad/not-base64.txt")]);
    assert_eq!(code, 1);
    assert_eq!(v["findings"][0]["rule"], "base64-invalid");
    assert_eq!(v["findings"][0]["code"], -9);
    assert_eq!(v["findings"][0]["offset"], 9); // the colon of "not a CSR:"
    assert_eq!(v["key"], Value::Null);
}

#[test]
fn usage_and_unreadable_input_exit_2() {
    for args in [
        vec!["--product", "abc", "x.pem"],
        vec!["--product", "9999", "x.pem"],
        vec!["--product", "36", "x.pem"],
        vec!["--blocklist", "/nonexistent/list.txt", "x.pem"],
        vec!["/nonexistent/csr.pem"],
        vec![],
        vec!["--no-such-flag", "x.pem"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
    // Empty input cannot be read at all.
    let empty =
        std::env::temp_dir().join(format!("sectigo-codec-empty-{}.pem", std::process::id()));
    std::fs::write(&empty, b"\n").unwrap();
    let out = run(&[empty.to_str().unwrap()]);
    std::fs::remove_file(&empty).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty input"));
}

/// The README's `lint-csr` example shows the binary's real output and exit status.
#[test]
fn readme_example_is_the_real_output() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let prompt = "$ sectigo-codec lint-csr ";
    let start = readme
        .find(prompt)
        .expect("the README has a lint-csr example");
    let block = &readme[start..];
    let block = &block[..block.find("```").unwrap()];
    let mut lines = block.lines();
    let command = lines.next().unwrap();
    let args: Vec<String> = command[prompt.len()..]
        .split_whitespace()
        .map(|a| {
            if a.starts_with("testdata/") {
                format!("{}/{a}", env!("CARGO_MANIFEST_DIR"))
            } else {
                a.to_owned()
            }
        })
        .collect();
    let rest: Vec<&str> = lines.collect();
    let status_at = rest.iter().position(|l| *l == "$ echo $?").unwrap();
    let shown = rest[..status_at].join("\n") + "\n";
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&args);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), shown);
    assert_eq!(
        out.status.code().unwrap().to_string(),
        rest[status_at + 1],
        "exit status"
    );
}
