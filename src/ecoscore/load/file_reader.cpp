#include "ecoscore/load/file_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "ecoscore/core/text.hpp"

namespace ecoscore::load {
namespace {

using core::Msg;

void report(core::Diagnostics& out, const std::string& path, int line, int column, Msg msg,
            std::vector<std::string> args = {}) {
  out.push_back(core::make_error({path, line, column}, msg, std::move(args)));
}

std::string file_type_name(mode_t mode) {
  if (S_ISDIR(mode)) return "directory";
  if (S_ISFIFO(mode)) return "FIFO";
  if (S_ISCHR(mode)) return "character device";
  if (S_ISBLK(mode)) return "block device";
  if (S_ISSOCK(mode)) return "socket";
  return "special file";
}

std::string_view utf8_problem_name(core::Utf8Problem p) {
  switch (p) {
    case core::Utf8Problem::unexpected_continuation: return "a continuation byte without a lead byte";
    case core::Utf8Problem::invalid_byte: return "a byte that never occurs in UTF-8";
    case core::Utf8Problem::truncated: return "a truncated multi-byte sequence";
    case core::Utf8Problem::overlong: return "an overlong encoding";
    case core::Utf8Problem::surrogate: return "an encoded UTF-16 surrogate";
    case core::Utf8Problem::too_large: return "a code point above U+10FFFF";
    case core::Utf8Problem::none: break;
  }
  return "";
}

// Closes a file descriptor on scope exit.
struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

bool check_text(std::string_view bytes, const std::string& path, bool yaml,
                core::Diagnostics& out) {
  const auto starts_with = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
  using namespace std::string_view_literals;
  if (starts_with("\x00\x00\xFE\xFF"sv) || starts_with("\xFF\xFE\x00\x00"sv)) {
    report(out, path, 1, 1, Msg::wrong_encoding, {"UTF-32"});
    return false;
  }
  if (starts_with("\xFE\xFF"sv) || starts_with("\xFF\xFE"sv)) {
    report(out, path, 1, 1, Msg::wrong_encoding, {"UTF-16"});
    return false;
  }
  std::size_t i = starts_with("\xEF\xBB\xBF"sv) ? 3 : 0;
  int line = 1;
  int column = 1;
  bool in_indent = true;     // only spaces and tabs seen so far on this line
  bool tab_in_indent = false;
  int tab_column = 0;
  while (i < bytes.size()) {
    // Past a line's indentation, eight bytes of printable ASCII at a time
    // (no byte below 0x20, none above 0x7E): nothing to check but to count them.
    if (!in_indent && i + 8 <= bytes.size()) {
      std::uint64_t w;
      std::memcpy(&w, bytes.data() + i, 8);
      // (A byte above 0x7E has its top bit set, or gets it when 1 is added.)
      const std::uint64_t above_tilde = ((w + core::kEveryByte) | w) & (core::kEveryByte * 0x80);
      if ((core::bytes_below(w, 0x20) | above_tilde) == 0) {
        column += 8;
        i += 8;
        continue;
      }
    }
    const auto byte = static_cast<unsigned char>(bytes[i]);
    if (byte >= 0x20 && byte < 0x7F) {
      // Printable ASCII, most of any file: none of the checks below apply
      // but the indentation one.
      if (in_indent && byte != ' ') {
        in_indent = false;
        if (yaml && tab_in_indent && byte != '#') {
          report(out, path, line, tab_column, Msg::tab_indent);
          return false;
        }
      }
      ++column;
      ++i;
      continue;
    }
    const core::Utf8Step step = core::decode_utf8(bytes, i);
    if (step.problem != core::Utf8Problem::none) {
      report(out, path, line, column, Msg::invalid_utf8, {std::string(utf8_problem_name(step.problem))});
      return false;
    }
    const char32_t cp = step.code_point;
    if (cp == '\r') {
      if (i + 1 >= bytes.size() || bytes[i + 1] != '\n') {
        report(out, path, line, column, Msg::lone_cr);
        return false;
      }
    } else if (cp == '\n') {
      ++line;
      column = 1;
      in_indent = true;
      tab_in_indent = false;
      i += 1;
      continue;
    } else if (cp == 0xFEFF) {
      report(out, path, line, column, Msg::bom_inside);
      return false;
    } else if (core::is_disallowed_control(cp)) {
      report(out, path, line, column, Msg::control_character, {core::code_point_name(cp)});
      return false;
    } else if (core::is_bidi_control(cp)) {
      report(out, path, line, column, Msg::bidi_control, {core::code_point_name(cp)});
      return false;
    }
    if (in_indent) {
      if (cp == '\t') {
        if (!tab_in_indent) tab_column = column;
        tab_in_indent = true;
      } else if (cp != ' ' && cp != '\r') {
        in_indent = false;
        // A tab before a comment is harmless; before content it is not YAML.
        if (yaml && tab_in_indent && cp != '#') {
          report(out, path, line, tab_column, Msg::tab_indent);
          return false;
        }
      }
    }
    ++column;
    i += step.length;
  }
  return true;
}

std::string resolve(const std::string& root, const std::string& path) {
  if (root.empty() || path == kStdin || (!path.empty() && path.front() == '/')) return path;
  return root + "/" + path;
}

std::optional<std::string> read_text_file(const std::string& path, const Limits& limits,
                                          bool yaml, core::Diagnostics& out) {
  return read_text_file(path, path, limits, yaml, out);
}

namespace {

// Standard input, read to its end but never past the size limit.
std::optional<std::string> read_stdin(const std::string& path, const Limits& limits, core::Diagnostics& out) {
  std::string bytes;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      report(out, path, 0, 0, Msg::file_unreadable, {std::strerror(errno)});
      return std::nullopt;
    }
    if (n == 0) return bytes;
    bytes.append(buffer, static_cast<std::size_t>(n));
    if (bytes.size() > limits.max_file_bytes) {
      report(out, path, 0, 0, Msg::file_too_large, {std::to_string(limits.max_file_bytes)});
      return std::nullopt;
    }
  }
}

}  // namespace

std::optional<std::string> read_text_file(const std::string& io_path, const std::string& path,
                                          const Limits& limits, bool yaml, core::Diagnostics& out,
                                          const ReadHook* seen) {
  std::string bytes;
  if (!read_text_file(bytes, io_path, path, limits, yaml, out, seen)) return std::nullopt;
  return bytes;
}

bool read_text_file(std::string& bytes, const std::string& io_path, const std::string& path, const Limits& limits,
                    bool yaml, core::Diagnostics& out, const ReadHook* seen) {
  if (io_path == kStdin) {
    auto text = read_stdin(path, limits, out);
    if (!text) return false;
    bytes = std::move(*text);
    if (seen && *seen) (*seen)(path, bytes);
    if (!check_text(bytes, path, yaml, out)) return false;
    if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);
    return true;
  }
  const int fd = ::open(io_path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT || err == ENOTDIR)
      report(out, path, 0, 0, Msg::file_missing);
    else
      report(out, path, 0, 0, Msg::file_unreadable, {std::strerror(err)});
    return false;
  }
  FdCloser closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    report(out, path, 0, 0, Msg::file_unreadable, {std::strerror(errno)});
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    report(out, path, 0, 0, Msg::not_regular_file, {file_type_name(st.st_mode)});
    return false;
  }
  if (static_cast<std::uint64_t>(st.st_size) > limits.max_file_bytes) {
    report(out, path, 0, 0, Msg::file_too_large, {std::to_string(limits.max_file_bytes)});
    return false;
  }
  // Read at most one byte past the limit, in case the file grows meanwhile.
  // A regular file's read comes back short only at its end: once it has
  // given at least the size fstat told, a short read is the end, with no
  // further call to find it (one system call a file of a cohort). (A file
  // that tells no size, as those of /proc, is read until a read gives none.)
  bytes.clear();
  bytes.resize(static_cast<std::size_t>(st.st_size) + 1);
  std::size_t filled = 0;
  while (filled < bytes.size() && filled <= limits.max_file_bytes) {
    const std::size_t asked = bytes.size() - filled;
    const ssize_t n = ::read(fd, bytes.data() + filled, asked);
    if (n < 0) {
      if (errno == EINTR) continue;
      report(out, path, 0, 0, Msg::file_unreadable, {std::strerror(errno)});
      return false;
    }
    if (n == 0) break;
    filled += static_cast<std::size_t>(n);
    if (st.st_size > 0 && static_cast<std::size_t>(n) < asked && filled >= static_cast<std::size_t>(st.st_size))
      break;
    if (filled == bytes.size() && filled <= limits.max_file_bytes) bytes.resize(bytes.size() * 2);
  }
  bytes.resize(filled);
  if (bytes.size() > limits.max_file_bytes) {
    report(out, path, 0, 0, Msg::file_too_large, {std::to_string(limits.max_file_bytes)});
    return false;
  }
  if (seen && *seen) (*seen)(path, bytes);
  if (bytes.empty()) {
    report(out, path, 0, 0, Msg::file_empty);
    return false;
  }
  if (!check_text(bytes, path, yaml, out)) return false;
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
  return true;
}

}  // namespace ecoscore::load
