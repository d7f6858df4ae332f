//! Checks of the name and value checkers: DNS names, IP literals and classes, country codes,
//! free text, product lists and combinations.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use sectigo_codec::dns::{self, DnsNameProblem};
use sectigo_codec::product::{self, CombinationProblem, ProductListError};
use sectigo_codec::{country, ip, text};

/// Offsets a problem reports are inside the name, on a character boundary.
fn assert_boundary(s: &str, offset: usize) {
    assert!(
        s.is_char_boundary(offset) && offset < s.len(),
        "offset {offset} in {s:?}"
    );
}

fn check_name(input: &str) {
    let check = dns::check_dns_name(input);
    assert_eq!(check, dns::check_dns_name(input), "not deterministic");
    assert_eq!(
        check.has_errors(),
        check.problems().iter().any(DnsNameProblem::is_error)
    );
    assert_eq!(check.is_ok(), check.problems().is_empty());
    for problem in check.problems() {
        let _ = (problem.id(), problem.message(), problem.to_string());
        match problem {
            DnsNameProblem::ControlCharacter { offset, .. }
            | DnsNameProblem::Whitespace { offset }
            | DnsNameProblem::Underscore { offset }
            | DnsNameProblem::InvalidCharacter { offset, .. } => assert_boundary(input, *offset),
            _ => {}
        }
    }
    let name = check.name();
    for part in [
        check.public_suffix().map(|s| s.as_str()),
        check.icann_suffix(),
        check.registrable_domain(),
        check.base_domain(),
    ]
    .into_iter()
    .flatten()
    {
        assert!(name.ends_with(part), "{part:?} is not a suffix of {name:?}");
    }
    if let (Some(registrable), Some(suffix)) = (check.registrable_domain(), check.public_suffix()) {
        assert!(registrable.len() > suffix.as_str().len());
    }
    if check.is_ok() {
        let again = dns::check_dns_name(name);
        assert!(
            again.is_ok(),
            "{name:?} from {input:?}: {:?}",
            again.problems()
        );
        assert_eq!(again.name(), name);
    }
    if input.is_ascii()
        && !check
            .problems()
            .iter()
            .any(|p| matches!(p, DnsNameProblem::IpAddress { .. }))
    {
        let upper = dns::check_dns_name(&input.to_ascii_uppercase());
        assert_eq!(upper.name(), name, "case matters for {input:?}");
        assert_eq!(upper.is_ok(), check.is_ok(), "case matters for {input:?}");
    }
    for entry in dns::split_domain_list(input) {
        assert!(!entry.is_empty());
        assert!(!entry.contains(',') && !entry.contains(|c: char| c.is_ascii_whitespace()));
    }
}

fn check_ip_literal(input: &str) {
    let Some((address, canonical)) = ip::parse_ip_literal(input) else {
        return;
    };
    let text = address.to_string();
    if canonical {
        assert_eq!(text, input, "canonical, but Display writes it otherwise");
    }
    assert_eq!(ip::parse_ip_literal(&text), Some((address, true)));
    check_class(address);
}

/// `classify` returns the most specific reserved range holding the address, or `Public`
/// when none does.
fn check_class(address: IpAddr) {
    let table = match address {
        IpAddr::V4(_) => ip::reserved_ranges_v4(),
        IpAddr::V6(_) => ip::reserved_ranges_v6(),
    };
    let longest = table
        .iter()
        .filter(|r| r.contains(address))
        .map(|r| r.prefix_len())
        .max();
    match ip::classify(address) {
        ip::IpClass::Public => assert_eq!(longest, None, "{address} is reserved"),
        ip::IpClass::Reserved(range) => {
            assert!(range.contains(address));
            assert!(range.first() <= address && address <= range.last());
            assert_eq!(
                Some(range.prefix_len()),
                longest,
                "not the most specific range"
            );
            let _ = range.to_string();
        }
    }
}

fn check_country(input: &str) {
    if country::is_iso3166_alpha2(input) {
        assert!(input.len() == 2 && input.bytes().all(|b| b.is_ascii_uppercase()));
        assert!(input == country::UNKNOWN_COUNTRY || country::all().contains(&input));
    }
    if let Some(suggestion) = country::suggest(input) {
        assert!(country::is_iso3166_alpha2(suggestion));
        assert!(!country::is_iso3166_alpha2(input));
    }
}

fn check_free_text(input: &str) {
    let problems = text::check_text(input);
    assert_eq!(problems == [text::TextProblem::Empty], input.is_empty());
    for problem in &problems {
        let _ = (problem.id(), problem.is_error(), problem.to_string());
        match problem {
            text::TextProblem::ControlCharacter { offset, .. }
            | text::TextProblem::Mojibake { offset }
            | text::TextProblem::HtmlEntity { offset } => assert_boundary(input, *offset),
            _ => {}
        }
    }
    if let Some(c) = text::printable_string_ok(input) {
        assert!(input.contains(c) && !text::is_printable_string_char(c));
    }
}

/// `dns::check_dns_name`, `ip::parse_ip_literal` and `ip::classify`, `country`,
/// `text::check_text` on the input as text (and, for `classify`, on its first bytes as an
/// address): deterministic, offsets on character boundaries, facts consistent with each
/// other, a name without problems still has none when checked again.
pub fn check_dns_name(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    check_name(&input);
    check_ip_literal(&input);
    check_country(&input);
    check_free_text(&input);
    if let Some(bytes) = data.get(..16) {
        let v6: [u8; 16] = bytes.try_into().expect("16 bytes");
        check_class(IpAddr::V6(Ipv6Addr::from(v6)));
    }
    if let Some(bytes) = data.get(..4) {
        let v4: [u8; 4] = bytes.try_into().expect("4 bytes");
        check_class(IpAddr::V4(Ipv4Addr::from(v4)));
    }
}

/// `product::parse_product_list` and `check_combination`: the codes read back from their
/// canonical list; errors point inside the value; problems name only codes that were given;
/// the checks are deterministic. The combination is also checked on codes taken directly
/// from the input bytes (two bytes per code), which reach the catalogue far more often.
pub fn parse_product_list(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    match product::parse_product_list(&input) {
        Ok(codes) => {
            let list = codes
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(",");
            assert_eq!(product::parse_product_list(&list), Ok(codes.clone()));
            check_codes(&codes);
        }
        Err(err) => {
            let _ = err.to_string();
            match err {
                ProductListError::EmptyEntry { offset, .. }
                | ProductListError::InvalidCode { offset, .. } => {
                    assert!(offset <= input.len() && input.is_char_boundary(offset));
                }
                ProductListError::TooLong { chars } => {
                    assert!(chars > product::MAX_PRODUCT_PARAMETER_CHARS);
                }
                _ => {}
            }
        }
    }
    let codes: Vec<u32> = data
        .chunks_exact(2)
        .map(|pair| u32::from(u16::from_le_bytes([pair[0], pair[1]]) % 1024))
        .collect();
    check_codes(&codes);
}

fn check_codes(codes: &[u32]) {
    let problems = product::check_combination(codes);
    assert_eq!(
        problems,
        product::check_combination(codes),
        "not deterministic"
    );
    assert_eq!(
        problems.contains(&CombinationProblem::Empty),
        codes.is_empty()
    );
    for problem in &problems {
        let _ = (
            problem.id(),
            problem.is_error(),
            problem.server_code(),
            problem.message(),
        );
        match problem {
            CombinationProblem::UnknownCode { code }
            | CombinationProblem::IncompletePair { code, .. }
            | CombinationProblem::NeedsDocumentSigning { code } => {
                assert!(codes.contains(code), "problem names code {code} not given");
            }
            CombinationProblem::DuplicateCode { code } => {
                assert!(codes.iter().filter(|c| *c == code).count() >= 2);
            }
            CombinationProblem::MultipleMainProducts { codes: mains } => {
                assert!(mains.len() >= 2 && mains.iter().all(|c| codes.contains(c)));
            }
            _ => {}
        }
    }
    if let Some(main) = product::main_product(codes) {
        assert!(codes.contains(&main.code()));
        assert!(main.is_main());
    }
    for &code in codes {
        if let Some(p) = product::lookup(code) {
            assert_eq!(p.code(), code);
            let _ = p.to_string();
        }
    }
}
