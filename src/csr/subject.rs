//! The subject Name: attribute types, string types, lengths and hygiene.
//!
//! ```text
//! Name ::= RDNSequence ::= SEQUENCE OF RelativeDistinguishedName
//! RelativeDistinguishedName ::= SET SIZE (1..MAX) OF AttributeTypeAndValue
//! AttributeTypeAndValue ::= SEQUENCE { type OBJECT IDENTIFIER, value ANY }
//! ```
//!
//! DIGEST §6.4: "Subject MUST contain commonName (OID 2.5.4.3, ≤64, FQDN). Subject MAY
//! contain: organizationName (64), organizationalUnitName (64), postOfficeBox (40),
//! streetAddress up to three times in order (128 each), localityName (128),
//! stateOrProvinceName (128), postalCode (40), countryName (2, PrintableString). Others are
//! ignored. Any order. DirectoryString = PrintableString, TeletexString, BMPString,
//! UniversalString (ASCII only) or UTF8String." Lengths are counted in characters (BR 7.1.4.2
//! note), not bytes.

use super::der::{self, Tag, Tlv};
use super::{Policy, Report, RuleId, StringType, SubjectAttribute, Validation, oid};

/// The attributes Sectigo reads, with their maximum length in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Known {
    Cn,
    O,
    Ou,
    Street,
    L,
    St,
    PostalCode,
    PostOfficeBox,
    C,
}

impl Known {
    const ALL: [Self; 9] = [
        Self::Cn,
        Self::O,
        Self::Ou,
        Self::Street,
        Self::L,
        Self::St,
        Self::PostalCode,
        Self::PostOfficeBox,
        Self::C,
    ];

    fn from_oid(v: &[u8]) -> Option<Self> {
        Some(match v {
            x if x == oid::CN => Self::Cn,
            x if x == oid::O => Self::O,
            x if x == oid::OU => Self::Ou,
            x if x == oid::STREET => Self::Street,
            x if x == oid::L => Self::L,
            x if x == oid::ST => Self::St,
            x if x == oid::POSTAL_CODE => Self::PostalCode,
            x if x == oid::POST_OFFICE_BOX => Self::PostOfficeBox,
            x if x == oid::C => Self::C,
            _ => return None,
        })
    }

    pub(crate) fn short_name(self) -> &'static str {
        match self {
            Self::Cn => "CN",
            Self::O => "O",
            Self::Ou => "OU",
            Self::Street => "street",
            Self::L => "L",
            Self::St => "ST",
            Self::PostalCode => "postalCode",
            Self::PostOfficeBox => "postOfficeBox",
            Self::C => "C",
        }
    }

    fn max_chars(self) -> usize {
        match self {
            Self::Cn | Self::O | Self::Ou => 64,
            Self::Street | Self::L | Self::St => 128,
            Self::PostalCode | Self::PostOfficeBox => 40,
            Self::C => 2,
        }
    }

    /// How many times the attribute may appear.
    fn max_count(self) -> usize {
        match self {
            Self::Street => 3,
            Self::Ou => usize::MAX,
            _ => 1,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Names of other attributes, for facts and messages.
fn other_name(v: &[u8]) -> Option<&'static str> {
    Some(match v {
        x if x == oid::SURNAME => "SN",
        x if x == oid::SERIAL_NUMBER => "serialNumber",
        x if x == oid::TITLE => "title",
        x if x == oid::BUSINESS_CATEGORY => "businessCategory",
        x if x == oid::GIVEN_NAME => "GN",
        x if x == oid::ORGANIZATION_IDENTIFIER => "organizationIdentifier",
        x if x == oid::EMAIL_ADDRESS => "emailAddress",
        x if x == oid::DOMAIN_COMPONENT => "DC",
        x if x == oid::JURISDICTION_L => "jurisdictionL",
        x if x == oid::JURISDICTION_ST => "jurisdictionST",
        x if x == oid::JURISDICTION_C => "jurisdictionC",
        x if x == oid::UID => "UID",
        _ => return None,
    })
}

/// A decoded string value and what is wrong with its encoding, if anything.
struct Decoded {
    string_type: StringType,
    value: String,
    /// Why the octets are not valid for the type.
    invalid: Option<String>,
}

fn decode_string(tag: Tag, v: &[u8]) -> Decoded {
    let lossy = |v: &[u8]| String::from_utf8_lossy(v).into_owned();
    match tag.0 {
        0x0C => match core::str::from_utf8(v) {
            Ok(s) => Decoded {
                string_type: StringType::Utf8,
                value: s.to_owned(),
                invalid: None,
            },
            Err(e) => Decoded {
                string_type: StringType::Utf8,
                value: lossy(v),
                invalid: Some(format!("invalid UTF-8 at byte {}", e.valid_up_to())),
            },
        },
        0x13 => {
            let value: String = v.iter().map(|&b| char::from(b)).collect();
            let invalid = value
                .chars()
                .find(|&c| !crate::text::is_printable_string_char(c))
                .map(|c| format!("{c:?} is not in the PrintableString alphabet (A-Z a-z 0-9 space ' ( ) + , - . / : = ?)"));
            Decoded {
                string_type: StringType::Printable,
                value,
                invalid,
            }
        }
        // T.61 is read as Latin-1, as OpenSSL does.
        0x14 => Decoded {
            string_type: StringType::Teletex,
            value: v.iter().map(|&b| char::from(b)).collect(),
            invalid: None,
        },
        0x1E => {
            let mut invalid =
                (!v.len().is_multiple_of(2)).then(|| "BMPString length is odd".to_owned());
            let units = v.chunks_exact(2).map(|c| {
                u16::from_be_bytes([
                    c.first().copied().unwrap_or(0),
                    c.get(1).copied().unwrap_or(0),
                ])
            });
            let mut value = String::new();
            for u in units {
                match char::from_u32(u32::from(u)) {
                    Some(c) => value.push(c),
                    None => {
                        value.push(char::REPLACEMENT_CHARACTER);
                        invalid.get_or_insert_with(|| {
                            "BMPString holds a surrogate code unit".to_owned()
                        });
                    }
                }
            }
            Decoded {
                string_type: StringType::Bmp,
                value,
                invalid,
            }
        }
        0x1C => {
            let mut invalid = (!v.len().is_multiple_of(4))
                .then(|| "UniversalString length is not a multiple of 4".to_owned());
            let mut value = String::new();
            for c in v.chunks_exact(4) {
                let cp = c.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b));
                match char::from_u32(cp) {
                    Some(ch) => {
                        if !ch.is_ascii() {
                            invalid.get_or_insert_with(|| {
                                format!("UniversalString holds U+{cp:04X}; Sectigo accepts ASCII only in UniversalString")
                            });
                        }
                        value.push(ch);
                    }
                    None => {
                        value.push(char::REPLACEMENT_CHARACTER);
                        invalid.get_or_insert_with(|| {
                            format!("UniversalString holds the invalid code point {cp:#x}")
                        });
                    }
                }
            }
            Decoded {
                string_type: StringType::Universal,
                value,
                invalid,
            }
        }
        0x16 | 0x1A | 0x12 => {
            let string_type = match tag.0 {
                0x16 => StringType::Ia5,
                0x1A => StringType::Visible,
                _ => StringType::Numeric,
            };
            let invalid = v.iter().position(|b| !b.is_ascii()).map(|i| {
                format!(
                    "{} holds a non-ASCII byte at position {i}",
                    string_type.name()
                )
            });
            Decoded {
                string_type,
                value: lossy(v),
                invalid,
            }
        }
        other => Decoded {
            string_type: StringType::Other(other),
            value: lossy(v),
            invalid: None,
        },
    }
}

/// What the subject walk hands to the name checks.
#[derive(Debug, Default)]
pub(crate) struct SubjectNames {
    /// commonName values with the DER offset of the attribute.
    pub(crate) common_names: Vec<(String, usize)>,
}

/// Lints the subject Name.
pub(crate) fn lint(subject: &Tlv<'_>, policy: &Policy, report: &mut Report) -> SubjectNames {
    let mut names = SubjectNames::default();
    let mut counts = [0usize; 9];
    let mut rdns = subject.reader();
    while !rdns.is_empty() {
        let rdn = match rdns.expect(Tag::SET, "RelativeDistinguishedName") {
            Ok(rdn) => rdn,
            Err(e) => {
                report.push(
                    RuleId::DerMalformed,
                    Some(e.offset),
                    format!("subject: {}", e.detail),
                );
                return names;
            }
        };
        let mut atvs = rdn.reader();
        let mut in_rdn = 0usize;
        if atvs.is_empty() {
            report.push(
                RuleId::DerMalformed,
                Some(rdn.offset),
                "subject: empty RelativeDistinguishedName",
            );
        }
        while !atvs.is_empty() {
            in_rdn = in_rdn.saturating_add(1);
            let parsed = (|| {
                let atv = atvs.expect(Tag::SEQUENCE, "AttributeTypeAndValue")?;
                let mut r = atv.reader();
                let t = r.expect(Tag::OID, "attribute type")?;
                der::check_oid(&t)?;
                let v = r.read()?;
                r.finish("AttributeTypeAndValue")?;
                Ok::<_, der::DerError>((atv, t, v))
            })();
            let (atv, t, v) = match parsed {
                Ok(parts) => parts,
                Err(e) => {
                    report.push(
                        RuleId::DerMalformed,
                        Some(e.offset),
                        format!("subject: {}", e.detail),
                    );
                    return names;
                }
            };
            let known = Known::from_oid(t.value);
            let decoded = decode_string(v.tag, v.value);
            let name = known.map(Known::short_name).or_else(|| other_name(t.value));
            report.facts.subject.push(SubjectAttribute {
                oid: der::oid_to_string(t.value),
                name,
                string_type: decoded.string_type,
                value: decoded.value.clone(),
            });
            let Some(known) = known else {
                let label = name.map_or_else(|| der::oid_to_string(t.value), str::to_owned);
                report.push(
                    RuleId::SubjectAttributeIgnored,
                    Some(atv.offset),
                    format!(
                        "{label} is not read by Sectigo and will not appear in the certificate"
                    ),
                );
                continue;
            };
            if let Some(slot) = counts.get_mut(known.index()) {
                *slot = slot.saturating_add(1);
            }
            if known == Known::Cn {
                if names.common_names.is_empty() {
                    report.facts.common_name = Some(decoded.value.clone());
                }
                names.common_names.push((decoded.value.clone(), atv.offset));
            }
            lint_value(known, &decoded, &v, report);
        }
        if in_rdn > 1 {
            report.push(
                RuleId::SubjectMultiValuedRdn,
                Some(rdn.offset),
                format!("an RDN holds {in_rdn} attributes; put each attribute in its own RDN"),
            );
        }
    }
    for k in Known::ALL {
        let count = counts.get(k.index()).copied().unwrap_or(0);
        if count > k.max_count() {
            if k == Known::Cn {
                report.push(
                    RuleId::SubjectCnMultiple,
                    Some(subject.offset),
                    format!("the subject has {count} commonNames; keep one and put the other names in subjectAltName"),
                );
            } else {
                let allowed = if k == Known::Street {
                    "at most three times"
                } else {
                    "once"
                };
                report.push(
                    RuleId::SubjectDuplicateAttribute,
                    Some(subject.offset),
                    format!(
                        "{} appears {count} times; it may appear {allowed}",
                        k.short_name()
                    ),
                );
            }
        }
        if k == Known::Ou && count > 0 {
            report.push(
                RuleId::SubjectOuPresent,
                Some(subject.offset),
                "remove organizationalUnitName: publicly trusted TLS certificates may not carry it since September 2022",
            );
        }
    }
    let has = |k: Known| counts.get(k.index()).is_some_and(|&c| c > 0);
    if !has(Known::Cn) && policy.require_common_name {
        report.push(
            RuleId::SubjectCnMissing,
            Some(subject.offset),
            "the subject has no commonName; add CN=<the domain name>",
        );
    }
    if matches!(policy.validation, Some(Validation::Ov | Validation::Ev)) {
        let level = if policy.validation == Some(Validation::Ev) {
            "EV"
        } else {
            "OV"
        };
        for (k, what) in [
            (Known::O, "organizationName (O)"),
            (Known::C, "countryName (C)"),
        ] {
            if !has(k) {
                report.push(
                    RuleId::SubjectFieldMissing,
                    Some(subject.offset),
                    format!("{level} products need {what}: add it to the CSR or send it as a request parameter"),
                );
            }
        }
        if !has(Known::L) && !has(Known::St) {
            report.push(
                RuleId::SubjectFieldMissing,
                Some(subject.offset),
                format!("{level} products need localityName (L) or stateOrProvinceName (ST): add one to the CSR or send it as a request parameter"),
            );
        }
    }
    names
}

fn lint_value(known: Known, decoded: &Decoded, v: &Tlv<'_>, report: &mut Report) {
    let what = known.short_name();
    let at = Some(v.offset);
    let type_ok = if known == Known::C {
        decoded.string_type == StringType::Printable
    } else {
        matches!(
            decoded.string_type,
            StringType::Printable
                | StringType::Teletex
                | StringType::Bmp
                | StringType::Universal
                | StringType::Utf8
        )
    };
    if !type_ok {
        let expected = if known == Known::C {
            "PrintableString"
        } else {
            "UTF8String or PrintableString"
        };
        report.push(
            RuleId::SubjectStringType,
            at,
            format!(
                "{what} is encoded as {}; encode it as {expected}",
                decoded.string_type.name()
            ),
        );
    } else if let Some(why) = &decoded.invalid {
        report.push(RuleId::SubjectStringInvalid, at, format!("{what}: {why}"));
    } else if matches!(
        decoded.string_type,
        StringType::Teletex | StringType::Bmp | StringType::Universal
    ) {
        report.push(
            RuleId::SubjectStringDeprecated,
            at,
            format!(
                "{what} is encoded as {}; UTF8String or PrintableString is preferred",
                decoded.string_type.name()
            ),
        );
    }
    let chars = decoded.value.chars().count();
    if chars == 0 {
        report.push(
            RuleId::SubjectAttributeEmpty,
            at,
            format!("{what} is empty; remove it or give it a value"),
        );
        return;
    }
    if known == Known::C {
        // -7 covers a wrong length as well ("GBR").
        if !crate::country::is_iso3166_alpha2(&decoded.value) {
            let hint = match crate::country::suggest(&decoded.value) {
                Some(code) => format!("use {code}"),
                None => "use the ISO 3166-1 alpha-2 code of the country, in upper case".to_owned(),
            };
            report.push(
                RuleId::SubjectCountryInvalid,
                at,
                format!(
                    "C {:?} is not a current ISO 3166-1 alpha-2 code; {hint}",
                    decoded.value
                ),
            );
        }
    } else if chars > known.max_chars() {
        report.push(
            RuleId::SubjectAttributeTooLong,
            at,
            format!(
                "{what} has {chars} characters; at most {} are allowed",
                known.max_chars()
            ),
        );
    }
    super::hygiene::lint_value(known, &decoded.value, v.offset, report);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_every_directory_string() {
        let d = decode_string(Tag(0x13), b"Example Ltd.");
        assert_eq!(
            (d.string_type, d.value.as_str(), d.invalid.is_none()),
            (StringType::Printable, "Example Ltd.", true)
        );
        assert!(
            decode_string(Tag(0x13), b"a_b")
                .invalid
                .unwrap()
                .contains("'_'")
        );
        assert!(decode_string(Tag(0x13), b"a@b").invalid.is_some());
        assert_eq!(
            decode_string(Tag(0x0C), "Zürich".as_bytes()).value,
            "Zürich"
        );
        assert!(decode_string(Tag(0x0C), b"\xC3").invalid.is_some());
        assert_eq!(decode_string(Tag(0x1E), &[0, 0x5A, 0, 0xFC]).value, "Zü");
        assert!(decode_string(Tag(0x1E), &[0, 0x5A, 0]).invalid.is_some());
        assert!(decode_string(Tag(0x1E), &[0xD8, 0x00]).invalid.is_some());
        let u = decode_string(Tag(0x1C), &[0, 0, 0, 0x41, 0, 0, 0, 0x42]);
        assert_eq!((u.value.as_str(), u.invalid.is_none()), ("AB", true));
        assert!(
            decode_string(Tag(0x1C), &[0, 0, 0, 0xFC])
                .invalid
                .unwrap()
                .contains("ASCII only")
        );
        assert!(decode_string(Tag(0x1C), &[0, 0, 0]).invalid.is_some());
        assert_eq!(decode_string(Tag(0x14), &[0x5A, 0xFC]).value, "Zü");
        assert_eq!(
            decode_string(Tag(0x16), b"a@b").string_type,
            StringType::Ia5
        );
        assert_eq!(
            decode_string(Tag(0x04), b"x").string_type,
            StringType::Other(0x04)
        );
    }
}
