#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "ecoscore/score/result.hpp"

namespace ecoscore::analyze {

// How dimension weights are drawn.
//   uniform    uniformly on the simplex (no preference at all)
//   dirichlet  Dirichlet centred on the rubric's weights: alpha_d = C * w_d
//   box        each weight uniformly within +-P % of its nominal value, renormalized
enum class WeightModel { uniform, dirichlet, box };
std::string_view weight_model_name(WeightModel model);
std::optional<WeightModel> parse_weight_model(std::string_view name);

struct RobustnessOptions {
  std::uint64_t samples = 10000;
  std::uint64_t seed = 1;
  WeightModel model = WeightModel::dirichlet;
  double concentration = 50;  // dirichlet
  double spread = 20;         // box, in % of each weight (0 <= P < 100)
  int top = 5;                // top-k probability
  // Count only how often each firm ranks in the top `top`: no rank
  // acceptability, rank interval or grade probabilities, and no sort per
  // sample (a selection of the top-th total instead).
  bool top_only = false;
  unsigned threads = 0;       // 0: every core
  // Called now and then from the calling thread with the samples done.
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

struct FirmRobustness {
  const score::CompanyScore* firm = nullptr;
  int nominal_rank = 0;                     // the run's rank
  // Samples at each rank (competition ranking), over the ranks the firm
  // reached: rank_counts[k] counts rank first_rank + k, and the first and
  // last counts are not zero. Empty in top-only mode.
  int first_rank = 1;
  std::vector<std::uint32_t> rank_counts;
  std::vector<std::uint64_t> grade_counts;  // per grade band, in rubric order; empty in top-only mode
  std::uint64_t top_count = 0;              // samples with rank <= top

  // Samples at rank `rank` (1-based), zero outside the window.
  std::uint64_t at_rank(int rank) const {
    const auto k = static_cast<std::size_t>(rank - first_rank);
    return rank >= first_rank && k < rank_counts.size() ? rank_counts[k] : 0;
  }
  double mean_rank = 0;
  int interval_low = 0;   // the central 95 % of ranks: 2.5 % and 97.5 % quantiles
  int interval_high = 0;
  double nominal_share = 0;  // share of samples at the nominal rank
  bool stable = false;       // nominal_share >= 0.9
};

struct Robustness {
  RobustnessOptions options;  // as used (threads as resolved)
  model::Method method = model::Method::weighted_mean;
  std::vector<std::string> dimensions;   // rubric order
  std::vector<double> nominal_weights;   // normalized, rubric order
  std::vector<FirmRobustness> firms;     // scored firms, by nominal rank then id
  std::vector<const score::CompanyScore*> unscored;
};

inline constexpr double kStableShare = 0.9;

// Samples are drawn at most 100 000 000 times (counts are 32-bit).
inline constexpr std::uint64_t kMaxSamples = 100'000'000;

// Scores every scored firm of `run` again under `options.samples` draws of
// the dimension weights: each firm's dimension scores stay as they are; its
// total is the run's method over its applicable dimensions under the drawn
// weights, plus its adjustments, clamped to 0..100; ranks by competition
// ranking; grades by the rubric's bands (relative ones by rank), floors and
// downgrades. Sample k uses random stream k / 1024 of the seed, whatever the
// thread count, and counts are integers, so results are identical for any
// number of threads. Throws core::UsageError for the topsis method (it does
// not aggregate dimension weights) and for options out of range.
Robustness rank_robustness(const score::Run& run, const RobustnessOptions& options);

}  // namespace ecoscore::analyze
