#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "ecoscore/analyze/agreement.hpp"
#include "ecoscore/core/number.hpp"
#include "ecoscore/core/parallel.hpp"
#include "ecoscore/model/names.hpp"
#include "ecoscore/report/json_writer.hpp"
#include "ecoscore/report/writers.hpp"
#include "ecoscore/score/detail_store.hpp"

namespace ecoscore::report {
namespace {

void label(JsonWriter& j, JsonKey key, const model::Label& l) {
  j.key(key).begin_object().field("ko", l.ko).field("en", l.en).end_object();
}

void raw_value(JsonWriter& j, const std::optional<model::Value>& v) {
  if (!v) {
    j.null();
  } else if (const double* d = std::get_if<double>(&*v)) {
    j.value(*d);
  } else if (const bool* b = std::get_if<bool>(&*v)) {
    j.value(*b);
  } else {
    j.value(std::get<std::string>(*v));
  }
}

void optional_text(JsonWriter& j, JsonKey key, const std::string& text) {
  j.key(key);
  if (text.empty())
    j.null();
  else
    j.value(text);
}

std::string date_text(const model::Date& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

std::string date_text(const std::optional<model::Date>& d) {
  return d ? fmt::format("{:04}-{:02}-{:02}", d->year, d->month, d->day) : std::string();
}

std::string sha_of(const RunInfo& info, const core::PathRef& path) {
  const auto it = std::lower_bound(info.sha256.begin(), info.sha256.end(), path,
                                   [](const auto& entry, const core::PathRef& p) { return entry.first < p; });
  return it == info.sha256.end() || it->first != path ? std::string() : it->second.hex();
}

// The fingerprints of a run's inputs found by the path's one copy: a search
// of addresses side by side, where a search of info.sha256 by text would
// compare paths a cohort's firms all begin alike, each read from elsewhere
// in memory, some seventeen times a firm.
class Fingerprints {
 public:
  explicit Fingerprints(const RunInfo& info) {
    by_copy_.reserve(info.sha256.size());
    for (const auto& [path, hash] : info.sha256) by_copy_.push_back({copy_of(path), &hash});
    std::sort(by_copy_.begin(), by_copy_.end(), [](const Entry& a, const Entry& b) { return std::less<>()(a.copy, b.copy); });
  }
  // The fingerprint of `path`, or null when it has none.
  const core::Sha256* find(const core::PathRef& path) const {
    const void* copy = copy_of(path);
    const auto it = std::lower_bound(by_copy_.begin(), by_copy_.end(), copy,
                                     [](const Entry& e, const void* c) { return std::less<>()(e.copy, c); });
    return it != by_copy_.end() && it->copy == copy ? it->hash : nullptr;
  }

 private:
  struct Entry {
    const void* copy;
    const core::Sha256* hash;
  };
  static const void* copy_of(const core::PathRef& path) { return &path.str(); }
  std::vector<Entry> by_copy_;
};

void write_indicators(JsonWriter& j, const std::vector<score::IndicatorScore>& indicators) {
  j.begin_array();
  for (const auto& i : indicators) {
    j.begin_object().field("id", i.id).field("dimension", i.dimension);
    j.key("raw");
    raw_value(j, i.raw);
    j.field("normalized", i.normalized).field("weight", i.weight).field("effective_weight", i.effective_weight);
    j.field("contribution", i.contribution);
    j.field("missing", i.missing != score::Missing::none);
    j.key("missing_kind");
    if (i.missing == score::Missing::none) j.null(); else j.value(i.missing == score::Missing::absent ? "absent" : "declared");
    optional_text(j, "missing_reason", i.missing_reason);
    j.key("raters").begin_array();
    for (const auto& r : i.per_rater) {
      j.begin_object().field("rater", r.rater).key("raw");
      raw_value(j, r.raw);
      j.field("normalized", r.normalized).end_object();
    }
    j.end_array();
    j.field("rater_spread", i.rater_spread).field("raters_disagree", i.raters_disagree);
    optional_text(j, "evidence", i.evidence);
    optional_text(j, "evidence_date", date_text(i.evidence_date));
    j.end_object();
  }
  j.end_array();
}

void write_company(JsonWriter& j, const score::CompanyScore& cs, const RunInfo& info, const Fingerprints& fingerprints) {
  const model::Company& c = *cs.company;
  j.begin_object().field("id", c.id);
  label(j, "name", c.name);
  j.field("size", model::to_string(c.size)).field("role", model::to_string(c.role()));
  optional_text(j, "sector", c.sector);
  j.field("file", c.path.str()).key("sha256");
  if (const core::Sha256* hash = fingerprints.find(c.path)) {
    const auto hex = hash->hex_digits();
    j.value(std::string_view(hex.data(), hex.size()));
  } else {
    j.value("");
  }
  j.field("period", c.evaluation.period);
  j.field("total", cs.total).field("base", cs.base).field("bonus", cs.bonus).field("penalty", cs.penalty);
  optional_text(j, "grade", cs.grade);
  optional_text(j, "grade_before_floors", cs.grade_before_floors);
  j.key("floors_applied").begin_array();
  for (const auto& f : cs.floors_applied()) j.value(f);
  j.end_array();
  j.key("rank");
  if (cs.rank > 0) j.value(cs.rank); else j.null();
  j.key("role_rank");
  if (cs.role_rank > 0) j.value(cs.role_rank); else j.null();
  j.field("coverage", cs.coverage);
  j.key("unscored_dimensions").begin_array();
  for (const auto& d : cs.unscored_dimensions()) j.value(d);
  j.end_array();
  optional_text(j, "rescored_from", cs.rescored_from());
  j.key("dropped").begin_array();
  for (const auto& d : cs.dropped()) j.value(d);
  j.end_array();
  j.key("dimensions").begin_array();
  for (const auto& d : cs.dimensions) {
    j.begin_object().field("id", d.id).field("applies", d.applies).field("score", d.score);
    j.field("weight", d.weight).field("coverage", d.coverage).field("unscored", d.unscored).end_object();
  }
  j.end_array();
  j.key("indicators");
  // A streamed run's firm has its indicators in the detail store. They are
  // read into records each thread keeps from firm to firm.
  if (cs.indicators.empty() && cs.kept && info.details) {
    thread_local std::vector<score::IndicatorScore> kept;
    info.details->read(*cs.kept, kept);
    write_indicators(j, kept);
  } else {
    write_indicators(j, cs.indicators);
  }
  j.key("adjustments").begin_array();
  for (const auto& a : cs.adjustments) {
    j.begin_object().field("id", a.id).field("kind", model::to_string(a.kind)).field("points", a.points);
    j.field("reason", a.reason);
    optional_text(j, "evidence", a.evidence);
    optional_text(j, "date", date_text(a.date));
    j.end_object();
  }
  j.end_array();
  j.key("outcomes").begin_object();
  for (const auto& o : c.outcomes()) j.key_text(o.id).value(o.value);
  j.end_object();
  j.key("decisions").begin_array();
  for (const auto* d : cs.decisions()) {
    const bool correction = d->kind == model::Decision::Kind::correction;
    j.begin_object().field("date", date_text(d->date)).field("kind", correction ? "correction" : "downgrade");
    optional_text(j, "indicator", d->indicator);
    j.key("value");
    raw_value(j, d->value);
    j.key("values").begin_object();
    for (const auto& rv : d->per_rater) {
      j.key_text(rv.rater);
      raw_value(j, rv.value);
    }
    j.end_object();
    optional_text(j, "grade", d->grade);
    j.field("reason", d->reason).field("decided_by", d->decided_by).end_object();
  }
  j.end_array();
  j.key("original");
  if (cs.original()) {
    j.begin_object().field("total", cs.original()->total);
    optional_text(j, "grade", cs.original()->grade);
    j.key("rank");
    if (cs.original()->rank > 0) j.value(cs.original()->rank); else j.null();
    j.end_object();
  } else {
    j.null();
  }
  // Only under topsis, so that other runs keep their bytes.
  if (cs.topsis())
    j.key("topsis")
        .begin_object()
        .field("to_ideal", cs.topsis()->to_ideal)
        .field("to_anti_ideal", cs.topsis()->to_anti_ideal)
        .end_object();
  j.end_object();
}

// Every company's object, in order. They are rendered a window at a time
// on every core and placed in order, so the bytes are those of one thread.
// A firm's object is about 20 KB, so the window is small: 32 of them
// rendered ahead keep both cores busy, where 512 held 19 MB for 10 000 firms.
void write_companies(JsonWriter& j, const std::vector<score::CompanyScore>& companies, const RunInfo& info) {
  const Fingerprints fingerprints(info);
  if (info.threads == 1) {
    for (const auto& cs : companies) write_company(j, cs, info, fingerprints);
    return;
  }
  const std::size_t depth = j.depth();
  core::render_in_order<JsonPiece>(
      companies.size(), info.threads, 16,
      [&](std::size_t k, JsonPiece& piece) {
        JsonWriter writer(depth, std::move(piece));
        write_company(writer, companies[k], info, fingerprints);
        piece = writer.take();
      },
      [&](const JsonPiece& piece) { j.raw(piece.text()); });
}

}  // namespace

void write_scores_json(std::ostream& out, const score::Run& run, const RunInfo& info) {
  const model::Rubric& rubric = *run.rubric;
  JsonWriter j(out);
  j.begin_object();
  j.key("tool").begin_object().field("name", "ecoscore").field("version", info.tool_version).end_object();
  j.key("rubric").begin_object().field("id", rubric.id).field("version", rubric.version);
  j.field("file", info.rubric_file).field("sha256", sha_of(info, info.rubric_file));
  label(j, "title", rubric.title);
  j.field("precision", rubric.precision).field("lang", core::lang_name(rubric.lang));
  j.key("dimensions").begin_array();
  for (const auto& d : rubric.dimensions) {
    j.begin_object().field("id", d.id);
    label(j, "label", d.label);
    j.end_object();
  }
  j.end_array();
  j.key("grades").begin_array();
  for (const auto& g : rubric.grades.bands) {
    j.begin_object().field("id", g.id);
    label(j, "label", g.label);
    j.end_object();
  }
  j.end_array().end_object();
  optional_text(j, "date", info.date);
  j.field("method", model::to_string(run.method)).field("normalization", model::to_string(run.normalization));
  j.key("missing").begin_object().field("policy", model::to_string(rubric.missing.policy));
  j.field("min_coverage", rubric.missing.min_coverage).end_object();
  j.field("scored", run.scored_count);
  j.key("companies").begin_array();
  write_companies(j, run.companies, info);
  j.end_array();
  j.key("pairs").begin_array();
  for (const auto& p : run.pairs) {
    j.begin_object().field("large", p.large->id).field("sme", p.sme->id).field("total", p.total);
    optional_text(j, "grade", p.grade);
    j.key("dimensions").begin_array();
    for (const auto& d : p.dimensions) {
      j.begin_object().field("id", d.id).field("large", d.large).field("sme", d.sme).field("combined", d.combined);
      j.field("gap", d.gap).field("gap_flagged", d.gap_flagged).end_object();
    }
    j.end_array();
    j.key("gaps").begin_array();
    for (const auto& g : p.gaps) {
      j.begin_object().field("indicator", g.id).field("dimension", g.dimension).field("large", g.large);
      j.field("sme", g.sme).field("gap", g.gap).field("flagged", g.flagged).end_object();
    }
    j.end_array();
    j.end_object();
  }
  j.end_array();
  j.key("ecosystems").begin_array();
  for (const auto& e : run.ecosystems) {
    j.begin_object().field("large", e.large->id).key("partners").begin_array();
    for (const auto* p : e.partners) j.value(p->id);
    j.end_array().key("axes").begin_array();
    for (const auto& a : e.axes) {
      j.begin_object().field("id", a.id).field("value", a.value).field("large", a.large);
      j.field("partners_mean", a.partners_mean).field("partners_min", a.partners_min).end_object();
    }
    j.end_array().end_object();
  }
  j.end_array();
  // Rater agreement, when some indicator has several raters.
  if (const analyze::Agreement agreement = analyze::rater_agreement(run); agreement.any()) {
    const auto alpha = [&j](const analyze::Alpha& a) {
      j.field("alpha_interval", a.interval).field("alpha_ordinal", a.ordinal);
      j.field("units", static_cast<long long>(a.units)).field("values", static_cast<long long>(a.values));
    };
    j.key("agreement").begin_object().key("overall").begin_object();
    alpha(agreement.overall);
    j.end_object().key("dimensions").begin_array();
    for (const auto& [id, a] : agreement.dimensions) {
      j.begin_object().field("id", id);
      alpha(a);
      j.end_object();
    }
    j.end_array().end_object();
  }
  j.end_object();
  j.finish();
}

}  // namespace ecoscore::report
