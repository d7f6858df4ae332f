//! Checks of the certificate containers: PEM, base64, PKCS#7, Netscape sequence, ZIP.

use sectigo_codec::codec::pem::{self, Pem};
use sectigo_codec::codec::{base64, netscape, pkcs7, zip};
use sectigo_codec::{DecodeErrorKind, Limits};

use super::{assert_error_located, assert_warnings_located, der_tlv, offset_in};

/// Re-encodes every block and checks that the text decodes to the same labels and DER, with
/// canonical armour and no warnings.
fn pem_round_trip(decoded: &Pem) {
    let mut text = String::new();
    for block in decoded.blocks() {
        text.push_str(&pem::encode(block.label(), block.der()));
    }
    let again = pem::decode(text.as_bytes())
        .unwrap_or_else(|e| panic!("re-encoded PEM does not decode: {e}\n{text}"));
    let summary = |p: &Pem| -> Vec<(String, Vec<u8>)> {
        p.blocks()
            .iter()
            .map(|b| (b.label().to_string(), b.der().to_vec()))
            .collect()
    };
    assert_eq!(
        summary(&again),
        summary(decoded),
        "decode → encode → decode\n{text}"
    );
    assert!(
        again.warnings().is_empty(),
        "{:?}\n{text}",
        again.warnings()
    );
    assert!(
        again.blocks().iter().all(pem::PemBlock::armour_ok),
        "{text}"
    );
}

fn check_pem(result: Result<Pem, sectigo_codec::DecodeError>, input: &[u8]) {
    match result {
        Err(err) => {
            assert_error_located(&err, input.len());
            if pem::contains_pem(input) {
                assert_ne!(
                    err.kind(),
                    &DecodeErrorKind::PemNotFound,
                    "a BEGIN was found"
                );
            } else {
                assert!(
                    matches!(
                        err.kind(),
                        DecodeErrorKind::PemNotFound | DecodeErrorKind::Empty
                    ),
                    "no BEGIN line, yet {err}"
                );
            }
        }
        Ok(decoded) => {
            assert!(pem::contains_pem(input));
            assert!(!decoded.blocks().is_empty());
            assert_warnings_located(decoded.warnings(), input.len());
            let mut previous = None;
            for block in decoded.blocks() {
                assert!(block.offset() < input.len());
                assert!(
                    previous.is_none_or(|p| block.offset() > p),
                    "blocks in input order"
                );
                previous = Some(block.offset());
            }
            pem_round_trip(&decoded);
        }
    }
}

/// `codec::pem::decode` and `decode_field`: errors and warnings located, `contains_pem`
/// agrees with the decoder, decode → encode → decode keeps labels and DER.
pub fn decode_pem(data: &[u8]) {
    check_pem(pem::decode(data), data);
    if let Ok(text) = std::str::from_utf8(data) {
        check_pem(pem::decode_field(text), data);
    }
}

/// Whitespace the plain base64 reader ignores.
fn without_whitespace(data: &[u8], field: bool) -> Vec<u8> {
    data.iter()
        .copied()
        .filter(|b| !matches!(b, b'\t' | b'\r' | b'\n') && (field || *b != b' '))
        .collect()
}

/// `codec::base64::decode` and `decode_field`: decode(encode(x)) == x; text decoded without
/// warnings is canonical (equal to the encoding of its bytes, whitespace aside).
pub fn decode_base64(data: &[u8]) {
    if !data.is_empty() {
        let encoded = base64::encode(data);
        let decoded = base64::decode(encoded.as_bytes()).expect("our encoding decodes");
        assert_eq!(decoded.bytes(), data, "decode(encode(x)) != x");
        assert!(decoded.warnings().is_empty());
        let decoded = base64::decode_field(&encoded).expect("our encoding decodes as a field");
        assert_eq!(decoded.bytes(), data);
    }
    match base64::decode(data) {
        Err(err) => assert_error_located(&err, data.len()),
        Ok(decoded) => {
            assert_warnings_located(decoded.warnings(), data.len());
            let encoded = base64::encode(decoded.bytes());
            if decoded.warnings().is_empty() {
                assert_eq!(
                    encoded.as_bytes(),
                    without_whitespace(data, false),
                    "not canonical"
                );
            }
            let again = base64::decode(encoded.as_bytes()).expect("re-encoded");
            assert_eq!(again.bytes(), decoded.bytes());
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        match base64::decode_field(text) {
            Err(err) => assert_error_located(&err, data.len()),
            Ok(decoded) => {
                assert_warnings_located(decoded.warnings(), data.len());
                if decoded.warnings().is_empty() {
                    let encoded = base64::encode(decoded.bytes());
                    assert_eq!(encoded.as_bytes(), without_whitespace(data, true));
                }
            }
        }
    }
}

/// Certificates as owned bytes.
fn owned(certs: &[&[u8]]) -> Vec<Vec<u8>> {
    certs.iter().map(|c| c.to_vec()).collect()
}

/// `codec::pkcs7::parse_der` and `decode`: certificates are borrowed from the input in order,
/// `encode_certs_only` of them parses back to the same list, and what `parse_der` accepts
/// `decode` accepts with the same certificates.
pub fn decode_pkcs7(data: &[u8]) {
    let strict = pkcs7::parse_der(data);
    match &strict {
        Err(err) => assert_error_located(err, data.len()),
        Ok(p7) => {
            let mut previous = 0;
            for cert in p7.certificates() {
                let at = offset_in(data, cert);
                assert!(at >= previous, "certificates in message order");
                previous = at + cert.len();
                assert_eq!(cert.first(), Some(&0x30), "a certificate is a SEQUENCE");
            }
            let bag = pkcs7::encode_certs_only(p7.certificates());
            let again = pkcs7::parse_der(&bag).expect("encode_certs_only parses back");
            assert_eq!(again.certificates(), p7.certificates());
            assert!(!again.is_ber());
        }
    }
    match pkcs7::decode_certificates(data, &Limits::DEFAULT) {
        Err(err) => {
            assert_error_located(&err, data.len());
            assert!(
                strict.is_err(),
                "parse_der accepted what decode refused: {err}"
            );
        }
        Ok(found) => {
            assert_warnings_located(found.warnings(), data.len());
            let certs: Vec<&[u8]> = found.der().iter().map(Vec::as_slice).collect();
            if let Ok(p7) = &strict {
                assert_eq!(owned(p7.certificates()), found.der());
            }
            let bag = pkcs7::encode_certs_only(&certs);
            let again = pkcs7::parse_der(&bag).expect("encode_certs_only parses back");
            assert_eq!(owned(again.certificates()), found.der());
        }
    }
}

/// A DER Netscape certificate sequence of `certs`.
fn netscape_sequence(certs: &[&[u8]]) -> Vec<u8> {
    const OID: &[u8] = &[
        0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x86, 0xf8, 0x42, 0x02, 0x05,
    ];
    let list = der_tlv(0x30, &certs.concat());
    der_tlv(0x30, &[OID, &der_tlv(0xa0, &list)].concat())
}

/// `codec::netscape::parse_der` and `decode`: like PKCS#7, with a sequence encoder written
/// here.
pub fn decode_netscape(data: &[u8]) {
    let strict = netscape::parse_der(data);
    match &strict {
        Err(err) => assert_error_located(err, data.len()),
        Ok(certs) => {
            for cert in certs {
                offset_in(data, cert);
            }
            let again_bytes = netscape_sequence(certs);
            let again = netscape::parse_der(&again_bytes).expect("re-encoded sequence parses");
            assert_eq!(&again, certs);
        }
    }
    match netscape::decode_certificates(data, &Limits::DEFAULT) {
        Err(err) => {
            assert_error_located(&err, data.len());
            assert!(
                strict.is_err(),
                "parse_der accepted what decode refused: {err}"
            );
        }
        Ok(found) => {
            assert_warnings_located(found.warnings(), data.len());
            if let Ok(certs) = &strict {
                assert_eq!(&owned(certs), found.der());
            }
        }
    }
}

/// `codec::zip::entries` and `certificates`, with the default limits and with small ones:
/// the limits hold on what is returned, and every certificate comes from a listed entry.
pub fn decode_zip(data: &[u8]) {
    let mut small = Limits::DEFAULT;
    small.max_zip_entries = 4;
    small.max_zip_uncompressed_size = 4096;
    small.max_certificates = 3;
    for limits in [&Limits::DEFAULT, &small] {
        let entries = match zip::entries(data, limits) {
            Err(err) => {
                assert_error_located(&err, data.len());
                assert!(zip::certificates(data, limits).is_err());
                continue;
            }
            Ok(entries) => entries,
        };
        assert!(entries.len() <= limits.max_zip_entries);
        let total: usize = entries.iter().map(|e| e.data().len()).sum();
        assert!(total <= limits.max_zip_uncompressed_size);
        match zip::certificates(data, limits) {
            Err(err) => {
                let _ = err.to_string();
                assert!(!err.context().is_empty() || err.is_limit(), "{err}");
            }
            Ok(certs) => {
                assert!(certs.len() <= limits.max_certificates);
                for (name, der) in &certs {
                    assert!(entries.iter().any(|e| e.name() == name));
                    assert_eq!(der.first(), Some(&0x30));
                }
            }
        }
    }
}
