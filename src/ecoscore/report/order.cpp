#include "ecoscore/report/order.hpp"

#include <algorithm>
#include <climits>

namespace ecoscore::report {

std::vector<const score::CompanyScore*> ranked(const score::Run& run) {
  // Sorted as a compact copy of the ranks, not through the firms (large and
  // far apart in memory). The run's firms are in id order, so their index
  // breaks a tie as their id does.
  std::vector<std::pair<int, std::size_t>> keys;
  keys.reserve(run.companies.size());
  for (std::size_t k = 0; k < run.companies.size(); ++k) {
    const int rank = run.companies[k].rank;
    keys.emplace_back(rank > 0 ? rank : INT_MAX, k);
  }
  std::sort(keys.begin(), keys.end());
  std::vector<const score::CompanyScore*> order;
  order.reserve(keys.size());
  for (const auto& key : keys) order.push_back(&run.companies[key.second]);
  return order;
}

}  // namespace ecoscore::report
