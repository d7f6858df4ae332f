//! What the linter expects of a CSR: product-independent by default, or derived from the
//! product codes to be ordered.

use std::sync::Arc;

use super::Blocklist;
use crate::product::{self, ValidationLevel};

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
    /// The rules the products imply (issue #4 item 2), from the catalogue in
    /// [`crate::product`]:
    ///
    /// * wildcard products (`allows_wildcard`): the CN must be one wildcard (-6); all other
    ///   TLS products: no wildcard in the CN (-5);
    /// * products that take IP addresses (`allows_ip_addresses`: non-EV multi-domain and UCC,
    ///   an inference of the catalogue): an IP CN is allowed; all others: -35;
    /// * the validation level (OV/EV need O, C and L or ST, from the CSR or parameters).
    ///
    /// Add-ons (TrustLogo `36`, ...) are ignored; exactly one TLS certificate product must be
    /// among `codes`.
    ///
    /// ```
    /// use sectigo_codec::csr::{Policy, PolicyError, Requirement, Validation};
    /// let policy = Policy::for_products(&[289])?; // PositiveSSL Wildcard DV
    /// assert_eq!(policy.wildcard, Requirement::Required);
    /// assert_eq!(policy.ip_addresses, Requirement::Forbidden);
    /// assert_eq!(policy.validation, Some(Validation::Dv));
    /// let policy = Policy::for_products(&[316, 36])?; // SectigoSSL OV + TrustLogo
    /// assert_eq!(policy.wildcard, Requirement::Forbidden);
    /// assert_eq!(Policy::for_products(&[36]), Err(PolicyError::NoTlsProduct));
    /// # Ok::<(), PolicyError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`PolicyError::UnknownProduct`] for a code the catalogue does not know,
    /// [`PolicyError::NoTlsProduct`] when no code is a TLS certificate,
    /// [`PolicyError::SeveralTlsProducts`] when more than one is.
    pub fn for_products(codes: &[u32]) -> Result<Self, PolicyError> {
        let mut tls = None;
        for &code in codes {
            let product = product::lookup(code).ok_or(PolicyError::UnknownProduct { code })?;
            if product.is_ssl()
                && let Some(first) = tls.replace(product)
            {
                return Err(PolicyError::SeveralTlsProducts {
                    first: first.code(),
                    second: code,
                });
            }
        }
        let product = tls.ok_or(PolicyError::NoTlsProduct)?;
        Ok(Self {
            products: codes.to_vec(),
            wildcard: if product.wildcard_required() {
                Requirement::Required
            } else if product.allows_wildcard() {
                Requirement::Optional
            } else {
                Requirement::Forbidden
            },
            ip_addresses: if product.allows_ip_addresses() {
                Requirement::Optional
            } else {
                Requirement::Forbidden
            },
            validation: match product.validation_level() {
                Some(ValidationLevel::Dv) => Some(Validation::Dv),
                Some(ValidationLevel::Ev) => Some(Validation::Ev),
                Some(_) => Some(Validation::Ov),
                None => None,
            },
            require_common_name: true,
            blocklist: None,
        })
    }

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

/// Why [`Policy::for_products`] could not derive a policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// The catalogue does not know this code.
    #[error("product code {code} is not in the catalogue")]
    UnknownProduct {
        /// The code.
        code: u32,
    },
    /// None of the codes is a TLS certificate (the only products ordered with a CSR).
    #[error("none of the product codes is a TLS certificate")]
    NoTlsProduct,
    /// More than one TLS certificate product (an order has exactly one, DIGEST §6.1).
    #[error("product codes {first} and {second} are both TLS certificates; an order has one")]
    SeveralTlsProducts {
        /// The first TLS product code.
        first: u32,
        /// The second.
        second: u32,
    },
}
