#!/bin/sh
# Instructions per iteration of each workload of benches/profile.rs, measured with
# callgrind (deterministic, unlike wall-clock time on a shared machine).
#
#   benches/callgrind.sh [workload ...]      # default: every workload
#
# Each workload runs 1 and 1+N times; the difference divided by N is the cost of one
# iteration without process start-up. Set N (default 10) to change the repeat count,
# KEEP=dir to keep the callgrind output files (for callgrind_annotate).
set -eu
cd "$(dirname "$0")/.."
N=${N:-10}
bin=$(cargo bench --bench profile --no-run --message-format=json 2>/dev/null |
    sed -n 's/.*"executable":"\([^"]*profile[^"]*\)".*/\1/p' | tail -n 1)
[ -x "$bin" ] || { echo "could not build benches/profile.rs" >&2; exit 1; }
out=${KEEP:-$(mktemp -d)}
mkdir -p "$out"
[ $# -gt 0 ] || set -- $("$bin")
instructions() { # workload count
    valgrind --tool=callgrind --callgrind-out-file="$out/$1.$2.out" "$bin" "$1" "$2" \
        >/dev/null 2>"$out/$1.$2.log"
    sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$out/$1.$2.out"
}
printf '%-28s %14s\n' workload instructions/iter
for w in "$@"; do
    one=$(instructions "$w" 1)
    many=$(instructions "$w" $((N + 1)))
    printf '%-28s %14d\n' "$w" $(((many - one) / N))
done
[ -n "${KEEP:-}" ] || rm -rf "$out"
