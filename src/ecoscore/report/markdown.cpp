#include <fmt/format.h>

#include "ecoscore/core/number.hpp"
#include "ecoscore/report/analysis_views.hpp"
#include "ecoscore/report/cells.hpp"
#include "ecoscore/report/order.hpp"
#include "ecoscore/report/vocabulary.hpp"
#include "ecoscore/report/writers.hpp"

namespace ecoscore::report {
namespace {

void row(std::ostream& out, const std::vector<std::string>& cells) {
  out << '|';
  for (const auto& c : cells) out << ' ' << c << " |";
  out << '\n';
}

void header(std::ostream& out, const std::vector<std::string>& cells, const std::vector<bool>& numeric) {
  row(out, cells);
  out << '|';
  for (std::size_t k = 0; k < cells.size(); ++k) out << (numeric[k] ? " ---: |" : " --- |");
  out << '\n';
}

std::string name_of(const model::Company& c, core::Lang lang) { return md_cell(c.name.get(lang)); }

void notes(std::ostream& out, const score::Run& run, core::Lang lang) {
  const model::Rubric& rubric = *run.rubric;
  const int p = rubric.precision;
  std::vector<std::string> lines;
  for (const auto& cs : run.companies) {
    const std::string who = name_of(*cs.company, lang) + " (" + md_cell(cs.company->id) + ")";
    for (const auto& is : cs.indicators) {
      if (is.missing == score::Missing::absent)
        lines.push_back(fmt::format("{}: {} `{}` — {}", who, word(Word::missing, lang), is.id, word(Word::not_rated, lang)));
      else if (is.missing == score::Missing::declared)
        lines.push_back(fmt::format("{}: {} `{}` — {}{}", who, word(Word::missing, lang), is.id,
                                    word(Word::not_rated, lang), is.missing_reason.empty() ? "" : ": " + md_cell(is.missing_reason)));
      if (is.raters_disagree)
        lines.push_back(fmt::format("{}: `{}` — {} ({} {})", who, is.id, word(Word::disagree, lang),
                                    word(Word::spread, lang), shown(is.rater_spread, p)));
    }
    for (const auto& d : cs.unscored_dimensions())
      lines.push_back(fmt::format("{}: `{}` — {}", who, d, word(Word::unscored_dimension, lang)));
    for (const auto& f : cs.floors_applied())
      lines.push_back(fmt::format("{}: {} `{}`: {} → {}", who, word(Word::floor, lang), f,
                                  grade_label(rubric, cs.grade_before_floors, lang), grade_label(rubric, cs.grade, lang)));
    for (const auto& a : cs.adjustments) {
      const auto* item = rubric.find_adjustment(a.id);
      lines.push_back(fmt::format("{}: {} {}{} ({}) — {}", who, item ? md_cell(item->label.get(lang)) : a.id,
                                  a.kind == model::AdjustmentKind::bonus ? "+" : "-", core::format_shortest(a.points),
                                  word(a.kind == model::AdjustmentKind::bonus ? Word::bonus : Word::penalty, lang),
                                  md_cell(a.reason)));
    }
    if (cs.clamped) lines.push_back(fmt::format("{}: {}", who, word(Word::clamped, lang)));
    if (!cs.rescored_from().empty())
      lines.push_back(fmt::format("{}: {} {}", who, word(Word::rescored_from, lang), md_cell(cs.rescored_from())));
    for (const auto* d : cs.decisions()) {
      const bool correction = d->kind == model::Decision::Kind::correction;
      std::string what = correction ? fmt::format("`{}` → {}", d->indicator,
                                                  d->value ? value_text(*d->value) : std::string("…"))
                                     : fmt::format("{} {}", word(Word::at_most, lang), grade_label(rubric, d->grade, lang));
      lines.push_back(fmt::format("{}: {} {:04}-{:02}-{:02}: {} ({}) — {} ({} {})", who, word(Word::decision, lang),
                                  d->date.year, d->date.month, d->date.day,
                                  word(correction ? Word::correction : Word::downgrade, lang), what,
                                  md_cell(d->reason), word(Word::decided_by, lang), md_cell(d->decided_by)));
    }
    if (cs.original())
      lines.push_back(fmt::format("{}: {}: {} {}, {} {}, {} {} → {} {}, {} {}, {} {}", who,
                                  word(Word::original_result, lang), word(Word::total, lang),
                                  shown(cs.original()->total, p), word(Word::grade, lang),
                                  grade_label(rubric, cs.original()->grade, lang), word(Word::rank, lang),
                                  cs.original()->rank > 0 ? std::to_string(cs.original()->rank) : "-",
                                  word(Word::total, lang), shown(cs.total, p), word(Word::grade, lang),
                                  grade_label(rubric, cs.grade, lang), word(Word::rank, lang),
                                  cs.rank > 0 ? std::to_string(cs.rank) : "-"));
    if (!cs.dropped().empty()) {
      std::string ids;
      for (const auto& d : cs.dropped()) ids += (ids.empty() ? "`" : ", `") + d + "`";
      lines.push_back(fmt::format("{}: {}: {}", who, word(Word::dropped, lang), ids));
    }
  }
  if (lines.empty()) return;
  out << "\n## " << word(Word::notes, lang) << "\n\n";
  for (const auto& l : lines) out << "- " << l << '\n';
}

}  // namespace

void write_report_markdown(std::ostream& out, const score::Run& run, const RunInfo& info) {
  const model::Rubric& rubric = *run.rubric;
  const core::Lang lang = info.lang;
  const int p = rubric.precision;
  out << "# " << md_cell(rubric.title.get(lang)) << "\n\n";
  out << "- " << word(Word::rubric, lang) << ": `" << rubric.reference() << "`\n";
  out << "- " << word(Word::method, lang) << ": " << method_name(run.method, lang) << '\n';
  out << "- " << word(Word::normalization, lang) << ": " << normalization_name(run.normalization, lang) << '\n';
  out << "- " << word(Word::missing_policy, lang) << ": " << policy_name(rubric.missing.policy, lang);
  if (rubric.missing.policy == model::MissingPolicy::renormalize)
    out << " (" << word(Word::coverage, lang) << " ≥ " << core::format_shortest(rubric.missing.min_coverage * 100) << " %)";
  out << '\n';
  if (!info.date.empty()) out << "- " << word(Word::evaluation_date, lang) << ": " << info.date << '\n';
  out << "- " << word(Word::scored_firms, lang) << ": " << run.scored_count << ' ' << word(Word::of, lang) << ' '
      << run.companies.size() << '\n';

  out << "\n## " << word(Word::ranking, lang) << "\n\n";
  std::vector<std::string> cols = {std::string(word(Word::rank, lang)), std::string(word(Word::company, lang)),
                                   std::string(word(Word::size, lang)), std::string(word(Word::total, lang)),
                                   std::string(word(Word::grade, lang))};
  std::vector<bool> numeric = {true, false, false, true, false};
  for (const auto& d : rubric.dimensions) {
    cols.push_back(md_cell(d.label.get(lang)));
    numeric.push_back(true);
  }
  cols.emplace_back(word(Word::coverage, lang));
  numeric.push_back(true);
  header(out, cols, numeric);
  for (const auto* cs : ranked(run)) {
    const model::Company& c = *cs->company;
    std::vector<std::string> cells = {cs->rank > 0 ? std::to_string(cs->rank) : "-",
                                      name_of(c, lang) + " (`" + c.id + "`)", std::string(size_name(c.size, lang)),
                                      shown(cs->total, p),
                                      cs->grade.empty() ? std::string(word(Word::not_scored, lang))
                                                        : md_cell(grade_label(rubric, cs->grade, lang))};
    for (const auto& d : cs->dimensions) cells.push_back(d.applies ? shown(d.score, p) : "");
    cells.push_back(shown(cs->coverage * 100.0, 0) + " %");
    row(out, cells);
  }
  if (info.robustness) render_markdown_section(out, robustness_section(*info.robustness, run, lang));
  if (const auto agreement = agreement_section(analyze::rater_agreement(run), rubric, lang))
    render_markdown_section(out, *agreement);

  if (!run.pairs.empty()) {
    out << "\n## " << word(Word::pairs, lang) << "\n\n";
    std::vector<std::string> pcols = {std::string(word(Word::large_firm, lang)), std::string(word(Word::sme, lang)),
                                      std::string(word(Word::total, lang)), std::string(word(Word::grade, lang))};
    std::vector<bool> pnum = {false, false, true, false};
    for (const auto& d : rubric.dimensions) {
      const bool shared = d.applies_to(model::Role::large) && d.applies_to(model::Role::sme);
      pcols.push_back(md_cell(d.label.get(lang)) + (shared ? " (" + std::string(word(Word::gap, lang)) + ")" : ""));
      pnum.push_back(true);
    }
    header(out, pcols, pnum);
    for (const auto& ps : run.pairs) {
      std::vector<std::string> cells = {name_of(*ps.large, lang), name_of(*ps.sme, lang), shown(ps.total, p),
                                        ps.grade.empty() ? "-" : md_cell(grade_label(rubric, ps.grade, lang))};
      for (const auto& d : ps.dimensions) {
        std::string cell = shown(d.combined, p);
        if (d.gap) cell += fmt::format(" ({}{})", d.gap_flagged ? "⚠ " : "", shown(d.gap, p));
        cells.push_back(cell);
      }
      row(out, cells);
    }
    out << '\n' << word(Word::gap, lang) << " = " << word(Word::large_firm, lang) << " − " << word(Word::sme, lang)
        << "; ⚠ > " << core::format_shortest(rubric.pairs.gap_threshold) << '\n';
  }

  if (!run.ecosystems.empty()) {
    out << "\n## " << word(Word::ecosystems, lang) << "\n\n";
    std::vector<std::string> ecols = {std::string(word(Word::large_firm, lang)), std::string(word(Word::partners, lang))};
    std::vector<bool> enums = {false, true};
    for (const auto& d : rubric.dimensions) {
      ecols.push_back(md_cell(d.label.get(lang)));
      enums.push_back(true);
    }
    header(out, ecols, enums);
    for (const auto& es : run.ecosystems) {
      std::vector<std::string> cells = {name_of(*es.large, lang), std::to_string(es.partners.size())};
      for (const auto& a : es.axes) {
        std::string cell = shown(a.value, p);
        if (a.partners_min) cell += fmt::format(" ({} {})", word(Word::minimum, lang), shown(a.partners_min, p));
        cells.push_back(cell);
      }
      row(out, cells);
    }
    out << '\n';
    for (const auto& es : run.ecosystems) {
      out << "- " << name_of(*es.large, lang) << " — " << word(Word::partners, lang) << ": ";
      for (std::size_t k = 0; k < es.partners.size(); ++k) {
        const score::CompanyScore* partner = run.find(es.partners[k]->id);
        out << (k ? ", " : "") << name_of(*es.partners[k], lang) << ' ' << shown(partner->total, p);
      }
      out << '\n';
    }
  }
  notes(out, run, lang);
}

}  // namespace ecoscore::report
