#!/usr/bin/env bash
# Storage benchmarks (issue 2, 10b and 10c; not part of tests/run.sh): builds Release with
# -DCASELOG_BENCH=ON and prints two tables:
#  - search_bench: p50/p99 per query class over 100,000 cases / 2,000,000 messages (1,000,000
#    Amazon replies), CaseLog's search beside the naive FTS5 query run by the sqlite3 CLI on the
#    same file. The corpus is generated once (~10 min) into /tmp/caselog-bench/search.db.
#  - import_bench: `caselog import` rows/s (in-process and as the real command) beside the sqlite3 CLI's
#    .import of the same rows into the same table, and of every row CaseLog wrote (all tables).
# Usage: tests/bench/storage_bench.sh [--cases N] [--import-cases N]
# Env: CASELOG_BENCH_BUILD (default build/bench).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cases=100000
import_cases=10000
while [ $# -gt 0 ]; do
  case $1 in
    --cases) cases=$2; shift 2 ;;
    --import-cases) import_cases=$2; shift 2 ;;
    *) echo "usage: $0 [--cases N] [--import-cases N]" >&2; exit 2 ;;
  esac
done
command -v sqlite3 >/dev/null || { echo "storage_bench: needs the sqlite3 CLI (apt-get install -y sqlite3)" >&2; exit 1; }
. "$root/tests/bench/build.sh"
bench_build search_bench import_bench caselog
"$build/tests/bench/search_bench" --cases "$cases"
echo
"$build/tests/bench/import_bench" --cases "$import_cases" --caselog "$build/native-host/caselog" 2>/dev/null
