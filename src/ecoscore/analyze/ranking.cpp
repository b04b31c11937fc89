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

// Competition ranking of `order` (firms by total, highest first): a firm's
// rank is its position, unless its total equals the previous firm's, whose
// rank it shares.
void Ranker::assign(std::span<const double> totals, std::span<const std::uint32_t> order,
                    std::uint32_t first_position, std::span<std::uint32_t> rank_of) {
  for (std::size_t pos = 0; pos < order.size(); ++pos) {
    const std::uint32_t i = order[pos];
    rank_of[i] = pos > 0 && totals[order[pos - 1]] == totals[i] ? rank_of[order[pos - 1]]
                                                                 : first_position + static_cast<std::uint32_t>(pos);
  }
}

// Each total becomes an integer key that orders like it: its distance below
// the highest total, scaled to about 64 key values per firm (at most 24
// bits); rounding keeps the order but makes close totals equal. Two passes
// of an LSD radix sort put the firms in key order. A firm alone with its key
// is ranked by its position, since every firm before it has a strictly
// higher total; a run of equal keys (a firm shares its key one time in 64 or
// so) is put in full order by comparison and ranked on its own.
// (Counting firms above each bucket instead of sorting was tried: on
// bell-shaped totals the crowded middle buckets made it slower.)
void Ranker::rank(std::span<const double> totals, std::span<std::uint32_t> rank_of) {
  const std::size_t n = totals.size();
  const auto before = [&](std::uint32_t x, std::uint32_t y) {
    return totals[x] != totals[y] ? totals[x] > totals[y] : x < y;
  };
  if (n < kRadixFrom) {
    run_.resize(n);
    std::iota(run_.begin(), run_.end(), 0U);
    std::sort(run_.begin(), run_.end(), before);
    assign(totals, run_, 0, rank_of);
    return;
  }
  // Four lanes of min and max, without branches (std::minmax_element
  // branches on every pair).
  std::array<double, 4> lows, tops;
  lows.fill(totals[0]);
  tops.fill(totals[0]);
  for (std::size_t i = 0; i + 4 <= n; i += 4)
    for (std::size_t l = 0; l < 4; ++l) {
      lows[l] = std::min(lows[l], totals[i + l]);
      tops[l] = std::max(tops[l], totals[i + l]);
    }
  for (std::size_t i = n - n % 4; i < n; ++i) {
    lows[0] = std::min(lows[0], totals[i]);
    tops[0] = std::max(tops[0], totals[i]);
  }
  const double top = std::max({tops[0], tops[1], tops[2], tops[3]});
  const double range = top - std::min({lows[0], lows[1], lows[2], lows[3]});
  if (range == 0) {
    std::fill(rank_of.begin(), rank_of.end(), 0U);
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
  for (std::size_t k = 0; k < n; ++k) {
    if (k + 1 == n || (from[k + 1] ^ from[k]) >> 32) [[likely]] {
      rank_of[static_cast<std::uint32_t>(from[k])] = static_cast<std::uint32_t>(k);
      continue;
    }
    std::size_t end = k + 2;
    while (end < n && !((from[end] ^ from[k]) >> 32)) ++end;
    run_.clear();
    for (std::size_t j = k; j < end; ++j) run_.push_back(static_cast<std::uint32_t>(from[j]));
    std::sort(run_.begin(), run_.end(), before);
    assign(totals, run_, static_cast<std::uint32_t>(k), rank_of);
    k = end - 1;
  }
}

}  // namespace ecoscore::analyze
