#!/usr/bin/env bash
# Runs every fuzz target of build/fuzz for a fixed time, then replays the
# hostile corpus and the fixtures through it. A crash, leak, hang (a single
# input over 10 s) or sanitizer report fails. Inputs that fail are kept in
# build/fuzz/findings/ (turn each into a file of tests/data/hostile/ with a
# golden case). Usage: tests/fuzz/run.sh [SECONDS_PER_TARGET]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
bin=build/fuzz/tests/fuzz
findings=build/fuzz/findings
mkdir -p "$findings"

# Seeds: every YAML file of the repository's data (read-only corpora).
seeds=(rubrics companies tests/data)

for target in fuzz_rubric fuzz_company fuzz_ratings_csv; do
  corpus=build/fuzz/corpus/$target
  mkdir -p "$corpus"
  echo "fuzz: $target for ${seconds}s"
  "$bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -dict=tests/fuzz/yaml.dict -artifact_prefix="$findings/$target-" -print_final_stats=1 \
    "$corpus" "${seeds[@]}" > "build/fuzz/$target.log" 2>&1 || {
      tail -40 "build/fuzz/$target.log"
      echo "fuzz: $target FAILED; the input is in $findings/" >&2
      exit 1
    }
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "build/fuzz/$target.log" | sed "s/^/  /"
  # Replay: every hostile input and fixture, once each.
  find tests/data rubrics companies -type f \( -name '*.yaml' -o -name '*.csv' \) -print0 |
    xargs -0 "$bin/$target" -runs=1 -timeout=10 > "build/fuzz/$target-replay.log" 2>&1 || {
      tail -40 "build/fuzz/$target-replay.log"
      echo "fuzz: replaying the corpus through $target FAILED" >&2
      exit 1
    }
done
echo "fuzz: no findings"
