#pragma once

#include <vector>

#include "ecoscore/score/result.hpp"

namespace ecoscore::report {

// Companies in report order: by rank, ties and unscored firms by id, the
// unscored ones last.
std::vector<const score::CompanyScore*> ranked(const score::Run& run);

}  // namespace ecoscore::report
