//! TODO placeholder: codec/netscape
