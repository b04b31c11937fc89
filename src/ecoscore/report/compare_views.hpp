#pragma once

#include "ecoscore/report/document.hpp"
#include "ecoscore/report/writers.hpp"

namespace ecoscore::report {

// The views of `ecoscore compare`, each as a document every format renders.

// Ranking, groups by size and sector, dimension averages, grade distribution,
// and the outcomes related to each dimension (Spearman's rho, n).
Document cohort_view(const score::Run& run, const RunInfo& info);
// Large firm and SME side by side per dimension, perception gaps largest first.
Document pairs_view(const score::Run& run, const RunInfo& info);
// Each large firm's four-axis profile with its partners.
Document ecosystems_view(const score::Run& run, const RunInfo& info);
// One firm's scorecard; `overlay`, when given, is drawn on its radar too.
Document firm_view(const score::Run& run, const RunInfo& info, const score::CompanyScore& firm,
                   const score::CompanyScore* overlay);

}  // namespace ecoscore::report
