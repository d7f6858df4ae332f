//! Property tests of the typed requests:
//!
//! * round trip: any request (arbitrary Unicode values, every field of every endpoint) →
//!   `to_form` → `wire::form::decode` → `from_pairs` gives the same request back, so every
//!   value reaches the body intact and under the right name;
//! * secrets: whatever the password, collection code or HackerProof password, it never
//!   appears (raw or percent-encoded) in the `{:?}`, `{:#?}` or `{}` output of a request,
//!   its credentials, its body, its HTTP description or its violations.

// Test code: unwrap and index freely (a failure is a test failure).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use sectigo_codec::ResponseFormat;
use sectigo_codec::request::*;
use sectigo_codec::wire::form;

// ---------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------

fn text() -> impl Strategy<Value = String> {
    any::<String>()
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

fn flag() -> impl Strategy<Value = Option<bool>> {
    proptest::option::of(any::<bool>())
}

fn pick<T: Clone + core::fmt::Debug + 'static>(
    all: &'static [T],
) -> impl Strategy<Value = Option<T>> {
    proptest::option::of(proptest::sample::select(all))
}

fn creds() -> impl Strategy<Value = Credentials> {
    (text(), text()).prop_map(|(n, p)| Credentials::new(n, p))
}

fn response_format() -> impl Strategy<Value = Option<ResponseFormat>> {
    pick(&[
        ResponseFormat::Newline,
        ResponseFormat::UrlEncoded,
        ResponseFormat::Json,
    ])
}

/// One entry of a comma/white-space separated list: no comma, no ASCII white space.
fn list_entry() -> impl Strategy<Value = String> {
    "[^,\t\n\x0C\r ]{1,24}"
}

fn domain_names() -> impl Strategy<Value = Option<Vec<String>>> {
    proptest::option::of(proptest::collection::vec(list_entry(), 0..5))
}

fn dcv_tokens() -> impl Strategy<Value = Option<DcvTokens>> {
    let token = prop_oneof![
        Just(DcvToken::HttpCsrHash),
        Just(DcvToken::CnameCsrHash),
        Just(DcvToken::IpAddressPre),
        list_entry()
            .prop_filter("not a token", |s| {
                !matches!(
                    s.as_str(),
                    "HTTPCSRHASH"
                        | "CNAMECSRHASH"
                        | "IPADDRESSPRE"
                        | "ALLHTTPCSRHASH"
                        | "ALLCNAMECSRHASH"
                        | "ALLIPADDRESSPRE"
                )
            })
            .prop_map(DcvToken::Email),
    ];
    proptest::option::of(prop_oneof![
        proptest::sample::select(DcvAllMethod::ALL).prop_map(DcvTokens::All),
        proptest::collection::vec(token, 0..5).prop_map(DcvTokens::PerDomain),
    ])
}

/// Extra parameters whose names cannot collide with a documented one.
fn extra() -> impl Strategy<Value = Vec<(String, String)>> {
    proptest::collection::vec((text().prop_map(|n| format!("x-{n}")), text()), 0..3)
}

macro_rules! assign {
    ($req:ident, $values:expr, [$($field:ident),* $(,)?]) => {{
        let mut values = $values.into_iter();
        $( $req.$field = values.next().unwrap(); )*
        assert!(values.next().is_none(), "value count matches the field list");
    }};
}

fn auto_apply_order() -> impl Strategy<Value = AutoApplyOrderRequest> {
    (
        (
            creds(),
            proptest::collection::vec(any::<u32>(), 1..6),
            any::<u32>(),
            proptest::collection::vec(opt_text(), 52),
            proptest::collection::vec(flag(), 16),
            pick(ServerSoftware::ALL),
            pick(BusinessCategory::ALL),
            pick(DcvMethod::ALL),
            pick(CallbackMethod::ALL),
            pick(OfferType::ALL),
            response_format(),
        ),
        (
            domain_names(),
            dcv_tokens(),
            dcv_tokens(),
            proptest::option::of(any::<u32>()),
            proptest::option::of(any::<u32>()),
            proptest::option::of(text().prop_map(Secret::new)),
            extra(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (
                    creds,
                    products,
                    days,
                    strings,
                    flags,
                    software,
                    category,
                    dcv,
                    callback,
                    offer,
                    rf,
                ),
                (domains, dcv_emails, tokens, max_cns, ips, hp_password, extra, legacy_path),
            )| {
                let mut o = AutoApplyOrderRequest::new(creds, products, days);
                if legacy_path {
                    o.path = ApplyPath::AutoApplySsl;
                }
                assign!(
                    o,
                    strings,
                    [
                        csr,
                        pkcs10,
                        spkac,
                        primary_domain_name,
                        unique_value,
                        organization_name,
                        organizational_unit_name,
                        post_office_box,
                        street_address1,
                        street_address2,
                        street_address3,
                        locality_name,
                        state_or_province_name,
                        postal_code,
                        country_name,
                        duns_number,
                        company_number,
                        joi_locality_name,
                        joi_state_or_province_name,
                        joi_country_name,
                        date_of_incorporation,
                        assumed_name,
                        email_address,
                        validation_email_address,
                        contact_email_address,
                        dcv_email_address,
                        dcv_template_id,
                        ca_certificate_id,
                        foreign_order_number,
                        ida_email_address,
                        ida_telephone_number,
                        ida_fax_number,
                        app_rep_forename,
                        app_rep_surname,
                        app_rep_email_address,
                        app_rep_telephone,
                        app_rep_title,
                        app_rep_fax,
                        app_rep_organization_name,
                        app_rep_organizational_unit_name,
                        app_rep_street_address1,
                        app_rep_street_address2,
                        app_rep_street_address3,
                        app_rep_post_office_box,
                        app_rep_locality_name,
                        app_rep_state_or_province_name,
                        app_rep_postal_code,
                        app_rep_country_name,
                        app_rep_login_name,
                        previous_order_number,
                        private_key_filename,
                        csp_name,
                    ]
                );
                assign!(
                    o,
                    flags,
                    [
                        is_customer_validated,
                        prioritise_csr_values,
                        show_certificate_id,
                        show_certificate_state,
                        check_fon_is_unique,
                        test,
                        is_app_rep_validated,
                        is_callback_completed,
                        omit_additional_fqdn,
                        include_individual,
                        ignore_master_account,
                        disable_swp,
                        smart_card_based,
                        is_key_protected,
                        is_key_exportable,
                        show_collection_code,
                    ]
                );
                o.server_software = software;
                o.business_category = category;
                o.dcv_method = dcv;
                o.callback_method = callback;
                o.offer_type = offer;
                o.response_format = rf;
                o.domain_names = domains;
                o.dcv_email_addresses = dcv_emails;
                o.validation_tokens = tokens;
                o.max_subject_cns = max_cns;
                o.ip_addresses = ips;
                o.app_rep_login_password = hp_password;
                o.extra = extra;
                o
            },
        )
}

fn any_request() -> impl Strategy<Value = AnyRequest> {
    let collect_ssl = (
        creds(),
        pick(CollectQueryType::ALL),
        (opt_text(), opt_text(), opt_text()),
        pick(SslResponseType::ALL),
        pick(ResponseEncoding::ALL),
        proptest::collection::vec(flag(), 6),
        response_format(),
        proptest::option::of(any::<u32>()),
        extra(),
    )
        .prop_map(|(c, qt, (on, ci, bo), rt, re, flags, rf, bv, extra)| {
            let mut r = CollectSslRequest::new(c, qt.unwrap_or(CollectQueryType::StatusOnly));
            r.order_number = on;
            r.certificate_id = ci;
            r.base_order_number = bo;
            r.response_type = rt;
            r.response_encoding = re;
            assign!(
                r,
                flags,
                [
                    show_validity_period,
                    show_fqdn,
                    show_ext_status,
                    show_mdc_domain_details,
                    show_mdc_domain_details2,
                    show_status_details,
                ]
            );
            r.response_format = rf;
            r.behaviour_version = bv;
            r.extra = extra;
            AnyRequest::CollectSsl(r)
        });
    let pac_fields = || {
        (
            proptest::option::of(creds()),
            opt_text(),
            proptest::option::of(text().prop_map(Secret::new)),
            pick(CollectQueryType::ALL),
            pick(PacResponseType::ALL),
            pick(ResponseEncoding::ALL),
            opt_text(),
            flag(),
            extra(),
        )
    };
    let collect_pac = pac_fields().prop_map(|(c, on, cc, qt, rt, re, mime, svp, extra)| {
        let mut r = CollectPacRequest::new(qt.unwrap_or(CollectQueryType::CaBundle));
        r.credentials = c;
        r.order_number = on;
        r.collection_code = cc;
        r.response_type = rt;
        r.response_encoding = re;
        r.response_mime_type = mime;
        r.show_validity_period = svp;
        r.extra = extra;
        AnyRequest::CollectPac(r)
    });
    let collect_smime = pac_fields().prop_map(|(c, on, cc, qt, rt, re, _, svp, extra)| {
        let mut r = CollectSmimeRequest::new(qt.unwrap_or(CollectQueryType::Certificate));
        r.credentials = c;
        r.order_number = on;
        r.collection_code = cc;
        r.response_type = rt;
        r.response_encoding = re;
        r.show_validity_period = svp;
        r.extra = extra;
        AnyRequest::CollectSmime(r)
    });
    let order_status = (
        creds(),
        opt_text(),
        opt_text(),
        proptest::sample::select(OrderStatusQueryType::ALL),
        flag(),
        response_format(),
        extra(),
    )
        .prop_map(|(c, on, ci, qt, svp, rf, extra)| {
            let mut r = OrderStatusRequest::new(c, qt);
            r.order_number = on;
            r.certificate_id = ci;
            r.show_validity_period = svp;
            r.response_format = rf;
            r.extra = extra;
            AnyRequest::OrderStatus(r)
        });
    let revoke = (
        creds(),
        (opt_text(), opt_text(), opt_text(), opt_text()),
        pick(RevocationReason::ALL),
        flag(),
        response_format(),
        extra(),
    )
        .prop_map(|(c, (on, ci, sn, reason), code, test, rf, extra)| {
            let mut r = AutoRevokeSslRequest::new(c);
            r.order_number = on;
            r.certificate_id = ci;
            r.serial_number = sn;
            r.revocation_reason = reason;
            r.code_reason = code;
            r.test = test;
            r.response_format = rf;
            r.extra = extra;
            AnyRequest::AutoRevokeSsl(r)
        });
    let refund = (
        creds(),
        text(),
        proptest::sample::select(RefundReason::ALL),
        extra(),
    )
        .prop_map(|(c, on, reason, extra)| {
            let mut r = AutoRefundRequest::new(c, on, reason);
            r.extra = extra;
            AnyRequest::AutoRefund(r)
        });
    let balance = (creds(), response_format(), extra()).prop_map(|(c, rf, extra)| {
        let mut r = AccountBalanceRequest::new(c);
        r.response_format = rf;
        r.extra = extra;
        AnyRequest::AccountBalance(r)
    });
    let replace = (
        (
            creds(),
            text(),
            flag(),
            pick(ServerSoftware::ALL),
            domain_names(),
        ),
        (
            opt_text(),
            proptest::option::of(any::<u32>()),
            opt_text(),
            pick(DcvMethod::ALL),
        ),
        (
            opt_text(),
            dcv_tokens(),
            opt_text(),
            flag(),
            response_format(),
            extra(),
        ),
    )
        .prop_map(
            |((c, on, exact, sw, dn), (pdn, max, csr, dcv), (dea, deas, uv, sci, rf, extra))| {
                let mut r = AutoReplaceSslRequest::new(c, on);
                r.exact_order = exact;
                r.server_software = sw;
                r.domain_names = dn;
                r.primary_domain_name = pdn;
                r.max_subject_cns = max;
                r.csr = csr;
                r.dcv_method = dcv;
                r.dcv_email_address = dea;
                r.dcv_email_addresses = deas;
                r.unique_value = uv;
                r.show_certificate_id = sci;
                r.response_format = rf;
                r.extra = extra;
                AnyRequest::AutoReplaceSsl(r)
            },
        );
    prop_oneof![
        auto_apply_order().prop_map(|o| AnyRequest::AutoApplyOrder(Box::new(o))),
        collect_ssl,
        collect_pac,
        collect_smime,
        order_status,
        revoke,
        refund,
        balance,
        replace,
    ]
}

// ---------------------------------------------------------------------------------------
// Round trip
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn every_request_round_trips_through_its_body(request in any_request()) {
        let body = request.to_form();
        let decoded = form::decode(body.as_bytes()).unwrap();
        prop_assert!(decoded.warnings().is_empty());
        let pairs: Vec<(String, String)> = decoded
            .pairs()
            .iter()
            .map(|p| (p.name().to_owned(), p.value().to_owned()))
            .collect();
        let mut back = AnyRequest::from_pairs(request.endpoint(), pairs).unwrap().unwrap();
        // The path (AutoApplySSL or AutoApplyOrder) is not part of the body.
        if let (AnyRequest::AutoApplyOrder(original), AnyRequest::AutoApplyOrder(read)) =
            (&request, &mut back)
        {
            read.path = original.path;
        }
        prop_assert_eq!(back, request);
    }
}

// ---------------------------------------------------------------------------------------
// Secrets never leak
// ---------------------------------------------------------------------------------------

/// A secret that cannot appear by accident: a marker and random printable characters.
fn secret() -> impl Strategy<Value = String> {
    "[ -~é€😀]{4,40}".prop_map(|tail| format!("Zq9{tail}"))
}

fn outputs(values: &[&dyn Formatted]) -> Vec<String> {
    let mut out = Vec::new();
    for v in values {
        out.extend(v.all_forms());
    }
    out
}

/// `{:?}`, `{:#?}` and, where there is one, `{}`.
trait Formatted {
    fn all_forms(&self) -> Vec<String>;
}

impl<T: core::fmt::Debug + core::fmt::Display> Formatted for T {
    fn all_forms(&self) -> Vec<String> {
        vec![format!("{self:?}"), format!("{self:#?}"), format!("{self}")]
    }
}

/// `{:?}` and `{:#?}` for types without `Display`.
struct DebugOnly<'a, T: core::fmt::Debug>(&'a T);

impl<T: core::fmt::Debug> Formatted for DebugOnly<'_, T> {
    fn all_forms(&self) -> Vec<String> {
        vec![format!("{:?}", self.0), format!("{:#?}", self.0)]
    }
}

fn assert_no_leak(secret: &str, texts: &[String]) {
    let encoded = form::encode([("", secret)]);
    let encoded = encoded.trim_start_matches('=');
    for text in texts {
        assert!(!text.contains(secret), "secret leaked into: {text}");
        assert!(
            !text.contains(encoded),
            "encoded secret leaked into: {text}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn secrets_never_appear_in_formatted_output(secret in secret(), long in any::<bool>()) {
        // A long secret also produces "too long" violations about itself.
        let secret = if long { secret.repeat(10) } else { secret };
        let base = BaseUrl::default();
        let c = Credentials::new("reseller", secret.as_str());

        let mut order = AutoApplyOrderRequest::ssl(c.clone(), 488, 365, ServerSoftware::Other, "MIIB");
        order.app_rep_login_password = Some(Secret::new(secret.as_str()));
        order.extra.push(("HackerProofPassword".into(), secret.clone()));
        order.allow_unknown_parameters = true;
        let mut broken_order = order.clone();
        broken_order.products = vec![488, 36];

        let mut pac = CollectPacRequest::with_collection_code(secret.as_str(), CollectQueryType::StatusOnly);
        pac.extra.push(("collectioncode".into(), secret.clone()));
        let mut smime = CollectSmimeRequest::with_login(c.clone(), "1", CollectQueryType::StatusOnly);
        smime.collection_code = Some(Secret::new(secret.as_str())); // a conflict: violations

        let requests: Vec<AnyRequest> = vec![
            AnyRequest::AutoApplyOrder(Box::new(order)),
            AnyRequest::AutoApplyOrder(Box::new(broken_order)),
            AnyRequest::CollectSsl(CollectSslRequest::by_order_number(c.clone(), "1", CollectQueryType::StatusOnly)),
            AnyRequest::CollectPac(pac),
            AnyRequest::CollectSmime(smime),
            AnyRequest::OrderStatus(OrderStatusRequest::new(c.clone(), OrderStatusQueryType::StatusOnly)),
            AnyRequest::AutoRevokeSsl(AutoRevokeSslRequest::by_order_number(c.clone(), "1")),
            AnyRequest::AutoRefund(AutoRefundRequest::new(c.clone(), "1", RefundReason::Other)),
            AnyRequest::AccountBalance(AccountBalanceRequest::new(c.clone())),
            AnyRequest::AutoReplaceSsl(AutoReplaceSslRequest::new(c.clone(), "1")),
        ];
        let mut texts = outputs(&[&c, &Secret::new(secret.as_str())]);
        for request in &requests {
            // The body does carry the secret (it is what gets sent) ...
            let body = request.to_form();
            prop_assert!(body.as_str().contains(form::encode([("", secret.as_str())]).trim_start_matches('=')));
            texts.extend(outputs(&[request, &body]));
            match request {
                AnyRequest::AutoApplyOrder(r) => texts.extend(outputs(&[r.as_ref()])),
                AnyRequest::CollectPac(r) => texts.extend(outputs(&[r])),
                AnyRequest::CollectSmime(r) => texts.extend(outputs(&[r])),
                AnyRequest::CollectSsl(r) => texts.extend(outputs(&[r])),
                _ => {}
            }
            let violations = request.validate();
            for v in &violations {
                texts.extend(outputs(&[v]));
            }
            texts.extend(outputs(&[&DebugOnly(&violations)]));
            match request.to_http(&base) {
                Ok(http) => texts.extend(outputs(&[&http, http.form()])),
                Err(v) => texts.extend(outputs(&[&v])),
            }
        }
        // ... and nothing else does.
        assert_no_leak(&secret, &texts);
    }
}
