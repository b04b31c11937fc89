#include "ecoscore/analyze/agreement.hpp"

#include <algorithm>
#include <map>

namespace ecoscore::analyze {

std::optional<double> krippendorff_alpha(const std::vector<std::vector<double>>& units, Metric metric) {
  // The distinct values, sorted (the ordinal metric needs their order).
  std::vector<double> distinct;
  for (const auto& u : units)
    if (u.size() >= 2) distinct.insert(distinct.end(), u.begin(), u.end());
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  const std::size_t v = distinct.size();
  if (v == 0) return std::nullopt;
  const auto index = [&](double x) {
    return static_cast<std::size_t>(std::lower_bound(distinct.begin(), distinct.end(), x) - distinct.begin());
  };
  // Coincidences: within a unit of m values, each ordered pair of two
  // different values' positions adds 1 / (m - 1).
  std::vector<double> o(v * v, 0.0);
  for (const auto& u : units) {
    const std::size_t m = u.size();
    if (m < 2) continue;
    std::vector<std::size_t> idx;
    for (double x : u) idx.push_back(index(x));
    const double share = 1.0 / static_cast<double>(m - 1);
    for (std::size_t a = 0; a < m; ++a)
      for (std::size_t b = 0; b < m; ++b)
        if (a != b) o[idx[a] * v + idx[b]] += share;
  }
  std::vector<double> margin(v, 0.0);
  double n = 0;
  for (std::size_t c = 0; c < v; ++c)
    for (std::size_t k = 0; k < v; ++k) margin[c] += o[c * v + k];
  for (double x : margin) n += x;
  if (n < 2) return std::nullopt;
  const auto delta = [&](std::size_t c, std::size_t k) {
    switch (metric) {
      case Metric::nominal: return c == k ? 0.0 : 1.0;
      case Metric::interval: {
        const double d = distinct[c] - distinct[k];
        return d * d;
      }
      case Metric::ordinal: {
        const std::size_t lo = std::min(c, k), hi = std::max(c, k);
        double sum = 0;
        for (std::size_t g = lo; g <= hi; ++g) sum += margin[g];
        const double d = sum - (margin[c] + margin[k]) / 2.0;
        return d * d;
      }
    }
    return 0.0;
  };
  double observed = 0, expected = 0;
  for (std::size_t c = 0; c < v; ++c) {
    for (std::size_t k = 0; k < v; ++k) {
      const double d = delta(c, k);
      observed += o[c * v + k] * d;
      expected += margin[c] * margin[k] * d;
    }
  }
  if (expected <= 0) return std::nullopt;
  return 1.0 - (n - 1.0) * observed / expected;
}

namespace {

Alpha summarize(const std::vector<std::vector<double>>& units) {
  Alpha a;
  for (const auto& u : units) {
    if (u.size() < 2) continue;
    ++a.units;
    a.values += u.size();
  }
  a.interval = krippendorff_alpha(units, Metric::interval);
  a.ordinal = krippendorff_alpha(units, Metric::ordinal);
  return a;
}

}  // namespace

Agreement rater_agreement(const score::Run& run) {
  std::map<std::string, std::vector<std::vector<double>>> by_dimension;
  std::vector<std::vector<double>> all;
  for (const auto& c : run.companies) {
    for (const auto& is : c.indicators) {
      if (is.per_rater.size() < 2) continue;
      std::vector<double> unit;
      for (const auto& r : is.per_rater) unit.push_back(r.normalized);
      by_dimension[is.dimension].push_back(unit);
      all.push_back(std::move(unit));
    }
  }
  Agreement out;
  out.overall = summarize(all);
  for (const auto& dim : run.rubric->dimensions)
    if (auto it = by_dimension.find(dim.id); it != by_dimension.end())
      out.dimensions.emplace_back(dim.id, summarize(it->second));
  return out;
}

}  // namespace ecoscore::analyze
