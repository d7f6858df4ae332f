//! A fixed amount of work per workload, for instruction counts under callgrind (stable on a
//! noisy shared machine, where wall-clock timings are not).
//!
//! ```text
//! cargo bench --bench profile --no-run   # prints the binary's path
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out \
//!     target/release/deps/profile-<hash> order-status 10
//! callgrind_annotate /tmp/cg.out | head -40
//! ```
//!
//! `benches/callgrind.sh` runs every workload and prints instructions per iteration.
//! Without arguments the binary lists its workloads; `cargo bench` runs each once (a smoke
//! test).

// Benchmarks unwrap freely; the binary reports on stdout and reads its arguments.
#![allow(
    clippy::disallowed_methods,
    clippy::arithmetic_side_effects,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr,
    missing_docs
)]

use std::collections::HashMap;
use std::hint::black_box;

use sectigo_codec::response::{OrderStatusResponse, ParseContext};
use sectigo_codec::wire::{form, indexed};

const ORDER_STATUS: &[u8] = include_bytes!("../testdata/order-status/ok-100-orders.txt");
const COLLECT_SSL: &[u8] = include_bytes!("../testdata/collect-ssl/ok-urlenc-individual.txt");
const CSR_RSA2048: &[u8] = include_bytes!("../testdata/csr/ok/rsa2048-sha256.pem");

/// The RSA-2048 CSR's signed bytes, PKCS#1 key and signature (what a bare verifier needs).
#[cfg(feature = "aws-lc")]
fn csr_parts() -> &'static (Vec<u8>, Vec<u8>, Vec<u8>) {
    use x509_parser::certification_request::X509CertificationRequest;
    use x509_parser::prelude::FromDer;
    static PARTS: std::sync::OnceLock<(Vec<u8>, Vec<u8>, Vec<u8>)> = std::sync::OnceLock::new();
    PARTS.get_or_init(|| {
        let pem = sectigo_codec::codec::pem::decode(CSR_RSA2048).unwrap();
        let der = pem.blocks().first().unwrap().der().to_vec();
        let (_, csr) = X509CertificationRequest::from_der(&der).unwrap();
        let info = &csr.certification_request_info;
        (
            info.raw.to_vec(),
            info.subject_pki.subject_public_key.data.to_vec(),
            csr.signature_value.data.to_vec(),
        )
    })
}

type PeerOrder = (
    HashMap<String, String>,
    HashMap<u32, HashMap<String, String>>,
);

/// The same peer as `benches/order_status.rs`.
fn peer(body: &[u8]) -> (HashMap<String, String>, HashMap<u32, PeerOrder>) {
    let mut top = HashMap::new();
    let mut orders: HashMap<u32, PeerOrder> = HashMap::new();
    for (key, value) in form_urlencoded::parse(body).into_owned() {
        let mut parts = key.splitn(3, '_');
        let x = parts.next().and_then(|x| x.parse::<u32>().ok());
        let (Some(x), Some(second)) = (x, parts.next()) else {
            top.insert(key, value);
            continue;
        };
        let order = orders.entry(x).or_default();
        match (second.parse::<u32>(), parts.next()) {
            (Ok(y), Some(name)) => {
                let cert = order.1.entry(y).or_default();
                cert.insert(name.to_owned(), value);
            }
            _ => {
                let name = key.split_once('_').map_or("", |(_, name)| name);
                order.0.insert(name.to_owned(), value);
            }
        }
    }
    (top, orders)
}

#[path = "support/bodies.rs"]
mod bodies;

/// A body of `benches/scaling.rs`, made once (its generation cancels out of the difference
/// `benches/callgrind.sh` takes between 1 and 1+N runs).
macro_rules! scaled {
    ($make:ident, $kb:literal) => {{
        static BODY: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
        BODY.get_or_init(|| bodies::$make($kb * 1024)).as_slice()
    }};
}

type Workload = (&'static str, fn() -> usize);

const WORKLOADS: &[Workload] = &[
    ("order-status", || {
        let r = OrderStatusResponse::parse(black_box(ORDER_STATUS), &ParseContext::new()).unwrap();
        r.orders.len()
    }),
    ("order-status-peer", || {
        peer(black_box(ORDER_STATUS)).1.len()
    }),
    ("order-status-form", || {
        form::decode(black_box(ORDER_STATUS)).unwrap().len()
    }),
    ("order-status-grouped", || {
        let form = form::decode(black_box(ORDER_STATUS)).unwrap();
        indexed::group_form(form).unwrap().orders().len()
    }),
    ("order-status-form-peer", || {
        form_urlencoded::parse(black_box(ORDER_STATUS))
            .into_owned()
            .count()
    }),
    ("collect-ssl-form", || {
        form::decode(black_box(COLLECT_SSL)).unwrap().len()
    }),
    ("collect-ssl-form-peer", || {
        form_urlencoded::parse(black_box(COLLECT_SSL)).count()
    }),
    // The cross-language CSR line (benches/cross_language.py): the full lint, and the bare
    // aws-lc-rs verification of the same bytes.
    ("csr-lint-rsa2048", || {
        let policy = sectigo_codec::csr::Policy::default();
        let report = sectigo_codec::csr::lint_csr(black_box(CSR_RSA2048), &policy).unwrap();
        usize::from(report.is_ok())
    }),
    #[cfg(feature = "aws-lc")]
    ("csr-verify-rsa2048-aws-lc", || {
        let (tbs, key, sig) = csr_parts();
        let key = aws_lc_rs::signature::UnparsedPublicKey::new(
            &aws_lc_rs::signature::RSA_PKCS1_2048_8192_SHA256,
            black_box(key),
        );
        usize::from(key.verify(black_box(tbs), black_box(sig)).is_ok())
    }),
    // The scaling series' bodies at 16 KB and 1 MB: instructions per byte should not grow.
    ("scale-form-16", || {
        form::decode(black_box(scaled!(form_body, 16)))
            .unwrap()
            .len()
    }),
    ("scale-form-1024", || {
        form::decode_with(black_box(scaled!(form_body, 1024)), &bodies::limits())
            .unwrap()
            .len()
    }),
    ("scale-order-status-16", || {
        let r = OrderStatusResponse::parse(
            black_box(scaled!(order_status_body, 16)),
            &ParseContext::new(),
        )
        .unwrap();
        r.orders.len()
    }),
    ("scale-order-status-1024", || {
        let ctx = ParseContext::new().with_limits(bodies::limits());
        let r =
            OrderStatusResponse::parse(black_box(scaled!(order_status_body, 1024)), &ctx).unwrap();
        r.orders.len()
    }),
];

/// `--time A B ...`: the workloads' best time per iteration, interleaved (A, B, A, B, ...)
/// in 300 rounds of short batches (about 2 ms: shorter than a scheduler time slice), so
/// that on a shared machine each gets the same chances at an uninterrupted run; the
/// minimum filters out the others' bursts.
#[allow(
    clippy::disallowed_types,
    clippy::disallowed_methods,
    reason = "a benchmark"
)]
fn time(names: &[String]) {
    let works: Vec<Workload> = names
        .iter()
        .map(|n| *WORKLOADS.iter().find(|(w, _)| w == n).unwrap())
        .collect();
    let mut best = vec![f64::INFINITY; works.len()];
    for _ in 0..300 {
        for ((_, work), best) in works.iter().zip(&mut best) {
            let start = std::time::Instant::now();
            let mut n = 0;
            while n == 0 || start.elapsed().as_secs_f64() < 0.002 {
                black_box(work());
                n += 1;
            }
            *best = best.min(start.elapsed().as_secs_f64() / f64::from(n));
        }
    }
    for ((name, _), best) in works.iter().zip(&best) {
        println!("{name:28} {:10.1} µs", best * 1e6);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `cargo bench` passes `--bench`: run every workload once.
    if args.is_empty() || args.iter().any(|a| a == "--bench") {
        for (name, work) in WORKLOADS {
            let n = work();
            if args.is_empty() {
                println!("{name}");
            } else {
                assert!(n > 0, "{name}");
            }
        }
        return;
    }
    if args.first().is_some_and(|a| a == "--time") {
        time(args.get(1..).unwrap_or_default());
        return;
    }
    let name = args.first().unwrap();
    let count: usize = args.get(1).map_or(1, |n| n.parse().unwrap());
    let Some((_, work)) = WORKLOADS.iter().find(|(n, _)| n == name) else {
        eprintln!("unknown workload {name}");
        std::process::exit(2);
    };
    let mut total = 0;
    for _ in 0..count {
        total += work();
    }
    println!("{name}: {total}");
}
