#!/usr/bin/env bash
# Measures ecoscore against what analysts use today (docs/performance.md):
#   1. scoring N company files: ecoscore vs PyYAML's C loader + numpy, and vs
#      a bare yaml-cpp event-API parse of the same files on the same threads;
#   2. scoring the same firms from one ratings CSV: ecoscore vs pandas;
#   3. rank robustness: ecoscore vs vectorised numpy.
# Builds a Release binary with the benchmarks in build/bench, generates the
# data there (fixed seed), and prints interleaved medians, ratios and peak
# RSS (bench/run_bench.py), then hyperfine's view of target 1.
# Usage: bench/compare.sh [FIRMS]   (default 100000; ROUNDS=5 by default,
#        ROUNDS_LARGE for the 10 000-firm robustness case, default ROUNDS;
#        TARGETS="1 2 3" to run only some of the targets)
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
medium=build/bench/data/10000
# numpy needs about 3.5 minutes and 6 GB a run at 10 000 firms
rounds_large=${ROUNDS_LARGE:-$rounds}
targets=" ${TARGETS:-1 2 3} "
want() { [[ $targets == *" $1 "* ]]; }
threads=$(nproc)
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(uname -srm)"
echo "ecoscore $("$bin" --version | head -1); $rounds rounds, interleaved"

results=build/bench/results.txt
: > "$results"
bench() { $py bench/run_bench.py "$@" | tee -a "$results"; }

if want 1; then
echo "1. $firms company files (YAML) to scores.json" | tee -a "$results"
bench "$rounds" \
  "ecoscore=$bin score -q --rubric $data/rubric.yaml --format json $data/companies" \
  "python (CSafeLoader + numpy)=$py bench/baseline/score_yaml.py $data/rubric.yaml $data/companies" \
  "bare yaml-cpp event parse, $threads threads=build/bench/bench/bare_parse $data/companies $threads" \
  "goal:faster:python (CSafeLoader + numpy):2" "goal:within:bare yaml-cpp event parse, $threads threads:1.2" "goal:memory:100"
fi

if want 2; then
# pandas writes each firm's total, rank and dimension scores: what the scores
# CSV holds, so that run is held to the goal. scores.json also explains every
# indicator of every firm (about 20 KB a firm), and is shown beside it.
echo "2. $firms firms from one ratings CSV to a scores table" | tee -a "$results"
bench "$rounds" \
  "ecoscore, scores CSV=$bin score -q --rubric $data/rubric.yaml --max-file-size 1000000000 --format csv $data/ratings.csv" \
  "python (pandas)=$py bench/baseline/score_csv.py $data/rubric.yaml $data/ratings.csv" \
  "ecoscore, scores.json=$bin score -q --rubric $data/rubric.yaml --max-file-size 1000000000 --format json $data/ratings.csv" \
  "goal:faster:python (pandas):10"
fi

# Robustness: both sides read a CSV (ecoscore the ratings, which it scores
# first; numpy the dimension scores ecoscore printed).
robust() {  # DATA_DIR SCORES_CSV SAMPLES ROUNDS GOALS...
  local dir=$1 scores=$2 samples=$3 n=$4
  shift 4
  bench "$n" \
    "ecoscore=$bin robustness -q --rubric $dir/rubric.yaml --max-file-size 1000000000 --samples $samples --format json $dir/ratings.csv" \
    "python (numpy)=$py bench/baseline/robustness.py $scores $samples" "$@"
}
if want 3; then
echo "3. rank robustness, 100000 weight samples over 1000 firms (4 dimensions), full rank acceptability" | tee -a "$results"
"$bin" score -q --lang en --rubric "$small/rubric.yaml" --format csv "$small/ratings.csv" > "$small/scores.csv"
robust "$small" "$small/scores.csv" 100000 "$rounds" "goal:faster:python (numpy):8"
echo "3. top-only mode (top 5), same cohort" | tee -a "$results"
bench "$rounds" \
  "ecoscore=$bin robustness -q --rubric $small/rubric.yaml --samples 100000 --top-only --format json $small/ratings.csv" \
  "python (numpy, full)=$py bench/baseline/robustness.py $small/scores.csv 100000" \
  "python (numpy, top 5 by argpartition)=$py bench/baseline/robustness.py $small/scores.csv 100000 top" \
  "goal:faster:python (numpy, full):15"
echo "3. 100000 samples over 10000 firms ($rounds_large rounds)" | tee -a "$results"
[ -f "$medium/ratings.csv" ] || $py bench/generate.py "$medium" --firms 10000
"$bin" score -q --lang en --rubric "$medium/rubric.yaml" --max-file-size 1000000000 --format csv "$medium/ratings.csv" > "$medium/scores.csv"
robust "$medium" "$medium/scores.csv" 100000 "$rounds_large" "goal:faster:python (numpy):10" "goal:memshare:python (numpy):0.1"
echo "3. the everyday case: 10000 samples over the 30 firms of 2016" | tee -a "$results"
"$bin" score -q --lang en --rubric rubrics/winwin-ecosystem-2016.yaml --format csv companies/2016 > build/bench/scores-2016.csv
bench "$rounds" \
  "ecoscore=$bin robustness -q --rubric rubrics/winwin-ecosystem-2016.yaml --samples 10000 --format json companies/2016" \
  "python (numpy)=$py bench/baseline/robustness.py build/bench/scores-2016.csv 10000" \
  "goal:faster:python (numpy):10"
fi

if want 1; then
echo "hyperfine, target 1:"
hyperfine --style basic --warmup 1 --runs "$rounds" \
  "$bin score -q --rubric $data/rubric.yaml --format json $data/companies > /dev/null" \
  "$py bench/baseline/score_yaml.py $data/rubric.yaml $data/companies > /dev/null"
fi

echo
echo "summary ($results):"
grep "goal:" "$results"
