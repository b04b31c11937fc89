#pragma once

#include <optional>
#include <vector>

#include "ecoscore/load/reader.hpp"
#include "ecoscore/model/company.hpp"
#include "ecoscore/model/rubric.hpp"

namespace ecoscore::load {

// What a file is, told by its top-level key.
enum class FileKind { rubric, company, pairs, ahp, unknown };
FileKind kind_of(const Node& root);

// Each reads one document's tree into the model, reporting every problem
// through the reader.
// A rubric is all or nothing: nullopt when anything was wrong, since scoring
// against part of a rubric would mislead.
std::optional<model::Rubric> read_rubric(const Node& root, Reader& reader);
// A company or a pairs list comes back with whatever could be read, so that
// later checks report their errors in the same run; the run still fails on
// the errors already reported.
model::Company read_company(const Node& root, Reader& reader);
std::vector<model::Pair> read_pairs(const Node& root, Reader& reader);

// A pairwise comparison {criteria, matrix, method?}: ids unique, 2 to 15 of
// them, an n x n matrix of judgements on Saaty's scale (numbers or fractions
// such as 1/3, from 1/9 to 9), ones on the diagonal, reciprocal within 1 %.
// The weights are derived on success, by `method` when given, else by the
// one written (default eigenvector).
std::optional<model::Ahp> read_ahp(Reader& reader, const Node& node, const std::string& path,
                                   std::optional<model::AhpMethod> method = std::nullopt);
// A file whose top-level key is `ahp`; warns when the comparison is inconsistent.
std::optional<model::Ahp> read_ahp_file(const Node& root, Reader& reader,
                                        std::optional<model::AhpMethod> method = std::nullopt);
// Warns when the consistency ratio is above Saaty's 0.10.
void warn_if_inconsistent(Reader& reader, const Node& at, const std::string& path, const model::Ahp& ahp);
// Gives each of `ids` its weight from the comparison, whose criteria must be
// exactly `ids`, and warns when it is inconsistent.
bool apply_ahp(Reader& reader, const Node& at, const std::string& path, const model::Ahp& ahp,
               const std::vector<std::string>& ids, const std::vector<double*>& weights);

// Checks a company's evaluation against the rubric it names: rubric version,
// indicator ids, raters, values on their scales, roles, adjustments, and
// missing ratings (an error under the `fail` policy, else a warning).
void check_company(const model::Company& company, const model::Rubric& rubric,
                   core::Diagnostics& out);

// Checks a company rated under another version of the rubric against `newer`:
// values on the new scales, and a warning for each rating or adjustment the
// new version has no place for and each indicator it adds that was not rated.
void check_company_rescore(const model::Company& company, const model::Rubric& newer, core::Diagnostics& out);

// A scale's accepted values in notation: "{1, 2, 3, 4, 5}", "0-200 days",
// "0-100 %", "true/false", "none | partial | full".
std::string describe_scale(const model::Scale& scale);

}  // namespace ecoscore::load
