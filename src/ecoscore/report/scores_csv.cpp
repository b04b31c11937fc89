#include "ecoscore/core/parallel.hpp"
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
  // The rows are rendered a window at a time on every core, and written in
  // order: the bytes of one thread.
  const std::vector<const score::CompanyScore*> order = ranked(run);
  core::render_in_order<std::string>(
      order.size(), info.threads, 4096,
      [&](std::size_t k, std::string& text) {
        const score::CompanyScore& cs = *order[k];
        const model::Company& c = *cs.company;
        CsvWriter row;
        if (cs.rank > 0) row.integer(cs.rank); else row.text("");
        if (cs.role_rank > 0) row.integer(cs.role_rank); else row.text("");
        row.text(c.id).text(c.name.get(lang)).text(size_name(c.size, lang)).text(c.sector);
        row.number(cs.total, p).text(cs.grade.empty() ? "" : grade_label(rubric, cs.grade, lang));
        for (const auto& d : cs.dimensions) row.number(d.score, p);
        row.number(cs.coverage * 100.0, p).number(cs.base, p).number(cs.bonus, p).number(cs.penalty, p);
        row.end_row();
        text = row.take();
      },
      [&](const std::string& text) { out.write(text.data(), static_cast<std::streamsize>(text.size())); });
}

}  // namespace ecoscore::report
