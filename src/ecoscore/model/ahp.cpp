#include "ecoscore/model/ahp.hpp"

#include <array>
#include <cmath>

namespace ecoscore::model {

std::optional<double> random_index(std::size_t n) {
  // Saaty, T. L. (1980), The Analytic Hierarchy Process, table of average
  // random consistency indices for matrices of order 1 to 15.
  static constexpr std::array<double, 15> kTable{0.00, 0.00, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
                                                 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
  if (n == 0 || n > kTable.size()) return std::nullopt;
  return kTable[n - 1];
}

namespace {

std::vector<double> multiply(const std::vector<std::vector<double>>& a, const std::vector<double>& w) {
  std::vector<double> out(w.size(), 0.0);
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < w.size(); ++j) out[i] += a[i][j] * w[j];
  return out;
}

void normalize_sum(std::vector<double>& w) {
  double sum = 0;
  for (double v : w) sum += v;
  for (double& v : w) v /= sum;
}

std::vector<double> principal_eigenvector(const std::vector<std::vector<double>>& a) {
  std::vector<double> w(a.size(), 1.0 / static_cast<double>(a.size()));
  for (int step = 0; step < 10000; ++step) {
    std::vector<double> next = multiply(a, w);
    normalize_sum(next);
    double change = 0;
    for (std::size_t i = 0; i < w.size(); ++i) change = std::max(change, std::fabs(next[i] - w[i]));
    w = std::move(next);
    if (change < 1e-15) break;
  }
  return w;
}

std::vector<double> row_geometric_means(const std::vector<std::vector<double>>& a) {
  std::vector<double> w;
  for (const auto& row : a) {
    double log_sum = 0;
    for (double v : row) log_sum += std::log(v);
    w.push_back(std::exp(log_sum / static_cast<double>(row.size())));
  }
  normalize_sum(w);
  return w;
}

}  // namespace

AhpResult derive_weights(const std::vector<std::vector<double>>& matrix, AhpMethod method) {
  AhpResult r;
  const std::size_t n = matrix.size();
  r.weights = method == AhpMethod::eigenvector ? principal_eigenvector(matrix) : row_geometric_means(matrix);
  const std::vector<double> aw = multiply(matrix, r.weights);
  double ratio_sum = 0;
  for (std::size_t i = 0; i < n; ++i) ratio_sum += aw[i] / r.weights[i];
  r.lambda_max = ratio_sum / static_cast<double>(n);
  r.random_index = random_index(n).value_or(0);
  if (n > 2) {
    r.ci = (r.lambda_max - static_cast<double>(n)) / static_cast<double>(n - 1);
    r.cr = r.ci / r.random_index;
  }
  return r;
}

}  // namespace ecoscore::model
