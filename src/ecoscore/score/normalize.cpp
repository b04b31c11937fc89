#include "ecoscore/score/normalize.hpp"

#include <algorithm>
#include <cmath>

namespace ecoscore::score {

double normalize(const model::Value& value, const model::Scale& scale) {
  using model::ScaleKind;
  const bool cost = scale.direction == model::Direction::cost;
  switch (scale.kind) {
    case ScaleKind::likert:
    case ScaleKind::numeric: {
      const double share = (std::get<double>(value) - scale.min) / (scale.max - scale.min);
      return (cost ? 1.0 - share : share) * 100.0;
    }
    case ScaleKind::percent: {
      const double v = std::get<double>(value);
      return cost ? 100.0 - v : v;
    }
    case ScaleKind::boolean: return std::get<bool>(value) != cost ? 100.0 : 0.0;
    case ScaleKind::bands: {
      const double v = std::get<double>(value);
      for (const auto& band : scale.bands)
        if (v >= band.min && v < band.max) return band.score;
      return scale.bands.back().score;  // v == the last band's max
    }
    case ScaleKind::levels: {
      const auto& id = std::get<std::string>(value);
      for (const auto& level : scale.levels)
        if (level.id == id) return level.score;
      return 0;  // unreachable for validated input
    }
  }
  return 0;
}

void normalize_cohort(std::span<double*> scores, model::Normalization normalization) {
  if (scores.empty() || normalization == model::Normalization::absolute) return;
  if (normalization == model::Normalization::minmax) {
    double lo = *scores[0];
    double hi = *scores[0];
    for (double* s : scores) {
      lo = std::min(lo, *s);
      hi = std::max(hi, *s);
    }
    for (double* s : scores) *s = hi > lo ? (*s - lo) / (hi - lo) * 100.0 : 100.0;
    return;
  }
  double sum_of_squares = 0;
  for (double* s : scores) sum_of_squares += *s * *s;
  const double norm = std::sqrt(sum_of_squares);
  for (double* s : scores) *s = norm > 0 ? *s / norm * 100.0 : 0.0;
}

}  // namespace ecoscore::score
