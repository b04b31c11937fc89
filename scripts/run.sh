#!/usr/bin/env bash
# The main job: installs what is missing, builds, and checks the shipped
# 2016 evaluation. Usage: scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
ecoscore_install_deps "${ecoscore_packages[@]}"
ecoscore_build release
bin=build/release/src/ecoscore
"$bin" validate rubrics companies/2016
