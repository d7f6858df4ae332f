//! Decoding a realistic 6 KB CollectSSL body (`responseFormat=1`, `responseType=3`: validity
//! fields, two `caCertificate` and one `certificate`, base64 then URL-encoded) into ordered
//! pairs, against `form_urlencoded` and `serde_urlencoded` in the same run.
//!
//! Run briefly with `cargo bench --bench form -- --warm-up-time 1 --measurement-time 3`.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::borrow::Cow;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const BODY: &[u8] = include_bytes!("../testdata/collect-ssl/ok-urlenc-individual.txt");
const ORDER_STATUS: &[u8] = include_bytes!("../testdata/order-status/ok-100-orders.txt");

fn collect_ssl(c: &mut Criterion) {
    let mut group = c.benchmark_group("collect-ssl-6k");
    group.throughput(Throughput::Bytes(BODY.len() as u64));
    group.bench_function("sectigo_codec::wire::form::decode", |b| {
        b.iter(|| sectigo_codec::wire::form::decode(black_box(BODY)).unwrap());
    });
    group.bench_function("form_urlencoded::parse -> Vec<(Cow, Cow)>", |b| {
        b.iter(|| {
            form_urlencoded::parse(black_box(BODY)).collect::<Vec<(Cow<'_, str>, Cow<'_, str>)>>()
        });
    });
    group.bench_function("form_urlencoded::parse -> Vec<(String, String)>", |b| {
        b.iter(|| {
            form_urlencoded::parse(black_box(BODY))
                .into_owned()
                .collect::<Vec<(String, String)>>()
        });
    });
    let text = std::str::from_utf8(BODY).unwrap();
    group.bench_function("serde_urlencoded::from_str -> Vec<(String, String)>", |b| {
        b.iter(|| serde_urlencoded::from_str::<Vec<(String, String)>>(black_box(text)).unwrap());
    });
    group.finish();
}

fn order_status(c: &mut Criterion) {
    let mut group = c.benchmark_group("order-status-190k");
    group.throughput(Throughput::Bytes(ORDER_STATUS.len() as u64));
    group.bench_function("sectigo_codec form::decode", |b| {
        b.iter(|| sectigo_codec::wire::form::decode(black_box(ORDER_STATUS)).unwrap());
    });
    group.bench_function("sectigo_codec form::decode + indexed::from_form", |b| {
        b.iter(|| {
            let form = sectigo_codec::wire::form::decode(black_box(ORDER_STATUS)).unwrap();
            sectigo_codec::wire::indexed::from_form(&form)
                .unwrap()
                .orders()
                .len()
        });
    });
    group.bench_function("form_urlencoded::parse -> Vec<(Cow, Cow)>", |b| {
        b.iter(|| {
            form_urlencoded::parse(black_box(ORDER_STATUS))
                .collect::<Vec<(Cow<'_, str>, Cow<'_, str>)>>()
        });
    });
    group.finish();
}

criterion_group!(benches, collect_ssl, order_status);
criterion_main!(benches);
