#![no_main]
// The check and its invariants: tests/fuzz_checks/certs.rs, `certificate_from_der`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| sectigo_codec_fuzz::certs::certificate_from_der(data));
