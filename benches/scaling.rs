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
use sectigo_codec::codec::{pem, pkcs7};
use sectigo_codec::response::{OrderStatusResponse, ParseContext};
use sectigo_codec::wire::{form, indexed, lines};

#[path = "support/bodies.rs"]
mod bodies;

use bodies::{SIZES_KB, form_body, limits, lines_body, order_status_body, pem_body, pkcs7_body};

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
