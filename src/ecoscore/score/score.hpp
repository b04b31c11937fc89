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

// Whether each firm's score depends on that firm alone (absolute
// normalization, and a method other than topsis): then firms can be scored
// one at a time as they are read (score_firm) and the cohort finished once
// all are in (finish_run), with the same result as score_run.
bool scored_alone(const model::Rubric& rubric, const Options& options);

// One firm rated and aggregated: no rank, grade, pairs or decisions'
// `original` yet. REQUIRES: scored_alone(rubric, options), and the company
// validated against this rubric. The result points into `company`.
CompanyScore score_firm(const model::Rubric& rubric, const model::Company& company, const Options& options);
// The same, moving each rating's evidence into its indicator's score rather
// than copying it (the ratings' evidence is then empty): for a firm whose
// ratings are let go once it is scored.
CompanyScore score_firm_taking_evidence(const model::Rubric& rubric, model::Company& company, const Options& options);

// The cohort steps over firms scored by score_firm, in any order: ranks,
// grades, decisions (firms with decisions must still hold their ratings, to
// be rated as evaluated), pairs and ecosystems (pairs' firms must still hold
// their indicators, for the gaps). The same result as score_run.
Run finish_run(const model::Rubric& rubric, std::vector<CompanyScore> companies,
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
