//! TODO placeholder: codec/pem
