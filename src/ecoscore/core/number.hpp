#pragma once

#include <string>
#include <string_view>

namespace ecoscore::core {

// `value` printed with exactly `decimals` digits after the point, rounded half
// away from zero on the exact binary value (so 2.5 -> "3", -2.5 -> "-3",
// and 1.005, which is stored as 1.00499..., -> "1.00"). "-0" prints as "0".
// Independent of the locale.
std::string format_fixed(double value, int decimals);

// The value format_fixed prints, as a double.
double round_half_away(double value, int decimals);

// The shortest text that reads back as the same double (std::to_chars);
// integers print without a decimal point.
std::string format_shortest(double value);

// Digits after the decimal point in a number as written ("5" -> 0, "5.40" -> 2).
int decimals_written(std::string_view number_text);

}  // namespace ecoscore::core
