#include "ecoscore/core/temp_file.hpp"

#include <stdlib.h>

#include <cstdlib>

#include "ecoscore/core/error.hpp"

namespace ecoscore::core {

TempFile make_temp_file(const std::string& prefix) {
  const char* base = std::getenv("TMPDIR");
  TempFile file{-1, std::string(base && *base ? base : "/tmp") + "/" + prefix + "-XXXXXX"};
  file.fd = ::mkstemp(file.path.data());
  if (file.fd < 0)
    throw IoError({make_error({file.path, 0, 0}, Msg::output_failed, {"no temporary file"})});
  return file;
}

}  // namespace ecoscore::core
