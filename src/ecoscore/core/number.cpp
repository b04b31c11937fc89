#include "ecoscore/core/number.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace ecoscore::core {
namespace {

// Extra digits printed past the rounding position. A value that is not an
// exact tie differs from one within far fewer digits than this for every
// magnitude a rubric uses (scores, weights, shares).
constexpr int kGuardDigits = 40;

}  // namespace

std::string format_fixed(double value, int decimals) {
  if (!std::isfinite(value)) return std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
  std::array<char, 512> buffer;  // NOLINT(cppcoreguidelines-pro-type-member-init): to_chars fills what is read
  const double magnitude = std::fabs(value);
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), magnitude,
                                       std::chars_format::fixed, decimals + kGuardDigits);
  if (ec != std::errc()) return "nan";
  // The guard digits make sure there is a point and a digit past the cut.
  const char* point = std::find(buffer.data(), end, '.');
  const char* cut = point + 1 + decimals;
  // Half away from zero: round up when the first dropped digit is 5 or more.
  const bool round_up = *cut >= '5';
  std::string kept(static_cast<const char*>(buffer.data()), decimals == 0 ? point : cut);
  if (round_up) {
    std::size_t i = kept.size();
    while (i > 0) {
      --i;
      if (kept[i] == '.') continue;
      if (kept[i] == '9') {
        kept[i] = '0';
        if (i == 0) kept.insert(kept.begin(), '1');
      } else {
        ++kept[i];
        break;
      }
    }
  }
  const bool is_zero = std::none_of(kept.begin(), kept.end(), [](char c) { return c >= '1' && c <= '9'; });
  return (value < 0 && !is_zero) ? "-" + kept : kept;
}

double round_half_away(double value, int decimals) {
  const std::string text = format_fixed(value, decimals);
  double out = 0;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return out;
}

std::string format_shortest(double value) {
  if (value == 0) return "0";  // also for -0
  std::array<char, 64> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return ec == std::errc() ? std::string(buffer.data(), end) : std::string("0");
}

int decimals_written(std::string_view number_text) {
  const auto point = number_text.find('.');
  if (point == std::string_view::npos) return 0;
  const auto exponent = number_text.find_first_of("eE", point);
  const auto stop = exponent == std::string_view::npos ? number_text.size() : exponent;
  return static_cast<int>(stop - point - 1);
}

}  // namespace ecoscore::core
