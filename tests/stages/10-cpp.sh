#!/usr/bin/env bash
# C++: configure and build with sanitizers, run every GoogleTest suite through ctest.
set -uo pipefail
cd "$CASELOG_ROOT"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S . -B "$CASELOG_BUILD" "${generator[@]}" "${launcher[@]}" -DCMAKE_BUILD_TYPE=Debug \
  -DCASELOG_SANITIZE=ON -DCASELOG_TESTS=ON >/dev/null || exit 1
cmake --build "$CASELOG_BUILD" -j"$(nproc)" || exit 1
log=$(mktemp)
ctest --test-dir "$CASELOG_BUILD" --output-on-failure -j"$(nproc)" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1)
total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line")
failed=$(sed -E 's/.* ([0-9]+) tests? failed.*/\1/' <<<"$line")
# A test that skipped itself (GTEST_SKIP: no user namespaces for the full-disk tests, say) is
# counted apart, so that the summary shows it did not run.
skipped=$(grep -c '(Skipped)$' "$log")
echo "$(( ${total:-0} - ${failed:-0} - skipped )) ${failed:-1} $skipped" > "$CASELOG_RESULTS/$(basename "$0" .sh)"
rm -f "$log"
exit "$rc"
