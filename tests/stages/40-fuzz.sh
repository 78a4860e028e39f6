#!/usr/bin/env bash
# Fuzzing: builds the libFuzzer targets (tests/fuzz/) with clang, ASan and UBSan in their own build
# dir and runs each for a bounded time from the seed corpus. A clean run counts as passed; a
# crash, sanitizer report or failed check counts as failed and leaves the input in the log.
# Without clang: skipped with a message ("0 0").
set -uo pipefail
cd "$CASELOG_ROOT"
stage=$(basename "$0" .sh)
results="$CASELOG_RESULTS/$stage"
seconds=${CASELOG_FUZZ_SECONDS:-20}

probe='extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }'
if ! command -v clang++ >/dev/null || ! echo "$probe" | clang++ -x c++ -fsanitize=fuzzer -o /dev/null - 2>/dev/null; then
  echo "fuzz: clang++ with libFuzzer not found (apt-get install clang libclang-rt-14-dev); skipped"
  echo "0 0" > "$results"
  exit 0
fi

# Build type "Fuzz" has no flags of its own: only the -O1 and line tables below.
build=${CASELOG_FUZZ_BUILD:-$CASELOG_ROOT/build/fuzz}
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$build" "${generator[@]}" "${launcher[@]}" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Fuzz \
  -DCASELOG_SANITIZE=ON -DCASELOG_FUZZ=ON -DCASELOG_TESTS=ON \
  "-DCMAKE_CXX_FLAGS=-O1 -gline-tables-only -fsanitize=fuzzer-no-link" >/dev/null || {
  echo "0 1" > "$results"; exit 1; }
cmake --build "$build" --target fuzz_codec fuzz_dispatcher -j"$(nproc)" || { echo "0 1" > "$results"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
passed=0 failed=0
for target in codec dispatcher; do
  corpus="$work/$target"
  mkdir -p "$corpus"  # new inputs go here, never into the repo's seed corpus
  dict=()
  [ -f "tests/fuzz/$target.dict" ] && dict=(-dict="$CASELOG_ROOT/tests/fuzz/$target.dict")
  echo "fuzz_$target: ${seconds}s"
  if (cd "$work" && TMPDIR="$work" "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 "${dict[@]}" "$corpus" \
        "$CASELOG_ROOT/tests/fuzz/corpus/$target") > "$work/$target.log" 2>&1; then
    passed=$((passed + 1))
    grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$work/$target.log" | tail -2
  else
    failed=$((failed + 1))
    echo "fuzz_$target FAILED:"
    tail -60 "$work/$target.log"
  fi
done
echo "$passed $failed" > "$results"
[ "$failed" = 0 ]
