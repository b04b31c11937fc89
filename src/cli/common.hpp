#pragma once

#include <boost/program_options.hpp>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "ecoscore/core/diagnostic.hpp"
#include "ecoscore/core/lang.hpp"

namespace spdlog {
class logger;
}

namespace ecoscore::cli {

namespace po = boost::program_options;

// Options every command accepts, before or after the command name.
struct CommonOptions {
  bool quiet = false;
  bool verbose = false;
  std::string log_level;  // empty: from -q/-v
  std::string lang;  // empty: not given (messages in English, reports in the rubric's language)
  bool no_color = false;

  // Options given after the command add to those given before it.
  void merge(const CommonOptions& later);
};

// What a command gets: its parsed options, the common options, the output
// streams, and a logger writing to `err`.
struct Context {
  const po::variables_map& vm;
  CommonOptions common;
  core::Lang lang = core::Lang::en;
  std::ostream& out;
  std::ostream& err;
  std::shared_ptr<spdlog::logger> log;
  bool color = false;
  bool progress = false;  // stderr is a terminal and not --quiet: long work may show progress

  // Prints diagnostics to err in the user's language; warnings are left out
  // with --quiet. Control characters from inputs are escaped.
  void print(const core::Diagnostics& diagnostics) const;
};

// A text in both languages, chosen by the --lang seen on the command line.
struct Text {
  std::string_view en;
  std::string_view ko;
  std::string pick(core::Lang lang) const { return std::string(lang == core::Lang::ko ? ko : en); }
};

using Runner = std::function<int(Context&)>;

struct Command {
  std::string_view name;
  Text summary;
  std::string_view usage;  // after "ecoscore NAME "
  // Adds the command's options (`desc`, shown in --help) and positional
  // arguments (`hidden` and `positional`), bound to state the returned runner
  // owns; the runner is called once they are parsed.
  std::function<Runner(po::options_description& desc, po::options_description& hidden,
                       po::positional_options_description& positional, core::Lang)>
      setup;
};

// Stops the command with a usage error (exit 2) saying `message`.
[[noreturn]] void throw_usage(const std::string& message);

// Every command, in the order `ecoscore --help` lists them.
const std::vector<Command>& commands();

// The commands themselves (one file each).
Command validate_command();
Command score_command();
Command explain_command();
Command rubric_command();
Command verify_command();
Command diff_command();
Command compare_command();
Command template_command();
Command weights_command();
Command robustness_command();
Command import_command();
Command export_command();

}  // namespace ecoscore::cli
