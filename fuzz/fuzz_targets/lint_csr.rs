#![no_main]
// The check and its invariants: tests/fuzz_checks/csr.rs, `lint_csr`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| sectigo_codec_fuzz::csr::lint_csr(data));
