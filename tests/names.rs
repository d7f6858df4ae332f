//! Tests of the domain-knowledge modules: `dns`, `ip`, `country`, `text`.
// Test code: unwrap and index freely (a failure is a test failure).
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use std::net::IpAddr;

use proptest::prelude::*;
use sectigo_codec::country;
use sectigo_codec::dns::{DnsNameProblem as P, Section, check_dns_name, split_domain_list};
use sectigo_codec::ip::{
    IpClass, RangeSource, ReservedRange, classify, parse_ip_literal, reserved_ranges_v4,
    reserved_ranges_v6,
};
use sectigo_codec::text::{self, TextProblem};

// ---------------------------------------------------------------------------------------
// dns

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

#[test]
fn dns_table() {
    let l63 = "a".repeat(63);
    let l63_com = format!("{l63}.com");
    let l64_com = format!("{}.com", "a".repeat(64));
    // 63 + 1 + 63 + 1 + 63 + 1 + 57 + 1 + 3 = 253 octets.
    let n253 = format!(
        "{l63}.{}.{}.{}.com",
        "b".repeat(63),
        "c".repeat(63),
        "d".repeat(57)
    );
    let n254 = format!(
        "{l63}.{}.{}.{}.com",
        "b".repeat(63),
        "c".repeat(63),
        "d".repeat(58)
    );
    let nfc = format!(
        "xn--{}.com",
        idna::punycode::encode_str("cafe\u{301}").unwrap()
    );
    let upper_unicode = format!("xn--{}.com", idna::punycode::encode_str("bÜcher").unwrap());
    let cases: Vec<(&str, Vec<P>)> = vec![
        // Good names.
        ("shop.acme.com", vec![]),
        ("SHOP.Acme.COM", vec![]),
        ("a1-b2.acme.co.uk", vec![]),
        ("xn--bcher-kva.de", vec![]),
        ("XN--BCHER-KVA.DE", vec![]),
        ("xn--ls8h.la", vec![]),
        ("foo.xn--p1ai", vec![]),
        ("*.acme.com", vec![]),
        ("github.io", vec![]),
        ("www.user.github.io", vec![]),
        (&*l63_com, vec![]),
        (&*n253, vec![]),
        // Empty, lengths.
        ("", vec![P::Empty]),
        (
            &*l64_com,
            vec![P::LabelTooLong {
                label: 0,
                octets: 64,
            }],
        ),
        (&*n254, vec![P::TooLong { octets: 254 }]),
        // Dots.
        ("acme.com.", vec![P::TrailingDot]),
        (".acme.com", vec![P::LeadingDot]),
        ("a..acme.com", vec![P::EmptyLabel { label: 1 }]),
        (
            "..acme.com",
            vec![P::LeadingDot, P::EmptyLabel { label: 0 }],
        ),
        // Characters.
        ("my_host.acme.com", vec![P::Underscore { offset: 2 }]),
        (
            "_acme-challenge.acme.com",
            vec![P::Underscore { offset: 0 }],
        ),
        ("ac me.com", vec![P::Whitespace { offset: 2 }]),
        ("acme.com ", vec![P::Whitespace { offset: 8 }]),
        (
            "acme\0.com",
            vec![P::ControlCharacter {
                offset: 4,
                code_point: 0,
            }],
        ),
        (
            "acme\u{7f}.com",
            vec![P::ControlCharacter {
                offset: 4,
                code_point: 0x7f,
            }],
        ),
        (
            "acme!.com",
            vec![P::InvalidCharacter {
                offset: 4,
                character: '!',
            }],
        ),
        (
            "https://acme.com",
            vec![P::InvalidCharacter {
                offset: 5,
                character: ':',
            }],
        ),
        (
            "a_b c!d.com",
            vec![
                P::Whitespace { offset: 3 },
                P::Underscore { offset: 1 },
                P::InvalidCharacter {
                    offset: 5,
                    character: '!',
                },
            ],
        ),
        // Hyphens and reserved LDH labels.
        ("-acme.com", vec![P::LeadingHyphen { label: 0 }]),
        ("acme-.com", vec![P::TrailingHyphen { label: 0 }]),
        ("ab--cd.com", vec![P::ReservedLdhLabel { label: 0 }]),
        ("www.r3--x.acme.com", vec![P::ReservedLdhLabel { label: 1 }]),
        // IDN.
        (
            "xn--99999999999999.com",
            vec![P::InvalidPunycode { label: 0 }],
        ),
        (
            "xn--abc-.com",
            vec![
                P::TrailingHyphen { label: 0 },
                P::InvalidPunycode { label: 0 },
            ],
        ),
        (&*nfc, vec![P::PunycodeNotNfc { label: 0 }]),
        (&*upper_unicode, vec![P::PunycodeNotRoundTrip { label: 0 }]),
        (
            "bücher.de",
            vec![P::UnicodeLabel {
                a_label: Some("xn--bcher-kva.de".into()),
            }],
        ),
        (
            "BÜCHER.de",
            vec![P::UnicodeLabel {
                a_label: Some("xn--bcher-kva.de".into()),
            }],
        ),
        // IP literals.
        (
            "10.0.0.1",
            vec![P::IpAddress {
                ip: ip("10.0.0.1"),
                canonical: true,
            }],
        ),
        (
            "[::1]",
            vec![P::IpAddress {
                ip: ip("::1"),
                canonical: false,
            }],
        ),
        ("1.2.3.4.5", vec![P::InternalName]),
        // Wildcards.
        ("*", vec![P::BareWildcard]),
        ("*.", vec![P::TrailingDot, P::BareWildcard]),
        ("f*o.acme.com", vec![P::PartialWildcard { label: 0 }]),
        ("*foo.acme.com", vec![P::PartialWildcard { label: 0 }]),
        ("foo*.acme.com", vec![P::PartialWildcard { label: 0 }]),
        ("foo.*.acme.com", vec![P::WildcardNotLeftmost { label: 1 }]),
        (
            "*.*.acme.com",
            vec![
                P::MultipleWildcards { count: 2 },
                P::WildcardNotLeftmost { label: 1 },
            ],
        ),
        (
            "*.com",
            vec![P::WildcardAbovePublicSuffix {
                section: Section::Icann,
            }],
        ),
        (
            "*.co.uk",
            vec![P::WildcardAbovePublicSuffix {
                section: Section::Icann,
            }],
        ),
        (
            "*.github.io",
            vec![P::WildcardAbovePublicSuffix {
                section: Section::Private,
            }],
        ),
        // Public suffixes, internal names.
        ("com", vec![P::IsPublicSuffix]),
        ("co.uk", vec![P::IsPublicSuffix]),
        ("x.ck", vec![P::IsPublicSuffix]), // *.ck is an ICANN wildcard rule
        ("intranet", vec![P::SingleLabel]),
        ("server.corp", vec![P::InternalName]),
        ("mail.lan", vec![P::InternalName]),
        // Special use and .arpa.
        ("server.local", vec![P::SpecialUse { domain: "local" }]),
        ("*.local", vec![P::SpecialUse { domain: "local" }]),
        (
            "localhost",
            vec![P::SpecialUse {
                domain: "localhost",
            }],
        ),
        ("db.internal", vec![P::SpecialUse { domain: "internal" }]),
        ("a.test", vec![P::SpecialUse { domain: "test" }]),
        ("a.example", vec![P::SpecialUse { domain: "example" }]),
        ("a.invalid", vec![P::SpecialUse { domain: "invalid" }]),
        ("a.alt", vec![P::SpecialUse { domain: "alt" }]),
        (
            "www.example.com",
            vec![P::SpecialUse {
                domain: "example.com",
            }],
        ),
        (
            "example.net",
            vec![P::SpecialUse {
                domain: "example.net",
            }],
        ),
        (
            "mail.example.org",
            vec![P::SpecialUse {
                domain: "example.org",
            }],
        ),
        ("abc.onion", vec![P::SpecialUse { domain: "onion" }]),
        (
            "printer.home.arpa",
            vec![P::SpecialUse {
                domain: "home.arpa",
            }],
        ),
        (
            "1.0.0.127.in-addr.arpa",
            vec![P::ReverseZone {
                zone: "in-addr.arpa",
            }],
        ),
        ("1.0.ip6.arpa", vec![P::ReverseZone { zone: "ip6.arpa" }]),
        ("e164.arpa", vec![P::Arpa]),
        ("arpa", vec![P::Arpa]),
    ];
    for (input, expected) in cases {
        let check = check_dns_name(input);
        assert_eq!(check.problems(), expected.as_slice(), "input {input:?}");
        assert_eq!(check.is_ok(), expected.is_empty(), "input {input:?}");
    }
}

#[test]
fn dns_severity() {
    let advisory = [
        P::WildcardAbovePublicSuffix {
            section: Section::Private,
        },
        P::SpecialUse { domain: "onion" },
    ];
    for problem in &advisory {
        assert!(!problem.is_error(), "{problem:?}");
    }
    for input in ["*.github.io", "abc.onion"] {
        let check = check_dns_name(input);
        assert!(!check.is_ok());
        assert!(!check.has_errors(), "{input}");
    }
    for input in [
        "*.com",
        "my_host.acme.com",
        "intranet",
        "a.local",
        "10.0.0.1",
        "bücher.de",
    ] {
        assert!(check_dns_name(input).has_errors(), "{input}");
    }
}

#[test]
fn dns_ids_are_stable_kebab_case_and_messages_say_what_to_do() {
    let all = [
        P::Empty,
        P::TooLong { octets: 300 },
        P::LabelTooLong {
            label: 0,
            octets: 64,
        },
        P::EmptyLabel { label: 1 },
        P::LeadingDot,
        P::TrailingDot,
        P::ControlCharacter {
            offset: 0,
            code_point: 0,
        },
        P::Whitespace { offset: 0 },
        P::Underscore { offset: 0 },
        P::InvalidCharacter {
            offset: 0,
            character: '!',
        },
        P::LeadingHyphen { label: 0 },
        P::TrailingHyphen { label: 0 },
        P::ReservedLdhLabel { label: 0 },
        P::InvalidPunycode { label: 0 },
        P::PunycodeNotNfc { label: 0 },
        P::PunycodeNotRoundTrip { label: 0 },
        P::UnicodeLabel {
            a_label: Some("xn--bcher-kva.de".into()),
        },
        P::UnicodeLabel { a_label: None },
        P::IpAddress {
            ip: ip("10.0.0.1"),
            canonical: true,
        },
        P::BareWildcard,
        P::PartialWildcard { label: 0 },
        P::WildcardNotLeftmost { label: 1 },
        P::MultipleWildcards { count: 2 },
        P::SingleLabel,
        P::InternalName,
        P::IsPublicSuffix,
        P::WildcardAbovePublicSuffix {
            section: Section::Icann,
        },
        P::WildcardAbovePublicSuffix {
            section: Section::Private,
        },
        P::SpecialUse { domain: "local" },
        P::SpecialUse { domain: "onion" },
        P::ReverseZone {
            zone: "in-addr.arpa",
        },
        P::Arpa,
    ];
    let mut ids: Vec<&str> = all.iter().map(P::id).collect();
    for id in &ids {
        assert!(id.starts_with("dns-"), "{id}");
        assert!(
            id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{id}"
        );
    }
    ids.sort_unstable();
    ids.dedup();
    // UnicodeLabel, WildcardAbovePublicSuffix and SpecialUse appear twice above.
    assert_eq!(ids.len(), all.len() - 3);
    assert_eq!(
        P::LabelTooLong {
            label: 2,
            octets: 70
        }
        .id(),
        "dns-label-too-long"
    );
    let message = P::LabelTooLong {
        label: 2,
        octets: 70,
    }
    .message();
    assert!(
        message.contains("70") && message.contains("63"),
        "{message}"
    );
    assert!(
        P::UnicodeLabel {
            a_label: Some("xn--bcher-kva.de".into())
        }
        .message()
        .contains("xn--bcher-kva.de")
    );
    assert!(P::Underscore { offset: 2 }.to_string().contains("hyphen"));
}

#[test]
fn dns_facts() {
    let check = check_dns_name("WWW.User.GitHub.io");
    assert_eq!(check.name(), "www.user.github.io");
    let suffix = check.public_suffix().unwrap();
    assert_eq!(
        (suffix.as_str(), suffix.section(), suffix.is_icann()),
        ("github.io", Section::Private, false)
    );
    assert_eq!(check.icann_suffix(), Some("io"));
    assert_eq!(check.registrable_domain(), Some("user.github.io"));
    assert_eq!(check.base_domain(), Some("github.io"));
    assert!(!check.is_wildcard());

    let check = check_dns_name("*.shop.acme.co.uk");
    assert!(check.is_wildcard());
    assert_eq!(check.public_suffix().unwrap().as_str(), "co.uk");
    assert_eq!(check.registrable_domain(), Some("acme.co.uk"));
    assert_eq!(check.base_domain(), Some("acme.co.uk"));

    let check = check_dns_name("acme.com.");
    assert_eq!(check.name(), "acme.com");
    assert_eq!(check.registrable_domain(), Some("acme.com"));

    let check = check_dns_name("bücher.de");
    assert!(check.was_converted());
    assert_eq!(check.name(), "xn--bcher-kva.de");
    assert_eq!(check.registrable_domain(), Some("xn--bcher-kva.de"));

    // Names with character errors are not looked up.
    let check = check_dns_name("my host.acme.com");
    assert_eq!(check.public_suffix(), None);
    // The bare suffix has no registrable domain.
    let check = check_dns_name("co.uk");
    assert_eq!(check.icann_suffix(), Some("co.uk"));
    assert_eq!(check.registrable_domain(), None);
}

#[test]
fn dns_overlong_input_is_reported_without_further_work() {
    use sectigo_codec::dns::MAX_CHECKED_INPUT;
    assert_eq!(MAX_CHECKED_INPUT, 1024);
    // At the cap: examined in full (an underscore is still found).
    let at_cap = format!("_{}.com", "a".repeat(MAX_CHECKED_INPUT - 5));
    assert_eq!(at_cap.len(), MAX_CHECKED_INPUT);
    let problems = check_dns_name(&at_cap).problems().to_vec();
    assert_eq!(problems[0], P::Underscore { offset: 0 });
    assert!(problems.contains(&P::TooLong { octets: 1024 }));
    assert!(problems.contains(&P::LabelTooLong {
        label: 0,
        octets: 1020
    }));
    // One past it: only the length.
    let past_cap = format!("_{at_cap}");
    assert_eq!(
        check_dns_name(&past_cap).problems(),
        [P::TooLong { octets: 1025 }]
    );
}

#[test]
fn domain_list_splitting() {
    assert_eq!(
        split_domain_list("sectigo.com,www.sectigo.com,secure.sectigo.com"),
        ["sectigo.com", "www.sectigo.com", "secure.sectigo.com"]
    );
    assert_eq!(
        split_domain_list(" a.com \t b.com\r\nc.com , d.com,,"),
        ["a.com", "b.com", "c.com", "d.com"]
    );
    assert_eq!(
        split_domain_list("10.0.0.1, 2001:db8::1"),
        ["10.0.0.1", "2001:db8::1"]
    );
    assert!(split_domain_list(" , \n").is_empty());
    assert!(split_domain_list("").is_empty());
}

proptest! {
    #[test]
    fn dns_never_panics_on_any_string(s in any::<String>()) {
        let check = check_dns_name(&s);
        prop_assert_eq!(check.is_ok(), check.problems().is_empty());
        if check.has_errors() {
            prop_assert!(!check.problems().is_empty());
        }
        for problem in check.problems() {
            prop_assert!(problem.id().starts_with("dns-"));
            prop_assert!(!problem.message().is_empty());
        }
    }

    #[test]
    fn dns_never_panics_on_name_like_strings(s in "[a-zA-Z0-9.*_ü-]{0,80}") {
        let check = check_dns_name(&s);
        // The kept name is lower case and never ends with a dot (unless it is only dots).
        prop_assert!(!check.name().bytes().any(|b| b.is_ascii_uppercase()));
        if let Some(suffix) = check.public_suffix() {
            prop_assert!(check.name().ends_with(suffix.as_str()));
        }
        if let Some(domain) = check.registrable_domain() {
            prop_assert!(check.name().ends_with(domain));
        }
    }

    #[test]
    fn dns_good_names_stay_good(labels in prop::collection::vec("[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", 1..4)) {
        // Labels made of LDH characters without edge hyphens, under .com: always valid unless
        // they form a reserved "??--" label.
        let name = format!("{}.com", labels.join("."));
        let reserved = labels.iter().any(|l| l.get(2..4) == Some("--"));
        let check = check_dns_name(&name);
        prop_assert_eq!(check.is_ok(), !reserved, "{:?}", check.problems());
    }
}

// ---------------------------------------------------------------------------------------
// ip

#[test]
fn ip_literals() {
    let cases: &[(&str, Option<(&str, bool)>)] = &[
        ("192.0.2.1", Some(("192.0.2.1", true))),
        ("0.0.0.0", Some(("0.0.0.0", true))),
        ("255.255.255.255", Some(("255.255.255.255", true))),
        ("010.0.0.1", Some(("10.0.0.1", false))),
        ("01.2.3.4", Some(("1.2.3.4", false))),
        ("000.000.000.000", Some(("0.0.0.0", false))),
        ("2001:db8::1", Some(("2001:db8::1", true))),
        ("::1", Some(("::1", true))),
        ("::", Some(("::", true))),
        ("::ffff:192.0.2.1", Some(("::ffff:192.0.2.1", true))),
        ("2001:DB8::1", Some(("2001:db8::1", false))),
        ("2001:0db8::1", Some(("2001:db8::1", false))),
        ("2001:db8:0:0:0:0:0:1", Some(("2001:db8::1", false))),
        ("2001:db8::0:1", Some(("2001:db8::1", false))),
        ("[2001:db8::1]", Some(("2001:db8::1", false))),
        ("fe80::1%eth0", Some(("fe80::1", false))),
        ("[fe80::1%25eth0]", Some(("fe80::1", false))),
        // Not IP literals.
        ("", None),
        ("1.2.3", None),
        ("1.2.3.4.5", None),
        ("256.1.1.1", None),
        ("1.2.3.4 ", None),
        ("127.1", None),
        ("0x7f.0.0.1", None),
        ("2130706433", None),
        ("1111.1.1.1", None),
        ("::1::", None),
        ("[1.2.3.4]", None),
        ("fe80::1%", None),
        ("fe80::1%eth 0", None),
        ("example.com", None),
        ("[::1", None),
    ];
    for (input, expected) in cases {
        let expected = expected.map(|(ip_text, canonical)| (ip(ip_text), canonical));
        assert_eq!(parse_ip_literal(input), expected, "input {input:?}");
    }
    assert_eq!(parse_ip_literal(&"1".repeat(200)), None);
    // The 96-character cap on what is examined, with a long zone identifier.
    let at_cap = format!("fe80::1%{}", "z".repeat(96 - 8));
    assert_eq!(at_cap.len(), 96);
    assert_eq!(parse_ip_literal(&at_cap), Some((ip("fe80::1"), false)));
    let past_cap = format!("{at_cap}z");
    assert_eq!(parse_ip_literal(&past_cap), None);
}

/// Every registry entry, written out from the IANA registries (not read from our table).
const EXPECTED_V4: &[(&str, &str)] = &[
    ("0.0.0.0/8", "\"This network\""),
    ("0.0.0.0/32", "\"This host on this network\""),
    ("10.0.0.0/8", "Private-Use"),
    ("100.64.0.0/10", "Shared Address Space"),
    ("127.0.0.0/8", "Loopback"),
    ("169.254.0.0/16", "Link Local"),
    ("172.16.0.0/12", "Private-Use"),
    ("192.0.0.0/24", "IETF Protocol Assignments"),
    ("192.0.0.0/29", "IPv4 Service Continuity Prefix"),
    ("192.0.0.8/32", "IPv4 dummy address"),
    ("192.0.0.9/32", "Port Control Protocol Anycast"),
    ("192.0.0.10/32", "Traversal Using Relays around NAT Anycast"),
    ("192.0.0.170/32", "NAT64/DNS64 Discovery"),
    ("192.0.0.171/32", "NAT64/DNS64 Discovery"),
    ("192.0.2.0/24", "Documentation (TEST-NET-1)"),
    ("192.31.196.0/24", "AS112-v4"),
    ("192.52.193.0/24", "AMT"),
    ("192.88.99.0/24", "Deprecated (6to4 Relay Anycast)"),
    ("192.88.99.2/32", "6a44-relay anycast address"),
    ("192.168.0.0/16", "Private-Use"),
    ("192.175.48.0/24", "Direct Delegation AS112 Service"),
    ("198.18.0.0/15", "Benchmarking"),
    ("198.51.100.0/24", "Documentation (TEST-NET-2)"),
    ("203.0.113.0/24", "Documentation (TEST-NET-3)"),
    ("224.0.0.0/4", "Multicast"),
    ("240.0.0.0/4", "Reserved"),
    ("255.255.255.255/32", "Limited Broadcast"),
];

const EXPECTED_V6: &[(&str, &str)] = &[
    ("::/3", "Outside global unicast (2000::/3)"),
    ("::/128", "Unspecified Address"),
    ("::1/128", "Loopback Address"),
    ("::ffff:0:0/96", "IPv4-mapped Address"),
    ("64:ff9b::/96", "IPv4-IPv6 Translat."),
    ("64:ff9b:1::/48", "IPv4-IPv6 Translat."),
    ("100::/64", "Discard-Only Address Block"),
    ("100:0:0:1::/64", "Dummy IPv6 Prefix"),
    ("2001::/23", "IETF Protocol Assignments"),
    ("2001::/32", "TEREDO"),
    ("2001:1::1/128", "Port Control Protocol Anycast"),
    ("2001:1::2/128", "Traversal Using Relays around NAT Anycast"),
    (
        "2001:1::3/128",
        "DNS-SD Service Registration Protocol Anycast Address",
    ),
    ("2001:2::/48", "Benchmarking"),
    ("2001:3::/32", "AMT"),
    ("2001:4:112::/48", "AS112-v6"),
    ("2001:10::/28", "Deprecated (previously ORCHID)"),
    ("2001:20::/28", "ORCHIDv2"),
    (
        "2001:30::/28",
        "Drone Remote ID Protocol Entity Tags (DETs) Prefix",
    ),
    ("2001:db8::/32", "Documentation"),
    ("2002::/16", "6to4"),
    ("2620:4f:8000::/48", "Direct Delegation AS112 Service"),
    ("3fff::/20", "Documentation"),
    ("4000::/2", "Outside global unicast (2000::/3)"),
    ("5f00::/16", "Segment Routing (SRv6) SIDs"),
    ("8000::/1", "Outside global unicast (2000::/3)"),
    ("fc00::/7", "Unique-Local"),
    ("fe80::/10", "Link-Local Unicast"),
    ("fec0::/10", "Site-Local (deprecated)"),
    ("ff00::/8", "Multicast"),
];

fn table_as_pairs(table: &[ReservedRange]) -> Vec<(String, String)> {
    table
        .iter()
        .map(|r| (r.prefix().to_owned(), r.name().to_owned()))
        .collect()
}

#[test]
fn ip_tables_hold_exactly_the_expected_entries() {
    let expected = |t: &[(&str, &str)]| -> Vec<(String, String)> {
        t.iter()
            .map(|(p, n)| ((*p).to_owned(), (*n).to_owned()))
            .collect()
    };
    assert_eq!(table_as_pairs(reserved_ranges_v4()), expected(EXPECTED_V4));
    assert_eq!(table_as_pairs(reserved_ranges_v6()), expected(EXPECTED_V6));
}

fn next(ip: IpAddr) -> Option<IpAddr> {
    match ip {
        IpAddr::V4(v4) => v4
            .to_bits()
            .checked_add(1)
            .map(|b| IpAddr::from(std::net::Ipv4Addr::from_bits(b))),
        IpAddr::V6(v6) => v6
            .to_bits()
            .checked_add(1)
            .map(|b| IpAddr::from(std::net::Ipv6Addr::from_bits(b))),
    }
}

fn previous(ip: IpAddr) -> Option<IpAddr> {
    match ip {
        IpAddr::V4(v4) => v4
            .to_bits()
            .checked_sub(1)
            .map(|b| IpAddr::from(std::net::Ipv4Addr::from_bits(b))),
        IpAddr::V6(v6) => v6
            .to_bits()
            .checked_sub(1)
            .map(|b| IpAddr::from(std::net::Ipv6Addr::from_bits(b))),
    }
}

/// `inner` lies within `outer`.
fn within(inner: &ReservedRange, outer: &ReservedRange) -> bool {
    inner.prefix_len() >= outer.prefix_len() && outer.contains(inner.first())
}

#[test]
fn ip_every_entry_first_last_and_outside() {
    for range in reserved_ranges_v4().iter().chain(reserved_ranges_v6()) {
        for address in [range.first(), range.last()] {
            let IpClass::Reserved(found) = classify(address) else {
                panic!("{address} of {range} classified public");
            };
            // The most specific entry wins, so `found` is this entry or one nested in it.
            assert!(
                within(found, range),
                "{address}: {found} is not within {range}"
            );
        }
        for outside in [previous(range.first()), next(range.last())]
            .into_iter()
            .flatten()
        {
            assert!(!range.contains(outside), "{outside} in {range}");
            assert_ne!(
                classify(outside).range(),
                Some(range),
                "{outside} classified as {range}"
            );
        }
    }
}

#[test]
fn ip_classification_examples() {
    let public = [
        "8.8.8.8",
        "1.1.1.1",
        "100.63.255.255",
        "100.128.0.0",
        "172.15.255.255",
        "172.32.0.0",
        "192.0.1.255",
        "192.0.3.0",
        "192.167.255.255",
        "192.169.0.0",
        "198.17.255.255",
        "198.20.0.0",
        "223.255.255.255",
        "9.255.255.255",
        "11.0.0.0",
        "126.255.255.255",
        "128.0.0.0",
        "2001:4860:4860::8888",
        "2606:4700:4700::1111",
        "2000::1",
        "2001:200::1",
        "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff",
        "2001:db9::",
        "2003::1",
        "3ffe::1",
        "3fff:1000::",
        "2620:4f:8001::",
        "3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    ];
    for text in public {
        assert_eq!(classify(ip(text)), IpClass::Public, "{text}");
    }
    let reserved: &[(&str, &str, RangeSource)] = &[
        ("0.1.2.3", "0.0.0.0/8", RangeSource::IanaV4),
        ("0.0.0.0", "0.0.0.0/32", RangeSource::IanaV4),
        ("10.1.2.3", "10.0.0.0/8", RangeSource::IanaV4),
        ("100.64.0.1", "100.64.0.0/10", RangeSource::IanaV4),
        ("127.0.0.1", "127.0.0.0/8", RangeSource::IanaV4),
        ("169.254.169.254", "169.254.0.0/16", RangeSource::IanaV4),
        ("172.31.255.255", "172.16.0.0/12", RangeSource::IanaV4),
        ("192.0.0.1", "192.0.0.0/29", RangeSource::IanaV4),
        ("192.0.0.9", "192.0.0.9/32", RangeSource::IanaV4),
        ("192.0.0.100", "192.0.0.0/24", RangeSource::IanaV4),
        ("192.88.99.2", "192.88.99.2/32", RangeSource::IanaV4),
        ("192.88.99.3", "192.88.99.0/24", RangeSource::IanaV4),
        ("198.19.255.255", "198.18.0.0/15", RangeSource::IanaV4),
        ("203.0.113.7", "203.0.113.0/24", RangeSource::IanaV4),
        ("224.0.0.1", "224.0.0.0/4", RangeSource::Multicast),
        ("239.255.255.255", "224.0.0.0/4", RangeSource::Multicast),
        ("240.0.0.1", "240.0.0.0/4", RangeSource::IanaV4),
        ("255.255.255.254", "240.0.0.0/4", RangeSource::IanaV4),
        ("255.255.255.255", "255.255.255.255/32", RangeSource::IanaV4),
        ("::", "::/128", RangeSource::IanaV6),
        ("::1", "::1/128", RangeSource::IanaV6),
        ("::2", "::/3", RangeSource::NotGlobalUnicast),
        ("::ffff:8.8.8.8", "::ffff:0:0/96", RangeSource::IanaV6),
        ("::8.8.8.8", "::/3", RangeSource::NotGlobalUnicast),
        ("64:ff9b::8.8.8.8", "64:ff9b::/96", RangeSource::IanaV6),
        ("2001::1", "2001::/32", RangeSource::IanaV6),
        ("2001:1::1", "2001:1::1/128", RangeSource::IanaV6),
        ("2001:1::4", "2001::/23", RangeSource::IanaV6),
        (
            "2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff",
            "2001::/23",
            RangeSource::IanaV6,
        ),
        ("2001:db8::1", "2001:db8::/32", RangeSource::IanaV6),
        ("2002:c000:0204::1", "2002::/16", RangeSource::IanaV6),
        ("3fff::1", "3fff::/20", RangeSource::IanaV6),
        ("5f00::1", "5f00::/16", RangeSource::IanaV6),
        ("4000::1", "4000::/2", RangeSource::NotGlobalUnicast),
        ("fc00::1", "fc00::/7", RangeSource::IanaV6),
        ("fd12:3456::1", "fc00::/7", RangeSource::IanaV6),
        ("fe80::1", "fe80::/10", RangeSource::IanaV6),
        ("fec0::1", "fec0::/10", RangeSource::NotGlobalUnicast),
        ("ff02::1", "ff00::/8", RangeSource::Multicast),
        (
            "1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
            "::/3",
            RangeSource::NotGlobalUnicast,
        ),
        ("c000::", "8000::/1", RangeSource::NotGlobalUnicast),
    ];
    for (text, prefix, source) in reserved {
        let range = classify(ip(text))
            .range()
            .unwrap_or_else(|| panic!("{text} public"));
        assert_eq!(
            (range.prefix(), range.source()),
            (*prefix, *source),
            "{text}"
        );
    }
}

#[test]
fn ip_registry_columns() {
    let range = classify(ip("100.64.1.1")).range().unwrap();
    assert_eq!(range.reference(), "RFC 6598");
    assert_eq!(range.allocation_date(), "2012-04");
    assert_eq!(range.termination_date(), None);
    assert_eq!(range.globally_reachable(), Some(false));
    assert_eq!(range.prefix_len(), 10);
    assert_eq!(
        range.to_string(),
        "100.64.0.0/10 (Shared Address Space, RFC 6598)"
    );
    let range = classify(ip("192.0.0.9")).range().unwrap();
    assert_eq!(range.globally_reachable(), Some(true)); // reserved all the same
    let range = classify(ip("192.88.99.1")).range().unwrap();
    assert_eq!(range.termination_date(), Some("2015-03"));
    let range = classify(ip("255.255.255.255")).range().unwrap();
    assert_eq!(range.reference(), "RFC 8190, RFC 919, Section 7");
    let range = classify(ip("2001:2::1")).range().unwrap();
    assert_eq!(range.reference(), "RFC 5180, RFC Errata 1752");
}

/// Brute-force oracle: the longest prefix among all entries containing `ip`.
fn oracle(ip: IpAddr) -> Option<&'static ReservedRange> {
    reserved_ranges_v4()
        .iter()
        .chain(reserved_ranges_v6())
        .filter(|r| r.contains(ip))
        .max_by_key(|r| r.prefix_len())
}

proptest! {
    #[test]
    fn ip_display_is_canonical(addr in any::<IpAddr>()) {
        prop_assert_eq!(parse_ip_literal(&addr.to_string()), Some((addr, true)));
    }

    #[test]
    fn ip_classify_matches_oracle(addr in any::<IpAddr>()) {
        prop_assert_eq!(classify(addr).range(), oracle(addr));
    }

    #[test]
    fn ip_v6_outside_2000_3_is_reserved(bits in any::<u128>()) {
        let addr = IpAddr::from(std::net::Ipv6Addr::from_bits(bits));
        if bits >> 125 != 0b001 {
            prop_assert!(classify(addr).is_reserved());
        }
    }

    #[test]
    fn ip_literal_never_panics(s in any::<String>()) {
        let _ = parse_ip_literal(&s);
    }
}

// ---------------------------------------------------------------------------------------
// country

#[test]
fn country_table_matches_the_iso_data_file() {
    let file: Vec<&str> = include_str!("../testdata/iso3166/alpha2.txt")
        .lines()
        .collect();
    assert_eq!(file.len(), 249);
    assert_eq!(country::all(), file.as_slice());
}

#[test]
fn country_codes() {
    for code in [
        "US", "GB", "DE", "FR", "JP", "NA", "SS", "BQ", "CW", "SX", "XX", "AX", "ZW",
    ] {
        assert!(country::is_iso3166_alpha2(code), "{code}");
    }
    for code in [
        "UK", "AN", "YU", "CS", "TP", "ZR", "BU", "EU", "XK", "XY", "us", "Us", "gb", "USA", "U",
        "", " US", "U\u{0}",
    ] {
        assert!(!country::is_iso3166_alpha2(code), "{code:?}");
    }
}

#[test]
fn country_suggestions() {
    let cases: &[(&str, Option<&str>)] = &[
        ("UK", Some("GB")),
        ("uk", Some("GB")),
        ("EL", Some("GR")),
        ("TP", Some("TL")),
        ("ZR", Some("CD")),
        ("BU", Some("MM")),
        ("us", Some("US")),
        ("De", Some("DE")),
        (" fr ", Some("FR")),
        ("xx", Some("XX")),
        ("US", None),
        ("XX", None),
        ("AN", None),
        ("YU", None),
        ("ZZ", None),
        ("USA", None),
        ("", None),
        ("ü1", None),
    ];
    for (input, expected) in cases {
        assert_eq!(country::suggest(input), *expected, "{input:?}");
    }
}

// ---------------------------------------------------------------------------------------
// text

#[test]
fn placeholders() {
    let cases: &[(&str, Option<&str>)] = &[
        (".", Some(".")),
        ("-", Some("-")),
        (" ", Some("punctuation or white space only")),
        ("--", Some("punctuation or white space only")),
        ("", Some("punctuation or white space only")),
        ("N/A", Some("N/A")),
        ("n/a", Some("N/A")),
        ("NA", Some("NA")),
        ("none", Some("None")),
        ("NULL", Some("Null")),
        ("unknown", Some("Unknown")),
        ("Some-State", Some("Some-State")),
        ("Internet Widgits Pty Ltd", Some("Internet Widgits Pty Ltd")),
        ("Default City", Some("Default City")),
        ("Default Company Ltd", Some("Default Company Ltd")),
        ("XX", Some("XX")),
        ("  not applicable ", Some("Not applicable")),
        ("Acme Widgets Ltd", None),
        ("Nairobi", None),
        ("None Such Ltd", None),
        ("ÅÄÖ", None),
        ("3M", None),
    ];
    for (input, expected) in cases {
        assert_eq!(text::placeholder(input), *expected, "{input:?}");
    }
}

#[test]
fn printable_string_alphabet() {
    let allowed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 '()+,-./:=?";
    assert_eq!(text::printable_string_ok(allowed), None);
    for c in (0u8..=0x7f).map(char::from) {
        assert_eq!(
            text::is_printable_string_char(c),
            allowed.contains(c),
            "{c:?}"
        );
    }
    assert_eq!(text::printable_string_ok("AT&T"), Some('&'));
    assert_eq!(text::printable_string_ok("a@b"), Some('@'));
    assert_eq!(text::printable_string_ok("a*b"), Some('*'));
    assert_eq!(text::printable_string_ok("Zürich"), Some('ü'));
    assert_eq!(text::printable_string_ok(""), None);
}

#[test]
fn control_mojibake_html() {
    assert_eq!(text::control_character("ok"), None);
    assert_eq!(text::control_character("a\0"), Some((1, 0)));
    assert_eq!(text::control_character("é\u{85}"), Some((2, 0x85)));
    assert_eq!(text::control_character("a\u{7f}"), Some((1, 0x7f)));
    assert_eq!(text::control_character("a\u{a0}"), None); // NBSP is not a control

    assert_eq!(text::mojibake("München"), None);
    assert_eq!(text::mojibake("MÃ¼nchen"), Some(1));
    assert_eq!(text::mojibake("Â©2024"), Some(0));
    assert_eq!(text::mojibake("â€œQuotedâ€\u{9d}"), Some(0));
    assert_eq!(text::mojibake("Ã"), None); // a lone lead character
    assert_eq!(text::mojibake("ÃA"), None);
    assert_eq!(text::mojibake("São Paulo"), None);
    assert_eq!(text::mojibake("Ærøskøbing"), None);

    assert_eq!(text::html_entity("Smith &amp; Sons"), Some(6));
    assert_eq!(text::html_entity("&lt;b&gt;"), Some(0));
    assert_eq!(text::html_entity("caf&#233;"), Some(3));
    assert_eq!(text::html_entity("caf&#xE9;"), Some(3));
    assert_eq!(text::html_entity("AT&T"), None);
    assert_eq!(text::html_entity("A&B; C"), None);
    assert_eq!(text::html_entity("&#;"), None);
    assert_eq!(text::html_entity("&#x;"), None);
    assert_eq!(text::html_entity("&"), None);
}

#[test]
fn check_text_collects_everything() {
    assert!(text::check_text("Acme Widgets Ltd").is_empty());
    assert_eq!(text::check_text(""), [TextProblem::Empty]);
    assert_eq!(
        text::check_text(" N/A\t"),
        [
            TextProblem::ControlCharacter {
                offset: 4,
                code_point: 9
            },
            TextProblem::LeadingWhitespace,
            TextProblem::TrailingWhitespace,
            TextProblem::Placeholder { placeholder: "N/A" },
        ]
    );
    assert_eq!(
        text::check_text("   "),
        [TextProblem::Placeholder {
            placeholder: "punctuation or white space only"
        }]
    );
    assert_eq!(
        text::check_text("SociÃ©tÃ© &amp; Cie"),
        [
            TextProblem::Mojibake { offset: 4 },
            TextProblem::HtmlEntity { offset: 14 }
        ]
    );
    let problems = text::check_text("a\0 ");
    assert!(problems[0].is_error());
    assert!(!problems[1].is_error());
    for problem in [
        TextProblem::Empty,
        TextProblem::ControlCharacter {
            offset: 0,
            code_point: 0,
        },
        TextProblem::LeadingWhitespace,
        TextProblem::TrailingWhitespace,
        TextProblem::Placeholder { placeholder: "N/A" },
        TextProblem::Mojibake { offset: 0 },
        TextProblem::HtmlEntity { offset: 0 },
    ] {
        assert!(problem.id().starts_with("text-"));
        assert!(!problem.message().is_empty());
    }
}

proptest! {
    #[test]
    fn text_helpers_never_panic(s in any::<String>()) {
        let problems = text::check_text(&s);
        prop_assert_eq!(s.is_empty(), problems.contains(&TextProblem::Empty));
        let _ = text::printable_string_ok(&s);
        let _ = country::suggest(&s);
        let _ = country::is_iso3166_alpha2(&s);
    }
}
