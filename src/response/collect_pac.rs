//! CollectPAC (`download/CollectPAC`) and CollectSMIME (`download/CollectSMIME`): personal
//! authentication and S/MIME certificates (DIGEST §3).
//!
//! Status: `2` attached, `1` available, `0` being processed, `< 0` error (§3.4). The body
//! depends on the request's `responseEncoding` (§3.3):
//!
//! * `0` (base64, newline text): line 1 the status; if negative, line 2 the message; if
//!   positive and `showValidityPeriod=Y`, line 2 is `DD/MM/YYYY DD/MM/YYYY`; with status 2
//!   the structure chosen by `responseType` follows, as base64 lines (a PKCS#7 bag, a
//!   Netscape sequence, ...) or as PEM blocks (the documentation shows the same malformed
//!   armour as CollectSSL).
//! * `1` (binary): on success the body is ONLY the binary structure, no status line; on
//!   error it is the newline status and message (§12 quirk 5). The body's first bytes
//!   tell which.
//! * `2` (JavaScript): `g_errorCode`, `g_errorMessage` and `g_ccc`, the base64 structure.
//!   No sample exists; the syntax accepted is that of [`wire::js`](crate::wire::js).
//!
//! There is no URL-encoded format. CollectSMIME answers like CollectPAC (whether it takes
//! `responseEncoding=2` is UNCONFIRMED; it is read if it comes).

use super::fields::{Unix, wire_struct};
use super::status::{CollectStatus, UnknownLine};
use super::{Body, BodySyntax, Error, Offer, ParseContext};
use crate::codec::pem::{self, PemLabel};
use crate::{Chain, EndpointId, Format, Timestamp, Warning};

const OFFER: Offer = Offer {
    syntaxes: &[
        BodySyntax::Newline,
        BodySyntax::Binary,
        BodySyntax::JavaScript,
    ],
    expected: "a CollectPAC/CollectSMIME body: newline-delimited text, binary or JavaScript",
};

wire_struct! {
    /// A successful CollectPAC or CollectSMIME response.
    ///
    /// ```
    /// use sectigo_codec::response::{CollectPacResponse, CollectStatus, BodySyntax, ParseContext};
    /// let body = include_bytes!("../../testdata/collect-pac/ok-js-pkcs7.txt");
    /// let r = CollectPacResponse::parse(body, &ParseContext::new())?;
    /// assert_eq!(r.status, CollectStatus::Attached);
    /// assert_eq!(r.syntax, BodySyntax::JavaScript);
    /// assert_eq!(r.certificates.end_entity().unwrap().subject(), "CN=shop.example.com");
    /// # Ok::<(), sectigo_codec::Error>(())
    /// ```
    pub struct CollectPacResponse {
        /// [`EndpointId::CollectPac`] or [`EndpointId::CollectSmime`].
        pub endpoint: EndpointId,
        /// The state of the order (`Attached` for a binary body).
        pub status: CollectStatus,
        /// The syntax the body was in.
        pub syntax: BodySyntax,
        /// The certificates, end-entity first.
        pub certificates: Chain,
        /// Lines of a newline body that were not recognised.
        pub extra_lines: Vec<UnknownLine>,
        /// The deviations tolerated while reading the body.
        pub warnings: Vec<Warning>,
        ;
        /// Start of the validity (newline line 2 with `showValidityPeriod=Y`).
        pub not_before: Timestamp = "notBefore" => Unix,
        /// End of the validity: 23:59:59 GMT of the second date.
        pub not_after: Timestamp = "notAfter" => Unix,
    }
}

/// A CollectSMIME response: the same shapes as CollectPAC.
pub type CollectSmimeResponse = CollectPacResponse;

impl CollectPacResponse {
    /// Parses a CollectPAC response body.
    ///
    /// # Errors
    /// [`Error::Api`] for an error response (in any of the three encodings);
    /// [`Error::Decode`] when the body is none of them or its certificate structure cannot
    /// be decoded.
    ///
    /// # Examples
    ///
    /// ```
    /// use sectigo_codec::response::{CollectPacResponse, ParseContext};
    /// let body = include_bytes!("../../testdata/collect-pac/err-js.txt");
    /// let err = CollectPacResponse::parse(body, &ParseContext::new()).unwrap_err();
    /// assert!(err.as_api().unwrap().is_auth_problem());
    /// ```
    pub fn parse(body: &[u8], ctx: &ParseContext) -> Result<Self, Error> {
        Self::parse_endpoint(EndpointId::CollectPac, body, ctx)
    }

    /// Parses a CollectSMIME response body.
    ///
    /// # Errors
    /// As [`parse`](Self::parse); API errors name [`EndpointId::CollectSmime`].
    pub fn parse_smime(body: &[u8], ctx: &ParseContext) -> Result<Self, Error> {
        Self::parse_endpoint(EndpointId::CollectSmime, body, ctx)
    }

    fn parse_endpoint(
        endpoint: EndpointId,
        body: &[u8],
        ctx: &ParseContext,
    ) -> Result<Self, Error> {
        let decoded = super::decode(endpoint, body, ctx, &OFFER)?;
        let mut warnings = decoded.warnings;
        let status = CollectStatus::from_code(decoded.status);
        let syntax = match decoded.body {
            Body::Lines(_) => BodySyntax::Newline,
            Body::JavaScript(_) => BodySyntax::JavaScript,
            _ => BodySyntax::Binary,
        };
        let mut out = Self::blank(
            endpoint,
            status,
            syntax,
            super::empty_chain(),
            Vec::new(),
            Vec::new(),
        );
        match decoded.body {
            Body::Lines(lines) => {
                let region = super::certificate_region(&lines);
                let all = lines.lines();
                let mut head = match region {
                    Some(i) => all.get(..i).unwrap_or_default(),
                    None => all,
                };
                if let Some((first, rest)) = head.split_first()
                    && let Some((start, end)) = validity(first.text())
                {
                    out.not_before = Some(start);
                    out.not_after = Some(end);
                    head = rest;
                }
                out.extra_lines = super::unknown_lines(head);
                if let Some(i) = region {
                    let (chain, more) = super::extract_region(body, &lines, i, &ctx.limits)?;
                    out.certificates = chain;
                    warnings.extend(more);
                }
            }
            Body::JavaScript(vars) => {
                out.extra = super::js_extra(&vars);
                let has_ccc = vars
                    .get("g_ccc")
                    .and_then(|v| v.value().as_str())
                    .is_some_and(|s| !s.trim().is_empty());
                if has_ccc {
                    let (chain, more) = super::extract_body(body, &ctx.limits)?;
                    out.certificates = chain;
                    warnings.retain(|w| w.format() != Format::JavaScript);
                    warnings.extend(more);
                }
            }
            Body::Binary => {
                let (chain, more) = super::extract_body(body, &ctx.limits)?;
                out.certificates = chain;
                warnings.extend(more);
            }
            Body::Form(_) | Body::Json(_) => {}
        }
        out.warnings = warnings;
        Ok(out)
    }

    /// The newline body the server would have sent for this value (`responseEncoding=0`):
    /// the status, the validity line when both dates are set (`DD/MM/YYYY DD/MM/YYYY` when
    /// they cover whole days, 00:00:00 to 23:59:59, as the documented shape means; UNIX
    /// seconds otherwise, so that no time of day is lost), and the certificates as PEM
    /// blocks, end-entity first.
    ///
    /// ```
    /// use sectigo_codec::response::{CollectPacResponse, ParseContext};
    /// let body = include_bytes!("../../testdata/collect-pac/ok-newline-pkcs7.txt");
    /// let r = CollectPacResponse::parse(body, &ParseContext::new())?;
    /// let again = CollectPacResponse::parse(r.to_lines().as_bytes(), &ParseContext::new())?;
    /// assert_eq!(again.certificates, r.certificates);
    /// # Ok::<(), sectigo_codec::Error>(())
    /// ```
    pub fn to_lines(&self) -> String {
        let mut out = format!("{}\n", self.status.code());
        if let (Some(start), Some(end)) = (self.not_before, self.not_after) {
            // The documented `DD/MM/YYYY` pair means 00:00:00 to 23:59:59; any other time of
            // day only survives in the UNIX-seconds shape (the server's other form).
            let whole_days =
                start.unix().rem_euclid(86_400) == 0 && end.unix().rem_euclid(86_400) == 86_399;
            if whole_days {
                out.push_str(&dmy(start));
                out.push(' ');
                out.push_str(&dmy(end));
            } else {
                out.push_str(&format!("{} {}", start.unix(), end.unix()));
            }
            out.push('\n');
        }
        for (cert, _) in self.certificates.iter() {
            out.push_str(&pem::encode(&PemLabel::Certificate, cert.der()));
        }
        out
    }
}

/// `DD/MM/YYYY DD/MM/YYYY` (or two UNIX times): start at 00:00:00, end at 23:59:59.
fn validity(text: &str) -> Option<(Timestamp, Timestamp)> {
    let mut tokens = text.split_ascii_whitespace();
    let (Some(a), Some(b), None) = (tokens.next(), tokens.next(), tokens.next()) else {
        return None;
    };
    if let (Ok(start), Ok(end)) = (Timestamp::parse_dmy(a), Timestamp::parse_dmy(b)) {
        let end = end
            .unix()
            .checked_add(86_399)
            .and_then(Timestamp::from_unix)?;
        return Some((start, end));
    }
    // `parse_unix` takes only an optionally signed run of digits (tokens carry no spaces).
    Timestamp::parse_unix(a)
        .ok()
        .zip(Timestamp::parse_unix(b).ok())
}

/// The `DD/MM/YYYY` of a timestamp.
fn dmy(t: Timestamp) -> String {
    let text = t.to_string();
    let (y, m, d) = (
        text.get(0..4).unwrap_or_default(),
        text.get(5..7).unwrap_or_default(),
        text.get(8..10).unwrap_or_default(),
    );
    format!("{d}/{m}/{y}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validity_shapes() {
        let (a, b) = validity("14/05/2013 13/05/2014").unwrap();
        assert_eq!(a.to_string(), "2013-05-14T00:00:00Z");
        assert_eq!(b.to_string(), "2014-05-13T23:59:59Z");
        assert_eq!(dmy(b), "13/05/2014");
        assert!(validity("14/05/2013").is_none());
        let (a, b) = validity("113 65514").unwrap();
        assert_eq!((a.unix(), b.unix()), (113, 65_514));
        let (a, _) = validity("-86400 0").unwrap();
        assert_eq!(a.to_string(), "1969-12-31T00:00:00Z");
        assert!(validity("14/05/2013 x").is_none());
        assert!(validity("1761696000 1793232000").is_some());
    }

    /// Found by fuzzing (`parse_response`): a validity in UNIX seconds with a time of day
    /// lost it through `to_lines`, which wrote `DD/MM/YYYY` only.
    #[test]
    fn to_lines_keeps_the_time_of_day() {
        let ctx = ParseContext::new();
        for (body, line) in [
            ("1\n113 65514\n", "113 65514"),
            ("1\n14/05/2013 13/05/2014\n", "14/05/2013 13/05/2014"),
            ("1\n1368489600 1400025599\n", "14/05/2013 13/05/2014"),
        ] {
            let r = CollectPacResponse::parse(body.as_bytes(), &ctx).unwrap();
            let lines = r.to_lines();
            assert_eq!(lines.lines().nth(1), Some(line), "{body:?}");
            let back = CollectPacResponse::parse(lines.as_bytes(), &ctx).unwrap();
            assert_eq!(
                (back.not_before, back.not_after),
                (r.not_before, r.not_after)
            );
        }
    }
}
