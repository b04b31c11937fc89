#include "ecoscore/analyze/robustness.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <thread>

#include "ecoscore/analyze/random.hpp"
#include "ecoscore/core/error.hpp"

namespace ecoscore::analyze {
namespace {

constexpr std::uint64_t kBlock = 1024;  // samples per random stream

std::size_t grade_index(const model::Rubric& rubric, const std::string& id) {
  for (std::size_t g = 0; g < rubric.grades.bands.size(); ++g)
    if (rubric.grades.bands[g].id == id) return g;
  return rubric.grades.bands.size() - 1;
}

// What stays fixed across samples, in contiguous arrays.
struct Cohort {
  std::size_t n = 0;  // firms
  std::size_t d = 0;  // dimensions
  std::vector<double> scores;      // n * d; 0 where the dimension does not apply
  std::vector<double> log_scores;  // n * d; for the geometric mean
  std::vector<unsigned char> applies;  // n * d
  std::vector<unsigned char> has_zero; // n: an applicable dimension scores 0 (geometric: total base 0)
  std::vector<double> net;         // n: bonus - penalty
  std::vector<std::size_t> cap;    // n: the best grade index floors and downgrades allow
};

// Per thread: the counts it adds up, and its scratch space.
struct Tally {
  std::vector<std::uint64_t> ranks;   // n * n
  std::vector<std::uint64_t> grades;  // n * g
  std::vector<std::uint64_t> top;     // n
  std::vector<double> weights, totals;
  std::vector<std::uint32_t> order;
  std::vector<int> rank;
};

class Sampler {
 public:
  Sampler(const score::Run& run, const RobustnessOptions& options, const Cohort& cohort,
          const std::vector<double>& nominal)
      : run_(run), options_(options), cohort_(cohort), nominal_(nominal) {
    alpha_.resize(nominal.size());
    for (std::size_t k = 0; k < nominal.size(); ++k) alpha_[k] = options.concentration * nominal[k];
  }

  void prepare(Tally& t) const {
    const std::size_t n = cohort_.n;
    t.ranks.assign(n * n, 0);
    t.grades.assign(n * run_.rubric->grades.bands.size(), 0);
    t.top.assign(n, 0);
    t.weights.resize(cohort_.d);
    t.totals.resize(n);
    t.order.resize(n);
    t.rank.resize(n);
  }

  void run_block(std::uint64_t block, Tally& t) const {
    Random rng(options_.seed, block);
    const std::uint64_t first = block * kBlock;
    const std::uint64_t last = std::min(first + kBlock, options_.samples);
    for (std::uint64_t k = first; k < last; ++k) one_sample(rng, t);
  }

 private:
  void draw(Random& rng, std::vector<double>& w) const {
    switch (options_.model) {
      case WeightModel::uniform: uniform_simplex(rng, w); return;
      case WeightModel::dirichlet: dirichlet(rng, alpha_, w); return;
      case WeightModel::box: {
        const double s = options_.spread / 100.0;
        double sum = 0;
        for (std::size_t k = 0; k < w.size(); ++k) {
          w[k] = nominal_[k] * (1.0 + s * (2.0 * rng.uniform() - 1.0));
          sum += w[k];
        }
        for (double& v : w) v /= sum;
        return;
      }
    }
  }

  void one_sample(Random& rng, Tally& t) const {
    const std::size_t n = cohort_.n, d = cohort_.d;
    draw(rng, t.weights);
    const bool geometric = run_.method == model::Method::weighted_geometric;
    for (std::size_t i = 0; i < n; ++i) {
      const double* s = &cohort_.scores[i * d];
      const double* ls = &cohort_.log_scores[i * d];
      const unsigned char* a = &cohort_.applies[i * d];
      double num = 0, den = 0;
      for (std::size_t j = 0; j < d; ++j) {
        if (!a[j]) continue;
        num += t.weights[j] * (geometric ? ls[j] : s[j]);
        den += t.weights[j];
      }
      double base = num / den;
      if (geometric) base = cohort_.has_zero[i] ? 0.0 : std::exp(base);
      t.totals[i] = std::clamp(base + cohort_.net[i], 0.0, 100.0);
    }
    std::iota(t.order.begin(), t.order.end(), 0U);
    std::sort(t.order.begin(), t.order.end(), [&](std::uint32_t x, std::uint32_t y) {
      return t.totals[x] != t.totals[y] ? t.totals[x] > t.totals[y] : x < y;
    });
    const auto& bands = run_.rubric->grades.bands;
    const std::size_t g_count = bands.size();
    const bool relative = run_.rubric->grades.mode == model::GradeMode::relative;
    for (std::size_t pos = 0; pos < n; ++pos) {
      const std::uint32_t i = t.order[pos];
      const bool tie = pos > 0 && t.totals[t.order[pos - 1]] == t.totals[i];
      const int r = tie ? t.rank[t.order[pos - 1]] : static_cast<int>(pos) + 1;
      t.rank[i] = r;
      ++t.ranks[i * n + static_cast<std::size_t>(r - 1)];
      if (r <= options_.top) ++t.top[i];
      std::size_t g = g_count - 1;
      if (relative) {
        const double above = static_cast<double>(r - 1) / static_cast<double>(n);
        double cumulative = 0;
        for (std::size_t b = 0; b < g_count; ++b) {
          cumulative += bands[b].share;
          if (above < cumulative - 1e-12) {
            g = b;
            break;
          }
        }
      } else {
        for (std::size_t b = 0; b < g_count; ++b)
          if (t.totals[i] >= bands[b].min_score) {
            g = b;
            break;
          }
      }
      ++t.grades[i * g_count + std::max(g, cohort_.cap[i])];
    }
  }

  const score::Run& run_;
  const RobustnessOptions& options_;
  const Cohort& cohort_;
  const std::vector<double>& nominal_;
  std::vector<double> alpha_;
};

}  // namespace

std::string_view weight_model_name(WeightModel model) {
  switch (model) {
    case WeightModel::uniform: return "uniform";
    case WeightModel::dirichlet: return "dirichlet";
    case WeightModel::box: return "box";
  }
  return {};
}

std::optional<WeightModel> parse_weight_model(std::string_view name) {
  for (auto m : {WeightModel::uniform, WeightModel::dirichlet, WeightModel::box})
    if (weight_model_name(m) == name) return m;
  return std::nullopt;
}

Robustness rank_robustness(const score::Run& run, const RobustnessOptions& options) {
  if (run.method == model::Method::topsis)
    throw core::UsageError({core::make_error({}, core::Msg::robustness_method, {})});
  const model::Rubric& rubric = *run.rubric;
  Robustness out;
  out.options = options;
  out.method = run.method;
  double weight_sum = 0;
  for (const auto& dim : rubric.dimensions) weight_sum += dim.weight;
  for (const auto& dim : rubric.dimensions) {
    out.dimensions.push_back(dim.id);
    out.nominal_weights.push_back(dim.weight / weight_sum);
  }

  std::vector<const score::CompanyScore*> firms;
  for (const auto& c : run.companies) (c.scored() ? firms : out.unscored).push_back(&c);
  std::sort(firms.begin(), firms.end(), [](const auto* a, const auto* b) {
    return a->rank != b->rank ? a->rank < b->rank : a->company->id < b->company->id;
  });
  Cohort cohort;
  cohort.n = firms.size();
  cohort.d = rubric.dimensions.size();
  for (const auto* c : firms) {
    std::size_t cap = 0;
    bool zero = false;
    for (std::size_t j = 0; j < cohort.d; ++j) {
      const auto& ds = c->dimensions[j];
      const bool applies = ds.applies && ds.score.has_value();
      const double s = applies ? *ds.score : 0.0;
      cohort.scores.push_back(s);
      cohort.log_scores.push_back(applies && s > 0 ? std::log(s) : 0.0);
      cohort.applies.push_back(applies ? 1 : 0);
      zero = zero || (applies && s <= 0);
    }
    for (const auto& floor : rubric.grades.floors) {
      const auto* ds = c->dimension(floor.dimension);
      if (ds && ds->score && *ds->score < floor.below) cap = std::max(cap, grade_index(rubric, floor.max_grade));
    }
    for (const auto* decision : c->decisions)
      if (decision->kind == model::Decision::Kind::downgrade) cap = std::max(cap, grade_index(rubric, decision->grade));
    cohort.has_zero.push_back(zero ? 1 : 0);
    cohort.net.push_back(c->bonus - c->penalty);
    cohort.cap.push_back(cap);
  }

  const std::uint64_t blocks = (options.samples + kBlock - 1) / kBlock;
  unsigned threads = options.threads ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::uint64_t>(threads, std::max<std::uint64_t>(blocks, 1)));
  out.options.threads = threads;
  const Sampler sampler(run, options, cohort, out.nominal_weights);
  std::vector<Tally> tallies(threads);
  std::atomic<std::uint64_t> next_block{0};
  std::atomic<std::uint64_t> done{0};
  const auto work = [&](unsigned t, bool report) {
    sampler.prepare(tallies[t]);
    for (std::uint64_t b; (b = next_block.fetch_add(1)) < blocks;) {
      sampler.run_block(b, tallies[t]);
      const std::uint64_t finished = std::min(done.fetch_add(kBlock) + kBlock, options.samples);
      if (report && options.progress) options.progress(finished, options.samples);
    }
  };
  {
    std::vector<std::jthread> workers;
    for (unsigned t = 1; t < threads; ++t) workers.emplace_back(work, t, false);
    work(0, true);
  }

  // Merge in thread order (the counts are integers: any order gives the same).
  const std::size_t n = cohort.n;
  const std::size_t g_count = rubric.grades.bands.size();
  for (std::size_t i = 0; i < n; ++i) {
    FirmRobustness f;
    f.firm = firms[i];
    f.nominal_rank = firms[i]->rank;
    f.rank_counts.assign(n, 0);
    f.grade_counts.assign(g_count, 0);
    for (const auto& t : tallies) {
      for (std::size_t r = 0; r < n; ++r) f.rank_counts[r] += t.ranks[i * n + r];
      for (std::size_t g = 0; g < g_count; ++g) f.grade_counts[g] += t.grades[i * g_count + g];
      f.top_count += t.top[i];
    }
    const std::uint64_t total = options.samples;
    std::uint64_t cumulative = 0;
    double rank_sum = 0;
    for (std::size_t r = 0; r < n; ++r) {
      const std::uint64_t c = f.rank_counts[r];
      rank_sum += static_cast<double>(r + 1) * static_cast<double>(c);
      // Quantiles on exact integers: cumulative / total >= 2.5 % and 97.5 %.
      if (f.interval_low == 0 && c > 0 && (cumulative + c) * 40 >= total) f.interval_low = static_cast<int>(r + 1);
      if (f.interval_high == 0 && c > 0 && (cumulative + c) * 40 >= total * 39) f.interval_high = static_cast<int>(r + 1);
      cumulative += c;
    }
    f.mean_rank = rank_sum / static_cast<double>(total);
    const std::uint64_t at_nominal = f.rank_counts[static_cast<std::size_t>(f.nominal_rank - 1)];
    f.nominal_share = static_cast<double>(at_nominal) / static_cast<double>(total);
    f.stable = at_nominal * 10 >= total * 9;
    out.firms.push_back(std::move(f));
  }
  return out;
}

}  // namespace ecoscore::analyze
