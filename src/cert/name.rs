//! Distinguished names as RFC 4514 text, written the way `openssl x509 -nameopt RFC2253`
//! writes them, so that values can be compared with openssl's output.
//!
//! * RDNs in reverse order (most specific first), separated by `,`; multi-valued RDNs joined
//!   with `+`, their attributes also in reverse order (openssl reverses the flat list of
//!   attributes);
//! * attribute types by OpenSSL's short names (`CN`, `O`, `OU`, `C`, `ST`, `L`, `street`,
//!   `emailAddress`, `serialNumber`, `DC`, `UID`, `jurisdictionC`, ...); any other type in
//!   dotted form;
//! * string values (PrintableString, UTF8String, IA5String, NumericString, VisibleString,
//!   TeletexString read as Latin-1, BMPString, UniversalString) converted to UTF-8, then
//!   escaped per RFC 4514 §2.4 (`,` `+` `"` `\` `<` `>` `;`, a leading `#` or space, a
//!   trailing space) and, like openssl, control characters and every byte above 0x7F as
//!   `\XX` hex pairs;
//! * values of unknown types, and values that are not strings, as `#` and the hex of their
//!   DER encoding (RFC 4514 §2.4).

use core::fmt::Write as _;

use x509_parser::asn1_rs::{Any, Class, Tag};
use x509_parser::x509::X509Name;

/// OpenSSL's short names for the attribute types it knows, by dotted OID.
const SHORT_NAMES: &[(&str, &str)] = &[
    ("2.5.4.3", "CN"),
    ("2.5.4.4", "SN"),
    ("2.5.4.5", "serialNumber"),
    ("2.5.4.6", "C"),
    ("2.5.4.7", "L"),
    ("2.5.4.8", "ST"),
    ("2.5.4.9", "street"),
    ("2.5.4.10", "O"),
    ("2.5.4.11", "OU"),
    ("2.5.4.12", "title"),
    ("2.5.4.13", "description"),
    ("2.5.4.15", "businessCategory"),
    ("2.5.4.17", "postalCode"),
    ("2.5.4.18", "postOfficeBox"),
    ("2.5.4.41", "name"),
    ("2.5.4.42", "GN"),
    ("2.5.4.43", "initials"),
    ("2.5.4.44", "generationQualifier"),
    ("2.5.4.46", "dnQualifier"),
    ("2.5.4.65", "pseudonym"),
    ("2.5.4.97", "organizationIdentifier"),
    ("0.9.2342.19200300.100.1.1", "UID"),
    ("0.9.2342.19200300.100.1.25", "DC"),
    ("1.2.840.113549.1.9.1", "emailAddress"),
    ("1.3.6.1.4.1.311.60.2.1.1", "jurisdictionL"),
    ("1.3.6.1.4.1.311.60.2.1.2", "jurisdictionST"),
    ("1.3.6.1.4.1.311.60.2.1.3", "jurisdictionC"),
];

/// `name` as RFC 4514 text (see the module documentation).
pub(crate) fn rfc4514(name: &X509Name<'_>) -> String {
    let mut out = String::new();
    let rdns: Vec<_> = name.iter_rdn().collect();
    for (i, rdn) in rdns.iter().rev().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let atvs: Vec<_> = rdn.iter().collect();
        for (j, atv) in atvs.iter().rev().enumerate() {
            if j > 0 {
                out.push('+');
            }
            let oid = atv.attr_type().to_id_string();
            let short = SHORT_NAMES.iter().find(|(o, _)| *o == oid).map(|(_, s)| *s);
            let text = short.and_then(|_| string_value(atv.attr_value()));
            match (short, text) {
                (Some(short), Some(text)) => {
                    out.push_str(short);
                    out.push('=');
                    escape_into(&text, &mut out);
                }
                (short, _) => {
                    out.push_str(short.unwrap_or(&oid));
                    out.push('=');
                    hex_dump_into(atv.attr_value(), &mut out);
                }
            }
        }
    }
    out
}

/// The value of a string-typed attribute, as Unicode text.
fn string_value(value: &Any<'_>) -> Option<String> {
    if value.class() != Class::Universal || value.header.is_constructed() {
        return None;
    }
    let data = value.data;
    match value.tag() {
        Tag::Utf8String
        | Tag::PrintableString
        | Tag::Ia5String
        | Tag::NumericString
        | Tag::VisibleString => core::str::from_utf8(data).ok().map(str::to_owned),
        // T.61 as OpenSSL reads it: one byte per character, Latin-1.
        Tag::TeletexString => Some(data.iter().map(|&b| char::from(b)).collect()),
        Tag::BmpString => {
            if !data.len().is_multiple_of(2) {
                return None;
            }
            let units = data
                .chunks_exact(2)
                .filter_map(|c| <[u8; 2]>::try_from(c).ok())
                .map(u16::from_be_bytes);
            char::decode_utf16(units)
                .collect::<Result<String, _>>()
                .ok()
        }
        Tag::UniversalString => {
            if !data.len().is_multiple_of(4) {
                return None;
            }
            data.chunks_exact(4)
                .map(|c| {
                    <[u8; 4]>::try_from(c)
                        .ok()
                        .map(u32::from_be_bytes)
                        .and_then(char::from_u32)
                })
                .collect()
        }
        _ => None,
    }
}

/// RFC 4514 §2.4 escaping, plus `\XX` for control characters and non-ASCII bytes (openssl's
/// `ESC_CTRL` and `ESC_MSB`).
fn escape_into(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let last = bytes.len().saturating_sub(1);
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b',' | b'+' | b'"' | b'\\' | b'<' | b'>' | b';' => {
                out.push('\\');
                out.push(char::from(b));
            }
            b'#' if i == 0 => out.push_str("\\#"),
            b' ' if i == 0 || i == last => out.push_str("\\ "),
            0x00..=0x1f | 0x7f..=0xff => {
                let _ = write!(out, "\\{b:02X}");
            }
            _ => out.push(char::from(b)),
        }
    }
}

/// `#` and the upper-case hex of the value's DER encoding (as openssl writes it).
fn hex_dump_into(value: &Any<'_>, out: &mut String) {
    out.push('#');
    let class = value.class() as u8;
    let number = value.tag().0;
    let constructed = if value.header.is_constructed() {
        0x20
    } else {
        0
    };
    let der = match u8::try_from(number) {
        Ok(n) if n < 0x1f => crate::codec::pkcs7::tlv((class << 6) | constructed | n, value.data),
        // High tag numbers do not occur in names; dump the contents alone.
        _ => value.data.to_vec(),
    };
    for b in der {
        let _ = write!(out, "{b:02X}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_special_characters() {
        let mut out = String::new();
        escape_into("#a, b+c\"d\\e<f>g;h ", &mut out);
        assert_eq!(out, "\\#a\\, b\\+c\\\"d\\\\e\\<f\\>g\\;h\\ ");
        let mut out = String::new();
        escape_into(" M\u{fc}ller\u{1}", &mut out);
        assert_eq!(out, "\\ M\\C3\\BCller\\01");
        let mut out = String::new();
        escape_into("a#b", &mut out);
        assert_eq!(out, "a#b");
    }
}
