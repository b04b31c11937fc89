// ecoscore template --rubric FILE [--role large|sme] [--id ID]: prints a
// fill-in company file for evaluators.
#include "cli/common.hpp"
#include "ecoscore/core/error.hpp"
#include "ecoscore/load/workspace.hpp"
#include "ecoscore/model/id.hpp"
#include "ecoscore/report/writers.hpp"

namespace ecoscore::cli {
namespace {

struct TemplateOptions {
  std::string rubric;
  std::string role;
  std::string id;
};

int run_template(const TemplateOptions& options, Context& ctx) {
  if (options.role != "large" && options.role != "sme") throw_usage("--role must be large or sme, not '" + options.role + "'");
  if (!model::is_valid_id(options.id))
    throw_usage("--id must be 1 to 64 lowercase letters, digits, '.', '_' or '-', not '" + options.id + "'");
  const model::Rubric rubric = load::load_rubric_file(options.rubric, {});
  report::write_company_template(ctx.out, rubric, options.role == "large" ? model::Role::large : model::Role::sme,
                                 options.id, ctx.common.lang.empty() ? rubric.lang : ctx.lang);
  return 0;
}

}  // namespace

Command template_command() {
  return Command{
      "template",
      {"print a fill-in company file for a rubric", "평가 기준에 맞는 기업 파일 양식 출력"},
      "--rubric FILE [--role large|sme] [--id ID]",
      [](po::options_description& desc, po::options_description&, po::positional_options_description&, core::Lang lang) {
        auto options = std::make_shared<TemplateOptions>();
        const auto t = [lang](std::string_view en, std::string_view ko) { return Text{en, ko}.pick(lang); };
        desc.add_options()
            ("rubric", po::value(&options->rubric)->required()->value_name("FILE"), t("the rubric", "평가 기준").c_str())
            ("role", po::value(&options->role)->default_value("sme")->value_name("R"),
             t("large or sme: which dimensions the file asks for", "large 또는 sme: 양식에 넣을 차원").c_str())
            ("id", po::value(&options->id)->default_value("company-id")->value_name("ID"),
             t("the company id to fill in", "채워 넣을 기업 id").c_str());
        return [options](Context& ctx) { return run_template(*options, ctx); };
      }};
}

}  // namespace ecoscore::cli
