#pragma once

#include <string>
#include <vector>

#include "ecoscore/core/lang.hpp"
#include "ecoscore/core/message.hpp"
#include "ecoscore/core/source_location.hpp"

namespace ecoscore::core {

enum class Severity { error, warning };

// One finding about an input: where, which message, with which arguments.
// Diagnostics are values; the library returns them and the CLI renders them
// in the user's language.
struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation where;
  Msg message = Msg::usage_error;
  std::vector<std::string> args;
  std::string suggestion;     // a near id for "did you mean", or empty
  std::string document_path;  // JSON-pointer-like path inside the document, or empty

  // "path:line:col: error: message (did you mean 'x'?) (at /a/0/b)"
  std::string render(Lang lang) const;
  // The message text alone, without location and decorations.
  std::string text(Lang lang) const;
};

using Diagnostics = std::vector<Diagnostic>;

// An error (or, with make_warning, a warning) about a place in an input.
Diagnostic make_error(SourceLocation where, Msg message, std::vector<std::string> args = {},
                      std::string suggestion = {}, std::string document_path = {});
Diagnostic make_warning(SourceLocation where, Msg message, std::vector<std::string> args = {},
                        std::string suggestion = {}, std::string document_path = {});

bool has_errors(const Diagnostics& diagnostics);

// Sorts by file, line, column, then message, so that output does not depend on
// the order in which checks ran.
void sort_diagnostics(Diagnostics& diagnostics);

// Formats a message from the catalog with its arguments.
std::string format_message(Msg id, Lang lang, const std::vector<std::string>& args);

}  // namespace ecoscore::core
