//! `sectigo-codec encode`, end to end: the documentation's sample requests (DIGEST §2.1 T13,
//! §6.6) as golden bodies, violation JSON for broken requests, usage errors.
#![cfg(feature = "cli")]
// Test code: unwrap and index freely (a failure is a test failure).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::process::{Command, Output};

use sectigo_codec::wire::form;
use serde_json::Value;

fn encode(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sectigo-codec"))
        .arg("encode")
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn pairs(body: &str) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = form::decode(body.as_bytes())
        .unwrap()
        .pairs()
        .iter()
        .map(|p| (p.name().to_owned(), p.value().to_owned()))
        .collect();
    pairs.sort();
    pairs
}

/// `(code, parameter)` of each violation in the JSON output.
fn violations(out: &Output) -> Vec<(i64, String)> {
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_str(&stdout(out)).unwrap();
    let list = json["violations"].as_array().unwrap();
    assert!(!list.is_empty());
    list.iter()
        .map(|v| {
            let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
            assert_eq!(keys, ["code", "parameter", "message"]);
            assert!(!v["message"].as_str().unwrap().is_empty());
            (
                v["code"].as_i64().unwrap(),
                v["parameter"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn t13_sample_request() {
    let sample = include_str!("../testdata/spec/t13-collect-ssl-request.txt").trim_end();
    // The sample's own pairs, in its order, as arguments.
    let args: Vec<String> = sample.split('&').map(str::to_owned).collect();
    let mut argv = vec!["collect-ssl"];
    argv.extend(args.iter().map(String::as_str));
    let out = encode(&argv);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
    let body = stdout(&out);
    assert!(!body.ends_with('\n'), "nothing after the body");
    assert_eq!(pairs(&body), pairs(sample));
    assert_eq!(
        body,
        "loginName=login_name&loginPassword=login_password&orderNumber=order_number\
         &queryType=0&responseType=3&showValidityPeriod=Y&showExtStatus=Y&responseFormat=1\
         &showStatusDetails=Y"
    );
}

#[test]
fn dv_example() {
    let out = encode(&[
        "auto-apply-order",
        "loginName=mypartnerusername",
        "loginPassword=th15ISNOTas3ns!blePassW0rd!",
        "isCustomerValidated=N",
        "serverSoftware=-1",
        "days=365",
        "product=488",
        "csr=MIIB-placeholder",
        "dcvEmailAddress=admin@sectigo.com",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(
        stdout(&out),
        "loginName=mypartnerusername&loginPassword=th15ISNOTas3ns%21blePassW0rd%21\
         &product=488&days=365&isCustomerValidated=N&serverSoftware=-1&csr=MIIB-placeholder\
         &dcvEmailAddress=admin%40sectigo.com"
    );
}

#[test]
fn ov_multi_domain_example() {
    let out = encode(&[
        "auto-apply-order",
        "loginName=mypartnerusername",
        "loginPassword=th15ISNOTas3ns!blePassW0rd!",
        "isCustomerValidated=N",
        "serverSoftware=-1",
        "days=730",
        "product=583",
        "appRepEmailAddress=seniorstaffmember@sectigo.com",
        "organizationName=Sectigo",
        "streetAddress1=5 Becker Farm Road",
        "localityName=Roseland",
        "stateOrProvinceName=NJ",
        "countryName=US",
        "postalCode=07068",
        "csr=MIIB-placeholder",
        "domainNames=sectigo.com,www.sectigo.com,secure.sectigo.com",
        "primaryDomainName=sectigo.com",
        "validationTokens=ALLCNAMECSRHASH",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(
        stdout(&out),
        "loginName=mypartnerusername&loginPassword=th15ISNOTas3ns%21blePassW0rd%21\
         &product=583&days=730&isCustomerValidated=N&serverSoftware=-1&csr=MIIB-placeholder\
         &domainNames=sectigo.com%2Cwww.sectigo.com%2Csecure.sectigo.com\
         &primaryDomainName=sectigo.com&organizationName=Sectigo\
         &streetAddress1=5+Becker+Farm+Road&localityName=Roseland&stateOrProvinceName=NJ\
         &postalCode=07068&countryName=US&validationTokens=ALLCNAMECSRHASH\
         &appRepEmailAddress=seniorstaffmember%40sectigo.com"
    );
    // With the PDF's misspelling the server would answer -2.
    let out = encode(&[
        "auto-apply-order",
        "loginName=a",
        "loginPassword=b",
        "isCustomerValidated=N",
        "serverSoftware=-1",
        "days=730",
        "product=583",
        "csr=MIIB-placeholder",
        "potsalCode=07068",
    ]);
    assert_eq!(violations(&out), [(-2, "potsalCode".to_owned())]);
}

#[test]
fn violation_json_for_broken_requests() {
    // The brief's example: queryType missing.
    let out = encode(&[
        "collect-ssl",
        "loginName=a",
        "loginPassword=b",
        "orderNumber=1",
    ]);
    assert_eq!(violations(&out), [(-3, "queryType".to_owned())]);
    // Several at once, each with the server's code.
    let out = encode(&[
        "auto-apply-order",
        "loginName=a",
        "loginPassword=b",
        "product=488,36",
        "days=30",
        "countryName=UK",
        "uniqueValue=not-alnum",
    ]);
    assert_eq!(
        violations(&out),
        [
            (-4, "product".to_owned()),
            (-115, "days".to_owned()),
            (-3, "csr".to_owned()),
            (-3, "isCustomerValidated".to_owned()),
            (-3, "serverSoftware".to_owned()),
            (-4, "uniqueValue".to_owned()),
            (-7, "countryName".to_owned()),
        ]
    );
    // Revocation by exactly one reference.
    let out = encode(&[
        "auto-revoke-ssl",
        "loginName=a",
        "loginPassword=b",
        "orderNumber=1",
        "serialNumber=0A",
    ]);
    assert_eq!(violations(&out), [(-4, "serialNumber".to_owned())]);
    // A value that cannot be read, and an unknown parameter.
    let out = encode(&[
        "order-status",
        "loginName=a",
        "loginPassword=b",
        "orderNumber=1",
        "queryType=1",
        "showValidityPeriod=maybe",
        "colour=blue",
    ]);
    assert_eq!(
        violations(&out),
        [
            (-4, "showValidityPeriod".to_owned()),
            (-2, "colour".to_owned())
        ]
    );
}

#[test]
fn unknown_parameters_can_be_allowed() {
    let out = encode(&[
        "--allow-unknown-parameters",
        "account-balance",
        "loginName=a",
        "loginPassword=b",
        "newThing=1",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "loginName=a&loginPassword=b&newThing=1");
}

#[test]
fn every_endpoint_encodes() {
    let cases: &[(&str, &[&str], &str)] = &[
        (
            "auto-replace-ssl",
            &["orderNumber=9"],
            "loginName=a&loginPassword=b&orderNumber=9",
        ),
        (
            "collect-pac",
            &["orderNumber=9", "queryType=0"],
            "loginName=a&loginPassword=b&orderNumber=9&queryType=0",
        ),
        (
            "collect-smime",
            &["orderNumber=9", "queryType=0"],
            "loginName=a&loginPassword=b&orderNumber=9&queryType=0",
        ),
        (
            "order-status",
            &["orderNumber=9", "queryType=2", "responseFormat=2"],
            "loginName=a&loginPassword=b&orderNumber=9&queryType=2&responseFormat=2",
        ),
        (
            "auto-revoke-ssl",
            &["orderNumber=9", "codeReason=4", "revocationReason=re keyed"],
            "loginName=a&loginPassword=b&orderNumber=9&revocationReason=re+keyed&codeReason=4",
        ),
        (
            "auto-refund",
            &["orderNumber=9", "refundReasonCode=1"],
            "loginName=a&loginPassword=b&orderNumber=9&refundReasonCode=1",
        ),
        ("account-balance", &[], "loginName=a&loginPassword=b"),
    ];
    for (endpoint, params, body) in cases {
        let mut args = vec![*endpoint, "loginName=a", "loginPassword=b"];
        args.extend_from_slice(params);
        let out = encode(&args);
        assert_eq!(out.status.code(), Some(0), "{endpoint}: {}", stdout(&out));
        assert_eq!(stdout(&out), *body, "{endpoint}");
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["collect"][..],
        &["notification", "a=b"][..],
        &["collect-ssl", "loginName=a", "hunter2"][..],
        &[][..],
    ] {
        let out = encode(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        assert!(!out.stderr.is_empty());
        // The argument without '=' (perhaps a password) is not echoed.
        assert!(!String::from_utf8_lossy(&out.stderr).contains("hunter2"));
    }
}

#[test]
fn secrets_are_not_echoed_in_violations() {
    let password = "Zq9-very-secret-".repeat(10); // too long: a violation about it
    let out = encode(&[
        "collect-pac",
        "loginName=a",
        &format!("loginPassword={password}"),
        &format!("collectionCode={password}"),
        "queryType=0",
    ]);
    let found = violations(&out);
    assert!(found.contains(&(-4, "loginPassword".to_owned())));
    assert!(found.contains(&(-4, "collectionCode".to_owned())));
    let text = format!("{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
    assert!(!text.contains("Zq9"));
}
