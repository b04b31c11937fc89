#pragma once

#include <span>

#include "ecoscore/model/company.hpp"
#include "ecoscore/model/rubric.hpp"

namespace ecoscore::score {

// A validated raw value on 0..100 against its scale, absolutely: the result
// depends on the value and the scale only, never on other firms.
//   likert           (v - min) / (max - min) * 100
//   numeric          the same; cost direction: (max - v) / (max - min) * 100
//   percent          v; cost: 100 - v
//   boolean          true 100, false 0; cost: reversed
//   bands            the score of the band holding v ([min, max), the last band closed)
//   levels           the level's score
double normalize(const model::Value& value, const model::Scale& scale);

// Cohort-relative normalization of one indicator's absolute scores, in place
// (only the firms that have a value take part):
//   minmax   (a - lowest) / (highest - lowest) * 100; all equal: 100
//   vector   a / sqrt(sum of a^2) * 100; all zero: 0
void normalize_cohort(std::span<double*> scores, model::Normalization normalization);

}  // namespace ecoscore::score
