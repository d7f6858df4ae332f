//! TODO placeholder: wire/js
