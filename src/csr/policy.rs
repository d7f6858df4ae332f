//! What the linter expects of a CSR: product-independent by default, or derived from the
//! product codes to be ordered.

use std::sync::Arc;

use super::Blocklist;

/// Whether something must, may or must not be present.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Requirement {
    /// Not checked (the product-independent default).
    #[default]
    Optional,
    /// Must not be present.
    Forbidden,
    /// Must be present.
    Required,
}

/// Validation level of the certificate product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validation {
    /// Domain validation: only the names matter.
    Dv,
    /// Organisation validation: O, C and L or ST are needed.
    Ov,
    /// Extended validation: as OV; no wildcards.
    Ev,
}

/// The rules to apply. [`Policy::default()`] applies the product-independent rules only.
///
/// ```
/// use sectigo_codec::csr::{Policy, Requirement};
/// let mut policy = Policy::default();
/// policy.wildcard = Requirement::Required; // a wildcard product
/// assert!(policy.require_common_name);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Policy {
    /// The product codes the policy was derived from (empty for the default policy).
    pub products: Vec<u32>,
    /// Wildcard in the CN: `Required` for wildcard products (-6), `Forbidden` for the others
    /// (-5), `Optional` when no product is known.
    pub wildcard: Requirement,
    /// IP addresses as the CN: `Forbidden` when the product takes none (-35), `Required` when
    /// it takes only IP addresses (a domain name is then -18), `Optional` otherwise.
    pub ip_addresses: Requirement,
    /// The validation level, when known (OV/EV need O, C and L or ST).
    pub validation: Option<Validation>,
    /// Whether a missing commonName is an error (-8). DIGEST §6.4: "Subject MUST contain
    /// commonName"; on by default.
    pub require_common_name: bool,
    blocklist: Option<Arc<Blocklist>>,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            products: Vec::new(),
            wildcard: Requirement::Optional,
            ip_addresses: Requirement::Optional,
            validation: None,
            require_common_name: true,
            blocklist: None,
        }
    }
}

impl Policy {
    /// Adds a blocklist of known-compromised keys (-40 on a match). The list is shared, so
    /// cloning the policy is cheap.
    #[must_use]
    pub fn with_blocklist(mut self, blocklist: impl Into<Arc<Blocklist>>) -> Self {
        self.blocklist = Some(blocklist.into());
        self
    }

    /// The blocklist, if any.
    pub fn blocklist(&self) -> Option<&Blocklist> {
        self.blocklist.as_deref()
    }
}
