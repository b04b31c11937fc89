// ecoscore import --rubric FILE RATINGS.csv --out DIR: company files from a
// spreadsheet of ratings, written only when every row is valid.
#include <sstream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/common.hpp"
#include "ecoscore/audit/publish.hpp"
#include "ecoscore/core/error.hpp"
#include "ecoscore/core/version.hpp"
#include "ecoscore/load/documents.hpp"
#include "ecoscore/load/ratings_csv.hpp"
#include "ecoscore/load/workspace.hpp"
#include "ecoscore/load/yaml_tree.hpp"
#include "ecoscore/report/writers.hpp"

namespace ecoscore::cli {
namespace {

struct ImportOptions {
  std::string rubric;
  std::string csv;
  std::string out;
  bool force = false;
};

int run_import(const ImportOptions& options, Context& ctx) {
  if (options.csv.empty()) throw_usage("import needs a ratings CSV file");
  core::Diagnostics out;
  const model::Rubric rubric = load::load_rubric_file(options.rubric, {}, {}, &out);
  const std::vector<model::Company> companies = load::load_ratings_csv(options.csv, options.csv, rubric, {}, out);
  // Every firm that could be read is checked too, so that one run reports
  // the values off their scales along with the table's own problems.
  for (const auto& c : companies) load::check_company(c, rubric, out);
  core::sort_diagnostics(out);
  core::throw_if_errors(out);
  ctx.print(out);

  std::vector<audit::OutputFile> files;
  for (const auto& c : companies) {
    std::ostringstream text;
    report::write_company_yaml(text, c,
                               fmt::format("Imported by ecoscore {} from {}; check it with `ecoscore validate`.",
                                           core::kVersion, options.csv));
    // What is written must read back as the same company: checked here, so
    // that a writer bug can never leave files that do not validate.
    core::Diagnostics again;
    const std::string name = c.id + ".yaml";
    if (auto root = load::parse_yaml(text.str(), name, {}, again)) {
      load::Reader reader(name, again);
      const model::Company back = load::read_company(*root, reader);
      if (!core::has_errors(again)) load::check_company(back, rubric, again);
    }
    if (core::has_errors(again)) {
      again.insert(again.begin(), core::make_error({name, 0, 0}, core::Msg::output_failed,
                                                   {"the company file written does not read back"}));
      throw core::OutputError(std::move(again));
    }
    files.push_back({name, text.str()});
  }
  audit::publish(options.out, files, options.force);
  ctx.log->info("wrote {} company files to {}", files.size(), options.out);
  ctx.out << core::format_message(core::Msg::files_written, ctx.lang, {std::to_string(files.size()), options.out})
          << '\n';
  return 0;
}

}  // namespace

Command import_command() {
  return Command{
      "import",
      {"turn a spreadsheet of ratings (CSV) into company files", "평가 스프레드시트(CSV)를 기업 파일로 변환"},
      "--rubric FILE --out DIR [OPTIONS] RATINGS.csv",
      [](po::options_description& desc, po::options_description& hidden, po::positional_options_description& positional,
         core::Lang lang) {
        auto options = std::make_shared<ImportOptions>();
        const auto t = [lang](std::string_view en, std::string_view ko) { return Text{en, ko}.pick(lang); };
        desc.add_options()
            ("rubric", po::value(&options->rubric)->required()->value_name("FILE"), t("the rubric the ratings follow", "평가값이 따르는 평가 기준").c_str())
            ("out", po::value(&options->out)->required()->value_name("DIR"),
             t("the folder to write one company file per firm into", "기업마다 파일 하나를 쓸 폴더").c_str())
            ("force", po::bool_switch(&options->force),
             t("replace the files of an existing folder", "이미 있는 폴더의 파일을 바꿈").c_str());
        hidden.add_options()("csv", po::value(&options->csv), "");
        positional.add("csv", 1);
        return [options](Context& ctx) { return run_import(*options, ctx); };
      }};
}

}  // namespace ecoscore::cli
