// ecoscore score --rubric FILE PATH...: scores every company and prints the
// ranking, or writes the reports into a folder.
#include <sstream>

#include "cli/scoring.hpp"

#include <spdlog/spdlog.h>
#include "ecoscore/audit/publish.hpp"
#include "ecoscore/core/error.hpp"

namespace ecoscore::cli {
namespace {

struct ScoreOptions {
  ScoringOptions scoring;
  std::string format;
  std::string out;
  bool force = false;
};

template <typename Write>
std::string render(Write write) {
  std::ostringstream text;
  write(text);
  return text.str();
}

int run_score(const ScoreOptions& options, Context& ctx) {
  static const std::vector<std::string> kFormats = {"table", "json", "csv", "md"};
  if (std::find(kFormats.begin(), kFormats.end(), options.format) == kFormats.end()) {
    throw_usage("--format must be one of table, json, csv, md, not '" + options.format + "'");
  }
  const auto scored = load_and_score(options.scoring, ctx);
  const score::Run& run = scored->run;
  const report::RunInfo& info = scored->info;
  if (!options.out.empty()) {
    // Everything is rendered before the first byte is written.
    std::vector<audit::OutputFile> files = {
        {"report.md", render([&](std::ostream& o) { report::write_report_markdown(o, run, info); })},
        {"scores.csv", render([&](std::ostream& o) { report::write_scores_csv(o, run, info); })},
        {"scores.json", render([&](std::ostream& o) { report::write_scores_json(o, run, info); })},
    };
    audit::publish(options.out, files, options.force);
    ctx.log->info("wrote {} files to {}", files.size(), options.out);
  }
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
        hidden.add_options()("path", po::value(&options->scoring.paths)->required()->value_name("PATH"),
             t("company files, pairs files, or folders of them", "기업 파일, 짝 파일 또는 그 폴더").c_str());
        desc.add_options()
            ("format", po::value(&options->format)->default_value("table")->value_name("F"),
             t("what to print: table, json, csv or md", "출력 형식: table, json, csv, md").c_str())
            ("out", po::value(&options->out)->value_name("DIR"),
             t("also write scores.json, scores.csv and report.md into DIR",
               "DIR에 scores.json, scores.csv, report.md도 씀").c_str())
            ("force", po::bool_switch(&options->force),
             t("replace the files of an existing output folder", "이미 있는 출력 폴더의 파일을 바꿈").c_str());
        positional.add("path", -1);
        return [options](Context& ctx) { return run_score(*options, ctx); };
      }};
}

}  // namespace ecoscore::cli
