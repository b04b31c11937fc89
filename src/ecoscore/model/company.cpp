#include "ecoscore/model/company.hpp"

#include <algorithm>

namespace ecoscore::model {

const Rating* Company::find_rating(std::string_view indicator) const {
  // Ratings are sorted by indicator id.
  const auto it = std::lower_bound(evaluation.ratings.begin(), evaluation.ratings.end(), indicator,
                                   [](const Rating& r, std::string_view key) { return r.indicator < key; });
  return it != evaluation.ratings.end() && it->indicator == indicator ? &*it : nullptr;
}

std::vector<const Rating*> Company::ratings_by_position(const Rubric& rubric) const {
  std::vector<const Rating*> at(rubric.indicator_count(), nullptr);
  Rubric::InOrder places(rubric);  // the ratings are in id order
  for (const auto& r : evaluation.ratings)
    if (const std::size_t k = places.find(r.indicator).position; k < at.size()) at[k] = &r;
  return at;
}

}  // namespace ecoscore::model
