#pragma once

#include <span>
#include <vector>

#include "ecoscore/model/rubric.hpp"

namespace ecoscore::score {

// A value and its weight (any positive scale; weights are normalized here).
struct Part {
  double value = 0;
  double weight = 0;
};

// sum(w * v) / sum(w), summed in the order given.
double weighted_mean(std::span<const Part> parts);

// prod(v ^ (w / sum(w))): rewards balance. A part of 0 makes the result 0
// (there is no compensation for nothing), checked explicitly rather than left
// to log(0).
double weighted_geometric(std::span<const Part> parts);

// The rubric's method over parts; topsis is a cohort method and not
// aggregated here.
double aggregate(std::span<const Part> parts, model::Method method);

// Mean, or median (the mean of the two middle values for an even count).
double combine(std::vector<double> values, model::Combine rule);

}  // namespace ecoscore::score
