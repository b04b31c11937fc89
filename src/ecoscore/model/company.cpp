#include "ecoscore/model/company.hpp"

#include <algorithm>

namespace ecoscore::model {

const Rating* Company::find_rating(std::string_view indicator) const {
  // Ratings are sorted by indicator id.
  const auto it = std::lower_bound(evaluation.ratings.begin(), evaluation.ratings.end(), indicator,
                                   [](const Rating& r, std::string_view key) { return r.indicator < key; });
  return it != evaluation.ratings.end() && it->indicator == indicator ? &*it : nullptr;
}

}  // namespace ecoscore::model
