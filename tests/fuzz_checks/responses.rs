//! Checks of the typed responses (`response::parse` for every endpoint) and of the push
//! notification (`Notification::parse`, `parse_query`).

use sectigo_codec::response::{
    self, AccountBalanceResponse, AnyResponse, AutoApplyOrderResponse, AutoRefundResponse,
    AutoReplaceSslResponse, AutoRevokeSslResponse, BodySyntax, CollectPacResponse,
    CollectSslResponse, Notification, OrderStatusResponse, ParseContext,
};
use sectigo_codec::{ApiError, Chain, DecodeError, EndpointId, Role, Warning};

use super::{assert_error_located, assert_warnings_located};

/// A value that must never appear in an error or a warning, nor in an `ApiError` other than
/// through the server's message and argument.
const SECRET: &str = "S3CR3T-p4ssw0rd-MARKER";

/// The hint of the first input byte's bits 4-6: what the caller knows besides the body.
fn context(selector: u8) -> ParseContext {
    let ctx = ParseContext::new();
    let ctx = match (selector >> 4) & 0x07 {
        0 => ctx,
        1 => ctx.with_syntax(BodySyntax::Newline),
        2 => ctx.with_syntax(BodySyntax::UrlEncoded),
        3 => ctx.with_syntax(BodySyntax::Json),
        4 => ctx.with_syntax(BodySyntax::JavaScript),
        5 => ctx.with_syntax(BodySyntax::Binary),
        6 => ctx.with_content_type("application/json; charset=utf-8"),
        _ => ctx.with_content_type("application/pkcs7-mime"),
    };
    // Bit 7: AutoApplyOrder's request flags (the newline layout's optional lines 5-7).
    let flags = selector & 0x80 != 0;
    ctx.with_show_certificate_id(flags)
        .with_show_certificate_state(flags)
        .with_unique_value_supplied(flags)
}

/// The endpoint of the first input byte's low 4 bits (all of `EndpointId::ALL`).
fn endpoint(selector: u8) -> EndpointId {
    EndpointId::ALL[usize::from(selector & 0x0f) % EndpointId::ALL.len()]
}

/// The certificates and roles of a chain (its warnings are about how the input spelt it).
fn chain_key(chain: &Chain) -> Vec<(Vec<u8>, Role)> {
    chain
        .iter()
        .map(|(cert, role)| (cert.der().to_vec(), role))
        .collect()
}

/// An API error: a negative code from the endpoint asked; formatting does not panic.
fn check_api_error(err: &ApiError, endpoint: EndpointId) {
    assert!(
        i32::from(err.code()) < 0,
        "API error with code {}",
        err.code()
    );
    let expected = match endpoint {
        // The notification has no error responses.
        EndpointId::Notification => panic!("an API error from a notification: {err}"),
        other => other,
    };
    assert_eq!(err.endpoint(), expected);
    let _ = (
        err.name(),
        err.meaning(),
        err.is_auth_problem(),
        err.is_retryable(),
    );
    let _ = (err.to_string(), format!("{err:?}"), err.is_csr_problem());
}

/// `response::parse` of any endpoint with any hint: errors located in the body; API errors
/// from the endpoint asked; a success has the endpoint's variant, a non-negative status,
/// located warnings, is the same when parsed twice, and renders (`to_form`, `to_lines` from
/// a newline body) to a body that parses back to an equal value, which renders identically.
/// A secret planted after the body never appears in an error or a warning, nor in an API
/// error except through the server's message and argument.
pub fn parse_response(data: &[u8]) {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    let endpoint = endpoint(selector);
    let ctx = context(selector);
    let result = response::parse(endpoint, body, &ctx);
    let again = response::parse(endpoint, body, &ctx);
    assert_eq!(result, again, "parsing twice gave different results");
    match result {
        Err(response::Error::Decode(err)) => assert_error_located(&err, body.len()),
        Err(response::Error::Api(err)) => check_api_error(&err, endpoint),
        Err(other) => {
            let _ = other.to_string();
        }
        Ok(any) => {
            assert_eq!(any.endpoint(), endpoint);
            assert!(any.status_code() >= 0, "success with a negative status");
            assert_warnings_located(any.warnings(), body.len());
            let _ = format!("{any:?}");
            let newline = body
                .trim_ascii_start()
                .first()
                .is_some_and(u8::is_ascii_digit)
                || body.trim_ascii_start().starts_with(b"-")
                || body.trim_ascii_start().starts_with(b"+");
            render_back(&any, &ctx, newline);
        }
    }
    planted_secret(endpoint, body, &ctx);
}

/// Parses a rendered body back (no hint but the flags and the format the body is in).
fn reparse(
    endpoint: EndpointId,
    body: &str,
    ctx: &ParseContext,
    syntax: BodySyntax,
) -> AnyResponse {
    let ctx = ParseContext::new()
        .with_syntax(syntax)
        .with_show_certificate_id(ctx.show_certificate_id)
        .with_show_certificate_state(ctx.show_certificate_state)
        .with_unique_value_supplied(ctx.unique_value_supplied);
    response::parse(endpoint, body.as_bytes(), &ctx)
        .unwrap_or_else(|err| panic!("the rendered body does not parse: {err}\n{body:?}"))
}

/// Decode → render → decode: the typed fields come back equal, and rendering the second
/// value gives the same body.
fn render_back(any: &AnyResponse, ctx: &ParseContext, from_newline: bool) {
    let endpoint = any.endpoint();
    match any {
        AnyResponse::AutoApplyOrder(r) => {
            let form = r.to_form();
            let AnyResponse::AutoApplyOrder(back) =
                reparse(endpoint, &form, ctx, BodySyntax::UrlEncoded)
            else {
                panic!("another variant")
            };
            assert_eq!(
                strip_aao(r),
                strip_aao(&back),
                "to_form changed it:\n{form}"
            );
            assert_eq!(back.to_form(), form);
            if from_newline && r.extra.is_empty() {
                let lines = r.to_lines();
                let ctx = ParseContext::new()
                    .with_show_certificate_id(r.certificate_id.is_some())
                    .with_show_certificate_state(r.certificate_status.is_some())
                    .with_unique_value_supplied(r.unique_value.is_some());
                let AnyResponse::AutoApplyOrder(back) =
                    reparse(endpoint, &lines, &ctx, BodySyntax::Newline)
                else {
                    panic!("another variant")
                };
                assert_eq!(
                    strip_aao(r),
                    strip_aao(&back),
                    "to_lines changed it:\n{lines}"
                );
                assert_eq!(back.to_lines(), lines);
            }
        }
        AnyResponse::AutoReplaceSsl(r) => {
            let form = r.to_form();
            let AnyResponse::AutoReplaceSsl(back) =
                reparse(endpoint, &form, ctx, BodySyntax::UrlEncoded)
            else {
                panic!("another variant")
            };
            assert_eq!(
                strip_ars(r),
                strip_ars(&back),
                "to_form changed it:\n{form}"
            );
            assert_eq!(back.to_form(), form);
        }
        AnyResponse::CollectSsl(r) => {
            let form = r.to_form();
            let AnyResponse::CollectSsl(back) =
                reparse(endpoint, &form, ctx, BodySyntax::UrlEncoded)
            else {
                panic!("another variant")
            };
            assert_eq!(strip_cs(r), strip_cs(&back), "to_form changed it:\n{form}");
            assert_eq!(back.to_form(), form);
        }
        AnyResponse::CollectPac(r) => {
            let lines = r.to_lines();
            let AnyResponse::CollectPac(back) = reparse(endpoint, &lines, ctx, BodySyntax::Newline)
            else {
                panic!("another variant")
            };
            assert_eq!(
                strip_cp(r),
                strip_cp(&back),
                "to_lines changed it:\n{lines}"
            );
            assert_eq!(back.to_lines(), lines);
        }
        AnyResponse::OrderStatus(r) => {
            let form = r.to_form();
            let AnyResponse::OrderStatus(back) =
                reparse(endpoint, &form, ctx, BodySyntax::UrlEncoded)
            else {
                panic!("another variant")
            };
            assert_eq!(strip_os(r), strip_os(&back), "to_form changed it:\n{form}");
            assert_eq!(back.to_form(), form);
        }
        AnyResponse::AutoRevokeSsl(r) => {
            let form = r.to_form();
            let AnyResponse::AutoRevokeSsl(back) =
                reparse(endpoint, &form, ctx, BodySyntax::UrlEncoded)
            else {
                panic!("another variant")
            };
            assert_eq!(
                strip_arv(r),
                strip_arv(&back),
                "to_form changed it:\n{form}"
            );
            assert_eq!(back.to_form(), form);
        }
        AnyResponse::AutoRefund(r) => {
            let form = r.to_form();
            let AnyResponse::AutoRefund(back) =
                reparse(endpoint, &form, ctx, BodySyntax::UrlEncoded)
            else {
                panic!("another variant")
            };
            assert_eq!(
                strip_arf(r),
                strip_arf(&back),
                "to_form changed it:\n{form}"
            );
            assert_eq!(back.to_form(), form);
        }
        AnyResponse::AccountBalance(r) => {
            let form = r.to_form();
            let AnyResponse::AccountBalance(back) =
                reparse(endpoint, &form, ctx, BodySyntax::UrlEncoded)
            else {
                panic!("another variant")
            };
            assert_eq!(strip_ab(r), strip_ab(&back), "to_form changed it:\n{form}");
            assert_eq!(back.to_form(), form);
            if from_newline && r.extra.is_empty() {
                let lines = r.to_lines();
                let AnyResponse::AccountBalance(back) =
                    reparse(endpoint, &lines, ctx, BodySyntax::Newline)
                else {
                    panic!("another variant")
                };
                assert_eq!(
                    strip_ab(r),
                    strip_ab(&back),
                    "to_lines changed it:\n{lines}"
                );
                assert_eq!(back.to_lines(), lines);
            }
        }
        AnyResponse::Notification(n) => notification_back(n),
        other => {
            let _ = format!("{other:?}");
        }
    }
}

// The comparable part of each response: everything but the warnings (how the input spelt
// it) and the lines of a newline body that no field explains (not rendered).

fn strip_aao(r: &AutoApplyOrderResponse) -> AutoApplyOrderResponse {
    let mut r = r.clone();
    r.warnings.clear();
    r.extra_lines.clear();
    r
}

fn strip_ars(r: &AutoReplaceSslResponse) -> AutoReplaceSslResponse {
    let mut r = r.clone();
    r.warnings.clear();
    r.extra_lines.clear();
    r
}

fn strip_arv(r: &AutoRevokeSslResponse) -> AutoRevokeSslResponse {
    let mut r = r.clone();
    r.warnings.clear();
    r.extra_lines.clear();
    r
}

fn strip_arf(r: &AutoRefundResponse) -> AutoRefundResponse {
    let mut r = r.clone();
    r.warnings.clear();
    r.extra_lines.clear();
    r
}

fn strip_ab(r: &AccountBalanceResponse) -> AccountBalanceResponse {
    let mut r = r.clone();
    r.warnings.clear();
    r.extra_lines.clear();
    r
}

fn strip_os(r: &OrderStatusResponse) -> OrderStatusResponse {
    let mut r = r.clone();
    r.warnings.clear();
    r
}

/// CollectSSL: the chain compared by certificates and roles.
fn strip_cs(r: &CollectSslResponse) -> (CollectSslResponse, Vec<(Vec<u8>, Role)>) {
    let mut r = r.clone();
    r.warnings.clear();
    r.extra_lines.clear();
    let chain = chain_key(&r.certificates);
    r.certificates = Chain::order(Vec::new());
    (r, chain)
}

/// CollectPAC: `to_lines` writes the status, the validity and the certificates; the syntax,
/// the unknown fields (JavaScript variables) and lines are not rendered.
fn strip_cp(r: &CollectPacResponse) -> (CollectPacResponse, Vec<(Vec<u8>, Role)>) {
    let mut r = r.clone();
    r.warnings.clear();
    r.extra_lines.clear();
    r.extra.clear();
    r.syntax = BodySyntax::Newline;
    let chain = chain_key(&r.certificates);
    r.certificates = Chain::order(Vec::new());
    (r, chain)
}

fn strip_n(n: &Notification) -> (Notification, Vec<(Vec<u8>, Role)>) {
    let mut n = n.clone();
    n.warnings.clear();
    let chain = chain_key(&n.certificates);
    n.certificates = Chain::order(Vec::new());
    (n, chain)
}

/// A notification rendered with `to_form` parses back equal, and renders identically.
fn notification_back(n: &Notification) {
    let form = n.to_form();
    let back = Notification::parse(form.as_bytes())
        .unwrap_or_else(|err| panic!("the rendered notification does not parse: {err}\n{form}"));
    assert_eq!(strip_n(n), strip_n(&back), "to_form changed it:\n{form}");
    assert_eq!(back.to_form(), form);
}

/// Where a planted secret may legitimately show: the field an error names, when the input
/// made the secret part of a field name.
fn names_secret(err: &DecodeError) -> bool {
    err.field().is_some_and(|f| f.contains(SECRET))
        || err
            .context()
            .iter()
            .any(|frame| frame.field().is_some_and(|f| f.contains(SECRET)))
}

fn assert_no_secret_in_warnings(warnings: &[Warning]) {
    for warning in warnings {
        if warning.field().is_some_and(|f| f.contains(SECRET)) {
            continue;
        }
        assert!(
            !warning.to_string().contains(SECRET),
            "secret in a warning: {warning}"
        );
    }
}

/// The body followed by a field holding a secret, in the syntax the body has (form field,
/// newline line, JavaScript variable): whatever the body is, errors and warnings never show
/// the secret, and an API error shows it only through the server's message or argument.
fn planted_secret(endpoint: EndpointId, body: &[u8], ctx: &ParseContext) {
    if memchr::memmem::find(body, SECRET.as_bytes()).is_some() {
        return;
    }
    let mut planted = body.to_vec();
    let start = body.trim_ascii_start();
    let tail = if start.first() == Some(&b'{') || start.first() == Some(&b'[') {
        // JSON cannot be appended to; the secret goes into a string after the body, which
        // makes it invalid JSON: the error must not quote it.
        format!(" \"loginPassword\": \"{SECRET}\"")
    } else if start.starts_with(b"var ") || start.starts_with(b"g_") {
        format!("\nvar g_loginPassword = \"{SECRET}\";\n")
    } else if start.contains(&b'=') {
        format!("&loginPassword={SECRET}&x={SECRET}%zz")
    } else {
        format!("\n\n{SECRET}\n")
    };
    planted.extend_from_slice(tail.as_bytes());
    match response::parse(endpoint, &planted, ctx) {
        Err(response::Error::Decode(err)) => {
            if !names_secret(&err) {
                assert!(
                    !err.to_string().contains(SECRET),
                    "secret in an error: {err}"
                );
            }
        }
        Err(response::Error::Api(err)) => {
            let shown = err.message().is_some_and(|m| m.contains(SECRET))
                || err.argument().is_some_and(|a| a.contains(SECRET));
            if !shown {
                assert!(
                    !err.to_string().contains(SECRET),
                    "secret in an API error: {err}"
                );
                assert!(
                    !format!("{err:?}").contains(SECRET),
                    "secret in an API error's Debug: {err:?}"
                );
            }
        }
        Err(other) => {
            let _ = other.to_string();
        }
        Ok(any) => assert_no_secret_in_warnings(any.warnings()),
    }
}

/// `Notification::parse` (POST body) and `parse_query` (GET query, also inside a URL):
/// errors located; the three agree on a UTF-8 body without `?` or `#`; a notification
/// renders (`to_form`) to a body that parses back equal and renders identically; a secret
/// planted after the body never shows in an error or a warning.
pub fn parse_notification(data: &[u8]) {
    let parsed = Notification::parse(data);
    match &parsed {
        Err(err) => assert_error_located(err, data.len()),
        Ok(n) => {
            assert!(
                n.order_number.is_some(),
                "a notification without orderNumber"
            );
            assert_warnings_located(&n.warnings, data.len());
            let _ = (n.is_failed(), format!("{n:?}"));
            let _ = n.callback_link(response::DEFAULT_CALLBACK_BASE_URL);
            if let Some(code) = n.status_code {
                let _ = (code.entry(), code.to_string());
            }
            notification_back(n);
        }
    }
    if let Ok(text) = core::str::from_utf8(data)
        && !text.contains(['?', '#'])
    {
        let query = Notification::parse_query(text);
        assert_eq!(query, parsed, "parse_query and parse disagree");
        let url = format!("https://partner.example/hook?{text}#top");
        let from_url = Notification::parse_query(&url);
        match (&from_url, &parsed) {
            (Ok(a), Ok(b)) => assert_eq!(strip_n(a), strip_n(b)),
            (Err(a), Err(b)) => assert_eq!(a.kind(), b.kind()),
            _ => panic!("parse_query of the URL and parse disagree"),
        }
    }
    // The same through `response::parse`.
    let any = response::parse(EndpointId::Notification, data, &ParseContext::new());
    match (&any, &parsed) {
        (Ok(AnyResponse::Notification(a)), Ok(b)) => assert_eq!(a, b),
        (Err(response::Error::Decode(a)), Err(b)) => assert_eq!(a, b),
        _ => panic!("response::parse and Notification::parse disagree"),
    }
    if memchr::memmem::find(data, SECRET.as_bytes()).is_none() {
        let mut planted = data.to_vec();
        planted.extend_from_slice(format!("&loginPassword={SECRET}&x={SECRET}%zz").as_bytes());
        match Notification::parse(&planted) {
            Err(err) => {
                if !names_secret(&err) {
                    assert!(
                        !err.to_string().contains(SECRET),
                        "secret in an error: {err}"
                    );
                }
            }
            Ok(n) => assert_no_secret_in_warnings(&n.warnings),
        }
    }
}
