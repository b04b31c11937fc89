#include "ecoscore/audit/compare.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ecoscore/core/error.hpp"
#include "ecoscore/core/number.hpp"
#include "ecoscore/report/document.hpp"
#include "ecoscore/report/vocabulary.hpp"

namespace ecoscore::audit {
namespace {

using report::Word;

std::optional<double> number_or_null(const nlohmann::json& j) {
  return j.is_null() ? std::nullopt : std::optional<double>(j.get<double>());
}

// Both values shown at the run's precision, or in full when that would hide
// the difference.
std::pair<std::string, std::string> shown_pair(std::optional<double> a, std::optional<double> b, int precision) {
  const auto show = [&](std::optional<double> v, bool full) {
    return !v ? std::string("-") : full ? core::format_shortest(*v) : core::format_fixed(*v, precision);
  };
  const bool hidden = show(a, false) == show(b, false);
  return {show(a, hidden), show(b, hidden)};
}

// Calls fn(key, value in a or null, value in b or null) for every key of either map, in order.
template <typename Map, typename Fn>
void each_key(const Map& a, const Map& b, Fn fn) {
  using Value = const typename Map::mapped_type*;
  const Value none = nullptr;
  auto i = a.begin();
  auto k = b.begin();
  while (i != a.end() || k != b.end()) {
    if (k == b.end() || (i != a.end() && i->first < k->first)) {
      fn(i->first, &i->second, none);
      ++i;
    } else if (i == a.end() || k->first < i->first) {
      fn(k->first, none, &k->second);
      ++k;
    } else {
      fn(i->first, &i->second, &k->second);
      ++i;
      ++k;
    }
  }
}

// A change for every key whose number differs between the two maps.
void compare_numbers(const std::string& firm, Change::Kind kind, const std::map<std::string, std::optional<double>>& a,
                     const std::map<std::string, std::optional<double>>& b, int precision, std::vector<Change>& out) {
  each_key(a, b, [&](const std::string& id, const std::optional<double>* u, const std::optional<double>* v) {
    const auto before = u ? *u : std::nullopt;
    const auto after = v ? *v : std::nullopt;
    if (before == after) return;
    auto [s, t] = shown_pair(before, after, precision);
    out.push_back({firm, kind, id, s, t});
  });
}

}  // namespace

RunNumbers read_run_numbers(const std::string& json_text, const std::string& path, core::Lang lang) {
  RunNumbers run;
  try {
    const auto j = nlohmann::json::parse(json_text);
    run.rubric = j.at("rubric").at("id").get<std::string>() + "@" + j.at("rubric").at("version").get<std::string>();
    run.precision = j.at("rubric").at("precision").get<int>();
    if (const auto l = j.at("rubric").find("lang"); l != j.at("rubric").end()) run.lang = l->get<std::string>();
    if (const auto d = j.at("rubric").find("dimensions"); d != j.at("rubric").end())
      for (const auto& dim : *d)
        run.dimension_labels[dim.at("id").get<std::string>()] =
            dim.at("label").at(lang == core::Lang::ko ? "ko" : "en").get<std::string>();
    if (const auto g = j.at("rubric").find("grades"); g != j.at("rubric").end())
      for (const auto& band : *g)
        run.grades.emplace_back(band.at("id").get<std::string>(),
                                band.at("label").at(lang == core::Lang::ko ? "ko" : "en").get<std::string>());
    for (const auto& c : j.at("companies")) {
      FirmNumbers f;
      f.id = c.at("id").get<std::string>();
      const auto& name = c.at("name").at(lang == core::Lang::ko ? "ko" : "en");
      f.name = name.is_string() && !name.get<std::string>().empty() ? name.get<std::string>() : f.id;
      f.total = number_or_null(c.at("total"));
      f.grade = c.at("grade").is_null() ? "" : c.at("grade").get<std::string>();
      f.rank = c.at("rank").is_null() ? 0 : c.at("rank").get<int>();
      if (run.period.empty()) run.period = c.value("period", std::string());
      for (const auto& d : c.at("dimensions")) f.dimensions[d.at("id").get<std::string>()] = number_or_null(d.at("score"));
      for (const auto& i : c.at("indicators")) {
        const auto id = i.at("id").get<std::string>();
        f.raw[id] = i.at("raw").is_null() ? "-" : i.at("raw").dump();
        f.normalized[id] = number_or_null(i.at("normalized"));
      }
      run.firms[f.id] = std::move(f);
    }
  } catch (const nlohmann::json::exception& e) {
    throw core::InputError({core::make_error({path, 0, 0}, core::Msg::bad_scores, {e.what()})});
  }
  return run;
}

RunNumbers read_run(const std::string& run_or_file, core::Lang lang) {
  const std::string path =
      std::filesystem::is_directory(run_or_file) ? run_or_file + "/scores.json" : run_or_file;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::MissingInputError({core::make_error({path, 0, 0}, core::Msg::file_missing)});
  std::stringstream text;
  text << in.rdbuf();
  return read_run_numbers(text.str(), path, lang);
}

Comparison compare_runs(const RunNumbers& a, const RunNumbers& b) {
  Comparison out;
  const int p = std::max(a.precision, b.precision);
  each_key(a.firms, b.firms, [&](const std::string& id, const FirmNumbers* x, const FirmNumbers* y) {
    if (!y) {
      out.changes.push_back({id, Change::Kind::removed, {}, {}, {}});
      return;
    }
    if (!x) {
      out.changes.push_back({id, Change::Kind::added, {}, {}, {}});
      return;
    }
    out.grades[{x->grade, y->grade}] += 1;
    // Inputs first, then what follows from them.
    each_key(x->raw, y->raw, [&](const std::string& ind, const std::string* u, const std::string* v) {
      if (!u || !v || *u != *v) out.changes.push_back({id, Change::Kind::raw, ind, u ? *u : "-", v ? *v : "-"});
    });
    compare_numbers(id, Change::Kind::normalized, x->normalized, y->normalized, p, out.changes);
    compare_numbers(id, Change::Kind::dimension, x->dimensions, y->dimensions, p, out.changes);
    if (x->total != y->total) {
      auto [s, t] = shown_pair(x->total, y->total, p);
      out.changes.push_back({id, Change::Kind::total, {}, s, t});
    }
    if (x->grade != y->grade)
      out.changes.push_back({id, Change::Kind::grade, {}, x->grade.empty() ? "-" : x->grade, y->grade.empty() ? "-" : y->grade});
    if (x->rank != y->rank)
      out.changes.push_back({id, Change::Kind::rank, {}, x->rank ? std::to_string(x->rank) : "-",
                             y->rank ? std::to_string(y->rank) : "-"});
  });
  return out;
}

void write_comparison(std::ostream& out, const Comparison& c, const RunNumbers& a, const RunNumbers& b,
                      core::Lang lang) {
  for (const auto& ch : c.changes) {
    const auto& firms = ch.kind == Change::Kind::added ? b.firms : a.firms;
    const auto it = firms.find(ch.firm);
    const std::string who = it == firms.end() ? ch.firm : fmt::format("{} ({})", it->second.name, ch.firm);
    switch (ch.kind) {
      case Change::Kind::added: out << fmt::format("  {}: {}\n", who, report::word(Word::added, lang)); break;
      case Change::Kind::removed: out << fmt::format("  {}: {}\n", who, report::word(Word::removed, lang)); break;
      case Change::Kind::total:
        out << fmt::format("  {}: {} {} → {}\n", who, report::word(Word::total, lang), ch.before, ch.after);
        break;
      case Change::Kind::grade:
        out << fmt::format("  {}: {} {} → {}\n", who, report::word(Word::grade, lang), ch.before, ch.after);
        break;
      case Change::Kind::rank:
        out << fmt::format("  {}: {} {} → {}\n", who, report::word(Word::rank, lang), ch.before, ch.after);
        break;
      case Change::Kind::dimension:
        out << fmt::format("  {}: {} {} {} → {}\n", who, report::word(Word::dimension, lang), ch.item, ch.before, ch.after);
        break;
      case Change::Kind::raw:
        out << fmt::format("  {}: {} {} {} {} → {}\n", who, report::word(Word::indicator, lang), ch.item,
                           report::word(Word::raw, lang), ch.before, ch.after);
        break;
      case Change::Kind::normalized:
        out << fmt::format("  {}: {} {} {} {} → {}\n", who, report::word(Word::indicator, lang), ch.item,
                           report::word(Word::normalized, lang), ch.before, ch.after);
        break;
    }
  }
  bool moved = false;
  for (const auto& [grades, count] : c.grades) moved = moved || grades.first != grades.second;
  if (!moved) return;
  out << report::word(Word::grade_transitions, lang) << ":\n";
  for (const auto& [grades, count] : c.grades)
    out << fmt::format("  {} → {}: {}\n", grades.first.empty() ? "-" : grades.first,
                       grades.second.empty() ? "-" : grades.second, count);
}

}  // namespace ecoscore::audit

namespace ecoscore::audit {

report::Document years_view(const RunNumbers& a, const RunNumbers& b, core::Lang lang) {
  using report::Cell;
  using report::Column;
  using report::Table;
  const auto w = [&](Word id) { return std::string(report::word(id, lang)); };
  const int p = std::max(a.precision, b.precision);
  report::Document doc;
  doc.lang = lang;
  doc.title = w(Word::grade_transitions) + ": " + a.period + " → " + b.period;
  doc.meta.push_back(w(Word::rubric) + ": " + a.rubric + " → " + b.rubric);

  // Grades in band order: the later run's bands, then any only the earlier has.
  std::vector<std::pair<std::string, std::string>> grades = b.grades;
  for (const auto& g : a.grades)
    if (std::none_of(grades.begin(), grades.end(), [&](const auto& h) { return h.first == g.first; })) grades.push_back(g);
  const auto label = [&](const std::string& id) {
    for (const auto& g : grades)
      if (g.first == id) return g.second;
    return id.empty() ? w(Word::not_scored) : id;
  };
  const Comparison c = compare_runs(a, b);
  Table matrix{"transitions", w(Word::transitions_matrix), {{"from", w(Word::grade), false}}, {}};
  for (const auto& g : grades) matrix.columns.push_back({g.first, g.second, true});
  int largest = 1;
  for (const auto& [key, n] : c.grades) largest = std::max(largest, n);
  for (const auto& from : grades) {
    std::vector<Cell> row = {Cell::text(from.second)};
    for (const auto& to : grades) {
      const auto it = c.grades.find({from.first, to.first});
      const int n = it == c.grades.end() ? 0 : it->second;
      Cell cell = Cell::count(n);
      // Heat: deeper blue for more firms; the diagonal (no change) in grey.
      const int level = n == 0 ? 0 : 40 + 160 * n / largest;
      cell.shade = n == 0 ? "" : from.first == to.first ? fmt::format("rgb({0},{0},{0})", 255 - level / 3)
                                                        : fmt::format("rgb({},{},255)", 255 - level, 255 - level / 2);
      row.push_back(cell);
    }
    matrix.rows.push_back(std::move(row));
  }

  Table movers{"movers", w(Word::movers),
               {{"id", w(Word::id), false}, {"name", w(Word::company), false}, {"rank_a", w(Word::rank) + " " + a.period, true},
                {"rank_b", w(Word::rank) + " " + b.period, true}, {"rank_change", w(Word::change), true},
                {"total_a", w(Word::total) + " " + a.period, true}, {"total_b", w(Word::total) + " " + b.period, true},
                {"total_change", w(Word::change), true}, {"grade_a", w(Word::grade) + " " + a.period, false},
                {"grade_b", w(Word::grade) + " " + b.period, false}},
               {}};
  std::vector<std::pair<int, std::vector<Cell>>> rows;
  std::map<std::string, std::vector<double>> dimension_changes;
  for (const auto& [id, x] : a.firms) {
    const auto it = b.firms.find(id);
    if (it == b.firms.end()) continue;
    const FirmNumbers& y = it->second;
    const int moved = x.rank > 0 && y.rank > 0 ? x.rank - y.rank : 0;  // positive: up
    Cell rank_change = Cell::number(x.rank > 0 && y.rank > 0 ? std::optional<double>(moved) : std::nullopt, 0);
    rank_change.flagged = moved < 0;
    Cell total_change = Cell::number(x.total && y.total ? std::optional(*y.total - *x.total) : std::nullopt, p);
    total_change.flagged = x.total && y.total && *y.total < *x.total;
    rows.push_back({-moved, {Cell::text(id), Cell::text(y.name), Cell::number(x.rank > 0 ? std::optional<double>(x.rank) : std::nullopt, 0),
                             Cell::number(y.rank > 0 ? std::optional<double>(y.rank) : std::nullopt, 0), rank_change,
                             Cell::number(x.total, p), Cell::number(y.total, p), total_change, Cell::text(label(x.grade)),
                             Cell::text(label(y.grade))}});
    for (const auto& [dim, score] : y.dimensions) {
      const auto before = x.dimensions.find(dim);
      if (score && before != x.dimensions.end() && before->second) dimension_changes[dim].push_back(*score - *before->second);
    }
  }
  // Biggest climbers first; ties by id.
  std::stable_sort(rows.begin(), rows.end(), [](const auto& l, const auto& r) { return l.first < r.first; });
  for (auto& [key, row] : rows) movers.rows.push_back(std::move(row));

  Table dims{"dimension-changes", w(Word::dimension_changes),
             {{"dimension", w(Word::dimension), false}, {"firms", w(Word::firms), true},
              {"mean_change", w(Word::change), true}},
             {}};
  for (const auto& [dim, changes] : dimension_changes) {
    double sum = 0;
    for (double d : changes) sum += d;
    const auto named = b.dimension_labels.find(dim);
    dims.rows.push_back({Cell::text(named == b.dimension_labels.end() ? dim : named->second),
                         Cell::count(static_cast<long>(changes.size())),
                         Cell::number(sum / static_cast<double>(changes.size()), p)});
  }
  Table churn{"added-removed", w(Word::added) + " / " + w(Word::removed),
              {{"id", w(Word::id), false}, {"name", w(Word::company), false}, {"change", w(Word::change), false}}, {}};
  for (const auto& ch : c.changes) {
    if (ch.kind != Change::Kind::added && ch.kind != Change::Kind::removed) continue;
    const bool added = ch.kind == Change::Kind::added;
    const auto& firms = added ? b.firms : a.firms;
    churn.rows.push_back({Cell::text(ch.firm), Cell::text(firms.at(ch.firm).name), Cell::text(w(added ? Word::added : Word::removed))});
  }
  doc.sections.push_back({w(Word::grade_transitions), {}, {matrix, dims, churn}, {}});
  doc.sections.push_back({w(Word::movers), {}, {movers}, {}});
  return doc;
}

}  // namespace ecoscore::audit
