//! TODO placeholder: wire/form
