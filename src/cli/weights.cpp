// ecoscore weights ahp FILE: weights from a Saaty-scale pairwise comparison.
#include "cli/common.hpp"
#include "ecoscore/load/workspace.hpp"
#include "ecoscore/model/names.hpp"
#include "ecoscore/report/writers.hpp"

namespace ecoscore::cli {
namespace {

struct WeightsOptions {
  std::string action;
  std::string file;
  std::string method;  // empty: the file's
  std::string format;
};

int run_weights(const WeightsOptions& options, Context& ctx) {
  if (options.action != "ahp") throw_usage("unknown action '" + options.action + "'; the action is 'ahp'");
  if (options.file.empty()) throw_usage("weights ahp needs a FILE");
  if (options.format != "text" && options.format != "json")
    throw_usage("--format must be text or json, not '" + options.format + "'");
  std::optional<model::AhpMethod> method;
  if (!options.method.empty()) {
    method = model::parse_name(model::ahp_method_names(), options.method);
    if (!method) throw_usage("--method must be eigenvector or geometric, not '" + options.method + "'");
  }
  core::Diagnostics warnings;
  const model::Ahp ahp = load::load_ahp_file(options.file, {}, &warnings, method);
  ctx.print(warnings);
  if (options.format == "json")
    report::write_ahp_json(ctx.out, ahp);
  else
    report::write_ahp_text(ctx.out, ahp, ctx.lang);
  return 0;
}

}  // namespace

Command weights_command() {
  return Command{
      "weights",
      {"derive weights from a pairwise comparison (AHP)", "쌍대비교(AHP)로 가중치 도출"},
      "ahp [OPTIONS] FILE",
      [](po::options_description& desc, po::options_description& hidden, po::positional_options_description& positional,
         core::Lang lang) {
        auto options = std::make_shared<WeightsOptions>();
        const auto t = [lang](std::string_view en, std::string_view ko) { return Text{en, ko}.pick(lang); };
        hidden.add_options()("action", po::value(&options->action)->required(), "")("file", po::value(&options->file), "");
        desc.add_options()
            ("method", po::value(&options->method)->value_name("M"),
             t("eigenvector or geometric (default: the file's, else eigenvector)",
               "eigenvector 또는 geometric (기본: 파일에 적힌 방법, 없으면 eigenvector)").c_str())
            ("format", po::value(&options->format)->default_value("text")->value_name("F"),
             t("text or json", "text 또는 json").c_str());
        positional.add("action", 1).add("file", 1);
        return [options](Context& ctx) { return run_weights(*options, ctx); };
      }};
}

}  // namespace ecoscore::cli
