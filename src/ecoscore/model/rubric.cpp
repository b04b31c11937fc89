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

std::size_t Rubric::indicator_count() const {
  std::size_t count = 0;
  for (const auto& d : dimensions) count += d.indicators.size();
  return count;
}

// The index's place for `wanted`; `searched` tells whether the index could be
// used (it is complete), so that a null place means no such indicator.
const Rubric::Place* Rubric::indexed(std::string_view wanted, bool& searched) const {
  const std::size_t count = indicator_count();
  searched = ids_in_order_.size() == count && count > 0;
  if (!searched) return nullptr;
  const auto it = std::lower_bound(ids_in_order_.begin(), ids_in_order_.end(), wanted,
                                   [](const auto& entry, std::string_view key) { return entry.first < key; });
  return it == ids_in_order_.end() || it->first != wanted ? nullptr : &it->second;
}

std::pair<const Dimension*, const Indicator*> Rubric::find_indicator(std::string_view wanted) const {
  bool searched = false;
  if (const Place* at = indexed(wanted, searched))
    return {&dimensions[at->dimension], &dimensions[at->dimension].indicators[at->indicator]};
  if (searched) return {nullptr, nullptr};
  for (const auto& d : dimensions)
    for (const auto& i : d.indicators)
      if (i.id == wanted) return {&d, &i};
  return {nullptr, nullptr};
}

std::size_t Rubric::indicator_position(std::string_view wanted) const {
  bool searched = false;
  if (const Place* at = indexed(wanted, searched)) return at->position;
  if (searched) return std::string::npos;
  std::size_t position = 0;
  for (const auto& d : dimensions)
    for (const auto& i : d.indicators) {
      if (i.id == wanted) return position;
      ++position;
    }
  return std::string::npos;
}

void Rubric::index_indicators() {
  ids_in_order_.clear();
  std::uint32_t position = 0;
  for (std::uint32_t d = 0; d < dimensions.size(); ++d)
    for (std::uint32_t i = 0; i < dimensions[d].indicators.size(); ++i)
      ids_in_order_.emplace_back(dimensions[d].indicators[i].id, Place{d, i, position++});
  const auto by_id = [](const auto& a, const auto& b) { return a.first < b.first; };
  std::sort(ids_in_order_.begin(), ids_in_order_.end(), by_id);
  // Ids are unique across the rubric (the loader checks); were one repeated,
  // the index would go unused and every lookup would search in order.
  if (std::adjacent_find(ids_in_order_.begin(), ids_in_order_.end(),
                         [](const auto& a, const auto& b) { return a.first == b.first; }) != ids_in_order_.end())
    ids_in_order_.clear();
}

Rubric::InOrder::InOrder(const Rubric& rubric)
    : rubric_(rubric),
      merge_(rubric.ids_in_order_.size() == rubric.indicator_count() && !rubric.ids_in_order_.empty()),
      next_(0) {}

Rubric::Found Rubric::InOrder::find(std::string_view id) {
  const auto& ids = rubric_.ids_in_order_;
  // ids[next_] is the first id after every id asked for so far.
  const auto found = [&](std::size_t k) -> Found {
    const Place& at = ids[k].second;
    const Dimension& d = rubric_.dimensions[at.dimension];
    return {&d, &d.indicators[at.indicator], at.position};
  };
  if (merge_) {
    if (next_ < ids.size() && ids[next_].first == id) return found(next_++);  // the next one: the common case
    if (next_ == 0 || ids[next_ - 1].first < id) {  // further on
      while (next_ < ids.size() && ids[next_].first < id) ++next_;
      if (next_ < ids.size() && ids[next_].first == id) return found(next_++);
      return {};
    }
  }
  const auto [dimension, indicator] = rubric_.find_indicator(id);
  if (!indicator) return {};
  return {dimension, indicator, rubric_.indicator_position(id)};
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
