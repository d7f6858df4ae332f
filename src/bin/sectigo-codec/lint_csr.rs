//! `sectigo-codec lint-csr`: the CSR pre-flight linter on the command line.

use std::path::PathBuf;
use std::process::ExitCode;

use sectigo_codec::csr::{
    Backend, Blocklist, Curve, Facts, InputForm, KeyFacts, PointForm, Policy, Report, Severity,
    SignatureCheck, StringType, SubjectAltName, lint_csr,
};
use sectigo_codec::product::parse_product_list;
use serde_json::{Value, json};

use crate::input::read_input;

/// Arguments of `lint-csr`.
#[derive(Debug, clap::Args)]
pub(crate) struct LintCsrArgs {
    /// Product code(s) to be ordered, comma-separated (e.g. `289` or `316,36`): applies the
    /// rules the product implies (wildcard, IP addresses, validation level).
    #[arg(long, value_name = "CODE[,CODE...]")]
    product: Option<String>,
    /// A blocklist of compromised keys: hex lines (SPKI SHA-256, badkeys BKHASH120/64), or
    /// badkeys' binary `blocklist.dat` when the file name ends in `.dat`.
    #[arg(long, value_name = "FILE")]
    blocklist: Option<PathBuf>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
    /// The CSR (PEM, base64 or DER), or `-` for standard input.
    file: PathBuf,
}

/// Exit codes: 0 no error finding, 1 at least one, 2 usage or unreadable input.
pub(crate) fn run(args: &LintCsrArgs) -> ExitCode {
    let mut policy = match &args.product {
        None => Policy::default(),
        Some(list) => {
            let codes = match parse_product_list(list) {
                Ok(codes) => codes,
                Err(e) => return usage(&format!("--product: {e}")),
            };
            match Policy::for_products(&codes) {
                Ok(policy) => policy,
                Err(e) => return usage(&format!("--product: {e}")),
            }
        }
    };
    if let Some(path) = &args.blocklist {
        let data = match read_input(path) {
            Ok(data) => data,
            Err(e) => return usage(&e),
        };
        let mut list = Blocklist::new();
        let loaded = if path.extension().is_some_and(|x| x == "dat") {
            list.set_badkeys_dat(data)
        } else {
            match String::from_utf8(data) {
                Ok(text) => list.add_hex_lines(&text),
                Err(_) => return usage(&format!("{}: not UTF-8 text", path.display())),
            }
        };
        if let Err(e) = loaded {
            return usage(&format!("{}: {e}", path.display()));
        }
        policy = policy.with_blocklist(list);
    }
    let input = match read_input(&args.file) {
        Ok(input) => input,
        Err(e) => return usage(&e),
    };
    let report = match lint_csr(&input, &policy) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("sectigo-codec lint-csr: {}: {e}", args.file.display());
            return ExitCode::from(2);
        }
    };
    if args.json {
        println!("{}", to_json(&report));
    } else {
        print_text(&report);
    }
    ExitCode::from(if report.is_ok() { 0 } else { 1 })
}

fn usage(message: &str) -> ExitCode {
    eprintln!("sectigo-codec lint-csr: {message}");
    ExitCode::from(2)
}

fn print_text(report: &Report) {
    let facts = report.facts();
    if let Some(key) = &facts.key {
        let sig = facts
            .signature_algorithm
            .as_ref()
            .map_or("unknown signature algorithm", |s| s.name());
        println!("key: {}, signed with {sig}", key_text(key));
    }
    if let Some(cn) = &facts.common_name {
        println!("CN: {cn}");
    }
    for finding in report.findings() {
        let code = finding
            .code()
            .map_or_else(|| "-".to_owned(), |c| c.to_string());
        println!(
            "{:<7} {:<32} {:>4}  {}",
            finding.severity().as_str(),
            finding.id(),
            code,
            finding.message()
        );
    }
    let errors = report.with_severity(Severity::Error).count();
    let warnings = report.with_severity(Severity::Warning).count();
    if errors == 0 {
        println!("ok: no error ({warnings} warning(s))");
    } else {
        let codes: Vec<String> = report
            .predicted_codes()
            .iter()
            .map(ToString::to_string)
            .collect();
        println!(
            "{errors} error(s), {warnings} warning(s); Sectigo would answer {}",
            if codes.is_empty() {
                "(no documented code)".to_owned()
            } else {
                codes.join(", ")
            }
        );
    }
}

fn key_text(key: &KeyFacts) -> String {
    match key {
        KeyFacts::Rsa {
            bits,
            exponent: Some(e),
            ..
        } => format!("RSA {bits} bits, e = {e}"),
        KeyFacts::Rsa {
            bits,
            exponent_bits,
            ..
        } => format!("RSA {bits} bits, e of {exponent_bits} bits"),
        KeyFacts::Ec { curve, .. } => format!("EC {}", curve.name()),
        KeyFacts::Other { algorithm } => algorithm.clone(),
        _ => "unknown".to_owned(),
    }
}

fn to_json(report: &Report) -> Value {
    let findings: Vec<Value> = report
        .findings()
        .iter()
        .map(|f| {
            json!({
                "code": f.code(),
                "rule": f.id(),
                "severity": f.severity().as_str(),
                "message": f.message(),
                "offset": f.offset(),
            })
        })
        .collect();
    let mut object = json!({
        "ok": report.is_ok(),
        "findings": findings,
        "predicted_codes": report.predicted_codes(),
    });
    if let (Some(map), Value::Object(facts)) = (object.as_object_mut(), facts_json(report.facts()))
    {
        map.extend(facts);
    }
    object
}

fn facts_json(facts: &Facts) -> Value {
    let key = facts.key.as_ref().map(|key| match key {
        KeyFacts::Rsa {
            bits,
            exponent,
            exponent_bits,
        } => json!({"algorithm": "RSA", "bits": bits, "exponent": exponent, "exponent_bits": exponent_bits}),
        KeyFacts::Ec { curve, point_form } => json!({
            "algorithm": "EC",
            "curve": curve.name(),
            "named": *curve != Curve::NotNamed,
            "point_form": point_form.map(|p| match p {
                PointForm::Uncompressed => "uncompressed",
                PointForm::Compressed => "compressed",
                PointForm::Hybrid => "hybrid",
                PointForm::Identity => "identity",
            }),
        }),
        KeyFacts::Other { algorithm } => json!({"algorithm": algorithm}),
        _ => Value::Null,
    });
    let signature = match facts.signature {
        SignatureCheck::Valid { backend } => {
            json!({"valid": true, "backend": backend_name(backend)})
        }
        SignatureCheck::Invalid => json!({"valid": false}),
        _ => json!({"valid": null}),
    };
    let subject: Vec<Value> = facts
        .subject
        .iter()
        .map(|a| {
            json!({
                "oid": a.oid,
                "name": a.name,
                "type": string_type(a.string_type),
                "value": a.value,
            })
        })
        .collect();
    let sans: Vec<Value> = facts
        .subject_alt_names
        .iter()
        .map(|s| match s {
            SubjectAltName::Dns(d) => json!({"type": "dns", "value": d}),
            SubjectAltName::Ip(ip) => json!({"type": "ip", "value": ip.to_string()}),
            SubjectAltName::Email(e) => json!({"type": "email", "value": e}),
            SubjectAltName::Uri(u) => json!({"type": "uri", "value": u}),
            SubjectAltName::Other(tag) => json!({"type": "other", "tag": tag}),
            _ => Value::Null,
        })
        .collect();
    json!({
        "input": facts.input.map(|i| match i {
            InputForm::Pem => "pem",
            InputForm::Base64 => "base64",
            InputForm::Der => "der",
        }),
        "key": key,
        "signature_algorithm": facts.signature_algorithm.as_ref().map(|s| s.name()),
        "signature": signature,
        "common_name": facts.common_name,
        "subject": subject,
        "subject_alt_names": sans,
        "spki_sha256": facts.spki_sha256.map(|h| h.iter().map(|b| format!("{b:02x}")).collect::<String>()),
    })
}

fn backend_name(backend: Backend) -> &'static str {
    backend.as_str()
}

fn string_type(t: StringType) -> &'static str {
    t.name()
}
