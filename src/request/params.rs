//! Typed values of the enumerated request parameters (DIGEST §2.1, §3.1-3.2, §4.1, §5.1,
//! §6.1, §7, §8, §9).
//!
//! Each enum writes the wire value the documentation gives ([`code`](CollectQueryType::code)
//! or [`as_str`](DcvMethod::as_str)) and reads it back exactly (`from_code`, `from_wire`):
//! when the digest marks something UNCONFIRMED we are tolerant when reading responses but
//! exact when writing requests, so these enums hold only documented values.
//!
//! `Y`/`N` flags are `Option<bool>` on the request structs (`None` = not sent, the server's
//! default applies); order numbers, certificate IDs and amounts are strings (DIGEST §12 quirks
//! 8, 9); `responseFormat` is [`ResponseFormat`](crate::ResponseFormat), written as its ASCII
//! digit (quirk 20).

use core::fmt;

/// Generates an enum whose variants map one-to-one onto integer wire values.
macro_rules! int_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the documentation's order.
            pub const ALL: &'static [Self] = &[ $( Self::$variant, )+ ];

            /// The wire value.
            pub const fn code(self) -> i32 {
                match self {
                    $( Self::$variant => $code, )+
                }
            }

            /// The value with this wire code, if documented.
            pub const fn from_code(code: i32) -> Option<Self> {
                match code {
                    $( $code => Some(Self::$variant), )+
                    _ => None,
                }
            }

            /// Reads the wire text (a decimal integer, exactly as the documentation writes
            /// it: no sign other than `-`, no spaces, no leading `+`).
            pub fn from_wire(text: &str) -> Option<Self> {
                parse_int(text).and_then(Self::from_code)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.code())
            }
        }
    };
}

/// Generates an enum whose variants map one-to-one onto string wire values.
macro_rules! str_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the documentation's order.
            pub const ALL: &'static [Self] = &[ $( Self::$variant, )+ ];

            /// The wire value.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( Self::$variant => $text, )+
                }
            }

            /// The value with this exact wire text (case-sensitive: the documentation gives
            /// one spelling).
            pub fn from_wire(text: &str) -> Option<Self> {
                match text {
                    $( $text => Some(Self::$variant), )+
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// A decimal integer as the documentation writes them: optional `-`, then 1-10 ASCII digits.
pub(crate) fn parse_int(text: &str) -> Option<i32> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || digits.len() > 10 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A non-negative decimal integer: 1-10 ASCII digits.
pub(crate) fn parse_u32(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 10 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A `Y`/`N` flag. `y`/`n` are read too: AutoApplyOrder documents `test` as "Y (or y)".
pub(crate) fn parse_flag(text: &str) -> Option<bool> {
    match text {
        "Y" | "y" => Some(true),
        "N" | "n" => Some(false),
        _ => None,
    }
}

int_enum! {
    /// `queryType` of CollectSSL, CollectPAC and CollectSMIME (DIGEST §2.1 row 6, §3.1).
    CollectQueryType {
        /// `0`: status only.
        StatusOnly = 0,
        /// `1`: status, certificate and intermediates/roots (when issued).
        CertificateAndChain = 1,
        /// `2`: status and the end-entity certificate only ("crt").
        Certificate = 2,
        /// `3`: status and the intermediates/roots only ("cabundle").
        CaBundle = 3,
    }
}

int_enum! {
    /// `queryType` of GetDetailedOrderStatus (DIGEST §4.1).
    OrderStatusQueryType {
        /// `0`: status only.
        StatusOnly = 0,
        /// `1`: status and detailed status.
        Detailed = 1,
        /// `2`: as `1`, plus the replacement orders.
        DetailedWithReplacements = 2,
    }
}

int_enum! {
    /// `responseType` of CollectSSL (DIGEST §2.1 row 7). Types `0`-`2` need `queryType=1`.
    SslResponseType {
        /// `0`: a ZIP archive.
        Zip = 0,
        /// `1`: a Netscape certificate sequence.
        NetscapeSequence = 1,
        /// `2`: a PKCS#7 bag.
        Pkcs7 = 2,
        /// `3`: each certificate encoded on its own.
        Individual = 3,
    }
}

int_enum! {
    /// `responseType` of CollectPAC and CollectSMIME (DIGEST §3.1, §3.2): no ZIP; `4` is CMMF.
    /// Types `1`, `2` and `4` need `queryType=1`. Default `3`.
    PacResponseType {
        /// `1`: a Netscape certificate sequence.
        NetscapeSequence = 1,
        /// `2`: a PKCS#7 bag.
        Pkcs7 = 2,
        /// `3`: each certificate encoded on its own (the default).
        Individual = 3,
        /// `4`: CMMF (Certificate Management Message Formats, RFC 2797).
        Cmmf = 4,
    }
}

int_enum! {
    /// `responseEncoding` (DIGEST §2.1 row 8, §3.1). `2` (JavaScript variables) is documented
    /// for CollectPAC only; CollectSSL documents `0` and `1`, CollectSMIME `0` and `1`
    /// (whether it takes `2` is UNCONFIRMED, so the validator refuses it there).
    ResponseEncoding {
        /// `0`: base64.
        Base64 = 0,
        /// `1`: binary (needs `queryType=1` and a ZIP or PKCS#7 `responseType`).
        Binary = 1,
        /// `2`: JavaScript variable declarations `g_ccc`, `g_errorCode`, `g_errorMessage`.
        JavaScript = 2,
    }
}

int_enum! {
    /// `codeReason` of AutoRevokeSSL (DIGEST §5.1 row 7): the RFC 5280 CRL reason numbers
    /// Sectigo accepts. `2` (cACompromise) is deliberately absent. The server's default is `0`.
    RevocationReason {
        /// `0`: unspecified.
        Unspecified = 0,
        /// `1`: keyCompromise.
        KeyCompromise = 1,
        /// `3`: affiliationChanged.
        AffiliationChanged = 3,
        /// `4`: superseded.
        Superseded = 4,
        /// `5`: cessationOfOperation.
        CessationOfOperation = 5,
    }
}

int_enum! {
    /// `refundReasonCode` of AutoRefund (DIGEST §8).
    RefundReason {
        /// `1`: unable to validate the certificate.
        UnableToValidate = 1,
        /// `2`: the domain or organisation is no longer active.
        NoLongerActive = 2,
        /// `3`: the customer wants another certificate type.
        WantsAnotherType = 3,
        /// `4`: failed brand validation.
        FailedBrandValidation = 4,
        /// `5`: Sectigo rejected the request.
        RejectedBySectigo = 5,
        /// `6`: revoked for malware.
        RevokedForMalware = 6,
        /// `7`: revoked for phishing.
        RevokedForPhishing = 7,
        /// `8`: revoked for Google Safe Browsing.
        RevokedForSafeBrowsing = 8,
        /// `9`: moving to another CA.
        MovingToAnotherCa = 9,
        /// `10`: found a better price.
        BetterPrice = 10,
        /// `11`: other.
        Other = 11,
    }
}

int_enum! {
    /// `serverSoftware` (DIGEST §6.1, §7). AutoApplyOrder documents a short list (`2`, `10`,
    /// `14`, `35`, `36`, `18`, `30`, `31`, `-1`; see
    /// [`in_auto_apply_order_list`](Self::in_auto_apply_order_list)); AutoReplaceSSL the long
    /// legacy list `1`-`17` (values past 17 are not visible in the documentation). A code
    /// belongs to one variant even where the two lists name it differently (`2` "Apache"
    /// vs "Apache/ModSSL", `10` "Java-based servers" vs "Java Web Server").
    ///
    /// `-1` (OTHER) is Sectigo's recommendation: "This parameter does not directly affect the
    /// certificate content."
    ServerSoftware {
        /// `-1`: OTHER (recommended).
        Other = -1,
        /// `1`: AOL (legacy list).
        Aol = 1,
        /// `2`: Apache (Apache/ModSSL).
        Apache = 2,
        /// `3`: Apache-SSL (Ben-SSL) (legacy list).
        ApacheSsl = 3,
        /// `4`: C2Net Stronghold (legacy list).
        C2NetStronghold = 4,
        /// `5`: Cobalt Raq (legacy list).
        CobaltRaq = 5,
        /// `6`: Covalent (legacy list).
        Covalent = 6,
        /// `7`: IBM HTTP Server (legacy list).
        IbmHttpServer = 7,
        /// `8`: IBM Internet Connection Server (legacy list).
        IbmInternetConnectionServer = 8,
        /// `9`: iPlanet (legacy list).
        IPlanet = 9,
        /// `10`: Java-based servers (Java Web Server).
        Java = 10,
        /// `11`: Lotus Domino (legacy list).
        LotusDomino = 11,
        /// `12`: Lotus Domino Go! (legacy list).
        LotusDominoGo = 12,
        /// `13`: Microsoft IIS 1.x to 4.x (legacy list).
        Iis1To4 = 13,
        /// `14`: Microsoft IIS 5.x to 6.x.
        Iis5To6 = 14,
        /// `15`: Netscape Enterprise Server (legacy list).
        NetscapeEnterprise = 15,
        /// `16`: Netscape FastTrack (legacy list).
        NetscapeFastTrack = 16,
        /// `17`: Novell (legacy list).
        Novell = 17,
        /// `18`: Oracle.
        Oracle = 18,
        /// `30`: Plesk.
        Plesk = 30,
        /// `31`: WHM/cPanel.
        WhmCpanel = 31,
        /// `35`: Microsoft IIS 7.x and later.
        Iis7AndLater = 35,
        /// `36`: nginx.
        Nginx = 36,
    }
}

impl ServerSoftware {
    /// Whether AutoApplyOrder documents this value (`2`, `10`, `14`, `35`, `36`, `18`, `30`,
    /// `31`, `-1`).
    pub const fn in_auto_apply_order_list(self) -> bool {
        matches!(
            self,
            Self::Apache
                | Self::Java
                | Self::Iis5To6
                | Self::Iis7AndLater
                | Self::Nginx
                | Self::Oracle
                | Self::Plesk
                | Self::WhmCpanel
                | Self::Other
        )
    }
}

int_enum! {
    /// `offerType`: the shipping of a Document Signing eToken (DIGEST §6.1).
    OfferType {
        /// `22`: standard shipping.
        Standard = 22,
        /// `23`: expedited shipping.
        Expedited = 23,
        /// `24`: international shipping.
        International = 24,
    }
}

str_enum! {
    /// `dcvMethod` (DIGEST §6.1): how domain control is validated. Default `EMAIL`.
    ///
    /// `HTTPS_CSR_HASH` is deliberately absent: AutoUpdateDCV lists it, but whether
    /// AutoApplyOrder accepts it is UNCONFIRMED, and requests are written exactly as
    /// documented. A caller who knows their account accepts it can send it as an extra
    /// parameter with `allow_unknown_parameters`.
    DcvMethod {
        /// `EMAIL`: an e-mail to `dcvEmailAddress` (the default).
        Email = "EMAIL",
        /// `HTTP_CSR_HASH`: a file under `/.well-known/pki-validation/`.
        HttpCsrHash = "HTTP_CSR_HASH",
        /// `CNAME_CSR_HASH`: a DNS CNAME record.
        CnameCsrHash = "CNAME_CSR_HASH",
        /// `IP_ADDRESS_PRE`: validation of an IP address (pre-validated) **\[PDF\]**.
        IpAddressPre = "IP_ADDRESS_PRE",
    }
}

str_enum! {
    /// `businessCategory` of EV orders (DIGEST §6.1): lower-case letters.
    BusinessCategory {
        /// `b`: private organisation.
        PrivateOrganization = "b",
        /// `c`: government entity.
        GovernmentEntity = "c",
        /// `d`: business entity.
        BusinessEntity = "d",
    }
}

str_enum! {
    /// `callbackMethod` of OV/EV orders (DIGEST §6.1).
    CallbackMethod {
        /// `T`: a phone call to `appRepTelephone`.
        Telephone = "T",
        /// `L`: a letter to the applicant representative.
        Letter = "L",
    }
}

str_enum! {
    /// The method of a magic token that stands for every domain of the order
    /// (`dcvEmailAddresses` / `validationTokens`, DIGEST §6.1, §12 quirk 16).
    DcvAllMethod {
        /// `ALLHTTPCSRHASH`.
        HttpCsrHash = "ALLHTTPCSRHASH",
        /// `ALLCNAMECSRHASH`.
        CnameCsrHash = "ALLCNAMECSRHASH",
        /// `ALLIPADDRESSPRE`.
        IpAddressPre = "ALLIPADDRESSPRE",
    }
}

/// One entry of a per-domain DCV list: an e-mail address or a method token. Tokens are
/// written without underscores (`HTTPCSRHASH`), unlike [`DcvMethod`] (quirk 16).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DcvToken {
    /// An acceptable DCV e-mail address for the domain.
    Email(String),
    /// `HTTPCSRHASH`.
    HttpCsrHash,
    /// `CNAMECSRHASH`.
    CnameCsrHash,
    /// `IPADDRESSPRE`.
    IpAddressPre,
}

impl DcvToken {
    /// The wire text.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Email(address) => address,
            Self::HttpCsrHash => "HTTPCSRHASH",
            Self::CnameCsrHash => "CNAMECSRHASH",
            Self::IpAddressPre => "IPADDRESSPRE",
        }
    }

    /// Reads one entry: one of the three tokens (exact spelling), else an e-mail address
    /// (checked by validation, not here).
    pub fn from_wire(text: &str) -> Self {
        match text {
            "HTTPCSRHASH" => Self::HttpCsrHash,
            "CNAMECSRHASH" => Self::CnameCsrHash,
            "IPADDRESSPRE" => Self::IpAddressPre,
            other => Self::Email(other.to_owned()),
        }
    }
}

/// The value of `dcvEmailAddresses` or `validationTokens` (DIGEST §6.1): one entry per domain
/// of `domainNames`, in the same order, or a single magic token for every domain.
///
/// ```
/// use sectigo_codec::request::{DcvAllMethod, DcvToken, DcvTokens};
/// let list = DcvTokens::PerDomain(vec![
///     DcvToken::Email("admin@example.com".into()),
///     DcvToken::CnameCsrHash,
/// ]);
/// assert_eq!(list.to_wire(), "admin@example.com,CNAMECSRHASH");
/// assert_eq!(DcvTokens::All(DcvAllMethod::CnameCsrHash).to_wire(), "ALLCNAMECSRHASH");
/// assert_eq!(DcvTokens::from_wire("ALLCNAMECSRHASH"), Some(DcvTokens::All(DcvAllMethod::CnameCsrHash)));
/// // The magic token must be the only value.
/// assert_eq!(DcvTokens::from_wire("ALLCNAMECSRHASH,HTTPCSRHASH"), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DcvTokens {
    /// A magic token for every domain (must be the only value).
    All(DcvAllMethod),
    /// One entry per domain, aligned with `domainNames`.
    PerDomain(Vec<DcvToken>),
}

impl DcvTokens {
    /// The wire text: entries joined by `,`.
    pub fn to_wire(&self) -> String {
        match self {
            Self::All(method) => method.as_str().to_owned(),
            Self::PerDomain(entries) => {
                let parts: Vec<&str> = entries.iter().map(DcvToken::as_str).collect();
                parts.join(",")
            }
        }
    }

    /// Reads the wire text: entries separated by commas and/or white space (as the
    /// documentation allows). `None` when an `ALL...` magic token is not the only entry.
    pub fn from_wire(text: &str) -> Option<Self> {
        let entries = crate::dns::split_domain_list(text);
        let magic = entries
            .iter()
            .filter(|e| DcvAllMethod::from_wire(e).is_some())
            .count();
        match (magic, entries.as_slice()) {
            (0, _) => Some(Self::PerDomain(
                entries.into_iter().map(DcvToken::from_wire).collect(),
            )),
            (1, [only]) => DcvAllMethod::from_wire(only).map(Self::All),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_parsing_is_exact() {
        assert_eq!(parse_int("-1"), Some(-1));
        assert_eq!(parse_int("+1"), None);
        assert_eq!(parse_int(" 1"), None);
        assert_eq!(parse_int("-"), None);
        assert_eq!(parse_int("99999999999"), None);
        assert_eq!(parse_u32("4294967295"), Some(u32::MAX));
        assert_eq!(parse_u32("4294967296"), None);
        assert_eq!(parse_u32("-1"), None);
        assert_eq!(parse_flag("y"), Some(true));
        assert_eq!(parse_flag("Yes"), None);
    }

    #[test]
    fn enums_round_trip() {
        for v in ServerSoftware::ALL {
            assert_eq!(ServerSoftware::from_wire(&v.to_string()), Some(*v));
        }
        for v in RevocationReason::ALL {
            assert_eq!(RevocationReason::from_code(v.code()), Some(*v));
        }
        assert_eq!(RevocationReason::from_code(2), None);
        for v in DcvMethod::ALL {
            assert_eq!(DcvMethod::from_wire(v.as_str()), Some(*v));
        }
        assert_eq!(DcvMethod::from_wire("HTTPS_CSR_HASH"), None);
        assert_eq!(DcvMethod::from_wire("email"), None);
        let short: Vec<i32> = ServerSoftware::ALL
            .iter()
            .filter(|s| s.in_auto_apply_order_list())
            .map(|s| s.code())
            .collect();
        assert_eq!(short, [-1, 2, 10, 14, 18, 30, 31, 35, 36]);
    }

    #[test]
    fn dcv_tokens() {
        assert_eq!(
            DcvTokens::from_wire("a@example.com HTTPCSRHASH,IPADDRESSPRE"),
            Some(DcvTokens::PerDomain(vec![
                DcvToken::Email("a@example.com".into()),
                DcvToken::HttpCsrHash,
                DcvToken::IpAddressPre
            ]))
        );
        assert_eq!(DcvTokens::from_wire("ALLHTTPCSRHASH,ALLHTTPCSRHASH"), None);
        assert_eq!(
            DcvTokens::from_wire(""),
            Some(DcvTokens::PerDomain(Vec::new()))
        );
    }
}
