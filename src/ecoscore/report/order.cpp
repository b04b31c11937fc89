#include "ecoscore/report/order.hpp"

#include <algorithm>
#include <climits>

namespace ecoscore::report {

std::vector<const score::CompanyScore*> ranked(const score::Run& run) {
  std::vector<const score::CompanyScore*> order;
  for (const auto& c : run.companies) order.push_back(&c);
  std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
    const int ra = a->rank > 0 ? a->rank : INT_MAX;
    const int rb = b->rank > 0 ? b->rank : INT_MAX;
    return ra != rb ? ra < rb : a->company->id < b->company->id;
  });
  return order;
}

}  // namespace ecoscore::report
