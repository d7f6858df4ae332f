//! The text formats of response bodies: URL-encoded forms, newline-delimited lines, the
//! `X_Y_` indexed keys, JSON and JavaScript variable declarations.
//!
//! Each submodule is a pure function from bytes to ordered pieces. Nothing here knows about
//! endpoints; the typed layer above picks the format and the field names.

pub mod form;
pub mod indexed;
pub mod js;
pub mod json;
pub mod lines;
