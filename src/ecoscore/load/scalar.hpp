#pragma once

#include <optional>
#include <string_view>

#include "ecoscore/model/company.hpp"

namespace ecoscore::load {

enum class NumberError { none, invalid, leading_zero, out_of_range, not_finite };

struct NumberResult {
  double value = 0;
  NumberError error = NumberError::none;
};

// Reads a decimal number the way a person means it, not the YAML 1.1 way:
// std::from_chars must consume the whole text; no '+', no leading zeros
// ("010" is octal in YAML 1.1), no hex, no ".nan"/".inf", no overflow or
// underflow to zero. Never depends on the locale.
NumberResult parse_number(std::string_view text);

// Only "true" and "false" (so "NO", "y" and "on" stay text).
std::optional<bool> parse_boolean(std::string_view text);

// YYYY-MM-DD, a real calendar date.
std::optional<model::Date> parse_date(std::string_view text);

}  // namespace ecoscore::load
