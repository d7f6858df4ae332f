//! ZIP archives of certificate files (CollectSSL `responseType=0`, DIGEST §2.1; the
//! `zipFile` field of the URL-encoded response, DIGEST §2.4).
//!
//! Sectigo's bundles hold the end-entity certificate (`domain_com.crt`), a CA bundle
//! (`domain_com.ca-bundle`, several PEM blocks) and often each CA certificate again on its
//! own, so the same certificate appears more than once; [`Chain::order`](crate::Chain::order)
//! removes the duplicates.
//!
//! The archive comes from the network, so it is read defensively: at most
//! [`Limits::max_zip_entries`] entries, and at most [`Limits::max_zip_uncompressed_size`]
//! bytes inflated in all, counted on the bytes actually produced by the decompressor (never
//! the sizes the headers declare), so a ZIP bomb stops at the limit. Memory use is bounded by
//! that limit. Encrypted entries are refused; directories are skipped. Only the `stored`
//! and `deflate` methods are supported.
//!
//! The archive is read from a `Cursor` over the given bytes: there is no file access.

use std::io::{Cursor, Read};

use super::pem::{self, PemLabel};
use super::{netscape, pkcs7};
use crate::{DecodeError, DecodeErrorKind, Format, Limit, Limits};

/// One file of an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZipEntry {
    name: String,
    data: Vec<u8>,
}

impl ZipEntry {
    /// The entry's name as stored in the archive (a path; do not use it to write files
    /// without sanitising it).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The uncompressed contents.
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// The name and contents, by value.
    pub fn into_parts(self) -> (String, Vec<u8>) {
        (self.name, self.data)
    }
}

fn zip_error(detail: impl core::fmt::Display) -> DecodeError {
    DecodeError::new(
        Format::Zip,
        DecodeErrorKind::Zip {
            detail: detail.to_string().into(),
        },
    )
}

/// Reads every file of the archive, in central-directory order (directories skipped).
///
/// ```
/// use sectigo_codec::{Limits, codec::zip};
/// let archive = include_bytes!("../../testdata/zip/chain-der.zip");
/// let entries = zip::entries(archive, &Limits::DEFAULT).unwrap();
/// let names: Vec<&str> = entries.iter().map(|e| e.name()).collect();
/// assert_eq!(names, ["README.txt", "leaf.cer", "intermediate.cer", "root.cer"]);
/// assert_eq!(entries[0].data(), b"Install the certificates in this order.\n");
/// ```
///
/// # Errors
/// [`DecodeErrorKind::Zip`] for an invalid archive, an encrypted entry, an unsupported
/// compression method or a corrupt stream (CRC mismatch); [`DecodeErrorKind::LimitExceeded`]
/// for more than `max_body_size` input bytes ([`Limit::BodySize`]), more than
/// `max_zip_entries` entries ([`Limit::ZipEntries`]) or more than
/// `max_zip_uncompressed_size` bytes inflated ([`Limit::ZipUncompressedSize`]). Errors about
/// one entry name it as the [field](DecodeError::field).
pub fn entries(bytes: &[u8], limits: &Limits) -> Result<Vec<ZipEntry>, DecodeError> {
    if bytes.len() > limits.max_body_size {
        return Err(DecodeError::new(
            Format::Zip,
            DecodeErrorKind::LimitExceeded {
                limit: Limit::BodySize,
                max: limits.max_body_size,
            },
        ));
    }
    if bytes.is_empty() {
        return Err(DecodeError::new(Format::Zip, DecodeErrorKind::Empty));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
    if archive.len() > limits.max_zip_entries {
        return Err(DecodeError::new(
            Format::Zip,
            DecodeErrorKind::LimitExceeded {
                limit: Limit::ZipEntries,
                max: limits.max_zip_entries,
            },
        ));
    }
    let mut out = Vec::with_capacity(archive.len());
    let mut inflated = 0usize;
    for index in 0..archive.len() {
        let (name, encrypted, skip) = {
            let raw = archive.by_index_raw(index).map_err(zip_error)?;
            let name = raw.name().map_err(zip_error)?.into_owned();
            (name, raw.encrypted(), raw.is_dir() || raw.is_symlink())
        };
        if skip {
            continue;
        }
        if encrypted {
            return Err(zip_error("encrypted entries are not supported").in_field(name));
        }
        let file = archive
            .by_index(index)
            .map_err(|e| zip_error(e).in_field(name.as_str()))?;
        let remaining = limits.max_zip_uncompressed_size.saturating_sub(inflated);
        // Never trust the declared size: read at most one byte past the budget.
        let hint = usize::try_from(file.size()).unwrap_or(usize::MAX);
        let data = read_bounded(file, remaining.saturating_add(1), hint)
            .map_err(|e| zip_error(e).in_field(name.as_str()))?;
        if data.len() > remaining {
            return Err(DecodeError::new(
                Format::Zip,
                DecodeErrorKind::LimitExceeded {
                    limit: Limit::ZipUncompressedSize,
                    max: limits.max_zip_uncompressed_size,
                },
            )
            .in_field(name));
        }
        inflated = inflated.saturating_add(data.len());
        out.push(ZipEntry { name, data });
    }
    Ok(out)
}

/// Reads at most `cap` bytes from `reader`. The buffer grows by doubling but never past
/// `cap`, so an entry that inflates without end costs at most `cap` bytes of memory (plain
/// `read_to_end` may double to twice that). `hint` (the declared size, untrusted) sizes the
/// first allocation, up to 64 KiB.
fn read_bounded(mut reader: impl Read, cap: usize, hint: usize) -> std::io::Result<Vec<u8>> {
    const CHUNK: usize = 64 * 1024;
    let mut data = Vec::with_capacity(hint.min(cap).min(CHUNK));
    // `data[..filled]` holds what was read; `data[filled..]` is zeroed space to read into,
    // extended one chunk at a time, so each byte is zeroed once however little a read gives.
    let mut filled = 0usize;
    while filled < cap {
        if filled == data.len() {
            if filled == data.capacity() {
                // Double (at least one chunk), never past the cap; go straight to the cap
                // when the doubling would land within half a step of it.
                let step = filled.max(CHUNK);
                let left = cap.saturating_sub(filled);
                let near = step.saturating_add(step / 2) >= left;
                data.reserve_exact(if near { left } else { step });
            }
            let end = data.capacity().min(cap).min(filled.saturating_add(CHUNK));
            data.resize(end, 0);
        }
        let read = match data.get_mut(filled..) {
            Some(spare) => reader.read(spare),
            None => Ok(0),
        };
        match read {
            Ok(0) => break,
            Ok(n) => filled = filled.saturating_add(n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    data.truncate(filled);
    Ok(data)
}

/// Reads the certificates of an archive: `(entry name, certificate DER)` in archive order,
/// and within an entry in file order (duplicates kept).
///
/// Each entry is read as:
///
/// * PEM, when it contains a BEGIN boundary: every `CERTIFICATE` block, and the certificates
///   of every `PKCS7` and `NETSCAPE CERTIFICATE SEQUENCE` block; other blocks (keys, CSRs)
///   are skipped;
/// * DER, when it starts with a `SEQUENCE` tag: a PKCS#7 bag or Netscape sequence (by its
///   content type), otherwise one certificate, returned as is when the `SEQUENCE` spans the
///   whole entry;
/// * anything else (`README.txt`, an install guide, an entry that is neither) is skipped.
///
/// ```
/// use sectigo_codec::{Limits, codec::zip};
/// let archive = include_bytes!("../../testdata/zip/chain-der.zip");
/// let certs = zip::certificates(archive, &Limits::DEFAULT).unwrap();
/// let names: Vec<&str> = certs.iter().map(|(name, _)| name.as_str()).collect();
/// assert_eq!(names, ["leaf.cer", "intermediate.cer", "root.cer"]);
/// ```
///
/// # Errors
/// The errors of [`entries`]; a malformed PEM, PKCS#7 or Netscape entry gives that format's
/// error inside a [`Format::Zip`] frame naming the entry; more than `max_certificates`
/// certificates in all is [`DecodeErrorKind::LimitExceeded`] ([`Limit::Certificates`]).
pub fn certificates(bytes: &[u8], limits: &Limits) -> Result<Vec<(String, Vec<u8>)>, DecodeError> {
    let mut out = Vec::new();
    for entry in entries(bytes, limits)? {
        let (name, data) = entry.into_parts();
        let mut found = entry_certificates(&data, limits)
            .map_err(|e| e.within(Format::Zip, None, Some(name.as_str())))?;
        if out.len().saturating_add(found.len()) > limits.max_certificates {
            return Err(DecodeError::new(
                Format::Zip,
                DecodeErrorKind::LimitExceeded {
                    limit: Limit::Certificates,
                    max: limits.max_certificates,
                },
            )
            .in_field(name));
        }
        out.extend(found.drain(..).map(|der| (name.clone(), der)));
    }
    Ok(out)
}

/// The certificates of one entry (see [`certificates`]).
fn entry_certificates(data: &[u8], limits: &Limits) -> Result<Vec<Vec<u8>>, DecodeError> {
    if pem::contains_pem(data) {
        let mut out = Vec::new();
        for block in pem::decode_with(data, limits)?.into_blocks() {
            let within = |e: DecodeError| {
                e.within(
                    Format::Pem,
                    Some(block.offset()),
                    Some(block.label().as_str()),
                )
            };
            match block.label() {
                PemLabel::Certificate => out.push(block.der().to_vec()),
                PemLabel::Pkcs7 => out.extend(
                    pkcs7::parse_der_with(block.der(), limits)
                        .map_err(within)?
                        .into_certificates()
                        .into_iter()
                        .map(<[u8]>::to_vec),
                ),
                PemLabel::NetscapeCertificateSequence => out.extend(
                    netscape::parse_der_with(block.der(), limits)
                        .map_err(within)?
                        .into_iter()
                        .map(<[u8]>::to_vec),
                ),
                _ => {}
            }
        }
        return Ok(out);
    }
    if data.first() != Some(&0x30) {
        return Ok(Vec::new());
    }
    match content_type_prefix(data) {
        Some(PKCS7_PREFIX) => pkcs7::decode_with(data, limits),
        Some(NETSCAPE_PREFIX) => {
            netscape::decode_certificates(data, limits).map(super::Certificates::into_der)
        }
        Some(_) => Ok(Vec::new()),
        None if spans_whole(data) => Ok(vec![data.to_vec()]),
        None => Ok(Vec::new()),
    }
}

/// The OID TLVs that start a PKCS#7 signedData and a Netscape sequence.
const PKCS7_PREFIX: &[u8] = &[
    0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02,
];
const NETSCAPE_PREFIX: &[u8] = &[
    0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x86, 0xf8, 0x42, 0x02, 0x05,
];

/// When the outer SEQUENCE's first element is an OID (a `ContentInfo`), that OID's TLV.
fn content_type_prefix(data: &[u8]) -> Option<&[u8]> {
    let len_octet = *data.get(1)?;
    let header = match len_octet {
        0x00..=0x80 => 2usize,
        0x81..=0x84 => 2usize.checked_add(usize::from(len_octet & 0x7f))?,
        _ => return None,
    };
    let rest = data.get(header..)?;
    if rest.first() != Some(&0x06) {
        return None;
    }
    let oid_len = usize::from(*rest.get(1)?);
    rest.get(..oid_len.checked_add(2)?)
}

/// `true` when `data` is exactly one definite-length TLV.
fn spans_whole(data: &[u8]) -> bool {
    let Some(&len_octet) = data.get(1) else {
        return false;
    };
    let (header, len) = if len_octet < 0x80 {
        (2usize, usize::from(len_octet))
    } else {
        let n = usize::from(len_octet & 0x7f);
        if n == 0 || n > 4 {
            return false;
        }
        let Some(bytes) = data.get(2..2usize.saturating_add(n)) else {
            return false;
        };
        (
            2usize.saturating_add(n),
            bytes.iter().fold(0usize, |acc, &b| {
                acc.checked_shl(8).unwrap_or(usize::MAX) | usize::from(b)
            }),
        )
    };
    header.checked_add(len) == Some(data.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out its bytes `step` at a time.
    struct Trickle<'a> {
        data: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.data.len());
            buf[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    #[test]
    fn read_bounded_stops_at_the_cap_and_never_allocates_past_it() {
        let data: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
        for (cap, hint, step) in [
            (300_001, 0, 1 << 20),
            (300_001, usize::MAX, 7),
            (100_001, 10, 4096),
            (1, 1 << 30, 1),
            (0, 5, 5),
        ] {
            let got = read_bounded(Trickle { data: &data, step }, cap, hint).unwrap();
            let want = cap.min(data.len());
            assert_eq!(got.len(), want, "cap {cap} step {step}");
            assert_eq!(got[..], data[..want]);
            assert!(
                got.capacity() <= cap.max(1).max(want),
                "capacity {}",
                got.capacity()
            );
        }
    }

    #[test]
    fn spans_whole_checks_exact_length() {
        assert!(spans_whole(&[0x30, 0x00]));
        assert!(spans_whole(&[0x30, 0x01, 0x00]));
        assert!(!spans_whole(&[0x30, 0x02, 0x00]));
        assert!(!spans_whole(&[0x30, 0x00, 0x00]));
        let mut long = vec![0x30, 0x81, 0x80];
        long.extend([0; 0x80]);
        assert!(spans_whole(&long));
        assert!(!spans_whole(&[0x30, 0x80, 0, 0]));
    }

    #[test]
    fn content_type_prefix_finds_the_oid() {
        let bag = pkcs7::encode_certs_only(&[]);
        assert_eq!(content_type_prefix(&bag), Some(PKCS7_PREFIX));
        assert_eq!(content_type_prefix(&[0x30, 0x03, 0x02, 0x01, 0x00]), None);
    }

    #[test]
    fn not_a_zip_is_a_zip_error() {
        let err = entries(b"PK not really", &Limits::DEFAULT).unwrap_err();
        assert!(matches!(err.kind(), DecodeErrorKind::Zip { .. }), "{err}");
        assert_eq!(
            entries(b"", &Limits::DEFAULT).unwrap_err().kind(),
            &DecodeErrorKind::Empty
        );
    }
}
