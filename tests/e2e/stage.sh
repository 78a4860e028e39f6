# Shared by the browser stages (tests/stages/35-history-view.sh, 50-e2e.sh); sourced, not run.
# Each stage writes "PASSED FAILED" to $CASELOG_RESULTS/<stage name>.
name=$(basename "$0" .sh)

fail() {
  echo "$name: $*" >&2
  echo "0 1" >"$CASELOG_RESULTS/$name"
  exit 1
}

# Debian's Chromium and playwright-core from tests/e2e's lock file (offline once the npm cache has
# it). Never a browser download.
prepare_browser() {
  [ -x /usr/bin/chromium ] || fail "no /usr/bin/chromium (installer/deps.sh --ci installs it)"
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  if [ ! -d tests/e2e/node_modules/playwright-core ]; then
    (cd tests/e2e && npm ci --no-audit --no-fund --prefer-offline) || fail "npm ci in tests/e2e failed"
  fi
}

# Runs one node test file and counts its steps (the nested tests), not the suite around them.
run_browser_tests() {
  local log rc passed failed
  log=$(mktemp)
  node --test --test-reporter=tap --test-concurrency=1 "$1" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  passed=$(grep -cE '^    ok [0-9]+ ' "$log")
  failed=$(grep -cE '^    not ok [0-9]+ ' "$log")
  rm -f "$log"
  [ "$rc" = 0 ] || [ "$failed" -gt 0 ] || failed=1
  echo "$passed $failed" >"$CASELOG_RESULTS/$name"
  [ "$rc" = 0 ] && [ "$failed" = 0 ]
}
