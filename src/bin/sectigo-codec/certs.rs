//! `sectigo-codec certs`.

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `certs`.
#[derive(Debug, clap::Args)]
pub(crate) struct CertsArgs {
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
    /// The body to read, or `-` for standard input.
    file: PathBuf,
}

pub(crate) fn run(args: &CertsArgs) -> ExitCode {
    let _ = (args.json, &args.file);
    eprintln!("not yet implemented");
    ExitCode::from(1)
}
