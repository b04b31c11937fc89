// ecoscore rubric show FILE: the rubric as a tree with effective weights.
#include "cli/common.hpp"
#include "ecoscore/core/error.hpp"
#include "ecoscore/load/workspace.hpp"
#include "ecoscore/report/writers.hpp"

namespace ecoscore::cli {
namespace {

struct RubricOptions {
  std::string action;
  std::string file;
  std::string format;
};

int run_rubric(const RubricOptions& options, Context& ctx) {
  if (options.action != "show") throw_usage("unknown action '" + options.action + "'; the action is 'show'");
  if (options.file.empty()) throw_usage("rubric show needs a FILE");
  if (options.format != "text" && options.format != "json") throw_usage("--format must be text or json, not '" + options.format + "'");
  core::Diagnostics warnings;
  const model::Rubric rubric = load::load_rubric_file(options.file, {}, {}, &warnings);
  ctx.print(warnings);
  if (options.format == "json")
    report::write_rubric_json(ctx.out, rubric);
  else
    report::write_rubric_text(ctx.out, rubric, ctx.common.lang.empty() ? rubric.lang : ctx.lang);
  return 0;
}

}  // namespace

Command rubric_command() {
  return Command{
      "rubric",
      {"show a rubric with each part's share of the total", "평가 기준과 각 부분의 총점 내 비중을 보임"},
      "show [OPTIONS] FILE",
      [](po::options_description& desc, po::options_description& hidden, po::positional_options_description& positional,
         core::Lang lang) {
        auto options = std::make_shared<RubricOptions>();
        const auto t = [lang](std::string_view en, std::string_view ko) { return Text{en, ko}.pick(lang); };
        hidden.add_options()("action", po::value(&options->action)->required(), "")("file", po::value(&options->file), "");
        desc.add_options()
            ("format", po::value(&options->format)->default_value("text")->value_name("F"),
             t("text or json", "text 또는 json").c_str());
        positional.add("action", 1).add("file", 1);
        return [options](Context& ctx) { return run_rubric(*options, ctx); };
      }};
}

}  // namespace ecoscore::cli
