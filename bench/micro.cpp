// Google Benchmark micro-benchmarks of the loader, the scorer and the
// robustness kernel, on the shipped 2016 data. Speed lives here, never in
// the test suite. Run: build/bench/bench/bench_micro
#include <benchmark/benchmark.h>

#include "ecoscore/analyze/random.hpp"
#include "ecoscore/analyze/ranking.hpp"

#include "ecoscore/analyze/robustness.hpp"
#include "ecoscore/load/workspace.hpp"
#include "ecoscore/score/score.hpp"

namespace {

using namespace ecoscore;

load::LoadOptions options_2016() {
  load::LoadOptions o;
  o.rubric_file = ECOSCORE_SOURCE_DIR "/rubrics/winwin-ecosystem-2016.yaml";
  o.rubric_dirs = {};
  o.threads = 1;
  return o;
}

void LoadShipped2016(benchmark::State& state) {
  for (auto _ : state) {
    auto ws = load::load_workspace({ECOSCORE_SOURCE_DIR "/companies/2016"}, options_2016());
    benchmark::DoNotOptimize(ws.companies.size());
  }
}
BENCHMARK(LoadShipped2016)->Unit(benchmark::kMillisecond);

void ScoreShipped2016(benchmark::State& state) {
  const auto ws = load::load_workspace({ECOSCORE_SOURCE_DIR "/companies/2016"}, options_2016());
  for (auto _ : state) {
    auto run = score::score_run(*ws.rubric_given(), ws.companies, ws.pairs, {});
    benchmark::DoNotOptimize(run.scored_count);
  }
}
BENCHMARK(ScoreShipped2016)->Unit(benchmark::kMicrosecond);

void Robustness2016(benchmark::State& state) {
  const auto ws = load::load_workspace({ECOSCORE_SOURCE_DIR "/companies/2016"}, options_2016());
  const auto run = score::score_run(*ws.rubric_given(), ws.companies, ws.pairs, {});
  analyze::RobustnessOptions o;
  o.samples = static_cast<std::uint64_t>(state.range(0));
  o.threads = 1;
  for (auto _ : state) {
    auto r = analyze::rank_robustness(run, o);
    benchmark::DoNotOptimize(r.firms.size());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(Robustness2016)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace

// Ranking one sample's totals, the heart of the robustness kernel.
void RankTotals(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  ecoscore::analyze::Random rng(1, 0);
  std::vector<double> totals(n);
  // Bell-shaped, as totals of many ratings are.
  for (auto& t : totals) t = 50.0 + 8.0 * rng.normal();
  std::vector<std::uint32_t> ranks(n);
  ecoscore::analyze::Ranker ranker;
  for (auto _ : state) {
    ranker.rank(totals, ranks);
    benchmark::DoNotOptimize(ranks.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(RankTotals)->Arg(30)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
