#pragma once

#include <cstddef>
#include <vector>

#include "ecoscore/model/rubric.hpp"

namespace ecoscore::score {

// A decision matrix for TOPSIS: `rows` alternatives by `criteria` criteria,
// row-major. A cell with weight 0 is absent: the criterion does not apply to
// that alternative (another role) or was not rated.
struct TopsisMatrix {
  std::size_t rows = 0;
  std::size_t criteria = 0;
  std::vector<model::Direction> directions;  // one per criterion
  std::vector<double> values;                // rows * criteria
  std::vector<double> weights;               // rows * criteria, >= 0

  double& value(std::size_t row, std::size_t criterion) { return values[row * criteria + criterion]; }
  double& weight(std::size_t row, std::size_t criterion) { return weights[row * criteria + criterion]; }
};

struct TopsisResult {
  std::vector<double> closeness;        // D- / (D+ + D-), 0..1, per row
  std::vector<double> to_ideal;         // D+
  std::vector<double> to_anti_ideal;    // D-
};

// Classical TOPSIS (Hwang and Yoon, 1981), over the cells present:
//   r_ij = x_ij / sqrt(sum_i x_ij^2)                    (vector normalization; 0 when the column is all 0)
//   ideal_j = max_i r_ij for a benefit criterion, min for a cost one; anti-ideal the other way
//   D+_i = sqrt(sum_j (w_ij (r_ij - ideal_j))^2),  D-_i likewise to the anti-ideal
//   C_i = D-_i / (D+_i + D-_i); 1 when both are 0 (the row is the ideal and the anti-ideal at once,
//   which happens only when every row is alike on every criterion it has)
// With the same weights in every row this is exactly the classical method;
// rows with cells absent are measured over the criteria they have, with their
// own weights.
TopsisResult topsis(const TopsisMatrix& m);

}  // namespace ecoscore::score
