//! GetDetailedOrderStatus (`!GetDetailedOrderStatus`): the detailed status of an order and
//! its replacements (DIGEST §4).
//!
//! Success is `errorCode=0` only. The URL-encoded body (`responseFormat=1`, the default)
//! has indexed keys: `X_name` for order `X` and `X_Y_name` for certificate `Y` of order
//! `X`, 1-based, not necessarily contiguous (§4.2). They are grouped by
//! [`wire::indexed`](crate::wire::indexed), and each order and certificate keeps its
//! unknown keys (the live API returns keys its table does not list; the sample alone has
//! `FQDN`, `certificateStatus`, trademark keys and `logoHostedByCA`, quirk 36).
//!
//! * `X_orderDateTime` is `YYYY-MM-DD HH:MM` (not UNIX seconds; time zone UNCONFIRMED, read
//!   as UTC).
//! * The status scales (`X_Y_csrStatus`, `X_Y_caaStatus`, ...) are integers `-1` not
//!   required, `0` not completed, `1` completed, `2` in progress ([`DetailStatus`]).
//! * `X_Y_swpActive` is an inverted boolean: `0` means active.
//! * `X_suggestedOrgDetails` holds a status (`Found`, `NotFound`, `NotYetCompleted`,
//!   `NotApplicable`; the prose also writes `found`) and, when found, organisation details.
//!   Whether those come as separate keys (`X_organizationName`, ...) or packed inside the
//!   value as a nested URL-encoded string is UNCONFIRMED: both are read
//!   ([`SuggestedOrgDetails`]).
//! * The sample's `%2*` (an invalid escape, quirk 38) is kept literally with a warning.
//!
//! # JSON (`responseFormat=2`)
//!
//! No sample exists; the only JSON-like text is the error sample, a Python literal (T9,
//! quirk 37), which is read. Accepted shapes:
//!
//! * a flat object with the same `X_Y_name` keys as the URL-encoded form;
//! * nested arrays: a member whose value is an array of objects is the list of orders
//!   (`X` = position, from 1), and inside an order a member whose value is an array of
//!   objects is its certificates (`Y` = position);
//! * an object value (such as `suggestedOrgDetails`) is read like the packed form; an
//!   array of scalars becomes a comma-separated list; numbers keep their text.

use std::borrow::Cow;

use super::fields::{ActiveIsZero, DateTime, Int, Open, Scale, Text, Unix, open_enum, wire_struct};
use super::status::{CertificateStatus, DetailStatus};
use super::{At, Body, BodySyntax, Error, Offer, ParseContext};
use crate::wire::form;
use crate::wire::indexed;
use crate::wire::json::JsonValue;
use crate::{DecodeError, EndpointId, Format, Limits, Timestamp, Warning};

const OFFER: Offer = Offer {
    syntaxes: &[BodySyntax::UrlEncoded, BodySyntax::Json],
    expected: "a GetDetailedOrderStatus body: URL-encoded or JSON",
};

open_enum! {
    /// The status of the automatic OV lookup (`X_suggestedOrgDetails`).
    pub enum SuggestedOrgStatus {
        /// `Found` (the prose also writes `found`).
        Found = "Found",
        /// `NotFound`.
        NotFound = "NotFound",
        /// `NotYetCompleted`.
        NotYetCompleted = "NotYetCompleted",
        /// `NotApplicable`.
        NotApplicable = "NotApplicable",
    }
}

open_enum! {
    /// `X_Y_licenceStatus` (British "licence").
    pub enum LicenceStatus {
        /// `processed`.
        Processed = "processed",
        /// `rejected`.
        Rejected = "rejected",
    }
}

open_enum! {
    /// `X_Y_licenceSyncStatus`.
    pub enum LicenceSyncStatus {
        /// `Processed`.
        Processed = "Processed",
        /// `Awaiting Sync`.
        AwaitingSync = "Awaiting Sync",
        /// `Sync Failed`.
        SyncFailed = "Sync Failed",
        /// `Sync Disabled`.
        SyncDisabled = "Sync Disabled",
        /// `Acc Deleted`.
        AccountDeleted = "Acc Deleted",
        /// `Acc Suspended`.
        AccountSuspended = "Acc Suspended",
    }
}

open_enum! {
    /// `X_Y_licenceRejectionSource`.
    pub enum LicenceRejectionSource {
        /// `API`.
        Api = "API",
        /// `Manual`.
        Manual = "Manual",
    }
}

open_enum! {
    /// `X_Y_qualysAccountType`.
    pub enum QualysAccountType {
        /// `C`: customer.
        Customer = "C",
        /// `P`: prospect.
        Prospect = "P",
    }
}

wire_struct! {
    /// The organisation found by the automatic OV lookup (`X_suggestedOrgDetails` and the
    /// `X_organizationName`... keys, or the same packed into one value).
    pub struct SuggestedOrgDetails {
        ;
        /// `status` (the value of `X_suggestedOrgDetails` when not packed).
        pub status: SuggestedOrgStatus = "status" => Open<SuggestedOrgStatus>,
        /// `organizationName`.
        pub organization_name: String = "organizationName" => Text,
        /// `streetAddress`.
        pub street_address: String = "streetAddress" => Text,
        /// `localityName`.
        pub locality_name: String = "localityName" => Text,
        /// `stateOrProvinceName`.
        pub state_or_province_name: String = "stateOrProvinceName" => Text,
        /// `postalCode`.
        pub postal_code: String = "postalCode" => Text,
        /// `countryName` (ISO 3166-1 alpha-2).
        pub country_name: String = "countryName" => Text,
        /// `dunsNumber`.
        pub duns_number: String = "dunsNumber" => Text,
        /// `telephoneNumber`.
        pub telephone_number: String = "telephoneNumber" => Text,
    }
}

wire_struct! {
    /// One certificate (`X_Y_...` keys) of an order.
    pub struct OrderCertificate {
        /// The certificate index `Y`.
        pub index: u32,
        ;
        /// `serialNumber` (empty before issuance).
        pub serial_number: String = "serialNumber" => Text,
        /// `objectType`: the certificate or product type.
        pub object_type: String = "objectType" => Text,
        /// `FQDN` (the PDF and the sample; not in the current table). Several names are
        /// joined by an UNCONFIRMED separator (probably a comma).
        pub fqdn: String = "FQDN" => Text,
        /// `certificateStatus`.
        pub certificate_status: CertificateStatus = "certificateStatus" => Open<CertificateStatus>,
        /// `certificateStatusReason` (rejected or revoked certificates).
        pub certificate_status_reason: String = "certificateStatusReason" => Text,
        /// `csrStatus`.
        pub csr_status: DetailStatus = "csrStatus" => Scale,
        /// `dcvStatus`.
        pub dcv_status: DetailStatus = "dcvStatus" => Scale,
        /// `notBefore` (`showValidityPeriod=Y`).
        pub not_before: Timestamp = "notBefore" => Unix,
        /// `notAfter`.
        pub not_after: Timestamp = "notAfter" => Unix,
        /// `certificateDuration` in days.
        pub certificate_duration: u32 = "certificateDuration" => Int<u32>,
        /// `productTermStartDate`.
        pub product_term_start: Timestamp = "productTermStartDate" => Unix,
        /// `productTermEndDate`.
        pub product_term_end: Timestamp = "productTermEndDate" => Unix,
        /// `productTermDuration` in days.
        pub product_term_duration: u32 = "productTermDuration" => Int<u32>,
        /// `ovCallBackStatus`.
        pub ov_callback_status: DetailStatus = "ovCallBackStatus" => Scale,
        /// `organizationValidationStatus`.
        pub organization_validation_status: DetailStatus = "organizationValidationStatus" => Scale,
        /// `freeDVUPStatus`.
        pub free_dvup_status: DetailStatus = "freeDVUPStatus" => Scale,
        /// `evClickThroughStatus` (-1..1 on the page, -1..2 in the PDF).
        pub ev_click_through_status: DetailStatus = "evClickThroughStatus" => Scale,
        /// `caaStatus`: an integer scale here (a string in CollectSSL).
        pub caa_status: DetailStatus = "caaStatus" => Scale,
        /// `brandValStatus` (as in CollectSSL; not in this endpoint's table).
        pub brand_val_status: DetailStatus = "brandValStatus" => Scale,
        /// `upsTrackingID` (token products).
        pub ups_tracking_id: String = "upsTrackingID" => Text,
        /// `shippingOrganizationName`.
        pub shipping_organization_name: String = "shippingOrganizationName" => Text,
        /// `shippingOrganizationalUnitName`.
        pub shipping_organizational_unit_name: String = "shippingOrganizationalUnitName" => Text,
        /// `shippingStreetAddress1`.
        pub shipping_street_address1: String = "shippingStreetAddress1" => Text,
        /// `shippingStreetAddress2`.
        pub shipping_street_address2: String = "shippingStreetAddress2" => Text,
        /// `shippingStreetAddress3`.
        pub shipping_street_address3: String = "shippingStreetAddress3" => Text,
        /// `shippingLocalityName`.
        pub shipping_locality_name: String = "shippingLocalityName" => Text,
        /// `shippingStateOrProvinceName`.
        pub shipping_state_or_province_name: String = "shippingStateOrProvinceName" => Text,
        /// `shippingPostalCode`.
        pub shipping_postal_code: String = "shippingPostalCode" => Text,
        /// `shippingCountry`.
        pub shipping_country: String = "shippingCountry" => Text,
        /// `shippingTitle`.
        pub shipping_title: String = "shippingTitle" => Text,
        /// `shippingForename`.
        pub shipping_forename: String = "shippingForename" => Text,
        /// `shippingSurname`.
        pub shipping_surname: String = "shippingSurname" => Text,
        /// `shippingEmail`.
        pub shipping_email: String = "shippingEmail" => Text,
        /// `shippingPhone`.
        pub shipping_phone: String = "shippingPhone" => Text,
        /// `licenceStatus`.
        pub licence_status: LicenceStatus = "licenceStatus" => Open<LicenceStatus>,
        /// `licenceSyncStatus`.
        pub licence_sync_status: LicenceSyncStatus = "licenceSyncStatus" => Open<LicenceSyncStatus>,
        /// `licenceRejectionSource`.
        pub licence_rejection_source: LicenceRejectionSource =
            "licenceRejectionSource" => Open<LicenceRejectionSource>,
        /// `licenceStatusReason`: the sync error text.
        pub licence_status_reason: String = "licenceStatusReason" => Text,
        /// `qualysMerchantID` (HackerGuardian).
        pub qualys_merchant_id: String = "qualysMerchantID" => Text,
        /// `qualysLoginName`.
        pub qualys_login_name: String = "qualysLoginName" => Text,
        /// `qualysCompanyName`.
        pub qualys_company_name: String = "qualysCompanyName" => Text,
        /// `qualysAccountType`.
        pub qualys_account_type: QualysAccountType = "qualysAccountType" => Open<QualysAccountType>,
        /// `qualysIPsPurchased`.
        pub qualys_ips_purchased: u32 = "qualysIPsPurchased" => Int<u32>,
        /// `qualysIPsAdded`.
        pub qualys_ips_added: u32 = "qualysIPsAdded" => Int<u32>,
        /// `qualysCreationDate` (format UNCONFIRMED: kept as text).
        pub qualys_creation_date: String = "qualysCreationDate" => Text,
        /// `qualysExpirationDate` (format UNCONFIRMED: kept as text).
        pub qualys_expiration_date: String = "qualysExpirationDate" => Text,
        /// `swpID` (Sectigo Web Platform).
        pub swp_id: String = "swpID" => Text,
        /// `swpUserEmail`.
        pub swp_user_email: String = "swpUserEmail" => Text,
        /// `swpPartnerID`.
        pub swp_partner_id: String = "swpPartnerID" => Text,
        /// `swpActive`: `true` when active (the wire sends `0` for active, `1` for disabled).
        pub swp_active: bool = "swpActive" => ActiveIsZero,
        /// `slId`: SiteLock user ID.
        pub sl_id: String = "slId" => Text,
        /// `slSiteIds`: SiteLock site ID(s).
        pub sl_site_ids: String = "slSiteIds" => Text,
        /// `trademarkOffice` (mark certificates).
        pub trademark_office: String = "trademarkOffice" => Text,
        /// `trademarkIdentifier`.
        pub trademark_identifier: String = "trademarkIdentifier" => Text,
        /// `trademarkCountryName`.
        pub trademark_country_name: String = "trademarkCountryName" => Text,
        /// `trademarkCountry2CharCode`.
        pub trademark_country_code: String = "trademarkCountry2CharCode" => Text,
        /// `logoHostedByCA` (seen as `-1`; meaning UNCONFIRMED, kept as text).
        pub logo_hosted_by_ca: String = "logoHostedByCA" => Text,
    }
}

wire_struct! {
    /// One order (`X_...` keys) and its certificates.
    pub struct Order {
        /// The order index `X`.
        pub index: u32,
        /// The automatic OV lookup, when the response has `X_suggestedOrgDetails` or one
        /// of its detail keys.
        pub suggested_org_details: Option<SuggestedOrgDetails>,
        /// The certificates, sorted by index.
        pub certificates: Vec<OrderCertificate>,
        ;
        /// `orderNumber`.
        pub order_number: String = "orderNumber" => Text,
        /// `orderDateTime`: `YYYY-MM-DD HH:MM`, read as UTC.
        pub order_date_time: Timestamp = "orderDateTime" => DateTime,
        /// `orderStatus` (e.g. `Pending`).
        pub order_status: String = "orderStatus" => Text,
        /// `orderStatusReason` (rejected orders; may be empty).
        pub order_status_reason: String = "orderStatusReason" => Text,
    }
}

wire_struct! {
    /// A successful GetDetailedOrderStatus response.
    ///
    /// ```
    /// use sectigo_codec::response::{OrderStatusResponse, CertificateStatus, ParseContext};
    /// let body = include_bytes!("../../testdata/spec/t08-order-status-urlenc.txt");
    /// let r = OrderStatusResponse::parse(body, &ParseContext::new())?;
    /// let order = &r.orders[0];
    /// assert_eq!(order.order_date_time.unwrap().to_string(), "2025-01-01T13:52:00Z");
    /// let cert = &order.certificates[0];
    /// assert_eq!(cert.object_type.as_deref(), Some("Verified Mark Certificate (VMC) (2 of 2 Domains)"));
    /// assert_eq!(cert.certificate_status, Some(CertificateStatus::AwaitingValidation));
    /// assert_eq!(cert.fqdn.as_deref(), Some("**********.com%2********.com"));
    /// # Ok::<(), sectigo_codec::Error>(())
    /// ```
    pub struct OrderStatusResponse {
        /// The status (`0`).
        pub status: i32,
        /// The orders, sorted by index.
        pub orders: Vec<Order>,
        /// The deviations tolerated while reading the body.
        pub warnings: Vec<Warning>,
        ;
    }
}

impl OrderStatusResponse {
    /// Parses a GetDetailedOrderStatus response body (URL-encoded or JSON).
    ///
    /// # Errors
    /// [`Error::Api`] for an error response (also the documentation's Python-literal error
    /// sample); [`Error::Decode`] when the body is neither format, an index is `0` or too
    /// large, a limit on orders or certificates per order is exceeded, or a typed field
    /// has another shape (an `X_orderDateTime` that is not `YYYY-MM-DD HH:MM`, ...), naming
    /// the key as on the wire and its offset.
    ///
    /// # Examples
    ///
    /// ```
    /// use sectigo_codec::response::{OrderStatusResponse, ParseContext};
    /// let body = br#"{"errorCode": 0, "1_orderNumber": "1234567repl#1", "1_1_csrStatus": 1}"#;
    /// let r = OrderStatusResponse::parse(body, &ParseContext::new())?;
    /// assert_eq!(r.orders[0].order_number.as_deref(), Some("1234567repl#1"));
    /// assert_eq!(r.orders[0].certificates[0].csr_status.unwrap().code(), 1);
    ///
    /// let err = OrderStatusResponse::parse(
    ///     br#"{'errorCode': '-4', 'errorMessage': "The value of the 'orderNumber' argument is invalid!"}"#,
    ///     &ParseContext::new(),
    /// ).unwrap_err();
    /// assert_eq!(err.as_api().unwrap().argument(), Some("orderNumber"));
    /// # Ok::<(), sectigo_codec::Error>(())
    /// ```
    pub fn parse(body: &[u8], ctx: &ParseContext) -> Result<Self, Error> {
        let decoded = super::decode(EndpointId::GetDetailedOrderStatus, body, ctx, &OFFER)?;
        let limits = &ctx.limits;
        let mut out = Self::blank(decoded.status, Vec::new(), decoded.warnings);
        match decoded.body {
            Body::Form(form) => {
                read_entries(&mut out, form.into_pairs(), Format::FormUrlEncoded, limits)?;
            }
            Body::Json(doc) => {
                read_entries(&mut out, flatten(doc.root()), Format::Json, limits)?;
            }
            Body::Lines(_) | Body::JavaScript(_) | Body::Binary => {
                return Err(DecodeError::new(
                    Format::Response,
                    crate::DecodeErrorKind::UnrecognisedFormat {
                        expected: OFFER.expected,
                    },
                )
                .into());
            }
        }
        Ok(out)
    }

    /// The URL-encoded body the server would have sent for this value (suggested
    /// organisation details unpacked).
    ///
    /// ```
    /// use sectigo_codec::response::{OrderStatusResponse, ParseContext};
    /// let body = include_bytes!("../../testdata/order-status/ok-100-orders.txt");
    /// let r = OrderStatusResponse::parse(body, &ParseContext::new())?;
    /// let again = OrderStatusResponse::parse(r.to_form().as_bytes(), &ParseContext::new())?;
    /// assert_eq!(again.orders, r.orders);
    /// # Ok::<(), sectigo_codec::Error>(())
    /// ```
    pub fn to_form(&self) -> String {
        let mut pairs = Vec::new();
        for order in &self.orders {
            let x = order.index;
            for (name, value) in order.wire_fields() {
                pairs.push((format!("{x}_{name}"), value));
            }
            if let Some(details) = &order.suggested_org_details
                && needs_packing(details)
            {
                pairs.push((
                    format!("{x}_suggestedOrgDetails"),
                    form::encode(details.wire_fields()),
                ));
            } else if let Some(details) = &order.suggested_org_details {
                for (name, value) in details.wire_fields() {
                    let key = if name == "status" {
                        format!("{x}_suggestedOrgDetails")
                    } else {
                        format!("{x}_{name}")
                    };
                    pairs.push((key, value));
                }
                if details.status.is_none() {
                    pairs.push((format!("{x}_suggestedOrgDetails"), String::new()));
                }
            }
            for cert in &order.certificates {
                let y = cert.index;
                for (name, value) in cert.wire_fields() {
                    pairs.push((format!("{x}_{y}_{name}"), value));
                }
            }
        }
        pairs.extend(self.extra.iter().cloned());
        super::render_form(self.status, &pairs)
    }
}

/// Whether suggested organisation details must be written packed (as one URL-encoded
/// `X_suggestedOrgDetails` value) to read back the same: unknown names only come from the
/// packed form (an unknown `X_name` is the order's), and a status with `=` or only
/// whitespace would not read back from `X_suggestedOrgDetails` alone.
fn needs_packing(details: &SuggestedOrgDetails) -> bool {
    !details.extra.is_empty()
        || details.wire_fields().iter().any(|(name, value)| {
            name == "status" && (value.contains('=') || value.trim().is_empty())
        })
}

/// One `name=value` field of the body, from a form or a flattened JSON object.
trait Entry<'a> {
    fn key(&self) -> &str;
    fn key_offset(&self) -> Option<usize>;
    fn value_offset(&self) -> Option<usize>;
    fn into_parts(self) -> (Cow<'a, str>, Cow<'a, str>);
}

impl<'a> Entry<'a> for form::Pair<'a> {
    fn key(&self) -> &str {
        self.name()
    }
    fn key_offset(&self) -> Option<usize> {
        Some(self.name_offset())
    }
    fn value_offset(&self) -> Option<usize> {
        Some(self.value_offset())
    }
    fn into_parts(self) -> (Cow<'a, str>, Cow<'a, str>) {
        form::Pair::into_parts(self)
    }
}

impl Entry<'static> for (String, String) {
    fn key(&self) -> &str {
        &self.0
    }
    fn key_offset(&self) -> Option<usize> {
        None
    }
    fn value_offset(&self) -> Option<usize> {
        None
    }
    fn into_parts(self) -> (Cow<'static, str>, Cow<'static, str>) {
        (Cow::Owned(self.0), Cow::Owned(self.1))
    }
}

/// A field being read: its key as on the wire, its value, and where the value is.
struct Field<'k, 'v> {
    key: &'k str,
    value: Cow<'v, str>,
    value_offset: Option<usize>,
    format: Format,
}

impl<'k> Field<'k, '_> {
    fn at(&self) -> At<'k> {
        At {
            format: self.format,
            key: self.key,
            offset: self.value_offset,
            line: None,
        }
    }
}

/// Reads the indexed fields into `out.orders` and the others into `out.extra`.
///
/// The keys are grouped by [`indexed::plan`] (which checks the indices and the limits);
/// the orders and certificates are created in index order, then every field is applied in
/// arrival order straight to its own, with no intermediate grouped copy, and decoded values
/// move into text fields. The result is what reading the fields order by order,
/// certificate by certificate would give: fields of one order or certificate are applied in
/// arrival order; the error reported, when several fields are invalid, is the first in
/// index order (then arrival order); and warnings come in that order too.
fn read_entries<'a, E: Entry<'a>>(
    out: &mut OrderStatusResponse,
    entries: Vec<E>,
    format: Format,
    limits: &Limits,
) -> Result<(), DecodeError> {
    let plan = indexed::plan(entries.iter().map(|e| (e.key(), e.key_offset())), limits)?;
    // Where each (X, Y) goes: the order's position and, for a certificate, its position.
    let mut places: Vec<(usize, Option<usize>)> = Vec::with_capacity(plan.slots.len());
    let mut orders: Vec<Order> = Vec::new();
    for (k, &(x, y, _)) in plan.slots.iter().enumerate() {
        if orders.last().is_none_or(|order| order.index != x) {
            let certificates = plan
                .slots
                .get(k..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&(other, _, _)| other == x)
                .filter(|&&(_, y, _)| y != 0)
                .count();
            orders.push(Order::blank(x, None, Vec::with_capacity(certificates)));
        }
        let o = orders.len().saturating_sub(1);
        let Some(order) = orders.last_mut() else {
            continue; // just pushed
        };
        if y == 0 {
            places.push((o, None));
        } else {
            order.certificates.push(OrderCertificate::blank(y));
            places.push((o, Some(order.certificates.len().saturating_sub(1))));
        }
    }
    // The first error in (rank, arrival) order; warnings tagged with their rank.
    let mut first_error: Option<(usize, DecodeError)> = None;
    let mut ranked_warnings: Vec<(usize, Warning)> = Vec::new();
    let mut scratch: Vec<Warning> = Vec::new();
    for (entry, place) in entries.into_iter().zip(plan.places) {
        let value_offset = entry.value_offset();
        let (key, value) = entry.into_parts();
        let Some((rank, name_start)) = place.get(&key) else {
            if !["errorCode", "errorItem"]
                .iter()
                .any(|n| n.eq_ignore_ascii_case(&key))
            {
                out.extra.push((key.into_owned(), value.into_owned()));
            }
            continue;
        };
        if first_error.as_ref().is_some_and(|(r, _)| *r <= rank) {
            continue; // cannot come before the error already found
        }
        let Some(&(o, c)) = places.get(rank) else {
            continue; // every rank has a place
        };
        let Some(order) = orders.get_mut(o) else {
            continue;
        };
        let name = key.get(name_start..).unwrap_or_default();
        let field = Field {
            key: &key,
            value,
            value_offset,
            format,
        };
        let result = match c {
            None => read_order_field(order, name, field, limits, &mut scratch),
            Some(c) => match order.certificates.get_mut(c) {
                Some(cert) => {
                    let at = field.at();
                    super::apply_cow(cert, name, field.value, &at, &mut scratch).map(drop)
                }
                None => continue,
            },
        };
        if let Err(err) = result {
            first_error = Some((rank, err));
        }
        ranked_warnings.extend(scratch.drain(..).map(|w| (rank, w)));
    }
    if let Some((_, err)) = first_error {
        return Err(err);
    }
    ranked_warnings.sort_by_key(|&(rank, _)| rank); // stable: arrival order within a rank
    out.warnings
        .extend(ranked_warnings.into_iter().map(|(_, w)| w));
    out.orders = orders;
    Ok(())
}

/// One of an order's own fields (`X_name`, `name` without the index).
fn read_order_field(
    order: &mut Order,
    name: &str,
    field: Field<'_, '_>,
    limits: &Limits,
    warnings: &mut Vec<Warning>,
) -> Result<(), DecodeError> {
    let at = field.at();
    if name.eq_ignore_ascii_case("suggestedOrgDetails") {
        let details = order
            .suggested_org_details
            .get_or_insert_with(SuggestedOrgDetails::blank);
        read_suggested(details, &field, limits, warnings)
    } else if !name.eq_ignore_ascii_case("status")
        && SuggestedOrgDetails::WIRE_NAMES
            .iter()
            .any(|n| n.eq_ignore_ascii_case(name))
    {
        let details = order
            .suggested_org_details
            .get_or_insert_with(SuggestedOrgDetails::blank);
        super::apply_cow(details, name, field.value, &at, warnings).map(drop)
    } else {
        super::apply_cow(order, name, field.value, &at, warnings).map(drop)
    }
}

/// `X_suggestedOrgDetails`: a status word, or the details packed as a URL-encoded string.
fn read_suggested(
    details: &mut SuggestedOrgDetails,
    field: &Field<'_, '_>,
    limits: &Limits,
    warnings: &mut Vec<Warning>,
) -> Result<(), DecodeError> {
    let value: &str = &field.value;
    let format = field.format;
    if !value.contains('=') {
        if !value.trim().is_empty() {
            super::apply(details, "status", value, &field.at(), warnings)?;
        }
        return Ok(());
    }
    let outer = |e: DecodeError| e.within(format, field.value_offset, Some(field.key));
    let packed = form::decode_with(value.as_bytes(), limits).map_err(outer)?;
    for warning in packed.warnings() {
        let warning = warning.clone().in_field(field.key);
        warnings.push(match field.value_offset {
            Some(offset) => warning.at(offset),
            None => warning,
        });
    }
    for pair in packed.pairs() {
        let key = format!("{}.{}", field.key, pair.name());
        let at = At {
            format,
            key: &key,
            offset: field.value_offset,
            line: None,
        };
        super::apply(details, pair.name(), pair.value(), &at, warnings)?;
    }
    Ok(())
}

/// Flattens a JSON body into `X_Y_name` pairs (see the module documentation).
fn flatten(root: &JsonValue) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (name, value) in root.as_object().unwrap_or_default() {
        match value.as_array() {
            Some(items) if !items.is_empty() && items.iter().all(|i| i.as_object().is_some()) => {
                for (x, order) in (1u64..).zip(items) {
                    for (oname, ovalue) in order.as_object().unwrap_or_default() {
                        match ovalue.as_array() {
                            Some(certs)
                                if !certs.is_empty()
                                    && certs.iter().all(|c| c.as_object().is_some()) =>
                            {
                                for (y, cert) in (1u64..).zip(certs) {
                                    for (cname, cvalue) in cert.as_object().unwrap_or_default() {
                                        out.push((format!("{x}_{y}_{cname}"), scalar(cvalue)));
                                    }
                                }
                            }
                            _ => out.push((format!("{x}_{oname}"), scalar(ovalue))),
                        }
                    }
                }
            }
            _ => out.push((name.clone(), scalar(value))),
        }
    }
    out
}

/// A JSON value as a field's text: scalars as written, `null` empty, an object of scalars
/// packed as a URL-encoded string, an array of scalars comma-separated, anything else as
/// JSON text.
fn scalar(value: &JsonValue) -> String {
    match value {
        JsonValue::Object(members)
            if members
                .iter()
                .all(|(_, v)| !matches!(v, JsonValue::Array(_) | JsonValue::Object(_))) =>
        {
            form::encode(
                members
                    .iter()
                    .map(|(k, v)| (k.as_str(), super::json_text(v))),
            )
        }
        JsonValue::Array(items)
            if items
                .iter()
                .all(|v| !matches!(v, JsonValue::Array(_) | JsonValue::Object(_))) =>
        {
            items
                .iter()
                .map(super::json_text)
                .collect::<Vec<_>>()
                .join(",")
        }
        other => super::json_text(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_wire_matches_names_case_insensitively_and_only_them() {
        use crate::response::fields::{self, Set, WireStruct};
        let mut cert = OrderCertificate::blank(1);
        assert!(matches!(
            cert.set_wire("SERIALNUMBER", "ab".into()),
            Set::Done
        ));
        assert_eq!(cert.serial_number.as_deref(), Some("ab"));
        assert!(matches!(
            cert.set_wire("serialnumber", "cd".into()),
            Set::Duplicate(_)
        ));
        assert!(matches!(
            cert.set_wire("serialNumbe", "x".into()),
            Set::Unknown(_)
        ));
        assert!(matches!(
            cert.set_wire("serialNumber\0", "x".into()),
            Set::Unknown(_)
        ));
        // Same hash as a wire name (U+0011 | 0x20 is '1'), but not equal ignoring case.
        let lookalike = "shippingStreetAddress\u{11}";
        assert_eq!(
            fields::name_hash(lookalike),
            fields::name_hash("shippingStreetAddress1")
        );
        assert!(matches!(
            cert.set_wire(lookalike, "x".into()),
            Set::Unknown(_)
        ));
        assert!(cert.shipping_street_address1.is_none());
        assert!(matches!(
            cert.set_wire("fqdn", "a.example".into()),
            Set::Done
        ));
        assert!(matches!(
            cert.set_wire("csrStatus", "x".into()),
            Set::Invalid { lenient: true, .. }
        ));
        for name in OrderCertificate::WIRE_NAMES {
            let mut cert = OrderCertificate::blank(1);
            let lower = name.to_ascii_lowercase();
            assert!(
                !matches!(cert.set_wire(&lower, "1".into()), Set::Unknown(_)),
                "{name}"
            );
        }
    }

    /// Fields are applied in arrival order, but errors and warnings come in index order,
    /// as if the body had been read order by order, certificate by certificate.
    #[test]
    fn errors_and_warnings_come_in_index_order_whatever_the_arrival_order() {
        let ctx = ParseContext::new();
        let body = b"errorCode=0&2_orderDateTime=bad&1_1_certificateDuration=x\
                     &1_orderDateTime=also+bad&1_1_notBefore=y";
        let err = OrderStatusResponse::parse(body, &ctx).unwrap_err();
        let err = err.as_decode().unwrap();
        assert_eq!(err.field(), Some("1_orderDateTime"));
        let text = std::str::from_utf8(body).unwrap();
        assert_eq!(err.offset(), Some(text.find("also+bad").unwrap()));
        // Within one certificate: the first in arrival order.
        let body = b"errorCode=0&1_1_notBefore=y&1_1_certificateDuration=x";
        let err = OrderStatusResponse::parse(body, &ctx).unwrap_err();
        assert_eq!(err.as_decode().unwrap().field(), Some("1_1_notBefore"));

        let body = b"errorCode=0&2_1_csrStatus=x&1_2_dcvStatus=y&1_1_caaStatus=z\
                     &1_1_csrStatus=w&1_2_futureField=1&1_1_FQDN=a.example";
        let r = OrderStatusResponse::parse(body, &ctx).unwrap();
        let fields: Vec<_> = r.warnings.iter().map(|w| w.field().unwrap()).collect();
        assert_eq!(
            fields,
            [
                "1_1_caaStatus",
                "1_1_csrStatus",
                "1_2_dcvStatus",
                "2_1_csrStatus"
            ]
        );
        let first = &r.orders[0].certificates[0];
        assert_eq!(first.fqdn.as_deref(), Some("a.example"));
        let extra: Vec<_> = first
            .extra
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        assert_eq!(extra, [("caaStatus", "z"), ("csrStatus", "w")]);
        let second = &r.orders[0].certificates[1];
        let extra: Vec<_> = second
            .extra
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        assert_eq!(extra, [("dcvStatus", "y"), ("futureField", "1")]);
    }
}
