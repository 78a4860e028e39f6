#!/usr/bin/env bash
# End to end in Debian's Chromium: installer → extension → caselog-host → SQLite → CLI and history
# view (tests/e2e/browser-to-host.test.mjs). Uses the binaries stage 10 built in $CASELOG_BUILD.
# Writes "PASSED FAILED" to $CASELOG_RESULTS/50-e2e. Screenshots: tests/artifacts/screenshots/.
set -uo pipefail
cd "$CASELOG_ROOT" || exit 1
name=$(basename "$0" .sh)
fail() {
  echo "$name: $*" >&2
  echo "0 1" >"$CASELOG_RESULTS/$name"
  exit 1
}

[ -x /usr/bin/chromium ] || fail "no /usr/bin/chromium (installer/deps.sh --ci installs it)"
for bin in caselog caselog-host; do
  [ -x "$CASELOG_BUILD/native-host/$bin" ] || fail "no $CASELOG_BUILD/native-host/$bin (stage 10 builds it)"
done
# playwright-core from the lock file; offline works once the npm cache has it. Never a browser download.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund --prefer-offline) || fail "npm ci in tests/e2e failed"
fi
if [ -f extension/package-lock.json ] && [ ! -d extension/node_modules ]; then
  (cd extension && npm ci --no-audit --no-fund --prefer-offline) || fail "npm ci in extension failed"
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
node --test --test-reporter=tap --test-concurrency=1 tests/e2e/browser-to-host.test.mjs 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
# Count the steps (the nested tests), not the one suite around them.
passed=$(grep -cE '^    ok [0-9]+ ' "$log")
failed=$(grep -cE '^    not ok [0-9]+ ' "$log")
[ "$rc" = 0 ] || [ "$failed" -gt 0 ] || failed=1
echo "$passed $failed" >"$CASELOG_RESULTS/$name"
[ "$rc" = 0 ] && [ "$failed" = 0 ]
