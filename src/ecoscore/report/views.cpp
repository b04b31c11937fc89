#include "ecoscore/report/views.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "ecoscore/model/names.hpp"
#include "ecoscore/report/order.hpp"

namespace ecoscore::report {
namespace {

std::optional<double> mean(const std::vector<double>& values) {
  if (values.empty()) return std::nullopt;
  double sum = 0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

// The year a period starts with ("2016", "2016-H1" -> 2016), or 0.
int period_year(const std::string& period) {
  int year = 0;
  std::from_chars(period.data(), period.data() + std::min<std::size_t>(4, period.size()), year);
  return year;
}

GroupSummary group(const std::string& key, const std::vector<const score::CompanyScore*>& members) {
  std::vector<double> totals;
  for (const auto* c : members)
    if (c->total) totals.push_back(*c->total);
  return {key, static_cast<int>(totals.size()), mean(totals)};
}

// Ranks 1..n, ties sharing the mean of their positions.
std::vector<double> average_ranks(const std::vector<double>& v) {
  std::vector<std::size_t> order(v.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
  std::vector<double> ranks(v.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
    const double rank = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
    for (std::size_t k = i; k <= j; ++k) ranks[order[k]] = rank;
    i = j + 1;
  }
  return ranks;
}

}  // namespace

std::optional<double> spearman(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size() || x.size() < 3) return std::nullopt;
  const auto rx = average_ranks(x);
  const auto ry = average_ranks(y);
  const double n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < rx.size(); ++i) {
    mx += rx[i];
    my += ry[i];
  }
  mx /= n;
  my /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < rx.size(); ++i) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) * (rx[i] - mx);
    syy += (ry[i] - my) * (ry[i] - my);
  }
  if (sxx == 0 || syy == 0) return std::nullopt;
  return sxy / std::sqrt(sxx * syy);
}

CohortView analyze(const score::Run& run) {
  const model::Rubric& rubric = *run.rubric;
  CohortView view;
  const std::size_t dims = rubric.dimensions.size();
  std::vector<std::vector<double>> per_dimension(dims);
  for (const auto& c : run.companies) {
    if (!c.scored()) continue;
    for (std::size_t d = 0; d < dims; ++d)
      if (c.dimensions[d].score) per_dimension[d].push_back(*c.dimensions[d].score);
  }
  for (std::size_t d = 0; d < dims; ++d)
    view.dimensions.push_back({rubric.dimensions[d].id, mean(per_dimension[d]), static_cast<int>(per_dimension[d].size())});

  for (const auto& band : rubric.grades.bands) {
    const auto n = std::count_if(run.companies.begin(), run.companies.end(),
                                 [&](const auto& c) { return c.grade == band.id; });
    view.grades.emplace_back(band.id, static_cast<int>(n));
  }
  for (const auto& entry : model::size_class_names()) {
    std::vector<const score::CompanyScore*> members;
    for (const auto& c : run.companies)
      if (c.company->size == entry.value) members.push_back(&c);
    if (!members.empty()) view.by_size.push_back(group(std::string(entry.name), members));
  }
  std::map<std::string, std::vector<const score::CompanyScore*>> sectors;
  for (const auto& c : run.companies) sectors[c.company->sector.empty() ? "-" : c.company->sector].push_back(&c);
  for (const auto& [sector, members] : sectors) view.by_sector.push_back(group(sector, members));

  for (const auto* c : ranked(run)) {
    FirmView f;
    f.score = c;
    for (std::size_t d = 0; d < dims; ++d) {
      const auto& s = c->dimensions[d].score;
      if (!s || !c->scored()) {
        f.percentile.push_back(std::nullopt);
        continue;
      }
      double below = 0;
      for (double v : per_dimension[d]) below += v < *s ? 1.0 : v == *s ? 0.5 : 0.0;
      // The firm itself is one of the ties; leave it out.
      below -= 0.5;
      const double others = static_cast<double>(per_dimension[d].size()) - 1;
      f.percentile.push_back(others > 0 ? below / others * 100.0 : 100.0);
    }
    std::vector<const score::IndicatorScore*> rated;
    for (const auto& i : c->indicators)
      if (i.normalized) rated.push_back(&i);
    // Highest first; ties in rubric order, so the choice is stable.
    std::stable_sort(rated.begin(), rated.end(), [](const auto* a, const auto* b) { return *a->normalized > *b->normalized; });
    for (std::size_t k = 0; k < rated.size() && k < 3; ++k) f.strongest.push_back(rated[k]);
    std::stable_sort(rated.begin(), rated.end(), [](const auto* a, const auto* b) { return *a->normalized < *b->normalized; });
    for (std::size_t k = 0; k < rated.size() && k < 3; ++k) f.weakest.push_back(rated[k]);
    if (c->total && rubric.grades.mode == model::GradeMode::absolute) {
      // The best band above the firm's, counting from its band before floors
      // and decisions: what its total alone would need.
      const auto& bands = rubric.grades.bands;
      for (std::size_t g = bands.size(); g-- > 0;) {
        if (bands[g].min_score > *c->total) {
          f.next_grade = bands[g].id;
          f.to_next_grade = bands[g].min_score - *c->total;
          break;
        }
      }
    }
    const int year = period_year(c->company->evaluation.period);
    for (const auto& i : c->indicators)
      if (i.evidence_date && year > 0 && i.evidence_date->year < year) f.stale.push_back(&i);
    view.firms.push_back(std::move(f));
  }
  return view;
}

}  // namespace ecoscore::report
