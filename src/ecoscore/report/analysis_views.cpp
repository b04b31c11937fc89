#include "ecoscore/report/analysis_views.hpp"

#include <fmt/format.h>

#include "ecoscore/core/number.hpp"
#include "ecoscore/model/names.hpp"
#include "ecoscore/report/cells.hpp"
#include "ecoscore/report/json_writer.hpp"
#include "ecoscore/report/vocabulary.hpp"

namespace ecoscore::report {
namespace {

double share(std::uint64_t count, std::uint64_t total) {
  return static_cast<double>(count) / static_cast<double>(total);
}

// A share of samples in percent for a table: blank for none, "<1" for a
// count that rounds to 0 %.
std::string share_text(std::uint64_t count, std::uint64_t total) {
  if (count == 0) return "";
  const double v = static_cast<double>(count) / static_cast<double>(total);
  return v < 0.005 ? "<1" : core::format_fixed(v * 100.0, 0);
}

// The same with its unit, and "0 %" for none.
std::string percent_of(std::uint64_t count, std::uint64_t total) {
  return count == 0 ? "0 %" : share_text(count, total) + " %";
}

// White to blue as the share grows, light enough for dark text.
std::string heat(double s) {
  const auto mix = [s](int from, int to) {
    return static_cast<int>(std::lround(from + (to - from) * s));
  };
  return fmt::format("#{:02x}{:02x}{:02x}", mix(255, 67), mix(255, 147), mix(255, 195));
}

std::string firm_label(const model::Company& c, core::Lang lang) { return c.name.get(lang) + " (" + c.id + ")"; }

std::string settings_text(const analyze::Robustness& r, core::Lang lang) {
  std::string how(analyze::weight_model_name(r.options.model));
  if (r.options.model == analyze::WeightModel::dirichlet)
    how += " (C = " + core::format_shortest(r.options.concentration) + ")";
  if (r.options.model == analyze::WeightModel::box) how += " (±" + core::format_shortest(r.options.spread) + " %)";
  std::string nominal;
  for (std::size_t d = 0; d < r.dimensions.size(); ++d)
    nominal += (d ? ", " : "") + r.dimensions[d] + " " + core::format_fixed(r.nominal_weights[d] * 100.0, 1) + " %";
  return fmt::format("{}: {} · {}: {} · {}: {} · {}: {} · {}: {}", word(Word::samples, lang), r.options.samples,
                     word(Word::seed, lang), r.options.seed, word(Word::weight_sampling, lang), how,
                     word(Word::method, lang), method_name(r.method, lang), word(Word::weight, lang), nominal);
}

void add_unscored(Section& s, const analyze::Robustness& r, core::Lang lang) {
  if (r.unscored.empty()) return;
  std::string names;
  for (const auto* c : r.unscored) names += (names.empty() ? "" : ", ") + firm_label(*c->company, lang);
  s.paragraphs.push_back(std::string(word(Word::not_scored, lang)) + ": " + names);
}

std::string top_label(int top, core::Lang lang) { return fmt::format("{} (k = {})", word(Word::top_probability, lang), top); }

}  // namespace

std::optional<Section> agreement_section(const analyze::Agreement& agreement, const model::Rubric& rubric,
                                         core::Lang lang) {
  if (!agreement.any()) return std::nullopt;
  Section s;
  s.title = std::string(word(Word::agreement, lang));
  s.paragraphs.push_back(std::string(word(Word::agreement_note, lang)));
  Table t;
  t.id = "agreement";
  t.columns = {{"dimension", std::string(word(Word::dimension, lang)), false},
               {"units", std::string(word(Word::units, lang)), true},
               {"values", std::string(word(Word::values_paired, lang)), true},
               {"alpha_interval", std::string(word(Word::alpha_interval, lang)), true},
               {"alpha_ordinal", std::string(word(Word::alpha_ordinal, lang)), true}};
  const auto row = [&](const std::string& name, const analyze::Alpha& a) {
    const auto alpha_cell = [](const std::optional<double>& v) {
      Cell c = Cell::number(v, 3);
      c.flagged = v && *v < 0.667;
      return c;
    };
    t.rows.push_back({Cell::text(name), Cell::count(static_cast<long>(a.units)), Cell::count(static_cast<long>(a.values)),
                      alpha_cell(a.interval), alpha_cell(a.ordinal)});
  };
  for (const auto& [id, a] : agreement.dimensions) {
    const model::Dimension* dim = rubric.find_dimension(id);
    row(dim ? dim->label.get(lang) : id, a);
  }
  row(std::string(word(Word::overall, lang)), agreement.overall);
  s.tables.push_back(std::move(t));
  return s;
}

Section robustness_section(const analyze::Robustness& r, const score::Run& run, core::Lang lang) {
  const model::Rubric& rubric = *run.rubric;
  const std::uint64_t total = r.options.samples;
  Section s;
  s.title = std::string(word(Word::robustness, lang));
  s.paragraphs.push_back(std::string(word(Word::robustness_note, lang)));
  s.paragraphs.push_back(settings_text(r, lang));
  if (r.options.top_only) {
    s.paragraphs.push_back(std::string(word(Word::top_only_note, lang)));
    Table top;
    top.id = "robustness";
    top.columns = {{"nominal_rank", std::string(word(Word::nominal_rank, lang)), true},
                   {"company", std::string(word(Word::company, lang)), false},
                   {"top_probability", top_label(r.options.top, lang), true}};
    for (const auto& f : r.firms)
      top.rows.push_back({Cell::count(f.nominal_rank), Cell::text(firm_label(*f.firm->company, lang)),
                          Cell::text(percent_of(f.top_count, total))});
    s.tables.push_back(std::move(top));
    add_unscored(s, r, lang);
    return s;
  }

  Table summary;
  summary.id = "robustness";
  summary.columns = {{"nominal_rank", std::string(word(Word::nominal_rank, lang)), true},
                     {"company", std::string(word(Word::company, lang)), false},
                     {"mean_rank", std::string(word(Word::mean_rank, lang)), true},
                     {"rank_interval", std::string(word(Word::rank_interval, lang)), true},
                     {"top_probability", top_label(r.options.top, lang), true},
                     {"nominal_rank_share", std::string(word(Word::nominal_share, lang)), true},
                     {"stable", std::string(word(Word::stable_header, lang)), false}};
  Table heat_table;
  heat_table.id = "rank-acceptability";
  heat_table.title = std::string(word(Word::rank_acceptability, lang));
  heat_table.compact = true;
  heat_table.columns.push_back({"company", std::string(word(Word::company, lang)), false});
  for (std::size_t k = 1; k <= r.firms.size(); ++k)
    heat_table.columns.push_back({"rank_" + std::to_string(k), std::to_string(k), true});
  Table grades;
  grades.id = "grade-probabilities";
  grades.title = std::string(word(Word::grade_probabilities, lang));
  grades.columns.push_back({"company", std::string(word(Word::company, lang)), false});
  for (const auto& b : rubric.grades.bands) grades.columns.push_back({b.id, b.label.get(lang), true});

  for (const auto& f : r.firms) {
    const std::string name = firm_label(*f.firm->company, lang);
    Cell stable = Cell::text(std::string(word(f.stable ? Word::stable : Word::unstable, lang)));
    stable.flagged = !f.stable;
    summary.rows.push_back({Cell::count(f.nominal_rank), Cell::text(name), Cell::number(f.mean_rank, 1),
                            Cell::text(fmt::format("{}–{}", f.interval_low, f.interval_high)),
                            Cell::text(percent_of(f.top_count, total)),
                            Cell::text(percent_of(f.at_rank(f.nominal_rank), total)),
                            stable});
    std::vector<Cell> heat_row{Cell::text(f.firm->company->name.get(lang))};
    for (int k = 1; k <= static_cast<int>(r.firms.size()); ++k) {
      const std::uint64_t count = f.at_rank(k);
      Cell c = Cell::text(share_text(count, total));
      if (count) c.shade = heat(share(count, total));
      heat_row.push_back(std::move(c));
    }
    heat_table.rows.push_back(std::move(heat_row));
    std::vector<Cell> grade_row{Cell::text(name)};
    for (std::uint64_t c : f.grade_counts) grade_row.push_back(Cell::text(c ? percent_of(c, total) : ""));
    grades.rows.push_back(std::move(grade_row));
  }
  s.tables.push_back(std::move(summary));
  s.tables.push_back(std::move(heat_table));
  s.tables.push_back(std::move(grades));
  add_unscored(s, r, lang);
  return s;
}

Document robustness_document(const analyze::Robustness& r, const score::Run& run, const RunInfo& info) {
  Document doc;
  doc.lang = info.lang;
  doc.title = run.rubric->title.get(info.lang) + " — " + std::string(word(Word::robustness, info.lang));
  doc.meta.push_back(std::string(word(Word::rubric, info.lang)) + ": " + run.rubric->reference());
  doc.sections.push_back(robustness_section(r, run, info.lang));
  return doc;
}

void write_robustness_csv(std::ostream& out, const analyze::Robustness& r, const RunInfo& info) {
  Table t;
  if (r.options.top_only) {
    t.columns = {{"id", "id", false},
                 {"name", std::string(word(Word::company, info.lang)), false},
                 {"nominal_rank", "nominal_rank", true},
                 {"top_probability", "top_probability", true}};
    for (const auto& f : r.firms)
      t.rows.push_back({Cell::text(f.firm->company->id), Cell::text(f.firm->company->name.get(info.lang)),
                        Cell::count(f.nominal_rank), Cell::number(share(f.top_count, r.options.samples), 4)});
    render_csv(out, t);
    return;
  }
  t.columns = {{"id", "id", false},
               {"name", std::string(word(Word::company, info.lang)), false},
               {"nominal_rank", "nominal_rank", true},
               {"mean_rank", "mean_rank", true},
               {"rank_low", "rank_low", true},
               {"rank_high", "rank_high", true},
               {"top_probability", "top_probability", true},
               {"nominal_rank_share", "nominal_rank_share", true},
               {"stable", "stable", false}};
  for (std::size_t k = 1; k <= r.firms.size(); ++k) t.columns.push_back({"rank_" + std::to_string(k), "rank_" + std::to_string(k), true});
  // A row per firm and a column per rank: written a row at a time, since a
  // national cohort's matrix would not fit in memory as cells.
  CsvTableStream csv(out, t.columns);
  std::vector<Cell> row;
  for (const auto& f : r.firms) {
    row = {Cell::text(f.firm->company->id), Cell::text(f.firm->company->name.get(info.lang)),
           Cell::count(f.nominal_rank), Cell::number(f.mean_rank, 3), Cell::count(f.interval_low),
           Cell::count(f.interval_high), Cell::number(share(f.top_count, r.options.samples), 4),
           Cell::number(f.nominal_share, 4), Cell::text(f.stable ? "true" : "false")};
    for (int k = 1; k <= static_cast<int>(r.firms.size()); ++k)
      row.push_back(Cell::number(share(f.at_rank(k), r.options.samples), 4));
    csv.row(row);
  }
}

void write_robustness_json(std::ostream& out, const analyze::Robustness& r, const score::Run& run,
                           const RunInfo& info) {
  const std::uint64_t total = r.options.samples;
  JsonWriter j(out);
  j.begin_object();
  j.key("tool").begin_object().field("name", "ecoscore").field("version", info.tool_version).end_object();
  j.key("rubric").begin_object().field("id", run.rubric->id).field("version", run.rubric->version).end_object();
  j.field("method", model::to_string(r.method));
  j.field("samples", static_cast<long long>(total)).field("seed", static_cast<long long>(r.options.seed));
  j.key("weights").begin_object().field("model", analyze::weight_model_name(r.options.model));
  if (r.options.model == analyze::WeightModel::dirichlet) j.field("concentration", r.options.concentration);
  if (r.options.model == analyze::WeightModel::box) j.field("spread", r.options.spread);
  j.end_object();
  j.key("nominal_weights").begin_array();
  for (std::size_t d = 0; d < r.dimensions.size(); ++d)
    j.begin_object().field("id", r.dimensions[d]).field("weight", r.nominal_weights[d]).end_object();
  j.end_array();
  j.field("top", r.options.top);
  // Only in top-only mode, so that full runs keep their bytes.
  if (r.options.top_only) j.field("top_only", true);
  j.key("firms").begin_array();
  for (const auto& f : r.firms) {
    j.begin_object().field("id", f.firm->company->id).field("nominal_rank", f.nominal_rank);
    if (r.options.top_only) {
      j.field("top_probability", share(f.top_count, total)).end_object();
      continue;
    }
    j.field("mean_rank", f.mean_rank);
    j.key("rank_interval").begin_array().value(f.interval_low).value(f.interval_high).end_array();
    j.field("top_probability", share(f.top_count, total)).field("nominal_rank_share", f.nominal_share);
    j.field("stable", f.stable);
    j.key("rank_acceptability").begin_array();
    // Zero outside the ranks the firm reached.
    const auto before = static_cast<std::size_t>(f.first_rank - 1);
    j.values(0.0, before);
    for (std::uint32_t c : f.rank_counts) j.value(share(c, total));
    j.values(0.0, r.firms.size() - before - f.rank_counts.size());
    j.end_array();
    j.key("grade_probabilities").begin_object();
    for (std::size_t g = 0; g < f.grade_counts.size(); ++g)
      j.key_text(run.rubric->grades.bands[g].id).value(share(f.grade_counts[g], total));
    j.end_object().end_object();
  }
  j.end_array();
  j.key("unscored").begin_array();
  for (const auto* c : r.unscored) j.value(c->company->id);
  j.end_array();
  j.end_object();
  j.finish();
}

std::string robustness_line(const analyze::FirmRobustness& f, int top, core::Lang lang) {
  const std::uint64_t total = [&] {
    std::uint64_t t = 0;
    for (auto c : f.rank_counts) t += c;
    return t;
  }();
  return fmt::format("{}: {} {} ({} {}) · {} {}–{} · {} {} · {}", word(Word::robustness, lang),
                     word(Word::nominal_rank, lang), f.nominal_rank,
                     percent_of(f.at_rank(f.nominal_rank), total),
                     word(f.stable ? Word::stable : Word::unstable, lang), word(Word::rank_interval, lang),
                     f.interval_low, f.interval_high, top_label(top, lang), percent_of(f.top_count, total),
                     fmt::format("{} {}", word(Word::mean_rank, lang), core::format_fixed(f.mean_rank, 1)));
}

}  // namespace ecoscore::report
