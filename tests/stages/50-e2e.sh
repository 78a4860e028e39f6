#!/usr/bin/env bash
# End to end in Debian's Chromium: installer → extension → caselog-host → SQLite → CLI and history
# view (tests/e2e/browser-to-host.test.mjs). Uses the binaries stage 10 built in $CASELOG_BUILD.
# Writes "PASSED FAILED" to $CASELOG_RESULTS/50-e2e. Screenshots: tests/artifacts/screenshots/.
set -uo pipefail
cd "$CASELOG_ROOT" || exit 1
. tests/e2e/stage.sh

prepare_browser
for bin in caselog caselog-host; do
  [ -x "$CASELOG_BUILD/native-host/$bin" ] || fail "no $CASELOG_BUILD/native-host/$bin (stage 10 builds it)"
done
if [ -f extension/package-lock.json ] && [ ! -d extension/node_modules ]; then
  (cd extension && npm ci --no-audit --no-fund --prefer-offline) || fail "npm ci in extension failed"
fi

run_browser_tests tests/e2e/browser-to-host.test.mjs
