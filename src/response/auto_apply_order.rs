//! AutoApplyOrder (`!AutoApplyOrder`, also `!AutoApplySSL`): places an order (DIGEST §6.3).
//!
//! Status: `0` successful and the account was debited, `1` successful and payment is
//! required (which one depends on the account; one SiteLock page calls `1` "pending
//! validation"). Both are successes, [`ApplyStatus`]. Errors: §6.5.
//!
//! # Newline format (`responseFormat=0`, the default)
//!
//! | Line | Content |
//! |---|---|
//! | 1 | Status code. |
//! | 2 | If status < 0: error message (end of response). Else: order number. |
//! | 3 | Amount debited (status 0) or required (status 1), e.g. `35.00`. |
//! | 4 | Deprecated "expected delivery time" in hours. |
//! | 5 | certificateID - only if `showCertificateID=Y`. |
//! | 5 or 6 | Certificate state - only if `showCertificateState=Y`. |
//! | 5, 6 or 7 | uniqueValue - only if supplied or generated. |
//! | 8, 9 | SiteLock products only: SiteLock user ID and site ID(s). |
//!
//! Lines 5 to 7 are untyped and optional, so the request's flags decide which is which
//! ([`ParseContext::show_certificate_id`], [`ParseContext::show_certificate_state`],
//! [`ParseContext::unique_value_supplied`]). After the flagged lines, the next line is the
//! `uniqueValue` when one was supplied, or when it looks like one (1 to 20 ASCII letters
//! and digits: Sectigo generates one when the CSR was used before, as in the PDF's DV
//! example, T7). When the body has an 8th line, lines 8 and 9 are read as the SiteLock
//! fields and the first non-blank line between the flagged lines and line 8 as the
//! `uniqueValue`; whether the server pads lines 5-7 with blank lines for SiteLock orders is
//! UNCONFIRMED. Lines not explained are kept in `extra_lines`.
//!
//! # URL-encoded format (`responseFormat=1`)
//!
//! `errorCode`, `orderNumber`, `totalCost`, `expectedDeliveryTime`, `certificateID`,
//! `certificateStatus` (the request flag says *State*, the key *Status*, §12 quirk 13),
//! `uniqueValue`, and for SiteLock `slId`, `slSiteIds` (names UNCONFIRMED). The PDF says
//! the order fields come "when errorCode=0"; they are read for status 1 too (quirk 24).

use core::fmt;

use super::fields::{Int, Money, Open, Text, wire_struct};
use super::status::{Amount, CertificateStatus, UnknownLine};
use super::{At, Body, BodySyntax, Error, Offer, ParseContext};
use crate::wire::lines::Line;
use crate::{EndpointId, Format, Warning};

const OFFER: Offer = Offer {
    syntaxes: &[BodySyntax::Newline, BodySyntax::UrlEncoded],
    expected: "an AutoApplyOrder body: newline-delimited text or URL-encoded",
};

/// The success state of AutoApplyOrder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApplyStatus {
    /// `0`: successful; the account was debited (`total_cost` is the amount debited).
    Debited,
    /// `1`: successful; payment is required (`total_cost` is the amount due, excluding UK
    /// VAT).
    PaymentRequired,
    /// Another non-negative code (undocumented).
    Other(i32),
}

impl ApplyStatus {
    /// The state for a non-negative status code.
    pub const fn from_code(code: i32) -> Self {
        match code {
            0 => Self::Debited,
            1 => Self::PaymentRequired,
            other => Self::Other(other),
        }
    }

    /// The status code.
    pub const fn code(self) -> i32 {
        match self {
            Self::Debited => 0,
            Self::PaymentRequired => 1,
            Self::Other(code) => code,
        }
    }
}

impl fmt::Display for ApplyStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Debited => f.write_str("successful, account debited"),
            Self::PaymentRequired => f.write_str("successful, payment required"),
            Self::Other(code) => write!(f, "status {code}"),
        }
    }
}

wire_struct! {
    /// A successful AutoApplyOrder response.
    ///
    /// ```
    /// use sectigo_codec::response::{AutoApplyOrderResponse, ApplyStatus, ParseContext};
    /// // DIGEST §13, T6.
    /// let body = b"errorCode=0&orderNumber=3040824&totalCost=210.00&expectedDeliveryTime=1&uniqueValue=TnerFu0d";
    /// let r = AutoApplyOrderResponse::parse(body, &ParseContext::new())?;
    /// assert_eq!(r.status, ApplyStatus::Debited);
    /// assert_eq!(r.order_number.as_deref(), Some("3040824"));
    /// assert_eq!(r.total_cost.unwrap().as_str(), "210.00");
    /// assert_eq!(r.expected_delivery_time, Some(1));
    /// assert_eq!(r.unique_value.as_deref(), Some("TnerFu0d"));
    /// # Ok::<(), sectigo_codec::Error>(())
    /// ```
    pub struct AutoApplyOrderResponse {
        /// Debited or payment required.
        pub status: ApplyStatus,
        /// Lines of a newline body that were not recognised.
        pub extra_lines: Vec<UnknownLine>,
        /// The deviations tolerated while reading the body.
        pub warnings: Vec<Warning>,
        ;
        /// `orderNumber` (line 2), a string (order numbers can carry suffixes).
        pub order_number: String = "orderNumber" => Text,
        /// `totalCost` (line 3): the amount debited or required, in the account's currency.
        pub total_cost: Amount = "totalCost" => Money,
        /// `expectedDeliveryTime` (line 4): deprecated, in hours (0, 1, 24, 48, 240).
        pub expected_delivery_time: u32 = "expectedDeliveryTime" => Int<u32>,
        /// `certificateID` (line 5 with `showCertificateID=Y`), at most 16 digits.
        pub certificate_id: u64 = "certificateID" => Int<u64>,
        /// `certificateStatus` (with `showCertificateState=Y`).
        pub certificate_status: CertificateStatus = "certificateStatus" => Open<CertificateStatus>,
        /// `uniqueValue`: the one supplied, or the one Sectigo generated.
        pub unique_value: String = "uniqueValue" => Text,
        /// `slId` (line 8): the SiteLock user ID.
        pub sl_id: String = "slId" => Text,
        /// `slSiteIds` (line 9): the SiteLock site ID(s).
        pub sl_site_ids: String = "slSiteIds" => Text,
    }
}

/// Index (into the lines after the status) of the first SiteLock line, line 8.
const SITELOCK_INDEX: usize = 6;

impl AutoApplyOrderResponse {
    /// Parses an AutoApplyOrder response body; `ctx` carries the request flags that shape
    /// the newline layout.
    ///
    /// # Errors
    /// [`Error::Api`] for an error response; [`Error::Decode`] when the body is neither
    /// format or a typed field has another shape (a `totalCost` that is not a decimal
    /// number, a `certificateID` that is not an integer), naming the field and its line.
    ///
    /// # Examples
    ///
    /// ```
    /// use sectigo_codec::response::{AutoApplyOrderResponse, CertificateStatus, ParseContext};
    /// let ctx = ParseContext::new().with_show_certificate_id(true).with_show_certificate_state(true);
    /// let r = AutoApplyOrderResponse::parse(b"1\n42\n35.00\n1\n1234567\nIssued\n", &ctx)?;
    /// assert_eq!(r.certificate_id, Some(1234567));
    /// assert_eq!(r.certificate_status, Some(CertificateStatus::Issued));
    /// assert_eq!(r.unique_value, None);
    ///
    /// let err = AutoApplyOrderResponse::parse(b"-15\nNot enough credit!", &ctx).unwrap_err();
    /// assert_eq!(err.as_api().unwrap().name(), Some("NOT_ENOUGH_CREDIT"));
    /// # Ok::<(), sectigo_codec::Error>(())
    /// ```
    pub fn parse(body: &[u8], ctx: &ParseContext) -> Result<Self, Error> {
        let decoded = super::decode(EndpointId::AutoApplyOrder, body, ctx, &OFFER)?;
        let mut warnings = decoded.warnings;
        let mut out = Self::blank(
            ApplyStatus::from_code(decoded.status),
            Vec::new(),
            Vec::new(),
        );
        match decoded.body {
            Body::Lines(lines) => out.read_lines(lines.lines(), ctx, &mut warnings)?,
            Body::Form(form) => super::apply_form(&mut out, &form, &[], &mut warnings)?,
            Body::Json(_) | Body::JavaScript(_) | Body::Binary => {}
        }
        out.warnings = warnings;
        Ok(out)
    }

    fn read_lines(
        &mut self,
        lines: &[Line<'_>],
        ctx: &ParseContext,
        warnings: &mut Vec<Warning>,
    ) -> Result<(), Error> {
        let mut set = |this: &mut Self, name: &'static str, line: &Line<'_>| {
            if line.text().is_empty() {
                return Ok(());
            }
            let at = At {
                format: Format::Newline,
                key: name,
                offset: Some(line.offset()),
                line: Some(line.number()),
            };
            super::apply(this, name, line.text(), &at, warnings).map(|_| ())
        };
        let fixed = ["orderNumber", "totalCost", "expectedDeliveryTime"];
        for (name, line) in fixed.iter().zip(lines) {
            set(self, name, line)?;
        }
        let mut next = fixed.len();
        let mut flagged = Vec::new();
        if ctx.show_certificate_id {
            flagged.push("certificateID");
        }
        if ctx.show_certificate_state {
            flagged.push("certificateStatus");
        }
        for name in flagged {
            if let Some(line) = lines.get(next) {
                set(self, name, line)?;
                next = next.saturating_add(1);
            }
        }
        let sitelock = lines.len() > SITELOCK_INDEX;
        let end = if sitelock {
            SITELOCK_INDEX.max(next)
        } else {
            lines.len()
        };
        let mut unknown: Vec<&Line<'_>> = Vec::new();
        let mut unique_done = false;
        for line in lines.get(next..end).unwrap_or_default() {
            if line.text().is_empty() {
                continue;
            }
            if !unique_done && (ctx.unique_value_supplied || is_unique_value(line.text())) {
                set(self, "uniqueValue", line)?;
                unique_done = true;
            } else {
                unique_done = true;
                unknown.push(line);
            }
        }
        if sitelock {
            let tail = lines.get(end..).unwrap_or_default();
            for (i, line) in tail.iter().enumerate() {
                match i {
                    0 => set(self, "slId", line)?,
                    1 => set(self, "slSiteIds", line)?,
                    _ => unknown.push(line),
                }
            }
        }
        self.extra_lines = unknown
            .into_iter()
            .filter(|l| !l.text().is_empty())
            .map(|l| UnknownLine {
                number: l.number(),
                text: l.text().to_owned(),
            })
            .collect();
        Ok(())
    }

    /// The URL-encoded body the server would have sent for this value.
    ///
    /// ```
    /// use sectigo_codec::response::{AutoApplyOrderResponse, ParseContext};
    /// let body = "errorCode=0&orderNumber=3040824&totalCost=210.00&expectedDeliveryTime=1&uniqueValue=TnerFu0d";
    /// let r = AutoApplyOrderResponse::parse(body.as_bytes(), &ParseContext::new())?;
    /// assert_eq!(r.to_form(), body);
    /// # Ok::<(), sectigo_codec::Error>(())
    /// ```
    pub fn to_form(&self) -> String {
        super::render_form(self.status.code(), &self.wire_fields())
    }

    /// The newline body the server would have sent for this value: lines 2-4, then the
    /// certificate ID, the state and the unique value when set, then (SiteLock) blank lines
    /// up to line 7 and lines 8 and 9. Parse it back with a [`ParseContext`] whose flags
    /// match the fields that are set. Unknown fields and lines are not written.
    pub fn to_lines(&self) -> String {
        let mut lines = vec![
            self.status.code().to_string(),
            self.order_number.clone().unwrap_or_default(),
            self.total_cost
                .as_ref()
                .map(|a| a.as_str().to_owned())
                .unwrap_or_default(),
            self.expected_delivery_time
                .map(|h| h.to_string())
                .unwrap_or_default(),
        ];
        if let Some(id) = self.certificate_id {
            lines.push(id.to_string());
        }
        if let Some(state) = &self.certificate_status {
            lines.push(state.as_wire().to_owned());
        }
        if let Some(unique) = &self.unique_value {
            lines.push(unique.clone());
        }
        if self.sl_id.is_some() || self.sl_site_ids.is_some() {
            lines.resize(
                SITELOCK_INDEX.saturating_add(1).max(lines.len()),
                String::new(),
            );
            lines.push(self.sl_id.clone().unwrap_or_default());
            lines.push(self.sl_site_ids.clone().unwrap_or_default());
        }
        while lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        let mut out = lines.join("\n");
        out.push('\n');
        out
    }
}

/// 1 to 20 ASCII letters and digits (DIGEST §6.1 `uniqueValue`).
fn is_unique_value(text: &str) -> bool {
    (1..=20).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_alphanumeric())
}
