#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/common.hpp"
#include "ecoscore/load/workspace.hpp"
#include "ecoscore/report/writers.hpp"
#include "ecoscore/score/score.hpp"

namespace ecoscore::cli {

// Options shared by the commands that score.
struct ScoringOptions {
  std::string rubric;
  std::vector<std::string> paths;
  std::string method;         // empty: the rubric's
  std::string normalization;  // empty: the rubric's
};

// Adds --rubric, --method and --normalization.
void add_scoring_options(po::options_description& desc, ScoringOptions& options, core::Lang lang);

// Inputs read, scored, hashed. Not movable: the run points into the workspace.
struct Scored {
  load::Workspace workspace;
  score::Run run;
  report::RunInfo info;

  Scored() = default;
  Scored(const Scored&) = delete;
  Scored& operator=(const Scored&) = delete;
};

// Loads every input against the rubric and scores it; report language is
// --lang or else the rubric's. Throws core errors (usage, input, I/O).
std::unique_ptr<Scored> load_and_score(const ScoringOptions& options, Context& ctx);

}  // namespace ecoscore::cli
