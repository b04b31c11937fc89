#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ecoscore/score/result.hpp"

namespace ecoscore::report {

// What the comparison views show beyond the scores themselves, computed once
// from a run so that every format shows the same numbers.

struct DimensionSummary {
  std::string id;
  std::optional<double> mean;  // over the scored firms the dimension applies to
  int firms = 0;
};

struct GroupSummary {
  std::string key;  // a size class or a sector
  int firms = 0;    // scored firms
  std::optional<double> mean_total;
};

struct FirmView {
  const score::CompanyScore* score = nullptr;
  // Per dimension, in rubric order: the share of firms scored on it that
  // score lower, counting ties as half (0..100); nullopt when not scored.
  std::vector<std::optional<double>> percentile;
  std::vector<const score::IndicatorScore*> strongest;  // up to 3, highest normalized first
  std::vector<const score::IndicatorScore*> weakest;    // up to 3, lowest first
  std::string next_grade;                               // the next better absolute band, if any
  std::optional<double> to_next_grade;                  // points the total lacks to reach it
  std::vector<const score::IndicatorScore*> stale;      // evidence dated before the period's year
};

struct CohortView {
  std::vector<DimensionSummary> dimensions;              // rubric order
  std::vector<std::pair<std::string, int>> grades;       // every band, best first, with its count
  std::vector<GroupSummary> by_size;                     // size classes in order, present ones
  std::vector<GroupSummary> by_sector;                   // sorted by sector id
  std::vector<FirmView> firms;                           // in report order (ranked)
};

CohortView analyze(const score::Run& run);

// Spearman's rank correlation of paired values (ranks averaged over ties,
// then Pearson's r of the ranks); nullopt for fewer than 3 pairs or when
// either side is constant.
std::optional<double> spearman(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace ecoscore::report
