#!/bin/sh
# ctest driver of the portal's browser test (label e2e): installs
# playwright-core from the committed lock file when node_modules is missing,
# then runs portal.test.mjs with Debian's Chromium. When node or Chromium
# is not installed: tests/skip.sh (ctest: skipped; CI: failed).
#   env: PHP_BINARY, NHANLUC_PHP_EXTENSION (absolute path of nhanluc.so),
#        NHANLUC_E2E_OUT (screenshots), CHROMIUM (default /usr/bin/chromium)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}

if ! command -v node >/dev/null 2>&1; then
  exec sh "$here/../skip.sh" "node is not installed (Debian: apt-get install nodejs npm)"
fi
if [ ! -x "$chromium" ]; then
  exec sh "$here/../skip.sh" "$chromium is not installed (Debian: apt-get install chromium)"
fi
if [ ! -f "$here/node_modules/playwright-core/package.json" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    exec sh "$here/../skip.sh" "npm is not installed (Debian: apt-get install npm)"
  fi
  (cd "$here" && npm ci --no-audit --no-fund)
fi
export CHROMIUM="$chromium"
exec node --test "$here/portal.test.mjs"
