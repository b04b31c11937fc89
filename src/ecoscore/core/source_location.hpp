#pragma once

#include <compare>
#include <string>
#include <string_view>

namespace ecoscore::core {

// A file's path, shared by all the locations in that file: a large cohort
// holds millions of locations but only as many paths as files. Paths are
// kept once each for the life of the process (a process reads as many
// paths as it has inputs), so a copy is a pointer, with no count to keep:
// threads that make locations in the same file do not contend for one.
class PathRef {
 public:
  PathRef() = default;
  PathRef(std::string_view path)  // NOLINT(google-explicit-constructor): a path is a path
      : text_(path.empty() ? nullptr : intern(path)) {}
  PathRef(const std::string& path) : PathRef(std::string_view(path)) {}  // NOLINT(google-explicit-constructor)
  PathRef(const char* path) : PathRef(std::string_view(path)) {}  // NOLINT(google-explicit-constructor)

  const std::string& str() const {
    static const std::string kNone;
    return text_ ? *text_ : kNone;
  }
  operator const std::string&() const { return str(); }  // NOLINT(google-explicit-constructor)
  bool empty() const { return !text_; }

  // (One text per path, so the same path is the same pointer.)
  friend bool operator==(const PathRef& a, const PathRef& b) { return a.text_ == b.text_; }
  friend std::strong_ordering operator<=>(const PathRef& a, const PathRef& b) {
    return a.text_ == b.text_ ? std::strong_ordering::equal : a.str().compare(b.str()) <=> 0;
  }

 private:
  // The process's one copy of `path`; safe to call from several threads.
  static const std::string* intern(std::string_view path);
  const std::string* text_ = nullptr;
};

// A place in an input file. Lines and columns are 1-based; columns count
// Unicode code points, as editors show them. line == 0 means "the whole file".
struct SourceLocation {
  PathRef path;
  int line = 0;
  int column = 0;

  bool has_position() const { return line > 0; }
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

}  // namespace ecoscore::core
