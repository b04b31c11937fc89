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

// Why a record could not be read, and at which of its cells (1-based).
struct ScanError {
  core::Msg message = core::Msg::csv_unclosed_quote;
  int column = 0;
};

// Reads the record that starts at text[i] (i < text.size()) up to its line
// end, which it steps over, handing each cell to cell(raw, doubled): a
// quoted cell's text between its quotes, where `doubled` says it holds ""
// still to be undone. A cell is read whole, so a quote at its start opens
// it: up to the closing quote, where "" is a quote.
template <typename Cell>
std::optional<ScanError> scan_record(std::string_view text, char delim, std::size_t& i, Cell&& cell) {
  const std::size_t n = text.size();
  for (int column = 1;; ++column) {
    std::string_view raw;
    bool doubled = false;
    if (i < n && text[i] == '"') {
      const std::size_t start = ++i;
      for (;;) {
        const std::size_t quote = text.find('"', i);
        if (quote == std::string_view::npos) return ScanError{core::Msg::csv_unclosed_quote, column};
        if (quote + 1 < n && text[quote + 1] == '"') {
          doubled = true;
          i = quote + 2;
          continue;
        }
        raw = text.substr(start, quote - start);
        i = quote + 1;
        break;
      }
      if (i < n && text[i] != delim && text[i] != '\n' && text[i] != '\r')
        return ScanError{core::Msg::csv_after_quote, column};
    } else {
      // Up to the next delimiter or line end, at once.
      std::size_t end = i;
      while (end < n && text[end] != delim && text[end] != '\n' && text[end] != '\r') ++end;
      raw = text.substr(i, end - i);
      i = end;
    }
    cell(raw, doubled);
    if (i < n && text[i] == delim) {
      ++i;
      continue;
    }
    if (i < n) i += (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2U : 1U;
    return std::nullopt;
  }
}

}  // namespace

void CsvTable::read(std::size_t k, std::vector<CsvCell>& cells, std::forward_list<std::string>& unquoted) const {
  const CsvRecord& record = records[k];
  std::size_t i = record.begin;
  int column = 0;
  // (The whole text was scanned when the table was made: no errors now.)
  scan_record(text, delimiter, i, [&](std::string_view raw, bool doubled) {
    std::string_view cell = raw;
    if (doubled) {
      std::string& undone = unquoted.emplace_front();
      undone.reserve(raw.size());
      for (std::size_t c = 0; c < raw.size(); ++c) {
        undone.push_back(raw[c]);
        if (raw[c] == '"') ++c;  // the second quote of ""
      }
      cell = undone;
    }
    cells.push_back({cell, record.row, ++column});
  });
}

std::optional<CsvTable> parse_csv(std::string_view text, const std::string& path, core::Diagnostics& out) {
  CsvTable table;
  table.text = text;
  table.delimiter = detect_delimiter(text);
  int row = 1;
  for (std::size_t i = 0; i < text.size(); ++row) {
    const std::size_t begin = i;
    int width = 0;
    bool empty = true;  // a blank line: one cell without text
    const auto error = scan_record(text, table.delimiter, i, [&](std::string_view raw, bool doubled) {
      ++width;
      empty = empty && raw.empty() && !doubled;
    });
    if (error) {
      out.push_back(core::make_error({path, row, error->column}, error->message));
      return std::nullopt;
    }
    if (width > 1 || !empty) table.records.push_back({begin, row, width});
  }
  return table;
}

}  // namespace ecoscore::load
