#include "ecoscore/report/cells.hpp"

#include <cstdlib>
#include <memory>

#include <utf8proc.h>

#include "ecoscore/core/number.hpp"

namespace ecoscore::report {

std::string csv_text(std::string_view cell) {
  std::string text(cell);
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                        text[0] == '\r'))
    text.insert(text.begin(), '\'');
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

CsvWriter::CsvWriter(std::ostream& out) : out_(&out) { out << "\xEF\xBB\xBF"; }

CsvWriter::~CsvWriter() {
  if (out_ && !row_.empty()) out_->write(row_.data(), static_cast<std::streamsize>(row_.size()));
}

void CsvWriter::separate() {
  if (!first_) row_ += ',';
  first_ = false;
}

CsvWriter& CsvWriter::text(std::string_view cell) {
  separate();
  row_ += csv_text(cell);
  return *this;
}

CsvWriter& CsvWriter::number(std::optional<double> value, int decimals) {
  separate();
  if (value) row_ += core::format_fixed(*value, decimals);
  return *this;
}

CsvWriter& CsvWriter::integer(long value) {
  separate();
  row_ += std::to_string(value);
  return *this;
}

void CsvWriter::end_row() {
  row_ += "\r\n";
  first_ = true;
  if (!out_) return;
  out_->write(row_.data(), static_cast<std::streamsize>(row_.size()));
  row_.clear();
}

std::string md_cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '`': out += "\\`"; break;
      case '*': out += "\\*"; break;
      case '_': out += "\\_"; break;
      case '[': out += "\\["; break;
      case ']': out += "\\]"; break;
      case '\\': out += "\\\\"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\n':
      case '\r': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string shown(std::optional<double> value, int decimals) {
  return value ? core::format_fixed(*value, decimals) : std::string("-");
}

std::size_t display_width(std::string_view utf8) {
  // NFC first, so that a decomposed Hangul syllable counts like a composed one.
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> nfc(
      utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(std::string(utf8).c_str())), &std::free);
  if (!nfc) return utf8.size();
  const auto* p = nfc.get();
  std::size_t width = 0;
  while (*p) {
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(p, -1, &cp);
    if (n <= 0) break;
    width += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
    p += n;
  }
  return width;
}

std::string pad(std::string_view utf8, std::size_t width, bool right) {
  const std::size_t w = display_width(utf8);
  const std::string fill(w < width ? width - w : 0, ' ');
  return right ? fill + std::string(utf8) : std::string(utf8) + fill;
}

}  // namespace ecoscore::report
