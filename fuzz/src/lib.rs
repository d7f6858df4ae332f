//! The checks behind the fuzz targets. They live in the main crate's `tests/fuzz_checks/`,
//! so that `tests/fuzz_regressions.rs` replays crash inputs and corpora through the same
//! code on stable; this crate only includes them.

#[path = "../../tests/fuzz_checks/mod.rs"]
mod checks;

pub use checks::*;
