#include "ecoscore/report/order.hpp"

#include <algorithm>
#include <climits>

namespace ecoscore::report {

std::vector<const score::CompanyScore*> ranked(const score::Run& run) {
  // Sorted as a compact copy of the ranks, not through the firms (large and
  // far apart in memory). A run's firms are in id order, so a stable sort
  // leaves tied firms by id without looking at their ids; only a run put
  // together in another order has its ids compared.
  const auto& firms = run.companies;
  const bool in_id_order = std::is_sorted(firms.begin(), firms.end(), [](const auto& a, const auto& b) {
    return a.company->id < b.company->id;
  });
  struct Key {
    int rank;
    std::size_t index;
  };
  std::vector<Key> keys;
  keys.reserve(firms.size());
  for (std::size_t k = 0; k < firms.size(); ++k) keys.push_back({firms[k].rank > 0 ? firms[k].rank : INT_MAX, k});
  std::stable_sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    return !in_id_order && firms[a.index].company->id < firms[b.index].company->id;
  });
  std::vector<const score::CompanyScore*> order;
  order.reserve(keys.size());
  for (const Key& key : keys) order.push_back(&firms[key.index]);
  return order;
}

}  // namespace ecoscore::report
