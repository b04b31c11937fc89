#!/usr/bin/env bash
# Installs the Debian packages ecoscore needs, when some are missing.
# As root it runs apt-get; otherwise it prints the exact command and fails.
# Quiet when everything is already there. Sourced by run.sh and test.sh.
set -euo pipefail

ecoscore_packages=(
  g++ cmake ninja-build python3
  libyaml-cpp-dev libspdlog-dev libfmt-dev libboost-program-options-dev
  nlohmann-json3-dev libssl-dev libgtest-dev libutf8proc-dev libxlsxwriter-dev help2man
)

# What the tests need besides: a real browser for the HTML report check,
# locale sources for the determinism check (built into a temporary folder,
# the system's locales are left alone), clang with libFuzzer for fuzzing,
# Debian's jsonschema for the schema-versus-loader check, and dpkg-dev so that
# cpack fills in the .deb's dependencies.
ecoscore_test_packages=(chromium fonts-noto-cjk poppler-utils locales clang libclang-rt-14-dev
  python3-jsonschema python3-yaml dpkg-dev)

ecoscore_install_deps() {
  local missing=()
  local p
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "ecoscore needs these Debian packages. Install them with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
  echo "Installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Configures (once) and builds a CMake preset, showing the build log only
# when something fails.
ecoscore_build() {
  local preset=$1
  local dir="build/$preset"
  mkdir -p "$dir"
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake --preset "$preset" >"$dir/configure.log" 2>&1 || { cat "$dir/configure.log" >&2; return 1; }
  fi
  cmake --build --preset "$preset" >"$dir/build.log" 2>&1 || { cat "$dir/build.log" >&2; return 1; }
}
