#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ecoscore/score/result.hpp"

namespace ecoscore::analyze {

// Krippendorff's difference functions.
enum class Metric { nominal, ordinal, interval };

// Krippendorff's alpha over units of values (one unit: the values its raters
// gave; missing ratings are simply absent). Units with fewer than two values
// are not pairable and are left out. nullopt when fewer than two pairable
// values remain or when they all agree on one value (no expected
// disagreement: alpha is undefined).
//   alpha = 1 - (n - 1) * sum_ck o_ck d_ck / sum_ck n_c n_k d_ck
// with o the coincidence matrix (each pair of values within a unit of m
// values counts 1 / (m - 1)), n_c its margins, n the pairable values, and
//   nominal  d = [c != k];  interval  d = (c - k)^2;
//   ordinal  d = (sum of n_g for g from c to k  -  (n_c + n_k) / 2)^2.
std::optional<double> krippendorff_alpha(const std::vector<std::vector<double>>& units, Metric metric);

struct Alpha {
  std::optional<double> interval;
  std::optional<double> ordinal;
  std::size_t units = 0;   // pairable units: a firm's indicator rated by two raters or more
  std::size_t values = 0;  // pairable values in them
};

// Rater agreement of a run, on the normalized (0..100) values of each
// indicator rated by several raters.
struct Agreement {
  Alpha overall;
  std::vector<std::pair<std::string, Alpha>> dimensions;  // rubric order; only dimensions with pairable units
  bool any() const { return overall.units > 0; }
};

Agreement rater_agreement(const score::Run& run);

}  // namespace ecoscore::analyze
