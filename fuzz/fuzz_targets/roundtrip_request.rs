#![no_main]
// The check and its invariants: tests/fuzz_checks/requests.rs, `roundtrip_request`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| sectigo_codec_fuzz::requests::roundtrip_request(data));
