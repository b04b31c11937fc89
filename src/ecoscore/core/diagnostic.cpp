#include "ecoscore/core/diagnostic.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/args.h>
#include <fmt/format.h>

#include "ecoscore/core/text.hpp"

namespace ecoscore::core {

std::string format_message(Msg id, Lang lang, const std::vector<std::string>& args) {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& a : args) store.push_back(a);
  return fmt::vformat(message_format(id, lang), store);
}

std::string Diagnostic::text(Lang lang) const { return format_message(message, lang, args); }

std::string Diagnostic::render(Lang lang) const {
  std::string out = where.path.empty() ? std::string("ecoscore") : escape_control(where.path.str());
  if (where.has_position()) out += fmt::format(":{}:{}", where.line, where.column);
  out += severity == Severity::error ? ": error: " : ": warning: ";
  out += text(lang);
  if (!suggestion.empty()) out += " (" + format_message(Msg::did_you_mean, lang, {suggestion}) + ")";
  if (!document_path.empty())
    out += " (" + format_message(Msg::at_document_path, lang, {document_path}) + ")";
  return out;
}

Diagnostic make_error(SourceLocation where, Msg message, std::vector<std::string> args, std::string suggestion,
                      std::string document_path) {
  return Diagnostic{Severity::error, std::move(where), message, std::move(args), std::move(suggestion),
                    std::move(document_path)};
}

Diagnostic make_warning(SourceLocation where, Msg message, std::vector<std::string> args, std::string suggestion,
                        std::string document_path) {
  Diagnostic d = make_error(std::move(where), message, std::move(args), std::move(suggestion), std::move(document_path));
  d.severity = Severity::warning;
  return d;
}

bool has_errors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

void sort_diagnostics(Diagnostics& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.where.path, a.where.line, a.where.column) <
                            std::tie(b.where.path, b.where.line, b.where.column);
                   });
}

}  // namespace ecoscore::core
