#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "ecoscore/core/lang.hpp"
#include "ecoscore/report/cells.hpp"

namespace ecoscore::report {

// A view of the results as titled tables, charts and paragraphs, so that one
// view renders the same content in every format.

struct Cell {
  std::variant<std::monostate, std::string, double> value;
  int decimals = 1;      // for numbers
  bool flagged = false;  // shown with emphasis (a gap above the threshold, a drop)
  std::string shade;     // HTML only: a background colour (heat tables)

  static Cell text(std::string s) {
    Cell c;
    c.value = std::move(s);
    return c;
  }
  static Cell number(std::optional<double> v, int decimals) {
    Cell c;
    if (v) c.value = *v;
    c.decimals = decimals;
    return c;
  }
  static Cell count(long n) { return number(static_cast<double>(n), 0); }
};

struct Column {
  std::string key;    // stable, for JSON
  std::string label;  // in the report's language
  bool numeric = false;
};

struct Table {
  std::string id;  // a file-name-safe name: CSV file, XLSX sheet, HTML anchor
  std::string title;
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  bool compact = false;  // HTML: small centred cells, for wide heat tables
};

struct Section {
  std::string title;
  std::vector<std::string> paragraphs;  // plain text, escaped by each renderer
  std::vector<Table> tables;
  std::vector<std::string> charts;      // SVG for HTML; other formats give the tables
};

struct Document {
  std::string title;
  std::vector<std::string> meta;  // lines under the title
  std::vector<Section> sections;
  core::Lang lang = core::Lang::ko;

  std::vector<const Table*> tables() const;
};

void render_markdown(std::ostream& out, const Document& doc);
// One section (## title, paragraphs, ### tables), for reports that mix their own text with views.
void render_markdown_section(std::ostream& out, const Section& section);
// One section as <h2> (with the anchor when given), paragraphs, charts and tables.
void render_html_section(std::ostream& out, const Section& section, const std::string& anchor);
void render_html(std::ostream& out, const Document& doc, const std::string& generator);
void render_json(std::ostream& out, const Document& doc);
void render_csv(std::ostream& out, const Table& table);

// A table written as CSV a row at a time, the same bytes as render_csv, for
// tables too large to hold (a 10 000-firm cohort's rank matrix is 10^8
// cells): the header when made, each row when given.
class CsvTableStream {
 public:
  CsvTableStream(std::ostream& out, const std::vector<Column>& columns);
  void row(const std::vector<Cell>& cells);

 private:
  CsvWriter csv_;
};

// One sheet per table; `created` as in write_report_xlsx.
void render_xlsx(std::ostream& out, const Document& doc, const std::string& date);

// The CSS every HTML page of ecoscore uses (A4 print, the Korean font stack).
std::string_view html_style();

// The start of every HTML page of ecoscore, up to and including <body>: the
// charset, the Content-Security-Policy (nothing but inline styles), the title
// (escaped) and the style.
void html_head(std::ostream& out, core::Lang lang, const std::string& title, const std::string& generator);

}  // namespace ecoscore::report
