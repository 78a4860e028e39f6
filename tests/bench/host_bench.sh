#!/usr/bin/env bash
# Host benchmarks (not part of tests/run.sh): builds Release with -DCASELOG_BENCH=ON in build/bench
# and prints the table of host_bench (capture ack latency, cold start, RSS) beside its floors.
# Usage: tests/bench/host_bench.sh [--runs N] [--starts N] [--search-db PATH]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${CASELOG_BENCH_BUILD:-$root/build/bench}
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DCASELOG_BENCH=ON >/dev/null
cmake --build "$build" --target host_bench -j"${CASELOG_JOBS:-2}" >/dev/null
exec "$build/tests/bench/host_bench" "$@"
