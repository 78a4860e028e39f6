# Sourced by the benchmark scripts: builds the given targets in Release with -DCASELOG_BENCH=ON.
# Sets $build (CASELOG_BENCH_BUILD, default build/bench); jobs: CASELOG_JOBS (default 2).
build=${CASELOG_BENCH_BUILD:-$root/build/bench}
bench_build() {
  local generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DCASELOG_BENCH=ON >/dev/null
  cmake --build "$build" --target "$@" -j"${CASELOG_JOBS:-2}" >/dev/null
}
