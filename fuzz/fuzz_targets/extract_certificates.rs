#![no_main]
// The check and its invariants: tests/fuzz_checks/certs.rs, `extract_certificates`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| sectigo_codec_fuzz::certs::extract_certificates(data));
