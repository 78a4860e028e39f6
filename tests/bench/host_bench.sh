#!/usr/bin/env bash
# Host benchmarks (not part of tests/run.sh): builds Release with -DCASELOG_BENCH=ON in build/bench
# and prints the table of host_bench (capture ack latency, cold start, RSS) beside its floors.
# Usage: tests/bench/host_bench.sh [--runs N] [--starts N] [--search-db PATH]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/tests/bench/build.sh"
bench_build host_bench
exec "$build/tests/bench/host_bench" "$@"
