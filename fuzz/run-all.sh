#!/bin/sh
# Builds the libFuzzer harnesses with clang (address + undefined sanitizers)
# and runs each for SECONDS (default 60), starting from a scratch copy of
# fuzz/corpus/<harness>/ and fuzz/regressions/<harness>/ (policy_parse also
# data/laocai.json and tests/hardening/documents/) so the committed corpus
# never grows. Exits non-zero if any harness finds a crash, a leak, a
# timeout or a failed invariant; the inputs are kept in
# <build>/fuzz-findings/<harness>/ with a line telling how to replay them.
#
#   fuzz/run-all.sh [SECONDS]
#
# Environment:
#   NHANLUC_FUZZ_BUILD  build directory (default: build-fuzz)
#   NHANLUC_FUZZ_JOBS   harnesses run at the same time (default: 1)
#   CLANG               the clang to use (default: clang)
#   FUZZ_ARGS           extra libFuzzer flags, e.g. "-max_len=4096"
set -eu

secs=${1:-60}
case $secs in '' | *[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
build=${NHANLUC_FUZZ_BUILD:-$root/build-fuzz}
case $build in /*) ;; *) build=$root/$build ;; esac
jobs=${NHANLUC_FUZZ_JOBS:-1}
clang=${CLANG:-clang}
harnesses="policy_parse date rules"

cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER="$clang" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DNHANLUC_FUZZ=ON -DNHANLUC_TESTS=OFF -DNHANLUC_PYTHON=OFF -DNHANLUC_PHP=OFF >/dev/null
targets=""
for h in $harnesses; do targets="$targets fuzz_$h"; done
# shellcheck disable=SC2086
cmake --build "$build" -j"$(nproc 2>/dev/null || echo 2)" --target $targets

scratch=$(mktemp -d "${TMPDIR:-/tmp}/nhanluc-fuzz.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
findings=$build/fuzz-findings

# Called as `run_one h || status=1`, where set -e does not apply: every
# step checks its own failure.
run_one() {
  h=$1
  work=$scratch/$h
  mkdir -p "$work/corpus" "$work/artifacts" || return 1
  # Seeds: the corpus and every past finding (hidden files skipped); the
  # parser also gets the built-in policy and the bad documents of the
  # hardening tests, read where they live.
  seeds="$root/fuzz/corpus/fuzz_$h $root/fuzz/regressions/fuzz_$h"
  [ "$h" = policy_parse ] && seeds="$seeds $root/tests/hardening/documents"
  for dir in $seeds; do
    [ -d "$dir" ] || continue
    find "$dir" -maxdepth 1 -type f ! -name '.*' ! -name 'README.md' \
      -exec cp {} "$work/corpus/" \; || return 1
  done
  if [ "$h" = policy_parse ]; then
    cp "$root/data/laocai.json" "$work/corpus/laocai.json" || return 1
  fi
  if [ -z "$(ls -A "$work/corpus")" ]; then
    echo "fuzz_$h: no seeds in $seeds" >&2
    return 1
  fi
  dict=""
  [ "$h" = policy_parse ] && dict="-dict=$root/fuzz/policy.dict"
  set +e
  # shellcheck disable=SC2086
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1} \
  UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    "$build/fuzz/fuzz_$h" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/" $dict ${FUZZ_ARGS:-} \
    "$work/corpus" >"$work/log" 2>&1
  rc=$?
  set -e
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$work/log" | tail -n 1)
  execs=$(grep -E '^stat::number_of_executed_units' "$work/log" | awk '{print $2}')
  echo "fuzz_$h: exit $rc; ${done_line:-no DONE line}; executions ${execs:-?}"
  if [ -z "$done_line" ] && [ "$rc" -eq 0 ]; then
    echo "fuzz_$h: libFuzzer did not report a finished run" >&2
    tail -n 20 "$work/log" >&2
    return 1
  fi
  if [ "$rc" -ne 0 ] || [ -n "$(ls -A "$work/artifacts")" ]; then
    mkdir -p "$findings/$h"
    cp "$work/artifacts/"* "$findings/$h/" 2>/dev/null || true
    cp "$work/log" "$findings/$h/log.txt"
    echo "fuzz_$h: FINDING; log and inputs in $findings/$h/" >&2
    tail -n 40 "$work/log" >&2
    echo "replay: $build/fuzz/fuzz_$h $findings/$h/<input>, then add it to" \
         "fuzz/regressions/fuzz_$h/ (replayed by ctest fuzz_replay)" >&2
    return 1
  fi
  return 0
}

status=0
if [ "$jobs" -le 1 ]; then
  for h in $harnesses; do run_one "$h" || status=1; done
else
  pids=""
  for h in $harnesses; do
    (run_one "$h") >"$scratch/$h.out" 2>&1 &
    pids="$pids $!"
  done
  for pid in $pids; do wait "$pid" || status=1; done
  for h in $harnesses; do cat "$scratch/$h.out"; done
fi
[ "$status" -eq 0 ] && echo "fuzz: no findings in ${secs}s per harness"
exit "$status"
