#pragma once

#include <ostream>

#include "ecoscore/analyze/agreement.hpp"
#include "ecoscore/analyze/robustness.hpp"
#include "ecoscore/report/document.hpp"
#include "ecoscore/report/writers.hpp"

namespace ecoscore::report {

// Krippendorff's alpha overall and per dimension; nullopt when no indicator
// was rated by several raters.
std::optional<Section> agreement_section(const analyze::Agreement& agreement, const model::Rubric& rubric,
                                         core::Lang lang);

// The settings, a summary per firm (mean rank, 95 % interval, top-k and
// nominal-rank shares, stability), the rank-acceptability heat table and the
// grade probabilities.
Section robustness_section(const analyze::Robustness& robustness, const score::Run& run, core::Lang lang);
// `ecoscore robustness` as a document (md, html).
Document robustness_document(const analyze::Robustness& robustness, const score::Run& run, const RunInfo& info);
// One row per firm: the summary columns, then the share at each rank.
void write_robustness_csv(std::ostream& out, const analyze::Robustness& robustness, const RunInfo& info);
// {"tool","rubric","method","samples","seed","weights","nominal_weights","top","firms","unscored"}
void write_robustness_json(std::ostream& out, const analyze::Robustness& robustness, const score::Run& run,
                           const RunInfo& info);
// "5: 62 % at the nominal rank, 95 % interval 3-8, top 5: 48 %" for a scorecard.
std::string robustness_line(const analyze::FirmRobustness& firm, int top, core::Lang lang);

}  // namespace ecoscore::report
