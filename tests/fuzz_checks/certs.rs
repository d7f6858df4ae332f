//! Checks of the certificate model and of `extract::certificates`.

use sectigo_codec::{Certificate, Chain, Role, WarningKind, extract};

use super::{Rng, assert_error_located};

/// Invariants of one parsed certificate.
fn check_certificate(cert: &Certificate) {
    let serial = cert.serial();
    let digits = serial.strip_prefix('-').unwrap_or(serial);
    assert!(
        !digits.is_empty()
            && digits.len().is_multiple_of(2)
            && digits
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)),
        "serial {serial:?} is not upper-case hex in whole bytes"
    );
    assert_eq!(cert.sha256_hex().len(), 64);
    let _ = (cert.subject(), cert.issuer(), cert.not_before().to_string());
    let _ = cert.not_after().to_string();
    for san in cert.subject_alt_names() {
        let _ = san.to_string();
    }
    assert_eq!(
        cert.is_self_issued(),
        cert.subject_raw() == cert.issuer_raw()
    );
    let role = Role::of(cert);
    assert_eq!(role == Role::Root, cert.is_self_issued());
}

/// `Certificate::from_der`: the DER kept is the input, parsing it again gives the same
/// certificate, and ordering duplicates keeps one copy with a warning.
pub fn certificate_from_der(data: &[u8]) {
    let cert = match Certificate::from_der(data) {
        Err(err) => {
            assert_error_located(&err, data.len());
            return;
        }
        Ok(cert) => cert,
    };
    assert_eq!(cert.der(), data);
    check_certificate(&cert);
    let again = Certificate::from_der(cert.der()).expect("its own DER parses");
    assert_eq!(again, cert);
    let chain = Chain::order(vec![cert.clone(), again]);
    assert_eq!(chain.certificates(), [cert]);
    assert_eq!(chain.roles().len(), 1);
    assert_eq!(
        chain
            .warnings()
            .iter()
            .map(|w| w.kind())
            .collect::<Vec<_>>(),
        [WarningKind::DuplicateCertificate]
    );
}

/// `extract::certificates`: the chain is in chain order with one role per certificate, no
/// duplicates, and ordering the same certificates given in another order (chosen from the
/// input) gives the same chain.
pub fn extract_certificates(data: &[u8]) {
    let found = match extract::certificates(data) {
        Err(err) => {
            assert_error_located(&err, data.len());
            return;
        }
        Ok(found) => found,
    };
    let _ = found.source().name();
    for warning in found.warnings() {
        let _ = warning.to_string();
    }
    let chain = found.chain();
    assert_eq!(chain.roles().len(), chain.len());
    for (cert, role) in chain.iter() {
        check_certificate(cert);
        assert_eq!(Role::of(cert), role);
    }
    for (i, a) in chain.certificates().iter().enumerate() {
        for b in &chain.certificates()[i + 1..] {
            assert_ne!(a.der(), b.der(), "duplicate certificate in the chain");
        }
    }
    // Each certificate but the last of a walk is followed by its issuer: when the next one is
    // not its issuer, a new walk starts and the chain says it is disconnected.
    let links = chain
        .certificates()
        .windows(2)
        .filter(|w| !w[0].is_issued_by(&w[1]) || w[0].is_self_issued())
        .count();
    if links > 0 {
        assert!(
            chain
                .warnings()
                .iter()
                .any(|w| w.kind() == WarningKind::DisconnectedChain),
            "a break in the chain without a DisconnectedChain warning"
        );
    }
    let mut shuffled = chain.certificates().to_vec();
    Rng::from_bytes(data).shuffle(&mut shuffled);
    shuffled.reverse();
    let again = Chain::order(shuffled);
    assert_eq!(
        again.certificates(),
        chain.certificates(),
        "order depends on input order"
    );
}
