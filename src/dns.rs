//! DNS names: the CSR's common name, its dNSName SANs and the `domainNames` entries of
//! AutoApplyOrder (DIGEST §6.1, §6.4).
//!
//! [`check_dns_name`] reads one name and returns a [`DnsNameCheck`]: every problem found (as
//! [`DnsNameProblem`] values, each with a stable id, a message and a severity) and the facts
//! a caller needs - whether it is a wildcard, its A-label form, its public suffix (and whether
//! that comes from the ICANN or the private section of the Public Suffix List), its
//! registrable domain. [`split_domain_list`] splits the `domainNames` parameter.
//!
//! # The rules, and where they come from
//!
//! Sectigo documents only the wildcard rules (`-5`, `-6`) and "CN … FQDN" (DIGEST §6.4); the
//! rest is what the CA/Browser Forum Baseline Requirements require of a certificate (Sectigo
//! refuses such names during validation, after the order is placed) as checked by boulder,
//! zlint, pkilint and certlint (`shared/research/csr-lint-anchors.md` §2.8, §2.9):
//!
//! * **Syntax** (RFC 1034 §3.5 "preferred name syntax", as relaxed by RFC 1123 §2.1 to let a
//!   label start with a digit; RFC 5890; BR 7.1.2.7.12):
//!
//!   ```text
//!   <subdomain> ::= <label> | <subdomain> "." <label>
//!   <label>     ::= <let-dig> [ [ <ldh-str> ] <let-dig> ]
//!   <ldh-str>   ::= <let-dig-hyp> | <let-dig-hyp> <ldh-str>
//!   ```
//!
//!   that is, labels of
//!   letters, digits and hyphens (LDH), no hyphen first or last, 1-63 octets; the whole name
//!   at most 253 octets, both counted on the A-label form. No underscore (forbidden in
//!   dNSNames since 2019, called out separately because it is the most common mistake), no
//!   spaces, NUL or control characters, no empty label, no leading dot, no trailing dot (the
//!   root label is never written in a certificate).
//! * **Reserved LDH labels** (RFC 5890 §2.3.1): `??--` in positions 3-4 only as `xn--`.
//! * **IDN** (RFC 5890/5891, BR): an `xn--` label must be valid Punycode (RFC 3492), its
//!   Unicode form must be in NFC, and converting that back with UTS 46 must give the same
//!   label. A name written with Unicode characters (U-labels) is refused: certificates carry
//!   the A-label, which [`DnsNameProblem::UnicodeLabel`] suggests.
//! * **IP addresses** written where a DNS name belongs (boulder, x509lint).
//! * **Wildcards** (BR 1.6.1 "Wildcard Domain Name", zlint, boulder): `*` only as the whole
//!   leftmost label, once, followed by a name; `f*o.example.com`, `*foo.example.com`,
//!   `foo.*.example.com` and a bare `*` are refused. A wildcard directly above a public
//!   suffix (`*.com`, `*.co.uk`) is refused when the suffix is in the ICANN section (BR
//!   3.2.2.6) and flagged as advice when it is in the private section (`*.github.io`).
//! * **Internal names** (BR 4.2.2, boulder's policy): the name must end in a public suffix of
//!   the PSL's **ICANN section** (no default `*` rule, so `intranet.corp` fails) and must not
//!   itself be one (`com`, `co.uk`). Single-label names are refused. Names under the IANA
//!   special-use domains (`.local`, `.localhost`, `.test`, `.example`, `.invalid`, `.alt`,
//!   `example.com/.net/.org`, `home.arpa`) and ICANN's private-use `.internal` are refused;
//!   `.onion` is advice (possible only for onion-service certificates, BR Appendix B). Reverse
//!   zones `in-addr.arpa` / `ip6.arpa` (BR 4.2.2, from 2026-03-15) and `.arpa` in general are
//!   refused.
//!
//! Matching is case-insensitive: the name is lower-cased before the PSL lookup, and
//! [`DnsNameCheck::name`] returns the lower-case A-label form.
//!
//! The PSL is the one compiled into the `psl` crate (its version tracks the list); a name
//! under a TLD delegated after that snapshot is reported as internal until the crate is
//! updated.
//!
//! # Cost
//!
//! For an ASCII name the check makes one allocation (the lower-case name kept in the result;
//! the problem list allocates only when there is a problem) and a few passes over the bytes;
//! the PSL lookup is a compiled `match` on labels. U-labels and `xn--` labels take the UTS 46
//! path, which allocates.
//!
//! ```
//! use sectigo_codec::dns::{check_dns_name, DnsNameProblem, Section};
//!
//! let check = check_dns_name("www.Acme.co.uk");
//! assert!(check.problems().is_empty());
//! assert_eq!(check.name(), "www.acme.co.uk");
//! assert_eq!(check.public_suffix().unwrap().as_str(), "co.uk");
//! assert_eq!(check.public_suffix().unwrap().section(), Section::Icann);
//! assert_eq!(check.registrable_domain(), Some("acme.co.uk"));
//!
//! let check = check_dns_name("*.co.uk");
//! assert!(check.is_wildcard());
//! assert_eq!(check.problems(), [DnsNameProblem::WildcardAbovePublicSuffix { section: Section::Icann }]);
//! assert_eq!(check.problems()[0].id(), "dns-wildcard-above-public-suffix");
//!
//! let check = check_dns_name("my_host.acme.com");
//! assert_eq!(check.problems(), [DnsNameProblem::Underscore { offset: 2 }]);
//! assert!(check.has_errors());
//! ```

use core::fmt;
use core::net::IpAddr;

use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};
use psl::Psl as _;

use crate::ip::parse_ip_literal;

/// Longest name (in octets of its A-label form) the DNS allows, without the root dot.
pub const MAX_NAME_OCTETS: usize = 253;
/// Longest label in octets.
pub const MAX_LABEL_OCTETS: usize = 63;
/// Longest input [`check_dns_name`] examines in detail; anything longer is reported as
/// [`DnsNameProblem::TooLong`] only (bounding the work done on hostile input).
pub const MAX_CHECKED_INPUT: usize = 1024;

/// The section of the Public Suffix List a suffix comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// The ICANN section: TLDs and the registries' own second-level suffixes (`co.uk`).
    Icann,
    /// The private section: suffixes run by companies (`github.io`, `blogspot.com`).
    Private,
}

/// A public suffix of a checked name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PublicSuffix<'a> {
    suffix: &'a str,
    section: Section,
}

impl<'a> PublicSuffix<'a> {
    /// The suffix, lower case (`"co.uk"`).
    pub const fn as_str(&self) -> &'a str {
        self.suffix
    }

    /// Which section of the list it comes from.
    pub const fn section(&self) -> Section {
        self.section
    }

    /// Whether it is in the ICANN section.
    pub const fn is_icann(&self) -> bool {
        matches!(self.section, Section::Icann)
    }
}

/// A problem with a DNS name. Offsets are byte offsets into the text passed to
/// [`check_dns_name`]; label indices count from 0 at the left (the wildcard label included)
/// in the A-label form.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DnsNameProblem {
    /// The name is empty.
    Empty,
    /// The name is longer than 253 octets (A-label form, without a trailing dot).
    TooLong {
        /// Its length in octets.
        octets: usize,
    },
    /// A label is longer than 63 octets.
    LabelTooLong {
        /// Label index.
        label: usize,
        /// Its length in octets.
        octets: usize,
    },
    /// Two dots in a row (an empty label).
    EmptyLabel {
        /// Label index.
        label: usize,
    },
    /// The name starts with a dot.
    LeadingDot,
    /// The name ends with a dot (the root label written out).
    TrailingDot,
    /// A control character (U+0000-U+001F, U+007F-U+009F), NUL included.
    ControlCharacter {
        /// Byte offset of the first one.
        offset: usize,
        /// Its code point.
        code_point: u32,
    },
    /// A space or other white space.
    Whitespace {
        /// Byte offset of the first one.
        offset: usize,
    },
    /// An underscore.
    Underscore {
        /// Byte offset of the first one.
        offset: usize,
    },
    /// An ASCII character other than a letter, digit, hyphen, dot, `*` or `_`.
    InvalidCharacter {
        /// Byte offset of the first one.
        offset: usize,
        /// The character.
        character: char,
    },
    /// A label starts with a hyphen.
    LeadingHyphen {
        /// Label index.
        label: usize,
    },
    /// A label ends with a hyphen.
    TrailingHyphen {
        /// Label index.
        label: usize,
    },
    /// A label has `--` in positions 3 and 4 without being an `xn--` label (reserved LDH
    /// label, RFC 5890 §2.3.1).
    ReservedLdhLabel {
        /// Label index.
        label: usize,
    },
    /// An `xn--` label that is not valid Punycode (or decodes to plain ASCII).
    InvalidPunycode {
        /// Label index.
        label: usize,
    },
    /// An `xn--` label whose Unicode form is not in Normalization Form C.
    PunycodeNotNfc {
        /// Label index.
        label: usize,
    },
    /// An `xn--` label whose Unicode form UTS 46 refuses or converts to a different A-label.
    PunycodeNotRoundTrip {
        /// Label index.
        label: usize,
    },
    /// The name contains non-ASCII characters (U-labels); certificates carry the A-label.
    UnicodeLabel {
        /// The whole name converted to A-labels by UTS 46, when it converts.
        a_label: Option<String>,
    },
    /// The name is an IP address, not a DNS name.
    IpAddress {
        /// The address.
        ip: IpAddr,
        /// Whether it was written in canonical form (see [`crate::ip::parse_ip_literal`]).
        canonical: bool,
    },
    /// The name is `*` alone.
    BareWildcard,
    /// A label contains `*` with other characters (`f*o`, `*foo`).
    PartialWildcard {
        /// Label index.
        label: usize,
    },
    /// A `*` label that is not the leftmost one (`foo.*.example.com`).
    WildcardNotLeftmost {
        /// Label index.
        label: usize,
    },
    /// More than one `*`.
    MultipleWildcards {
        /// How many.
        count: usize,
    },
    /// The name has one label (`intranet`).
    SingleLabel,
    /// The name does not end in a public suffix of the PSL's ICANN section (an Internal
    /// Name: unknown or undelegated TLD, `foo.corp`).
    InternalName,
    /// The name is itself an ICANN public suffix (`com`, `co.uk`).
    IsPublicSuffix,
    /// A wildcard directly above a public suffix (`*.com`, `*.co.uk`, `*.github.io`).
    WildcardAbovePublicSuffix {
        /// The section of that suffix: ICANN is an error, private is advice.
        section: Section,
    },
    /// The name is in an IANA special-use domain or ICANN's private-use `.internal`.
    SpecialUse {
        /// The domain, e.g. `"local"`, `"example.com"`, `"onion"`.
        domain: &'static str,
    },
    /// The name is in a reverse-mapping zone.
    ReverseZone {
        /// `"in-addr.arpa"` or `"ip6.arpa"`.
        zone: &'static str,
    },
    /// The name is in the infrastructure domain `.arpa` (other than a reverse zone or
    /// `home.arpa`).
    Arpa,
}

impl DnsNameProblem {
    /// A stable kebab-case identifier, e.g. `"dns-label-too-long"`.
    pub const fn id(&self) -> &'static str {
        match self {
            Self::Empty => "dns-empty",
            Self::TooLong { .. } => "dns-name-too-long",
            Self::LabelTooLong { .. } => "dns-label-too-long",
            Self::EmptyLabel { .. } => "dns-empty-label",
            Self::LeadingDot => "dns-leading-dot",
            Self::TrailingDot => "dns-trailing-dot",
            Self::ControlCharacter { .. } => "dns-control-character",
            Self::Whitespace { .. } => "dns-whitespace",
            Self::Underscore { .. } => "dns-underscore",
            Self::InvalidCharacter { .. } => "dns-invalid-character",
            Self::LeadingHyphen { .. } => "dns-leading-hyphen",
            Self::TrailingHyphen { .. } => "dns-trailing-hyphen",
            Self::ReservedLdhLabel { .. } => "dns-reserved-ldh-label",
            Self::InvalidPunycode { .. } => "dns-invalid-punycode",
            Self::PunycodeNotNfc { .. } => "dns-punycode-not-nfc",
            Self::PunycodeNotRoundTrip { .. } => "dns-punycode-not-round-trip",
            Self::UnicodeLabel { .. } => "dns-unicode-label",
            Self::IpAddress { .. } => "dns-ip-address",
            Self::BareWildcard => "dns-bare-wildcard",
            Self::PartialWildcard { .. } => "dns-partial-wildcard",
            Self::WildcardNotLeftmost { .. } => "dns-wildcard-not-leftmost",
            Self::MultipleWildcards { .. } => "dns-multiple-wildcards",
            Self::SingleLabel => "dns-single-label",
            Self::InternalName => "dns-internal-name",
            Self::IsPublicSuffix => "dns-public-suffix",
            Self::WildcardAbovePublicSuffix { .. } => "dns-wildcard-above-public-suffix",
            Self::SpecialUse { .. } => "dns-special-use",
            Self::ReverseZone { .. } => "dns-reverse-zone",
            Self::Arpa => "dns-arpa",
        }
    }

    /// Whether the name cannot be used as it is (`true`), or this is advice (`false`: a
    /// wildcard above a private-section suffix, a `.onion` name).
    pub const fn is_error(&self) -> bool {
        match self {
            Self::WildcardAbovePublicSuffix { section } => matches!(section, Section::Icann),
            Self::SpecialUse { domain } => !matches!(domain.as_bytes(), b"onion"),
            _ => true,
        }
    }

    /// A sentence saying what is wrong and what to change.
    pub fn message(&self) -> String {
        match self {
            Self::Empty => "the name is empty; give a fully-qualified domain name".into(),
            Self::TooLong { octets } => format!(
                "the name is {octets} octets long; a DNS name has at most {MAX_NAME_OCTETS}: \
                 shorten it"
            ),
            Self::LabelTooLong { label, octets } => format!(
                "label {label} is {octets} octets long; a DNS label has at most \
                 {MAX_LABEL_OCTETS}: shorten it"
            ),
            Self::EmptyLabel { label } => {
                format!("label {label} is empty (two dots in a row); remove the extra dot")
            }
            Self::LeadingDot => "the name starts with a dot; remove it".into(),
            Self::TrailingDot => {
                "the name ends with a dot; certificates never write the root label: remove it"
                    .into()
            }
            Self::ControlCharacter { offset, code_point } => format!(
                "the name contains the control character U+{code_point:04X} at byte {offset}; \
                 remove it"
            ),
            Self::Whitespace { offset } => {
                format!("the name contains white space at byte {offset}; remove it")
            }
            Self::Underscore { offset } => format!(
                "the name contains an underscore at byte {offset}; underscores are not \
                 allowed in certificate DNS names since 2019: use a hyphen"
            ),
            Self::InvalidCharacter { offset, character } => format!(
                "the name contains {character:?} at byte {offset}; only letters, digits, \
                 hyphens and dots are allowed"
            ),
            Self::LeadingHyphen { label } => {
                format!(
                    "label {label} starts with a hyphen; labels must start with a letter or digit"
                )
            }
            Self::TrailingHyphen { label } => {
                format!("label {label} ends with a hyphen; labels must end with a letter or digit")
            }
            Self::ReservedLdhLabel { label } => format!(
                "label {label} has \"--\" in positions 3-4, which is reserved for \"xn--\" \
                 IDN labels; change the label"
            ),
            Self::InvalidPunycode { label } => format!(
                "label {label} starts with \"xn--\" but is not valid Punycode; use the \
                 A-label produced by an IDNA converter"
            ),
            Self::PunycodeNotNfc { label } => format!(
                "the Unicode form of label {label} is not in Normalization Form C; encode the \
                 NFC form of the name"
            ),
            Self::PunycodeNotRoundTrip { label } => format!(
                "label {label} does not convert back to the same A-label under UTS 46; \
                 encode the name again with an IDNA converter"
            ),
            Self::UnicodeLabel { a_label } => match a_label {
                Some(a_label) => format!(
                    "the name contains non-ASCII characters; certificates carry the A-label \
                     form: use \"{a_label}\""
                ),
                None => "the name contains non-ASCII characters that do not convert to an \
                         A-label (UTS 46); use a valid internationalized name"
                    .into(),
            },
            Self::IpAddress { ip, .. } => format!(
                "\"{ip}\" is an IP address, not a DNS name; put it in an iPAddress field or \
                 use a domain name"
            ),
            Self::BareWildcard => "the name is a bare \"*\"; a wildcard must be followed by a \
                                   domain name, as in \"*.example.com\""
                .into(),
            Self::PartialWildcard { label } => format!(
                "label {label} mixes \"*\" with other characters; a wildcard must be the \
                 whole leftmost label, as in \"*.example.com\""
            ),
            Self::WildcardNotLeftmost { label } => format!(
                "label {label} is \"*\" but is not the leftmost label; a wildcard may only be \
                 the leftmost label"
            ),
            Self::MultipleWildcards { count } => format!(
                "the name contains {count} wildcards; at most one \"*\" is allowed, as the \
                 leftmost label"
            ),
            Self::SingleLabel => "the name has a single label; use a fully-qualified domain \
                                  name under a public top-level domain"
                .into(),
            Self::InternalName => "the name does not end in a public top-level domain (it is \
                                   an internal name); use a registered domain name"
                .into(),
            Self::IsPublicSuffix => "the name is itself a public suffix (like \"com\" or \
                                     \"co.uk\"); use a domain registered under it"
                .into(),
            Self::WildcardAbovePublicSuffix { section } => match section {
                Section::Icann => "the wildcard sits directly above a public suffix (like \
                                   \"*.com\" or \"*.co.uk\"); use a wildcard under a \
                                   registered domain"
                    .into(),
                Section::Private => "the wildcard sits directly above a suffix of the \
                                     Public Suffix List's private section; only its operator \
                                     can validate it"
                    .into(),
            },
            Self::SpecialUse { domain } => {
                if *domain == "onion" {
                    "the name is a Tor onion service; only onion-service certificates \
                     (BR Appendix B) may carry it"
                        .into()
                } else {
                    format!(
                        "the name is under the special-use domain \"{domain}\", which is never \
                         publicly delegated; use a registered domain name"
                    )
                }
            }
            Self::ReverseZone { zone } => format!(
                "the name is in the reverse-mapping zone \"{zone}\", which certificates may \
                 not name; use the IP address or a domain name"
            ),
            Self::Arpa => "the name is under \".arpa\", the infrastructure domain; use a \
                           registered domain name"
                .into(),
        }
    }
}

impl fmt::Display for DnsNameProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// The result of [`check_dns_name`]: the problems found and the facts read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsNameCheck {
    name: String,
    problems: Vec<DnsNameProblem>,
    is_wildcard: bool,
    converted: bool,
    /// Start (in `name`) and section of the longest public-suffix rule that matched.
    suffix: Option<(usize, Section)>,
    /// Start of the ICANN-section suffix.
    icann_suffix: Option<usize>,
    /// Start of the registrable domain (one label above `suffix`).
    registrable: Option<usize>,
    /// Start of the base domain (one label above the ICANN suffix).
    base: Option<usize>,
}

impl DnsNameCheck {
    /// Every problem found, in a fixed order (characters, labels, wildcard, then policy).
    pub fn problems(&self) -> &[DnsNameProblem] {
        &self.problems
    }

    /// Whether any problem is an error ([`DnsNameProblem::is_error`]).
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(DnsNameProblem::is_error)
    }

    /// Whether no problem at all was found.
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }

    /// The name in lower case, in A-label form when the input had U-labels that convert
    /// (otherwise the lower-cased input), without a trailing dot.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether the input had U-labels that were converted to the A-label form in
    /// [`DnsNameCheck::name`].
    pub fn was_converted(&self) -> bool {
        self.converted
    }

    /// Whether the leftmost label is `*` (with more labels after it).
    pub fn is_wildcard(&self) -> bool {
        self.is_wildcard
    }

    /// The longest public-suffix rule matching the name (either section), if any. Names
    /// with character errors, special-use and `.arpa` names are not looked up.
    pub fn public_suffix(&self) -> Option<PublicSuffix<'_>> {
        let (start, section) = self.suffix?;
        Some(PublicSuffix {
            suffix: self.name.get(start..)?,
            section,
        })
    }

    /// The public suffix from the ICANN section alone (`"com"` for `foo.github.io.com`,
    /// `"io"` for `user.github.io`).
    pub fn icann_suffix(&self) -> Option<&str> {
        self.name.get(self.icann_suffix?..)
    }

    /// The registrable domain: one label above [`DnsNameCheck::public_suffix`]
    /// (`"user.github.io"` for `www.user.github.io`), as browsers use it.
    pub fn registrable_domain(&self) -> Option<&str> {
        self.name.get(self.registrable?..)
    }

    /// The base domain in the Baseline Requirements' sense: one label above the ICANN
    /// suffix (`"github.io"` for `www.user.github.io`).
    pub fn base_domain(&self) -> Option<&str> {
        self.name.get(self.base?..)
    }
}

/// Special-use domains (IANA Special-Use Domain Names registry, RFC 6761 and later) and
/// ICANN's private-use `.internal`, most specific first where they nest.
const SPECIAL_USE: &[&str] = &[
    "example.com",
    "example.net",
    "example.org",
    "home.arpa",
    "example",
    "invalid",
    "localhost",
    "local",
    "test",
    "onion",
    "alt",
    "internal",
];

/// Checks one DNS name (CN, dNSName SAN or `domainNames` entry). See the
/// [module documentation](self) for the rules.
///
/// ```
/// use sectigo_codec::dns::{check_dns_name, DnsNameProblem};
///
/// assert!(check_dns_name("shop.example.de").is_ok());
/// let check = check_dns_name("bücher.de");
/// assert_eq!(check.name(), "xn--bcher-kva.de");
/// assert_eq!(
///     check.problems(),
///     [DnsNameProblem::UnicodeLabel { a_label: Some("xn--bcher-kva.de".into()) }]
/// );
/// assert_eq!(check_dns_name("server.local").problems(), [DnsNameProblem::SpecialUse { domain: "local" }]);
/// assert_eq!(check_dns_name("intranet").problems(), [DnsNameProblem::SingleLabel]);
/// ```
pub fn check_dns_name(input: &str) -> DnsNameCheck {
    let mut check = DnsNameCheck {
        name: String::new(),
        problems: Vec::new(),
        is_wildcard: false,
        converted: false,
        suffix: None,
        icann_suffix: None,
        registrable: None,
        base: None,
    };
    if input.is_empty() {
        check.problems.push(DnsNameProblem::Empty);
        return check;
    }
    if input.len() > MAX_CHECKED_INPUT {
        check.problems.push(DnsNameProblem::TooLong {
            octets: input.len(),
        });
        return check;
    }
    if let Some((ip, canonical)) = parse_ip_literal(input) {
        check
            .problems
            .push(DnsNameProblem::IpAddress { ip, canonical });
        return check;
    }

    // 1. Characters of the input as written.
    let character_error = scan_characters(input, &mut check.problems);
    let non_ascii = !input.is_ascii();

    // 2. The A-label form, lower case.
    if non_ascii {
        let a_label = Uts46::new()
            .to_ascii(
                input.as_bytes(),
                AsciiDenyList::EMPTY,
                Hyphens::Allow,
                DnsLength::Ignore,
            )
            .ok()
            .map(|cow| cow.into_owned());
        match a_label {
            Some(a_label) => {
                check.name.clone_from(&a_label);
                check.converted = true;
                check.problems.push(DnsNameProblem::UnicodeLabel {
                    a_label: Some(a_label),
                });
            }
            None => {
                check
                    .problems
                    .push(DnsNameProblem::UnicodeLabel { a_label: None });
                check.name = input.to_lowercase();
                return check;
            }
        }
    } else {
        check.name = input.to_ascii_lowercase();
    }

    // 3. Dots at either end.
    if check.name.starts_with('.') {
        check.problems.push(DnsNameProblem::LeadingDot);
    }
    if check.name.len() > 1 && check.name.ends_with('.') {
        check.problems.push(DnsNameProblem::TrailingDot);
        check.name.pop();
    }
    let name = check.name.as_str();
    if name == "." {
        // Only the root: nothing more to say than the leading dot.
        return check;
    }
    let body_start = usize::from(name.starts_with('.'));
    let body = name.get(body_start..).unwrap_or_default();

    // 4. Length and labels.
    if name.len() > MAX_NAME_OCTETS {
        check
            .problems
            .push(DnsNameProblem::TooLong { octets: name.len() });
    }
    let mut label_count = 0usize;
    let mut wildcards = 0usize;
    let mut label_error = false;
    for (index, label) in body.split('.').enumerate() {
        label_count = index.saturating_add(1);
        label_error |= check_label(index, label, &mut check.problems, &mut wildcards);
    }

    // 5. Wildcards.
    let mut wildcard_error = false;
    if wildcards > 1 {
        check
            .problems
            .push(DnsNameProblem::MultipleWildcards { count: wildcards });
        wildcard_error = true;
    }
    if body == "*" {
        check.problems.push(DnsNameProblem::BareWildcard);
        return check;
    }
    let labels_with_stars = body
        .split('.')
        .take(if wildcards > 0 { usize::MAX } else { 0 });
    for (index, label) in labels_with_stars.enumerate() {
        if !label.contains('*') {
            continue;
        }
        wildcard_error = true;
        if label != "*" {
            check
                .problems
                .push(DnsNameProblem::PartialWildcard { label: index });
        } else if index > 0 {
            check
                .problems
                .push(DnsNameProblem::WildcardNotLeftmost { label: index });
        } else {
            // The well-formed case; the flag is cleared below if it is the only one.
        }
    }
    if wildcards == 1 && body.starts_with("*.") {
        check.is_wildcard = true;
        wildcard_error = false;
    }

    // 6. Policy: special use, .arpa, public suffixes. Only for names whose characters and
    //    labels are sound; the lookups would say nothing useful otherwise.
    if character_error || label_error || wildcard_error {
        return check;
    }
    let (base_start, base) = if check.is_wildcard {
        // "*." is two bytes; `body` starts with it here.
        (
            body_start.saturating_add(2),
            body.get(2..).unwrap_or_default(),
        )
    } else {
        (body_start, body)
    };
    if let Some(problem) = special_use(base) {
        check.problems.push(problem);
        return check;
    }
    let base_labels = if check.is_wildcard {
        label_count.saturating_sub(1)
    } else {
        label_count
    };
    let all = find_suffix(base, usize::MAX);
    let icann = icann_suffix(base, all);
    let end = name.len();
    if let Some((len, section)) = all {
        check.suffix = Some((end.saturating_sub(len), section));
        check.registrable = one_label_above(name, base_start, len);
    }
    if let Some(len) = icann {
        check.icann_suffix = Some(end.saturating_sub(len));
        check.base = one_label_above(name, base_start, len);
    }
    let base_is = |suffix_len: Option<usize>| suffix_len == Some(base.len());
    if check.is_wildcard {
        if base_is(icann) {
            check
                .problems
                .push(DnsNameProblem::WildcardAbovePublicSuffix {
                    section: Section::Icann,
                });
            return check;
        }
        if all.is_some_and(|(len, section)| section == Section::Private && len == base.len()) {
            check
                .problems
                .push(DnsNameProblem::WildcardAbovePublicSuffix {
                    section: Section::Private,
                });
        }
    }
    if base_is(icann) {
        check.problems.push(DnsNameProblem::IsPublicSuffix);
    } else if base_labels == 1 {
        check.problems.push(DnsNameProblem::SingleLabel);
    } else if icann.is_none() {
        check.problems.push(DnsNameProblem::InternalName);
    }
    check
}

/// Reports the first control character, white space, underscore and other invalid ASCII
/// character of `input`; returns whether any but the underscore was found.
fn scan_characters(input: &str, problems: &mut Vec<DnsNameProblem>) -> bool {
    let mut control = None;
    let mut whitespace = None;
    let mut underscore = None;
    let mut invalid = None;
    if input.is_ascii() {
        // The common case, byte by byte (the same classes as below, restricted to ASCII).
        for (offset, b) in input.bytes().enumerate() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'*') {
                continue;
            }
            if b < 0x20 || b == 0x7f {
                control.get_or_insert(DnsNameProblem::ControlCharacter {
                    offset,
                    code_point: u32::from(b),
                });
            } else if b == b' ' {
                whitespace.get_or_insert(DnsNameProblem::Whitespace { offset });
            } else if b == b'_' {
                underscore.get_or_insert(DnsNameProblem::Underscore { offset });
            } else {
                invalid.get_or_insert(DnsNameProblem::InvalidCharacter {
                    offset,
                    character: char::from(b),
                });
            }
        }
    }
    for (offset, c) in input
        .char_indices()
        .take(if input.is_ascii() { 0 } else { usize::MAX })
    {
        if c.is_control() {
            control.get_or_insert(DnsNameProblem::ControlCharacter {
                offset,
                code_point: u32::from(c),
            });
        } else if c.is_whitespace() {
            whitespace.get_or_insert(DnsNameProblem::Whitespace { offset });
        } else if c == '_' {
            underscore.get_or_insert(DnsNameProblem::Underscore { offset });
        } else if c.is_ascii() && !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '*')) {
            invalid.get_or_insert(DnsNameProblem::InvalidCharacter {
                offset,
                character: c,
            });
        }
    }
    let error = control.is_some() || whitespace.is_some() || invalid.is_some();
    problems.extend(control);
    problems.extend(whitespace);
    problems.extend(underscore);
    problems.extend(invalid);
    error
}

/// Checks one label of the lower-case A-label form; counts its `*`; returns whether a label
/// problem was found.
fn check_label(
    index: usize,
    label: &str,
    problems: &mut Vec<DnsNameProblem>,
    wildcards: &mut usize,
) -> bool {
    let stars = label.bytes().filter(|&b| b == b'*').count();
    *wildcards = wildcards.saturating_add(stars);
    if label.is_empty() {
        // A leading dot is reported on its own; its empty label is skipped by the caller.
        problems.push(DnsNameProblem::EmptyLabel { label: index });
        return true;
    }
    if label == "*" {
        return false;
    }
    let before = problems.len();
    if label.len() > MAX_LABEL_OCTETS {
        problems.push(DnsNameProblem::LabelTooLong {
            label: index,
            octets: label.len(),
        });
    }
    if label.starts_with('-') {
        problems.push(DnsNameProblem::LeadingHyphen { label: index });
    }
    if label.len() > 1 && label.ends_with('-') {
        problems.push(DnsNameProblem::TrailingHyphen { label: index });
    }
    if label.get(2..4) == Some("--") {
        if let Some(encoded) = label.strip_prefix("xn--") {
            if let Some(problem) = check_punycode(index, label, encoded) {
                problems.push(problem);
            }
        } else {
            problems.push(DnsNameProblem::ReservedLdhLabel { label: index });
        }
    }
    problems.len() > before
}

/// Validates the Punycode part of an `xn--` label (already lower case).
fn check_punycode(index: usize, label: &str, encoded: &str) -> Option<DnsNameProblem> {
    let Some(unicode) = idna::punycode::decode_to_string(encoded) else {
        return Some(DnsNameProblem::InvalidPunycode { label: index });
    };
    if unicode.is_ascii() {
        // "xn--abc-" decodes to "abc": not an IDN at all.
        return Some(DnsNameProblem::InvalidPunycode { label: index });
    }
    if !icu_normalizer::ComposingNormalizerBorrowed::new_nfc().is_normalized(&unicode) {
        return Some(DnsNameProblem::PunycodeNotNfc { label: index });
    }
    let round_trip = Uts46::new().to_ascii(
        unicode.as_bytes(),
        AsciiDenyList::STD3,
        Hyphens::Allow,
        DnsLength::Ignore,
    );
    match round_trip {
        Ok(again) if again == label => None,
        _ => Some(DnsNameProblem::PunycodeNotRoundTrip { label: index }),
    }
}

/// The special-use or `.arpa` problem of `name` (lower case, no trailing dot), if any.
fn special_use(name: &str) -> Option<DnsNameProblem> {
    if ends_with_label(name, "in-addr.arpa") {
        return Some(DnsNameProblem::ReverseZone {
            zone: "in-addr.arpa",
        });
    }
    if ends_with_label(name, "ip6.arpa") {
        return Some(DnsNameProblem::ReverseZone { zone: "ip6.arpa" });
    }
    for &domain in SPECIAL_USE {
        if ends_with_label(name, domain) {
            return Some(DnsNameProblem::SpecialUse { domain });
        }
    }
    if ends_with_label(name, "arpa") {
        return Some(DnsNameProblem::Arpa);
    }
    None
}

/// Whether `name` is `suffix` or ends with `.suffix`.
fn ends_with_label(name: &str, suffix: &str) -> bool {
    match name.strip_suffix(suffix) {
        Some("") => true,
        Some(rest) => rest.ends_with('.'),
        None => false,
    }
}

/// The longest PSL rule matching the last `max_labels` labels of `name`: its length in bytes
/// and section; `None` when only the default `*` rule matches.
fn find_suffix(name: &str, max_labels: usize) -> Option<(usize, Section)> {
    let labels = name.as_bytes().rsplit(|&b| b == b'.').take(max_labels);
    let info = psl::List.find(labels);
    let section = match info.typ? {
        psl::Type::Icann => Section::Icann,
        psl::Type::Private => Section::Private,
    };
    (info.len > 0).then_some((info.len, section))
}

/// The ICANN-section suffix length of `name`, given its longest match `all`.
///
/// The compiled list returns the longest rule of either section. When that is a private
/// rule (`github.io`), the ICANN rule is the longest match of a shorter label sequence, so
/// we look up again with one label fewer than the private suffix until an ICANN rule (or
/// none) answers.
fn icann_suffix(name: &str, all: Option<(usize, Section)>) -> Option<usize> {
    let (mut len, mut section) = all?;
    while section == Section::Private {
        let suffix = name.get(name.len().saturating_sub(len)..)?;
        let labels = suffix.split('.').count();
        if labels <= 1 {
            return None;
        }
        (len, section) = find_suffix(name, labels.saturating_sub(1))?;
    }
    Some(len)
}

/// The start of the label directly above a suffix of `suffix_len` bytes at the end of
/// `name`, if it lies within the part of the name starting at `min_start`.
fn one_label_above(name: &str, min_start: usize, suffix_len: usize) -> Option<usize> {
    // The suffix is preceded by a dot, itself preceded by at least one byte of label.
    let dot = name.len().checked_sub(suffix_len)?.checked_sub(1)?;
    if dot <= min_start {
        return None;
    }
    let head = name.get(min_start..dot)?;
    let start = head.rfind('.').map_or(0, |i| i.saturating_add(1));
    Some(min_start.saturating_add(start))
}

/// Splits the `domainNames` parameter: names separated by commas and/or white space (DIGEST
/// §6.1: "Comma- or whitespace-separated domains/IPs"). Empty entries (`a,,b`, a trailing
/// comma) are skipped; the names are returned as written, unchecked.
///
/// ```
/// use sectigo_codec::dns::split_domain_list;
/// assert_eq!(
///     split_domain_list("sectigo.com,www.sectigo.com\n secure.sectigo.com ,"),
///     ["sectigo.com", "www.sectigo.com", "secure.sectigo.com"]
/// );
/// ```
pub fn split_domain_list(s: &str) -> Vec<&str> {
    s.split(|c: char| c == ',' || c.is_ascii_whitespace())
        .filter(|entry| !entry.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffix_lookups() {
        assert_eq!(
            find_suffix("example.com", usize::MAX),
            Some((3, Section::Icann))
        );
        assert_eq!(
            find_suffix("example.co.uk", usize::MAX),
            Some((5, Section::Icann))
        );
        assert_eq!(find_suffix("foo.corp", usize::MAX), None);
        let gh = find_suffix("user.github.io", usize::MAX);
        assert_eq!(gh, Some((9, Section::Private)));
        assert_eq!(icann_suffix("user.github.io", gh), Some(2));
    }

    #[test]
    fn label_above() {
        assert_eq!(one_label_above("www.example.com", 0, 3), Some(4));
        assert_eq!(one_label_above("example.com", 0, 3), Some(0));
        assert_eq!(one_label_above("com", 0, 3), None);
        assert_eq!(one_label_above("*.example.com", 2, 3), Some(2));
        assert_eq!(one_label_above("*.com", 2, 3), None);
    }

    #[test]
    fn ends_with_label_boundaries() {
        assert!(ends_with_label("a.local", "local"));
        assert!(ends_with_label("local", "local"));
        assert!(!ends_with_label("notlocal", "local"));
        assert!(!ends_with_label("a.local.com", "local"));
    }
}
