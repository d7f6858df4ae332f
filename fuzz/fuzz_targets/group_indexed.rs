#![no_main]
// The check and its invariants: tests/fuzz_checks/wire.rs, `group_indexed`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| sectigo_codec_fuzz::wire::group_indexed(data));
