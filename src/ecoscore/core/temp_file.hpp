#pragma once

#include <string>

namespace ecoscore::core {

// A new temporary file in $TMPDIR (else /tmp), named `prefix`-XXXXXX, open
// for reading and writing. Throws core::IoError when none can be made.
struct TempFile {
  int fd = -1;
  std::string path;
};
TempFile make_temp_file(const std::string& prefix);

}  // namespace ecoscore::core
