#![no_main]
// The check and its invariants: tests/fuzz_checks/codec.rs, `decode_pem`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| sectigo_codec_fuzz::codec::decode_pem(data));
