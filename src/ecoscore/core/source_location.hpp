#pragma once

#include <string>

namespace ecoscore::core {

// A place in an input file. Lines and columns are 1-based; columns count
// Unicode code points, as editors show them. line == 0 means "the whole file".
struct SourceLocation {
  std::string path;
  int line = 0;
  int column = 0;

  bool has_position() const { return line > 0; }
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

}  // namespace ecoscore::core
