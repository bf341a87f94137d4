#!/bin/sh
# The whole PHPUnit suite (tests/php/*Test.php) under valgrind memcheck, with
# PHP's own allocator off (USE_ZEND_ALLOC=0) so that valgrind sees every
# block; run by scripts/sanitize.sh (PHP cannot run under AddressSanitizer
# without a shim: docs/hardening.md, "Bindings under the sanitizers").
#
#   scripts/php-valgrind.sh [BUILD_DIR]
#
# BUILD_DIR is a build without sanitizers (default: build-valgrind); the
# script configures it if needed (-DNHANLUC_PHP=ON, nothing else) and builds
# the extension. One PHPUnit process per test file, CTEST_PARALLEL_LEVEL
# (default: the number of CPUs) at a time, each as ctest runs it
# (tests/php/CMakeLists.txt: the extension by path, OPcache on). Children are
# traced too, so the `php -S` portal servers PortalTest starts (the code
# that takes input from the public) are checked as well; not the `php -n -r`
# one-liners of BindingTest, one of which dies of a deliberate fatal error
# (after a fatal error PHP frees nothing).
#
# Fails when a test fails, when any process has a memory error (invalid
# read/write/free, use of uninitialised memory) or a definitely or
# indirectly lost block, or when a process left no valgrind summary.
# Suppressions: tests/php/valgrind/php.supp (PHP's own allocations only,
# each justified there; none needed so far). To keep the findings true:
#   - pcre.jit=0: memcheck cannot follow PCRE's JIT code;
#   - tests/php/valgrind/collect-cycles.php (auto_prepend_file) frees
#     PHPUnit's own reference cycles before PHP shuts down.
# Logs: BUILD_DIR/php-valgrind/ (valgrind: vg.<pid>.log, one per process;
# PHPUnit: <Name>.out).
#
# Environment: CTEST_PARALLEL_LEVEL (parallel files), PHP (default: php),
# PHPUNIT (default: phpunit), VALGRIND (default: valgrind).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-valgrind}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
php=${PHP:-php}
phpunit=$(command -v "${PHPUNIT:-phpunit}") || { echo "php-valgrind: phpunit not found" >&2; exit 2; }
valgrind=$(command -v "${VALGRIND:-valgrind}") || { echo "php-valgrind: valgrind not found" >&2; exit 2; }
jobs=${CTEST_PARALLEL_LEVEL:-$(nproc 2>/dev/null || echo 2)}
start=$(date +%s)

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNHANLUC_PHP=ON \
    -DNHANLUC_PYTHON=OFF -DNHANLUC_TESTS=OFF >/dev/null
fi
if grep -q -E '^NHANLUC_(SANITIZE|TSAN|FUZZ):BOOL=ON' "$build/CMakeCache.txt"; then
  echo "php-valgrind: $build is a sanitizer build; valgrind needs a plain one" >&2
  exit 2
fi
cmake --build "$build" --target nhanluc_php -j"$jobs" >/dev/null
ext=$(find "$build/bindings/php/ext" -maxdepth 1 -name nhanluc.so | head -n 1)
[ -n "$ext" ] || { echo "php-valgrind: no nhanluc.so in $build/bindings/php/ext" >&2; exit 2; }

out=$build/php-valgrind
rm -rf "$out"
mkdir -p "$out/ini"
# An extra ini directory after PHP's own (PHPUnit needs dom, mbstring, ...),
# read by the servers the tests start too.
scan=$("$php" -r 'echo PHP_CONFIG_FILE_SCAN_DIR;')
cat >"$out/ini/99-valgrind.ini" <<EOF
pcre.jit=0
auto_prepend_file=$root/tests/php/valgrind/collect-cycles.php
EOF

export USE_ZEND_ALLOC=0 ZEND_DONT_UNLOAD_MODULES=1
export PHP_INI_SCAN_DIR="$scan:$out/ini"
# The facts the tests expect, from the case files (tests/cases/<rule>.json),
# as the build writes them when its tests are on (tests/CMakeLists.txt).
cmake -DCASES_DIR="$root/tests/cases" -DIN="$root/tests/php/Facts.php.in" -DOUT="$out/Facts.php" \
  -DLANG=php -P "$root/cmake/facts.cmake"
export NHANLUC_PHP_EXTENSION="$ext" NHANLUC_TEST_OUT="$out" NHANLUC_SOURCE_DIR="$root" \
       NHANLUC_PHP_FACTS="$out/Facts.php"

# One test file: PHPUnit under valgrind; its exit status in <Name>.status.
export NLV_VALGRIND="$valgrind" NLV_PHP="$php" NLV_PHPUNIT="$phpunit" NLV_EXT="$ext" \
       NLV_OUT="$out" NLV_ROOT="$root"
# shellcheck disable=SC2016  # expanded by the sh -c below
run_one='
  name=$(basename "$1" Test.php)
  "$NLV_VALGRIND" --tool=memcheck --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
    --num-callers=40 --suppressions="$NLV_ROOT/tests/php/valgrind/php.supp" \
    --trace-children=yes --trace-children-skip-by-arg=-r \
    --log-file="$NLV_OUT/vg.%p.log" \
    "$NLV_PHP" -d "extension=$NLV_EXT" -d opcache.enable_cli=1 "$NLV_PHPUNIT" \
    -c "$NLV_ROOT/tests/php/phpunit.xml" "$1" >"$NLV_OUT/$name.out" 2>&1 && rc=0 || rc=$?
  echo "$rc" >"$NLV_OUT/$name.status"
'

files=$(ls "$root"/tests/php/*Test.php)
[ -n "$files" ] || { echo "php-valgrind: no tests/php/*Test.php" >&2; exit 2; }
# Longest first, so that two cores stay busy to the end.
# shellcheck disable=SC2086  # one file name a line (no spaces in tests/php)
printf '%s\n' $files | xargs -P "$jobs" -n 1 sh -c "$run_one" sh

status=0
tests=0
for f in $files; do
  name=$(basename "$f" Test.php)
  rc=$(cat "$out/$name.status" 2>/dev/null || echo missing)
  result=$(grep -E '^(OK|Tests:)' "$out/$name.out" | tail -n 1)
  n=$(printf '%s\n' "$result" | sed -n -e 's/^OK[^(]*(\([0-9]*\) tests\{0,1\}.*/\1/p' \
                                        -e 's/^Tests: \([0-9]*\),.*/\1/p')
  tests=$((tests + ${n:-0}))
  echo "php-valgrind: $name: exit $rc: $result"
  if printf '%s\n' "$result" | grep -q -E '(Skipped|Incomplete|Risky): [0-9]'; then
    echo "  a skipped, incomplete or risky test is not a pass" >&2
    status=1
  fi
  if [ "$rc" != 0 ]; then
    status=1
    [ "$rc" = 99 ] && echo "  valgrind found errors (see $out/vg.*.log)" >&2
    [ "$rc" != 99 ] && tail -n 30 "$out/$name.out" >&2
  fi
done

checked=0
skipped=0
for log in "$out"/vg.*.log; do
  [ -e "$log" ] || continue
  if ! grep -q 'ERROR SUMMARY: ' "$log" &&
     ! grep -v -q -E '^==[0-9]+== ((Memcheck|Copyright|Using Valgrind|Command|Parent PID).*)?$' "$log"; then
    # Only valgrind's preamble: a fork that then ran an untraced program
    # (--trace-children-skip-by-arg), nothing to check.
    skipped=$((skipped + 1))
    continue
  fi
  checked=$((checked + 1))
  if ! grep -q 'ERROR SUMMARY: ' "$log"; then
    echo "php-valgrind: $log: no summary (the process did not finish):" >&2
    sed -n 's/^==[0-9]*== Command: /  /p' "$log" >&2
    status=1
  elif ! grep -q 'ERROR SUMMARY: 0 errors' "$log"; then
    echo "php-valgrind: errors in $log:" >&2
    sed -n 's/^==[0-9]*== Command: /  command: /p' "$log" >&2
    grep -E 'Invalid|uninitialised|definitely lost in|indirectly lost in|ERROR SUMMARY' \
      "$log" | head -n 20 >&2
    status=1
  fi
done

echo "php-valgrind: $tests tests in $(echo "$files" | wc -w) files, $checked processes" \
  "checked ($skipped untraced), $(($(date +%s) - start)) s"
[ "$status" -eq 0 ] && echo "php-valgrind: no findings"
exit "$status"
