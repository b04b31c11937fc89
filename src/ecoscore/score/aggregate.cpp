#include "ecoscore/score/aggregate.hpp"

#include <algorithm>
#include <cmath>

namespace ecoscore::score {

double weighted_mean(std::span<const Part> parts) {
  double sum = 0;
  double weights = 0;
  for (const auto& p : parts) {
    sum += p.weight * p.value;
    weights += p.weight;
  }
  return weights > 0 ? sum / weights : 0;
}

double weighted_geometric(std::span<const Part> parts) {
  double weights = 0;
  for (const auto& p : parts) weights += p.weight;
  if (weights <= 0) return 0;
  double log_sum = 0;
  for (const auto& p : parts) {
    if (p.value <= 0) return 0;
    log_sum += p.weight / weights * std::log(p.value);
  }
  return std::exp(log_sum);
}

double aggregate(std::span<const Part> parts, model::Method method) {
  return method == model::Method::weighted_geometric ? weighted_geometric(parts) : weighted_mean(parts);
}

double combine(std::vector<double> values, model::Combine rule) {
  if (values.empty()) return 0;
  if (rule == model::Combine::mean) {
    double sum = 0;
    for (double v : values) sum += v;
    return sum / static_cast<double>(values.size());
  }
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

}  // namespace ecoscore::score
