// libFuzzer target: any bytes as a rubric file. The loader must report, never
// crash, hang or leak; a rubric it accepts must be usable: its weights, its
// text and JSON views, and a pairwise comparison's result.
#include <cmath>

#include "ecoscore/load/documents.hpp"
#include "ecoscore/report/writers.hpp"
#include "ecoscore/score/score.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ecoscore;
  core::Diagnostics out;
  if (auto root = fuzz::parse(data, size, out)) {
    load::Reader reader("fuzz.yaml", out);
    if (load::kind_of(*root) == load::FileKind::ahp) {
      if (auto ahp = load::read_ahp_file(*root, reader))
        for (double w : ahp->result.weights)
          if (!std::isfinite(w) || w < 0) __builtin_trap();
    } else if (auto rubric = load::read_rubric(*root, reader)) {
      const score::RubricWeights weights = score::rubric_weights(*rubric);
      for (const auto& d : weights.dimensions)
        if (!std::isfinite(d.weight)) __builtin_trap();
      std::ostringstream sink;
      report::write_rubric_text(sink, *rubric, core::Lang::ko);
      report::write_rubric_json(sink, *rubric);
    }
  }
  fuzz::render_all(out);
  return 0;
}
