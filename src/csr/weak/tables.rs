//! Tables computed at compile time: the odd primes up to 65537, their division-free
//! divisibility tests, the packed moduli with their power tables, the Fermat square masks,
//! ROCA's subgroups and the perfect-power filters.
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
// The primes
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

const PRIMES: [u32; ODD_PRIME_COUNT] = odd_primes();

/// All odd primes up to 65537, ascending.
#[cfg(test)]
pub(super) static ODD_PRIMES: [u32; ODD_PRIME_COUNT] = PRIMES;

/// Inverse of odd `d` modulo 2^64 (Newton iteration; 6 steps double 3 correct bits to 64+).
pub(super) const fn inverse_mod_2_64(d: u64) -> u64 {
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

const fn prime_test(p: u32) -> PrimeTest {
    PrimeTest {
        inverse: inverse_mod_2_64(p as u64),
        limit: u64::MAX / p as u64,
    }
}

// ---------------------------------------------------------------------------------------------
// Packing the primes into moduli below 2^58
// ---------------------------------------------------------------------------------------------

/// Every packed modulus is below this bound. 2^58 leaves the headroom for the residue pass:
/// 17 products of two sums `limb + weight < 2^61 + 2^58`, plus two more terms below 2^122,
/// stay below 2^127, and one Montgomery step on that sum stays below 2^128 (see
/// `weak::chunk4`).
pub(super) const MODULUS_BOUND: u64 = 1 << 58;

/// The odd primes up to 167 (the primorial of Infineon's smallest `M` is 2 * ... * 167) are
/// packed first, consecutively, so ROCA and the Fermat filters find their residues in the
/// first few moduli.
pub(super) const RESERVED_PRIMES: usize = 38;

/// At most this many primes in a modulus, so that every modulus has the same number of
/// divisibility tests (padded; see [`PACKED_TESTS`]). Below 2^58, only the reserved small
/// primes and a handful of mid-size ones would fit more.
pub(super) const PRIMES_PER_MODULUS: usize = 4;

/// Upper bound on the number of moduli (for the packing's scratch arrays).
const MAX_MODULI: usize = ODD_PRIME_COUNT / 2;

/// The result of the packing: prime indices in packed order, and where each modulus starts.
#[derive(Clone, Copy)]
struct Packing {
    order: [u16; ODD_PRIME_COUNT],
    starts: [u16; MAX_MODULI + 1],
    count: usize,
}

/// Index of the largest prime `<= lim` (with `lim >= 3`), by binary search.
const fn largest_at_most(lim: u64) -> usize {
    let (mut lo, mut hi) = (0usize, ODD_PRIME_COUNT);
    // Invariant: PRIMES[lo] <= lim (lim >= 3), PRIMES[hi] > lim or hi == len.
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if PRIMES[mid] as u64 <= lim {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    lo
}

/// Packs the primes, at most four a modulus: the reserved small primes consecutively, then
/// the rest by "largest first, then the largest prime that still fits" (1692 moduli below
/// 2^58; the plain consecutive packing needs 1936, and 94 042 bits of primes cannot fit in
/// fewer than 1622).
const fn pack() -> Packing {
    let mut used = [false; ODD_PRIME_COUNT];
    let mut out = Packing {
        order: [0; ODD_PRIME_COUNT],
        starts: [0; MAX_MODULI + 1],
        count: 0,
    };
    let mut pos = 0;
    // Reserved: consecutive.
    let mut product: u64 = 1;
    let mut i = 0;
    let mut in_modulus = 0;
    while i < RESERVED_PRIMES {
        let p = PRIMES[i] as u64;
        if product > (MODULUS_BOUND - 1) / p || in_modulus == PRIMES_PER_MODULUS {
            out.count += 1;
            out.starts[out.count] = pos as u16;
            product = 1;
            in_modulus = 0;
        }
        product *= p;
        in_modulus += 1;
        out.order[pos] = i as u16;
        used[i] = true;
        pos += 1;
        i += 1;
    }
    out.count += 1;
    out.starts[out.count] = pos as u16;
    // The rest.
    let mut top = ODD_PRIME_COUNT - 1;
    while !used[top] {
        let mut product = PRIMES[top] as u64;
        used[top] = true;
        out.order[pos] = top as u16;
        pos += 1;
        let mut in_modulus = 1;
        while in_modulus < PRIMES_PER_MODULUS {
            let lim = (MODULUS_BOUND - 1) / product;
            if lim < 3 {
                break;
            }
            let mut j = largest_at_most(lim);
            if j > top {
                j = top;
            }
            while j > 0 && used[j] {
                j -= 1;
            }
            if used[j] {
                break;
            }
            product *= PRIMES[j] as u64;
            used[j] = true;
            out.order[pos] = j as u16;
            pos += 1;
            in_modulus += 1;
        }
        out.count += 1;
        out.starts[out.count] = pos as u16;
        while top > 0 && used[top] {
            top -= 1;
        }
    }
    out
}

const PACKING: Packing = pack();

/// The number of packed moduli.
pub(super) const MODULUS_COUNT: usize = PACKING.count;

/// Bits per limb of `n` in the residue pass: 61, so that a limb plus a weight below 2^58
/// stays below `2^61 + 2^58` and the product of two such sums below `1.27 * 2^122`.
pub(super) const LIMB_BITS: u32 = 61;

/// Limb pairs per chunk: 17 pairs of 61-bit limbs, 2074 bits, one chunk for a 2048-bit key.
pub(super) const PAIRS: usize = 17;

/// Limbs per chunk.
pub(super) const CHUNK_LIMBS: usize = 2 * PAIRS;

/// A product of odd primes below [`MODULUS_BOUND`], with its Montgomery constants.
#[derive(Debug, Clone, Copy)]
pub(super) struct Modulus {
    pub(super) d: u64,
    /// `-d^-1 mod 2^64`.
    pub(super) neg_inv: u64,
    /// `2^128 mod d`: one Montgomery multiplication by it turns `x * 2^-64` into `x`.
    pub(super) r2: u64,
    /// Index of the first prime in [`PACKED_PRIMES`] / [`PACKED_TESTS`].
    pub(super) first: u16,
    /// Number of primes in the product.
    pub(super) count: u16,
}

const fn moduli() -> [Modulus; MODULUS_COUNT] {
    let mut out = [Modulus {
        d: 0,
        neg_inv: 0,
        r2: 0,
        first: 0,
        count: 0,
    }; MODULUS_COUNT];
    let mut k = 0;
    while k < MODULUS_COUNT {
        let first = PACKING.starts[k] as usize;
        let end = PACKING.starts[k + 1] as usize;
        let mut d: u64 = 1;
        let mut i = first;
        while i < end {
            d *= PRIMES[PACKING.order[i] as usize] as u64;
            i += 1;
        }
        let r1 = ((1u128 << 64) % d as u128) as u64;
        out[k] = Modulus {
            d,
            neg_inv: inverse_mod_2_64(d).wrapping_neg(),
            r2: ((r1 as u128 * r1 as u128) % d as u128) as u64,
            first: first as u16,
            count: (end - first) as u16,
        };
        k += 1;
    }
    out
}

const MODULI_CONST: [Modulus; MODULUS_COUNT] = moduli();

/// The packed moduli.
pub(super) static MODULI: [Modulus; MODULUS_COUNT] = MODULI_CONST;

/// Moduli are processed four at a time (four independent dependency chains in the residue
/// pass); the packing happens to give a multiple of four, which the build checks.
pub(super) const GROUP: usize = 4;

/// The number of groups of [`GROUP`] moduli.
pub(super) const GROUP_COUNT: usize = MODULUS_COUNT / GROUP;

const _: () = assert!(
    MODULUS_COUNT.is_multiple_of(GROUP),
    "the residue pass wants whole groups"
);

/// The residue pass's constants for a group of four moduli `d_j = MODULI[4 g + j]`, with
/// `y_i = 2^(61 i) mod d_j` the weight of limb `i` of a chunk (Winograd's inner product: see
/// `weak::chunk4`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Group {
    /// `pairs[k][j] = [y_(2k+1), y_(2k)]`: what is added to limb `2k` and to limb `2k + 1`.
    pub(super) pairs: [[[u64; 2]; GROUP]; PAIRS],
    /// `-sum(y_(2k) * y_(2k+1)) mod d_j`: removes the weights' own products.
    pub(super) fix: [u64; GROUP],
    /// `2^(64 + 61 * 34) mod d_j`: the weight of the scaled residue (`* 2^-64`) of the chunks
    /// above.
    pub(super) chain: [u64; GROUP],
}

const fn groups() -> [Group; GROUP_COUNT] {
    let mut out = [Group {
        pairs: [[[0; 2]; GROUP]; PAIRS],
        fix: [0; GROUP],
        chain: [0; GROUP],
    }; GROUP_COUNT];
    let mut k = 0;
    while k < MODULUS_COUNT {
        let (g, j) = (k / GROUP, k % GROUP);
        let d = MODULI_CONST[k].d as u128;
        let step = (1u128 << LIMB_BITS) % d;
        let mut y = [0u128; CHUNK_LIMBS];
        y[0] = 1 % d;
        let mut i = 1;
        while i < CHUNK_LIMBS {
            y[i] = y[i - 1] * step % d;
            i += 1;
        }
        let mut sum = 0u128;
        let mut p = 0;
        while p < PAIRS {
            out[g].pairs[p][j] = [y[2 * p + 1] as u64, y[2 * p] as u64];
            sum = (sum + y[2 * p] * y[2 * p + 1]) % d;
            p += 1;
        }
        out[g].fix[j] = ((d - sum) % d) as u64;
        // 2^(61 * 34) = y[33] * step; then times 2^64.
        let top = y[CHUNK_LIMBS - 1] * step % d;
        out[g].chain[j] = (top * ((1u128 << 64) % d) % d) as u64;
        k += 1;
    }
    out
}

/// The constants of every group (see [`Group`]): 423 groups of 1152 bytes, read
/// sequentially once per key.
pub(super) static GROUPS: [Group; GROUP_COUNT] = groups();

const fn packed_primes() -> [u32; ODD_PRIME_COUNT] {
    let mut out = [0u32; ODD_PRIME_COUNT];
    let mut i = 0;
    while i < ODD_PRIME_COUNT {
        out[i] = PRIMES[PACKING.order[i] as usize];
        i += 1;
    }
    out
}

const PACKED_PRIMES_CONST: [u32; ODD_PRIME_COUNT] = packed_primes();

/// The primes in packed order: modulus `k` is the product of
/// `PACKED_PRIMES[first..first + count]`.
pub(super) static PACKED_PRIMES: [u32; ODD_PRIME_COUNT] = PACKED_PRIMES_CONST;

/// The tests of each modulus, padded to [`PRIMES_PER_MODULUS`] with a test that only
/// passes for `x = 0` (`x * 1 <= 0`), which happens only when every prime of the modulus
/// divides `x`, so padding never adds a factor: it only sends the search to the exact pass.
const fn packed_tests() -> [[PrimeTest; PRIMES_PER_MODULUS]; MODULUS_COUNT] {
    let padding = PrimeTest {
        inverse: 1,
        limit: 0,
    };
    let mut out = [[padding; PRIMES_PER_MODULUS]; MODULUS_COUNT];
    let mut k = 0;
    while k < MODULUS_COUNT {
        let first = PACKING.starts[k] as usize;
        let count = PACKING.starts[k + 1] as usize - first;
        assert!(count <= PRIMES_PER_MODULUS);
        let mut i = 0;
        while i < count {
            out[k][i] = prime_test(PACKED_PRIMES_CONST[first + i]);
            i += 1;
        }
        k += 1;
    }
    out
}

/// The divisibility tests of each modulus (see [`packed_tests`]).
pub(super) static PACKED_TESTS: [[PrimeTest; PRIMES_PER_MODULUS]; MODULUS_COUNT] = packed_tests();

const fn modulus_of_prime() -> [u16; ODD_PRIME_COUNT] {
    let mut out = [0u16; ODD_PRIME_COUNT];
    let mut k = 0;
    while k < MODULUS_COUNT {
        let mut i = PACKING.starts[k] as usize;
        while i < PACKING.starts[k + 1] as usize {
            out[PACKING.order[i] as usize] = k as u16;
            i += 1;
        }
        k += 1;
    }
    out
}

const MODULUS_OF_PRIME_CONST: [u16; ODD_PRIME_COUNT] = modulus_of_prime();

/// For each odd prime (by its index in [`ODD_PRIMES`]), the modulus that contains it.
#[cfg(test)]
pub(super) static MODULUS_OF_PRIME: [u16; ODD_PRIME_COUNT] = MODULUS_OF_PRIME_CONST;

/// Index of prime `p` in [`PRIMES`] (compile time only; `p` must be an odd prime).
const fn prime_index(p: u32) -> usize {
    let i = largest_at_most(p as u64);
    assert!(PRIMES[i] == p, "not an odd prime up to 65537");
    i
}

/// A small prime with the data to reduce modulo it without division: the packed modulus that
/// contains it and `floor((2^64 - 1) / p)`.
#[derive(Debug, Clone, Copy)]
pub(super) struct SmallPrime {
    pub(super) p: u32,
    pub(super) modulus: u16,
    pub(super) reciprocal: u64,
}

const fn small_prime(p: u32) -> SmallPrime {
    SmallPrime {
        p,
        modulus: MODULUS_OF_PRIME_CONST[prime_index(p)],
        reciprocal: u64::MAX / p as u64,
    }
}

/// The number of moduli holding the reserved primes.
pub(super) const RESERVED_MODULI: usize = MODULUS_OF_PRIME_CONST[RESERVED_PRIMES - 1] as usize + 1;

// ---------------------------------------------------------------------------------------------
// ROCA
// ---------------------------------------------------------------------------------------------

/// The odd primes up to 167 (the primorial of Infineon's smallest `M` is 2 * ... * 167).
pub(super) const ROCA_PRIMES: [u32; 38] = [
    3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97,
    101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167,
];

const fn roca_small_primes() -> [SmallPrime; 38] {
    let mut out = [SmallPrime {
        p: 0,
        modulus: 0,
        reciprocal: 0,
    }; 38];
    let mut i = 0;
    while i < 38 {
        assert!(
            ROCA_PRIMES[i] == PRIMES[i],
            "ROCA primes are the reserved primes"
        );
        out[i] = small_prime(ROCA_PRIMES[i]);
        i += 1;
    }
    out
}

/// [`ROCA_PRIMES`] with their moduli (all among the first [`RESERVED_MODULI`]).
pub(super) static ROCA_SMALL_PRIMES: [SmallPrime; 38] = roca_small_primes();

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

// ---------------------------------------------------------------------------------------------
// Fermat
// ---------------------------------------------------------------------------------------------

/// For each `v = n mod 128`, the residues `t` mod 128 with `t^2 - v` a square mod 128, as a
/// 128-bit mask. Rotated right by `a0 mod 128`, it is the set of rounds `i` whose
/// `(a0 + i)^2 - n` is a square mod 128.
const fn square_masks_128() -> [u128; 128] {
    let mut squares = [false; 128];
    let mut x = 0;
    while x < 128 {
        squares[(x * x) % 128] = true;
        x += 1;
    }
    let mut out = [0u128; 128];
    let mut v = 0;
    while v < 128 {
        let mut t = 0;
        while t < 128 {
            if squares[(t * t + 128 - v) % 128] {
                out[v] |= 1 << t;
            }
            t += 1;
        }
        v += 1;
    }
    out
}

pub(super) static SQUARE_MASKS_128: [u128; 128] = square_masks_128();

/// The number of odd primes whose square residues filter Fermat rounds (3 to 73).
pub(super) const FERMAT_FILTER_COUNT: usize = 20;

const fn fermat_filter_primes() -> [SmallPrime; FERMAT_FILTER_COUNT] {
    let mut out = [SmallPrime {
        p: 0,
        modulus: 0,
        reciprocal: 0,
    }; FERMAT_FILTER_COUNT];
    let mut i = 0;
    while i < FERMAT_FILTER_COUNT {
        out[i] = small_prime(PRIMES[i]);
        i += 1;
    }
    out
}

/// The Fermat filter primes, 3 to 73 (all among the reserved moduli).
pub(super) static FERMAT_FILTER_PRIMES: [SmallPrime; FERMAT_FILTER_COUNT] = fermat_filter_primes();

const fn fermat_mask_offsets() -> [usize; FERMAT_FILTER_COUNT + 1] {
    let mut out = [0usize; FERMAT_FILTER_COUNT + 1];
    let mut i = 0;
    while i < FERMAT_FILTER_COUNT {
        out[i + 1] = out[i] + PRIMES[i] as usize;
        i += 1;
    }
    out
}

/// Where the masks of filter prime `i` start in [`FERMAT_MASKS`].
pub(super) static FERMAT_MASK_OFFSETS: [usize; FERMAT_FILTER_COUNT + 1] = fermat_mask_offsets();

const FERMAT_MASK_COUNT: usize = fermat_mask_offsets()[FERMAT_FILTER_COUNT];

/// For filter prime `p` and `v = n mod p` (entry `FERMAT_MASK_OFFSETS[i] + v`): the residues
/// `t` mod `p` with `t^2 - v` a square mod `p` (0 included), as a mask of `p` bits.
const fn fermat_masks() -> [u128; FERMAT_MASK_COUNT] {
    let offsets = fermat_mask_offsets();
    let mut out = [0u128; FERMAT_MASK_COUNT];
    let mut i = 0;
    while i < FERMAT_FILTER_COUNT {
        let p = PRIMES[i] as usize;
        let mut squares = [false; 128];
        let mut x = 0;
        while x < p {
            squares[(x * x) % p] = true;
            x += 1;
        }
        let mut v = 0;
        while v < p {
            let mut t = 0;
            while t < p {
                if squares[(t * t + p - v) % p] {
                    out[offsets[i] + v] |= 1 << t;
                }
                t += 1;
            }
            v += 1;
        }
        i += 1;
    }
    out
}

pub(super) static FERMAT_MASKS: [u128; FERMAT_MASK_COUNT] = fermat_masks();

// ---------------------------------------------------------------------------------------------
// Perfect powers
// ---------------------------------------------------------------------------------------------

/// Largest exponent the perfect-power test needs: `m > 65537` and `n` at most 16384 bits
/// (the analysis cap) give `k < 16384 / 16`.
const MAX_POWER_EXPONENT: u32 = 1024;

const fn count_power_exponents() -> usize {
    let mut n = 0;
    while n < ODD_PRIME_COUNT && PRIMES[n] <= MAX_POWER_EXPONENT {
        n += 1;
    }
    n
}

pub(super) const POWER_EXPONENT_COUNT: usize = count_power_exponents();

/// Filters wanted for exponent `k`: enough primes `q = 1 (mod k)` that a random residue passes
/// every one with probability below 2^-20 (`ceil(20 / log2 k)`), or as many as exist.
const fn power_filters_wanted(k: u32) -> usize {
    let log2 = 31 - k.leading_zeros();
    20u32.div_ceil(log2) as usize
}

const fn count_power_filter_primes() -> usize {
    let mut total = 0;
    let mut i = 0;
    while i < POWER_EXPONENT_COUNT {
        let k = PRIMES[i];
        let wanted = power_filters_wanted(k);
        let mut found = 0;
        let mut j = 0;
        while j < ODD_PRIME_COUNT && found < wanted {
            if PRIMES[j] % k == 1 {
                found += 1;
            }
            j += 1;
        }
        total += found;
        i += 1;
    }
    total
}

const POWER_FILTER_PRIME_COUNT: usize = count_power_filter_primes();

/// One row per odd prime exponent `k <= 1024`: its filter primes `q = 1 (mod k)`, `q <= 65537`,
/// are `POWER_FILTER_PRIMES[first..first + count]`.
#[derive(Debug, Clone, Copy)]
pub(super) struct PowerFilters {
    pub(super) k: u32,
    pub(super) first: u16,
    pub(super) count: u16,
}

const fn power_filters() -> (
    [PowerFilters; POWER_EXPONENT_COUNT],
    [SmallPrime; POWER_FILTER_PRIME_COUNT],
) {
    let mut rows = [PowerFilters {
        k: 0,
        first: 0,
        count: 0,
    }; POWER_EXPONENT_COUNT];
    let mut primes = [SmallPrime {
        p: 0,
        modulus: 0,
        reciprocal: 0,
    }; POWER_FILTER_PRIME_COUNT];
    let mut pos = 0;
    let mut i = 0;
    while i < POWER_EXPONENT_COUNT {
        let k = PRIMES[i];
        let wanted = power_filters_wanted(k);
        let first = pos;
        let mut j = 0;
        while j < ODD_PRIME_COUNT && pos - first < wanted {
            if PRIMES[j] % k == 1 {
                primes[pos] = small_prime(PRIMES[j]);
                pos += 1;
            }
            j += 1;
        }
        rows[i] = PowerFilters {
            k,
            first: first as u16,
            count: (pos - first) as u16,
        };
        i += 1;
    }
    (rows, primes)
}

const POWER_TABLES: (
    [PowerFilters; POWER_EXPONENT_COUNT],
    [SmallPrime; POWER_FILTER_PRIME_COUNT],
) = power_filters();

/// The perfect-power filter rows, by ascending `k`.
pub(super) static POWER_FILTERS: [PowerFilters; POWER_EXPONENT_COUNT] = POWER_TABLES.0;

/// The filter primes of every row (see [`PowerFilters`]).
pub(super) static POWER_FILTER_PRIMES: [SmallPrime; POWER_FILTER_PRIME_COUNT] = POWER_TABLES.1;
