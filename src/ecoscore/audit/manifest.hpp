#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "ecoscore/load/limits.hpp"

namespace ecoscore::audit {

struct FileHash {
  std::string path;  // inputs: relative to the working directory; outputs: a name in the run folder
  std::string sha256;
};

// What an auditor needs to repeat a run: the options that decide its content,
// where it ran from, every input and output with its hash. The output folder
// and --force are not recorded: they decide where, not what.
struct Manifest {
  int manifest_version = 1;
  std::string tool_name = "ecoscore";
  std::string tool_version;
  // The content-deciding options.
  std::string rubric;                // path, as given
  std::vector<std::string> paths;    // inputs, as given
  std::string method;                // empty: the rubric's
  std::string normalization;         // empty: the rubric's
  std::string lang;                  // empty: the rubric's
  std::string date;                  // YYYY-MM-DD, or empty: no date in the outputs
  bool rescore = false;
  // Rank robustness asked of the run (score --robustness); the thread count
  // is not recorded since it does not change the result.
  struct Robustness {
    long long samples = 0;
    long long seed = 0;
    std::string weights;  // uniform, dirichlet, box
    double concentration = 0;
    double spread = 0;
    int top = 0;
  };
  std::optional<Robustness> robustness;
  // Where relative paths start, relative to the run folder ("../..").
  std::string working_directory;
  load::Limits limits;
  std::string rubric_id;
  std::string rubric_version;
  // Decisions after scoring that the run applied, by company then date.
  struct Decision {
    std::string company;
    std::string date;
    std::string kind;
  };
  std::vector<Decision> decisions;
  std::vector<FileHash> inputs;      // every file read, sorted by path
  std::vector<FileHash> outputs;     // every file written but the manifest, sorted by name
};

// manifest.json, keys in a fixed order.
void write_manifest(std::ostream& out, const Manifest& manifest);

// Reads manifest.json; throws core::MissingInputError when it is missing and
// core::InputError when it is not a manifest this version understands.
Manifest read_manifest(const std::string& path);

// A date given by --date (YYYY-MM-DD) or SOURCE_DATE_EPOCH (seconds since
// 1970, UTC), as YYYY-MM-DD; empty when neither is given. Throws
// core::UsageError for a malformed value.
std::string run_date(const std::string& date_option, const char* source_date_epoch);

}  // namespace ecoscore::audit
