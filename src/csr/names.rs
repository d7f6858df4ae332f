//! Names in the CN and the subjectAltNames: product rules (-5, -6, -18, -19, -35) and name
//! validity.
//!
//! DIGEST §6.5: -5 "The CSR's Common Name may NOT contain a wildcard!", -6 "... MUST contain
//! ONE wildcard!", -18 "... may not be a Fully-Qualified Domain Name!", -19 "... may not be an
//! Internet-accessible IP Address!", -35 "... may not be an IP Address!". Which of them apply
//! depends on the product ([`Policy`](super::Policy)).
//!
//! -19 reads as if it were about *public* addresses on a product for internal addresses only;
//! no current product is one (publicly trusted certificates may not carry internal addresses
//! since 2015), and issue #4 maps reserved (non-public) addresses in the CN to -19. The rule
//! follows the issue; the prediction is the weakest of the table.
//!
//! Name syntax and meaning come from [`crate::dns::check_dns_name`] (LDH, lengths, IDN,
//! wildcard shape, internal names, special-use and reverse zones, public suffixes) and
//! [`crate::ip`] (canonical text, IANA special-purpose registries and multicast); each
//! [`DnsNameProblem`] is reported under one of the `name-*` rules with its own message.

use std::collections::HashSet;

use super::ext::San;
use super::subject::SubjectNames;
use super::{Policy, Report, Requirement, RuleId, SubjectAltName};
use crate::dns::{DnsNameProblem, Section, check_dns_name};
use crate::ip::{IpClass, classify, parse_ip_literal};

/// Lints the CN and the SANs.
pub(crate) fn lint(subject: &SubjectNames, sans: &[San], policy: &Policy, report: &mut Report) {
    if let Some((cn, offset)) = subject.common_names.first() {
        lint_cn(cn, *offset, sans, policy, report);
    }
    lint_sans(sans, policy, report);
}

/// The rule a DNS-name problem is reported under.
fn rule_for(problem: &DnsNameProblem) -> RuleId {
    use DnsNameProblem as P;
    if !problem.is_error() {
        return RuleId::NameAdvisory;
    }
    match problem {
        P::InvalidPunycode { .. }
        | P::PunycodeNotNfc { .. }
        | P::PunycodeNotRoundTrip { .. }
        | P::UnicodeLabel { .. } => RuleId::NameIdn,
        P::BareWildcard
        | P::PartialWildcard { .. }
        | P::WildcardNotLeftmost { .. }
        | P::MultipleWildcards { .. } => RuleId::NameWildcardInvalid,
        P::WildcardAbovePublicSuffix {
            section: Section::Icann,
        } => RuleId::NameWildcardPublicSuffix,
        P::SingleLabel
        | P::InternalName
        | P::IsPublicSuffix
        | P::SpecialUse { .. }
        | P::ReverseZone { .. }
        | P::Arpa => RuleId::NameInternal,
        _ => RuleId::NameSyntax,
    }
}

fn lint_dns(what: &str, name: &str, offset: usize, report: &mut Report) {
    let check = check_dns_name(name);
    for problem in check.problems() {
        report.push(
            rule_for(problem),
            Some(offset),
            format!("{what} {name:?}: {}", problem.message()),
        );
    }
}

fn lint_cn(cn: &str, offset: usize, sans: &[San], policy: &Policy, report: &mut Report) {
    let at = Some(offset);
    if let Some((ip, canonical)) = parse_ip_literal(cn) {
        if policy.ip_addresses == Requirement::Forbidden {
            report.push(
                RuleId::CnIpForbidden,
                at,
                format!("the CN {cn} is an IP address, which this product does not take; use a domain name or order a product that takes IP addresses"),
            );
        }
        if let IpClass::Reserved(range) = classify(ip) {
            report.push(
                RuleId::CnIpReserved,
                at,
                format!(
                    "the CN {cn} is in the reserved range {} ({}); only public addresses can be certified",
                    range.prefix(),
                    range.name()
                ),
            );
        }
        if !canonical {
            report.push(
                RuleId::IpNotCanonical,
                at,
                format!("write the CN {cn} as {ip}"),
            );
        }
        if !sans.is_empty() && !sans.iter().any(|s| s.name == SubjectAltName::Ip(ip)) {
            report.push(
                RuleId::CnNotInSan,
                at,
                format!(
                    "the CN {cn} is not among the subjectAltNames; add it as an IP address SAN"
                ),
            );
        }
        return;
    }
    if policy.ip_addresses == Requirement::Required {
        report.push(
            RuleId::CnFqdnForbidden,
            at,
            format!("the CN {cn:?} is not an IP address; this product takes only IP addresses"),
        );
    }
    let stars = cn.matches('*').count();
    match policy.wildcard {
        Requirement::Forbidden if stars > 0 => report.push(
            RuleId::CnWildcardForbidden,
            at,
            format!("the CN {cn:?} contains a wildcard, which this product does not allow; order a wildcard product or use a plain name"),
        ),
        Requirement::Required if stars != 1 || !cn.starts_with("*.") => report.push(
            RuleId::CnWildcardRequired,
            at,
            format!("the CN {cn:?} must contain exactly one wildcard as its whole leftmost label, e.g. *.example.com"),
        ),
        _ => {}
    }
    lint_dns("the CN", cn, offset, report);
    if !sans.is_empty()
        && !sans
            .iter()
            .any(|s| matches!(&s.name, SubjectAltName::Dns(d) if d.eq_ignore_ascii_case(cn)))
    {
        report.push(
            RuleId::CnNotInSan,
            at,
            format!("the CN {cn:?} is not among the subjectAltNames; add it as a DNS SAN"),
        );
    }
}

fn lint_sans(sans: &[San], policy: &Policy, report: &mut Report) {
    // Linear in the number of SANs (a 32767-character CSR can hold thousands).
    let mut seen: HashSet<SubjectAltName> = HashSet::with_capacity(sans.len());
    for san in sans {
        let at = Some(san.offset);
        let key = match &san.name {
            SubjectAltName::Dns(d) => SubjectAltName::Dns(d.to_ascii_lowercase()),
            other => other.clone(),
        };
        if !seen.insert(key) {
            report.push(
                RuleId::SanDuplicate,
                at,
                format!(
                    "{} appears more than once; list it once",
                    describe(&san.name)
                ),
            );
            continue;
        }
        match &san.name {
            SubjectAltName::Dns(name) => {
                if policy.wildcard == Requirement::Forbidden && name.contains('*') {
                    report.push(
                        RuleId::SanWildcardForbidden,
                        at,
                        format!(
                            "the SAN {name:?} is a wildcard, which this product does not allow"
                        ),
                    );
                }
                lint_dns("the DNS SAN", name, san.offset, report);
            }
            SubjectAltName::Ip(ip) => {
                if policy.ip_addresses == Requirement::Forbidden {
                    report.push(
                        RuleId::SanIpForbidden,
                        at,
                        format!("the SAN {ip} is an IP address, which this product does not take"),
                    );
                }
                if let IpClass::Reserved(range) = classify(*ip) {
                    report.push(
                        RuleId::SanIpReserved,
                        at,
                        format!(
                            "the IP SAN {ip} is in the reserved range {} ({}); remove it",
                            range.prefix(),
                            range.name()
                        ),
                    );
                }
            }
            other => report.push(
                RuleId::SanTypeNotAllowed,
                at,
                format!(
                    "{} cannot appear in a TLS certificate; remove it",
                    describe(other)
                ),
            ),
        }
    }
}

fn describe(name: &SubjectAltName) -> String {
    match name {
        SubjectAltName::Dns(d) => format!("the DNS SAN {d:?}"),
        SubjectAltName::Ip(ip) => format!("the IP SAN {ip}"),
        SubjectAltName::Email(e) => format!("the e-mail SAN {e:?}"),
        SubjectAltName::Uri(u) => format!("the URI SAN {u:?}"),
        SubjectAltName::Other(tag) => format!("a GeneralName of type [{tag}]"),
    }
}
