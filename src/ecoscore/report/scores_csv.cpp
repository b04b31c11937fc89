#include "ecoscore/report/cells.hpp"
#include "ecoscore/report/order.hpp"
#include "ecoscore/report/vocabulary.hpp"
#include "ecoscore/report/writers.hpp"

namespace ecoscore::report {

void write_scores_csv(std::ostream& out, const score::Run& run, const RunInfo& info) {
  const model::Rubric& rubric = *run.rubric;
  const core::Lang lang = info.lang;
  const int p = rubric.precision;
  CsvWriter csv(out);
  for (Word w : {Word::rank, Word::role_rank, Word::id, Word::company, Word::size, Word::sector, Word::total, Word::grade})
    csv.text(word(w, lang));
  for (const auto& d : rubric.dimensions) csv.text(d.label.get(lang));
  for (Word w : {Word::coverage, Word::base, Word::bonus, Word::penalty}) csv.text(word(w, lang));
  csv.end_row();
  for (const auto* cs : ranked(run)) {
    const model::Company& c = *cs->company;
    if (cs->rank > 0) csv.integer(cs->rank); else csv.text("");
    if (cs->role_rank > 0) csv.integer(cs->role_rank); else csv.text("");
    csv.text(c.id).text(c.name.get(lang)).text(size_name(c.size, lang)).text(c.sector);
    csv.number(cs->total, p).text(cs->grade.empty() ? "" : grade_label(rubric, cs->grade, lang));
    for (const auto& d : cs->dimensions) csv.number(d.score, p);
    csv.number(cs->coverage * 100.0, p).number(cs->base, p).number(cs->bonus, p).number(cs->penalty, p);
    csv.end_row();
  }
}

}  // namespace ecoscore::report
