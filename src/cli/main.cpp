#include <iostream>
#include <string>
#include <vector>

#include "cli/app.hpp"

int main(int argc, char** argv) {
  return ecoscore::cli::run(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
