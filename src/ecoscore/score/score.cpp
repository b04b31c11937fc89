#include "ecoscore/score/score.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "ecoscore/core/error.hpp"
#include "ecoscore/core/parallel.hpp"
#include "ecoscore/core/spare.hpp"
#include "ecoscore/score/aggregate.hpp"
#include "ecoscore/score/normalize.hpp"
#include "ecoscore/score/topsis.hpp"

namespace ecoscore::score {
namespace {

using model::Method;
using model::MissingPolicy;

// The latest correction of an indicator among the company's decisions, if any.
const model::Decision* correction_of(const model::Company& company, std::string_view indicator) {
  const model::Decision* last = nullptr;
  for (const auto& d : company.decisions())
    if (d.kind == model::Decision::Kind::correction && d.indicator == indicator) last = &d;
  return last;
}

// Step 1: each applicable indicator's value on 0..100, absolutely. With
// `taken` (the company's own ratings), each rating's evidence is moved into
// its indicator's score rather than copied.
CompanyScore rate(const model::Rubric& rubric, const model::Company& company, bool apply_decisions,
                  std::vector<model::Rating>* taken = nullptr) {
  CompanyScore cs;
  cs.company = &company;
  const model::Role role = company.role();
  std::size_t placed = 0;  // ratings of an applicable indicator
  std::size_t applicable = 0;
  for (const auto& dim : rubric.dimensions)
    if (dim.applies_to(role)) applicable += dim.indicators.size();
  cs.dimensions.reserve(rubric.dimensions.size());
  cs.indicators = core::Spare<IndicatorScore>::take(applicable);
  const std::vector<const model::Rating*> rating_at = company.ratings_by_position(rubric);
  std::size_t position = 0;
  for (const auto& dim : rubric.dimensions) {
    DimensionScore ds;
    ds.id = dim.id;
    ds.applies = dim.applies_to(role);
    cs.dimensions.push_back(ds);
    if (!ds.applies) {
      position += dim.indicators.size();
      continue;
    }
    for (const auto& ind : dim.indicators) {
      IndicatorScore is;
      is.id = ind.id;
      is.dimension = dim.id;
      const model::Rating* rating = rating_at[position++];
      if (rating) ++placed;
      // A correction decided after scoring replaces the values rated.
      const model::Decision* correction = apply_decisions ? correction_of(company, ind.id) : nullptr;
      const std::optional<model::Value>* value = correction ? &correction->value : rating ? &rating->value : nullptr;
      const std::vector<model::RaterValue>* per_rater = correction ? &correction->per_rater
                                                        : rating   ? &rating->per_rater
                                                                   : nullptr;
      if (!value) {
        is.missing = Missing::absent;
      } else if (!*value && per_rater->empty()) {
        is.missing = Missing::declared;
        is.missing_reason = rating->missing_reason;
      } else if (*value) {
        is.raw = *value;
        is.normalized = normalize(**value, ind.scale);
      } else {
        std::vector<double> normalized;
        std::vector<double> raw_numbers;
        for (const auto& rv : *per_rater) {
          const double n = normalize(rv.value, ind.scale);
          is.per_rater.push_back({rv.rater, rv.value, n});
          normalized.push_back(n);
          if (const double* d = std::get_if<double>(&rv.value)) raw_numbers.push_back(*d);
        }
        is.normalized = combine(normalized, rubric.raters.combine);
        if (raw_numbers.size() == per_rater->size()) is.raw = combine(raw_numbers, rubric.raters.combine);
        const auto [lo, hi] = std::minmax_element(normalized.begin(), normalized.end());
        is.rater_spread = *hi - *lo;
        is.raters_disagree = is.rater_spread > rubric.raters.tolerance;
      }
      if (rating) {
        if (taken)
          is.evidence = std::move((*taken)[static_cast<std::size_t>(rating - company.evaluation.ratings.data())].evidence);
        else
          is.evidence = rating->evidence;
        is.evidence_date = rating->evidence_date;
      }
      cs.indicators.push_back(std::move(is));
    }
  }
  for (const auto& a : company.evaluation.adjustments()) {
    const auto* item = rubric.find_adjustment(a.id);
    if (!item) {
      cs.rare.edit().dropped.push_back(a.id);  // only when re-scoring; validation refuses it otherwise
      continue;
    }
    cs.adjustments.push_back({a.id, item->kind, a.points, a.reason, a.evidence, a.date});
  }
  // Re-scoring under another version: say what the file was rated under and
  // which of its ratings this version has no place for.
  if (company.evaluation.rubric_version != rubric.version) cs.rare.edit().rescored_from = company.evaluation.rubric_version;
  if (placed != company.evaluation.ratings.size()) {
    for (const auto& r : company.evaluation.ratings) {
      const auto [dim, ind] = rubric.find_indicator(r.indicator);
      if (!ind || !dim->applies_to(role)) cs.rare.edit().dropped.push_back(r.indicator);
    }
  }
  if (cs.rare.made()) std::sort(cs.rare.edit().dropped.begin(), cs.rare.edit().dropped.end());
  return cs;
}

void apply_adjustments(const model::Rubric& rubric, CompanyScore& cs);

// The score of indicator `id`, which rate() put at `next` (it keeps rubric
// order, so walking the rubric finds each in turn); searched for otherwise.
IndicatorScore& indicator_of(CompanyScore& cs, std::size_t& next, const std::string& id) {
  if (next < cs.indicators.size() && cs.indicators[next].id == id) return cs.indicators[next++];
  return *std::find_if(cs.indicators.begin(), cs.indicators.end(), [&](const IndicatorScore& s) { return s.id == id; });
}

// Step 3: dimensions, total and adjustments of one firm. Under topsis the
// dimensions and the provisional base are weighted means; the base is
// replaced by the cohort's closeness afterwards (apply_topsis).
void aggregate_company(const model::Rubric& rubric, Method method, CompanyScore& cs) {
  const MissingPolicy policy = rubric.missing.policy;
  std::size_t next_indicator = 0;
  // (Each thread keeps its room for these from firm to firm.)
  thread_local std::vector<Part> dimension_parts;
  thread_local std::vector<Part> parts;
  thread_local std::vector<IndicatorScore*> counted;
  dimension_parts.clear();
  double applicable_weight = 0;
  double rated_weight = 0;
  for (std::size_t d = 0; d < rubric.dimensions.size(); ++d) {
    const model::Dimension& dim = rubric.dimensions[d];
    DimensionScore& ds = cs.dimensions[d];
    if (!ds.applies) continue;
    parts.clear();
    counted.clear();
    double dim_weight = 0;
    double dim_rated = 0;
    for (const auto& ind : dim.indicators) {
      IndicatorScore& is = indicator_of(cs, next_indicator, ind.id);
      dim_weight += ind.weight;
      if (is.normalized) {
        dim_rated += ind.weight;
        is.scored_as = *is.normalized;
      } else if (policy == MissingPolicy::zero) {
        is.scored_as = 0;
      } else {
        continue;  // renormalize: left out; fail: refused by validation
      }
      parts.push_back({is.scored_as, ind.weight});
      counted.push_back(&is);
    }
    applicable_weight += dim_weight;
    rated_weight += dim_rated;
    ds.coverage = dim_weight > 0 ? dim_rated / dim_weight : 0;
    const bool enough = policy == MissingPolicy::zero || (!parts.empty() && ds.coverage >= rubric.missing.min_coverage);
    if (!enough) {
      ds.unscored = true;
      cs.rare.edit().unscored_dimensions.push_back(dim.id);
      continue;
    }
    double counted_weight = 0;
    for (const auto& p : parts) counted_weight += p.weight;
    for (std::size_t k = 0; k < counted.size(); ++k) counted[k]->weight = parts[k].weight / counted_weight;
    ds.score = aggregate(parts, method);
    dimension_parts.push_back({*ds.score, dim.weight});
  }
  cs.coverage = applicable_weight > 0 ? rated_weight / applicable_weight : 0;

  // Shares of the total among the applicable dimensions.
  double applicable_dim_weight = 0;
  for (std::size_t d = 0; d < rubric.dimensions.size(); ++d)
    if (cs.dimensions[d].applies) applicable_dim_weight += rubric.dimensions[d].weight;
  for (std::size_t d = 0; d < rubric.dimensions.size(); ++d)
    if (cs.dimensions[d].applies) cs.dimensions[d].weight = rubric.dimensions[d].weight / applicable_dim_weight;
  const DimensionScore* ds = nullptr;  // the previous indicator's, mostly this one's too
  for (auto& is : cs.indicators) {
    if (!ds || ds->id != is.dimension) ds = cs.dimension(is.dimension);
    is.effective_weight = ds->score ? is.weight * ds->weight : 0;
    if (method == Method::weighted_mean && ds->score && (is.normalized || rubric.missing.policy == MissingPolicy::zero))
      is.contribution = is.scored_as * is.effective_weight;
  }
  if (!cs.unscored_dimensions().empty() || dimension_parts.empty()) return;  // never scored on less than claimed

  cs.base = aggregate(dimension_parts, method);
  apply_adjustments(rubric, cs);
}

// Step 4: bonus and penalty points within their caps, then the 0..100 clamp.
void apply_adjustments(const model::Rubric& rubric, CompanyScore& cs) {
  double bonus = 0;
  double penalty = 0;
  for (const auto& a : cs.adjustments) (a.kind == model::AdjustmentKind::bonus ? bonus : penalty) += a.points;
  cs.bonus = std::min(bonus, rubric.adjustments.bonus_cap);
  cs.penalty = std::min(penalty, rubric.adjustments.penalty_cap);
  const double adjusted = *cs.base + cs.bonus - cs.penalty;
  cs.total = std::clamp(adjusted, 0.0, 100.0);
  cs.clamped = *cs.total != adjusted;
}

// The value TOPSIS compares for an indicator: the raw number on scales that
// have one (likert, numeric, percent) with the scale's direction, the worst
// end of the scale when a missing rating counts as zero; otherwise (bands,
// levels, boolean) the 0..100 score as a benefit.
std::pair<double, model::Direction> topsis_value(const IndicatorScore& is, const model::Scale& scale) {
  using model::ScaleKind;
  const bool has_raw_number = scale.kind == ScaleKind::likert || scale.kind == ScaleKind::numeric ||
                              scale.kind == ScaleKind::percent;
  if (!has_raw_number) return {is.scored_as, model::Direction::benefit};
  const model::Direction direction = scale.kind == ScaleKind::likert ? model::Direction::benefit : scale.direction;
  const double lo = scale.kind == ScaleKind::percent ? 0.0 : scale.min;
  const double hi = scale.kind == ScaleKind::percent ? 100.0 : scale.max;
  if (const double* raw = is.raw ? std::get_if<double>(&*is.raw) : nullptr) return {*raw, direction};
  return {direction == model::Direction::benefit ? lo : hi, direction};
}

// TOPSIS over the scored firms: criteria are the rubric's indicators, each
// firm's cells its counted indicators with their effective weights.
void apply_topsis(const model::Rubric& rubric, std::vector<CompanyScore>& companies) {
  std::vector<const model::Indicator*> indicators;
  for (const auto& dim : rubric.dimensions)
    for (const auto& ind : dim.indicators) indicators.push_back(&ind);
  std::vector<CompanyScore*> scored;
  for (auto& c : companies)
    if (c.base) scored.push_back(&c);
  TopsisMatrix m;
  m.rows = scored.size();
  m.criteria = indicators.size();
  m.directions.assign(m.criteria, model::Direction::benefit);
  m.values.assign(m.rows * m.criteria, 0.0);
  m.weights.assign(m.rows * m.criteria, 0.0);
  for (std::size_t i = 0; i < scored.size(); ++i) {
    for (std::size_t j = 0; j < indicators.size(); ++j) {
      const IndicatorScore* is = scored[i]->indicator(indicators[j]->id);
      if (!is || is->effective_weight <= 0) continue;
      const auto [value, direction] = topsis_value(*is, indicators[j]->scale);
      m.value(i, j) = value;
      m.weight(i, j) = is->effective_weight;
      m.directions[j] = direction;
    }
  }
  const TopsisResult result = topsis(m);
  for (std::size_t i = 0; i < scored.size(); ++i) {
    scored[i]->base = result.closeness[i] * 100.0;
    scored[i]->rare.edit().topsis = CompanyScore::Topsis{result.to_ideal[i], result.to_anti_ideal[i]};
    apply_adjustments(rubric, *scored[i]);
  }
}

// Competition ranking (1, 2, 2, 4) on unrounded totals; `key` selects the
// group ranked together. The keys are sorted as a compact copy, not through
// the firms (large and far apart in memory). Tied firms share a rank, so
// their order among themselves does not matter.
template <typename Key>
void assign_ranks(std::vector<CompanyScore>& companies, int CompanyScore::*rank, Key key) {
  struct Entry {
    int group;
    double total;
    std::size_t index;
  };
  std::vector<Entry> order;
  order.reserve(companies.size());
  for (std::size_t k = 0; k < companies.size(); ++k)
    if (companies[k].scored()) order.push_back({key(companies[k]), *companies[k].total, k});
  std::sort(order.begin(), order.end(), [](const Entry& a, const Entry& b) {
    return a.group != b.group ? a.group < b.group : a.total > b.total;
  });
  std::size_t group_start = 0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i > 0 && order[i - 1].group != order[i].group) group_start = i;
    const bool tie = i > group_start && order[i - 1].total == order[i].total;
    companies[order[i].index].*rank =
        tie ? companies[order[i - 1].index].*rank : static_cast<int>(i - group_start) + 1;
  }
}

std::size_t grade_index(const model::Rubric& rubric, const std::string& id) {
  for (std::size_t g = 0; g < rubric.grades.bands.size(); ++g)
    if (rubric.grades.bands[g].id == id) return g;
  return rubric.grades.bands.size() - 1;
}

// The best absolute grade band whose minimum the total reaches.
std::size_t absolute_band(const model::Rubric& rubric, double total) {
  const auto& bands = rubric.grades.bands;
  for (std::size_t k = 0; k < bands.size(); ++k)
    if (total >= bands[k].min_score) return k;
  return bands.size() - 1;
}

// Lowers grade band `g` by every floor whose dimension scores below it;
// `score_of(id)` gives a dimension's score. Returns the floors that lowered it.
template <typename ScoreOf>
std::vector<std::string> apply_floors(const model::Rubric& rubric, std::size_t& g, ScoreOf score_of) {
  std::vector<std::string> applied;
  for (const auto& floor : rubric.grades.floors) {
    const std::optional<double> score = score_of(floor.dimension);
    if (!score || *score >= floor.below) continue;
    const std::size_t cap = grade_index(rubric, floor.max_grade);
    if (g < cap) {
      g = cap;
      applied.push_back(floor.dimension);
    }
  }
  return applied;
}

// Step 5: grades, after the ranks (relative grades need them), then floors.
void assign_grades(const model::Rubric& rubric, std::vector<CompanyScore>& companies, int scored) {
  const auto& bands = rubric.grades.bands;
  for (auto& c : companies) {
    if (!c.scored()) continue;
    std::size_t g = bands.size() - 1;
    if (rubric.grades.mode == model::GradeMode::absolute) {
      g = absolute_band(rubric, *c.total);
    } else {
      // The share of the cohort ranked strictly above the firm decides: ties
      // share a rank and so a grade.
      const double above = static_cast<double>(c.rank - 1) / static_cast<double>(scored);
      double cumulative = 0;
      for (std::size_t k = 0; k < bands.size(); ++k) {
        cumulative += bands[k].share;
        if (above < cumulative - 1e-12) {
          g = k;
          break;
        }
      }
    }
    c.grade_before_floors = bands[g].id;
    std::vector<std::string> floors = apply_floors(rubric, g, [&](const std::string& id) {
      const DimensionScore* ds = c.dimension(id);
      return ds ? ds->score : std::nullopt;
    });
    if (!floors.empty() || c.rare.made()) c.rare.edit().floors_applied = std::move(floors);
    c.grade = bands[g].id;
  }
}

// A pair's grade from its total, absolute bands only: a pair has no cohort to
// grade relatively against.
void grade_pair(const model::Rubric& rubric, PairScore& ps) {
  ps.grade.clear();
  if (!ps.total || rubric.grades.mode != model::GradeMode::absolute) return;
  std::size_t g = absolute_band(rubric, *ps.total);
  apply_floors(rubric, g, [&](const std::string& id) {
    for (const auto& pd : ps.dimensions)
      if (pd.id == id) return pd.combined;
    return std::optional<double>{};
  });
  ps.grade = rubric.grades.bands[g].id;
}

// TOPSIS over the complete pairs, with the dimensions' combined scores as
// benefit criteria weighted by the rubric's dimension weights.
void apply_topsis_pairs(const model::Rubric& rubric, std::vector<PairScore>& pairs) {
  std::vector<PairScore*> complete;
  for (auto& p : pairs)
    if (p.total) complete.push_back(&p);
  TopsisMatrix m;
  m.rows = complete.size();
  m.criteria = rubric.dimensions.size();
  m.directions.assign(m.criteria, model::Direction::benefit);
  m.values.assign(m.rows * m.criteria, 0.0);
  m.weights.assign(m.rows * m.criteria, 0.0);
  for (std::size_t i = 0; i < complete.size(); ++i) {
    for (std::size_t j = 0; j < m.criteria; ++j) {
      m.value(i, j) = complete[i]->dimensions[j].combined.value_or(0);
      m.weight(i, j) = rubric.dimensions[j].weight;
    }
  }
  const TopsisResult result = topsis(m);
  for (std::size_t i = 0; i < complete.size(); ++i) {
    complete[i]->total = result.closeness[i] * 100.0;
    grade_pair(rubric, *complete[i]);
  }
}

PairScore score_pair(const model::Rubric& rubric, Method method, const CompanyScore& large, const CompanyScore& sme) {
  PairScore ps;
  ps.large = large.company;
  ps.sme = sme.company;
  std::vector<Part> parts;
  bool complete = true;
  for (std::size_t d = 0; d < rubric.dimensions.size(); ++d) {
    const model::Dimension& dim = rubric.dimensions[d];
    PairDimension pd;
    pd.id = dim.id;
    pd.large = large.dimensions[d].score;
    pd.sme = sme.dimensions[d].score;
    const bool shared = dim.applies_to(model::Role::large) && dim.applies_to(model::Role::sme);
    if (shared) {
      if (pd.large && pd.sme) {
        pd.combined = combine({*pd.large, *pd.sme}, rubric.pairs.combine);
        pd.gap = *pd.large - *pd.sme;
        pd.gap_flagged = std::fabs(*pd.gap) > rubric.pairs.gap_threshold;
      }
    } else {
      pd.combined = dim.applies_to(model::Role::large) ? pd.large : pd.sme;
    }
    if (pd.combined)
      parts.push_back({*pd.combined, dim.weight});
    else
      complete = false;
    ps.dimensions.push_back(pd);
    if (!shared) continue;
    for (const auto& ind : dim.indicators) {
      const IndicatorScore* a = large.indicator(ind.id);
      const IndicatorScore* b = sme.indicator(ind.id);
      if (!a || !b || !a->normalized || !b->normalized) continue;
      const double gap = *a->normalized - *b->normalized;
      ps.gaps.push_back({ind.id, dim.id, *a->normalized, *b->normalized, gap,
                         std::fabs(gap) > rubric.pairs.gap_threshold});
    }
  }
  if (complete && !parts.empty()) ps.total = aggregate(parts, method);
  grade_pair(rubric, ps);
  return ps;
}

EcosystemScore score_ecosystem(const model::Rubric& rubric, const CompanyScore& large,
                               const std::vector<const CompanyScore*>& partners) {
  EcosystemScore es;
  es.large = large.company;
  for (const auto* p : partners) es.partners.push_back(p->company);
  for (std::size_t d = 0; d < rubric.dimensions.size(); ++d) {
    const model::Dimension& dim = rubric.dimensions[d];
    EcosystemAxis axis;
    axis.id = dim.id;
    axis.large = large.dimensions[d].score;
    std::vector<double> values;
    for (const auto* p : partners)
      if (p->dimensions[d].score) values.push_back(*p->dimensions[d].score);
    if (!values.empty() && values.size() == partners.size()) {
      axis.partners_mean = combine(values, model::Combine::mean);
      axis.partners_min = *std::min_element(values.begin(), values.end());
    }
    const bool for_large = dim.applies_to(model::Role::large);
    const bool for_sme = dim.applies_to(model::Role::sme);
    // The axis is the large firm's score for its own dimensions, the partners'
    // mean for theirs, and for shared ones the rubric's pair rule over the
    // large firm's view and the partners' mean view.
    if (for_large && !for_sme) {
      axis.value = axis.large;
    } else if (for_sme && !for_large) {
      axis.value = axis.partners_mean;
    } else if (axis.large && axis.partners_mean) {
      axis.value = combine({*axis.large, *axis.partners_mean}, rubric.pairs.combine);
    }
    es.axes.push_back(axis);
  }
  return es;
}

// Step 6: downgrades decided after scoring, in date order; a downgrade never
// raises a grade.
void apply_downgrades(const model::Rubric& rubric, std::vector<CompanyScore>& companies) {
  for (auto& c : companies) {
    if (!c.scored()) continue;
    std::size_t g = grade_index(rubric, c.grade);
    for (const auto& d : c.company->decisions())
      if (d.kind == model::Decision::Kind::downgrade) g = std::max(g, grade_index(rubric, d.grade));
    c.grade = rubric.grades.bands[g].id;
  }
}

// The steps over the whole cohort, once every firm is rated and aggregated:
// TOPSIS, ranks, grades, downgrades, then pairs and ecosystems (unless
// `with_pairs` is false).
void finish_cohort(const model::Rubric& rubric, Run& run, const std::vector<model::Pair>& pairs, const Options& options,
                   bool with_pairs = true) {
  if (run.method == Method::topsis) apply_topsis(rubric, run.companies);
  assign_ranks(run.companies, &CompanyScore::rank, [](const CompanyScore&) { return 0; });
  assign_ranks(run.companies, &CompanyScore::role_rank,
               [](const CompanyScore& c) { return static_cast<int>(c.company->role()); });
  run.scored_count = static_cast<int>(std::count_if(run.companies.begin(), run.companies.end(),
                                                    [](const CompanyScore& c) { return c.scored(); }));
  assign_grades(rubric, run.companies, run.scored_count);
  if (options.apply_decisions) apply_downgrades(rubric, run.companies);
  if (!with_pairs) return;

  for (const auto& p : pairs) {
    const CompanyScore* large = run.find(p.large);
    const CompanyScore* sme = run.find(p.sme);
    if (large && sme) run.pairs.push_back(score_pair(rubric, run.method, *large, *sme));
  }
  if (run.method == Method::topsis) apply_topsis_pairs(rubric, run.pairs);
  std::map<std::string, std::vector<const CompanyScore*>> partners_of;
  for (const auto& p : run.pairs) partners_of[p.large->id].push_back(run.find(p.sme->id));
  for (const auto& [large_id, partners] : partners_of)
    run.ecosystems.push_back(score_ecosystem(rubric, *run.find(large_id), partners));
}

Run start_run(const model::Rubric& rubric, const Options& options) {
  Run run;
  run.rubric = &rubric;
  run.method = options.method.value_or(rubric.method);
  run.normalization = options.normalization.value_or(rubric.normalization);
  return run;
}

Run score_once(const model::Rubric& rubric, const std::vector<model::Company>& companies,
               const std::vector<model::Pair>& pairs, const Options& options) {
  Run run = start_run(rubric, options);
  std::vector<const model::Company*> sorted;
  for (const auto& c : companies) sorted.push_back(&c);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
  // Each firm is rated, and later aggregated, on its own: on every core.
  run.companies.resize(sorted.size());
  core::parallel_for(sorted.size(), options.threads, [&](std::size_t k) {
    run.companies[k] = rate(rubric, *sorted[k], options.apply_decisions);
  });

  if (run.normalization != model::Normalization::absolute) {
    for (const auto& dim : rubric.dimensions) {
      for (const auto& ind : dim.indicators) {
        std::vector<double*> cohort;
        for (auto& cs : run.companies)
          for (auto& is : cs.indicators)
            if (is.id == ind.id && is.normalized) cohort.push_back(&*is.normalized);
        normalize_cohort(cohort, run.normalization);
      }
    }
  }
  core::parallel_for(run.companies.size(), options.threads,
                     [&](std::size_t k) { aggregate_company(rubric, run.method, run.companies[k]); });
  finish_cohort(rubric, run, pairs, options);
  return run;
}

// Each firm with decisions keeps its result as evaluated (the firm at the
// same place in `original`) and the decisions applied to it.
void keep_originals(Run& run, const Run& original) {
  for (std::size_t k = 0; k < run.companies.size(); ++k) {
    CompanyScore& cs = run.companies[k];
    if (cs.company->decisions().empty()) continue;
    const CompanyScore& before = original.companies[k];
    CompanyScore::Rare& rare = cs.rare.edit();
    rare.original = CompanyScore::Original{before.total, before.grade, before.rank};
    for (const auto& d : cs.company->decisions()) rare.decisions.push_back(&d);
  }
}

}  // namespace

const DimensionScore* CompanyScore::dimension(std::string_view wanted) const {
  for (const auto& d : dimensions)
    if (d.id == wanted) return &d;
  return nullptr;
}

const IndicatorScore* CompanyScore::indicator(std::string_view wanted) const {
  for (const auto& i : indicators)
    if (i.id == wanted) return &i;
  return nullptr;
}

const CompanyScore* Run::find(std::string_view id) const {
  const auto it = std::lower_bound(companies.begin(), companies.end(), id,
                                   [](const CompanyScore& c, std::string_view v) { return c.company->id < v; });
  return it != companies.end() && it->company->id == id ? &*it : nullptr;
}

Run score_run(const model::Rubric& rubric, const std::vector<model::Company>& companies,
              const std::vector<model::Pair>& pairs, const Options& options) {
  Run run = score_once(rubric, companies, pairs, options);
  const bool any = std::any_of(companies.begin(), companies.end(), [](const auto& c) { return !c.decisions().empty(); });
  if (!options.apply_decisions || !any) return run;
  // The result as evaluated, before the decisions, for the scorecards.
  Options as_evaluated = options;
  as_evaluated.apply_decisions = false;
  const Run original = score_once(rubric, companies, pairs, as_evaluated);
  keep_originals(run, original);
  return run;
}

bool scored_alone(const model::Rubric& rubric, const Options& options) {
  return options.normalization.value_or(rubric.normalization) == model::Normalization::absolute &&
         options.method.value_or(rubric.method) != Method::topsis;
}

CompanyScore score_firm(const model::Rubric& rubric, const model::Company& company, const Options& options) {
  CompanyScore cs = rate(rubric, company, options.apply_decisions);
  aggregate_company(rubric, options.method.value_or(rubric.method), cs);
  return cs;
}

CompanyScore score_firm_taking_evidence(const model::Rubric& rubric, model::Company& company, const Options& options) {
  CompanyScore cs = rate(rubric, company, options.apply_decisions, &company.evaluation.ratings);
  aggregate_company(rubric, options.method.value_or(rubric.method), cs);
  return cs;
}

Run finish_run(const model::Rubric& rubric, std::vector<CompanyScore> companies,
               const std::vector<model::Pair>& pairs, const Options& options) {
  Run run = start_run(rubric, options);
  run.companies = std::move(companies);
  const auto by_id = [](const CompanyScore& a, const CompanyScore& b) { return a.company->id < b.company->id; };
  // (Firms that come in strictly increasing id order, as a workspace's do,
  // are in the order any sort would give.)
  const bool in_order = std::adjacent_find(run.companies.begin(), run.companies.end(), [&](const auto& a, const auto& b) {
                          return !by_id(a, b);
                        }) == run.companies.end();
  if (!in_order) std::sort(run.companies.begin(), run.companies.end(), by_id);
  const bool any = std::any_of(run.companies.begin(), run.companies.end(),
                               [](const CompanyScore& c) { return !c.company->decisions().empty(); });
  if (options.apply_decisions && any) {
    // The cohort as evaluated, before the decisions: a firm without any is
    // the same either way, so only firms with decisions are rated again.
    Options as_evaluated = options;
    as_evaluated.apply_decisions = false;
    Run original = start_run(rubric, as_evaluated);
    original.companies.reserve(run.companies.size());
    for (const auto& cs : run.companies) {
      if (cs.company->decisions().empty()) {
        CompanyScore same;
        same.company = cs.company;
        same.dimensions = cs.dimensions;
        same.total = cs.total;
        original.companies.push_back(std::move(same));
      } else {
        original.companies.push_back(score_firm(rubric, *cs.company, as_evaluated));
      }
    }
    finish_cohort(rubric, original, pairs, as_evaluated, false);
    keep_originals(run, original);
  }
  finish_cohort(rubric, run, pairs, options);
  return run;
}

RubricWeights rubric_weights(const model::Rubric& rubric) {
  RubricWeights out;
  double total = 0;
  for (const auto& d : rubric.dimensions) total += d.weight;
  for (const auto& d : rubric.dimensions) {
    RubricWeights::Dimension dw{d.id, d.weight / total, {}};
    double within = 0;
    for (const auto& i : d.indicators) within += i.weight;
    for (const auto& i : d.indicators)
      dw.indicators.push_back({i.id, i.weight / within, i.weight / within * dw.weight});
    out.dimensions.push_back(std::move(dw));
  }
  return out;
}

}  // namespace ecoscore::score
