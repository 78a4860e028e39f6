#!/usr/bin/env bash
# The history view in Debian's Chromium (tests/e2e/history-view.mjs): dashboard, case pages (a long
# subject, a 20 KB reply, a Japanese case, hostile markup), search and trends at laptop and phone
# widths, keyboard shortcuts, no CSP violations. Uses the `caselog` binary stage 10 built in
# $CASELOG_BUILD. Screenshots: tests/artifacts/screenshots/. Writes "PASSED FAILED".
set -uo pipefail
cd "$CASELOG_ROOT" || exit 1
name=$(basename "$0" .sh)
fail() {
  echo "$name: $*" >&2
  echo "0 1" >"$CASELOG_RESULTS/$name"
  exit 1
}

[ -x /usr/bin/chromium ] || fail "no /usr/bin/chromium (installer/deps.sh --ci installs it)"
export CASELOG_CLI_BIN=$CASELOG_BUILD/native-host/caselog
[ -x "$CASELOG_CLI_BIN" ] || fail "no $CASELOG_CLI_BIN (stage 10 builds it)"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1  # never a browser download: /usr/bin/chromium
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund --prefer-offline) || fail "npm ci in tests/e2e failed"
fi
# The sanitizer build is slow to start and leak reports on SIGTERM are not test failures here.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}

log=$(mktemp)
trap 'rm -f "$log"' EXIT
node --test --test-reporter=tap --test-concurrency=1 tests/e2e/history-view.mjs 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
passed=$(grep -cE '^    ok [0-9]+ ' "$log")
failed=$(grep -cE '^    not ok [0-9]+ ' "$log")
[ "$rc" = 0 ] || [ "$failed" -gt 0 ] || failed=1
echo "$passed $failed" >"$CASELOG_RESULTS/$name"
[ "$rc" = 0 ] && [ "$failed" = 0 ]
