//! TODO placeholder: wire/indexed
