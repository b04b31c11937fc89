#pragma once

#include <cstddef>
#include <forward_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecoscore/core/diagnostic.hpp"

namespace ecoscore::load {

// One cell of a CSV file and where it is: the record (the spreadsheet row,
// 1-based, header included) and the cell within it (1-based). Its text views
// the text parsed, or a copy where quotes were undone ("").
struct CsvCell {
  std::string_view text;
  int row = 0;
  int column = 0;
};

// Where a record of a CSV file starts in the text, its row and its cells.
struct CsvRecord {
  std::size_t begin = 0;
  int row = 0;
  int width = 0;
};

// A CSV file checked whole and split into records, its cells read when they
// are wanted: a national cohort's file has millions of cells, and a reader
// needs one firm's at a time, not all of them at once. A table views the
// text it was parsed from, which must outlive it.
struct CsvTable {
  std::string_view text;
  char delimiter = ',';
  std::vector<CsvRecord> records;  // the header first; blank lines are not records

  // Appends record k's cells to `cells`. A text whose quotes held "" is
  // undone into a string of `unquoted`, which the cell views.
  void read(std::size_t k, std::vector<CsvCell>& cells, std::forward_list<std::string>& unquoted) const;
};

// Parses CSV text (byte-checked, BOM removed) as RFC 4180 with CRLF or LF
// line ends: quoted cells may hold delimiters, quotes ("") and line breaks.
// The delimiter is ',' or ';', whichever the header has more of outside
// quotes. Blank lines are skipped. Reports an unclosed quote or text after a
// closing quote as path:row:column and returns nullopt. The table views
// `text`, which must outlive it.
std::optional<CsvTable> parse_csv(std::string_view text, const std::string& path, core::Diagnostics& out);

}  // namespace ecoscore::load
