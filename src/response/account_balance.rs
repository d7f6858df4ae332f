//! getAccountBalance (`!getAccountBalance`): the reseller account's balance (DIGEST §9).
//!
//! Success is status `0` (the PDF heads the success block "If Status Code > 0", §12 quirk
//! 26).
//!
//! | Newline line | URL-encoded / JSON key | Content |
//! |---|---|---|
//! | 1 | `errorCode` | status |
//! | 2 | `accountID` | account ID (or, on error, the message) |
//! | 3 | `currencyCode` | currency, e.g. `USD` |
//! | 4 | `amount` | balance |
//! | 5 | `hardCreditLimit` | hard credit limit |
//!
//! The JSON format appears only in the response table ("a JSON object containing named
//! parameters", no documented request value): its keys are assumed to be the URL-encoded
//! ones, and amounts written as JSON numbers keep their text (`100.50`). Errors (§9): `-19`
//! only for CCM accounts, `-42` call limit reached, and the common codes.

use super::fields::{Money, Text, wire_struct};
use super::status::{Amount, UnknownLine};
use super::{At, Body, BodySyntax, Error, Offer, ParseContext};
use crate::{EndpointId, Format, Warning};

const OFFER: Offer = Offer {
    syntaxes: &[
        BodySyntax::Newline,
        BodySyntax::UrlEncoded,
        BodySyntax::Json,
    ],
    expected: "a getAccountBalance body: newline-delimited text, URL-encoded or JSON",
};

wire_struct! {
    /// A successful getAccountBalance response.
    ///
    /// ```
    /// use sectigo_codec::response::{AccountBalanceResponse, ParseContext};
    /// let r = AccountBalanceResponse::parse(b"0\n98765\nUSD\n1234.56\n500.00\n", &ParseContext::new())?;
    /// assert_eq!(r.account_id.as_deref(), Some("98765"));
    /// assert_eq!(r.currency_code.as_deref(), Some("USD"));
    /// assert_eq!(r.amount.unwrap().as_str(), "1234.56");
    /// assert_eq!(r.hard_credit_limit.unwrap().as_str(), "500.00");
    /// # Ok::<(), sectigo_codec::Error>(())
    /// ```
    pub struct AccountBalanceResponse {
        /// The status (`0`).
        pub status: i32,
        /// Lines after line 5 of a newline body.
        pub extra_lines: Vec<UnknownLine>,
        /// The deviations tolerated while reading the body.
        pub warnings: Vec<Warning>,
        ;
        /// `accountID` (line 2).
        pub account_id: String = "accountID" => Text,
        /// `currencyCode` (line 3), e.g. `USD`.
        pub currency_code: String = "currencyCode" => Text,
        /// `amount` (line 4): the balance.
        pub amount: Amount = "amount" => Money,
        /// `hardCreditLimit` (line 5).
        pub hard_credit_limit: Amount = "hardCreditLimit" => Money,
    }
}

impl AccountBalanceResponse {
    /// Parses a getAccountBalance response body.
    ///
    /// # Errors
    /// [`Error::Api`] for an error response; [`Error::Decode`] when the body is in none of
    /// the three formats or an amount is not a decimal number (naming the field, and its
    /// line in a newline body).
    pub fn parse(body: &[u8], ctx: &ParseContext) -> Result<Self, Error> {
        let decoded = super::decode(EndpointId::GetAccountBalance, body, ctx, &OFFER)?;
        let mut warnings = decoded.warnings;
        let mut out = Self::blank(decoded.status, Vec::new(), Vec::new());
        match decoded.body {
            Body::Lines(lines) => {
                let all = lines.lines();
                for (name, line) in Self::WIRE_NAMES.iter().zip(all) {
                    if line.text().is_empty() {
                        continue;
                    }
                    let at = At {
                        format: Format::Newline,
                        key: name,
                        offset: Some(line.offset()),
                        line: Some(line.number()),
                    };
                    super::apply(&mut out, name, line.text(), &at, &mut warnings)?;
                }
                out.extra_lines =
                    super::unknown_lines(all.get(Self::WIRE_NAMES.len()..).unwrap_or_default());
            }
            Body::Form(form) => super::apply_form(&mut out, &form, &[], &mut warnings)?,
            Body::Json(doc) => super::apply_json(&mut out, doc.root(), &mut warnings)?,
            Body::JavaScript(_) | Body::Binary => {}
        }
        out.warnings = warnings;
        Ok(out)
    }

    /// The URL-encoded body the server would have sent for this value.
    pub fn to_form(&self) -> String {
        super::render_form(self.status, &self.wire_fields())
    }

    /// The newline body the server would have sent for this value (unknown fields are not
    /// written; trailing fields that are not set are left out).
    pub fn to_lines(&self) -> String {
        let text = |a: &Option<Amount>| {
            a.as_ref()
                .map(|a| a.as_str().to_owned())
                .unwrap_or_default()
        };
        let mut lines = vec![
            self.status.to_string(),
            self.account_id.clone().unwrap_or_default(),
            self.currency_code.clone().unwrap_or_default(),
            text(&self.amount),
            text(&self.hard_credit_limit),
        ];
        while lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        let mut out = lines.join("\n");
        out.push('\n');
        out
    }
}
