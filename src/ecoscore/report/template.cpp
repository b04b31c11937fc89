#include <fmt/format.h>

#include "ecoscore/core/number.hpp"
#include "ecoscore/report/vocabulary.hpp"
#include "ecoscore/report/writers.hpp"

namespace ecoscore::report {
namespace {

// Text on one comment line: line breaks folded so a label cannot end the comment.
std::string one_line(std::string_view text) {
  std::string out;
  for (char c : text) out += (c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

}  // namespace

void write_company_template(std::ostream& out, const model::Rubric& rubric, model::Role role, const std::string& id,
                            core::Lang lang) {
  const bool ko = lang == core::Lang::ko;
  const auto t = [&](std::string_view en, std::string_view k) { return std::string(ko ? k : en); };
  out << "# yaml-language-server: $schema=../../schemas/company.schema.json\n#\n";
  out << "# " << t("Company file for ", "기업 평가 파일 양식: ") << rubric.reference() << " — "
      << one_line(rubric.title.get(lang)) << " (" << role_name(role, lang) << ")\n";
  out << "# "
      << t("Fill in the name, the period and a value for every indicator; check it with `ecoscore validate`.",
           "기업명, 기간, 각 지표의 값을 채운 뒤 `ecoscore validate`로 확인하세요.")
      << "\n# "
      << t("An indicator not rated stays null, with `reason:` saying why (see docs/formats.md).",
           "평가하지 않은 지표는 null로 두고 `reason:`에 이유를 적으세요 (docs/formats.md 참고).")
      << "\ncompany:\n  id: " << id << "\n";
  out << "  name: {ko: \"\", en: \"\"}  # "
      << t("fill both, or delete the one left empty", "둘 다 채우거나, 비워 둘 쪽은 지우세요") << "\n";
  if (role == model::Role::large)
    out << "  size: large\n";
  else
    out << "  size: small  # medium, small, micro\n";
  out << "  # sector: electronics\n  # partners: []\n";
  out << "evaluation:\n  rubric: " << rubric.reference() << "\n  period: \"\"  # " << t("e.g. ", "예: ") << "\"2016\"\n";
  out << "  # raters:\n  #   - {id: rater-id, name: \"\", organization: \"\"}\n";
  out << "  ratings:\n";
  for (const auto& dim : rubric.dimensions) {
    if (!dim.applies_to(role)) continue;
    out << "\n    # [" << dim.id << "] " << one_line(dim.label.get(lang)) << "\n";
    for (const auto& ind : dim.indicators) {
      out << "    # " << ind.id << " — " << one_line(ind.label.get(lang)) << "\n";
      if (!ind.question.empty()) out << "    #   " << one_line(ind.question.get(lang)) << "\n";
      switch (ind.scale.kind) {
        case model::ScaleKind::likert:
        case model::ScaleKind::numeric:
        case model::ScaleKind::bands:
          out << "    #   " << core::format_shortest(ind.scale.min) << " … " << core::format_shortest(ind.scale.max)
              << (ind.scale.unit.empty() ? "" : " " + ind.scale.unit) << "\n";
          break;
        case model::ScaleKind::percent: out << "    #   0 … 100 %\n"; break;
        case model::ScaleKind::boolean: out << "    #   true / false\n"; break;
        case model::ScaleKind::levels:
          for (const auto& l : ind.scale.levels) out << "    #   " << l.id << ": " << one_line(l.label.get(lang)) << "\n";
          break;
      }
      for (const auto& a : ind.anchors)
        out << "    #   " << core::format_shortest(a.point) << ": " << one_line(a.text.get(lang)) << "\n";
      out << "    " << ind.id << ": null\n";
    }
  }
}

}  // namespace ecoscore::report
