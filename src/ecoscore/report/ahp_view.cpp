#include <algorithm>

#include "ecoscore/core/number.hpp"
#include "ecoscore/model/names.hpp"
#include "ecoscore/report/cells.hpp"
#include "ecoscore/report/json_writer.hpp"
#include "ecoscore/report/vocabulary.hpp"
#include "ecoscore/report/writers.hpp"

namespace ecoscore::report {

void write_ahp_fields(JsonWriter& j, const model::Ahp& ahp) {
  j.field("method", model::to_string(ahp.method));
  j.key("criteria").begin_array();
  for (const auto& c : ahp.criteria) j.value(c);
  j.end_array().key("weights").begin_array();
  for (double w : ahp.result.weights) j.value(w);
  j.end_array();
  j.field("lambda_max", ahp.result.lambda_max)
      .field("ci", ahp.result.ci)
      .field("cr", ahp.result.cr)
      .field("random_index", ahp.result.random_index);
}

std::string ahp_summary(const model::Ahp& ahp, core::Lang lang) {
  std::string s = std::string(word(Word::lambda_max, lang)) + " " + core::format_fixed(ahp.result.lambda_max, 4) +
                  ", CI " + core::format_fixed(ahp.result.ci, 4) + ", CR " + core::format_fixed(ahp.result.cr, 4) +
                  " (RI " + core::format_fixed(ahp.result.random_index, 2) + ")";
  if (ahp.result.cr > model::kAcceptableCr) s += " — " + std::string(word(Word::inconsistent, lang));
  return s;
}

void write_ahp_text(std::ostream& out, const model::Ahp& ahp, core::Lang lang) {
  std::size_t width = display_width(word(Word::criterion, lang));
  for (const auto& c : ahp.criteria) width = std::max(width, display_width(c));
  out << word(Word::pairwise_weights, lang) << " (" << model::to_string(ahp.method) << ")\n\n";
  out << pad(word(Word::criterion, lang), width + 2) << word(Word::weight, lang) << '\n';
  for (std::size_t i = 0; i < ahp.criteria.size(); ++i)
    out << pad(ahp.criteria[i], width + 2) << core::format_fixed(ahp.result.weights[i], 4) << '\n';
  out << '\n' << ahp_summary(ahp, lang) << '\n';
}

void write_ahp_json(std::ostream& out, const model::Ahp& ahp) {
  JsonWriter j(out);
  j.begin_object();
  write_ahp_fields(j, ahp);
  j.end_object();
  j.finish();
}

}  // namespace ecoscore::report
