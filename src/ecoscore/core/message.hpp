#pragma once

#include <string_view>

#include "ecoscore/core/lang.hpp"

namespace ecoscore::core {

// Every text shown to a user lives in one table (message.cpp), in Korean and
// English. Placeholders are fmt's positional fields: {0}, {1}, ...
// The enumerators are stable ids: tests and tools may refer to them by name.
enum class Msg {
  // Files and bytes.
  file_missing,
  file_unreadable,
  not_regular_file,
  file_too_large,
  file_empty,
  wrong_encoding,
  invalid_utf8,
  bom_inside,
  control_character,
  bidi_control,
  escaped_control,
  lone_cr,
  tab_indent,
  // YAML structure.
  yaml_syntax,
  second_document,
  anchor_not_allowed,
  alias_not_allowed,
  tag_not_allowed,
  too_deep,
  too_many_nodes,
  unclosed_quote,
  duplicate_key,
  key_not_scalar,
  no_data,
  top_not_mapping,
  unknown_file_kind,
  // Types and scalars.
  expected_type,
  unknown_key,
  missing_key,
  number_invalid,
  number_quoted,
  number_leading_zero,
  number_out_of_range,
  number_not_finite,
  not_whole_number,
  bad_boolean,
  bad_id,
  bad_choice,
  bad_date,
  empty_text,
  label_needs_lang,
  must_be_positive,
  must_be_non_negative,
  must_be_in_range,
  // Rubric rules.
  duplicate_id,
  scale_bounds,
  scale_needs,
  bands_unordered,
  anchor_off_scale,
  grade_bands_unordered,
  grade_shares_sum,
  share_mismatch,
  weight_mode_conflict,
  unknown_dimension,
  unknown_grade,
  no_dimensions,
  no_indicators,
  // Pairwise comparisons (AHP).
  ahp_criteria_count,
  ahp_matrix_shape,
  ahp_judgement,
  ahp_diagonal,
  ahp_reciprocal,
  ahp_criteria_mismatch,
  ahp_weight_conflict,
  ahp_needs_nested,
  ahp_inconsistent,
  not_an_ahp_file,
  // Company files.
  bad_rubric_ref,
  unknown_rubric,
  rubric_version_mismatch,
  rubric_id_mismatch,
  duplicate_rubric,
  not_a_rubric,
  partner_not_loaded,
  unknown_indicator,
  unknown_rater,
  unknown_adjustment,
  unknown_level,
  value_off_scale,
  value_wrong_type,
  rating_not_applicable,
  rating_missing,
  rating_both_forms,
  rating_no_raters,
  adjustment_over_max,
  adjustment_sign,
  unknown_company,
  duplicate_company,
  pair_roles,
  partner_role,
  // Ratings CSV.
  csv_unclosed_quote,
  csv_after_quote,
  csv_missing_column,
  csv_unknown_column,
  csv_duplicate_column,
  csv_row_length,
  csv_duplicate_firm,
  csv_duplicate_rater,
  csv_conflict,
  csv_mixed_raters,
  csv_needs_rubric,
  csv_reason_without_points,
  decisions_not_exported,
  // Scoring and analysis.
  robustness_method,
  // Output.
  output_exists,
  output_not_folder,
  output_failed,
  // Audit.
  bad_manifest,
  bad_scores,
  input_changed,
  input_gone,
  output_tampered,
  output_differs,
  output_missing,
  tool_version_differs,
  verified,
  verify_failed,
  runs_identical,
  runs_differ,
  rescored_from,
  rating_dropped,
  adjustment_dropped,
  // Command line.
  usage_unknown_command,
  usage_no_command,
  usage_error,
  usage_try_help,
  no_input_files,
  input_missing,
  files_valid,
  files_written,
  // Decorations added by Diagnostic::render.
  did_you_mean,
  at_document_path,
};

// The format string of a message in a language.
std::string_view message_format(Msg id, Lang lang);

// The stable name of a message id, e.g. "duplicate_key".
std::string_view message_name(Msg id);

}  // namespace ecoscore::core
