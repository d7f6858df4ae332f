//! TODO placeholder: codec/pkcs7
