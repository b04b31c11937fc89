// ecoscore compare: the comparison views (cohort, pairs, ecosystems, one
// firm) of a scored cohort, or the years view of two runs, in Markdown, HTML,
// CSV, JSON or XLSX.
#include <cstdlib>
#include <sstream>

#include "cli/scoring.hpp"
#include "ecoscore/audit/compare.hpp"
#include "ecoscore/core/error.hpp"
#include "ecoscore/core/text.hpp"
#include "ecoscore/core/version.hpp"
#include "ecoscore/report/compare_views.hpp"

namespace ecoscore::cli {
namespace {


struct CompareOptions {
  ScoringOptions scoring;
  std::string view;
  std::string firm;
  std::string overlay;
  std::vector<std::string> years;
  std::string format;
  std::string out;
  std::string date;
  bool force = false;
};

const score::CompanyScore& firm_of(const score::Run& run, const std::string& id) {
  if (const auto* cs = run.find(id)) return *cs;
  std::vector<std::string> ids;
  for (const auto& c : run.companies) ids.push_back(c.company->id);
  const std::string near = core::closest_match(id, ids);
  throw_usage("unknown company '" + id + "'" + (near.empty() ? "" : " (did you mean '" + near + "'?)"));
}

int emit(const report::Document& doc, const CompareOptions& options, Context& ctx) {
  const std::string generator = std::string("ecoscore ") + core::kVersion;
  const auto render = [&](const auto& write) {
    std::ostringstream s;
    write(s);
    return s.str();
  };
  std::vector<audit::OutputFile> files;
  if (options.format == "csv") {
    for (const auto* t : doc.tables())
      files.push_back({t->id + ".csv", render([&](std::ostream& o) { report::render_csv(o, *t); })});
  } else if (options.format == "md") {
    files.push_back({"compare.md", render([&](std::ostream& o) { report::render_markdown(o, doc); })});
  } else if (options.format == "html") {
    files.push_back({"compare.html", render([&](std::ostream& o) { report::render_html(o, doc, generator); })});
  } else if (options.format == "json") {
    files.push_back({"compare.json", render([&](std::ostream& o) { report::render_json(o, doc); })});
  } else {
    files.push_back({"compare.xlsx", render([&](std::ostream& o) { report::render_xlsx(o, doc, options.date); })});
  }
  if (!options.out.empty()) {
    audit::publish(options.out, files, options.force);
    return 0;
  }
  // On stdout a CSV holds one table: the first; --out writes them all.
  ctx.out << files.front().content;
  return 0;
}

int run_compare(CompareOptions options, Context& ctx) {
  static const std::vector<std::string> kFormats = {"md", "html", "csv", "json", "xlsx"};
  if (std::find(kFormats.begin(), kFormats.end(), options.format) == kFormats.end())
    throw_usage("--format must be one of md, html, csv, json, xlsx, not '" + options.format + "'");
  if (options.format == "xlsx" && options.out.empty()) throw_usage("XLSX is binary: give --out DIR to write it");
  options.date = audit::run_date(options.date, std::getenv("SOURCE_DATE_EPOCH"));
  if (!options.years.empty()) {
    if (options.years.size() != 2) throw_usage("--years needs two runs: --years RUN_A --years RUN_B");
    // The report's language: --lang, else the later run's rubric's.
    core::Lang lang = ctx.lang;
    if (ctx.common.lang.empty())
      lang = core::parse_lang(audit::read_run(options.years[1], core::Lang::en).lang).value_or(core::Lang::en);
    const auto a = audit::read_run(options.years[0], lang);
    const auto b = audit::read_run(options.years[1], lang);
    return emit(audit::years_view(a, b, lang), options, ctx);
  }
  if (options.scoring.rubric.empty()) throw_usage("compare needs --rubric FILE and company files, or --years RUN_A RUN_B");
  if (options.scoring.paths.empty()) throw_usage("missing PATH argument");
  options.scoring.lang = ctx.common.lang;
  options.scoring.date = options.date;
  const auto scored = load_and_score(options.scoring, ctx);
  const score::Run& run = scored->run;
  const report::RunInfo& info = scored->info;
  if (options.view == "cohort") return emit(report::cohort_view(run, info), options, ctx);
  if (options.view == "pairs") return emit(report::pairs_view(run, info), options, ctx);
  if (options.view == "ecosystems") return emit(report::ecosystems_view(run, info), options, ctx);
  if (options.view == "firm") {
    if (options.firm.empty()) throw_usage("--view firm needs --firm ID");
    const score::CompanyScore* overlay = options.overlay.empty() ? nullptr : &firm_of(run, options.overlay);
    return emit(report::firm_view(run, info, firm_of(run, options.firm), overlay), options, ctx);
  }
  throw_usage("--view must be one of cohort, pairs, ecosystems, firm, not '" + options.view + "'");
}

}  // namespace

Command compare_command() {
  return Command{
      "compare",
      {"comparison views: cohort, pairs, ecosystems, one firm, or two years", "비교: 집단, 짝, 생태계, 한 기업, 두 해"},
      "--rubric FILE [--view V] [OPTIONS] PATH...  |  compare --years RUN_A --years RUN_B",
      [](po::options_description& desc, po::options_description& hidden, po::positional_options_description& positional,
         core::Lang lang) {
        auto options = std::make_shared<CompareOptions>();
        const auto t = [lang](std::string_view en, std::string_view ko) { return Text{en, ko}.pick(lang); };
        desc.add_options()
            ("rubric", po::value(&options->scoring.rubric)->value_name("FILE"),
             t("the rubric to score with", "평가에 쓸 평가 기준").c_str())
            ("view", po::value(&options->view)->default_value("cohort")->value_name("V"),
             t("cohort, pairs, ecosystems or firm", "cohort, pairs, ecosystems 또는 firm").c_str())
            ("firm", po::value(&options->firm)->value_name("ID"), t("the firm of --view firm", "--view firm의 기업").c_str())
            ("overlay", po::value(&options->overlay)->value_name("ID"),
             t("another firm drawn on the firm's radar", "기업 방사형 그림에 겹쳐 그릴 다른 기업").c_str())
            ("years", po::value(&options->years)->value_name("RUN"),
             t("two run folders (or scores.json files) of different periods", "기간이 다른 두 실행 폴더 (또는 scores.json)").c_str())
            ("format", po::value(&options->format)->default_value("md")->value_name("F"),
             t("md, html, csv, json or xlsx", "md, html, csv, json, xlsx").c_str())
            ("out", po::value(&options->out)->value_name("DIR"),
             t("write into DIR (CSV: one file per table)", "DIR에 씀 (CSV: 표마다 파일 하나)").c_str())
            ("force", po::bool_switch(&options->force),
             t("replace the files of an existing output folder", "이미 있는 출력 폴더의 파일을 바꿈").c_str())
            ("date", po::value(&options->date)->value_name("YYYY-MM-DD"),
             t("the evaluation date to print", "보고서에 적을 평가 일자").c_str())
            ("method", po::value(&options->scoring.method)->value_name("M"),
             t("weighted-mean, weighted-geometric or topsis", "weighted-mean, weighted-geometric 또는 topsis").c_str())
            ("normalization", po::value(&options->scoring.normalization)->value_name("N"),
             t("absolute, minmax or vector", "absolute, minmax 또는 vector").c_str());
        hidden.add_options()("path", po::value(&options->scoring.paths), "");
        positional.add("path", -1);
        return [options](Context& ctx) { return run_compare(*options, ctx); };
      }};
}

}  // namespace ecoscore::cli
