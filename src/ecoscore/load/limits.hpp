#pragma once

#include <cstddef>

namespace ecoscore::load {

// Limits enforced before and while parsing untrusted files.
struct Limits {
  std::size_t max_file_bytes = 4U * 1024U * 1024U;
  int max_depth = 64;
  std::size_t max_nodes = 1'000'000;
};

}  // namespace ecoscore::load
