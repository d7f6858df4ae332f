//! TODO placeholder: wire/lines
