//! `sectigo-codec`: decode Sectigo API bodies, extract certificates, lint CSRs.
//!
//! The only part of the package that does I/O. Exit codes: 0 success, 1 the input could not
//! be decoded (or, for `lint-csr`, has an error finding), 2 usage or unreadable file.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::disallowed_methods,
    clippy::disallowed_types,
    reason = "the command-line tool is the one place that reads files and prints"
)]

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod certs;
mod decode;
mod encode;
mod input;
mod lint_csr;

/// Decode Sectigo reseller API bodies, extract certificates, lint CSRs (offline).
#[derive(Debug, Parser)]
#[command(name = "sectigo-codec", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Find every certificate in a body (PEM, PKCS#7, URL-encoded fields, ZIP, ...) and print
    /// them in chain order, end-entity first.
    Certs(certs::CertsArgs),
    /// Validate a request and print its form body: `encode <endpoint> name=value...`.
    /// Exit 1 with {"violations": [...]} when the server would refuse it.
    Encode(encode::EncodeArgs),
    /// Decode one response body of an endpoint into one JSON object: status, errorMessage,
    /// certificates (chain order) and the endpoint's fields under their wire names. Exit 0
    /// when decoded (an API error response too), 1 when the body cannot be decoded.
    Decode(decode::DecodeArgs),
    /// Lint a certificate signing request offline: every rejection AutoApplyOrder documents
    /// (with its error code), weak and compromised keys, name and subject rules.
    #[command(name = "lint-csr")]
    LintCsr(lint_csr::LintCsrArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help/version to stdout with exit 0 and usage errors to stderr.
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Certs(args) => certs::run(&args),
        Command::Encode(args) => encode::run(&args),
        Command::Decode(args) => decode::run(&args),
        Command::LintCsr(args) => lint_csr::run(&args),
    }
}
