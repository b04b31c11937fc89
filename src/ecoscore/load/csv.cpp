#include "ecoscore/load/csv.hpp"

namespace ecoscore::load {
namespace {

char detect_delimiter(std::string_view text) {
  int commas = 0, semicolons = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    else if (!quoted && (c == '\n' || c == '\r')) break;
    else if (!quoted && c == ',') ++commas;
    else if (!quoted && c == ';') ++semicolons;
  }
  return semicolons > commas ? ';' : ',';
}

}  // namespace

std::optional<CsvTable> parse_csv(std::string_view text, const std::string& path, core::Diagnostics& out) {
  CsvTable table;
  table.delimiter = detect_delimiter(text);
  const char delim = table.delimiter;
  std::vector<CsvCell> record;
  std::string_view cell;  // the current cell's text
  int row = 1;
  std::size_t i = 0;
  const auto fail = [&](core::Msg msg, int column) {
    out.push_back(core::make_error({path, row, column}, msg));
    return std::nullopt;
  };
  const auto end_cell = [&] {
    record.push_back({cell, row, static_cast<int>(record.size()) + 1});
    cell = {};
  };
  const auto end_record = [&] {
    end_cell();
    const bool blank = record.size() == 1 && record[0].text.empty();
    const std::size_t width = record.size();
    if (!blank) table.records.push_back(std::move(record));
    record.clear();
    record.reserve(width);  // the next record is most likely as wide
    ++row;
  };
  while (i < text.size()) {
    const char c = text[i];
    // A cell is read whole, so a quote here opens one: up to the closing
    // quote, where "" is a quote.
    if (c == '"') {
      const int at = static_cast<int>(record.size()) + 1;
      ++i;
      std::string* undone = nullptr;  // made only for a text with "" in it
      for (;;) {
        const std::size_t quote = text.find('"', i);
        if (quote == std::string_view::npos) return fail(core::Msg::csv_unclosed_quote, at);
        const bool doubled = quote + 1 < text.size() && text[quote + 1] == '"';
        if (!undone && !doubled) {
          cell = text.substr(i, quote - i);
          i = quote + 1;
          break;
        }
        if (!undone) undone = &table.unquoted.emplace_back();
        undone->append(text.substr(i, quote - i));
        i = quote + 1;
        if (!doubled) break;
        undone->push_back('"');
        ++i;
      }
      if (undone) cell = *undone;
      if (i < text.size() && text[i] != delim && text[i] != '\n' && text[i] != '\r')
        return fail(core::Msg::csv_after_quote, at);
      continue;
    }
    if (c == delim) {
      end_cell();
      ++i;
    } else if (c == '\r' || c == '\n') {
      end_record();
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2U : 1U;
    } else {
      // Up to the next delimiter or line end, at once.
      std::size_t end = i + 1;
      while (end < text.size() && text[end] != delim && text[end] != '\n' && text[end] != '\r') ++end;
      cell = text.substr(i, end - i);
      i = end;
    }
  }
  if (!cell.empty() || !record.empty()) end_record();
  return table;
}

}  // namespace ecoscore::load
