#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace ecoscore::core {

namespace interned {
// The process's texts, by number, in chunks that never move. A chunk is
// made, under the pool's lock, before any number in it is handed out, and a
// number reaches another thread only through something that orders the two
// (the lock, or whatever hands the data over), so reading needs no lock.
constexpr unsigned kChunkBits = 12;
constexpr std::uint32_t kChunkSize = std::uint32_t{1} << kChunkBits;
constexpr std::size_t kChunks = std::size_t{1} << 16;  // room for 268 million texts
extern const std::string* chunks[kChunks];
// The text numbered `number` (not 0).
inline const std::string& text(std::uint32_t number) { return chunks[number >> kChunkBits][number & (kChunkSize - 1)]; }
}  // namespace interned

// A text kept once for the life of the process, held by its number (four
// bytes): a file's path, shared by all the locations in that file (a large
// cohort holds millions of locations but only as many paths as files), or a
// name a whole cohort repeats (a dimension's id, a grade, a rubric version, a
// period), which each firm would otherwise hold a copy of. A process keeps as
// many texts as its inputs hold distinct paths and names, so a copy is a
// number, with no count to keep: threads that make locations in the same file
// do not contend for one. Not for texts every firm has its own of (ids, names).
class Interned {
 public:
  Interned() = default;
  Interned(std::string_view text)  // NOLINT(google-explicit-constructor): a text is a text
      : number_(text.empty() ? 0 : intern(text)) {}
  Interned(const std::string& text) : Interned(std::string_view(text)) {}  // NOLINT(google-explicit-constructor)
  Interned(const char* text) : Interned(std::string_view(text)) {}  // NOLINT(google-explicit-constructor)

  const std::string& str() const {
    static const std::string kNone;
    return number_ ? interned::text(number_) : kNone;
  }
  operator const std::string&() const { return str(); }  // NOLINT(google-explicit-constructor)
  operator std::string_view() const { return str(); }  // NOLINT(google-explicit-constructor)
  bool empty() const { return number_ == 0; }

  // (One copy of each text, so the same text is the same number.)
  friend bool operator==(const Interned& a, const Interned& b) { return a.number_ == b.number_; }
  friend std::strong_ordering operator<=>(const Interned& a, const Interned& b) {
    return a.number_ == b.number_ ? std::strong_ordering::equal : a.str().compare(b.str()) <=> 0;
  }
  // Against a text not kept (nothing is kept to compare).
  friend bool operator==(const Interned& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const Interned& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const Interned& a, const char* b) { return a.str() == b; }
  friend std::ostream& operator<<(std::ostream& out, const Interned& text);

 private:
  // The number of the process's one copy of `text` (never 0, which is the
  // empty text); safe to call from several threads.
  static std::uint32_t intern(std::string_view text);
  std::uint32_t number_ = 0;
};

// A file's path (see Interned).
using PathRef = Interned;

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
