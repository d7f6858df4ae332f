//! TODO placeholder: codec/base64
