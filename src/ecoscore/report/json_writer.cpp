#include "ecoscore/report/json_writer.hpp"

#include <array>
#include <cassert>
#include <charconv>
#include <cmath>

#include <fmt/format.h>


namespace ecoscore::report {

namespace {

// Appends `text` as a JSON string literal: runs of plain bytes at once.
void append_quoted(std::string& out, std::string_view text) {
  out += '"';
  std::size_t plain = 0;  // start of the run not yet appended
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default: out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    }
  }
  out.append(text, plain, text.size() - plain);
  out += '"';
}

template <typename Number>
void append_number(std::string& out, Number number) {
  std::array<char, 32> text{};
  const auto [end, ec] = std::to_chars(text.data(), text.data() + text.size(), number);
  out.append(text.data(), ec == std::errc() ? end : text.data());
}

}  // namespace

std::string json_quote(std::string_view text) {
  std::string out;
  append_quoted(out, text);
  return out;
}

void JsonWriter::flush() {
  if (buffer_.empty() || !out_) return;
  out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  buffer_ += json;
  return *this;
}

void JsonWriter::quote(std::string_view text) { append_quoted(buffer_, text); }

void JsonWriter::newline() {
  buffer_ += '\n';
  buffer_.append(2 * (base_depth_ + stack_.size()), ' ');
}

void JsonWriter::before_value() {
  flush_if_full();
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  assert(stack_.back().array && "a value inside an object needs a key");
  if (!stack_.back().empty) buffer_ += ',';
  stack_.back().empty = false;
  newline();
}

JsonWriter& JsonWriter::key(std::string_view name) {
  assert(!stack_.empty() && !stack_.back().array && !after_key_);
  if (!stack_.back().empty) buffer_ += ',';
  stack_.back().empty = false;
  newline();
  quote(name);
  buffer_ += ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  buffer_ += '{';
  stack_.push_back({false});
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  buffer_ += '[';
  stack_.push_back({true});
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  assert(!stack_.empty() && !stack_.back().array);
  const bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) newline();
  buffer_ += '}';
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  assert(!stack_.empty() && stack_.back().array);
  const bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) newline();
  buffer_ += ']';
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

void JsonWriter::value_text(double number) {
  if (!std::isfinite(number))
    buffer_ += "null";
  else if (number == 0)
    buffer_ += '0';  // also for -0
  else
    append_number(buffer_, number);
}

JsonWriter& JsonWriter::values(double number, std::size_t count) {
  if (count == 0) return *this;
  value(number);
  assert(!stack_.empty() && stack_.back().array);
  // Every later one is the same bytes: a comma, a new line, the number.
  const std::size_t start = buffer_.size();
  buffer_ += ',';
  newline();
  value_text(number);
  const std::string piece = buffer_.substr(start);
  buffer_.resize(start);
  for (std::size_t k = 1; k < count; ++k) {
    buffer_ += piece;
    flush_if_full();
  }
  return *this;
}

JsonWriter& JsonWriter::value(int number) {
  before_value();
  append_number(buffer_, number);
  return *this;
}

JsonWriter& JsonWriter::value(long long number) {
  before_value();
  append_number(buffer_, number);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  buffer_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  buffer_ += "null";
  return *this;
}

void JsonWriter::finish() {
  assert(stack_.empty());
  buffer_ += '\n';
  flush();
}

}  // namespace ecoscore::report
