#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace ecoscore::analyze {

// Competition ranks of a sample's totals: a firm's 0-based rank is the
// number of firms with a strictly higher total, so equal totals share a rank
// (1, 2, 2, 4 counted from 1). Reuses its scratch space from call to call, so
// that ranking a sample allocates nothing.
class Ranker {
 public:
  // rank_of[i] gets firm i's rank (rank_of.size() == totals.size()).
  // Totals must not be NaN.
  void rank(std::span<const double> totals, std::span<std::uint32_t> rank_of);

 private:
  static void assign(std::span<const double> totals, std::span<const std::uint32_t> order,
                     std::uint32_t first_position, std::span<std::uint32_t> rank_of);

  std::vector<std::uint64_t> keys_, scratch_;  // (key << 32 | firm), for the radix passes
  std::vector<std::uint32_t> count_;           // per digit value, both passes
  std::vector<std::uint32_t> run_;             // firms of equal key (or all, when few)
};

}  // namespace ecoscore::analyze
