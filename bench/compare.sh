#!/usr/bin/env bash
# Measures ecoscore against what analysts use today (docs/performance.md):
#   1. scoring N company files: ecoscore vs PyYAML's C loader + numpy, and vs
#      a bare yaml-cpp event-API parse of the same files on the same threads;
#   2. scoring the same firms from one ratings CSV: ecoscore vs pandas;
#   3. rank robustness: ecoscore vs vectorised numpy.
# Builds a Release binary with the benchmarks in build/bench, generates the
# data there (fixed seed), and prints interleaved medians, ratios and peak
# RSS (bench/run_bench.py), then hyperfine's view of target 1.
# Usage: bench/compare.sh [FIRMS]   (default 100000; ROUNDS=5 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
ecoscore_install_deps "${ecoscore_packages[@]}" hyperfine python3-numpy python3-pandas python3-yaml libbenchmark-dev time
firms=${1:-100000}
rounds=${ROUNDS:-5}
py=/usr/bin/python3   # Debian's, which has python3-yaml (with libyaml), numpy and pandas
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DECOSCORE_BUILD_TESTS=OFF -DECOSCORE_BUILD_BENCH=ON \
  > build/bench-configure.log
cmake --build build/bench > build/bench-build.log
bin=build/bench/src/ecoscore
data=build/bench/data/$firms
[ -f "$data/ratings.csv" ] || $py bench/generate.py "$data" --firms "$firms"
small=build/bench/data/1000
[ -f "$small/ratings.csv" ] || $py bench/generate.py "$small" --firms 1000
threads=$(nproc)
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(uname -srm)"
echo "ecoscore $("$bin" --version | head -1); $rounds rounds, interleaved"

echo "1. $firms company files (YAML) to scores.json"
$py bench/run_bench.py "$rounds" \
  "ecoscore=$bin score -q --rubric $data/rubric.yaml --format json $data/companies" \
  "python (CSafeLoader + numpy)=$py bench/baseline/score_yaml.py $data/rubric.yaml $data/companies" \
  "bare yaml-cpp event parse, $threads threads=build/bench/bench/bare_parse $data/companies $threads"

echo "2. $firms firms from one ratings CSV to scores.json"
$py bench/run_bench.py "$rounds" \
  "ecoscore=$bin score -q --rubric $data/rubric.yaml --format json $data/ratings.csv" \
  "python (pandas)=$py bench/baseline/score_csv.py $data/rubric.yaml $data/ratings.csv"

echo "3. rank robustness, 100000 weight samples over 1000 firms (4 dimensions)"
"$bin" score -q --lang en --rubric "$small/rubric.yaml" --format csv "$small/companies" > "$small/scores.csv"
$py bench/run_bench.py "$rounds" \
  "ecoscore=$bin robustness -q --rubric $small/rubric.yaml --samples 100000 --format json $small/companies" \
  "python (numpy)=$py bench/baseline/robustness.py $small/scores.csv 100000"
echo "3b. 10000 samples over the 30 firms of 2016 (the everyday case)"
"$bin" score -q --lang en --rubric rubrics/winwin-ecosystem-2016.yaml --format csv companies/2016 > build/bench/scores-2016.csv
$py bench/run_bench.py "$rounds" \
  "ecoscore=$bin robustness -q --rubric rubrics/winwin-ecosystem-2016.yaml --samples 10000 --format json companies/2016" \
  "python (numpy)=$py bench/baseline/robustness.py build/bench/scores-2016.csv 10000"

echo "hyperfine, target 1:"
hyperfine --style basic --warmup 1 --runs "$rounds" \
  "$bin score -q --rubric $data/rubric.yaml --format json $data/companies > /dev/null" \
  "$py bench/baseline/score_yaml.py $data/rubric.yaml $data/companies > /dev/null"
