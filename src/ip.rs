//! IP addresses in CSR common names, iPAddress SANs and `domainNames` entries.
//!
//! Two questions, two functions:
//!
//! * [`parse_ip_literal`]: is this text an IP address at all, and is it written in the
//!   canonical form the Baseline Requirements (BR 7.1.4.3) want in a certificate - the dotted
//!   quad of RFC 3986 for IPv4, RFC 5952 text for IPv6 (lower case, longest zero run
//!   compressed, no leading zeros, no brackets, no zone)? Sectigo refuses any IP in the CN of
//!   a product that takes none (`-35`, DIGEST §6.4), so a name that merely *looks* like an
//!   address (`010.0.0.1`, `[::1]`) must be recognised too.
//! * [`classify`]: is the address public, or a **Reserved IP Address** in the BR sense - inside
//!   any entry of the IANA IPv4 or IPv6 Special-Purpose Address Registry? Sectigo answers
//!   `-19` ("The CSR's Common Name may not be an Internet-accessible IP Address!") or refuses
//!   during validation; the BRs (4.2.2, 7.1.2.7.12) forbid reserved addresses outright.
//!
//! # The reserved table
//!
//! Like Let's Encrypt's boulder we take **every** registry entry, whatever its "Globally
//! Reachable" column says (so `192.0.0.9` PCP anycast and `2001:1::1` are reserved: the BR
//! definition is "contained in the registry", not "not globally reachable"). To that we add
//! what the registries leave out and no public certificate should name: multicast
//! (`224.0.0.0/4`, `ff00::/8`) and all IPv6 outside global unicast `2000::/3` (which also
//! covers the deprecated site-local `fec0::/10`, IPv4-compatible `::a.b.c.d` and
//! IPv4-mapped `::ffff:a.b.c.d` addresses; the latter are in the IPv6 registry anyway).
//! `240.0.0.0/4` and `255.255.255.255/32` are registry entries.
//!
//! The table is data: `testdata/iana/*.csv` (IANA's own CSV layout) turned into
//! `src/ip/iana_data.rs` by `testdata/scripts/refresh_iana.py`. It was **transcribed** from
//! the registries as of 2025 (no network access when it was written), including RFC 9637's
//! `3fff::/20`, RFC 9602's `5f00::/16` and RFC 9665's `2001:1::3`; run the script with
//! `--fetch` to replace the CSVs with IANA's current files.
//!
//! When ranges nest (`192.0.0.0/24` holds `192.0.0.9/32`), [`classify`] reports the most
//! specific entry.
//!
//! ```
//! use sectigo_codec::ip::{classify, parse_ip_literal, IpClass};
//!
//! let (ip, canonical) = parse_ip_literal("192.168.1.10").unwrap();
//! assert!(canonical);
//! let IpClass::Reserved(range) = classify(ip) else { panic!("192.168/16 is reserved") };
//! assert_eq!(range.prefix(), "192.168.0.0/16");
//! assert_eq!(range.name(), "Private-Use");
//! assert_eq!(range.reference(), "RFC 1918");
//!
//! let (ip, canonical) = parse_ip_literal("2001:DB8::1").unwrap();
//! assert!(!canonical); // RFC 5952 wants lower case
//! assert!(classify(ip).is_reserved());
//! assert_eq!(classify("8.8.8.8".parse().unwrap()), IpClass::Public);
//! ```

use core::fmt;
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

#[rustfmt::skip]
mod iana_data;

/// Where a reserved range comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RangeSource {
    /// IANA IPv4 Special-Purpose Address Registry.
    IanaV4,
    /// IANA IPv6 Special-Purpose Address Registry.
    IanaV6,
    /// Multicast (`224.0.0.0/4`, RFC 5771; `ff00::/8`, RFC 4291).
    Multicast,
    /// IPv6 outside global unicast `2000::/3` (RFC 4291), including the deprecated site-local
    /// `fec0::/10` (RFC 3879).
    NotGlobalUnicast,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Net {
    V4(u32),
    V6(u128),
}

/// One reserved address range, with the columns of the IANA registry it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReservedRange {
    prefix: &'static str,
    net: Net,
    len: u8,
    name: &'static str,
    reference: &'static str,
    source: RangeSource,
    allocated: &'static str,
    terminated: Option<&'static str>,
    globally_reachable: Option<bool>,
}

impl ReservedRange {
    #[allow(clippy::too_many_arguments)] // one per registry column, called by generated code
    const fn v4(
        prefix: &'static str,
        network: u32,
        len: u8,
        name: &'static str,
        reference: &'static str,
        source: RangeSource,
        allocated: &'static str,
        terminated: Option<&'static str>,
        globally_reachable: Option<bool>,
    ) -> Self {
        Self {
            prefix,
            net: Net::V4(network),
            len,
            name,
            reference,
            source,
            allocated,
            terminated,
            globally_reachable,
        }
    }

    #[allow(clippy::too_many_arguments)] // one per registry column, called by generated code
    const fn v6(
        prefix: &'static str,
        network: u128,
        len: u8,
        name: &'static str,
        reference: &'static str,
        source: RangeSource,
        allocated: &'static str,
        terminated: Option<&'static str>,
        globally_reachable: Option<bool>,
    ) -> Self {
        Self {
            prefix,
            net: Net::V6(network),
            len,
            name,
            reference,
            source,
            allocated,
            terminated,
            globally_reachable,
        }
    }

    /// The prefix as the registry writes it, e.g. `"100.64.0.0/10"`, `"2001:db8::/32"`.
    pub const fn prefix(&self) -> &'static str {
        self.prefix
    }

    /// The prefix length in bits.
    pub const fn prefix_len(&self) -> u8 {
        self.len
    }

    /// The entry's name as in the registry, e.g. `"Shared Address Space"`.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The defining documents, e.g. `"RFC 6598"` or `"RFC 1122, Section 3.2.1.3"`.
    pub const fn reference(&self) -> &'static str {
        self.reference
    }

    /// Which registry (or addition) the entry comes from.
    pub const fn source(&self) -> RangeSource {
        self.source
    }

    /// The registry's allocation date (`"YYYY-MM"`), empty for the additions.
    pub const fn allocation_date(&self) -> &'static str {
        self.allocated
    }

    /// The registry's termination date, for deprecated entries (`192.88.99.0/24`).
    pub const fn termination_date(&self) -> Option<&'static str> {
        self.terminated
    }

    /// The registry's "Globally Reachable" column (`None` where it says N/A or is empty).
    /// Informational: every entry counts as reserved, whatever this says.
    pub const fn globally_reachable(&self) -> Option<bool> {
        self.globally_reachable
    }

    /// The first address of the range.
    pub const fn first(&self) -> IpAddr {
        match self.net {
            Net::V4(network) => IpAddr::V4(Ipv4Addr::from_bits(network)),
            Net::V6(network) => IpAddr::V6(Ipv6Addr::from_bits(network)),
        }
    }

    /// The last address of the range.
    pub const fn last(&self) -> IpAddr {
        match self.net {
            Net::V4(network) => IpAddr::V4(Ipv4Addr::from_bits(network | !mask32(self.len))),
            Net::V6(network) => IpAddr::V6(Ipv6Addr::from_bits(network | !mask128(self.len))),
        }
    }

    /// Whether `ip` lies in this range (an IPv4 address never lies in an IPv6 range and
    /// vice versa).
    pub const fn contains(&self, ip: IpAddr) -> bool {
        match (self.net, ip) {
            (Net::V4(network), IpAddr::V4(ip)) => ip.to_bits() & mask32(self.len) == network,
            (Net::V6(network), IpAddr::V6(ip)) => ip.to_bits() & mask128(self.len) == network,
            _ => false,
        }
    }
}

impl fmt::Display for ReservedRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}, {})", self.prefix, self.name, self.reference)
    }
}

/// The network mask of a /`len` IPv4 prefix (`len` ≤ 32).
const fn mask32(len: u8) -> u32 {
    match u32::MAX.checked_shl(32u32.saturating_sub(len as u32)) {
        Some(mask) => mask,
        None => 0,
    }
}

/// The network mask of a /`len` IPv6 prefix (`len` ≤ 128).
const fn mask128(len: u8) -> u128 {
    match u128::MAX.checked_shl(128u32.saturating_sub(len as u32)) {
        Some(mask) => mask,
        None => 0,
    }
}

/// Whether an address may appear in a publicly-trusted certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IpClass {
    /// Outside every reserved range.
    Public,
    /// Inside this reserved range (the most specific one when ranges nest).
    Reserved(&'static ReservedRange),
}

impl IpClass {
    /// Whether the address is reserved.
    pub const fn is_reserved(&self) -> bool {
        matches!(self, Self::Reserved(_))
    }

    /// The reserved range, if any.
    pub const fn range(&self) -> Option<&'static ReservedRange> {
        match self {
            Self::Public => None,
            Self::Reserved(range) => Some(range),
        }
    }
}

/// Whether `ip` is public or reserved; see the [module documentation](self) for the table.
///
/// ```
/// use sectigo_codec::ip::{classify, RangeSource};
///
/// let range = classify("192.0.0.9".parse().unwrap()).range().unwrap();
/// assert_eq!(range.name(), "Port Control Protocol Anycast"); // not the enclosing /24
/// let range = classify("ff02::1".parse().unwrap()).range().unwrap();
/// assert_eq!(range.source(), RangeSource::Multicast);
/// assert!(!classify("2606:4700:4700::1111".parse().unwrap()).is_reserved());
/// ```
pub fn classify(ip: IpAddr) -> IpClass {
    let table = match ip {
        IpAddr::V4(_) => iana_data::IPV4,
        IpAddr::V6(_) => iana_data::IPV6,
    };
    let mut best: Option<&'static ReservedRange> = None;
    for range in table {
        if range.contains(ip) && best.is_none_or(|b| range.len > b.len) {
            best = Some(range);
        }
    }
    match best {
        Some(range) => IpClass::Reserved(range),
        None => IpClass::Public,
    }
}

/// Every IPv4 reserved range, sorted by network then prefix length.
pub fn reserved_ranges_v4() -> &'static [ReservedRange] {
    iana_data::IPV4
}

/// Every IPv6 reserved range, sorted by network then prefix length.
pub fn reserved_ranges_v6() -> &'static [ReservedRange] {
    iana_data::IPV6
}

/// Longest text [`parse_ip_literal`] looks at: an IPv6 address with embedded IPv4, brackets
/// and a generous zone identifier. Anything longer is not an IP literal.
const MAX_IP_LITERAL: usize = 96;

/// Reads `s` as an IP address if it is one, and says whether it is written canonically.
///
/// Recognised, with `canonical = true`: the dotted quad (`192.0.2.1`) and RFC 5952 IPv6 text
/// (`2001:db8::1`, `::ffff:192.0.2.1`), i.e. exactly what [`IpAddr`]'s `Display` writes.
/// Recognised, with `canonical = false`: IPv4 with leading zeros (`010.000.000.001`), IPv6
/// in upper case or not compressed as RFC 5952 says (`2001:DB8:0:0::1`), IPv6 in brackets
/// (`[2001:db8::1]`) or with a zone (`fe80::1%eth0`). Everything else - including the
/// `inet_aton` shorthands `127.1` and `0x7f.0.0.1`, which are not addresses in a
/// certificate - is `None`.
///
/// ```
/// use sectigo_codec::ip::parse_ip_literal;
/// assert_eq!(parse_ip_literal("10.0.0.1"), Some(("10.0.0.1".parse().unwrap(), true)));
/// assert_eq!(parse_ip_literal("010.0.0.1"), Some(("10.0.0.1".parse().unwrap(), false)));
/// assert_eq!(parse_ip_literal("[::1]"), Some(("::1".parse().unwrap(), false)));
/// assert_eq!(parse_ip_literal("example.com"), None);
/// ```
pub fn parse_ip_literal(s: &str) -> Option<(IpAddr, bool)> {
    if s.is_empty() || s.len() > MAX_IP_LITERAL {
        return None;
    }
    if !s.contains(':') {
        // Every IPv6 text form has a colon; without one only the dotted quad is left.
        return parse_dotted_quad(s);
    }
    let (inner, mut canonical) = match s.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        Some(inner) => (inner, false),
        None => (s, true),
    };
    let (address, zone) = match inner.split_once('%') {
        Some((address, zone)) => (address, Some(zone)),
        None => (inner, None),
    };
    if let Some(zone) = zone {
        if zone.is_empty() || !zone.bytes().all(|b| b.is_ascii_graphic()) {
            return None;
        }
        canonical = false;
    }
    // Only IPv6 past this point: an IPv4 address in brackets is not a literal of any syntax.
    let ip: Ipv6Addr = address.parse().ok()?;
    if canonical {
        canonical = display_equals(&ip, address);
    }
    Some((IpAddr::V6(ip), canonical))
}

/// `a.b.c.d` with 1-3 decimal digits per part, each ≤ 255; canonical without leading zeros.
fn parse_dotted_quad(s: &str) -> Option<(IpAddr, bool)> {
    let mut octets = [0u8; 4];
    let mut canonical = true;
    let mut parts = s.split('.');
    for octet in &mut octets {
        let part = parts.next()?;
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if part.len() > 1 && part.starts_with('0') {
            canonical = false;
        }
        *octet = part.parse().ok()?;
    }
    if parts.next().is_some() {
        return None;
    }
    Some((IpAddr::V4(Ipv4Addr::from(octets)), canonical))
}

/// Whether `ip`'s `Display` (RFC 5952 form) equals `text`, without allocating.
fn display_equals(ip: &Ipv6Addr, text: &str) -> bool {
    struct Compare<'a> {
        rest: &'a [u8],
        equal: bool,
    }
    impl fmt::Write for Compare<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            match self.rest.strip_prefix(s.as_bytes()) {
                Some(rest) => self.rest = rest,
                None => self.equal = false,
            }
            Ok(())
        }
    }
    let mut compare = Compare {
        rest: text.as_bytes(),
        equal: true,
    };
    // Writing into `Compare` cannot fail.
    let _ = fmt::write(&mut compare, format_args!("{ip}"));
    compare.equal && compare.rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks() {
        assert_eq!(mask32(0), 0);
        assert_eq!(mask32(8), 0xff00_0000);
        assert_eq!(mask32(32), u32::MAX);
        assert_eq!(mask128(0), 0);
        assert_eq!(mask128(128), u128::MAX);
        assert_eq!(mask128(3), 0xe000 << 112);
    }

    #[test]
    fn tables_are_sorted_and_well_formed() {
        for table in [iana_data::IPV4, iana_data::IPV6] {
            for w in table.windows(2) {
                assert!((w[0].first(), w[0].len) < (w[1].first(), w[1].len));
            }
            for range in table {
                // The network has no host bits, and the prefix text matches it.
                assert!(range.contains(range.first()));
                assert!(range.contains(range.last()));
                let (network, len) = range.prefix.split_once('/').unwrap();
                assert_eq!(network.parse::<IpAddr>().unwrap(), range.first());
                assert_eq!(len.parse::<u8>().unwrap(), range.len);
            }
        }
    }

    #[test]
    fn display_compare() {
        let ip: Ipv6Addr = "2001:db8::1".parse().unwrap();
        assert!(display_equals(&ip, "2001:db8::1"));
        assert!(!display_equals(&ip, "2001:db8::1:"));
        assert!(!display_equals(&ip, "2001:db8::"));
        assert!(!display_equals(&ip, "2001:DB8::1"));
    }
}
