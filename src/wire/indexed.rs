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
//! ASCII case-insensitively (DIGEST §1.3).
//!
//! # Cost
//!
//! Grouping is linear in the number of fields when the indices are no larger than needed
//! (the table of every `(X, Y)` up to the largest ones is at most four times the number of
//! fields, which real responses never come near): one pass counts the fields of each order
//! and certificate, then each field moves once into a vector of exactly the right size.
//! Sparse indices (`4000000000_1_a`) fall back to sorting the distinct `(X, Y)`,
//! O(n log n); memory stays linear in the number of fields either way. [`group_form`]
//! takes the decoded form by value, so names and values are moved, not copied. The
//! benchmark `benches/order_status.rs` measures it.

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
    // One pair past the limit is enough to report it.
    let fields = pairs
        .into_iter()
        .take(limits.max_fields.saturating_add(1))
        .map(|(key, value)| IndexedField::new(key, value, None, None))
        .collect();
    assemble(fields, limits)
}

/// Groups the pairs of a decoded form with [`Limits::DEFAULT`], keeping their byte offsets
/// (so errors about a value can point into the body).
///
/// This borrows the form and copies every decoded (owned) name and value; when the form is
/// no longer needed, [`group_form`] takes it by value and copies nothing.
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
    let fields = form
        .pairs()
        .iter()
        .map(|pair| {
            let (key, value) = pair.clone().into_parts();
            IndexedField::new(
                key,
                value,
                Some(pair.name_offset()),
                Some(pair.value_offset()),
            )
        })
        .collect();
    assemble(fields, limits)
}

/// Groups the pairs of a decoded form, consuming it, with [`Limits::DEFAULT`]: the same
/// result as [`from_form`], but the decoded names and values move into the result instead
/// of being copied (the form's warnings are dropped; read them first).
///
/// # Errors
///
/// See [`group_with`]; errors carry the byte offset of the offending key in the body.
///
/// # Examples
///
/// ```
/// let form = sectigo_codec::wire::form::decode(b"errorCode=0&2_1_FQDN=a.example&2_orderNumber=7%231")?;
/// let indexed = sectigo_codec::wire::indexed::group_form(form)?;
/// let order = indexed.order(2).unwrap();
/// assert_eq!(order.get("orderNumber").unwrap().value(), "7#1");
/// assert_eq!(order.get("orderNumber").unwrap().value_offset(), Some(45));
/// assert_eq!(order.certificate(1).unwrap().get("fqdn").unwrap().value(), "a.example");
/// # Ok::<(), sectigo_codec::DecodeError>(())
/// ```
pub fn group_form(form: Form<'_>) -> Result<Indexed<'_>, DecodeError> {
    group_form_with(form, &Limits::DEFAULT)
}

/// [`group_form`] with explicit limits.
///
/// # Errors
///
/// See [`group_with`]; errors carry the byte offset of the offending key in the body.
pub fn group_form_with<'a>(form: Form<'a>, limits: &Limits) -> Result<Indexed<'a>, DecodeError> {
    let fields = form
        .into_pairs()
        .into_iter()
        .map(|pair| {
            let (name_offset, value_offset) = (pair.name_offset(), pair.value_offset());
            let (key, value) = pair.into_parts();
            IndexedField::new(key, value, Some(name_offset), Some(value_offset))
        })
        .collect();
    assemble(fields, limits)
}

/// Groups `fields` (names not yet split from their keys) by their [`plan`].
fn assemble<'a>(
    fields: Vec<IndexedField<'a>>,
    limits: &Limits,
) -> Result<Indexed<'a>, DecodeError> {
    let plan = plan(fields.iter().map(|f| (f.key(), f.key_offset)), limits)?;
    // Where each slot's fields go: the order's position and, for a certificate, its
    // position plus one.
    let mut places: Vec<(usize, usize)> = Vec::with_capacity(plan.slots.len());
    let mut orders: Vec<IndexedOrder<'a>> = Vec::new();
    for &(x, y, size) in &plan.slots {
        if orders.last().is_none_or(|order| order.index != x) {
            orders.push(IndexedOrder {
                index: x,
                fields: Vec::new(),
                certificates: Vec::new(),
            });
        }
        let o = orders.len().saturating_sub(1);
        let Some(order) = orders.last_mut() else {
            continue; // just pushed
        };
        if y == 0 {
            order.fields.reserve_exact(size);
            places.push((o, 0));
        } else {
            order.certificates.push(IndexedCertificate {
                index: y,
                fields: Vec::with_capacity(size),
            });
            places.push((o, order.certificates.len()));
        }
    }
    let mut top = Vec::with_capacity(plan.top);
    for (mut field, place) in fields.into_iter().zip(plan.places) {
        let Some((rank, name_start)) = place.get(field.key()) else {
            top.push(field);
            continue;
        };
        field.name_start = name_start;
        let Some(&(o, c)) = places.get(rank) else {
            continue; // every rank has a place
        };
        let Some(order) = orders.get_mut(o) else {
            continue;
        };
        let fields = match c.checked_sub(1) {
            None => &mut order.fields,
            Some(c) => match order.certificates.get_mut(c) {
                Some(certificate) => &mut certificate.fields,
                None => continue,
            },
        };
        fields.push(field);
    }
    Ok(Indexed {
        fields: top,
        orders,
    })
}

/// How a list of keys groups, computed from the keys alone (so that the typed
/// GetDetailedOrderStatus reader can fill its own structures without an intermediate
/// [`Indexed`]).
#[derive(Debug)]
pub(crate) struct Plan {
    /// Where each key goes, in arrival order.
    pub(crate) places: Vec<Place>,
    /// The distinct `(X, Y, number of fields)`, sorted by `X` then `Y`; `Y = 0` is the
    /// order's own fields, which come first.
    pub(crate) slots: Vec<(u32, u32, usize)>,
    /// The number of top-level keys.
    pub(crate) top: usize,
}

/// Where one key goes, in eight bytes (the plan of a 6400-pair body is then 50 KB): the
/// rank of its `(X, Y)` among the distinct ones (an index into [`Plan::slots`]), or
/// [`Place::TOP`], and the byte index where its name starts.
///
/// Ranks are below the number of keys, and a body with 2^32 - 1 keys (at least 8 GiB)
/// is beyond any [`Limits`] a caller could feed into memory; a name start that does not fit
/// (a key with more than 4 GiB of digits) is stored as `u32::MAX` and found again from the
/// key.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place {
    rank: u32,
    name_start: u32,
}

impl Place {
    /// The rank of a top-level key.
    const TOP: u32 = u32::MAX;

    /// `None` for a top-level key, otherwise the rank of its `(X, Y)` and where the name
    /// starts in `key` (the key this place was made for).
    pub(crate) fn get(self, key: &str) -> Option<(usize, usize)> {
        if self.rank == Self::TOP {
            return None;
        }
        let rank = usize::try_from(self.rank).unwrap_or(usize::MAX);
        let name_start = match self.name_start {
            u32::MAX => classify(key).ok().flatten().map_or(0, |(_, start)| start),
            start => usize::try_from(start).unwrap_or(0),
        };
        Some((rank, name_start))
    }
}

/// Classifies `keys` (each with its byte offset in the body, when known) and checks every
/// limit, with the errors of [`group_with`] in the same order: the field limit and invalid
/// indices in arrival order, then the order and certificate limits in index order.
///
/// Each `(X, Y)` gets its rank among the distinct ones in sorted order: by a counting pass
/// over a table of every possible `(X, Y)` when the indices are small enough for that table
/// to stay within a few times the number of keys (the usual case, linear time), otherwise
/// by sorting them (`n log n`).
pub(crate) fn plan<'k, I>(keys: I, limits: &Limits) -> Result<Plan, DecodeError>
where
    I: Iterator<Item = (&'k str, Option<usize>)> + Clone,
{
    let expected = keys.size_hint().0.min(limits.max_fields);
    let mut places: Vec<Place> = Vec::with_capacity(expected);
    // Each key's slot, 0 for a top-level key (real indices are never 0).
    let mut slots: Vec<Slot> = Vec::with_capacity(expected);
    let (mut max_x, mut max_y, mut top) = (0, 0, 0usize);
    for (count, (key, key_offset)) in keys.clone().enumerate() {
        if count >= limits.max_fields {
            let err = limit(Limit::Fields, limits.max_fields);
            return Err(match key_offset {
                Some(offset) => err.at(offset),
                None => err,
            });
        }
        match classify(key) {
            Ok(None) => {
                places.push(Place {
                    rank: Place::TOP,
                    name_start: 0,
                });
                slots.push(0);
                top = top.saturating_add(1);
            }
            Ok(Some((slot, name_start))) => {
                max_x = max_x.max(slot_order(slot));
                max_y = max_y.max(slot_certificate(slot));
                places.push(Place {
                    rank: 0,
                    name_start: u32::try_from(name_start).unwrap_or(u32::MAX),
                });
                slots.push(slot);
            }
            Err(()) => {
                let err =
                    DecodeError::new(Format::Indexed, DecodeErrorKind::InvalidIndex).in_field(key);
                return Err(match key_offset {
                    Some(offset) => err.at(offset),
                    None => err,
                });
            }
        }
    }
    let (distinct, sizes) = rank_slots(&slots, &mut places, max_x, max_y);
    drop(slots);
    // The limits, in index order: the first order or certificate past its limit is named
    // at its first key in arrival order.
    let located = |err: DecodeError, rank: usize| {
        let first = places
            .iter()
            .position(|place| usize::try_from(place.rank).is_ok_and(|r| r == rank))
            .and_then(|i| keys.clone().nth(i));
        match first {
            Some((key, Some(offset))) => err.in_field(key).at(offset),
            Some((key, None)) => err.in_field(key),
            None => err,
        }
    };
    let mut orders = 0usize;
    let mut certificates = 0usize;
    let mut last_x = None;
    for (rank, &slot) in distinct.iter().enumerate() {
        let x = slot_order(slot);
        if last_x != Some(x) {
            if orders >= limits.max_orders {
                return Err(located(limit(Limit::Orders, limits.max_orders), rank));
            }
            orders = orders.saturating_add(1);
            certificates = 0;
            last_x = Some(x);
        }
        if slot_certificate(slot) != 0 {
            let max = limits.max_certificates_per_order;
            if certificates >= max {
                return Err(located(limit(Limit::CertificatesPerOrder, max), rank));
            }
            certificates = certificates.saturating_add(1);
        }
    }
    let slots = distinct
        .iter()
        .zip(sizes)
        .map(|(&slot, size)| (slot_order(slot), slot_certificate(slot), size))
        .collect();
    Ok(Plan { places, slots, top })
}

/// Where a key belongs: `X << 32 | Y`, with `Y = 0` for the order's own fields (`X_name`;
/// real indices are never 0). Sorting slots sorts by order, then the order's fields before
/// its certificates, then certificates by index.
type Slot = u64;

fn slot(x: u32, y: u32) -> Slot {
    (u64::from(x) << 32) | u64::from(y)
}

fn slot_order(slot: Slot) -> u32 {
    u32::try_from(slot >> 32).unwrap_or(u32::MAX)
}

fn slot_certificate(slot: Slot) -> u32 {
    u32::try_from(slot & u64::from(u32::MAX)).unwrap_or(u32::MAX)
}

/// Splits a key into its slot and the byte index where the field name starts.
///
/// `Ok(None)` for a top-level key; `Err(())` for an index that is `0` or overflows `u32`.
fn classify(key: &str) -> Result<Option<(Slot, usize)>, ()> {
    let bytes = key.as_bytes();
    let Some((x, x_len)) = leading_index(bytes) else {
        return Ok(None);
    };
    let after_x = x_len.saturating_add(1);
    let rest = bytes.get(after_x..).unwrap_or_default();
    if rest.is_empty() {
        return Ok(None); // "1_"
    }
    match leading_index(rest) {
        Some((y, y_len)) => {
            let name_start = after_x.saturating_add(y_len).saturating_add(1);
            if name_start >= key.len() {
                return Ok(None); // "1_2_"
            }
            Ok(Some((slot(index(x)?, index(y)?), name_start)))
        }
        None => Ok(Some((slot(index(x)?, 0), after_x))),
    }
}

/// `digits "_"` at the start of `s`: the value of the digits (saturated far above
/// `u32::MAX` when they overflow) and their length.
fn leading_index(s: &[u8]) -> Option<(u64, usize)> {
    let mut value: u64 = 0;
    let mut len: usize = 0;
    for &b in s {
        if !b.is_ascii_digit() {
            break;
        }
        value = value
            .saturating_mul(10)
            .saturating_add(u64::from(b.wrapping_sub(b'0')));
        len = len.saturating_add(1);
    }
    if len == 0 || s.get(len) != Some(&b'_') {
        return None;
    }
    Some((value, len))
}

/// A decimal index, 1 ..= `u32::MAX`.
fn index(value: u64) -> Result<u32, ()> {
    match u32::try_from(value) {
        Ok(0) | Err(_) => Err(()),
        Ok(n) => Ok(n),
    }
}

/// Writes the rank of each key's slot (`slots`, 0 for a top-level key) among the distinct
/// slots into its place; returns the distinct slots in sorted order and the number of keys
/// in each.
fn rank_slots(
    slots: &[Slot],
    places: &mut [Place],
    max_x: u32,
    max_y: u32,
) -> (Vec<Slot>, Vec<usize>) {
    let n = slots.len();
    let rank = |r: usize| u32::try_from(r).unwrap_or(Place::TOP.saturating_sub(1));
    // The table has a cell for every (X, Y) with X <= max_x and Y <= max_y.
    let width = u64::from(max_y).saturating_add(1);
    let cells = u64::from(max_x).saturating_mul(width);
    let budget = u64::try_from(n)
        .unwrap_or(u64::MAX)
        .saturating_mul(4)
        .saturating_add(64);
    let cell = |slot: Slot| -> usize {
        let x = u64::from(slot_order(slot).saturating_sub(1));
        let y = u64::from(slot_certificate(slot));
        usize::try_from(x.saturating_mul(width).saturating_add(y)).unwrap_or(usize::MAX)
    };
    if cells <= budget
        && let Ok(cells) = usize::try_from(cells)
    {
        // Counting pass: the count of each cell, then each non-empty cell's rank.
        let mut table: Vec<usize> = vec![0; cells];
        for &slot in slots.iter().filter(|&&slot| slot != 0) {
            if let Some(count) = table.get_mut(cell(slot)) {
                *count = count.saturating_add(1);
            }
        }
        let mut distinct = Vec::new();
        let mut sizes = Vec::new();
        for (i, entry) in table.iter_mut().enumerate() {
            if *entry == 0 {
                continue;
            }
            let i = u64::try_from(i).unwrap_or(u64::MAX);
            // `width >= 1`.
            let (x, y) = (
                i.checked_div(width).unwrap_or(0),
                i.checked_rem(width).unwrap_or(0),
            );
            let x = u32::try_from(x.saturating_add(1)).unwrap_or(u32::MAX);
            distinct.push(slot(x, u32::try_from(y).unwrap_or(u32::MAX)));
            sizes.push(*entry);
            *entry = distinct.len().saturating_sub(1);
        }
        for (&slot, place) in slots.iter().zip(places) {
            if slot != 0 {
                place.rank = rank(table.get(cell(slot)).copied().unwrap_or(0));
            }
        }
        return (distinct, sizes);
    }
    // Sparse indices: sort the distinct slots, then find each key's by binary search.
    let mut distinct: Vec<Slot> = slots.iter().copied().filter(|&slot| slot != 0).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let mut sizes = vec![0usize; distinct.len()];
    for (slot, place) in slots.iter().zip(places) {
        if *slot == 0 {
            continue;
        }
        let r = distinct.binary_search(slot).unwrap_or(0);
        if let Some(size) = sizes.get_mut(r) {
            *size = size.saturating_add(1);
        }
        place.rank = rank(r);
    }
    (distinct, sizes)
}

fn limit(limit: Limit, max: usize) -> DecodeError {
    DecodeError::new(
        Format::Indexed,
        DecodeErrorKind::LimitExceeded { limit, max },
    )
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
    /// A field whose name is its whole key (until [`assemble`] splits it).
    fn new(
        key: Cow<'a, str>,
        value: Cow<'a, str>,
        key_offset: Option<usize>,
        value_offset: Option<usize>,
    ) -> Self {
        Self {
            key,
            name_start: 0,
            value,
            key_offset,
            value_offset,
        }
    }

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
        assert_eq!(classify("1_2_x"), Ok(Some((slot(1, 2), 4))));
        assert_eq!(classify("1_x"), Ok(Some((slot(1, 0), 2))));
        assert_eq!(classify("01_x"), Ok(Some((slot(1, 0), 3))));
        assert_eq!(classify("1_2"), Ok(Some((slot(1, 0), 2))));
        assert_eq!(classify("12_3_4_y"), Ok(Some((slot(12, 3), 5))));
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
        assert_eq!(classify("4294967295_x"), Ok(Some((slot(u32::MAX, 0), 11))));
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

    /// The grouping written the obvious way (a map of maps), for comparison: top-level
    /// keys, then per order its own `(name, value)`s and per certificate its own, in
    /// arrival order.
    #[allow(clippy::type_complexity)]
    fn reference(
        pairs: &[(String, String)],
    ) -> (
        Vec<String>,
        Vec<(
            u32,
            Vec<(String, String)>,
            Vec<(u32, Vec<(String, String)>)>,
        )>,
    ) {
        use std::collections::BTreeMap;
        let mut top = Vec::new();
        let mut orders: BTreeMap<u32, (Vec<_>, BTreeMap<u32, Vec<_>>)> = BTreeMap::new();
        for (k, v) in pairs {
            match classify(k).unwrap() {
                None => top.push(k.clone()),
                Some((s, start)) => {
                    let field = (k[start..].to_owned(), v.clone());
                    let order = orders.entry(slot_order(s)).or_default();
                    match slot_certificate(s) {
                        0 => order.0.push(field),
                        y => order.1.entry(y).or_default().push(field),
                    }
                }
            }
        }
        let orders = orders
            .into_iter()
            .map(|(x, (fields, certs))| (x, fields, certs.into_iter().collect()))
            .collect();
        (top, orders)
    }

    #[allow(clippy::type_complexity)]
    fn shape(
        indexed: &Indexed<'_>,
    ) -> (
        Vec<String>,
        Vec<(
            u32,
            Vec<(String, String)>,
            Vec<(u32, Vec<(String, String)>)>,
        )>,
    ) {
        let fields = |fs: &[IndexedField<'_>]| {
            fs.iter()
                .map(|f| (f.name().to_owned(), f.value().to_owned()))
                .collect::<Vec<_>>()
        };
        let top = indexed
            .fields()
            .iter()
            .map(|f| f.key().to_owned())
            .collect();
        let orders = indexed
            .orders()
            .iter()
            .map(|o| {
                let certs = o
                    .certificates()
                    .iter()
                    .map(|c| (c.index(), fields(c.fields())))
                    .collect();
                (o.index(), fields(o.fields()), certs)
            })
            .collect();
        (top, orders)
    }

    proptest::proptest! {
        /// Small indices take the counting path, large ones the sorting path; both give
        /// what the obvious map-of-maps grouping gives, and so does grouping a form by
        /// value or by reference.
        #[test]
        fn both_paths_group_like_a_map_of_maps(
            keys in proptest::collection::vec(
                (0u8..4, 1u32..12, 1u32..5, proptest::bool::ANY, 0u8..3),
                0..60,
            ),
        ) {
            let mut pairs = Vec::new();
            for (i, &(kind, x, y, huge, name)) in keys.iter().enumerate() {
                // `huge` pushes X or Y far beyond the counting table.
                let x = if huge && kind == 1 { x.saturating_add(4_000_000_000) } else { x };
                let y = if huge && kind == 2 { y.saturating_add(1_000_000) } else { y };
                let key = match kind {
                    0 => format!("top{name}"),
                    1 => format!("{x}_n{name}"),
                    _ => format!("{x}_{y}_c{name}"),
                };
                pairs.push((key, i.to_string()));
            }
            let expected = reference(&pairs);
            let grouped = group(
                pairs.iter().map(|(k, v)| (Cow::Borrowed(k.as_str()), Cow::Borrowed(v.as_str()))),
            ).unwrap();
            proptest::prop_assert_eq!(shape(&grouped), expected.clone());
            let body = crate::wire::form::encode(pairs.iter().map(|(k, v)| (k, v)));
            let form = crate::wire::form::decode(body.as_bytes()).unwrap();
            let borrowed = from_form(&form).unwrap();
            let owned = group_form(form).unwrap();
            proptest::prop_assert_eq!(&borrowed, &owned);
            proptest::prop_assert_eq!(shape(&owned), expected);
        }
    }

    #[test]
    fn counting_and_sorting_paths_agree_on_limits() {
        let limits = Limits {
            max_orders: 2,
            max_certificates_per_order: 1,
            ..Limits::DEFAULT
        };
        // Dense (small indices) and sparse (an index of 4e9): the first order past the
        // limit, in index order, is named at its first field in arrival order.
        for third in ["3", "4000000000"] {
            let pairs = owned(&[
                (&format!("{third}_1_b"), ""),
                (&format!("{third}_a"), ""),
                ("2_a", ""),
                (&format!("{third}_z"), ""),
                ("1_a", ""),
            ]);
            let err = group_with(pairs, &limits).unwrap_err();
            assert_eq!(
                err.kind(),
                &DecodeErrorKind::LimitExceeded {
                    limit: Limit::Orders,
                    max: 2
                }
            );
            assert_eq!(err.field(), Some(format!("{third}_a").as_str()), "{third}");
            // A second certificate of order 1: named at its first field.
            let pairs = owned(&[
                ("1_1_a", ""),
                (&format!("1_{third}_b"), ""),
                (&format!("1_{third}_a"), ""),
            ]);
            let err = group_with(pairs, &limits).unwrap_err();
            assert_eq!(
                err.kind(),
                &DecodeErrorKind::LimitExceeded {
                    limit: Limit::CertificatesPerOrder,
                    max: 1
                }
            );
            assert_eq!(err.field(), Some(format!("1_{third}_b").as_str()));
        }
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
