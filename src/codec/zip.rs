//! TODO placeholder: codec/zip
