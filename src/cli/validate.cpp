// ecoscore validate PATH...: reads rubrics, company files and pairs files and
// reports every problem, or how many files are valid.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/common.hpp"
#include "ecoscore/core/error.hpp"
#include "ecoscore/load/workspace.hpp"

namespace ecoscore::cli {
namespace {

struct ValidateOptions {
  std::vector<std::string> paths;
  std::string rubric;
  std::vector<std::string> rubric_dirs;
  std::size_t max_file_bytes = load::Limits{}.max_file_bytes;
};

int run_validate(const ValidateOptions& options, Context& ctx) {
  load::LoadOptions load_options;
  load_options.several_periods = true;
  load_options.limits.max_file_bytes = options.max_file_bytes;
  if (!options.rubric.empty()) load_options.rubric_file = options.rubric;
  if (!options.rubric_dirs.empty()) load_options.rubric_dirs = options.rubric_dirs;
  const load::Workspace ws = load::load_workspace(options.paths, load_options);
  ctx.print(ws.warnings);
  ctx.log->info("{} rubrics, {} companies, {} pairs", ws.rubrics.size(), ws.companies.size(), ws.pairs.size());
  const std::size_t files = ws.files.size() + (options.rubric.empty() ? 0 : 1);
  ctx.out << core::format_message(core::Msg::files_valid, ctx.lang, {std::to_string(files)}) << '\n';
  return 0;
}

}  // namespace

Command validate_command() {
  return Command{
      "validate",
      {"check rubrics, company files and pairs files", "평가 기준, 기업 파일, 짝 파일 검사"},
      "[OPTIONS] PATH...",
      [](po::options_description& desc, po::options_description& hidden, po::positional_options_description& positional,
         core::Lang lang) {
        auto options = std::make_shared<ValidateOptions>();
        const auto t = [lang](std::string_view en, std::string_view ko) { return Text{en, ko}.pick(lang); };
        hidden.add_options()("path", po::value(&options->paths)->required()->value_name("PATH"),
             t("files, or folders searched for *.yaml", "파일, 또는 *.yaml을 찾을 폴더").c_str());
        desc.add_options()
            ("rubric", po::value(&options->rubric)->value_name("FILE"),
             t("check every company against this rubric", "모든 기업 파일을 이 평가 기준으로 검사").c_str())
            ("rubric-dir", po::value(&options->rubric_dirs)->value_name("DIR"),
             t("where to find rubrics the files name (default: rubrics)",
               "파일이 가리키는 평가 기준을 찾을 폴더 (기본: rubrics)").c_str())
            ("max-file-size", po::value(&options->max_file_bytes)->value_name("BYTES"),
             t("largest input file accepted (default: 4194304)", "받아들일 입력 파일의 최대 크기 (기본: 4194304)").c_str());
        positional.add("path", -1);
        return [options](Context& ctx) { return run_validate(*options, ctx); };
      }};
}

}  // namespace ecoscore::cli
