// ecoscore export --rubric FILE PATH...: company files as one ratings CSV, the
// form `import` and `score` read back.
#include "cli/common.hpp"
#include "ecoscore/load/workspace.hpp"
#include "ecoscore/report/writers.hpp"

namespace ecoscore::cli {
namespace {

struct ExportOptions {
  std::string rubric;
  std::vector<std::string> paths;
  std::string format;
};

int run_export(const ExportOptions& options, Context& ctx) {
  if (options.format != "csv") throw_usage("--format must be csv, not '" + options.format + "'");
  load::LoadOptions load_options;
  load_options.rubric_file = options.rubric;
  load_options.rubric_dirs = {};
  const load::Workspace ws = load::load_workspace(options.paths, load_options);
  core::Diagnostics warnings = ws.warnings;
  std::vector<const model::Company*> companies;
  for (const auto& c : ws.companies) {
    companies.push_back(&c);
    if (!c.decisions().empty())
      warnings.push_back(core::make_warning(c.where, core::Msg::decisions_not_exported,
                                            {std::to_string(c.decisions().size()), c.id}));
  }
  core::sort_diagnostics(warnings);
  ctx.print(warnings);
  report::write_ratings_csv(ctx.out, *ws.rubric_given(), companies);
  return 0;
}

}  // namespace

Command export_command() {
  return Command{
      "export",
      {"write company files as one ratings CSV for spreadsheets", "기업 파일을 스프레드시트용 평가 CSV 하나로 씀"},
      "--rubric FILE [OPTIONS] PATH...",
      [](po::options_description& desc, po::options_description& hidden, po::positional_options_description& positional,
         core::Lang lang) {
        auto options = std::make_shared<ExportOptions>();
        const auto t = [lang](std::string_view en, std::string_view ko) { return Text{en, ko}.pick(lang); };
        desc.add_options()
            ("rubric", po::value(&options->rubric)->required()->value_name("FILE"), t("the rubric the files follow", "파일이 따르는 평가 기준").c_str())
            ("format", po::value(&options->format)->default_value("csv")->value_name("F"), t("csv", "csv").c_str());
        hidden.add_options()("path", po::value(&options->paths)->required()->value_name("PATH"), "");
        positional.add("path", -1);
        return [options](Context& ctx) { return run_export(*options, ctx); };
      }};
}

}  // namespace ecoscore::cli
