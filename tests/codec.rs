//! The certificate containers against the committed fixtures (`testdata/`, made by
//! `testdata/scripts/generate.sh` with openssl), plus robustness properties.

// Tests unwrap, index, compute and time freely.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![allow(
    clippy::disallowed_methods,
    reason = "tests time the linear-time guarantees"
)]

use std::time::{Duration, Instant};

use proptest::prelude::*;
use sectigo_codec::codec::pem::{self, PemLabel};
use sectigo_codec::codec::{base64, netscape, pkcs7, zip};
use sectigo_codec::{DecodeErrorKind, Format, Limit, Limits, MAX_DER_DEPTH, WarningKind};

const ROOT: &[u8] = include_bytes!("../testdata/chain/root.der");
const INTERMEDIATE: &[u8] = include_bytes!("../testdata/chain/intermediate.der");
const LEAF: &[u8] = include_bytes!("../testdata/chain/leaf.der");
const CHAIN_PEM: &[u8] = include_bytes!("../testdata/chain/chain.pem");

fn form_field(body: &[u8], name: &str) -> Vec<String> {
    form_urlencoded::parse(body)
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .collect()
}

/// Generous bound for "fails fast" checks in debug builds on a shared machine.
const FAST: Duration = Duration::from_secs(2);

// --- PEM -------------------------------------------------------------------------------

#[test]
fn pem_chain_splits_into_the_three_der_certificates() {
    let pem = pem::decode(CHAIN_PEM).unwrap();
    let der: Vec<&[u8]> = pem.blocks().iter().map(|b| b.der()).collect();
    assert_eq!(der, [LEAF, INTERMEDIATE, ROOT]);
    assert!(
        pem.blocks()
            .iter()
            .all(|b| b.armour_ok() && b.label() == &PemLabel::Certificate)
    );
    assert!(pem.warnings().is_empty());
    assert_eq!(pem.blocks()[0].offset(), 0);
    let second = CHAIN_PEM
        .windows(5)
        .skip(1)
        .position(|w| w == b"-----")
        .unwrap();
    assert!(pem.blocks()[1].offset() > second);
}

#[test]
fn pem_documentation_armour_with_real_certificates() {
    let body = include_bytes!("../testdata/collect-ssl/ok-newline-doc-armour.txt");
    let pem = pem::decode(body).unwrap();
    let der: Vec<&[u8]> = pem.blocks().iter().map(|b| b.der()).collect();
    assert_eq!(
        der,
        [ROOT, INTERMEDIATE, LEAF],
        "documentation order: root first"
    );
    assert!(pem.blocks().iter().all(|b| !b.armour_ok()));
    let malformed = pem
        .warnings()
        .iter()
        .filter(|w| w.kind() == WarningKind::MalformedPemArmour)
        .count();
    assert_eq!(malformed, 6, "every BEGIN and END line is malformed");
    // The status line "2" is text before the first block.
    let surrounding: Vec<_> = pem
        .warnings()
        .iter()
        .filter(|w| w.kind() == WarningKind::SurroundingText)
        .map(|w| w.offset())
        .collect();
    assert_eq!(surrounding, [Some(0)]);
    // The last footer has four dashes.
    assert!(body.ends_with(b"\n---- END CERTIFICATE -----\n"));
}

#[test]
fn pem_crlf_body_with_fqdn_line() {
    let body = include_bytes!("../testdata/collect-ssl/ok-newline-fqdn-crlf.txt");
    let pem = pem::decode(body).unwrap();
    assert_eq!(pem.blocks().len(), 3);
    assert!(
        pem.blocks().iter().all(|b| b.armour_ok()),
        "CRLF is canonical"
    );
    let der: Vec<&[u8]> = pem.blocks().iter().map(|b| b.der()).collect();
    assert!(der.contains(&LEAF) && der.contains(&ROOT) && der.contains(&INTERMEDIATE));
    assert_eq!(pem.warnings()[0].kind(), WarningKind::SurroundingText);
}

#[test]
fn pem_documentation_placeholder_text_is_a_base64_error_naming_the_block() {
    let body = include_bytes!("../testdata/spec/t01-collect-ssl-newline-armour.txt");
    let err = pem::decode(body).unwrap_err();
    assert_eq!(err.format(), Format::Pem);
    assert!(
        matches!(err.kind(), DecodeErrorKind::InvalidBase64 { .. }),
        "{err}"
    );
    assert_eq!(err.field(), Some("CERTIFICATE"));
    assert_eq!(err.line(), Some(3), "{err}");
    let offset = err.offset().unwrap();
    let line3 = body
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(1)
        .unwrap()
        .0
        + 1;
    assert!((line3..line3 + 24).contains(&offset), "{err}");
}

#[test]
fn pem_field_with_several_blocks_and_plus_turned_into_spaces() {
    // The push notification's caCertificate: several PEM blocks in one field, form-decoded
    // from a body that did not encode `+`.
    let text = String::from_utf8(CHAIN_PEM.to_vec()).unwrap();
    assert!(text.contains('+'));
    let mangled = text.replace('+', " ");
    assert!(pem::decode(mangled.as_bytes()).is_err());
    let pem = pem::decode_field(&mangled).unwrap();
    let der: Vec<&[u8]> = pem.blocks().iter().map(|b| b.der()).collect();
    assert_eq!(der, [LEAF, INTERMEDIATE, ROOT]);
    assert!(
        pem.warnings()
            .iter()
            .any(|w| w.kind() == WarningKind::SpaceInBase64)
    );
}

#[test]
fn pem_flood_of_empty_blocks_is_refused_fast() {
    let flood = "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n".repeat(100_000);
    let start = Instant::now();
    let err = pem::decode(flood.as_bytes()).unwrap_err();
    assert!(start.elapsed() < FAST);
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: Limit::PemBlocks,
            max: Limits::DEFAULT.max_pem_blocks
        }
    );
}

#[test]
fn pem_pathological_dashes_stay_linear() {
    for text in [
        "-".repeat(1 << 20),
        "--- BEGIN ".repeat(100_000),
        "-----BEGIN X-----".to_owned() + &"-----BEGIN".repeat(100_000),
        "-----BEGIN X-----\n".to_owned() + &"--- END x".repeat(100_000),
    ] {
        let start = Instant::now();
        // Some of these are (very lenient) boundaries; what matters is the time.
        let _ = pem::decode(text.as_bytes());
        let _ = pem::contains_pem(text.as_bytes());
        assert!(start.elapsed() < FAST, "{}", &text[..20]);
    }
}

// --- base64 in URL-encoded fields ------------------------------------------------------

#[test]
fn url_encoded_certificate_fields_decode_to_the_der() {
    let body = include_bytes!("../testdata/collect-ssl/ok-urlenc-individual.txt");
    let ca = form_field(body, "caCertificate");
    assert_eq!(ca.len(), 2);
    let ca: Vec<Vec<u8>> = ca
        .iter()
        .map(|v| base64::decode_field(v).unwrap().into_bytes())
        .collect();
    assert_eq!(ca, [ROOT, INTERMEDIATE], "root first, as sent");
    let leaf = base64::decode_field(&form_field(body, "certificate")[0]).unwrap();
    assert_eq!(leaf.bytes(), LEAF);
    assert!(leaf.warnings().is_empty());
}

#[test]
fn raw_plus_turned_into_space_by_form_decoding_is_restored() {
    let body = include_bytes!("../testdata/collect-ssl/ok-urlenc-raw-plus.txt");
    let leaf = &form_field(body, "certificate")[0];
    assert!(
        leaf.contains(' '),
        "the form decoder turned `+` into spaces"
    );
    // Read as plain base64 the spaces are skipped, and the bytes are wrong or invalid.
    assert!(base64::decode(leaf.as_bytes()).map_or(true, |d| d.bytes() != LEAF));
    let decoded = base64::decode_field(leaf).unwrap();
    assert_eq!(decoded.bytes(), LEAF);
    let w = &decoded.warnings()[0];
    assert_eq!(w.kind(), WarningKind::SpaceInBase64);
    assert_eq!(w.offset(), leaf.find(' '));
    let ca: Vec<Vec<u8>> = form_field(body, "caCertificate")
        .iter()
        .map(|v| base64::decode_field(v).unwrap().into_bytes())
        .collect();
    assert_eq!(ca, [ROOT, INTERMEDIATE]);
}

#[test]
fn cabundle_query_returns_the_ca_certificates() {
    let body = include_bytes!("../testdata/collect-ssl/ok-urlenc-cabundle.txt");
    let ca: Vec<Vec<u8>> = form_field(body, "caCertificate")
        .iter()
        .map(|v| base64::decode_field(v).unwrap().into_bytes())
        .collect();
    assert_eq!(ca, [ROOT, INTERMEDIATE]);
}

#[test]
fn base64_error_offset_in_field_points_at_the_character() {
    let body = include_bytes!("../testdata/collect-ssl/ok-urlenc-individual.txt");
    let mut leaf = form_field(body, "certificate").remove(0);
    leaf.replace_range(100..101, "*");
    let err = base64::decode_field(&leaf).unwrap_err();
    assert_eq!(err.format(), Format::Base64);
    assert_eq!(err.offset(), Some(100));
}

// --- PKCS#7 ------------------------------------------------------------------------------

#[test]
fn pkcs7_der_keeps_message_order() {
    let p7 = pkcs7::parse_der(include_bytes!("../testdata/pkcs7/chain.p7b")).unwrap();
    assert_eq!(p7.certificates(), [LEAF, INTERMEDIATE, ROOT]);
    assert!(!p7.is_ber());
    let p7 = pkcs7::parse_der(include_bytes!("../testdata/pkcs7/chain-root-first.p7b")).unwrap();
    assert_eq!(p7.certificates(), [ROOT, INTERMEDIATE, LEAF]);
}

#[test]
fn pkcs7_pem_and_base64_forms() {
    let expected = [LEAF.to_vec(), INTERMEDIATE.to_vec(), ROOT.to_vec()];
    assert_eq!(
        pkcs7::decode(include_bytes!("../testdata/pkcs7/chain.p7b.pem")).unwrap(),
        expected
    );
    assert_eq!(
        pkcs7::decode(include_bytes!("../testdata/pkcs7/chain.p7b.b64")).unwrap(),
        expected
    );
    assert_eq!(
        pkcs7::decode(include_bytes!("../testdata/pkcs7/chain.p7b")).unwrap(),
        expected
    );
    // CMS label.
    let cms = pem::encode(
        &PemLabel::Other("CMS".into()),
        include_bytes!("../testdata/pkcs7/chain.p7b"),
    );
    assert_eq!(pkcs7::decode(cms.as_bytes()).unwrap(), expected);
}

#[test]
fn pkcs7_indefinite_length_ber_as_windows_writes_it() {
    let ber = include_bytes!("../testdata/pkcs7/chain-indefinite.p7b");
    assert_eq!(&ber[..2], [0x30, 0x80]);
    let p7 = pkcs7::parse_der(ber).unwrap();
    assert_eq!(p7.certificates(), [LEAF, INTERMEDIATE, ROOT]);
    assert!(p7.is_ber());
    let decoded = pkcs7::decode_certificates(ber, &Limits::DEFAULT).unwrap();
    assert_eq!(decoded.der().len(), 3);
    assert_eq!(decoded.warnings()[0].kind(), WarningKind::BerEncoding);
    assert_eq!(decoded.warnings()[0].format(), Format::Pkcs7);
}

#[test]
fn pkcs7_genuine_openssl_ber_stream_with_signer() {
    let p7 = pkcs7::parse_der(include_bytes!("../testdata/pkcs7/signed-stream.ber")).unwrap();
    assert!(p7.is_ber());
    let mut certs: Vec<&[u8]> = p7.certificates().to_vec();
    certs.sort();
    let mut expected = vec![LEAF, INTERMEDIATE];
    expected.sort();
    assert_eq!(certs, expected);
}

#[test]
fn pkcs7_other_content_types_are_refused() {
    for (file, oid) in [
        (
            &include_bytes!("../testdata/pkcs7/content-data.der")[..],
            "1.2.840.113549.1.7.1",
        ),
        (
            &include_bytes!("../testdata/pkcs7/content-enveloped.der")[..],
            "1.2.840.113549.1.7.3",
        ),
    ] {
        let err = pkcs7::parse_der(file).unwrap_err();
        assert_eq!(err.format(), Format::Pkcs7);
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::UnexpectedContentType {
                oid: oid.into(),
                expected: "signedData (1.2.840.113549.1.7.2)"
            }
        );
        assert!(err.offset().is_some());
    }
}

#[test]
fn pkcs7_in_url_encoded_and_newline_bodies() {
    let body = include_bytes!("../testdata/collect-ssl/ok-urlenc-pkcs7.txt");
    let der = base64::decode_field(&form_field(body, "pkcs7")[0])
        .unwrap()
        .into_bytes();
    assert_eq!(
        pkcs7::parse_der(&der).unwrap().certificates(),
        [LEAF, INTERMEDIATE, ROOT]
    );
    // CollectPAC newline: status line, then base64 at 76 columns.
    let body = include_bytes!("../testdata/collect-pac/ok-newline-pkcs7.txt");
    let nl = body.iter().position(|&b| b == b'\n').unwrap();
    assert_eq!(&body[..nl], b"2");
    let certs = pkcs7::decode(&body[nl + 1..]).unwrap();
    assert_eq!(certs, [LEAF.to_vec(), INTERMEDIATE.to_vec(), ROOT.to_vec()]);
}

#[test]
fn pkcs7_error_inside_base64_has_context() {
    let mut der = include_bytes!("../testdata/pkcs7/chain.p7b").to_vec();
    der.truncate(100);
    let text = base64::encode(&der);
    let err = pkcs7::decode(text.as_bytes()).unwrap_err();
    assert_eq!(err.format(), Format::Pkcs7);
    assert!(matches!(err.kind(), DecodeErrorKind::Der { .. }), "{err}");
    assert_eq!(err.context()[0].format(), Format::Base64);
}

#[test]
fn pkcs7_deep_nesting_fails_fast_without_stack_overflow() {
    for unit in [
        &[0x30, 0x80][..],
        &[0xa0, 0x80],
        &[0x30, 0x84, 0xff, 0xff, 0xff, 0xff],
    ] {
        let der = unit.repeat(100_000);
        let start = Instant::now();
        let err = pkcs7::parse_der(&der).unwrap_err();
        assert!(start.elapsed() < FAST);
        assert!(matches!(
            err.kind(),
            DecodeErrorKind::LimitExceeded { .. } | DecodeErrorKind::Der { .. }
        ));
    }
    let err = pkcs7::parse_der(&[0x30, 0x80].repeat(100_000)).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: Limit::DerDepth,
            max: MAX_DER_DEPTH
        }
    );
}

#[test]
fn pkcs7_certificate_limit_at_cap_and_one_past() {
    let bag = include_bytes!("../testdata/pkcs7/chain.p7b");
    let mut limits = Limits::DEFAULT;
    limits.max_certificates = 3;
    assert_eq!(
        pkcs7::parse_der_with(bag, &limits)
            .unwrap()
            .certificates()
            .len(),
        3
    );
    limits.max_certificates = 2;
    let err = pkcs7::parse_der_with(bag, &limits).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: Limit::Certificates,
            max: 2
        }
    );
}

// --- Netscape --------------------------------------------------------------------------

#[test]
fn netscape_sequence_root_first() {
    let nsc = include_bytes!("../testdata/netscape/chain.nsc");
    assert_eq!(
        netscape::parse_der(nsc).unwrap(),
        [ROOT, INTERMEDIATE, LEAF]
    );
    let body = include_bytes!("../testdata/collect-ssl/ok-urlenc-netscape.txt");
    let der = base64::decode_field(&form_field(body, "netscapeCertificateSequence")[0])
        .unwrap()
        .into_bytes();
    assert_eq!(
        netscape::parse_der(&der).unwrap(),
        [ROOT, INTERMEDIATE, LEAF]
    );
    let as_pem = pem::encode(&PemLabel::NetscapeCertificateSequence, nsc);
    assert_eq!(netscape::decode(as_pem.as_bytes()).unwrap().len(), 3);
    // A PKCS#7 bag is not a Netscape sequence.
    let err = netscape::parse_der(include_bytes!("../testdata/pkcs7/chain.p7b")).unwrap_err();
    assert!(matches!(
        err.kind(),
        DecodeErrorKind::UnexpectedContentType { .. }
    ));
}

// --- ZIP -------------------------------------------------------------------------------

#[test]
fn zip_bundle_with_duplicates() {
    let certs = zip::certificates(
        include_bytes!("../testdata/zip/chain.zip"),
        &Limits::DEFAULT,
    )
    .unwrap();
    let got: Vec<(&str, &[u8])> = certs
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    assert_eq!(
        got,
        [
            ("shop_example_com.crt", LEAF),
            ("shop_example_com.ca-bundle", INTERMEDIATE),
            ("shop_example_com.ca-bundle", ROOT),
            ("CodecTestDVServerCAR2.crt", INTERMEDIATE),
            ("CodecTestRootCAR1.crt", ROOT),
        ]
    );
}

#[test]
fn zip_der_members_and_readme_skipped() {
    let certs = zip::certificates(
        include_bytes!("../testdata/zip/chain-der.zip"),
        &Limits::DEFAULT,
    )
    .unwrap();
    let got: Vec<(&str, &[u8])> = certs
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    assert_eq!(
        got,
        [
            ("leaf.cer", LEAF),
            ("intermediate.cer", INTERMEDIATE),
            ("root.cer", ROOT)
        ]
    );
}

#[test]
fn zip_in_url_encoded_body() {
    let body = include_bytes!("../testdata/collect-ssl/ok-urlenc-zip.txt");
    let archive = base64::decode_field(&form_field(body, "zipFile")[0])
        .unwrap()
        .into_bytes();
    assert_eq!(archive, include_bytes!("../testdata/zip/chain.zip"));
}

#[test]
fn zip_bomb_hits_the_uncompressed_size_limit() {
    let bomb = include_bytes!("../testdata/zip/bomb.zip");
    assert!(bomb.len() < 100 * 1024);
    let start = Instant::now();
    let err = zip::entries(bomb, &Limits::DEFAULT).unwrap_err();
    assert!(start.elapsed() < Duration::from_secs(10));
    assert_eq!(err.format(), Format::Zip);
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: Limit::ZipUncompressedSize,
            max: Limits::DEFAULT.max_zip_uncompressed_size
        }
    );
    assert_eq!(err.field(), Some("bomb.crt"));
}

#[test]
fn zip_uncompressed_limit_at_cap_and_one_past() {
    let archive = include_bytes!("../testdata/zip/chain-der.zip");
    let total: usize = zip::entries(archive, &Limits::DEFAULT)
        .unwrap()
        .iter()
        .map(|e| e.data().len())
        .sum();
    assert_eq!(total, 40 + LEAF.len() + INTERMEDIATE.len() + ROOT.len());
    let mut limits = Limits::DEFAULT;
    limits.max_zip_uncompressed_size = total;
    assert_eq!(zip::entries(archive, &limits).unwrap().len(), 4);
    limits.max_zip_uncompressed_size = total - 1;
    let err = zip::entries(archive, &limits).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: Limit::ZipUncompressedSize,
            max: total - 1
        }
    );
    assert_eq!(err.field(), Some("root.cer"));
}

#[test]
fn zip_entry_limit_at_cap_and_one_past() {
    let archive = include_bytes!("../testdata/zip/too-many-entries.zip");
    let err = zip::entries(archive, &Limits::DEFAULT).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: Limit::ZipEntries,
            max: 64
        }
    );
    let mut limits = Limits::DEFAULT;
    limits.max_zip_entries = 65;
    assert_eq!(zip::entries(archive, &limits).unwrap().len(), 65);
}

#[test]
fn zip_certificate_limit_counts_across_entries() {
    let archive = include_bytes!("../testdata/zip/chain.zip");
    let mut limits = Limits::DEFAULT;
    limits.max_certificates = 5;
    assert_eq!(zip::certificates(archive, &limits).unwrap().len(), 5);
    limits.max_certificates = 4;
    let err = zip::certificates(archive, &limits).unwrap_err();
    assert_eq!(
        err.kind(),
        &DecodeErrorKind::LimitExceeded {
            limit: Limit::Certificates,
            max: 4
        }
    );
    assert_eq!(err.field(), Some("CodecTestRootCAR1.crt"));
}

#[test]
fn zip_garbage_is_a_zip_error() {
    let mut archive = include_bytes!("../testdata/zip/chain.zip").to_vec();
    let mid = archive.len() / 3;
    archive[mid..mid + 40].fill(0x55);
    let err = zip::certificates(&archive, &Limits::DEFAULT).unwrap_err();
    assert!(
        matches!(err.kind(), DecodeErrorKind::Zip { .. }) || !err.context().is_empty(),
        "{err}"
    );
}

// --- Properties ------------------------------------------------------------------------

fn label() -> impl Strategy<Value = PemLabel> {
    prop_oneof![
        Just(PemLabel::Certificate),
        Just(PemLabel::Pkcs7),
        Just(PemLabel::CertificateRequest),
        Just(PemLabel::NewCertificateRequest),
        Just(PemLabel::NetscapeCertificateSequence),
        // RFC 7468 labelchars (no '-' at the ends), single spaces or hyphens inside.
        "[A-Z0-9#.]{1,8}( [A-Z0-9]{1,8}){0,2}(-[A-Z]{1,4})?".prop_map(|s| PemLabel::from_label(&s)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn pem_encode_decode_round_trip(der in proptest::collection::vec(any::<u8>(), 0..600), label in label()) {
        let text = pem::encode(&label, &der);
        let pem = pem::decode(text.as_bytes()).unwrap();
        prop_assert_eq!(pem.blocks().len(), 1);
        prop_assert_eq!(pem.blocks()[0].label(), &label);
        prop_assert_eq!(pem.blocks()[0].der(), der.as_slice());
        prop_assert!(pem.blocks()[0].armour_ok());
        prop_assert!(pem.warnings().is_empty());
    }

    #[test]
    fn pem_decode_survives_armour_mutations(
        der in proptest::collection::vec(any::<u8>(), 1..300),
        label in label(),
        crlf in any::<bool>(),
        lead in 3usize..9,
        trail in 3usize..9,
        inner_space in 0usize..3,
        lower in any::<bool>(),
        indent in 0usize..3,
        text_before in "[a-z0-9 ]{0,12}",
    ) {
        let canonical = pem::encode(&label, &der);
        let boundary = |kind: &str| {
            let kw = if lower { kind.to_ascii_lowercase() } else { kind.to_owned() };
            let l = if lower { label.as_str().to_ascii_lowercase() } else { label.as_str().to_owned() };
            format!("{}{}{}{kw} {l}{}{}", " ".repeat(indent), "-".repeat(lead), " ".repeat(inner_space), " ".repeat(inner_space), "-".repeat(trail))
        };
        let mut lines: Vec<String> = canonical.lines().map(str::to_owned).collect();
        let last = lines.len().saturating_sub(1);
        lines[0] = boundary("BEGIN");
        lines[last] = boundary("END");
        let eol = if crlf { "\r\n" } else { "\n" };
        let text = format!("{text_before}\n{}{eol}", lines.join(eol));
        let pem = pem::decode(text.as_bytes()).unwrap();
        prop_assert_eq!(pem.blocks().len(), 1);
        prop_assert_eq!(pem.blocks()[0].label(), &label);
        prop_assert_eq!(pem.blocks()[0].der(), der.as_slice());
        let mutated = lead != 5 || trail != 5 || inner_space != 0 || lower || indent != 0;
        prop_assert_eq!(pem.blocks()[0].armour_ok(), !mutated);
        prop_assert_eq!(
            pem.warnings().iter().any(|w| w.kind() == WarningKind::MalformedPemArmour),
            mutated
        );
    }

    #[test]
    fn base64_field_round_trip_with_plus_mangled(bytes in proptest::collection::vec(any::<u8>(), 1..300)) {
        let text = base64::encode(&bytes);
        let mangled = text.replace('+', " ");
        let decoded = base64::decode_field(&mangled).unwrap();
        prop_assert_eq!(decoded.bytes(), bytes.as_slice());
        prop_assert_eq!(decoded.warnings().is_empty(), !text.contains('+'));
    }

    #[test]
    fn decoders_never_panic_on_arbitrary_bytes(input in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = base64::decode(&input);
        let _ = pem::decode(&input);
        let _ = pem::contains_pem(&input);
        let _ = pkcs7::parse_der(&input);
        let _ = pkcs7::decode(&input);
        let _ = netscape::decode(&input);
        let _ = zip::certificates(&input, &Limits::DEFAULT);
        if let Ok(text) = std::str::from_utf8(&input) {
            let _ = base64::decode_field(text);
            let _ = pem::decode_field(text);
        }
    }

    #[test]
    fn pkcs7_walk_never_panics_on_mutated_bags(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        truncate in any::<prop::sample::Index>(),
    ) {
        let mut bag = include_bytes!("../testdata/pkcs7/chain-indefinite.p7b").to_vec();
        for (at, byte) in flips {
            let i = at.index(bag.len());
            bag[i] = byte;
        }
        let _ = pkcs7::parse_der(&bag);
        bag.truncate(truncate.index(bag.len()));
        let _ = pkcs7::parse_der(&bag);
    }
}
