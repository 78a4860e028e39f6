#!/usr/bin/env bash
# Extension: npm ci in extension/ (skipped when node_modules already matches the lockfile,
# so it works offline once installed), the node:test unit suites (parsers, background
# logic, build), web-ext lint on the Firefox variant (must have zero errors; warnings are
# printed), the Playwright smoke test in Debian's Chromium (/usr/bin/chromium; never
# a downloaded browser) and, when Debian's firefox-esr is installed, a headless run of the
# Firefox variant. Writes "PASSED FAILED" to $CASELOG_RESULTS/20-extension.
set -uo pipefail
root=${CASELOG_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
results=${CASELOG_RESULTS:-$(mktemp -d)}
stage=$(basename "$0" .sh)
ext=$root/extension
passed=0 failed=0

finish() {
  echo "extension: $passed passed, $failed failed"
  echo "$passed $failed" > "$results/$stage"
  [ "$failed" = 0 ] && [ "$passed" -gt 0 ]
  exit $?
}

# Adds the "# pass N" / "# fail N" summary of a node --test run (TAP) to the counts.
count_node_run() {
  local log=$1 rc=$2 p f
  p=$(grep -E '^# pass [0-9]+' "$log" | tail -1 | awk '{print $3}')
  f=$(grep -E '^# fail [0-9]+' "$log" | tail -1 | awk '{print $3}')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  if [ "$rc" != 0 ] && [ "${f:-0}" = 0 ]; then failed=$((failed + 1)); fi
}

cd "$ext" || exit 1
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "extension: node_modules up to date with package-lock.json"
elif ! npm ci --prefer-offline --no-audit --no-fund; then
  echo "extension: npm ci failed" >&2
  failed=$((failed + 1))
  finish
fi

log=$(mktemp)
trap 'rm -f "$log" "$log.details"' EXIT

# The real binaries from stage 10, when built: the contract test and the smoke test use them.
if [ -n "${CASELOG_BUILD:-}" ]; then
  [ -z "${CASELOG_CLI_BIN:-}" ] && [ -x "$CASELOG_BUILD/native-host/caselog" ] && export CASELOG_CLI_BIN=$CASELOG_BUILD/native-host/caselog
  [ -z "${CASELOG_HOST_BIN:-}" ] && [ -x "$CASELOG_BUILD/native-host/caselog-host" ] && export CASELOG_HOST_BIN=$CASELOG_BUILD/native-host/caselog-host
fi

echo "--- unit tests (node:test + jsdom)"
node --test --test-reporter=tap "$root"/tests/extension/*.test.mjs > "$log" 2>&1
rc=$?
grep -E '^(not ok|# (tests|pass|fail))' "$log"
[ $rc = 0 ] || grep -A30 '^not ok' "$log" | head -120
count_node_run "$log" $rc

echo "--- web-ext lint (Firefox variant)"
node tools/build.mjs || { failed=$((failed + 1)); finish; }
if npx --no-install web-ext lint --source-dir dist/firefox --output json > "$log" 2>/dev/null ||
   [ -s "$log" ]; then
  summary=$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const k of ["errors", "warnings", "notices"]) for (const m of r[k]) console.error(`  ${k.slice(0, -1)}: ${m.code} ${m.file ?? ""}: ${m.message}`);
    console.log(`${r.summary.errors} ${r.summary.warnings} ${r.summary.notices}`);' "$log" 2> "$log.details")
  cat "$log.details"
  read -r lint_errors lint_warnings lint_notices <<<"$summary"
  echo "web-ext lint: ${lint_errors:-?} errors, ${lint_warnings:-?} warnings, ${lint_notices:-?} notices"
  if [ "${lint_errors:-1}" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
else
  echo "extension: web-ext lint did not run" >&2
  failed=$((failed + 1))
fi

echo "--- browser tests (Playwright + ${CASELOG_CHROMIUM:-/usr/bin/chromium}; firefox-esr if installed)"
echo "host: ${CASELOG_HOST_BIN:-fake host (tests/extension/browser/fake-host.mjs)}"
if [ ! -x "${CASELOG_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "extension: no Chromium at ${CASELOG_CHROMIUM:-/usr/bin/chromium} (installer/deps.sh --ci installs Debian's)" >&2
  failed=$((failed + 1))
  finish
fi
node --test --test-reporter=tap --test-timeout=120000 "$root"/tests/extension/browser/*.test.mjs > "$log" 2>&1
rc=$?
grep -E '^(ok|not ok|# (tests|pass|fail))' "$log"
[ $rc = 0 ] || grep -A30 '^not ok' "$log" | head -120
count_node_run "$log" $rc
echo "screenshots: $root/tests/artifacts/screenshots/"
finish
