//! TODO placeholder: cert
