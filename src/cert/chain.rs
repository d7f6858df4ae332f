//! Chain ordering by issuer/subject links.

use core::fmt;
use std::collections::HashMap;

use super::Certificate;
use crate::{Format, Warning, WarningKind};

/// The place of a certificate in a chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Not a CA: the subscriber's certificate.
    EndEntity,
    /// A CA certificate that is not self-issued.
    Intermediate,
    /// A self-issued certificate (subject = issuer): a trust anchor.
    Root,
}

impl Role {
    /// `"end-entity"`, `"intermediate"` or `"root"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::EndEntity => "end-entity",
            Self::Intermediate => "intermediate",
            Self::Root => "root",
        }
    }

    /// The role of `cert` on its own: self-issued → [`Root`](Self::Root); `cA` →
    /// [`Intermediate`](Self::Intermediate); otherwise [`EndEntity`](Self::EndEntity).
    pub fn of(cert: &Certificate) -> Self {
        if cert.is_self_issued() {
            Self::Root
        } else if cert.is_ca() {
            Self::Intermediate
        } else {
            Self::EndEntity
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Certificates in chain order (end-entity first, each followed by its issuer), with their
/// roles and the deviations found while ordering them.
///
/// ```
/// use sectigo_codec::{Certificate, Chain, Role};
/// // The documentation's order: root, intermediate, end-entity.
/// let chain = Chain::order(vec![
///     Certificate::from_der(include_bytes!("../../testdata/chain/root.der")).unwrap(),
///     Certificate::from_der(include_bytes!("../../testdata/chain/intermediate.der")).unwrap(),
///     Certificate::from_der(include_bytes!("../../testdata/chain/leaf.der")).unwrap(),
/// ]);
/// let roles: Vec<Role> = chain.roles().to_vec();
/// assert_eq!(roles, [Role::EndEntity, Role::Intermediate, Role::Root]);
/// assert_eq!(chain.end_entity().unwrap().subject(), "CN=shop.example.com");
/// assert!(chain.warnings().is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    certificates: Vec<Certificate>,
    roles: Vec<Role>,
    warnings: Vec<Warning>,
}

impl Chain {
    /// Orders `certificates` by issuer/subject links, end-entity first.
    ///
    /// * Certificates with the same DER are kept once; each removed copy gives a
    ///   [`WarningKind::DuplicateCertificate`] warning.
    /// * `child` links to `parent` when [`child.is_issued_by(parent)`](Certificate::is_issued_by)
    ///   and they differ; a self-issued certificate has no parent. When several certificates
    ///   could be the parent, the one confirmed by key identifiers wins, then a CA, then one
    ///   that is not self-issued (a cross-certificate over a root of the same name), then the
    ///   smallest SHA-256.
    /// * Leaves are the certificates nobody links to, non-CA first. The chain walks up from
    ///   each leaf until it reaches a certificate already placed; certificates on a cycle
    ///   with no leaf are walked last. More than one walk means the certificates do not form
    ///   one chain: [`WarningKind::DisconnectedChain`].
    ///
    /// The result depends only on the set of certificates, never on the order they were
    /// given in. Time and space are linear in the number of certificates (hash map by
    /// subject), except for pathological inputs with many certificates of the same subject.
    /// Signatures are not verified.
    pub fn order(certificates: Vec<Certificate>) -> Self {
        let mut warnings = Vec::new();
        // Canonical order: by fingerprint, then drop duplicates.
        let mut certs = certificates;
        certs.sort_by_key(|c| c.sha256);
        let before = certs.len();
        certs.dedup_by(|a, b| a.der == b.der);
        for _ in certs.len()..before {
            warnings.push(Warning::new(
                Format::Certificate,
                WarningKind::DuplicateCertificate,
            ));
        }

        let mut by_subject: HashMap<&[u8], Vec<usize>> = HashMap::new();
        for (i, c) in certs.iter().enumerate() {
            by_subject
                .entry(c.subject_raw.as_slice())
                .or_default()
                .push(i);
        }
        let parent: Vec<Option<usize>> = certs
            .iter()
            .enumerate()
            .map(|(i, child)| {
                if child.is_self_issued() {
                    return None;
                }
                let candidates = by_subject.get(child.issuer_raw.as_slice())?;
                candidates
                    .iter()
                    .copied()
                    .filter(|&j| j != i)
                    .filter_map(|j| certs.get(j).map(|p| (j, p)))
                    .filter(|(_, p)| child.is_issued_by(p))
                    .min_by_key(|&(j, p)| {
                        let confirmed =
                            child.authority_key_id.is_some() && p.subject_key_id.is_some();
                        (!confirmed, !p.is_ca, p.is_self_issued(), j)
                    })
                    .map(|(j, _)| j)
            })
            .collect();
        drop(by_subject);

        let mut has_child = vec![false; certs.len()];
        for p in parent.iter().flatten() {
            if let Some(slot) = has_child.get_mut(*p) {
                *slot = true;
            }
        }
        let mut leaves: Vec<usize> = (0..certs.len())
            .filter(|&i| !has_child.get(i).copied().unwrap_or(true))
            .collect();
        leaves.sort_by_key(|&i| {
            let c = certs.get(i);
            (
                c.is_some_and(|c| c.is_ca),
                c.is_some_and(Certificate::is_self_issued),
                i,
            )
        });

        let mut placed = vec![false; certs.len()];
        let mut order = Vec::with_capacity(certs.len());
        let mut walks = 0usize;
        let starts = leaves.into_iter().chain(0..certs.len());
        for start in starts {
            if placed.get(start).copied().unwrap_or(true) {
                continue;
            }
            walks = walks.saturating_add(1);
            let mut cur = Some(start);
            while let Some(i) = cur {
                match placed.get_mut(i) {
                    Some(slot) if !*slot => *slot = true,
                    _ => break,
                }
                order.push(i);
                cur = parent.get(i).copied().flatten();
            }
        }
        if walks > 1 {
            warnings.push(Warning::new(
                Format::Certificate,
                WarningKind::DisconnectedChain,
            ));
        }

        let mut slots: Vec<Option<Certificate>> = certs.into_iter().map(Some).collect();
        let certificates: Vec<Certificate> = order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take))
            .collect();
        let roles = certificates.iter().map(Role::of).collect();
        Self {
            certificates,
            roles,
            warnings,
        }
    }

    /// The certificates in chain order.
    pub fn certificates(&self) -> &[Certificate] {
        &self.certificates
    }

    /// The role of each certificate, parallel to [`certificates`](Self::certificates).
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// Each certificate with its role, in chain order.
    pub fn iter(&self) -> impl Iterator<Item = (&Certificate, Role)> {
        self.certificates.iter().zip(self.roles.iter().copied())
    }

    /// Deviations: duplicates removed, certificates that do not link into one chain.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The end-entity certificate: the first certificate, when its role is
    /// [`Role::EndEntity`] (a CA bundle has none).
    pub fn end_entity(&self) -> Option<&Certificate> {
        match (self.certificates.first(), self.roles.first()) {
            (Some(cert), Some(Role::EndEntity)) => Some(cert),
            _ => None,
        }
    }

    /// The number of (distinct) certificates.
    pub fn len(&self) -> usize {
        self.certificates.len()
    }

    /// `true` when there are no certificates.
    pub fn is_empty(&self) -> bool {
        self.certificates.is_empty()
    }

    /// The certificates in chain order, by value.
    pub fn into_certificates(self) -> Vec<Certificate> {
        self.certificates
    }
}

impl<'a> IntoIterator for &'a Chain {
    type Item = (&'a Certificate, Role);
    type IntoIter = core::iter::Zip<
        core::slice::Iter<'a, Certificate>,
        core::iter::Copied<core::slice::Iter<'a, Role>>,
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.certificates.iter().zip(self.roles.iter().copied())
    }
}
