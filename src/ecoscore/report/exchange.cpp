// Company files to and from spreadsheets: a ratings CSV (export) and the
// company YAML that `import` writes from one.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "ecoscore/core/number.hpp"
#include "ecoscore/model/names.hpp"
#include "ecoscore/report/cells.hpp"
#include "ecoscore/report/json_writer.hpp"
#include "ecoscore/report/vocabulary.hpp"
#include "ecoscore/report/writers.hpp"

namespace ecoscore::report {
namespace {

std::string date_text(const model::Date& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

// A value as YAML (and as a CSV cell): numbers at shortest round trip,
// booleans as true/false, level ids as they are (ids need no quotes).
std::string value_yaml(const model::Value& v) {
  if (const double* d = std::get_if<double>(&v)) return core::format_shortest(*d);
  if (const bool* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  return std::get<std::string>(v);
}

}  // namespace

void write_company_yaml(std::ostream& out, const model::Company& c, const std::string& origin) {
  // A JSON string literal is a YAML double-quoted scalar.
  const auto q = [](const std::string& s) { return json_quote(s); };
  out << "# " << origin << "\n";
  out << "company:\n  id: " << c.id << "\n  name: {ko: " << q(c.name.ko);
  if (!c.name.en.empty()) out << ", en: " << q(c.name.en);
  out << "}\n  size: " << model::to_string(c.size) << "\n";
  if (!c.sector.empty()) out << "  sector: " << c.sector << "\n";
  if (!c.partners.empty()) {
    out << "  partners: [";
    for (std::size_t k = 0; k < c.partners.size(); ++k) out << (k ? ", " : "") << c.partners[k];
    out << "]\n";
  }
  if (!c.note().empty()) out << "  note: " << q(c.note()) << "\n";
  const auto& ev = c.evaluation;
  out << "evaluation:\n  rubric: " << ev.rubric_id << "@" << ev.rubric_version << "\n  period: " << q(ev.period) << "\n";
  if (!ev.raters().empty()) {
    out << "  raters:\n";
    for (const auto& r : ev.raters()) {
      out << "    - {id: " << r.id;
      if (!r.name.empty()) out << ", name: " << q(r.name);
      if (!r.organization.empty()) out << ", organization: " << q(r.organization);
      out << "}\n";
    }
  }
  out << "  ratings:" << (ev.ratings.empty() ? " {}" : "") << "\n";
  for (const auto& r : ev.ratings) {
    out << "    " << r.indicator << ": ";
    const bool plain = r.per_rater.empty() && r.evidence.empty() && !r.evidence_date && r.value;
    if (plain) {
      out << value_yaml(*r.value) << "\n";
      continue;
    }
    out << "{";
    if (!r.per_rater.empty()) {
      out << "values: {";
      for (std::size_t k = 0; k < r.per_rater.size(); ++k)
        out << (k ? ", " : "") << r.per_rater[k].rater << ": " << value_yaml(r.per_rater[k].value);
      out << "}";
    } else {
      out << "value: " << (r.value ? value_yaml(*r.value) : "null");
    }
    if (!r.evidence.empty()) out << ", evidence: " << q(r.evidence);
    if (r.evidence_date) out << ", evidence_date: " << date_text(*r.evidence_date);
    if (!r.missing_reason.empty()) out << ", reason: " << q(r.missing_reason);
    out << "}\n";
  }
  if (!ev.adjustments().empty()) {
    out << "  adjustments:\n";
    for (const auto& a : ev.adjustments())
      out << "    - {id: " << a.id << ", points: " << core::format_shortest(a.points) << ", reason: " << q(a.reason)
          << "}\n";
  }
  if (!c.outcomes().empty()) {
    out << "outcomes:\n";
    for (const auto& o : c.outcomes()) out << "  " << o.id << ": " << core::format_shortest(o.value) << "\n";
  }
}

void write_ratings_csv(std::ostream& out, const model::Rubric& rubric,
                       const std::vector<const model::Company*>& companies) {
  // Evidence and adjustment columns only where some firm has them.
  std::set<std::string> with_evidence, with_date, with_reason, adjustments, outcomes;
  for (const auto* c : companies) {
    for (const auto& r : c->evaluation.ratings) {
      if (!r.evidence.empty()) with_evidence.insert(r.indicator);
      if (r.evidence_date) with_date.insert(r.indicator);
      if (!r.missing_reason.empty()) with_reason.insert(r.indicator);
    }
    for (const auto& a : c->evaluation.adjustments()) adjustments.insert(a.id);
    for (const auto& o : c->outcomes()) outcomes.insert(o.id);
  }
  std::vector<std::string> indicators;
  for (const auto& dim : rubric.dimensions)
    for (const auto& ind : dim.indicators) indicators.push_back(ind.id);
  CsvWriter csv(out);
  for (const char* h : {"id", "name_ko", "name_en", "size", "sector", "partners", "note", "period", "rater", "rater_name",
                        "rater_organization"})
    csv.text(h);
  for (const auto& id : indicators) csv.text(id);
  for (const auto& id : indicators)
    if (with_evidence.count(id)) csv.text("evidence:" + id);
  for (const auto& id : indicators)
    if (with_date.count(id)) csv.text("evidence_date:" + id);
  for (const auto& id : indicators)
    if (with_reason.count(id)) csv.text("reason:" + id);
  for (const auto& item : rubric.adjustments.items)
    if (adjustments.count(item.id)) csv.text("adjustment:" + item.id).text("adjustment_reason:" + item.id);
  for (const auto& id : outcomes) csv.text("outcome:" + id);
  csv.end_row();
  for (const auto* c : companies) {
    // One row per rater when any rating has values per rater; a single value
    // is then repeated on each rater's row (the raters agree on it).
    std::vector<std::string> raters;
    for (const auto& r : c->evaluation.ratings)
      for (const auto& pr : r.per_rater) raters.push_back(pr.rater);
    std::sort(raters.begin(), raters.end());
    raters.erase(std::unique(raters.begin(), raters.end()), raters.end());
    if (raters.empty()) raters.push_back("");
    std::string partners;
    for (const auto& p : c->partners) partners += (partners.empty() ? "" : " ") + p;
    for (const auto& rater : raters) {
      csv.text(c->id).text(c->name.ko).text(c->name.en).text(model::to_string(c->size)).text(c->sector).text(partners);
      csv.text(c->note()).text(c->evaluation.period).text(rater);
      const auto who = std::find_if(c->evaluation.raters().begin(), c->evaluation.raters().end(),
                                    [&](const auto& x) { return x.id == rater; });
      const bool known = who != c->evaluation.raters().end();
      csv.text(known ? who->name : "").text(known ? who->organization : "");
      for (const auto& id : indicators) {
        const model::Rating* r = c->find_rating(id);
        std::string cell;
        if (r && r->value) cell = value_yaml(*r->value);
        if (r)
          for (const auto& pr : r->per_rater)
            if (pr.rater == rater) cell = value_yaml(pr.value);
        csv.text(cell);
      }
      for (const auto& id : indicators)
        if (with_evidence.count(id)) csv.text(c->find_rating(id) ? c->find_rating(id)->evidence : "");
      for (const auto& id : indicators)
        if (with_date.count(id)) {
          const model::Rating* r = c->find_rating(id);
          csv.text(r && r->evidence_date ? date_text(*r->evidence_date) : "");
        }
      for (const auto& id : indicators)
        if (with_reason.count(id)) csv.text(c->find_rating(id) ? c->find_rating(id)->missing_reason : "");
      for (const auto& item : rubric.adjustments.items) {
        if (!adjustments.count(item.id)) continue;
        const auto it = std::find_if(c->evaluation.adjustments().begin(), c->evaluation.adjustments().end(),
                                     [&](const auto& a) { return a.id == item.id; });
        // The points on the first row only: a second row would claim them twice.
        const bool here = it != c->evaluation.adjustments().end() && rater == raters.front();
        csv.text(here ? core::format_shortest(it->points) : "").text(here ? it->reason : "");
      }
      for (const auto& id : outcomes) {
        const auto it = std::find_if(c->outcomes().begin(), c->outcomes().end(), [&](const auto& o) { return o.id == id; });
        csv.text(it != c->outcomes().end() ? core::format_shortest(it->value) : "");
      }
      csv.end_row();
    }
  }
}

}  // namespace ecoscore::report
