//! Structure-aware targets: the input is turned into typed values with `arbitrary` (as
//! `libfuzzer-sys` does for a typed `fuzz_target!`), encoded, and decoded back.

use arbitrary::{Arbitrary, Unstructured};
use sectigo_codec::codec::pem::{self, PemLabel};
use sectigo_codec::wire::form::{self, FormEncoder};

/// `arbitrary_take_rest` of the whole input, or `None` when it is too short.
fn typed<'a, T: Arbitrary<'a>>(data: &'a [u8]) -> Option<T> {
    T::arbitrary_take_rest(Unstructured::new(data)).ok()
}

/// Arbitrary pairs → `wire::form::encode` → `decode` gives the same pairs without warnings;
/// `FormEncoder` writes the same text; `form_urlencoded` reads the same pairs from it, and
/// our decoder reads the same pairs from `form_urlencoded`'s encoding.
pub fn roundtrip_form(data: &[u8]) {
    let Some(pairs) = typed::<Vec<(String, String)>>(data) else {
        return;
    };
    let body = form::encode(pairs.iter().map(|(n, v)| (n, v)));
    let mut encoder = FormEncoder::new();
    for (name, value) in &pairs {
        encoder.append_pair(name, value);
    }
    assert_eq!(encoder.as_str(), body);
    assert!(!format!("{encoder:?}").contains(&body) || body.len() < 4);

    let decoded = form::decode(body.as_bytes()).expect("the encoder's output decodes");
    let got: Vec<(String, String)> = decoded
        .pairs()
        .iter()
        .map(|p| (p.name().to_owned(), p.value().to_owned()))
        .collect();
    // An empty pair ("" = "") encodes to a lone `=`, which is still a pair; only a body
    // without pairs at all reads back as nothing.
    assert_eq!(got, pairs, "encode → decode changed the pairs:\n{body}");
    assert!(decoded.warnings().is_empty(), "{:?}", decoded.warnings());

    let whatwg: Vec<(String, String)> = form_urlencoded::parse(body.as_bytes())
        .map(|(n, v)| (n.into_owned(), v.into_owned()))
        .collect();
    assert_eq!(
        whatwg, pairs,
        "form_urlencoded reads our encoding differently"
    );
    let theirs = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs.iter())
        .finish();
    let ours: Vec<(String, String)> = form::decode(theirs.as_bytes())
        .expect("form_urlencoded's output decodes")
        .pairs()
        .iter()
        .map(|p| (p.name().to_owned(), p.value().to_owned()))
        .collect();
    assert_eq!(
        ours, pairs,
        "we read form_urlencoded's encoding differently"
    );
}

/// A PEM label built to RFC 7468's grammar: `labelchar *( ["-" / SP] labelchar )`, with
/// `labelchar` = `%x21-2C / %x2E-7E`, at most 64 characters.
#[derive(Debug)]
struct Label(String);

impl<'a> Arbitrary<'a> for Label {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        const LABELS: [&str; 6] = [
            "CERTIFICATE",
            "PKCS7",
            "CMS",
            "CERTIFICATE REQUEST",
            "NETSCAPE CERTIFICATE SEQUENCE",
            "X509 CRL",
        ];
        if u.ratio(1, 2)? {
            return Ok(Self((*u.choose(&LABELS)?).to_owned()));
        }
        let len = u.int_in_range(0..=64usize)?;
        let mut label = String::new();
        while label.len() < len {
            let separator = u.int_in_range(0..=7u8)?;
            if !label.is_empty() && label.len() + 2 <= len {
                match separator {
                    0 => label.push(' '),
                    1 => label.push('-'),
                    _ => {}
                }
            }
            let c = u.int_in_range(0x21..=0x7du8)?;
            label.push(char::from(if c >= b'-' { c + 1 } else { c }));
        }
        Ok(Self(label))
    }
}

/// One block: a label and its contents.
#[derive(Debug, Arbitrary)]
struct Block {
    label: Label,
    der: Vec<u8>,
    lowercase: bool,
}

/// Arbitrary blocks → `pem::encode` → `pem::decode` (and `decode_field`) gives the labels
/// (normalised) and contents back, with canonical armour and no warnings.
pub fn roundtrip_pem(data: &[u8]) {
    let Some(blocks) = typed::<Vec<Block>>(data) else {
        return;
    };
    if blocks.is_empty() {
        return;
    }
    let mut text = String::new();
    let mut expected = Vec::new();
    for block in &blocks {
        let written = if block.lowercase {
            block.label.0.to_ascii_lowercase()
        } else {
            block.label.0.clone()
        };
        let label = PemLabel::from_label(&written);
        assert_eq!(
            label,
            PemLabel::from_label(&block.label.0),
            "labels ignore case"
        );
        text.push_str(&pem::encode(&label, &block.der));
        expected.push((label, block.der.clone()));
    }
    for (mode, decoded) in [
        ("plain", pem::decode(text.as_bytes())),
        ("field", pem::decode_field(&text)),
    ] {
        let decoded = decoded.unwrap_or_else(|e| panic!("{mode}: encoded PEM fails: {e}\n{text}"));
        assert_eq!(decoded.blocks().len(), expected.len(), "{mode}\n{text}");
        for (block, (label, der)) in decoded.blocks().iter().zip(&expected) {
            assert_eq!(block.label(), label, "{mode}\n{text}");
            assert_eq!(block.der(), der.as_slice(), "{mode}\n{text}");
            assert!(
                block.armour_ok(),
                "{mode}: the encoder's armour is not canonical\n{text}"
            );
        }
        assert!(
            decoded.warnings().is_empty(),
            "{mode}: {:?}\n{text}",
            decoded.warnings()
        );
    }
}
