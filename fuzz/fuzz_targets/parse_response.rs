#![no_main]
// The check and its invariants: tests/fuzz_checks/responses.rs, `parse_response`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| sectigo_codec_fuzz::responses::parse_response(data));
