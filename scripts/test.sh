#!/usr/bin/env bash
# Every test: installs what is missing, builds with warnings as errors, and
# runs the whole suite through ctest. Usage: scripts/test.sh [ctest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
ecoscore_install_deps "${ecoscore_packages[@]}" "${ecoscore_test_packages[@]}"
ecoscore_build ci
ctest --preset ci --parallel "$(nproc)" "$@"
