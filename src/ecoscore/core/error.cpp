#include "ecoscore/core/error.hpp"

#include <algorithm>

namespace ecoscore::core {
namespace {

std::string first_message(const Diagnostics& diagnostics) {
  return diagnostics.empty() ? std::string("ecoscore error") : diagnostics.front().render(Lang::en);
}

}  // namespace

Error::Error(ExitCode code, Diagnostics diagnostics)
    : std::runtime_error(first_message(diagnostics)),
      code_(code),
      diagnostics_(std::move(diagnostics)) {}

void throw_if_errors(Diagnostics diagnostics) {
  if (!has_errors(diagnostics)) return;
  sort_diagnostics(diagnostics);
  // A missing input decides the exit code only when nothing else is wrong:
  // bad data found in the files that were there is the more useful verdict.
  const bool only_missing = std::all_of(diagnostics.begin(), diagnostics.end(), [](const auto& d) {
    return d.severity != Severity::error || d.message == Msg::file_missing ||
           d.message == Msg::input_missing || d.message == Msg::file_unreadable ||
           d.message == Msg::no_input_files;
  });
  if (only_missing) throw MissingInputError(std::move(diagnostics));
  throw InputError(std::move(diagnostics));
}

}  // namespace ecoscore::core
