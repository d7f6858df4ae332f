//! End-to-end tests of `sectigo-codec certs` (needs `--features cli`).
#![cfg(feature = "cli")]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sectigo-codec"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or_default()).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn expected() -> Vec<Vec<String>> {
    include_str!("../testdata/chain/expected.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('|').map(str::to_owned).collect())
        .collect()
}

#[test]
fn json_lists_the_chain_end_entity_first_with_openssl_values() {
    let out = run(
        &[
            "certs",
            "--json",
            "testdata/collect-ssl/ok-urlenc-individual.txt",
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let certs = v["certificates"].as_array().unwrap();
    let want = expected();
    let by_name = |n: &str| want.iter().find(|r| r[0] == n).unwrap().clone();
    for (cert, (name, role)) in certs.iter().zip([
        ("leaf", "end-entity"),
        ("intermediate", "intermediate"),
        ("root", "root"),
    ]) {
        let row = by_name(name);
        assert_eq!(cert["sha256"], row[1]);
        assert_eq!(cert["subject"], row[2]);
        assert_eq!(cert["issuer"], row[3]);
        assert_eq!(cert["serial"], row[4]);
        assert_eq!(cert["role"], role);
    }
    assert_eq!(certs.len(), 3);
    assert_eq!(certs[0]["notBefore"], "2025-10-29T00:00:00Z");
    assert_eq!(certs[0]["notAfter"], "2026-10-29T23:59:59Z");
    // keys in the documented order
    let keys: Vec<&str> = certs[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "sha256",
            "subject",
            "issuer",
            "serial",
            "notBefore",
            "notAfter",
            "role"
        ]
    );
}

#[test]
fn text_output_is_a_pem_chain_file_in_chain_order() {
    let body = include_bytes!("../testdata/pkcs7/chain-root-first.p7b");
    let out = run(&["certs", "-"], Some(body));
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("# end-entity: CN=shop.example.com\n"),
        "{text}"
    );
    let pem = sectigo_codec::codec::pem::decode(text.as_bytes()).unwrap();
    let ders: Vec<&[u8]> = pem.blocks().iter().map(|b| b.der()).collect();
    let want: Vec<&[u8]> = vec![
        include_bytes!("../testdata/chain/leaf.der"),
        include_bytes!("../testdata/chain/intermediate.der"),
        include_bytes!("../testdata/chain/root.der"),
    ];
    assert_eq!(ders, want);
}

#[test]
fn exit_codes_one_for_undecodable_two_for_usage() {
    let out = run(&["certs", "testdata/zip/bomb.zip"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("testdata/zip/bomb.zip") && err.contains("uncompressed ZIP size"),
        "{err}"
    );

    let out = run(&["certs", "testdata/does-not-exist"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("cannot read")
    );

    let out = run(&["certs"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["certs", "--bogus", "x"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["frobnicate"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_error_response_is_read_and_has_no_certificates() {
    let out = run(
        &["certs", "--json", "testdata/collect-pac/err-js.txt"],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["certificates"], serde_json::json!([]));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("status -16")
    );
}
