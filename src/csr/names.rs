//! Names in the CN and the subjectAltNames: product rules (-5, -6, -18, -19, -35) and name
//! validity.
//!
//! DIGEST §6.5: -5 "The CSR's Common Name may NOT contain a wildcard!", -6 "... MUST contain
//! ONE wildcard!", -18 "... may not be a Fully-Qualified Domain Name!", -19 "... may not be an
//! Internet-accessible IP Address!", -35 "... may not be an IP Address!". Which of them apply
//! depends on the product ([`Policy`](super::Policy)).

use std::net::IpAddr;

use super::ext::San;
use super::subject::SubjectNames;
use super::{Policy, Report, Requirement, RuleId, SubjectAltName};

/// Lints the CN and the SANs.
pub(crate) fn lint(subject: &SubjectNames, sans: &[San], policy: &Policy, report: &mut Report) {
    if let Some((cn, offset)) = subject.common_names.first() {
        lint_cn(cn, *offset, sans, policy, report);
    }
    lint_sans(sans, policy, report);
}

fn lint_cn(cn: &str, offset: usize, sans: &[San], policy: &Policy, report: &mut Report) {
    let at = Some(offset);
    if let Ok(ip) = cn.parse::<IpAddr>() {
        if policy.ip_addresses == Requirement::Forbidden {
            report.push(
                RuleId::CnIpForbidden,
                at,
                format!("the CN {cn} is an IP address, which this product does not take; use a domain name"),
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
    for (i, san) in sans.iter().enumerate() {
        let at = Some(san.offset);
        let duplicate = sans.get(..i).is_some_and(|before| {
            before.iter().any(|b| match (&b.name, &san.name) {
                (SubjectAltName::Dns(a), SubjectAltName::Dns(c)) => a.eq_ignore_ascii_case(c),
                (a, c) => a == c,
            })
        });
        if duplicate {
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
            }
            SubjectAltName::Ip(ip) => {
                if policy.ip_addresses == Requirement::Forbidden {
                    report.push(
                        RuleId::SanIpForbidden,
                        at,
                        format!("the SAN {ip} is an IP address, which this product does not take"),
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
