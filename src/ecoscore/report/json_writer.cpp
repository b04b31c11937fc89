#include "ecoscore/report/json_writer.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#include "ecoscore/core/text.hpp"

namespace ecoscore::report {

namespace {

// True when no byte of `text` needs escaping: eight bytes at a time. The
// test below is nonzero exactly when some byte of the word is below 0x20, or
// is a quote, or a backslash (a byte of 0x80 and above, as in UTF-8, never
// counts), so that nothing to escape is missed. A text of eight bytes or
// more ends with the word of its last eight bytes, which may overlap the one
// before; a shorter one (an id) is looked at byte by byte.
bool plain(std::string_view text) {
  const std::size_t n = text.size();
  if (n < 8) return std::none_of(text.begin(), text.end(), [](char c) { return needs_json_escape(static_cast<unsigned char>(c)); });
  const auto escapes = [](std::uint64_t w) {
    return (core::bytes_below(w, 0x20) | core::bytes_equal(w, '"') | core::bytes_equal(w, '\\')) != 0;
  };
  std::uint64_t w;
  for (std::size_t i = 0; i + 8 <= n; i += 8) {
    std::memcpy(&w, text.data() + i, 8);
    if (escapes(w)) return false;
  }
  std::memcpy(&w, text.data() + n - 8, 8);
  return !escapes(w);
}

// Appends `text` as a JSON string literal through `put(std::string_view)`:
// runs of plain bytes at once.
template <typename Put>
void append_quoted(std::string_view text, Put put) {
  put("\"");
  std::size_t plain = 0;  // start of the run not yet appended
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!needs_json_escape(c)) continue;
    put(text.substr(plain, i - plain));
    plain = i + 1;
    switch (c) {
      case '"': put("\\\""); break;
      case '\\': put("\\\\"); break;
      case '\n': put("\\n"); break;
      case '\r': put("\\r"); break;
      case '\t': put("\\t"); break;
      case '\b': put("\\b"); break;
      case '\f': put("\\f"); break;
      default: put(fmt::format("\\u{:04x}", static_cast<unsigned>(c)));
    }
  }
  put(text.substr(plain));
  put("\"");
}

}  // namespace

std::string json_quote(std::string_view text) {
  std::string out;
  append_quoted(text, [&](std::string_view piece) { out += piece; });
  return out;
}

void JsonWriter::grow(std::size_t n) {
  const std::size_t capacity = std::max(2 * capacity_, used_ + n + 4096);
  auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
  if (used_ > 0) std::memcpy(bigger.get(), buffer_.get(), used_);
  buffer_ = std::move(bigger);
  capacity_ = capacity;
}

void JsonWriter::flush() {
  if (used_ == 0 || !out_) return;
  out_->write(buffer_.get(), static_cast<std::streamsize>(used_));
  used_ = 0;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  // Pieces (a firm of scores.json is about 20 KB) gather in the buffer while
  // it has room, so that a few go out in one write; one as long as half the
  // buffer goes straight out after what is buffered.
  if (out_ && used_ + json.size() > kFlushAt) {
    flush();
    if (json.size() >= kFlushAt / 2) {
      out_->write(json.data(), static_cast<std::streamsize>(json.size()));
      return *this;
    }
  }
  put(json);
  return *this;
}

void JsonWriter::quote(std::string_view text) {
  // Most text has nothing to escape: quotes and text in one piece.
  if (plain(text)) {
    char* at = extend(text.size() + 2);
    at[0] = '"';
    detail::copy_short(at + 1, text.data(), text.size());
    at[text.size() + 1] = '"';
    return;
  }
  append_quoted(text, [this](std::string_view piece) { put(piece); });
}

JsonWriter& JsonWriter::key_text(std::string_view name) {
  assert(!stack_.empty() && !stack_.back().array && !after_key_);
  if (!stack_.back().empty) put(',');
  stack_.back().empty = false;
  after_key_ = true;
  newline();
  quote(name);
  put(": ");
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  quote(text);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  before_value();
  value_text(number);
  return *this;
}

template <typename Number>
void JsonWriter::number_text(Number number) {
  std::array<char, 32> text;
  const auto [end, ec] = std::to_chars(text.data(), text.data() + text.size(), number);
  put(std::string_view(text.data(), ec == std::errc() ? static_cast<std::size_t>(end - text.data()) : 0));
}

void JsonWriter::value_text(double number) {
  if (!std::isfinite(number))
    put("null");
  else if (number == 0)
    put('0');  // also for -0
  else if (std::fabs(number) < 10000 && number == std::trunc(number))
    number_text(static_cast<int>(number));  // what to_chars gives a whole number this small, found faster
  else
    put(shortest_text(number));
}

std::string_view JsonWriter::shortest_text(double number) {
  // A cohort's report prints the same weights, normalized values and
  // contributions for firm after firm: each thread keeps the texts of the
  // numbers it printed last in a small table, found by the number's bits.
  // (What is kept is what std::to_chars gives, so the bytes are the same.)
  struct Entry {
    std::uint64_t bits = 0;
    std::uint8_t size = 0;  // 0: empty (no number prints as nothing)
    std::array<char, 31> text;
  };
  thread_local std::array<Entry, 1024> table;
  const auto bits = std::bit_cast<std::uint64_t>(number);
  Entry& entry = table[(bits * 0x9E3779B97F4A7C15ULL) >> 54];
  if (entry.size == 0 || entry.bits != bits) {
    const auto [end, ec] = std::to_chars(entry.text.data(), entry.text.data() + entry.text.size(), number);
    entry.bits = bits;
    entry.size = ec == std::errc() ? static_cast<std::uint8_t>(end - entry.text.data()) : 0;
  }
  return {entry.text.data(), entry.size};
}

JsonWriter& JsonWriter::values(double number, std::size_t count) {
  if (count == 0) return *this;
  value(number);
  assert(!stack_.empty() && stack_.back().array);
  // Every later one is the same bytes: a comma, a new line, the number.
  const std::size_t start = used_;
  put(',');
  newline();
  value_text(number);
  const std::string piece(buffer_.get() + start, used_ - start);
  used_ = start;
  for (std::size_t k = 1; k < count; ++k) {
    put(piece);
    flush_if_full();
  }
  return *this;
}

JsonWriter& JsonWriter::value(int number) {
  before_value();
  number_text(number);
  return *this;
}

JsonWriter& JsonWriter::value(long long number) {
  before_value();
  number_text(number);
  return *this;
}

void JsonWriter::finish() {
  assert(stack_.empty());
  put('\n');
  flush();
}

}  // namespace ecoscore::report
