//! `sectigo-codec decode <endpoint> [--format auto|newline|url|json] <FILE|->`: one response
//! body as one JSON object.
//!
//! ```text
//! {"status": 2, "errorMessage": null, "certificates": [...], <fields under their wire names>,
//!  "extraLines": [...], "warnings": [...]}
//! ```
//!
//! `status` is the integer status (`errorCode`, the first line, `g_errorCode`; the
//! notification's `statusCode`). For GetDetailedOrderStatus the fields are an `orders` array of
//! `{"index": X, <fields of X_>, "certificates": [{"index": Y, <fields of X_Y_>}]}`. An API
//! error adds `"error": {"code", "name", "meaning", "argument", "retryable", "authProblem",
//! "csrProblem"}`. The notification's own string field `status` is printed as `Status` (the
//! PDF's spelling), since `status` is the integer.

use std::path::PathBuf;
use std::process::ExitCode;

use sectigo_codec::response::{self, AnyResponse, ParseContext};
use sectigo_codec::{ApiError, EndpointId, Error, ResponseFormat};
use serde_json::{Map, Value, json};

use crate::certs::chain_json;
use crate::input::read_input;

/// The format the request asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum FormatArg {
    /// Recognise the format from the body.
    Auto,
    /// Newline-delimited text (`responseFormat=0`).
    Newline,
    /// URL-encoded (`responseFormat=1`).
    Url,
    /// JSON (`responseFormat=2`).
    Json,
}

/// Arguments of `decode`.
#[derive(Debug, clap::Args)]
pub(crate) struct DecodeArgs {
    /// The endpoint that sent the body.
    #[arg(value_parser = clap::builder::PossibleValuesParser::new(
        EndpointId::ALL.map(EndpointId::cli_name)
    ))]
    endpoint: String,
    /// The format the request asked for (`responseFormat`); the body's own shape wins, with
    /// a warning, when it is unmistakably another one.
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    format: FormatArg,
    /// AutoApplyOrder: the request had `showCertificateID=Y` (line 5 is the certificate ID).
    #[arg(long)]
    show_certificate_id: bool,
    /// AutoApplyOrder: the request had `showCertificateState=Y`.
    #[arg(long)]
    show_certificate_state: bool,
    /// AutoApplyOrder: the request had a `uniqueValue`.
    #[arg(long)]
    unique_value_supplied: bool,
    /// The response body, or `-` for standard input.
    file: PathBuf,
}

pub(crate) fn run(args: &DecodeArgs) -> ExitCode {
    let Some(endpoint) = EndpointId::from_cli_name(&args.endpoint) else {
        eprintln!("sectigo-codec: unknown endpoint `{}`", args.endpoint);
        return ExitCode::from(2);
    };
    let body = match read_input(&args.file) {
        Ok(body) => body,
        Err(err) => {
            eprintln!("sectigo-codec: {err}");
            return ExitCode::from(2);
        }
    };
    let mut ctx = ParseContext::new()
        .with_show_certificate_id(args.show_certificate_id)
        .with_show_certificate_state(args.show_certificate_state)
        .with_unique_value_supplied(args.unique_value_supplied);
    ctx = match args.format {
        FormatArg::Auto => ctx,
        FormatArg::Newline => ctx.with_format(ResponseFormat::Newline),
        FormatArg::Url => ctx.with_format(ResponseFormat::UrlEncoded),
        FormatArg::Json => ctx.with_format(ResponseFormat::Json),
    };
    let output = match response::parse(endpoint, &body, &ctx) {
        Ok(any) => success_json(&any),
        Err(Error::Api(err)) => api_error_json(&err),
        Err(err) => {
            eprintln!("sectigo-codec: {}: {err}", args.file.display());
            return ExitCode::from(1);
        }
    };
    println!("{output}");
    ExitCode::SUCCESS
}

fn api_error_json(err: &ApiError) -> Value {
    json!({
        "status": err.code().get(),
        "errorMessage": err.message(),
        "certificates": [],
        "error": {
            "code": err.code().get(),
            "name": err.name(),
            "meaning": err.meaning(),
            "argument": err.argument(),
            "retryable": err.is_retryable(),
            "authProblem": err.is_auth_problem(),
            "csrProblem": err.is_csr_problem(),
        },
    })
}

/// `(name, text)` fields as JSON members. A name that repeats (an unknown key sent twice)
/// becomes an array of its values, so nothing is lost. At the top level `errorMessage` (sent
/// with some successes) is the top-level member.
fn insert_fields(out: &mut Map<String, Value>, fields: Vec<(String, String)>) {
    for (name, value) in fields {
        let name = if name.eq_ignore_ascii_case("errorMessage") && out.contains_key("errorMessage")
        {
            if out.get("errorMessage") == Some(&Value::Null) {
                out.insert("errorMessage".to_owned(), Value::String(value));
                continue;
            }
            "errorMessage".to_owned()
        } else {
            name
        };
        match out.get_mut(&name) {
            None => {
                out.insert(name, Value::String(value));
            }
            Some(Value::Array(values)) => values.push(Value::String(value)),
            Some(existing) => {
                let first = existing.take();
                *existing = Value::Array(vec![first, Value::String(value)]);
            }
        }
    }
}

fn success_json(any: &AnyResponse) -> Value {
    let mut out = Map::new();
    let status = match any {
        AnyResponse::Notification(n) => n
            .status_code
            .map(|c| json!(c.code()))
            .unwrap_or(Value::Null),
        other => json!(other.status_code()),
    };
    out.insert("status".to_owned(), status);
    out.insert("errorMessage".to_owned(), Value::Null);
    let certificates = any.certificates().map_or_else(|| json!([]), chain_json);
    out.insert("certificates".to_owned(), certificates);
    let extra_lines = match any {
        AnyResponse::AutoApplyOrder(r) => {
            insert_and_lines(&mut out, r.wire_fields(), &r.extra_lines)
        }
        AnyResponse::AutoReplaceSsl(r) => {
            insert_and_lines(&mut out, r.wire_fields(), &r.extra_lines)
        }
        AnyResponse::CollectSsl(r) => insert_and_lines(&mut out, r.wire_fields(), &r.extra_lines),
        AnyResponse::CollectPac(r) => insert_and_lines(&mut out, r.wire_fields(), &r.extra_lines),
        AnyResponse::AutoRevokeSsl(r) => {
            insert_and_lines(&mut out, r.wire_fields(), &r.extra_lines)
        }
        AnyResponse::AutoRefund(r) => insert_and_lines(&mut out, r.wire_fields(), &r.extra_lines),
        AnyResponse::AccountBalance(r) => {
            insert_and_lines(&mut out, r.wire_fields(), &r.extra_lines)
        }
        AnyResponse::OrderStatus(r) => {
            insert_fields(&mut out, r.extra.clone());
            out.insert("orders".to_owned(), orders_json(r));
            Vec::new()
        }
        AnyResponse::Notification(n) => {
            let fields = n
                .wire_fields()
                .into_iter()
                .map(|(name, value)| {
                    // `status` is the integer; the string keeps the PDF's spelling.
                    let name = if name == "status" {
                        "Status".to_owned()
                    } else {
                        name
                    };
                    (name, value)
                })
                .collect();
            insert_fields(&mut out, fields);
            Vec::new()
        }
        _ => Vec::new(),
    };
    out.insert("extraLines".to_owned(), Value::Array(extra_lines));
    let warnings = any
        .warnings()
        .iter()
        .map(|w| Value::String(w.to_string()))
        .collect();
    out.insert("warnings".to_owned(), Value::Array(warnings));
    Value::Object(out)
}

fn insert_and_lines(
    out: &mut Map<String, Value>,
    fields: Vec<(String, String)>,
    lines: &[response::UnknownLine],
) -> Vec<Value> {
    insert_fields(out, fields);
    lines
        .iter()
        .map(|l| json!({"line": l.number, "text": l.text}))
        .collect()
}

fn orders_json(r: &response::OrderStatusResponse) -> Value {
    let orders = r
        .orders
        .iter()
        .map(|order| {
            let mut o = Map::new();
            o.insert("index".to_owned(), json!(order.index));
            insert_fields(&mut o, order.wire_fields());
            if let Some(details) = &order.suggested_org_details {
                let fields = details
                    .wire_fields()
                    .into_iter()
                    .map(|(name, value)| {
                        let name = if name == "status" {
                            "suggestedOrgDetails".to_owned()
                        } else {
                            name
                        };
                        (name, value)
                    })
                    .collect();
                insert_fields(&mut o, fields);
                o.entry("suggestedOrgDetails")
                    .or_insert_with(|| Value::String(String::new()));
            }
            let certificates = order
                .certificates
                .iter()
                .map(|cert| {
                    let mut c = Map::new();
                    c.insert("index".to_owned(), json!(cert.index));
                    insert_fields(&mut c, cert.wire_fields());
                    Value::Object(c)
                })
                .collect();
            o.insert("certificates".to_owned(), Value::Array(certificates));
            Value::Object(o)
        })
        .collect();
    Value::Array(orders)
}
