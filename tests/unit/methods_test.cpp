// The analysis methods against published worked examples. Each test names its
// source; the expected figures are the published ones, to the digits printed.
#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <set>
#include <sstream>

#include "ecoscore/analyze/agreement.hpp"
#include "ecoscore/analyze/random.hpp"
#include "ecoscore/analyze/ranking.hpp"
#include "ecoscore/analyze/robustness.hpp"
#include "ecoscore/core/error.hpp"
#include "ecoscore/load/workspace.hpp"
#include "ecoscore/score/score.hpp"
#include "ecoscore/model/ahp.hpp"
#include "ecoscore/report/order.hpp"
#include "ecoscore/report/writers.hpp"
#include "ecoscore/score/topsis.hpp"

namespace load = ecoscore::load;
namespace model = ecoscore::model;

namespace {

std::string repo(const std::string& relative) { return std::string(ECOSCORE_SOURCE_DIR) + "/" + relative; }

// Rounds to `decimals` places, half away from zero, as the sources print.
double rounded(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(v * scale) / scale;
}

// --- AHP -------------------------------------------------------------------

// Saaty (1990), "How to make a decision: the analytic hierarchy process",
// EJOR 48: 9-26, the house example (tests/data/ahp/saaty-house.yaml):
// priorities .173 .054 .188 .018 .031 .036 .167 .333; lambda_max 9.669,
// C.I. 0.238, C.R. 0.169.
TEST(Ahp, SaatyHouseExampleEigenvector) {
  const model::Ahp ahp = load::load_ahp_file(repo("tests/data/ahp/saaty-house.yaml"), {});
  const std::vector<double> published{.173, .054, .188, .018, .031, .036, .167, .333};
  ASSERT_EQ(ahp.result.weights.size(), published.size());
  for (std::size_t i = 0; i < published.size(); ++i)
    EXPECT_DOUBLE_EQ(rounded(ahp.result.weights[i], 3), published[i]) << ahp.criteria[i];
  EXPECT_DOUBLE_EQ(rounded(ahp.result.lambda_max, 3), 9.669);
  EXPECT_DOUBLE_EQ(rounded(ahp.result.ci, 3), 0.238);
  EXPECT_DOUBLE_EQ(rounded(ahp.result.cr, 3), 0.169);
  EXPECT_DOUBLE_EQ(ahp.result.random_index, 1.41);
}

TEST(Ahp, ConsistentMatrixGivesItsRatiosByBothMethods) {
  const std::vector<double> w{0.5, 0.25, 0.125, 0.125};
  std::vector<std::vector<double>> a(4, std::vector<double>(4));
  for (std::size_t i = 0; i < 4; ++i)
    for (std::size_t j = 0; j < 4; ++j) a[i][j] = w[i] / w[j];
  for (auto method : {model::AhpMethod::eigenvector, model::AhpMethod::geometric}) {
    const model::AhpResult r = model::derive_weights(a, method);
    for (std::size_t i = 0; i < 4; ++i) EXPECT_NEAR(r.weights[i], w[i], 1e-12);
    EXPECT_NEAR(r.lambda_max, 4.0, 1e-12);
    EXPECT_NEAR(r.cr, 0.0, 1e-12);
  }
}

TEST(Ahp, GeometricMeanOfRowsIsNormalized) {
  // Rows (1, 3, 9), (1/3, 1, 3), (1/9, 1/3, 1): geometric means 3, 1, 1/3.
  const std::vector<std::vector<double>> a{{1, 3, 9}, {1.0 / 3, 1, 3}, {1.0 / 9, 1.0 / 3, 1}};
  const model::AhpResult r = model::derive_weights(a, model::AhpMethod::geometric);
  EXPECT_NEAR(r.weights[0], 9.0 / 13, 1e-12);
  EXPECT_NEAR(r.weights[1], 3.0 / 13, 1e-12);
  EXPECT_NEAR(r.weights[2], 1.0 / 13, 1e-12);
}

TEST(Ahp, SaatyRandomIndexTable) {
  EXPECT_EQ(model::random_index(1), 0.0);
  EXPECT_EQ(model::random_index(2), 0.0);
  EXPECT_EQ(model::random_index(3), 0.58);
  EXPECT_EQ(model::random_index(4), 0.90);
  EXPECT_EQ(model::random_index(10), 1.49);
  EXPECT_EQ(model::random_index(15), 1.59);
  EXPECT_FALSE(model::random_index(16).has_value());
  EXPECT_FALSE(model::random_index(0).has_value());
}

}  // namespace

// --- TOPSIS ----------------------------------------------------------------

namespace {

namespace score = ecoscore::score;

// Roszkowska, E. (2011). Multi-criteria decision making models by applying the
// TOPSIS method to crisp and interval data. Multiple Criteria Decision Making
// 6: 200-230, Example 1: five alternatives, four criteria (C2 a cost),
// weights .175 .425 .175 .225. Published separations and relative closeness.
TEST(Topsis, RoszkowskaExample1) {
  score::TopsisMatrix m;
  m.rows = 5;
  m.criteria = 4;
  m.directions = {model::Direction::benefit, model::Direction::cost, model::Direction::benefit,
                  model::Direction::benefit};
  m.values = {7, 21, 4, 7, 7, 24, 6, 4, 14, 25, 3, 8, 14, 26, 9, 3, 21, 35, 4, 4};
  for (std::size_t i = 0; i < 5; ++i)
    for (double w : {.175, .425, .175, .225}) m.weights.push_back(w);
  const score::TopsisResult r = score::topsis(m);
  const std::vector<double> plus{0.107805, 0.117942, 0.096981, 0.105379, 0.141766};
  const std::vector<double> minus{0.124281, 0.090785, 0.122181, 0.112779, 0.083486};
  const std::vector<double> closeness{0.535497, 0.434945, 0.557491, 0.516961, 0.370633};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_DOUBLE_EQ(rounded(r.to_ideal[i], 6), plus[i]) << "A" << i + 1;
    EXPECT_DOUBLE_EQ(rounded(r.to_anti_ideal[i], 6), minus[i]) << "A" << i + 1;
    EXPECT_DOUBLE_EQ(rounded(r.closeness[i], 6), closeness[i]) << "A" << i + 1;
  }
}

TEST(Topsis, AbsentCellsAreLeftOutOfTheRowsDistances) {
  // Row 1 lacks criterion 2; it is measured on criterion 1 only, where it is
  // the ideal. Row 3 is the anti-ideal on both.
  score::TopsisMatrix m;
  m.rows = 3;
  m.criteria = 2;
  m.directions = {model::Direction::benefit, model::Direction::benefit};
  m.values = {4, 99, 3, 5, 2, 1};
  m.weights = {1, 0, 0.5, 0.5, 0.5, 0.5};
  const score::TopsisResult r = score::topsis(m);
  EXPECT_DOUBLE_EQ(r.closeness[0], 1.0);
  EXPECT_GT(r.closeness[1], 0.0);
  EXPECT_LT(r.closeness[1], 1.0);
  EXPECT_DOUBLE_EQ(r.closeness[2], 0.0);
}

TEST(Topsis, AllAlikeIsTheIdeal) {
  score::TopsisMatrix m;
  m.rows = 3;
  m.criteria = 1;
  m.directions = {model::Direction::cost};
  m.values = {2, 2, 2};
  m.weights = {1, 1, 1};
  for (double c : score::topsis(m).closeness) EXPECT_DOUBLE_EQ(c, 1.0);
}

}  // namespace

// --- Krippendorff's alpha --------------------------------------------------

namespace {

namespace analyze = ecoscore::analyze;

// Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability.
// Annenberg School for Communication, University of Pennsylvania: the
// example of 4 observers and 12 units with missing values. Published:
// nominal .743, ordinal .815, interval .849.
std::vector<std::vector<double>> krippendorff_example() {
  return {
      {1, 1, 1},      // unit 1: A, B, D (C missing)
      {2, 2, 3, 2},   // 2
      {3, 3, 3, 3},   // 3
      {3, 3, 3, 3},   // 4
      {2, 2, 2, 2},   // 5
      {1, 2, 3, 4},   // 6
      {4, 4, 4, 4},   // 7
      {1, 1, 2, 1},   // 8
      {2, 2, 2, 2},   // 9
      {5, 5, 5},      // 10: B, C, D
      {1, 1},         // 11: C, D
      {3},            // 12: B only, not pairable
  };
}

TEST(Krippendorff, PublishedExampleAllMetrics) {
  const auto units = krippendorff_example();
  EXPECT_DOUBLE_EQ(rounded(*analyze::krippendorff_alpha(units, analyze::Metric::nominal), 3), 0.743);
  EXPECT_DOUBLE_EQ(rounded(*analyze::krippendorff_alpha(units, analyze::Metric::ordinal), 3), 0.815);
  EXPECT_DOUBLE_EQ(rounded(*analyze::krippendorff_alpha(units, analyze::Metric::interval), 3), 0.849);
}

TEST(Krippendorff, PerfectAgreementIsOneAndNoVariationIsUndefined) {
  EXPECT_DOUBLE_EQ(*analyze::krippendorff_alpha({{1, 1}, {2, 2, 2}, {5, 5}}, analyze::Metric::interval), 1.0);
  EXPECT_FALSE(analyze::krippendorff_alpha({{3, 3}, {3, 3}}, analyze::Metric::interval).has_value());
  EXPECT_FALSE(analyze::krippendorff_alpha({{3}, {4}}, analyze::Metric::ordinal).has_value());
  EXPECT_FALSE(analyze::krippendorff_alpha({}, analyze::Metric::ordinal).has_value());
}

TEST(Krippendorff, OrdinalIgnoresTheSpacingOfValues) {
  // The same ranks with stretched values: ordinal alpha is unchanged,
  // interval alpha is not.
  const std::vector<std::vector<double>> a{{1, 2}, {2, 3}, {3, 3}, {1, 1}};
  const std::vector<std::vector<double>> b{{1, 20}, {20, 300}, {300, 300}, {1, 1}};
  EXPECT_DOUBLE_EQ(*analyze::krippendorff_alpha(a, analyze::Metric::ordinal),
                   *analyze::krippendorff_alpha(b, analyze::Metric::ordinal));
  EXPECT_NE(*analyze::krippendorff_alpha(a, analyze::Metric::interval),
            *analyze::krippendorff_alpha(b, analyze::Metric::interval));
}

}  // namespace

// --- Random numbers and rank robustness -----------------------------------

namespace {

using analyze::Random;

TEST(Random, SplitMix64MatchesTheReferenceOutput) {
  // The first outputs of Vigna's splitmix64.c seeded with 0.
  analyze::SplitMix64 sm(0);
  EXPECT_EQ(sm.next(), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(sm.next(), 0x6E789E6AA1B965F4ULL);
}

TEST(Random, StreamsAreReproducibleAndDistinct) {
  Random a(42, 7), b(42, 7), c(42, 8), d(43, 7);
  for (int i = 0; i < 100; ++i) {
    const auto x = a.next();
    EXPECT_EQ(x, b.next());
    EXPECT_NE(x, c.next());
    EXPECT_NE(x, d.next());
  }
}

struct Moments {
  double mean = 0, variance = 0;
};
template <typename Draw>
Moments moments(int n, Draw draw) {
  double sum = 0, sq = 0;
  for (int i = 0; i < n; ++i) {
    const double x = draw();
    sum += x;
    sq += x * x;
  }
  const double mean = sum / n;
  return {mean, sq / n - mean * mean};
}

TEST(Random, UniformNormalExponentialGammaMoments) {
  Random rng(2026, 0);
  constexpr int n = 200000;
  const Moments u = moments(n, [&] { return rng.uniform(); });
  EXPECT_NEAR(u.mean, 0.5, 0.003);
  EXPECT_NEAR(u.variance, 1.0 / 12, 0.001);
  const Moments z = moments(n, [&] { return rng.normal(); });
  EXPECT_NEAR(z.mean, 0.0, 0.01);
  EXPECT_NEAR(z.variance, 1.0, 0.01);
  const Moments e = moments(n, [&] { return rng.exponential(); });
  EXPECT_NEAR(e.mean, 1.0, 0.01);
  EXPECT_NEAR(e.variance, 1.0, 0.03);
  for (double shape : {0.3, 1.0, 4.5, 50.0}) {
    const Moments g = moments(n, [&] { return rng.gamma(shape); });
    EXPECT_NEAR(g.mean, shape, 0.01 * std::max(1.0, shape)) << shape;
    EXPECT_NEAR(g.variance, shape, 0.03 * std::max(1.0, shape)) << shape;
  }
}

TEST(Random, UniformSimplexMarginalsAreBeta1K) {
  // Each coordinate of a uniform point of the 4-simplex is Beta(1, 3):
  // mean 1/4, variance 3/80, P(w < 0.1) = 1 - 0.9^3.
  Random rng(7, 0);
  constexpr int n = 200000;
  std::vector<double> w(4);
  double sum = 0, sq = 0;
  int below = 0;
  for (int i = 0; i < n; ++i) {
    analyze::uniform_simplex(rng, w);
    EXPECT_NEAR(w[0] + w[1] + w[2] + w[3], 1.0, 1e-12);
    sum += w[2];
    sq += w[2] * w[2];
    below += w[2] < 0.1;
  }
  EXPECT_NEAR(sum / n, 0.25, 0.002);
  EXPECT_NEAR(sq / n - (sum / n) * (sum / n), 3.0 / 80, 0.001);
  EXPECT_NEAR(static_cast<double>(below) / n, 1 - 0.9 * 0.9 * 0.9, 0.005);
}

TEST(Random, DirichletMeansAndVariances) {
  const std::vector<double> alpha{2, 5, 13};
  Random rng(11, 3);
  constexpr int n = 200000;
  std::vector<double> w(3), sum(3, 0), sq(3, 0);
  for (int i = 0; i < n; ++i) {
    analyze::dirichlet(rng, alpha, w);
    for (std::size_t k = 0; k < 3; ++k) {
      sum[k] += w[k];
      sq[k] += w[k] * w[k];
    }
  }
  for (std::size_t k = 0; k < 3; ++k) {
    const double mean = alpha[k] / 20, var = alpha[k] * (20 - alpha[k]) / (400.0 * 21);
    EXPECT_NEAR(sum[k] / n, mean, 0.002) << k;
    EXPECT_NEAR(sq[k] / n - (sum[k] / n) * (sum[k] / n), var, 0.0005) << k;
  }
}

}  // namespace

namespace {

namespace score = ecoscore::score;

struct Shipped2016 {
  load::Workspace ws;
  score::Run run;
  Shipped2016() {
    load::LoadOptions options;
    options.rubric_file = repo("rubrics/winwin-ecosystem-2016.yaml");
    options.rubric_dirs = {};
    ws = load::load_workspace({repo("companies/2016")}, options);
    run = score::score_run(*ws.rubric_given(), ws.companies, ws.pairs, {});
  }
};

TEST(Robustness, SameSeedSameCountsWhateverTheThreads) {
  const Shipped2016 s;
  analyze::RobustnessOptions o;
  o.samples = 5000;  // several blocks of 1024, the last one partial
  o.seed = 99;
  o.model = analyze::WeightModel::uniform;
  o.threads = 1;
  const analyze::Robustness one = analyze::rank_robustness(s.run, o);
  for (unsigned threads : {2U, 3U, 8U}) {
    o.threads = threads;
    const analyze::Robustness many = analyze::rank_robustness(s.run, o);
    ASSERT_EQ(many.firms.size(), one.firms.size());
    for (std::size_t i = 0; i < one.firms.size(); ++i) {
      EXPECT_EQ(many.firms[i].rank_counts, one.firms[i].rank_counts) << threads;
      EXPECT_EQ(many.firms[i].grade_counts, one.firms[i].grade_counts) << threads;
      EXPECT_EQ(many.firms[i].top_count, one.firms[i].top_count) << threads;
    }
  }
}

TEST(Robustness, CountsAddUpAndIntervalsHoldTheMass) {
  const Shipped2016 s;
  analyze::RobustnessOptions o;
  o.samples = 3000;
  const analyze::Robustness r = analyze::rank_robustness(s.run, o);
  EXPECT_EQ(r.firms.size(), static_cast<std::size_t>(s.run.scored_count));
  for (const auto& f : r.firms) {
    std::uint64_t ranks = 0, grades = 0, inside = 0;
    for (std::size_t k = 0; k < f.rank_counts.size(); ++k) {
      const int rank = f.first_rank + static_cast<int>(k);
      ranks += f.rank_counts[k];
      if (rank >= f.interval_low && rank <= f.interval_high) inside += f.rank_counts[k];
    }
    // The window is trimmed to the ranks reached.
    ASSERT_FALSE(f.rank_counts.empty());
    EXPECT_GT(f.rank_counts.front(), 0U);
    EXPECT_GT(f.rank_counts.back(), 0U);
    EXPECT_EQ(f.at_rank(f.first_rank - 1), 0U);
    for (auto c : f.grade_counts) grades += c;
    EXPECT_EQ(ranks, o.samples);
    EXPECT_EQ(grades, o.samples);
    EXPECT_LE(f.interval_low, f.interval_high);
    EXPECT_GE(static_cast<double>(inside), 0.95 * static_cast<double>(o.samples));
    EXPECT_GE(f.mean_rank, 1.0);
  }
}

TEST(Robustness, NoSpreadKeepsEveryRankAndGrade) {
  // A box of width 0 draws the rubric's weights every time.
  const Shipped2016 s;
  analyze::RobustnessOptions o;
  o.samples = 200;
  o.model = analyze::WeightModel::box;
  o.spread = 0;
  const analyze::Robustness r = analyze::rank_robustness(s.run, o);
  for (const auto& f : r.firms) {
    EXPECT_TRUE(f.stable) << f.firm->company->id;
    EXPECT_EQ(f.at_rank(f.nominal_rank), o.samples) << f.firm->company->id;
    EXPECT_EQ(f.first_rank, f.nominal_rank);
    EXPECT_EQ(f.rank_counts.size(), 1U);
    const auto& bands = s.run.rubric->grades.bands;
    for (std::size_t g = 0; g < bands.size(); ++g)
      EXPECT_EQ(f.grade_counts[g], bands[g].id == f.firm->grade ? o.samples : 0U) << f.firm->company->id;
  }
}

TEST(Robustness, GradesMatchTheScorersUnderEitherModeAndCaps) {
  // With the rubric's weights every time, each sample's grade must be the
  // one the scorer gave: absolute or relative bands, with the shipped floor
  // or with floors that cap every firm at "good".
  const Shipped2016 s;
  for (auto mode : {model::GradeMode::absolute, model::GradeMode::relative}) {
    for (bool cap_all : {false, true}) {
      model::Rubric rubric = *s.ws.rubric_given();
      rubric.grades.mode = mode;
      const std::vector<double> shares = {0.1, 0.2, 0.3, 0.2, 0.2};
      for (std::size_t g = 0; g < rubric.grades.bands.size(); ++g) rubric.grades.bands[g].share = shares[g];
      if (cap_all)
        for (const auto& dim : rubric.dimensions) rubric.grades.floors.push_back({dim.id, 101, "good", {}});
      const score::Run run = score::score_run(rubric, s.ws.companies, s.ws.pairs, {});
      analyze::RobustnessOptions o;
      o.samples = 300;
      o.model = analyze::WeightModel::box;
      o.spread = 0;
      const analyze::Robustness r = analyze::rank_robustness(run, o);
      std::set<std::string> grades_seen;
      for (const auto& f : r.firms) {
        grades_seen.insert(f.firm->grade);
        const auto& bands = rubric.grades.bands;
        ASSERT_EQ(f.grade_counts.size(), bands.size());
        for (std::size_t g = 0; g < bands.size(); ++g)
          EXPECT_EQ(f.grade_counts[g], bands[g].id == f.firm->grade ? o.samples : 0U)
              << f.firm->company->id << " mode " << static_cast<int>(mode) << " cap " << cap_all;
      }
      EXPECT_GE(grades_seen.size(), 3U);  // the cases are not all one band
      if (cap_all) {
        EXPECT_FALSE(grades_seen.contains("best") || grades_seen.contains("excellent"));
      }
    }
  }
}

// The 2016 run with every firm repeated `copies` times (ids stay those of
// the originals): enough firms for the radix sort, and many exact ties.
struct Repeated {
  Shipped2016 s;
  score::Run run;
  explicit Repeated(int copies) {
    run = s.run;
    run.companies.clear();
    for (int k = 0; k < copies; ++k)
      for (const auto& c : s.run.companies) run.companies.push_back(c);
  }
};

// What `write` prints of `run` when it renders on `threads` threads.
std::string rendered(const score::Run& run, unsigned threads,
                     void (*write)(std::ostream&, const score::Run&, const ecoscore::report::RunInfo&)) {
  ecoscore::report::RunInfo info;
  info.tool_version = "test";
  info.threads = threads;
  std::ostringstream out;
  write(out, run, info);
  return out.str();
}

TEST(ScoresJson, SameBytesForAnyNumberOfThreads) {
  const Repeated r(40);  // 1200 firms: more than one window of 512 rendered at once
  const std::string one = rendered(r.run, 1, ecoscore::report::write_scores_json);
  EXPECT_GT(one.size(), 1000000U);
  for (unsigned threads : {2U, 3U, 0U}) EXPECT_EQ(rendered(r.run, threads, ecoscore::report::write_scores_json), one);
}

TEST(ScoresCsv, SameBytesForAnyNumberOfThreads) {
  const Repeated r(200);  // 6000 rows: more than one window rendered at once
  const std::string one = rendered(r.run, 1, ecoscore::report::write_scores_csv);
  EXPECT_EQ(std::count(one.begin(), one.end(), '\n'), 6001);
  for (unsigned threads : {2U, 3U, 0U}) EXPECT_EQ(rendered(r.run, threads, ecoscore::report::write_scores_csv), one);
}

// Report order is by rank, ties and unscored firms by id, whether or not the
// run's firms come in id order (the repeated run's do not).
TEST(Ranked, ByRankThenIdInAnyRun) {
  const Repeated r(3);
  for (const score::Run* run : {&r.s.run, &r.run}) {
    const auto order = ecoscore::report::ranked(*run);
    ASSERT_EQ(order.size(), run->companies.size());
    const auto key = [](const score::CompanyScore* c) {
      return std::pair(c->rank > 0 ? c->rank : INT_MAX, c->company->id);
    };
    for (std::size_t k = 1; k < order.size(); ++k) EXPECT_LE(key(order[k - 1]), key(order[k])) << k;
    // Copies of one firm (same rank and id) stay in the run's order.
    for (std::size_t k = 1; k < order.size(); ++k)
      if (key(order[k - 1]) == key(order[k])) {
        EXPECT_LT(order[k - 1], order[k]) << k;
      }
  }
}

TEST(ScoreRun, SameResultForAnyNumberOfThreads) {
  const Shipped2016 s;
  ecoscore::report::RunInfo info;
  info.tool_version = "test";
  info.threads = 1;
  const auto render = [&](unsigned threads, std::optional<model::Normalization> normalization) {
    score::Options o;
    o.threads = threads;
    o.normalization = normalization;
    const score::Run run = score::score_run(*s.ws.rubric_given(), s.ws.companies, s.ws.pairs, o);
    std::ostringstream out;
    ecoscore::report::write_scores_json(out, run, info);
    return out.str();
  };
  for (auto normalization : {std::optional<model::Normalization>{}, std::optional(model::Normalization::minmax)}) {
    const std::string one = render(1, normalization);
    EXPECT_EQ(render(3, normalization), one);
    EXPECT_EQ(render(0, normalization), one);
  }
}

TEST(Robustness, TopOnlyCountsWhatTheFullRankingCounts) {
  for (int copies : {1, 20}) {
    const Repeated r(copies);
    analyze::RobustnessOptions o;
    o.samples = 1500;
    o.seed = 7;
    o.model = analyze::WeightModel::uniform;
    o.top = copies == 1 ? 4 : 45;  // ties straddle the 45th place: copies come in runs of 20
    const analyze::Robustness full = analyze::rank_robustness(r.run, o);
    o.top_only = true;
    const analyze::Robustness top = analyze::rank_robustness(r.run, o);
    ASSERT_EQ(top.firms.size(), full.firms.size());
    std::uint64_t counted = 0;
    for (std::size_t i = 0; i < full.firms.size(); ++i) {
      EXPECT_EQ(top.firms[i].top_count, full.firms[i].top_count) << copies << " " << i;
      EXPECT_TRUE(top.firms[i].rank_counts.empty());
      EXPECT_TRUE(top.firms[i].grade_counts.empty());
      counted += top.firms[i].top_count;
    }
    EXPECT_GE(counted, o.samples * static_cast<std::uint64_t>(o.top));
  }
}

TEST(Robustness, LargeCohortSameCountsWhateverTheThreads) {
  const Repeated r(20);  // 600 firms: the radix sort and growing windows
  analyze::RobustnessOptions o;
  o.samples = 2100;
  o.threads = 1;
  const analyze::Robustness one = analyze::rank_robustness(r.run, o);
  o.threads = 2;
  const analyze::Robustness two = analyze::rank_robustness(r.run, o);
  for (std::size_t i = 0; i < one.firms.size(); ++i) {
    EXPECT_EQ(two.firms[i].first_rank, one.firms[i].first_rank);
    EXPECT_EQ(two.firms[i].rank_counts, one.firms[i].rank_counts);
    EXPECT_EQ(two.firms[i].grade_counts, one.firms[i].grade_counts);
    std::uint64_t sum = 0;
    for (auto c : one.firms[i].rank_counts) sum += c;
    EXPECT_EQ(sum, o.samples);
  }
  // Twenty copies tie: each holds the same ranks as its original, which
  // competition ranking puts 20 places apart.
  EXPECT_EQ(one.firms[0].first_rank, 1);
  EXPECT_EQ(one.firms[0].rank_counts, one.firms[19].rank_counts);
}

TEST(Ranker, CompetitionRanksOnTiesAndCloseValues) {
  ecoscore::analyze::Random rng(3, 0);
  ecoscore::analyze::Ranker ranker;
  for (std::size_t n : {1U, 2U, 63U, 64U, 1000U, 5000U}) {
    for (int kind = 0; kind < 4; ++kind) {
      std::vector<double> totals(n);
      for (auto& t : totals) {
        const double u = rng.uniform();
        if (kind == 0) t = 100.0 * u;                          // spread out
        else if (kind == 1) t = std::floor(u * 7.0) * 12.5;    // a few values, many ties (and 0)
        else if (kind == 2) t = 50.0 + std::floor(u * 40.0) * 1e-12;  // closer than any bucket
        else t = u < 0.999 ? 40.0 + u : 100.0;                 // a far outlier crowds the rest into few buckets
      }
      // Reference: the number of strictly higher totals, by brute force.
      std::vector<std::uint32_t> expected(n), got(n);
      for (std::size_t i = 0; i < n; ++i)
        expected[i] = static_cast<std::uint32_t>(
            std::count_if(totals.begin(), totals.end(), [&](double t) { return t > totals[i]; }));
      ranker.rank(totals, got);
      EXPECT_EQ(got, expected) << n << " " << kind;
    }
  }
}

TEST(Robustness, TopsisIsRefused) {
  Shipped2016 s;
  s.run.method = model::Method::topsis;
  EXPECT_THROW(analyze::rank_robustness(s.run, {}), ecoscore::core::UsageError);
}

}  // namespace
