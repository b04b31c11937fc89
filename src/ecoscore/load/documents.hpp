#pragma once

#include <optional>
#include <vector>

#include "ecoscore/load/reader.hpp"
#include "ecoscore/model/company.hpp"
#include "ecoscore/model/rubric.hpp"

namespace ecoscore::load {

// What a file is, told by its top-level key.
enum class FileKind { rubric, company, pairs, unknown };
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
