#!/bin/sh
# Static analysis of the library sources (libnhanluc/core/*.c, libnhanluc/rules/*.c): cppcheck, then
# clang-tidy with the checks in .clang-tidy. Exits non-zero on any finding.
#
#   scripts/static-analysis.sh
#
# Environment:
#   NHANLUC_STATIC_BUILD  build directory for compile_commands.json
#                         (default: build-static; configured, not built)
#   CPPCHECK, CLANG_TIDY  the tools (default: cppcheck, clang-tidy)
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${NHANLUC_STATIC_BUILD:-$root/build-static}
case $build in /*) ;; *) build=$root/$build ;; esac
cppcheck=${CPPCHECK:-cppcheck}
clang_tidy=${CLANG_TIDY:-clang-tidy}
jobs=$(nproc 2>/dev/null || echo 2)
cd "$root"
sources=$(ls libnhanluc/core/*.c libnhanluc/rules/*.c)
status=0

# ------------------------------------------------------------------ cppcheck
# No suppressions are needed on the current code. Should one become
# necessary, add it inline (// cppcheck-suppress <id>) next to the line,
# with a comment saying why the finding is wrong there. The -D options
# select the configuration CI compiles (GCC or Clang on x86-64): without
# them cppcheck drops the x86-64 code paths and calls what they use unused.
echo "== cppcheck $("$cppcheck" --version | sed 's/^Cppcheck //')"
# shellcheck disable=SC2086
if ! "$cppcheck" --enable=warning,style,performance,portability --error-exitcode=1 \
    --std=c11 --platform=unix64 --inline-suppr --quiet -j "$jobs" \
    -I include -I libnhanluc/core -I libnhanluc/rules -D_POSIX_C_SOURCE=200809L -D__GNUC__ -D__x86_64__ -D__SIZEOF_INT128__=16 \
    --template='{file}:{line}:{column}: {severity}: {message} [{id}]' \
    $sources; then
  echo "cppcheck: findings above" >&2
  status=1
else
  echo "cppcheck: no findings"
fi

# ---------------------------------------------------------------- clang-tidy
# The checks and why some are off: .clang-tidy. One process per file, as
# run-clang-tidy does: clang 14's analyzer keeps state across the files of
# one invocation and then reports impossible paths (e.g. a va_list used
# right after va_start).
echo "== $("$clang_tidy" --version | grep -i version | head -n 1 | sed 's/^ *//')"
cmake -S "$root" -B "$build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DNHANLUC_TESTS=OFF \
  -DNHANLUC_PYTHON=OFF -DNHANLUC_PHP=OFF >/dev/null
out=$(mktemp -d "${TMPDIR:-/tmp}/nhanluc-tidy.XXXXXX")
trap 'rm -rf "$out"' EXIT INT TERM
export clang_tidy build out
# shellcheck disable=SC2016,SC2086
printf '%s\n' $sources | xargs -P "$jobs" -I{} sh -c '
  f={}; log="$out/$(basename "$f").log"
  if "$clang_tidy" -p "$build" --quiet "$f" >"$log" 2>&1; then
    rm -f "$log"
  else
    touch "$out/failed"
  fi' || true
for log in "$out"/*.log; do
  [ -e "$log" ] || continue
  grep -v -E '^[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$' "$log" || true
done
if [ -e "$out/failed" ]; then
  echo "clang-tidy: findings above" >&2
  status=1
else
  echo "clang-tidy: no findings in $(echo "$sources" | wc -w) files"
fi
exit "$status"
