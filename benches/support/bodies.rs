//! Bodies of a chosen size generated from the fixtures, shared by `benches/scaling.rs` (the
//! criterion series) and `benches/profile.rs` (instruction counts of the same bodies).
//! Included with `#[path]`; not a bench target of its own.

#![allow(
    dead_code,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "bench helpers: each bench uses a part; fixtures are known"
)]

use sectigo_codec::Limits;
use sectigo_codec::codec::pkcs7;

pub(crate) const ORDER_STATUS: &str = include_str!("../../testdata/order-status/ok-100-orders.txt");
pub(crate) const NEWLINE: &str =
    include_str!("../../testdata/collect-ssl/ok-newline-doc-armour.txt");
pub(crate) const CHAIN_PEM: &[u8] = include_bytes!("../../testdata/chain/chain.pem");
pub(crate) const CERTS: [&[u8]; 3] = [
    include_bytes!("../../testdata/chain/leaf.der"),
    include_bytes!("../../testdata/chain/intermediate.der"),
    include_bytes!("../../testdata/chain/root.der"),
];

pub(crate) const SIZES_KB: [usize; 6] = [1, 4, 16, 64, 256, 1024];

/// Limits wide enough for 1 MB of any of these bodies.
pub(crate) fn limits() -> Limits {
    let mut limits = Limits::DEFAULT;
    limits.max_lines = 1 << 20;
    limits.max_fields = 1 << 20;
    limits.max_pem_blocks = 1 << 16;
    limits.max_certificates = 1 << 16;
    limits.max_orders = 1 << 16;
    limits
}

/// Concatenates `records` (cycled) until `target` bytes are reached, at least one record.
pub(crate) fn cut(records: &[Vec<u8>], sep: &[u8], target: usize) -> Vec<u8> {
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
pub(crate) fn form_body(target: usize) -> Vec<u8> {
    let pairs: Vec<Vec<u8>> = ORDER_STATUS
        .trim_end()
        .split('&')
        .map(|p| p.as_bytes().to_vec())
        .collect();
    cut(&pairs, b"&", target)
}

/// `errorCode=0`, then whole orders: copy `k` of the fixture has its orders renumbered
/// `X + 100 k`; the keys keep the fixture's shuffled order within each copy.
pub(crate) fn order_status_body(target: usize) -> Vec<u8> {
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
pub(crate) fn lines_body(target: usize) -> Vec<u8> {
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
pub(crate) fn pem_body(target: usize) -> Vec<u8> {
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
pub(crate) fn pkcs7_body(target: usize) -> Vec<u8> {
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
