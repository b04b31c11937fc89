#include "ecoscore/report/document.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "ecoscore/core/number.hpp"
#include "ecoscore/report/cells.hpp"
#include "ecoscore/report/json_writer.hpp"
#include "ecoscore/report/svg.hpp"
#include "ecoscore/report/xlsx_file.hpp"

namespace ecoscore::report {
namespace {

constexpr std::string_view kStyle = R"(
body{font-family:"Noto Sans CJK KR","Malgun Gothic","Apple SD Gothic Neo",sans-serif;margin:2em auto;max-width:60em;color:#222;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:2px solid #4575b4;padding-bottom:.2em}
h3{margin-top:1.4em;break-after:avoid}table{border-collapse:collapse;margin:.6em 0;font-size:.9em}
th,td{border:1px solid #ccc;padding:.25em .55em;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#eef2f8}
.meta{color:#555;font-size:.9em}.flag{color:#d73027;font-weight:bold}.grade{font-weight:bold}
.card{border:1px solid #ccc;border-radius:6px;padding:.6em 1em;margin:1em 0}
.card-head{display:flex;justify-content:space-between;align-items:baseline;flex-wrap:wrap}
.charts{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}
.bar{display:inline-block;height:.8em;background:#4575b4;vertical-align:middle}
nav ul{columns:2}
table.compact th,table.compact td{padding:.1em .2em;font-size:.78em;text-align:center;min-width:1.7em}
table.compact td:first-child,table.compact th:first-child{text-align:left;white-space:nowrap}
@page{size:A4;margin:14mm}
@media print{body{margin:0;max-width:none}h2{break-before:page}h2:first-of-type{break-before:auto}
.card,tr,svg{break-inside:avoid}nav{display:none}}
)";

std::string cell_text(const Cell& c) {
  if (const auto* s = std::get_if<std::string>(&c.value)) return *s;
  if (const auto* d = std::get_if<double>(&c.value)) return core::format_fixed(*d, c.decimals);
  return "-";
}

}  // namespace

std::string_view html_style() { return kStyle; }

std::vector<const Table*> Document::tables() const {
  std::vector<const Table*> out;
  for (const auto& s : sections)
    for (const auto& t : s.tables) out.push_back(&t);
  return out;
}

void render_markdown_section(std::ostream& out, const Section& s) {
  out << "\n## " << md_cell(s.title) << '\n';
  for (const auto& p : s.paragraphs) out << '\n' << md_cell(p) << '\n';
  for (const auto& t : s.tables) {
    if (!t.title.empty()) out << "\n### " << md_cell(t.title) << '\n';
    out << "\n|";
    for (const auto& c : t.columns) out << ' ' << md_cell(c.label) << " |";
    out << "\n|";
    for (const auto& c : t.columns) out << (c.numeric ? " ---: |" : " --- |");
    out << '\n';
    for (const auto& row : t.rows) {
      out << '|';
      for (const auto& cell : row) {
        const std::string text = md_cell(cell_text(cell));
        out << ' ' << (cell.flagged ? "**" + text + "**" : text) << " |";
      }
      out << '\n';
    }
  }
}

void render_markdown(std::ostream& out, const Document& doc) {
  out << "# " << md_cell(doc.title) << "\n\n";
  for (const auto& m : doc.meta) out << "- " << md_cell(m) << '\n';
  for (const auto& s : doc.sections) render_markdown_section(out, s);
}

void html_head(std::ostream& out, core::Lang lang, const std::string& title, const std::string& generator) {
  out << "<!DOCTYPE html>\n<html lang=\"" << core::lang_name(lang) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"generator\" content=\"" << html_escape(generator) << "\">\n"
      << "<title>" << html_escape(title) << "</title>\n<style>" << html_style() << "</style>\n</head>\n<body>\n";
}

void render_html_section(std::ostream& out, const Section& s, const std::string& anchor) {
  out << "<h2" << (anchor.empty() ? "" : " id=\"" + html_escape(anchor) + "\"") << ">" << html_escape(s.title) << "</h2>\n";
  for (const auto& p : s.paragraphs) out << "<p>" << html_escape(p) << "</p>\n";
  if (!s.charts.empty()) {
    out << "<div class=\"charts\">";
    for (const auto& c : s.charts) out << c;  // built by svg.cpp, every text escaped there
    out << "</div>\n";
  }
  for (const auto& t : s.tables) {
    if (!t.title.empty()) out << "<h3 id=\"" << html_escape(t.id) << "\">" << html_escape(t.title) << "</h3>\n";
    out << (t.compact ? "<table class=\"compact\">" : "<table>") << "<thead><tr>";
    for (const auto& c : t.columns) out << (c.numeric ? "<th class=\"n\">" : "<th>") << html_escape(c.label) << "</th>";
    out << "</tr></thead><tbody>\n";
    for (const auto& row : t.rows) {
      out << "<tr>";
      for (std::size_t k = 0; k < row.size(); ++k) {
        const Cell& cell = row[k];
        out << "<td" << (k < t.columns.size() && t.columns[k].numeric ? " class=\"n\"" : "");
        if (!cell.shade.empty()) out << " style=\"background:" << html_escape(cell.shade) << "\"";
        out << '>' << (cell.flagged ? "<span class=\"flag\">" : "") << html_escape(cell_text(cell))
            << (cell.flagged ? "</span>" : "") << "</td>";
      }
      out << "</tr>\n";
    }
    out << "</tbody></table>\n";
  }
}

void render_html(std::ostream& out, const Document& doc, const std::string& generator) {
  html_head(out, doc.lang, doc.title, generator);
  out << "<h1>" << html_escape(doc.title) << "</h1>\n";
  for (const auto& m : doc.meta) out << "<p class=\"meta\">" << html_escape(m) << "</p>\n";
  for (const auto& s : doc.sections) render_html_section(out, s, {});
  out << "</body>\n</html>\n";
}

void render_json(std::ostream& out, const Document& doc) {
  JsonWriter j(out);
  j.begin_object().field("title", doc.title).key("meta").begin_array();
  for (const auto& m : doc.meta) j.value(m);
  j.end_array().key("tables").begin_array();
  for (const Table* t : doc.tables()) {
    j.begin_object().field("id", t->id).field("title", t->title).key("columns").begin_array();
    for (const auto& c : t->columns) j.begin_object().field("key", c.key).field("label", c.label).end_object();
    j.end_array().key("rows").begin_array();
    for (const auto& row : t->rows) {
      j.begin_object();
      for (std::size_t k = 0; k < row.size() && k < t->columns.size(); ++k) {
        j.key_text(t->columns[k].key);
        if (const auto* s = std::get_if<std::string>(&row[k].value)) j.value(*s);
        else if (const auto* d = std::get_if<double>(&row[k].value)) j.value(*d);
        else j.null();
      }
      j.end_object();
    }
    j.end_array().end_object();
  }
  j.end_array().end_object();
  j.finish();
}

CsvTableStream::CsvTableStream(std::ostream& out, const std::vector<Column>& columns) : csv_(out) {
  for (const auto& c : columns) csv_.text(c.label);
  csv_.end_row();
}

void CsvTableStream::row(const std::vector<Cell>& cells) {
  for (const auto& cell : cells) {
    if (const auto* d = std::get_if<double>(&cell.value)) csv_.number(*d, cell.decimals);
    else csv_.text(std::holds_alternative<std::string>(cell.value) ? std::get<std::string>(cell.value) : "");
  }
  csv_.end_row();
}

void render_csv(std::ostream& out, const Table& table) {
  CsvTableStream csv(out, table.columns);
  for (const auto& row : table.rows) csv.row(row);
}

void render_xlsx(std::ostream& out, const Document& doc, const std::string& date) {
  write_xlsx(out, date, doc.title, [&](lxw_workbook* wb) {
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    std::vector<std::string> used;
    for (const Table* t : doc.tables()) {
      // Sheet names must be unique: number repeats.
      std::string name = xlsx_sheet_name(t->title.empty() ? t->id : t->title);
      for (int k = 2; std::find(used.begin(), used.end(), name) != used.end(); ++k)
        name = xlsx_sheet_name(fmt::format("{} {}", t->title.empty() ? t->id : t->title, k));
      used.push_back(name);
      lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
      for (std::size_t c = 0; c < t->columns.size(); ++c)
        worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t->columns[c].label.c_str(), bold);
      for (std::size_t r = 0; r < t->rows.size(); ++r) {
        for (std::size_t c = 0; c < t->rows[r].size(); ++c) {
          const Cell& cell = t->rows[r][c];
          const auto row = static_cast<lxw_row_t>(r + 1);
          const auto col = static_cast<lxw_col_t>(c);
          if (const auto* d = std::get_if<double>(&cell.value)) worksheet_write_number(ws, row, col, *d, nullptr);
          else if (const auto* s = std::get_if<std::string>(&cell.value)) worksheet_write_string(ws, row, col, s->c_str(), nullptr);
        }
      }
      worksheet_freeze_panes(ws, 1, 0);
    }
  });
}

}  // namespace ecoscore::report
