#!/usr/bin/env bash
# The one test command: builds with ASan + UBSan and runs every suite the project has.
# Suites are the scripts in tests/stages/ (run in name order); a new suite is a new script there.
# Each stage prints its own output and writes "PASSED FAILED [SKIPPED]" to $CASELOG_RESULTS/<stage>.
# Usage: tests/run.sh [STAGE-NAME-SUBSTRING...]   (no argument: every stage)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export CASELOG_ROOT=$root
export CASELOG_BUILD=${CASELOG_BUILD:-$root/build/asan}
export CASELOG_RESULTS=$(mktemp -d)
trap 'rm -rf "$CASELOG_RESULTS"' EXIT

status=0
for stage in "$root"/tests/stages/*.sh; do
  name=$(basename "$stage" .sh)
  if [ $# -gt 0 ]; then
    want=0
    for f in "$@"; do [[ $name == *"$f"* ]] && want=1; done
    [ $want = 1 ] || continue
  fi
  echo "=== $name"
  start=$(date +%s)
  if ! bash "$stage"; then
    status=1
    echo "=== $name FAILED"
    [ -s "$CASELOG_RESULTS/$name" ] || echo "0 1" > "$CASELOG_RESULTS/$name"
  fi
  echo "=== $name took $(( $(date +%s) - start ))s"
done

passed=0 failed=0 skipped=0
for f in "$CASELOG_RESULTS"/*; do
  [ -f "$f" ] || continue
  read -r p fl sk < "$f"
  sk=${sk:-0}
  echo "  $(basename "$f"): $p passed, $fl failed$([ "$sk" -gt 0 ] && echo ", $sk skipped")"
  passed=$((passed + p)) failed=$((failed + fl)) skipped=$((skipped + sk))
done
[ $failed -gt 0 ] && status=1
echo "$passed passed, $failed failed$([ $skipped -gt 0 ] && echo ", $skipped skipped")"
exit $status
