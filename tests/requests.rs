//! Typed requests: the documentation's sample requests (DIGEST §2.1 T13, §6.6 / PDF §5) as
//! golden bodies, a golden body per endpoint with every parameter set, and every validation
//! rule with a failing and a passing case.

// Test code: unwrap and index freely (a failure is a test failure).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use sectigo_codec::ResponseFormat;
use sectigo_codec::product::CombinationProblem;
use sectigo_codec::request::*;
use sectigo_codec::wire::form;

/// The CSR fixtures: EC P-256 requests made with OpenSSL 3 on 2026-11-22, e.g.
/// `openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout /dev/null
/// -subj "/C=US/ST=New Jersey/L=Roseland/street=5 Becker Farm Road/O=Sectigo Test/CN=sectigo.example.com"`.
/// Only their subjects matter here (the OV/EV "unless in the CSR" rule).
const CSR_FULL_SUBJECT: &str = "-----BEGIN CERTIFICATE REQUEST-----
MIIBQTCB6gIBADCBhzELMAkGA1UEBhMCVVMxEzARBgNVBAgMCk5ldyBKZXJzZXkx
ETAPBgNVBAcMCFJvc2VsYW5kMRswGQYDVQQJDBI1IEJlY2tlciBGYXJtIFJvYWQx
FTATBgNVBAoMDFNlY3RpZ28gVGVzdDEcMBoGA1UEAwwTc2VjdGlnby5leGFtcGxl
LmNvbTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABBNTdVlr08naNMPkD0fjiJox
YwjEUPeN5AINkDwMspUqOOMUw8XN4D4uAM5j+w8YeNZySrgXdE6kyt8ZrV9MQIWg
ADAKBggqhkjOPQQDAgNGADBDAiAlPFG2L8jWxp7Jth0u32+Vk6fsL9dTzqCLCMzp
6o4UfwIfbO2uDlnnTcyoWQRRCJBSjSD2uAgY3HDQ7t5oMrdNUw==
-----END CERTIFICATE REQUEST-----
";

/// Subject `CN=sectigo.example.com` only.
const CSR_CN_ONLY: &str = "-----BEGIN CERTIFICATE REQUEST-----
MIHaMIGAAgEAMB4xHDAaBgNVBAMME3NlY3RpZ28uZXhhbXBsZS5jb20wWTATBgcq
hkjOPQIBBggqhkjOPQMBBwNCAASkfLyR2yguUV9OXdzTxkazmtZlKKJ31hZu1MGb
C17ldCxFwKtwjEOruJ9Amtl+3BXCtmofnsfM6VRrVZv4tSw2oAAwCgYIKoZIzj0E
AwIDSQAwRgIhAOKYxBX5zq9dKbQw5MA5+kTIJeuiixqsvh8oOFhzhR8AAiEAtfO6
xXlcrgKCu7VqzD5KgSWU9OLdX6W0z+1NFEWqNR0=
-----END CERTIFICATE REQUEST-----
";

/// The PDF examples' placeholder for the CSR (`<full base64 csr encoded>`), which cannot be
/// read: the OV/EV address rule is then skipped.
const CSR_PLACEHOLDER: &str = "MIIB-placeholder";

fn creds() -> Credentials {
    Credentials::new("reseller", "s3cret")
}

fn pdf_creds() -> Credentials {
    Credentials::new("mypartnerusername", "th15ISNOTas3ns!blePassW0rd!")
}

fn decoded(body: &str) -> Vec<(String, String)> {
    let form = form::decode(body.as_bytes()).unwrap();
    assert!(form.warnings().is_empty(), "our own encoding has no quirks");
    form.pairs()
        .iter()
        .map(|p| (p.name().to_owned(), p.value().to_owned()))
        .collect()
}

fn sorted(mut pairs: Vec<(String, String)>) -> Vec<(String, String)> {
    pairs.sort();
    pairs
}

/// `(code, parameter, rule id)` of each violation, for compact assertions.
fn summary(violations: &[Violation]) -> Vec<(i32, String, String)> {
    violations
        .iter()
        .map(|v| (v.code, v.parameter.clone(), v.rule.id().to_owned()))
        .collect()
}

fn v(code: i32, parameter: &str, rule: &str) -> (i32, String, String) {
    (code, parameter.to_owned(), rule.to_owned())
}

// ---------------------------------------------------------------------------------------
// The documentation's sample requests
// ---------------------------------------------------------------------------------------

#[test]
fn t13_collect_ssl_sample_request() {
    let sample = include_str!("../testdata/spec/t13-collect-ssl-request.txt");
    let mut req = CollectSslRequest::by_order_number(
        Credentials::new("login_name", "login_password"),
        "order_number",
        CollectQueryType::StatusOnly,
    );
    req.show_status_details = Some(true);
    req.response_type = Some(SslResponseType::Individual);
    req.response_format = Some(ResponseFormat::UrlEncoded);
    req.show_ext_status = Some(true);
    req.show_validity_period = Some(true);
    assert!(req.validate().is_empty());
    let body = req.to_form();
    // Same pairs as the sample; our order is the parameter table's.
    assert_eq!(
        sorted(decoded(body.as_str())),
        sorted(decoded(sample.trim_end()))
    );
    assert_eq!(
        body.as_str(),
        "loginName=login_name&loginPassword=login_password&orderNumber=order_number\
         &queryType=0&responseType=3&showValidityPeriod=Y&showExtStatus=Y&responseFormat=1\
         &showStatusDetails=Y"
    );
    // The sample read by name gives the same typed request.
    let read = CollectSslRequest::from_pairs(decoded(sample.trim_end())).unwrap();
    assert_eq!(read, req);
    let http = req.to_http(&BaseUrl::default()).unwrap();
    assert_eq!(
        http.url(),
        "https://secure.trust-provider.com/products/download/CollectSSL"
    );
    assert_eq!(http.body(), body.as_bytes());
}

/// DIGEST §6.6 DV example (PDF §5.1).
fn dv_example() -> AutoApplyOrderRequest {
    let mut order = AutoApplyOrderRequest::ssl(
        pdf_creds(),
        488,
        365,
        ServerSoftware::Other,
        CSR_PLACEHOLDER,
    );
    order.dcv_email_address = Some("admin@sectigo.com".into());
    order
}

#[test]
fn dv_example_golden_body() {
    let order = dv_example();
    assert!(order.validate().is_empty());
    let http = order.to_http(&BaseUrl::default()).unwrap();
    assert_eq!(
        http.url(),
        "https://secure.trust-provider.com/products/!AutoApplyOrder"
    );
    assert_eq!(
        std::str::from_utf8(http.body()).unwrap(),
        "loginName=mypartnerusername&loginPassword=th15ISNOTas3ns%21blePassW0rd%21\
         &product=488&days=365&isCustomerValidated=N&serverSoftware=-1&csr=MIIB-placeholder\
         &dcvEmailAddress=admin%40sectigo.com"
    );
    assert_eq!(
        sorted(decoded(http.form().as_str())),
        sorted(
            [
                ("loginName", "mypartnerusername"),
                ("loginPassword", "th15ISNOTas3ns!blePassW0rd!"),
                ("isCustomerValidated", "N"),
                ("serverSoftware", "-1"),
                ("days", "365"),
                ("product", "488"),
                ("csr", CSR_PLACEHOLDER),
                ("dcvEmailAddress", "admin@sectigo.com"),
            ]
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
            .to_vec()
        )
    );
    // The same order through the AutoApplySSL path and the legacy host.
    let mut legacy = dv_example();
    legacy.path = ApplyPath::AutoApplySsl;
    let http = legacy.to_http(&BaseUrl::legacy()).unwrap();
    assert_eq!(
        http.url(),
        "https://secure.comodo.net/products/!AutoApplySSL"
    );
}

/// DIGEST §6.6 OV Multi-Domain example (PDF §5.2), with `postalCode` spelt correctly.
fn ov_mdc_example() -> AutoApplyOrderRequest {
    let mut order = AutoApplyOrderRequest::ssl(
        pdf_creds(),
        583,
        730,
        ServerSoftware::Other,
        CSR_PLACEHOLDER,
    );
    order.app_rep_email_address = Some("seniorstaffmember@sectigo.com".into());
    order.organization_name = Some("Sectigo".into());
    order.street_address1 = Some("5 Becker Farm Road".into());
    order.locality_name = Some("Roseland".into());
    order.state_or_province_name = Some("NJ".into());
    order.country_name = Some("US".into());
    order.postal_code = Some("07068".into());
    order.domain_names = Some(vec![
        "sectigo.com".into(),
        "www.sectigo.com".into(),
        "secure.sectigo.com".into(),
    ]);
    order.primary_domain_name = Some("sectigo.com".into());
    order.validation_tokens = Some(DcvTokens::All(DcvAllMethod::CnameCsrHash));
    order
}

#[test]
fn ov_mdc_example_golden_body() {
    let order = ov_mdc_example();
    assert_eq!(summary(&order.validate()), []);
    assert_eq!(
        order.to_form().as_str(),
        "loginName=mypartnerusername&loginPassword=th15ISNOTas3ns%21blePassW0rd%21\
         &product=583&days=730&isCustomerValidated=N&serverSoftware=-1&csr=MIIB-placeholder\
         &domainNames=sectigo.com%2Cwww.sectigo.com%2Csecure.sectigo.com\
         &primaryDomainName=sectigo.com&organizationName=Sectigo\
         &streetAddress1=5+Becker+Farm+Road&localityName=Roseland&stateOrProvinceName=NJ\
         &postalCode=07068&countryName=US&validationTokens=ALLCNAMECSRHASH\
         &appRepEmailAddress=seniorstaffmember%40sectigo.com"
    );
    // The PDF's own spelling, `potsalCode`, is an unrecognised argument (-2).
    let mut misspelt = ov_mdc_example();
    misspelt.postal_code = None;
    misspelt.extra.push(("potsalCode".into(), "07068".into()));
    assert_eq!(
        summary(&misspelt.validate()),
        [v(-2, "potsalCode", "unknown-parameter")]
    );
}

#[test]
fn ev_example_and_org_details_in_the_csr() {
    // PDF §5.3 (EV Pro 562) with a CSR whose subject carries O, street, L, ST and C: the
    // organisation parameters may then be left out.
    let mut order = AutoApplyOrderRequest::ssl(
        pdf_creds(),
        562,
        365,
        ServerSoftware::Other,
        CSR_FULL_SUBJECT,
    );
    order.app_rep_email_address = Some("seniorstaffmember@sectigo.com".into());
    order.app_rep_forename = Some("John".into());
    order.app_rep_surname = Some("Smith".into());
    assert_eq!(summary(&order.validate()), []);
    // A CSR with only a CN: every address parameter is required.
    order.csr = Some(CSR_CN_ONLY.into());
    assert_eq!(
        summary(&order.validate()),
        [
            v(-3, "organizationName", "missing"),
            v(-3, "streetAddress1", "missing"),
            v(-3, "localityName", "missing"),
            v(-3, "countryName", "missing"),
        ]
    );
    // Locality *or* state suffices (v3.2).
    order.organization_name = Some("Sectigo".into());
    order.street_address1 = Some("5 Becker Farm Road".into());
    order.state_or_province_name = Some("NJ".into());
    order.country_name = Some("US".into());
    assert_eq!(summary(&order.validate()), []);
    // The same CSR as bare base64 (no armour) is read as well.
    let bare: String = CSR_CN_ONLY
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    order.organization_name = None;
    order.csr = Some(bare);
    assert_eq!(
        summary(&order.validate()),
        [v(-3, "organizationName", "missing")]
    );
    // A DV certificate has no such rule.
    let dv = AutoApplyOrderRequest::ssl(pdf_creds(), 488, 365, ServerSoftware::Other, CSR_CN_ONLY);
    assert_eq!(summary(&dv.validate()), []);
}

#[test]
fn hackerguardian_examples() {
    // PDF §5.6: HackerGuardian Lite with an additional IP pack of 10.
    let mut order = AutoApplyOrderRequest::new(pdf_creds(), vec![586, 587, 356], 365);
    order.app_rep_email_address = Some("seniorstaffmember@sectigo.com".into());
    order.organization_name = Some("Sectigo".into());
    order.street_address1 = Some("5 Becker Farm Road".into());
    order.locality_name = Some("Roseland".into());
    order.country_name = Some("US".into());
    order.app_rep_login_name = Some("myhackerguardianusername".into());
    order.app_rep_forename = Some("John".into());
    order.app_rep_surname = Some("Smith".into());
    order.ip_addresses = Some(10);
    assert_eq!(summary(&order.validate()), []);
    let body = order.to_form();
    assert!(body.as_str().starts_with(
        "loginName=mypartnerusername&loginPassword=th15ISNOTas3ns%21blePassW0rd%21\
         &product=586%2C587%2C356&days=365&organizationName=Sectigo"
    ));
    assert!(
        body.as_str()
            .ends_with("&appRepLoginName=myhackerguardianusername&IP+Addresses=10")
    );
    let pairs = decoded(body.as_str());
    assert!(pairs.contains(&("IP Addresses".into(), "10".into())));

    // PDF §5.5 (HackerProof on HackerGuardian Standard): the password is a secret.
    let mut proof = AutoApplyOrderRequest::new(pdf_creds(), vec![346, 329], 365);
    proof.app_rep_email_address = Some("seniorstaffmember@sectigo.com".into());
    proof.app_rep_login_name = Some("myhackerguardianusername".into());
    proof.app_rep_login_password = Some(Secret::new("myhackerguardianpassword"));
    assert_eq!(summary(&proof.validate()), []);
    assert!(proof.to_form().as_str().ends_with(
        "&appRepLoginName=myhackerguardianusername&appRepLoginPassword=myhackerguardianpassword"
    ));
    assert!(!format!("{proof:?} {proof}").contains("myhackerguardianpassword"));
}

#[test]
fn code_signing_and_pac_examples() {
    // PDF §5.7: Code Signing with a CSR and the organisation details.
    let mut order = AutoApplyOrderRequest::new(pdf_creds(), vec![8], 365);
    order.app_rep_email_address = Some("seniorstaffmember@sectigo.com".into());
    order.organization_name = Some("Sectigo".into());
    order.street_address1 = Some("5 Becker Farm Road".into());
    order.locality_name = Some("Roseland".into());
    order.state_or_province_name = Some("NJ".into());
    order.postal_code = Some("07068".into());
    order.country_name = Some("US".into());
    order.app_rep_title = Some("mr".into());
    order.app_rep_forename = Some("John".into());
    order.app_rep_surname = Some("Smith".into());
    order.spkac = Some("MIIB-spkac".into());
    assert_eq!(summary(&order.validate()), []);
    // No key request at all, then two.
    order.spkac = None;
    assert_eq!(summary(&order.validate()), [v(-3, "csr", "missing-one-of")]);
    order.spkac = Some("MIIB-spkac".into());
    order.pkcs10 = Some(CSR_PLACEHOLDER.into());
    assert_eq!(
        summary(&order.validate()),
        [v(-4, "spkac", "more-than-one-of")]
    );
    // PDF §5.8: PAC 506 needs only the key request.
    let mut pac = AutoApplyOrderRequest::new(pdf_creds(), vec![506], 365);
    pac.contact_email_address = Some("seniorstaffmember@sectigo.com".into());
    pac.csr = Some(CSR_PLACEHOLDER.into());
    assert_eq!(summary(&pac.validate()), []);
}

// ---------------------------------------------------------------------------------------
// A golden body per endpoint, every parameter set (also proves the table order)
// ---------------------------------------------------------------------------------------

/// The names of a body, in order.
fn names(body: &FormBody) -> Vec<String> {
    decoded(body.as_str()).into_iter().map(|(n, _)| n).collect()
}

/// Every encoded name is in the endpoint's table, in table order.
fn assert_table_order(body: &FormBody, table: &[&str]) {
    let names = names(body);
    let positions: Vec<usize> = names
        .iter()
        .map(|n| {
            table
                .iter()
                .position(|t| t == n)
                .unwrap_or_else(|| panic!("{n} not in the table"))
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{names:?}");
}

#[test]
fn collect_ssl_golden_every_parameter() {
    let mut req = CollectSslRequest::by_certificate_id(
        creds(),
        "1234567890123456",
        CollectQueryType::CertificateAndChain,
    );
    req.response_type = Some(SslResponseType::Pkcs7);
    req.response_encoding = Some(ResponseEncoding::Binary);
    req.show_validity_period = Some(true);
    req.show_fqdn = Some(false);
    req.show_ext_status = Some(true);
    req.response_format = Some(ResponseFormat::Newline);
    req.show_mdc_domain_details = Some(true);
    req.show_mdc_domain_details2 = Some(false);
    req.show_status_details = Some(true);
    req.behaviour_version = Some(2);
    req.extra.push(("showFutureThing".into(), "Y".into()));
    req.allow_unknown_parameters = true;
    assert!(req.validate().is_empty());
    let body = req.to_form();
    assert_eq!(
        body.as_str(),
        "loginName=reseller&loginPassword=s3cret&certificateID=1234567890123456&queryType=1\
         &responseType=2&responseEncoding=1&showValidityPeriod=Y&showFQDN=N&showExtStatus=Y\
         &responseFormat=0&showMDCDomainDetails=Y&showMDCDomainDetails2=N&showStatusDetails=Y\
         &behaviourVersion=2&showFutureThing=Y"
    );
    let mut typed = req.clone();
    typed.extra.clear();
    assert_table_order(&typed.to_form(), CollectSslRequest::PARAMETERS);
    assert_eq!(CollectSslRequest::PARAMETERS.len(), 16);
}

#[test]
fn collect_pac_and_smime_golden() {
    let mut pac =
        CollectPacRequest::with_login(creds(), "7654321", CollectQueryType::CertificateAndChain);
    pac.response_type = Some(PacResponseType::Cmmf);
    pac.response_encoding = Some(ResponseEncoding::JavaScript);
    pac.response_mime_type = Some("application/x-javascript".into());
    pac.show_validity_period = Some(true);
    assert!(pac.validate().is_empty());
    assert_eq!(
        pac.to_form().as_str(),
        "loginName=reseller&loginPassword=s3cret&orderNumber=7654321&queryType=1\
         &responseType=4&responseEncoding=2&responseMimeType=application%2Fx-javascript\
         &showValidityPeriod=Y"
    );
    assert_table_order(&pac.to_form(), CollectPacRequest::PARAMETERS);
    let http = pac.to_http(&BaseUrl::default()).unwrap();
    assert_eq!(
        http.url(),
        "https://secure.trust-provider.com/products/download/CollectPAC"
    );

    let mut smime = CollectSmimeRequest::with_collection_code(
        "AbCdEf0123456789",
        CollectQueryType::Certificate,
    );
    smime.response_type = Some(PacResponseType::Individual);
    smime.response_encoding = Some(ResponseEncoding::Base64);
    smime.show_validity_period = Some(false);
    assert!(smime.validate().is_empty());
    assert_eq!(
        smime.to_form().as_str(),
        "collectionCode=AbCdEf0123456789&queryType=2&responseType=3&responseEncoding=0\
         &showValidityPeriod=N"
    );
    assert_eq!(
        smime.to_form().redacted(),
        "collectionCode=<redacted>&queryType=2&responseType=3&responseEncoding=0\
         &showValidityPeriod=N"
    );
    let http = smime
        .to_http(&BaseUrl::new("http://secure.trust-provider.com/products/").unwrap())
        .unwrap();
    assert_eq!(
        http.url(),
        "http://secure.trust-provider.com/products/download/CollectSMIME"
    );
}

#[test]
fn order_status_golden() {
    let mut req =
        OrderStatusRequest::by_certificate_id(creds(), "987654", OrderStatusQueryType::Detailed);
    req.show_validity_period = Some(true);
    req.response_format = Some(ResponseFormat::UrlEncoded);
    assert!(req.validate().is_empty());
    assert_eq!(
        req.to_form().as_str(),
        "loginName=reseller&loginPassword=s3cret&certificateID=987654&queryType=1\
         &showValidityPeriod=Y&responseFormat=1"
    );
    assert_table_order(&req.to_form(), OrderStatusRequest::PARAMETERS);
    assert_eq!(
        req.to_http(&BaseUrl::default()).unwrap().url(),
        "https://secure.trust-provider.com/products/!GetDetailedOrderStatus"
    );
}

#[test]
fn auto_revoke_golden() {
    let mut req = AutoRevokeSslRequest::by_serial_number(creds(), "00C0FFEE");
    req.revocation_reason = Some("Key on a stolen laptop".into());
    req.code_reason = Some(RevocationReason::KeyCompromise);
    req.test = Some(true);
    req.response_format = Some(ResponseFormat::UrlEncoded);
    assert!(req.validate().is_empty());
    assert_eq!(
        req.to_form().as_str(),
        "loginName=reseller&loginPassword=s3cret&serialNumber=00C0FFEE\
         &revocationReason=Key+on+a+stolen+laptop&codeReason=1&test=Y&responseFormat=1"
    );
    assert_table_order(&req.to_form(), AutoRevokeSslRequest::PARAMETERS);
    assert_eq!(
        req.to_http(&BaseUrl::default()).unwrap().url(),
        "https://secure.trust-provider.com/products/!AutoRevokeSSL"
    );
}

#[test]
fn auto_refund_and_account_balance_golden() {
    let refund = AutoRefundRequest::new(creds(), "1234567repl#1", RefundReason::Other);
    assert!(refund.validate().is_empty());
    assert_eq!(
        refund.to_form().as_str(),
        "loginName=reseller&loginPassword=s3cret&orderNumber=1234567repl%231&refundReasonCode=11"
    );
    assert_eq!(
        refund.to_http(&BaseUrl::default()).unwrap().url(),
        "https://secure.trust-provider.com/products/!AutoRefund"
    );
    let mut balance = AccountBalanceRequest::new(creds());
    assert_eq!(
        balance.to_form().as_str(),
        "loginName=reseller&loginPassword=s3cret"
    );
    balance.response_format = Some(ResponseFormat::Newline);
    assert_eq!(
        balance.to_form().as_str(),
        "loginName=reseller&loginPassword=s3cret&responseFormat=0"
    );
    assert_eq!(
        balance.to_http(&BaseUrl::default()).unwrap().url(),
        "https://secure.trust-provider.com/products/!getAccountBalance"
    );
}

#[test]
fn auto_replace_golden() {
    let mut req = AutoReplaceSslRequest::new(creds(), "1234567");
    req.exact_order = Some(true);
    req.server_software = Some(ServerSoftware::Aol); // the legacy list is AutoReplaceSSL's
    req.domain_names = Some(vec!["a.example.com".into(), "b.example.com".into()]);
    req.primary_domain_name = Some("b.example.com".into());
    req.max_subject_cns = Some(1);
    req.csr = Some(CSR_CN_ONLY.into());
    req.dcv_method = Some(DcvMethod::Email);
    req.dcv_email_address = Some("admin@example.com".into());
    req.dcv_email_addresses = Some(DcvTokens::PerDomain(vec![
        DcvToken::Email("admin@a.example.com".into()),
        DcvToken::HttpCsrHash,
    ]));
    req.unique_value = Some("abc123".into());
    req.show_certificate_id = Some(true);
    req.response_format = Some(ResponseFormat::UrlEncoded);
    assert_eq!(summary(&req.validate()), []);
    let body = req.to_form();
    assert_table_order(&body, AutoReplaceSslRequest::PARAMETERS);
    assert_eq!(names(&body), AutoReplaceSslRequest::PARAMETERS);
    let pairs = decoded(body.as_str());
    assert_eq!(
        pairs[5],
        ("domainNames".into(), "a.example.com,b.example.com".into())
    );
    assert_eq!(pairs[8], ("csr".into(), CSR_CN_ONLY.into()));
    assert_eq!(
        pairs[11],
        (
            "dcvEmailAddresses".into(),
            "admin@a.example.com,HTTPCSRHASH".into()
        )
    );
    assert_eq!(
        req.to_http(&BaseUrl::default()).unwrap().url(),
        "https://secure.trust-provider.com/products/!AutoReplaceSSL"
    );
}

/// An AutoApplyOrder request with every typed parameter set to a valid value.
fn full_order() -> AutoApplyOrderRequest {
    let mut o =
        AutoApplyOrderRequest::ssl(creds(), 583, 365, ServerSoftware::Nginx, CSR_FULL_SUBJECT);
    o.pkcs10 = None;
    o.domain_names = Some(vec![
        "sectigo.example.com".into(),
        "www.sectigo.example.com".into(),
    ]);
    o.primary_domain_name = Some("sectigo.example.com".into());
    o.max_subject_cns = Some(1);
    o.unique_value = Some("U1".into());
    o.prioritise_csr_values = Some(false);
    o.organization_name = Some("Sectigo Test".into());
    o.organizational_unit_name = Some("IT".into());
    o.post_office_box = Some("PO 1".into());
    o.street_address1 = Some("5 Becker Farm Road".into());
    o.street_address2 = Some("Suite 1".into());
    o.street_address3 = Some("Floor 2".into());
    o.locality_name = Some("Roseland".into());
    o.state_or_province_name = Some("New Jersey".into());
    o.postal_code = Some("07068".into());
    o.country_name = Some("US".into());
    o.duns_number = Some("123456789".into());
    o.company_number = Some("C-1".into());
    o.joi_locality_name = Some("Roseland".into());
    o.joi_state_or_province_name = Some("New Jersey".into());
    o.joi_country_name = Some("US".into());
    o.date_of_incorporation = Some("2000-02-29".into());
    o.assumed_name = Some("Sectigo".into());
    o.business_category = Some(BusinessCategory::PrivateOrganization);
    o.email_address = Some("none".into());
    o.validation_email_address = Some("v@example.com".into());
    o.contact_email_address = Some("c@example.com".into());
    o.dcv_method = Some(DcvMethod::CnameCsrHash);
    o.dcv_email_address = Some("admin@sectigo.example.com".into());
    o.validation_tokens = Some(DcvTokens::PerDomain(vec![
        DcvToken::CnameCsrHash,
        DcvToken::Email("admin@sectigo.example.com".into()),
    ]));
    o.dcv_template_id = Some("12".into());
    o.ca_certificate_id = Some("34".into());
    o.show_certificate_id = Some(true);
    o.show_certificate_state = Some(true);
    o.foreign_order_number = Some("PO-2024-1".into());
    o.check_fon_is_unique = Some(true);
    o.response_format = Some(ResponseFormat::UrlEncoded);
    o.test = Some(true);
    o.ida_email_address = Some("ida@example.com".into());
    o.ida_telephone_number = Some("+1 555 0100".into());
    o.ida_fax_number = Some("+1 555 0101".into());
    o.app_rep_forename = Some("John".into());
    o.app_rep_surname = Some("Smith".into());
    o.app_rep_email_address = Some("john@example.com".into());
    o.app_rep_telephone = Some("+1 555 0102".into());
    o.app_rep_title = Some("CTO".into());
    o.app_rep_fax = Some("+1 555 0103".into());
    o.app_rep_organization_name = Some("Agent Inc".into());
    o.app_rep_organizational_unit_name = Some("Legal".into());
    o.app_rep_street_address1 = Some("1 Main St".into());
    o.app_rep_street_address2 = Some("Unit 2".into());
    o.app_rep_street_address3 = Some("Block 3".into());
    o.app_rep_post_office_box = Some("PO 9".into());
    o.app_rep_locality_name = Some("Newark".into());
    o.app_rep_state_or_province_name = Some("New Jersey".into());
    o.app_rep_postal_code = Some("07102".into());
    o.app_rep_country_name = Some("US".into());
    o.callback_method = Some(CallbackMethod::Telephone);
    o.is_app_rep_validated = Some(true);
    o.is_callback_completed = Some(true);
    o.omit_additional_fqdn = Some(true);
    o.app_rep_login_name = Some("hguser".into());
    o.app_rep_login_password = Some(Secret::new("hgpass"));
    o.ip_addresses = Some(5);
    o.previous_order_number = None;
    o.include_individual = Some(false);
    o.offer_type = Some(OfferType::Expedited);
    o.ignore_master_account = Some(true);
    o.disable_swp = Some(true);
    o.smart_card_based = Some(false);
    o.private_key_filename = Some("key.pvk".into());
    o.csp_name = Some("Microsoft Enhanced Cryptographic Provider v1.0".into());
    o.is_key_protected = Some(false);
    o.is_key_exportable = Some(false);
    o.show_collection_code = Some(false);
    o
}

#[test]
fn auto_apply_order_every_parameter_in_table_order() {
    let mut o = full_order();
    assert_eq!(summary(&o.validate()), []);
    // pkcs10, spkac and previousOrderNumber are not set above (they would be violations for
    // a TLS certificate), nor is dcvEmailAddresses (it excludes validationTokens); set them
    // for the order check only.
    o.pkcs10 = Some("P".into());
    o.spkac = Some("S".into());
    o.previous_order_number = Some("1".into());
    o.dcv_email_addresses = Some(DcvTokens::All(DcvAllMethod::HttpCsrHash));
    let body = o.to_form();
    assert_eq!(names(&body), AutoApplyOrderRequest::PARAMETERS);
    let pairs = decoded(body.as_str());
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .unwrap()
    };
    assert_eq!(get("product"), "583");
    assert_eq!(get("serverSoftware"), "36");
    assert_eq!(get("businessCategory"), "b");
    assert_eq!(get("dcvMethod"), "CNAME_CSR_HASH");
    assert_eq!(
        get("validationTokens"),
        "CNAMECSRHASH,admin@sectigo.example.com"
    );
    assert_eq!(get("callbackMethod"), "T");
    assert_eq!(get("offerType"), "23");
    assert_eq!(get("IP Addresses"), "5");
    assert_eq!(get("SmartCardBased"), "N");
    assert_eq!(get("appRepLoginPassword"), "hgpass");
    assert!(body.as_str().contains("&IP+Addresses=5&"));
    assert!(body.redacted().contains("&appRepLoginPassword=<redacted>&"));
    assert!(body.redacted().contains("&loginPassword=<redacted>&"));
    assert_eq!(AutoApplyOrderRequest::PARAMETERS.len(), 84);
}

// ---------------------------------------------------------------------------------------
// Shared rules: credentials, lengths, extra parameters, transport
// ---------------------------------------------------------------------------------------

#[test]
fn credentials_are_required_and_bounded_in_characters() {
    let mut req = AccountBalanceRequest::new(Credentials::new("", ""));
    assert_eq!(
        summary(&req.validate()),
        [
            v(-3, "loginName", "missing"),
            v(-3, "loginPassword", "missing")
        ]
    );
    // 64 and 128 characters are allowed, one more is not; characters, not bytes.
    req.credentials = Credentials::new("é".repeat(64), "ß".repeat(128));
    assert_eq!(summary(&req.validate()), []);
    req.credentials = Credentials::new("é".repeat(65), "ß".repeat(129));
    assert_eq!(
        summary(&req.validate()),
        [
            v(-4, "loginName", "too-long"),
            v(-4, "loginPassword", "too-long")
        ]
    );
    assert_eq!(req.validate()[0].rule, Rule::TooLong { max: 64 });
    assert_eq!(req.validate()[1].rule, Rule::TooLong { max: 128 });
}

#[test]
fn extra_parameters_are_checked_against_the_table() {
    let mut req = CollectSslRequest::by_order_number(creds(), "1", CollectQueryType::StatusOnly);
    req.extra = vec![
        ("futureFlag".into(), "Y".into()),
        ("QUERYTYPE".into(), "1".into()),
        ("futureFlag".into(), "N".into()),
        (String::new(), "x".into()),
    ];
    assert_eq!(
        summary(&req.validate()),
        [
            v(-2, "futureFlag", "unknown-parameter"),
            v(-4, "QUERYTYPE", "shadows-typed-field"),
            v(-2, "futureFlag", "unknown-parameter"),
            v(-4, "futureFlag", "repeated-parameter"),
            v(-2, "", "unknown-parameter"),
        ]
    );
    // Opting out keeps only the empty name, which can never be a parameter.
    req.allow_unknown_parameters = true;
    assert_eq!(summary(&req.validate()), [v(-2, "", "unknown-parameter")]);
    req.extra.pop();
    assert_eq!(summary(&req.validate()), []);
    assert!(
        req.to_form()
            .as_str()
            .ends_with("&queryType=0&futureFlag=Y&QUERYTYPE=1&futureFlag=N")
    );

    // Documented but untyped (`years`, deprecated) and aliases (`pvkFilename`).
    let mut order = dv_example();
    order.extra.push(("Years".into(), "1".into()));
    assert_eq!(summary(&order.validate()), []);
    order.extra.push(("pvkFilename".into(), "k.pvk".into()));
    assert_eq!(
        summary(&order.validate()),
        [v(-4, "pvkFilename", "shadows-typed-field")]
    );
}

#[test]
fn plain_http_only_for_collection_codes() {
    let http = BaseUrl::new("http://secure.trust-provider.com/products/").unwrap();
    let ssl = CollectSslRequest::by_order_number(creds(), "1", CollectQueryType::StatusOnly);
    let err = ssl.to_http(&http).unwrap_err();
    assert_eq!(summary(err.as_slice()), [v(-1, "", "insecure-transport")]);
    assert!(ssl.to_http(&BaseUrl::default()).is_ok());

    let by_code = CollectPacRequest::with_collection_code("c0de", CollectQueryType::StatusOnly);
    assert!(by_code.to_http(&http).is_ok());
    let by_login = CollectPacRequest::with_login(creds(), "1", CollectQueryType::StatusOnly);
    assert_eq!(
        summary(by_login.to_http(&http).unwrap_err().as_slice()),
        [v(-1, "", "insecure-transport")]
    );
    // Violations and -1 together.
    let mut bad = by_login.clone();
    bad.order_number = None;
    assert_eq!(
        summary(bad.to_http(&http).unwrap_err().as_slice()),
        [
            v(-3, "orderNumber", "missing"),
            v(-1, "", "insecure-transport")
        ]
    );
}

// ---------------------------------------------------------------------------------------
// CollectSSL
// ---------------------------------------------------------------------------------------

#[test]
fn collect_ssl_exactly_one_order_reference() {
    let mut req = CollectSslRequest::new(creds(), CollectQueryType::StatusOnly);
    assert_eq!(
        summary(&req.validate()),
        [v(-3, "orderNumber", "missing-one-of")]
    );
    req.order_number = Some("1".into());
    assert_eq!(summary(&req.validate()), []);
    req.certificate_id = Some("2".into());
    req.base_order_number = Some("3".into());
    assert_eq!(
        summary(&req.validate()),
        [
            v(-4, "certificateID", "more-than-one-of"),
            v(-4, "baseOrderNumber", "more-than-one-of"),
        ]
    );
    let by_base =
        CollectSslRequest::by_base_order_number(creds(), "3", CollectQueryType::StatusOnly);
    assert_eq!(summary(&by_base.validate()), []);
}

#[test]
fn collect_ssl_identifier_syntax() {
    let mut req =
        CollectSslRequest::by_certificate_id(creds(), "1".repeat(16), CollectQueryType::StatusOnly);
    assert_eq!(summary(&req.validate()), []);
    req.certificate_id = Some("1".repeat(17));
    assert_eq!(
        summary(&req.validate()),
        [v(-4, "certificateID", "too-long")]
    );
    req.certificate_id = Some("12a".into());
    assert_eq!(
        summary(&req.validate()),
        [v(-4, "certificateID", "malformed")]
    );
    req.certificate_id = Some(String::new());
    assert_eq!(
        summary(&req.validate()),
        [v(-3, "certificateID", "missing")]
    );
    let mut req =
        CollectSslRequest::by_order_number(creds(), "x".repeat(128), CollectQueryType::StatusOnly);
    assert_eq!(summary(&req.validate()), []);
    req.order_number = Some("x".repeat(129));
    assert_eq!(summary(&req.validate()), [v(-4, "orderNumber", "too-long")]);
}

#[test]
fn collect_ssl_response_type_and_encoding_rules() {
    let base = |qt| CollectSslRequest::by_order_number(creds(), "1", qt);
    // responseType 0/1/2 needs queryType=1.
    for rt in [
        SslResponseType::Zip,
        SslResponseType::NetscapeSequence,
        SslResponseType::Pkcs7,
    ] {
        let mut req = base(CollectQueryType::StatusOnly);
        req.response_type = Some(rt);
        assert_eq!(
            summary(&req.validate()),
            [v(-4, "responseType", "requires")]
        );
        req.query_type = CollectQueryType::CertificateAndChain;
        assert_eq!(summary(&req.validate()), []);
    }
    let mut req = base(CollectQueryType::CaBundle);
    req.response_type = Some(SslResponseType::Individual);
    assert_eq!(summary(&req.validate()), []);
    // responseEncoding=1 needs queryType=1 and responseType 0 or 2, given explicitly.
    let mut req = base(CollectQueryType::CertificateAndChain);
    req.response_encoding = Some(ResponseEncoding::Binary);
    assert_eq!(
        summary(&req.validate()),
        [v(-4, "responseEncoding", "requires")]
    );
    req.response_type = Some(SslResponseType::Individual);
    assert_eq!(
        summary(&req.validate()),
        [v(-4, "responseEncoding", "requires")]
    );
    req.response_type = Some(SslResponseType::Zip);
    assert_eq!(summary(&req.validate()), []);
    req.query_type = CollectQueryType::Certificate;
    assert_eq!(
        summary(&req.validate()),
        [
            v(-4, "responseType", "requires"),
            v(-4, "responseEncoding", "requires")
        ]
    );
    // No JavaScript encoding and no JSON on CollectSSL.
    let mut req = base(CollectQueryType::StatusOnly);
    req.response_encoding = Some(ResponseEncoding::JavaScript);
    req.response_format = Some(ResponseFormat::Json);
    assert_eq!(
        summary(&req.validate()),
        [
            v(-4, "responseEncoding", "not-allowed"),
            v(-4, "responseFormat", "not-allowed")
        ]
    );
    req.response_encoding = Some(ResponseEncoding::Base64);
    req.response_format = Some(ResponseFormat::UrlEncoded);
    assert_eq!(summary(&req.validate()), []);
}

// ---------------------------------------------------------------------------------------
// CollectPAC / CollectSMIME
// ---------------------------------------------------------------------------------------

#[test]
fn collect_pac_collection_code_or_login_triple() {
    let mut req = CollectPacRequest::new(CollectQueryType::StatusOnly);
    assert_eq!(
        summary(&req.validate()),
        [v(-3, "collectionCode", "missing-one-of")]
    );
    req.collection_code = Some(Secret::new("c".repeat(16)));
    assert_eq!(summary(&req.validate()), []);
    req.collection_code = Some(Secret::new("c".repeat(17)));
    assert_eq!(
        summary(&req.validate()),
        [v(-4, "collectionCode", "too-long")]
    );
    req.collection_code = Some(Secret::new(""));
    assert_eq!(
        summary(&req.validate()),
        [v(-3, "collectionCode", "missing")]
    );
    req.collection_code = Some(Secret::new("code"));
    req.credentials = Some(creds());
    req.order_number = Some("1".into());
    assert_eq!(
        summary(&req.validate()),
        [
            v(-4, "loginName", "conflict"),
            v(-4, "orderNumber", "conflict")
        ]
    );
    req.collection_code = None;
    assert_eq!(summary(&req.validate()), []);
    req.order_number = None;
    assert_eq!(summary(&req.validate()), [v(-3, "orderNumber", "missing")]);
    req.order_number = Some("1".into());
    req.credentials = None;
    assert_eq!(
        summary(&req.validate()),
        [
            v(-3, "loginName", "missing"),
            v(-3, "loginPassword", "missing")
        ]
    );
}

#[test]
fn collect_pac_response_rules() {
    let base = || CollectPacRequest::with_login(creds(), "1", CollectQueryType::StatusOnly);
    for rt in [
        PacResponseType::NetscapeSequence,
        PacResponseType::Pkcs7,
        PacResponseType::Cmmf,
    ] {
        let mut req = base();
        req.response_type = Some(rt);
        assert_eq!(
            summary(&req.validate()),
            [v(-4, "responseType", "requires")]
        );
        req.query_type = CollectQueryType::CertificateAndChain;
        assert_eq!(summary(&req.validate()), []);
    }
    let mut req = base();
    req.query_type = CollectQueryType::CertificateAndChain;
    req.response_encoding = Some(ResponseEncoding::Binary);
    req.response_type = Some(PacResponseType::NetscapeSequence);
    assert_eq!(
        summary(&req.validate()),
        [v(-4, "responseEncoding", "requires")]
    );
    req.response_type = Some(PacResponseType::Pkcs7);
    assert_eq!(summary(&req.validate()), []);
    req.response_mime_type = Some("x".repeat(256));
    assert_eq!(
        summary(&req.validate()),
        [v(-4, "responseMimeType", "too-long")]
    );
    req.response_mime_type = Some("x".repeat(255));
    assert_eq!(summary(&req.validate()), []);
    // JavaScript: CollectPAC yes, CollectSMIME no (UNCONFIRMED).
    let mut pac = base();
    pac.response_encoding = Some(ResponseEncoding::JavaScript);
    assert_eq!(summary(&pac.validate()), []);
    let mut smime = CollectSmimeRequest::with_login(creds(), "1", CollectQueryType::StatusOnly);
    smime.response_encoding = Some(ResponseEncoding::JavaScript);
    assert_eq!(
        summary(&smime.validate()),
        [v(-4, "responseEncoding", "not-allowed")]
    );
    // CollectSMIME has no responseMimeType.
    smime.response_encoding = None;
    smime
        .extra
        .push(("responseMimeType".into(), "text/plain".into()));
    assert_eq!(
        summary(&smime.validate()),
        [v(-2, "responseMimeType", "unknown-parameter")]
    );
}

// ---------------------------------------------------------------------------------------
// GetDetailedOrderStatus, AutoRevokeSSL, AutoRefund, getAccountBalance, AutoReplaceSSL
// ---------------------------------------------------------------------------------------

#[test]
fn order_status_rules() {
    let mut req = OrderStatusRequest::new(creds(), OrderStatusQueryType::StatusOnly);
    assert_eq!(
        summary(&req.validate()),
        [v(-3, "orderNumber", "missing-one-of")]
    );
    req.order_number = Some("1".into());
    req.certificate_id = Some("2".into());
    assert_eq!(
        summary(&req.validate()),
        [v(-4, "certificateID", "more-than-one-of")]
    );
    req.certificate_id = None;
    req.response_format = Some(ResponseFormat::Newline);
    assert_eq!(
        summary(&req.validate()),
        [v(-4, "responseFormat", "not-allowed")]
    );
    for ok in [ResponseFormat::UrlEncoded, ResponseFormat::Json] {
        req.response_format = Some(ok);
        assert_eq!(summary(&req.validate()), []);
    }
}

#[test]
fn auto_revoke_rules() {
    let mut req = AutoRevokeSslRequest::new(creds());
    assert_eq!(
        summary(&req.validate()),
        [v(-3, "orderNumber", "missing-one-of")]
    );
    req.order_number = Some("1".into());
    req.serial_number = Some("0a".into());
    assert_eq!(
        summary(&req.validate()),
        [v(-4, "serialNumber", "more-than-one-of")]
    );
    req.order_number = None;
    assert_eq!(summary(&req.validate()), []);
    req.serial_number = Some("0A:1B".into());
    assert_eq!(
        summary(&req.validate()),
        [v(-4, "serialNumber", "malformed")]
    );
    req.serial_number = Some("f".repeat(35));
    assert_eq!(
        summary(&req.validate()),
        [v(-4, "serialNumber", "too-long")]
    );
    req.serial_number = Some("f".repeat(34));
    assert_eq!(summary(&req.validate()), []);
    req.revocation_reason = Some("r".repeat(1025));
    assert_eq!(
        summary(&req.validate()),
        [v(-4, "revocationReason", "too-long")]
    );
    req.revocation_reason = Some("r".repeat(1024));
    req.response_format = Some(ResponseFormat::Json);
    assert_eq!(
        summary(&req.validate()),
        [v(-4, "responseFormat", "not-allowed")]
    );
    req.response_format = Some(ResponseFormat::Newline);
    assert_eq!(summary(&req.validate()), []);
}

#[test]
fn refund_balance_replace_rules() {
    let mut refund = AutoRefundRequest::new(creds(), "", RefundReason::BetterPrice);
    assert_eq!(
        summary(&refund.validate()),
        [v(-3, "orderNumber", "missing")]
    );
    refund.order_number = "1".into();
    assert_eq!(summary(&refund.validate()), []);

    let mut balance = AccountBalanceRequest::new(creds());
    balance.response_format = Some(ResponseFormat::Json);
    assert_eq!(
        summary(&balance.validate()),
        [v(-4, "responseFormat", "not-allowed")]
    );
    // The documented escape hatch: an extra parameter with allow_unknown_parameters.
    balance.response_format = None;
    balance.extra.push(("responseFormat".into(), "2".into()));
    assert_eq!(
        summary(&balance.validate()),
        [v(-4, "responseFormat", "shadows-typed-field")]
    );
    balance.allow_unknown_parameters = true;
    assert_eq!(summary(&balance.validate()), []);

    let mut replace = AutoReplaceSslRequest::new(creds(), "");
    assert_eq!(
        summary(&replace.validate()),
        [v(-3, "orderNumber", "missing")]
    );
    replace.order_number = "1".into();
    replace.csr = Some("c".repeat(32768));
    assert_eq!(summary(&replace.validate()), [v(-4, "csr", "too-long")]);
    replace.csr = Some("c".repeat(32767));
    assert_eq!(summary(&replace.validate()), []);
    replace.max_subject_cns = Some(1);
    assert_eq!(
        summary(&replace.validate()),
        [v(-3, "primaryDomainName", "requires")]
    );
}

// ---------------------------------------------------------------------------------------
// AutoApplyOrder
// ---------------------------------------------------------------------------------------

#[test]
fn product_combinations() {
    let mut order = dv_example();
    order.products = vec![];
    assert_eq!(summary(&order.validate()), [v(-3, "product", "missing")]);
    type Case<'a> = (&'a [u32], Option<(i32, &'a str)>);
    let cases: &[Case<'_>] = &[
        (&[488], None),
        (&[488, 36], Some((-4, "product-trustlogo-needs-ov-ev"))),
        (
            &[488, 577],
            Some((-81, "product-etoken-needs-document-signing")),
        ),
        (&[488, 316], Some((-4, "product-multiple-main-products"))),
        (&[488, 488], Some((-4, "product-duplicate-code"))),
        (&[999_999], Some((-4, "product-unknown-code"))),
    ];
    for (codes, expected) in cases {
        order.products = codes.to_vec();
        let found: Vec<(i32, String, String)> = summary(&order.validate())
            .into_iter()
            .filter(|(_, p, _)| p == "product")
            .collect();
        match expected {
            None => assert_eq!(found, [], "{codes:?}"),
            Some((code, id)) => assert_eq!(found, [v(*code, "product", id)], "{codes:?}"),
        }
    }
    // The rule carries the typed problem.
    order.products = vec![488, 36];
    assert_eq!(
        order.validate()[0].rule,
        Rule::Product(CombinationProblem::TrustLogoNeedsOvEv)
    );
    // TrustLogo on OV: fine.
    let mut ov = ov_mdc_example();
    ov.products = vec![583, 36];
    assert_eq!(summary(&ov.validate()), []);
    // HackerGuardian: incomplete pair, IP pack on the trial.
    let mut hg = AutoApplyOrderRequest::new(creds(), vec![586], 365);
    hg.app_rep_email_address = Some("a@example.com".into());
    hg.app_rep_login_name = Some("hg".into());
    assert_eq!(
        summary(&hg.validate()),
        [v(-4, "product", "product-incomplete-pair")]
    );
    hg.products = vec![341, 356];
    hg.ip_addresses = Some(1);
    assert_eq!(
        summary(&hg.validate()),
        [v(-58, "product", "product-ip-pack-on-trial")]
    );
    // Document signing with eToken and shipping.
    let mut doc = AutoApplyOrderRequest::new(creds(), vec![706, 577, 163], 365);
    doc.offer_type = Some(OfferType::International);
    assert_eq!(summary(&doc.validate()), []);
}

#[test]
fn days_must_be_offered_for_the_product() {
    let mut order = dv_example();
    order.days = 30;
    let found = order.validate();
    assert_eq!(summary(&found), [v(-115, "days", "days-not-offered")]);
    assert!(found[0].message.contains("90, 365, 730, 1095, 1461, 1826"));
    order.products = vec![291]; // the 30-day trial
    assert_eq!(summary(&order.validate()), []);
    order.days = 0;
    assert_eq!(summary(&order.validate()), [v(-4, "days", "malformed")]);
    // Licences have no documented list: not checked.
    let mut cg = AutoApplyOrderRequest::new(creds(), vec![700], 45);
    cg.app_rep_email_address = Some("a@example.com".into());
    assert_eq!(summary(&cg.validate()), []);
}

#[test]
fn tls_orders_need_csr_server_software_and_customer_flag() {
    let mut order = AutoApplyOrderRequest::new(creds(), vec![488], 365);
    assert_eq!(
        summary(&order.validate()),
        [
            v(-3, "csr", "missing"),
            v(-3, "isCustomerValidated", "missing"),
            v(-3, "serverSoftware", "missing"),
        ]
    );
    order.csr = Some("c".repeat(32767));
    order.is_customer_validated = Some(false);
    order.server_software = Some(ServerSoftware::Iis7AndLater);
    assert_eq!(summary(&order.validate()), []);
    order.csr = Some("c".repeat(32768));
    order.server_software = Some(ServerSoftware::Aol); // legacy list only
    assert_eq!(
        summary(&order.validate()),
        [
            v(-4, "csr", "too-long"),
            v(-4, "serverSoftware", "not-allowed")
        ]
    );
    // Licences need none of that.
    let mut cg = AutoApplyOrderRequest::new(creds(), vec![701], 365);
    assert_eq!(
        summary(&cg.validate()),
        [v(-3, "appRepEmailAddress", "missing")]
    );
    cg.app_rep_email_address = Some("a@example.com".into());
    assert_eq!(summary(&cg.validate()), []);
}

#[test]
fn callback_and_subject_cn_rules() {
    let mut order = ov_mdc_example();
    order.is_callback_completed = Some(true);
    assert_eq!(
        summary(&order.validate()),
        [v(-4, "isCallbackCompleted", "requires")]
    );
    order.is_app_rep_validated = Some(false);
    assert_eq!(
        summary(&order.validate()),
        [v(-4, "isCallbackCompleted", "requires")]
    );
    order.is_app_rep_validated = Some(true);
    assert_eq!(summary(&order.validate()), []);
    order.is_callback_completed = Some(false);
    order.is_app_rep_validated = None;
    assert_eq!(summary(&order.validate()), []);

    order.max_subject_cns = Some(1);
    assert_eq!(summary(&order.validate()), []);
    order.primary_domain_name = None;
    assert_eq!(
        summary(&order.validate()),
        [v(-3, "primaryDomainName", "requires")]
    );
    order.max_subject_cns = Some(0);
    assert_eq!(summary(&order.validate()), []);
    order.max_subject_cns = Some(2);
    assert_eq!(
        summary(&order.validate()),
        [v(-4, "maxSubjectCNs", "not-allowed")]
    );
    order.max_subject_cns = None;

    order.primary_domain_name = Some("other.sectigo.com".into());
    assert_eq!(
        summary(&order.validate()),
        [v(-4, "primaryDomainName", "requires")]
    );
    order.primary_domain_name = Some("WWW.Sectigo.com".into()); // DNS names are case-insensitive
    assert_eq!(summary(&order.validate()), []);
    order.primary_domain_name = Some("p".repeat(65));
    order.domain_names = None;
    assert_eq!(
        summary(&order.validate()),
        [v(-4, "primaryDomainName", "too-long")]
    );
    order.primary_domain_name = Some("p".repeat(64));
    assert_eq!(summary(&order.validate()), []);
    order.domain_names = Some(vec![
        "a.example.com".into(),
        "b.example.com c.example.com".into(),
    ]);
    order.primary_domain_name = None;
    assert_eq!(
        summary(&order.validate()),
        [v(-4, "domainNames", "malformed")]
    );
    order.domain_names = Some(vec![]);
    assert_eq!(
        summary(&order.validate()),
        [v(-4, "domainNames", "malformed")]
    );
}

#[test]
fn dcv_lists() {
    let mut order = ov_mdc_example();
    order.dcv_email_addresses = Some(DcvTokens::All(DcvAllMethod::HttpCsrHash));
    assert_eq!(
        summary(&order.validate()),
        [v(-4, "validationTokens", "conflict")]
    );
    order.validation_tokens = None;
    assert_eq!(summary(&order.validate()), []);
    // One entry per domain (three domains).
    order.dcv_email_addresses = Some(DcvTokens::PerDomain(vec![
        DcvToken::Email("admin@sectigo.com".into()),
        DcvToken::HttpCsrHash,
    ]));
    assert_eq!(
        summary(&order.validate()),
        [v(-4, "dcvEmailAddresses", "requires")]
    );
    order.dcv_email_addresses = Some(DcvTokens::PerDomain(vec![
        DcvToken::Email("admin@sectigo.com".into()),
        DcvToken::HttpCsrHash,
        DcvToken::Email("not an address".into()),
    ]));
    assert_eq!(
        summary(&order.validate()),
        [v(-4, "dcvEmailAddresses", "malformed")]
    );
    order.dcv_email_addresses = Some(DcvTokens::PerDomain(vec![
        DcvToken::Email("admin@sectigo.com".into()),
        DcvToken::HttpCsrHash,
        DcvToken::IpAddressPre,
    ]));
    assert_eq!(summary(&order.validate()), []);
    order.dcv_email_addresses = Some(DcvTokens::PerDomain(vec![]));
    assert_eq!(
        summary(&order.validate()),
        [v(-4, "dcvEmailAddresses", "malformed")]
    );
    // The magic token alone: by name, a list mixing it with others cannot be read.
    let err = AutoApplyOrderRequest::from_pairs([
        ("loginName", "a"),
        ("loginPassword", "b"),
        ("product", "583"),
        ("days", "365"),
        ("validationTokens", "ALLHTTPCSRHASH,HTTPCSRHASH"),
    ])
    .unwrap_err();
    assert!(err.contains(-4, "validationTokens"));
}

#[test]
fn value_syntax_rules() {
    let mut order = ov_mdc_example();
    order.unique_value = Some("a".repeat(20));
    assert_eq!(summary(&order.validate()), []);
    order.unique_value = Some("a".repeat(21));
    assert_eq!(
        summary(&order.validate()),
        [v(-4, "uniqueValue", "too-long")]
    );
    order.unique_value = Some("abc-1".into());
    assert_eq!(
        summary(&order.validate()),
        [v(-4, "uniqueValue", "malformed")]
    );
    order.unique_value = None;

    for (bad, hint) in [
        ("UK", Some("GB")),
        ("us", Some("US")),
        ("USA", None),
        ("AN", None),
    ] {
        order.country_name = Some(bad.into());
        order.joi_country_name = Some(bad.into());
        order.app_rep_country_name = Some(bad.into());
        let found = order.validate();
        assert_eq!(
            summary(&found),
            [
                v(-7, "countryName", "invalid-country"),
                v(-7, "joiCountryName", "invalid-country"),
                v(-7, "appRepCountryName", "invalid-country"),
            ],
            "{bad}"
        );
        match hint {
            Some(code) => assert!(found[0].message.contains(&format!("did you mean {code}?"))),
            None => assert!(!found[0].message.contains("did you mean")),
        }
    }
    order.country_name = Some("GB".into());
    order.joi_country_name = Some("XX".into());
    order.app_rep_country_name = Some("DE".into());
    assert_eq!(summary(&order.validate()), []);

    order.date_of_incorporation = Some("2023-02-29".into());
    assert_eq!(
        summary(&order.validate()),
        [v(-4, "dateOfIncorporation", "malformed")]
    );
    order.date_of_incorporation = Some("29/02/2024".into());
    assert_eq!(
        summary(&order.validate()),
        [v(-4, "dateOfIncorporation", "malformed")]
    );
    order.date_of_incorporation = Some("2024-02-29".into());
    assert_eq!(summary(&order.validate()), []);

    order.dcv_email_address = Some("admin".into());
    order.app_rep_email_address = Some("x@".into());
    order.email_address = Some("NONE".into());
    assert_eq!(
        summary(&order.validate()),
        [
            v(-4, "emailAddress", "malformed"),
            v(-4, "dcvEmailAddress", "malformed"),
            v(-4, "appRepEmailAddress", "malformed"),
        ]
    );
    order.email_address = Some("none".into());
    order.dcv_email_address = Some(format!("{}@example.com", "a".repeat(64)));
    order.app_rep_email_address = Some("rep@example.com".into());
    assert_eq!(summary(&order.validate()), []);

    order.dcv_template_id = Some("12x".into());
    order.ca_certificate_id = Some("".into());
    assert_eq!(
        summary(&order.validate()),
        [
            v(-4, "dcvTemplateID", "malformed"),
            v(-3, "caCertificateID", "missing")
        ]
    );
    order.dcv_template_id = None;
    order.ca_certificate_id = None;

    order.foreign_order_number = Some("f".repeat(65));
    order.ida_telephone_number = Some("1".repeat(33));
    order.postal_code = Some("1".repeat(41));
    assert_eq!(
        summary(&order.validate()),
        [
            v(-4, "postalCode", "too-long"),
            v(-4, "foreignOrderNumber", "too-long"),
            v(-4, "idaTelephoneNumber", "too-long"),
        ]
    );
    order.foreign_order_number = Some("f".repeat(64));
    order.ida_telephone_number = Some("1".repeat(32));
    order.postal_code = Some("1".repeat(40));
    assert_eq!(summary(&order.validate()), []);

    order.response_format = Some(ResponseFormat::Json);
    assert_eq!(
        summary(&order.validate()),
        [v(-4, "responseFormat", "not-allowed")]
    );
}

#[test]
fn hackerguardian_limits_and_licence_rules() {
    let mut hg = AutoApplyOrderRequest::new(creds(), vec![349, 259], 365);
    hg.app_rep_email_address = Some("a@example.com".into());
    assert_eq!(
        summary(&hg.validate()),
        [v(-3, "appRepLoginName", "missing")]
    );
    hg.app_rep_login_name = Some("l".repeat(50));
    hg.organization_name = Some("o".repeat(50));
    hg.app_rep_forename = Some("f".repeat(50));
    assert_eq!(summary(&hg.validate()), []);
    hg.app_rep_login_name = Some("l".repeat(51));
    hg.organization_name = Some("o".repeat(51));
    hg.app_rep_forename = Some("f".repeat(51));
    // 61 + 1 + 63 + 4 = 129 characters.
    hg.app_rep_email_address = Some(format!("{}@{}.com", "a".repeat(61), "b".repeat(63)));
    assert_eq!(
        summary(&hg.validate()),
        [
            v(-4, "organizationName", "too-long"),
            v(-4, "appRepForename", "too-long"),
            v(-4, "appRepEmailAddress", "too-long"),
            v(-4, "appRepLoginName", "too-long"),
        ]
    );
    hg.organization_name = Some("o".repeat(50));
    hg.app_rep_forename = None;
    hg.app_rep_login_name = Some("hg".into());
    hg.app_rep_email_address = Some(format!("{}@{}.com", "a".repeat(60), "b".repeat(63)));
    assert_eq!(summary(&hg.validate()), []);
    // The same 51-character organisation name is fine on an OV certificate (64).
    let mut ov = ov_mdc_example();
    ov.organization_name = Some("o".repeat(64));
    assert_eq!(summary(&ov.validate()), []);

    // IP pack size.
    let mut pack = AutoApplyOrderRequest::new(creds(), vec![346, 329, 356], 365);
    pack.app_rep_email_address = Some("a@example.com".into());
    pack.app_rep_login_name = Some("hg".into());
    assert_eq!(
        summary(&pack.validate()),
        [v(-3, "IP Addresses", "requires")]
    );
    pack.ip_addresses = Some(20);
    assert_eq!(
        summary(&pack.validate()),
        [v(-4, "IP Addresses", "not-allowed")]
    );
    for size in [1, 5, 10, 50, 100, 500, 1000] {
        pack.ip_addresses = Some(size);
        assert_eq!(summary(&pack.validate()), []);
    }
    // previousOrderNumber: licences only (-68).
    pack.previous_order_number = Some("123".into());
    assert_eq!(summary(&pack.validate()), []);
    let mut dv = dv_example();
    dv.previous_order_number = Some("123".into());
    assert_eq!(
        summary(&dv.validate()),
        [v(-68, "previousOrderNumber", "licence-only")]
    );
}

// ---------------------------------------------------------------------------------------
// The by-name API
// ---------------------------------------------------------------------------------------

#[test]
fn from_pairs_reads_names_case_insensitively() {
    let req = AutoApplyOrderRequest::from_pairs([
        ("LOGINNAME", "a"),
        ("loginpassword", "b"),
        ("PRODUCT", "583, 36"),
        ("Days", "365"),
        ("isCustomerValidated", "n"),
        ("serverSoftware", "-1"),
        ("csr", CSR_PLACEHOLDER),
        ("ip addresses", "5"),
        ("pvkFilename", "k.pvk"),
        ("domainNames", "a.example.com b.example.com,c.example.com"),
        (
            "dcvEmailAddresses",
            "admin@a.example.com,HTTPCSRHASH CNAMECSRHASH",
        ),
        ("futureParam", "1"),
    ])
    .unwrap();
    assert_eq!(req.credentials, Credentials::new("a", "b"));
    assert_eq!(req.products, [583, 36]);
    assert_eq!(req.is_customer_validated, Some(false));
    assert_eq!(req.server_software, Some(ServerSoftware::Other));
    assert_eq!(req.ip_addresses, Some(5));
    assert_eq!(req.private_key_filename.as_deref(), Some("k.pvk"));
    assert_eq!(
        req.domain_names,
        Some(vec![
            "a.example.com".into(),
            "b.example.com".into(),
            "c.example.com".into()
        ])
    );
    assert_eq!(
        req.dcv_email_addresses,
        Some(DcvTokens::PerDomain(vec![
            DcvToken::Email("admin@a.example.com".into()),
            DcvToken::HttpCsrHash,
            DcvToken::CnameCsrHash
        ]))
    );
    assert_eq!(req.extra, [("futureParam".to_owned(), "1".to_owned())]);
    let found = summary(&req.validate());
    assert!(
        found.contains(&v(-2, "futureParam", "unknown-parameter")),
        "{found:?}"
    );
}

#[test]
fn from_pairs_reports_every_reading_problem() {
    let err = CollectSslRequest::from_pairs([
        ("loginName", "a"),
        ("orderNumber", "1"),
        ("orderNumber", "2"),
        ("queryType", "7"),
        ("showFQDN", "yes"),
        ("mystery", "1"),
    ])
    .unwrap_err();
    assert_eq!(
        summary(err.as_slice()),
        [
            v(-4, "orderNumber", "repeated-parameter"),
            v(-4, "queryType", "malformed"),
            v(-4, "showFQDN", "malformed"),
            v(-2, "mystery", "unknown-parameter"),
        ]
    );
    // When the request can be built, validation runs on it too.
    let err = CollectSslRequest::from_pairs([
        ("loginName", "a"),
        ("queryType", "0"),
        ("responseType", "0"),
        ("showFQDN", "yes"),
    ])
    .unwrap_err();
    assert_eq!(
        summary(err.as_slice()),
        [
            v(-4, "showFQDN", "malformed"),
            v(-3, "loginPassword", "missing"),
            v(-3, "orderNumber", "missing-one-of"),
            v(-4, "responseType", "requires"),
        ]
    );
    // An unreadable required value is reported once (not also as missing).
    let err = AutoApplyOrderRequest::from_pairs([
        ("loginName", "a"),
        ("loginPassword", "b"),
        ("product", "488"),
        ("days", "365"),
        ("isCustomerValidated", "N"),
        ("serverSoftware", "99"),
        ("csr", CSR_PLACEHOLDER),
        ("x-one", "1"),
        ("x-two", "2"),
    ])
    .unwrap_err();
    assert_eq!(
        summary(err.as_slice()),
        [
            v(-4, "serverSoftware", "malformed"),
            v(-2, "x-one", "unknown-parameter"),
            v(-2, "x-two", "unknown-parameter"),
        ]
    );
    // Missing constructor parameters.
    let err =
        AutoRefundRequest::from_pairs([("loginName", "a"), ("loginPassword", "b")]).unwrap_err();
    assert_eq!(
        summary(err.as_slice()),
        [v(-3, "refundReasonCode", "missing")]
    );
    let err = AutoApplyOrderRequest::from_pairs([("product", "316,x")]).unwrap_err();
    assert_eq!(
        summary(err.as_slice()),
        [v(-4, "product", "malformed"), v(-3, "days", "missing")]
    );
}

#[test]
fn any_request_by_endpoint() {
    use sectigo_codec::EndpointId;
    assert!(AnyRequest::from_pairs(EndpointId::Notification, [("a", "b")]).is_none());
    let pairs = [
        ("loginName", "a"),
        ("loginPassword", "b"),
        ("orderNumber", "1"),
        ("queryType", "1"),
        ("refundReasonCode", "3"),
        ("product", "488"),
        ("days", "365"),
    ];
    for endpoint in EndpointId::ALL {
        let Some(read) = AnyRequest::from_pairs(endpoint, pairs) else {
            assert_eq!(endpoint, EndpointId::Notification);
            continue;
        };
        let request = read.unwrap();
        assert_eq!(ApiRequest::endpoint(&request), endpoint);
        assert_eq!(Some(request.path()), endpoint.path());
        // Every endpoint flags the parameters it does not document as -2.
        let unknown: Vec<String> = request
            .validate()
            .into_iter()
            .filter(|v| v.code == -2)
            .map(|v| v.parameter)
            .collect();
        for (name, _) in pairs {
            let documented = match &request {
                AnyRequest::AutoApplyOrder(_) => AutoApplyOrderRequest::PARAMETERS,
                AnyRequest::AutoReplaceSsl(_) => AutoReplaceSslRequest::PARAMETERS,
                AnyRequest::CollectSsl(_) => CollectSslRequest::PARAMETERS,
                AnyRequest::CollectPac(_) => CollectPacRequest::PARAMETERS,
                AnyRequest::CollectSmime(_) => CollectSmimeRequest::PARAMETERS,
                AnyRequest::OrderStatus(_) => OrderStatusRequest::PARAMETERS,
                AnyRequest::AutoRevokeSsl(_) => AutoRevokeSslRequest::PARAMETERS,
                AnyRequest::AutoRefund(_) => AutoRefundRequest::PARAMETERS,
                AnyRequest::AccountBalance(_) => AccountBalanceRequest::PARAMETERS,
                _ => unreachable!(),
            };
            assert_eq!(
                unknown.iter().any(|u| u == name),
                !documented.contains(&name),
                "{endpoint:?} {name}"
            );
        }
        // ... unless told otherwise.
        let mut lenient = AnyRequest::from_pairs_with(endpoint, pairs, true)
            .unwrap()
            .unwrap();
        assert!(lenient.validate().iter().all(|v| v.code != -2));
        lenient.set_allow_unknown_parameters(false);
        assert_eq!(
            lenient.validate().iter().filter(|v| v.code == -2).count(),
            unknown.len()
        );
    }
}
