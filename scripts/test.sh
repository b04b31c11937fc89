#!/usr/bin/env bash
# Every test: installs what is missing, then
#   1. builds with warnings as errors and runs the whole suite (ctest);
#   2. builds with AddressSanitizer + UndefinedBehaviorSanitizer and runs the
#      whole suite again;
#   3. builds the libFuzzer targets (clang) and fuzzes each for
#      ECOSCORE_FUZZ_SECONDS (default 60), then replays the hostile corpus.
# ECOSCORE_QUICK=1 stops after step 1. Usage: scripts/test.sh [ctest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
ecoscore_install_deps "${ecoscore_packages[@]}" "${ecoscore_test_packages[@]}"
ecoscore_build ci
ctest --preset ci --parallel "$(nproc)" "$@"
[ "${ECOSCORE_QUICK:-0}" = 1 ] && exit 0
ecoscore_build asan
ctest --preset asan --parallel "$(nproc)" "$@"
ecoscore_build fuzz
tests/fuzz/run.sh "${ECOSCORE_FUZZ_SECONDS:-60}"
