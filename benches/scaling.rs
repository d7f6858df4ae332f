//! Scaling series (issue #5 item 4): bodies of 1, 4, 16, 64, 256 and 1024 KB, generated here
//! from the fixtures, to show that every reader's cost is linear in the size of its input.
//!
//! | Group | Input | Built from |
//! |---|---|---|
//! | `scaling/form` | `wire::form::decode` (and `form_urlencoded::parse` into owned pairs) | the pairs of `order-status/ok-100-orders.txt`, repeated |
//! | `scaling/lines` | `wire::lines::decode` | a status line, then the lines of `collect-ssl/ok-newline-doc-armour.txt`, repeated |
//! | `scaling/indexed` | `wire::form::decode` + `wire::indexed::group_form` | `ok-100-orders.txt` with its orders renumbered per copy (`X + 100 k`), whole orders |
//! | `scaling/order_status` | `OrderStatusResponse::parse` (typed) | the same bodies |
//! | `scaling/pem` | `codec::pem::decode` (split + base64) | `chain/chain.pem` (3 certificates), repeated |
//! | `scaling/pkcs7` | `codec::pkcs7::parse_der` (certs-only SignedData) | `pkcs7::encode_certs_only` of the 3 chain certificates, repeated |
//!
//! The nominal size is the benchmark's parameter (KB); the real body is cut at a whole
//! record (pair, line, order, PEM block, certificate), at least one record, so its exact byte
//! count is the group's `Throughput::Bytes`. The limits are raised with [`Limits`] where the
//! defaults would refuse the biggest bodies (PEM blocks, certificates, lines).
//!
//! Run: `cargo bench --bench scaling -- --warm-up-time 1 --measurement-time 3`, then
//! `python3 benches/plot_scaling.py` turns `target/criterion/scaling_*/*/new/estimates.json`
//! into `docs/scaling.svg`.

// Benchmarks unwrap, index and compute freely.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    missing_docs
)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use sectigo_codec::Limits;
use sectigo_codec::codec::{pem, pkcs7};
use sectigo_codec::response::{OrderStatusResponse, ParseContext};
use sectigo_codec::wire::{form, indexed, lines};

const ORDER_STATUS: &str = include_str!("../testdata/order-status/ok-100-orders.txt");
const NEWLINE: &str = include_str!("../testdata/collect-ssl/ok-newline-doc-armour.txt");
const CHAIN_PEM: &[u8] = include_bytes!("../testdata/chain/chain.pem");
const CERTS: [&[u8]; 3] = [
    include_bytes!("../testdata/chain/leaf.der"),
    include_bytes!("../testdata/chain/intermediate.der"),
    include_bytes!("../testdata/chain/root.der"),
];

const SIZES_KB: [usize; 6] = [1, 4, 16, 64, 256, 1024];

/// Limits wide enough for 1 MB of any of these bodies.
fn limits() -> Limits {
    let mut limits = Limits::DEFAULT;
    limits.max_lines = 1 << 20;
    limits.max_fields = 1 << 20;
    limits.max_pem_blocks = 1 << 16;
    limits.max_certificates = 1 << 16;
    limits.max_orders = 1 << 16;
    limits
}

/// Concatenates `records` (cycled) until `target` bytes are reached, at least one record.
fn cut(records: &[Vec<u8>], sep: &[u8], target: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(target + 4096);
    for record in records.iter().cycle() {
        if !out.is_empty() {
            if out.len() + sep.len() + record.len() > target {
                break;
            }
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(record);
    }
    out
}

/// The form pairs of the 100-order body, as they are on the wire.
fn form_body(target: usize) -> Vec<u8> {
    let pairs: Vec<Vec<u8>> = ORDER_STATUS
        .trim_end()
        .split('&')
        .map(|p| p.as_bytes().to_vec())
        .collect();
    cut(&pairs, b"&", target)
}

/// `errorCode=0`, then whole orders: copy `k` of the fixture has its orders renumbered
/// `X + 100 k`; the keys keep the fixture's shuffled order within each copy.
fn order_status_body(target: usize) -> Vec<u8> {
    let pairs: Vec<&str> = ORDER_STATUS.trim_end().split('&').collect();
    let (top, indexed): (Vec<&str>, Vec<&str>) = pairs
        .iter()
        .partition(|p| !p.as_bytes()[0].is_ascii_digit());
    let order_of = |p: &str| p.split('_').next().unwrap().parse::<usize>().unwrap();
    // Bytes per order, to know how many orders fit.
    let mut per_order = vec![0usize; 101];
    for p in &indexed {
        per_order[order_of(p)] += p.len() + 1;
    }
    let mut body = top.join("&");
    let mut budget = target.saturating_sub(body.len());
    let mut orders = 0usize;
    loop {
        let next = per_order[orders % 100 + 1];
        if orders > 0 && next > budget {
            break;
        }
        budget = budget.saturating_sub(next);
        orders += 1;
    }
    for k in 0..orders.div_ceil(100) {
        for p in &indexed {
            let x = order_of(p);
            let renumbered = x + 100 * k;
            if renumbered > orders {
                continue;
            }
            let rest = &p[p.find('_').unwrap()..];
            body.push('&');
            body.push_str(&renumbered.to_string());
            body.push_str(rest);
        }
    }
    body.into_bytes()
}

/// A status line, then the fixture's lines (after its status line) cycled.
fn lines_body(target: usize) -> Vec<u8> {
    let records: Vec<Vec<u8>> = NEWLINE
        .lines()
        .skip(1)
        .map(|l| l.as_bytes().to_vec())
        .collect();
    let mut body = b"2\n".to_vec();
    body.extend(cut(&records, b"\n", target.saturating_sub(2)));
    body.push(b'\n');
    body
}

/// Whole PEM blocks of the chain, cycled.
fn pem_body(target: usize) -> Vec<u8> {
    let text = std::str::from_utf8(CHAIN_PEM).unwrap();
    let blocks: Vec<Vec<u8>> = text
        .split_inclusive("-----END CERTIFICATE-----\n")
        .filter(|b| b.contains("BEGIN"))
        .map(|b| b.as_bytes().to_vec())
        .collect();
    assert_eq!(blocks.len(), 3);
    cut(&blocks, b"", target)
}

/// A certs-only SignedData with the chain's certificates cycled, as many as fit.
fn pkcs7_body(target: usize) -> Vec<u8> {
    let mut certs: Vec<&[u8]> = Vec::new();
    let mut size = 64; // the SignedData envelope
    for cert in CERTS.iter().cycle() {
        if !certs.is_empty() && size + cert.len() > target {
            break;
        }
        size += cert.len();
        certs.push(cert);
    }
    pkcs7::encode_certs_only(&certs)
}

/// A labelled reader of one body.
type Run<'r> = (&'r str, &'r dyn Fn(&[u8]));

fn series(c: &mut Criterion, name: &str, make: fn(usize) -> Vec<u8>, runs: &[Run<'_>]) {
    let mut g = c.benchmark_group(format!("scaling/{name}"));
    for kb in SIZES_KB {
        let body = make(kb * 1024);
        g.throughput(Throughput::Bytes(body.len() as u64));
        for (label, run) in runs {
            run(&body); // fails loudly before timing if the body is refused
            g.bench_with_input(BenchmarkId::new(*label, kb), &body[..], |b, body| {
                b.iter(|| run(black_box(body)));
            });
        }
    }
    g.finish();
}

fn scaling(c: &mut Criterion) {
    let limits = limits();
    let ctx = ParseContext::new().with_limits(limits.clone());
    let l = &limits;

    series(
        c,
        "form",
        form_body,
        &[
            ("sectigo_codec", &|b| {
                black_box(form::decode_with(b, l).unwrap());
            }),
            ("form_urlencoded", &|b| {
                black_box(
                    form_urlencoded::parse(b)
                        .into_owned()
                        .collect::<Vec<(String, String)>>(),
                );
            }),
        ],
    );
    series(
        c,
        "lines",
        lines_body,
        &[("sectigo_codec", &|b| {
            black_box(lines::decode_with(b, l).unwrap());
        })],
    );
    series(
        c,
        "indexed",
        order_status_body,
        &[("sectigo_codec", &|b| {
            black_box(indexed::group_form_with(form::decode_with(b, l).unwrap(), l).unwrap());
        })],
    );
    series(
        c,
        "order_status",
        order_status_body,
        &[("sectigo_codec", &|b| {
            black_box(OrderStatusResponse::parse(b, &ctx).unwrap());
        })],
    );
    series(
        c,
        "pem",
        pem_body,
        &[("sectigo_codec", &|b| {
            black_box(pem::decode_with(b, l).unwrap());
        })],
    );
    series(
        c,
        "pkcs7",
        pkcs7_body,
        &[("sectigo_codec", &|b| {
            black_box(pkcs7::parse_der_with(b, l).unwrap());
        })],
    );
}

criterion_group!(benches, scaling);
criterion_main!(benches);
