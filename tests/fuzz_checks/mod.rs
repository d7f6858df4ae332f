//! The bodies of the fuzz targets: one check function per target, shared by the cargo-fuzz
//! crate (`fuzz/src/lib.rs` includes this directory with `#[path]`) and by the stable
//! regression replay (`tests/fuzz_regressions.rs`), so a crash found by the fuzzer is replayed
//! on stable through exactly the code that found it.
//!
//! Each check takes the raw fuzz input, runs one public entry point that reads untrusted
//! bytes, and asserts the invariants that hold for every input, not just "no panic": offsets
//! inside the input, decode → encode → decode stability, order independence, no secret in
//! formatted output. A failed assertion is a panic, which libFuzzer reports as a crash.
//!
//! Adding a target: write `pub fn <verb>_<object>(data: &[u8])` in one of the submodules,
//! add it to [`TARGETS`], add `fuzz/fuzz_targets/<name>.rs` (three lines, copy another) and
//! its `[[bin]]` entry in `fuzz/Cargo.toml`, and seed `fuzz/corpus/<name>/`
//! (`fuzz/seed_corpora.sh`). `tests/fuzz_regressions.rs` fails when these disagree.

// Checks assert by panicking, index freely, and are `pub` for the fuzz crate's re-export
// although the test crate that also compiles them does not export them.
#![allow(
    unreachable_pub,
    dead_code,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation,
    clippy::missing_panics_doc
)]

pub mod certs;
pub mod codec;
pub mod csr;
pub mod names;
pub mod requests;
pub mod responses;
pub mod roundtrip;
pub mod wire;

use sectigo_codec::{DecodeError, Warning};

/// A fuzz target's check.
pub type Check = fn(&[u8]);

/// Every target: its name (the file `fuzz/fuzz_targets/<name>.rs`, the corpus directory
/// `fuzz/corpus/<name>/`, the regression directory `testdata/fuzz-regressions/<name>/`) and
/// its check.
pub const TARGETS: &[(&str, Check)] = &[
    ("decode_form", wire::decode_form),
    ("decode_lines", wire::decode_lines),
    ("group_indexed", wire::group_indexed),
    ("decode_json", wire::decode_json),
    ("decode_js", wire::decode_js),
    ("decode_pem", codec::decode_pem),
    ("decode_base64", codec::decode_base64),
    ("decode_pkcs7", codec::decode_pkcs7),
    ("decode_netscape", codec::decode_netscape),
    ("decode_zip", codec::decode_zip),
    ("certificate_from_der", certs::certificate_from_der),
    ("extract_certificates", certs::extract_certificates),
    ("check_dns_name", names::check_dns_name),
    ("parse_product_list", names::parse_product_list),
    ("roundtrip_form", roundtrip::roundtrip_form),
    ("roundtrip_pem", roundtrip::roundtrip_pem),
    ("parse_response", responses::parse_response),
    ("parse_notification", responses::parse_notification),
    ("lint_csr", csr::lint_csr),
    ("roundtrip_request", requests::roundtrip_request),
];

/// The check of target `name`.
pub fn check(name: &str) -> Option<Check> {
    TARGETS
        .iter()
        .find(|(target, _)| *target == name)
        .map(|&(_, check)| check)
}

/// An error points inside the input it was given: its offset (or, for an error found in a
/// nested payload, the offset of the outermost located frame) is at most `len`, and its line
/// number is 1-based. Formatting it does not panic.
pub fn assert_error_located(err: &DecodeError, len: usize) {
    let outer = match err.context().last() {
        None => err.offset(),
        Some(frame) => frame.offset(),
    };
    if let Some(offset) = outer {
        assert!(
            offset <= len,
            "error offset {offset} past the input ({len}): {err}"
        );
    }
    if err.context().is_empty()
        && let Some(line) = err.line()
    {
        assert!(
            line >= 1 && line <= len + 1,
            "line {line} of {len} bytes: {err}"
        );
    }
    let text = err.to_string();
    assert!(text.starts_with(err.format().name()), "{text}");
}

/// Every warning's offset is at most `len`; formatting does not panic.
pub fn assert_warnings_located(warnings: &[Warning], len: usize) {
    for warning in warnings {
        if let Some(offset) = warning.offset() {
            assert!(
                offset <= len,
                "warning offset {offset} past the input ({len}): {warning}"
            );
        }
        let _ = warning.to_string();
    }
}

/// `part` is a sub-slice of `whole` (borrowed from it), at the returned offset.
pub fn offset_in(whole: &[u8], part: &[u8]) -> usize {
    let start = whole.as_ptr() as usize;
    let at = part.as_ptr() as usize;
    assert!(
        at >= start && at + part.len() <= start + whole.len(),
        "slice not borrowed from the input"
    );
    at - start
}

/// A small deterministic generator (xorshift64*), seeded from the input, for the
/// permutations the checks apply.
pub struct Rng(u64);

impl Rng {
    /// Seeded from the bytes (FNV-1a), never zero.
    pub fn from_bytes(data: &[u8]) -> Self {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in data {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Self(h | 1)
    }

    /// The next value.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// One DER TLV with a one-byte tag (definite length), for the checks' own encoders.
pub fn der_tlv(tag: u8, value: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = value.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(value);
    out
}
