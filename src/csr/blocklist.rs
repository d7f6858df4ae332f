//! The blocklist of known-compromised keys (documented on [`Blocklist`]).

use core::fmt;

use sha2::{Digest, Sha256};

/// A pluggable blocklist of known-compromised public keys (BR 6.1.1.3; -40).
///
/// The library reads no files: the caller loads the data and hands it over. Three formats in
/// use are understood:
///
/// * **SPKI SHA-256** (boulder's key database): SHA-256 of the DER SubjectPublicKeyInfo,
///   64 hex digits per line.
/// * **badkeys BKHASH** (`badkeys/docs/BLOCKLISTFORMAT.md`): SHA-256 of the key's number as
///   minimal big-endian bytes (RSA: the modulus `n`; ECDSA: the `x` coordinate), truncated to
///   120 bits (`blocklist.dat`: sorted 16-byte records, 15 hash bytes + 1 list id) or to 64
///   bits (`lookup.txt`: lines `<16 hex>;<path>`). Hashing `n` rather than the SPKI catches the
///   same key with another exponent or another encoding.
/// * Hex lines of either length (30 hex digits: BKHASH120; 16: BKHASH64; 64: SPKI SHA-256),
///   `#` comments and blank lines ignored.
///
/// ```
/// use sectigo_codec::csr::Blocklist;
/// let mut list = Blocklist::new();
/// list.add_hex_lines("# my revoked keys\n0123456789abcdef0123456789abcd\n")?;
/// assert_eq!(list.len(), 1);
/// # Ok::<(), sectigo_codec::csr::BlocklistError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Blocklist {
    spki_sha256: Vec<[u8; 32]>,
    bkhash120: Vec<[u8; 15]>,
    bkhash64: Vec<u64>,
    /// badkeys `blocklist.dat`: sorted 16-byte records.
    dat: Vec<u8>,
}

/// Why blocklist data was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BlocklistError {
    /// A line is not 16, 30 or 64 hexadecimal digits.
    #[error("line {line}: expected 16, 30 or 64 hexadecimal digits")]
    InvalidLine {
        /// 1-based line number.
        line: usize,
    },
    /// A `blocklist.dat` whose size is not a multiple of 16 bytes.
    #[error("badkeys blocklist.dat size {size} is not a multiple of 16 bytes")]
    InvalidDatSize {
        /// Size in bytes.
        size: usize,
    },
    /// A `blocklist.dat` whose records are not sorted (binary search needs them sorted).
    #[error("badkeys blocklist.dat record {record} is out of order")]
    UnsortedDat {
        /// 0-based index of the first record smaller than its predecessor.
        record: usize,
    },
}

/// Which list matched, for the finding's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BlocklistHit {
    /// The SPKI SHA-256 matched.
    SpkiSha256,
    /// The 120-bit badkeys hash matched (from a hex line).
    BadkeysHash120,
    /// The 64-bit badkeys hash matched.
    BadkeysHash64,
    /// A `blocklist.dat` record matched; its list id (badkeys `badkeysdata.json`).
    BadkeysDat {
        /// The badkeys list id.
        list_id: u8,
    },
}

impl BlocklistHit {
    pub(crate) fn message(self) -> String {
        let how = match self {
            Self::SpkiSha256 => "its SubjectPublicKeyInfo SHA-256".to_owned(),
            Self::BadkeysHash120 => "its badkeys hash (120 bits)".to_owned(),
            Self::BadkeysHash64 => "its badkeys hash (64 bits)".to_owned(),
            Self::BadkeysDat { list_id } => format!("the badkeys blocklist (list id {list_id})"),
        };
        format!(
            "the key is known to be compromised ({how} is on the blocklist); generate a new key"
        )
    }
}

impl Blocklist {
    /// An empty blocklist.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of entries (hex entries plus `blocklist.dat` records).
    pub fn len(&self) -> usize {
        self.spki_sha256
            .len()
            .saturating_add(self.bkhash120.len())
            .saturating_add(self.bkhash64.len())
            .saturating_add(self.dat.len() / 16)
    }

    /// `true` when the list has no entry.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds the SHA-256 of a DER SubjectPublicKeyInfo.
    pub fn add_spki_sha256(&mut self, hash: [u8; 32]) {
        insert_sorted(&mut self.spki_sha256, hash);
    }

    /// Adds a badkeys BKHASH120 (the first 15 bytes of the SHA-256 of `n` or `x`).
    pub fn add_bkhash120(&mut self, hash: [u8; 15]) {
        insert_sorted(&mut self.bkhash120, hash);
    }

    /// Adds hex lines (see [`Blocklist`]): 64 digits = SPKI SHA-256, 30 = BKHASH120,
    /// 16 = BKHASH64 (anything after `;` is ignored, as in badkeys' `lookup.txt`).
    ///
    /// # Errors
    ///
    /// [`BlocklistError::InvalidLine`] for a line of any other shape; nothing is added then.
    pub fn add_hex_lines(&mut self, text: &str) -> Result<(), BlocklistError> {
        let mut spki = Vec::new();
        let mut h120 = Vec::new();
        let mut h64 = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.split(';').next().unwrap_or_default().trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || BlocklistError::InvalidLine {
                line: i.saturating_add(1),
            };
            match line.len() {
                64 => spki.push(hex_array::<32>(line).ok_or_else(bad)?),
                30 => h120.push(hex_array::<15>(line).ok_or_else(bad)?),
                16 => h64.push(u64::from_be_bytes(hex_array::<8>(line).ok_or_else(bad)?)),
                _ => return Err(bad()),
            }
        }
        self.spki_sha256.extend(spki);
        self.spki_sha256.sort_unstable();
        self.spki_sha256.dedup();
        self.bkhash120.extend(h120);
        self.bkhash120.sort_unstable();
        self.bkhash120.dedup();
        self.bkhash64.extend(h64);
        self.bkhash64.sort_unstable();
        self.bkhash64.dedup();
        Ok(())
    }

    /// Uses badkeys' `blocklist.dat` (sorted 16-byte records: 15 bytes of BKHASH120 and a list
    /// id). The data is kept as is and binary-searched; it replaces any previous `.dat`.
    ///
    /// # Errors
    ///
    /// [`BlocklistError::InvalidDatSize`] or [`BlocklistError::UnsortedDat`].
    pub fn set_badkeys_dat(&mut self, dat: Vec<u8>) -> Result<(), BlocklistError> {
        if !dat.len().is_multiple_of(16) {
            return Err(BlocklistError::InvalidDatSize { size: dat.len() });
        }
        let mut previous: Option<&[u8]> = None;
        for (i, record) in dat.chunks_exact(16).enumerate() {
            if previous.is_some_and(|p| p > record) {
                return Err(BlocklistError::UnsortedDat { record: i });
            }
            previous = Some(record);
        }
        self.dat = dat;
        Ok(())
    }

    /// The badkeys BKHASH of a key number (RSA `n`, EC `x`): SHA-256 of the minimal
    /// big-endian bytes.
    pub fn bkhash(number: &[u8]) -> [u8; 32] {
        let start = number.iter().position(|&b| b != 0).unwrap_or(number.len());
        Sha256::digest(number.get(start..).unwrap_or_default()).into()
    }

    fn lookup_number(&self, spki: Option<[u8; 32]>, number: &[u8]) -> Option<BlocklistHit> {
        if self.is_empty() {
            return None;
        }
        if let Some(spki) = spki
            && self.spki_sha256.binary_search(&spki).is_ok()
        {
            return Some(BlocklistHit::SpkiSha256);
        }
        let h = Self::bkhash(number);
        let h120: [u8; 15] = first(&h);
        if self.bkhash120.binary_search(&h120).is_ok() {
            return Some(BlocklistHit::BadkeysHash120);
        }
        if self
            .bkhash64
            .binary_search(&u64::from_be_bytes(first(&h)))
            .is_ok()
        {
            return Some(BlocklistHit::BadkeysHash64);
        }
        let records = self.dat.len() / 16;
        let (mut lo, mut hi) = (0usize, records);
        while lo < hi {
            let mid = lo.midpoint(hi);
            let start = mid.saturating_mul(16);
            let rec = self.dat.get(start..start.saturating_add(16))?;
            match rec.get(..15)?.cmp(&h120[..]) {
                core::cmp::Ordering::Less => lo = mid.saturating_add(1),
                core::cmp::Ordering::Greater => hi = mid,
                core::cmp::Ordering::Equal => {
                    return Some(BlocklistHit::BadkeysDat {
                        list_id: rec.get(15).copied().unwrap_or(0),
                    });
                }
            }
        }
        None
    }

    pub(crate) fn lookup_rsa(&self, spki: Option<[u8; 32]>, n: &[u8]) -> Option<BlocklistHit> {
        self.lookup_number(spki, n)
    }

    pub(crate) fn lookup_ec(&self, spki: Option<[u8; 32]>, x: &[u8]) -> Option<BlocklistHit> {
        self.lookup_number(spki, x)
    }
}

impl fmt::Display for BlocklistHit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

fn first<const N: usize>(h: &[u8; 32]) -> [u8; N] {
    let mut out = [0u8; N];
    for (o, b) in out.iter_mut().zip(h) {
        *o = *b;
    }
    out
}

fn insert_sorted<T: Ord>(v: &mut Vec<T>, item: T) {
    if let Err(pos) = v.binary_search(&item) {
        v.insert(pos, item);
    }
}

fn hex_array<const N: usize>(s: &str) -> Option<[u8; N]> {
    let bytes = s.as_bytes();
    if bytes.len() != N.saturating_mul(2) {
        return None;
    }
    let mut out = [0u8; N];
    for (o, pair) in out.iter_mut().zip(bytes.chunks_exact(2)) {
        let [hi, lo] = pair else { return None };
        *o = (hex_digit(*hi)? << 4) | hex_digit(*lo)?;
    }
    Some(out)
}

fn hex_digit(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_lines_and_lookups() {
        let n = [0u8, 0xC3, 0x55, 0x01];
        let h = Blocklist::bkhash(&n);
        assert_eq!(h, Blocklist::bkhash(&n[1..]), "leading zeros are stripped");
        let hex: String = h.iter().map(|b| format!("{b:02x}")).collect();
        let mut list = Blocklist::new();
        list.add_hex_lines(&format!("# comment\n\n{}\n", &hex[..30]))
            .unwrap();
        assert_eq!(
            list.lookup_rsa(None, &n),
            Some(BlocklistHit::BadkeysHash120)
        );
        assert_eq!(list.lookup_rsa(None, &[1, 2, 3]), None);

        let mut list = Blocklist::new();
        list.add_hex_lines(&format!("{};rsa/debian/1234.key\n", &hex[..16]))
            .unwrap();
        assert_eq!(list.lookup_rsa(None, &n), Some(BlocklistHit::BadkeysHash64));

        let mut list = Blocklist::new();
        list.add_hex_lines(&"ab".repeat(32)).unwrap();
        assert_eq!(
            list.lookup_ec(Some([0xAB; 32]), &n),
            Some(BlocklistHit::SpkiSha256)
        );
        assert_eq!(list.lookup_ec(Some([0xAC; 32]), &n), None);

        assert_eq!(
            list.add_hex_lines("abc\n"),
            Err(BlocklistError::InvalidLine { line: 1 })
        );
        assert_eq!(
            list.add_hex_lines(&format!("{}\nzz{}\n", "00".repeat(15), "0".repeat(28))),
            Err(BlocklistError::InvalidLine { line: 2 })
        );
        assert_eq!(list.len(), 1, "a failed call adds nothing");
    }

    #[test]
    fn badkeys_dat() {
        let n = [0x42u8; 256];
        let h = Blocklist::bkhash(&n);
        let mut records: Vec<[u8; 16]> = (0u8..50)
            .map(|i| {
                let mut r = [i.wrapping_mul(5); 16];
                r[15] = 1;
                r
            })
            .collect();
        let mut hit = [0u8; 16];
        hit[..15].copy_from_slice(&h[..15]);
        hit[15] = 7;
        records.push(hit);
        records.sort_unstable();
        let dat: Vec<u8> = records.concat();
        let mut list = Blocklist::new();
        list.set_badkeys_dat(dat.clone()).unwrap();
        assert_eq!(list.len(), 51);
        assert_eq!(
            list.lookup_rsa(None, &n),
            Some(BlocklistHit::BadkeysDat { list_id: 7 })
        );
        assert_eq!(list.lookup_rsa(None, &[0x43; 256]), None);
        assert_eq!(
            Blocklist::new().set_badkeys_dat(vec![0; 17]),
            Err(BlocklistError::InvalidDatSize { size: 17 })
        );
        let mut unsorted = dat;
        unsorted.rotate_left(16);
        assert!(matches!(
            Blocklist::new().set_badkeys_dat(unsorted),
            Err(BlocklistError::UnsortedDat { .. })
        ));
    }
}
