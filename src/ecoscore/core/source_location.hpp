#pragma once

#include <compare>
#include <memory>
#include <string>

namespace ecoscore::core {

// A file's path, shared by all the locations in that file: a large cohort
// holds millions of locations but only as many paths as files, so a copy
// shares the text instead of allocating it again.
class PathRef {
 public:
  PathRef() = default;
  PathRef(std::string path)  // NOLINT(google-explicit-constructor): a path is a path
      : text_(path.empty() ? nullptr : std::make_shared<const std::string>(std::move(path))) {}
  PathRef(const char* path) : PathRef(std::string(path)) {}  // NOLINT(google-explicit-constructor)

  const std::string& str() const {
    static const std::string kNone;
    return text_ ? *text_ : kNone;
  }
  operator const std::string&() const { return str(); }  // NOLINT(google-explicit-constructor)
  bool empty() const { return !text_; }

  friend bool operator==(const PathRef& a, const PathRef& b) { return a.str() == b.str(); }
  friend std::strong_ordering operator<=>(const PathRef& a, const PathRef& b) { return a.str().compare(b.str()) <=> 0; }

 private:
  std::shared_ptr<const std::string> text_;
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
