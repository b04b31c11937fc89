// libFuzzer target: any bytes as a company file, checked against the mini
// rubric (every scale kind). A company that validates is scored and written
// as JSON, CSV, Markdown and HTML: a valid file must never break a writer.
#include <cmath>

#include "ecoscore/load/documents.hpp"
#include "ecoscore/load/workspace.hpp"
#include "ecoscore/report/writers.hpp"
#include "ecoscore/score/score.hpp"
#include "fuzz_common.hpp"

namespace {

const ecoscore::model::Rubric& rubric() {
  static const ecoscore::model::Rubric r = ecoscore::load::load_rubric_file(ECOSCORE_FUZZ_RUBRIC, {});
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ecoscore;
  core::Diagnostics out;
  if (auto root = fuzz::parse(data, size, out)) {
    load::Reader reader("fuzz.yaml", out);
    if (load::kind_of(*root) == load::FileKind::company) {
      model::Company company = load::read_company(*root, reader);
      if (!core::has_errors(out)) load::check_company(company, rubric(), out);
      if (!core::has_errors(out)) {
        std::vector<model::Company> companies{std::move(company)};
        const score::Run run = score::score_run(rubric(), companies, {}, {});
        for (const auto& c : run.companies)
          if (c.total && (!std::isfinite(*c.total) || *c.total < 0 || *c.total > 100)) __builtin_trap();
        report::RunInfo info;
        std::ostringstream sink;
        report::write_scores_json(sink, run, info);
        report::write_scores_csv(sink, run, info);
        report::write_report_markdown(sink, run, info);
        report::write_report_html(sink, run, info);
      }
    }
  }
  fuzz::render_all(out);
  return 0;
}
