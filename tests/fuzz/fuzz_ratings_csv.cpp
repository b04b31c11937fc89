// libFuzzer target: any bytes as a ratings CSV for the mini rubric. Import
// must report, never crash or hang; a CSV it accepts must give company files
// that read back and validate.
#include <sstream>

#include "ecoscore/load/csv.hpp"
#include "ecoscore/load/documents.hpp"
#include "ecoscore/load/ratings_csv.hpp"
#include "ecoscore/load/workspace.hpp"
#include "ecoscore/report/writers.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ecoscore;
  static const model::Rubric rubric = load::load_rubric_file(ECOSCORE_FUZZ_RUBRIC, {});
  if (size > fuzz::kLimits.max_file_bytes) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  core::Diagnostics out;
  if (!load::check_text(bytes, "fuzz.csv", false, out)) return 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (auto table = load::parse_csv(bytes, "fuzz.csv", out)) {
    const auto companies = load::read_ratings_csv(*table, "fuzz.csv", rubric, out);
    for (const auto& c : companies) load::check_company(c, rubric, out);
    if (!core::has_errors(out)) {
      for (const auto& c : companies) {
        std::ostringstream text;
        report::write_company_yaml(text, c, "fuzz");
        core::Diagnostics again;
        auto root = load::parse_yaml(text.str(), "back.yaml", fuzz::kLimits, again);
        if (!root) __builtin_trap();
        load::Reader reader("back.yaml", again);
        const model::Company back = load::read_company(*root, reader);
        if (!core::has_errors(again)) load::check_company(back, rubric, again);
        if (core::has_errors(again)) __builtin_trap();  // what import writes must validate
      }
    }
  }
  fuzz::render_all(out);
  return 0;
}
