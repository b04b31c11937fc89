// report.xlsx through libxlsxwriter. libxlsxwriter 1.1.4 writes only to a
// file path, so the workbook goes to a private temporary file whose bytes are
// then copied to the stream; the file is removed in every case.
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <memory>
#include <sstream>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "ecoscore/core/error.hpp"
#include "ecoscore/core/temp_file.hpp"
#include "ecoscore/core/number.hpp"
#include "ecoscore/report/order.hpp"
#include "ecoscore/report/views.hpp"
#include "ecoscore/report/vocabulary.hpp"
#include "ecoscore/report/writers.hpp"
#include "ecoscore/report/xlsx_file.hpp"

namespace ecoscore::report {
namespace {

// The document's created date: the run's date, or the zip epoch
// (1980-01-01), never the clock.
std::time_t created_time(const std::string& date) {
  int y = 1980, m = 1, d = 1;
  if (date.size() == 10) {
    y = std::atoi(date.substr(0, 4).c_str());
    m = std::atoi(date.substr(5, 2).c_str());
    d = std::atoi(date.substr(8, 2).c_str());
  }
  // Days from civil (Howard Hinnant), UTC.
  y -= m <= 2 ? 1 : 0;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::time_t>((era * 146097 + doe - 719468) * 86400L);
}

std::string column_letter(int col) {
  std::string s;
  for (++col; col > 0; col = (col - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (col - 1) % 26));
  return s;
}

std::string range(const std::string& sheet, int row1, int col1, int row2, int col2) {
  return fmt::format("='{}'!${}${}:${}${}", sheet, column_letter(col1), row1 + 1, column_letter(col2), row2 + 1);
}

}  // namespace

std::string xlsx_sheet_name(std::string_view name) {
  std::string out;
  std::size_t points = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U && ++points > 31) break;
    out += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
  }
  return out;
}

namespace {

struct Book {
  lxw_workbook* wb;
  lxw_format* bold;
  lxw_format* number;
  lxw_format* percent;
  core::Lang lang;

  lxw_worksheet* sheet(const std::string& name) { return workbook_add_worksheet(wb, xlsx_sheet_name(name).c_str()); }
  void header(lxw_worksheet* ws, int row, const std::vector<std::string>& cols) {
    for (std::size_t c = 0; c < cols.size(); ++c)
      worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(c), cols[c].c_str(), bold);
  }
  void text(lxw_worksheet* ws, int row, int col, const std::string& s) {
    worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), s.c_str(), nullptr);
  }
  void num(lxw_worksheet* ws, int row, int col, std::optional<double> v, lxw_format* f = nullptr) {
    if (v) worksheet_write_number(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), *v, f ? f : number);
  }
};

void write_workbook(lxw_workbook* wb, const score::Run& run, const RunInfo& info) {
  const model::Rubric& rubric = *run.rubric;
  const core::Lang lang = info.lang;
  const auto w = [&](Word id) { return std::string(word(id, lang)); };
  const CohortView view = analyze(run);
  const std::string title = rubric.title.get(lang);
  Book b{wb, workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb), lang};
  format_set_bold(b.bold);
  const std::string decimals = rubric.precision > 0 ? "0." + std::string(static_cast<std::size_t>(rubric.precision), '0') : "0";
  format_set_num_format(b.number, decimals.c_str());
  format_set_num_format(b.percent, "0%");
  const int dims = static_cast<int>(rubric.dimensions.size());

  // Summary: the ranking.
  const std::string summary_name = xlsx_sheet_name(w(Word::summary));
  lxw_worksheet* summary = b.sheet(summary_name);
  b.text(summary, 0, 0, title);
  b.text(summary, 1, 0, w(Word::rubric) + ": " + rubric.reference() + " · " + w(Word::method) + ": " +
                            std::string(method_name(run.method, lang)) +
                            (info.date.empty() ? "" : " · " + w(Word::evaluation_date) + ": " + info.date));
  std::vector<std::string> cols = {w(Word::rank), w(Word::id), w(Word::company), w(Word::size), w(Word::sector),
                                   w(Word::total), w(Word::grade)};
  for (const auto& d : rubric.dimensions) cols.push_back(d.label.get(lang));
  cols.push_back(w(Word::coverage));
  b.header(summary, 3, cols);
  int row = 4;
  for (const auto* cs : ranked(run)) {
    const auto& c = *cs->company;
    if (cs->rank > 0) worksheet_write_number(summary, static_cast<lxw_row_t>(row), 0, cs->rank, nullptr);
    b.text(summary, row, 1, c.id);
    b.text(summary, row, 2, c.name.get(lang));
    b.text(summary, row, 3, std::string(size_name(c.size, lang)));
    b.text(summary, row, 4, c.sector);
    b.num(summary, row, 5, cs->total);
    b.text(summary, row, 6, cs->grade.empty() ? w(Word::not_scored) : grade_label(rubric, cs->grade, lang));
    for (int d = 0; d < dims; ++d) b.num(summary, row, 7 + d, cs->dimensions[static_cast<std::size_t>(d)].score);
    b.num(summary, row, 7 + dims, cs->coverage, b.percent);
    ++row;
  }
  worksheet_set_column(summary, 2, 2, 18, nullptr);
  worksheet_set_column(summary, 7, static_cast<lxw_col_t>(6 + dims), 14, nullptr);
  worksheet_freeze_panes(summary, 4, 3);

  // Dimensions: the cohort average and each large firm's profile, with a radar chart.
  const std::string dims_name = xlsx_sheet_name(w(Word::dimension_averages));
  lxw_worksheet* dsheet = b.sheet(dims_name);
  b.header(dsheet, 0, {w(Word::dimension), w(Word::cohort_average)});
  for (int d = 0; d < dims; ++d) {
    b.text(dsheet, d + 1, 0, rubric.dimensions[static_cast<std::size_t>(d)].label.get(lang));
    b.num(dsheet, d + 1, 1, view.dimensions[static_cast<std::size_t>(d)].mean);
  }
  lxw_chart* radar = workbook_add_chart(wb, LXW_CHART_RADAR);
  lxw_chart_series* avg = chart_add_series(radar, range(dims_name, 1, 0, dims, 0).c_str(), range(dims_name, 1, 1, dims, 1).c_str());
  chart_series_set_name(avg, w(Word::cohort_average).c_str());
  int col = 2;
  for (const auto& es : run.ecosystems) {
    worksheet_write_string(dsheet, 0, static_cast<lxw_col_t>(col), es.large->name.get(lang).c_str(), b.bold);
    for (int d = 0; d < dims; ++d) b.num(dsheet, d + 1, col, es.axes[static_cast<std::size_t>(d)].value);
    lxw_chart_series* s = chart_add_series(radar, range(dims_name, 1, 0, dims, 0).c_str(),
                                           range(dims_name, 1, col, dims, col).c_str());
    chart_series_set_name(s, es.large->name.get(lang).c_str());
    ++col;
  }
  chart_title_set_name(radar, w(Word::ecosystems).c_str());
  worksheet_set_column(dsheet, 0, 0, 34, nullptr);
  worksheet_insert_chart(dsheet, static_cast<lxw_row_t>(dims + 3), 0, radar);

  // Indicators: every number of every firm.
  lxw_worksheet* isheet = b.sheet(w(Word::indicator));
  b.header(isheet, 0, {w(Word::id), w(Word::company), w(Word::dimension), w(Word::indicator), w(Word::raw),
                       w(Word::normalized), w(Word::weight), w(Word::effective_weight), w(Word::contribution),
                       w(Word::missing), w(Word::evidence)});
  row = 1;
  for (const auto& cs : run.companies) {
    for (const auto& i : cs.indicators) {
      b.text(isheet, row, 0, cs.company->id);
      b.text(isheet, row, 1, cs.company->name.get(lang));
      b.text(isheet, row, 2, i.dimension);
      b.text(isheet, row, 3, i.id);
      if (i.raw) {
        if (const double* d = std::get_if<double>(&*i.raw)) b.num(isheet, row, 4, *d, nullptr);
        else b.text(isheet, row, 4, value_text(*i.raw));
      }
      b.num(isheet, row, 5, i.normalized);
      b.num(isheet, row, 6, i.weight, b.percent);
      b.num(isheet, row, 7, i.effective_weight, b.percent);
      b.num(isheet, row, 8, i.contribution);
      if (i.missing != score::Missing::none) b.text(isheet, row, 9, w(Word::not_rated));
      if (!i.evidence.empty()) b.text(isheet, row, 10, i.evidence);
      ++row;
    }
  }
  worksheet_autofilter(isheet, 0, 0, static_cast<lxw_row_t>(std::max(row - 1, 1)), 10);

  // Pairs, with the quadrant as a scatter chart.
  if (!run.pairs.empty()) {
    const std::string pairs_name = xlsx_sheet_name(w(Word::pairs));
    lxw_worksheet* psheet = b.sheet(pairs_name);
    std::vector<std::string> pcols = {w(Word::large_firm), w(Word::sme), w(Word::total), w(Word::grade)};
    for (const auto& d : rubric.dimensions) pcols.push_back(d.label.get(lang));
    for (const auto& d : rubric.dimensions)
      if (d.applies_to(model::Role::large) && d.applies_to(model::Role::sme))
        pcols.push_back(w(Word::gap) + ": " + d.label.get(lang));
    b.header(psheet, 0, pcols);
    row = 1;
    for (const auto& ps : run.pairs) {
      b.text(psheet, row, 0, ps.large->name.get(lang));
      b.text(psheet, row, 1, ps.sme->name.get(lang));
      b.num(psheet, row, 2, ps.total);
      b.text(psheet, row, 3, ps.grade.empty() ? "-" : grade_label(rubric, ps.grade, lang));
      int c = 4;
      for (const auto& pd : ps.dimensions) b.num(psheet, row, c++, pd.combined);
      for (const auto& pd : ps.dimensions)
        if (pd.gap) b.num(psheet, row, c++, pd.gap);
      ++row;
    }
    std::optional<int> x, y;
    for (int d = 0; d < dims; ++d) {
      const auto& dim = rubric.dimensions[static_cast<std::size_t>(d)];
      const bool large = dim.applies_to(model::Role::large);
      const bool sme = dim.applies_to(model::Role::sme);
      if (large && !sme && !x) x = d;
      if (sme && !large && !y) y = d;
    }
    if (x && y) {
      lxw_chart* scatter = workbook_add_chart(wb, LXW_CHART_SCATTER);
      lxw_chart_series* s = chart_add_series(scatter, range(pairs_name, 1, 4 + *x, row - 1, 4 + *x).c_str(),
                                             range(pairs_name, 1, 4 + *y, row - 1, 4 + *y).c_str());
      chart_series_set_name(s, w(Word::pairs).c_str());
      chart_axis_set_name(scatter->x_axis, rubric.dimensions[static_cast<std::size_t>(*x)].label.get(lang).c_str());
      chart_axis_set_name(scatter->y_axis, rubric.dimensions[static_cast<std::size_t>(*y)].label.get(lang).c_str());
      chart_axis_set_min(scatter->x_axis, 0);
      chart_axis_set_max(scatter->x_axis, 100);
      chart_axis_set_min(scatter->y_axis, 0);
      chart_axis_set_max(scatter->y_axis, 100);
      chart_title_set_name(scatter, w(Word::quadrant).c_str());
      worksheet_insert_chart(psheet, static_cast<lxw_row_t>(row + 2), 0, scatter);
    }
    worksheet_set_column(psheet, 0, 1, 16, nullptr);
  }
}

}  // namespace

void write_report_xlsx(std::ostream& out, const score::Run& run, const RunInfo& info) {
  write_xlsx(out, info.date, run.rubric->title.get(info.lang),
             [&](lxw_workbook* wb) { write_workbook(wb, run, info); });
}

void write_xlsx(std::ostream& out, const std::string& date, const std::string& title,
                const std::function<void(lxw_workbook*)>& build) {
  const core::TempFile file = core::make_temp_file("ecoscore-xlsx");
  ::close(file.fd);  // libxlsxwriter opens it by name
  const std::string& path = file.path;
  struct Remove {
    std::string p;
    ~Remove() { ::unlink(p.c_str()); }
  } remove{path};
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw core::IoError({core::make_error({path, 0, 0}, core::Msg::output_failed, {"cannot create the workbook"})});
  lxw_doc_properties props{};
  std::string title_text = title;
  props.title = title_text.data();  // a char* in libxlsxwriter 1.1.4; it is only read
  props.created = created_time(date);
  workbook_set_properties(wb, &props);
  try {
    build(wb);
  } catch (...) {
    workbook_close(wb);
    throw;
  }
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR)
    throw core::IoError({core::make_error({path, 0, 0}, core::Msg::output_failed, {lxw_strerror(err)})});
  std::ifstream in(path, std::ios::binary);
  out << in.rdbuf();
}

}  // namespace ecoscore::report
