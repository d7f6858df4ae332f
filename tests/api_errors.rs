//! The error catalogue: completeness against the DIGEST tables, per-endpoint meanings, the
//! helpers callers branch on, and a round trip of every entry through the real parsers.

// Test code: unwrap and index freely.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic,
    missing_docs
)]

use sectigo_codec::api_error::{CATALOGUE, Confidence, lookup};
use sectigo_codec::response::{self, ParseContext};
use sectigo_codec::{ApiError, ApiErrorCode, EndpointId, Error};

use EndpointId::{
    AutoApplyOrder, AutoRefund, AutoReplaceSsl, AutoRevokeSsl, CollectPac, CollectSmime,
    CollectSsl, GetAccountBalance, GetDetailedOrderStatus,
};

fn name(endpoint: EndpointId, code: i32) -> Option<&'static str> {
    lookup(endpoint, ApiErrorCode::new(code)).map(|e| e.name)
}

fn assert_present(section: &str, endpoints: &[EndpointId], codes: &[i32]) {
    for &endpoint in endpoints {
        for &code in codes {
            assert!(
                name(endpoint, code).is_some(),
                "DIGEST {section}: {endpoint} {code} missing from the catalogue"
            );
        }
    }
}

#[test]
fn every_documented_code_is_in_the_catalogue() {
    const COMMON: [i32; 7] = [-1, -2, -3, -4, -14, -16, -17];
    assert_present("§2.6", &[CollectSsl], &COMMON);
    assert_present("§2.6", &[CollectSsl], &[-20, -21, -22, -23, -90, -91]);
    assert_present("§3.4", &[CollectPac, CollectSmime], &COMMON);
    assert_present("§3.4", &[CollectPac, CollectSmime], &[-20, -21, -22, -91]);
    assert_present("§4.3", &[GetDetailedOrderStatus], &COMMON);
    assert_present("§5.3", &[AutoRevokeSsl], &COMMON);
    assert_present("§5.3", &[AutoRevokeSsl], &[-20, -21, -23, -26]);
    let mut aao: Vec<i32> = (-19..=-1).collect();
    aao.extend([-35, -40, -45, -47]);
    aao.extend(-60..=-53);
    aao.extend(-71..=-63);
    aao.extend([-81, -82, -42, -76, -91, -115, -121, -122, -124, -160, -162]);
    assert_present("§6.5", &[AutoApplyOrder], &aao);
    assert_present("§8", &[AutoRefund], &COMMON);
    assert_present("§8", &[AutoRefund], &[-18, -20]);
    assert_present(
        "§9",
        &[GetAccountBalance],
        &[-1, -3, -4, -14, -16, -17, -19, -42],
    );
    assert_present("§7 (inferred)", &[AutoReplaceSsl], &COMMON);
    // Nothing for the push notification: it carries no error codes.
    assert!(
        CATALOGUE
            .iter()
            .all(|e| !e.endpoints.contains(&EndpointId::Notification))
    );
}

#[test]
fn the_same_number_means_different_things_on_different_endpoints() {
    // DIGEST §11.
    assert_eq!(name(AutoApplyOrder, -18), Some("CSR_CN_IS_FQDN"));
    assert_eq!(name(AutoRefund, -18), Some("REFUND_FAILED"));
    assert_eq!(name(CollectSsl, -18), None);
    assert_eq!(name(AutoApplyOrder, -19), Some("CSR_CN_IS_PUBLIC_IP"));
    assert_eq!(name(GetAccountBalance, -19), Some("CCM_ACCOUNTS_ONLY"));
    assert_eq!(name(CollectSsl, -20), Some("CERTIFICATE_REJECTED"));
    assert_eq!(name(AutoRevokeSsl, -20), Some("CERTIFICATE_REJECTED"));
    assert_eq!(name(AutoRefund, -20), Some("ORDER_CANCELLED"));
    assert_eq!(name(AutoRevokeSsl, -23), Some("BEING_ISSUED_LEGACY"));
    assert_eq!(name(CollectSsl, -23), Some("CERTIFICATE_REPLACED"));
    // -16's wording changed: the meaning is the same, the documented messages differ.
    let new = lookup(CollectSsl, ApiErrorCode::AUTHENTICATION_FAILED).unwrap();
    let old = lookup(AutoApplyOrder, ApiErrorCode::AUTHENTICATION_FAILED).unwrap();
    assert_eq!(new.name, old.name);
    assert_eq!(old.message, Some("Permission denied!"));
    assert!(new.message.unwrap().starts_with("Incorrect login details"));
    // AutoRefund's spellings (DIGEST §12 quirk 15).
    let refund = lookup(AutoRefund, ApiErrorCode::UNRECOGNISED_ARGUMENT).unwrap();
    assert_eq!(refund.message, Some("'xxxx' is an unrecognized argument!"));
}

#[test]
fn minus_fourteen_printed_as_fourteen_is_minus_fourteen() {
    // DIGEST §12 quirk 23: the GetDetailedOrderStatus page prints `14`.
    let entry = lookup(GetDetailedOrderStatus, ApiErrorCode::new(-14)).unwrap();
    assert_eq!(entry.name, "UNKNOWN_ERROR");
    assert!(entry.meaning.contains("14 without the sign"));
    assert!(lookup(GetDetailedOrderStatus, ApiErrorCode::new(14)).is_none());
    // A positive 14 is not an error status at all: it is read as success.
    let r = response::OrderStatusResponse::parse(b"errorCode=14", &ParseContext::new()).unwrap();
    assert_eq!(r.status, 14);
}

/// The documented message with `'xxxx'` replaced by an argument name, as the server sends it.
fn server_message(entry_message: Option<&str>) -> Option<String> {
    entry_message.map(|m| m.replace("'xxxx'", "'orderNumber'"))
}

#[test]
fn every_entry_round_trips_through_the_parsers() {
    let mut checked = 0;
    for entry in CATALOGUE {
        let code = entry.code;
        assert_eq!(code.to_string().parse::<ApiErrorCode>().unwrap(), code);
        assert_eq!(ApiErrorCode::from(i32::from(code)), code);
        for &endpoint in entry.endpoints {
            let message = server_message(entry.message)
                .unwrap_or_else(|| "Something the documentation does not print".to_owned());
            let newline = format!("{}\n{message}\n", code.get());
            let form = sectigo_codec::wire::form::encode([
                ("errorCode", code.get().to_string()),
                ("errorMessage", message.clone()),
            ]);
            for body in [newline.as_bytes(), form.as_bytes()] {
                let err = match response::parse(endpoint, body, &ParseContext::new()) {
                    Err(Error::Api(e)) => e,
                    other => panic!("{endpoint} {code}: {other:?}"),
                };
                assert_eq!(err.endpoint(), endpoint);
                assert_eq!(err.code(), code);
                assert_eq!(err.entry(), Some(entry));
                assert_eq!(err.name(), Some(entry.name));
                assert_eq!(err.meaning(), Some(entry.meaning));
                assert_eq!(err.message(), Some(message.as_str()));
                let expected_argument = entry.names_argument().then_some("orderNumber");
                assert_eq!(
                    err.argument(),
                    expected_argument,
                    "{endpoint} {}",
                    entry.name
                );
                let shown = err.to_string();
                assert!(
                    shown.contains(entry.name) && shown.contains(&message),
                    "{shown}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 200, "{checked}");
}

#[test]
fn helpers_callers_branch_on() {
    let err = |endpoint, code| ApiError::new(endpoint, ApiErrorCode::new(code), None, None);
    for endpoint in EndpointId::ALL {
        for code in -200..0 {
            let e = err(endpoint, code);
            assert_eq!(e.is_auth_problem(), code == -16, "{endpoint} {code}");
            let csr = matches!(endpoint, AutoApplyOrder | AutoReplaceSsl)
                && matches!(code, -5 | -6 | -13..=-8 | -18 | -19 | -35 | -40);
            assert_eq!(e.is_csr_problem(), csr, "{endpoint} {code}");
            let retry = matches!(code, -14 | -42)
                || (code == -26 && matches!(endpoint, CollectSsl | AutoRevokeSsl))
                || (code == -23 && endpoint == AutoRevokeSsl);
            assert_eq!(e.is_retryable(), retry, "{endpoint} {code}");
        }
    }
    // -7 may be about the countryName parameter, not the CSR.
    assert!(!err(AutoApplyOrder, -7).is_csr_problem());
}

#[test]
fn inferred_rows_are_marked() {
    // Rows DIGEST marks [INFERRED] say so.
    let inferred = |endpoint, code| {
        lookup(endpoint, ApiErrorCode::new(code))
            .unwrap()
            .confidence
            == Confidence::Inferred
    };
    assert!(inferred(CollectSsl, -20));
    assert!(inferred(CollectSsl, -90));
    assert!(inferred(AutoRefund, -20));
    assert!(inferred(AutoReplaceSsl, -16));
    assert!(inferred(GetAccountBalance, -2));
    assert!(!inferred(AutoApplyOrder, -15));
    assert!(!inferred(GetDetailedOrderStatus, -14));
}
