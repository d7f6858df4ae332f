//! The errors the server reports (`errorCode < 0`), and the per-endpoint catalogue of what
//! each code means.
//!
//! DIGEST §1.5:
//!
//! > `>= 0` success (meaning of 0/1/2 is endpoint-specific), `< 0` error. Negative codes are
//! > NOT globally unique: the same number means different things on different endpoints (see
//! > §11). Always interpret a code together with the endpoint. Never key behaviour on the
//! > message text: messages change (e.g. `-16`).
//!
//! So an [`ApiError`] is always the pair (endpoint, [`ApiErrorCode`]), and its meaning comes
//! from [`CATALOGUE`], one table of [`CatalogueEntry`] rows rebuilt from DIGEST §2.6 (CollectSSL),
//! §3.4 (CollectPAC, CollectSMIME), §4.3 (GetDetailedOrderStatus), §5.3 (AutoRevokeSSL), §6.5
//! (AutoApplyOrder), §8 (AutoRefund), §9 (getAccountBalance) and §11 (same code, different
//! meaning). Each row names the endpoints it applies to; a code that the documentation words
//! differently on one endpoint has one row per wording. Where the table had to be
//! reconstructed (a lost cell, a sibling endpoint's table) the row says so
//! ([`Confidence::Inferred`]).
//!
//! Codes the catalogue does not know are kept, not rejected: [`ApiError::meaning`] is then
//! `None`, and the code and the server's message are still there ("Sectigo reserves the
//! right to add codes", DIGEST §6.5).
//!
//! ```
//! use sectigo_codec::{ApiError, ApiErrorCode, EndpointId};
//!
//! // -18 on AutoApplyOrder is a CSR problem ...
//! let e = ApiError::new(
//!     EndpointId::AutoApplyOrder,
//!     ApiErrorCode::new(-18),
//!     Some("The CSR's Common Name may not be a Fully-Qualified Domain Name!".into()),
//!     None,
//! );
//! assert_eq!(e.name(), Some("CSR_CN_IS_FQDN"));
//! assert!(e.is_csr_problem());
//!
//! // ... and on AutoRefund the server's explanation of a refused refund.
//! let e = ApiError::new(EndpointId::AutoRefund, ApiErrorCode::new(-18), Some("Too late".into()), None);
//! assert_eq!(e.name(), Some("REFUND_FAILED"));
//! assert!(!e.is_csr_problem());
//!
//! // The argument is read from the 'xxxx' of the message.
//! let e = ApiError::new(
//!     EndpointId::CollectSsl,
//!     ApiErrorCode::INVALID_VALUE,
//!     Some("The value of the 'orderNumber' argument is invalid!".into()),
//!     None,
//! );
//! assert_eq!(e.argument(), Some("orderNumber"));
//! ```

use core::fmt;
use core::str::FromStr;

use crate::EndpointId;

/// An error code returned by the server (`errorCode`, or the first line of a newline body).
///
/// An open newtype: any `i32` is a valid code, documented or not. The associated constants
/// name the documented codes after their meaning on the endpoint(s) that define them; the
/// same number has several names where endpoints disagree (`CSR_CN_IS_FQDN` and
/// `REFUND_FAILED` are both `-18`). Use [`ApiError::name`] for the name that applies to the
/// endpoint that answered.
///
/// `Display` and [`FromStr`] use the decimal number (`-4`).
///
/// ```
/// use sectigo_codec::ApiErrorCode;
/// assert_eq!(ApiErrorCode::MISSING_ARGUMENT.get(), -3);
/// assert_eq!("-3".parse::<ApiErrorCode>().unwrap(), ApiErrorCode::MISSING_ARGUMENT);
/// assert_eq!(ApiErrorCode::new(-296).to_string(), "-296");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ApiErrorCode(i32);

impl ApiErrorCode {
    /// The code with this number.
    pub const fn new(code: i32) -> Self {
        Self(code)
    }

    /// The number.
    pub const fn get(self) -> i32 {
        self.0
    }
}

/// Declares the named codes as associated constants of [`ApiErrorCode`].
macro_rules! codes {
    ($( $(#[$doc:meta])* $name:ident = $code:literal; )*) => {
        impl ApiErrorCode {
            $( $(#[$doc])* pub const $name: Self = Self($code); )*
        }

        /// Every named code as `(name, code)`, in declaration order (for tests).
        #[cfg(test)]
        const NAMED: &[(&str, ApiErrorCode)] = &[$((stringify!($name), ApiErrorCode::$name)),*];
    };
}

codes! {
    /// `-1`: "Request was not made over https!"
    NOT_HTTPS = -1;
    /// `-2`: "'xxxx' is an unrecognised argument!"
    UNRECOGNISED_ARGUMENT = -2;
    /// `-3`: "The 'xxxx' argument is missing!"
    MISSING_ARGUMENT = -3;
    /// `-4`: "The value of the 'xxxx' argument is invalid!"
    INVALID_VALUE = -4;
    /// `-5` (AutoApplyOrder): the CSR's common name may not contain a wildcard.
    CSR_CN_WILDCARD_NOT_ALLOWED = -5;
    /// `-6` (AutoApplyOrder): the CSR's common name must contain one wildcard.
    CSR_CN_WILDCARD_REQUIRED = -6;
    /// `-7` (AutoApplyOrder): not a valid ISO-3166 country.
    INVALID_COUNTRY = -7;
    /// `-8` (AutoApplyOrder): the CSR is missing a required field.
    CSR_MISSING_FIELD = -8;
    /// `-9` (AutoApplyOrder): the CSR is not valid base64.
    CSR_NOT_BASE64 = -9;
    /// `-10` (AutoApplyOrder): the CSR cannot be decoded.
    CSR_UNDECODABLE = -10;
    /// `-11` (AutoApplyOrder): the CSR uses an unsupported algorithm.
    CSR_UNSUPPORTED_ALGORITHM = -11;
    /// `-12` (AutoApplyOrder): the CSR has an invalid signature.
    CSR_INVALID_SIGNATURE = -12;
    /// `-13` (AutoApplyOrder): the CSR uses an unsupported key size.
    CSR_UNSUPPORTED_KEY_SIZE = -13;
    /// `-14`: "An unknown error occurred!" (printed `14` on one page, DIGEST §12 quirk 23).
    UNKNOWN_ERROR = -14;
    /// `-15` (AutoApplyOrder): not enough credit.
    NOT_ENOUGH_CREDIT = -15;
    /// `-16`: authentication or authorisation failure (wording changed over time).
    AUTHENTICATION_FAILED = -16;
    /// `-17`: "Request used GET rather than POST!"
    GET_NOT_POST = -17;
    /// `-18` on AutoApplyOrder: the CSR's common name may not be an FQDN.
    CSR_CN_IS_FQDN = -18;
    /// `-18` on AutoRefund: the refund failed (the message explains why).
    REFUND_FAILED = -18;
    /// `-19` on AutoApplyOrder: the CSR's common name may not be an Internet-accessible IP.
    CSR_CN_IS_PUBLIC_IP = -19;
    /// `-19` on getAccountBalance: only for CCM accounts.
    CCM_ACCOUNTS_ONLY = -19;
    /// `-20` on CollectSSL/CollectPAC/CollectSMIME/AutoRevokeSSL: the certificate was
    /// rejected.
    CERTIFICATE_REJECTED = -20;
    /// `-20` on AutoRefund: the order was already cancelled.
    ORDER_CANCELLED = -20;
    /// `-21`: the certificate was revoked.
    CERTIFICATE_REVOKED = -21;
    /// `-22`: payment for the order is still pending.
    AWAITING_PAYMENT = -22;
    /// `-23` on AutoRevokeSSL: the certificate is being issued (when `revocationReason` was
    /// omitted; `-26` otherwise).
    BEING_ISSUED_LEGACY = -23;
    /// `-23` on CollectSSL: added in v1.18 with `behaviourVersion` (replaced certificates),
    /// removed in v1.21; meaning UNCONFIRMED.
    CERTIFICATE_REPLACED = -23;
    /// `-26`: the certificate is being issued.
    BEING_ISSUED = -26;
    /// `-35` (AutoApplyOrder): the CSR's common name may not be an IP address.
    CSR_CN_IS_IP = -35;
    /// `-40` (AutoApplyOrder): the CSR's key is believed to be compromised.
    COMPROMISED_KEY = -40;
    /// `-42`: call limit reached.
    CALL_LIMIT_REACHED = -42;
    /// `-45` (AutoApplyOrder): a trial licence cannot be renewed.
    TRIAL_NOT_RENEWABLE = -45;
    /// `-47` (AutoApplyOrder): the domain is already validated.
    DOMAIN_ALREADY_VALIDATED = -47;
    /// `-53` (AutoApplyOrder): wrong duration for the HackerGuardian licence or IP pack.
    INCORRECT_HG_DURATION = -53;
    /// `-54` (AutoApplyOrder): the order can have one main licence only.
    ONE_MAIN_LICENCE_ONLY = -54;
    /// `-55` (AutoApplyOrder): the request token (CSR + `uniqueValue`) is not unique.
    REQUEST_TOKEN_NOT_UNIQUE = -55;
    /// `-56` (AutoApplyOrder): renewals only within 30 days of expiry.
    RENEWAL_TOO_EARLY = -56;
    /// `-57` (AutoApplyOrder): the company name already exists at Qualys.
    QUALYS_COMPANY_EXISTS = -57;
    /// `-58` (AutoApplyOrder): no additional IP pack for a trial licence.
    IP_PACK_NOT_FOR_TRIAL = -58;
    /// `-59` (AutoApplyOrder): IP packs only for an existing HackerGuardian account.
    IP_PACK_NEEDS_HG_ACCOUNT = -59;
    /// `-60` (AutoApplyOrder): the PCI portal renewal needs enough IPs.
    PCI_RENEWAL_NEEDS_IPS = -60;
    /// `-63` (AutoApplyOrder): the e-mail already exists at CodeGuard.
    CODEGUARD_EMAIL_EXISTS = -63;
    /// `-64` (AutoApplyOrder): unknown CodeGuard partner.
    CODEGUARD_UNKNOWN_PARTNER = -64;
    /// `-65` (AutoApplyOrder): no plan ID for this product.
    PLAN_NOT_FOUND = -65;
    /// `-66` (AutoApplyOrder): the CodeGuard partner is not activated.
    CODEGUARD_PARTNER_INACTIVE = -66;
    /// `-67` (AutoApplyOrder): the order can have one CodeGuard licence only.
    ONE_CODEGUARD_LICENCE_ONLY = -67;
    /// `-68` (AutoApplyOrder): the argument is for licence products only.
    LICENCE_ONLY_ARGUMENT = -68;
    /// `-69` (AutoApplyOrder): the CodeGuard sync service is disabled.
    CODEGUARD_SYNC_DISABLED = -69;
    /// `-70` (AutoApplyOrder): invalid e-mail address.
    INVALID_EMAIL = -70;
    /// `-71` (AutoApplyOrder): the previous order must have a licence of the same type.
    PREVIOUS_ORDER_TYPE_MISMATCH = -71;
    /// `-76` (AutoApplyOrder): the SiteLock partner account is not activated.
    SITELOCK_PARTNER_INACTIVE = -76;
    /// `-81` (AutoApplyOrder): the order must have a document-signing certificate.
    DOCUMENT_SIGNING_REQUIRED = -81;
    /// `-82` (AutoApplyOrder): the order must have only one web package product.
    ONE_WEB_PACKAGE_ONLY = -82;
    /// `-90` (CollectSSL): the user may not use the voucher.
    VOUCHER_NOT_ALLOWED = -90;
    /// `-91`: permission denied for the context.
    CONTEXT_PERMISSION_DENIED = -91;
    /// `-115` (AutoApplyOrder): no price found (an invalid `days`, for instance).
    NO_PRICE_FOUND = -115;
    /// `-121` (AutoApplyOrder): a lower-tier add-on, or a renewal outside its window.
    ADD_ON_OR_RENEWAL_REFUSED = -121;
    /// `-122` (AutoApplyOrder): the domain or account e-mail already exists.
    ALREADY_EXISTS = -122;
    /// `-124` (AutoApplyOrder): an SSL + SiteLock bundle needs an SSL certificate.
    SITELOCK_BUNDLE_NEEDS_SSL = -124;
    /// `-160` (AutoApplyOrder): a general error relayed from SSL.com.
    SSL_COM_ERROR = -160;
    /// `-162` (AutoApplyOrder): the CSR contains domains that are not in `domainNames`.
    CSR_DOMAINS_NOT_IN_DOMAIN_NAMES = -162;
}

impl fmt::Debug for ApiErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ApiErrorCode({})", self.0)
    }
}

impl fmt::Display for ApiErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl From<i32> for ApiErrorCode {
    fn from(code: i32) -> Self {
        Self(code)
    }
}

impl From<ApiErrorCode> for i32 {
    fn from(code: ApiErrorCode) -> Self {
        code.0
    }
}

impl FromStr for ApiErrorCode {
    type Err = core::num::ParseIntError;

    /// Parses the decimal number, surrounding whitespace ignored.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim().parse().map(Self)
    }
}

/// How well the documentation supports a [`CatalogueEntry`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Confidence {
    /// Stated by a current documentation page or the AutoApplyOrder v3.44 PDF.
    Documented,
    /// Rebuilt from indirect evidence (row order of a table whose numbers were lost, a
    /// sibling endpoint, a changelog, public client code); DIGEST gives the reasoning.
    Inferred,
}

/// One row of the error catalogue: a code, what it means on the endpoints listed, and the
/// message the documentation prints for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CatalogueEntry {
    /// The endpoints this row applies to.
    pub endpoints: &'static [EndpointId],
    /// The code.
    pub code: ApiErrorCode,
    /// The name of the code on these endpoints (an [`ApiErrorCode`] constant's name).
    pub name: &'static str,
    /// The message as documented (`'xxxx'` stands for an argument name); `None` where the
    /// documentation gives none.
    pub message: Option<&'static str>,
    /// What the code means on these endpoints.
    pub meaning: &'static str,
    /// How well the documentation supports this row.
    pub confidence: Confidence,
}

impl CatalogueEntry {
    /// `true` when the documented message names an argument as `'xxxx'` (so the quoted
    /// text of a real message is an argument name, not a value like `-7`'s country).
    pub fn names_argument(&self) -> bool {
        self.message.is_some_and(|m| m.contains("'xxxx'"))
    }
}

/// Endpoint groups used by the catalogue rows.
mod groups {
    use crate::EndpointId::{
        self, AutoApplyOrder, AutoRefund, AutoReplaceSsl, AutoRevokeSsl, CollectPac, CollectSmime,
        CollectSsl, GetAccountBalance, GetDetailedOrderStatus,
    };

    /// Every endpoint whose documentation lists the common codes (all but AutoReplaceSSL,
    /// whose error table is not visible).
    pub(super) const DOCUMENTED: &[EndpointId] = &[
        AutoApplyOrder,
        CollectSsl,
        CollectPac,
        CollectSmime,
        GetDetailedOrderStatus,
        AutoRevokeSsl,
        AutoRefund,
        GetAccountBalance,
    ];
    /// As [`DOCUMENTED`], without AutoRefund (whose PDF table spells -1 and -2 differently).
    pub(super) const DOCUMENTED_BUT_REFUND: &[EndpointId] = &[
        AutoApplyOrder,
        CollectSsl,
        CollectPac,
        CollectSmime,
        GetDetailedOrderStatus,
        AutoRevokeSsl,
        GetAccountBalance,
    ];
    /// Endpoints whose tables list -2 with the usual spelling.
    pub(super) const UNRECOGNISED: &[EndpointId] = &[
        AutoApplyOrder,
        CollectSsl,
        CollectPac,
        CollectSmime,
        GetDetailedOrderStatus,
        AutoRevokeSsl,
    ];
    /// Endpoints whose current pages use the new -16 wording.
    pub(super) const NEW_AUTH_WORDING: &[EndpointId] =
        &[CollectSsl, CollectPac, CollectSmime, GetDetailedOrderStatus];
    /// Endpoints whose (PDF) tables say "Permission denied!" for -16.
    pub(super) const OLD_AUTH_WORDING: &[EndpointId] =
        &[AutoApplyOrder, AutoRefund, GetAccountBalance];
    /// The collect endpoints.
    pub(super) const COLLECT: &[EndpointId] = &[CollectSsl, CollectPac, CollectSmime];
    /// The collect endpoints and AutoRevokeSSL (rejected / revoked certificates).
    pub(super) const CERT_STATE: &[EndpointId] =
        &[CollectSsl, CollectPac, CollectSmime, AutoRevokeSsl];
    /// CollectPAC and CollectSMIME (whose rows come from the CollectPAC page).
    pub(super) const PAC: &[EndpointId] = &[CollectPac, CollectSmime];
    pub(super) const AAO: &[EndpointId] = &[AutoApplyOrder];
    pub(super) const REPLACE: &[EndpointId] = &[AutoReplaceSsl];
    pub(super) const SSL: &[EndpointId] = &[CollectSsl];
    pub(super) const REVOKE: &[EndpointId] = &[AutoRevokeSsl];
    pub(super) const REFUND: &[EndpointId] = &[AutoRefund];
    pub(super) const BALANCE: &[EndpointId] = &[GetAccountBalance];
    pub(super) const BALANCE_AAO: &[EndpointId] = &[GetAccountBalance, AutoApplyOrder];
    pub(super) const SSL_REVOKE: &[EndpointId] = &[CollectSsl, AutoRevokeSsl];
}

/// One catalogue row; the name is the constant's identifier, so code and name cannot drift.
macro_rules! row {
    ($endpoints:ident, $name:ident, $confidence:ident, $message:expr, $meaning:literal) => {
        CatalogueEntry {
            endpoints: groups::$endpoints,
            code: ApiErrorCode::$name,
            name: stringify!($name),
            message: $message,
            meaning: $meaning,
            confidence: Confidence::$confidence,
        }
    };
}

const AUTH_NEW: &str = "Incorrect login details, account is locked, password has expired or your \
                        source IP is blocked.";

/// The error catalogue: every documented (endpoint, code) pair, once.
///
/// A test checks that no two rows give the same code for the same endpoint, and that every
/// code of DIGEST §2.6, §3.4, §4.3, §5.3, §6.5, §8 and §9 is present.
pub static CATALOGUE: &[CatalogueEntry] = &[
    // Common codes (DIGEST §1.5), with AutoRefund's spellings apart.
    row!(
        DOCUMENTED_BUT_REFUND,
        NOT_HTTPS,
        Documented,
        Some("Request was not made over https!"),
        "The request was not made over HTTPS."
    ),
    row!(
        REFUND,
        NOT_HTTPS,
        Documented,
        Some("Request was not made over HTTPS!"),
        "The request was not made over HTTPS."
    ),
    row!(
        UNRECOGNISED,
        UNRECOGNISED_ARGUMENT,
        Documented,
        Some("'xxxx' is an unrecognised argument!"),
        "A parameter name is not known to this endpoint; the message names it."
    ),
    row!(
        REFUND,
        UNRECOGNISED_ARGUMENT,
        Documented,
        Some("'xxxx' is an unrecognized argument!"),
        "A parameter name is not known to this endpoint; the message names it."
    ),
    row!(
        BALANCE,
        UNRECOGNISED_ARGUMENT,
        Inferred,
        Some("'xxxx' is an unrecognised argument!"),
        "A parameter name is not known to this endpoint; the message names it. (Not in the \
         getAccountBalance PDF table; every other endpoint has it.)"
    ),
    row!(
        DOCUMENTED,
        MISSING_ARGUMENT,
        Documented,
        Some("The 'xxxx' argument is missing!"),
        "A required parameter is absent; the message names it."
    ),
    row!(
        DOCUMENTED,
        INVALID_VALUE,
        Documented,
        Some("The value of the 'xxxx' argument is invalid!"),
        "A parameter has an invalid value; the message names it."
    ),
    row!(
        DOCUMENTED,
        UNKNOWN_ERROR,
        Documented,
        Some("An unknown error occurred!"),
        "A server-side failure. (GetDetailedOrderStatus prints it as 14 without the sign, \
         DIGEST §12 quirk 23; the code is -14.)"
    ),
    row!(
        NEW_AUTH_WORDING,
        AUTHENTICATION_FAILED,
        Documented,
        Some(AUTH_NEW),
        "Authentication failed: wrong login details, account locked, password expired or \
         source IP blocked (older wording: \"Permission denied!\")."
    ),
    row!(
        OLD_AUTH_WORDING,
        AUTHENTICATION_FAILED,
        Documented,
        Some("Permission denied!"),
        "Authentication or authorisation failed (the account may also not be enabled for \
         this API; newer pages use the login/locked/expired/IP wording)."
    ),
    row!(
        REVOKE,
        AUTHENTICATION_FAILED,
        Inferred,
        None,
        "The user has no permission for the requested context (authentication failure; \
         number restored from the row order, DIGEST §5.3)."
    ),
    row!(
        DOCUMENTED,
        GET_NOT_POST,
        Documented,
        Some("Request used GET rather than POST!"),
        "The request used GET; every endpoint needs POST."
    ),
    // CSR codes (DIGEST §6.4, §6.5).
    row!(
        AAO,
        CSR_CN_WILDCARD_NOT_ALLOWED,
        Documented,
        Some("The CSR's Common Name may NOT contain a wildcard!"),
        "The CSR's common name contains a wildcard but the product is not a wildcard product."
    ),
    row!(
        AAO,
        CSR_CN_WILDCARD_REQUIRED,
        Documented,
        Some("The CSR's Common Name MUST contain ONE wildcard!"),
        "The product is a wildcard product but the CSR's common name has no (or several) \
         wildcards."
    ),
    row!(
        AAO,
        INVALID_COUNTRY,
        Documented,
        Some("'xx' is not a valid ISO-3166 country!"),
        "A country (the countryName parameter or the CSR's C) is not an ISO 3166 alpha-2 \
         code; the quoted text is the value, not an argument name."
    ),
    row!(
        AAO,
        CSR_MISSING_FIELD,
        Documented,
        Some("The CSR is missing a required field!"),
        "The CSR lacks a required subject field (commonName)."
    ),
    row!(
        AAO,
        CSR_NOT_BASE64,
        Documented,
        Some("The CSR is not valid Base-64 data!"),
        "The CSR is not valid base64."
    ),
    row!(
        AAO,
        CSR_UNDECODABLE,
        Documented,
        Some("The CSR cannot be decoded!"),
        "The CSR is not a decodable PKCS#10 structure."
    ),
    row!(
        AAO,
        CSR_UNSUPPORTED_ALGORITHM,
        Documented,
        Some("The CSR uses an unsupported algorithm!"),
        "The CSR's key or signature algorithm is not accepted."
    ),
    row!(
        AAO,
        CSR_INVALID_SIGNATURE,
        Documented,
        Some("The CSR has an invalid signature!"),
        "The CSR's signature does not verify."
    ),
    row!(
        AAO,
        CSR_UNSUPPORTED_KEY_SIZE,
        Documented,
        Some("The CSR uses an unsupported key size!"),
        "The CSR's key size or curve is not accepted (RSA 2048-8192, P-256, P-384)."
    ),
    row!(
        AAO,
        CSR_CN_IS_FQDN,
        Documented,
        Some("The CSR's Common Name may not be a Fully-Qualified Domain Name!"),
        "The CSR's common name may not be an FQDN for this product. (SiteLock ordering pages \
         use -18 for \"order already refunded\".)"
    ),
    row!(
        AAO,
        CSR_CN_IS_PUBLIC_IP,
        Documented,
        Some("The CSR's Common Name may not be an Internet-accessible IP Address!"),
        "The CSR's common name may not be a public IP address for this product."
    ),
    row!(
        AAO,
        CSR_CN_IS_IP,
        Documented,
        Some("The CSR's Common Name may not be an IP Address!"),
        "The CSR's common name may not be an IP address for this product."
    ),
    row!(
        AAO,
        COMPROMISED_KEY,
        Documented,
        Some("The CSR uses a key that is believed to have been compromised!"),
        "The CSR's public key is known to be compromised; generate a new key."
    ),
    // AutoApplyOrder (DIGEST §6.5).
    row!(
        AAO,
        NOT_ENOUGH_CREDIT,
        Documented,
        Some("Not enough credit!"),
        "The account does not have enough credit for the order."
    ),
    row!(
        AAO,
        TRIAL_NOT_RENEWABLE,
        Documented,
        Some("You can not renew trial license!"),
        "A trial licence cannot be renewed."
    ),
    row!(
        AAO,
        DOMAIN_ALREADY_VALIDATED,
        Documented,
        Some("domainName is already validated!"),
        "The domain is already validated."
    ),
    row!(
        AAO,
        INCORRECT_HG_DURATION,
        Documented,
        Some("Incorrect duration for main HG license or/and Additional IP addresses pack!"),
        "The duration of the HackerGuardian licence or of the IP pack is not allowed."
    ),
    row!(
        AAO,
        ONE_MAIN_LICENCE_ONLY,
        Documented,
        Some("The order can have one main license only!"),
        "The order has more than one main licence."
    ),
    row!(
        AAO,
        REQUEST_TOKEN_NOT_UNIQUE,
        Documented,
        Some("This Request Token is not unique!"),
        "The CSR and uniqueValue were used before; send another uniqueValue."
    ),
    row!(
        AAO,
        RENEWAL_TOO_EARLY,
        Documented,
        None,
        "The current licence expires later; renewals only within 30 days of expiry (the \
         message embeds the expiry date, YYYY-MM-DD)."
    ),
    row!(
        AAO,
        QUALYS_COMPANY_EXISTS,
        Documented,
        Some("The company name already exists in the service Qualys!"),
        "The company name already exists at Qualys."
    ),
    row!(
        AAO,
        IP_PACK_NOT_FOR_TRIAL,
        Documented,
        Some("Additional IP Addresses pack is not available for trial license!"),
        "No additional IP pack for a trial licence."
    ),
    row!(
        AAO,
        IP_PACK_NEEDS_HG_ACCOUNT,
        Documented,
        Some(
            "Additional IP Address Packs may only be purchased for an existing HackerGuardian account!"
        ),
        "IP packs can only be bought for an existing HackerGuardian account."
    ),
    row!(
        AAO,
        PCI_RENEWAL_NEEDS_IPS,
        Documented,
        None,
        "The PCI portal renewal needs enough IPs (the message embeds the number purchased)."
    ),
    row!(
        AAO,
        CODEGUARD_EMAIL_EXISTS,
        Documented,
        Some("The e-mail already exists in the service CodeGuard"),
        "The e-mail address already exists at CodeGuard."
    ),
    row!(
        AAO,
        CODEGUARD_UNKNOWN_PARTNER,
        Documented,
        Some("Unknown partner for the service CodeGuard"),
        "The partner is not known to CodeGuard."
    ),
    row!(
        AAO,
        PLAN_NOT_FOUND,
        Documented,
        Some("PlanID for this product not found."),
        "No plan ID for this product."
    ),
    row!(
        AAO,
        CODEGUARD_PARTNER_INACTIVE,
        Documented,
        Some("CodeGuard partner is not activated."),
        "The CodeGuard partner is not activated."
    ),
    row!(
        AAO,
        ONE_CODEGUARD_LICENCE_ONLY,
        Documented,
        Some("The order can have one CodeGuard license only!"),
        "The order has more than one CodeGuard licence."
    ),
    row!(
        AAO,
        LICENCE_ONLY_ARGUMENT,
        Documented,
        Some("Argument 'xxxx' can be used just with License products!"),
        "The argument (previousOrderNumber, ...) is for licence products only; the message \
         names it."
    ),
    row!(
        AAO,
        CODEGUARD_SYNC_DISABLED,
        Documented,
        Some("CodeGuard sync service disabled!"),
        "The CodeGuard sync service is disabled."
    ),
    row!(
        AAO,
        INVALID_EMAIL,
        Documented,
        Some("Invalid Email Address!"),
        "An e-mail address is invalid."
    ),
    row!(
        AAO,
        PREVIOUS_ORDER_TYPE_MISMATCH,
        Documented,
        Some("The previous order must have a license of the same type!"),
        "The previous order's licence is of another type."
    ),
    row!(
        AAO,
        DOCUMENT_SIGNING_REQUIRED,
        Documented,
        Some("The order must have a Document-Signing Certificate!"),
        "The add-ons need a document-signing certificate in the order."
    ),
    row!(
        AAO,
        ONE_WEB_PACKAGE_ONLY,
        Documented,
        Some("The order must have only one Web Package product!"),
        "The order has more than one web package product."
    ),
    row!(
        BALANCE_AAO,
        CALL_LIMIT_REACHED,
        Documented,
        Some("Call limit reached!"),
        "Too many calls; try again later."
    ),
    row!(
        AAO,
        SITELOCK_PARTNER_INACTIVE,
        Documented,
        None,
        "The SiteLock partner account is not activated."
    ),
    row!(
        AAO,
        CONTEXT_PERMISSION_DENIED,
        Documented,
        Some("Permission denied Context"),
        "The user has no permission for this context."
    ),
    row!(
        AAO,
        NO_PRICE_FOUND,
        Documented,
        None,
        "No price found for the order (an invalid days value, for instance)."
    ),
    row!(
        AAO,
        ADD_ON_OR_RENEWAL_REFUSED,
        Documented,
        None,
        "The documentation gives two meanings: a lower-tier add-on, or a renewal outside its \
         window."
    ),
    row!(
        AAO,
        ALREADY_EXISTS,
        Documented,
        None,
        "The domain or the account e-mail already exists."
    ),
    row!(
        AAO,
        SITELOCK_BUNDLE_NEEDS_SSL,
        Documented,
        None,
        "An SSL + SiteLock bundle needs an SSL certificate."
    ),
    row!(
        AAO,
        SSL_COM_ERROR,
        Documented,
        None,
        "A general error relayed from SSL.com."
    ),
    row!(
        AAO,
        CSR_DOMAINS_NOT_IN_DOMAIN_NAMES,
        Documented,
        None,
        "The CSR contains domains that are not in domainNames."
    ),
    // Collect endpoints and AutoRevokeSSL (DIGEST §2.6, §3.4, §5.3).
    row!(
        CERT_STATE,
        CERTIFICATE_REJECTED,
        Inferred,
        Some("The certificate request has been rejected!"),
        "The certificate is in the rejected state (number: high confidence; message \
         UNCONFIRMED)."
    ),
    row!(
        CERT_STATE,
        CERTIFICATE_REVOKED,
        Inferred,
        Some("The certificate has been revoked!"),
        "The certificate is revoked (number: high confidence; message UNCONFIRMED)."
    ),
    row!(
        COLLECT,
        AWAITING_PAYMENT,
        Inferred,
        Some("Still awaiting payment!"),
        "Payment for the order is still pending (message UNCONFIRMED)."
    ),
    row!(
        SSL,
        VOUCHER_NOT_ALLOWED,
        Inferred,
        None,
        "The user may not use the voucher with the given parameter (added v1.20)."
    ),
    row!(
        SSL,
        CONTEXT_PERMISSION_DENIED,
        Inferred,
        Some("Permission denied"),
        "The user does not have the permission for the action or context (the page says \
         \"does have\", DIGEST §12 quirk 22)."
    ),
    row!(
        PAC,
        CONTEXT_PERMISSION_DENIED,
        Inferred,
        None,
        "The user does not have the permission for the action (row order of the CollectPAC \
         table)."
    ),
    row!(
        SSL,
        CERTIFICATE_REPLACED,
        Inferred,
        None,
        "Added in v1.18 with behaviourVersion (handling of replaced certificates) and removed \
         in v1.21; meaning UNCONFIRMED."
    ),
    row!(
        REVOKE,
        BEING_ISSUED_LEGACY,
        Documented,
        None,
        "The certificate is being issued (answered instead of -26 when revocationReason was \
         omitted, for v1.00 compatibility)."
    ),
    row!(
        SSL_REVOKE,
        BEING_ISSUED,
        Inferred,
        None,
        "The certificate is currently being issued; try again later. (AutoRevokeSSL \
         documents it; public clients also receive it from CollectSSL.)"
    ),
    // AutoReplaceSSL (DIGEST §7): its error table is not visible. The common codes, and the
    // CSR codes of AutoApplyOrder (a replacement takes a new CSR through the same checks),
    // are assumed.
    row!(
        REPLACE,
        NOT_HTTPS,
        Inferred,
        Some("Request was not made over https!"),
        "The request was not made over HTTPS."
    ),
    row!(
        REPLACE,
        UNRECOGNISED_ARGUMENT,
        Inferred,
        Some("'xxxx' is an unrecognised argument!"),
        "A parameter name is not known to this endpoint; the message names it."
    ),
    row!(
        REPLACE,
        MISSING_ARGUMENT,
        Inferred,
        Some("The 'xxxx' argument is missing!"),
        "A required parameter is absent; the message names it."
    ),
    row!(
        REPLACE,
        INVALID_VALUE,
        Inferred,
        Some("The value of the 'xxxx' argument is invalid!"),
        "A parameter has an invalid value; the message names it."
    ),
    row!(
        REPLACE,
        UNKNOWN_ERROR,
        Inferred,
        Some("An unknown error occurred!"),
        "A server-side failure."
    ),
    row!(
        REPLACE,
        AUTHENTICATION_FAILED,
        Inferred,
        Some(AUTH_NEW),
        "Authentication failed: wrong login details, account locked, password expired or \
         source IP blocked."
    ),
    row!(
        REPLACE,
        GET_NOT_POST,
        Inferred,
        Some("Request used GET rather than POST!"),
        "The request used GET; every endpoint needs POST."
    ),
    row!(
        REPLACE,
        CSR_CN_WILDCARD_NOT_ALLOWED,
        Inferred,
        None,
        "The CSR's common name contains a wildcard but the product is not a wildcard product."
    ),
    row!(
        REPLACE,
        CSR_CN_WILDCARD_REQUIRED,
        Inferred,
        None,
        "The product is a wildcard product but the CSR's common name has no (or several) \
         wildcards."
    ),
    row!(
        REPLACE,
        CSR_MISSING_FIELD,
        Inferred,
        None,
        "The CSR lacks a required subject field."
    ),
    row!(
        REPLACE,
        CSR_NOT_BASE64,
        Inferred,
        None,
        "The CSR is not valid base64."
    ),
    row!(
        REPLACE,
        CSR_UNDECODABLE,
        Inferred,
        None,
        "The CSR is not a decodable PKCS#10 structure."
    ),
    row!(
        REPLACE,
        CSR_UNSUPPORTED_ALGORITHM,
        Inferred,
        None,
        "The CSR's key or signature algorithm is not accepted."
    ),
    row!(
        REPLACE,
        CSR_INVALID_SIGNATURE,
        Inferred,
        None,
        "The CSR's signature does not verify."
    ),
    row!(
        REPLACE,
        CSR_UNSUPPORTED_KEY_SIZE,
        Inferred,
        None,
        "The CSR's key size or curve is not accepted."
    ),
    row!(
        REPLACE,
        CSR_CN_IS_FQDN,
        Inferred,
        None,
        "The CSR's common name may not be an FQDN for this product."
    ),
    row!(
        REPLACE,
        CSR_CN_IS_PUBLIC_IP,
        Inferred,
        None,
        "The CSR's common name may not be a public IP address for this product."
    ),
    row!(
        REPLACE,
        CSR_CN_IS_IP,
        Inferred,
        None,
        "The CSR's common name may not be an IP address for this product."
    ),
    row!(
        REPLACE,
        COMPROMISED_KEY,
        Inferred,
        None,
        "The CSR's public key is known to be compromised; generate a new key."
    ),
    // AutoRefund (DIGEST §8).
    row!(
        REFUND,
        REFUND_FAILED,
        Documented,
        None,
        "The refund failed; the message is free text explaining why."
    ),
    row!(
        REFUND,
        ORDER_CANCELLED,
        Inferred,
        None,
        "The order was already cancelled (SiteLock page; public clients tolerate it on \
         AutoRefund)."
    ),
    // getAccountBalance (DIGEST §9).
    row!(
        BALANCE,
        CCM_ACCOUNTS_ONLY,
        Documented,
        Some("Only for CCM accounts!"),
        "The call is only for CCM accounts."
    ),
];

/// The catalogue row for `code` on `endpoint`, if the documentation knows it.
///
/// ```
/// use sectigo_codec::{api_error::lookup, ApiErrorCode, EndpointId};
/// assert_eq!(lookup(EndpointId::GetAccountBalance, ApiErrorCode::new(-19)).unwrap().name,
///            "CCM_ACCOUNTS_ONLY");
/// assert!(lookup(EndpointId::GetDetailedOrderStatus, ApiErrorCode::new(14)).is_none());
/// ```
pub fn lookup(endpoint: EndpointId, code: ApiErrorCode) -> Option<&'static CatalogueEntry> {
    CATALOGUE
        .iter()
        .find(|entry| entry.code == code && entry.endpoints.contains(&endpoint))
}

/// An error response: the server understood the request and refused it (`errorCode < 0`).
///
/// This is not a decoding failure: the body was read completely. The meaning of the code
/// depends on the endpoint (DIGEST §11), so the endpoint is part of the error. `Display`
/// includes the server's message, which never contains the request's secrets (it names
/// arguments, not their values).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    endpoint: EndpointId,
    code: ApiErrorCode,
    message: Option<String>,
    argument: Option<String>,
}

impl ApiError {
    /// An error of `endpoint` with `code`, the server's `message`, and the `errorItem` field
    /// when the body had one (DIGEST §1.4). The argument is `error_item` when given,
    /// otherwise the `'xxxx'` of the message when the code's documented message has that
    /// form (or, for codes the catalogue does not know, when the message speaks of an
    /// "argument").
    pub fn new(
        endpoint: EndpointId,
        code: ApiErrorCode,
        message: Option<String>,
        error_item: Option<String>,
    ) -> Self {
        let message = message.filter(|m| !m.trim().is_empty());
        let argument = error_item
            .map(|item| item.trim().to_owned())
            .filter(|item| !item.is_empty())
            .or_else(|| {
                let message = message.as_deref()?;
                let names = match lookup(endpoint, code) {
                    Some(entry) => entry.names_argument(),
                    None => message.to_ascii_lowercase().contains("argument"),
                };
                if names {
                    quoted_name(message).map(str::to_owned)
                } else {
                    None
                }
            });
        Self {
            endpoint,
            code,
            message,
            argument,
        }
    }

    /// The endpoint that answered.
    pub fn endpoint(&self) -> EndpointId {
        self.endpoint
    }

    /// The code.
    pub fn code(&self) -> ApiErrorCode {
        self.code
    }

    /// The server's message, as sent (`None` when the body had none).
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The argument (parameter name) the error is about: the `errorItem` field, or the
    /// `'xxxx'` of the message (`orderNumber` in "The value of the 'orderNumber' argument is
    /// invalid!").
    pub fn argument(&self) -> Option<&str> {
        self.argument.as_deref()
    }

    /// The catalogue row for this code on this endpoint; `None` for an undocumented code.
    pub fn entry(&self) -> Option<&'static CatalogueEntry> {
        lookup(self.endpoint, self.code)
    }

    /// The documented meaning of the code on this endpoint.
    pub fn meaning(&self) -> Option<&'static str> {
        self.entry().map(|entry| entry.meaning)
    }

    /// The name of the code on this endpoint (`"MISSING_ARGUMENT"`, ...).
    pub fn name(&self) -> Option<&'static str> {
        self.entry().map(|entry| entry.name)
    }

    /// `true` for `-16`: the login details are wrong, the account is locked, the password
    /// has expired or the source IP is blocked (on every endpoint).
    pub fn is_auth_problem(&self) -> bool {
        self.code == ApiErrorCode::AUTHENTICATION_FAILED
    }

    /// `true` when the CSR must change: on AutoApplyOrder (and AutoReplaceSSL, which takes
    /// the same CSR) the codes `-5`, `-6`, `-8` to `-13`, `-18`, `-19`, `-35` and `-40`.
    ///
    /// `-7` (invalid country) is not included: it is returned for the `countryName`
    /// parameter as well as for the CSR's subject, so [`argument`](Self::argument) and the
    /// request tell which. `-18` and `-19` mean other things on AutoRefund and
    /// getAccountBalance and are not CSR problems there.
    pub fn is_csr_problem(&self) -> bool {
        matches!(
            self.endpoint,
            EndpointId::AutoApplyOrder | EndpointId::AutoReplaceSsl
        ) && matches!(self.code.get(), -5 | -6 | -13..=-8 | -18 | -19 | -35 | -40)
    }

    /// `true` when the same request may succeed later without changes:
    ///
    /// * `-14` (unknown error): a server-side failure, on every endpoint;
    /// * `-42` (call limit reached), after a pause;
    /// * `-26` (being issued) on CollectSSL and AutoRevokeSSL, and `-23` (being issued,
    ///   legacy form) on AutoRevokeSSL: the certificate will be ready shortly.
    ///
    /// Not retryable: every error that needs a different request or an action by someone
    /// (`-16` authentication, `-22` payment pending, `-15` credit, validation errors), and
    /// unknown codes. Sectigo asks that status polling be no more often than once every 3
    /// hours (DIGEST §1.1); retry with a back-off that respects that.
    pub fn is_retryable(&self) -> bool {
        match self.code.get() {
            -14 | -42 => true,
            -26 => matches!(
                self.endpoint,
                EndpointId::CollectSsl | EndpointId::AutoRevokeSsl
            ),
            -23 => self.endpoint == EndpointId::AutoRevokeSsl,
            _ => false,
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} answered error {}", self.endpoint, self.code)?;
        match self.entry() {
            Some(entry) => write!(f, " ({})", entry.name)?,
            None => f.write_str(" (undocumented code)")?,
        }
        if let Some(argument) = &self.argument {
            write!(f, " about argument `{argument}`")?;
        }
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

/// The first `'...'` of `message` when it looks like a parameter name (letters, digits, `_`,
/// `-`, `.`, and the space of `IP Addresses`; at most 128 characters).
fn quoted_name(message: &str) -> Option<&str> {
    let (_, rest) = message.split_once('\'')?;
    let (name, _) = rest.split_once('\'')?;
    let plausible = !name.is_empty()
        && name.len() <= 128
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b' '));
    plausible.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rows_are_unique_per_endpoint_and_use_api_endpoints_only() {
        let mut seen = HashSet::new();
        for entry in CATALOGUE {
            assert!(!entry.endpoints.is_empty(), "{}", entry.name);
            for &endpoint in entry.endpoints {
                assert_ne!(endpoint, EndpointId::Notification);
                assert!(
                    seen.insert((endpoint, entry.code)),
                    "{endpoint} {} appears twice",
                    entry.code
                );
            }
            assert!(entry.code.get() < 0, "{}", entry.name);
        }
    }

    #[test]
    fn names_match_their_constants() {
        let named: std::collections::HashMap<&str, ApiErrorCode> = NAMED.iter().copied().collect();
        for entry in CATALOGUE {
            assert_eq!(named.get(entry.name), Some(&entry.code), "{}", entry.name);
        }
        // Every constant is used by at least one row.
        for (name, _) in NAMED {
            assert!(CATALOGUE.iter().any(|e| e.name == *name), "{name} unused");
        }
    }

    #[test]
    fn quoted_names() {
        assert_eq!(
            quoted_name("The 'IP Addresses' argument is missing!"),
            Some("IP Addresses")
        );
        assert_eq!(quoted_name("'a' b"), Some("a"));
        assert_eq!(quoted_name("no quotes"), None);
        assert_eq!(quoted_name("It's open"), None);
        assert_eq!(quoted_name("''"), None);
        assert_eq!(quoted_name("'a;b'"), None);
    }

    #[test]
    fn argument_extraction_depends_on_the_code() {
        let e = ApiError::new(
            EndpointId::AutoApplyOrder,
            ApiErrorCode::INVALID_COUNTRY,
            Some("'XX' is not a valid ISO-3166 country!".into()),
            None,
        );
        assert_eq!(e.argument(), None, "-7 quotes a value, not an argument");
        let e = ApiError::new(
            EndpointId::AutoApplyOrder,
            ApiErrorCode::new(-999),
            Some("The 'fooBar' argument is new!".into()),
            None,
        );
        assert_eq!(e.argument(), Some("fooBar"));
        let e = ApiError::new(
            EndpointId::AutoApplyOrder,
            ApiErrorCode::new(-999),
            Some("Domain 'example.com' is blocked".into()),
            None,
        );
        assert_eq!(e.argument(), None);
        let e = ApiError::new(
            EndpointId::CollectSsl,
            ApiErrorCode::MISSING_ARGUMENT,
            Some("The 'orderNumber' argument is missing!".into()),
            Some(" certificateID ".into()),
        );
        assert_eq!(e.argument(), Some("certificateID"), "errorItem wins");
        let e = ApiError::new(
            EndpointId::CollectSsl,
            ApiErrorCode::UNKNOWN_ERROR,
            Some("  ".into()),
            None,
        );
        assert_eq!(e.message(), None);
    }
}
