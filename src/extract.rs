//! TODO placeholder: extract
