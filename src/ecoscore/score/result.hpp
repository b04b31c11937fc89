#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ecoscore/core/box.hpp"
#include "ecoscore/core/maybe.hpp"
#include "ecoscore/model/company.hpp"
#include "ecoscore/model/rubric.hpp"

namespace ecoscore::score {

// Why an indicator has no normalized value.
enum class Missing {
  none,
  absent,    // not in the company file
  declared,  // written as null (not rated), possibly with a reason
};

struct RaterScore {
  std::string rater;
  model::Value raw;
  double normalized = 0;
};

struct IndicatorScore {
  std::string id;
  core::Interned dimension;  // (kept once: a cohort repeats a few)
  // The raw value as rated: one value, or per-rater values combined (numbers
  // only; for levels and booleans see per_rater).
  std::optional<model::Value> raw;
  std::vector<RaterScore> per_rater;
  double rater_spread = 0;        // max - min of the raters' normalized values
  bool raters_disagree = false;   // spread above the rubric's tolerance
  std::optional<double> normalized;  // 0..100 (or relative), nullopt when missing
  Missing missing = Missing::none;
  std::string missing_reason;
  double scored_as = 0;           // the value aggregated: normalized, or 0 under `zero`
  double weight = 0;              // share of its dimension, among the indicators counted (0..1)
  double effective_weight = 0;    // share of the firm's total (0..1)
  std::optional<double> contribution;  // points of the total (weighted mean only)
  std::string evidence;
  std::optional<model::Date> evidence_date;
};

// (Four of these a firm: the flags sit beside the id, in the room the
// doubles would otherwise leave after it.)
struct DimensionScore {
  core::Interned id;  // (kept once: every firm has every dimension)
  bool applies = true;             // the dimension judges this firm's role
  bool unscored = false;           // coverage below the rubric's minimum
  core::Maybe score;               // none when it does not apply or is unscored
  double weight = 0;               // share of the firm's total among applicable dimensions (0..1)
  double coverage = 0;             // share of the dimension's weight that was rated (0..1)
};

struct AdjustmentScore {
  std::string id;
  model::AdjustmentKind kind = model::AdjustmentKind::bonus;
  double points = 0;               // as claimed in the file (positive)
  std::string reason;
  std::string evidence;
  std::optional<model::Date> date;
};

struct CompanyScore {
  // The decisions applied after scoring: the result before them.
  struct Original {
    std::optional<double> total;
    std::string grade;
    int rank = 0;
  };
  // Under topsis: the firm's distances to the cohort's ideal and anti-ideal;
  // base = 100 * to_anti_ideal / (to_ideal + to_anti_ideal).
  struct Topsis {
    double to_ideal = 0;
    double to_anti_ideal = 0;
  };
  // What few firms have, kept apart (made when first written), so that a
  // national cohort's firms do not each carry room for it.
  struct Rare {
    std::vector<std::string> floors_applied;       // dimensions whose floor lowered the grade
    std::vector<std::string> unscored_dimensions;
    std::string rescored_from;                     // the rubric version the file was rated under, when not this one
    std::vector<std::string> dropped;              // ratings and adjustments the rubric has no place for (re-scoring)
    std::vector<const model::Decision*> decisions; // the decisions applied
    std::optional<Original> original;
    std::optional<Topsis> topsis;
  };
  // Where a streamed run's DetailStore keeps the indicators it let go.
  struct Kept {
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
  };

  const model::Company* company = nullptr;
  std::vector<DimensionScore> dimensions;  // in rubric order, all of them
  std::vector<IndicatorScore> indicators;  // in rubric order, applicable ones
  std::vector<AdjustmentScore> adjustments;
  double coverage = 0;                     // share of the applicable weight rated (0..1)
  core::Maybe base;                        // aggregate before adjustments
  double bonus = 0;                        // after its cap
  double penalty = 0;                      // after its cap
  core::Maybe total;                       // base + bonus - penalty, clamped to 0..100
  core::Interned grade;                    // empty when unscored (kept once: a cohort shares a few grades)
  core::Interned grade_before_floors;
  int rank = 0;                            // competition rank among scored firms; 0 when unscored
  int role_rank = 0;                       // the same among firms of the same role
  bool clamped = false;
  std::optional<Kept> kept;

  core::Box<Rare> rare;

  // The rare parts, to read (empty when never written; write through rare.edit()).
  const std::vector<std::string>& floors_applied() const { return rare.get().floors_applied; }
  const std::vector<std::string>& unscored_dimensions() const { return rare.get().unscored_dimensions; }
  const std::string& rescored_from() const { return rare.get().rescored_from; }
  const std::vector<std::string>& dropped() const { return rare.get().dropped; }
  const std::vector<const model::Decision*>& decisions() const { return rare.get().decisions; }
  const std::optional<Original>& original() const { return rare.get().original; }
  const std::optional<Topsis>& topsis() const { return rare.get().topsis; }

  bool scored() const { return total.has_value(); }
  const DimensionScore* dimension(std::string_view id) const;
  const IndicatorScore* indicator(std::string_view id) const;
};

// One dimension of a large firm + SME pair.
struct PairDimension {
  std::string id;
  std::optional<double> large;     // the large firm's score (its own or its view of a shared one)
  std::optional<double> sme;       // the SME's
  std::optional<double> combined;  // own dimensions: that side's; shared: combined by the rubric's rule
  std::optional<double> gap;       // shared only: large - sme (perception gap)
  bool gap_flagged = false;
};

struct PairIndicatorGap {
  std::string id;
  std::string dimension;
  double large = 0;
  double sme = 0;
  double gap = 0;
  bool flagged = false;
};

struct PairScore {
  const model::Company* large = nullptr;
  const model::Company* sme = nullptr;
  std::vector<PairDimension> dimensions;  // rubric order
  std::vector<PairIndicatorGap> gaps;     // shared indicators rated by both, rubric order
  std::optional<double> total;            // all dimensions, by the rubric's method
  std::string grade;
};

// A large firm with all its SME partners: the four-axis profile.
struct EcosystemAxis {
  std::string id;
  std::optional<double> large;         // the large firm's own score (large or shared dimensions)
  std::optional<double> partners_mean; // SME side: mean over partners (SME or shared dimensions)
  std::optional<double> partners_min;
  std::optional<double> value;         // the profile's value: see score.cpp
};

struct EcosystemScore {
  const model::Company* large = nullptr;
  std::vector<const model::Company*> partners;  // sorted by id
  std::vector<EcosystemAxis> axes;              // rubric order
};

struct Run {
  const model::Rubric* rubric = nullptr;
  model::Method method = model::Method::weighted_mean;
  model::Normalization normalization = model::Normalization::absolute;
  std::vector<CompanyScore> companies;  // sorted by company id
  std::vector<PairScore> pairs;         // sorted by (large, sme)
  std::vector<EcosystemScore> ecosystems;  // sorted by large firm id
  int scored_count = 0;

  const CompanyScore* find(std::string_view id) const;
};

}  // namespace ecoscore::score
