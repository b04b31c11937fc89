// ecoscore score --rubric FILE PATH...: scores every company and prints the
// ranking, or writes a run folder (reports and manifest).
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/scoring.hpp"
#include "ecoscore/core/error.hpp"

namespace ecoscore::cli {
namespace {

namespace fs = std::filesystem;

struct ScoreOptions {
  ScoringOptions scoring;
  bool robustness = false;
  RobustnessArgs robustness_args;
  std::string format;
  std::string out;
  std::string date;
  bool force = false;
};

// The way from the run folder back to the working folder, e.g. "../..".
std::string way_back(const std::string& out) {
  const fs::path here = fs::weakly_canonical(fs::current_path());
  const fs::path folder = fs::weakly_canonical(fs::absolute(out));
  const std::string way = here.lexically_relative(folder).generic_string();
  return way.empty() ? "." : way;
}

int run_score(ScoreOptions options, Context& ctx) {
  static const std::vector<std::string> kFormats = {"table", "json", "csv", "md"};
  if (std::find(kFormats.begin(), kFormats.end(), options.format) == kFormats.end())
    throw_usage("--format must be one of table, json, csv, md, not '" + options.format + "'");
  options.scoring.lang = ctx.common.lang;
  if (options.robustness) {
    options.scoring.robustness = parse_robustness(options.robustness_args);
  } else {
    for (const char* name : {"samples", "seed", "weights", "concentration", "spread", "top", "threads"})
      if (!ctx.vm[name].defaulted()) throw_usage(fmt::format("--{} needs --robustness", name));
  }
  options.scoring.date = audit::run_date(options.date, std::getenv("SOURCE_DATE_EPOCH"));
  // Printing scores.json needs each firm's indicators once, from the detail
  // store; a table or scores.csv needs none; a run folder's reports need
  // them all in memory.
  using Keep = ScoringOptions::Keep;
  if (options.out.empty() && options.format == "json") options.scoring.keep = Keep::details;
  if (options.out.empty() && (options.format == "table" || options.format == "csv")) options.scoring.keep = Keep::totals;
  std::unique_ptr<Scored> scored;
  if (!options.out.empty()) {
    RunFolder folder = render_run_folder(options.scoring, way_back(options.out), ctx);
    audit::publish(options.out, folder.files, options.force);
    ctx.log->info("wrote {} files to {}", folder.files.size(), options.out);
    scored = std::move(folder.scored);
  } else {
    scored = load_and_score(options.scoring, ctx);
  }
  const score::Run& run = scored->run;
  const report::RunInfo& info = scored->info;
  if (options.format == "json") report::write_scores_json(ctx.out, run, info);
  else if (options.format == "csv") report::write_scores_csv(ctx.out, run, info);
  else if (options.format == "md") report::write_report_markdown(ctx.out, run, info);
  else report::write_ranking_table(ctx.out, run, info);
  return 0;
}

}  // namespace

Command score_command() {
  return Command{
      "score",
      {"score companies and rank them", "기업을 평가하고 순위를 매김"},
      "--rubric FILE [OPTIONS] PATH...",
      [](po::options_description& desc, po::options_description& hidden, po::positional_options_description& positional,
         core::Lang lang) {
        auto options = std::make_shared<ScoreOptions>();
        const auto t = [lang](std::string_view en, std::string_view ko) { return Text{en, ko}.pick(lang); };
        add_scoring_options(desc, options->scoring, lang);
        hidden.add_options()("path", po::value(&options->scoring.paths)->required()->value_name("PATH"), "");
        desc.add_options()
            ("format", po::value(&options->format)->default_value("table")->value_name("F"),
             t("what to print: table, json, csv or md", "출력 형식: table, json, csv, md").c_str())
            ("out", po::value(&options->out)->value_name("DIR"),
             t("also write a run folder: report.md, scores.csv, scores.json and manifest.json",
               "실행 폴더도 씀: report.md, scores.csv, scores.json, manifest.json").c_str())
            ("force", po::bool_switch(&options->force),
             t("replace the files of an existing output folder", "이미 있는 출력 폴더의 파일을 바꿈").c_str())
            ("date", po::value(&options->date)->value_name("YYYY-MM-DD"),
             t("the evaluation date to print (default: SOURCE_DATE_EPOCH, else none)",
               "보고서에 적을 평가 일자 (기본: SOURCE_DATE_EPOCH, 없으면 적지 않음)").c_str())
            ("rescore", po::bool_switch(&options->scoring.rescore),
             t("accept files rated under an older version of the rubric", "이전 버전 평가 기준으로 평가된 파일도 받음").c_str())
            ("robustness", po::bool_switch(&options->robustness),
             t("also test how firmly each firm holds its rank when the dimension weights vary (a section of the "
               "reports, and robustness.json in the run folder)",
               "차원 가중치가 달라질 때 순위가 얼마나 유지되는지도 분석 (보고서의 한 절, 실행 폴더의 robustness.json)").c_str());
        add_robustness_options(desc, options->robustness_args, lang);
        positional.add("path", -1);
        return [options](Context& ctx) { return run_score(*options, ctx); };
      }};
}

}  // namespace ecoscore::cli
