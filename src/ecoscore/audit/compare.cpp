#include "ecoscore/audit/compare.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ecoscore/core/error.hpp"
#include "ecoscore/core/number.hpp"
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
    for (const auto& c : j.at("companies")) {
      FirmNumbers f;
      f.id = c.at("id").get<std::string>();
      const auto& name = c.at("name").at(lang == core::Lang::ko ? "ko" : "en");
      f.name = name.is_string() && !name.get<std::string>().empty() ? name.get<std::string>() : f.id;
      f.total = number_or_null(c.at("total"));
      f.grade = c.at("grade").is_null() ? "" : c.at("grade").get<std::string>();
      f.rank = c.at("rank").is_null() ? 0 : c.at("rank").get<int>();
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
