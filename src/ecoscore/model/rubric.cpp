#include "ecoscore/model/rubric.hpp"

#include <algorithm>

namespace ecoscore::model {

bool Dimension::applies_to(Role role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

const Dimension* Rubric::find_dimension(std::string_view wanted) const {
  for (const auto& d : dimensions)
    if (d.id == wanted) return &d;
  return nullptr;
}

std::pair<const Dimension*, const Indicator*> Rubric::find_indicator(std::string_view wanted) const {
  for (const auto& d : dimensions)
    for (const auto& i : d.indicators)
      if (i.id == wanted) return {&d, &i};
  return {nullptr, nullptr};
}

const AdjustmentItem* Rubric::find_adjustment(std::string_view wanted) const {
  for (const auto& a : adjustments.items)
    if (a.id == wanted) return &a;
  return nullptr;
}

const GradeBand* Rubric::find_grade(std::string_view wanted) const {
  for (const auto& g : grades.bands)
    if (g.id == wanted) return &g;
  return nullptr;
}

}  // namespace ecoscore::model
