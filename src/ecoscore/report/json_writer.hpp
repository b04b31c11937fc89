#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "ecoscore/model/ahp.hpp"

namespace ecoscore::report {

// Writes JSON to a stream in the order it is told, two-space indented,
// through a buffer of its own (flushed every 64 KiB, by finish() and when it
// goes away): a cohort's scores.json is millions of small pieces.
// Numbers print at shortest round-trip (std::to_chars), so that the same
// double always gives the same bytes; non-finite numbers print as null.
// Misuse (a value where a key is due) is a programming error, checked by
// assertions in debug builds.
class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  ~JsonWriter() { flush(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);

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
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

  // Ends the document with a newline, and writes out the buffer.
  void finish();

 private:
  void before_value();
  void newline();
  void quote(std::string_view text);
  void value_text(double number);
  void flush();
  void flush_if_full() {
    if (buffer_.size() >= kFlushAt) flush();
  }

  static constexpr std::size_t kFlushAt = 1 << 16;

  struct Level {
    bool array;
    bool empty = true;
  };
  std::ostream& out_;
  std::string buffer_;
  std::vector<Level> stack_;
  bool after_key_ = false;
};

// The fields of a pairwise comparison, inside an object being written.
void write_ahp_fields(JsonWriter& j, const model::Ahp& ahp);

// `text` as a JSON string literal, quotes included.
std::string json_quote(std::string_view text);

}  // namespace ecoscore::report
