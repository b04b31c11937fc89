#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "ecoscore/core/diagnostic.hpp"
#include "ecoscore/load/limits.hpp"

namespace ecoscore::load {

// An input path that means standard input ("-"), read to its end (a pipe is
// fine there) but never past the size limit.
inline constexpr std::string_view kStdin = "-";

// Sees the exact bytes of each input file read (a byte order mark
// included), named as in diagnostics, on the thread that read it (several
// may call at once): e.g. to fingerprint the inputs without reading twice.
using ReadHook = std::function<void(const std::string& path, std::string_view bytes)>;

// Reads a text input file after checking that it is safe to parse:
// - a regular file (a FIFO, device or directory is refused without blocking);
// - not larger than limits.max_file_bytes (checked before reading);
// - strict UTF-8, at most one byte order mark and only at the start (it is
//   removed from the returned text), no UTF-16/32;
// - no control characters other than tab, LF and CRLF, no bidi controls;
// - when `yaml` is set, no tab in the indentation of a line.
// On failure appends one diagnostic (the first problem) and returns nullopt.
std::optional<std::string> read_text_file(const std::string& path, const Limits& limits,
                                          bool yaml, core::Diagnostics& out);
// The same, reading `io_path` while naming the file `path` in diagnostics,
// and showing the bytes read to `seen` (when given) before any check.
std::optional<std::string> read_text_file(const std::string& io_path, const std::string& path,
                                          const Limits& limits, bool yaml, core::Diagnostics& out,
                                          const ReadHook* seen = nullptr);
// The same, into `bytes` (whose room is reused; its text is replaced):
// false on failure, with `bytes` then left holding whatever was read.
bool read_text_file(std::string& bytes, const std::string& io_path, const std::string& path, const Limits& limits,
                    bool yaml, core::Diagnostics& out, const ReadHook* seen = nullptr);

// Where to find `path` on disk: below `root` when the path is relative and a
// root is given, else the path itself.
std::string resolve(const std::string& root, const std::string& path);

// The byte checks alone, for text already in memory.
bool check_text(std::string_view bytes, const std::string& path, bool yaml,
                core::Diagnostics& out);

}  // namespace ecoscore::load
