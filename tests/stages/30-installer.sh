#!/usr/bin/env bash
# Installer: every row of installer/browsers.tsv, status, repair and uninstall, against a temp HOME
# (tests/installer/*.test.mjs, node's test runner). Writes "PASSED FAILED" to $CASELOG_RESULTS/30-installer.
set -uo pipefail
cd "$CASELOG_ROOT" || exit 1
name=$(basename "$0" .sh)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

syntax=0
for script in installer/install.sh installer/deps.sh installer/package-extension.sh installer/lib/registry.sh; do
  [ -f "$script" ] || continue
  bash -n "$script" || { echo "syntax error in $script"; syntax=1; }
done

node --test --test-reporter=tap tests/installer/ 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$log" | tail -1)
failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$log" | tail -1)
failed=$(( ${failed:-1} + syntax ))
echo "${passed:-0} $failed" >"$CASELOG_RESULTS/$name"
[ "$rc" = 0 ] && [ "$failed" = 0 ]
