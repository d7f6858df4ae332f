//! Errors and warnings of the decoding layers.
//!
//! Every decoder in this crate returns either a typed value or a [`DecodeError`]. A
//! `DecodeError` always says
//!
//! * **which format** failed ([`Format`]): the URL-encoded form, a PEM block, the DER of a
//!   PKCS#7 bag, ...;
//! * **where**: the byte offset into the input of that layer and, for line-oriented formats,
//!   the 1-based line number;
//! * **which field** it concerns, when there is one (the wire name, e.g. `caCertificate` or
//!   `1_2_notAfter`);
//! * and, for nested payloads (a PKCS#7 bag inside base64 inside a URL-encoded field), the
//!   chain of outer layers it was found in ([`DecodeError::context`]).
//!
//! Input that can be decoded but shows a known server quirk (an invalid `%` escape, an
//! unencoded space, malformed PEM armour, ...) is not an error: the decoder keeps the literal
//! text and records a [`Warning`] the caller can inspect.
//!
//! The exact wording of `Display` is not a stable interface; match on [`DecodeErrorKind`].
//! Neither errors nor warnings ever contain the value of a field, so secrets cannot leak
//! through them.

use core::fmt;

/// The wire format (or decoding layer) an error or warning belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// `application/x-www-form-urlencoded` bodies (`responseFormat=1`).
    FormUrlEncoded,
    /// Newline-delimited text bodies (`responseFormat=0`).
    Newline,
    /// `X_` / `X_Y_` indexed keys of GetDetailedOrderStatus.
    Indexed,
    /// JSON bodies (`responseFormat=2`).
    Json,
    /// JavaScript variable declarations (`responseEncoding=2` of CollectPAC/CollectSMIME).
    JavaScript,
    /// PEM armour (`-----BEGIN CERTIFICATE-----`).
    Pem,
    /// Base64 text (bare or inside PEM / a form field).
    Base64,
    /// PKCS#7 / CMS `SignedData` "certs-only" bags (DER or BER).
    Pkcs7,
    /// Netscape certificate sequence (`responseType=1`).
    NetscapeSequence,
    /// ZIP archives of certificate files (`responseType=0`).
    Zip,
    /// A DER-encoded X.509 certificate.
    Certificate,
    /// A PKCS#10 certificate signing request.
    Csr,
    /// A whole response of one endpoint (typed layer above the wire formats).
    Response,
}

impl Format {
    /// A short lower-case name, as used in error messages.
    pub const fn name(self) -> &'static str {
        match self {
            Self::FormUrlEncoded => "url-encoded form",
            Self::Newline => "newline-delimited text",
            Self::Indexed => "indexed keys",
            Self::Json => "JSON",
            Self::JavaScript => "JavaScript variables",
            Self::Pem => "PEM",
            Self::Base64 => "base64",
            Self::Pkcs7 => "PKCS#7",
            Self::NetscapeSequence => "Netscape certificate sequence",
            Self::Zip => "ZIP",
            Self::Certificate => "X.509 certificate",
            Self::Csr => "CSR",
            Self::Response => "response",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A resource limit (see [`Limits`](crate::Limits)) that input exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Limit {
    /// Size of a whole body in bytes.
    BodySize,
    /// Number of `name=value` pairs in a form body.
    Fields,
    /// Number of lines in a newline-delimited body.
    Lines,
    /// Number of PEM blocks in one input.
    PemBlocks,
    /// Number of certificates in one container (PKCS#7 bag, chain, ZIP, ...).
    Certificates,
    /// Nesting depth of DER/BER structures.
    DerDepth,
    /// Nesting depth of JSON arrays and objects.
    JsonDepth,
    /// Number of entries in a ZIP archive.
    ZipEntries,
    /// Total uncompressed size of a ZIP archive's entries.
    ZipUncompressedSize,
    /// Number of orders (`X_`) in an indexed response.
    Orders,
    /// Number of certificates (`X_Y_`) in one order of an indexed response.
    CertificatesPerOrder,
    /// Number of variable declarations in a JavaScript body.
    JsVariables,
    /// Size of a CSR in characters (the API accepts at most 32767).
    CsrSize,
}

impl Limit {
    /// A short lower-case description, as used in error messages.
    pub const fn name(self) -> &'static str {
        match self {
            Self::BodySize => "body size in bytes",
            Self::Fields => "number of fields",
            Self::Lines => "number of lines",
            Self::PemBlocks => "number of PEM blocks",
            Self::Certificates => "number of certificates",
            Self::DerDepth => "DER nesting depth",
            Self::JsonDepth => "JSON nesting depth",
            Self::ZipEntries => "number of ZIP entries",
            Self::ZipUncompressedSize => "uncompressed ZIP size in bytes",
            Self::Orders => "number of orders",
            Self::CertificatesPerOrder => "number of certificates per order",
            Self::JsVariables => "number of JavaScript variables",
            Self::CsrSize => "CSR size in characters",
        }
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What went wrong, independent of where.
///
/// Detail strings never contain field values (which may be secret); they describe the
/// structure only (an unexpected character class, an object identifier, a DER tag, ...).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The input is empty (or only whitespace) where content is required.
    #[error("empty input")]
    Empty,
    /// The bytes are not valid UTF-8 where text is required.
    #[error("invalid UTF-8")]
    InvalidUtf8,
    /// A required field or line is absent.
    #[error("missing field")]
    MissingField,
    /// A field that may appear once appears again.
    #[error("duplicate field")]
    DuplicateField,
    /// A value is not an integer in the expected range.
    #[error("invalid integer")]
    InvalidInteger,
    /// A value does not have the expected shape.
    #[error("invalid value, expected {expected}")]
    InvalidValue {
        /// What was expected, e.g. `"YYYY-MM-DD HH:MM"`.
        expected: &'static str,
    },
    /// An `X_` / `X_Y_` index is not a positive decimal number that fits in `u32`.
    #[error("invalid order or certificate index")]
    InvalidIndex,
    /// Invalid base64.
    #[error("invalid base64: {detail}")]
    InvalidBase64 {
        /// What is wrong (e.g. an invalid character, wrong length).
        detail: Box<str>,
    },
    /// A PEM `BEGIN` line without a matching `END` line.
    #[error("PEM block `{label}` has no END line")]
    PemUnterminated {
        /// The label of the BEGIN line.
        label: Box<str>,
    },
    /// The labels of a PEM block's `BEGIN` and `END` lines differ.
    #[error("PEM BEGIN label `{begin}` does not match END label `{end}`")]
    PemLabelMismatch {
        /// Label of the BEGIN line.
        begin: Box<str>,
        /// Label of the END line.
        end: Box<str>,
    },
    /// No PEM block was found where one is required.
    #[error("no PEM block found")]
    PemNotFound,
    /// Malformed DER or BER.
    #[error("malformed DER/BER: {detail}")]
    Der {
        /// Description of the ASN.1 error.
        detail: Box<str>,
    },
    /// A CMS/PKCS#7 content type other than the one this decoder reads.
    #[error("unsupported content type {oid} (expected {expected})")]
    UnexpectedContentType {
        /// The object identifier found, in dotted form.
        oid: Box<str>,
        /// The content type that was expected.
        expected: &'static str,
    },
    /// Bytes after the end of a complete structure.
    #[error("trailing data after the end of the structure")]
    TrailingData,
    /// Invalid JSON.
    #[error("invalid JSON: {detail}")]
    Json {
        /// Parser message (without the input text).
        detail: Box<str>,
    },
    /// Invalid JavaScript variable declarations.
    #[error("invalid JavaScript declaration: {detail}")]
    JavaScript {
        /// What was expected at this position.
        detail: &'static str,
    },
    /// An invalid or unsupported ZIP archive.
    #[error("invalid ZIP archive: {detail}")]
    Zip {
        /// Description of the problem.
        detail: Box<str>,
    },
    /// A certificate that cannot be parsed as X.509.
    #[error("invalid X.509 certificate: {detail}")]
    Certificate {
        /// Description of the problem.
        detail: Box<str>,
    },
    /// Input whose format could not be recognised.
    #[error("unrecognised content, expected {expected}")]
    UnrecognisedFormat {
        /// The formats that were tried.
        expected: &'static str,
    },
    /// A resource limit was exceeded.
    #[error("limit exceeded: {limit} is at most {max}")]
    LimitExceeded {
        /// Which limit.
        limit: Limit,
        /// The configured maximum.
        max: usize,
    },
}

/// One outer layer that a nested payload was found in (see [`DecodeError::context`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    format: Format,
    offset: Option<usize>,
    field: Option<Box<str>>,
}

impl Frame {
    /// The format of the outer layer.
    pub fn format(&self) -> Format {
        self.format
    }
    /// Byte offset of the nested payload inside the outer layer's input, if known.
    pub fn offset(&self) -> Option<usize> {
        self.offset
    }
    /// The field of the outer layer that held the payload, if any.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }
}

impl fmt::Display for Frame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.format)?;
        if let Some(field) = &self.field {
            write!(f, " field `{field}`")?;
        }
        if let Some(offset) = self.offset {
            write!(f, " at byte {offset}")?;
        }
        Ok(())
    }
}

/// A decoding failure: what went wrong ([`DecodeErrorKind`]), in which format, where, and in
/// which field.
///
/// ```
/// use sectigo_codec::{DecodeErrorKind, Format};
/// let err = sectigo_codec::wire::lines::decode(b"x\nmessage").unwrap_err();
/// assert_eq!(err.format(), Format::Newline);
/// assert_eq!(err.kind(), &DecodeErrorKind::InvalidInteger);
/// assert_eq!(err.line(), Some(1));
/// assert_eq!(err.offset(), Some(0));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    format: Format,
    kind: DecodeErrorKind,
    offset: Option<usize>,
    line: Option<usize>,
    field: Option<Box<str>>,
    context: Vec<Frame>,
}

impl DecodeError {
    /// A new error of `kind` in `format`, without a location yet.
    pub fn new(format: Format, kind: DecodeErrorKind) -> Self {
        Self {
            format,
            kind,
            offset: None,
            line: None,
            field: None,
            context: Vec::new(),
        }
    }

    /// Sets the byte offset (into the input of this layer).
    #[must_use]
    pub fn at(mut self, offset: usize) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Sets the 1-based line number.
    #[must_use]
    pub fn on_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// Sets the field (wire name) the error concerns.
    #[must_use]
    pub fn in_field(mut self, field: impl Into<Box<str>>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// Records that this error happened inside a payload found in an outer layer: `format`,
    /// at byte `offset` of that layer's input, in `field`.
    ///
    /// Call it from the inside out; [`context`](Self::context) lists the innermost frame
    /// first.
    #[must_use]
    pub fn within(mut self, format: Format, offset: Option<usize>, field: Option<&str>) -> Self {
        self.context.push(Frame {
            format,
            offset,
            field: field.map(Into::into),
        });
        self
    }

    /// Adds `by` to the offset of the outermost layer (the last [`Frame`] of the context, or
    /// the error itself when it has none), for a caller that handed a decoder a slice starting
    /// `by` bytes into its own input.
    #[must_use]
    pub fn shifted_outermost(mut self, by: usize) -> Self {
        let offset = match self.context.last_mut() {
            Some(frame) => &mut frame.offset,
            None => &mut self.offset,
        };
        if let Some(o) = offset {
            *o = o.saturating_add(by);
        }
        self
    }

    /// The format whose decoder failed.
    pub fn format(&self) -> Format {
        self.format
    }

    /// What went wrong.
    pub fn kind(&self) -> &DecodeErrorKind {
        &self.kind
    }

    /// Byte offset of the problem in the input of the failing layer, if known.
    pub fn offset(&self) -> Option<usize> {
        self.offset
    }

    /// 1-based line number of the problem, for line-oriented formats.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The field (wire name) the problem concerns, if any.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// The outer layers the failing payload was nested in, innermost first.
    pub fn context(&self) -> &[Frame] {
        &self.context
    }

    /// `true` when the error is a [`DecodeErrorKind::LimitExceeded`].
    pub fn is_limit(&self) -> bool {
        matches!(self.kind, DecodeErrorKind::LimitExceeded { .. })
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.format, self.kind)?;
        if let Some(field) = &self.field {
            write!(f, " in field `{field}`")?;
        }
        match (self.offset, self.line) {
            (Some(offset), Some(line)) => write!(f, " at byte {offset} (line {line})")?,
            (Some(offset), None) => write!(f, " at byte {offset}")?,
            (None, Some(line)) => write!(f, " on line {line}")?,
            (None, None) => {}
        }
        for frame in &self.context {
            write!(f, ", inside {frame}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.kind)
    }
}

/// A recoverable deviation from the format that the decoder tolerated.
///
/// The decoded value is still complete and lossless (for example, an invalid `%` escape is
/// kept as literal text); the warning tells the caller that the input was not what the
/// format specifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WarningKind {
    /// A `%` not followed by two hexadecimal digits (the documentation's `%2*`); kept literally.
    InvalidPercentEscape,
    /// Percent escapes that decode to invalid UTF-8; the value keeps the undecoded text.
    NonUtf8PercentEscape,
    /// A raw space (or other character that should have been percent-encoded) in a form body.
    UnencodedCharacter,
    /// Trailing whitespace or newline after the last field of a form body; ignored.
    TrailingWhitespace,
    /// Blank lines or stray whitespace around lines of a newline-delimited body; ignored.
    StrayWhitespace,
    /// Carriage returns (CRLF line ends); accepted.
    CarriageReturn,
    /// JSON written as a Python/JavaScript literal (single quotes); accepted.
    NonStandardJson,
    /// Spaces inside base64 text, restored to `+` (a `+` decoded as a space on the way).
    SpaceInBase64,
    /// Base64 padding missing or URL-safe alphabet; accepted.
    NonCanonicalBase64,
    /// PEM armour with spaces inside the dashes or a wrong number of dashes; accepted.
    MalformedPemArmour,
    /// Text outside the recognised structure (before or after the PEM blocks, ...); ignored.
    SurroundingText,
    /// BER encoding (indefinite lengths) where DER was expected; accepted.
    BerEncoding,
    /// The same certificate appeared more than once; duplicates removed.
    DuplicateCertificate,
    /// Certificates that do not link into one chain by issuer and subject.
    DisconnectedChain,
    /// The body is in another format than the request asked for (an early error answered
    /// in the endpoint's default format, say); it was read in the format it has.
    UnexpectedFormat,
    /// A known field whose value has an undocumented shape (a status-detail value that is
    /// not an integer, ...); kept as an unknown field.
    UnexpectedValue,
}

impl WarningKind {
    /// A short lower-case description.
    pub const fn description(self) -> &'static str {
        match self {
            Self::InvalidPercentEscape => "invalid percent escape kept literally",
            Self::NonUtf8PercentEscape => {
                "percent escapes decode to invalid UTF-8; undecoded text kept"
            }
            Self::UnencodedCharacter => "character that should have been percent-encoded",
            Self::TrailingWhitespace => "trailing whitespace ignored",
            Self::StrayWhitespace => "stray whitespace or blank lines ignored",
            Self::CarriageReturn => "CRLF line endings",
            Self::NonStandardJson => "non-standard JSON (single quotes) accepted",
            Self::SpaceInBase64 => "spaces in base64 restored to `+`",
            Self::NonCanonicalBase64 => "non-canonical base64 accepted",
            Self::MalformedPemArmour => "malformed PEM armour accepted",
            Self::SurroundingText => "text around the structure ignored",
            Self::BerEncoding => "BER (indefinite-length) encoding accepted",
            Self::DuplicateCertificate => "duplicate certificate removed",
            Self::DisconnectedChain => "certificates do not form one chain",
            Self::UnexpectedFormat => "body format differs from the requested one",
            Self::UnexpectedValue => "value of an undocumented shape kept as an unknown field",
        }
    }
}

impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

/// A tolerated deviation, with the format and position where it was seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    format: Format,
    kind: WarningKind,
    offset: Option<usize>,
    field: Option<Box<str>>,
}

impl Warning {
    /// A new warning of `kind` in `format`.
    pub fn new(format: Format, kind: WarningKind) -> Self {
        Self {
            format,
            kind,
            offset: None,
            field: None,
        }
    }

    /// Sets the byte offset (into the input of the layer that saw it).
    #[must_use]
    pub fn at(mut self, offset: usize) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Sets the field (wire name) the warning concerns.
    #[must_use]
    pub fn in_field(mut self, field: impl Into<Box<str>>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// The format in which the deviation was seen.
    pub fn format(&self) -> Format {
        self.format
    }

    /// What was tolerated.
    pub fn kind(&self) -> WarningKind {
        self.kind
    }

    /// Byte offset into the input of that layer, if known.
    pub fn offset(&self) -> Option<usize> {
        self.offset
    }

    /// The field (wire name), if any.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.format, self.kind)?;
        if let Some(field) = &self.field {
            write!(f, " in field `{field}`")?;
        }
        if let Some(offset) = self.offset {
            write!(f, " at byte {offset}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_format_kind_field_and_position() {
        let err = DecodeError::new(
            Format::Base64,
            DecodeErrorKind::InvalidBase64 {
                detail: "invalid character '!'".into(),
            },
        )
        .at(57)
        .within(Format::FormUrlEncoded, Some(1234), Some("caCertificate"));
        assert_eq!(
            err.to_string(),
            "base64: invalid base64: invalid character '!' at byte 57, inside url-encoded form \
             field `caCertificate` at byte 1234"
        );
        let err = DecodeError::new(Format::Newline, DecodeErrorKind::InvalidInteger)
            .at(4)
            .on_line(2)
            .in_field("orderNumber");
        assert_eq!(
            err.to_string(),
            "newline-delimited text: invalid integer in field `orderNumber` at byte 4 (line 2)"
        );
    }

    #[test]
    fn limit_error_reports_limit_and_maximum() {
        let err = DecodeError::new(
            Format::Pem,
            DecodeErrorKind::LimitExceeded {
                limit: Limit::PemBlocks,
                max: 64,
            },
        );
        assert!(err.is_limit());
        assert_eq!(
            err.to_string(),
            "PEM: limit exceeded: number of PEM blocks is at most 64"
        );
    }
}
