#include "ecoscore/load/ratings_csv.hpp"

#include <algorithm>
#include <cstdint>
#include <forward_list>
#include <map>
#include <numeric>
#include <optional>
#include <thread>
#include <unordered_map>

#include "ecoscore/core/number.hpp"
#include "ecoscore/core/parallel.hpp"
#include "ecoscore/core/text.hpp"
#include "ecoscore/load/file_reader.hpp"
#include "ecoscore/load/limits.hpp"
#include "ecoscore/load/scalar.hpp"
#include "ecoscore/model/id.hpp"
#include "ecoscore/model/names.hpp"

namespace ecoscore::load {
namespace {

using core::Msg;

enum class ColumnKind { field, indicator, evidence, evidence_date, reason, adjustment, adjustment_reason, outcome };

struct Column {
  ColumnKind kind = ColumnKind::field;
  std::string name;    // as written
  std::string target;  // the field, indicator or adjustment id
  int index = 0;       // 0-based cell index
  // Columns of an indicator (its value, evidence, date, reason): the
  // indicator, and the place of its rating among a firm's, which are in
  // indicator id order.
  const model::Indicator* indicator = nullptr;
  int rating_slot = -1;
};

bool names_indicator(ColumnKind kind) {
  return kind == ColumnKind::indicator || kind == ColumnKind::evidence || kind == ColumnKind::evidence_date ||
         kind == ColumnKind::reason;
}

// Gives each indicator's columns their indicator and rating place; returns
// how many indicators the columns name.
std::size_t place_ratings(std::vector<Column>& columns, const model::Rubric& rubric) {
  std::vector<std::string> ids;
  for (const auto& c : columns)
    if (names_indicator(c.kind)) ids.push_back(c.target);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (auto& c : columns) {
    if (!names_indicator(c.kind)) continue;
    c.indicator = rubric.find_indicator(c.target).second;
    c.rating_slot = static_cast<int>(std::lower_bound(ids.begin(), ids.end(), c.target) - ids.begin());
  }
  return ids.size();
}

// A cell's text with the spreadsheet guard ecoscore writes (a leading ' before
// = + - @ tab) removed, so that exported text comes back as it was.
std::string unguarded(std::string_view text) {
  if (text.size() >= 2 && text[0] == '\'' && std::string_view("=+-@\t\r").find(text[1]) != std::string_view::npos)
    return std::string(text.substr(1));
  return std::string(text);
}

// A number in a cell; a semicolon CSV (European spreadsheets) may write a
// decimal comma.
NumberResult csv_number(std::string text, char delimiter) {
  if (delimiter == ';' && std::count(text.begin(), text.end(), ',') == 1) std::replace(text.begin(), text.end(), ',', '.');
  return parse_number(text);
}

// A cell as the value its scale takes; a text that is not one stays text, so
// that check_company names the mismatch.
model::Value cell_value(const std::string& text, const model::Scale& scale, char delimiter) {
  using model::ScaleKind;
  if (scale.kind == ScaleKind::levels) return text;
  if (scale.kind == ScaleKind::boolean) {
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower == "true") return true;
    if (lower == "false") return false;
    return text;
  }
  const NumberResult r = csv_number(text, delimiter);
  if (r.error == NumberError::none) return r.value;
  return text;
}

struct CsvReader {
  const CsvTable& table;
  core::PathRef path;  // shared by every location this reader makes
  const model::Rubric& rubric;
  core::Diagnostics& out;

  void error(const CsvCell& at, Msg msg, std::vector<std::string> args, std::string suggestion = {}) {
    out.push_back(core::make_error({path, at.row, at.column}, msg, std::move(args), std::move(suggestion)));
  }
  core::SourceLocation where(const CsvCell& at) const { return {path, at.row, at.column}; }
};

std::vector<Column> read_header(CsvReader& r, const std::vector<CsvCell>& header) {
  std::vector<Column> columns;
  std::map<std::string, int> seen;
  std::vector<std::string> known(std::begin(kCsvCompanyColumns), std::end(kCsvCompanyColumns));
  for (const auto& dim : r.rubric.dimensions)
    for (const auto& ind : dim.indicators) {
      known.push_back(ind.id);
      known.push_back("evidence:" + ind.id);
      known.push_back("evidence_date:" + ind.id);
      known.push_back("reason:" + ind.id);
    }
  for (const auto& a : r.rubric.adjustments.items) {
    known.push_back("adjustment:" + a.id);
    known.push_back("adjustment_reason:" + a.id);
  }
  for (const auto& cell : header) {
    const std::string name(cell.text);
    if (auto [it, fresh] = seen.emplace(name, cell.column); !fresh) {
      r.error(cell, Msg::csv_duplicate_column, {name, std::to_string(it->second)});
      continue;
    }
    Column c;
    c.name = name;
    c.index = cell.column - 1;
    const auto prefixed = [&](std::string_view prefix, ColumnKind kind) {
      if (name.rfind(prefix, 0) != 0) return false;
      c.kind = kind;
      c.target = name.substr(prefix.size());
      return true;
    };
    bool ok = false;
    if (std::find(std::begin(kCsvCompanyColumns), std::end(kCsvCompanyColumns), name) != std::end(kCsvCompanyColumns)) {
      c.kind = ColumnKind::field;
      c.target = name;
      ok = true;
    } else if (prefixed("evidence_date:", ColumnKind::evidence_date) || prefixed("evidence:", ColumnKind::evidence) ||
               prefixed("reason:", ColumnKind::reason)) {
      ok = r.rubric.find_indicator(c.target).second != nullptr;
    } else if (prefixed("outcome:", ColumnKind::outcome)) {
      ok = model::is_valid_id(c.target);
    } else if (prefixed("adjustment_reason:", ColumnKind::adjustment_reason) ||
               prefixed("adjustment:", ColumnKind::adjustment)) {
      ok = r.rubric.find_adjustment(c.target) != nullptr;
    } else if (r.rubric.find_indicator(name).second) {
      c.kind = ColumnKind::indicator;
      c.target = name;
      ok = true;
    }
    if (!ok) {
      r.error(cell, Msg::csv_unknown_column, {core::escape_control(name)}, core::closest_match(name, known));
      continue;
    }
    columns.push_back(std::move(c));
  }
  for (std::string_view required : {"id", "name_ko", "size", "period"}) {
    if (!seen.count(std::string(required))) {
      CsvCell at{std::string_view(), 1, static_cast<int>(header.size()) + 1};
      r.error(at, Msg::csv_missing_column, {std::string(required)});
    }
  }
  return columns;
}

// The rows of one firm, in file order.
using Rows = std::vector<std::span<const CsvCell>>;

// One firm (its rows) as a company, or nothing once its errors are reported.
std::optional<model::Company> read_firm(CsvReader& r, const std::string& id, const Rows& rows,
                                        const std::vector<Column>& columns, std::size_t rating_slots) {
  const CsvTable& table = r.table;
  const model::Rubric& rubric = r.rubric;
  const auto column_of = [&](std::string_view name) -> const Column* {
    for (const auto& c : columns)
      if (c.kind == ColumnKind::field && c.target == name) return &c;
    return nullptr;
  };
  const Column* id_column = column_of("id");
  const Column* rater_column = column_of("rater");
  {
    const auto& first = rows.front();
    const auto cell = [](std::span<const CsvCell> row, const Column& c) -> const CsvCell& {
      return row[static_cast<std::size_t>(c.index)];
    };
    model::Company c;
    c.where = r.where(cell(first, *id_column));
    c.path = c.where.path;
    if (!model::is_valid_id(id)) {
      r.error(cell(first, *id_column), Msg::bad_id, {core::escape_control(id)});
      return std::nullopt;
    }
    c.id = id;
    // Raters: every row of the firm names one, or the firm has a single row.
    std::map<std::string, int> rater_rows;
    bool with_rater = false, without_rater = false;
    for (const auto row : rows)
      ((rater_column && !cell(row, *rater_column).text.empty()) ? with_rater : without_rater) = true;
    if (with_rater && without_rater) {
      r.error(cell(first, *id_column), Msg::csv_mixed_raters, {id});
      return std::nullopt;
    }
    for (const auto row : rows) {
      if (!with_rater) {
        if (row.data() != first.data())
          r.error(cell(row, *id_column), Msg::csv_duplicate_firm, {id, std::to_string(first.front().row)});
        continue;
      }
      const CsvCell& at = cell(row, *rater_column);
      if (!model::is_valid_id(at.text)) {
        r.error(at, Msg::bad_id, {core::escape_control(at.text)});
        continue;
      }
      if (auto [it, fresh] = rater_rows.emplace(at.text, at.row); !fresh)
        r.error(at, Msg::csv_duplicate_rater, {id, std::string(at.text), std::to_string(it->second)});
    }
    // Firm fields: the first non-empty value; another row may repeat it or
    // leave it empty, not contradict it.
    std::map<std::string, const CsvCell*> fields;
    for (const auto& col : columns) {
      if (col.kind != ColumnKind::field || col.target == "id" || col.target.rfind("rater", 0) == 0) continue;
      for (const auto row : rows) {
        const CsvCell& at = cell(row, col);
        if (at.text.empty()) continue;
        const auto it = fields.find(col.target);
        if (it == fields.end()) {
          fields[col.target] = &at;
        } else if (unguarded(it->second->text) != unguarded(at.text)) {
          r.error(at, Msg::csv_conflict,
                  {col.target, id, core::escape_control(at.text), core::escape_control(it->second->text),
                   std::to_string(it->second->row)});
        }
      }
    }
    const auto field = [&](const std::string& name) { return fields.count(name) ? unguarded(fields[name]->text) : ""; };
    c.name.ko = field("name_ko");
    c.name.en = field("name_en");
    if (c.name.ko.empty()) r.error(cell(first, *id_column), Msg::missing_key, {"name_ko"});
    if (const auto size = model::parse_name(model::size_class_names(), field("size"))) {
      c.size = *size;
    } else {
      const CsvCell& at = fields.count("size") ? *fields["size"] : cell(first, *id_column);
      r.error(at, Msg::bad_choice, {core::escape_control(field("size")), "large, medium, small, micro"});
    }
    c.sector = field("sector");
    if (!c.sector.empty() && !model::is_valid_id(c.sector))
      r.error(*fields["sector"], Msg::bad_id, {core::escape_control(c.sector)});
    const std::string partner_list = field("partners");
    for (std::size_t p = 0, q; p < partner_list.size(); p = q + 1) {
      q = partner_list.find(' ', p);
      if (q == std::string::npos) q = partner_list.size();
      const std::string partner = partner_list.substr(p, q - p);
      if (partner.empty()) continue;
      if (!model::is_valid_id(partner)) r.error(*fields["partners"], Msg::bad_id, {core::escape_control(partner)});
      else c.partners.push_back(partner);
    }
    std::sort(c.partners.begin(), c.partners.end());
    c.partners.erase(std::unique(c.partners.begin(), c.partners.end()), c.partners.end());
    c.evaluation.rubric_id = rubric.id;
    c.evaluation.rubric_version = rubric.version;
    c.evaluation.rubric_where = c.where;
    c.evaluation.ratings_where = c.where;
    c.evaluation.period = field("period");
    if (c.evaluation.period.empty()) r.error(cell(first, *id_column), Msg::missing_key, {"period"});
    if (auto note = field("note"); !note.empty()) c.rare.edit().note = std::move(note);
    // A rater's name and organization: the same on each of the rater's rows.
    for (const auto row : rows) {
      if (!with_rater) break;
      model::Rater rater{std::string(cell(row, *rater_column).text), "", ""};
      if (const Column* n = column_of("rater_name")) rater.name = unguarded(cell(row, *n).text);
      if (const Column* o = column_of("rater_organization")) rater.organization = unguarded(cell(row, *o).text);
      auto& raters = c.evaluation.rare.edit().raters;
      const auto known_rater =
          std::find_if(raters.begin(), raters.end(), [&](const auto& x) { return x.id == rater.id; });
      if (known_rater == raters.end()) raters.push_back(rater);
    }
    if (c.evaluation.rare.made()) {
      auto& raters = c.evaluation.rare.edit().raters;
      std::sort(raters.begin(), raters.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    }

    // Ratings, evidence and adjustments.
    std::vector<model::Rating> ratings(rating_slots);  // by Column::rating_slot
    // The rating an indicator's column fills, placed at its first cell.
    const auto rating_of = [&](const Column& col, const CsvCell& at) -> model::Rating& {
      model::Rating& rating = ratings[static_cast<std::size_t>(col.rating_slot)];
      rating.indicator = col.target;
      if (rating.where.path.empty()) rating.where = r.where(at);
      return rating;
    };
    std::map<std::string, model::AppliedAdjustment> adjustments;
    std::map<std::string, const CsvCell*> reasons;
    std::map<std::string, const CsvCell*> evidence_cells;
    // A cell's number, or nothing once its error is reported.
    const auto number = [&](const CsvCell& at, const std::string& text) -> std::optional<double> {
      const NumberResult n = csv_number(text, table.delimiter);
      if (n.error == NumberError::none) return n.value;
      r.error(at, Msg::number_invalid, {core::escape_control(text)});
      return std::nullopt;
    };
    for (const auto& col : columns) {
      for (const auto row : rows) {
        const CsvCell& at = cell(row, col);
        if (at.text.empty()) continue;
        const std::string text = unguarded(at.text);
        switch (col.kind) {
          case ColumnKind::field: break;
          case ColumnKind::indicator: {
            model::Rating& rating = rating_of(col, at);
            const model::Value v = cell_value(text, col.indicator->scale, table.delimiter);
            if (with_rater)
              rating.per_rater.push_back(model::RaterValue{std::string(cell(row, *rater_column).text), v, r.where(at)});
            else rating.value = v;
            break;
          }
          case ColumnKind::evidence:
          case ColumnKind::evidence_date: {
            model::Rating& rating = rating_of(col, at);
            if (col.kind == ColumnKind::evidence) {
              // Evidence belongs to the rating: raters' rows may repeat it, not contradict it.
              if (const auto it = evidence_cells.find(col.target); it != evidence_cells.end() && rating.evidence != text)
                r.error(at, Msg::csv_conflict, {col.name, id, core::escape_control(text),
                                                core::escape_control(rating.evidence), std::to_string(it->second->row)});
              evidence_cells.emplace(col.target, &at);
              rating.evidence = text;
            } else if (auto d = parse_date(text)) {
              rating.evidence_date = d;
            } else {
              r.error(at, Msg::bad_date, {core::escape_control(text)});
            }
            break;
          }
          case ColumnKind::reason: {
            // Why an indicator was left unrated (its value cells empty).
            model::Rating& rating = rating_of(col, at);
            rating.missing_reason = text;
            break;
          }
          case ColumnKind::outcome: {
            const auto value = number(at, text);
            if (!value) break;
            auto& outcomes = c.rare.edit().outcomes;
            const auto it = std::find_if(outcomes.begin(), outcomes.end(), [&](const auto& o) { return o.id == col.target; });
            if (it == outcomes.end()) outcomes.push_back({col.target, *value, r.where(at)});
            else if (it->value != *value)
              r.error(at, Msg::csv_conflict, {col.name, id, core::escape_control(text), core::format_shortest(it->value),
                                              std::to_string(it->where.line)});
            break;
          }
          case ColumnKind::adjustment: {
            const auto value = number(at, text);
            if (!value) break;
            // As in a company file: the rubric, not the sign, says whether
            // an adjustment adds or deducts (found by fuzzing: 0 was taken).
            // The points are still kept, so that their reason is not
            // reported as without points.
            if (*value <= 0) r.error(at, Msg::adjustment_sign, {col.target});
            auto& a = adjustments[col.target];
            // Raters' rows may repeat a firm's adjustment, not change it.
            if (!a.id.empty() && a.points != *value)
              r.error(at, Msg::csv_conflict, {col.name, id, core::escape_control(text), core::format_shortest(a.points),
                                              std::to_string(a.where.line)});
            a.id = col.target;
            a.points = *value;
            if (a.where.path.empty()) a.where = r.where(at);
            break;
          }
          case ColumnKind::adjustment_reason: {
            auto& a = adjustments[col.target];
            if (const auto it = reasons.find(col.target); it != reasons.end() && a.reason != text)
              r.error(at, Msg::csv_conflict, {col.name, id, core::escape_control(text), core::escape_control(a.reason),
                                              std::to_string(it->second->row)});
            reasons.emplace(col.target, &at);
            a.reason = text;
            break;
          }
        }
      }
    }
    for (auto& [aid, a] : adjustments) {
      if (a.id.empty()) {
        r.error(*reasons[aid], Msg::csv_reason_without_points, {aid});
        continue;
      }
      c.evaluation.rare.edit().adjustments.push_back(a);
    }
    if (c.rare.made()) {
      auto& outcomes = c.rare.edit().outcomes;
      std::sort(outcomes.begin(), outcomes.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    }
    // Evidence alone does not rate an indicator; a reason with no value says
    // it was left unrated on purpose (null in a company file).
    std::erase_if(ratings, [](const model::Rating& rating) {
      return !rating.value && rating.per_rater.empty() && rating.missing_reason.empty();
    });
    for (auto& rating : ratings)
      std::sort(rating.per_rater.begin(), rating.per_rater.end(),
                [](const auto& a, const auto& b) { return a.rater < b.rater; });
    c.evaluation.ratings = std::move(ratings);  // in indicator id order, as the slots are
    return c;
  }
}

}  // namespace

std::vector<model::Company> read_ratings_csv(const CsvTable& table, const std::string& path,
                                             const model::Rubric& rubric, core::Diagnostics& out, unsigned threads,
                                             const FirmHook* on_firm, std::vector<core::Diagnostics>* found) {
  CsvReader r{table, path, rubric, out};
  std::vector<model::Company> companies;
  if (table.records.empty()) {
    out.push_back(core::make_error({path, 1, 1}, Msg::file_empty));
    return companies;
  }
  const std::size_t errors_before = out.size();
  std::vector<CsvCell> cells;  // one record's, or one firm's
  std::forward_list<std::string> unquoted;
  table.read(0, cells, unquoted);
  std::vector<Column> columns = read_header(r, cells);
  if (out.size() != errors_before) return companies;  // the header decides how every row reads
  const std::size_t rating_slots = place_ratings(columns, rubric);
  const int width = table.records.front().width;
  const auto id_column = std::find_if(columns.begin(), columns.end(), [](const Column& c) {
    return c.kind == ColumnKind::field && c.target == "id";
  });  // read_header made sure there is one

  // Firm ids in the order firms first appear, and each record's firm.
  constexpr std::size_t kNoFirm = SIZE_MAX;
  std::vector<std::string> order;
  std::vector<std::size_t> firm_of(table.records.size(), kNoFirm);
  {
    std::unordered_map<std::string, std::size_t> firm_index;
    firm_index.reserve(table.records.size());
    for (std::size_t k = 1; k < table.records.size(); ++k) {
      const CsvRecord& record = table.records[k];
      if (record.width != width) {
        r.error(CsvCell{{}, record.row, record.width}, Msg::csv_row_length,
                {std::to_string(record.width), std::to_string(width)});
        continue;
      }
      cells.clear();
      unquoted.clear();
      table.read(k, cells, unquoted);
      const std::string_view id = cells[static_cast<std::size_t>(id_column->index)].text;
      const auto [it, fresh] = firm_index.try_emplace(std::string(id), order.size());
      if (fresh) order.emplace_back(id);
      firm_of[k] = it->second;
    }
  }
  // Each firm's records, in file order: firm f's are firm_records[first_record[f]]
  // up to firm_records[first_record[f + 1]].
  std::vector<std::size_t> first_record(order.size() + 1, 0);
  for (const std::size_t f : firm_of)
    if (f != kNoFirm) ++first_record[f + 1];
  std::partial_sum(first_record.begin(), first_record.end(), first_record.begin());
  std::vector<std::size_t> firm_records(first_record.back());
  {
    std::vector<std::size_t> next(first_record.begin(), first_record.end() - 1);
    for (std::size_t k = 0; k < firm_of.size(); ++k)
      if (firm_of[k] != kNoFirm) firm_records[next[firm_of[k]]++] = k;
  }
  firm_of = std::vector<std::size_t>();

  // Each firm's rows become a company on every core, with its diagnostics
  // kept apart and added in the order firms first appear. Each company is
  // made in its place, and the firms that could not be read are closed up
  // afterwards: one array of companies, not two.
  companies.resize(order.size());
  std::vector<char> read(order.size(), 0);
  std::vector<core::Diagnostics> firm_diagnostics(order.size());
  if (threads == 0)  // every core, when there are firms enough to share
    threads = std::min<unsigned>(std::max(1U, std::thread::hardware_concurrency()),
                                 static_cast<unsigned>(std::max<std::size_t>(order.size() / 64, 1)));
  std::vector<core::Diagnostics> firm_found(on_firm ? order.size() : 0);
  core::parallel_for(order.size(), threads, [&](std::size_t f) {
    CsvReader fr{table, r.path, rubric, firm_diagnostics[f]};
    // The firm's cells, read now, on this thread.
    std::vector<CsvCell> firm_cells;
    std::forward_list<std::string> firm_unquoted;
    const std::size_t count = first_record[f + 1] - first_record[f];
    firm_cells.reserve(count * static_cast<std::size_t>(width));
    for (std::size_t j = first_record[f]; j < first_record[f + 1]; ++j)
      table.read(firm_records[j], firm_cells, firm_unquoted);
    Rows rows;
    for (std::size_t j = 0; j < count; ++j)
      rows.push_back(std::span<const CsvCell>(firm_cells).subspan(j * static_cast<std::size_t>(width),
                                                                  static_cast<std::size_t>(width)));
    auto company = read_firm(fr, order[f], rows, columns, rating_slots);
    if (!company) return;
    companies[f] = std::move(*company);
    read[f] = 1;
    if (on_firm) (*on_firm)(companies[f], !core::has_errors(firm_diagnostics[f]), firm_found[f]);
  });
  std::size_t kept = 0;
  for (std::size_t f = 0; f < order.size(); ++f) {
    out.insert(out.end(), std::make_move_iterator(firm_diagnostics[f].begin()),
               std::make_move_iterator(firm_diagnostics[f].end()));
    if (!read[f]) continue;
    if (kept != f) companies[kept] = std::move(companies[f]);
    ++kept;
    if (found) found->push_back(on_firm ? std::move(firm_found[f]) : core::Diagnostics());
  }
  companies.resize(kept);
  return companies;
}

std::vector<model::Company> load_ratings_csv(const std::string& io_path, const std::string& path,
                                             const model::Rubric& rubric, const Limits& limits,
                                             core::Diagnostics& out, const ReadHook* seen, unsigned threads,
                                             const FirmHook* on_firm, std::vector<core::Diagnostics>* found) {
  auto text = read_text_file(io_path, path, limits, false, out, seen);
  if (!text) return {};
  auto table = parse_csv(*text, path, out);
  if (!table) return {};
  return read_ratings_csv(*table, path, rubric, out, threads, on_firm, found);
}

}  // namespace ecoscore::load
