//! The rule catalogue: every finding the linter can report, in one table.
//!
//! Each rule has a stable kebab-case id (part of the public interface: scripts match on it),
//! a severity, the Sectigo `AutoApplyOrder` error code it predicts (DIGEST §6.5) when there is
//! one, a one-line description and a citation. The codes of rules beyond Sectigo's documented
//! list are our prediction of how Sectigo treats the problem where the issue or the anchors
//! give one (documented per rule), otherwise `None`.

use core::fmt;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Sectigo (or the CA/Browser Forum rules it enforces) will refuse the CSR.
    Error,
    /// Probably accepted, but worth fixing (weak hash, deprecated string type, placeholder...).
    Warning,
    /// A fact worth knowing; nothing to fix.
    Info,
}

impl Severity {
    /// `"error"`, `"warning"` or `"info"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One row of the rule table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The rule as a typed value.
    pub rule: RuleId,
    /// Stable kebab-case id, e.g. `"rsa-fermat-factorable"`.
    pub id: &'static str,
    /// Severity of every finding of this rule.
    pub severity: Severity,
    /// The `AutoApplyOrder` error code this rule predicts (DIGEST §6.5), if any.
    pub code: Option<i32>,
    /// What the rule checks.
    pub description: &'static str,
    /// Where the rule comes from (DIGEST section, BR section, RFC, lint tool).
    pub citation: &'static str,
}

macro_rules! rules {
    ($( $variant:ident = $id:literal, $sev:ident, $code:expr, $desc:literal, $cite:literal; )*) => {
        /// Every rule of the linter (see [`RULES`] for the table with ids, severities and
        /// codes).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum RuleId {
            $(
                #[doc = $desc]
                #[doc = ""]
                #[doc = concat!("Id `", $id, "`; source: ", $cite, ".")]
                $variant,
            )*
        }

        /// The rule table, in report order.
        pub static RULES: &[Rule] = &[
            $( Rule {
                rule: RuleId::$variant,
                id: $id,
                severity: Severity::$sev,
                code: $code,
                description: $desc,
                citation: $cite,
            }, )*
        ];

        impl RuleId {
            /// This rule's row of [`RULES`].
            pub const fn rule(self) -> &'static Rule {
                match self {
                    $( Self::$variant => &Rule {
                        rule: RuleId::$variant,
                        id: $id,
                        severity: Severity::$sev,
                        code: $code,
                        description: $desc,
                        citation: $cite,
                    }, )*
                }
            }
        }
    };
}

rules! {
    // ---- Input layer (DIGEST §6.4: "Base64 (DER inside), PEM armour optional") ----
    Base64Invalid = "base64-invalid", Error, Some(-9),
        "The CSR text is not valid base64 (a character outside the alphabet, broken PEM armour, truncated data).",
        "DIGEST §6.4, §6.5 code -9";
    Base64NonCanonical = "base64-non-canonical", Warning, None,
        "The base64 lacks its padding or uses the URL-safe alphabet; accepted here, but a strict decoder refuses it.",
        "RFC 4648 §4, §5";
    PemLabelUnexpected = "pem-label-unexpected", Warning, None,
        "The PEM label is not CERTIFICATE REQUEST or NEW CERTIFICATE REQUEST.",
        "RFC 7468 §7";
    PemMultipleBlocks = "pem-multiple-blocks", Warning, None,
        "The input holds more than one PEM block; only the first certificate request is linted.",
        "DIGEST §6.1 csr";
    PemArmourMalformed = "pem-armour-malformed", Warning, None,
        "The PEM armour is malformed or surrounded by other text; Sectigo documents only plain BEGIN/END lines.",
        "RFC 7468 §2; DIGEST §12";
    // ---- DER structure (-10) ----
    DerMalformed = "der-malformed", Error, Some(-10),
        "The CSR is not a DER-encoded PKCS#10 CertificationRequest.",
        "RFC 2986 §4; DIGEST §6.5 code -10";
    DerTrailingData = "der-trailing-data", Error, Some(-10),
        "Bytes follow the end of the CertificationRequest.",
        "X.690 §8.1.1; DIGEST §6.5 code -10";
    CsrVersion = "csr-version", Error, Some(-10),
        "The CertificationRequestInfo version is not 0 (v1).",
        "RFC 2986 §4.1; DIGEST §6.4";
    ExtensionMalformed = "extension-malformed", Error, None,
        "A requested extension (extensionRequest attribute) cannot be decoded.",
        "RFC 2985 §5.4.2; RFC 5280 §4.2";
    // ---- Algorithms (-11) ----
    KeyAlgorithmUnsupported = "key-algorithm-unsupported", Error, Some(-11),
        "The public key is not rsaEncryption or id-ecPublicKey (RSA-PSS, DSA, Ed25519, Ed448, ... are refused).",
        "DIGEST §6.4; BR 6.1.5";
    SignatureAlgorithmUnsupported = "signature-algorithm-unsupported", Error, Some(-11),
        "The signature algorithm is not one of md5/sha1/sha224/sha256/sha384/sha512WithRSAEncryption or ecdsa-with-SHA1/224/256/384/512.",
        "DIGEST §6.4";
    SignatureKeyMismatch = "signature-key-mismatch", Error, Some(-11),
        "The signature algorithm family does not match the key (e.g. ECDSA signature with an RSA key).",
        "RFC 2986 §4.2";
    EcCurveNotNamed = "ec-curve-not-named", Error, Some(-11),
        "The EC key uses explicit or implicit curve parameters instead of a named curve.",
        "RFC 5480 §2.1.1; BR 7.1.3.1.2";
    KeyParametersInvalid = "key-parameters-invalid", Error, None,
        "The key's AlgorithmIdentifier parameters are wrong (RSA: must be NULL).",
        "BR 7.1.3.1.1; RFC 3279 §2.3.1";
    SignatureParametersInvalid = "signature-parameters-invalid", Warning, None,
        "The signature AlgorithmIdentifier parameters are wrong (RSA: NULL; ECDSA: absent).",
        "RFC 4055 §5; RFC 5758 §3.2";
    SignatureWeakHash = "signature-weak-hash", Warning, None,
        "The CSR is signed with MD5 or SHA-1: Sectigo accepts it, but other CAs (Let's Encrypt) refuse it.",
        "boulder csr.go; DIGEST §6.4";
    // ---- Signature (-12) ----
    SignatureInvalid = "signature-invalid", Error, Some(-12),
        "The self-signature does not verify with the CSR's public key.",
        "RFC 2986 §3; DIGEST §6.5 code -12";
    SignatureNotChecked = "signature-not-checked", Warning, None,
        "The signature could not be checked (the key is unusable or too large to analyse).",
        "RFC 2986 §3";
    // ---- Key size (-13) ----
    RsaKeySize = "rsa-key-size", Error, Some(-13),
        "The RSA modulus is not between 2048 and 8192 bits.",
        "DIGEST §6.4; BR 6.1.5";
    RsaKeySizeNotMultipleOf8 = "rsa-key-size-not-multiple-of-8", Error, Some(-13),
        "The RSA modulus length in bits is not a multiple of 8.",
        "BR 6.1.5; zlint e_mp_modulus_must_be_divisible_by_8";
    RsaKeySizeUnusual = "rsa-key-size-unusual", Info, None,
        "The RSA modulus is not 2048, 3072 or 4096 bits; blocklists of weak keys rarely cover other sizes.",
        "badkeys; boulder goodkey";
    EcCurveUnsupported = "ec-curve-unsupported", Error, Some(-13),
        "The EC curve is not P-256 or P-384 (P-521 was withdrawn in AutoApplyOrder 3.43).",
        "DIGEST §6.4";
    // ---- RSA key structure and quality ----
    RsaKeyMalformed = "rsa-key-malformed", Error, Some(-10),
        "The RSAPublicKey structure cannot be decoded (negative or malformed modulus or exponent).",
        "RFC 8017 §A.1.1; x509lint ERR_RSA_MODULUS_NEGATIVE";
    RsaModulusEven = "rsa-modulus-even", Error, Some(-40),
        "The RSA modulus is even, so it is not a product of two large primes.",
        "BR 6.1.6; zlint w_rsa_mod_not_odd";
    RsaSmallFactor = "rsa-small-factor", Error, Some(-40),
        "The RSA modulus has a prime factor up to 65537.",
        "BR 6.1.6 (factors < 752); badkeys smallfactors (primes to 65537)";
    RsaFermatFactorable = "rsa-fermat-factorable", Error, Some(-40),
        "Fermat's method factors the modulus within 128 rounds from ceil(sqrt(n)) (close primes, or p = q).",
        "BR 6.1.1.3 (100 rounds); boulder goodkey; badkeys fermat";
    RsaRoca = "rsa-roca", Error, Some(-40),
        "The modulus has the fingerprint of Infineon's ROCA key generator (CVE-2017-15361).",
        "BR 6.1.1.3; crocs-muni roca detector";
    RsaPerfectPower = "rsa-perfect-power", Error, Some(-40),
        "The modulus is a perfect power m^k (k >= 3), e.g. the power of a prime.",
        "BR 6.1.6 (not the power of a prime)";
    RsaExponentEven = "rsa-exponent-even", Error, Some(-40),
        "The RSA public exponent is even.",
        "BR 6.1.6; zlint e_rsa_public_exponent_not_odd";
    RsaExponentTooSmall = "rsa-exponent-too-small", Error, Some(-40),
        "The RSA public exponent is below 3.",
        "BR 6.1.6; zlint e_rsa_public_exponent_too_small";
    RsaExponentNotBelowModulus = "rsa-exponent-not-below-modulus", Error, Some(-40),
        "The RSA public exponent is not smaller than the modulus.",
        "RFC 8017 §3.1; badkeys rsainvalid";
    RsaExponentOutOfRange = "rsa-exponent-out-of-range", Warning, None,
        "The RSA public exponent is outside 2^16+1 .. 2^256-1.",
        "BR 6.1.6; zlint w_rsa_public_exponent_not_in_range";
    RsaExponentUnusual = "rsa-exponent-unusual", Info, None,
        "The RSA public exponent is not 65537 (some CAs accept only 65537).",
        "boulder goodkey";
    // ---- EC keys ----
    EcPointMalformed = "ec-point-malformed", Error, Some(-10),
        "The EC public key is not a SEC 1 point encoding of the curve's length.",
        "SEC 1 §2.3.3; RFC 5480 §2.2";
    EcPointOutOfRange = "ec-point-out-of-range", Error, Some(-40),
        "An EC point coordinate is not below the field prime.",
        "SP 800-56A §5.6.2.3.3; boulder goodkey";
    EcPointNotOnCurve = "ec-point-not-on-curve", Error, Some(-40),
        "The EC public key is not a point on the curve.",
        "SP 800-56A §5.6.2.3.3; boulder goodkey";
    EcPointIdentity = "ec-point-identity", Error, Some(-40),
        "The EC public key is the point at infinity.",
        "SP 800-56A §5.6.2.3.3";
    EcPointCompressed = "ec-point-compressed", Warning, None,
        "The EC public key uses the compressed point form; legal but poorly supported.",
        "RFC 5480 §2.2";
    EcPointHybrid = "ec-point-hybrid", Error, None,
        "The EC public key uses the hybrid point form, which RFC 5480 forbids.",
        "RFC 5480 §2.2";
    // ---- Known-compromised keys ----
    KeyBlocklisted = "key-blocklisted", Error, Some(-40),
        "The public key is on the caller's blocklist of known-compromised keys.",
        "BR 6.1.1.3; badkeys blocklist";
    // ---- Subject ----
    SubjectCnMissing = "subject-cn-missing", Error, Some(-8),
        "The subject has no commonName.",
        "DIGEST §6.4; DIGEST §6.5 code -8";
    SubjectCnMultiple = "subject-cn-multiple", Warning, None,
        "The subject has more than one commonName; Sectigo reads one.",
        "zlint w_extra_subject_common_names";
    SubjectFieldMissing = "subject-field-missing", Warning, Some(-8),
        "A field the product's validation level needs (O, C, L or ST for OV/EV) is neither in the CSR nor known to come from request parameters.",
        "DIGEST §6.1 (OV/EV parameters); BR 7.1.4.2";
    SubjectCountryInvalid = "subject-country-invalid", Error, Some(-7),
        "countryName is not a current ISO 3166-1 alpha-2 code in upper case.",
        "DIGEST §6.1 countryName; DIGEST §6.5 code -7";
    SubjectStringType = "subject-string-type", Error, Some(-10),
        "A subject attribute uses a string type Sectigo does not accept (DirectoryString only; countryName PrintableString).",
        "DIGEST §6.4; RFC 5280 §4.1.2.4";
    SubjectStringInvalid = "subject-string-invalid", Error, Some(-10),
        "A subject string is not valid for its type (PrintableString alphabet, BMP/Universal length, UniversalString ASCII only, UTF-8).",
        "DIGEST §6.4; X.680 §41";
    SubjectStringDeprecated = "subject-string-deprecated", Warning, None,
        "TeletexString, BMPString or UniversalString: accepted by Sectigo but deprecated; use UTF8String or PrintableString.",
        "RFC 5280 §4.1.2.6; BR 7.1.4.2";
    SubjectAttributeTooLong = "subject-attribute-too-long", Error, None,
        "A subject attribute is longer than its documented maximum (CN, O, OU 64; street, L, ST 128; postalCode, postOfficeBox 40; C 2).",
        "DIGEST §6.4; BR 7.1.4.2";
    SubjectAttributeEmpty = "subject-attribute-empty", Error, None,
        "A subject attribute is empty.",
        "RFC 5280 Appendix A (ub-* lower bound 1)";
    SubjectControlCharacter = "subject-control-character", Error, None,
        "A subject attribute contains a control character (below U+0020 or U+007F..U+009F).",
        "zlint e_subject_dn_not_printable_characters";
    SubjectWhitespace = "subject-whitespace", Warning, None,
        "A subject attribute has leading or trailing whitespace.",
        "zlint w_subject_dn_leading_whitespace / trailing";
    SubjectPlaceholder = "subject-placeholder", Warning, None,
        "A subject attribute holds a placeholder (N/A, '.', Some-State, OpenSSL defaults, ...).",
        "BR 7.1.4.2 (metadata-only values)";
    SubjectMojibake = "subject-mojibake", Warning, None,
        "A subject attribute looks like UTF-8 read as Latin-1 (e.g. 'Ã©').",
        "zlint e_utf8_latin1_mixup";
    SubjectHtmlEntity = "subject-html-entity", Warning, None,
        "A subject attribute contains an HTML entity (e.g. '&amp;').",
        "pkilint attribute_value_contains_html_entity";
    SubjectDuplicateAttribute = "subject-duplicate-attribute", Warning, None,
        "A single-valued subject attribute appears more than once (streetAddress up to three times).",
        "BR 7.1.4.1; DIGEST §6.4";
    SubjectMultiValuedRdn = "subject-multi-valued-rdn", Warning, None,
        "A subject RDN holds more than one attribute.",
        "BR 7.1.4.1";
    SubjectOuPresent = "subject-ou-present", Warning, None,
        "organizationalUnitName is present; publicly trusted certificates may no longer carry it.",
        "BR 7.1.2.7.4 (since 2022-09-01)";
    SubjectAttributeIgnored = "subject-attribute-ignored", Info, None,
        "A subject attribute Sectigo ignores (only CN, O, OU, street, L, ST, postalCode, postOfficeBox and C are read).",
        "DIGEST §6.4";
    // ---- Names: product rules (DIGEST §6.5) ----
    CnWildcardForbidden = "cn-wildcard-forbidden", Error, Some(-5),
        "The product is not a wildcard product, but the CN contains a wildcard.",
        "DIGEST §6.5 code -5";
    CnWildcardRequired = "cn-wildcard-required", Error, Some(-6),
        "The product is a wildcard product, but the CN does not contain exactly one wildcard as its whole leftmost label.",
        "DIGEST §6.5 code -6";
    CnIpForbidden = "cn-ip-forbidden", Error, Some(-35),
        "The CN is an IP address, but the product does not take IP addresses.",
        "DIGEST §6.5 code -35";
    CnIpReserved = "cn-ip-reserved", Error, Some(-19),
        "The CN is a reserved (non-public) IP address (IANA special-purpose registries, multicast).",
        "DIGEST §6.5 code -19; BR 4.2.2, 7.1.4.3";
    CnFqdnForbidden = "cn-fqdn-forbidden", Error, Some(-18),
        "The product takes only IP addresses, but the CN is a domain name.",
        "DIGEST §6.5 code -18";
    CnNotInSan = "cn-not-in-san", Warning, None,
        "The CN is not one of the CSR's subjectAltName entries.",
        "BR 7.1.4.3; zlint e_subject_common_name_not_exactly_from_san";
    // ---- Names: syntax and meaning (CN and SAN) ----
    NameSyntax = "name-syntax", Error, None,
        "A DNS name is not valid: letters, digits and hyphens only, no underscore, labels 1-63 and names up to 253 characters, no empty label or trailing dot.",
        "RFC 1034 §3.5; RFC 5280 §4.2.1.6; BR 7.1.2.7.12";
    NameIdn = "name-idn", Error, None,
        "An internationalised name is not a valid A-label (xn--, valid Punycode, NFC) or is written in Unicode.",
        "RFC 5890 §2.3.2.1; BR 7.1.4.2";
    NameInternal = "name-internal", Error, None,
        "A name is not publicly resolvable: it must end in an ICANN public suffix and not be one (no single labels, .local, .internal, .test, .arpa, ...).",
        "BR 4.2.2; boulder policy";
    NameWildcardInvalid = "name-wildcard-invalid", Error, None,
        "A wildcard is not the whole leftmost label, or there is more than one.",
        "BR 1.6.1 (Wildcard Domain Name); zlint e_dnsname_left_label_wildcard_correct";
    NameWildcardPublicSuffix = "name-wildcard-public-suffix", Error, None,
        "A wildcard sits directly above an ICANN public suffix (*.com, *.co.uk).",
        "BR 3.2.2.6";
    NameAdvisory = "name-advisory", Warning, None,
        "A DNS name is valid but unusual (e.g. a wildcard above a private-section public suffix).",
        "BR 3.2.2.6; Public Suffix List";
    IpNotCanonical = "ip-not-canonical", Warning, None,
        "An IP address is not written in canonical form (dotted quad; RFC 5952 for IPv6).",
        "BR 7.1.4.3; RFC 5952";
    // ---- Subject alternative names ----
    SanIpReserved = "san-ip-reserved", Error, None,
        "A subjectAltName IP address is reserved (IANA special-purpose registries, multicast).",
        "BR 7.1.2.7.12";
    SanIpForbidden = "san-ip-forbidden", Warning, None,
        "A subjectAltName is an IP address, but the product does not take IP addresses.",
        "DIGEST §6.1 domainNames";
    SanWildcardForbidden = "san-wildcard-forbidden", Warning, None,
        "A subjectAltName is a wildcard, but the product is not a wildcard product.",
        "DIGEST §6.2";
    SanTypeNotAllowed = "san-type-not-allowed", Warning, None,
        "A subjectAltName is not a DNS name or IP address (e-mail, URI, ...); TLS certificates carry only those two.",
        "BR 7.1.2.7.12; boulder csr.go";
    SanDuplicate = "san-duplicate", Warning, None,
        "The same subjectAltName appears more than once.",
        "zlint n_san_dns_name_duplicate";
    ExtensionCa = "extension-ca", Warning, None,
        "The CSR asks for a CA certificate (basicConstraints cA or keyUsage keyCertSign).",
        "BR 7.1.2.7.8";
}

impl RuleId {
    /// Stable kebab-case id.
    pub const fn id(self) -> &'static str {
        self.rule().id
    }

    /// Severity of this rule's findings.
    pub const fn severity(self) -> Severity {
        self.rule().severity
    }

    /// The Sectigo error code this rule predicts, if any.
    pub const fn code(self) -> Option<i32> {
        self.rule().code
    }

    /// Looks a rule up by its id.
    pub fn from_id(id: &str) -> Option<Self> {
        RULES.iter().find(|r| r.id == id).map(|r| r.rule)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_consistent() {
        let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate rule ids");
        for (i, r) in RULES.iter().enumerate() {
            assert_eq!(r.rule as usize, i, "table order");
            assert_eq!(r.rule.rule(), r);
            assert_eq!(RuleId::from_id(r.id), Some(r.rule));
            assert!(
                r.id.split('-').all(|w| !w.is_empty()
                    && w.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
                "{} is not kebab-case",
                r.id
            );
            assert!(r.description.ends_with('.'), "{}", r.id);
            assert!(!r.citation.is_empty());
            if let Some(code) = r.code {
                assert!(
                    [-5, -6, -7, -8, -9, -10, -11, -12, -13, -18, -19, -35, -40].contains(&code),
                    "{}: {code} is not a CSR code of DIGEST §6.5",
                    r.id
                );
                assert_eq!(
                    r.severity == Severity::Warning,
                    r.id == "subject-field-missing",
                    "{}",
                    r.id
                );
            }
        }
    }
}
