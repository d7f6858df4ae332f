#!/usr/bin/env bash
# Fuzz smoke run (CI) and campaigns: builds every target once with `cargo +nightly fuzz build`
# and runs each for N seconds (default 20) from its committed corpus and dictionary, two
# targets at a time (one per core), each a single libFuzzer job.
#
#   fuzz/smoke.sh [SECONDS]
#
# Without a nightly toolchain it prints "skipped: no nightly toolchain" and exits 0. With
# nightly but without cargo-fuzz it installs cargo-fuzz (`cargo +nightly install cargo-fuzz
# --locked`). It exits non-zero when a target crashes (a panic, a failed invariant, a leak,
# a timeout of more than 10 s on one input, or more than 2 GiB of memory); the crash input is
# kept in $FUZZ_ARTIFACTS (default: a temporary directory) and printed as base64, ready for
# testdata/fuzz-regressions/<target>/ (see fuzz/README.md). For each target it prints
# libFuzzer's final status line (executions, coverage, features, corpus, exec/s, memory).
#
# Environment (all optional):
#   FUZZ_SANITIZER  none (default) or address (the campaigns)
#   FUZZ_JOBS       targets run at the same time (default 2)
#   FUZZ_TARGETS    the targets to run, separated by spaces (default: all)
#   FUZZ_CORPUS     where new corpus entries go, one directory per target (default: a
#                   temporary directory, deleted at the end); never fuzz/corpus/, which is
#                   only read, so the work tree stays clean
#   FUZZ_ARTIFACTS  where crash inputs go (default: a temporary directory, kept)
#   FUZZ_LOGS       where each target's libFuzzer log is kept (default: temporary, deleted)
#   FUZZ_BIN        a directory of already built target binaries: skip the build
#   FUZZ_ARGS       more libFuzzer arguments for every target (e.g. "-max_len=4096")
#   FUZZ_ARGS_<target>  more libFuzzer arguments for one target
#
# The binaries are run directly (what `cargo fuzz run` does after building), so that the two
# runs in parallel never wait on cargo's build lock and nothing is rebuilt between targets.
# Budget on 2 cores: the build (about 4 minutes of CPU from cold, seconds when warm) plus
# ceil(targets / 2) x N seconds; fuzz/README.md has the measured figures.
set -euo pipefail
cd "$(dirname "$0")"
fuzz_dir=$(pwd)
seconds=${1:-20}
jobs=${FUZZ_JOBS:-2}

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "fuzz smoke: skipped: no nightly toolchain"
  exit 0
fi

# Without AddressSanitizer by default: the library forbids `unsafe`, the build takes half as
# long and the targets run 3-10 times faster. The campaigns of FUZZING.md use ASan
# (FUZZ_SANITIZER=address).
sanitizer=${FUZZ_SANITIZER:-none}
if [ -n "${FUZZ_BIN:-}" ]; then
  bin=$FUZZ_BIN
  echo "fuzz smoke: using the binaries in $bin"
else
  if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "fuzz smoke: installing cargo-fuzz"
    cargo +nightly install cargo-fuzz --locked
  fi
  echo "fuzz smoke: building $(cargo +nightly fuzz list | wc -w) targets (sanitizer: $sanitizer)"
  start=$(date +%s)
  cargo +nightly fuzz build --sanitizer "$sanitizer"
  echo "fuzz smoke: built in $(($(date +%s) - start)) s"
  triple=$(rustup run nightly rustc -vV | sed -n 's/^host: //p')
  bin=$fuzz_dir/target/$triple/release
fi
targets=${FUZZ_TARGETS:-$(sed -n 's/^name = "\(.*\)"$/\1/p' Cargo.toml | grep -v '^sectigo-codec-fuzz$')}

work=$(mktemp -d)
artifacts=${FUZZ_ARTIFACTS:-$work/artifacts}
corpus=${FUZZ_CORPUS:-$work/corpus}
logs=${FUZZ_LOGS:-$work/logs}
mkdir -p "$artifacts" "$corpus" "$logs"
trap 'rm -rf "$work/corpus" "$work/logs"' EXIT

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
    parse_response | parse_notification) echo response ;;
    lint_csr) echo csr ;;
    roundtrip_request) echo request ;;
    *) echo "" ;;
  esac
}

# run TARGET: one libFuzzer run; the exit status is the fuzzer's.
run() {
  local target=$1
  mkdir -p "$corpus/$target" "$artifacts/$target"
  local args=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
    -artifact_prefix="$artifacts/$target/")
  local dict
  dict=$(dict_of "$target")
  if [ -n "$dict" ]; then
    args+=(-dict="$fuzz_dir/dicts/$dict.dict")
  fi
  local own=FUZZ_ARGS_$target
  # shellcheck disable=SC2206 # FUZZ_ARGS is a list of words
  args+=(${FUZZ_ARGS:-} ${!own:-})
  "$bin/$target" "${args[@]}" "$corpus/$target" "$fuzz_dir/corpus/$target" \
    >"$logs/$target.log" 2>&1
}

# report TARGET STATUS: one line per target (libFuzzer's last status line), or the log's
# tail and the crash inputs in base64.
report() {
  local target=$1 status=$2 log=$logs/$1.log
  if [ "$status" -eq 0 ]; then
    echo "fuzz smoke: $target ok ($seconds s) $(grep -E '^#[0-9]+' "$log" | tail -1)"
    return 0
  fi
  echo "fuzz smoke: $target FAILED (exit $status); last lines of its log:"
  tail -40 "$log"
  for crash in "$artifacts/$target"/*; do
    [ -f "$crash" ] || continue
    echo "crash input $crash (base64):"
    base64 -w 76 "$crash"
  done
  return 1
}

# Run `jobs` targets at a time; report each as it finishes.
declare -A running=()
failed=()
wait_one() {
  local pid status=0
  wait -n -p pid "${!running[@]}" || status=$?
  local target=${running[$pid]}
  unset "running[$pid]"
  report "$target" "$status" || failed+=("$target")
}
for target in $targets; do
  while [ ${#running[@]} -ge "$jobs" ]; do wait_one; done
  run "$target" &
  running[$!]=$target
done
while [ ${#running[@]} -gt 0 ]; do wait_one; done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz smoke: ${#failed[@]} target(s) crashed: ${failed[*]}"
  exit 1
fi
echo "fuzz smoke: all targets ran ${seconds} s without a crash"
