//! Replays, on stable, every fuzz regression input (`testdata/fuzz-regressions/<target>/`)
//! and every committed corpus file (`fuzz/corpus/<target>/`) through the check of its target
//! (`tests/fuzz_checks/`, the same code the cargo-fuzz targets run), and checks that the
//! targets, their `[[bin]]` entries, their corpora and the checks agree.

// Test code: unwrap, index and read files freely.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::print_stderr,
    missing_docs
)]
#![allow(
    clippy::disallowed_methods,
    clippy::disallowed_types,
    reason = "the replay reads the regression and corpus files"
)]

mod fuzz_checks;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn dir(relative: &str) -> PathBuf {
    Path::new(ROOT).join(relative)
}

/// Sub-directory names of `path`.
fn subdirs(path: &Path) -> BTreeSet<String> {
    std::fs::read_dir(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .map(|entry| entry.unwrap())
        .filter(|entry| entry.file_type().unwrap().is_dir())
        .map(|entry| entry.file_name().into_string().unwrap())
        .collect()
}

/// The files of `path`, sorted.
fn files(path: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

/// Runs every file of `root/<target>/` through the target's check; returns how many. Fails
/// after running them all, naming every file that failed its check.
fn replay(root: &Path) -> usize {
    let mut count = 0;
    let mut failed = Vec::new();
    for target in subdirs(root) {
        let check = fuzz_checks::check(&target)
            .unwrap_or_else(|| panic!("{}/{target}: no such fuzz target", root.display()));
        for file in files(&root.join(&target)) {
            let data = std::fs::read(&file).unwrap();
            if std::panic::catch_unwind(|| check(&data)).is_err() {
                failed.push(format!("{target}: {}", file.display()));
            }
            count += 1;
        }
    }
    assert!(
        failed.is_empty(),
        "{} input(s) fail their check:\n{}",
        failed.len(),
        failed.join("\n")
    );
    count
}

#[test]
fn regression_inputs_pass_their_checks() {
    let root = dir("testdata/fuzz-regressions");
    assert!(root.is_dir(), "{} is missing", root.display());
    let count = replay(&root);
    assert!(count > 0, "{} holds no regression input", root.display());
    eprintln!("replayed {count} regression inputs");
}

#[test]
fn committed_corpora_pass_their_checks() {
    let root = dir("fuzz/corpus");
    let count = replay(&root);
    let targets = subdirs(&root);
    for (name, _) in fuzz_checks::TARGETS {
        assert!(targets.contains(*name), "fuzz/corpus/{name} is missing");
        assert!(
            !files(&root.join(name)).is_empty(),
            "fuzz/corpus/{name} is empty"
        );
    }
    eprintln!("replayed {count} corpus files");
}

/// Every `fuzz/fuzz_targets/<name>.rs` has a check and a `[[bin]]` entry, and every check has
/// a target file.
#[test]
fn targets_checks_and_bins_agree() {
    let sources: BTreeSet<String> = files(&dir("fuzz/fuzz_targets"))
        .iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?;
            name.strip_suffix(".rs").map(str::to_owned)
        })
        .collect();
    let checks: BTreeSet<String> = fuzz_checks::TARGETS
        .iter()
        .map(|(name, _)| (*name).to_owned())
        .collect();
    assert_eq!(
        sources, checks,
        "fuzz/fuzz_targets/*.rs and fuzz_checks::TARGETS differ"
    );
    let manifest = std::fs::read_to_string(dir("fuzz/Cargo.toml")).unwrap();
    for name in &checks {
        let path = format!("path = \"fuzz_targets/{name}.rs\"");
        assert!(
            manifest.contains(&path),
            "fuzz/Cargo.toml has no [[bin]] for {name}"
        );
        let source = std::fs::read_to_string(dir(&format!("fuzz/fuzz_targets/{name}.rs"))).unwrap();
        assert!(
            source.contains(&format!("::{name}(data)")),
            "fuzz/fuzz_targets/{name}.rs does not call the check {name}"
        );
    }
}
