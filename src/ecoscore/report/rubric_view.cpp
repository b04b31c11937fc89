#include "ecoscore/core/number.hpp"
#include "ecoscore/model/names.hpp"
#include "ecoscore/report/json_writer.hpp"
#include "ecoscore/report/vocabulary.hpp"
#include "ecoscore/report/writers.hpp"
#include "ecoscore/score/score.hpp"

namespace ecoscore::report {
namespace {

std::string percent(double share) { return core::format_fixed(share * 100.0, 2) + " %"; }

}  // namespace

void write_rubric_text(std::ostream& out, const model::Rubric& rubric, core::Lang lang) {
  const score::RubricWeights weights = score::rubric_weights(rubric);
  out << rubric.title.get(lang) << " (" << rubric.reference() << ")\n";
  out << word(Word::method, lang) << ": " << method_name(rubric.method, lang) << "; "
      << word(Word::missing_policy, lang) << ": " << policy_name(rubric.missing.policy, lang) << '\n';
  if (rubric.ahp)
    out << word(Word::pairwise_weights, lang) << " (" << model::to_string(rubric.ahp->method)
        << "): " << ahp_summary(*rubric.ahp, lang) << '\n';
  for (std::size_t d = 0; d < rubric.dimensions.size(); ++d) {
    const auto& dim = rubric.dimensions[d];
    const auto& dw = weights.dimensions[d];
    std::string roles;
    for (auto r : dim.roles) roles += (roles.empty() ? "" : ", ") + std::string(role_name(r, lang));
    out << '\n' << dim.id << "  " << dim.label.get(lang) << "  [" << roles << "]  " << percent(dw.weight) << '\n';
    if (dim.ahp)
      out << "  " << word(Word::pairwise_weights, lang) << " (" << model::to_string(dim.ahp->method)
          << "): " << ahp_summary(*dim.ahp, lang) << '\n';
    for (std::size_t i = 0; i < dim.indicators.size(); ++i) {
      const auto& ind = dim.indicators[i];
      const auto& iw = dw.indicators[i];
      out << "  " << ind.id << "  " << ind.label.get(lang) << "  " << percent(iw.weight) << " → "
          << percent(iw.effective_weight) << '\n';
    }
  }
}

void write_rubric_json(std::ostream& out, const model::Rubric& rubric) {
  const score::RubricWeights weights = score::rubric_weights(rubric);
  JsonWriter j(out);
  j.begin_object().field("id", rubric.id).field("version", rubric.version);
  if (rubric.ahp) {
    j.key("ahp").begin_object();
    write_ahp_fields(j, *rubric.ahp);
    j.end_object();
  }
  j.key("dimensions").begin_array();
  for (std::size_t d = 0; d < rubric.dimensions.size(); ++d) {
    const auto& dim = rubric.dimensions[d];
    const auto& dw = weights.dimensions[d];
    j.begin_object().field("id", dim.id).field("weight", dim.weight).field("effective_weight", dw.weight);
    if (dim.ahp) {
      j.key("ahp").begin_object();
      write_ahp_fields(j, *dim.ahp);
      j.end_object();
    }
    j.key("indicators").begin_array();
    for (std::size_t i = 0; i < dim.indicators.size(); ++i)
      j.begin_object()
          .field("id", dim.indicators[i].id)
          .field("weight", dim.indicators[i].weight)
          .field("effective_weight", dw.indicators[i].effective_weight)
          .end_object();
    j.end_array().end_object();
  }
  j.end_array().end_object();
  j.finish();
}

}  // namespace ecoscore::report
