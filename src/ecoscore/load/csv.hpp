#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecoscore/core/diagnostic.hpp"

namespace ecoscore::load {

// One cell of a CSV file and where it is: the record (the spreadsheet row,
// 1-based, header included) and the cell within it (1-based). Its text views
// the text parsed, or the table's own copy where quotes were undone ("").
struct CsvCell {
  std::string_view text;
  int row = 0;
  int column = 0;
};

// The cells of a CSV file, record by record, not copied out of the text: a
// national cohort's file has millions. A table views the text it was parsed
// from, which must outlive it, and its own copies of texts whose quotes were
// undone, so it can be moved and not copied.
struct CsvTable {
  char delimiter = ',';
  std::vector<std::vector<CsvCell>> records;  // the header first
  std::deque<std::string> unquoted;           // quoted texts that held "", undone

  CsvTable() = default;
  CsvTable(CsvTable&&) = default;
  CsvTable& operator=(CsvTable&&) = default;
  CsvTable(const CsvTable&) = delete;
  CsvTable& operator=(const CsvTable&) = delete;
};

// Parses CSV text (byte-checked, BOM removed) as RFC 4180 with CRLF or LF
// line ends: quoted cells may hold delimiters, quotes ("") and line breaks.
// The delimiter is ',' or ';', whichever the header has more of outside
// quotes. Blank lines are skipped. Reports an unclosed quote or text after a
// closing quote as path:row:column and returns nullopt. The table views
// `text`, which must outlive it.
std::optional<CsvTable> parse_csv(std::string_view text, const std::string& path, core::Diagnostics& out);

}  // namespace ecoscore::load
