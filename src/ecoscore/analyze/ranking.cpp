#include "ecoscore/analyze/ranking.hpp"

#include <algorithm>
#include <bit>
#include <numeric>
#include <utility>

namespace ecoscore::analyze {
namespace {

constexpr std::size_t kRadixFrom = 256;  // fewer firms: a comparison sort is faster

}  // namespace

// Orders firms by total, highest first, equal totals by index. Each total
// becomes an integer key that orders like it: its distance below the highest
// total, scaled to about 64 key values per firm (at most 24 bits); rounding
// keeps the order but makes close totals equal. Two passes of a stable LSD
// radix sort, started from index order, leave equal keys in index order;
// each run of equal keys is then put in full order by comparison (runs are
// short: a firm shares its key with another one time in 64 or so).
// (Counting firms above each bucket instead of sorting was tried: on
// bell-shaped totals the crowded middle buckets made it slower.)
void Ranker::sort(std::span<const double> totals, std::span<std::uint32_t> order) {
  const std::size_t n = totals.size();
  const auto before = [&](std::uint32_t x, std::uint32_t y) {
    return totals[x] != totals[y] ? totals[x] > totals[y] : x < y;
  };
  if (n < kRadixFrom) {
    std::iota(order.begin(), order.end(), 0U);
    std::sort(order.begin(), order.end(), before);
    return;
  }
  const auto [low, high] = std::minmax_element(totals.begin(), totals.end());
  const double top = *high, range = *high - *low;
  if (range == 0) {
    std::iota(order.begin(), order.end(), 0U);
    return;
  }
  const unsigned digit = std::min(12U, (static_cast<unsigned>(std::bit_width(n)) + 7) / 2);
  const std::uint32_t buckets = 1U << digit, mask = buckets - 1;
  const double scale = static_cast<double>(buckets * buckets - 1) / range;
  keys_.resize(n);
  scratch_.resize(n);
  count_.assign(2 * static_cast<std::size_t>(buckets), 0);
  std::uint32_t* low_counts = count_.data();
  std::uint32_t* high_counts = low_counts + buckets;
  for (std::size_t i = 0; i < n; ++i) {
    const auto key = static_cast<std::uint32_t>((top - totals[i]) * scale);
    keys_[i] = static_cast<std::uint64_t>(key) << 32 | i;
    ++low_counts[key & mask];
    ++high_counts[key >> digit];
  }
  std::uint64_t* from = keys_.data();
  std::uint64_t* to = scratch_.data();
  for (unsigned pass = 0; pass < 2; ++pass) {
    std::uint32_t* c = pass == 0 ? low_counts : high_counts;
    const unsigned shift = 32 + digit * pass;
    if (c[(from[0] >> shift) & mask] == n) continue;  // every key has this digit
    std::uint32_t sum = 0;
    for (std::uint32_t b = 0; b < buckets; ++b) sum += std::exchange(c[b], sum);
    for (std::size_t i = 0; i < n; ++i) to[c[(from[i] >> shift) & mask]++] = from[i];
    std::swap(from, to);
  }
  for (std::size_t k = 0; k < n; ++k) order[k] = static_cast<std::uint32_t>(from[k]);
  for (std::size_t k = 1; k < n; ++k) {
    if ((from[k] ^ from[k - 1]) >> 32) continue;
    const std::size_t a = k - 1;
    while (k < n && !((from[k] ^ from[a]) >> 32)) ++k;
    std::sort(order.begin() + static_cast<std::ptrdiff_t>(a), order.begin() + static_cast<std::ptrdiff_t>(k), before);
  }
}

// Competition ranking: a firm's rank is its position in the order, unless
// its total equals the previous firm's, whose rank it shares.
void Ranker::rank(std::span<const double> totals, std::span<std::uint32_t> rank_of) {
  const std::size_t n = totals.size();
  order_.resize(n);
  sort(totals, order_);
  std::uint32_t r = 0;
  double previous = 0;
  for (std::size_t pos = 0; pos < n; ++pos) {
    const std::uint32_t i = order_[pos];
    const double v = totals[i];
    if (pos > 0 && v != previous) r = static_cast<std::uint32_t>(pos);
    previous = v;
    rank_of[i] = r;
  }
}

}  // namespace ecoscore::analyze
