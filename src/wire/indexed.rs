//! The `X_` / `X_Y_` indexed keys of GetDetailedOrderStatus (DIGEST §4.2).
//!
//! > Indexed keys: `X` is the 1-based order index (the order and, with queryType=2, its
//! > replacement orders), `Y` is the 1-based certificate index inside order X. Keys are
//! > `X_name` and `X_Y_name`, e.g. `1_orderNumber`, `1_1_serialNumber`.
//! >
//! > Parser requirements: accept unknown `X_…`/`X_Y_…` keys (the live API returns keys that
//! > the table does not list); keep empty values; do not assume X or Y are contiguous.
//!
//! [`group`] sorts a flat list of pairs (from a URL-encoded body, or from a flat JSON object
//! via [`JsonDocument::flat_pairs`](super::json::JsonDocument::flat_pairs)) into
//! [`Indexed`]: the top-level fields (`errorCode`, `errorMessage`, ...), then the orders
//! sorted by `X`, each with its own fields and its certificates sorted by `Y`.
//!
//! # Key grammar
//!
//! ```text
//! certificate-key = index "_" index "_" 1*CHAR    ; 1_2_serialNumber
//! order-key       = index "_" order-name          ; 1_orderNumber
//! order-name      = 1*CHAR                        ; but not 1*DIGIT "_" *CHAR
//! index           = 1*DIGIT                       ; decimal, 1 ..= u32::MAX
//! ```
//!
//! Anything else (`errorCode`, `1_`, `_x`, `1_2_`, `x_1_y`) is a top-level field, kept as it
//! came. Indices are numbers, so `2` sorts before `10` and `01` is the same order as `1`;
//! the key is kept as on the wire. An index of `0` or one that does not fit in `u32` is an
//! [`DecodeErrorKind::InvalidIndex`] error naming the key.
//!
//! The grouping does not depend on the order in which keys arrive (the fixture
//! `order-status/ok-100-orders.txt` is shuffled). Inside an order or a certificate, fields
//! keep their arrival order, duplicates and empty values included, and names are looked up
//! ASCII case-insensitively (DIGEST §1.3). Grouping is a stable sort: O(n log n).

use std::borrow::Cow;

use super::form::Form;
use crate::{DecodeError, DecodeErrorKind, Format, Limit, Limits};

/// Groups pairs with [`Limits::DEFAULT`].
///
/// # Errors
///
/// See [`group_with`].
///
/// # Examples
///
/// ```
/// use std::borrow::Cow;
/// let pairs = [("errorCode", "0"), ("10_orderNumber", "222"), ("2_1_FQDN", "a.example"),
///              ("2_orderNumber", "111"), ("2_1_futureField", "")];
/// let indexed = sectigo_codec::wire::indexed::group(
///     pairs.iter().map(|&(k, v)| (Cow::Borrowed(k), Cow::Borrowed(v))),
/// )?;
/// assert_eq!(indexed.get("errorcode").unwrap().value(), "0");
/// let orders: Vec<u32> = indexed.orders().iter().map(|o| o.index()).collect();
/// assert_eq!(orders, [2, 10]);
/// let cert = &indexed.orders()[0].certificates()[0];
/// assert_eq!(cert.get("fqdn").unwrap().value(), "a.example");
/// assert_eq!(cert.get("futureField").unwrap().key(), "2_1_futureField");
/// # Ok::<(), sectigo_codec::DecodeError>(())
/// ```
pub fn group<'a, I>(pairs: I) -> Result<Indexed<'a>, DecodeError>
where
    I: IntoIterator<Item = (Cow<'a, str>, Cow<'a, str>)>,
{
    group_with(pairs, &Limits::DEFAULT)
}

/// Groups `(key, value)` pairs into top-level fields, orders and certificates.
///
/// # Errors
///
/// * [`DecodeErrorKind::InvalidIndex`] (in [`Format::Indexed`], naming the key) when an
///   index is `0` or does not fit in `u32`;
/// * [`DecodeErrorKind::LimitExceeded`] with [`Limit::Fields`] for more than
///   `limits.max_fields` pairs, [`Limit::Orders`] for more than `limits.max_orders` distinct
///   orders, or [`Limit::CertificatesPerOrder`] for more than
///   `limits.max_certificates_per_order` distinct certificates in one order.
pub fn group_with<'a, I>(pairs: I, limits: &Limits) -> Result<Indexed<'a>, DecodeError>
where
    I: IntoIterator<Item = (Cow<'a, str>, Cow<'a, str>)>,
{
    let mut builder = Builder::new(limits);
    for (key, value) in pairs {
        builder.push(key, value, None, None)?;
    }
    builder.finish()
}

/// Groups the pairs of a decoded form with [`Limits::DEFAULT`], keeping their byte offsets
/// (so errors about a value can point into the body).
///
/// # Errors
///
/// See [`group_with`].
///
/// # Examples
///
/// ```
/// let form = sectigo_codec::wire::form::decode(b"errorCode=0&1_1_serialNumber=&1_orderNumber=7")?;
/// let indexed = sectigo_codec::wire::indexed::from_form(&form)?;
/// let order = indexed.order(1).unwrap();
/// assert_eq!(order.get("orderNumber").unwrap().value_offset(), Some(44));
/// assert_eq!(order.certificate(1).unwrap().get("serialNumber").unwrap().value(), "");
/// # Ok::<(), sectigo_codec::DecodeError>(())
/// ```
pub fn from_form<'a>(form: &Form<'a>) -> Result<Indexed<'a>, DecodeError> {
    from_form_with(form, &Limits::DEFAULT)
}

/// [`from_form`] with explicit limits.
///
/// # Errors
///
/// See [`group_with`]; errors carry the byte offset of the offending key in the body.
pub fn from_form_with<'a>(form: &Form<'a>, limits: &Limits) -> Result<Indexed<'a>, DecodeError> {
    let mut builder = Builder::new(limits);
    for pair in form.pairs() {
        let (key, value) = pair.clone().into_parts();
        builder.push(
            key,
            value,
            Some(pair.name_offset()),
            Some(pair.value_offset()),
        )?;
    }
    builder.finish()
}

/// Where a key belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// `X_name`.
    Order(u32),
    /// `X_Y_name`.
    Certificate(u32, u32),
}

impl Slot {
    fn order(self) -> u32 {
        match self {
            Self::Order(x) | Self::Certificate(x, _) => x,
        }
    }

    /// Sort key packed in one integer (cheap to compare): the order, then its own fields
    /// before its certificates (`Y + 1`), then the arrival index `i`.
    fn packed(self, i: usize) -> u128 {
        let (x, y) = match self {
            Self::Order(x) => (x, 0),
            Self::Certificate(x, y) => (x, u64::from(y).saturating_add(1)),
        };
        let arrival = u128::try_from(i).unwrap_or(ARRIVAL_MASK) & ARRIVAL_MASK;
        (u128::from(x) << 96) | (u128::from(y) << 56) | arrival
    }
}

/// The low 56 bits of [`Slot::packed`]: the arrival index (far above any field limit).
const ARRIVAL_MASK: u128 = (1 << 56) - 1;

/// Splits a key into its slot and the byte index where the field name starts.
///
/// `Ok(None)` for a top-level key; `Err(())` for an index that is `0` or overflows `u32`.
fn classify(key: &str) -> Result<Option<(Slot, usize)>, ()> {
    let Some((x, x_len)) = leading_index(key) else {
        return Ok(None);
    };
    let after_x = x_len.saturating_add(1);
    let rest = key.get(after_x..).unwrap_or_default();
    if rest.is_empty() {
        return Ok(None); // "1_"
    }
    match leading_index(rest) {
        Some((y, y_len)) => {
            let name_start = after_x.saturating_add(y_len).saturating_add(1);
            if name_start >= key.len() {
                return Ok(None); // "1_2_"
            }
            Ok(Some((Slot::Certificate(index(x)?, index(y)?), name_start)))
        }
        None => Ok(Some((Slot::Order(index(x)?), after_x))),
    }
}

/// `digits "_"` at the start of `s`: the digits and their length.
fn leading_index(s: &str) -> Option<(&str, usize)> {
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || s.as_bytes().get(len) != Some(&b'_') {
        return None;
    }
    Some((s.get(..len)?, len))
}

/// A decimal index, 1 ..= `u32::MAX`.
fn index(digits: &str) -> Result<u32, ()> {
    match digits.parse::<u32>() {
        Ok(0) | Err(_) => Err(()),
        Ok(n) => Ok(n),
    }
}

struct Builder<'a, 'l> {
    limits: &'l Limits,
    count: usize,
    top: Vec<IndexedField<'a>>,
    indexed: Vec<(Slot, IndexedField<'a>)>,
}

impl<'a, 'l> Builder<'a, 'l> {
    fn new(limits: &'l Limits) -> Self {
        Self {
            limits,
            count: 0,
            top: Vec::new(),
            indexed: Vec::new(),
        }
    }

    fn push(
        &mut self,
        key: Cow<'a, str>,
        value: Cow<'a, str>,
        key_offset: Option<usize>,
        value_offset: Option<usize>,
    ) -> Result<(), DecodeError> {
        if self.count >= self.limits.max_fields {
            let err = limit(Limit::Fields, self.limits.max_fields);
            return Err(match key_offset {
                Some(offset) => err.at(offset),
                None => err,
            });
        }
        self.count = self.count.saturating_add(1);
        match classify(&key) {
            Ok(None) => self.top.push(IndexedField {
                key,
                name_start: 0,
                value,
                key_offset,
                value_offset,
            }),
            Ok(Some((slot, name_start))) => self.indexed.push((
                slot,
                IndexedField {
                    key,
                    name_start,
                    value,
                    key_offset,
                    value_offset,
                },
            )),
            Err(()) => {
                let err = DecodeError::new(Format::Indexed, DecodeErrorKind::InvalidIndex)
                    .in_field(key.as_ref());
                return Err(match key_offset {
                    Some(offset) => err.at(offset),
                    None => err,
                });
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<Indexed<'a>, DecodeError> {
        // Sort small keys rather than the fields; the arrival index breaks ties, so fields of
        // one order or certificate keep their arrival order.
        let mut keys: Vec<u128> = self
            .indexed
            .iter()
            .enumerate()
            .map(|(i, (slot, _))| slot.packed(i))
            .collect();
        keys.sort_unstable();
        let mut fields: Vec<Option<(Slot, IndexedField<'a>)>> =
            self.indexed.into_iter().map(Some).collect();
        let mut orders: Vec<IndexedOrder<'a>> = Vec::new();
        for key in keys {
            let i = usize::try_from(key & ARRIVAL_MASK).unwrap_or(usize::MAX);
            let Some((slot, field)) = fields.get_mut(i).and_then(Option::take) else {
                continue; // each index appears once
            };
            let x = slot.order();
            let order = match orders.last_mut() {
                Some(order) if order.index == x => order,
                _ => {
                    if orders.len() >= self.limits.max_orders {
                        return Err(located(
                            limit(Limit::Orders, self.limits.max_orders),
                            &field,
                        ));
                    }
                    orders.push(IndexedOrder {
                        index: x,
                        fields: Vec::new(),
                        certificates: Vec::new(),
                    });
                    orders.last_mut().ok_or_else(|| limit(Limit::Orders, 0))?
                }
            };
            match slot {
                Slot::Order(_) => order.fields.push(field),
                Slot::Certificate(_, y) => {
                    let certificate = match order.certificates.last_mut() {
                        Some(certificate) if certificate.index == y => certificate,
                        _ => {
                            let max = self.limits.max_certificates_per_order;
                            if order.certificates.len() >= max {
                                return Err(located(
                                    limit(Limit::CertificatesPerOrder, max),
                                    &field,
                                ));
                            }
                            order.certificates.push(IndexedCertificate {
                                index: y,
                                fields: Vec::new(),
                            });
                            order
                                .certificates
                                .last_mut()
                                .ok_or_else(|| limit(Limit::CertificatesPerOrder, max))?
                        }
                    };
                    certificate.fields.push(field);
                }
            }
        }
        Ok(Indexed {
            fields: self.top,
            orders,
        })
    }
}

fn limit(limit: Limit, max: usize) -> DecodeError {
    DecodeError::new(
        Format::Indexed,
        DecodeErrorKind::LimitExceeded { limit, max },
    )
}

fn located(err: DecodeError, field: &IndexedField<'_>) -> DecodeError {
    let err = err.in_field(field.key());
    match field.key_offset {
        Some(offset) => err.at(offset),
        None => err,
    }
}

fn find<'s, 'a>(fields: &'s [IndexedField<'a>], name: &str) -> Option<&'s IndexedField<'a>> {
    fields
        .iter()
        .find(|field| field.name().eq_ignore_ascii_case(name))
}

/// A GetDetailedOrderStatus response grouped by order and certificate.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Indexed<'a> {
    fields: Vec<IndexedField<'a>>,
    orders: Vec<IndexedOrder<'a>>,
}

impl<'a> Indexed<'a> {
    /// The fields that are not indexed (`errorCode`, `errorMessage`, and any key that does
    /// not fit the `X_` / `X_Y_` pattern), in arrival order.
    pub fn fields(&self) -> &[IndexedField<'a>] {
        &self.fields
    }

    /// The first top-level field named `name` (ASCII case-insensitive).
    pub fn get(&self, name: &str) -> Option<&IndexedField<'a>> {
        find(&self.fields, name)
    }

    /// The orders, sorted by index.
    pub fn orders(&self) -> &[IndexedOrder<'a>] {
        &self.orders
    }

    /// The order with index `x`.
    pub fn order(&self, x: u32) -> Option<&IndexedOrder<'a>> {
        let i = self.orders.binary_search_by_key(&x, |o| o.index).ok()?;
        self.orders.get(i)
    }
}

/// One order (`X_...` keys) and its certificates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedOrder<'a> {
    index: u32,
    fields: Vec<IndexedField<'a>>,
    certificates: Vec<IndexedCertificate<'a>>,
}

impl<'a> IndexedOrder<'a> {
    /// The order index `X` (1-based on the wire; not necessarily contiguous).
    pub fn index(&self) -> u32 {
        self.index
    }

    /// The order's own fields (`X_name`), in arrival order; names are without `X_`.
    pub fn fields(&self) -> &[IndexedField<'a>] {
        &self.fields
    }

    /// The first order field named `name` (without `X_`, ASCII case-insensitive).
    pub fn get(&self, name: &str) -> Option<&IndexedField<'a>> {
        find(&self.fields, name)
    }

    /// The certificates, sorted by index.
    pub fn certificates(&self) -> &[IndexedCertificate<'a>] {
        &self.certificates
    }

    /// The certificate with index `y`.
    pub fn certificate(&self, y: u32) -> Option<&IndexedCertificate<'a>> {
        let i = self
            .certificates
            .binary_search_by_key(&y, |c| c.index)
            .ok()?;
        self.certificates.get(i)
    }
}

/// One certificate (`X_Y_...` keys) of an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedCertificate<'a> {
    index: u32,
    fields: Vec<IndexedField<'a>>,
}

impl<'a> IndexedCertificate<'a> {
    /// The certificate index `Y` inside its order.
    pub fn index(&self) -> u32 {
        self.index
    }

    /// The certificate's fields, in arrival order; names are without `X_Y_`.
    pub fn fields(&self) -> &[IndexedField<'a>] {
        &self.fields
    }

    /// The first field named `name` (without `X_Y_`, ASCII case-insensitive).
    pub fn get(&self, name: &str) -> Option<&IndexedField<'a>> {
        find(&self.fields, name)
    }
}

/// One field: the key as on the wire, its name without the index prefix, and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedField<'a> {
    key: Cow<'a, str>,
    name_start: usize,
    value: Cow<'a, str>,
    key_offset: Option<usize>,
    value_offset: Option<usize>,
}

impl<'a> IndexedField<'a> {
    /// The key as on the wire (`1_2_serialNumber`).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The name without the index prefix (`serialNumber`); the whole key for top-level
    /// fields.
    pub fn name(&self) -> &str {
        self.key.get(self.name_start..).unwrap_or_default()
    }

    /// The value (possibly empty).
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Byte offset of the key in the body, when grouped from a [`Form`].
    pub fn key_offset(&self) -> Option<usize> {
        self.key_offset
    }

    /// Byte offset of the value in the body, when grouped from a [`Form`].
    pub fn value_offset(&self) -> Option<usize> {
        self.value_offset
    }

    /// The key and the value.
    pub fn into_parts(self) -> (Cow<'a, str>, Cow<'a, str>) {
        (self.key, self.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(pairs: &[(&str, &str)]) -> Vec<(Cow<'static, str>, Cow<'static, str>)> {
        pairs
            .iter()
            .map(|&(k, v)| (Cow::Owned(k.to_owned()), Cow::Owned(v.to_owned())))
            .collect()
    }

    #[test]
    fn classifies_keys() {
        assert_eq!(classify("1_2_x"), Ok(Some((Slot::Certificate(1, 2), 4))));
        assert_eq!(classify("1_x"), Ok(Some((Slot::Order(1), 2))));
        assert_eq!(classify("01_x"), Ok(Some((Slot::Order(1), 3))));
        assert_eq!(classify("1_2"), Ok(Some((Slot::Order(1), 2))));
        assert_eq!(
            classify("12_3_4_y"),
            Ok(Some((Slot::Certificate(12, 3), 5)))
        );
        for top in [
            "errorCode",
            "1_",
            "_x",
            "1_2_",
            "x_1_y",
            "1x_y",
            "",
            "_",
            "1",
        ] {
            assert_eq!(classify(top), Ok(None), "{top}");
        }
        assert_eq!(
            classify("4294967295_x"),
            Ok(Some((Slot::Order(u32::MAX), 11)))
        );
        assert_eq!(classify("4294967296_x"), Err(()));
        assert_eq!(classify("0_x"), Err(()));
        assert_eq!(classify("1_0_x"), Err(()));
        assert_eq!(classify("1_99999999999999999999_x"), Err(()));
    }

    #[test]
    fn groups_in_numeric_order_whatever_the_arrival_order() {
        let indexed = group(owned(&[
            ("10_1_a", "j"),
            ("10_z", "order field after certificates of lower orders"),
            ("errorCode", "0"),
            ("2_b", "x"),
            ("2_10_a", "k"),
            ("2_2_a", "l"),
            ("2_b", "dup"),
            ("1_", "odd"),
            ("2_2_c", ""),
        ]))
        .unwrap();
        let top: Vec<_> = indexed.fields().iter().map(|f| f.key()).collect();
        assert_eq!(top, ["errorCode", "1_"]);
        let orders: Vec<_> = indexed.orders().iter().map(|o| o.index()).collect();
        assert_eq!(orders, [2, 10]);
        let ten = indexed.order(10).unwrap();
        assert_eq!(ten.fields().len(), 1);
        assert_eq!(ten.get("z").unwrap().key(), "10_z");
        assert_eq!(ten.certificates().len(), 1);
        let two = indexed.order(2).unwrap();
        let b: Vec<_> = two.fields().iter().map(|f| f.value()).collect();
        assert_eq!(b, ["x", "dup"]);
        let certs: Vec<_> = two.certificates().iter().map(|c| c.index()).collect();
        assert_eq!(certs, [2, 10]);
        let c22 = two.certificate(2).unwrap();
        let names: Vec<_> = c22.fields().iter().map(|f| (f.name(), f.value())).collect();
        assert_eq!(names, [("a", "l"), ("c", "")]);
        assert_eq!(c22.get("C").unwrap().key(), "2_2_c");
        assert!(indexed.order(3).is_none());
        assert!(two.certificate(1).is_none());
    }

    #[test]
    fn invalid_index_names_the_key() {
        let err = group(owned(&[("errorCode", "0"), ("1_0_x", "v")])).unwrap_err();
        assert_eq!(err.format(), Format::Indexed);
        assert_eq!(err.kind(), &DecodeErrorKind::InvalidIndex);
        assert_eq!(err.field(), Some("1_0_x"));
        assert_eq!(err.offset(), None);
        let form = crate::wire::form::decode(b"errorCode=0&5000000000_x=1").unwrap();
        let err = from_form(&form).unwrap_err();
        assert_eq!(err.field(), Some("5000000000_x"));
        assert_eq!(err.offset(), Some(12));
    }

    #[test]
    fn order_and_certificate_limits_are_exact() {
        let limits = Limits {
            max_orders: 2,
            max_certificates_per_order: 2,
            ..Limits::DEFAULT
        };
        let ok = owned(&[("1_1_a", ""), ("1_2_a", ""), ("2_1_a", ""), ("2_2_a", "")]);
        let indexed = group_with(ok, &limits).unwrap();
        assert_eq!(indexed.orders().len(), 2);
        let err = group_with(owned(&[("1_a", ""), ("2_a", ""), ("3_a", "")]), &limits).unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::LimitExceeded {
                limit: Limit::Orders,
                max: 2
            }
        );
        assert_eq!(err.field(), Some("3_a"));
        let err = group_with(
            owned(&[("1_3_a", ""), ("1_1_a", ""), ("1_2_a", "")]),
            &limits,
        )
        .unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::LimitExceeded {
                limit: Limit::CertificatesPerOrder,
                max: 2
            }
        );
        assert_eq!(err.field(), Some("1_3_a"));
    }

    #[test]
    fn field_limit_is_exact() {
        let limits = Limits {
            max_fields: 2,
            ..Limits::DEFAULT
        };
        assert!(group_with(owned(&[("a", ""), ("b", "")]), &limits).is_ok());
        let err = group_with(owned(&[("a", ""), ("b", ""), ("c", "")]), &limits).unwrap_err();
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::LimitExceeded {
                limit: Limit::Fields,
                max: 2
            }
        );
    }
}
