//! The certificate model against openssl's own reading of the fixtures
//! (`testdata/chain/expected.txt`, `testdata/names/expected.txt`), and chain ordering.

// Tests unwrap, index and compute freely.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

use std::net::IpAddr;

use proptest::prelude::*;
use sectigo_codec::cert::SubjectAltName;
use sectigo_codec::codec::{pem, pkcs7, zip};
use sectigo_codec::{Certificate, Chain, Limits, Role, WarningKind};

fn pem_cert(text: &[u8]) -> Certificate {
    let pem = pem::decode(text).unwrap();
    assert_eq!(pem.blocks().len(), 1);
    Certificate::from_der(pem.blocks()[0].der()).unwrap()
}

fn fixture(name: &str) -> Certificate {
    let text: &[u8] = match name {
        "root" => include_bytes!("../testdata/chain/root.pem"),
        "intermediate" => include_bytes!("../testdata/chain/intermediate.pem"),
        "leaf" => include_bytes!("../testdata/chain/leaf.pem"),
        "ec-root" => include_bytes!("../testdata/chain/ec-root.pem"),
        "ec-leaf" => include_bytes!("../testdata/chain/ec-leaf.pem"),
        "names/utf8" => include_bytes!("../testdata/names/utf8.pem"),
        "names/t61" => include_bytes!("../testdata/names/t61.pem"),
        "names/bmp" => include_bytes!("../testdata/names/bmp.pem"),
        "cycle/x" => include_bytes!("../testdata/cycle/x.pem"),
        "cycle/y" => include_bytes!("../testdata/cycle/y.pem"),
        other => panic!("no fixture {other}"),
    };
    pem_cert(text)
}

fn subjects(chain: &Chain) -> Vec<&str> {
    chain
        .certificates()
        .iter()
        .map(Certificate::subject)
        .collect()
}

#[test]
fn model_matches_openssl_for_every_fixture() {
    let expected = include_str!("../testdata/chain/expected.txt");
    let mut seen = 0;
    for line in expected.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('|').collect();
        assert_eq!(f.len(), 7, "{line}");
        let cert = fixture(f[0]);
        assert_eq!(cert.sha256_hex(), f[1], "{}", f[0]);
        assert_eq!(cert.subject(), f[2], "{}", f[0]);
        assert_eq!(cert.issuer(), f[3], "{}", f[0]);
        assert_eq!(cert.serial(), f[4], "{}", f[0]);
        assert_eq!(
            cert.not_before().unix(),
            f[5].parse::<i64>().unwrap(),
            "{}",
            f[0]
        );
        assert_eq!(
            cert.not_after().unix(),
            f[6].parse::<i64>().unwrap(),
            "{}",
            f[0]
        );
        seen += 1;
    }
    assert_eq!(seen, 5);
}

#[test]
fn names_need_escaping_and_string_types_like_openssl() {
    let expected = include_str!("../testdata/names/expected.txt");
    let mut seen = 0;
    for line in expected.lines().filter(|l| !l.starts_with('#')) {
        let (file, subject) = line.split_once('|').unwrap();
        let cert = fixture(&format!("names/{file}"));
        assert_eq!(cert.subject(), subject, "{file}");
        assert_eq!(cert.issuer(), subject, "{file} is self-signed");
        seen += 1;
    }
    assert_eq!(seen, 3);
}

#[test]
fn der_and_fingerprint_are_the_input() {
    let der = include_bytes!("../testdata/chain/leaf.der");
    let cert = Certificate::from_der(der).unwrap();
    assert_eq!(cert.der(), der);
    assert_eq!(cert.sha256().len(), 32);
    assert_eq!(cert.sha256_hex().len(), 64);
    assert_eq!(cert.clone().into_der(), der);
}

#[test]
fn leaf_subject_alternative_names() {
    let leaf = fixture("leaf");
    assert_eq!(
        leaf.subject_alt_names(),
        [
            SubjectAltName::Dns("shop.example.com".into()),
            SubjectAltName::Dns("www.shop.example.com".into()),
            SubjectAltName::Dns("api.shop.example.com".into()),
            SubjectAltName::Dns("*.static.example.com".into()),
            SubjectAltName::Ip("192.0.2.10".parse::<IpAddr>().unwrap()),
        ]
    );
    let ec = fixture("ec-leaf");
    assert_eq!(
        ec.subject_alt_names(),
        [
            SubjectAltName::Dns("mail.example.org".into()),
            SubjectAltName::Dns("smtp.example.org".into()),
            SubjectAltName::Ip("2001:db8::25".parse::<IpAddr>().unwrap()),
            SubjectAltName::Email("postmaster@example.org".into()),
        ]
    );
    assert!(fixture("root").subject_alt_names().is_empty());
}

#[test]
fn ca_flags_key_ids_and_links() {
    let (root, int, leaf) = (fixture("root"), fixture("intermediate"), fixture("leaf"));
    assert!(root.is_ca() && root.is_self_issued());
    assert!(int.is_ca() && !int.is_self_issued());
    assert!(!leaf.is_ca() && !leaf.is_self_issued());
    assert_eq!(leaf.authority_key_id(), int.subject_key_id());
    assert_eq!(int.authority_key_id(), root.subject_key_id());
    assert!(root.subject_key_id().is_some());
    assert!(leaf.is_issued_by(&int) && int.is_issued_by(&root));
    assert!(!leaf.is_issued_by(&root) && !int.is_issued_by(&leaf));
    assert_eq!(leaf.issuer_raw(), int.subject_raw());
    assert_eq!(Role::of(&root), Role::Root);
    assert_eq!(Role::of(&int), Role::Intermediate);
    assert_eq!(Role::of(&leaf), Role::EndEntity);
    assert_eq!(Role::EndEntity.as_str(), "end-entity");
    assert_eq!(Role::Intermediate.to_string(), "intermediate");
    assert_eq!(Role::Root.as_str(), "root");
}

#[test]
fn documentation_order_is_reordered_end_entity_first() {
    // CollectSSL's newline sample order: root, intermediate, end-entity.
    let body = include_bytes!("../testdata/collect-ssl/ok-newline-doc-armour.txt");
    let certs: Vec<Certificate> = pem::decode(body)
        .unwrap()
        .blocks()
        .iter()
        .map(|b| Certificate::from_der(b.der()).unwrap())
        .collect();
    assert_eq!(certs[0].subject(), fixture("root").subject());
    let chain = Chain::order(certs);
    assert_eq!(
        subjects(&chain),
        [
            "CN=shop.example.com",
            "CN=Codec Test DV Server CA R2,O=sectigo-codec tests,L=Salford,ST=Greater Manchester,C=GB",
            "CN=Codec Test Root CA R1,O=sectigo-codec tests,C=GB",
        ]
    );
    assert_eq!(
        chain.roles(),
        [Role::EndEntity, Role::Intermediate, Role::Root]
    );
    assert_eq!(chain.end_entity().unwrap().subject(), "CN=shop.example.com");
    assert!(chain.warnings().is_empty());
    let pairs: Vec<(String, Role)> = chain
        .iter()
        .map(|(c, r)| (c.serial().to_owned(), r))
        .collect();
    assert_eq!(pairs[2], ("01".to_owned(), Role::Root));
    assert_eq!((&chain).into_iter().count(), 3);
}

#[test]
fn zip_bundle_duplicates_are_removed_with_warnings() {
    let certs: Vec<Certificate> = zip::certificates(
        include_bytes!("../testdata/zip/chain.zip"),
        &Limits::DEFAULT,
    )
    .unwrap()
    .iter()
    .map(|(_, der)| Certificate::from_der(der).unwrap())
    .collect();
    assert_eq!(certs.len(), 5);
    let chain = Chain::order(certs);
    assert_eq!(chain.len(), 3);
    assert_eq!(
        chain.roles(),
        [Role::EndEntity, Role::Intermediate, Role::Root]
    );
    let kinds: Vec<WarningKind> = chain.warnings().iter().map(|w| w.kind()).collect();
    assert_eq!(
        kinds,
        [
            WarningKind::DuplicateCertificate,
            WarningKind::DuplicateCertificate
        ]
    );
}

#[test]
fn root_first_pkcs7_bag_is_reordered() {
    let bag = include_bytes!("../testdata/pkcs7/chain-root-first.p7b");
    let certs = pkcs7::parse_der(bag)
        .unwrap()
        .certificates()
        .iter()
        .map(|der| Certificate::from_der(der).unwrap())
        .collect();
    let chain = Chain::order(certs);
    assert_eq!(
        chain.end_entity().unwrap().der(),
        include_bytes!("../testdata/chain/leaf.der")
    );
    assert_eq!(
        chain.certificates()[2].der(),
        include_bytes!("../testdata/chain/root.der")
    );
}

#[test]
fn ca_bundle_without_end_entity() {
    let chain = Chain::order(vec![fixture("root"), fixture("intermediate")]);
    assert_eq!(chain.roles(), [Role::Intermediate, Role::Root]);
    assert!(chain.end_entity().is_none());
    assert!(chain.warnings().is_empty());
}

#[test]
fn missing_root_is_not_a_warning_but_a_gap_is() {
    let chain = Chain::order(vec![fixture("intermediate"), fixture("leaf")]);
    assert_eq!(chain.roles(), [Role::EndEntity, Role::Intermediate]);
    assert!(chain.warnings().is_empty());
    // Leaf and root without the intermediate: two separate pieces.
    let chain = Chain::order(vec![fixture("root"), fixture("leaf")]);
    assert_eq!(chain.roles(), [Role::EndEntity, Role::Root]);
    assert_eq!(chain.warnings()[0].kind(), WarningKind::DisconnectedChain);
}

#[test]
fn two_chains_are_kept_apart_and_flagged() {
    let chain = Chain::order(vec![
        fixture("ec-root"),
        fixture("root"),
        fixture("leaf"),
        fixture("ec-leaf"),
        fixture("intermediate"),
    ]);
    assert_eq!(chain.len(), 5);
    assert_eq!(chain.warnings().len(), 1);
    assert_eq!(chain.warnings()[0].kind(), WarningKind::DisconnectedChain);
    // Each piece is in chain order: a leaf, then its issuers.
    let s = subjects(&chain);
    let leaf = s.iter().position(|x| *x == "CN=shop.example.com").unwrap();
    assert!(s[leaf + 1].starts_with("CN=Codec Test DV Server CA R2"));
    assert!(s[leaf + 2].starts_with("CN=Codec Test Root CA R1"));
    let ec = s
        .iter()
        .position(|x| x.starts_with("CN=mail.example.org"))
        .unwrap();
    assert!(s[ec + 1].starts_with("CN=Codec Test ECC Root"));
}

#[test]
fn cycle_does_not_hang_and_is_deterministic() {
    let a = Chain::order(vec![fixture("cycle/x"), fixture("cycle/y")]);
    let b = Chain::order(vec![fixture("cycle/y"), fixture("cycle/x")]);
    assert_eq!(a, b);
    assert_eq!(a.len(), 2);
    assert_eq!(a.roles(), [Role::Intermediate, Role::Intermediate]);
    assert!(fixture("cycle/x").is_issued_by(&fixture("cycle/y")));
    assert!(fixture("cycle/y").is_issued_by(&fixture("cycle/x")));
    // With duplicates and an unrelated leaf.
    let c = Chain::order(vec![
        fixture("cycle/x"),
        fixture("leaf"),
        fixture("cycle/y"),
        fixture("cycle/x"),
    ]);
    assert_eq!(c.len(), 3);
    assert_eq!(c.roles()[0], Role::EndEntity);
}

#[test]
fn empty_and_single() {
    let chain = Chain::order(Vec::new());
    assert!(chain.is_empty());
    assert!(chain.end_entity().is_none());
    let chain = Chain::order(vec![fixture("leaf")]);
    assert_eq!(chain.roles(), [Role::EndEntity]);
    assert!(chain.warnings().is_empty());
}

/// Deterministic Fisher-Yates shuffle driven by an LCG seeded with `seed`.
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed;
    for i in (1..items.len()).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = usize::try_from(state >> 33).unwrap() % (i + 1);
        items.swap(i, j);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Every permutation of the chain, with any number of duplicates, gives the same order.
    #[test]
    fn order_is_independent_of_input_order_and_duplicates(
        extra in proptest::collection::vec(0usize..3, 0..6),
        seed in any::<u64>(),
    ) {
        let base = [fixture("leaf"), fixture("intermediate"), fixture("root")];
        let mut input: Vec<Certificate> = base.to_vec();
        input.extend(extra.iter().map(|&i| base[i].clone()));
        shuffle(&mut input, seed);
        let chain = Chain::order(input);
        prop_assert_eq!(chain.certificates(), &base[..]);
        prop_assert_eq!(chain.roles(), &[Role::EndEntity, Role::Intermediate, Role::Root][..]);
        prop_assert_eq!(chain.warnings().len(), extra.len());
        prop_assert!(chain.warnings().iter().all(|w| w.kind() == WarningKind::DuplicateCertificate));
    }

    /// Mixed chains (RSA and ECDSA, plus the cycle) give the same result in any order.
    #[test]
    fn mixed_sets_are_deterministic(mask in 1u32..(1 << 7), seed in any::<u64>()) {
        let all = ["leaf", "intermediate", "root", "ec-leaf", "ec-root", "cycle/x", "cycle/y"];
        let chosen: Vec<Certificate> = all
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, n)| fixture(n))
            .collect();
        let mut shuffled = chosen.clone();
        shuffle(&mut shuffled, seed);
        let a = Chain::order(chosen);
        let b = Chain::order(shuffled);
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(a.len(), mask.count_ones() as usize);
        // Every certificate is followed by its issuer, unless its issuer is absent or placed.
        for w in a.certificates().windows(2) {
            if !w[0].is_self_issued() && a.certificates().iter().any(|p| w[0].is_issued_by(p) && p != &w[0]) {
                let parent_pos = a.certificates().iter().position(|p| w[0].is_issued_by(p) && p != &w[0]).unwrap();
                let child_pos = a.certificates().iter().position(|c| c == &w[0]).unwrap();
                prop_assert!(parent_pos == child_pos.wrapping_add(1) || parent_pos < child_pos);
            }
        }
    }

    #[test]
    fn from_der_never_panics_on_mutated_certificates(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
        truncate in any::<prop::sample::Index>(),
    ) {
        let mut der = include_bytes!("../testdata/chain/intermediate.der").to_vec();
        for (at, byte) in flips {
            let i = at.index(der.len());
            der[i] = byte;
        }
        let _ = Certificate::from_der(&der);
        der.truncate(truncate.index(der.len()));
        prop_assert!(Certificate::from_der(&der).is_err());
    }
}
