//! The CSR attributes: the requested extensions (subjectAltName, basicConstraints, keyUsage).
//!
//! ```text
//! attributes [0] IMPLICIT SET OF Attribute                  -- RFC 2986 §4.1
//! Attribute ::= SEQUENCE { type OBJECT IDENTIFIER, values SET SIZE(1..MAX) OF ANY }
//! extensionRequest (1.2.840.113549.1.9.14) value: Extensions -- RFC 2985 §5.4.2
//! Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
//! GeneralName ::= CHOICE { rfc822Name [1] IA5String, dNSName [2] IA5String,
//!                          uniformResourceIdentifier [6] IA5String, iPAddress [7] OCTET STRING, ... }
//! ```
//!
//! DIGEST §6.4: "Attributes allowed but ignored". Sectigo takes the SANs of an MDC/UCC order
//! from the CSR when `domainNames` is omitted (§6.1), so they are linted like the CN.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::der::{self, DerError, Tag, Tlv};
use super::{Report, RuleId, SubjectAltName, oid};

/// A SAN with the DER offset of its GeneralName.
#[derive(Debug, Clone)]
pub(crate) struct San {
    pub(crate) name: SubjectAltName,
    pub(crate) offset: usize,
}

/// Walks the attributes and returns the subjectAltName entries.
pub(crate) fn lint(attributes: Option<&Tlv<'_>>, report: &mut Report) -> Vec<San> {
    let mut sans = Vec::new();
    let Some(attributes) = attributes else {
        return sans;
    };
    if let Err(e) = walk(attributes, &mut sans, report) {
        report.push(
            RuleId::ExtensionMalformed,
            Some(e.offset),
            format!("attributes: {}", e.detail),
        );
    }
    report.facts.subject_alt_names = sans.iter().map(|s| s.name.clone()).collect();
    sans
}

fn walk(attributes: &Tlv<'_>, sans: &mut Vec<San>, report: &mut Report) -> Result<(), DerError> {
    let mut attrs = attributes.reader();
    while !attrs.is_empty() {
        let attr = attrs.expect(Tag::SEQUENCE, "Attribute")?;
        let mut r = attr.reader();
        let t = r.expect(Tag::OID, "attribute type")?;
        der::check_oid(&t)?;
        let values = r.expect(Tag::SET, "attribute values")?;
        r.finish("Attribute")?;
        if t.value != oid::EXTENSION_REQUEST {
            continue;
        }
        let mut v = values.reader();
        let extensions = v.expect(Tag::SEQUENCE, "Extensions")?;
        v.finish("extensionRequest values (one Extensions)")?;
        let mut exts = extensions.reader();
        while !exts.is_empty() {
            let ext = exts.expect(Tag::SEQUENCE, "Extension")?;
            let mut e = ext.reader();
            let id = e.expect(Tag::OID, "extnID")?;
            der::check_oid(&id)?;
            if e.peek_tag() == Some(Tag::BOOLEAN) {
                e.read()?;
            }
            let value = e.expect(Tag::OCTET_STRING, "extnValue")?;
            e.finish("Extension")?;
            match id.value {
                v if v == oid::SUBJECT_ALT_NAME => general_names(&value, sans)?,
                v if v == oid::BASIC_CONSTRAINTS => basic_constraints(&value, report)?,
                v if v == oid::KEY_USAGE => key_usage(&value, report)?,
                _ => {}
            }
        }
    }
    Ok(())
}

fn inner<'a>(octets: &Tlv<'a>, tag: Tag, what: &str) -> Result<Tlv<'a>, DerError> {
    let mut r = octets.reader();
    let t = r.expect(tag, what)?;
    r.finish(what)?;
    Ok(t)
}

fn general_names(octets: &Tlv<'_>, sans: &mut Vec<San>) -> Result<(), DerError> {
    let seq = inner(octets, Tag::SEQUENCE, "subjectAltName GeneralNames")?;
    let mut r = seq.reader();
    while !r.is_empty() {
        let gn = r.read()?;
        let text = || String::from_utf8_lossy(gn.value).into_owned();
        let name = match gn.tag.0 {
            0x81 => SubjectAltName::Email(text()),
            0x82 => SubjectAltName::Dns(text()),
            0x86 => SubjectAltName::Uri(text()),
            0x87 => match gn.value.len() {
                4 => {
                    let mut a = [0u8; 4];
                    a.copy_from_slice(gn.value);
                    SubjectAltName::Ip(IpAddr::V4(Ipv4Addr::from(a)))
                }
                16 => {
                    let mut a = [0u8; 16];
                    a.copy_from_slice(gn.value);
                    SubjectAltName::Ip(IpAddr::V6(Ipv6Addr::from(a)))
                }
                n => {
                    return Err(DerError::new(
                        gn.offset,
                        format!("iPAddress has {n} octets; it must have 4 (IPv4) or 16 (IPv6)"),
                    ));
                }
            },
            t if t & 0xC0 == 0x80 => SubjectAltName::Other(t & 0x1F),
            _ => {
                return Err(DerError::new(
                    gn.offset,
                    format!("{} is not a GeneralName", gn.tag.name()),
                ));
            }
        };
        sans.push(San {
            name,
            offset: gn.offset,
        });
    }
    if sans.is_empty() {
        return Err(DerError::new(seq.offset, "subjectAltName is empty"));
    }
    Ok(())
}

fn basic_constraints(octets: &Tlv<'_>, report: &mut Report) -> Result<(), DerError> {
    let seq = inner(octets, Tag::SEQUENCE, "BasicConstraints")?;
    let mut r = seq.reader();
    if r.peek_tag() == Some(Tag::BOOLEAN) {
        let ca = r.read()?;
        if ca.value.first().is_some_and(|&b| b != 0) {
            report.push(
                RuleId::ExtensionCa,
                Some(ca.offset),
                "the CSR requests basicConstraints cA=TRUE; remove it (a server certificate is not a CA)",
            );
        }
    }
    Ok(())
}

fn key_usage(octets: &Tlv<'_>, report: &mut Report) -> Result<(), DerError> {
    let bits = inner(octets, Tag::BIT_STRING, "KeyUsage")?;
    // Bit 5 (keyCertSign) is 0x04 of the first content octet after the unused-bits octet.
    if bits.value.get(1).is_some_and(|b| b & 0x04 != 0) {
        report.push(
            RuleId::ExtensionCa,
            Some(bits.offset),
            "the CSR requests keyUsage keyCertSign; remove it (a server certificate is not a CA)",
        );
    }
    Ok(())
}
