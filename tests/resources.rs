//! Bounded resources, proven (issue #5 item 3):
//!
//! 1. a counting global allocator shows that decoding every fixture under `testdata/` through
//!    its decoder allocates a small constant times the body size;
//! 2. pathological inputs (a mebibyte of `&`, of `%41`, of `1_1_`, deep BER, a ZIP bomb,
//!    floods of PEM blocks, ...) are refused or decoded in time linear in their size: each is
//!    timed at 256 KiB and at 1 MiB, and the larger may cost at most 8 times the smaller (4
//!    is linear, 16 quadratic), and its allocations are bounded like the fixtures';
//! 3. the limits of `Limits` that no other test hits exactly at the cap and one past it (the
//!    table at the head of section 3 below names, for every limit, the test that does).
//!
//! The allocator counts per thread (thread-local counters), so the tests of this binary can
//! run in parallel without seeing each other's allocations. It is the only global allocator
//! in this test binary and affects no other test.

// The allocator needs `unsafe impl GlobalAlloc`; the crate's `forbid(unsafe_code)` covers the
// library, and this test binary is the only place that needs it.
#![allow(unsafe_code)]
// Test code: unwrap, index, compute and print freely; time with `Instant`; walk `testdata/`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss,
    clippy::print_stderr,
    missing_docs
)]
#![allow(
    clippy::disallowed_methods,
    clippy::disallowed_types,
    reason = "the tests time decoders with Instant and read the fixtures from testdata/"
)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::borrow::Cow;
use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use sectigo_codec::codec::pem::{self, PemLabel};
use sectigo_codec::codec::{base64, netscape, pkcs7, zip};
use sectigo_codec::wire::{form, indexed, js, json, lines};
use sectigo_codec::{DecodeErrorKind, Format, Limit, Limits, MAX_DER_DEPTH, extract};

// ---------------------------------------------------------------------------------------
// The counting allocator

/// Per-thread counters: bytes allocated in all, live bytes now and at the peak (relative
/// to the start of the measurement), and the number of allocations.
struct Counters {
    allocated: Cell<usize>,
    live: Cell<isize>,
    peak: Cell<isize>,
    count: Cell<usize>,
}

thread_local! {
    static COUNTERS: Counters = const {
        Counters {
            allocated: Cell::new(0),
            live: Cell::new(0),
            peak: Cell::new(0),
            count: Cell::new(0),
        }
    };
}

fn on_alloc(size: usize) {
    let _ = COUNTERS.try_with(|c| {
        c.allocated.set(c.allocated.get().saturating_add(size));
        c.count.set(c.count.get() + 1);
        let live = c.live.get() + size as isize;
        c.live.set(live);
        if live > c.peak.get() {
            c.peak.set(live);
        }
    });
}

fn on_dealloc(size: usize) {
    let _ = COUNTERS.try_with(|c| c.live.set(c.live.get() - size as isize));
}

struct Counting;

// SAFETY: every call is forwarded unchanged to `System`; the counters are plain thread-local
// cells with const initialisers (no allocation, no destructor), touched only through
// `try_with`, which never panics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as our caller's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            on_alloc(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as our caller's.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            on_alloc(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        on_dealloc(layout.size());
        // SAFETY: same contract as our caller's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: same contract as our caller's.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            on_dealloc(layout.size());
            on_alloc(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What one call allocated.
#[derive(Debug, Clone, Copy)]
struct Usage {
    /// Bytes allocated in all (reallocations count their new size).
    allocated: usize,
    /// Peak live bytes above the level at the start, the result included.
    peak: usize,
    /// Number of allocations.
    count: usize,
}

/// Runs `f` and reports its allocations on this thread; the peak includes whatever `f`
/// built, result included, even if it was dropped before returning.
fn measure<T>(f: impl FnOnce() -> T) -> Usage {
    COUNTERS.with(|c| {
        c.allocated.set(0);
        c.live.set(0);
        c.peak.set(0);
        c.count.set(0);
    });
    let result = f();
    let usage = COUNTERS.with(|c| Usage {
        allocated: c.allocated.get(),
        peak: c.peak.get().max(0) as usize,
        count: c.count.get(),
    });
    drop(result);
    usage
}

// ---------------------------------------------------------------------------------------
// The decoders, by kind of body

/// Which decoder reads a fixture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decoder {
    /// `extract::certificates`: any body that carries certificates (and the catch-all for
    /// files that are no body at all: scripts, CSV tables, expected outputs).
    Extract,
    /// `wire::form::decode` then `wire::indexed::from_form`.
    FormIndexed,
    /// `wire::lines::decode`.
    Lines,
    /// `wire::json::decode`.
    Json,
    /// `wire::js::decode`.
    Js,
    /// `codec::pem::decode`.
    Pem,
    /// `codec::base64::decode`.
    Base64,
    /// `codec::pkcs7::decode`.
    Pkcs7,
    /// `codec::netscape::decode`.
    Netscape,
    /// `codec::zip::certificates`.
    Zip,
    /// `Certificate::from_der`.
    Certificate,
}

fn decoder_of_target(target: &str) -> Decoder {
    match target {
        "decode_form" | "group_indexed" | "roundtrip_form" => Decoder::FormIndexed,
        "decode_lines" => Decoder::Lines,
        "decode_json" => Decoder::Json,
        "decode_js" => Decoder::Js,
        "decode_pem" | "roundtrip_pem" => Decoder::Pem,
        "decode_base64" => Decoder::Base64,
        "decode_pkcs7" => Decoder::Pkcs7,
        "decode_netscape" => Decoder::Netscape,
        "decode_zip" => Decoder::Zip,
        "certificate_from_der" => Decoder::Certificate,
        _ => Decoder::Extract,
    }
}

/// The decoder of a fixture, from where it is.
fn decoder_of(path: &Path) -> Decoder {
    let rel = path.strip_prefix(testdata()).unwrap();
    let parts: Vec<&str> = rel.iter().map(|p| p.to_str().unwrap()).collect();
    let name = *parts.last().unwrap();
    match parts[0] {
        "fuzz-regressions" => decoder_of_target(parts[1]),
        "order-status" => Decoder::FormIndexed,
        "spec" => match &name[..3] {
            "t01" => Decoder::Extract,
            "t09" => Decoder::Json,
            "t06" | "t08" | "t11" | "t12" | "t13" => Decoder::FormIndexed,
            _ => Decoder::Lines,
        },
        _ => Decoder::Extract,
    }
}

/// Decodes `body` with `decoder`, whatever the result (errors cost memory too). The result
/// is dropped before returning; the peak counter has seen it.
fn run(decoder: Decoder, body: &[u8], limits: &Limits) {
    match decoder {
        Decoder::Extract => drop(extract::certificates_with(body, limits)),
        Decoder::FormIndexed => {
            if let Ok(form) = form::decode_with(body, limits) {
                drop(indexed::from_form_with(&form, limits));
            }
        }
        Decoder::Lines => drop(lines::decode_with(body, limits)),
        Decoder::Json => drop(json::decode_with(body, limits)),
        Decoder::Js => drop(js::decode_with(body, limits)),
        Decoder::Pem => drop(pem::decode_with(body, limits)),
        Decoder::Base64 => drop(base64::decode(body)),
        Decoder::Pkcs7 => drop(pkcs7::decode_with(body, limits)),
        Decoder::Netscape => drop(netscape::decode_certificates(body, limits)),
        Decoder::Zip => drop(zip::certificates(body, limits)),
        Decoder::Certificate => drop(sectigo_codec::Certificate::from_der(body)),
    }
}

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata")
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

// ---------------------------------------------------------------------------------------
// 1. Every fixture

/// Peak live bytes allowed per body byte. The largest measured ratio is 12.5, for the
/// GetDetailedOrderStatus body of 100 orders (`order-status/ok-100-orders.txt`, 6 000 fields
/// of about 32 bytes): each field is a 64-byte form `Pair`, then an 88-byte `IndexedField`
/// in the grouping's work list and again in its result, plus a 16-byte sort key. Bodies
/// that carry certificates stay near 3 through `extract::certificates` (the base64 text, its
/// DER, each certificate's DER copied into its `Certificate` with subject and issuer as
/// text and DER); the small DER and PEM files are dominated by `FIXED`.
const PEAK_PER_BYTE: usize = 16;
/// Bytes allocated in all per body byte (vectors that grow by doubling reallocate; scratch
/// buffers are freed and reallocated per block). Measured at most 24.2 (the same
/// GetDetailedOrderStatus body).
const ALLOCATED_PER_BYTE: usize = 32;
/// Fixed cost of a call, whatever the input: the lazily built base64 engines, the first
/// `Vec` capacities, the `x509-parser` structures of one small certificate. Small bodies
/// (a 22-byte DER, a 150-byte JavaScript error) are dominated by it.
const FIXED: usize = 24 * 1024;

/// The bound for a ZIP archive: what it inflates (at most `max_zip_uncompressed_size`, the
/// limit that makes a bomb harmless) plus the same per-byte factor on the archive itself.
/// An entry is inflated with `Read::read_to_end`, whose buffer grows by doubling, so the
/// buffer of a bomb reaches twice the limit (measured: 16.8 MB for the 8 MiB default).
fn zip_bound(len: usize, limits: &Limits) -> usize {
    2 * limits.max_zip_uncompressed_size + PEAK_PER_BYTE * len + FIXED
}

fn is_zip(body: &[u8]) -> bool {
    body.starts_with(b"PK\x03\x04")
}

#[test]
fn every_fixture_decodes_in_a_small_multiple_of_its_size() {
    let mut files = Vec::new();
    walk(&testdata(), &mut files);
    files.sort();
    assert!(files.len() > 80, "testdata/ has only {} files", files.len());
    let limits = Limits::DEFAULT;
    // Warm up the lazily initialised statics (base64 engines) outside the measurements.
    let _ = extract::certificates(include_bytes!("../testdata/chain/chain.pem"));
    let mut worst: (f64, String) = (0.0, String::new());
    eprintln!(
        "{:<62} {:>9} {:>10} {:>11} {:>7}",
        "fixture", "bytes", "peak", "allocated", "allocs"
    );
    for path in &files {
        let body = std::fs::read(path).unwrap();
        let decoder = decoder_of(path);
        let usage = measure(|| run(decoder, &body, &limits));
        let rel = path.strip_prefix(testdata()).unwrap().display().to_string();
        eprintln!(
            "{rel:<62} {:>9} {:>10} {:>11} {:>7}",
            body.len(),
            usage.peak,
            usage.allocated,
            usage.count
        );
        // ZIP archives, bare or in a form field: the inflater's state and what the entries
        // inflate to are bounded by the uncompressed-size limit, not by the archive.
        let zipped = is_zip(&body) || rel.contains("zip");
        // The pathological inputs of testdata/fuzz-regressions/ are dense records by design:
        // they get the per-record bound of the pathological-input test (see `DENSE`).
        let per_byte = if rel.starts_with("fuzz-regressions") {
            DENSE
        } else {
            FLAT
        };
        let (peak_bound, allocated_bound) = if zipped {
            (
                zip_bound(body.len(), &limits),
                2 * zip_bound(body.len(), &limits),
            )
        } else {
            (
                per_byte.0 * body.len() + FIXED,
                per_byte.1 * body.len() + FIXED,
            )
        };
        assert!(
            usage.peak <= peak_bound,
            "{rel} ({decoder:?}): peak {} > {peak_bound}",
            usage.peak
        );
        assert!(
            usage.allocated <= allocated_bound,
            "{rel} ({decoder:?}): allocated {} > {allocated_bound}",
            usage.allocated
        );
        if !zipped && per_byte == FLAT && body.len() >= 4096 {
            let ratio = usage.peak as f64 / body.len() as f64;
            if ratio > worst.0 {
                worst = (ratio, rel);
            }
        }
    }
    eprintln!(
        "largest peak per body byte (bodies of 4 KiB or more): {:.2} ({})",
        worst.0, worst.1
    );
}

// ---------------------------------------------------------------------------------------
// 2. Pathological inputs

const KIB: usize = 1024;
const MIB: usize = 1024 * 1024;

/// `unit` repeated to exactly `size` bytes.
fn fill(unit: &[u8], size: usize) -> Vec<u8> {
    unit.iter().copied().cycle().take(size).collect()
}

/// SEQUENCEs nested with definite lengths, about `size` bytes: computed from the inside out,
/// written from the outside in (linear).
fn definite_nesting(size: usize) -> Vec<u8> {
    let mut lengths = vec![0usize]; // content length of each level, innermost first
    let header = |len: usize| {
        if len < 0x80 {
            2
        } else {
            2 + (usize::BITS - len.leading_zeros()).div_ceil(8) as usize
        }
    };
    while let Some(&inner) = lengths.last() {
        let total = inner + header(inner);
        if total > size {
            break;
        }
        lengths.push(total);
    }
    lengths.pop();
    let mut out = Vec::with_capacity(size);
    for &len in lengths.iter().rev() {
        out.push(0x30);
        if len < 0x80 {
            out.push(len as u8);
        } else {
            let bytes = len.to_be_bytes();
            let skip = bytes.iter().take_while(|&&b| b == 0).count();
            out.push(0x80 | (bytes.len() - skip) as u8);
            out.extend_from_slice(&bytes[skip..]);
        }
    }
    out
}

/// One pathological input family: a name, how to build it at a size, what to run, and its
/// memory bounds per input byte (peak live bytes, bytes allocated in all).
struct Case {
    name: &'static str,
    build: fn(usize) -> Vec<u8>,
    decoder: Decoder,
    limits: fn() -> Limits,
    peak: usize,
    allocated: usize,
}

/// The bounds of inputs that decode to a few large values (or are refused early).
const FLAT: (usize, usize) = (PEAK_PER_BYTE, ALLOCATED_PER_BYTE);
/// The bounds of inputs made of tiny records decoded without limits: each record costs its
/// structure whatever its length (a form `Pair` is 64 bytes and its grouped `IndexedField`
/// about 100 more, a `Line` 32, a `JsonValue` 32 plus its number's text, a `JsVariable` 72),
/// and vectors grow by doubling. A record every 8 bytes (`1_1_x=v&`) needs about 35 bytes per
/// input byte at the peak; a new order every 8 bytes (`1_x=v&2_x=v&...`) about 70, since
/// each order's first field allocates room for four. The default limits (`max_fields`,
/// `max_lines`, `max_orders`, `max_js_variables`) cap the number of records, hence the
/// absolute cost.
const DENSE: (usize, usize) = (96, 192);

/// `1_x=v&2_x=v&...`: a new order every few bytes.
fn distinct_orders(size: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(size + 16);
    let mut i = 1u64;
    while out.len() < size {
        out.extend_from_slice(format!("{i}_x=v&").as_bytes());
        i += 1;
    }
    out.truncate(size);
    out
}

fn default_limits() -> Limits {
    Limits::DEFAULT
}

/// Limits high enough that the input is decoded to the end (the linearity of the whole
/// decoder, not of the early refusal).
fn no_limits() -> Limits {
    let mut limits = Limits::DEFAULT;
    limits.max_fields = usize::MAX;
    limits.max_lines = usize::MAX;
    limits.max_pem_blocks = usize::MAX;
    limits.max_js_variables = usize::MAX;
    limits.max_orders = usize::MAX;
    limits.max_certificates_per_order = usize::MAX;
    limits
}

const CASES: &[Case] = &[
    Case {
        name: "1 MiB of &",
        build: |n| fill(b"&", n),
        decoder: Decoder::FormIndexed,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "1 MiB of %41",
        build: |n| fill(b"%41", n),
        decoder: Decoder::FormIndexed,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "1 MiB of 1_1_ (one key)",
        build: |n| fill(b"1_1_", n),
        decoder: Decoder::FormIndexed,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "1 MiB of 1_1_x=v& (fields, no limit)",
        build: |n| fill(b"1_1_x=v&", n),
        decoder: Decoder::FormIndexed,
        limits: no_limits,
        peak: DENSE.0,
        allocated: DENSE.1,
    },
    Case {
        name: "distinct orders (no limit)",
        build: distinct_orders,
        decoder: Decoder::FormIndexed,
        limits: no_limits,
        peak: DENSE.0,
        allocated: DENSE.1,
    },
    Case {
        name: "distinct orders (order limit)",
        build: distinct_orders,
        decoder: Decoder::FormIndexed,
        limits: default_limits,
        peak: DENSE.0,
        allocated: DENSE.1,
    },
    Case {
        name: "1 MiB of a=1& (field limit)",
        build: |n| fill(b"a=1&", n),
        decoder: Decoder::FormIndexed,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "1 MiB of a& (no limit)",
        build: |n| fill(b"a&", n),
        decoder: Decoder::FormIndexed,
        limits: no_limits,
        peak: 160,
        allocated: 320,
    },
    Case {
        name: "1 MiB of =",
        build: |n| fill(b"=", n),
        decoder: Decoder::FormIndexed,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "1 MiB of v=% %zz %&",
        build: |n| fill(b"v=% %zz %&", n),
        decoder: Decoder::FormIndexed,
        limits: no_limits,
        peak: DENSE.0,
        allocated: DENSE.1,
    },
    Case {
        name: "1 MiB of newlines",
        build: |n| fill(b"\n", n),
        decoder: Decoder::Lines,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "1 MiB of x lines (no limit)",
        build: |n| {
            let mut b = b"0\n".to_vec();
            b.extend(fill(b"x\n", n - 2));
            b
        },
        decoder: Decoder::Lines,
        limits: no_limits,
        peak: DENSE.0,
        allocated: DENSE.1,
    },
    Case {
        name: "BER 30 80 nesting",
        build: |n| fill(&[0x30, 0x80], n),
        decoder: Decoder::Pkcs7,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "BER A0 80 nesting",
        build: |n| fill(&[0xa0, 0x80], n),
        decoder: Decoder::Pkcs7,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "BER 30 80 nesting (extract)",
        build: |n| fill(&[0x30, 0x80], n),
        decoder: Decoder::Extract,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "definite-length nesting",
        build: definite_nesting,
        decoder: Decoder::Pkcs7,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "definite-length nesting (netscape)",
        build: definite_nesting,
        decoder: Decoder::Netscape,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "definite-length nesting (certificate)",
        build: definite_nesting,
        decoder: Decoder::Certificate,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "empty PEM blocks (limit)",
        build: |n| fill(b"-----BEGIN X-----\n-----END X-----\n", n),
        decoder: Decoder::Pem,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "empty PEM blocks (no limit)",
        build: |n| fill(b"-----BEGIN X-----\n-----END X-----\n", n),
        decoder: Decoder::Pem,
        limits: no_limits,
        peak: DENSE.0,
        allocated: DENSE.1,
    },
    Case {
        name: "BEGIN CERTIFICATE lines",
        build: |n| fill(b"-----BEGIN CERTIFICATE-----\n", n),
        decoder: Decoder::Pem,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "BEGIN CERTIFICATE lines (extract)",
        build: |n| fill(b"-----BEGIN CERTIFICATE-----\n", n),
        decoder: Decoder::Extract,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "empty CERTIFICATE blocks (extract)",
        build: |n| {
            fill(
                b"-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n",
                n,
            )
        },
        decoder: Decoder::Extract,
        limits: no_limits,
        peak: DENSE.0,
        allocated: DENSE.1,
    },
    Case {
        name: "dashes",
        build: |n| fill(b"-", n),
        decoder: Decoder::Pem,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "JSON [",
        build: |n| fill(b"[", n),
        decoder: Decoder::Json,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "JSON values (no limit)",
        build: |n| {
            let mut b = b"[".to_vec();
            b.extend(fill(b"0,", n - 3));
            b.extend(b"0]");
            b
        },
        decoder: Decoder::Json,
        limits: no_limits,
        peak: DENSE.0,
        allocated: DENSE.1,
    },
    Case {
        name: "Python-literal quotes",
        build: |n| fill(b"'", n),
        decoder: Decoder::Json,
        limits: default_limits,
        peak: DENSE.0,
        allocated: DENSE.1,
    },
    Case {
        name: "var g_x=' repeated",
        build: |n| fill(b"var g_x='", n),
        decoder: Decoder::Js,
        limits: no_limits,
        peak: DENSE.0,
        allocated: DENSE.1,
    },
    Case {
        name: "var g_x=' then an unterminated string",
        build: |n| {
            let mut b = b"var g_x='".to_vec();
            b.extend(fill(b"A", n - 9));
            b
        },
        decoder: Decoder::Js,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "JS declarations (no limit)",
        build: |n| fill(b"g_a=1;", n),
        decoder: Decoder::Js,
        limits: no_limits,
        peak: DENSE.0,
        allocated: DENSE.1,
    },
    Case {
        name: "JS concatenation",
        build: |n| {
            let mut b = b"var g_ccc = 'A'".to_vec();
            b.extend(fill(b" +\n'A'", n - 16));
            b.push(b';');
            b
        },
        decoder: Decoder::Js,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "JS surrounding text",
        build: |n| fill(b"<p>junk line</p>\n", n),
        decoder: Decoder::Js,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "base64 with whitespace",
        build: |n| fill(b"QUJD \t\r\n", n),
        decoder: Decoder::Base64,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
    Case {
        name: "base64 = padding",
        build: |n| fill(b"=", n),
        decoder: Decoder::Base64,
        limits: default_limits,
        peak: FLAT.0,
        allocated: FLAT.1,
    },
];

/// Median of `runs` timings of `decoder` on `body`.
fn median_time(decoder: Decoder, body: &[u8], limits: &Limits, runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            run(decoder, body, limits);
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// Below this, a timing is scheduler noise rather than work; a ratio of two such timings
/// means nothing.
const NOISE: Duration = Duration::from_micros(300);

#[test]
fn pathological_inputs_cost_linear_time_and_bounded_memory() {
    let mut failures = Vec::new();
    for case in CASES {
        let limits = (case.limits)();
        let small = (case.build)(256 * KIB);
        let large = (case.build)(MIB);
        run(case.decoder, &small, &limits); // warm-up
        let mut t_small = median_time(case.decoder, &small, &limits, 3);
        let mut t_large = median_time(case.decoder, &large, &limits, 3);
        let mut ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-9);
        if ratio > 8.0 && t_large > NOISE {
            // The machine is shared: measure once more, with more runs, before concluding.
            t_small = median_time(case.decoder, &small, &limits, 7);
            t_large = median_time(case.decoder, &large, &limits, 7);
            ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-9);
        }
        let usage = measure(|| run(case.decoder, &large, &limits));
        eprintln!(
            "{:<42} 256K {:>9.3} ms  1M {:>9.3} ms  ratio {:>5.2}  peak {:>9} B  allocated {:>9} B  allocs {:>7}",
            case.name,
            t_small.as_secs_f64() * 1e3,
            t_large.as_secs_f64() * 1e3,
            ratio,
            usage.peak,
            usage.allocated,
            usage.count
        );
        if ratio > 8.0 && t_large > NOISE {
            failures.push(format!(
                "{}: 4x the input cost {ratio:.1}x the time",
                case.name
            ));
        }
        if usage.peak > case.peak * large.len() + FIXED {
            failures.push(format!(
                "{}: peak {} bytes for {}",
                case.name,
                usage.peak,
                large.len()
            ));
        }
        if usage.allocated > case.allocated * large.len() + FIXED {
            failures.push(format!(
                "{}: allocated {} bytes",
                case.name, usage.allocated
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The ZIP bomb (64 MiB of zeros in 64 KiB) is refused at the uncompressed-size limit, with
/// memory bounded by that limit, and the work grows linearly with the limit, not with what
/// the archive claims.
#[test]
fn zip_bomb_costs_what_the_limit_allows() {
    let bomb = include_bytes!("../testdata/zip/bomb.zip");
    let mut times = Vec::new();
    for max in [2 * MIB, 8 * MIB] {
        let mut limits = Limits::DEFAULT;
        limits.max_zip_uncompressed_size = max;
        let err = zip::entries(bomb, &limits).unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::LimitExceeded {
                limit: Limit::ZipUncompressedSize,
                max
            }
        );
        let usage = measure(|| zip::entries(bomb, &limits));
        eprintln!(
            "bomb.zip with a {max}-byte limit: peak {} B, allocated {} B",
            usage.peak, usage.allocated
        );
        // The entry buffer doubles but never past the limit (plus the one byte that proves
        // the entry is too large): the peak is the limit, the total at most twice it.
        assert!(usage.peak <= max + PEAK_PER_BYTE * bomb.len() + FIXED);
        assert!(usage.allocated <= 2 * max + FIXED + PEAK_PER_BYTE * bomb.len());
        times.push(median_time(Decoder::Zip, bomb, &limits, 5));
    }
    let ratio = times[1].as_secs_f64() / times[0].as_secs_f64();
    eprintln!(
        "bomb.zip: {:?} at 2 MiB, {:?} at 8 MiB, ratio {ratio:.2}",
        times[0], times[1]
    );
    assert!(ratio <= 8.0, "4x the limit cost {ratio:.1}x the time");
}

// ---------------------------------------------------------------------------------------
// 3. Limits at the cap and one past it
//
// Every `Limit` a decoder on main enforces, and the test that hits it exactly at the cap and
// one past it (B = body size, F = fields, ...):
//
// | limit | decoder | test |
// |---|---|---|
// | BodySize | form | tests/wire_form.rs `limits_are_exact_at_the_cap_and_one_past_it`, unit `form::tests::body_size_limit_is_exact` |
// | BodySize | lines, json, js, pem (field mode), pkcs7, netscape, zip | `body_size_limit_of_every_decoder` (here) |
// | BodySize | pem | unit `pem::tests::body_size_limit_is_exact` (and here) |
// | BodySize | extract | tests/extract.rs `limits_apply_to_the_whole_body_and_the_certificate_count` |
// | Fields | form | tests/wire_form.rs `limits_are_exact_at_the_cap_and_one_past_it`, unit `form::tests::field_limit_is_exact` |
// | Fields | indexed::group_with | unit `indexed::tests::field_limit_is_exact` |
// | Fields | indexed::from_form_with | `indexed_limits_through_a_form` (here) |
// | Fields | json (values) | unit `json::tests::value_limit_is_exact` |
// | Lines | lines | tests/wire_text.rs `line_limit_at_the_cap_and_one_past_it`, unit `lines::tests::line_limit_is_exact` |
// | PemBlocks | pem | unit `pem::tests::block_limit_is_exact`; field mode and through pkcs7 here |
// | Certificates | pkcs7 (DER; across PEM blocks) | tests/codec.rs `pkcs7_certificate_limit_at_cap_and_one_past`, unit `pkcs7::tests::certificate_limit_is_exact`, `certificate_limit_counts_across_pem_blocks` |
// | Certificates | pkcs7 (base64) | `certificate_limit_through_base64` (here) |
// | Certificates | netscape | unit `netscape::tests::certificate_limit_is_exact` |
// | Certificates | zip | tests/codec.rs `zip_certificate_limit_counts_across_entries` |
// | Certificates | extract | tests/extract.rs `limits_apply_to_the_whole_body_and_the_certificate_count` |
// | DerDepth (MAX_DER_DEPTH) | pkcs7, netscape | `der_depth_limit_is_exact` (here) |
// | DerDepth (nesting of containers) | extract | `extract_nesting_limit_is_exact` (here) |
// | JsonDepth | json | unit `json::tests::depth_limit_is_exact` |
// | ZipEntries | zip | tests/codec.rs `zip_entry_limit_at_cap_and_one_past` |
// | ZipUncompressedSize | zip | tests/codec.rs `zip_uncompressed_limit_at_cap_and_one_past` |
// | Orders, CertificatesPerOrder | indexed::group_with | unit `indexed::tests::order_and_certificate_limits_are_exact` |
// | Orders, CertificatesPerOrder | indexed::from_form_with | `indexed_limits_through_a_form` (here) |
// | JsVariables | js | tests/wire_text.rs `javascript_variable_limit_at_the_cap_and_one_past_it`, unit `js::tests::variable_limit_is_exact` |
// | CsrSize | csr | tests/csr_lint.rs `size_limit_at_the_cap_and_one_past` |

fn limit_kind(limit: Limit, max: usize) -> DecodeErrorKind {
    DecodeErrorKind::LimitExceeded { limit, max }
}

fn with_body_size(max: usize) -> Limits {
    let mut limits = Limits::DEFAULT;
    limits.max_body_size = max;
    limits
}

#[test]
fn body_size_limit_of_every_decoder() {
    let p7 = include_bytes!("../testdata/pkcs7/chain.p7b");
    let nsc = include_bytes!("../testdata/netscape/chain.nsc");
    let zipped = include_bytes!("../testdata/zip/chain-der.zip");
    let pem_text = include_bytes!("../testdata/chain/leaf.pem");
    type Run = fn(&[u8], &Limits) -> Result<(), sectigo_codec::DecodeError>;
    let cases: [(&str, &[u8], Format, Run); 8] = [
        ("lines", b"0\nline two\n", Format::Newline, |b, l| {
            lines::decode_with(b, l).map(drop)
        }),
        ("json", br#"{"errorCode": 0}"#, Format::Json, |b, l| {
            json::decode_with(b, l).map(drop)
        }),
        ("js", b"var g_errorCode = 0;", Format::JavaScript, |b, l| {
            js::decode_with(b, l).map(drop)
        }),
        ("pem", pem_text, Format::Pem, |b, l| {
            pem::decode_with(b, l).map(drop)
        }),
        ("pem field", pem_text, Format::Pem, |b, l| {
            pem::decode_field_with(std::str::from_utf8(b).unwrap(), l).map(drop)
        }),
        ("pkcs7", p7, Format::Pkcs7, |b, l| {
            pkcs7::decode_with(b, l).map(drop)
        }),
        ("netscape", nsc, Format::NetscapeSequence, |b, l| {
            netscape::decode_certificates(b, l).map(drop)
        }),
        ("zip", zipped, Format::Zip, |b, l| {
            zip::entries(b, l).map(drop)
        }),
    ];
    for (name, body, format, run) in cases {
        run(body, &with_body_size(body.len())).unwrap_or_else(|e| panic!("{name} at the cap: {e}"));
        let err = run(body, &with_body_size(body.len() - 1)).unwrap_err();
        assert_eq!(
            err.kind(),
            &limit_kind(Limit::BodySize, body.len() - 1),
            "{name}"
        );
        assert_eq!(err.format(), format, "{name}");
    }
}

/// The issue's own case: a PEM body of exactly 100 000 empty blocks. With the default limits
/// the decoder stops at block 1 025, where the limit is; without them it reads all 100 000
/// with allocations bounded like every other dense input.
#[test]
fn one_hundred_thousand_empty_pem_blocks() {
    let block = b"-----BEGIN X-----\n-----END X-----\n";
    let body = block.repeat(100_000);
    let err = pem::decode_with(&body, &Limits::DEFAULT).unwrap_err();
    assert_eq!(
        err.kind(),
        &limit_kind(Limit::PemBlocks, Limits::DEFAULT.max_pem_blocks)
    );
    assert_eq!(
        err.offset(),
        Some(Limits::DEFAULT.max_pem_blocks * block.len())
    );

    let limits = no_limits();
    let mut blocks = 0;
    let usage = measure(|| {
        let pem = pem::decode_with(&body, &limits).unwrap();
        blocks = pem.blocks().len();
        pem
    });
    assert_eq!(blocks, 100_000);
    assert!(
        usage.peak <= DENSE.0 * body.len() && usage.allocated <= DENSE.1 * body.len(),
        "{usage:?} for {} bytes",
        body.len()
    );
}

#[test]
fn pem_block_limit_in_field_mode_and_through_pkcs7() {
    let block = "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n";
    let text = block.repeat(3);
    let mut limits = Limits::DEFAULT;
    limits.max_pem_blocks = 3;
    assert_eq!(
        pem::decode_field_with(&text, &limits)
            .unwrap()
            .blocks()
            .len(),
        3
    );
    limits.max_pem_blocks = 2;
    let err = pem::decode_field_with(&text, &limits).unwrap_err();
    assert_eq!(err.kind(), &limit_kind(Limit::PemBlocks, 2));
    assert_eq!(err.offset(), Some(2 * block.len()));

    let bag = pkcs7::encode_certs_only(&[&[0x30, 0x00]]);
    let p7_text = pem::encode(&PemLabel::Pkcs7, &bag).repeat(2);
    limits.max_pem_blocks = 2;
    assert_eq!(
        pkcs7::decode_with(p7_text.as_bytes(), &limits)
            .unwrap()
            .len(),
        2
    );
    limits.max_pem_blocks = 1;
    let err = pkcs7::decode_with(p7_text.as_bytes(), &limits).unwrap_err();
    assert_eq!(err.kind(), &limit_kind(Limit::PemBlocks, 1));
}

#[test]
fn certificate_limit_through_base64() {
    let certs: [&[u8]; 3] = [&[0x30, 0x00], &[0x30, 0x01, 0x05], &[0x30, 0x00]];
    let text = base64::encode(&pkcs7::encode_certs_only(&certs));
    let mut limits = Limits::DEFAULT;
    limits.max_certificates = 3;
    assert_eq!(
        pkcs7::decode_with(text.as_bytes(), &limits).unwrap().len(),
        3
    );
    limits.max_certificates = 2;
    let err = pkcs7::decode_with(text.as_bytes(), &limits).unwrap_err();
    assert_eq!(err.kind(), &limit_kind(Limit::Certificates, 2));
    assert_eq!(err.context()[0].format(), Format::Base64);
}

#[test]
fn indexed_limits_through_a_form() {
    let body = b"errorCode=0&1_1_a=&1_2_a=&2_orderNumber=7&2_1_a=";
    let form = form::decode(body).unwrap();
    let mut limits = Limits::DEFAULT;
    limits.max_fields = 5;
    limits.max_orders = 2;
    limits.max_certificates_per_order = 2;
    let grouped = indexed::from_form_with(&form, &limits).unwrap();
    assert_eq!(grouped.orders().len(), 2);
    assert_eq!(grouped.order(1).unwrap().certificates().len(), 2);

    let mut fewer = limits.clone();
    fewer.max_fields = 4;
    let err = indexed::from_form_with(&form, &fewer).unwrap_err();
    assert_eq!(err.kind(), &limit_kind(Limit::Fields, 4));
    assert_eq!(err.offset(), Some(42)); // `2_1_a`, the fifth pair

    let mut fewer = limits.clone();
    fewer.max_orders = 1;
    let err = indexed::from_form_with(&form, &fewer).unwrap_err();
    assert_eq!(err.kind(), &limit_kind(Limit::Orders, 1));
    assert_eq!(err.field(), Some("2_orderNumber"));
    assert_eq!(err.offset(), Some(26));

    let mut fewer = limits;
    fewer.max_certificates_per_order = 1;
    let err = indexed::from_form_with(&form, &fewer).unwrap_err();
    assert_eq!(err.kind(), &limit_kind(Limit::CertificatesPerOrder, 1));
    assert_eq!(err.field(), Some("1_2_a"));
    assert_eq!(err.offset(), Some(19));
}

/// A certs-only bag whose last element (in place of `signerInfos`) is nested `depth` levels
/// deep with BER indefinite lengths (`30 80 ... 00 00`).
fn bag_with_nesting(depth: usize) -> Vec<u8> {
    fn tlv(tag: u8, value: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        let len = value.len();
        if len < 0x80 {
            out.push(len as u8);
        } else {
            out.extend([0x82, (len >> 8) as u8, len as u8]);
        }
        out.extend_from_slice(value);
        out
    }
    let mut nested = [0x30, 0x80].repeat(depth);
    nested.extend([0x00, 0x00].repeat(depth));
    let data_oid = [
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01,
    ];
    let signed_oid = [
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02,
    ];
    let signed_data = tlv(
        0x30,
        &[
            &[0x02, 0x01, 0x01][..],
            &[0x31, 0x00],
            &tlv(0x30, &data_oid),
            &tlv(0xa0, &[0x30, 0x00]),
            // Where `signerInfos` goes: the walk reads every element there.
            &nested,
        ]
        .concat(),
    );
    tlv(0x30, &[&signed_oid[..], &tlv(0xa0, &signed_data)].concat())
}

#[test]
fn der_depth_limit_is_exact() {
    let ok = bag_with_nesting(MAX_DER_DEPTH);
    let p7 = pkcs7::parse_der(&ok).unwrap();
    assert_eq!(p7.certificates(), [&[0x30, 0x00][..]]);
    let err = pkcs7::parse_der(&bag_with_nesting(MAX_DER_DEPTH + 1)).unwrap_err();
    assert_eq!(err.kind(), &limit_kind(Limit::DerDepth, MAX_DER_DEPTH));
    assert_eq!(err.format(), Format::Pkcs7);

    // The Netscape sequence shares the walk: an indefinite element nested inside its list.
    let nsc = |depth: usize| {
        let mut list = vec![0x30, 0x80];
        list.extend([0x30, 0x80].repeat(depth));
        list.extend([0x00, 0x00].repeat(depth));
        list.extend([0x00, 0x00]);
        let oid = [
            0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x86, 0xf8, 0x42, 0x02, 0x05,
        ];
        let mut content = vec![0xa0, 0x80];
        content.extend(list);
        content.extend([0x00, 0x00]);
        let mut out = vec![0x30, 0x80];
        out.extend(oid);
        out.extend(content);
        out.extend([0x00, 0x00]);
        out
    };
    // The outer SEQUENCE, [0] and the list are three levels of the same scan.
    assert!(netscape::parse_der(&nsc(MAX_DER_DEPTH - 3)).is_ok());
    let err = netscape::parse_der(&nsc(MAX_DER_DEPTH - 2)).unwrap_err();
    assert_eq!(err.kind(), &limit_kind(Limit::DerDepth, MAX_DER_DEPTH));
}

/// A JavaScript body whose `g_ccc` holds another JavaScript body, `levels` times, around
/// the base64 of a DER certificate. (JavaScript is the one container whose payload is read
/// as any body again; PEM text would be recognised at the outermost level already.)
fn nested_javascript(levels: usize) -> Vec<u8> {
    let mut body = base64::encode(include_bytes!("../testdata/chain/leaf.der"));
    for _ in 0..levels {
        let escaped: String = body
            .chars()
            .map(|c| match c {
                '\n' => Cow::Borrowed("\\n"),
                '\'' => Cow::Borrowed("\\'"),
                '\\' => Cow::Borrowed("\\\\"),
                c => Cow::Owned(c.to_string()),
            })
            .collect();
        body = format!("var g_errorCode = 0;\nvar g_ccc = '{escaped}';\n");
    }
    body.into_bytes()
}

#[test]
fn extract_nesting_limit_is_exact() {
    // Each JavaScript body is one container level; the base64 inside the last is read at
    // depth `levels`; extract allows 4.
    let found = extract::certificates(&nested_javascript(4)).unwrap();
    assert_eq!(found.chain().len(), 1);
    assert_eq!(found.status(), Some(0));
    let err = extract::certificates(&nested_javascript(5)).unwrap_err();
    assert_eq!(err.kind(), &limit_kind(Limit::DerDepth, 4));
    assert_eq!(err.format(), Format::Response);
    assert_eq!(err.context().len(), 5);
}
