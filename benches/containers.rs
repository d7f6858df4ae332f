//! Container decoding against the crates a user would otherwise reach for.
//!
//! * PEM: split `testdata/chain/chain.pem` (3 certificates, 6 KB) and decode the base64 of
//!   every block, against `rustls-pki-types` (`CertificateDer::pem_slice_iter`) and the `pem`
//!   crate (`pem::parse_many`).
//! * PKCS#7: take the certificates out of `testdata/pkcs7/chain.p7b` (DER certs-only bag),
//!   against `cms` (`ContentInfo` → `SignedData`, certificates re-encoded as DER).
//! * Also: base64 of a URL-encoded field, certificate parsing, chain ordering.
//!
//! Run: `cargo bench --bench containers -- --warm-up-time 1 --measurement-time 3`

// Benchmarks unwrap and index freely.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use sectigo_codec::codec::{base64, pem, pkcs7};
use sectigo_codec::{Certificate, Chain};

const CHAIN_PEM: &[u8] = include_bytes!("../testdata/chain/chain.pem");
const CHAIN_P7B: &[u8] = include_bytes!("../testdata/pkcs7/chain.p7b");
const CHAIN_P7B_BER: &[u8] = include_bytes!("../testdata/pkcs7/chain-indefinite.p7b");

fn pem_chain(c: &mut Criterion) {
    let mut g = c.benchmark_group("pem_chain_3_certs");
    g.bench_function("sectigo_codec::pem::decode", |b| {
        b.iter(|| {
            let pem = pem::decode(black_box(CHAIN_PEM)).unwrap();
            assert_eq!(pem.blocks().len(), 3);
            pem
        });
    });
    g.bench_function("rustls_pki_types::pem_slice_iter", |b| {
        use rustls_pki_types::CertificateDer;
        use rustls_pki_types::pem::PemObject as _;
        b.iter(|| {
            let certs: Vec<CertificateDer<'static>> =
                CertificateDer::pem_slice_iter(black_box(CHAIN_PEM))
                    .collect::<Result<_, _>>()
                    .unwrap();
            assert_eq!(certs.len(), 3);
            certs
        });
    });
    g.bench_function("pem::parse_many", |b| {
        b.iter(|| {
            let blocks = ::pem::parse_many(black_box(CHAIN_PEM)).unwrap();
            assert_eq!(blocks.len(), 3);
            blocks
        });
    });
    g.finish();
}

fn pkcs7_chain(c: &mut Criterion) {
    let mut g = c.benchmark_group("pkcs7_chain_3_certs");
    g.bench_function("sectigo_codec::pkcs7::parse_der", |b| {
        b.iter(|| {
            let p7 = pkcs7::parse_der(black_box(CHAIN_P7B)).unwrap();
            assert_eq!(p7.certificates().len(), 3);
            p7
        });
    });
    g.bench_function("sectigo_codec::pkcs7::parse_der (BER)", |b| {
        b.iter(|| {
            let p7 = pkcs7::parse_der(black_box(CHAIN_P7B_BER)).unwrap();
            assert_eq!(p7.certificates().len(), 3);
            p7
        });
    });
    g.bench_function("cms::SignedData + re-encode", |b| {
        use cms::cert::CertificateChoices;
        use cms::content_info::ContentInfo;
        use cms::signed_data::SignedData;
        use der::{Decode as _, Encode as _};
        b.iter(|| {
            let ci = ContentInfo::from_der(black_box(CHAIN_P7B)).unwrap();
            let sd: SignedData = ci.content.decode_as().unwrap();
            let certs: Vec<Vec<u8>> = sd
                .certificates
                .unwrap()
                .0
                .iter()
                .filter_map(|c| match c {
                    CertificateChoices::Certificate(cert) => Some(cert.to_der().unwrap()),
                    _ => None,
                })
                .collect();
            assert_eq!(certs.len(), 3);
            certs
        });
    });
    g.finish();
}

fn others(c: &mut Criterion) {
    let body = include_str!("../testdata/collect-ssl/ok-urlenc-individual.txt");
    let field: String = form_urlencoded::parse(body.as_bytes())
        .find(|(k, _)| k == "certificate")
        .map(|(_, v)| v.into_owned())
        .unwrap();
    c.bench_function("base64::decode_field (leaf, 1.8 KB)", |b| {
        b.iter(|| base64::decode_field(black_box(&field)).unwrap());
    });
    let ders: Vec<Vec<u8>> = pkcs7::decode(CHAIN_P7B).unwrap();
    c.bench_function("Certificate::from_der (leaf)", |b| {
        b.iter(|| Certificate::from_der(black_box(&ders[0])).unwrap());
    });
    c.bench_function(
        "x509_parser::X509Certificate::from_der (leaf, parse only)",
        |b| {
            use x509_parser::prelude::FromDer as _;
            b.iter(|| {
                x509_parser::certificate::X509Certificate::from_der(black_box(&ders[0])).unwrap()
            });
        },
    );
    let certs: Vec<Certificate> = ders
        .iter()
        .rev()
        .map(|d| Certificate::from_der(d).unwrap())
        .collect();
    c.bench_function("Chain::order (3, root first)", |b| {
        b.iter(|| Chain::order(black_box(certs.clone())));
    });
}

criterion_group!(benches, pem_chain, pkcs7_chain, others);
criterion_main!(benches);
