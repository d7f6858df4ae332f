//! The endpoints of the legacy reseller API and what their requests and responses share.
//!
//! | [`EndpointId`] | Path (after the base URL) | CLI name |
//! |---|---|---|
//! | `AutoApplyOrder` | `!AutoApplyOrder` (also `!AutoApplySSL`) | `auto-apply-order` |
//! | `AutoReplaceSsl` | `!AutoReplaceSSL` | `auto-replace-ssl` |
//! | `CollectSsl` | `download/CollectSSL` | `collect-ssl` |
//! | `CollectPac` | `download/CollectPAC` | `collect-pac` |
//! | `CollectSmime` | `download/CollectSMIME` | `collect-smime` |
//! | `GetDetailedOrderStatus` | `!GetDetailedOrderStatus` | `order-status` |
//! | `AutoRevokeSsl` | `!AutoRevokeSSL` | `auto-revoke-ssl` |
//! | `AutoRefund` | `!AutoRefund` | `auto-refund` |
//! | `GetAccountBalance` | `!getAccountBalance` | `account-balance` |
//! | `Notification` | (pushed by Sectigo to the partner's URL) | `notification` |
//!
//! Paths are as DIGEST §1.1 and the endpoint sections give them: `!` is a literal character
//! of the path (RFC 3986 allows it in a segment) and is never percent-encoded; CollectSSL has
//! a `download/` segment and no `!`; getAccountBalance starts with a lower-case `g`.

use core::fmt;

/// The default base URL of the API (DIGEST §1.1). The legacy host
/// `https://secure.comodo.net/products/` serves the same paths.
pub const DEFAULT_BASE_URL: &str = "https://secure.trust-provider.com/products/";

/// One endpoint of the API (or the push notification Sectigo sends).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum EndpointId {
    /// `!AutoApplyOrder` (backward compatible with `!AutoApplySSL`): places an order.
    AutoApplyOrder,
    /// `!AutoReplaceSSL`: reissues the certificate of an order.
    AutoReplaceSsl,
    /// `download/CollectSSL`: status and certificates of an SSL order.
    CollectSsl,
    /// `download/CollectPAC`: personal authentication certificates.
    CollectPac,
    /// `download/CollectSMIME`: S/MIME certificates.
    CollectSmime,
    /// `!GetDetailedOrderStatus`: detailed status of an order and its replacements.
    GetDetailedOrderStatus,
    /// `!AutoRevokeSSL`: revokes (or rejects) a certificate.
    AutoRevokeSsl,
    /// `!AutoRefund`: refunds an order.
    AutoRefund,
    /// `!getAccountBalance`: the reseller account's balance.
    GetAccountBalance,
    /// The certificate-issuance push (webhook) Sectigo sends to the partner.
    Notification,
}

impl EndpointId {
    /// Every endpoint, in the order of the table above.
    pub const ALL: [Self; 10] = [
        Self::AutoApplyOrder,
        Self::AutoReplaceSsl,
        Self::CollectSsl,
        Self::CollectPac,
        Self::CollectSmime,
        Self::GetDetailedOrderStatus,
        Self::AutoRevokeSsl,
        Self::AutoRefund,
        Self::GetAccountBalance,
        Self::Notification,
    ];

    /// The path after the base URL; `None` for the push notification (Sectigo calls the
    /// partner).
    pub const fn path(self) -> Option<&'static str> {
        Some(match self {
            Self::AutoApplyOrder => "!AutoApplyOrder",
            Self::AutoReplaceSsl => "!AutoReplaceSSL",
            Self::CollectSsl => "download/CollectSSL",
            Self::CollectPac => "download/CollectPAC",
            Self::CollectSmime => "download/CollectSMIME",
            Self::GetDetailedOrderStatus => "!GetDetailedOrderStatus",
            Self::AutoRevokeSsl => "!AutoRevokeSSL",
            Self::AutoRefund => "!AutoRefund",
            Self::GetAccountBalance => "!getAccountBalance",
            Self::Notification => return None,
        })
    }

    /// The endpoint's name in the documentation (`AutoApplyOrder`, `CollectSSL`, ...).
    pub const fn doc_name(self) -> &'static str {
        match self {
            Self::AutoApplyOrder => "AutoApplyOrder",
            Self::AutoReplaceSsl => "AutoReplaceSSL",
            Self::CollectSsl => "CollectSSL",
            Self::CollectPac => "CollectPAC",
            Self::CollectSmime => "CollectSMIME",
            Self::GetDetailedOrderStatus => "GetDetailedOrderStatus",
            Self::AutoRevokeSsl => "AutoRevokeSSL",
            Self::AutoRefund => "AutoRefund",
            Self::GetAccountBalance => "getAccountBalance",
            Self::Notification => "certificate issuance push",
        }
    }

    /// The kebab-case name the command-line tool uses (`auto-apply-order`, ...).
    pub const fn cli_name(self) -> &'static str {
        match self {
            Self::AutoApplyOrder => "auto-apply-order",
            Self::AutoReplaceSsl => "auto-replace-ssl",
            Self::CollectSsl => "collect-ssl",
            Self::CollectPac => "collect-pac",
            Self::CollectSmime => "collect-smime",
            Self::GetDetailedOrderStatus => "order-status",
            Self::AutoRevokeSsl => "auto-revoke-ssl",
            Self::AutoRefund => "auto-refund",
            Self::GetAccountBalance => "account-balance",
            Self::Notification => "notification",
        }
    }

    /// The endpoint with this CLI name.
    pub fn from_cli_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.cli_name() == name)
    }
}

impl fmt::Display for EndpointId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.doc_name())
    }
}

/// The `responseFormat` of a request, which is also the syntax of the response body
/// (DIGEST §1.4). Encoded as the ASCII digit (quirk 20: typed char on some pages, integer on
/// others).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ResponseFormat {
    /// `0`: newline-delimited text (`text/plain`); the default of most endpoints.
    Newline,
    /// `1`: URL-encoded (`application/x-www-form-urlencoded`); GetDetailedOrderStatus' default.
    UrlEncoded,
    /// `2`: JSON (`application/json`); GetDetailedOrderStatus (and getAccountBalance, UNCONFIRMED).
    Json,
}

impl ResponseFormat {
    /// The wire value (`0`, `1`, `2`).
    pub const fn code(self) -> u8 {
        match self {
            Self::Newline => 0,
            Self::UrlEncoded => 1,
            Self::Json => 2,
        }
    }

    /// The format with this wire value.
    pub const fn from_code(code: u8) -> Option<Self> {
        match code {
            0 => Some(Self::Newline),
            1 => Some(Self::UrlEncoded),
            2 => Some(Self::Json),
            _ => None,
        }
    }

    /// The format a `Content-Type` header announces (parameters such as `charset` ignored,
    /// case-insensitive); `None` for other types (binary downloads, `text/html`, ...).
    pub fn from_content_type(content_type: &str) -> Option<Self> {
        let essence = content_type.split(';').next().unwrap_or_default().trim();
        if essence.eq_ignore_ascii_case("text/plain") {
            Some(Self::Newline)
        } else if essence.eq_ignore_ascii_case("application/x-www-form-urlencoded") {
            Some(Self::UrlEncoded)
        } else if essence.eq_ignore_ascii_case("application/json") {
            Some(Self::Json)
        } else {
            None
        }
    }

    /// The MIME type of bodies in this format.
    pub const fn content_type(self) -> &'static str {
        match self {
            Self::Newline => "text/plain",
            Self::UrlEncoded => "application/x-www-form-urlencoded",
            Self::Json => "application/json",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_names_round_trip_and_paths_are_literal() {
        for e in EndpointId::ALL {
            assert_eq!(EndpointId::from_cli_name(e.cli_name()), Some(e));
        }
        assert_eq!(EndpointId::CollectSsl.path(), Some("download/CollectSSL"));
        assert_eq!(
            EndpointId::GetAccountBalance.path(),
            Some("!getAccountBalance")
        );
        assert_eq!(EndpointId::Notification.path(), None);
        assert_eq!(EndpointId::from_cli_name("collect"), None);
    }

    #[test]
    fn response_format_codes_and_content_types() {
        for f in [
            ResponseFormat::Newline,
            ResponseFormat::UrlEncoded,
            ResponseFormat::Json,
        ] {
            assert_eq!(ResponseFormat::from_code(f.code()), Some(f));
            assert_eq!(ResponseFormat::from_content_type(f.content_type()), Some(f));
        }
        assert_eq!(
            ResponseFormat::from_content_type("Application/JSON; charset=utf-8"),
            Some(ResponseFormat::Json)
        );
        assert_eq!(
            ResponseFormat::from_content_type("application/pkcs7-mime"),
            None
        );
        assert_eq!(ResponseFormat::from_code(3), None);
    }
}
