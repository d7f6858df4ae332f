//! A profiling harness for the CSR linter (issue #5, the CSR-lint benchmark): runs one
//! operation on one corpus CSR a given number of times, with no benchmark framework around
//! it, so that `valgrind --tool=callgrind` counts the lint or the bare verification alone.
//!
//! ```text
//! cargo build --release --example csrprof
//! CSRPROF=target/release/examples/csrprof
//! # instructions per call: the difference between N calls and none, divided by N
//! valgrind --tool=callgrind $CSRPROF rsa lint 0
//! valgrind --tool=callgrind $CSRPROF rsa lint 100
//! valgrind --tool=callgrind $CSRPROF rsa verify 100
//! # where the lint goes
//! valgrind --tool=callgrind --dump-instr=yes --callgrind-out-file=cg.out $CSRPROF rsa lint 200
//! callgrind_annotate --inclusive=yes cg.out | head -80
//! # wall-clock time, lint and verification alternating (the best of 15 batches of N each)
//! $CSRPROF rsa both 2000
//! ```
//!
//! Arguments: the CSR (`rsa`: RSA-2048/SHA-256, `p256`: P-256/SHA-256, `p384`:
//! P-384/SHA-384, all from `testdata/csr/ok/`), the operation (`lint`: [`lint_csr`] with the
//! default policy on the PEM text; `verify`: aws-lc-rs `UnparsedPublicKey::verify` on the
//! signed bytes, key and signature split beforehand, as `benches/csr_lint.rs` does; `both`:
//! timings of the two), and the number of calls. Each operation runs once before counting,
//! so one-time initialisation is not part of the difference.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::print_stderr,
    clippy::panic,
    clippy::disallowed_methods,
    clippy::cast_precision_loss,
    reason = "a command-line harness: reads its arguments and the clock, prints, panics on misuse"
)]

use std::hint::black_box;
use std::time::Instant;

use aws_lc_rs::signature::{self, UnparsedPublicKey, VerificationAlgorithm};
use sectigo_codec::codec::pem;
use sectigo_codec::csr::{Policy, lint_csr};
use x509_parser::certification_request::X509CertificationRequest;
use x509_parser::prelude::FromDer;

/// What a verifier needs: signed bytes, key bytes (PKCS#1 for RSA, SEC 1 point for EC), signature.
fn split(pem_text: &[u8]) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let der = pem::decode(pem_text).unwrap().blocks()[0].der().to_vec();
    let (_, csr) = X509CertificationRequest::from_der(&der).unwrap();
    let info = &csr.certification_request_info;
    (
        info.raw.to_vec(),
        info.subject_pki.subject_public_key.data.to_vec(),
        csr.signature_value.data.to_vec(),
    )
}

#[inline(never)]
fn lint(pem_text: &[u8], policy: &Policy) -> bool {
    lint_csr(black_box(pem_text), policy).unwrap().is_ok()
}

#[inline(never)]
fn verify(alg: &'static dyn VerificationAlgorithm, key: &[u8], tbs: &[u8], sig: &[u8]) -> bool {
    UnparsedPublicKey::new(alg, black_box(key))
        .verify(black_box(tbs), black_box(sig))
        .is_ok()
}

/// Microseconds per call of `f`, the best of `batches` batches of `n` calls.
fn best_of(batches: usize, n: usize, f: &dyn Fn() -> bool) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..batches {
        let start = Instant::now();
        for _ in 0..n {
            assert!(f());
        }
        best = best.min(start.elapsed().as_secs_f64() * 1e6 / n.max(1) as f64);
    }
    best
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: csrprof rsa|p256|p384 lint|verify|both CALLS";
    let (Some(which), Some(mode), Some(n)) = (args.get(1), args.get(2), args.get(3)) else {
        panic!("{usage}");
    };
    let n: usize = n.parse().expect(usage);
    let (pem_text, alg): (&[u8], &'static dyn VerificationAlgorithm) = match which.as_str() {
        "rsa" => (
            include_bytes!("../testdata/csr/ok/rsa2048-sha256.pem"),
            &signature::RSA_PKCS1_2048_8192_SHA256,
        ),
        "p256" => (
            include_bytes!("../testdata/csr/ok/p256-sha256.pem"),
            &signature::ECDSA_P256_SHA256_ASN1,
        ),
        "p384" => (
            include_bytes!("../testdata/csr/ok/p384-sha384.pem"),
            &signature::ECDSA_P384_SHA384_ASN1,
        ),
        _ => panic!("{usage}"),
    };
    let policy = Policy::default();
    let (tbs, key, sig) = split(pem_text);
    let do_lint = || lint(pem_text, &policy);
    let do_verify = || verify(alg, &key, &tbs, &sig);
    // Once each before counting: one-time initialisation is not part of the difference.
    assert!(do_lint());
    assert!(do_verify());
    match mode.as_str() {
        "lint" => (0..n).for_each(|_| assert!(do_lint())),
        "verify" => (0..n).for_each(|_| assert!(do_verify())),
        "both" => {
            let (mut l, mut v) = (f64::INFINITY, f64::INFINITY);
            // Alternating batches, so that both see the same load from other processes.
            for _ in 0..15 {
                l = l.min(best_of(1, n, &do_lint));
                v = v.min(best_of(1, n, &do_verify));
            }
            eprintln!(
                "{which}: lint {l:.2} us, aws-lc verify {v:.2} us, ratio {:.2} (best of 15 batches of {n})",
                l / v
            );
        }
        _ => panic!("{usage}"),
    }
}
