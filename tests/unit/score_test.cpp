#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <thread>

#include "ecoscore/load/workspace.hpp"
#include "ecoscore/report/writers.hpp"
#include "ecoscore/score/aggregate.hpp"
#include "ecoscore/score/detail_store.hpp"
#include "ecoscore/score/normalize.hpp"
#include "ecoscore/score/score.hpp"

namespace load = ecoscore::load;
namespace model = ecoscore::model;
namespace score = ecoscore::score;

namespace {

std::string repo(const std::string& relative) { return std::string(ECOSCORE_SOURCE_DIR) + "/" + relative; }

load::Workspace mini() {
  load::LoadOptions options;
  options.rubric_dirs = {};
  return load::load_workspace({repo("tests/data/mini")}, options);
}

load::Workspace shipped_2016() {
  load::LoadOptions options;
  options.rubric_file = repo("rubrics/winwin-ecosystem-2016.yaml");
  options.rubric_dirs = {};
  return load::load_workspace({repo("companies/2016")}, options);
}

model::Scale scale(model::ScaleKind kind, double min, double max, model::Direction direction = model::Direction::benefit) {
  model::Scale s;
  s.kind = kind;
  s.min = min;
  s.max = max;
  s.direction = direction;
  return s;
}

}  // namespace

TEST(Normalize, EveryScaleKind) {
  using model::ScaleKind;
  using model::Value;
  EXPECT_EQ(score::normalize(Value{4.0}, scale(ScaleKind::likert, 1, 5)), 75.0);          // (4-1)/(5-1)
  EXPECT_EQ(score::normalize(Value{1.0}, scale(ScaleKind::likert, 1, 4)), 0.0);
  EXPECT_EQ(score::normalize(Value{30.0}, scale(ScaleKind::numeric, 0, 200)), 15.0);      // 30/200
  EXPECT_EQ(score::normalize(Value{30.0}, scale(ScaleKind::numeric, 0, 200, model::Direction::cost)), 85.0);
  EXPECT_EQ(score::normalize(Value{62.5}, scale(ScaleKind::percent, 0, 100)), 62.5);
  EXPECT_EQ(score::normalize(Value{62.5}, scale(ScaleKind::percent, 0, 100, model::Direction::cost)), 37.5);
  EXPECT_EQ(score::normalize(Value{true}, scale(ScaleKind::boolean, 0, 1)), 100.0);
  EXPECT_EQ(score::normalize(Value{true}, scale(ScaleKind::boolean, 0, 1, model::Direction::cost)), 0.0);
  model::Scale bands = scale(ScaleKind::bands, 0, 10);
  bands.bands = {{0, 2, 0, {}}, {2, 5, 50, {}}, {5, 10, 100, {}}};
  EXPECT_EQ(score::normalize(Value{1.99}, bands), 0.0);
  EXPECT_EQ(score::normalize(Value{2.0}, bands), 50.0);   // bands are [min, max)
  EXPECT_EQ(score::normalize(Value{10.0}, bands), 100.0);  // the last band includes its max
  model::Scale levels = scale(ScaleKind::levels, 0, 0);
  levels.levels = {{"none", {}, 0}, {"partial", {}, 50}, {"full", {}, 100}};
  EXPECT_EQ(score::normalize(Value{std::string("partial")}, levels), 50.0);
}

TEST(Normalize, CohortRelative) {
  double a = 20, b = 60, c = 100;
  std::vector<double*> cohort = {&a, &b, &c};
  score::normalize_cohort(cohort, model::Normalization::minmax);
  EXPECT_EQ(a, 0.0);
  EXPECT_EQ(b, 50.0);  // (60-20)/(100-20)
  EXPECT_EQ(c, 100.0);
  double x = 3, y = 4;
  std::vector<double*> pair = {&x, &y};
  score::normalize_cohort(pair, model::Normalization::vector);
  EXPECT_DOUBLE_EQ(x, 60.0);  // 3 / sqrt(9 + 16) * 100
  EXPECT_DOUBLE_EQ(y, 80.0);
  double same1 = 7, same2 = 7;
  std::vector<double*> equal = {&same1, &same2};
  score::normalize_cohort(equal, model::Normalization::minmax);
  EXPECT_EQ(same1, 100.0);
}

TEST(Aggregate, MeansAndCombination) {
  const std::vector<score::Part> parts = {{80, 2}, {50, 1}, {20, 1}};
  EXPECT_DOUBLE_EQ(score::weighted_mean(parts), (160.0 + 50 + 20) / 4);  // 57.5
  EXPECT_DOUBLE_EQ(score::weighted_geometric(parts), std::pow(80.0, 0.5) * std::pow(50.0, 0.25) * std::pow(20.0, 0.25));
  const std::vector<score::Part> with_zero = {{80, 1}, {0, 1}};
  EXPECT_EQ(score::weighted_geometric(with_zero), 0.0);  // no compensation, and no NaN
  EXPECT_EQ(score::combine({4, 1, 3}, model::Combine::median), 3.0);
  EXPECT_EQ(score::combine({4, 1, 3, 2}, model::Combine::median), 2.5);
  EXPECT_EQ(score::combine({4, 1, 3, 2}, model::Combine::mean), 2.5);
}

TEST(ScoreRun, MiniCohortByHand) {
  const auto ws = mini();
  const auto run = score::score_run(ws.rubrics[0], ws.companies, ws.pairs, {});
  ASSERT_EQ(run.companies.size(), 2u);
  const score::CompanyScore& a = *run.find("large-a");
  // c-likert: raters 4 and 5 -> 75 and 100, median of two = 87.5.
  // c-numeric: 30 days on a 0-200 cost scale -> (200-30)/200*100 = 85.
  EXPECT_EQ(*a.indicator("c-likert")->normalized, 87.5);
  EXPECT_EQ(a.indicator("c-likert")->rater_spread, 25.0);
  EXPECT_FALSE(a.indicator("c-likert")->raters_disagree);  // tolerance 30
  EXPECT_EQ(*a.dimension("conduct")->score, 86.25);        // (87.5 + 85) / 2
  // shared: bands 6 -> 100, levels partial -> 50.
  EXPECT_EQ(*a.dimension("shared")->score, 75.0);
  EXPECT_FALSE(a.dimension("capability")->applies);
  // conduct weighs 2, shared 1, capability does not apply: 86.25*2/3 + 75/3.
  EXPECT_DOUBLE_EQ(a.dimension("conduct")->weight, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(*a.base, 82.5);
  EXPECT_EQ(a.bonus, 1.0);
  EXPECT_DOUBLE_EQ(*a.total, 83.5);
  EXPECT_EQ(a.grade, "a");
  EXPECT_EQ(a.rank, 1);
  // Every point is accounted for: the contributions add up to the base.
  double sum = 0;
  for (const auto& i : a.indicators) sum += i.contribution.value_or(0);
  EXPECT_NEAR(sum, *a.base, 1e-12);

  const score::CompanyScore& b = *run.find("sme-b");
  // capability: 62.5 % and true -> (62.5 + 100) / 2 = 81.25.
  EXPECT_EQ(*b.dimension("capability")->score, 81.25);
  // shared: bands 2 -> 50; levels declared null, left out: coverage 1/2 = the minimum 0.5.
  EXPECT_EQ(b.indicator("x-levels")->missing, score::Missing::declared);
  EXPECT_EQ(b.dimension("shared")->coverage, 0.5);
  EXPECT_EQ(*b.dimension("shared")->score, 50.0);
  EXPECT_EQ(b.indicator("x-bands")->weight, 1.0);  // renormalized within the dimension
  EXPECT_DOUBLE_EQ(*b.total, (81.25 + 50) / 2);    // 65.625
  EXPECT_EQ(b.grade, "b");
  EXPECT_EQ(b.rank, 2);
  EXPECT_EQ(b.role_rank, 1);
  EXPECT_DOUBLE_EQ(b.coverage, 3.0 / 4.0);
}

TEST(ScoreRun, PairsAndEcosystemsByHand) {
  const auto ws = mini();
  const auto run = score::score_run(ws.rubrics[0], ws.companies, ws.pairs, {});
  ASSERT_EQ(run.pairs.size(), 1u);
  const score::PairScore& p = run.pairs[0];
  ASSERT_EQ(p.dimensions.size(), 3u);
  EXPECT_EQ(*p.dimensions[0].combined, 86.25);  // conduct: the large firm's own
  EXPECT_EQ(*p.dimensions[1].combined, 81.25);  // capability: the SME's own
  EXPECT_EQ(*p.dimensions[2].combined, 62.5);   // shared: mean of 75 and 50
  EXPECT_EQ(*p.dimensions[2].gap, 25.0);        // 75 - 50
  EXPECT_TRUE(p.dimensions[2].gap_flagged);     // threshold 10
  EXPECT_DOUBLE_EQ(*p.total, (86.25 * 2 + 81.25 + 62.5) / 4);  // 79.0625
  EXPECT_EQ(p.grade, "b");
  ASSERT_EQ(p.gaps.size(), 1u);  // x-levels is not rated by the SME
  EXPECT_EQ(p.gaps[0].id, "x-bands");
  EXPECT_EQ(p.gaps[0].gap, 50.0);

  ASSERT_EQ(run.ecosystems.size(), 1u);
  const score::EcosystemScore& e = run.ecosystems[0];
  EXPECT_EQ(*e.axes[0].value, 86.25);
  EXPECT_EQ(*e.axes[1].value, 81.25);
  EXPECT_EQ(*e.axes[1].partners_min, 81.25);
  EXPECT_EQ(*e.axes[2].value, 62.5);
}

TEST(ScoreRun, GeometricMethod) {
  const auto ws = mini();
  score::Options options;
  options.method = model::Method::weighted_geometric;
  const auto run = score::score_run(ws.rubrics[0], ws.companies, ws.pairs, options);
  const score::CompanyScore& a = *run.find("large-a");
  const double conduct = std::sqrt(87.5 * 85.0);
  const double shared = std::sqrt(100.0 * 50.0);
  EXPECT_DOUBLE_EQ(*a.dimension("conduct")->score, conduct);
  EXPECT_DOUBLE_EQ(*a.base, std::pow(conduct, 2.0 / 3.0) * std::pow(shared, 1.0 / 3.0));
  EXPECT_FALSE(a.indicators[0].contribution.has_value());  // not additive
}

TEST(ScoreRun, ZeroPolicyAndUnscoredDimension) {
  auto ws = mini();
  model::Rubric rubric = ws.rubrics[0];
  rubric.missing.policy = model::MissingPolicy::zero;
  auto run = score::score_run(rubric, ws.companies, ws.pairs, {});
  // shared of sme-b: x-bands 50 and x-levels counted as 0 -> 25.
  EXPECT_EQ(*run.find("sme-b")->dimension("shared")->score, 25.0);

  rubric.missing.policy = model::MissingPolicy::renormalize;
  rubric.missing.min_coverage = 0.75;
  run = score::score_run(rubric, ws.companies, ws.pairs, {});
  const score::CompanyScore& b = *run.find("sme-b");
  // Coverage 0.5 < 0.75: the dimension is unscored and so is the firm, never scored on less.
  EXPECT_TRUE(b.dimension("shared")->unscored);
  EXPECT_FALSE(b.total.has_value());
  EXPECT_EQ(b.rank, 0);
  EXPECT_EQ(b.grade, "");
  EXPECT_EQ(run.scored_count, 1);
}

TEST(ScoreRun, FloorsCapTheGrade) {
  auto ws = mini();
  model::Rubric rubric = ws.rubrics[0];
  rubric.grades.floors[0].below = 80;  // shared 75 < 80 -> at most b
  const auto run = score::score_run(rubric, ws.companies, ws.pairs, {});
  const score::CompanyScore& a = *run.find("large-a");
  EXPECT_EQ(a.grade_before_floors, "a");
  EXPECT_EQ(a.grade, "b");
  EXPECT_EQ(a.floors_applied(), std::vector<std::string>{"shared"});
}

TEST(ScoreRun, AdjustmentCapsAndClamp) {
  auto ws = mini();
  model::Rubric rubric = ws.rubrics[0];
  ws.companies[0].evaluation.rare.edit().adjustments.push_back({"bonus-x", 2, "more", "", {}, {}});
  ws.companies[0].evaluation.rare.edit().adjustments.push_back({"penalty-y", 1, "less", "", {}, {}});
  rubric.adjustments.bonus_cap = 2;
  auto run = score::score_run(rubric, ws.companies, ws.pairs, {});
  const score::CompanyScore& a = *run.find("large-a");
  EXPECT_EQ(a.bonus, 2.0);    // 1 + 2 claimed, capped at 2
  EXPECT_EQ(a.penalty, 1.0);
  EXPECT_DOUBLE_EQ(*a.total, 82.5 + 2 - 1);

  rubric.adjustments.bonus_cap = 100;
  ws.companies[0].evaluation.rare.edit().adjustments.push_back({"bonus-x", 20, "lots", "", {}, {}});
  run = score::score_run(rubric, ws.companies, ws.pairs, {});
  EXPECT_EQ(*run.find("large-a")->total, 100.0);
  EXPECT_TRUE(run.find("large-a")->clamped);
}

TEST(ScoreRun, RelativeGradesAndCompetitionRanks) {
  auto ws = shipped_2016();
  model::Rubric rubric = ws.rubrics[0];
  rubric.grades.mode = model::GradeMode::relative;
  rubric.grades.floors.clear();
  rubric.grades.bands = {{"top", {}, 0, 0.1}, {"rest", {}, 0, 0.9}};
  const auto run = score::score_run(rubric, ws.companies, ws.pairs, {});
  int top = 0;
  for (const auto& c : run.companies) top += c.grade == "top";
  EXPECT_EQ(top, 3);  // 10 % of 30, and no tie at the boundary
  // Competition ranking: the two firms tied at 25th (34.7222...) are followed by 27th.
  std::vector<int> ranks;
  for (const auto& c : run.companies) ranks.push_back(c.rank);
  std::sort(ranks.begin(), ranks.end());
  EXPECT_EQ(ranks[23], 24);
  EXPECT_EQ(ranks[24], 25);
  EXPECT_EQ(ranks[25], 25);
  EXPECT_EQ(ranks[26], 27);
  EXPECT_EQ(*run.find("areum-craft")->total, *run.find("hwasung-auto-parts")->total);
}

TEST(Properties, RaisingOneRatingNeverLowersTheTotal) {
  const auto ws = shipped_2016();
  const model::Rubric& rubric = ws.rubrics[0];
  for (const auto& company : ws.companies) {
    const double before = *score::score_run(rubric, {company}, {}, {}).companies[0].total;
    for (std::size_t k = 0; k < company.evaluation.ratings.size(); ++k) {
      model::Company raised = company;
      auto& r = raised.evaluation.ratings[k];
      if (r.value && std::get<double>(*r.value) < 5) r.value = std::get<double>(*r.value) + 1;
      for (auto& rv : r.per_rater)
        if (std::get<double>(rv.value) < 5) rv.value = std::get<double>(rv.value) + 1;
      const double after = *score::score_run(rubric, {raised}, {}, {}).companies[0].total;
      EXPECT_GE(after, before) << company.id << " " << r.indicator;
    }
  }
}

TEST(Properties, ScalingAllWeightsChangesNothing) {
  const auto ws = shipped_2016();
  model::Rubric scaled = ws.rubrics[0];
  for (auto& d : scaled.dimensions) {
    d.weight *= 3.7;
    for (auto& i : d.indicators) i.weight *= 0.3;
  }
  const auto a = score::score_run(ws.rubrics[0], ws.companies, ws.pairs, {});
  const auto b = score::score_run(scaled, ws.companies, ws.pairs, {});
  for (std::size_t k = 0; k < a.companies.size(); ++k) {
    EXPECT_NEAR(*a.companies[k].total, *b.companies[k].total, 1e-9) << a.companies[k].company->id;
    EXPECT_EQ(a.companies[k].rank, b.companies[k].rank);
  }
}

TEST(Properties, AbsoluteScoresDoNotDependOnTheCohort) {
  const auto ws = shipped_2016();
  const auto all = score::score_run(ws.rubrics[0], ws.companies, ws.pairs, {});
  const std::vector<model::Company> few(ws.companies.begin(), ws.companies.begin() + 5);
  const auto some = score::score_run(ws.rubrics[0], few, {}, {});
  for (const auto& c : some.companies) EXPECT_EQ(*c.total, *all.find(c.company->id)->total) << c.company->id;
}

TEST(RubricWeights, SharesOfTheTotal) {
  const auto ws = mini();
  const auto w = score::rubric_weights(ws.rubrics[0]);
  EXPECT_DOUBLE_EQ(w.dimensions[0].weight, 0.5);  // 2 of 4
  EXPECT_DOUBLE_EQ(w.dimensions[0].indicators[0].effective_weight, 0.25);
  const model::Rubric survey = load::load_rubric_file(repo("rubrics/sme-4ir-issues-2017.yaml"), {});
  const auto s = score::rubric_weights(survey);
  double total = 0;
  for (const auto& d : s.dimensions) total += d.weight;
  EXPECT_NEAR(total, 1.0, 1e-12);
  // 2-4 global market opportunities: 9.0 of the printed 100.2.
  EXPECT_NEAR(s.dimensions[1].indicators[3].effective_weight, 9.0 / 100.2, 1e-12);
}

TEST(Decisions, CorrectionsRescoreAndDowngradesCapTheGrade) {
  const auto ws = shipped_2016();
  const auto run = score::score_run(ws.rubrics[0], ws.companies, ws.pairs, {});
  // moa-coating: mt-interdependence rated 2, 4, 3 (mean 3 -> 50), corrected on appeal to 4 -> 75.
  const score::CompanyScore& moa = *run.find("moa-coating");
  EXPECT_EQ(*moa.indicator("mt-interdependence")->normalized, 75.0);
  ASSERT_TRUE(moa.original().has_value());
  EXPECT_LT(*moa.original()->total, *moa.total);
  EXPECT_EQ(moa.original()->rank, 24);
  EXPECT_EQ(moa.rank, 23);
  // seorin-chemical: the total stays, the grade is lowered to fair.
  const score::CompanyScore& seorin = *run.find("seorin-chemical");
  EXPECT_EQ(seorin.original()->grade, "good");
  EXPECT_EQ(seorin.grade, "fair");
  EXPECT_EQ(*seorin.original()->total, *seorin.total);
  // Without decisions: the result as evaluated, and no record of one.
  score::Options as_evaluated;
  as_evaluated.apply_decisions = false;
  const auto before = score::score_run(ws.rubrics[0], ws.companies, ws.pairs, as_evaluated);
  EXPECT_EQ(before.find("seorin-chemical")->grade, "good");
  EXPECT_FALSE(before.find("moa-coating")->original().has_value());
  EXPECT_EQ(*before.find("moa-coating")->total, *moa.original()->total);
}

// Scored one firm at a time, as a streaming run scores them while reading,
// and finished as a cohort: the same scores.json as score_run, with
// decisions, several raters, pairs and ecosystems (the shipped 2016 cohort).
TEST(ScoreRun, FirmByFirmThenTheCohortIsTheWholeRun) {
  const auto json = [](const score::Run& run) {
    std::ostringstream out;
    ecoscore::report::RunInfo info;
    info.threads = 1;
    ecoscore::report::write_scores_json(out, run, info);
    return out.str();
  };
  for (const auto& [ws, decided] : {std::pair{shipped_2016(), true}, std::pair{mini(), false}}) {
    const model::Rubric& rubric = ws.rubrics[0];
    for (const auto method : {model::Method::weighted_mean, model::Method::weighted_geometric}) {
      score::Options options;
      options.method = method;
      ASSERT_TRUE(score::scored_alone(rubric, options));
      const std::string whole = json(score::score_run(rubric, ws.companies, ws.pairs, options));
      std::vector<score::CompanyScore> firms;
      for (auto c = ws.companies.rbegin(); c != ws.companies.rend(); ++c)
        firms.push_back(score::score_firm(rubric, *c, options));
      const std::string streamed = json(score::finish_run(rubric, std::move(firms), ws.pairs, options));
      EXPECT_EQ(streamed, whole) << rubric.id;
      // The same with each rating's evidence moved into the scores, not
      // copied: the ratings are left without it.
      std::vector<model::Company> companies = ws.companies;
      std::vector<score::CompanyScore> taking;
      for (auto& c : companies) taking.push_back(score::score_firm_taking_evidence(rubric, c, options));
      EXPECT_EQ(json(score::finish_run(rubric, std::move(taking), ws.pairs, options)), whole) << rubric.id;
      std::size_t had = 0;
      for (std::size_t k = 0; k < companies.size(); ++k)
        for (std::size_t r = 0; r < companies[k].evaluation.ratings.size(); ++r) {
          if (!ws.companies[k].evaluation.ratings[r].evidence.empty()) ++had;
          EXPECT_TRUE(companies[k].evaluation.ratings[r].evidence.empty());
        }
      EXPECT_GT(had, 0U) << rubric.id;
      EXPECT_EQ(whole.find("\"original\": {") != std::string::npos, decided);
      EXPECT_EQ(whole.find("\"pairs\": []"), std::string::npos);
    }
  }
  // Cohort-relative scores need the whole cohort first.
  const auto ws = mini();
  score::Options minmax;
  minmax.normalization = model::Normalization::minmax;
  EXPECT_FALSE(score::scored_alone(ws.rubrics[0], minmax));
  score::Options topsis;
  topsis.method = model::Method::topsis;
  EXPECT_FALSE(score::scored_alone(ws.rubrics[0], topsis));
}

// Re-scored under a rubric that has no place for some of a firm's ratings
// (an indicator removed, a dimension no longer judging the firm's role), the
// score names each of them, in id order; with a place for all, none.
TEST(ScoreRun, ReScoringNamesTheRatingsWithNoPlace) {
  const auto ws = mini();
  const model::Company& large = *std::find_if(ws.companies.begin(), ws.companies.end(),
                                              [](const model::Company& c) { return c.id == "large-a"; });
  EXPECT_TRUE(score::score_firm(ws.rubrics[0], large, {}).dropped().empty());
  model::Rubric newer = ws.rubrics[0];
  auto& conduct = newer.dimensions[0];
  ASSERT_EQ(conduct.id, "conduct");
  ASSERT_EQ(conduct.indicators[1].id, "c-numeric");
  conduct.indicators.pop_back();
  auto& shared = newer.dimensions[2];
  ASSERT_EQ(shared.id, "shared");
  shared.roles = {model::Role::sme};
  newer.index_indicators();
  const score::CompanyScore cs = score::score_firm(newer, large, {});
  EXPECT_EQ(cs.dropped(), (std::vector<std::string>{"c-numeric", "x-bands", "x-levels"}));
}

// Fields the store leaves out when they are at rest come back at rest, and
// those that are not come back as they were, however unusual: -0, a
// disagreement without spread, a contribution of 0, a dimension left and
// come back to, a level as the raw value, a rater with a boolean.
TEST(DetailStore, KeepsUnusualValuesExactly) {
  model::Company company;
  company.id = "odd";
  score::CompanyScore cs;
  cs.company = &company;
  score::IndicatorScore a;
  a.id = "a";
  a.dimension = "d1";
  a.scored_as = -0.0;
  a.raters_disagree = true;
  a.contribution = 0.0;
  a.raw = model::Value{std::string("partial")};
  score::IndicatorScore b;  // every field at rest but its ids
  b.id = "b";
  b.dimension = "d2";
  score::IndicatorScore c;
  c.id = "c";
  c.dimension = "d1";
  c.per_rater = {{"r1", model::Value{true}, 100.0}};
  c.rater_spread = 12.5;
  c.missing = score::Missing::declared;
  c.missing_reason = "not applicable this year";
  c.weight = 0.25;
  c.effective_weight = 1e-300;
  c.evidence = "report p. 3";
  c.evidence_date = model::Date{2016, 2, 29};
  cs.indicators = {a, b, c};
  score::DetailStore store;
  const auto odd = store.keep(cs);
  const auto back = store.indicators(odd);
  ASSERT_EQ(back.size(), 3U);
  EXPECT_TRUE(std::signbit(back[0].scored_as));
  EXPECT_EQ(back[0].scored_as, 0.0);
  EXPECT_TRUE(back[0].raters_disagree);
  EXPECT_EQ(back[0].rater_spread, 0.0);
  ASSERT_TRUE(back[0].contribution);
  EXPECT_EQ(*back[0].contribution, 0.0);
  EXPECT_EQ(back[0].raw, a.raw);
  EXPECT_FALSE(back[0].normalized);
  EXPECT_EQ(back[1].id, "b");
  EXPECT_EQ(back[1].dimension, "d2");
  EXPECT_FALSE(back[1].raw || back[1].normalized || back[1].contribution || back[1].evidence_date);
  EXPECT_FALSE(std::signbit(back[1].scored_as));
  EXPECT_EQ(back[1].missing, score::Missing::none);
  EXPECT_EQ(back[2].dimension, "d1");
  ASSERT_EQ(back[2].per_rater.size(), 1U);
  EXPECT_EQ(back[2].per_rater[0].rater, "r1");
  EXPECT_EQ(back[2].per_rater[0].raw, model::Value{true});
  EXPECT_EQ(back[2].per_rater[0].normalized, 100.0);
  EXPECT_EQ(back[2].rater_spread, 12.5);
  EXPECT_FALSE(back[2].raters_disagree);
  EXPECT_EQ(back[2].missing, score::Missing::declared);
  EXPECT_EQ(back[2].missing_reason, c.missing_reason);
  EXPECT_EQ(back[2].weight, 0.25);
  EXPECT_EQ(back[2].effective_weight, 1e-300);
  EXPECT_EQ(back[2].evidence, c.evidence);
  EXPECT_EQ(back[2].evidence_date, c.evidence_date);
  // Read into records that held more indicators, a firm gets only its own.
  model::Company plain;
  plain.id = "plain";
  score::CompanyScore one;
  one.company = &plain;
  one.indicators = {b};
  const auto kept = store.keep(one);
  std::vector<score::IndicatorScore> reused = back;
  store.read(kept, reused);
  ASSERT_EQ(reused.size(), 1U);
  EXPECT_EQ(reused[0].id, "b");
  EXPECT_FALSE(reused[0].raters_disagree || reused[0].contribution || reused[0].raw);
}

// Firms kept from two threads at once, some read while others are still
// being kept, and one larger than the store gathers before writing, each
// come back as their own: several megabytes, so records are gathered and
// written many times over.
TEST(DetailStore, FirmsKeptFromThreadsAndReadBetweenComeBackAsTheirOwn) {
  constexpr std::size_t kFirms = 400;
  std::vector<model::Company> companies(kFirms);
  std::vector<score::CompanyScore> scores(kFirms);
  const auto evidence_of = [](std::size_t k) {
    // About 10 KB each; firm 123 about 3 MB, more than a block.
    return std::string(k == 123 ? 3'000'000 : 10'000 + k, static_cast<char>('a' + k % 26)) + std::to_string(k);
  };
  for (std::size_t k = 0; k < kFirms; ++k) {
    companies[k].id = "f" + std::to_string(k);
    scores[k].company = &companies[k];
    score::IndicatorScore is;
    is.id = "i";
    is.dimension = "d";
    is.evidence = evidence_of(k);
    is.weight = static_cast<double>(k);
    scores[k].indicators = {is};
  }
  score::DetailStore store;
  std::vector<score::CompanyScore::Kept> kept(kFirms);
  const auto check = [&](std::size_t k) {
    const auto back = store.indicators(kept[k]);
    ASSERT_EQ(back.size(), 1U) << k;
    EXPECT_EQ(back[0].evidence, evidence_of(k)) << k;
    EXPECT_EQ(back[0].weight, static_cast<double>(k)) << k;
  };
  for (std::size_t k = 0; k < 10; ++k) kept[k] = store.keep(scores[k]);
  check(3);  // read while more are still to come
  {
    std::jthread odd([&] {
      for (std::size_t k = 11; k < kFirms; k += 2) kept[k] = store.keep(scores[k]);
    });
    for (std::size_t k = 10; k < kFirms; k += 2) kept[k] = store.keep(scores[k]);
  }
  EXPECT_EQ(store.size(), kFirms);
  for (std::size_t k = 0; k < kFirms; ++k) check(k);
}

// Two stores read on one thread each give back their own firm, though both
// keep it at the same place in their files.
TEST(DetailStore, TwoStoresReadOnOneThreadGiveTheirOwn) {
  model::Company company;
  company.id = "f";
  const auto kept_with = [&](score::DetailStore& store, const std::string& evidence) {
    score::CompanyScore cs;
    cs.company = &company;
    score::IndicatorScore is;
    is.id = "i";
    is.dimension = "d";
    is.evidence = evidence;
    cs.indicators = {is};
    return store.keep(cs);
  };
  score::DetailStore first;
  score::DetailStore second;
  const auto in_first = kept_with(first, "from the first store");
  const auto in_second = kept_with(second, "from the other store");
  ASSERT_EQ(in_first.offset, in_second.offset);
  EXPECT_EQ(first.indicators(in_first).at(0).evidence, "from the first store");
  EXPECT_EQ(second.indicators(in_second).at(0).evidence, "from the other store");
  EXPECT_EQ(first.indicators(in_first).at(0).evidence, "from the first store");
}

// The detail store gives back every indicator of every firm as scored:
// raters, declared gaps and their reasons, evidence and dates, doubles bit
// for bit (the shipped 2016 cohort has all of these).
TEST(DetailStore, GivesBackEveryIndicatorAsScored) {
  const auto ws = shipped_2016();
  const auto run = score::score_run(ws.rubrics[0], ws.companies, ws.pairs, {});
  score::DetailStore store;
  std::vector<score::CompanyScore::Kept> kept;
  for (const auto& cs : run.companies) kept.push_back(store.keep(cs));
  EXPECT_EQ(store.size(), run.companies.size());
  const auto same_value = [](const std::optional<model::Value>& a, const std::optional<model::Value>& b) {
    return a.has_value() == b.has_value() && (!a || *a == *b);
  };
  std::size_t raters = 0, declared = 0, dated = 0;
  const auto check = [&](const score::CompanyScore& cs, const std::vector<score::IndicatorScore>& back) {
    ASSERT_EQ(back.size(), cs.indicators.size()) << cs.company->id;
    for (std::size_t k = 0; k < back.size(); ++k) {
      const score::IndicatorScore& a = cs.indicators[k];
      const score::IndicatorScore& b = back[k];
      EXPECT_EQ(a.id, b.id);
      EXPECT_EQ(a.dimension, b.dimension);
      EXPECT_TRUE(same_value(a.raw, b.raw)) << a.id;
      ASSERT_EQ(a.per_rater.size(), b.per_rater.size());
      for (std::size_t r = 0; r < a.per_rater.size(); ++r) {
        EXPECT_EQ(a.per_rater[r].rater, b.per_rater[r].rater);
        EXPECT_EQ(a.per_rater[r].raw, b.per_rater[r].raw);
        EXPECT_EQ(a.per_rater[r].normalized, b.per_rater[r].normalized);
      }
      EXPECT_EQ(a.rater_spread, b.rater_spread);
      EXPECT_EQ(a.raters_disagree, b.raters_disagree);
      EXPECT_EQ(a.normalized, b.normalized);
      EXPECT_EQ(a.missing, b.missing);
      EXPECT_EQ(a.missing_reason, b.missing_reason);
      EXPECT_EQ(a.scored_as, b.scored_as);
      EXPECT_EQ(a.weight, b.weight);
      EXPECT_EQ(a.effective_weight, b.effective_weight);
      EXPECT_EQ(a.contribution, b.contribution);
      EXPECT_EQ(a.evidence, b.evidence);
      EXPECT_EQ(a.evidence_date, b.evidence_date);
      raters += a.per_rater.size() > 1;
      declared += a.missing == score::Missing::declared && !a.missing_reason.empty();
      dated += a.evidence_date.has_value();
    }
  };
  for (std::size_t k = 0; k < run.companies.size(); ++k) check(run.companies[k], store.indicators(kept[k]));
  // Read one firm after another into the same records, both ways round, so
  // that each firm's fields follow another's: none of them is left behind.
  std::vector<score::IndicatorScore> reused;
  for (std::size_t k = run.companies.size(); k-- > 0;) {
    store.read(kept[k], reused);
    check(run.companies[k], reused);
  }
  for (std::size_t k = 0; k < run.companies.size(); ++k) {
    store.read(kept[k], reused);
    check(run.companies[k], reused);
  }
  // A firm kept without indicators reads back as none.
  score::CompanyScore none;
  none.company = run.companies[0].company;
  store.read(store.keep(none), reused);
  EXPECT_TRUE(reused.empty());
  EXPECT_GT(raters, 0U);
  EXPECT_GT(declared, 0U);
  EXPECT_GT(dated, 0U);
}
