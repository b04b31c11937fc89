#include <algorithm>

#include <fmt/format.h>

#include "ecoscore/core/number.hpp"
#include "ecoscore/core/text.hpp"
#include "ecoscore/model/names.hpp"
#include "ecoscore/report/cells.hpp"
#include "ecoscore/report/vocabulary.hpp"
#include "ecoscore/report/writers.hpp"

namespace ecoscore::report {
namespace {

std::string percent(double share) { return core::format_fixed(share * 100.0, 1) + " %"; }

// How a raw value became its 0..100 score, in numbers.
std::string formula(const model::Indicator& ind, const model::Value& value, double normalized, int p) {
  using model::ScaleKind;
  const auto& s = ind.scale;
  const std::string n = core::format_fixed(normalized, p);
  const bool cost = s.direction == model::Direction::cost;
  switch (s.kind) {
    case ScaleKind::likert:
    case ScaleKind::numeric: {
      const std::string v = value_text(value);
      const std::string lo = core::format_shortest(s.min);
      const std::string hi = core::format_shortest(s.max);
      return cost ? fmt::format("({} - {}) / ({} - {}) × 100 = {}", hi, v, hi, lo, n)
                  : fmt::format("({} - {}) / ({} - {}) × 100 = {}", v, lo, hi, lo, n);
    }
    case ScaleKind::percent: return cost ? fmt::format("100 - {} = {}", value_text(value), n) : n;
    case ScaleKind::boolean:
    case ScaleKind::bands:
    case ScaleKind::levels: return n;
  }
  return n;
}

void indicator_line(std::ostream& out, const model::Indicator& ind, const score::IndicatorScore& is,
                    const score::Run& run, core::Lang lang, bool detailed) {
  const model::Rubric& rubric = *run.rubric;
  const int p = rubric.precision;
  out << "  " << ind.id << "  " << ind.label.get(lang) << '\n';
  if (is.missing != score::Missing::none) {
    out << "    " << word(Word::missing, lang) << ": " << word(Word::not_rated, lang);
    if (!is.missing_reason.empty()) out << " (" << core::escape_control(is.missing_reason) << ")";
    out << " — "
        << (rubric.missing.policy == model::MissingPolicy::zero ? std::string(policy_name(model::MissingPolicy::zero, lang))
                                                                : std::string(word(Word::renormalized, lang)))
        << '\n';
    if (rubric.missing.policy != model::MissingPolicy::zero) return;
  } else {
    out << "    " << word(Word::raw, lang) << ": ";
    if (!is.per_rater.empty()) {
      for (std::size_t k = 0; k < is.per_rater.size(); ++k)
        out << (k ? ", " : "") << is.per_rater[k].rater << ' ' << value_text(is.per_rater[k].raw) << " → "
            << core::format_fixed(is.per_rater[k].normalized, p);
      out << " (" << model::to_string(rubric.raters.combine) << ")";
      if (is.raters_disagree)
        out << " — " << word(Word::disagree, lang) << ": " << word(Word::spread, lang) << ' '
            << core::format_fixed(is.rater_spread, p);
    } else if (is.raw) {
      out << value_text(*is.raw) << " → " << formula(ind, *is.raw, *is.normalized, p);
    }
    out << '\n';
    if (detailed && !is.evidence.empty()) out << "    " << word(Word::evidence, lang) << ": " << core::escape_control(is.evidence) << '\n';
  }
  out << "    " << word(Word::normalized, lang) << ' ' << core::format_fixed(is.scored_as, p) << " × "
      << word(Word::weight, lang) << ' ' << percent(is.weight) << " (" << word(Word::effective_weight, lang) << ' '
      << percent(is.effective_weight) << ")";
  if (is.contribution) out << " = " << core::format_fixed(*is.contribution, p + 2) << ' ' << word(Word::contribution, lang);
  out << '\n';
}

}  // namespace

void write_explanation(std::ostream& out, const score::Run& run, const score::CompanyScore& cs,
                       const RunInfo& info, const std::optional<std::string>& only) {
  const model::Rubric& rubric = *run.rubric;
  const model::Company& c = *cs.company;
  const core::Lang lang = info.lang;
  const int p = rubric.precision;
  out << c.name.get(lang) << " (" << c.id << ") — " << size_name(c.size, lang) << ", " << role_name(c.role(), lang)
      << ", " << c.path.str() << '\n';
  out << word(Word::rubric, lang) << ": " << rubric.title.get(lang) << " (" << rubric.reference() << "); "
      << word(Word::method, lang) << ": " << method_name(run.method, lang) << "; "
      << word(Word::normalization, lang) << ": " << normalization_name(run.normalization, lang) << "; "
      << word(Word::missing_policy, lang) << ": " << policy_name(rubric.missing.policy, lang) << '\n';

  // REQUIRES: `only` names an indicator of the rubric.
  const model::Dimension* only_dimension = only ? rubric.find_indicator(*only).first : nullptr;
  for (std::size_t d = 0; d < rubric.dimensions.size(); ++d) {
    const model::Dimension& dim = rubric.dimensions[d];
    const score::DimensionScore& ds = cs.dimensions[d];
    if (only && &dim != only_dimension) continue;
    out << "\n[" << dim.id << "] " << dim.label.get(lang);
    if (!ds.applies) {
      std::string roles;
      for (auto r : dim.roles) roles += (roles.empty() ? "" : ", ") + std::string(role_name(r, lang));
      out << " — " << word(Word::not_applicable, lang) << " (" << word(Word::applies_to, lang) << ": " << roles << ")\n";
      continue;
    }
    out << " — " << word(Word::effective_weight, lang) << ' ' << percent(ds.weight) << '\n';
    for (const auto& ind : dim.indicators) {
      if (only && ind.id != *only) continue;
      indicator_line(out, ind, *cs.indicator(ind.id), run, lang, only.has_value());
    }
    out << "  = " << word(Word::score, lang) << ' ' << shown(ds.score, p) << " (" << word(Word::coverage, lang) << ' '
        << percent(ds.coverage) << ")";
    if (ds.unscored) out << " — " << word(Word::unscored_dimension, lang);
    if (ds.score) out << "; " << shown(ds.score, p) << " × " << percent(ds.weight) << " = "
                      << core::format_fixed(*ds.score * ds.weight, p + 2);
    out << '\n';
  }
  if (only) return;

  out << '\n' << word(Word::base, lang) << " = ";
  if (!cs.base) {
    out << word(Word::not_scored, lang) << '\n';
    return;
  }
  if (cs.topsis()) {
    out << "100 × " << core::format_fixed(cs.topsis()->to_anti_ideal, 6) << " / (" << core::format_fixed(cs.topsis()->to_ideal, 6)
        << " + " << core::format_fixed(cs.topsis()->to_anti_ideal, 6) << ") = " << core::format_fixed(*cs.base, p + 2)
        << " (" << word(Word::base_is_closeness, lang) << ")\n";
  } else {
    out << core::format_fixed(*cs.base, p + 2) << " ("
        << word(run.method == model::Method::weighted_geometric ? Word::base_is_product : Word::base_is_sum, lang)
        << ")\n";
  }
  for (const auto& a : cs.adjustments) {
    const auto* item = rubric.find_adjustment(a.id);
    out << "  " << (a.kind == model::AdjustmentKind::bonus ? "+" : "-") << core::format_shortest(a.points) << ' '
        << a.id << (item ? " " + item->label.get(lang) : "") << " — " << core::escape_control(a.reason) << '\n';
  }
  out << word(Word::bonus, lang) << ' ' << core::format_shortest(cs.bonus) << " (" << word(Word::cap, lang) << ' '
      << core::format_shortest(rubric.adjustments.bonus_cap) << "), " << word(Word::penalty, lang) << ' '
      << core::format_shortest(cs.penalty) << " (" << word(Word::cap, lang) << ' '
      << core::format_shortest(rubric.adjustments.penalty_cap) << ")\n";
  out << word(Word::total, lang) << " = " << core::format_fixed(*cs.base, p + 2) << " + "
      << core::format_shortest(cs.bonus) << " - " << core::format_shortest(cs.penalty) << " = "
      << core::format_fixed(*cs.total, p + 2);
  if (cs.clamped) out << " (" << word(Word::clamped, lang) << ")";
  out << " → " << shown(cs.total, p) << '\n';

  const auto* band = rubric.find_grade(cs.grade_before_floors);
  out << word(Word::grade, lang) << ": " << grade_label(rubric, cs.grade, lang) << " (" << cs.grade << ")";
  if (band && rubric.grades.mode == model::GradeMode::absolute)
    out << " — " << band->label.get(lang) << ": " << shown(cs.total, p) << " ≥ " << core::format_shortest(band->min_score);
  out << '\n';
  for (const auto& floor : rubric.grades.floors) {
    const score::DimensionScore* ds = cs.dimension(floor.dimension);
    const bool applied = std::find(cs.floors_applied().begin(), cs.floors_applied().end(), floor.dimension) != cs.floors_applied().end();
    out << "  " << word(Word::floor, lang) << " (" << floor.dimension << " < " << core::format_shortest(floor.below)
        << " → " << word(Word::at_most, lang) << ' ' << grade_label(rubric, floor.max_grade, lang) << "): "
        << floor.dimension << ' ' << shown(ds ? ds->score : std::nullopt, p) << " — "
        << word(applied                                      ? Word::floor_applied
                : ds && ds->score && *ds->score < floor.below ? Word::floor_already_lower
                                                              : Word::floor_not_applied,
                lang)
        << '\n';
  }
  for (const auto* d : cs.decisions()) {
    const bool correction = d->kind == model::Decision::Kind::correction;
    out << word(Word::decision, lang) << fmt::format(" {:04}-{:02}-{:02}: ", d->date.year, d->date.month, d->date.day)
        << word(correction ? Word::correction : Word::downgrade, lang) << " — "
        << (correction ? d->indicator : std::string(word(Word::at_most, lang)) + " " + grade_label(rubric, d->grade, lang))
        << " — " << core::escape_control(d->reason) << " (" << word(Word::decided_by, lang) << ' '
        << core::escape_control(d->decided_by) << ")\n";
  }
  if (cs.original())
    out << word(Word::original_result, lang) << ": " << word(Word::total, lang) << ' ' << shown(cs.original()->total, p)
        << ", " << word(Word::grade, lang) << ' ' << grade_label(rubric, cs.original()->grade, lang) << ", "
        << word(Word::rank, lang) << ' ' << (cs.original()->rank > 0 ? std::to_string(cs.original()->rank) : "-") << '\n';
  const auto same_role = std::count_if(run.companies.begin(), run.companies.end(), [&](const score::CompanyScore& o) {
    return o.scored() && o.company->role() == c.role();
  });
  out << word(Word::rank, lang) << ": " << (cs.rank > 0 ? std::to_string(cs.rank) : "-") << ' ' << word(Word::of, lang)
      << ' ' << run.scored_count << "; " << word(Word::role_rank, lang) << ": "
      << (cs.role_rank > 0 ? std::to_string(cs.role_rank) : "-") << ' ' << word(Word::of, lang) << ' ' << same_role
      << '\n';
}

}  // namespace ecoscore::report
