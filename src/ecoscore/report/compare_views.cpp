#include "ecoscore/report/compare_views.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "ecoscore/core/number.hpp"
#include "ecoscore/model/names.hpp"
#include "ecoscore/report/cells.hpp"
#include "ecoscore/report/order.hpp"
#include "ecoscore/report/svg.hpp"
#include "ecoscore/report/views.hpp"
#include "ecoscore/report/vocabulary.hpp"

namespace ecoscore::report {
namespace {

struct Ctx {
  const score::Run& run;
  const model::Rubric& rubric;
  core::Lang lang;
  int p;

  std::string w(Word id) const { return std::string(word(id, lang)); }
  std::string dim(std::size_t d) const { return rubric.dimensions[d].label.get(lang); }
  Cell grade(const std::string& g) const { return Cell::text(g.empty() ? w(Word::not_scored) : grade_label(rubric, g, lang)); }
  Cell num(std::optional<double> v) const { return Cell::number(v, p); }
};

Document base(const Ctx& c, const RunInfo& info, Word view) {
  Document doc;
  doc.lang = c.lang;
  doc.title = c.rubric.title.get(c.lang) + " — " + c.w(view);
  doc.meta.push_back(c.w(Word::rubric) + ": " + c.rubric.reference() + " · " + c.w(Word::method) + ": " +
                     std::string(method_name(c.run.method, c.lang)) + " · " + c.w(Word::scored_firms) + ": " +
                     std::to_string(c.run.scored_count) + " " + c.w(Word::of) + " " + std::to_string(c.run.companies.size()));
  if (!info.date.empty()) doc.meta.push_back(c.w(Word::evaluation_date) + ": " + info.date);
  return doc;
}

std::vector<Column> dimension_columns(const Ctx& c, const std::string& prefix = "") {
  std::vector<Column> cols;
  for (std::size_t d = 0; d < c.rubric.dimensions.size(); ++d)
    cols.push_back({prefix + c.rubric.dimensions[d].id, c.dim(d), true});
  return cols;
}

Table ranking_table(const Ctx& c) {
  Table t{"ranking", c.w(Word::ranking),
          {{"rank", c.w(Word::rank), true}, {"id", c.w(Word::id), false}, {"name", c.w(Word::company), false},
           {"size", c.w(Word::size), false}, {"sector", c.w(Word::sector), false}, {"total", c.w(Word::total), true},
           {"grade", c.w(Word::grade), false}},
          {}};
  for (auto& col : dimension_columns(c)) t.columns.push_back(col);
  t.columns.push_back({"coverage", c.w(Word::coverage), true});
  for (const auto* cs : ranked(c.run)) {
    std::vector<Cell> row = {cs->rank > 0 ? Cell::count(cs->rank) : Cell{}, Cell::text(cs->company->id),
                             Cell::text(cs->company->name.get(c.lang)),
                             Cell::text(std::string(size_name(cs->company->size, c.lang))),
                             Cell::text(cs->company->sector), c.num(cs->total), c.grade(cs->grade)};
    for (const auto& d : cs->dimensions) row.push_back(c.num(d.score));
    row.push_back(Cell::number(cs->coverage * 100.0, 0));
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace

Document cohort_view(const score::Run& run, const RunInfo& info) {
  const Ctx c{run, *run.rubric, info.lang, run.rubric->precision};
  const CohortView view = analyze(run);
  Document doc = base(c, info, Word::ranking);
  doc.title = c.rubric.title.get(c.lang);

  Section summary{c.w(Word::summary), {}, {}, {}};
  Table grades{"grades", c.w(Word::grade_distribution),
               {{"grade", c.w(Word::grade), false}, {"firms", c.w(Word::firms), true}}, {}};
  for (const auto& [g, n] : view.grades) grades.rows.push_back({c.grade(g), Cell::count(n)});
  Table dims{"dimensions", c.w(Word::dimension_averages),
             {{"dimension", c.w(Word::dimension), false}, {"firms", c.w(Word::firms), true},
              {"mean", c.w(Word::cohort_average), true}},
             {}};
  for (std::size_t d = 0; d < view.dimensions.size(); ++d)
    dims.rows.push_back({Cell::text(c.dim(d)), Cell::count(view.dimensions[d].firms), c.num(view.dimensions[d].mean)});
  const auto groups = [&](const std::string& id, Word title, Word key, const std::vector<GroupSummary>& list, bool sizes) {
    Table t{id, c.w(title),
            {{"group", c.w(key), false}, {"firms", c.w(Word::firms), true}, {"mean_total", c.w(Word::mean_total), true}},
            {}};
    for (const auto& g : list) {
      std::string label = g.key;
      if (sizes)
        if (auto s = model::parse_name(model::size_class_names(), g.key)) label = size_name(*s, c.lang);
      t.rows.push_back({Cell::text(label), Cell::count(g.firms), c.num(g.mean_total)});
    }
    return t;
  };
  summary.tables = {grades, dims, groups("by-size", Word::by_size, Word::size, view.by_size, true),
                    groups("by-sector", Word::by_sector, Word::sector, view.by_sector, false)};
  doc.sections.push_back(std::move(summary));
  doc.sections.push_back({c.w(Word::ranking), {}, {ranking_table(c)}, {}});

  // Outcomes: every outcome id any firm reports, against every dimension.
  std::set<std::string> outcome_ids;
  for (const auto& cs : run.companies)
    for (const auto& o : cs.company->outcomes()) outcome_ids.insert(o.id);
  if (!outcome_ids.empty()) {
    Section outcomes{c.w(Word::outcomes), {c.w(Word::association_note)}, {}, {}};
    Table t{"outcomes", c.w(Word::spearman), {{"dimension", c.w(Word::dimension), false}}, {}};
    for (const auto& o : outcome_ids) {
      t.columns.push_back({o + "_rho", o + " ρ", true});
      t.columns.push_back({o + "_n", o + " n", true});
    }
    for (std::size_t d = 0; d < c.rubric.dimensions.size(); ++d) {
      std::vector<Cell> row = {Cell::text(c.dim(d))};
      for (const auto& o : outcome_ids) {
        std::vector<double> x, y;
        for (const auto& cs : run.companies) {
          const auto& s = cs.dimensions[d].score;
          const auto it = std::find_if(cs.company->outcomes().begin(), cs.company->outcomes().end(),
                                       [&](const auto& out) { return out.id == o; });
          if (!cs.scored() || !s || it == cs.company->outcomes().end()) continue;
          x.push_back(*s);
          y.push_back(it->value);
        }
        row.push_back(Cell::number(spearman(x, y), 2));
        row.push_back(Cell::count(static_cast<long>(x.size())));
      }
      t.rows.push_back(std::move(row));
    }
    outcomes.tables.push_back(std::move(t));
    // A scatter of the total against the first outcome.
    const std::string first = *outcome_ids.begin();
    std::vector<Bubble> points;
    double lo = 0, hi = 0;
    bool any = false;
    for (const auto& cs : run.companies)
      for (const auto& o : cs.company->outcomes())
        if (o.id == first && cs.total) {
          lo = any ? std::min(lo, o.value) : o.value;
          hi = any ? std::max(hi, o.value) : o.value;
          any = true;
        }
    for (const auto& cs : run.companies)
      for (const auto& o : cs.company->outcomes())
        if (o.id == first && cs.total)
          points.push_back({*cs.total, hi > lo ? (o.value - lo) / (hi - lo) * 100.0 : 50.0, 10, "#4575b4",
                            cs.company->name.get(c.lang) + ": " + shown(cs.total, c.p) + ", " + first + " " +
                                core::format_shortest(o.value)});
    outcomes.charts.push_back(quadrant_svg(points, c.w(Word::total), first + " (" + core::format_shortest(lo) + " … " +
                                                                          core::format_shortest(hi) + ")", ""));
    doc.sections.push_back(std::move(outcomes));
  }
  return doc;
}

Document pairs_view(const score::Run& run, const RunInfo& info) {
  const Ctx c{run, *run.rubric, info.lang, run.rubric->precision};
  Document doc = base(c, info, Word::pairs);
  Table t{"pairs", c.w(Word::pairs),
          {{"large", c.w(Word::large_firm), false}, {"sme", c.w(Word::sme), false}, {"total", c.w(Word::total), true},
           {"grade", c.w(Word::grade), false}},
          {}};
  for (std::size_t d = 0; d < c.rubric.dimensions.size(); ++d) {
    const auto& dim = c.rubric.dimensions[d];
    const bool shared = dim.applies_to(model::Role::large) && dim.applies_to(model::Role::sme);
    if (shared) {
      t.columns.push_back({dim.id + "_large", c.dim(d) + " (" + c.w(Word::large_firm) + ")", true});
      t.columns.push_back({dim.id + "_sme", c.dim(d) + " (" + c.w(Word::sme) + ")", true});
      t.columns.push_back({dim.id + "_gap", c.dim(d) + " (" + c.w(Word::gap) + ")", true});
    } else {
      t.columns.push_back({dim.id, c.dim(d), true});
    }
  }
  std::vector<GapBar> bars;
  Table gaps{"gaps", c.w(Word::gap) + " (" + c.w(Word::indicator) + ")",
             {{"large", c.w(Word::large_firm), false}, {"sme", c.w(Word::sme), false},
              {"indicator", c.w(Word::indicator), false}, {"large_score", c.w(Word::large_firm), true},
              {"sme_score", c.w(Word::sme), true}, {"gap", c.w(Word::gap), true}},
             {}};
  std::vector<std::pair<double, std::vector<Cell>>> gap_rows;
  for (const auto& ps : run.pairs) {
    std::vector<Cell> row = {Cell::text(ps.large->name.get(c.lang)), Cell::text(ps.sme->name.get(c.lang)), c.num(ps.total),
                             Cell::text(ps.grade.empty() ? "-" : grade_label(c.rubric, ps.grade, c.lang))};
    for (std::size_t d = 0; d < ps.dimensions.size(); ++d) {
      const auto& pd = ps.dimensions[d];
      const auto& dim = c.rubric.dimensions[d];
      if (dim.applies_to(model::Role::large) && dim.applies_to(model::Role::sme)) {
        row.push_back(c.num(pd.large));
        row.push_back(c.num(pd.sme));
        Cell gap = c.num(pd.gap);
        gap.flagged = pd.gap_flagged;
        row.push_back(gap);
        if (pd.gap) bars.push_back({ps.large->name.get(c.lang) + " · " + ps.sme->name.get(c.lang) + " · " + c.dim(d), *pd.gap, pd.gap_flagged});
      } else {
        row.push_back(c.num(pd.combined));
      }
    }
    t.rows.push_back(std::move(row));
    for (const auto& g : ps.gaps) {
      const auto [dim, ind] = c.rubric.find_indicator(g.id);
      Cell gap = c.num(g.gap);
      gap.flagged = g.flagged;
      gap_rows.push_back({std::fabs(g.gap),
                          {Cell::text(ps.large->name.get(c.lang)), Cell::text(ps.sme->name.get(c.lang)),
                           Cell::text(ind->label.get(c.lang)), c.num(g.large), c.num(g.sme), gap}});
    }
  }
  // Largest gaps first.
  std::stable_sort(gap_rows.begin(), gap_rows.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (auto& [size, row] : gap_rows) gaps.rows.push_back(std::move(row));
  std::stable_sort(bars.begin(), bars.end(), [](const GapBar& a, const GapBar& b) { return std::fabs(a.gap) > std::fabs(b.gap); });
  if (bars.size() > 20) bars.resize(20);
  Section s{c.w(Word::pairs),
            {c.w(Word::gap) + " = " + c.w(Word::large_firm) + " − " + c.w(Word::sme) + "; " + c.w(Word::flagged) + " > " +
             core::format_shortest(c.rubric.pairs.gap_threshold)},
            {t, gaps},
            {gap_bars_svg(bars, c.rubric.pairs.gap_threshold, c.w(Word::sme) + " >", "< " + c.w(Word::large_firm))}};
  doc.sections.push_back(std::move(s));
  return doc;
}

Document ecosystems_view(const score::Run& run, const RunInfo& info) {
  const Ctx c{run, *run.rubric, info.lang, run.rubric->precision};
  Document doc = base(c, info, Word::ecosystems);
  std::vector<std::string> axes;
  for (std::size_t d = 0; d < c.rubric.dimensions.size(); ++d) axes.push_back(c.dim(d));
  for (const auto& es : run.ecosystems) {
    Table profile{"ecosystem-" + es.large->id, es.large->name.get(c.lang),
                  {{"dimension", c.w(Word::dimension), false}, {"value", c.w(Word::profile), true},
                   {"large", c.w(Word::large_firm), true}, {"partners_mean", c.w(Word::partners_mean), true},
                   {"partners_min", c.w(Word::partners_min), true}},
                  {}};
    std::vector<std::optional<double>> values, minimum;
    for (std::size_t d = 0; d < es.axes.size(); ++d) {
      const auto& a = es.axes[d];
      profile.rows.push_back({Cell::text(c.dim(d)), c.num(a.value), c.num(a.large), c.num(a.partners_mean), c.num(a.partners_min)});
      values.push_back(a.value);
      minimum.push_back(a.partners_min ? a.partners_min : a.value);
    }
    Table partners{"partners-" + es.large->id, es.large->name.get(c.lang) + " — " + c.w(Word::partners),
                   {{"id", c.w(Word::id), false}, {"name", c.w(Word::company), false}, {"total", c.w(Word::total), true},
                    {"grade", c.w(Word::grade), false}},
                   {}};
    for (const auto* p : es.partners) {
      const auto* cs = run.find(p->id);
      partners.rows.push_back({Cell::text(p->id), Cell::text(p->name.get(c.lang)), c.num(cs->total), c.grade(cs->grade)});
    }
    doc.sections.push_back({es.large->name.get(c.lang), {}, {profile, partners},
                            {radar_svg(axes, {{c.w(Word::profile), values, "#4575b4", false},
                                              {c.w(Word::partners_min), minimum, "#d73027", true}}, 260)}});
  }
  return doc;
}

Document firm_view(const score::Run& run, const RunInfo& info, const score::CompanyScore& firm,
                   const score::CompanyScore* overlay) {
  const Ctx c{run, *run.rubric, info.lang, run.rubric->precision};
  const CohortView view = analyze(run);
  const auto fv = std::find_if(view.firms.begin(), view.firms.end(), [&](const FirmView& f) { return f.score == &firm; });
  Document doc = base(c, info, Word::scorecard);
  const auto& co = *firm.company;
  doc.title = co.name.get(c.lang) + " (" + co.id + ") — " + c.w(Word::scorecard);
  doc.meta.push_back(c.w(Word::total) + " " + shown(firm.total, c.p) + " · " + c.w(Word::grade) + " " +
                     (firm.grade.empty() ? c.w(Word::not_scored) : grade_label(c.rubric, firm.grade, c.lang)) + " · " +
                     c.w(Word::rank) + " " + (firm.rank > 0 ? std::to_string(firm.rank) : "-") + " " + c.w(Word::of) + " " +
                     std::to_string(run.scored_count));
  if (fv->to_next_grade)
    doc.meta.push_back(c.w(Word::next_grade) + ": " + grade_label(c.rubric, fv->next_grade, c.lang) + " +" +
                       shown(fv->to_next_grade, c.p));
  Table dims{"dimensions", c.w(Word::dimension),
             {{"dimension", c.w(Word::dimension), false}, {"score", c.w(Word::score), true},
              {"cohort_average", c.w(Word::cohort_average), true}, {"percentile", c.w(Word::percentile), true},
              {"coverage", c.w(Word::coverage), true}},
             {}};
  std::vector<std::string> axes;
  std::vector<std::optional<double>> own, cohort, other;
  for (std::size_t d = 0; d < firm.dimensions.size(); ++d) {
    const auto& ds = firm.dimensions[d];
    // The radar shows the dimensions that apply to the firm; another would
    // show as a dent to zero.
    if (ds.applies) {
      axes.push_back(c.dim(d));
      own.push_back(ds.score);
      cohort.push_back(view.dimensions[d].mean);
      if (overlay) other.push_back(overlay->dimensions[d].applies ? overlay->dimensions[d].score : std::nullopt);
    }
    dims.rows.push_back({Cell::text(c.dim(d)), ds.applies ? c.num(ds.score) : Cell::text(c.w(Word::not_applicable)),
                         c.num(view.dimensions[d].mean), Cell::number(fv->percentile[d], 0),
                         Cell::number(ds.applies ? std::optional(ds.coverage * 100.0) : std::nullopt, 0)});
  }
  Table inds{"indicators", c.w(Word::indicator),
             {{"id", c.w(Word::id), false}, {"indicator", c.w(Word::indicator), false}, {"raw", c.w(Word::raw), false},
              {"normalized", c.w(Word::normalized), true}, {"effective_weight", c.w(Word::effective_weight), true},
              {"contribution", c.w(Word::contribution), true}, {"spread", c.w(Word::spread), true},
              {"evidence", c.w(Word::evidence), false}},
             {}};
  for (const auto& i : firm.indicators) {
    const auto [dim, ind] = c.rubric.find_indicator(i.id);
    Cell spread = c.num(i.per_rater.empty() ? std::nullopt : std::optional(i.rater_spread));
    spread.flagged = i.raters_disagree;
    inds.rows.push_back({Cell::text(i.id), Cell::text(ind->label.get(c.lang)),
                         Cell::text(i.raw ? value_text(*i.raw) : c.w(Word::not_rated)), c.num(i.normalized),
                         Cell::number(i.effective_weight * 100.0, 1), Cell::number(i.contribution, c.p + 2), spread,
                         Cell::text(i.evidence)});
  }
  std::vector<RadarSeries> series = {{co.name.get(c.lang), own, "#4575b4", false},
                                     {c.w(Word::cohort_average), cohort, "#888888", true}};
  if (overlay) series.push_back({overlay->company->name.get(c.lang), other, "#d73027", false});
  std::vector<std::string> notes;
  const auto names = [&](const std::vector<const score::IndicatorScore*>& list) {
    std::string s;
    for (const auto* i : list) s += (s.empty() ? "" : "; ") + c.rubric.find_indicator(i->id).second->label.get(c.lang);
    return s;
  };
  notes.push_back(c.w(Word::strongest) + ": " + names(fv->strongest));
  notes.push_back(c.w(Word::weakest) + ": " + names(fv->weakest));
  for (const auto* i : fv->stale) notes.push_back(i->id + ": " + c.w(Word::stale_evidence));
  doc.sections.push_back({c.w(Word::scorecard), notes, {dims, inds}, {radar_svg(axes, series, 300)}});
  return doc;
}

}  // namespace ecoscore::report
