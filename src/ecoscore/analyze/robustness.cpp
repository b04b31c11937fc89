#include "ecoscore/analyze/robustness.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <functional>
#include <thread>

#include "ecoscore/analyze/random.hpp"
#include "ecoscore/analyze/ranking.hpp"
#include "ecoscore/core/error.hpp"

namespace ecoscore::analyze {
namespace {

constexpr std::uint64_t kBlock = 1024;  // samples per random stream
// Samples ranked before their ranks are counted: as many as keep a batch's
// ranks within 256 KiB, about a core's second-level cache (1024 at most, 64
// at least, a power of two, so that batches never straddle a block).
// Counting reads each firm's ranks down the batch, one row apart, so they
// had better still be in cache; bigger batches were measured slower at 1 000
// firms and no faster at 10 000.
std::size_t batch_for(std::size_t firms) {
  const std::size_t fit = (std::size_t{256} << 10) / sizeof(std::uint32_t) / std::max<std::size_t>(firms, 1);
  return std::bit_floor(std::clamp<std::size_t>(fit, 64, kBlock));
}

std::size_t grade_index(const model::Rubric& rubric, const std::string& id) {
  for (std::size_t g = 0; g < rubric.grades.bands.size(); ++g)
    if (rubric.grades.bands[g].id == id) return g;
  return rubric.grades.bands.size() - 1;
}

// What stays fixed across samples, in contiguous arrays by dimension
// (column j of firm i at [j * n + i]), so that each sample's totals are a
// few passes over contiguous memory.
struct Cohort {
  std::size_t n = 0;  // firms
  std::size_t d = 0;  // dimensions
  std::vector<double> terms;    // d * n: the dimension score (geometric: its log); 0 where it does not apply
  std::vector<double> applies;  // d * n: 1 where the dimension applies, else 0
  std::vector<unsigned char> has_zero;  // n: an applicable dimension scores 0 (geometric: total base 0)
  std::vector<double> net;              // n: bonus - penalty
  std::vector<std::size_t> cap;         // n: the best grade index floors and downgrades allow
};

// The loops over firms that every sample runs: free functions over plain
// arrays, so that they vectorize. (Compiling them for AVX2 as well gained
// about 2 %, within the noise of the machines measured on.)

// Each firm's weighted mean of its applicable dimensions (geometric: of
// their logs), in dimension order; a dimension that does not apply adds
// exactly +0 to both sums. A fixed count of dimensions lets the loop over
// firms vectorize.
template <std::size_t kD>  // 0: any count
[[gnu::always_inline]] inline void weighted_totals_of(const double* __restrict terms, const double* __restrict applies,
                                                      const double* __restrict w, std::size_t n, std::size_t d,
                                                      double* __restrict out) {
  if constexpr (kD != 0) d = kD;
  for (std::size_t i = 0; i < n; ++i) {
    double num = 0, den = 0;
    for (std::size_t j = 0; j < d; ++j) {
      num += w[j] * terms[j * n + i];
      den += w[j] * applies[j * n + i];
    }
    out[i] = num / den;
  }
}

void weighted_totals(const double* terms, const double* applies, const double* w, std::size_t n, std::size_t d,
                     double* out) {
  switch (d) {
    case 1: return weighted_totals_of<1>(terms, applies, w, n, d, out);
    case 2: return weighted_totals_of<2>(terms, applies, w, n, d, out);
    case 3: return weighted_totals_of<3>(terms, applies, w, n, d, out);
    case 4: return weighted_totals_of<4>(terms, applies, w, n, d, out);
    case 5: return weighted_totals_of<5>(terms, applies, w, n, d, out);
    case 6: return weighted_totals_of<6>(terms, applies, w, n, d, out);
    case 7: return weighted_totals_of<7>(terms, applies, w, n, d, out);
    case 8: return weighted_totals_of<8>(terms, applies, w, n, d, out);
    default: return weighted_totals_of<0>(terms, applies, w, n, d, out);
  }
}

// Adds each firm's net adjustment and clamps to 0..100 (as std::clamp would).
void add_and_clamp(const double* __restrict net, std::size_t n, double* __restrict totals) {
  for (std::size_t i = 0; i < n; ++i) totals[i] = std::min(std::max(totals[i] + net[i], 0.0), 100.0);
}

// Counts the firms whose total reaches min_score; in doubles, which the
// compiler vectorizes here (integers from comparisons of doubles it does
// not), exact up to 2^53 samples.
void count_reached(const double* __restrict totals, std::size_t n, double min_score, double* __restrict reached) {
  for (std::size_t i = 0; i < n; ++i) reached[i] += totals[i] >= min_score ? 1.0 : 0.0;
}

// The ranks one firm reached, counted over a window of ranks that grows as
// needed (0-based: counts[k] is rank first + k + 1).
struct Window {
  std::size_t first = 0;
  std::vector<std::uint32_t> counts;

  // Makes the window hold [lo, hi], with some slack so that it seldom grows.
  void cover(std::size_t lo, std::size_t hi, std::size_t n) {
    const std::size_t last = first + counts.size();  // one past
    if (!counts.empty() && lo >= first && hi < last) return;
    std::size_t new_first = counts.empty() ? lo : std::min(lo, first);
    std::size_t new_last = counts.empty() ? hi + 1 : std::max(hi + 1, last);
    const std::size_t slack = (new_last - new_first) / 8 + 1;
    new_first = new_first > slack ? new_first - slack : 0;
    new_last = std::min(n, new_last + slack);
    std::vector<std::uint32_t> grown(new_last - new_first, 0);
    std::copy(counts.begin(), counts.end(), grown.begin() + static_cast<std::ptrdiff_t>(first - new_first));
    counts = std::move(grown);
    first = new_first;
  }

  void merge(const Window& other, std::size_t n) {
    if (other.counts.empty()) return;
    cover(other.first, other.first + other.counts.size() - 1, n);
    for (std::size_t k = 0; k < other.counts.size(); ++k) counts[other.first - first + k] += other.counts[k];
  }
};

// Per thread: the counts it adds up, and its scratch space.
struct Tally {
  std::vector<Window> windows;        // n (full mode)
  // Absolute grades (full mode): at_least[b * n + i] counts the samples in
  // which firm i's total reached band b's minimum, for every band but the
  // last; the bands follow from these counts and the caps at the end.
  std::vector<double> at_least;
  std::vector<std::uint64_t> top;     // n (top-only mode)
  std::vector<double> weights, totals;
  std::vector<double> best;  // top-only: the k highest totals, a min-heap
  Ranker ranker;
  std::vector<std::uint32_t> ranks;   // batch * n: 0-based rank of firm i in batch sample s at [s * n + i]
};

class Sampler {
 public:
  Sampler(const score::Run& run, const RobustnessOptions& options, const Cohort& cohort,
          const std::vector<double>& nominal)
      : run_(run), options_(options), cohort_(cohort), nominal_(nominal) {
    alpha_.resize(nominal.size());
    for (std::size_t k = 0; k < nominal.size(); ++k) alpha_[k] = options.concentration * nominal[k];
    batch_ = batch_for(cohort.n);
    const auto& grades = run.rubric->grades;
    relative_ = grades.mode == model::GradeMode::relative;
    for (const auto& band : grades.bands) min_scores_.push_back(band.min_score);
    if (relative_) {
      // A firm with r firms above it is in the first band whose cumulative
      // share exceeds r / n.
      band_of_rank_.assign(cohort.n, grades.bands.size() - 1);
      for (std::size_t r = 0; r < cohort.n; ++r) {
        const double above = static_cast<double>(r) / static_cast<double>(cohort.n);
        double cumulative = 0;
        for (std::size_t b = 0; b < grades.bands.size(); ++b) {
          cumulative += grades.bands[b].share;
          if (above < cumulative - 1e-12) {
            band_of_rank_[r] = b;
            break;
          }
        }
      }
    }
  }

  void prepare(Tally& t) const {
    const std::size_t n = cohort_.n;
    t.top.assign(n, 0);
    t.weights.resize(cohort_.d);
    t.totals.resize(n);
    if (options_.top_only) return;
    t.windows.resize(n);
    if (!relative_) t.at_least.assign((min_scores_.size() - 1) * n, 0);
    t.ranks.resize(batch_ * n);
  }

  void run_block(std::uint64_t block, Tally& t) const {
    Random rng(options_.seed, block);
    const std::uint64_t first = block * kBlock;
    const std::uint64_t last = std::min(first + kBlock, options_.samples);
    for (std::uint64_t k = first; k < last; k += batch_) {
      const std::size_t count = static_cast<std::size_t>(std::min<std::uint64_t>(batch_, last - k));
      for (std::size_t s = 0; s < count; ++s) {
        draw(rng, t.weights);
        totals(t);
        if (options_.top_only) count_top(t);
        else rank(t, &t.ranks[s * cohort_.n]);
      }
      if (!options_.top_only) count_ranks(t, count);
    }
  }

  // Counts a batch's ranks into the firms' windows, one firm at a time with
  // its window at hand (grown, seldom, when a rank falls outside it).
  void count_ranks(Tally& t, std::size_t count) const {
    const std::size_t n = cohort_.n;
    for (std::size_t i = 0; i < n; ++i) {
      Window& w = t.windows[i];
      const std::uint32_t* ranks = &t.ranks[i];
      std::uint32_t* counts = w.counts.data();
      std::size_t first = w.first, size = w.counts.size();
      for (std::size_t s = 0; s < count; ++s) {
        const std::uint32_t rank = ranks[s * n];
        const std::size_t at = rank - first;  // wraps around below the window
        if (at < size) [[likely]] {
          ++counts[at];
          continue;
        }
        w.cover(rank, rank, n);
        ++w.counts[rank - w.first];
        counts = w.counts.data();
        first = w.first;
        size = w.counts.size();
      }
    }
  }

  // Firm i's samples per grade band, from its merged window of ranks
  // (relative grades) or the threads' counts of minimums reached (absolute
  // grades); a band better than the firm's cap counts as the cap.
  std::vector<std::uint64_t> grade_counts(std::size_t i, const Window& window, const std::vector<Tally>& tallies,
                                          std::uint64_t samples) const {
    const std::size_t g_count = min_scores_.size(), n = cohort_.n;
    std::vector<std::uint64_t> raw(g_count, 0);
    if (relative_) {
      for (std::size_t k = 0; k < window.counts.size(); ++k) raw[band_of_rank_[window.first + k]] += window.counts[k];
    } else {
      // Minimums fall strictly from band to band (the loader checks), so a
      // firm that reaches band b's minimum reaches all lower ones: the samples
      // in band b are those reaching b but not b - 1; the last band takes the
      // rest.
      std::uint64_t reached_better = 0;
      for (std::size_t b = 0; b + 1 < g_count; ++b) {
        std::uint64_t reached = 0;
        for (const auto& t : tallies) reached += static_cast<std::uint64_t>(t.at_least[b * n + i]);
        raw[b] = reached - reached_better;
        reached_better = reached;
      }
      raw[g_count - 1] = samples - reached_better;
    }
    std::vector<std::uint64_t> out(g_count, 0);
    for (std::size_t g = 0; g < g_count; ++g) out[std::max(g, cohort_.cap[i])] += raw[g];
    return out;
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

  // Each firm's total under t.weights, clamped to 0..100 after adjustments.
  void totals(Tally& t) const {
    weighted_totals(cohort_.terms.data(), cohort_.applies.data(), t.weights.data(), cohort_.n, cohort_.d,
                    t.totals.data());
    double* out = t.totals.data();
    if (run_.method == model::Method::weighted_geometric)
      for (std::size_t i = 0; i < cohort_.n; ++i) out[i] = cohort_.has_zero[i] ? 0.0 : std::exp(out[i]);
    add_and_clamp(cohort_.net.data(), cohort_.n, out);
  }

  // Top-only: a firm ranks in the top k exactly when its total is at least
  // the k-th highest total (competition ranking counts only higher totals).
  // The k highest are kept in a min-heap; firms come in nominal-rank order,
  // so later ones seldom enter it.
  void count_top(Tally& t) const {
    const std::size_t n = cohort_.n;
    const auto k = static_cast<std::size_t>(options_.top);
    if (k >= n) {
      for (auto& c : t.top) ++c;
      return;
    }
    auto& best = t.best;
    best.assign(t.totals.begin(), t.totals.begin() + static_cast<std::ptrdiff_t>(k));
    std::make_heap(best.begin(), best.end(), std::greater<>());
    for (std::size_t i = k; i < n; ++i) {
      if (!(t.totals[i] > best.front())) continue;
      std::pop_heap(best.begin(), best.end(), std::greater<>());
      best.back() = t.totals[i];
      std::push_heap(best.begin(), best.end(), std::greater<>());
    }
    const double threshold = best.front();
    for (std::size_t i = 0; i < n; ++i) t.top[i] += static_cast<std::uint64_t>(t.totals[i] >= threshold);
  }

  // Ranks the sample. Top counts and relative grades follow from the ranks
  // counted, so only absolute grades need a look at the totals here: how
  // often each firm reaches each band's minimum (a loop without branches).
  void rank(Tally& t, std::uint32_t* rank_of) const {
    const std::size_t n = cohort_.n;
    t.ranker.rank(t.totals, std::span(rank_of, n));
    if (relative_) return;
    for (std::size_t b = 0; b + 1 < min_scores_.size(); ++b)
      count_reached(t.totals.data(), n, min_scores_[b], &t.at_least[b * n]);
  }

  const score::Run& run_;
  const RobustnessOptions& options_;
  const Cohort& cohort_;
  const std::vector<double>& nominal_;
  std::vector<double> alpha_;
  std::size_t batch_ = 64;
  bool relative_ = false;
  std::vector<double> min_scores_;          // absolute grades: each band's lowest total
  std::vector<std::size_t> band_of_rank_;   // relative grades: the band of each 0-based rank
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
  const bool geometric = run.method == model::Method::weighted_geometric;
  cohort.terms.assign(cohort.d * cohort.n, 0.0);
  cohort.applies.assign(cohort.d * cohort.n, 0.0);
  for (std::size_t i = 0; i < cohort.n; ++i) {
    const auto* c = firms[i];
    std::size_t cap = 0;
    bool zero = false;
    for (std::size_t j = 0; j < cohort.d; ++j) {
      const auto& ds = c->dimensions[j];
      if (!ds.applies || !ds.score) continue;
      const double s = *ds.score;
      cohort.terms[j * cohort.n + i] = geometric ? (s > 0 ? std::log(s) : 0.0) : s;
      cohort.applies[j * cohort.n + i] = 1.0;
      zero = zero || s <= 0;
    }
    for (const auto& floor : rubric.grades.floors) {
      const auto* ds = c->dimension(floor.dimension);
      if (ds && ds->score && *ds->score < floor.below) cap = std::max(cap, grade_index(rubric, floor.max_grade));
    }
    for (const auto* decision : c->decisions())
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
  for (auto& t : tallies) t.ranks = {};

  // Merge (the counts are integers: any order gives the same), then trim
  // each window to the ranks reached, so that it does not depend on how the
  // threads shared the samples.
  const std::size_t n = cohort.n;
  const std::uint64_t total = options.samples;
  const auto top = static_cast<std::size_t>(std::max(options.top, 0));
  for (std::size_t i = 0; i < n; ++i) {
    FirmRobustness f;
    f.firm = firms[i];
    f.nominal_rank = firms[i]->rank;
    if (options.top_only) {
      for (const auto& t : tallies) f.top_count += t.top[i];
    } else {
      Window window = std::move(tallies[0].windows[i]);
      for (std::size_t t = 1; t < tallies.size(); ++t) {
        window.merge(tallies[t].windows[i], n);
        tallies[t].windows[i] = Window{};
      }
      for (std::size_t k = 0; k < window.counts.size() && window.first + k < top; ++k) f.top_count += window.counts[k];
      f.grade_counts = sampler.grade_counts(i, window, tallies, total);
      std::size_t lo = 0, hi = window.counts.size();
      while (lo < hi && window.counts[lo] == 0) ++lo;
      while (hi > lo && window.counts[hi - 1] == 0) --hi;
      f.first_rank = static_cast<int>(window.first + lo) + 1;
      f.rank_counts.assign(window.counts.begin() + static_cast<std::ptrdiff_t>(lo),
                           window.counts.begin() + static_cast<std::ptrdiff_t>(hi));
      std::uint64_t cumulative = 0;
      double rank_sum = 0;
      for (std::size_t k = 0; k < f.rank_counts.size(); ++k) {
        const std::uint64_t c = f.rank_counts[k];
        const int r = f.first_rank + static_cast<int>(k);
        rank_sum += static_cast<double>(r) * static_cast<double>(c);
        // Quantiles on exact integers: cumulative / total >= 2.5 % and 97.5 %.
        if (f.interval_low == 0 && c > 0 && (cumulative + c) * 40 >= total) f.interval_low = r;
        if (f.interval_high == 0 && c > 0 && (cumulative + c) * 40 >= total * 39) f.interval_high = r;
        cumulative += c;
      }
      f.mean_rank = rank_sum / static_cast<double>(total);
      const std::uint64_t at_nominal = f.at_rank(f.nominal_rank);
      f.nominal_share = static_cast<double>(at_nominal) / static_cast<double>(total);
      f.stable = at_nominal * 10 >= total * 9;
    }
    out.firms.push_back(std::move(f));
  }
  return out;
}

}  // namespace ecoscore::analyze
