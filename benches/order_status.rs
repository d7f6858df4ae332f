//! GetDetailedOrderStatus, 100 orders x 3 certificates x 20 fields (194 KB, keys shuffled):
//! grouped and typed with `OrderStatusResponse::parse`, against what a user would write with
//! `form_urlencoded`: parse into owned strings, then regroup into nested `HashMap`s by
//! splitting the keys on `_` (untyped: every value stays a `String`).
//!
//! Also the layers on their own (form decode, decode + grouping), so that the cost of each
//! is visible.
//!
//! Run: `cargo bench --bench order_status -- --warm-up-time 1 --measurement-time 3`

// Benchmarks unwrap freely.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sectigo_codec::response::{OrderStatusResponse, ParseContext};
use sectigo_codec::wire::{form, indexed};

const BODY: &[u8] = include_bytes!("../testdata/order-status/ok-100-orders.txt");

/// Order `X`: its own fields, and its certificates by `Y`.
type PeerOrder = (
    HashMap<String, String>,
    HashMap<u32, HashMap<String, String>>,
);

/// The obvious way: `form_urlencoded` into owned strings, then split each key on `_`.
/// `X_Y_name` goes to certificate `Y` of order `X`, `X_name` to order `X`, anything else
/// (`errorCode`) to the top level.
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

fn order_status(c: &mut Criterion) {
    // Both sides see the same data.
    let ours = OrderStatusResponse::parse(BODY, &ParseContext::new()).unwrap();
    let (_, theirs) = peer(BODY);
    assert_eq!(ours.orders.len(), 100);
    assert_eq!(theirs.len(), 100);
    let certs: usize = ours.orders.iter().map(|o| o.certificates.len()).sum();
    assert_eq!(certs, theirs.values().map(|o| o.1.len()).sum::<usize>());

    let mut g = c.benchmark_group("order_status_100x3x20");
    g.throughput(Throughput::Bytes(BODY.len() as u64));
    let ctx = ParseContext::new();
    g.bench_function("sectigo_codec OrderStatusResponse::parse (typed)", |b| {
        b.iter(|| OrderStatusResponse::parse(black_box(BODY), &ctx).unwrap());
    });
    g.bench_function("form_urlencoded + HashMap regrouping (untyped)", |b| {
        b.iter(|| peer(black_box(BODY)));
    });
    g.bench_function("sectigo_codec form::decode", |b| {
        b.iter(|| form::decode(black_box(BODY)).unwrap());
    });
    g.bench_function("sectigo_codec form::decode + indexed::group_form", |b| {
        b.iter(|| indexed::group_form(form::decode(black_box(BODY)).unwrap()).unwrap());
    });
    g.bench_function("form_urlencoded::parse -> Vec<(String, String)>", |b| {
        b.iter(|| {
            form_urlencoded::parse(black_box(BODY))
                .into_owned()
                .collect::<Vec<(String, String)>>()
        });
    });
    g.finish();
}

criterion_group!(benches, order_status);
criterion_main!(benches);
