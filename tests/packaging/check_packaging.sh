#!/usr/bin/env bash
# Installing and packaging work: cmake --install puts every file where the
# GNU directories say and the installed binary runs with the installed
# rubrics; find_package(ecoscore) works for another project; bash completion
# completes commands and options; cpack -G DEB builds a package whose
# dependencies dpkg-shlibdeps filled in, and the binary extracted from it runs.
# Usage: check_packaging.sh BUILD_DIR REPO_ROOT
set -euo pipefail
build=$(realpath "$1") repo=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" > "$work/install.log"
for f in bin/ecoscore share/man/man1/ecoscore.1 share/bash-completion/completions/ecoscore \
         share/ecoscore/schemas/company.schema.json share/ecoscore/rubrics/winwin-ecosystem-2016.yaml \
         lib/cmake/ecoscore/ecoscoreConfig.cmake lib/cmake/ecoscore/ecoscoreConfigVersion.cmake \
         lib/libecoscore.a include/ecoscore/score/score.hpp include/ecoscore/core/version.hpp; do
  [ -e "$prefix/$f" ] || fail "cmake --install did not put $f"
done
grep -q '^\.SS robustness' "$prefix/share/man/man1/ecoscore.1" || fail "the man page lacks the robustness command"
echo "installed: binary, man page, completion, schemas, rubrics, library, headers, package config"

out=$(cd "$repo" && "$prefix/bin/ecoscore" validate -q --rubric-dir "$prefix/share/ecoscore/rubrics" companies/2016)
[[ $out == "31 files valid" ]] || fail "the installed binary with the installed rubrics said: $out"
echo "installed binary: $out"

cmake -S "$repo/tests/consumer" -B "$work/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" > "$work/consumer.log" 2>&1 ||
  { cat "$work/consumer.log"; fail "find_package(ecoscore) failed"; }
cmake --build "$work/consumer" >> "$work/consumer.log" 2>&1 || { cat "$work/consumer.log"; fail "the consumer did not build"; }
out=$("$work/consumer/consumer" "$repo/rubrics/winwin-ecosystem-2016.yaml" "$repo/companies/2016")
[[ $out == "ecoscore 0.2.0: first hanbit-electronics" ]] || fail "the consumer printed: $out"
echo "consumer: $out"

complete_words() {
  PATH="$prefix/bin:$PATH" bash -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _ecoscore; echo "${COMPREPLY[*]}"' _ \
    "$prefix/share/bash-completion/completions/ecoscore" "$@"
}
[[ $(complete_words ecoscore rob) == robustness ]] || fail "completing 'rob' gave: $(complete_words ecoscore rob)"
[[ $(complete_words ecoscore robustness --sam) == --samples ]] || fail "completing '--sam' gave: $(complete_words ecoscore robustness --sam)"
[[ $(complete_words ecoscore --lang k) == ko ]] || fail "completing '--lang k' gave: $(complete_words ecoscore --lang k)"
echo "completion: commands, options and --lang values"

(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/deb" > "$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log"; fail "cpack -G DEB failed"; }
deb=$(ls "$work"/deb/*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
[[ $depends == *libyaml-cpp* && $depends == *libc6* ]] || fail "the package's Depends were not filled in: '$depends'"
dpkg -x "$deb" "$work/root"
version=$("$work/root/usr/bin/ecoscore" --version | head -1)
[[ $version == "ecoscore 0.2.0"* ]] || fail "the packaged binary said: $version"
[ -f "$work/root/usr/share/ecoscore/rubrics/winwin-ecosystem-2016.yaml" ] || fail "the package lacks the rubrics"
echo "deb: $(basename "$deb"), Depends: $depends"
echo "deb: the extracted binary runs: $version"
