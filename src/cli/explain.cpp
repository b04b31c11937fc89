// ecoscore explain --rubric FILE COMPANY_FILE: the derivation of one firm's
// total, step by step.
#include "cli/scoring.hpp"
#include "ecoscore/core/error.hpp"
#include "ecoscore/core/text.hpp"

namespace ecoscore::cli {
namespace {

struct ExplainOptions {
  ScoringOptions scoring;
  std::string company_file;
  std::vector<std::string> cohort;
  std::string indicator;
};

int run_explain(ExplainOptions options, Context& ctx) {
  options.scoring.lang = ctx.common.lang;
  options.scoring.paths = options.cohort;
  options.scoring.paths.push_back(options.company_file);
  const auto scored = load_and_score(options.scoring, ctx);
  const score::CompanyScore* target = nullptr;
  for (const auto& c : scored->run.companies)
    if (c.company->path == options.company_file) target = &c;
  if (!target) throw_usage("'" + options.company_file + "' is not a company file");
  std::optional<std::string> only;
  if (!options.indicator.empty()) {
    const model::Rubric& rubric = *scored->run.rubric;
    if (!rubric.find_indicator(options.indicator).second) {
      std::vector<std::string> ids;
      for (const auto& d : rubric.dimensions)
        for (const auto& i : d.indicators) ids.push_back(i.id);
      const std::string near = core::closest_match(options.indicator, ids);
      throw_usage("unknown indicator '" + options.indicator + "'" + (near.empty() ? "" : " (did you mean '" + near + "'?)"));
    }
    only = options.indicator;
  }
  report::write_explanation(ctx.out, scored->run, *target, scored->info, only);
  return 0;
}

}  // namespace

Command explain_command() {
  return Command{
      "explain",
      {"show how a firm's total is made, step by step", "기업 총점의 계산 과정을 단계별로 보임"},
      "--rubric FILE [OPTIONS] COMPANY_FILE",
      [](po::options_description& desc, po::options_description& hidden, po::positional_options_description& positional,
         core::Lang lang) {
        auto options = std::make_shared<ExplainOptions>();
        const auto t = [lang](std::string_view en, std::string_view ko) { return Text{en, ko}.pick(lang); };
        add_scoring_options(desc, options->scoring, lang);
        hidden.add_options()("company", po::value(&options->company_file)->required()->value_name("FILE"),
             t("the company file", "기업 파일").c_str());
        desc.add_options()
            ("cohort", po::value(&options->cohort)->value_name("PATH"),
             t("other company files to rank the firm among (repeatable)", "순위를 함께 매길 다른 기업 파일 (여러 번 가능)").c_str())
            ("indicator", po::value(&options->indicator)->value_name("ID"),
             t("explain this indicator only", "이 지표만 설명").c_str());
        positional.add("company", 1);
        return [options](Context& ctx) { return run_explain(*options, ctx); };
      }};
}

}  // namespace ecoscore::cli
