//! Every certificate-bearing fixture through `extract::certificates`: the shape is recognised,
//! the status read, and the chain comes out end-entity first with the roles openssl's view of
//! the certificates implies, whatever order the body sent them in.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use sectigo_codec::extract::{self, Source};
use sectigo_codec::{DecodeErrorKind, Format, Limit, Limits, Role, WarningKind};

/// SHA-256 fingerprints from `testdata/chain/expected.txt` (written by openssl).
fn fingerprint(name: &str) -> String {
    include_str!("../testdata/chain/expected.txt")
        .lines()
        .find_map(|l| {
            let mut f = l.split('|');
            (f.next() == Some(name)).then(|| f.next().unwrap().to_owned())
        })
        .unwrap()
}

fn chain_of(body: &[u8]) -> (extract::Extracted, Vec<(String, Role)>) {
    let found = extract::certificates(body).unwrap();
    let chain = found
        .chain()
        .iter()
        .map(|(c, r)| (c.sha256_hex(), r))
        .collect();
    (found, chain)
}

fn full_chain() -> Vec<(String, Role)> {
    vec![
        (fingerprint("leaf"), Role::EndEntity),
        (fingerprint("intermediate"), Role::Intermediate),
        (fingerprint("root"), Role::Root),
    ]
}

fn kinds(found: &extract::Extracted) -> Vec<WarningKind> {
    found.warnings().iter().map(|w| w.kind()).collect()
}

#[test]
fn every_container_gives_the_same_chain_end_entity_first() {
    let cases: &[(&str, &[u8], Source, Option<i32>)] = &[
        (
            "chain.pem",
            include_bytes!("../testdata/chain/chain.pem"),
            Source::Pem,
            None,
        ),
        (
            "chain.p7b",
            include_bytes!("../testdata/pkcs7/chain.p7b"),
            Source::Pkcs7,
            None,
        ),
        (
            "chain-root-first.p7b",
            include_bytes!("../testdata/pkcs7/chain-root-first.p7b"),
            Source::Pkcs7,
            None,
        ),
        (
            "chain-indefinite.p7b",
            include_bytes!("../testdata/pkcs7/chain-indefinite.p7b"),
            Source::Pkcs7,
            None,
        ),
        (
            "chain.p7b.pem",
            include_bytes!("../testdata/pkcs7/chain.p7b.pem"),
            Source::Pem,
            None,
        ),
        (
            "chain.p7b.b64",
            include_bytes!("../testdata/pkcs7/chain.p7b.b64"),
            Source::Base64,
            None,
        ),
        (
            "chain.nsc",
            include_bytes!("../testdata/netscape/chain.nsc"),
            Source::NetscapeSequence,
            None,
        ),
        (
            "chain.zip",
            include_bytes!("../testdata/zip/chain.zip"),
            Source::Zip,
            None,
        ),
        (
            "chain-der.zip",
            include_bytes!("../testdata/zip/chain-der.zip"),
            Source::Zip,
            None,
        ),
        (
            "newline doc armour",
            include_bytes!("../testdata/collect-ssl/ok-newline-doc-armour.txt"),
            Source::Newline,
            Some(2),
        ),
        (
            "newline fqdn crlf",
            include_bytes!("../testdata/collect-ssl/ok-newline-fqdn-crlf.txt"),
            Source::Newline,
            Some(2),
        ),
        (
            "urlenc individual",
            include_bytes!("../testdata/collect-ssl/ok-urlenc-individual.txt"),
            Source::Form,
            Some(2),
        ),
        (
            "urlenc raw plus",
            include_bytes!("../testdata/collect-ssl/ok-urlenc-raw-plus.txt"),
            Source::Form,
            Some(2),
        ),
        (
            "urlenc pkcs7",
            include_bytes!("../testdata/collect-ssl/ok-urlenc-pkcs7.txt"),
            Source::Form,
            Some(2),
        ),
        (
            "urlenc zip",
            include_bytes!("../testdata/collect-ssl/ok-urlenc-zip.txt"),
            Source::Form,
            Some(2),
        ),
        (
            "urlenc netscape",
            include_bytes!("../testdata/collect-ssl/ok-urlenc-netscape.txt"),
            Source::Form,
            Some(2),
        ),
        (
            "js pkcs7",
            include_bytes!("../testdata/collect-pac/ok-js-pkcs7.txt"),
            Source::JavaScript,
            Some(2),
        ),
        (
            "newline pkcs7",
            include_bytes!("../testdata/collect-pac/ok-newline-pkcs7.txt"),
            Source::Newline,
            Some(2),
        ),
    ];
    for (name, body, source, status) in cases {
        let (found, chain) = chain_of(body);
        assert_eq!(chain, full_chain(), "{name}");
        assert_eq!(found.source(), *source, "{name}");
        assert_eq!(found.status(), *status, "{name}");
    }
}

#[test]
fn tolerated_quirks_are_reported_as_warnings() {
    let (found, _) = chain_of(include_bytes!(
        "../testdata/collect-ssl/ok-newline-doc-armour.txt"
    ));
    let malformed = kinds(&found)
        .iter()
        .filter(|k| **k == WarningKind::MalformedPemArmour)
        .count();
    assert_eq!(
        malformed, 6,
        "three BEGIN and three END lines with spaces inside the dashes"
    );

    let (found, _) = chain_of(include_bytes!(
        "../testdata/collect-ssl/ok-urlenc-raw-plus.txt"
    ));
    assert!(kinds(&found).contains(&WarningKind::SpaceInBase64));

    let (found, _) = chain_of(include_bytes!("../testdata/pkcs7/chain-indefinite.p7b"));
    assert_eq!(kinds(&found), vec![WarningKind::BerEncoding]);

    // chain.zip holds each CA certificate twice (alone and in the ca-bundle).
    let (found, _) = chain_of(include_bytes!("../testdata/zip/chain.zip"));
    let dups = kinds(&found)
        .iter()
        .filter(|k| **k == WarningKind::DuplicateCertificate)
        .count();
    assert_eq!(dups, 2);

    let (found, _) = chain_of(include_bytes!(
        "../testdata/collect-ssl/ok-newline-fqdn-crlf.txt"
    ));
    assert!(kinds(&found).contains(&WarningKind::CarriageReturn));
}

#[test]
fn ca_bundle_without_end_entity_is_intermediate_then_root() {
    let (found, chain) = chain_of(include_bytes!(
        "../testdata/collect-ssl/ok-urlenc-cabundle.txt"
    ));
    assert_eq!(found.status(), Some(2));
    assert_eq!(
        chain,
        vec![
            (fingerprint("intermediate"), Role::Intermediate),
            (fingerprint("root"), Role::Root)
        ]
    );
    assert!(found.chain().end_entity().is_none());
}

#[test]
fn a_single_der_certificate_and_the_ecdsa_chain() {
    let (found, chain) = chain_of(include_bytes!("../testdata/chain/leaf.der"));
    assert_eq!(found.source(), Source::Der);
    assert_eq!(chain, vec![(fingerprint("leaf"), Role::EndEntity)]);

    let mut ec = include_bytes!("../testdata/chain/ec-root.pem").to_vec();
    ec.extend_from_slice(include_bytes!("../testdata/chain/ec-leaf.pem"));
    let (_, chain) = chain_of(&ec);
    assert_eq!(
        chain,
        vec![
            (fingerprint("ec-leaf"), Role::EndEntity),
            (fingerprint("ec-root"), Role::Root)
        ]
    );
}

#[test]
fn error_responses_carry_their_status_and_no_certificates() {
    let found =
        extract::certificates(include_bytes!("../testdata/collect-pac/err-js.txt")).unwrap();
    assert_eq!(found.status(), Some(-16));
    assert_eq!(found.source(), Source::JavaScript);
    assert!(found.chain().certificates().is_empty());

    let found =
        extract::certificates(b"errorCode=-21&errorMessage=The+certificate+has+been+revoked%21")
            .unwrap();
    assert_eq!(found.status(), Some(-21));
    assert!(found.chain().certificates().is_empty());

    let found = extract::certificates(b"-16\nIncorrect login details\n").unwrap();
    assert_eq!(
        (found.source(), found.status()),
        (Source::Newline, Some(-16))
    );

    // Status 0 (being processed): no certificate yet.
    let found = extract::certificates(b"0\n").unwrap();
    assert_eq!(found.status(), Some(0));
    assert!(found.chain().certificates().is_empty());
}

#[test]
fn nested_errors_name_every_layer() {
    // The documentation's placeholder text instead of base64 (T1).
    let err = extract::certificates(include_bytes!(
        "../testdata/spec/t01-collect-ssl-newline-armour.txt"
    ))
    .unwrap_err();
    assert_eq!(err.format(), Format::Pem);
    assert!(
        matches!(err.kind(), DecodeErrorKind::InvalidBase64 { .. }),
        "{err}"
    );
    assert_eq!(err.context().last().unwrap().format(), Format::Newline);

    // A broken base64 value inside the `pkcs7` field of a form body.
    let err = extract::certificates(b"errorCode=2&pkcs7=MII!!!").unwrap_err();
    assert_eq!(err.format(), Format::Base64);
    let outer = err.context().last().unwrap();
    assert_eq!(
        (outer.format(), outer.field(), outer.offset()),
        (Format::FormUrlEncoded, Some("pkcs7"), Some(18))
    );
    let text = err.to_string();
    assert!(
        text.contains("field `pkcs7`") && text.contains("url-encoded form"),
        "{text}"
    );

    // Another CMS content type is refused by name.
    let err = extract::certificates(include_bytes!("../testdata/pkcs7/content-enveloped.der"))
        .unwrap_err();
    assert!(
        matches!(err.kind(), DecodeErrorKind::UnexpectedContentType { .. }),
        "{err}"
    );
}

#[test]
fn unrecognised_and_empty_input_are_errors() {
    let err = extract::certificates(b"").unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::Empty);
    let err = extract::certificates(b"   \r\n").unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::Empty);
    let err = extract::certificates(b"hello world, this is not a certificate").unwrap_err();
    assert_eq!(err.format(), Format::Base64, "{err}");
    // base64 of something that is not binary
    let err = extract::certificates(b"aGVsbG8gd29ybGQ=").unwrap_err();
    assert!(
        matches!(err.kind(), DecodeErrorKind::UnrecognisedFormat { .. }),
        "{err}"
    );
}

#[test]
fn limits_apply_to_the_whole_body_and_the_certificate_count() {
    let body = include_bytes!("../testdata/collect-ssl/ok-urlenc-individual.txt");
    let mut limits = Limits::default();
    limits.max_body_size = body.len();
    assert!(extract::certificates_with(body, &limits).is_ok());
    limits.max_body_size = body.len() - 1;
    let err = extract::certificates_with(body, &limits).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: Limit::BodySize,
            max: body.len() - 1
        }
    );

    let mut limits = Limits::default();
    limits.max_certificates = 3;
    assert!(extract::certificates_with(body, &limits).is_ok());
    limits.max_certificates = 2;
    let err = extract::certificates_with(body, &limits).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: Limit::Certificates,
            max: 2
        }
    );

    let err = extract::certificates(include_bytes!("../testdata/zip/bomb.zip")).unwrap_err();
    assert!(matches!(
        err.kind(),
        DecodeErrorKind::LimitExceeded {
            limit: Limit::ZipUncompressedSize,
            ..
        }
    ));
}

#[test]
fn error_offsets_count_leading_whitespace() {
    // The same broken body with and without three leading newlines: the outermost offset
    // moves by three.
    let err = extract::certificates(b"errorCode=2&pkcs7=MII!!!").unwrap_err();
    let err3 = extract::certificates(b"\n\n\nerrorCode=2&pkcs7=MII!!!").unwrap_err();
    assert_eq!(err.context().last().unwrap().offset(), Some(18));
    assert_eq!(err3.context().last().unwrap().offset(), Some(21));
    assert_eq!(
        err.offset(),
        err3.offset(),
        "the inner layer's offset is its own"
    );
}
