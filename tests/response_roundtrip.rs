//! Property tests: typed response → rendered body → parsed → equal, for every endpoint with a
//! renderer; and no body, however malformed, makes a parser panic.

// Test code: unwrap and index freely.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic,
    missing_docs
)]

use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use sectigo_codec::response::{
    self, AccountBalanceResponse, Amount, ApplyStatus, AutoApplyOrderResponse, AutoRefundResponse,
    AutoRevokeSslResponse, CaaStatus, CertificateStatus, CollectSslResponse, CollectStatus,
    DetailStatus, DomainDetail, DomainStatus, EventType, Notification, NotificationStatus,
    NotificationStatusCode, OrderStatusResponse, ParseContext, SuggestedOrgStatus,
    ValidationStatus,
};
use sectigo_codec::{EndpointId, Timestamp};

fn ctx() -> ParseContext {
    ParseContext::new()
}

/// Any text, Unicode and control characters included.
fn text() -> impl Strategy<Value = String> {
    any::<String>()
}

/// A single-line token for newline bodies (no surrounding white space).
fn token() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9._-]{0,15}"
}

fn amount() -> impl Strategy<Value = Amount> {
    "-?[0-9]{1,7}(\\.[0-9]{1,3})?".prop_map(|s| Amount::new(&s).unwrap())
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (-62_167_219_200_i64..=253_402_300_799).prop_map(|t| Timestamp::from_unix(t).unwrap())
}

fn scale() -> impl Strategy<Value = DetailStatus> {
    any::<i32>().prop_map(DetailStatus::from_code)
}

/// A documented value or an undocumented one (which can never match a documented one).
fn open<T: Clone + std::fmt::Debug + 'static>(
    known: &'static [&'static str],
    from_wire: fn(&str) -> T,
) -> impl Strategy<Value = T> {
    prop_oneof![
        proptest::sample::select(known).prop_map(from_wire),
        "[A-Za-z][A-Za-z0-9 ]{0,10}zq".prop_map(move |s| from_wire(&s)),
    ]
}

fn extra() -> impl Strategy<Value = Vec<(String, String)>> {
    vec(("zz[a-zA-Z]{1,6}", text()), 0..3)
}

fn caa() -> impl Strategy<Value = CaaStatus> {
    prop_oneof![
        proptest::sample::select(
            &[
                "Authorized",
                "Not Authorized",
                "Unrecognized Critical Tag",
                "Empty",
                "Malformed Response",
                "Timeout",
                "ERROR",
                "Awaiting Completion",
            ][..]
        )
        .prop_map(CaaStatus::from_wire),
        any::<u32>().prop_map(CaaStatus::ErrorCode),
        "[a-z]{1,8}zq".prop_map(|s| CaaStatus::from_wire(&s)),
    ]
}

fn domains() -> impl Strategy<Value = Vec<DomainDetail>> {
    vec(
        (
            "[a-z0-9]{1,8}\\.[a-z]{2,3}",
            open(DomainStatus::KNOWN, DomainStatus::from_wire)
                .prop_filter("a status is one word", |s| !s.as_wire().contains(' ')),
        ),
        0..4,
    )
    .prop_map(|items| {
        items
            .into_iter()
            .map(|(domain, status)| {
                let mut d = DomainDetail::parse_list(&format!("{domain} X"))
                    .unwrap()
                    .remove(0);
                d.status = status;
                d
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn auto_apply_order_form(
        status in 0..4i32,
        order_number in option::of(text()),
        total_cost in option::of(amount()),
        edt in option::of(any::<u32>()),
        certificate_id in option::of(any::<u64>()),
        state in option::of(open(CertificateStatus::KNOWN, CertificateStatus::from_wire)),
        unique in option::of(text()),
        sl in option::of((text(), text())),
        extra in extra(),
    ) {
        let mut r = AutoApplyOrderResponse::parse(format!("errorCode={status}").as_bytes(), &ctx()).unwrap();
        r.order_number = order_number;
        r.total_cost = total_cost;
        r.expected_delivery_time = edt;
        r.certificate_id = certificate_id;
        r.certificate_status = state;
        r.unique_value = unique;
        (r.sl_id, r.sl_site_ids) = sl.map_or((None, None), |(a, b)| (Some(a), Some(b)));
        r.extra = extra;
        let again = AutoApplyOrderResponse::parse(r.to_form().as_bytes(), &ctx()).unwrap();
        prop_assert_eq!(again, r);
    }

    #[test]
    fn auto_apply_order_lines(
        status in 0..4i32,
        order_number in "[0-9]{1,10}",
        total_cost in option::of(amount()),
        edt in option::of(any::<u32>()),
        certificate_id in option::of(any::<u64>()),
        state in option::of(open(CertificateStatus::KNOWN, CertificateStatus::from_wire)
            .prop_filter("single line", |s| s.as_wire().trim() == s.as_wire())),
        unique in option::of("[A-Za-z0-9]{1,20}"),
        sl in option::of(("[0-9]{1,16}", token())),
    ) {
        let mut r = AutoApplyOrderResponse::parse(format!("{status}\n").as_bytes(), &ctx()).unwrap();
        prop_assert_eq!(r.status, ApplyStatus::from_code(status));
        r.order_number = Some(order_number);
        r.total_cost = total_cost;
        r.expected_delivery_time = edt;
        r.certificate_id = certificate_id;
        r.certificate_status = state;
        r.unique_value = unique;
        (r.sl_id, r.sl_site_ids) = sl.map_or((None, None), |(a, b)| (Some(a), Some(b)));
        // Lines 3 and 4 are positional: a missing amount before a present one is a blank
        // line, which reads back as missing.
        let ctx = ctx()
            .with_show_certificate_id(r.certificate_id.is_some())
            .with_show_certificate_state(r.certificate_status.is_some())
            .with_unique_value_supplied(r.unique_value.is_some());
        let again = AutoApplyOrderResponse::parse(r.to_lines().as_bytes(), &ctx).unwrap();
        prop_assert_eq!(again, r);
    }

    #[test]
    fn account_balance_form_and_lines(
        account in token(),
        currency in "[A-Z]{3}",
        amount in option::of(amount()),
        limit in option::of(amount()),
        extra in extra(),
    ) {
        let mut r = AccountBalanceResponse::parse(b"errorCode=0", &ctx()).unwrap();
        r.account_id = Some(account);
        r.currency_code = Some(currency);
        r.amount = amount;
        r.hard_credit_limit = limit;
        let lines = AccountBalanceResponse::parse(r.to_lines().as_bytes(), &ctx()).unwrap();
        prop_assert_eq!(&lines, &r);
        r.extra = extra;
        let form = AccountBalanceResponse::parse(r.to_form().as_bytes(), &ctx()).unwrap();
        prop_assert_eq!(form, r);
    }

    #[test]
    fn status_only_responses(status in 0..1000i32, extra in extra()) {
        let mut revoke = AutoRevokeSslResponse::parse(format!("{status}").as_bytes(), &ctx()).unwrap();
        revoke.extra = extra.clone();
        prop_assert_eq!(AutoRevokeSslResponse::parse(revoke.to_form().as_bytes(), &ctx()).unwrap(), revoke);
        let mut refund = AutoRefundResponse::parse(format!("{status}").as_bytes(), &ctx()).unwrap();
        refund.extra = extra;
        prop_assert_eq!(AutoRefundResponse::parse(refund.to_form().as_bytes(), &ctx()).unwrap(), refund);
    }

    #[test]
    fn collect_ssl_form(
        status in 0..3i32,
        dates in vec(option::of(timestamp()), 4),
        durations in (option::of(any::<u32>()), option::of(any::<u32>())),
        fqdn in option::of(text()),
        certificate_status in option::of(open(CertificateStatus::KNOWN, CertificateStatus::from_wire)),
        validation_status in option::of(open(ValidationStatus::KNOWN, ValidationStatus::from_wire)),
        mdc in (option::of(domains()), option::of(domains())),
        scales in vec(option::of(scale()), 13),
        caa in option::of(caa()),
        extra in extra(),
    ) {
        let mut r = CollectSslResponse::parse(format!("errorCode={status}").as_bytes(), &ctx()).unwrap();
        prop_assert_eq!(r.status, CollectStatus::from_code(status));
        r.not_before = dates[0];
        r.not_after = dates[1];
        r.product_term_start = dates[2];
        r.product_term_end = dates[3];
        (r.certificate_duration, r.product_term_duration) = durations;
        r.fqdn = fqdn;
        r.certificate_status = certificate_status;
        r.validation_status = validation_status;
        (r.mdc_domain_details, r.mdc_domain_details2) = mdc;
        [
            r.csr_status, r.dcv_status, r.ov_callback_status, r.organization_validation_status,
            r.free_dvup_status, r.ev_click_through_status, r.brand_val_status, r.ma_status,
            r.ev_assumed_name, r.ev_physical_existence, r.ev_operational_existence,
            r.ev_signer_approver_requester, r.ev_signer_second_approval,
        ] = scales.try_into().unwrap();
        r.caa_status = caa;
        r.extra = extra;
        let again = CollectSslResponse::parse(r.to_form().as_bytes(), &ctx()).unwrap();
        prop_assert_eq!(again, r);
    }

    #[test]
    fn notification_form(
        order_number in text(),
        certificate_id in option::of(any::<u64>()),
        event in option::of(open(EventType::KNOWN, EventType::from_wire)),
        status in option::of(open(NotificationStatus::KNOWN, NotificationStatus::from_wire)),
        code in option::of(any::<i32>()),
        texts in vec(option::of(text()), 9),
        reason in option::of(any::<u32>()),
        extra in extra(),
    ) {
        let mut n = Notification::parse(b"orderNumber=x").unwrap();
        n.order_number = Some(order_number);
        n.certificate_id = certificate_id;
        n.event_type = event;
        n.status = status;
        n.status_code = code.map(NotificationStatusCode::from_code);
        let verification_code: Option<String>;
        [
            n.status_desc, verification_code, n.removed_domains, n.revocation_reason_name,
            n.bimi_l, n.bimi_a, n.acme_account_id, n.acme_order_id, n.acme_eab_key_id,
        ] = texts.try_into().unwrap();
        n.verification_code = verification_code.map(sectigo_codec::Secret::new);
        n.revocation_reason_code = reason;
        n.extra = extra;
        let again = Notification::parse(n.to_form().as_bytes()).unwrap();
        prop_assert_eq!(again, n);
    }

    #[test]
    fn order_status_form(
        orders in btree_map(
            1..200u32,
            (
                text(),
                option::of(timestamp()),
                option::of(text()),
                option::of((
                    option::of(open(SuggestedOrgStatus::KNOWN, SuggestedOrgStatus::from_wire)),
                    option::of(text()),
                )),
                extra(),
                btree_map(
                    1..50u32,
                    (
                        text(),
                        option::of(open(CertificateStatus::KNOWN, CertificateStatus::from_wire)),
                        option::of(scale()),
                        option::of(timestamp()),
                        option::of(any::<bool>()),
                        extra(),
                    ),
                    0..4,
                ),
            ),
            0..5,
        ),
        top_extra in extra(),
    ) {
        let template = OrderStatusResponse::parse(b"errorCode=0&1_x=1&1_1_x=1", &ctx()).unwrap();
        let mut order_template = template.orders[0].clone();
        order_template.extra.clear();
        let mut cert_template = order_template.certificates.pop().unwrap();
        cert_template.extra.clear();
        let mut r = OrderStatusResponse::parse(b"errorCode=0", &ctx()).unwrap();
        for (x, (number, date, status, suggested, extra, certs)) in orders {
            let mut order = order_template.clone();
            order.index = x;
            order.order_number = Some(number);
            order.order_date_time = date;
            order.order_status = status;
            order.suggested_org_details = suggested.map(|(status, name)| {
                let mut d = OrderStatusResponse::parse(b"errorCode=0&1_suggestedOrgDetails=", &ctx())
                    .unwrap()
                    .orders[0]
                    .suggested_org_details
                    .clone()
                    .unwrap();
                d.status = status;
                d.organization_name = name;
                d
            });
            order.extra = extra;
            for (y, (serial, cstatus, csr, not_after, swp, cextra)) in certs {
                let mut cert = cert_template.clone();
                cert.index = y;
                cert.serial_number = Some(serial);
                cert.certificate_status = cstatus;
                cert.csr_status = csr;
                cert.not_after = not_after;
                cert.swp_active = swp;
                cert.extra = cextra;
                order.certificates.push(cert);
            }
            r.orders.push(order);
        }
        r.extra = top_extra;
        let again = OrderStatusResponse::parse(r.to_form().as_bytes(), &ctx()).unwrap();
        prop_assert_eq!(again, r);
    }

    /// No body makes a parser panic, whatever the endpoint and the hints.
    #[test]
    fn arbitrary_bytes_never_panic(
        body in prop_oneof![
            vec(any::<u8>(), 0..256),
            "[-0-9a-zA-Z=&%+\\n\\r _{}'\":,.\\[\\]/]{0,200}".prop_map(String::into_bytes),
        ],
        endpoint in proptest::sample::select(&EndpointId::ALL[..]),
        hint in 0..4u8,
    ) {
        let mut ctx = ctx();
        if let Some(syntax) = response::BodySyntax::from_response_encoding(hint) {
            ctx = ctx.with_syntax(syntax);
        }
        let _ = response::parse(endpoint, &body, &ctx);
    }
}

#[test]
fn collect_ssl_form_with_certificates_round_trips() {
    for body in [
        &include_bytes!("../testdata/collect-ssl/ok-urlenc-individual.txt")[..],
        include_bytes!("../testdata/collect-ssl/ok-urlenc-zip.txt"),
        include_bytes!("../testdata/collect-ssl/ok-newline-doc-armour.txt"),
    ] {
        if body.starts_with(b"errorCode=2&zipFile") && !cfg!(feature = "zip") {
            continue;
        }
        // The chain's own warnings (duplicates in the ZIP) do not survive a round trip;
        // everything else does.
        let r = CollectSslResponse::parse(body, &ctx()).unwrap();
        let again = CollectSslResponse::parse(r.to_form().as_bytes(), &ctx()).unwrap();
        assert_eq!(
            again.certificates.certificates(),
            r.certificates.certificates()
        );
        assert_eq!(again.certificates.roles(), r.certificates.roles());
        assert_eq!(again.to_form(), r.to_form());
        assert_eq!(again.status, r.status);
    }
}
