#include <algorithm>

#include "ecoscore/report/cells.hpp"
#include "ecoscore/report/order.hpp"
#include "ecoscore/report/vocabulary.hpp"
#include "ecoscore/report/writers.hpp"

namespace ecoscore::report {

void write_ranking_table(std::ostream& out, const score::Run& run, const RunInfo& info) {
  const model::Rubric& rubric = *run.rubric;
  const core::Lang lang = info.lang;
  const int p = rubric.precision;
  std::vector<std::vector<std::string>> rows;
  rows.push_back({std::string(word(Word::rank, lang)), std::string(word(Word::company, lang)),
                  std::string(word(Word::size, lang)), std::string(word(Word::total, lang)),
                  std::string(word(Word::grade, lang)), std::string(word(Word::coverage, lang))});
  for (const auto* cs : ranked(run)) {
    const model::Company& c = *cs->company;
    rows.push_back({cs->rank > 0 ? std::to_string(cs->rank) : "-", c.name.get(lang) + " (" + c.id + ")",
                    std::string(size_name(c.size, lang)), shown(cs->total, p),
                    cs->grade.empty() ? std::string(word(Word::not_scored, lang)) : grade_label(rubric, cs->grade, lang),
                    shown(cs->coverage * 100.0, 0) + " %"});
  }
  std::vector<std::size_t> widths(rows[0].size(), 0);
  for (const auto& row : rows)
    for (std::size_t k = 0; k < row.size(); ++k) widths[k] = std::max(widths[k], display_width(row[k]));
  const std::vector<bool> right = {true, false, false, true, false, true};
  out << rubric.title.get(lang) << " (" << rubric.reference() << ")\n";
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t k = 0; k < row.size(); ++k) {
      if (k > 0) line += "  ";
      line += pad(row[k], widths[k], right[k]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  }
}

}  // namespace ecoscore::report
