#![no_main]
// The check and its invariants: tests/fuzz_checks/names.rs, `parse_product_list`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| sectigo_codec_fuzz::names::parse_product_list(data));
