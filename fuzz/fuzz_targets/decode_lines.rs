#![no_main]
// The check and its invariants: tests/fuzz_checks/wire.rs, `decode_lines`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| sectigo_codec_fuzz::wire::decode_lines(data));
