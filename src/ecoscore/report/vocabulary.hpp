#pragma once

#include <string>
#include <string_view>

#include "ecoscore/core/lang.hpp"
#include "ecoscore/model/company.hpp"
#include "ecoscore/model/rubric.hpp"
#include "ecoscore/score/result.hpp"

namespace ecoscore::report {

// Every word a report prints, in Korean and English (vocabulary.cpp).
enum class Word {
  rank, role_rank, company, id, size, role, sector, total, base, bonus, penalty, grade, coverage,
  dimension, indicator, weight, effective_weight, raw, normalized, contribution, score, missing,
  not_rated, not_scored, not_applicable, unscored_dimension, raters, spread, disagree, evidence,
  large_firm, sme, combined, gap, flagged, partners, partners_mean, partners_min, profile,
  ranking, pairs, ecosystems, notes, method, normalization, missing_policy, rubric, period,
  adjustments, reason, points, cap, floor, clamped, yes, no, scored_firms, minimum, base_is_sum,
  base_is_product, renormalized, applies_to, at_most, formula, floor_applied, floor_not_applied,
  floor_already_lower, added, removed, grade_transitions, evaluation_date, rescored_from, dropped,
  decision, correction, downgrade, decided_by, original_result, summary, grade_distribution,
  dimension_averages, by_size, by_sector, scorecards, strongest, weakest, percentile, next_grade,
  cohort_average, quadrant, stale_evidence, firms, mean_total, contents, illustrative, outcomes, outcome,
  spearman, association_note, movers, change, transitions_matrix, dimension_changes, scorecard, of,
  criterion, pairwise_weights, lambda_max, consistency_index, consistency_ratio, random_index,
  inconsistent, robustness, rank_acceptability, mean_rank, rank_interval, top_probability, stable,
  nominal_rank, samples, seed, weight_sampling, grade_probabilities, agreement, alpha_interval,
  alpha_ordinal, units, values_paired, overall, robustness_note, agreement_note, unstable, base_is_closeness, stable_header, nominal_share,
  top_only_note,
};

std::string_view word(Word w, core::Lang lang);
std::string_view size_name(model::SizeClass size, core::Lang lang);
std::string_view role_name(model::Role role, core::Lang lang);
std::string_view method_name(model::Method method, core::Lang lang);
std::string_view normalization_name(model::Normalization n, core::Lang lang);
std::string_view policy_name(model::MissingPolicy p, core::Lang lang);

// A grade's label in the language, or "-" when unscored.
std::string grade_label(const model::Rubric& rubric, const std::string& grade, core::Lang lang);
// "{1, 2}" -> "4", true -> "true", "partial" -> "partial".
std::string value_text(const model::Value& value);

}  // namespace ecoscore::report
