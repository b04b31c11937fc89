#include "cli/scoring.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include <fmt/format.h>

#include "ecoscore/audit/sha256.hpp"
#include "ecoscore/core/error.hpp"
#include "ecoscore/core/version.hpp"
#include "ecoscore/model/names.hpp"

namespace ecoscore::cli {
namespace {

template <typename E>
std::optional<E> parse_choice(const std::string& text, std::span<const model::EnumName<E>> names, std::string_view option,
                              const std::vector<std::string_view>& allowed) {
  if (text.empty()) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), text) != allowed.end())
    if (auto v = model::parse_name(names, text)) return v;
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  throw_usage(fmt::format("{} must be one of {}, not '{}'", option, list, text));
}

}  // namespace

void add_scoring_options(po::options_description& desc, ScoringOptions& options, core::Lang lang) {
  const auto t = [lang](std::string_view en, std::string_view ko) { return Text{en, ko}.pick(lang); };
  desc.add_options()
      ("rubric", po::value(&options.rubric)->required()->value_name("FILE"),
       t("the rubric to score with", "평가에 쓸 평가 기준").c_str())
      ("method", po::value(&options.method)->value_name("M"),
       t("weighted-mean or weighted-geometric (default: the rubric's)",
         "weighted-mean 또는 weighted-geometric (기본: 평가 기준의 방법)").c_str())
      ("normalization", po::value(&options.normalization)->value_name("N"),
       t("absolute, minmax or vector (default: the rubric's)", "absolute, minmax 또는 vector (기본: 평가 기준의 방법)").c_str());
}

std::unique_ptr<Scored> load_and_score(const ScoringOptions& options, Context& ctx) {
  score::Options score_options;
  score_options.method =
      parse_choice(options.method, model::method_names(), "--method", {"weighted-mean", "weighted-geometric"});
  score_options.normalization = parse_choice(options.normalization, model::normalization_names(), "--normalization",
                                             {"absolute", "minmax", "vector"});
  load::LoadOptions load_options;
  load_options.rubric_file = options.rubric;
  load_options.rubric_dirs = {};
  auto scored = std::make_unique<Scored>();
  scored->workspace = load::load_workspace(options.paths, load_options);
  ctx.print(scored->workspace.warnings);
  const model::Rubric& rubric = *scored->workspace.rubric_given();
  scored->run = score::score_run(rubric, scored->workspace.companies, scored->workspace.pairs, score_options);
  scored->info.tool_version = core::kVersion;
  scored->info.lang = ctx.common.lang.empty() ? rubric.lang : ctx.lang;
  scored->info.rubric_file = options.rubric;
  scored->info.sha256[options.rubric] = audit::sha256_file(options.rubric);
  for (const auto& c : scored->workspace.companies) scored->info.sha256[c.path] = audit::sha256_file(c.path);
  ctx.log->info("scored {} of {} companies, {} pairs, {} ecosystems", scored->run.scored_count,
                scored->run.companies.size(), scored->run.pairs.size(), scored->run.ecosystems.size());
  return scored;
}

}  // namespace ecoscore::cli
