#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace ecoscore::analyze {

// Orders firms by total, highest first, equal totals by index: the order
// competition ranking reads. Reuses its scratch space from call to call, so
// that ranking a sample allocates nothing.
class TotalOrder {
 public:
  // `order` gets 0 .. n-1 in that order (n = totals.size() = order.size()).
  // Totals must not be negative, -0 or NaN.
  void sort(std::span<const double> totals, std::span<std::uint32_t> order);

 private:
  std::vector<std::uint64_t> keys_, scratch_;
  std::vector<std::uint32_t> counts_;
};

}  // namespace ecoscore::analyze
