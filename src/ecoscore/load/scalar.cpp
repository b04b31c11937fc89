#include "ecoscore/load/scalar.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace ecoscore::load {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

NumberResult parse_number(std::string_view text) {
  if (text.empty()) return {0, NumberError::invalid};
  std::string lowered(text);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
  for (std::string_view special : {".nan", ".inf", "-.inf", "+.inf", "nan", "inf", "-inf", "infinity", "-infinity"})
    if (lowered == special) return {0, NumberError::not_finite};
  const std::string_view digits = text.front() == '-' ? text.substr(1) : text;
  if (digits.size() > 1 && digits[0] == '0' && is_digit(digits[1])) return {0, NumberError::leading_zero};
  double value = 0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(first, last, value, std::chars_format::general);
  if (ec == std::errc::result_out_of_range) return {0, NumberError::out_of_range};
  if (ec != std::errc() || ptr != last) return {0, NumberError::invalid};
  if (!std::isfinite(value)) return {0, NumberError::not_finite};
  // from_chars may round a tiny literal such as 1e-400 to zero: a value nobody wrote.
  const std::string_view mantissa = digits.substr(0, digits.find_first_of("eE"));
  if (value == 0 && mantissa.find_first_of("123456789") != std::string_view::npos)
    return {0, NumberError::out_of_range};
  return {value, NumberError::none};
}

std::optional<bool> parse_boolean(std::string_view text) {
  if (text == "true") return true;
  if (text == "false") return false;
  return std::nullopt;
}

std::optional<model::Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U})
    if (!is_digit(text[i])) return std::nullopt;
  const auto number = [&](std::size_t at, std::size_t len) {
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  model::Date d{number(0, 4), number(5, 2), number(8, 2)};
  if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  const int days = kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
  if (d.day > days) return std::nullopt;
  return d;
}

}  // namespace ecoscore::load
