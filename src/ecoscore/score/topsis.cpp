#include "ecoscore/score/topsis.hpp"

#include <cmath>

namespace ecoscore::score {

TopsisResult topsis(const TopsisMatrix& m) {
  const std::size_t n = m.rows;
  const std::size_t k = m.criteria;
  const auto at = [k](std::size_t i, std::size_t j) { return i * k + j; };
  std::vector<double> norm(k, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < k; ++j)
      if (m.weights[at(i, j)] > 0) norm[j] += m.values[at(i, j)] * m.values[at(i, j)];
  for (double& v : norm) v = std::sqrt(v);

  std::vector<double> r(n * k, 0.0);
  std::vector<double> best(k, 0.0), worst(k, 0.0);
  std::vector<bool> seen(k, false);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < k; ++j) {
      if (m.weights[at(i, j)] <= 0) continue;
      const double v = norm[j] > 0 ? m.values[at(i, j)] / norm[j] : 0.0;
      r[at(i, j)] = v;
      const bool benefit = m.directions[j] == model::Direction::benefit;
      if (!seen[j]) {
        best[j] = worst[j] = v;
        seen[j] = true;
      } else if (benefit) {
        best[j] = std::max(best[j], v);
        worst[j] = std::min(worst[j], v);
      } else {
        best[j] = std::min(best[j], v);
        worst[j] = std::max(worst[j], v);
      }
    }
  }
  TopsisResult out;
  for (std::size_t i = 0; i < n; ++i) {
    double plus = 0, minus = 0;
    for (std::size_t j = 0; j < k; ++j) {
      const double w = m.weights[at(i, j)];
      if (w <= 0) continue;
      const double dp = w * (r[at(i, j)] - best[j]);
      const double dm = w * (r[at(i, j)] - worst[j]);
      plus += dp * dp;
      minus += dm * dm;
    }
    plus = std::sqrt(plus);
    minus = std::sqrt(minus);
    out.to_ideal.push_back(plus);
    out.to_anti_ideal.push_back(minus);
    out.closeness.push_back(plus + minus > 0 ? minus / (plus + minus) : 1.0);
  }
  return out;
}

}  // namespace ecoscore::score
