#include "ecoscore/analyze/ranking.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <numeric>
#include <utility>

namespace ecoscore::analyze {
namespace {

constexpr std::size_t kRadixFrom = 256;  // fewer firms: a comparison sort is faster

}  // namespace

// Totals that are not negative order like their bit patterns. A stable LSD
// radix sort on the upper 32 bits (sign, exponent and 20 bits of mantissa;
// 3 passes of 11 bits, a pass skipped when every key shares its digit),
// started from index order, leaves equal upper halves in index order; each
// run of equal upper halves is then put in full order by comparison (runs
// are short: totals that close are rare).
void TotalOrder::sort(std::span<const double> totals, std::span<std::uint32_t> order) {
  const std::size_t n = totals.size();
  const auto before = [&](std::uint32_t x, std::uint32_t y) {
    return totals[x] != totals[y] ? totals[x] > totals[y] : x < y;
  };
  if (n < kRadixFrom) {
    std::iota(order.begin(), order.end(), 0U);
    std::sort(order.begin(), order.end(), before);
    return;
  }
  keys_.resize(n);
  scratch_.resize(n);
  std::array<std::array<std::uint32_t, 2048>, 3> counts{};
  for (std::size_t i = 0; i < n; ++i) {
    const auto high = ~static_cast<std::uint32_t>(std::bit_cast<std::uint64_t>(totals[i]) >> 32);
    keys_[i] = static_cast<std::uint64_t>(high) << 32 | i;
    ++counts[0][high & 2047];
    ++counts[1][(high >> 11) & 2047];
    ++counts[2][high >> 22];
  }
  std::uint64_t* from = keys_.data();
  std::uint64_t* to = scratch_.data();
  for (std::size_t pass = 0; pass < 3; ++pass) {
    auto& c = counts[pass];
    const unsigned shift = 32 + 11 * static_cast<unsigned>(pass);
    if (c[(from[0] >> shift) & 2047] == n) continue;
    std::uint32_t sum = 0;
    for (auto& v : c) sum += std::exchange(v, sum);
    for (std::size_t i = 0; i < n; ++i) to[c[(from[i] >> shift) & 2047]++] = from[i];
    std::swap(from, to);
  }
  for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(from[i]);
  for (std::size_t a = 0; a < n;) {
    std::size_t b = a + 1;
    while (b < n && from[b] >> 32 == from[a] >> 32) ++b;
    if (b - a > 1) std::sort(order.begin() + static_cast<std::ptrdiff_t>(a), order.begin() + static_cast<std::ptrdiff_t>(b), before);
    a = b;
  }
}

}  // namespace ecoscore::analyze
