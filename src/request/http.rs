//! The sans-IO description of a request: base URL, credentials, secrets and the form body.
//!
//! DIGEST §1.1: every endpoint is a `POST` of an `application/x-www-form-urlencoded` body to
//! `<base URL><path>`, where the path's `!` is a literal character (RFC 3986 allows it in a
//! segment) and is never percent-encoded. §1.2: the credentials are `loginName` and
//! `loginPassword`, sent on every call - in the body, never in the URL, where proxies and
//! access logs would keep them.
//!
//! Secrets (`loginPassword`, `collectionCode`, `appRepLoginPassword`) are held in a
//! [`Secret`], whose `Debug` and `Display` print `<redacted>`. A [`FormBody`] remembers where
//! the secret values sit in the encoded body, so its `Debug`/`Display` (and those of
//! [`HttpRequest`]) show the body with those values replaced by `<redacted>`; the bytes to
//! send are only reachable through [`FormBody::as_str`] and [`HttpRequest::body`].

use core::fmt;
use core::ops::Range;
use core::str::FromStr;

use crate::endpoint::DEFAULT_BASE_URL;
use crate::wire::form::{FormEncoder, is_secret_name};

/// What `Debug` and `Display` print instead of a secret value.
pub const REDACTED: &str = "<redacted>";

/// A secret parameter value (`loginPassword`, `collectionCode`, `appRepLoginPassword`).
///
/// `Debug` and `Display` print `<redacted>`; [`Secret::expose`] returns the value.
///
/// ```
/// use sectigo_codec::request::Secret;
/// let s = Secret::new("hunter2");
/// assert_eq!(format!("{s:?} {s}"), "<redacted> <redacted>");
/// assert_eq!(s.expose(), "hunter2");
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret value. Do not log it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the value is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The secret value, by value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

/// The account credentials sent with every request (DIGEST §1.2): `loginName` (at most 64
/// characters) and `loginPassword` (at most 128). Both values are case-sensitive.
///
/// `Debug` and `Display` show the login name and redact the password.
///
/// ```
/// use sectigo_codec::request::Credentials;
/// let c = Credentials::new("reseller", "s3cret");
/// assert_eq!(c.to_string(), "loginName=reseller loginPassword=<redacted>");
/// assert!(!format!("{c:?}").contains("s3cret"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Credentials {
    /// `loginName`.
    pub login_name: String,
    /// `loginPassword`.
    pub login_password: Secret,
}

impl Credentials {
    /// Credentials from a login name and password.
    pub fn new(login_name: impl Into<String>, login_password: impl Into<Secret>) -> Self {
        Self {
            login_name: login_name.into(),
            login_password: login_password.into(),
        }
    }
}

impl fmt::Display for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "loginName={} loginPassword={REDACTED}", self.login_name)
    }
}

/// Why a base URL was refused. The messages never repeat the URL: it might carry a password
/// in its user-info part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BaseUrlError {
    /// The URL does not start with `https://` or `http://`.
    #[error("the base URL must start with https:// (or http://)")]
    Scheme,
    /// There is no host after the scheme.
    #[error("the base URL has no host")]
    MissingHost,
    /// The URL has a user-info part (`user:password@host`); credentials go in the body only.
    #[error("the base URL must not carry credentials (user@host); they are sent in the body")]
    UserInfo,
    /// The URL has a query (`?`) or a fragment (`#`).
    #[error("the base URL must not have a query or a fragment")]
    QueryOrFragment,
    /// A character that cannot appear in a URL (white space, a control character, non-ASCII)
    /// at this byte offset.
    #[error("the base URL has an invalid character at byte {offset}")]
    InvalidCharacter {
        /// Byte offset of the character.
        offset: usize,
    },
}

/// The URL every endpoint path is appended to (DIGEST §1.1). Defaults to
/// `https://secure.trust-provider.com/products/`; the legacy host
/// `https://secure.comodo.net/products/` serves the same paths.
///
/// A trailing `/` is added when missing.
///
/// ```
/// use sectigo_codec::request::BaseUrl;
/// assert_eq!(BaseUrl::default().as_str(), "https://secure.trust-provider.com/products/");
/// let legacy: BaseUrl = "https://secure.comodo.net/products".parse()?;
/// assert_eq!(legacy.join("!AutoApplyOrder"), "https://secure.comodo.net/products/!AutoApplyOrder");
/// assert!("https://user:pw@example.com/".parse::<BaseUrl>().is_err());
/// # Ok::<(), sectigo_codec::request::BaseUrlError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BaseUrl {
    url: String,
    https: bool,
}

/// The legacy base URL (Comodo's host), which serves the same paths.
pub const LEGACY_BASE_URL: &str = "https://secure.comodo.net/products/";

impl BaseUrl {
    /// Checks and normalises a base URL: scheme `https` or `http` (case-insensitive, written
    /// in lower case), a host, no user-info, no query or fragment, printable ASCII only; a
    /// trailing `/` is added when missing.
    ///
    /// # Errors
    ///
    /// [`BaseUrlError`] says which rule the URL breaks.
    pub fn new(url: &str) -> Result<Self, BaseUrlError> {
        if let Some(offset) = url.bytes().position(|b| !b.is_ascii_graphic()) {
            return Err(BaseUrlError::InvalidCharacter { offset });
        }
        let (https, rest) = if let Some(rest) = strip_prefix_ci(url, "https://") {
            (true, rest)
        } else if let Some(rest) = strip_prefix_ci(url, "http://") {
            (false, rest)
        } else {
            return Err(BaseUrlError::Scheme);
        };
        if rest.contains(['?', '#']) {
            return Err(BaseUrlError::QueryOrFragment);
        }
        let authority = rest.split('/').next().unwrap_or_default();
        if authority.contains('@') {
            return Err(BaseUrlError::UserInfo);
        }
        if authority.is_empty() {
            return Err(BaseUrlError::MissingHost);
        }
        let scheme = if https { "https://" } else { "http://" };
        let mut normalised = String::with_capacity(url.len().saturating_add(1));
        normalised.push_str(scheme);
        normalised.push_str(rest);
        if !normalised.ends_with('/') {
            normalised.push('/');
        }
        Ok(Self {
            url: normalised,
            https,
        })
    }

    /// The legacy base URL, `https://secure.comodo.net/products/`.
    pub fn legacy() -> Self {
        Self {
            url: LEGACY_BASE_URL.to_owned(),
            https: true,
        }
    }

    /// The URL, ending in `/`.
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// Whether the scheme is `https`.
    pub fn is_https(&self) -> bool {
        self.https
    }

    /// The URL of `path` (an endpoint path such as `!AutoApplyOrder` or
    /// `download/CollectSSL`), appended literally.
    pub fn join(&self, path: &str) -> String {
        let mut url = String::with_capacity(self.url.len().saturating_add(path.len()));
        url.push_str(&self.url);
        url.push_str(path.trim_start_matches('/'));
        url
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

impl Default for BaseUrl {
    fn default() -> Self {
        Self {
            url: DEFAULT_BASE_URL.to_owned(),
            https: true,
        }
    }
}

impl FromStr for BaseUrl {
    type Err = BaseUrlError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.url)
    }
}

/// An encoded `application/x-www-form-urlencoded` request body that knows where its secret
/// values are.
///
/// [`as_str`](Self::as_str) / [`as_bytes`](Self::as_bytes) give the body to send; `Debug`,
/// `Display` and [`redacted`](Self::redacted) give it with every secret value replaced by
/// `<redacted>`.
#[derive(Clone, PartialEq, Eq)]
pub struct FormBody {
    body: String,
    secrets: Vec<Range<usize>>,
}

impl FormBody {
    /// The body to send.
    pub fn as_str(&self) -> &str {
        &self.body
    }

    /// The body to send, as bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.body.as_bytes()
    }

    /// The body to send, by value.
    pub fn into_string(self) -> String {
        self.body
    }

    /// The length of the body in bytes.
    pub fn len(&self) -> usize {
        self.body.len()
    }

    /// Whether the body is empty.
    pub fn is_empty(&self) -> bool {
        self.body.is_empty()
    }

    /// The body with each secret value replaced by `<redacted>` (safe to log).
    pub fn redacted(&self) -> String {
        let mut out = String::with_capacity(self.body.len());
        let mut at = 0usize;
        for range in &self.secrets {
            out.push_str(self.body.get(at..range.start).unwrap_or_default());
            out.push_str(REDACTED);
            at = range.end;
        }
        out.push_str(self.body.get(at..).unwrap_or_default());
        out
    }
}

impl fmt::Debug for FormBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("FormBody").field(&self.redacted()).finish()
    }
}

impl fmt::Display for FormBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

/// A request ready to be sent: method, URL, content type and body. The caller's HTTP client
/// sends it and hands the response to the matching response parser.
///
/// `Debug` and `Display` never show secret values.
///
/// ```
/// use sectigo_codec::request::{BaseUrl, CollectQueryType, CollectSslRequest, Credentials};
/// let req = CollectSslRequest::by_order_number(
///     Credentials::new("reseller", "s3cret"),
///     "1234567",
///     CollectQueryType::StatusOnly,
/// );
/// let http = req.to_http(&BaseUrl::default())?;
/// assert_eq!(http.method(), "POST");
/// assert_eq!(http.url(), "https://secure.trust-provider.com/products/download/CollectSSL");
/// assert_eq!(http.content_type(), "application/x-www-form-urlencoded");
/// assert_eq!(
///     http.body(),
///     b"loginName=reseller&loginPassword=s3cret&orderNumber=1234567&queryType=0"
/// );
/// assert!(!format!("{http:?}").contains("s3cret"));
/// # Ok::<(), sectigo_codec::request::Violations>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    url: String,
    body: FormBody,
}

/// The content type of every request body.
pub const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

impl HttpRequest {
    pub(crate) fn new(url: String, body: FormBody) -> Self {
        Self { url, body }
    }

    /// The HTTP method: always `POST` (DIGEST §1.1; `GET` gets error `-17`).
    pub fn method(&self) -> &'static str {
        "POST"
    }

    /// The full URL (base URL and endpoint path). It never contains credentials.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The `Content-Type` header value: `application/x-www-form-urlencoded`.
    pub fn content_type(&self) -> &'static str {
        FORM_CONTENT_TYPE
    }

    /// The body bytes to send.
    pub fn body(&self) -> &[u8] {
        self.body.as_bytes()
    }

    /// The body, with its redaction information.
    pub fn form(&self) -> &FormBody {
        &self.body
    }

    /// The URL and the body bytes, by value.
    pub fn into_parts(self) -> (String, Vec<u8>) {
        (self.url, self.body.into_string().into_bytes())
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpRequest")
            .field("method", &self.method())
            .field("url", &self.url)
            .field("content_type", &self.content_type())
            .field("body", &self.body.redacted())
            .finish()
    }
}

impl fmt::Display for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} ({}, {} bytes)",
            self.method(),
            self.url,
            self.content_type(),
            self.body.len()
        )
    }
}

/// Builds a [`FormBody`] pair by pair, in the order of the endpoint's parameter table.
#[derive(Default)]
pub(crate) struct Params {
    encoder: FormEncoder,
    secrets: Vec<Range<usize>>,
}

impl Params {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Appends `name=value`; records the value's span when it is secret.
    fn pair(&mut self, name: &str, value: &str, secret: bool) {
        let start = self.encoder.as_str().len();
        self.encoder.append_pair(name, value);
        if secret {
            let body = self.encoder.as_str();
            // The encoded name never contains `=` (it is escaped as %3D), so the first `=`
            // after `start` ends the name.
            if let Some(eq) = body.get(start..).and_then(|tail| tail.find('=')) {
                let value_start = start.saturating_add(eq).saturating_add(1);
                self.secrets.push(value_start..body.len());
            }
        }
    }

    pub(crate) fn str(&mut self, name: &str, value: &str) {
        self.pair(name, value, false);
    }

    pub(crate) fn opt_str(&mut self, name: &str, value: Option<&String>) {
        if let Some(value) = value {
            self.pair(name, value, false);
        }
    }

    pub(crate) fn secret(&mut self, name: &str, value: &Secret) {
        self.pair(name, value.expose(), true);
    }

    pub(crate) fn opt_secret(&mut self, name: &str, value: Option<&Secret>) {
        if let Some(value) = value {
            self.secret(name, value);
        }
    }

    pub(crate) fn credentials(&mut self, credentials: &Credentials) {
        self.str("loginName", &credentials.login_name);
        self.secret("loginPassword", &credentials.login_password);
    }

    /// `Y` / `N`.
    pub(crate) fn flag(&mut self, name: &str, value: Option<bool>) {
        if let Some(value) = value {
            self.pair(name, if value { "Y" } else { "N" }, false);
        }
    }

    /// A value written with its `Display` (integers, enum wire values).
    pub(crate) fn value<T: fmt::Display>(&mut self, name: &str, value: Option<T>) {
        if let Some(value) = value {
            self.pair(name, &value.to_string(), false);
        }
    }

    /// The caller's extra parameters, in their order; values of secret-looking names are
    /// redacted in `Debug`.
    pub(crate) fn extra(&mut self, extra: &[(String, String)]) {
        for (name, value) in extra {
            self.pair(name, value, is_secret_name(name));
        }
    }

    pub(crate) fn finish(self) -> FormBody {
        FormBody {
            body: self.encoder.finish(),
            secrets: self.secrets,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_rules() {
        assert_eq!(
            BaseUrl::new("HTTPS://secure.trust-provider.com/products")
                .unwrap()
                .as_str(),
            "https://secure.trust-provider.com/products/"
        );
        assert!(!BaseUrl::new("http://h/").unwrap().is_https());
        assert_eq!(BaseUrl::new("ftp://h/"), Err(BaseUrlError::Scheme));
        assert_eq!(BaseUrl::new("https:///x"), Err(BaseUrlError::MissingHost));
        assert_eq!(BaseUrl::new("https://"), Err(BaseUrlError::MissingHost));
        assert_eq!(BaseUrl::new("https://a@h/"), Err(BaseUrlError::UserInfo));
        assert_eq!(
            BaseUrl::new("https://h/?x=1"),
            Err(BaseUrlError::QueryOrFragment)
        );
        assert_eq!(
            BaseUrl::new("https://h/a b"),
            Err(BaseUrlError::InvalidCharacter { offset: 11 })
        );
        assert_eq!(
            BaseUrl::new("https://hé/"),
            Err(BaseUrlError::InvalidCharacter { offset: 9 })
        );
        assert_eq!(BaseUrl::legacy().as_str(), LEGACY_BASE_URL);
        assert_eq!(
            BaseUrl::default().join("/download/CollectSSL"),
            "https://secure.trust-provider.com/products/download/CollectSSL"
        );
    }

    #[test]
    fn form_body_redacts_secret_spans() {
        let mut p = Params::new();
        p.credentials(&Credentials::new("me", "p&ss w=rd"));
        p.str("queryType", "1");
        p.extra(&[
            ("AppRepLoginPassword".into(), "x y".into()),
            ("COLLECTIONCODE".into(), "abc".into()),
            ("note".into(), "plain".into()),
        ]);
        let body = p.finish();
        assert_eq!(
            body.as_str(),
            "loginName=me&loginPassword=p%26ss+w%3Drd&queryType=1&AppRepLoginPassword=x+y\
             &COLLECTIONCODE=abc&note=plain"
        );
        assert_eq!(
            body.redacted(),
            "loginName=me&loginPassword=<redacted>&queryType=1&AppRepLoginPassword=<redacted>\
             &COLLECTIONCODE=<redacted>&note=plain"
        );
        assert_eq!(format!("{body}"), body.redacted());
        assert!(format!("{body:?}").contains("<redacted>"));
    }

    #[test]
    fn empty_secret_is_still_marked() {
        let mut p = Params::new();
        p.secret("loginPassword", &Secret::new(""));
        assert_eq!(p.finish().redacted(), "loginPassword=<redacted>");
    }
}
