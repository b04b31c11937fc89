#pragma once

#include <array>
#include <cassert>
#include <cstring>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ecoscore/model/ahp.hpp"

namespace ecoscore::report {

// True for the bytes a JSON string must escape.
constexpr bool needs_json_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// A key written in the program's text, checked as it is compiled to need no
// escaping (a byte below 0x20, a quote or a backslash does not compile), so
// that writing it is a copy: scores.json writes hundreds of keys a firm. A
// key that is data, such as an id, goes through JsonWriter::key_text.
class JsonKey {
 public:
  template <std::size_t N>
  consteval JsonKey(const char (&name)[N]) : text_(name, N - 1) {  // NOLINT(google-explicit-constructor)
    for (const char c : text_)
      if (needs_json_escape(static_cast<unsigned char>(c))) throw "a key written in the code must need no escaping";
  }
  constexpr std::string_view text() const { return text_; }

 private:
  std::string_view text_;
};

// A piece's text and the room it was written in (JsonWriter::take()).
class JsonPiece {
 public:
  std::string_view text() const { return {buffer_.get(), used_}; }

 private:
  friend class JsonWriter;
  std::unique_ptr<char[]> buffer_;
  std::size_t capacity_ = 0;
  std::size_t used_ = 0;
};

// Writes JSON to a stream in the order it is told, two-space indented,
// through a buffer of its own (flushed every 256 KiB, by finish() and when it
// goes away): a cohort's scores.json is millions of small pieces.
// Numbers print at shortest round-trip (std::to_chars), so that the same
// double always gives the same bytes; non-finite numbers print as null.
// Misuse (a value where a key is due) is a programming error, checked by
// assertions in debug builds.
class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(&out) {}
  // A piece of a document, kept in memory (take()) and indented as if it
  // stood `depth` levels deep, to be placed there with raw(): so that the
  // pieces of a long array can be written on several threads. It is written
  // in `room`, an earlier piece whose text it drops, so that pieces written
  // one after another reuse one buffer.
  explicit JsonWriter(std::size_t depth, JsonPiece room = {})
      : base_depth_(depth), buffer_(std::move(room.buffer_)), capacity_(room.capacity_) {
    if (capacity_ < kPieceRoom) grow(kPieceRoom);
  }
  ~JsonWriter() { flush(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(JsonKey name);
  // A key that is data (an id), escaped as it needs.
  JsonWriter& key_text(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(double number);
  JsonWriter& value(int number);
  JsonWriter& value(long long number);
  JsonWriter& value(bool flag);
  JsonWriter& null();
  JsonWriter& value(const std::optional<double>& number) { return number ? value(*number) : null(); }
  // The same number `count` times in a row, inside an array (the zeros of a
  // long rank-acceptability row).
  JsonWriter& values(double number, std::size_t count);

  // key(name).value(v) in one call.
  template <typename T>
  JsonWriter& field(JsonKey name, const T& v) {
    key(name);
    return value(v);
  }

  // A value already written as JSON by a JsonWriter(depth()) piece.
  JsonWriter& raw(std::string_view json);
  // How deep the next value goes (for a piece written elsewhere).
  std::size_t depth() const { return base_depth_ + stack_.size(); }
  // A piece's text, with its buffer, which the writer gives up.
  JsonPiece take() {
    JsonPiece piece;
    piece.buffer_ = std::move(buffer_);
    piece.capacity_ = std::exchange(capacity_, 0);
    piece.used_ = std::exchange(used_, 0);
    return piece;
  }

  // Ends the document with a newline, and writes out the buffer.
  void finish();

 private:
  void before_value();
  void newline();
  void quote(std::string_view text);
  void value_text(double number);
  static std::string_view shortest_text(double number);
  template <typename Number>
  void number_text(Number number);
  void flush();
  void flush_if_full() {
    if (used_ >= kFlushAt) flush();
  }
  // Room for `n` more bytes, to be filled in: the buffer grows by doubling,
  // so that each piece costs one check and a copy.
  char* extend(std::size_t n) {
    if (used_ + n > capacity_) grow(n);
    char* at = buffer_.get() + used_;
    used_ += n;
    return at;
  }
  void grow(std::size_t n);
  void put(char c) { *extend(1) = c; }
  void put(std::string_view text);

  static constexpr std::size_t kFlushAt = 1 << 18;  // (a system call or two each: 2 GB of scores.json is 8 000)
  // A piece's first room: a firm of scores.json (about 20 KB) fits at once.
  static constexpr std::size_t kPieceRoom = 1 << 15;

  struct Level {
    bool array;
    bool empty = true;
  };
  std::ostream* out_ = nullptr;  // none for a piece
  std::size_t base_depth_ = 0;
  // Its first used_ bytes are written; the rest is room, never filled in
  // before it is written (a firm's piece grows to about 20 KB).
  std::unique_ptr<char[]> buffer_;
  std::size_t capacity_ = 0;
  std::size_t used_ = 0;
  std::vector<Level> stack_;
  bool after_key_ = false;
};

// The writer's most frequent steps, here so that they are inlined where a
// report writes its fields one after another.

namespace detail {

// Copies n bytes. Most of what the writer copies is a few bytes long (a
// key, an indent, an id, a number): up to 32 bytes are moved as two words
// that may overlap, which the compiler does in a couple of instructions
// where a call to memcpy would cost more than the copy.
inline void copy_short(char* to, const char* from, std::size_t n) {
  const auto two = [&]<std::size_t W>() {
    std::array<char, W> head;
    std::array<char, W> tail;
    std::memcpy(head.data(), from, W);
    std::memcpy(tail.data(), from + n - W, W);
    std::memcpy(to, head.data(), W);
    std::memcpy(to + n - W, tail.data(), W);
  };
  if (n >= 16) {
    if (n <= 32) two.template operator()<16>(); else std::memcpy(to, from, n);
  } else if (n >= 8) {
    two.template operator()<8>();
  } else if (n >= 4) {
    two.template operator()<4>();
  } else {
    for (std::size_t i = 0; i < n; ++i) to[i] = from[i];
  }
}

// Writes an indent of n spaces (copied: most are short).
inline void fill_indent(char* to, std::size_t n) {
  static constexpr auto kSpaces = [] {
    std::array<char, 32> spaces{};
    spaces.fill(' ');
    return spaces;
  }();
  if (n <= kSpaces.size()) copy_short(to, kSpaces.data(), n); else std::memset(to, ' ', n);
}

}  // namespace detail

inline void JsonWriter::newline() {
  const std::size_t indent = 2 * depth();
  char* at = extend(1 + indent);
  at[0] = '\n';
  detail::fill_indent(at + 1, indent);
}

inline void JsonWriter::before_value() {
  flush_if_full();
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  assert(stack_.back().array && "a value inside an object needs a key");
  if (!stack_.back().empty) put(',');
  stack_.back().empty = false;
  newline();
}

inline JsonWriter& JsonWriter::key(JsonKey name) {
  assert(!stack_.empty() && !stack_.back().array && !after_key_);
  const bool comma = !stack_.back().empty;
  stack_.back().empty = false;
  after_key_ = true;
  // The comma, the new line and indent, the quoted key and the colon in one piece.
  const std::string_view text = name.text();
  const std::size_t indent = 2 * depth();
  char* at = extend((comma ? 1 : 0) + 1 + indent + text.size() + 4);
  if (comma) *at++ = ',';
  *at++ = '\n';
  detail::fill_indent(at, indent);
  at += indent;
  *at++ = '"';
  detail::copy_short(at, text.data(), text.size());
  at += text.size();
  std::memcpy(at, "\": ", 3);
  return *this;
}

inline JsonWriter& JsonWriter::begin_object() {
  before_value();
  put('{');
  stack_.push_back({false});
  return *this;
}

inline JsonWriter& JsonWriter::begin_array() {
  before_value();
  put('[');
  stack_.push_back({true});
  return *this;
}

inline JsonWriter& JsonWriter::end_object() {
  assert(!stack_.empty() && !stack_.back().array);
  const bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) newline();
  put('}');
  return *this;
}

inline JsonWriter& JsonWriter::end_array() {
  assert(!stack_.empty() && stack_.back().array);
  const bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) newline();
  put(']');
  return *this;
}

inline void JsonWriter::put(std::string_view text) {
  if (!text.empty()) std::memcpy(extend(text.size()), text.data(), text.size());
}

inline JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  put(flag ? "true" : "false");
  return *this;
}

inline JsonWriter& JsonWriter::null() {
  before_value();
  put("null");
  return *this;
}

// The fields of a pairwise comparison, inside an object being written.
void write_ahp_fields(JsonWriter& j, const model::Ahp& ahp);

// `text` as a JSON string literal, quotes included.
std::string json_quote(std::string_view text);

}  // namespace ecoscore::report
