#pragma once

#include <string>
#include <vector>

namespace ecoscore::audit {

// One output file, rendered in full before anything is written.
struct OutputFile {
  std::string name;     // a plain file name inside the folder
  std::string content;
};

// Writes the files into `folder` so that a reader never sees a partial file:
// each is written to a temporary file in the folder, flushed and synced, then
// renamed into place, and the folder is synced. The folder is created when
// missing; a folder that already holds files is refused (core::OutputError,
// exit 73) unless `force`. On any failure the temporary files are removed and
// core::OutputError or core::IoError is thrown.
void publish(const std::string& folder, const std::vector<OutputFile>& files, bool force);

}  // namespace ecoscore::audit
