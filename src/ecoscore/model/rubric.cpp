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
    const auto id_at = [this](const std::pair<std::uint32_t, std::uint32_t>& at) -> const std::string& {
      return dimensions[at.first].indicators[at.second].id;
    };
    const auto it = std::lower_bound(indicator_index_.begin(), indicator_index_.end(), wanted,
                                     [&](const auto& at, std::string_view w) { return id_at(at) < w; });
    if (it == indicator_index_.end() || id_at(*it) != wanted) return {nullptr, nullptr};
    return {&dimensions[it->first], &dimensions[it->first].indicators[it->second]};
  }
  for (const auto& d : dimensions)
    for (const auto& i : d.indicators)
      if (i.id == wanted) return {&d, &i};
  return {nullptr, nullptr};
}

void Rubric::index_indicators() {
  indicator_index_.clear();
  for (std::uint32_t d = 0; d < dimensions.size(); ++d)
    for (std::uint32_t i = 0; i < dimensions[d].indicators.size(); ++i) indicator_index_.emplace_back(d, i);
  // Ids are unique across the rubric (the loader checks), so the order is total.
  std::sort(indicator_index_.begin(), indicator_index_.end(), [this](const auto& a, const auto& b) {
    return dimensions[a.first].indicators[a.second].id < dimensions[b.first].indicators[b.second].id;
  });
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
