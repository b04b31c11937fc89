#include "ecoscore/model/company.hpp"

namespace ecoscore::model {

const Rating* Company::find_rating(std::string_view indicator) const {
  for (const auto& r : evaluation.ratings)
    if (r.indicator == indicator) return &r;
  return nullptr;
}

}  // namespace ecoscore::model
