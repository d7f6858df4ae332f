#!/usr/bin/env bash
# Fuzz smoke run: builds every target with `cargo +nightly fuzz build` and runs each for N
# seconds (default 20) from its committed corpus and dictionary, one at a time, one job.
#
#   fuzz/smoke.sh [SECONDS]
#
# Without a nightly toolchain it prints "skipped: no nightly toolchain" and exits 0. With
# nightly but without cargo-fuzz it installs cargo-fuzz (`cargo +nightly install cargo-fuzz
# --locked`). It exits non-zero when a target crashes (a panic, a failed invariant, a leak,
# a timeout of more than 10 s on one input, or more than 2 GiB of memory); the crash input is
# kept in $FUZZ_ARTIFACTS (default: a temporary directory) and printed as base64, ready for
# testdata/fuzz-regressions/<target>/ (see fuzz/README.md).
#
# New corpus entries go to a temporary directory ($FUZZ_CORPUS/<target> if set), never into
# fuzz/corpus/, so the work tree stays clean. Budget on 2 cores: the build (about 3-4 minutes from cold, seconds when warm)
# plus 16 targets x N seconds.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-20}

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "fuzz smoke: skipped: no nightly toolchain"
  exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz smoke: installing cargo-fuzz"
  cargo +nightly install cargo-fuzz --locked
fi

# Without AddressSanitizer by default: the library forbids `unsafe`, the build takes half as
# long (4 min of CPU instead of 8 from cold) and the targets run faster. The campaigns of
# FUZZING.md use ASan; FUZZ_SANITIZER=address does here too.
sanitizer=${FUZZ_SANITIZER:-none}
targets=$(cargo +nightly fuzz list)
echo "fuzz smoke: building $(echo "$targets" | wc -w) targets (sanitizer: $sanitizer)"
cargo +nightly fuzz build --sanitizer "$sanitizer"

work=$(mktemp -d)
artifacts=${FUZZ_ARTIFACTS:-$work/artifacts}
corpus=${FUZZ_CORPUS:-$work/corpus}
mkdir -p "$artifacts" "$corpus"
trap 'rm -rf "$work/corpus"' EXIT

# The dictionary of each target (fuzz/dicts/).
dict_of() {
  case $1 in
    decode_form | group_indexed | roundtrip_form) echo form ;;
    decode_lines) echo lines ;;
    decode_json) echo json ;;
    decode_js) echo js ;;
    decode_pem | roundtrip_pem | extract_certificates) echo pem ;;
    decode_base64) echo base64 ;;
    decode_pkcs7 | decode_netscape | certificate_from_der) echo der ;;
    decode_zip) echo zip ;;
    check_dns_name) echo names ;;
    parse_product_list) echo product ;;
    *) echo "" ;;
  esac
}

failed=()
for target in $targets; do
  mkdir -p "$corpus/$target" "$artifacts/$target"
  args=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
    -artifact_prefix="$artifacts/$target/")
  dict=$(dict_of "$target")
  if [ -n "$dict" ]; then
    args+=(-dict="dicts/$dict.dict")
  fi
  log="$work/$target.log"
  if cargo +nightly fuzz run --sanitizer "$sanitizer" "$target" "$corpus/$target" "corpus/$target" \
    -j 1 -- "${args[@]}" \
    >"$log" 2>&1; then
    # libFuzzer's last status line: executions, coverage, features, corpus, speed, memory.
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    echo "fuzz smoke: $target ok ($seconds s) $last"
  else
    echo "fuzz smoke: $target FAILED; last lines of its log:"
    tail -40 "$log"
    for crash in "$artifacts/$target"/*; do
      [ -f "$crash" ] || continue
      echo "crash input $crash (base64):"
      base64 -w 76 "$crash"
    done
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz smoke: ${#failed[@]} target(s) crashed: ${failed[*]}"
  exit 1
fi
echo "fuzz smoke: all targets ran ${seconds} s without a crash"
