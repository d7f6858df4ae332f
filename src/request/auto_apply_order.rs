//! AutoApplyOrder: `POST <base>!AutoApplyOrder`, or `<base>!AutoApplySSL` with the same
//! parameters (DIGEST §6.1; the v3.44 PDF: "AutoApplyOrder is fully backward-compatible with
//! AutoApplySSL, accepting all the same parameters").
//!
//! The parameters are written in the order of the documentation's table (DIGEST §6.1, the PDF
//! §1), under the canonical spelling of the digest: `SmartCardBased` with a capital S,
//! `ignoreMasterAccount`, `prioritiseCSRValues` (British), and `IP Addresses` with its space
//! (sent as `IP+Addresses`, quirk 14). `pvkFilename` is read as another name of
//! `privateKeyFilename`; the deprecated `years` is accepted as an extra parameter.
//!
//! # What is checked
//!
//! Lengths (in characters, as documented), syntax (e-mail addresses, `YYYY-MM-DD`,
//! alphanumeric `uniqueValue` of at most 20, digits for IDs) and ISO 3166 countries (`-7`),
//! and these rules:
//!
//! | Rule | Code | Source |
//! |---|---|---|
//! | `product`: exactly one main product, add-ons only where they belong, HackerGuardian pairs complete, the IP pack with a HackerGuardian licence, not the trial | `-4`, `-58`, `-59`, `-81` | [`product::check_combination`] (§6.1, §6.5) |
//! | `days` offered for the product | `-115` | [`Product::allowed_days`](crate::product::Product::allowed_days); §6.5 "no price found (e.g. invalid `days`)" |
//! | TLS certificates: `csr`, `serverSoftware`, `isCustomerValidated` present | `-3` | §6.1, PDF examples ("Required") |
//! | code signing / PAC: one of `csr`, `pkcs10`, `spkac` | `-3` / `-4` | PDF §5.7-5.9 |
//! | `serverSoftware` from AutoApplyOrder's list | `-4` | §6.1 |
//! | OV/EV certificates: `organizationName`, `streetAddress1`, `localityName` or `stateOrProvinceName`, `countryName` - each unless the CSR's subject has it | `-3` | PDF §1 ("… (if there is a … in the CSR)"), v3.2 (locality *or* state) |
//! | `isCallbackCompleted=Y` needs `isAppRepValidated=Y` | `-4` | §6.1 |
//! | `maxSubjectCNs` is `0` or `1`; `1` needs `primaryDomainName` | `-4`, `-3` | §6.1 |
//! | `primaryDomainName` is one of `domainNames` | `-4` | §6.1 |
//! | not both `dcvEmailAddresses` and `validationTokens`; a magic `ALL…` token alone; one entry per domain of `domainNames` | `-4` | §6.1 |
//! | HackerGuardian: `appRepLoginName` present; 50-character limits (128 for `appRepEmailAddress`) | `-3`, `-4` | PDF §4.2-4.3 |
//! | licences and services (HackerGuardian, CodeGuard, Sectigo Web): `appRepEmailAddress` present | `-3` | PDF §1, §4.1 |
//! | product `356`: `IP Addresses` present, one of 1, 5, 10, 50, 100, 500, 1000 | `-3`, `-4` | PDF §1 |
//! | `previousOrderNumber` only with licences | `-68` | §6.1, §6.5 |
//! | `responseFormat` `0` or `1` | `-4` | §6.1 |
//!
//! The CSR is not linted here (that is the CSR linter's job): only its length (32767
//! characters) and its presence are checked. To apply the OV/EV address rule exactly as the
//! server does ("required … unless in the CSR"), the subject of the CSR is *read* for the
//! presence of O, street, L, ST and C; when the CSR cannot be read, the rule is skipped (the
//! server will answer `-9`/`-10`, which the linter predicts).
//!
//! # What is not checked, and why
//!
//! * `appRepEmailAddress` for certificates: the PDF marks it "Required for all products", but
//!   its own DV example (§6.6) leaves it out.
//! * `postalCode`, `businessCategory`, `joi…` for OV/EV: listed as OV/EV fields, but the PDF's
//!   OV and EV examples omit them (and misspell `postalCode` as `potsalCode`, which would be
//!   `-2`).
//! * Whether `domainNames`, `maxSubjectCNs`, `dcvEmailAddresses` and `validationTokens` are
//!   relevant to the product: the server ignores them for single-name certificates.
//! * DNS syntax of `domainNames`: see [`crate::dns::check_dns_name`] and the CSR linter.
//! * `dcvMethod=HTTPS_CSR_HASH`: not representable, see [`DcvMethod`].

use x509_parser::oid_registry::OID_X509_STREET_ADDRESS;
use x509_parser::prelude::FromDer as _;
use x509_parser::x509::{AttributeTypeAndValue, X509Name};

use super::http::Secret;
use super::params::{
    BusinessCategory, CallbackMethod, DcvMethod, DcvToken, DcvTokens, OfferType, ServerSoftware,
    parse_u32,
};
use super::validate::{Checker, PairReader, Rule, is_email_address};
use super::{ApiRequest, Credentials, Params, RequestSpec, request_api};
use crate::product::{self, Family, KeyRequest, Product, ValidationLevel};
use crate::{EndpointId, MAX_CSR_CHARS, ResponseFormat};

/// Which path an order is sent to: `!AutoApplyOrder` (default) or the older `!AutoApplySSL`,
/// which takes the same parameters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApplyPath {
    /// `!AutoApplyOrder`.
    #[default]
    AutoApplyOrder,
    /// `!AutoApplySSL`.
    AutoApplySsl,
}

impl ApplyPath {
    /// The path after the base URL.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::AutoApplyOrder => "!AutoApplyOrder",
            Self::AutoApplySsl => "!AutoApplySSL",
        }
    }
}

/// An AutoApplyOrder request: places an order for a certificate, a licence or a service.
///
/// Required in every case: the credentials, `product` and `days`. What else is required
/// depends on the product (see the [module documentation](self)); [`ssl`](Self::ssl) fills
/// in what a TLS certificate order needs.
///
/// ```
/// use sectigo_codec::request::{AutoApplyOrderRequest, Credentials, ServerSoftware};
///
/// // DIGEST §6.6 DV example (PDF §5.1).
/// let mut order = AutoApplyOrderRequest::ssl(
///     Credentials::new("mypartnerusername", "th15ISNOTas3ns!blePassW0rd!"),
///     488,
///     365,
///     ServerSoftware::Other,
///     "MIIB...",
/// );
/// order.dcv_email_address = Some("admin@sectigo.com".into());
/// assert!(order.validate().is_empty());
/// assert_eq!(
///     order.to_form().as_str(),
///     "loginName=mypartnerusername&loginPassword=th15ISNOTas3ns%21blePassW0rd%21\
///      &product=488&days=365&isCustomerValidated=N&serverSoftware=-1&csr=MIIB...\
///      &dcvEmailAddress=admin%40sectigo.com"
/// );
///
/// // A TrustLogo cannot be added to a DV certificate.
/// order.products.push(36);
/// let v = order.validate();
/// assert_eq!((v[0].code, v[0].parameter.as_str()), (-4, "product"));
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AutoApplyOrderRequest {
    /// `!AutoApplyOrder` or `!AutoApplySSL`.
    pub path: ApplyPath,
    /// `loginName`, `loginPassword`.
    pub credentials: Credentials,
    /// `product`: exactly one certificate/product code plus optional add-on codes, written
    /// comma-separated (`316,36`).
    pub products: Vec<u32>,
    /// `days`: the validity or term in days.
    pub days: u32,
    /// `isCustomerValidated` (always `N` unless Sectigo says otherwise).
    pub is_customer_validated: Option<bool>,
    /// `serverSoftware` (`-1`, OTHER, is recommended).
    pub server_software: Option<ServerSoftware>,
    /// `csr`: PKCS#10, base64, with or without PEM armour; at most 32767 characters.
    pub csr: Option<String>,
    /// `pkcs10`: alternative to `csr` for code signing and PAC.
    pub pkcs10: Option<String>,
    /// `spkac`: alternative to `csr` for code signing and PAC.
    pub spkac: Option<String>,
    /// `domainNames` (multi-domain, UCC): written comma-separated.
    pub domain_names: Option<Vec<String>>,
    /// `primaryDomainName`: one of `domain_names`, the first CN.
    pub primary_domain_name: Option<String>,
    /// `maxSubjectCNs`: `0` no CN, `1` only `primaryDomainName`; omitted: every domain.
    pub max_subject_cns: Option<u32>,
    /// `uniqueValue`: alphanumeric, at most 20; part of the DCV request token.
    pub unique_value: Option<String>,
    /// `prioritiseCSRValues`: `Y` (default) the CSR wins on duplicates.
    pub prioritise_csr_values: Option<bool>,
    /// `organizationName`.
    pub organization_name: Option<String>,
    /// `organizationalUnitName`.
    pub organizational_unit_name: Option<String>,
    /// `postOfficeBox`.
    pub post_office_box: Option<String>,
    /// `streetAddress1`.
    pub street_address1: Option<String>,
    /// `streetAddress2`.
    pub street_address2: Option<String>,
    /// `streetAddress3`.
    pub street_address3: Option<String>,
    /// `localityName`.
    pub locality_name: Option<String>,
    /// `stateOrProvinceName`.
    pub state_or_province_name: Option<String>,
    /// `postalCode`.
    pub postal_code: Option<String>,
    /// `countryName`: ISO 3166-1 alpha-2.
    pub country_name: Option<String>,
    /// `dunsNumber`.
    pub duns_number: Option<String>,
    /// `companyNumber`.
    pub company_number: Option<String>,
    /// `joiLocalityName` (EV: jurisdiction of incorporation).
    pub joi_locality_name: Option<String>,
    /// `joiStateOrProvinceName` (EV).
    pub joi_state_or_province_name: Option<String>,
    /// `joiCountryName` (EV): ISO 3166-1 alpha-2.
    pub joi_country_name: Option<String>,
    /// `dateOfIncorporation` (EV): `YYYY-MM-DD`.
    pub date_of_incorporation: Option<String>,
    /// `assumedName` (EV): d/b/a name.
    pub assumed_name: Option<String>,
    /// `businessCategory` (EV).
    pub business_category: Option<BusinessCategory>,
    /// `emailAddress`: alternative issuance e-mail address, or `none` for no issuance e-mail.
    pub email_address: Option<String>,
    /// `validationEmailAddress`.
    pub validation_email_address: Option<String>,
    /// `contactEmailAddress`: the only address validation staff will write to.
    pub contact_email_address: Option<String>,
    /// `dcvMethod` (default `EMAIL`).
    pub dcv_method: Option<DcvMethod>,
    /// `dcvEmailAddress` (single-domain).
    pub dcv_email_address: Option<String>,
    /// `dcvEmailAddresses` (multi-domain, UCC); not with `validation_tokens`.
    pub dcv_email_addresses: Option<DcvTokens>,
    /// `validationTokens` (multi-domain, UCC); not with `dcv_email_addresses`.
    pub validation_tokens: Option<DcvTokens>,
    /// `dcvTemplateID`.
    pub dcv_template_id: Option<String>,
    /// `caCertificateID` (special agreement only).
    pub ca_certificate_id: Option<String>,
    /// `showCertificateID`: return the certificate ID.
    pub show_certificate_id: Option<bool>,
    /// `showCertificateState`: return the certificate state (as `certificateStatus`).
    pub show_certificate_state: Option<bool>,
    /// `foreignOrderNumber`: the partner's own order ID.
    pub foreign_order_number: Option<String>,
    /// `checkFONIsUnique`.
    pub check_fon_is_unique: Option<bool>,
    /// `responseFormat`: newline (default) or URL-encoded.
    pub response_format: Option<ResponseFormat>,
    /// `test`: a test order, not charged (must be enabled on the account).
    pub test: Option<bool>,
    /// `idaEmailAddress` (TrustLogo).
    pub ida_email_address: Option<String>,
    /// `idaTelephoneNumber` (TrustLogo).
    pub ida_telephone_number: Option<String>,
    /// `idaFaxNumber` (TrustLogo).
    pub ida_fax_number: Option<String>,
    /// `appRepForename`.
    pub app_rep_forename: Option<String>,
    /// `appRepSurname`.
    pub app_rep_surname: Option<String>,
    /// `appRepEmailAddress`.
    pub app_rep_email_address: Option<String>,
    /// `appRepTelephone` (maximum length UNCONFIRMED, not checked).
    pub app_rep_telephone: Option<String>,
    /// `appRepTitle`.
    pub app_rep_title: Option<String>,
    /// `appRepFax`.
    pub app_rep_fax: Option<String>,
    /// `appRepOrganizationName` (only if different from the certificate's organisation).
    pub app_rep_organization_name: Option<String>,
    /// `appRepOrganizationalUnitName`.
    pub app_rep_organizational_unit_name: Option<String>,
    /// `appRepStreetAddress1`.
    pub app_rep_street_address1: Option<String>,
    /// `appRepStreetAddress2`.
    pub app_rep_street_address2: Option<String>,
    /// `appRepStreetAddress3`.
    pub app_rep_street_address3: Option<String>,
    /// `appRepPostOfficeBox`.
    pub app_rep_post_office_box: Option<String>,
    /// `appRepLocalityName`.
    pub app_rep_locality_name: Option<String>,
    /// `appRepStateOrProvinceName`.
    pub app_rep_state_or_province_name: Option<String>,
    /// `appRepPostalCode`.
    pub app_rep_postal_code: Option<String>,
    /// `appRepCountryName`: ISO 3166-1 alpha-2.
    pub app_rep_country_name: Option<String>,
    /// `callbackMethod`.
    pub callback_method: Option<CallbackMethod>,
    /// `isAppRepValidated`: `Y` the partner verified the representative (RA privilege).
    pub is_app_rep_validated: Option<bool>,
    /// `isCallbackCompleted`: `Y` the partner did the callback (needs `isAppRepValidated=Y`).
    pub is_callback_completed: Option<bool>,
    /// `omitAdditionalFQDN`: `Y` no automatic `www.`/bare variant.
    pub omit_additional_fqdn: Option<bool>,
    /// `appRepLoginName` (HackerGuardian account).
    pub app_rep_login_name: Option<String>,
    /// `appRepLoginPassword` (HackerProof).
    pub app_rep_login_password: Option<Secret>,
    /// `IP Addresses`: size of the HackerGuardian additional IP pack (`356`).
    pub ip_addresses: Option<u32>,
    /// `previousOrderNumber`: the licence being renewed (HackerGuardian, CodeGuard).
    pub previous_order_number: Option<String>,
    /// `includeIndividual` (product 706): individual within organisation.
    pub include_individual: Option<bool>,
    /// `offerType`: eToken shipping.
    pub offer_type: Option<OfferType>,
    /// `ignoreMasterAccount`: skip Enterprise Authentication instant issuance.
    pub ignore_master_account: Option<bool>,
    /// `disableSWP`: no free web products.
    pub disable_swp: Option<bool>,
    /// `SmartCardBased` (EV code signing, tokens).
    pub smart_card_based: Option<bool>,
    /// `privateKeyFilename` (also read as `pvkFilename`; code signing).
    pub private_key_filename: Option<String>,
    /// `cspName`: the cryptographic service provider.
    pub csp_name: Option<String>,
    /// `isKeyProtected` (PAC Enterprise).
    pub is_key_protected: Option<bool>,
    /// `isKeyExportable` (PAC Enterprise).
    pub is_key_exportable: Option<bool>,
    /// `showCollectionCode` (S/MIME): return a collection code.
    pub show_collection_code: Option<bool>,
    /// Extra parameters, sent after the typed ones.
    pub extra: Vec<(String, String)>,
    /// Skip the check of extra parameter names.
    pub allow_unknown_parameters: bool,
}

impl AutoApplyOrderRequest {
    /// An order of `products` (one main product plus add-ons) for `days`, with nothing else
    /// set.
    pub fn new(credentials: Credentials, products: impl Into<Vec<u32>>, days: u32) -> Self {
        Self {
            path: ApplyPath::AutoApplyOrder,
            credentials,
            products: products.into(),
            days,
            is_customer_validated: None,
            server_software: None,
            csr: None,
            pkcs10: None,
            spkac: None,
            domain_names: None,
            primary_domain_name: None,
            max_subject_cns: None,
            unique_value: None,
            prioritise_csr_values: None,
            organization_name: None,
            organizational_unit_name: None,
            post_office_box: None,
            street_address1: None,
            street_address2: None,
            street_address3: None,
            locality_name: None,
            state_or_province_name: None,
            postal_code: None,
            country_name: None,
            duns_number: None,
            company_number: None,
            joi_locality_name: None,
            joi_state_or_province_name: None,
            joi_country_name: None,
            date_of_incorporation: None,
            assumed_name: None,
            business_category: None,
            email_address: None,
            validation_email_address: None,
            contact_email_address: None,
            dcv_method: None,
            dcv_email_address: None,
            dcv_email_addresses: None,
            validation_tokens: None,
            dcv_template_id: None,
            ca_certificate_id: None,
            show_certificate_id: None,
            show_certificate_state: None,
            foreign_order_number: None,
            check_fon_is_unique: None,
            response_format: None,
            test: None,
            ida_email_address: None,
            ida_telephone_number: None,
            ida_fax_number: None,
            app_rep_forename: None,
            app_rep_surname: None,
            app_rep_email_address: None,
            app_rep_telephone: None,
            app_rep_title: None,
            app_rep_fax: None,
            app_rep_organization_name: None,
            app_rep_organizational_unit_name: None,
            app_rep_street_address1: None,
            app_rep_street_address2: None,
            app_rep_street_address3: None,
            app_rep_post_office_box: None,
            app_rep_locality_name: None,
            app_rep_state_or_province_name: None,
            app_rep_postal_code: None,
            app_rep_country_name: None,
            callback_method: None,
            is_app_rep_validated: None,
            is_callback_completed: None,
            omit_additional_fqdn: None,
            app_rep_login_name: None,
            app_rep_login_password: None,
            ip_addresses: None,
            previous_order_number: None,
            include_individual: None,
            offer_type: None,
            ignore_master_account: None,
            disable_swp: None,
            smart_card_based: None,
            private_key_filename: None,
            csp_name: None,
            is_key_protected: None,
            is_key_exportable: None,
            show_collection_code: None,
            extra: Vec::new(),
            allow_unknown_parameters: false,
        }
    }

    /// A TLS certificate order: `product`, `days`, `isCustomerValidated=N`, `serverSoftware`
    /// and the CSR (what the documentation's SSL examples send).
    pub fn ssl(
        credentials: Credentials,
        product: u32,
        days: u32,
        server_software: ServerSoftware,
        csr: impl Into<String>,
    ) -> Self {
        let mut request = Self::new(credentials, vec![product], days);
        request.is_customer_validated = Some(false);
        request.server_software = Some(server_software);
        request.csr = Some(csr.into());
        request
    }

    /// The main product of `products`, when there is exactly one the catalogue knows
    /// ([`product::main_product`]).
    pub fn main_product(&self) -> Option<&'static Product> {
        product::main_product(&self.products)
    }
}

request_api!(AutoApplyOrderRequest);

impl ApiRequest for AutoApplyOrderRequest {
    fn endpoint(&self) -> EndpointId {
        EndpointId::AutoApplyOrder
    }

    fn path(&self) -> &'static str {
        self.path.as_str()
    }

    fn validate(&self) -> Vec<super::Violation> {
        Self::validate(self)
    }

    fn to_form(&self) -> super::FormBody {
        Self::to_form(self)
    }
}

/// Which subject attributes a CSR carries (for the "unless in the CSR" rules).
#[derive(Debug, Default, Clone, Copy)]
struct CsrSubject {
    organization: bool,
    street: bool,
    locality: bool,
    state: bool,
    country: bool,
}

/// Whether an attribute with a non-blank value is among `attributes`.
fn present<'a, 'b: 'a>(
    mut attributes: impl Iterator<Item = &'a AttributeTypeAndValue<'b>>,
) -> bool {
    attributes.any(|attr| {
        attr.as_str()
            .map_or(!attr.as_slice().is_empty(), |s| !s.trim().is_empty())
    })
}

/// Reads the subject of a PKCS#10 CSR given as PEM or bare base64; `None` when it cannot be
/// read (the linter and the server report why).
fn csr_subject(text: &str) -> Option<CsrSubject> {
    use crate::codec::{base64, pem};
    let der = if pem::contains_pem(text.as_bytes()) {
        pem::decode(text.as_bytes())
            .ok()?
            .into_blocks()
            .into_iter()
            .find(|b| {
                matches!(
                    b.label(),
                    pem::PemLabel::CertificateRequest | pem::PemLabel::NewCertificateRequest
                )
            })?
            .into_der()
    } else {
        base64::decode(text.as_bytes()).ok()?.into_bytes()
    };
    let (rest, csr) =
        x509_parser::certification_request::X509CertificationRequest::from_der(&der).ok()?;
    if !rest.is_empty() {
        return None;
    }
    let subject: &X509Name<'_> = &csr.certification_request_info.subject;
    Some(CsrSubject {
        organization: present(subject.iter_organization()),
        street: present(subject.iter_by_oid(&OID_X509_STREET_ADDRESS)),
        locality: present(subject.iter_locality()),
        state: present(subject.iter_state_or_province()),
        country: present(subject.iter_country()),
    })
}

/// `domainNames`, `primaryDomainName`, `maxSubjectCNs` (shared with AutoReplaceSSL).
pub(super) fn check_domains(
    c: &mut Checker,
    domain_names: Option<&Vec<String>>,
    primary: Option<&String>,
    max_subject_cns: Option<u32>,
) {
    if let Some(names) = domain_names {
        if names.is_empty() {
            c.malformed("domainNames", "at least one domain name or IP address");
        } else if names
            .iter()
            .any(|n| n.is_empty() || n.contains(|ch: char| ch == ',' || ch.is_whitespace()))
        {
            c.malformed(
                "domainNames",
                "one name per entry, without commas or white space (they separate entries)",
            );
        } else {
            c.max_chars("domainNames", &names.join(","), 32767);
        }
    }
    if let Some(primary) = primary {
        if primary.is_empty() {
            c.missing("primaryDomainName");
        } else {
            c.max_chars("primaryDomainName", primary, 64);
            if let Some(names) = domain_names
                && !names.iter().any(|n| n.eq_ignore_ascii_case(primary))
            {
                c.push(
                    -4,
                    "primaryDomainName",
                    Rule::Requires,
                    "the value of 'primaryDomainName' is invalid: it must be one of \
                         'domainNames'"
                        .into(),
                );
            }
        }
    }
    match max_subject_cns {
        Some(0) | None => {}
        Some(1) => {
            if primary.is_none() {
                c.push(
                    -3,
                    "primaryDomainName",
                    Rule::Requires,
                    "the 'primaryDomainName' argument is missing: maxSubjectCNs=1 puts only \
                     primaryDomainName in the subject, so it must have a value"
                        .into(),
                );
            }
        }
        Some(_) => c.not_allowed(
            "maxSubjectCNs",
            "documented values are 0 (no CN) and 1 (only primaryDomainName); omit it for all \
             domains",
        ),
    }
}

/// `dcvEmailAddresses` / `validationTokens` (shared with AutoReplaceSSL).
pub(super) fn check_dcv_list(
    c: &mut Checker,
    name: &str,
    list: Option<&DcvTokens>,
    domain_count: Option<usize>,
) {
    let Some(DcvTokens::PerDomain(entries)) = list else {
        return;
    };
    if entries.is_empty() {
        c.malformed(name, "one entry per domain, or one ALL... magic token");
        return;
    }
    for (i, entry) in entries.iter().enumerate() {
        let bad = match entry {
            DcvToken::Email(address) => !is_email_address(address),
            DcvToken::HttpCsrHash | DcvToken::CnameCsrHash | DcvToken::IpAddressPre => false,
        };
        if bad {
            c.malformed(
                name,
                &format!(
                    "entry {} to be an e-mail address or HTTPCSRHASH, CNAMECSRHASH, IPADDRESSPRE \
                     (an ALL... magic token must be the only value)",
                    i.saturating_add(1)
                ),
            );
        }
    }
    if let Some(domains) = domain_count
        && domains != entries.len()
    {
        c.push(
            -4,
            name,
            Rule::Requires,
            format!(
                "the value of '{name}' is invalid: it has {} entries but 'domainNames' has \
                     {domains}; give one entry per domain, in the same order",
                entries.len()
            ),
        );
    }
    c.max_chars(
        name,
        &list.map(DcvTokens::to_wire).unwrap_or_default(),
        32767,
    );
}

/// The `dcvEmailAddresses`/`validationTokens` exclusion (shared with AutoReplaceSSL).
pub(super) fn check_dcv_exclusive(c: &mut Checker, both: bool) {
    if both {
        c.push(
            -4,
            "validationTokens",
            Rule::Conflict,
            "'validationTokens' is given together with 'dcvEmailAddresses': give only one of \
             them"
                .into(),
        );
    }
}

/// Reads a DCV list for `from_pairs`.
pub(super) fn read_dcv_list(r: &mut PairReader, name: &'static str) -> Option<DcvTokens> {
    r.parsed(
        name,
        "a comma-separated list of e-mail addresses and HTTPCSRHASH, CNAMECSRHASH, IPADDRESSPRE \
         tokens, or one ALL... magic token alone",
        DcvTokens::from_wire,
    )
}

/// Reads `domainNames` for `from_pairs`: comma- and/or white-space-separated.
pub(super) fn read_domain_names(r: &mut PairReader) -> Option<Vec<String>> {
    r.string("domainNames").map(|list| {
        crate::dns::split_domain_list(&list)
            .into_iter()
            .map(str::to_owned)
            .collect()
    })
}

fn is_ov_ev_with_address(main: &Product) -> bool {
    main.is_certificate()
        && main.family() != Family::DocumentSigning
        && matches!(
            main.validation_level(),
            Some(ValidationLevel::Ov | ValidationLevel::Ev)
        )
}

impl AutoApplyOrderRequest {
    fn check_product_and_key(&self, c: &mut Checker, main: Option<&'static Product>) {
        if self.products.is_empty() {
            c.missing("product");
        } else {
            let list: Vec<String> = self.products.iter().map(u32::to_string).collect();
            c.max_chars(
                "product",
                &list.join(","),
                product::MAX_PRODUCT_PARAMETER_CHARS,
            );
            for problem in product::check_combination(&self.products) {
                if problem.is_error() {
                    let message = problem.message();
                    let code = problem.server_code().unwrap_or(-4);
                    c.push(code, "product", Rule::Product(problem), message);
                }
            }
        }
        if self.days == 0 {
            c.malformed("days", "a positive number of days");
        } else if let Some(main) = main
            && let (Some(false), Some(allowed)) = (main.allows_days(self.days), main.allowed_days())
        {
            let list: Vec<String> = allowed.iter().map(u32::to_string).collect();
            c.push(
                -115,
                "days",
                Rule::DaysNotOffered,
                format!(
                    "{main} is not sold for this number of days (the server answers with \
                         'no price found'); choose one of {}",
                    list.join(", ")
                ),
            );
        }
        let keys = [
            ("csr", self.csr.as_ref()),
            ("pkcs10", self.pkcs10.as_ref()),
            ("spkac", self.spkac.as_ref()),
        ];
        for (name, value) in keys {
            c.optional(name, value, MAX_CSR_CHARS);
        }
        match main.map(Product::key_request) {
            Some(KeyRequest::Csr) if self.csr.as_ref().is_none_or(String::is_empty) => {
                c.missing("csr");
            }
            Some(KeyRequest::CsrOrSpkac) => c.exactly_one_of(&[
                ("csr", self.csr.is_some()),
                ("pkcs10", self.pkcs10.is_some()),
                ("spkac", self.spkac.is_some()),
            ]),
            _ => {}
        }
        if main.is_some_and(Product::is_ssl) {
            if self.is_customer_validated.is_none() {
                c.missing("isCustomerValidated");
            }
            if self.server_software.is_none() {
                c.missing("serverSoftware");
            }
        }
        if let Some(software) = self.server_software
            && !software.in_auto_apply_order_list()
        {
            c.not_allowed(
                "serverSoftware",
                "AutoApplyOrder documents 2, 10, 14, 35, 36, 18, 30, 31 and -1 (OTHER, \
                     recommended)",
            );
        }
    }

    fn check_organisation(&self, c: &mut Checker, main: Option<&'static Product>) {
        let hg = main.is_some_and(|m| m.family() == Family::HackerGuardian);
        let short = if hg { 50 } else { 64 };
        c.optional("organizationName", self.organization_name.as_ref(), short);
        c.optional(
            "organizationalUnitName",
            self.organizational_unit_name.as_ref(),
            64,
        );
        c.optional("postOfficeBox", self.post_office_box.as_ref(), 40);
        c.optional("streetAddress1", self.street_address1.as_ref(), 128);
        c.optional("streetAddress2", self.street_address2.as_ref(), 128);
        c.optional("streetAddress3", self.street_address3.as_ref(), 128);
        c.optional("localityName", self.locality_name.as_ref(), 128);
        c.optional(
            "stateOrProvinceName",
            self.state_or_province_name.as_ref(),
            128,
        );
        c.optional("postalCode", self.postal_code.as_ref(), 40);
        c.country("countryName", self.country_name.as_ref());
        c.optional("dunsNumber", self.duns_number.as_ref(), 20);
        c.optional("companyNumber", self.company_number.as_ref(), 25);
        c.optional("joiLocalityName", self.joi_locality_name.as_ref(), 128);
        c.optional(
            "joiStateOrProvinceName",
            self.joi_state_or_province_name.as_ref(),
            128,
        );
        c.country("joiCountryName", self.joi_country_name.as_ref());
        c.date("dateOfIncorporation", self.date_of_incorporation.as_ref());
        c.optional("assumedName", self.assumed_name.as_ref(), 64);

        let Some(main) = main.filter(|m| is_ov_ev_with_address(m)) else {
            return;
        };
        let key = self.csr.as_ref().or(self.pkcs10.as_ref());
        let subject = match key {
            Some(text) => match csr_subject(text) {
                Some(subject) => subject,
                // Unreadable: the server answers -9/-10 first; do not guess.
                None => return,
            },
            None => CsrSubject::default(),
        };
        let given = |v: &Option<String>| v.as_ref().is_some_and(|s| !s.is_empty());
        let level = match main.validation_level() {
            Some(ValidationLevel::Ev) => "EV",
            _ => "OV",
        };
        let mut require = |name: &str, present: bool| {
            if !present {
                c.push(
                    -3,
                    name,
                    Rule::Missing,
                    format!(
                        "the '{name}' argument is missing: {level} orders need it unless the \
                         CSR's subject has it"
                    ),
                );
            }
        };
        require(
            "organizationName",
            subject.organization || given(&self.organization_name),
        );
        require(
            "streetAddress1",
            subject.street || given(&self.street_address1),
        );
        require(
            "localityName",
            subject.locality
                || subject.state
                || given(&self.locality_name)
                || given(&self.state_or_province_name),
        );
        require("countryName", subject.country || given(&self.country_name));
    }

    fn check_contacts(&self, c: &mut Checker, main: Option<&'static Product>) {
        let hg = main.is_some_and(|m| m.family() == Family::HackerGuardian);
        match self.email_address.as_deref() {
            Some("none") | None => {}
            Some(_) => c.email("emailAddress", self.email_address.as_ref(), 255),
        }
        c.email(
            "validationEmailAddress",
            self.validation_email_address.as_ref(),
            255,
        );
        c.email(
            "contactEmailAddress",
            self.contact_email_address.as_ref(),
            255,
        );
        c.email("dcvEmailAddress", self.dcv_email_address.as_ref(), 255);
        c.digits("dcvTemplateID", self.dcv_template_id.as_ref(), 19);
        c.digits("caCertificateID", self.ca_certificate_id.as_ref(), 19);
        c.optional("foreignOrderNumber", self.foreign_order_number.as_ref(), 64);
        if self.response_format == Some(ResponseFormat::Json) {
            c.not_allowed(
                "responseFormat",
                "AutoApplyOrder offers 0 (newline) and 1 (URL-encoded)",
            );
        }
        c.email("idaEmailAddress", self.ida_email_address.as_ref(), 255);
        c.optional("idaTelephoneNumber", self.ida_telephone_number.as_ref(), 32);
        c.optional("idaFaxNumber", self.ida_fax_number.as_ref(), 32);
        let short = if hg { 50 } else { 64 };
        c.optional("appRepForename", self.app_rep_forename.as_ref(), short);
        c.optional("appRepSurname", self.app_rep_surname.as_ref(), short);
        c.email(
            "appRepEmailAddress",
            self.app_rep_email_address.as_ref(),
            if hg { 128 } else { 255 },
        );
        c.optional("appRepTitle", self.app_rep_title.as_ref(), 64);
        c.optional("appRepFax", self.app_rep_fax.as_ref(), 32);
        c.optional(
            "appRepOrganizationName",
            self.app_rep_organization_name.as_ref(),
            255,
        );
        c.optional(
            "appRepOrganizationalUnitName",
            self.app_rep_organizational_unit_name.as_ref(),
            64,
        );
        c.optional(
            "appRepStreetAddress1",
            self.app_rep_street_address1.as_ref(),
            128,
        );
        c.optional(
            "appRepStreetAddress2",
            self.app_rep_street_address2.as_ref(),
            128,
        );
        c.optional(
            "appRepStreetAddress3",
            self.app_rep_street_address3.as_ref(),
            128,
        );
        c.optional(
            "appRepPostOfficeBox",
            self.app_rep_post_office_box.as_ref(),
            128,
        );
        c.optional(
            "appRepLocalityName",
            self.app_rep_locality_name.as_ref(),
            128,
        );
        c.optional(
            "appRepStateOrProvinceName",
            self.app_rep_state_or_province_name.as_ref(),
            128,
        );
        c.optional("appRepPostalCode", self.app_rep_postal_code.as_ref(), 40);
        c.country("appRepCountryName", self.app_rep_country_name.as_ref());
        if self.is_callback_completed == Some(true) && self.is_app_rep_validated != Some(true) {
            c.push(
                -4,
                "isCallbackCompleted",
                Rule::Requires,
                "isCallbackCompleted=Y needs isAppRepValidated=Y as well".into(),
            );
        }
        c.optional("appRepLoginName", self.app_rep_login_name.as_ref(), 50);
        if hg
            && self
                .app_rep_login_name
                .as_ref()
                .is_none_or(String::is_empty)
        {
            c.push(
                -3,
                "appRepLoginName",
                Rule::Missing,
                "the 'appRepLoginName' argument is missing: HackerGuardian licences need the \
                 login name of the HackerGuardian account"
                    .into(),
            );
        }
        if main.is_some_and(|m| m.family().is_licence())
            && self
                .app_rep_email_address
                .as_ref()
                .is_none_or(String::is_empty)
        {
            c.push(
                -3,
                "appRepEmailAddress",
                Rule::Missing,
                "the 'appRepEmailAddress' argument is missing: licences and services send their \
                 account set-up instructions to it"
                    .into(),
            );
        }
    }

    fn check_licences_and_keys(&self, c: &mut Checker, main: Option<&'static Product>) {
        if self.products.contains(&356) {
            match self.ip_addresses {
                None => c.push(
                    -3,
                    "IP Addresses",
                    Rule::Requires,
                    "the 'IP Addresses' argument is missing: the additional IP pack (356) needs \
                     its size"
                        .into(),
                ),
                Some(size) if !product::is_valid_ip_pack_size(size) => c.not_allowed(
                    "IP Addresses",
                    "the IP pack sizes are 1, 5, 10, 50, 100, 500 and 1000",
                ),
                Some(_) => {}
            }
        }
        if let Some(previous) = &self.previous_order_number {
            if previous.is_empty() {
                c.missing("previousOrderNumber");
            } else if main.is_some_and(Product::is_certificate) {
                c.push(
                    -68,
                    "previousOrderNumber",
                    Rule::LicenceOnly,
                    "argument 'previousOrderNumber' can be used just with licence products \
                     (HackerGuardian, CodeGuard), not with certificates"
                        .into(),
                );
            }
        }
        c.optional(
            "privateKeyFilename",
            self.private_key_filename.as_ref(),
            1024,
        );
        c.optional("cspName", self.csp_name.as_ref(), 255);
    }
}

impl RequestSpec for AutoApplyOrderRequest {
    const ENDPOINT: EndpointId = EndpointId::AutoApplyOrder;
    const PARAMETERS: &'static [&'static str] = &[
        "loginName",
        "loginPassword",
        "product",
        "days",
        "isCustomerValidated",
        "serverSoftware",
        "csr",
        "pkcs10",
        "spkac",
        "domainNames",
        "primaryDomainName",
        "maxSubjectCNs",
        "uniqueValue",
        "prioritiseCSRValues",
        "organizationName",
        "organizationalUnitName",
        "postOfficeBox",
        "streetAddress1",
        "streetAddress2",
        "streetAddress3",
        "localityName",
        "stateOrProvinceName",
        "postalCode",
        "countryName",
        "dunsNumber",
        "companyNumber",
        "joiLocalityName",
        "joiStateOrProvinceName",
        "joiCountryName",
        "dateOfIncorporation",
        "assumedName",
        "businessCategory",
        "emailAddress",
        "validationEmailAddress",
        "contactEmailAddress",
        "dcvMethod",
        "dcvEmailAddress",
        "dcvEmailAddresses",
        "validationTokens",
        "dcvTemplateID",
        "caCertificateID",
        "showCertificateID",
        "showCertificateState",
        "foreignOrderNumber",
        "checkFONIsUnique",
        "responseFormat",
        "test",
        "idaEmailAddress",
        "idaTelephoneNumber",
        "idaFaxNumber",
        "appRepForename",
        "appRepSurname",
        "appRepEmailAddress",
        "appRepTelephone",
        "appRepTitle",
        "appRepFax",
        "appRepOrganizationName",
        "appRepOrganizationalUnitName",
        "appRepStreetAddress1",
        "appRepStreetAddress2",
        "appRepStreetAddress3",
        "appRepPostOfficeBox",
        "appRepLocalityName",
        "appRepStateOrProvinceName",
        "appRepPostalCode",
        "appRepCountryName",
        "callbackMethod",
        "isAppRepValidated",
        "isCallbackCompleted",
        "omitAdditionalFQDN",
        "appRepLoginName",
        "appRepLoginPassword",
        "IP Addresses",
        "previousOrderNumber",
        "includeIndividual",
        "offerType",
        "ignoreMasterAccount",
        "disableSWP",
        "SmartCardBased",
        "privateKeyFilename",
        "cspName",
        "isKeyProtected",
        "isKeyExportable",
        "showCollectionCode",
    ];
    const UNTYPED: &'static [&'static str] = &["years"];
    const ALIASES: &'static [(&'static str, &'static str)] =
        &[("pvkFilename", "privateKeyFilename")];

    super::extra_parameters!();

    fn check(&self, c: &mut Checker) {
        super::check_credentials(c, &self.credentials);
        let main = self.main_product();
        self.check_product_and_key(c, main);
        check_domains(
            c,
            self.domain_names.as_ref(),
            self.primary_domain_name.as_ref(),
            self.max_subject_cns,
        );
        c.alphanumeric("uniqueValue", self.unique_value.as_ref(), 20);
        self.check_organisation(c, main);
        self.check_contacts(c, main);
        let domains = self.domain_names.as_ref().map(Vec::len);
        check_dcv_list(
            c,
            "dcvEmailAddresses",
            self.dcv_email_addresses.as_ref(),
            domains,
        );
        check_dcv_list(
            c,
            "validationTokens",
            self.validation_tokens.as_ref(),
            domains,
        );
        check_dcv_exclusive(
            c,
            self.dcv_email_addresses.is_some() && self.validation_tokens.is_some(),
        );
        self.check_licences_and_keys(c, main);
    }

    fn write(&self, p: &mut Params) {
        p.credentials(&self.credentials);
        let products: Vec<String> = self.products.iter().map(u32::to_string).collect();
        p.str("product", &products.join(","));
        p.value("days", Some(self.days));
        p.flag("isCustomerValidated", self.is_customer_validated);
        p.value("serverSoftware", self.server_software);
        p.opt_str("csr", self.csr.as_ref());
        p.opt_str("pkcs10", self.pkcs10.as_ref());
        p.opt_str("spkac", self.spkac.as_ref());
        if let Some(names) = &self.domain_names {
            p.str("domainNames", &names.join(","));
        }
        p.opt_str("primaryDomainName", self.primary_domain_name.as_ref());
        p.value("maxSubjectCNs", self.max_subject_cns);
        p.opt_str("uniqueValue", self.unique_value.as_ref());
        p.flag("prioritiseCSRValues", self.prioritise_csr_values);
        p.opt_str("organizationName", self.organization_name.as_ref());
        p.opt_str(
            "organizationalUnitName",
            self.organizational_unit_name.as_ref(),
        );
        p.opt_str("postOfficeBox", self.post_office_box.as_ref());
        p.opt_str("streetAddress1", self.street_address1.as_ref());
        p.opt_str("streetAddress2", self.street_address2.as_ref());
        p.opt_str("streetAddress3", self.street_address3.as_ref());
        p.opt_str("localityName", self.locality_name.as_ref());
        p.opt_str("stateOrProvinceName", self.state_or_province_name.as_ref());
        p.opt_str("postalCode", self.postal_code.as_ref());
        p.opt_str("countryName", self.country_name.as_ref());
        p.opt_str("dunsNumber", self.duns_number.as_ref());
        p.opt_str("companyNumber", self.company_number.as_ref());
        p.opt_str("joiLocalityName", self.joi_locality_name.as_ref());
        p.opt_str(
            "joiStateOrProvinceName",
            self.joi_state_or_province_name.as_ref(),
        );
        p.opt_str("joiCountryName", self.joi_country_name.as_ref());
        p.opt_str("dateOfIncorporation", self.date_of_incorporation.as_ref());
        p.opt_str("assumedName", self.assumed_name.as_ref());
        p.value("businessCategory", self.business_category);
        p.opt_str("emailAddress", self.email_address.as_ref());
        p.opt_str(
            "validationEmailAddress",
            self.validation_email_address.as_ref(),
        );
        p.opt_str("contactEmailAddress", self.contact_email_address.as_ref());
        p.value("dcvMethod", self.dcv_method);
        p.opt_str("dcvEmailAddress", self.dcv_email_address.as_ref());
        if let Some(list) = &self.dcv_email_addresses {
            p.str("dcvEmailAddresses", &list.to_wire());
        }
        if let Some(list) = &self.validation_tokens {
            p.str("validationTokens", &list.to_wire());
        }
        p.opt_str("dcvTemplateID", self.dcv_template_id.as_ref());
        p.opt_str("caCertificateID", self.ca_certificate_id.as_ref());
        p.flag("showCertificateID", self.show_certificate_id);
        p.flag("showCertificateState", self.show_certificate_state);
        p.opt_str("foreignOrderNumber", self.foreign_order_number.as_ref());
        p.flag("checkFONIsUnique", self.check_fon_is_unique);
        p.value(
            "responseFormat",
            self.response_format.map(ResponseFormat::code),
        );
        p.flag("test", self.test);
        p.opt_str("idaEmailAddress", self.ida_email_address.as_ref());
        p.opt_str("idaTelephoneNumber", self.ida_telephone_number.as_ref());
        p.opt_str("idaFaxNumber", self.ida_fax_number.as_ref());
        p.opt_str("appRepForename", self.app_rep_forename.as_ref());
        p.opt_str("appRepSurname", self.app_rep_surname.as_ref());
        p.opt_str("appRepEmailAddress", self.app_rep_email_address.as_ref());
        p.opt_str("appRepTelephone", self.app_rep_telephone.as_ref());
        p.opt_str("appRepTitle", self.app_rep_title.as_ref());
        p.opt_str("appRepFax", self.app_rep_fax.as_ref());
        p.opt_str(
            "appRepOrganizationName",
            self.app_rep_organization_name.as_ref(),
        );
        p.opt_str(
            "appRepOrganizationalUnitName",
            self.app_rep_organizational_unit_name.as_ref(),
        );
        p.opt_str(
            "appRepStreetAddress1",
            self.app_rep_street_address1.as_ref(),
        );
        p.opt_str(
            "appRepStreetAddress2",
            self.app_rep_street_address2.as_ref(),
        );
        p.opt_str(
            "appRepStreetAddress3",
            self.app_rep_street_address3.as_ref(),
        );
        p.opt_str("appRepPostOfficeBox", self.app_rep_post_office_box.as_ref());
        p.opt_str("appRepLocalityName", self.app_rep_locality_name.as_ref());
        p.opt_str(
            "appRepStateOrProvinceName",
            self.app_rep_state_or_province_name.as_ref(),
        );
        p.opt_str("appRepPostalCode", self.app_rep_postal_code.as_ref());
        p.opt_str("appRepCountryName", self.app_rep_country_name.as_ref());
        p.value("callbackMethod", self.callback_method);
        p.flag("isAppRepValidated", self.is_app_rep_validated);
        p.flag("isCallbackCompleted", self.is_callback_completed);
        p.flag("omitAdditionalFQDN", self.omit_additional_fqdn);
        p.opt_str("appRepLoginName", self.app_rep_login_name.as_ref());
        p.opt_secret("appRepLoginPassword", self.app_rep_login_password.as_ref());
        p.value("IP Addresses", self.ip_addresses);
        p.opt_str("previousOrderNumber", self.previous_order_number.as_ref());
        p.flag("includeIndividual", self.include_individual);
        p.value("offerType", self.offer_type);
        p.flag("ignoreMasterAccount", self.ignore_master_account);
        p.flag("disableSWP", self.disable_swp);
        p.flag("SmartCardBased", self.smart_card_based);
        p.opt_str("privateKeyFilename", self.private_key_filename.as_ref());
        p.opt_str("cspName", self.csp_name.as_ref());
        p.flag("isKeyProtected", self.is_key_protected);
        p.flag("isKeyExportable", self.is_key_exportable);
        p.flag("showCollectionCode", self.show_collection_code);
    }

    fn read(r: &mut PairReader) -> Option<Self> {
        let credentials = super::read_credentials(r);
        let products = r.parsed(
            "product",
            "comma-separated product codes (decimal integers), at most 64 characters",
            |s| product::parse_product_list(s).ok(),
        );
        let products = r.require("product", products);
        let days = r.parsed("days", "a positive decimal integer", parse_u32);
        let days = r.require("days", days);
        let mut q = Self::new(credentials, Vec::new(), 0);
        q.is_customer_validated = r.flag("isCustomerValidated");
        q.server_software = r.parsed(
            "serverSoftware",
            "a documented server software code (-1 for OTHER)",
            ServerSoftware::from_wire,
        );
        q.csr = r.string("csr");
        q.pkcs10 = r.string("pkcs10");
        q.spkac = r.string("spkac");
        q.domain_names = read_domain_names(r);
        q.primary_domain_name = r.string("primaryDomainName");
        q.max_subject_cns = r.number("maxSubjectCNs");
        q.unique_value = r.string("uniqueValue");
        q.prioritise_csr_values = r.flag("prioritiseCSRValues");
        q.organization_name = r.string("organizationName");
        q.organizational_unit_name = r.string("organizationalUnitName");
        q.post_office_box = r.string("postOfficeBox");
        q.street_address1 = r.string("streetAddress1");
        q.street_address2 = r.string("streetAddress2");
        q.street_address3 = r.string("streetAddress3");
        q.locality_name = r.string("localityName");
        q.state_or_province_name = r.string("stateOrProvinceName");
        q.postal_code = r.string("postalCode");
        q.country_name = r.string("countryName");
        q.duns_number = r.string("dunsNumber");
        q.company_number = r.string("companyNumber");
        q.joi_locality_name = r.string("joiLocalityName");
        q.joi_state_or_province_name = r.string("joiStateOrProvinceName");
        q.joi_country_name = r.string("joiCountryName");
        q.date_of_incorporation = r.string("dateOfIncorporation");
        q.assumed_name = r.string("assumedName");
        q.business_category = r.parsed(
            "businessCategory",
            "b, c or d (lower case)",
            BusinessCategory::from_wire,
        );
        q.email_address = r.string("emailAddress");
        q.validation_email_address = r.string("validationEmailAddress");
        q.contact_email_address = r.string("contactEmailAddress");
        q.dcv_method = r.parsed(
            "dcvMethod",
            "EMAIL, HTTP_CSR_HASH, CNAME_CSR_HASH or IP_ADDRESS_PRE",
            DcvMethod::from_wire,
        );
        q.dcv_email_address = r.string("dcvEmailAddress");
        q.dcv_email_addresses = read_dcv_list(r, "dcvEmailAddresses");
        q.validation_tokens = read_dcv_list(r, "validationTokens");
        q.dcv_template_id = r.string("dcvTemplateID");
        q.ca_certificate_id = r.string("caCertificateID");
        q.show_certificate_id = r.flag("showCertificateID");
        q.show_certificate_state = r.flag("showCertificateState");
        q.foreign_order_number = r.string("foreignOrderNumber");
        q.check_fon_is_unique = r.flag("checkFONIsUnique");
        q.response_format = r.parsed("responseFormat", "0 or 1", super::read_response_format);
        q.test = r.flag("test");
        q.ida_email_address = r.string("idaEmailAddress");
        q.ida_telephone_number = r.string("idaTelephoneNumber");
        q.ida_fax_number = r.string("idaFaxNumber");
        q.app_rep_forename = r.string("appRepForename");
        q.app_rep_surname = r.string("appRepSurname");
        q.app_rep_email_address = r.string("appRepEmailAddress");
        q.app_rep_telephone = r.string("appRepTelephone");
        q.app_rep_title = r.string("appRepTitle");
        q.app_rep_fax = r.string("appRepFax");
        q.app_rep_organization_name = r.string("appRepOrganizationName");
        q.app_rep_organizational_unit_name = r.string("appRepOrganizationalUnitName");
        q.app_rep_street_address1 = r.string("appRepStreetAddress1");
        q.app_rep_street_address2 = r.string("appRepStreetAddress2");
        q.app_rep_street_address3 = r.string("appRepStreetAddress3");
        q.app_rep_post_office_box = r.string("appRepPostOfficeBox");
        q.app_rep_locality_name = r.string("appRepLocalityName");
        q.app_rep_state_or_province_name = r.string("appRepStateOrProvinceName");
        q.app_rep_postal_code = r.string("appRepPostalCode");
        q.app_rep_country_name = r.string("appRepCountryName");
        q.callback_method = r.parsed("callbackMethod", "T or L", CallbackMethod::from_wire);
        q.is_app_rep_validated = r.flag("isAppRepValidated");
        q.is_callback_completed = r.flag("isCallbackCompleted");
        q.omit_additional_fqdn = r.flag("omitAdditionalFQDN");
        q.app_rep_login_name = r.string("appRepLoginName");
        q.app_rep_login_password = r.string("appRepLoginPassword").map(Secret::from);
        q.ip_addresses = r.number("IP Addresses");
        q.previous_order_number = r.string("previousOrderNumber");
        q.include_individual = r.flag("includeIndividual");
        q.offer_type = r.parsed("offerType", "22, 23 or 24", OfferType::from_wire);
        q.ignore_master_account = r.flag("ignoreMasterAccount");
        q.disable_swp = r.flag("disableSWP");
        q.smart_card_based = r.flag("SmartCardBased");
        q.private_key_filename = r.string("privateKeyFilename");
        q.csp_name = r.string("cspName");
        q.is_key_protected = r.flag("isKeyProtected");
        q.is_key_exportable = r.flag("isKeyExportable");
        q.show_collection_code = r.flag("showCollectionCode");
        q.extra = r.extra_pairs();
        q.products = products?;
        q.days = days?;
        Some(q)
    }
}
