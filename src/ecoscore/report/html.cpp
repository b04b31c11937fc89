#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "ecoscore/core/number.hpp"
#include "ecoscore/model/names.hpp"
#include "ecoscore/report/analysis_views.hpp"
#include "ecoscore/report/cells.hpp"
#include "ecoscore/report/document.hpp"
#include "ecoscore/report/svg.hpp"
#include "ecoscore/report/views.hpp"
#include "ecoscore/report/vocabulary.hpp"
#include "ecoscore/report/writers.hpp"

namespace ecoscore::report {
namespace {



std::string esc(std::string_view text) { return html_escape(text); }

std::string percent_text(double share) { return core::format_fixed(share * 100.0, 0) + " %"; }

void table_head(std::ostream& out, const std::vector<std::pair<std::string, bool>>& cols) {
  out << "<table><thead><tr>";
  for (const auto& [label, numeric] : cols) out << (numeric ? "<th class=\"n\">" : "<th>") << esc(label) << "</th>";
  out << "</tr></thead><tbody>\n";
}

struct Page {
  std::ostream& out;
  const score::Run& run;
  const model::Rubric& rubric;
  core::Lang lang;
  int p;
  CohortView view;
  const analyze::Robustness* robustness;
  std::optional<Section> agreement;

  std::string w(Word word_id) const { return std::string(word(word_id, lang)); }
  std::string dim_label(std::size_t d) const { return rubric.dimensions[d].label.get(lang); }
  std::string grade_cell(const std::string& grade) const {
    if (grade.empty()) return esc(w(Word::not_scored));
    std::size_t k = 0;
    while (k < rubric.grades.bands.size() && rubric.grades.bands[k].id != grade) ++k;
    return fmt::format(R"(<span class="grade" style="color:{}">{}</span>)", grade_color(k, rubric.grades.bands.size(), true),
                       esc(grade_label(rubric, grade, lang)));
  }
  std::string firm_name(const model::Company& c) const { return esc(c.name.get(lang)); }
  std::string grade_color_of(const std::string& grade) const {
    for (std::size_t k = 0; k < rubric.grades.bands.size(); ++k)
      if (rubric.grades.bands[k].id == grade) return grade_color(k, rubric.grades.bands.size());
    return "#999999";
  }

  void summary() {
    out << "<h2 id=\"summary\">" << esc(w(Word::summary)) << "</h2>\n";
    out << "<h3>" << esc(w(Word::grade_distribution)) << "</h3>\n";
    table_head(out, {{w(Word::grade), false}, {w(Word::firms), true}, {"", false}});
    for (const auto& [grade, count] : view.grades)
      out << "<tr><td>" << grade_cell(grade) << "</td><td class=\"n\">" << count << "</td><td><span class=\"bar\" style=\"width:"
          << count * 12 << "px;background:" << grade_color_of(grade) << "\"></span></td></tr>\n";
    out << "</tbody></table>\n<h3>" << esc(w(Word::dimension_averages)) << "</h3>\n";
    table_head(out, {{w(Word::dimension), false}, {w(Word::firms), true}, {w(Word::cohort_average), true}});
    for (std::size_t d = 0; d < view.dimensions.size(); ++d)
      out << "<tr><td>" << esc(dim_label(d)) << "</td><td class=\"n\">" << view.dimensions[d].firms
          << "</td><td class=\"n\">" << shown(view.dimensions[d].mean, p) << "</td></tr>\n";
    out << "</tbody></table>\n";
    for (const auto& [title, groups, is_size] :
         {std::tuple{w(Word::by_size), &view.by_size, true}, std::tuple{w(Word::by_sector), &view.by_sector, false}}) {
      out << "<h3>" << esc(title) << "</h3>\n";
      table_head(out, {{is_size ? w(Word::size) : w(Word::sector), false}, {w(Word::firms), true}, {w(Word::mean_total), true}});
      for (const auto& g : *groups) {
        std::string key = g.key;
        if (is_size)
          if (auto size = model::parse_name(model::size_class_names(), g.key)) key = size_name(*size, lang);
        out << "<tr><td>" << esc(key) << "</td><td class=\"n\">" << g.firms << "</td><td class=\"n\">"
            << shown(g.mean_total, p) << "</td></tr>\n";
      }
      out << "</tbody></table>\n";
    }
  }

  void ranking() {
    out << "<h2 id=\"ranking\">" << esc(w(Word::ranking)) << "</h2>\n";
    std::vector<std::pair<std::string, bool>> cols = {{w(Word::rank), true}, {w(Word::company), false},
                                                      {w(Word::size), false}, {w(Word::total), true},
                                                      {w(Word::grade), false}};
    for (std::size_t d = 0; d < rubric.dimensions.size(); ++d) cols.emplace_back(dim_label(d), true);
    cols.emplace_back(w(Word::coverage), true);
    table_head(out, cols);
    for (const auto& f : view.firms) {
      const auto& cs = *f.score;
      out << "<tr><td class=\"n\">" << (cs.rank > 0 ? std::to_string(cs.rank) : "-") << "</td><td><a href=\"#firm-"
          << esc(cs.company->id) << "\">" << firm_name(*cs.company) << "</a></td><td>" << esc(size_name(cs.company->size, lang))
          << "</td><td class=\"n\">" << shown(cs.total, p) << "</td><td>" << grade_cell(cs.grade) << "</td>";
      for (const auto& d : cs.dimensions) out << "<td class=\"n\">" << (d.applies ? shown(d.score, p) : "") << "</td>";
      out << "<td class=\"n\">" << percent_text(cs.coverage) << "</td></tr>\n";
    }
    out << "</tbody></table>\n";
  }

  // x: the first dimension of large firms only; y: the first of SMEs only;
  // bubble: the last shared one. Drawn when the rubric has all three.
  void quadrant() {
    std::optional<std::size_t> x, y, z;
    for (std::size_t d = 0; d < rubric.dimensions.size(); ++d) {
      const auto& dim = rubric.dimensions[d];
      const bool large = dim.applies_to(model::Role::large);
      const bool sme = dim.applies_to(model::Role::sme);
      if (large && !sme && !x) x = d;
      if (sme && !large && !y) y = d;
      if (large && sme) z = d;
    }
    if (!x || !y || !z || run.pairs.empty()) return;
    std::vector<Bubble> bubbles;
    for (const auto& ps : run.pairs) {
      const auto& dx = ps.dimensions[*x].combined;
      const auto& dy = ps.dimensions[*y].combined;
      if (!dx || !dy) continue;
      bubbles.push_back({*dx, *dy, ps.dimensions[*z].combined.value_or(0), grade_color_of(ps.grade),
                         ps.large->name.get(lang) + " + " + ps.sme->name.get(lang) + ": " + shown(dx, p) + ", " +
                             shown(dy, p) + ", " + shown(ps.dimensions[*z].combined, p)});
    }
    out << "<h3>" << esc(w(Word::quadrant)) << "</h3>\n<div class=\"charts\">"
        << quadrant_svg(bubbles, dim_label(*x), dim_label(*y), dim_label(*z)) << "</div>\n";
  }

  void pairs() {
    if (run.pairs.empty()) return;
    out << "<h2 id=\"pairs\">" << esc(w(Word::pairs)) << "</h2>\n";
    quadrant();
    std::vector<std::pair<std::string, bool>> cols = {{w(Word::large_firm), false}, {w(Word::sme), false},
                                                      {w(Word::total), true}, {w(Word::grade), false}};
    for (std::size_t d = 0; d < rubric.dimensions.size(); ++d) cols.emplace_back(dim_label(d), true);
    table_head(out, cols);
    std::vector<GapBar> bars;
    for (const auto& ps : run.pairs) {
      out << "<tr><td>" << firm_name(*ps.large) << "</td><td>" << firm_name(*ps.sme) << "</td><td class=\"n\">"
          << shown(ps.total, p) << "</td><td>" << grade_cell(ps.grade) << "</td>";
      for (std::size_t d = 0; d < ps.dimensions.size(); ++d) {
        const auto& pd = ps.dimensions[d];
        out << "<td class=\"n\">" << shown(pd.combined, p);
        if (pd.gap) {
          out << "<br><small" << (pd.gap_flagged ? " class=\"flag\"" : "") << ">" << esc(w(Word::gap)) << ' '
              << shown(pd.gap, p) << "</small>";
          bars.push_back({ps.large->name.get(lang) + " · " + ps.sme->name.get(lang) + " · " + dim_label(d), *pd.gap,
                          pd.gap_flagged});
        }
        out << "</td>";
      }
      out << "</tr>\n";
    }
    out << "</tbody></table>\n";
    // The largest gaps, largest first; the table above has them all.
    std::stable_sort(bars.begin(), bars.end(), [](const GapBar& a, const GapBar& b) { return std::fabs(a.gap) > std::fabs(b.gap); });
    if (bars.size() > 20) bars.resize(20);
    out << "<h3>" << esc(w(Word::gap)) << " (" << esc(w(Word::large_firm)) << " − " << esc(w(Word::sme)) << ")</h3>\n"
        << "<div class=\"charts\">"
        << gap_bars_svg(bars, rubric.pairs.gap_threshold, w(Word::sme) + " >", "< " + w(Word::large_firm))
        << "</div>\n";
  }

  void ecosystems() {
    if (run.ecosystems.empty()) return;
    out << "<h2 id=\"ecosystems\">" << esc(w(Word::ecosystems)) << "</h2>\n<div class=\"charts\">\n";
    std::vector<std::string> axes;
    for (std::size_t d = 0; d < rubric.dimensions.size(); ++d) axes.push_back(dim_label(d));
    for (const auto& es : run.ecosystems) {
      std::vector<std::optional<double>> profile, minimum;
      for (const auto& a : es.axes) {
        profile.push_back(a.value);
        minimum.push_back(a.partners_min ? a.partners_min : a.value);
      }
      out << "<div><h3>" << firm_name(*es.large) << "</h3>"
          << radar_svg(axes, {{w(Word::profile), profile, "#4575b4", false}, {w(Word::partners_min), minimum, "#d73027", true}}, 260)
          << "<p class=\"meta\">" << esc(w(Word::partners)) << ": ";
      for (std::size_t k = 0; k < es.partners.size(); ++k) {
        const auto* partner = run.find(es.partners[k]->id);
        out << (k ? ", " : "") << firm_name(*es.partners[k]) << ' ' << shown(partner->total, p);
      }
      out << "</p></div>\n";
    }
    out << "</div>\n";
  }

  void scorecards() {
    out << "<h2 id=\"scorecards\">" << esc(w(Word::scorecards)) << "</h2>\n";
    for (const auto& f : view.firms) {
      const auto& cs = *f.score;
      const auto& c = *cs.company;
      out << "<div class=\"card\" id=\"firm-" << esc(c.id) << "\"><div class=\"card-head\"><h3>" << firm_name(c)
          << " <small>(" << esc(c.id) << ", " << esc(size_name(c.size, lang)) << ")</small></h3><div>"
          << esc(w(Word::total)) << " <b>" << shown(cs.total, p) << "</b> · " << grade_cell(cs.grade) << " · "
          << esc(w(Word::rank)) << ' ' << (cs.rank > 0 ? std::to_string(cs.rank) : "-") << ' ' << esc(w(Word::of)) << ' '
          << run.scored_count << "</div></div>\n<div class=\"charts\">";
      // Only the dimensions that apply to the firm's role: one that does not
      // would show as a dent to zero.
      std::vector<std::string> axes;
      std::vector<std::optional<double>> own, cohort;
      for (std::size_t d = 0; d < cs.dimensions.size(); ++d) {
        if (!cs.dimensions[d].applies) continue;
        axes.push_back(dim_label(d));
        own.push_back(cs.dimensions[d].score);
        cohort.push_back(view.dimensions[d].mean);
      }
      out << radar_svg(axes, {{c.name.get(lang), own, "#4575b4", false}, {w(Word::cohort_average), cohort, "#888888", true}}, 240);
      out << "<div>";
      table_head(out, {{w(Word::dimension), false}, {w(Word::score), true}, {w(Word::cohort_average), true},
                       {w(Word::percentile), true}, {w(Word::coverage), true}});
      for (std::size_t d = 0; d < cs.dimensions.size(); ++d) {
        const auto& ds = cs.dimensions[d];
        out << "<tr><td>" << esc(dim_label(d)) << "</td>";
        if (!ds.applies) {
          out << "<td colspan=\"4\">" << esc(w(Word::not_applicable)) << "</td></tr>\n";
          continue;
        }
        out << "<td class=\"n\">" << shown(ds.score, p) << (ds.unscored ? " <span class=\"flag\">!</span>" : "")
            << "</td><td class=\"n\">" << shown(view.dimensions[d].mean, p) << "</td><td class=\"n\">"
            << shown(f.percentile[d], 0) << "</td><td class=\"n\">" << percent_text(ds.coverage) << "</td></tr>\n";
      }
      out << "</tbody></table>";
      const auto list = [&](Word title, const std::vector<const score::IndicatorScore*>& items) {
        out << "<p><b>" << esc(w(title)) << ":</b> ";
        for (std::size_t k = 0; k < items.size(); ++k) {
          const auto [dim, ind] = rubric.find_indicator(items[k]->id);
          out << (k ? "; " : "") << esc(ind->label.get(lang)) << ' ' << shown(items[k]->normalized, p);
        }
        out << "</p>";
      };
      list(Word::strongest, f.strongest);
      list(Word::weakest, f.weakest);
      if (f.to_next_grade)
        out << "<p><b>" << esc(w(Word::next_grade)) << ":</b> " << esc(grade_label(rubric, f.next_grade, lang)) << " +"
            << shown(f.to_next_grade, p) << "</p>";
      if (robustness)
        for (const auto& fr : robustness->firms)
          if (fr.firm == &cs) out << "<p>" << esc(robustness_line(fr, robustness->options.top, lang)) << "</p>";
      out << "</div></div>\n";
      std::vector<std::string> notes;
      for (const auto& i : cs.indicators) {
        if (i.missing != score::Missing::none)
          notes.push_back(esc(w(Word::missing)) + " <code>" + esc(i.id) + "</code>" +
                          (i.missing_reason.empty() ? "" : ": " + esc(i.missing_reason)));
        if (i.raters_disagree)
          notes.push_back("<code>" + esc(i.id) + "</code> " + esc(w(Word::disagree)) + " (" + esc(w(Word::spread)) + ' ' +
                          shown(i.rater_spread, p) + ")");
      }
      for (const auto* i : f.stale)
        notes.push_back("<code>" + esc(i->id) + "</code> " + esc(w(Word::stale_evidence)));
      for (const auto& d : cs.unscored_dimensions()) notes.push_back("<code>" + esc(d) + "</code> " + esc(w(Word::unscored_dimension)));
      for (const auto& fl : cs.floors_applied())
        notes.push_back(esc(w(Word::floor)) + " <code>" + esc(fl) + "</code>: " + esc(grade_label(rubric, cs.grade_before_floors, lang)) +
                        " → " + esc(grade_label(rubric, cs.grade, lang)));
      for (const auto* d : cs.decisions())
        notes.push_back(esc(w(Word::decision)) + fmt::format(" {:04}-{:02}-{:02}: ", d->date.year, d->date.month, d->date.day) +
                        esc(w(d->kind == model::Decision::Kind::correction ? Word::correction : Word::downgrade)) + " — " +
                        esc(d->reason) + " (" + esc(d->decided_by) + ")");
      if (cs.original())
        notes.push_back(esc(w(Word::original_result)) + ": " + shown(cs.original()->total, p) + ", " +
                        esc(grade_label(rubric, cs.original()->grade, lang)) + ", " + esc(w(Word::rank)) + ' ' +
                        (cs.original()->rank > 0 ? std::to_string(cs.original()->rank) : "-"));
      if (!cs.rescored_from().empty()) notes.push_back(esc(w(Word::rescored_from)) + ' ' + esc(cs.rescored_from()));
      if (!notes.empty()) {
        out << "<ul>";
        for (const auto& n : notes) out << "<li>" << n << "</li>";
        out << "</ul>";
      }
      out << "</div>\n";
    }
  }
};

}  // namespace

void write_report_html(std::ostream& out, const score::Run& run, const RunInfo& info) {
  const model::Rubric& rubric = *run.rubric;
  Page page{out, run, rubric, info.lang, rubric.precision, analyze(run), info.robustness,
            agreement_section(analyze::rater_agreement(run), rubric, info.lang)};
  const core::Lang lang = info.lang;
  html_head(out, lang, rubric.title.get(lang), "ecoscore " + info.tool_version);
  out << "<h1>" << esc(rubric.title.get(lang)) << "</h1>\n<p class=\"meta\">" << esc(page.w(Word::rubric)) << ": <code>"
      << esc(rubric.reference()) << "</code> · " << esc(page.w(Word::method)) << ": " << esc(method_name(run.method, lang))
      << " · " << esc(page.w(Word::normalization)) << ": " << esc(normalization_name(run.normalization, lang)) << " · "
      << esc(page.w(Word::missing_policy)) << ": " << esc(policy_name(rubric.missing.policy, lang));
  if (!info.date.empty()) out << " · " << esc(page.w(Word::evaluation_date)) << ": " << esc(info.date);
  out << " · " << esc(page.w(Word::scored_firms)) << ": " << run.scored_count << ' ' << esc(page.w(Word::of)) << ' '
      << run.companies.size() << "</p>\n";
  if (!rubric.notes.empty()) out << "<p class=\"meta\">" << esc(rubric.notes.get(lang)) << "</p>\n";
  out << "<p class=\"meta\">" << esc(page.w(Word::illustrative)) << "</p>\n";
  out << "<nav><b>" << esc(page.w(Word::contents)) << "</b><ul><li><a href=\"#summary\">" << esc(page.w(Word::summary))
      << "</a></li><li><a href=\"#ranking\">" << esc(page.w(Word::ranking)) << "</a></li>";
  if (info.robustness) out << "<li><a href=\"#robustness\">" << esc(page.w(Word::robustness)) << "</a></li>";
  if (page.agreement) out << "<li><a href=\"#agreement\">" << esc(page.agreement->title) << "</a></li>";
  if (!run.pairs.empty()) out << "<li><a href=\"#pairs\">" << esc(page.w(Word::pairs)) << "</a></li>";
  if (!run.ecosystems.empty()) out << "<li><a href=\"#ecosystems\">" << esc(page.w(Word::ecosystems)) << "</a></li>";
  out << "<li><a href=\"#scorecards\">" << esc(page.w(Word::scorecards)) << "</a></li></ul></nav>\n";
  page.summary();
  page.ranking();
  if (info.robustness) render_html_section(out, robustness_section(*info.robustness, run, lang), "robustness");
  if (page.agreement) render_html_section(out, *page.agreement, "agreement");
  page.pairs();
  page.ecosystems();
  page.scorecards();
  out << "</body>\n</html>\n";
}

}  // namespace ecoscore::report
