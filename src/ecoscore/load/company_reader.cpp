#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "ecoscore/core/number.hpp"
#include "ecoscore/core/spare.hpp"
#include "ecoscore/core/text.hpp"
#include "ecoscore/load/documents.hpp"
#include "ecoscore/load/scalar.hpp"

namespace ecoscore::load {
namespace {

using core::Msg;

// A rating value as written: a plain number, true/false, or text (a level id).
// A plain scalar that is almost a number (010, 1e400, .nan) is an error here,
// not text, so that a typo never turns into a level name.
std::optional<model::Value> read_value(Reader& r, const Node& n, const DocPath& path) {
  if (!n.is_scalar()) {
    r.error(n, path, Msg::expected_type, {"a rating value", describe(n)});
    return std::nullopt;
  }
  if (n.quoted) return model::Value{std::string(n.text)};
  if (auto b = parse_boolean(n.text)) return model::Value{*b};
  const NumberResult num = parse_number(n.text);
  if (num.error == NumberError::none) return model::Value{num.value};
  if (num.error != NumberError::invalid) {
    (void)r.number(n, path);  // reports why it is not a usable number
    return std::nullopt;
  }
  return model::Value{std::string(n.text)};
}

// Reads a rating into `rating` (new, in its place in the list) and tells
// whether it was read without error. `path` spells its place, for messages.
template <typename Path>
bool read_rating(Reader& r, const Node& key, const Node& node, const Path& path, model::Rating& rating) {
  rating.indicator = key.text;
  rating.where = r.where(node.is_null() ? key : node);
  if (node.is_null()) return true;  // explicitly not rated
  if (node.is_scalar()) {
    auto v = read_value(r, node, path);
    if (!v) return false;
    rating.value = std::move(*v);
    return true;
  }
  Fields f(r, node, path);
  if (!f.ok()) return false;
  const auto path_of = [&](const char* field) { return [&f, field] { return f.path_of(field); }; };
  bool ok = true;
  const Node* value = f.optional("value");
  const Node* values = f.optional("values");
  if (value && values) {
    r.error(*values, path_of("values"), Msg::rating_both_forms);
    ok = false;
  } else if (value && !value->is_null()) {
    if (auto v = read_value(r, *value, path_of("value"))) rating.value = std::move(*v); else ok = false;
    rating.where = r.where(*value);
  } else if (values) {
    if (r.expect(*values, Node::Kind::mapping, path_of("values"))) {
      for (std::size_t e = 0; e < values->entry_count(); ++e) {
        const Node& rater = values->key(e);
        const auto p = [&] { return f.path_of("values") + "/" + std::string(rater.text); };
        auto id = r.id(rater, p);
        auto v = read_value(r, values->value(e), p);
        if (id && v)
          rating.per_rater.push_back({*id, std::move(*v), r.where(values->value(e))});
        else
          ok = false;
      }
      if (values->entry_count() == 0) {
        r.error(*values, path_of("values"), Msg::rating_no_raters);
        ok = false;
      }
      std::sort(rating.per_rater.begin(), rating.per_rater.end(),
                [](const auto& a, const auto& b) { return a.rater < b.rater; });
    } else {
      ok = false;
    }
  } else if (!value) {
    r.error(node, path, Msg::missing_key, {"value"});
    ok = false;
  }
  if (const Node* n = f.optional("evidence")) {
    if (auto v = r.text(*n, path_of("evidence"))) rating.evidence = std::move(*v); else ok = false;
  }
  if (const Node* n = f.optional("evidence_date")) {
    if (auto v = r.date(*n, path_of("evidence_date"))) rating.evidence_date = *v; else ok = false;
  }
  if (const Node* n = f.optional("reason")) {
    if (auto v = r.text(*n, path_of("reason"))) rating.missing_reason = std::move(*v); else ok = false;
  }
  f.finish();
  return ok;
}

void read_raters(Reader& r, const Node& list, const std::string& path, std::vector<model::Rater>& out) {
  if (!r.expect(list, Node::Kind::sequence, path)) return;
  UniqueIds ids(r);
  for (std::size_t i = 0; i < list.children.size(); ++i) {
    Fields f(r, list.children[i], index_path(path, i));
    if (!f.ok()) continue;
    model::Rater rater;
    const Node* id = f.required("id");
    auto vid = id ? r.id(*id, f.path_of("id")) : std::nullopt;
    for (auto [key, target] : {std::pair{"name", &rater.name}, std::pair{"organization", &rater.organization}}) {
      if (const Node* n = f.optional(key)) {
        if (auto v = r.text(*n, f.path_of(key))) *target = *v;
      }
    }
    f.finish();
    if (!vid) continue;
    if (!ids.add(*vid, *id, f.path_of("id"))) continue;
    rater.id = *vid;
    out.push_back(std::move(rater));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
}

void read_adjustments(Reader& r, const Node& list, const std::string& path,
                      std::vector<model::AppliedAdjustment>& out) {
  if (!r.expect(list, Node::Kind::sequence, path)) return;
  for (std::size_t i = 0; i < list.children.size(); ++i) {
    Fields f(r, list.children[i], index_path(path, i));
    if (!f.ok()) continue;
    model::AppliedAdjustment a;
    a.where = r.where(list.children[i]);
    const Node* id = f.required("id");
    const Node* points = f.required("points");
    const Node* reason = f.required("reason");
    auto vid = id ? r.id(*id, f.path_of("id")) : std::nullopt;
    auto vpoints = points ? r.number(*points, f.path_of("points")) : std::nullopt;
    auto vreason = reason ? r.text(*reason, f.path_of("reason")) : std::nullopt;
    bool item_ok = vid && vpoints && vreason;
    if (vpoints && *vpoints <= 0) {
      r.error(*points, f.path_of("points"), Msg::adjustment_sign, {vid ? *vid : std::string()});
      item_ok = false;
    }
    if (const Node* n = f.optional("evidence")) {
      if (auto v = r.text(*n, f.path_of("evidence"))) a.evidence = *v; else item_ok = false;
    }
    if (const Node* n = f.optional("date")) {
      if (auto v = r.date(*n, f.path_of("date"))) a.date = *v; else item_ok = false;
    }
    f.finish();
    if (!item_ok) continue;
    a.id = *vid;
    a.points = *vpoints;
    a.reason = *vreason;
    out.push_back(std::move(a));
  }
}

void read_evaluation(Reader& r, const Node& node, model::Evaluation& ev) {
  Fields f(r, node, "/evaluation");
  if (const Node* n = f.required("rubric")) {
    ev.rubric_where = r.where(*n);
    if (auto v = r.text(*n, f.path_of("rubric"))) {
      const auto at = v->find('@');
      if (at == std::string::npos || at == 0 || at + 1 == v->size() || v->find('@', at + 1) != std::string::npos) {
        r.error(*n, f.path_of("rubric"), Msg::bad_rubric_ref, {core::escape_control(*v)});
      } else {
        ev.rubric_id = v->substr(0, at);
        ev.rubric_version = v->substr(at + 1);
      }
    }
  }
  if (const Node* n = f.required("period")) {
    if (auto v = r.text(*n, f.path_of("period"))) ev.period = *v;
  }
  if (const Node* n = f.optional("raters")) read_raters(r, *n, f.path_of("raters"), ev.rare.edit().raters);
  if (const Node* n = f.required("ratings")) {
    ev.ratings_where = r.where(*n);
    if (r.expect(*n, Node::Kind::mapping, f.path_of("ratings"))) {
      ev.ratings = core::Spare<model::Rating>::take(n->entry_count());
      for (std::size_t e = 0; e < n->entry_count(); ++e) {
        const Node& key = n->key(e);
        const auto p = [&] { return f.path_of("ratings") + "/" + std::string(key.text); };
        if (!r.id(key, p)) continue;
        model::Rating& rating = ev.ratings.emplace_back();
        if (!read_rating(r, key, n->value(e), p, rating)) {
          // Keep the indicator so that the checks against the rubric still
          // see it (and do not call it missing); its error is reported.
          rating = model::Rating();
          rating.indicator = key.text;
          rating.where = r.where(n->value(e));
        }
      }
      // Duplicate keys were reported by the parser; keep the first. (Most
      // files list their ratings in id order already.)
      const auto by_id = [](const auto& a, const auto& b) { return a.indicator < b.indicator; };
      if (!std::is_sorted(ev.ratings.begin(), ev.ratings.end(), by_id))
        std::stable_sort(ev.ratings.begin(), ev.ratings.end(), by_id);
      ev.ratings.erase(std::unique(ev.ratings.begin(), ev.ratings.end(),
                                   [](const auto& a, const auto& b) { return a.indicator == b.indicator; }),
                       ev.ratings.end());
    }
  }
  if (const Node* n = f.optional("adjustments")) read_adjustments(r, *n, f.path_of("adjustments"), ev.rare.edit().adjustments);
  f.finish();
}

std::vector<model::Decision> read_decisions(Reader& r, const Node& list) {
  std::vector<model::Decision> out;
  if (!r.expect(list, Node::Kind::sequence, "/decisions")) return out;
  static constexpr std::array<model::EnumName<model::Decision::Kind>, 2> kKinds{
      {{model::Decision::Kind::correction, "correction"}, {model::Decision::Kind::downgrade, "downgrade"}}};
  for (std::size_t i = 0; i < list.children.size(); ++i) {
    Fields f(r, list.children[i], index_path("/decisions", i));
    if (!f.ok()) continue;
    model::Decision d;
    d.where = r.where(list.children[i]);
    bool ok = true;
    const auto need = [&](const char* key, auto read) {
      if (const Node* n = f.required(key)) {
        if (!read(*n, f.path_of(key))) ok = false;
      } else {
        ok = false;
      }
    };
    need("date", [&](const Node& n, const std::string& p) {
      auto v = r.date(n, p);
      if (v) d.date = *v;
      return v.has_value();
    });
    bool kind_known = false;
    need("kind", [&](const Node& n, const std::string& p) {
      auto v = r.choice(n, p, std::span<const model::EnumName<model::Decision::Kind>>(kKinds));
      if (v) d.kind = *v;
      kind_known = v.has_value();
      return kind_known;
    });
    need("reason", [&](const Node& n, const std::string& p) {
      auto v = r.text(n, p);
      if (v) d.reason = *v;
      return v.has_value();
    });
    need("decided_by", [&](const Node& n, const std::string& p) {
      auto v = r.text(n, p);
      if (v) d.decided_by = *v;
      return v.has_value();
    });
    // Which other keys belong depends on the kind.
    if (!kind_known) continue;
    if (d.kind == model::Decision::Kind::correction) {
      need("indicator", [&](const Node& n, const std::string& p) {
        auto v = r.id(n, p);
        if (v) d.indicator = *v;
        return v.has_value();
      });
      const Node* value = f.optional("value");
      const Node* values = f.optional("values");
      if (value && values) {
        r.error(*values, f.path_of("values"), Msg::rating_both_forms);
        ok = false;
      } else if (value) {
        if (auto v = read_value(r, *value, f.path_of("value"))) d.value = std::move(*v); else ok = false;
      } else if (values && r.expect(*values, Node::Kind::mapping, f.path_of("values"))) {
        for (std::size_t e = 0; e < values->entry_count(); ++e) {
          const std::string p = f.path_of("values") + "/" + std::string(values->key(e).text);
          auto id = r.id(values->key(e), p);
          auto v = read_value(r, values->value(e), p);
          if (id && v) d.per_rater.push_back({*id, std::move(*v), r.where(values->value(e))}); else ok = false;
        }
        std::sort(d.per_rater.begin(), d.per_rater.end(), [](const auto& a, const auto& b) { return a.rater < b.rater; });
      } else if (!values) {
        r.error(list.children[i], index_path("/decisions", i), Msg::missing_key, {"value"});
        ok = false;
      } else {
        ok = false;
      }
    } else {
      need("grade", [&](const Node& n, const std::string& p) {
        auto v = r.id(n, p);
        if (v) d.grade = *v;
        return v.has_value();
      });
    }
    f.finish();
    if (ok) out.push_back(std::move(d));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
  return out;
}

}  // namespace

model::Company read_company(const Node& root, Reader& r) {
  Fields top(r, root, "");
  const Node* head = top.required("company");
  const Node* evaluation = top.required("evaluation");
  const Node* outcomes = top.optional("outcomes");
  const Node* decisions = top.optional("decisions");
  top.finish();
  model::Company c;
  c.path = r.path_ref();
  c.where = r.where(head ? *head : root);
  if (!head) return c;
  Fields f(r, *head, "/company");
  if (const Node* n = f.required("id")) {
    c.where = r.where(*n);
    if (auto v = r.id(*n, f.path_of("id"))) c.id = *v;
  }
  if (const Node* n = f.required("name")) {
    if (auto v = r.label(*n, f.path_of("name"), false)) c.name = *v;
  }
  if (const Node* n = f.required("size")) {
    if (auto v = r.choice(*n, f.path_of("size"), model::size_class_names())) c.size = *v;
  }
  if (const Node* n = f.optional("sector")) {
    if (auto v = r.id(*n, f.path_of("sector"))) c.sector = *v;
  }
  if (const Node* n = f.optional("partners")) {
    if (auto v = r.id_list(*n, f.path_of("partners"))) c.partners = *v;
  }
  if (const Node* n = f.optional("note")) {
    if (auto v = r.text(*n, f.path_of("note")); v && !v->empty()) c.rare.edit().note = *v;
  }
  f.finish();
  if (evaluation) read_evaluation(r, *evaluation, c.evaluation);
  if (outcomes && r.expect(*outcomes, Node::Kind::mapping, "/outcomes") && outcomes->entry_count() > 0) {
    auto& out = c.rare.edit().outcomes;
    for (std::size_t e = 0; e < outcomes->entry_count(); ++e) {
      const Node& key = outcomes->key(e);
      const std::string p = "/outcomes/" + std::string(key.text);
      auto id = r.id(key, p);
      auto v = r.number(outcomes->value(e), p);
      if (id && v) out.push_back({*id, *v, r.where(outcomes->value(e))});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  }
  if (decisions)
    if (auto list = read_decisions(r, *decisions); !list.empty()) c.rare.edit().decisions = std::move(list);
  return c;
}

std::vector<model::Pair> read_pairs(const Node& root, Reader& r) {
  std::vector<model::Pair> pairs;
  Fields top(r, root, "");
  const Node* list = top.required("pairs");
  top.finish();
  if (!list || !r.expect(*list, Node::Kind::sequence, "/pairs")) return pairs;
  for (std::size_t i = 0; i < list->children.size(); ++i) {
    Fields f(r, list->children[i], index_path("/pairs", i));
    if (!f.ok()) continue;
    const Node* large = f.required("large");
    const Node* sme = f.required("sme");
    auto vl = large ? r.id(*large, f.path_of("large")) : std::nullopt;
    auto vs = sme ? r.id(*sme, f.path_of("sme")) : std::nullopt;
    f.finish();
    if (!vl || !vs) continue;
    model::Pair pair{*vl, *vs, r.where(list->children[i]), {}};
    const auto same = std::find(pairs.begin(), pairs.end(), pair);
    if (same != pairs.end()) {
      r.error(list->children[i], index_path("/pairs", i), Msg::duplicate_id,
              {*vl + " + " + *vs, std::to_string(same->where.line), std::to_string(same->where.column)});
      continue;
    }
    pairs.push_back(std::move(pair));
  }
  return pairs;  // the valid ones; the others were reported
}

std::string describe_scale(const model::Scale& scale) {
  // Notation rather than words, so that it reads the same in Korean and English.
  using model::ScaleKind;
  const auto unit = [&] { return scale.unit.empty() ? std::string() : " " + scale.unit; };
  switch (scale.kind) {
    case ScaleKind::likert: {
      if (scale.max - scale.min > 10)
        return "{" + core::format_shortest(scale.min) + ", " + core::format_shortest(scale.min + 1) + ", ..., " +
               core::format_shortest(scale.max) + "}";
      std::string s = "{";
      for (double v = scale.min; v <= scale.max; v += 1) s += (v > scale.min ? ", " : "") + core::format_shortest(v);
      return s + "}";
    }
    case ScaleKind::numeric:
    case ScaleKind::bands:
      return core::format_shortest(scale.min) + "-" + core::format_shortest(scale.max) + unit();
    case ScaleKind::percent: return "0-100 %";
    case ScaleKind::boolean: return "true/false";
    case ScaleKind::levels: {
      std::string s;
      for (std::size_t i = 0; i < scale.levels.size(); ++i) s += (i ? " | " : "") + scale.levels[i].id;
      return s;
    }
  }
  return {};
}

namespace {

std::string describe_value(const model::Value& v) {
  if (const double* d = std::get_if<double>(&v)) return "the number " + core::format_shortest(*d);
  if (const bool* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  return "the text '" + core::escape_control(std::get<std::string>(v)) + "'";
}

std::string_view expected_kind(model::ScaleKind kind) {
  switch (kind) {
    case model::ScaleKind::boolean: return "true or false";
    case model::ScaleKind::levels: return "a level id";
    default: return "a number";
  }
}

// `doc_path()` gives the value's path in the document; it is only built for
// a value found wrong.
template <typename DocPath>
void check_value(const model::Value& value, const model::Indicator& ind, const core::SourceLocation& where,
                 const DocPath& doc_path, core::Diagnostics& out) {
  using model::ScaleKind;
  const auto report = [&](Msg msg, std::vector<std::string> args, std::string suggestion = {}) {
    out.push_back(core::make_error(where, msg, std::move(args), std::move(suggestion), doc_path()));
  };
  const auto& s = ind.scale;
  const bool wants_number = s.kind == ScaleKind::likert || s.kind == ScaleKind::numeric ||
                            s.kind == ScaleKind::percent || s.kind == ScaleKind::bands;
  if (wants_number) {
    const double* d = std::get_if<double>(&value);
    if (!d) {
      report(Msg::value_wrong_type, {ind.id, std::string(expected_kind(s.kind)), describe_value(value)});
      return;
    }
    const bool whole = s.kind != ScaleKind::likert || std::trunc(*d) == *d;
    if (*d < s.min || *d > s.max || !whole)
      report(Msg::value_off_scale, {core::format_shortest(*d), ind.id, describe_scale(s)});
  } else if (s.kind == ScaleKind::boolean) {
    if (!std::holds_alternative<bool>(value))
      report(Msg::value_wrong_type, {ind.id, std::string(expected_kind(s.kind)), describe_value(value)});
  } else {
    const std::string* t = std::get_if<std::string>(&value);
    if (!t) {
      report(Msg::value_wrong_type, {ind.id, std::string(expected_kind(s.kind)), describe_value(value)});
      return;
    }
    if (std::none_of(s.levels.begin(), s.levels.end(), [&](const auto& l) { return l.id == *t; })) {
      std::vector<std::string> ids;
      for (const auto& l : s.levels) ids.push_back(l.id);
      report(Msg::unknown_level, {core::escape_control(*t), ind.id}, core::closest_match(*t, ids));
    }
  }
}

// Every applicable indicator must be rated or explicitly marked unrated.
void report_missing(const model::Company& company, const model::Rubric& rubric, core::Diagnostics& out) {
  const model::Role role = company.role();
  const std::vector<const model::Rating*> rating_at = company.ratings_by_position(rubric);
  std::size_t position = 0;
  for (const auto& d : rubric.dimensions) {
    if (!d.applies_to(role)) {
      position += d.indicators.size();
      continue;
    }
    for (const auto& i : d.indicators) {
      if (rating_at[position++]) continue;
      // Under `fail` a missing rating stops scoring; otherwise the policy scores it.
      auto missing = core::make_error(company.evaluation.ratings_where, Msg::rating_missing,
                                      {i.id, std::string(model::to_string(rubric.missing.policy))}, {},
                                      "/evaluation/ratings");
      if (rubric.missing.policy != model::MissingPolicy::fail) missing.severity = core::Severity::warning;
      out.push_back(std::move(missing));
    }
  }
}

}  // namespace

void check_company_rescore(const model::Company& company, const model::Rubric& newer, core::Diagnostics& out) {
  const auto& ev = company.evaluation;
  out.push_back(core::make_warning(company.where, Msg::rescored_from, {newer.reference(), ev.rubric_version}));
  const model::Role role = company.role();
  for (const auto& rating : ev.ratings) {
    const std::string p = "/evaluation/ratings/" + rating.indicator;
    const auto [dim, ind] = newer.find_indicator(rating.indicator);
    if (!ind || !dim->applies_to(role)) {
      out.push_back(core::make_warning(rating.where, Msg::rating_dropped, {rating.indicator, newer.reference()}, {}, p));
      continue;
    }
    if (rating.value) check_value(*rating.value, *ind, rating.where, [&] { return p; }, out);
    for (const auto& rv : rating.per_rater)
      check_value(rv.value, *ind, rv.where, [&] { return p + "/values/" + rv.rater; }, out);
  }
  report_missing(company, newer, out);
  for (std::size_t k = 0; k < ev.adjustments().size(); ++k) {
    const auto& a = ev.adjustments()[k];
    if (!newer.find_adjustment(a.id))
      out.push_back(core::make_warning(a.where, Msg::adjustment_dropped, {a.id, newer.reference()}, {},
                                       "/evaluation/adjustments/" + std::to_string(k)));
  }
}

namespace {

// The rubric's indicator ids, for suggestions.
std::vector<std::string> indicator_ids(const model::Rubric& rubric) {
  std::vector<std::string> ids;
  for (const auto& d : rubric.dimensions)
    for (const auto& i : d.indicators) ids.push_back(i.id);
  return ids;
}

// Decisions name indicators, raters, values and grades of the rubric.
void check_decisions(const model::Company& company, const model::Rubric& rubric, core::Diagnostics& out) {
  if (company.decisions().empty()) return;
  std::vector<std::string> grade_ids, rater_ids;
  for (const auto& g : rubric.grades.bands) grade_ids.push_back(g.id);
  for (const auto& r : company.evaluation.raters()) rater_ids.push_back(r.id);
  for (std::size_t k = 0; k < company.decisions().size(); ++k) {
    const model::Decision& d = company.decisions()[k];
    const std::string p;  // the line and column say which decision; an index among the valid ones would not
    if (d.kind == model::Decision::Kind::downgrade) {
      if (!rubric.find_grade(d.grade))
        out.push_back(core::make_error(d.where, Msg::unknown_grade, {d.grade}, core::closest_match(d.grade, grade_ids), p));
      continue;
    }
    const auto [dim, ind] = rubric.find_indicator(d.indicator);
    if (!ind) {
      out.push_back(core::make_error(d.where, Msg::unknown_indicator, {d.indicator, rubric.reference()},
                                     core::closest_match(d.indicator, indicator_ids(rubric)), p));
      continue;
    }
    if (!dim->applies_to(company.role())) {
      out.push_back(core::make_error(d.where, Msg::rating_not_applicable,
                                     {d.indicator, dim->id, std::string(model::to_string(company.size))}, {}, p));
      continue;
    }
    if (d.value) check_value(*d.value, *ind, d.where, [&] { return p; }, out);
    for (const auto& rv : d.per_rater) {
      if (std::find(rater_ids.begin(), rater_ids.end(), rv.rater) == rater_ids.end())
        out.push_back(core::make_error(rv.where, Msg::unknown_rater, {rv.rater}, core::closest_match(rv.rater, rater_ids), p));
      check_value(rv.value, *ind, rv.where, [&] { return p; }, out);
    }
  }
}

}  // namespace

void check_company(const model::Company& company, const model::Rubric& rubric, core::Diagnostics& out) {
  const auto& ev = company.evaluation;
  const auto report = [&](const core::SourceLocation& where, const std::string& doc_path, Msg msg,
                          std::vector<std::string> args, std::string suggestion = {}) {
    out.push_back(core::make_error(where, msg, std::move(args), std::move(suggestion), doc_path));
  };
  if (ev.rubric_version != rubric.version) {
    report(ev.rubric_where, "/evaluation/rubric", Msg::rubric_version_mismatch,
           {ev.rubric_id, ev.rubric_version, rubric.version});
    return;
  }
  std::vector<std::string> rater_ids;
  for (const auto& r : ev.raters()) rater_ids.push_back(r.id);

  const model::Role role = company.role();
  model::Rubric::InOrder indicators(rubric);  // the ratings are in id order
  for (const auto& rating : ev.ratings) {
    const auto path = [&] { return "/evaluation/ratings/" + rating.indicator; };
    const auto [dim, ind, position] = indicators.find(rating.indicator);
    if (!ind) {
      report(rating.where, path(), Msg::unknown_indicator, {rating.indicator, rubric.reference()},
             core::closest_match(rating.indicator, indicator_ids(rubric)));
      continue;
    }
    if (!dim->applies_to(role)) {
      report(rating.where, path(), Msg::rating_not_applicable,
             {rating.indicator, dim->id, std::string(model::to_string(company.size))});
      continue;
    }
    if (rating.is_missing() && rubric.missing.policy == model::MissingPolicy::fail)
      report(rating.where, path(), Msg::rating_missing, {rating.indicator, "fail"});
    if (rating.value) check_value(*rating.value, *ind, rating.where, path, out);
    for (const auto& rv : rating.per_rater) {
      const auto rater_path = [&] { return path() + "/values/" + rv.rater; };
      if (std::find(rater_ids.begin(), rater_ids.end(), rv.rater) == rater_ids.end())
        report(rv.where, rater_path(), Msg::unknown_rater, {rv.rater}, core::closest_match(rv.rater, rater_ids));
      check_value(rv.value, *ind, rv.where, rater_path, out);
    }
  }
  report_missing(company, rubric, out);
  std::vector<std::string> adjustment_ids;
  for (const auto& a : rubric.adjustments.items) adjustment_ids.push_back(a.id);
  for (std::size_t k = 0; k < ev.adjustments().size(); ++k) {
    const auto& a = ev.adjustments()[k];
    const std::string p = "/evaluation/adjustments/" + std::to_string(k);
    const auto* item = rubric.find_adjustment(a.id);
    if (!item) {
      report(a.where, p, Msg::unknown_adjustment, {a.id, rubric.reference()}, core::closest_match(a.id, adjustment_ids));
    } else if (a.points > item->max_points) {
      report(a.where, p + "/points", Msg::adjustment_over_max,
             {core::format_shortest(a.points), core::format_shortest(item->max_points), a.id});
    }
  }
  check_decisions(company, rubric, out);
}

}  // namespace ecoscore::load
