#pragma once

#include <string>
#include <vector>

namespace ecoscore::audit {

// One output file, rendered in full before anything is written.
struct OutputFile {
  std::string name;     // a plain file name inside the folder
  std::string content;
};

// Writes the files into `folder`, in the order given, so that a reader never
// sees a partial file: each is written to a temporary file in the folder,
// flushed and synced; only when all are on disk is each renamed into place
// (in order: put the manifest last), then the folder is synced.
// The folder is created when missing. A folder that already holds files is
// refused (core::OutputError, exit 73) unless `force`; without `force` no
// rename replaces a file (renameat2 RENAME_NOREPLACE, or link + unlink). With
// `force`, an old manifest.json is removed before anything is replaced, so a
// folder caught half-way never claims to be a complete run.
// On any failure the temporary files are removed and core::OutputError or
// core::IoError is thrown.
void publish(const std::string& folder, const std::vector<OutputFile>& files, bool force);

}  // namespace ecoscore::audit
