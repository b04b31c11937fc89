// Loads a rubric and scores a folder of companies through the installed
// library, then prints the ranking's first line: what another program would do.
#include <iostream>

#include "ecoscore/core/error.hpp"
#include "ecoscore/core/version.hpp"
#include "ecoscore/load/workspace.hpp"
#include "ecoscore/score/score.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: consumer RUBRIC COMPANIES\n";
    return 2;
  }
  try {
    ecoscore::load::LoadOptions options;
    options.rubric_file = argv[1];
    options.rubric_dirs = {};
    const auto ws = ecoscore::load::load_workspace({argv[2]}, options);
    const auto run = ecoscore::score::score_run(*ws.rubric_given(), ws.companies, ws.pairs, {});
    for (const auto& c : run.companies)
      if (c.rank == 1) std::cout << "ecoscore " << ecoscore::core::kVersion << ": first " << c.company->id << '\n';
    return 0;
  } catch (const ecoscore::core::Error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
}
