#![no_main]
// The check and its invariants: tests/fuzz_checks/roundtrip.rs, `roundtrip_pem`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| sectigo_codec_fuzz::roundtrip::roundtrip_pem(data));
