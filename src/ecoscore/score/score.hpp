#pragma once

#include <optional>
#include <vector>

#include "ecoscore/model/company.hpp"
#include "ecoscore/model/rubric.hpp"
#include "ecoscore/score/result.hpp"

namespace ecoscore::score {

struct Options {
  std::optional<model::Method> method;                // default: the rubric's
  std::optional<model::Normalization> normalization;  // default: the rubric's
  // Apply the companies' decisions (corrections, downgrades) in date order;
  // firms with decisions keep their result without them in `original`.
  bool apply_decisions = true;
  // Threads that rate and aggregate the firms (0: every core); the result
  // does not depend on it.
  unsigned threads = 0;
};

// Scores every company against the rubric, then pairs and ecosystems.
// REQUIRES: the companies were validated against this rubric (load::check_company)
// and pairs name companies among them. The result points into `rubric` and
// `companies`, which must outlive it.
Run score_run(const model::Rubric& rubric, const std::vector<model::Company>& companies,
              const std::vector<model::Pair>& pairs, const Options& options);

// The share of the total each dimension and indicator carries in the rubric
// as written (all dimensions, every indicator rated).
struct RubricWeights {
  struct Indicator {
    std::string id;
    double weight = 0;            // share of its dimension (0..1)
    double effective_weight = 0;  // share of the total (0..1)
  };
  struct Dimension {
    std::string id;
    double weight = 0;            // share of the total (0..1)
    std::vector<Indicator> indicators;
  };
  std::vector<Dimension> dimensions;
};
RubricWeights rubric_weights(const model::Rubric& rubric);

}  // namespace ecoscore::score
