//! `sectigo-codec encode <endpoint> name=value...`: validates a request and prints its form
//! body.
//!
//! The pairs go through the library's by-name API ([`AnyRequest::from_pairs_with`]), so the
//! checks are exactly those of the typed requests. Output:
//!
//! * valid: the `application/x-www-form-urlencoded` body on standard output, nothing else (no
//!   trailing newline), exit 0;
//! * violations: `{"violations": [{"code": -3, "parameter": "queryType", "message": "..."}]}`
//!   on standard output, exit 1;
//! * usage errors (unknown endpoint, an argument without `=`): a message on standard error,
//!   exit 2.

use std::io::Write as _;
use std::process::ExitCode;

use sectigo_codec::EndpointId;
use sectigo_codec::request::{AnyRequest, Violation};
use serde_json::json;

/// Arguments of `encode`.
#[derive(Debug, clap::Args)]
pub(crate) struct EncodeArgs {
    /// Skip the check of parameter names against the endpoint's documented table (for
    /// parameters Sectigo added after the documentation this tool knows).
    #[arg(long)]
    allow_unknown_parameters: bool,
    /// The endpoint: auto-apply-order, auto-replace-ssl, collect-ssl, collect-pac,
    /// collect-smime, order-status, auto-revoke-ssl, auto-refund, account-balance.
    endpoint: String,
    /// The parameters, as name=value (the value may be empty and may contain '='). Names are
    /// case-insensitive.
    params: Vec<String>,
}

fn violation_json(v: &Violation) -> serde_json::Value {
    json!({
        "code": v.code,
        "parameter": v.parameter,
        "message": v.message,
    })
}

fn print_violations(violations: &[Violation]) -> ExitCode {
    let list: Vec<serde_json::Value> = violations.iter().map(violation_json).collect();
    println!("{}", json!({ "violations": list }));
    ExitCode::from(1)
}

pub(crate) fn run(args: &EncodeArgs) -> ExitCode {
    let endpoint = match EndpointId::from_cli_name(&args.endpoint) {
        Some(EndpointId::Notification) => {
            eprintln!(
                "sectigo-codec: encode: 'notification' is sent by Sectigo, not to it; it can \
                 only be decoded"
            );
            return ExitCode::from(2);
        }
        Some(endpoint) => endpoint,
        None => {
            let names: Vec<&str> = EndpointId::ALL
                .iter()
                .filter(|e| **e != EndpointId::Notification)
                .map(|e| e.cli_name())
                .collect();
            eprintln!(
                "sectigo-codec: encode: unknown endpoint '{}'; expected one of {}",
                args.endpoint,
                names.join(", ")
            );
            return ExitCode::from(2);
        }
    };
    let mut pairs = Vec::with_capacity(args.params.len());
    for (i, param) in args.params.iter().enumerate() {
        let Some((name, value)) = param.split_once('=') else {
            // Do not echo the argument: it may be a password typed without its name.
            eprintln!(
                "sectigo-codec: encode: parameter {} has no '=': write name=value",
                i.saturating_add(1)
            );
            return ExitCode::from(2);
        };
        pairs.push((name.to_owned(), value.to_owned()));
    }
    let Some(read) = AnyRequest::from_pairs_with(endpoint, pairs, args.allow_unknown_parameters)
    else {
        eprintln!("sectigo-codec: encode: {endpoint} has no request");
        return ExitCode::from(2);
    };
    let request = match read {
        Ok(request) => request,
        Err(violations) => return print_violations(violations.as_slice()),
    };
    let violations = request.validate();
    if !violations.is_empty() {
        return print_violations(&violations);
    }
    let body = request.to_form();
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(body.as_bytes())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
