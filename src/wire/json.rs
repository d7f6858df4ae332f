//! TODO placeholder: wire/json
