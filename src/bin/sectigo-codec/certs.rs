//! `sectigo-codec certs`: every certificate of a body, in chain order.

use std::path::PathBuf;
use std::process::ExitCode;

use sectigo_codec::codec::pem::{self, PemLabel};
use sectigo_codec::{Certificate, Chain, Role};
use serde_json::{Value, json};

use crate::input::read_input;

/// Arguments of `certs`.
#[derive(Debug, clap::Args)]
pub(crate) struct CertsArgs {
    /// Print one JSON object `{"certificates": [...]}` instead of PEM.
    #[arg(long)]
    json: bool,
    /// The body to read (any response or file holding certificates), or `-` for standard input.
    file: PathBuf,
}

/// The JSON description of one certificate, as `certs --json` and `decode` print it.
pub(crate) fn certificate_json(cert: &Certificate, role: Role) -> Value {
    json!({
        "sha256": cert.sha256_hex(),
        "subject": cert.subject(),
        "issuer": cert.issuer(),
        "serial": cert.serial(),
        "notBefore": cert.not_before().to_string(),
        "notAfter": cert.not_after().to_string(),
        "role": role.as_str(),
    })
}

/// The JSON array of a chain's certificates, end-entity first.
pub(crate) fn chain_json(chain: &Chain) -> Value {
    Value::Array(
        chain
            .iter()
            .map(|(cert, role)| certificate_json(cert, role))
            .collect(),
    )
}

pub(crate) fn run(args: &CertsArgs) -> ExitCode {
    let body = match read_input(&args.file) {
        Ok(body) => body,
        Err(err) => {
            eprintln!("sectigo-codec: {err}");
            return ExitCode::from(2);
        }
    };
    let found = match sectigo_codec::extract::certificates(&body) {
        Ok(found) => found,
        Err(err) => {
            eprintln!("sectigo-codec: {}: {err}", args.file.display());
            return ExitCode::from(1);
        }
    };
    for warning in found.warnings() {
        eprintln!("sectigo-codec: warning: {warning}");
    }
    if let Some(status) = found.status().filter(|s| *s < 0) {
        eprintln!(
            "sectigo-codec: the body is an error response (status {status}); it holds no certificates"
        );
    }
    let chain = found.chain();
    if args.json {
        println!("{}", json!({ "certificates": chain_json(chain) }));
    } else {
        // PEM with a comment block per certificate: usable as a chain file as it is (PEM
        // readers ignore text outside the armour).
        for (cert, role) in chain.iter() {
            println!("# {}: {}", role.as_str(), cert.subject());
            println!("#   issuer:  {}", cert.issuer());
            println!("#   serial:  {}", cert.serial());
            println!("#   valid:   {} to {}", cert.not_before(), cert.not_after());
            println!("#   sha256:  {}", cert.sha256_hex());
            print!("{}", pem::encode(&PemLabel::Certificate, cert.der()));
        }
    }
    ExitCode::SUCCESS
}
