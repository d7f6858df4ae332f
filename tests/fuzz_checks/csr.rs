//! Checks of the CSR linter (`csr::lint_csr`).

use std::sync::OnceLock;

use sectigo_codec::csr::{self, Blocklist, KeyFacts, Policy, RULES, Report, RuleId, Severity};
use sectigo_codec::{DecodeErrorKind, Format, Limit, MAX_CSR_CHARS, product};

use super::assert_error_located;

/// The codes of every TLS certificate product of the catalogue (the products ordered with a
/// CSR), for the policy chosen by the first input byte.
fn tls_products() -> &'static [u32] {
    static CODES: OnceLock<Vec<u32>> = OnceLock::new();
    CODES.get_or_init(|| {
        product::all()
            .iter()
            .filter(|p| p.is_ssl())
            .map(|p| p.code())
            .collect()
    })
}

/// Each finding's rule is a row of `RULES` with the finding's id, severity and code; offsets
/// lie inside the input; `is_ok` is "no error finding"; the predicted codes are the distinct
/// codes of the error findings; formatting does not panic.
fn check_report(report: &Report, len: usize) {
    for finding in report.findings() {
        let row = RULES
            .iter()
            .find(|r| r.rule == finding.rule())
            .unwrap_or_else(|| panic!("{:?} is not in RULES", finding.rule()));
        assert_eq!(row.id, finding.id());
        assert_eq!(row.severity, finding.severity(), "{}", row.id);
        assert_eq!(row.code, finding.code(), "{}", row.id);
        assert_eq!(RuleId::from_id(finding.id()), Some(finding.rule()));
        if let Some(offset) = finding.offset() {
            assert!(
                offset <= len,
                "{}: offset {offset} past the input ({len})",
                row.id
            );
        }
        let text = finding.to_string();
        assert!(
            text.starts_with(&format!("{} {}", row.severity, row.id)),
            "{text}"
        );
        assert!(!finding.message().is_empty(), "{}: empty message", row.id);
    }
    let errors: Vec<_> = report.with_severity(Severity::Error).collect();
    assert_eq!(report.is_ok(), errors.is_empty());
    let mut codes = Vec::new();
    for f in &errors {
        if let Some(code) = f.code()
            && !codes.contains(&code)
        {
            codes.push(code);
        }
    }
    assert_eq!(report.predicted_codes(), codes);
    for rule in [RuleId::SignatureInvalid, RuleId::Base64Invalid] {
        assert_eq!(
            report.has(rule),
            report.findings().iter().any(|f| f.rule() == rule)
        );
    }
    // The signature outcome and its findings agree.
    match report.facts().signature {
        csr::SignatureCheck::Valid { .. } => {
            assert!(!report.has(RuleId::SignatureInvalid), "valid and invalid");
        }
        csr::SignatureCheck::Invalid => {
            assert!(
                report.has(RuleId::SignatureInvalid),
                "invalid without a finding"
            );
        }
        _ => assert!(
            !report.has(RuleId::SignatureInvalid),
            "unchecked but invalid"
        ),
    }
    let _ = format!("{:?}", report.facts());
}

/// `lint_csr` on the input after the first byte, with the default policy (twice: the
/// linter is deterministic) and with the policy of a TLS product chosen by the first byte:
/// errors only for empty or oversized input; every finding from `RULES` with its severity
/// and code, located in the input; `is_ok` ⇔ no error finding; the facts do not depend on
/// the policy; a blocklist holding the key's SPKI hash adds `key-blocklisted` (-40) and
/// nothing else, and is reported for every acceptable key.
pub fn lint_csr(data: &[u8]) {
    let Some((&selector, input)) = data.split_first() else {
        return;
    };
    let default = Policy::default();
    let report = match csr::lint_csr(input, &default) {
        Err(err) => {
            assert_error_located(&err, input.len());
            assert_eq!(err.format(), Format::Csr);
            match err.kind() {
                DecodeErrorKind::Empty => assert!(input.trim_ascii().is_empty()),
                DecodeErrorKind::LimitExceeded {
                    limit: Limit::CsrSize,
                    max,
                } => {
                    assert_eq!(*max, MAX_CSR_CHARS);
                    // DER is measured as its base64 encoding: 4 characters per 3 bytes.
                    assert!(input.len() > MAX_CSR_CHARS / 4 * 3, "{} bytes", input.len());
                }
                other => panic!("lint_csr failed with {other:?}: {err}"),
            }
            let product = Policy::for_products(&[tls_products()[0]]).unwrap();
            assert_eq!(csr::lint_csr(input, &product), Err(err));
            return;
        }
        Ok(report) => report,
    };
    assert!(!input.trim_ascii().is_empty(), "blank input linted");
    assert!(input.len() <= MAX_CSR_CHARS, "{} bytes linted", input.len());
    check_report(&report, input.len());
    let again = csr::lint_csr(input, &default).expect("the same input again");
    assert_eq!(again, report, "the linter is not deterministic");

    let codes = tls_products();
    let code = codes[usize::from(selector) % codes.len()];
    let policy = Policy::for_products(&[code]).expect("a TLS product's policy");
    let by_product = csr::lint_csr(input, &policy).expect("the policy does not change errors");
    check_report(&by_product, input.len());
    assert_eq!(
        by_product.facts(),
        report.facts(),
        "the facts depend on the policy (product {code})"
    );

    if let Some(hash) = report.facts().spki_sha256 {
        let mut list = Blocklist::new();
        list.add_spki_sha256(hash);
        let blocked = csr::lint_csr(input, &default.clone().with_blocklist(list))
            .expect("a blocklist does not change errors");
        check_report(&blocked, input.len());
        assert_eq!(blocked.facts(), report.facts());
        let others: Vec<_> = blocked
            .findings()
            .iter()
            .filter(|f| f.rule() != RuleId::KeyBlocklisted)
            .cloned()
            .collect();
        assert_eq!(
            others,
            report.findings(),
            "a blocklist changed other findings"
        );
        let usable = matches!(
            report.facts().key,
            Some(KeyFacts::Rsa { .. } | KeyFacts::Ec { .. })
        );
        if report.is_ok() && usable {
            assert!(
                blocked.has(RuleId::KeyBlocklisted),
                "an acceptable key whose hash is blocklisted is not reported"
            );
            assert_eq!(blocked.predicted_codes(), vec![-40]);
        }
    }
}
