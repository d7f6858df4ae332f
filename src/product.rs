//! The product catalogue of AutoApplyOrder: every product code the specification documents,
//! what it is and what it allows (DIGEST §6.1 `product` and `days`, §6.2).
//!
//! The `product` parameter is, in the words of the v3.44 PDF, "a comma-separated string of
//! integers. There MUST be exactly ONE of the following certificate values specified", plus
//! optional add-on codes: `316,36` adds a TrustLogo to a SectigoSSL OV certificate,
//! `706,577,163` adds an eToken and its shipping to a Document Signing certificate,
//! `586,587,356` orders a HackerGuardian Lite licence (a *pair* of codes) with an additional
//! IP-address pack.
//!
//! # What is in the catalogue, and how sure we are
//!
//! Each [`Product`] records where it comes from ([`Evidence`]):
//!
//! * [`Evidence::CurrentDocs`]: the SSL table of the current AutoApplyOrder page
//!   (PositiveSSL, InstantSSL, SectigoSSL, EnterpriseSSL), Document Signing individual `1214`.
//! * [`Evidence::Pdf`]: the other products of the v3.44 PDF (TrustLogo, Sectigo Web, CodeGuard,
//!   HackerGuardian, Document Signing `706`, eToken, PAC, code signing).
//! * [`Evidence::CodeRangeOnly`]: eIDAS codes 777-792; the current page names the range as
//!   eIDAS certificates but the digest has no name per code.
//!
//! **Not in the catalogue** ([`lookup`] returns `None`, [`code_status`] says why):
//!
//! * the SectigoSSL Pro / Premium / Enterprise bundles in 721-765 (other than 749-751, which
//!   the current page names): the PDF list is garbled (duplicated codes, shifted names), so the
//!   code-to-product mapping is UNCONFIRMED and we do not invent one;
//! * AutoApplySSL's old list (448, 24, 34, 43, 44, 62, 318, 324, 510, 511, ...): the digest
//!   names the codes but not the products.
//!
//! One conflict: the PDF prints `749 = Enterprise SSL Multi-Domain DV`, the current page
//! `749 DV, 750 Wildcard DV, 751 Multi-Domain DV`. We follow the current page.
//!
//! # What each product allows: the evidence
//!
//! * **Wildcards** ([`Product::allows_wildcard`], [`Product::wildcard_required`]): only the
//!   wildcard products; error `-6` "The CSR's Common Name MUST contain ONE wildcard!" on
//!   wildcard products, `-5` "may NOT contain a wildcard" on the others (DIGEST §6.4). EV
//!   products never allow wildcards (EV Guidelines).
//! * **Several names** ([`Product::multi_domain`]): Multi-Domain and UCC products
//!   (`domainNames`, `primaryDomainName`, `maxSubjectCNs`, DIGEST §6.1).
//! * **IP addresses** ([`Product::allows_ip_addresses`]): *inference*. DIGEST §6.1 says
//!   `domainNames` is a list of "domains/IPs" and §7 (AutoReplaceSSL) that for non-EV products
//!   it "may include IPs"; the `-35` error ("CN may not be an IP Address") exists for products
//!   that take none. We therefore allow IPs on non-EV Multi-Domain and UCC products only. EV
//!   never (EV Guidelines §9.2). Whether single-name DV/OV products accept an IP is
//!   UNCONFIRMED; we say no, which can only err on the side of a warning before ordering.
//! * **Validity** ([`Product::allowed_days`]): DIGEST §6.1 `days`: "30, 90, 365, 730; multi-year
//!   bundles 1095, 1461, 1826". *Inference*: `30` belongs to the 30-day trial `291` alone (the
//!   only product documented as "30 d"), which takes nothing else; other SSL products take
//!   90-1826. Code signing, document signing and PAC: 365, 730, 1095 (the PDF's "for
//!   certificate products" list without the SSL-only 30/90, plus the 3-year term these
//!   products are sold with; UNCONFIRMED). Licences, services and add-ons: not documented, so
//!   `None` (no check).
//! * **Key request** ([`Product::key_request`]): SSL products need a PKCS#10 `csr` (§6.1);
//!   code signing and PAC take `csr`, `pkcs10` or `spkac` (PDF §5.7-5.9); document signing and
//!   eIDAS are not documented.
//!
//! # Combinations
//!
//! [`check_combination`] applies the cross-code rules of issue #3 item 3 and the error table of
//! DIGEST §6.5: exactly one main product (a certificate, or one licence/service - a
//! HackerGuardian pair counts as one), TrustLogo only with an OV/EV certificate, eToken and
//! shipping only with a Document Signing certificate (`-81`), HackerGuardian pairs complete,
//! the IP pack only with a HackerGuardian licence (`-59`) and never with the free trial
//! (`-58`). [`IP_PACK_SIZES`] lists the values of the `IP Addresses` parameter.
//!
//! ```
//! use sectigo_codec::product::{self, Family, ValidationLevel};
//!
//! let codes = product::parse_product_list("316,36")?;
//! assert_eq!(codes, [316, 36]);
//! let p = product::lookup(316).unwrap();
//! assert_eq!(p.name(), "SectigoSSL OV");
//! assert_eq!(p.family(), Family::SingleName);
//! assert_eq!(p.validation_level(), Some(ValidationLevel::Ov));
//! assert!(product::check_combination(&codes).is_empty());
//! # Ok::<(), sectigo_codec::product::ProductListError>(())
//! ```

use core::fmt;
use std::collections::BTreeSet;

/// What a product is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Family {
    /// TLS certificate for one name (plus the automatic `www.`/bare variant,
    /// `omitAdditionalFQDN`).
    SingleName,
    /// TLS certificate whose CN is a wildcard `*.example.com`.
    Wildcard,
    /// Multi-domain TLS certificate (several dNSName SANs, `domainNames`).
    MultiDomain,
    /// Unified Communications Certificate: a multi-domain TLS certificate whose CN is always
    /// one name (`maxSubjectCNs` is 1, DIGEST §6.1).
    Ucc,
    /// Code signing certificate.
    CodeSigning,
    /// EV code signing certificate.
    EvCodeSigning,
    /// Document signing certificate.
    DocumentSigning,
    /// Personal Authentication Certificate (client / S/MIME).
    PersonalAuthentication,
    /// eIDAS (qualified) certificate.
    Eidas,
    /// HackerGuardian PCI scanning licence (including HackerProof).
    HackerGuardian,
    /// CodeGuard website backup licence.
    CodeGuard,
    /// Sectigo Web security package.
    WebSecurity,
    /// An add-on ordered together with a main product.
    AddOn(AddOnKind),
}

impl Family {
    /// Whether this family is a TLS server certificate.
    pub const fn is_ssl(self) -> bool {
        matches!(
            self,
            Self::SingleName | Self::Wildcard | Self::MultiDomain | Self::Ucc
        )
    }

    /// Whether this family is a certificate (as opposed to a licence, service or add-on).
    pub const fn is_certificate(self) -> bool {
        matches!(
            self,
            Self::SingleName
                | Self::Wildcard
                | Self::MultiDomain
                | Self::Ucc
                | Self::CodeSigning
                | Self::EvCodeSigning
                | Self::DocumentSigning
                | Self::PersonalAuthentication
                | Self::Eidas
        )
    }

    /// Whether this family is a licence or service (HackerGuardian, CodeGuard, Sectigo Web).
    pub const fn is_licence(self) -> bool {
        matches!(
            self,
            Self::HackerGuardian | Self::CodeGuard | Self::WebSecurity
        )
    }
}

/// The kinds of add-on codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AddOnKind {
    /// TrustLogo site seal (`36`), for OV and EV certificates.
    TrustLogo,
    /// eToken hardware token (`577`), for Document Signing certificates.
    EToken,
    /// eToken shipping cost (`163`).
    Shipping,
    /// HackerGuardian additional IP-address pack (`356`); its size is the `IP Addresses`
    /// parameter.
    IpPack,
}

/// The validation level of a certificate product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ValidationLevel {
    /// Domain validation.
    Dv,
    /// Individual validation (a person, e.g. Document Signing individual `1214`).
    Iv,
    /// Organisation validation.
    Ov,
    /// Extended validation.
    Ev,
}

/// Where a catalogue entry comes from (DIGEST §0 confidence marks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Evidence {
    /// Named on a current docs.sectigo.com page (DIGEST §6.2 table).
    CurrentDocs,
    /// Named only in the AutoApplyOrder v3.44 PDF (DIGEST mark `[PDF]`).
    Pdf,
    /// The code lies in a range the documentation assigns to a family, without a name for
    /// the individual code (eIDAS 777-792).
    CodeRangeOnly,
}

/// What key request an order of this product carries (DIGEST §6.1 `csr`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KeyRequest {
    /// A PKCS#10 CSR in `csr` is required (TLS certificates).
    Csr,
    /// One of `csr`, `pkcs10` (PKCS#10) or `spkac` is required (code signing, PAC; PDF
    /// §5.7-5.9).
    CsrOrSpkac,
    /// No key request: licences, services, add-ons.
    None,
    /// The documentation does not say (document signing on a token, eIDAS).
    Undocumented,
}

/// One product code of the catalogue. All data is `'static`; get one with [`lookup`] or
/// iterate [`all`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Product {
    code: u32,
    name: &'static str,
    family: Family,
    level: Option<ValidationLevel>,
    trial: bool,
    pair: Option<u32>,
    evidence: Evidence,
}

/// Days of the 30-day trial (`291`).
const DAYS_TRIAL: &[u32] = &[30];
/// Days of the SSL products: 90, 1 year, and the 2- to 5-year bundles (DIGEST §6.1 `days`).
const DAYS_SSL: &[u32] = &[90, 365, 730, 1095, 1461, 1826];
/// Days of the other certificates (code/document signing, PAC): an inference, see the module
/// documentation.
const DAYS_OTHER_CERTIFICATES: &[u32] = &[365, 730, 1095];

impl Product {
    /// The numeric code sent in `product`.
    pub const fn code(&self) -> u32 {
        self.code
    }

    /// The product name as the documentation writes it (e.g. `"PositiveSSL Wildcard DV"`).
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// What the product is.
    pub const fn family(&self) -> Family {
        self.family
    }

    /// The validation level of a certificate; `None` for licences, services, add-ons, PAC and
    /// eIDAS codes whose level the documentation does not give.
    pub const fn validation_level(&self) -> Option<ValidationLevel> {
        self.level
    }

    /// Where this entry comes from.
    pub const fn evidence(&self) -> Evidence {
        self.evidence
    }

    /// Whether this is a trial or free product (`291` PositiveSSL Trial DV, `341`
    /// HackerGuardian free PCI scanning; "You can not renew trial license!", `-45`).
    pub const fn is_trial(&self) -> bool {
        self.trial
    }

    /// For a HackerGuardian licence sold as a pair of codes (`586,587`, `346,329`,
    /// `349,259`), the other code of the pair.
    pub const fn pair(&self) -> Option<u32> {
        self.pair
    }

    /// Whether this is a TLS server certificate.
    pub const fn is_ssl(&self) -> bool {
        self.family.is_ssl()
    }

    /// Whether this is a certificate (TLS, code signing, document signing, PAC, eIDAS), as
    /// opposed to a licence, a service or an add-on.
    pub const fn is_certificate(&self) -> bool {
        self.family.is_certificate()
    }

    /// Whether this is an add-on, ordered together with a main product.
    pub const fn is_add_on(&self) -> bool {
        matches!(self.family, Family::AddOn(_))
    }

    /// Whether this code is (part of) a main product: a certificate, a licence or a service.
    pub const fn is_main(&self) -> bool {
        !self.is_add_on()
    }

    /// Whether the CSR's common name may be a wildcard (`*.example.com`).
    pub const fn allows_wildcard(&self) -> bool {
        matches!(self.family, Family::Wildcard)
    }

    /// Whether the CSR's common name must contain exactly one wildcard (error `-6`).
    pub const fn wildcard_required(&self) -> bool {
        matches!(self.family, Family::Wildcard)
    }

    /// Whether the certificate carries several names (`domainNames`).
    pub const fn multi_domain(&self) -> bool {
        matches!(self.family, Family::MultiDomain | Family::Ucc)
    }

    /// Whether IP addresses may be ordered (in `domainNames` or the CN). An inference: non-EV
    /// Multi-Domain and UCC products only; see the module documentation.
    pub const fn allows_ip_addresses(&self) -> bool {
        self.multi_domain() && !matches!(self.level, Some(ValidationLevel::Ev))
    }

    /// What key request the order needs.
    pub const fn key_request(&self) -> KeyRequest {
        match self.family {
            Family::SingleName | Family::Wildcard | Family::MultiDomain | Family::Ucc => {
                KeyRequest::Csr
            }
            Family::CodeSigning | Family::EvCodeSigning | Family::PersonalAuthentication => {
                KeyRequest::CsrOrSpkac
            }
            Family::DocumentSigning | Family::Eidas => KeyRequest::Undocumented,
            Family::HackerGuardian | Family::CodeGuard | Family::WebSecurity | Family::AddOn(_) => {
                KeyRequest::None
            }
        }
    }

    /// Whether a PKCS#10 CSR must be sent in `csr` (TLS certificates). Code signing and PAC
    /// may send `pkcs10` or `spkac` instead: see [`Product::key_request`].
    pub const fn requires_csr(&self) -> bool {
        matches!(self.key_request(), KeyRequest::Csr)
    }

    /// The values of `days` this product takes, or `None` when the documentation gives none
    /// (licences, services, add-ons, eIDAS). Partly inferred: see the module documentation.
    pub const fn allowed_days(&self) -> Option<&'static [u32]> {
        if self.trial && self.family.is_ssl() {
            return Some(DAYS_TRIAL);
        }
        match self.family {
            Family::SingleName | Family::Wildcard | Family::MultiDomain | Family::Ucc => {
                Some(DAYS_SSL)
            }
            Family::CodeSigning
            | Family::EvCodeSigning
            | Family::DocumentSigning
            | Family::PersonalAuthentication => Some(DAYS_OTHER_CERTIFICATES),
            Family::Eidas
            | Family::HackerGuardian
            | Family::CodeGuard
            | Family::WebSecurity
            | Family::AddOn(_) => None,
        }
    }

    /// Whether `days` is allowed for this product; `None` when the documentation does not
    /// say (see [`Product::allowed_days`]).
    pub fn allows_days(&self, days: u32) -> Option<bool> {
        self.allowed_days().map(|list| list.contains(&days))
    }
}

impl fmt::Display for Product {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name, self.code)
    }
}

const fn p(
    code: u32,
    name: &'static str,
    family: Family,
    level: Option<ValidationLevel>,
    evidence: Evidence,
) -> Product {
    Product {
        code,
        name,
        family,
        level,
        trial: false,
        pair: None,
        evidence,
    }
}

const fn trial(mut product: Product) -> Product {
    product.trial = true;
    product
}

const fn paired(mut product: Product, other: u32) -> Product {
    product.pair = Some(other);
    product
}

const fn eidas(code: u32) -> Product {
    p(
        code,
        "eIDAS certificate",
        Family::Eidas,
        None,
        Evidence::CodeRangeOnly,
    )
}

/// The catalogue data, with short aliases for the table.
mod catalogue {
    use super::{AddOnKind, Evidence, Family, Product, ValidationLevel, eidas, p, paired, trial};
    use Evidence::{CurrentDocs as DOCS, Pdf as PDF};
    use Family::{
        CodeGuard as CG, CodeSigning, DocumentSigning, EvCodeSigning, HackerGuardian as HG,
        MultiDomain as MD, PersonalAuthentication as PAC, SingleName as SN, Ucc,
        WebSecurity as WEB, Wildcard as WC,
    };
    use ValidationLevel::{Dv, Ev, Iv, Ov};

    /// The catalogue, sorted by code (a unit test checks the order).
    pub(super) static CATALOGUE: &[Product] = &[
        p(7, "InstantSSL OV", SN, Some(Ov), DOCS),
        p(8, "Code Signing", CodeSigning, Some(Ov), PDF),
        p(35, "InstantSSL OV Wildcard", WC, Some(Ov), DOCS),
        p(
            36,
            "TrustLogo",
            Family::AddOn(AddOnKind::TrustLogo),
            None,
            PDF,
        ),
        p(63, "EnterpriseSSL OV", SN, Some(Ov), DOCS),
        p(64, "EnterpriseSSL Pro OV", SN, Some(Ov), DOCS),
        p(65, "EnterpriseSSL Pro Wildcard OV", WC, Some(Ov), DOCS),
        p(
            163,
            "eToken Shipping Cost",
            Family::AddOn(AddOnKind::Shipping),
            None,
            PDF,
        ),
        paired(p(259, "HackerGuardian Enterprise", HG, None, PDF), 349),
        p(279, "PositiveSSL Multi-Domain DV", MD, Some(Dv), DOCS),
        p(287, "PositiveSSL DV", SN, Some(Dv), DOCS),
        p(289, "PositiveSSL Wildcard DV", WC, Some(Dv), DOCS),
        trial(p(291, "PositiveSSL Trial DV", SN, Some(Dv), DOCS)),
        p(316, "SectigoSSL OV", SN, Some(Ov), DOCS),
        p(322, "SectigoSSL OV Wildcard", WC, Some(Ov), DOCS),
        paired(p(329, "HackerGuardian Standard", HG, None, PDF), 346),
        p(330, "InstantSSL DV", SN, Some(Dv), DOCS),
        p(331, "InstantSSL Wildcard DV", WC, Some(Dv), DOCS),
        p(335, "EnterpriseSSL Pro Multi-Domain OV", MD, Some(Ov), DOCS),
        p(337, "SectigoSSL EV", SN, Some(Ev), DOCS),
        trial(p(
            341,
            "HackerGuardian Free PCI Scanning Service (45 days)",
            HG,
            None,
            PDF,
        )),
        paired(p(346, "HackerGuardian Standard", HG, None, PDF), 329),
        paired(p(349, "HackerGuardian Enterprise", HG, None, PDF), 259),
        p(
            356,
            "HackerGuardian Additional IP Addresses Pack",
            Family::AddOn(AddOnKind::IpPack),
            None,
            PDF,
        ),
        p(357, "HackerGuardian HackerProof", HG, None, PDF),
        p(361, "InstantSSL UCC OV", Ucc, Some(Ov), DOCS),
        p(410, "SectigoSSL EV Multi-Domain", MD, Some(Ev), DOCS),
        p(488, "SectigoSSL DV", SN, Some(Dv), DOCS),
        p(489, "SectigoSSL Wildcard DV", WC, Some(Dv), DOCS),
        p(492, "SectigoSSL UCC DV", Ucc, Some(Dv), DOCS),
        p(506, "Personal Authentication Certificate", PAC, None, PDF),
        p(
            507,
            "Personal Authentication Certificate Pro",
            PAC,
            None,
            PDF,
        ),
        p(
            508,
            "Personal Authentication Certificate Enterprise",
            PAC,
            Some(Ov),
            PDF,
        ),
        p(530, "EV Code Signing", EvCodeSigning, Some(Ev), PDF),
        p(551, "Code Signing (legacy)", CodeSigning, Some(Ov), PDF),
        p(556, "PositiveSSL EV", SN, Some(Ev), DOCS),
        p(557, "PositiveSSL EV Multi-Domain", MD, Some(Ev), DOCS),
        p(562, "EnterpriseSSL Pro EV", SN, Some(Ev), DOCS),
        p(563, "EnterpriseSSL Pro EV Multi-Domain", MD, Some(Ev), DOCS),
        p(567, "InstantSSL EV", SN, Some(Ev), DOCS),
        p(568, "InstantSSL EV Multi-Domain", MD, Some(Ev), DOCS),
        p(
            577,
            "eToken Cost",
            Family::AddOn(AddOnKind::EToken),
            None,
            PDF,
        ),
        p(583, "SectigoSSL OV Multi-Domain", MD, Some(Ov), DOCS),
        paired(
            p(586, "HackerGuardian Lite (Retail Only)", HG, None, PDF),
            587,
        ),
        paired(
            p(587, "HackerGuardian Lite (Retail Only)", HG, None, PDF),
            586,
        ),
        p(700, "CodeGuard (Personal)", CG, None, PDF),
        p(701, "CodeGuard (Professional)", CG, None, PDF),
        p(702, "CodeGuard (Company)", CG, None, PDF),
        p(703, "CodeGuard (Small Business)", CG, None, PDF),
        p(
            706,
            "Document Signing (Organization)",
            DocumentSigning,
            Some(Ov),
            PDF,
        ),
        p(749, "EnterpriseSSL DV", SN, Some(Dv), DOCS),
        p(750, "EnterpriseSSL Wildcard DV", WC, Some(Dv), DOCS),
        p(751, "EnterpriseSSL Multi-Domain DV", MD, Some(Dv), DOCS),
        eidas(777),
        eidas(778),
        eidas(779),
        eidas(780),
        eidas(781),
        eidas(782),
        eidas(783),
        eidas(784),
        eidas(785),
        eidas(786),
        eidas(787),
        eidas(788),
        eidas(789),
        eidas(790),
        eidas(791),
        eidas(792),
        p(1000, "Sectigo Web Monitor", WEB, None, PDF),
        p(1004, "Sectigo Web Remediate Partner", WEB, None, PDF),
        p(1005, "Sectigo Web Perform Partner", WEB, None, PDF),
        p(1006, "Sectigo Web Complete Partner", WEB, None, PDF),
        p(1007, "Sectigo Web One Time Remediate", WEB, None, PDF),
        p(1008, "Sectigo Web Accelerate", WEB, None, PDF),
        p(1009, "Sectigo Web Firewall", WEB, None, PDF),
        p(
            1214,
            "Document Signing (Individual)",
            DocumentSigning,
            Some(Iv),
            DOCS,
        ),
    ];
}
use catalogue::CATALOGUE;

/// Every product of the catalogue, sorted by code.
///
/// ```
/// let all = sectigo_codec::product::all();
/// assert!(all.windows(2).all(|w| w[0].code() < w[1].code()));
/// assert!(all.iter().any(|p| p.code() == 488));
/// ```
pub fn all() -> &'static [Product] {
    CATALOGUE
}

/// The product with this code, or `None` for a code the specification digest does not name
/// (including the UNCONFIRMED 721-765 bundles and AutoApplySSL's old codes: see
/// [`code_status`]).
///
/// ```
/// use sectigo_codec::product::{lookup, Family};
/// assert_eq!(lookup(289).unwrap().family(), Family::Wildcard);
/// assert!(lookup(721).is_none());
/// ```
pub fn lookup(code: u32) -> Option<&'static Product> {
    CATALOGUE
        .binary_search_by_key(&code, |product| product.code)
        .ok()
        .and_then(|index| CATALOGUE.get(index))
}

/// Why a code is not in the catalogue although the documentation mentions it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Unconfirmed {
    /// 721-765 (except 749-751): SectigoSSL Pro / Premium / Enterprise bundles with Sectigo
    /// Web; the PDF's list is garbled, so which code is which product is unknown.
    BundleRange,
    /// A code of AutoApplySSL's old list (448, 24, 34, 43, 44, 62, 318, 324, 510, 511), named
    /// without its product.
    LegacyAutoApplySsl,
}

/// What the catalogue knows about a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CodeStatus {
    /// A catalogue product.
    Known(&'static Product),
    /// Mentioned by the documentation but not mapped to a product.
    Unconfirmed(Unconfirmed),
    /// Never mentioned.
    Unknown,
}

/// The codes of AutoApplySSL's old list that the digest names (DIGEST §6.2, last line).
const LEGACY_AUTO_APPLY_SSL: &[u32] = &[24, 34, 43, 44, 62, 318, 324, 448, 510, 511];

/// What the catalogue knows about `code`.
///
/// ```
/// use sectigo_codec::product::{code_status, CodeStatus, Unconfirmed};
/// assert!(matches!(code_status(488), CodeStatus::Known(_)));
/// assert_eq!(code_status(730), CodeStatus::Unconfirmed(Unconfirmed::BundleRange));
/// assert_eq!(code_status(43), CodeStatus::Unconfirmed(Unconfirmed::LegacyAutoApplySsl));
/// assert_eq!(code_status(9999), CodeStatus::Unknown);
/// ```
pub fn code_status(code: u32) -> CodeStatus {
    if let Some(product) = lookup(code) {
        CodeStatus::Known(product)
    } else if (721..=765).contains(&code) {
        CodeStatus::Unconfirmed(Unconfirmed::BundleRange)
    } else if LEGACY_AUTO_APPLY_SSL.contains(&code) {
        CodeStatus::Unconfirmed(Unconfirmed::LegacyAutoApplySsl)
    } else {
        CodeStatus::Unknown
    }
}

/// The values the `IP Addresses` parameter (HackerGuardian additional IP pack, product `356`)
/// takes (PDF §3, DIGEST §6.1).
pub const IP_PACK_SIZES: [u32; 7] = [1, 5, 10, 50, 100, 500, 1000];

/// Whether `size` is a documented value of the `IP Addresses` parameter.
///
/// ```
/// assert!(sectigo_codec::product::is_valid_ip_pack_size(50));
/// assert!(!sectigo_codec::product::is_valid_ip_pack_size(20));
/// ```
pub fn is_valid_ip_pack_size(size: u32) -> bool {
    IP_PACK_SIZES.contains(&size)
}

/// The maximum length of the `product` parameter in characters (DIGEST §6.1).
pub const MAX_PRODUCT_PARAMETER_CHARS: usize = 64;

/// Why a `product` parameter value could not be read. Positions only: the value is not
/// repeated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProductListError {
    /// The value is empty (or only spaces).
    #[error("the product list is empty")]
    Empty,
    /// The value is longer than the documented 64 characters.
    #[error("the product list has {chars} characters; at most {max} are allowed", max = MAX_PRODUCT_PARAMETER_CHARS)]
    TooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// An entry between two commas is empty (`"316,,36"`, `"316,"`).
    #[error("entry {index} of the product list (at byte {offset}) is empty")]
    EmptyEntry {
        /// 0-based index of the entry.
        index: usize,
        /// Byte offset of the entry.
        offset: usize,
    },
    /// An entry is not a decimal integer that fits in `u32`.
    #[error(
        "entry {index} of the product list (at byte {offset}) is not a product code (decimal digits)"
    )]
    InvalidCode {
        /// 0-based index of the entry.
        index: usize,
        /// Byte offset of the entry.
        offset: usize,
    },
}

/// Reads the `product` parameter: comma-separated decimal codes, `"316,36"`.
///
/// Spaces around an entry are tolerated (the PDF's own example writes `586, 587, 356`);
/// anything else that is not a digit is refused. The codes are returned in order, without
/// checking them against the catalogue (that is [`check_combination`]).
///
/// # Errors
///
/// [`ProductListError`] for an empty value, a value over 64 characters, an empty entry, or
/// an entry that is not a decimal `u32`.
///
/// ```
/// use sectigo_codec::product::{parse_product_list, ProductListError};
/// assert_eq!(parse_product_list("706,577,163")?, [706, 577, 163]);
/// assert_eq!(parse_product_list("586, 587, 356")?, [586, 587, 356]);
/// assert_eq!(
///     parse_product_list("316,,36"),
///     Err(ProductListError::EmptyEntry { index: 1, offset: 4 })
/// );
/// # Ok::<(), ProductListError>(())
/// ```
pub fn parse_product_list(s: &str) -> Result<Vec<u32>, ProductListError> {
    let chars = s.chars().count();
    if chars > MAX_PRODUCT_PARAMETER_CHARS {
        return Err(ProductListError::TooLong { chars });
    }
    if s.trim_matches(' ').is_empty() {
        return Err(ProductListError::Empty);
    }
    let mut codes = Vec::new();
    let mut offset = 0usize;
    for (index, entry) in s.split(',').enumerate() {
        let start = offset;
        // `entry.len() + 1` cannot overflow: both are bounded by `s.len()`.
        offset = offset.saturating_add(entry.len()).saturating_add(1);
        let trimmed = entry.trim_matches(' ');
        if trimmed.is_empty() {
            return Err(ProductListError::EmptyEntry {
                index,
                offset: start,
            });
        }
        let leading = entry
            .len()
            .saturating_sub(entry.trim_start_matches(' ').len());
        let entry_offset = start.saturating_add(leading);
        if !trimmed.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ProductListError::InvalidCode {
                index,
                offset: entry_offset,
            });
        }
        let code = trimmed
            .parse::<u32>()
            .map_err(|_| ProductListError::InvalidCode {
                index,
                offset: entry_offset,
            })?;
        codes.push(code);
    }
    Ok(codes)
}

/// A violation of the rules on which codes may be ordered together, from
/// [`check_combination`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CombinationProblem {
    /// No code at all.
    Empty,
    /// A code the catalogue does not know and the documentation never mentions.
    UnknownCode {
        /// The code.
        code: u32,
    },
    /// A code the documentation mentions without a product (advisory: the server may well
    /// accept it; see [`code_status`]).
    UnconfirmedCode {
        /// The code.
        code: u32,
        /// Why it is not mapped.
        reason: Unconfirmed,
    },
    /// The same code twice.
    DuplicateCode {
        /// The code.
        code: u32,
    },
    /// Only add-ons, no main product (certificate, licence or service).
    NoMainProduct,
    /// More than one main product: "exactly ONE certificate/product code plus optional
    /// add-on codes" (DIGEST §6.1). A HackerGuardian pair counts as one.
    MultipleMainProducts {
        /// The main codes, in order (for a pair, its first code).
        codes: Vec<u32>,
    },
    /// One code of a HackerGuardian pair without the other (`586,587`, `346,329`,
    /// `349,259`).
    IncompletePair {
        /// The code present.
        code: u32,
        /// The code missing.
        missing: u32,
    },
    /// TrustLogo (`36`) without an OV or EV certificate ("Add this value to any OV or EV
    /// product code").
    TrustLogoNeedsOvEv,
    /// eToken (`577`) or its shipping (`163`) without a Document Signing certificate: `-81`
    /// "The order must have a Document-Signing Certificate!".
    NeedsDocumentSigning {
        /// The add-on code.
        code: u32,
    },
    /// Shipping (`163`) without an eToken (`577`) to ship (advisory).
    ShippingWithoutEToken,
    /// The additional IP pack (`356`) without a HackerGuardian licence in the same order:
    /// `-59` "Additional IP Address Packs may only be purchased for an existing
    /// HackerGuardian account!" (advisory: whether a pack alone may be added to an existing
    /// account with `previousOrderNumber` is UNCONFIRMED).
    IpPackWithoutHackerGuardian,
    /// The additional IP pack (`356`) with the free trial licence (`341`): `-58`.
    IpPackOnTrial,
}

impl CombinationProblem {
    /// A stable kebab-case identifier.
    pub const fn id(&self) -> &'static str {
        match self {
            Self::Empty => "product-list-empty",
            Self::UnknownCode { .. } => "product-unknown-code",
            Self::UnconfirmedCode { .. } => "product-unconfirmed-code",
            Self::DuplicateCode { .. } => "product-duplicate-code",
            Self::NoMainProduct => "product-no-main-product",
            Self::MultipleMainProducts { .. } => "product-multiple-main-products",
            Self::IncompletePair { .. } => "product-incomplete-pair",
            Self::TrustLogoNeedsOvEv => "product-trustlogo-needs-ov-ev",
            Self::NeedsDocumentSigning { .. } => "product-etoken-needs-document-signing",
            Self::ShippingWithoutEToken => "product-shipping-without-etoken",
            Self::IpPackWithoutHackerGuardian => "product-ip-pack-without-hackerguardian",
            Self::IpPackOnTrial => "product-ip-pack-on-trial",
        }
    }

    /// Whether the server is expected to refuse the order (`true`) or this is advice.
    pub const fn is_error(&self) -> bool {
        !matches!(
            self,
            Self::UnconfirmedCode { .. }
                | Self::ShippingWithoutEToken
                | Self::IpPackWithoutHackerGuardian
        )
    }

    /// The AutoApplyOrder error code the server is expected to answer with (DIGEST §6.5):
    /// the specific code where one is documented, else `-4` ("The value of the 'product'
    /// argument is invalid!"); `None` for advice.
    pub const fn server_code(&self) -> Option<i32> {
        match self {
            Self::Empty => Some(-3),
            Self::UnconfirmedCode { .. } | Self::ShippingWithoutEToken => None,
            Self::NeedsDocumentSigning { .. } => Some(-81),
            Self::IpPackWithoutHackerGuardian => Some(-59),
            Self::IpPackOnTrial => Some(-58),
            Self::UnknownCode { .. }
            | Self::DuplicateCode { .. }
            | Self::NoMainProduct
            | Self::MultipleMainProducts { .. }
            | Self::IncompletePair { .. }
            | Self::TrustLogoNeedsOvEv => Some(-4),
        }
    }

    /// A sentence saying what is wrong and what to change.
    pub fn message(&self) -> String {
        match self {
            Self::Empty => "the product list is empty; give exactly one product code".into(),
            Self::UnknownCode { code } => {
                format!("product code {code} is not a documented Sectigo product; check the code")
            }
            Self::UnconfirmedCode { code, reason } => match reason {
                Unconfirmed::BundleRange => format!(
                    "product code {code} lies in the 721-765 SectigoSSL Pro/Premium/Enterprise \
                     range whose mapping is garbled in the documentation; confirm the code \
                     with Sectigo"
                ),
                Unconfirmed::LegacyAutoApplySsl => format!(
                    "product code {code} is from AutoApplySSL's old list and is not described; \
                     confirm it with Sectigo or use a current code"
                ),
            },
            Self::DuplicateCode { code } => {
                format!("product code {code} is listed twice; list it once")
            }
            Self::NoMainProduct => "the product list has only add-ons; add exactly one \
                                    certificate, licence or service code"
                .into(),
            Self::MultipleMainProducts { codes } => {
                let list: Vec<String> = codes.iter().map(u32::to_string).collect();
                format!(
                    "the product list has {} main products ({}); order exactly one, with \
                     add-ons only",
                    codes.len(),
                    list.join(", ")
                )
            }
            Self::IncompletePair { code, missing } => format!(
                "HackerGuardian code {code} is sold as a pair with {missing}; add {missing}"
            ),
            Self::TrustLogoNeedsOvEv => "TrustLogo (36) can only be added to an OV or EV \
                                         certificate; remove it or order an OV/EV product"
                .into(),
            Self::NeedsDocumentSigning { code } => format!(
                "add-on {code} (eToken) needs a Document Signing certificate (706) in the \
                 same order"
            ),
            Self::ShippingWithoutEToken => {
                "eToken shipping (163) is listed without an eToken (577); add 577 or \
                 remove 163"
                    .into()
            }
            Self::IpPackWithoutHackerGuardian => "the additional IP pack (356) needs a \
                                                  HackerGuardian licence; add one, or \
                                                  order it for an existing account"
                .into(),
            Self::IpPackOnTrial => "the additional IP pack (356) is not available with the \
                                    free HackerGuardian trial (341)"
                .into(),
        }
    }
}

impl fmt::Display for CombinationProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// The one main product of a `product` list (a certificate, licence or service; add-ons are
/// skipped and a HackerGuardian pair counts once), or `None` when there is no main product,
/// more than one, or a code the catalogue does not map. This is the product whose rules
/// (wildcard, IP addresses, validation level, `days`) apply to the order.
///
/// ```
/// use sectigo_codec::product::main_product;
/// assert_eq!(main_product(&[316, 36]).map(|p| p.code()), Some(316));
/// assert_eq!(main_product(&[587, 586, 356]).map(|p| p.code()), Some(587));
/// assert!(main_product(&[316, 488]).is_none());
/// assert!(main_product(&[36]).is_none());
/// ```
pub fn main_product(codes: &[u32]) -> Option<&'static Product> {
    let mut found: Option<&'static Product> = None;
    for &code in codes {
        let product = lookup(code)?;
        if !product.is_main() {
            continue;
        }
        match found {
            None => found = Some(product),
            Some(first) if first.code == code || first.pair == Some(code) => {}
            Some(_) => return None,
        }
    }
    found
}

/// Checks which product codes are ordered together (issue #3 item 3; DIGEST §6.1, §6.5).
///
/// Returns every problem found, in a fixed order (codes first, then the main product, then
/// each add-on); an empty vector means the combination is valid as far as the documentation
/// tells. The rules:
///
/// * every code known ([`CombinationProblem::UnknownCode`]; documented-but-unmapped codes
///   give the advisory [`CombinationProblem::UnconfirmedCode`] and count as a main product),
///   no code twice;
/// * exactly one main product - a certificate, a licence or a service; the two codes of a
///   HackerGuardian pair are one licence and must both be present;
/// * TrustLogo `36` with an OV or EV certificate; eToken `577` and shipping `163` with a
///   Document Signing certificate (`-81`); the IP pack `356` with a HackerGuardian licence
///   (`-59`), not the free trial `341` (`-58`).
///
/// ```
/// use sectigo_codec::product::{check_combination, CombinationProblem};
/// assert!(check_combination(&[706, 577, 163]).is_empty());
/// assert!(check_combination(&[586, 587, 356]).is_empty());
/// assert_eq!(check_combination(&[488, 36]), [CombinationProblem::TrustLogoNeedsOvEv]);
/// assert_eq!(
///     check_combination(&[586]),
///     [CombinationProblem::IncompletePair { code: 586, missing: 587 }]
/// );
/// ```
pub fn check_combination(codes: &[u32]) -> Vec<CombinationProblem> {
    let mut problems = Vec::new();
    if codes.is_empty() {
        problems.push(CombinationProblem::Empty);
        return problems;
    }
    let present: BTreeSet<u32> = codes.iter().copied().collect();
    let mut seen: BTreeSet<u32> = BTreeSet::new();
    let mut main_codes: Vec<u32> = Vec::new();
    let mut main: Option<&'static Product> = None;
    let mut unconfirmed_main = false;
    let mut has_hackerguardian = false;
    let mut has_trial_hackerguardian = false;
    for &code in codes {
        if !seen.insert(code) {
            problems.push(CombinationProblem::DuplicateCode { code });
            continue;
        }
        match code_status(code) {
            CodeStatus::Unknown => problems.push(CombinationProblem::UnknownCode { code }),
            CodeStatus::Unconfirmed(reason) => {
                problems.push(CombinationProblem::UnconfirmedCode { code, reason });
                unconfirmed_main = true;
                main_codes.push(code);
            }
            CodeStatus::Known(product) => {
                if product.family == Family::HackerGuardian {
                    has_hackerguardian = true;
                    has_trial_hackerguardian |= product.trial;
                }
                if let Some(other) = product.pair {
                    if !present.contains(&other) {
                        problems.push(CombinationProblem::IncompletePair {
                            code,
                            missing: other,
                        });
                    } else if seen.contains(&other) {
                        // The second code of a complete pair: the licence is already counted.
                        continue;
                    }
                }
                if product.is_main() {
                    main_codes.push(code);
                    main = Some(product);
                }
            }
        }
    }
    if main_codes.is_empty() {
        // Only add-ons (or unknown codes): say so once, unless nothing was known at all.
        if present.iter().any(|&code| lookup(code).is_some()) {
            problems.push(CombinationProblem::NoMainProduct);
        }
    } else if main_codes.len() > 1 {
        problems.push(CombinationProblem::MultipleMainProducts { codes: main_codes });
        main = None;
    }
    // Add-on rules are checked only against a single, known main product; with an
    // unconfirmed main code we cannot tell, so we stay silent rather than guess.
    if unconfirmed_main {
        return problems;
    }
    let has_etoken = present.contains(&577);
    let mut seen_add_ons: BTreeSet<u32> = BTreeSet::new();
    for &code in codes {
        let Some(product) = lookup(code) else {
            continue;
        };
        let Family::AddOn(kind) = product.family else {
            continue;
        };
        if !seen_add_ons.insert(code) {
            continue;
        }
        match kind {
            AddOnKind::TrustLogo => {
                let ok = main.is_some_and(|m| {
                    m.is_certificate()
                        && matches!(m.level, Some(ValidationLevel::Ov | ValidationLevel::Ev))
                });
                if !ok && main.is_some() {
                    problems.push(CombinationProblem::TrustLogoNeedsOvEv);
                }
            }
            AddOnKind::EToken | AddOnKind::Shipping => {
                let ok = main.is_some_and(|m| m.family == Family::DocumentSigning);
                if !ok && main.is_some() {
                    problems.push(CombinationProblem::NeedsDocumentSigning { code });
                }
                if kind == AddOnKind::Shipping && !has_etoken {
                    problems.push(CombinationProblem::ShippingWithoutEToken);
                }
            }
            AddOnKind::IpPack => {
                if has_trial_hackerguardian {
                    problems.push(CombinationProblem::IpPackOnTrial);
                } else if !has_hackerguardian {
                    problems.push(CombinationProblem::IpPackWithoutHackerGuardian);
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_sorted_and_unique() {
        assert!(CATALOGUE.windows(2).all(|w| w[0].code < w[1].code));
    }

    #[test]
    fn pairs_point_at_each_other() {
        for product in CATALOGUE {
            if let Some(other) = product.pair {
                let other = lookup(other).unwrap();
                assert_eq!(other.pair, Some(product.code));
                assert_eq!(other.name, product.name);
                assert_eq!(other.family, Family::HackerGuardian);
            }
        }
    }

    #[test]
    fn unconfirmed_ranges_are_not_in_the_catalogue() {
        for code in 721..=765 {
            if (749..=751).contains(&code) {
                assert!(lookup(code).is_some());
            } else {
                assert!(lookup(code).is_none(), "{code}");
            }
        }
        for &code in LEGACY_AUTO_APPLY_SSL {
            assert!(lookup(code).is_none(), "{code}");
        }
    }
}
