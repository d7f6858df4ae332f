//! Tables computed at compile time: the odd primes up to 65537, their division-free
//! divisibility tests, the packed moduli, square residues mod 256 and ROCA's subgroups.
//!
//! Everything here is evaluated by the compiler (`const fn` into `static`s), so an index or an
//! overflow out of range is a build error, never a run-time panic.
#![allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation,
    clippy::large_const_arrays,
    reason = "const evaluation: any out-of-range index or overflow fails the build"
)]

// ---------------------------------------------------------------------------------------------
// Compile-time tables
// ---------------------------------------------------------------------------------------------

/// The largest prime trial-divided (badkeys' bound, 2^16 + 1).
pub(crate) const SMALL_PRIME_BOUND: u32 = 65_537;
const SIEVE_LEN: usize = SMALL_PRIME_BOUND as usize + 1;

const fn sieve() -> [bool; SIEVE_LEN] {
    let mut composite = [false; SIEVE_LEN];
    composite[0] = true;
    composite[1] = true;
    let mut i = 2;
    while i * i < SIEVE_LEN {
        if !composite[i] {
            let mut j = i * i;
            while j < SIEVE_LEN {
                composite[j] = true;
                j += i;
            }
        }
        i += 1;
    }
    composite
}

const COMPOSITE: [bool; SIEVE_LEN] = sieve();

const fn count_odd_primes() -> usize {
    let mut n = 0;
    let mut i = 3;
    while i < SIEVE_LEN {
        if !COMPOSITE[i] {
            n += 1;
        }
        i += 2;
    }
    n
}

pub(super) const ODD_PRIME_COUNT: usize = count_odd_primes();

const fn odd_primes() -> [u32; ODD_PRIME_COUNT] {
    let mut out = [0u32; ODD_PRIME_COUNT];
    let mut n = 0;
    let mut i = 3;
    while i < SIEVE_LEN {
        if !COMPOSITE[i] {
            out[n] = i as u32;
            n += 1;
        }
        i += 2;
    }
    out
}

/// All odd primes up to 65537, ascending.
pub(super) static ODD_PRIMES: [u32; ODD_PRIME_COUNT] = odd_primes();

/// Inverse of odd `d` modulo 2^64 (Newton iteration; 6 steps double 3 correct bits to 64+).
const fn inverse_mod_2_64(d: u64) -> u64 {
    let mut x = d; // correct to 3 bits for odd d
    let mut i = 0;
    while i < 6 {
        x = x.wrapping_mul(2u64.wrapping_sub(d.wrapping_mul(x)));
        i += 1;
    }
    x
}

/// Divisibility test by an odd prime `p` without division: `x` is a multiple of `p` iff
/// `x * p^-1 mod 2^64 <= (2^64 - 1) / p` (Granlund-Montgomery).
#[derive(Debug, Clone, Copy)]
pub(super) struct PrimeTest {
    pub(super) inverse: u64,
    pub(super) limit: u64,
}

const fn prime_tests() -> [PrimeTest; ODD_PRIME_COUNT] {
    let primes = odd_primes();
    let mut out = [PrimeTest {
        inverse: 0,
        limit: 0,
    }; ODD_PRIME_COUNT];
    let mut i = 0;
    while i < ODD_PRIME_COUNT {
        let p = primes[i] as u64;
        out[i] = PrimeTest {
            inverse: inverse_mod_2_64(p),
            limit: u64::MAX / p,
        };
        i += 1;
    }
    out
}

pub(super) static PRIME_TESTS: [PrimeTest; ODD_PRIME_COUNT] = prime_tests();

/// A product of consecutive odd primes, below 2^63 so that word-by-word Montgomery reduction
/// cannot overflow 128 bits.
#[derive(Debug, Clone, Copy)]
pub(super) struct Modulus {
    pub(super) d: u64,
    /// `-d^-1 mod 2^64`.
    pub(super) neg_inv: u64,
    /// `2^64 mod d` (Montgomery one).
    pub(super) r1: u64,
    /// `2^128 mod d`.
    pub(super) r2: u64,
    /// Index of the first prime in [`ODD_PRIMES`].
    pub(super) first: u16,
    /// Number of primes in the product.
    pub(super) count: u16,
}

pub(super) const MODULUS_BOUND: u128 = 1 << 63;

const fn count_moduli() -> usize {
    let primes = odd_primes();
    let mut count = 0;
    let mut product: u128 = 1;
    let mut i = 0;
    while i < ODD_PRIME_COUNT {
        let next = product * primes[i] as u128;
        if next >= MODULUS_BOUND {
            count += 1;
            product = primes[i] as u128;
        } else {
            product = next;
        }
        i += 1;
    }
    count + 1
}

pub(super) const MODULUS_COUNT: usize = count_moduli();

const fn make_modulus(d: u64, first: usize, count: usize) -> Modulus {
    let r1 = ((1u128 << 64) % d as u128) as u64;
    Modulus {
        d,
        neg_inv: inverse_mod_2_64(d).wrapping_neg(),
        r1,
        r2: ((r1 as u128 * r1 as u128) % d as u128) as u64,
        first: first as u16,
        count: count as u16,
    }
}

const fn moduli() -> [Modulus; MODULUS_COUNT] {
    let primes = odd_primes();
    let mut out = [make_modulus(3, 0, 0); MODULUS_COUNT];
    let mut m = 0;
    let mut product: u128 = 1;
    let mut first = 0;
    let mut i = 0;
    while i < ODD_PRIME_COUNT {
        let next = product * primes[i] as u128;
        if next >= MODULUS_BOUND {
            out[m] = make_modulus(product as u64, first, i - first);
            m += 1;
            product = primes[i] as u128;
            first = i;
        } else {
            product = next;
        }
        i += 1;
    }
    out[m] = make_modulus(product as u64, first, ODD_PRIME_COUNT - first);
    out
}

pub(super) static MODULI: [Modulus; MODULUS_COUNT] = moduli();

/// Squares modulo 256, as a bitmask (bit `r` set when `r` is a square mod 256).
const fn squares_mod_256() -> [u64; 4] {
    let mut mask = [0u64; 4];
    let mut x = 0u32;
    while x < 256 {
        let r = (x * x) % 256;
        mask[(r / 64) as usize] |= 1 << (r % 64);
        x += 1;
    }
    mask
}

pub(super) static SQUARES_256: [u64; 4] = squares_mod_256();

/// The odd primes up to 167 (the primorial of Infineon's smallest `M` is 2 * ... * 167).
pub(super) const ROCA_PRIMES: [u32; 38] = [
    3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97,
    101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167,
];

/// For each ROCA prime `r`, the residues `65537^i mod r` as a 192-bit mask.
const fn roca_masks() -> [[u64; 3]; 38] {
    let mut out = [[0u64; 3]; 38];
    let mut k = 0;
    while k < 38 {
        let r = ROCA_PRIMES[k] as u64;
        let g = 65_537 % r;
        let mut x = 1u64;
        let mut i = 0;
        while i < r {
            out[k][(x / 64) as usize] |= 1 << (x % 64);
            x = x * g % r;
            i += 1;
        }
        k += 1;
    }
    out
}

pub(super) static ROCA_MASKS: [[u64; 3]; 38] = roca_masks();

/// The odd primes whose square residues filter Fermat rounds.
pub(super) const FERMAT_FILTER_PRIMES: [u32; 20] = [
    3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73,
];

/// For each Fermat filter prime `p`, the squares mod `p` (0 included) as a bitmask.
const fn square_masks() -> [u128; 20] {
    let mut out = [0u128; 20];
    let mut i = 0;
    while i < 20 {
        let p = FERMAT_FILTER_PRIMES[i] as u128;
        let mut x = 0;
        while x < p {
            out[i] |= 1 << ((x * x) % p);
            x += 1;
        }
        i += 1;
    }
    out
}

pub(super) static SQUARE_MASKS: [u128; 20] = square_masks();

/// Largest exponent the perfect-power test needs: `m > 65537` and `n` at most 16384 bits
/// (the analysis cap) give `k < 16384 / 16`.
const MAX_POWER_EXPONENT: u32 = 1024;

/// Filters per exponent: at most this many primes `q = 1 (mod k)`.
pub(super) const MAX_POWER_FILTERS: usize = 20;

const fn count_power_exponents() -> usize {
    let primes = odd_primes();
    let mut n = 0;
    while n < ODD_PRIME_COUNT && primes[n] <= MAX_POWER_EXPONENT {
        n += 1;
    }
    n
}

pub(super) const POWER_EXPONENT_COUNT: usize = count_power_exponents();

/// One row per odd prime exponent `k <= 1024`: primes `q = 1 (mod k)`, `q <= 65537`, enough
/// that a random residue passes every filter with probability below 2^-20 (`ceil(20 / log2
/// k)` of them, or as many as exist).
#[derive(Debug, Clone, Copy)]
pub(super) struct PowerFilters {
    pub(super) k: u32,
    pub(super) q: [u32; MAX_POWER_FILTERS],
    pub(super) count: usize,
}

const fn power_filters() -> [PowerFilters; POWER_EXPONENT_COUNT] {
    let primes = odd_primes();
    let mut out = [PowerFilters {
        k: 0,
        q: [0; MAX_POWER_FILTERS],
        count: 0,
    }; POWER_EXPONENT_COUNT];
    let mut i = 0;
    while i < POWER_EXPONENT_COUNT {
        let k = primes[i];
        let log2 = 31 - k.leading_zeros();
        let needed = 20u32.div_ceil(log2);
        let mut row = PowerFilters {
            k,
            q: [0; MAX_POWER_FILTERS],
            count: 0,
        };
        let mut j = 0;
        while j < ODD_PRIME_COUNT && row.count < needed as usize {
            if primes[j] % k == 1 {
                row.q[row.count] = primes[j];
                row.count += 1;
            }
            j += 1;
        }
        out[i] = row;
        i += 1;
    }
    out
}

pub(super) static POWER_FILTERS: [PowerFilters; POWER_EXPONENT_COUNT] = power_filters();
