#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/common.hpp"
#include "ecoscore/analyze/robustness.hpp"
#include "ecoscore/audit/manifest.hpp"
#include "ecoscore/audit/publish.hpp"
#include "ecoscore/load/workspace.hpp"
#include "ecoscore/report/writers.hpp"
#include "ecoscore/score/detail_store.hpp"
#include "ecoscore/score/score.hpp"

namespace ecoscore::cli {

// What decides a run's content: the options a manifest records.
struct ScoringOptions {
  std::string rubric;
  std::vector<std::string> paths;
  std::string method;         // empty: the rubric's
  std::string normalization;  // empty: the rubric's
  bool rescore = false;
  std::string lang;           // reports' language; empty: the rubric's
  std::string date;           // YYYY-MM-DD or empty
  std::string root;           // where relative paths start; empty: the working folder
  load::Limits limits;
  bool show_warnings = true;  // verify re-runs quietly: the run showed them
  std::optional<analyze::RobustnessOptions> robustness;  // score --robustness: also in the reports
  // How much of each firm a run keeps. Streamed runs score each firm as soon
  // as it is read and let its ratings and indicators go, so that a national
  // cohort fits in memory; only for firms whose score depends on them alone
  // (score::scored_alone) and that have no decisions or several raters. The
  // bytes out are the same.
  enum class Keep {
    everything,  // run folders, reports, explain, compare: every indicator in memory
    details,     // scores.json: each firm's indicators in a score::DetailStore
    totals,      // a table, scores.csv, robustness: totals and dimensions only,
                 // so the run's pairs have no indicator gaps (these outputs show none)
  };
  Keep keep = Keep::everything;
};

// The options of rank robustness, as typed (parsed strictly by parse_robustness).
struct RobustnessArgs {
  std::string samples = "10000";
  std::string seed = "1";
  std::string weights = "dirichlet";
  std::string concentration = "50";
  std::string spread = "20";
  std::string top = "5";
  std::string threads = "0";
};
// Adds --samples, --seed, --weights, --concentration, --spread, --top, --threads.
void add_robustness_options(po::options_description& desc, RobustnessArgs& args, core::Lang lang);
// Throws core::UsageError naming the option that is out of range.
analyze::RobustnessOptions parse_robustness(const RobustnessArgs& args);

// Adds --rubric, --method, --normalization.
void add_scoring_options(po::options_description& desc, ScoringOptions& options, core::Lang lang);

// Inputs read, scored, hashed. Not movable: the run points into the workspace.
struct Scored {
  load::Workspace workspace;
  score::Run run;
  report::RunInfo info;
  std::optional<analyze::Robustness> robustness;  // when asked; info.robustness points here
  std::unique_ptr<score::DetailStore> details;   // a streamed run's indicators; info.details points here

  Scored() = default;
  Scored(const Scored&) = delete;
  Scored& operator=(const Scored&) = delete;
};

// Loads every input against the rubric and scores it. Throws core errors
// (usage, input, I/O).
std::unique_ptr<Scored> load_and_score(const ScoringOptions& options, Context& ctx);

// A run folder rendered in memory: the reports and, last, manifest.json.
struct RunFolder {
  std::unique_ptr<Scored> scored;
  audit::Manifest manifest;
  std::vector<audit::OutputFile> files;  // report.md, scores.csv, scores.json, manifest.json
};

// Scores and renders every file of a run folder; `working_directory` is
// recorded in the manifest (the way from the run folder to options.root).
RunFolder render_run_folder(const ScoringOptions& options, const std::string& working_directory, Context& ctx);

}  // namespace ecoscore::cli
