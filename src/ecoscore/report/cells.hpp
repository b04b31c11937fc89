#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace ecoscore::report {

// CSV as spreadsheets read it: UTF-8 with a BOM, CRLF line ends, RFC 4180
// quoting. Text cells that a spreadsheet would run as a formula (starting
// with =, +, -, @, tab or CR) get a leading ' so they stay text.
class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out);
  // Rows kept as text (no BOM), for take(): rows rendered apart, e.g. on
  // several threads, then written in order after a CsvWriter's header.
  CsvWriter() = default;
  ~CsvWriter();  // writes out a row not ended
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;
  CsvWriter& text(std::string_view cell);
  CsvWriter& number(std::optional<double> value, int decimals);  // empty when nullopt
  CsvWriter& integer(long value);
  void end_row();
  std::string take() { return std::move(row_); }  // the rows kept, without a stream

 private:
  void separate();
  std::ostream* out_ = nullptr;
  std::string row_;  // written out a row at a time (kept, without a stream)
  bool first_ = true;
};

// A CSV text cell: neutralized and quoted as needed.
std::string csv_text(std::string_view cell);

// A Markdown table cell: |, backticks, <, >, & and * _ [ ] escaped, line
// breaks turned into spaces, so the table stays one row per line.
std::string md_cell(std::string_view text);

// A number for display, rounded half away from zero; "-" for nullopt.
std::string shown(std::optional<double> value, int decimals);

// Columns a terminal uses for the text: East Asian wide characters (Hangul,
// CJK) count two, combining marks none (utf8proc, after NFC).
std::size_t display_width(std::string_view utf8);
// The text padded with spaces to `width` columns (left or right aligned).
std::string pad(std::string_view utf8, std::size_t width, bool right = false);

}  // namespace ecoscore::report
