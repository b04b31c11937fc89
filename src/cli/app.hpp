#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace ecoscore::cli {

// Runs the command line `ecoscore ARGS...` (without the program name),
// writing data to `out` and messages to `err`; returns the exit code.
// Never exits the process, so tests call it in-process.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ecoscore::cli
