#!/usr/bin/env bash
# The history view in Debian's Chromium (tests/e2e/history-view.mjs): dashboard, case pages (a long
# subject, a 20 KB reply, a Japanese case, hostile markup), search and trends at laptop and phone
# widths, keyboard shortcuts, no CSP violations. Uses the `caselog` binary stage 10 built in
# $CASELOG_BUILD. Screenshots: tests/artifacts/screenshots/. Writes "PASSED FAILED".
set -uo pipefail
cd "$CASELOG_ROOT" || exit 1
. tests/e2e/stage.sh

prepare_browser
export CASELOG_CLI_BIN=$CASELOG_BUILD/native-host/caselog
[ -x "$CASELOG_CLI_BIN" ] || fail "no $CASELOG_CLI_BIN (stage 10 builds it)"
# The sanitizer build is slow to start and leak reports on SIGTERM are not test failures here.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
run_browser_tests tests/e2e/history-view.mjs
