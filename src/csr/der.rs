//! A minimal strict DER reader for the CSR walk.
//!
//! The `der` crate would be the obvious choice, but its tag decoder refuses universal tags it
//! has no type for - among them UniversalString (tag 28), which Sectigo explicitly accepts in
//! subject attributes (DIGEST §6.4) and which the linter must be able to read and judge. This
//! reader only splits TLVs; every value is interpreted by the caller. It enforces DER's
//! length rules (definite, minimal, at most four length octets) and reports the absolute byte
//! offset of every problem.

/// A tag octet (low-tag-number form; the CSR grammar uses no tag above 30).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tag(pub(crate) u8);

impl Tag {
    pub(crate) const BOOLEAN: Self = Self(0x01);
    pub(crate) const INTEGER: Self = Self(0x02);
    pub(crate) const BIT_STRING: Self = Self(0x03);
    pub(crate) const OCTET_STRING: Self = Self(0x04);
    pub(crate) const NULL: Self = Self(0x05);
    pub(crate) const OID: Self = Self(0x06);
    pub(crate) const SEQUENCE: Self = Self(0x30);
    pub(crate) const SET: Self = Self(0x31);

    /// `[n]` context-specific, constructed.
    pub(crate) const fn context_constructed(n: u8) -> Self {
        Self(0xA0 | n)
    }

    /// ASN.1 name of a universal tag, for messages.
    pub(crate) fn name(self) -> &'static str {
        match self.0 {
            0x01 => "BOOLEAN",
            0x02 => "INTEGER",
            0x03 => "BIT STRING",
            0x04 => "OCTET STRING",
            0x05 => "NULL",
            0x06 => "OBJECT IDENTIFIER",
            0x0C => "UTF8String",
            0x12 => "NumericString",
            0x13 => "PrintableString",
            0x14 => "TeletexString",
            0x15 => "VideotexString",
            0x16 => "IA5String",
            0x17 => "UTCTime",
            0x18 => "GeneralizedTime",
            0x19 => "GraphicString",
            0x1A => "VisibleString",
            0x1B => "GeneralString",
            0x1C => "UniversalString",
            0x1E => "BMPString",
            0x30 => "SEQUENCE",
            0x31 => "SET",
            t if t & 0xC0 == 0x80 => "context-specific",
            t if t & 0xC0 == 0x40 => "application",
            t if t & 0xC0 == 0xC0 => "private",
            _ => "unknown universal tag",
        }
    }
}

/// One TLV: its tag, its value and where it starts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tlv<'a> {
    pub(crate) tag: Tag,
    /// The value octets.
    pub(crate) value: &'a [u8],
    /// The whole encoding (tag, length and value).
    pub(crate) raw: &'a [u8],
    /// Absolute offset of the tag octet in the outermost input.
    pub(crate) offset: usize,
    /// Absolute offset of the first value octet.
    pub(crate) value_offset: usize,
}

impl<'a> Tlv<'a> {
    /// A reader over this TLV's value (for constructed types).
    pub(crate) fn reader(&self) -> Reader<'a> {
        Reader {
            input: self.value,
            pos: 0,
            base: self.value_offset,
        }
    }
}

/// A DER problem: what and where (absolute offset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DerError {
    pub(crate) offset: usize,
    pub(crate) detail: String,
}

impl DerError {
    pub(crate) fn new(offset: usize, detail: impl Into<String>) -> Self {
        Self {
            offset,
            detail: detail.into(),
        }
    }
}

/// A cursor over a sequence of TLVs.
#[derive(Debug, Clone)]
pub(crate) struct Reader<'a> {
    input: &'a [u8],
    pos: usize,
    base: usize,
}

impl<'a> Reader<'a> {
    /// A reader over `input`, whose first byte is at absolute offset `base`.
    pub(crate) fn new(input: &'a [u8], base: usize) -> Self {
        Self {
            input,
            pos: 0,
            base,
        }
    }

    /// Absolute offset of the next byte.
    pub(crate) fn offset(&self) -> usize {
        self.base.saturating_add(self.pos)
    }

    /// `true` when every byte was consumed.
    pub(crate) fn is_empty(&self) -> bool {
        self.pos >= self.input.len()
    }

    /// The tag of the next TLV, if any.
    pub(crate) fn peek_tag(&self) -> Option<Tag> {
        self.input.get(self.pos).copied().map(Tag)
    }

    /// Reads the next TLV.
    pub(crate) fn read(&mut self) -> Result<Tlv<'a>, DerError> {
        let start = self.pos;
        let offset = self.offset();
        let Some(&tag) = self.input.get(start) else {
            return Err(DerError::new(
                offset,
                "unexpected end of data, expected a tag",
            ));
        };
        if tag & 0x1F == 0x1F {
            return Err(DerError::new(
                offset,
                "multi-octet tag numbers are not used in a CSR",
            ));
        }
        let len_pos = start.saturating_add(1);
        let len_offset = self.base.saturating_add(len_pos);
        let Some(&first) = self.input.get(len_pos) else {
            return Err(DerError::new(
                len_offset,
                "unexpected end of data, expected a length",
            ));
        };
        let (len, header_len) = if first < 0x80 {
            (usize::from(first), 2usize)
        } else if first == 0x80 {
            return Err(DerError::new(
                len_offset,
                "indefinite length (BER) is not allowed in DER",
            ));
        } else {
            let count = usize::from(first & 0x7F);
            if count > 4 {
                return Err(DerError::new(
                    len_offset,
                    "length field longer than 4 octets",
                ));
            }
            let from = len_pos.saturating_add(1);
            let to = from.saturating_add(count);
            let Some(bytes) = self.input.get(from..to) else {
                return Err(DerError::new(
                    len_offset,
                    "unexpected end of data in a length",
                ));
            };
            let mut len = 0usize;
            for &b in bytes {
                len = (len << 8) | usize::from(b);
            }
            if bytes.first() == Some(&0) || len < 0x80 {
                return Err(DerError::new(
                    len_offset,
                    "length not minimally encoded (not DER)",
                ));
            }
            (len, count.saturating_add(2))
        };
        let value_start = start.saturating_add(header_len);
        let value_end = value_start.saturating_add(len);
        let (Some(value), Some(raw)) = (
            self.input.get(value_start..value_end),
            self.input.get(start..value_end),
        ) else {
            return Err(DerError::new(
                offset,
                format!(
                    "{} claims {len} bytes but only {} remain",
                    Tag(tag).name(),
                    self.input.len().saturating_sub(value_start)
                ),
            ));
        };
        self.pos = value_end;
        Ok(Tlv {
            tag: Tag(tag),
            value,
            raw,
            offset,
            value_offset: self.base.saturating_add(value_start),
        })
    }

    /// Reads the next TLV and checks its tag.
    pub(crate) fn expect(&mut self, tag: Tag, what: &str) -> Result<Tlv<'a>, DerError> {
        let offset = self.offset();
        match self.peek_tag() {
            Some(t) if t == tag => self.read(),
            Some(t) => Err(DerError::new(
                offset,
                format!("expected {what} ({}), found {}", tag.name(), t.name()),
            )),
            None => Err(DerError::new(
                offset,
                format!("unexpected end of data, expected {what}"),
            )),
        }
    }

    /// Fails unless every byte was consumed.
    pub(crate) fn finish(&self, what: &str) -> Result<(), DerError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(DerError::new(
                self.offset(),
                format!("unexpected data after the end of {what}"),
            ))
        }
    }
}

/// An OBJECT IDENTIFIER value in dotted form (for messages and facts).
pub(crate) fn oid_to_string(value: &[u8]) -> String {
    match der::asn1::ObjectIdentifier::from_bytes(value) {
        Ok(oid) => oid.to_string(),
        Err(_) => String::from("(malformed OID)"),
    }
}

/// Checks that an OBJECT IDENTIFIER's value octets are well formed (X.690 §8.19: non-empty,
/// last octet ends a subidentifier, no subidentifier starts with 0x80).
pub(crate) fn check_oid(tlv: &Tlv<'_>) -> Result<(), DerError> {
    let v = tlv.value;
    let bad = v.is_empty()
        || v.last().is_some_and(|b| b & 0x80 != 0)
        || v.iter().enumerate().any(|(i, &b)| {
            b == 0x80 && (i == 0 || v.get(i.wrapping_sub(1)).is_some_and(|p| p & 0x80 == 0))
        });
    if bad {
        Err(DerError::new(tlv.offset, "malformed OBJECT IDENTIFIER"))
    } else {
        Ok(())
    }
}

/// An INTEGER read as an unsigned magnitude.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Integer<'a> {
    /// Big-endian magnitude without leading zero octets (empty for zero).
    pub(crate) magnitude: &'a [u8],
    pub(crate) negative: bool,
}

/// Reads an INTEGER's value octets, enforcing DER's minimal encoding (X.690 §8.3.2).
pub(crate) fn integer<'a>(tlv: &Tlv<'a>) -> Result<Integer<'a>, DerError> {
    let v = tlv.value;
    match v {
        [] => Err(DerError::new(tlv.offset, "INTEGER with no content octets")),
        [0x00, next, ..] if next & 0x80 == 0 => Err(DerError::new(
            tlv.value_offset,
            "INTEGER not minimally encoded (leading 0x00)",
        )),
        [0xFF, next, ..] if next & 0x80 != 0 => Err(DerError::new(
            tlv.value_offset,
            "INTEGER not minimally encoded (leading 0xFF)",
        )),
        [first, ..] => {
            let negative = first & 0x80 != 0;
            let start = v.iter().position(|&b| b != 0).unwrap_or(v.len());
            Ok(Integer {
                magnitude: v.get(start..).unwrap_or_default(),
                negative,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_nested_tlvs_with_absolute_offsets() {
        let der = [0x30, 0x06, 0x02, 0x01, 0x05, 0x04, 0x01, 0xAA];
        let mut r = Reader::new(&der, 10);
        let seq = r.expect(Tag::SEQUENCE, "a sequence").unwrap();
        assert_eq!(seq.offset, 10);
        assert_eq!(seq.value_offset, 12);
        let mut inner = seq.reader();
        let int = inner.expect(Tag::INTEGER, "int").unwrap();
        assert_eq!(int.offset, 12);
        assert_eq!(integer(&int).unwrap().magnitude, &[5]);
        let oct = inner.read().unwrap();
        assert_eq!(oct.tag, Tag::OCTET_STRING);
        assert_eq!(oct.offset, 15);
        assert!(inner.finish("seq").is_ok());
        assert!(r.is_empty());
    }

    #[test]
    fn rejects_non_der_lengths() {
        for (bytes, offset, what) in [
            (&[0x30u8, 0x80, 0, 0][..], 1, "indefinite"),
            (&[0x04, 0x81, 0x05, 1, 2, 3, 4, 5][..], 1, "not minimally"),
            (&[0x04, 0x82, 0x00, 0x90][..], 1, "not minimally"),
            (&[0x04, 0x85, 1, 1, 1, 1, 1][..], 1, "longer than 4"),
            (
                &[0x04, 0x05, 1, 2][..],
                0,
                "claims 5 bytes but only 2 remain",
            ),
            (&[0x04][..], 1, "expected a length"),
            (&[0x1F, 0x01, 0x00][..], 0, "multi-octet"),
        ] {
            let err = Reader::new(bytes, 0).read().unwrap_err();
            assert_eq!(err.offset, offset, "{bytes:02x?}");
            assert!(err.detail.contains(what), "{}: {what}", err.detail);
        }
    }

    #[test]
    fn integers_must_be_minimal() {
        let t = |v: &'static [u8]| Tlv {
            tag: Tag::INTEGER,
            value: v,
            raw: v,
            offset: 0,
            value_offset: 2,
        };
        assert!(integer(&t(&[0x00, 0x7F])).is_err());
        assert!(integer(&t(&[0xFF, 0x80])).is_err());
        assert!(integer(&t(&[])).is_err());
        let i = integer(&t(&[0x00, 0x80])).unwrap();
        assert_eq!((i.magnitude, i.negative), (&[0x80u8][..], false));
        assert!(integer(&t(&[0x80])).unwrap().negative);
        assert!(integer(&t(&[0x00])).unwrap().magnitude.is_empty());
    }

    #[test]
    fn oids() {
        let v = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01];
        assert_eq!(oid_to_string(&v), "1.2.840.113549.1.1.1");
        let t = |v: &'static [u8]| Tlv {
            tag: Tag::OID,
            value: v,
            raw: v,
            offset: 3,
            value_offset: 5,
        };
        assert!(check_oid(&t(&[0x2A, 0x86])).is_err());
        assert!(check_oid(&t(&[0x2A, 0x80, 0x01])).is_err());
        assert!(check_oid(&t(&[])).is_err());
        assert!(check_oid(&t(&[0x2A, 0x86, 0x48])).is_ok());
    }
}
