// ecoscore diff RUN_A RUN_B: what changed between two runs: totals, grades,
// ranks, firms added or removed, grade transitions.

#include "cli/common.hpp"
#include "ecoscore/audit/compare.hpp"
#include "ecoscore/core/error.hpp"

namespace ecoscore::cli {
namespace {


int run_diff(const std::vector<std::string>& runs, Context& ctx) {
  if (runs.size() != 2) throw_usage("diff needs two runs: RUN_A RUN_B");
  const auto a = audit::read_run(runs[0], ctx.lang);
  const auto b = audit::read_run(runs[1], ctx.lang);
  const auto comparison = audit::compare_runs(a, b);
  audit::write_comparison(ctx.out, comparison, a, b, ctx.lang);
  if (!comparison.differs()) {
    ctx.out << core::format_message(core::Msg::runs_identical, ctx.lang, {}) << '\n';
    return 0;
  }
  ctx.out << core::format_message(core::Msg::runs_differ, ctx.lang, {std::to_string(comparison.changes.size())}) << '\n';
  return core::to_int(core::ExitCode::differences);
}

}  // namespace

Command diff_command() {
  return Command{
      "diff",
      {"compare two runs: scores, grades and ranks that changed", "두 실행을 비교: 바뀐 점수, 등급, 순위"},
      "[OPTIONS] RUN_A RUN_B",
      [](po::options_description&, po::options_description& hidden, po::positional_options_description& positional,
         core::Lang) {
        auto runs = std::make_shared<std::vector<std::string>>();
        hidden.add_options()("run", po::value(runs.get())->required(), "");
        positional.add("run", -1);
        return [runs](Context& ctx) { return run_diff(*runs, ctx); };
      }};
}

}  // namespace ecoscore::cli
