#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecoscore/core/diagnostic.hpp"

namespace ecoscore::load {

// One cell of a CSV file and where it is: the record (the spreadsheet row,
// 1-based, header included) and the cell within it (1-based).
struct CsvCell {
  std::string text;
  int row = 0;
  int column = 0;
};

struct CsvTable {
  char delimiter = ',';
  std::vector<std::vector<CsvCell>> records;  // the header first
};

// Parses CSV text (byte-checked, BOM removed) as RFC 4180 with CRLF or LF
// line ends: quoted cells may hold delimiters, quotes ("") and line breaks.
// The delimiter is ',' or ';', whichever the header has more of outside
// quotes. Blank lines are skipped. Reports an unclosed quote or text after a
// closing quote as path:row:column and returns nullopt.
std::optional<CsvTable> parse_csv(std::string_view text, const std::string& path, core::Diagnostics& out);

}  // namespace ecoscore::load
