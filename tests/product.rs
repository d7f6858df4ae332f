//! Tests of the product catalogue against DIGEST §6.2, written out here from the digest (not
//! read from the crate's own table).
// Test code: unwrap and index freely (a failure is a test failure).
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use sectigo_codec::product::{
    self, AddOnKind, CodeStatus, CombinationProblem as C, Evidence, Family, KeyRequest,
    ProductListError, Unconfirmed, ValidationLevel,
};

use Family::{MultiDomain as MD, SingleName as SN, Ucc, Wildcard as WC};
use ValidationLevel::{Dv, Ev, Iv, Ov};

/// DIGEST §6.2, first table (current docs page): code, name, family, level.
const SSL: &[(u32, &str, Family, ValidationLevel)] = &[
    // PositiveSSL
    (291, "PositiveSSL Trial DV", SN, Dv),
    (287, "PositiveSSL DV", SN, Dv),
    (289, "PositiveSSL Wildcard DV", WC, Dv),
    (279, "PositiveSSL Multi-Domain DV", MD, Dv),
    (556, "PositiveSSL EV", SN, Ev),
    (557, "PositiveSSL EV Multi-Domain", MD, Ev),
    // InstantSSL
    (330, "InstantSSL DV", SN, Dv),
    (331, "InstantSSL Wildcard DV", WC, Dv),
    (7, "InstantSSL OV", SN, Ov),
    (35, "InstantSSL OV Wildcard", WC, Ov),
    (361, "InstantSSL UCC OV", Ucc, Ov),
    (567, "InstantSSL EV", SN, Ev),
    (568, "InstantSSL EV Multi-Domain", MD, Ev),
    // SectigoSSL
    (488, "SectigoSSL DV", SN, Dv),
    (489, "SectigoSSL Wildcard DV", WC, Dv),
    (492, "SectigoSSL UCC DV", Ucc, Dv),
    (316, "SectigoSSL OV", SN, Ov),
    (322, "SectigoSSL OV Wildcard", WC, Ov),
    (583, "SectigoSSL OV Multi-Domain", MD, Ov),
    (337, "SectigoSSL EV", SN, Ev),
    (410, "SectigoSSL EV Multi-Domain", MD, Ev),
    // EnterpriseSSL
    (749, "EnterpriseSSL DV", SN, Dv),
    (750, "EnterpriseSSL Wildcard DV", WC, Dv),
    (751, "EnterpriseSSL Multi-Domain DV", MD, Dv),
    (63, "EnterpriseSSL OV", SN, Ov),
    (64, "EnterpriseSSL Pro OV", SN, Ov),
    (65, "EnterpriseSSL Pro Wildcard OV", WC, Ov),
    (335, "EnterpriseSSL Pro Multi-Domain OV", MD, Ov),
    (562, "EnterpriseSSL Pro EV", SN, Ev),
    (563, "EnterpriseSSL Pro EV Multi-Domain", MD, Ev),
];

/// DIGEST §6.2, "Other products [PDF] unless noted": code, family, level.
const OTHER: &[(u32, Family, Option<ValidationLevel>)] = &[
    (36, Family::AddOn(AddOnKind::TrustLogo), None),
    (1000, Family::WebSecurity, None),
    (1004, Family::WebSecurity, None),
    (1005, Family::WebSecurity, None),
    (1006, Family::WebSecurity, None),
    (1007, Family::WebSecurity, None),
    (1008, Family::WebSecurity, None),
    (1009, Family::WebSecurity, None),
    (700, Family::CodeGuard, None),
    (701, Family::CodeGuard, None),
    (702, Family::CodeGuard, None),
    (703, Family::CodeGuard, None),
    (341, Family::HackerGuardian, None),
    (586, Family::HackerGuardian, None),
    (587, Family::HackerGuardian, None),
    (346, Family::HackerGuardian, None),
    (329, Family::HackerGuardian, None),
    (349, Family::HackerGuardian, None),
    (259, Family::HackerGuardian, None),
    (357, Family::HackerGuardian, None),
    (356, Family::AddOn(AddOnKind::IpPack), None),
    (706, Family::DocumentSigning, Some(Ov)),
    (1214, Family::DocumentSigning, Some(Iv)),
    (577, Family::AddOn(AddOnKind::EToken), None),
    (163, Family::AddOn(AddOnKind::Shipping), None),
    (506, Family::PersonalAuthentication, None),
    (507, Family::PersonalAuthentication, None),
    (508, Family::PersonalAuthentication, Some(Ov)),
    (8, Family::CodeSigning, Some(Ov)),
    (530, Family::EvCodeSigning, Some(Ev)),
    (551, Family::CodeSigning, Some(Ov)),
];

#[test]
fn every_ssl_code_of_the_digest() {
    for &(code, name, family, level) in SSL {
        let p = product::lookup(code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(
            (p.code(), p.name(), p.family(), p.validation_level()),
            (code, name, family, Some(level)),
            "{code}"
        );
        assert_eq!(p.evidence(), Evidence::CurrentDocs, "{code}");
        assert!(p.is_ssl() && p.is_certificate() && p.is_main() && !p.is_add_on());
        assert!(p.requires_csr());
        assert_eq!(p.key_request(), KeyRequest::Csr);
        assert_eq!(p.allows_wildcard(), family == WC, "{code}");
        assert_eq!(p.wildcard_required(), family == WC, "{code}");
        assert_eq!(p.multi_domain(), matches!(family, MD | Ucc), "{code}");
        assert_eq!(
            p.allows_ip_addresses(),
            matches!(family, MD | Ucc) && level != Ev,
            "{code}"
        );
        assert_eq!(p.is_trial(), code == 291, "{code}");
        if code == 291 {
            assert_eq!(p.allowed_days(), Some(&[30][..]));
        } else {
            assert_eq!(
                p.allowed_days(),
                Some(&[90, 365, 730, 1095, 1461, 1826][..])
            );
        }
    }
}

#[test]
fn every_other_code_of_the_digest() {
    for &(code, family, level) in OTHER {
        let p = product::lookup(code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(
            (p.family(), p.validation_level()),
            (family, level),
            "{code}"
        );
        let expected_evidence = if code == 1214 {
            Evidence::CurrentDocs
        } else {
            Evidence::Pdf
        };
        assert_eq!(p.evidence(), expected_evidence, "{code}");
        assert!(!p.is_ssl(), "{code}");
        assert!(!p.allows_wildcard() && !p.allows_ip_addresses() && !p.multi_domain());
    }
}

#[test]
fn eidas_codes_are_the_documented_range() {
    for code in 777..=792 {
        let p = product::lookup(code).unwrap();
        assert_eq!(p.family(), Family::Eidas);
        assert_eq!(p.evidence(), Evidence::CodeRangeOnly);
        assert!(p.is_certificate());
        assert_eq!(p.validation_level(), None);
        assert_eq!(p.allowed_days(), None);
    }
    assert!(product::lookup(776).is_none());
    assert!(product::lookup(793).is_none());
}

#[test]
fn catalogue_holds_exactly_the_documented_codes() {
    let mut expected: Vec<u32> = SSL.iter().map(|s| s.0).collect();
    expected.extend(OTHER.iter().map(|o| o.0));
    expected.extend(777..=792);
    expected.sort_unstable();
    let actual: Vec<u32> = product::all().iter().map(|p| p.code()).collect();
    assert_eq!(actual, expected);
    for p in product::all() {
        assert_eq!(product::lookup(p.code()), Some(p));
        assert_eq!(product::code_status(p.code()), CodeStatus::Known(p));
    }
}

#[test]
fn names_and_details_of_other_products() {
    let names = [
        (36, "TrustLogo"),
        (1000, "Sectigo Web Monitor"),
        (1009, "Sectigo Web Firewall"),
        (700, "CodeGuard (Personal)"),
        (703, "CodeGuard (Small Business)"),
        (341, "HackerGuardian Free PCI Scanning Service (45 days)"),
        (586, "HackerGuardian Lite (Retail Only)"),
        (357, "HackerGuardian HackerProof"),
        (356, "HackerGuardian Additional IP Addresses Pack"),
        (577, "eToken Cost"),
        (163, "eToken Shipping Cost"),
        (530, "EV Code Signing"),
    ];
    for (code, name) in names {
        assert_eq!(product::lookup(code).unwrap().name(), name);
    }
    for (a, b) in [(586, 587), (346, 329), (349, 259)] {
        assert_eq!(product::lookup(a).unwrap().pair(), Some(b));
        assert_eq!(product::lookup(b).unwrap().pair(), Some(a));
    }
    assert_eq!(product::lookup(357).unwrap().pair(), None);
    assert!(product::lookup(341).unwrap().is_trial());
    assert_eq!(
        product::lookup(8).unwrap().key_request(),
        KeyRequest::CsrOrSpkac
    );
    assert_eq!(
        product::lookup(506).unwrap().key_request(),
        KeyRequest::CsrOrSpkac
    );
    assert_eq!(
        product::lookup(706).unwrap().key_request(),
        KeyRequest::Undocumented
    );
    assert_eq!(
        product::lookup(1000).unwrap().key_request(),
        KeyRequest::None
    );
    assert!(!product::lookup(8).unwrap().requires_csr());
    assert_eq!(product::lookup(8).unwrap().allows_days(1095), Some(true));
    assert_eq!(product::lookup(8).unwrap().allows_days(90), Some(false));
    assert_eq!(product::lookup(700).unwrap().allows_days(365), None);
    assert_eq!(product::lookup(488).unwrap().allows_days(30), Some(false));
    assert_eq!(product::lookup(291).unwrap().allows_days(30), Some(true));
    assert_eq!(product::lookup(291).unwrap().allows_days(365), Some(false));
    assert_eq!(
        product::lookup(316).unwrap().to_string(),
        "SectigoSSL OV (316)"
    );
    assert!(product::lookup(36).unwrap().is_add_on());
    assert!(product::lookup(1000).unwrap().is_main());
    assert!(!product::lookup(1000).unwrap().is_certificate());
}

#[test]
fn unmapped_codes() {
    for code in (721..=748).chain(752..=765) {
        assert!(product::lookup(code).is_none(), "{code}");
        assert_eq!(
            product::code_status(code),
            CodeStatus::Unconfirmed(Unconfirmed::BundleRange)
        );
    }
    for code in [448, 24, 34, 43, 44, 62, 318, 324, 510, 511] {
        assert!(product::lookup(code).is_none(), "{code}");
        assert_eq!(
            product::code_status(code),
            CodeStatus::Unconfirmed(Unconfirmed::LegacyAutoApplySsl)
        );
    }
    for code in [0, 1, 720, 766, 999, 1001, 1213, 1215, u32::MAX] {
        assert_eq!(product::code_status(code), CodeStatus::Unknown, "{code}");
    }
}

#[test]
fn ip_pack_sizes() {
    assert_eq!(product::IP_PACK_SIZES, [1, 5, 10, 50, 100, 500, 1000]);
    for size in 0..=1001 {
        assert_eq!(
            product::is_valid_ip_pack_size(size),
            [1, 5, 10, 50, 100, 500, 1000].contains(&size)
        );
    }
}

#[test]
fn product_list_parsing() {
    assert_eq!(product::parse_product_list("316"), Ok(vec![316]));
    assert_eq!(product::parse_product_list("316,36"), Ok(vec![316, 36]));
    assert_eq!(
        product::parse_product_list("706,577,163"),
        Ok(vec![706, 577, 163])
    );
    assert_eq!(
        product::parse_product_list("586, 587, 356"),
        Ok(vec![586, 587, 356])
    );
    assert_eq!(product::parse_product_list(" 316 "), Ok(vec![316]));
    assert_eq!(product::parse_product_list("0316"), Ok(vec![316]));
    assert_eq!(
        product::parse_product_list(""),
        Err(ProductListError::Empty)
    );
    assert_eq!(
        product::parse_product_list("   "),
        Err(ProductListError::Empty)
    );
    assert_eq!(
        product::parse_product_list(","),
        Err(ProductListError::EmptyEntry {
            index: 0,
            offset: 0
        })
    );
    assert_eq!(
        product::parse_product_list("316,"),
        Err(ProductListError::EmptyEntry {
            index: 1,
            offset: 4
        })
    );
    assert_eq!(
        product::parse_product_list("316, x36"),
        Err(ProductListError::InvalidCode {
            index: 1,
            offset: 5
        })
    );
    assert_eq!(
        product::parse_product_list("-1"),
        Err(ProductListError::InvalidCode {
            index: 0,
            offset: 0
        })
    );
    assert_eq!(
        product::parse_product_list("+316"),
        Err(ProductListError::InvalidCode {
            index: 0,
            offset: 0
        })
    );
    assert_eq!(
        product::parse_product_list("316;36"),
        Err(ProductListError::InvalidCode {
            index: 0,
            offset: 0
        })
    );
    assert_eq!(
        product::parse_product_list("4294967296"),
        Err(ProductListError::InvalidCode {
            index: 0,
            offset: 0
        })
    );
    assert_eq!(
        product::parse_product_list("4294967295"),
        Ok(vec![u32::MAX])
    );
    // The 64-character cap, exactly at it and one past it.
    let at_cap = ["1"; 32].join(",") + "1"; // 32 ones, 31 commas, one more digit: 64
    assert_eq!(at_cap.len(), 64);
    assert_eq!(product::parse_product_list(&at_cap).unwrap().len(), 32);
    let past_cap = format!("{at_cap}1");
    assert_eq!(
        product::parse_product_list(&past_cap),
        Err(ProductListError::TooLong { chars: 65 })
    );
    let message = ProductListError::InvalidCode {
        index: 1,
        offset: 5,
    }
    .to_string();
    assert!(
        message.contains("entry 1") && message.contains("byte 5"),
        "{message}"
    );
}

#[test]
fn combinations() {
    let cases: Vec<(&[u32], Vec<C>)> = vec![
        // Valid orders, including the digest's and the PDF's examples.
        (&[488], vec![]),
        (&[583], vec![]),
        (&[562], vec![]),
        (&[316, 36], vec![]),
        (&[337, 36], vec![]),
        (&[706, 577, 163], vec![]),
        (&[1214, 577, 163], vec![]),
        (&[706], vec![]),
        (&[586, 587], vec![]),
        (&[587, 586], vec![]),
        (&[346, 329], vec![]),
        (&[586, 587, 356], vec![]),
        (&[357], vec![]),
        (&[357, 356], vec![]),
        (&[700], vec![]),
        (&[1006], vec![]),
        (&[8], vec![]),
        (&[506], vec![]),
        (&[777], vec![]),
        // Problems.
        (&[], vec![C::Empty]),
        (&[9999], vec![C::UnknownCode { code: 9999 }]),
        (&[488, 9999], vec![C::UnknownCode { code: 9999 }]),
        (
            &[730],
            vec![C::UnconfirmedCode {
                code: 730,
                reason: Unconfirmed::BundleRange,
            }],
        ),
        (
            &[730, 36],
            vec![C::UnconfirmedCode {
                code: 730,
                reason: Unconfirmed::BundleRange,
            }],
        ),
        (&[488, 488], vec![C::DuplicateCode { code: 488 }]),
        (&[36], vec![C::NoMainProduct]),
        (&[577, 163], vec![C::NoMainProduct]),
        (
            &[488, 316],
            vec![C::MultipleMainProducts {
                codes: vec![488, 316],
            }],
        ),
        (
            &[488, 700],
            vec![C::MultipleMainProducts {
                codes: vec![488, 700],
            }],
        ),
        (
            &[700, 701],
            vec![C::MultipleMainProducts {
                codes: vec![700, 701],
            }],
        ),
        (
            &[1000, 1004],
            vec![C::MultipleMainProducts {
                codes: vec![1000, 1004],
            }],
        ),
        (
            &[586, 587, 346, 329],
            vec![C::MultipleMainProducts {
                codes: vec![586, 346],
            }],
        ),
        (
            &[586],
            vec![C::IncompletePair {
                code: 586,
                missing: 587,
            }],
        ),
        (
            &[259],
            vec![C::IncompletePair {
                code: 259,
                missing: 349,
            }],
        ),
        (&[488, 36], vec![C::TrustLogoNeedsOvEv]),
        (&[289, 36], vec![C::TrustLogoNeedsOvEv]),
        (&[1000, 36], vec![C::TrustLogoNeedsOvEv]),
        (&[316, 577], vec![C::NeedsDocumentSigning { code: 577 }]),
        (
            &[316, 577, 163],
            vec![
                C::NeedsDocumentSigning { code: 577 },
                C::NeedsDocumentSigning { code: 163 },
            ],
        ),
        (&[706, 163], vec![C::ShippingWithoutEToken]),
        (&[488, 356], vec![C::IpPackWithoutHackerGuardian]),
        (
            &[356],
            vec![C::NoMainProduct, C::IpPackWithoutHackerGuardian],
        ),
        (&[341, 356], vec![C::IpPackOnTrial]),
    ];
    for (codes, expected) in cases {
        assert_eq!(
            product::check_combination(codes),
            expected,
            "codes {codes:?}"
        );
    }
}

#[test]
fn main_product_of_a_list() {
    let main = |codes: &[u32]| product::main_product(codes).map(|p| p.code());
    assert_eq!(main(&[488]), Some(488));
    assert_eq!(main(&[36, 316]), Some(316));
    assert_eq!(main(&[706, 577, 163]), Some(706));
    assert_eq!(main(&[586, 587, 356]), Some(586));
    assert_eq!(main(&[488, 488]), Some(488));
    assert_eq!(main(&[]), None);
    assert_eq!(main(&[36, 577]), None);
    assert_eq!(main(&[488, 316]), None);
    assert_eq!(main(&[586, 346]), None);
    assert_eq!(main(&[488, 9999]), None);
    assert_eq!(main(&[730]), None);
}

#[test]
fn combination_problem_metadata() {
    let all = [
        C::Empty,
        C::UnknownCode { code: 1 },
        C::UnconfirmedCode {
            code: 730,
            reason: Unconfirmed::BundleRange,
        },
        C::UnconfirmedCode {
            code: 43,
            reason: Unconfirmed::LegacyAutoApplySsl,
        },
        C::DuplicateCode { code: 1 },
        C::NoMainProduct,
        C::MultipleMainProducts {
            codes: vec![488, 316],
        },
        C::IncompletePair {
            code: 586,
            missing: 587,
        },
        C::TrustLogoNeedsOvEv,
        C::NeedsDocumentSigning { code: 577 },
        C::ShippingWithoutEToken,
        C::IpPackWithoutHackerGuardian,
        C::IpPackOnTrial,
    ];
    for problem in &all {
        assert!(problem.id().starts_with("product-"), "{}", problem.id());
        assert!(!problem.message().is_empty());
        // Advice never predicts a refusal code... except the UNCONFIRMED -59 case.
        if problem.server_code().is_none() {
            assert!(!problem.is_error(), "{problem:?}");
        }
    }
    assert_eq!(
        C::NeedsDocumentSigning { code: 577 }.server_code(),
        Some(-81)
    );
    assert_eq!(C::IpPackOnTrial.server_code(), Some(-58));
    assert_eq!(C::IpPackWithoutHackerGuardian.server_code(), Some(-59));
    assert!(!C::IpPackWithoutHackerGuardian.is_error());
    assert_eq!(C::TrustLogoNeedsOvEv.server_code(), Some(-4));
    assert_eq!(C::Empty.server_code(), Some(-3));
    assert!(
        C::MultipleMainProducts {
            codes: vec![488, 316]
        }
        .to_string()
        .contains("488, 316")
    );
}

proptest! {
    #[test]
    fn product_list_round_trip(codes in prop::collection::vec(any::<u32>(), 1..6)) {
        let text = codes.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
        let parsed = product::parse_product_list(&text);
        if text.len() <= 64 {
            prop_assert_eq!(parsed, Ok(codes));
        } else {
            prop_assert_eq!(parsed, Err(ProductListError::TooLong { chars: text.len() }));
        }
    }

    #[test]
    fn product_list_never_panics(s in any::<String>()) {
        let _ = product::parse_product_list(&s);
    }

    #[test]
    fn combination_never_panics(codes in prop::collection::vec(
        prop_oneof![any::<u32>(), 0u32..1300, Just(586u32), Just(587u32), Just(356u32), Just(36u32)],
        0..12,
    )) {
        let problems = product::check_combination(&codes);
        if codes.is_empty() {
            prop_assert_eq!(problems, vec![C::Empty]);
        }
    }
}
