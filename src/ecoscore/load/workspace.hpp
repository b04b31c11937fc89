#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ecoscore/core/diagnostic.hpp"
#include "ecoscore/load/file_reader.hpp"
#include "ecoscore/load/limits.hpp"
#include "ecoscore/model/ahp.hpp"
#include "ecoscore/model/company.hpp"
#include "ecoscore/model/rubric.hpp"

namespace ecoscore::load {

struct LoadOptions {
  Limits limits;
  // Relative paths are read below this folder (empty: the working folder),
  // but named as given in diagnostics and in the model, so that a run can be
  // repeated from elsewhere with the same bytes out (verify).
  std::string root;
  // Where to look for a rubric that a company names but the inputs lack.
  std::vector<std::string> rubric_dirs{"rubrics"};
  // The rubric every company must be rated under (score --rubric).
  std::optional<std::string> rubric_file;
  // Accept companies rated under another version of rubric_file's id: each is
  // checked against its own version (found in rubric_dirs), then against the
  // new one, with the ratings the new version lacks reported as left out.
  bool rescore = false;
  // Accept the same company in several periods (validate), each checked on
  // its own and paired with partners of its period. Scoring takes one period
  // at a time, so a second file of a company is an error by default.
  bool several_periods = false;
  // Threads that parse and check files (0: every core, and one per 64 files
  // at most for parsing).
  // The result does not depend on it.
  unsigned threads = 0;
  // YAML files parsed (on every thread) before they are merged, in order,
  // into the workspace, a batch merged while the next is parsed: twice this
  // many wait beside it at most. The result does not depend on it.
  std::size_t batch = 2048;
  // Shown the bytes of every file read (see ReadHook).
  ReadHook on_read;
  // Given each company as soon as it is read and checked without errors
  // against rubric_file, on the thread that checked it (so it must be
  // thread-safe): a run may score it there and release what it no longer
  // needs (its ratings), so that a large cohort never sits in memory whole.
  // A company comes as its file (or its rows of a ratings CSV) is read, and
  // may still turn out to be a duplicate, or another file fail the run. Not
  // given: companies re-scored from another version, and companies with
  // errors.
  std::function<void(const model::Rubric& rubric, model::Company& company)> on_company;
  // Told how many companies at most on_company may be given next (the input
  // files, a ratings CSV's rows) before it is, never while it may run: a run
  // that keeps what on_company gives makes room for it once.
  std::function<void(std::size_t count)> on_companies_ahead;
};

// Everything read from a set of input paths, checked together.
struct Workspace {
  std::vector<core::PathRef> files;        // every input file read, sorted, once each
  std::vector<model::Rubric> rubrics;      // sorted by id@version
  std::vector<model::Company> companies;   // sorted by id, then period
  std::vector<model::Pair> pairs;          // sorted by (large, sme), unique
  core::Diagnostics warnings;              // sorted
  std::string given_rubric;                // id@version of LoadOptions::rubric_file, if any

  // The rubric of LoadOptions::rubric_file, or null.
  const model::Rubric* rubric_given() const;
  const model::Rubric* find_rubric(std::string_view id, std::string_view version) const;
  // The company with this id (in this period, when given).
  const model::Company* find_company(std::string_view id, std::string_view period = {}) const;
};

// The files an input list names: files as given, folders searched
// recursively for *.yaml and *.yml (hidden entries skipped), sorted by path.
// Missing inputs are reported.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs, const std::string& root,
                                       core::Diagnostics& out);

// Reads and checks every file, then every company against its rubric and all
// of them against each other. Throws core::InputError (exit 65) or
// core::MissingInputError (exit 66) carrying every diagnostic of the run.
Workspace load_workspace(const std::vector<std::string>& inputs, const LoadOptions& options);

// Reads a single rubric file; throws as load_workspace does. Warnings (an
// inconsistent pairwise comparison) go to `warnings` when given.
model::Rubric load_rubric_file(const std::string& path, const Limits& limits, const std::string& root = {},
                               core::Diagnostics* warnings = nullptr, const ReadHook* seen = nullptr);

// Reads a file of one pairwise comparison (top-level `ahp`), deriving the
// weights by `method` when given; throws as load_workspace does.
model::Ahp load_ahp_file(const std::string& path, const Limits& limits, core::Diagnostics* warnings = nullptr,
                         std::optional<model::AhpMethod> method = std::nullopt);

}  // namespace ecoscore::load

namespace ecoscore::load {
// The version of the YAML parser the loader was built with.
std::string_view yaml_parser_version();
}  // namespace ecoscore::load
