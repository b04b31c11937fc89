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
  std::size_t count = 0;
  for (const auto& d : dimensions) count += d.indicators.size();
  if (indicator_index_.size() == count && count > 0) {
    const auto it = indicator_index_.find(wanted);
    if (it == indicator_index_.end()) return {nullptr, nullptr};
    const auto [d, i] = it->second;
    return {&dimensions[d], &dimensions[d].indicators[i]};
  }
  for (const auto& d : dimensions)
    for (const auto& i : d.indicators)
      if (i.id == wanted) return {&d, &i};
  return {nullptr, nullptr};
}

void Rubric::index_indicators() {
  indicator_index_.clear();
  // Ids are unique across the rubric (the loader checks); were one repeated,
  // the index would hold fewer entries than indicators and go unused.
  for (std::uint32_t d = 0; d < dimensions.size(); ++d)
    for (std::uint32_t i = 0; i < dimensions[d].indicators.size(); ++i)
      indicator_index_.emplace(dimensions[d].indicators[i].id, std::pair{d, i});
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
