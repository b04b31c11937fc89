#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ecoscore/core/source_location.hpp"

namespace ecoscore::model {

// How a priority vector is derived from a pairwise comparison matrix.
enum class AhpMethod { eigenvector, geometric };

// Saaty's (1980) random consistency index for n = 1..15; nullopt beyond.
std::optional<double> random_index(std::size_t n);

// Weights derived from a Saaty-scale pairwise comparison matrix.
struct AhpResult {
  std::vector<double> weights;  // sum 1, in the order of the criteria
  double lambda_max = 0;        // mean of (A w)_i / w_i
  double ci = 0;                // (lambda_max - n) / (n - 1); 0 for n <= 2
  double cr = 0;                // ci / random_index; 0 for n <= 2
  double random_index = 0;
};

// REQUIRES: `matrix` is square (n >= 1, n <= 15), every entry positive.
// eigenvector: the principal right eigenvector by power iteration from the
//   uniform vector, to a change below 1e-15 (at most 10000 steps);
// geometric: the normalized geometric means of the rows.
AhpResult derive_weights(const std::vector<std::vector<double>>& matrix, AhpMethod method);

// A pairwise judgement as written in a rubric or an AHP file, with what it gives.
struct Ahp {
  std::vector<std::string> criteria;
  std::vector<std::vector<double>> matrix;  // matrix[i][j]: how much more i matters than j
  AhpMethod method = AhpMethod::eigenvector;
  AhpResult result;
  core::SourceLocation where;
};

// Consistency ratios above this are reported (Saaty's 10 % rule).
inline constexpr double kAcceptableCr = 0.10;

}  // namespace ecoscore::model
