// ecoscore robustness --rubric FILE PATH...: how firmly each firm holds its
// rank when the dimension weights vary (SMAA-2 rank acceptability).
#include <charconv>
#include <limits>

#include <fmt/format.h>

#include "cli/scoring.hpp"
#include "ecoscore/report/analysis_views.hpp"

namespace ecoscore::cli {
namespace {

template <typename T>
T parse_in(const std::string& text, std::string_view option, T lo, T hi, std::string_view range) {
  T value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty() || value < lo || value > hi)
    throw_usage(fmt::format("{} must be {}, not '{}'", option, range, text));
  return value;
}

struct RobustnessCommandOptions {
  ScoringOptions scoring;
  RobustnessArgs args;
  bool top_only = false;
  std::string format;
};

int run_robustness(RobustnessCommandOptions options, Context& ctx) {
  static const std::vector<std::string> kFormats = {"md", "html", "csv", "json"};
  if (std::find(kFormats.begin(), kFormats.end(), options.format) == kFormats.end())
    throw_usage("--format must be one of md, html, csv, json, not '" + options.format + "'");
  options.scoring.lang = ctx.common.lang;
  // Rank robustness needs each firm's dimensions, never its indicators.
  options.scoring.keep = ScoringOptions::Keep::totals;
  options.scoring.robustness = parse_robustness(options.args);
  options.scoring.robustness->top_only = options.top_only;
  const auto scored = load_and_score(options.scoring, ctx);
  const analyze::Robustness& r = *scored->robustness;
  if (options.format == "json") report::write_robustness_json(ctx.out, r, scored->run, scored->info);
  else if (options.format == "csv") report::write_robustness_csv(ctx.out, r, scored->info);
  else if (options.format == "html")
    report::render_html(ctx.out, report::robustness_document(r, scored->run, scored->info),
                        "ecoscore " + scored->info.tool_version);
  else report::render_markdown(ctx.out, report::robustness_document(r, scored->run, scored->info));
  return 0;
}

}  // namespace

void add_robustness_options(po::options_description& desc, RobustnessArgs& args, core::Lang lang) {
  const auto t = [lang](std::string_view en, std::string_view ko) { return Text{en, ko}.pick(lang); };
  desc.add_options()
      ("samples", po::value(&args.samples)->default_value(args.samples)->value_name("K"),
       t("weight samples to draw (1 to 100000000)", "뽑을 가중치 표본 수 (1~100000000)").c_str())
      ("seed", po::value(&args.seed)->default_value(args.seed)->value_name("S"),
       t("the random seed: the same seed gives the same numbers", "난수 시드: 같은 시드는 같은 결과").c_str())
      ("weights", po::value(&args.weights)->default_value(args.weights)->value_name("W"),
       t("uniform (anywhere on the simplex), dirichlet (around the rubric's weights) or box (each within "
         "+-spread %)",
         "uniform (가중치 공간 전체), dirichlet (평가 기준 가중치 중심) 또는 box (각각 ±spread % 안)").c_str())
      ("concentration", po::value(&args.concentration)->default_value(args.concentration)->value_name("C"),
       t("dirichlet: how tightly samples gather around the rubric's weights (> 0)",
         "dirichlet: 표본이 평가 기준 가중치 둘레에 모이는 정도 (> 0)").c_str())
      ("spread", po::value(&args.spread)->default_value(args.spread)->value_name("P"),
       t("box: how far each weight may move, in % of itself (0 to 99)", "box: 각 가중치가 움직일 수 있는 폭, 자기 값의 % (0~99)").c_str())
      ("top", po::value(&args.top)->default_value(args.top)->value_name("K"),
       t("report the probability of ranking in the top K", "상위 K위 안에 들 확률을 보고").c_str())
      ("threads", po::value(&args.threads)->default_value(args.threads)->value_name("N"),
       t("threads to use (0: every core); results do not depend on it", "쓸 스레드 수 (0: 모든 코어). 결과는 달라지지 않음").c_str());
}

analyze::RobustnessOptions parse_robustness(const RobustnessArgs& args) {
  analyze::RobustnessOptions o;
  o.samples = parse_in<std::uint64_t>(args.samples, "--samples", 1, analyze::kMaxSamples, "a whole number from 1 to 100000000");
  o.seed = parse_in<std::uint64_t>(args.seed, "--seed", 0, std::numeric_limits<long long>::max(),
                                   "a whole number from 0 to 9223372036854775807");
  const auto model = analyze::parse_weight_model(args.weights);
  if (!model) throw_usage("--weights must be one of uniform, dirichlet, box, not '" + args.weights + "'");
  o.model = *model;
  o.concentration = parse_in<double>(args.concentration, "--concentration", 1e-6, 1e6, "a number from 0.000001 to 1000000");
  o.spread = parse_in<double>(args.spread, "--spread", 0, 99, "a number from 0 to 99");
  o.top = parse_in<int>(args.top, "--top", 1, 1'000'000, "a whole number from 1 to 1000000");
  o.threads = parse_in<unsigned>(args.threads, "--threads", 0, 256, "a whole number from 0 to 256");
  return o;
}

Command robustness_command() {
  return Command{
      "robustness",
      {"how firmly each firm holds its rank when the weights vary", "가중치가 달라질 때 각 기업의 순위가 얼마나 유지되는지"},
      "--rubric FILE [OPTIONS] PATH...",
      [](po::options_description& desc, po::options_description& hidden, po::positional_options_description& positional,
         core::Lang lang) {
        auto options = std::make_shared<RobustnessCommandOptions>();
        const auto t = [lang](std::string_view en, std::string_view ko) { return Text{en, ko}.pick(lang); };
        add_scoring_options(desc, options->scoring, lang);
        add_robustness_options(desc, options->args, lang);
        desc.add_options()
            ("top-only", po::bool_switch(&options->top_only),
             t("count only how often each firm ranks in the top K (much faster on large cohorts; no rank "
               "acceptability, intervals or grade probabilities)",
               "각 기업이 상위 K위 안에 드는 횟수만 셈 (큰 집단에서 훨씬 빠름. 순위 수용도, 구간, 등급 확률 없음)").c_str())
            ("format", po::value(&options->format)->default_value("md")->value_name("F"),
             t("md, html, csv or json", "md, html, csv, json").c_str());
        hidden.add_options()("path", po::value(&options->scoring.paths)->required()->value_name("PATH"), "");
        positional.add("path", -1);
        return [options](Context& ctx) { return run_robustness(*options, ctx); };
      }};
}

}  // namespace ecoscore::cli
