#!/bin/sh
# Builds libnhanluc, its bindings and its tests twice and runs the whole
# ctest suite in each, then the PHP suite under valgrind:
#   build-asan      -DNHANLUC_SANITIZE=ON  AddressSanitizer + UndefinedBehaviorSanitizer
#                                          (+ LeakSanitizer), every finding fatal;
#                                          C, Python and PHP tests
#   build-tsan      -DNHANLUC_TSAN=ON      ThreadSanitizer; C and Python tests
#   build-valgrind  scripts/php-valgrind.sh: every PHPUnit file under
#                   valgrind memcheck, USE_ZEND_ALLOC=0
# Exits non-zero if a build fails, a test fails, or any sanitizer or
# valgrind report appears (even from a test that exited 0).
#
#   scripts/sanitize.sh [asan] [tsan] [valgrind]      (default: all three)
#
# Environment:
#   NHANLUC_SANITIZE_PREFIX    build directory prefix (default: build, giving
#                              build-asan, build-tsan and build-valgrind)
#   NHANLUC_SANITIZE_BINDINGS  OFF to leave the Python and PHP bindings out of
#                              the sanitizer builds (default: ON; their ctest
#                              entries preload the runtime: docs/hardening.md,
#                              "Bindings under the sanitizers")
#   CC                         compiler (default: cc; gcc and clang both work)
#   CTEST_PARALLEL_LEVEL       ctest -j (default: number of CPUs)
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
prefix=${NHANLUC_SANITIZE_PREFIX:-$root/build}
case $prefix in /*) ;; *) prefix=$root/$prefix ;; esac
bindings=${NHANLUC_SANITIZE_BINDINGS:-ON}
jobs=$(nproc 2>/dev/null || echo 2)
kinds=${*:-asan tsan valgrind}

# Same options as cmake/NhanlucSanitize.cmake gives its own tests, for every
# test (and every child process a test starts). Values already set win.
: "${ASAN_OPTIONS:=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1}"
: "${UBSAN_OPTIONS:=print_stacktrace=1:halt_on_error=1}"
: "${TSAN_OPTIONS:=halt_on_error=1:second_deadlock_stack=1}"
export ASAN_OPTIONS UBSAN_OPTIONS TSAN_OPTIONS

# What a sanitizer prints when it finds something.
reports='ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:|WARNING: ThreadSanitizer|ThreadSanitizer: reported|SUMMARY: (Address|Leak|Thread|UndefinedBehavior)Sanitizer'

status=0
for kind in $kinds; do
  case $kind in
    asan) option=-DNHANLUC_SANITIZE=ON ;;
    tsan) option=-DNHANLUC_TSAN=ON ;;
    valgrind)
      echo "== valgrind: $prefix-valgrind"
      "$root/scripts/php-valgrind.sh" "$prefix-valgrind" || status=1
      continue ;;
    *) echo "unknown kind \"$kind\" (asan, tsan or valgrind)" >&2; exit 2 ;;
  esac
  build=$prefix-$kind
  echo "== $kind: $build"
  start=$(date +%s)
  cmake -S "$root" -B "$build" "$option" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DNHANLUC_TESTS=ON -DNHANLUC_PYTHON="$bindings" -DNHANLUC_PHP="$bindings" >/dev/null
  cmake --build "$build" -j"$jobs"
  # ctest keeps every test's full output, passing or not, in LastTest.log.
  log=$build/Testing/Temporary/LastTest.log
  rm -f "$log"
  # valgrind cannot run sanitized binaries; the tests' CMakeLists leave those
  # out of sanitizer builds, -LE is a second guard.
  if ! ctest --test-dir "$build" --output-on-failure -j"${CTEST_PARALLEL_LEVEL:-$jobs}" \
      -LE valgrind --timeout 900; then
    echo "$kind: ctest failed" >&2
    status=1
  fi
  if grep -E -q "$reports" "$log"; then
    echo "$kind: sanitizer reports in $log:" >&2
    grep -E -n "$reports" "$log" | head -n 40 >&2
    status=1
  fi
  echo "== $kind: $(($(date +%s) - start)) s"
done
[ "$status" -eq 0 ] && echo "sanitize: no findings ($kinds)"
exit "$status"
