#![no_main]
// The check and its invariants: tests/fuzz_checks/names.rs, `check_dns_name`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| sectigo_codec_fuzz::names::check_dns_name(data));
