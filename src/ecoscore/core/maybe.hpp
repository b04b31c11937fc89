#pragma once

#include <bit>
#include <cstdint>
#include <optional>
#include <stdexcept>

namespace ecoscore::core {

// An optional number in the room of a double (std::optional<double> takes
// two): for what every firm of a national cohort carries, a score or a total.
// "None" is one NaN no arithmetic makes (a quiet NaN with its own payload), so
// every double, a computed NaN too, is kept as it is. Reads like the
// std::optional<double> it stands for, and converts to and from one.
class Maybe {
 public:
  constexpr Maybe() = default;
  constexpr Maybe(std::nullopt_t) {}                  // NOLINT(google-explicit-constructor)
  constexpr Maybe(double value) : bits_(std::bit_cast<std::uint64_t>(value)) {}  // NOLINT(google-explicit-constructor)
  constexpr Maybe(const std::optional<double>& value)  // NOLINT(google-explicit-constructor)
      : bits_(value ? std::bit_cast<std::uint64_t>(*value) : kNone) {}

  constexpr bool has_value() const { return bits_ != kNone; }
  constexpr explicit operator bool() const { return has_value(); }
  constexpr double operator*() const { return std::bit_cast<double>(bits_); }
  double value() const {
    if (!has_value()) throw std::bad_optional_access();
    return **this;
  }
  constexpr double value_or(double otherwise) const { return has_value() ? **this : otherwise; }
  constexpr void reset() { bits_ = kNone; }
  constexpr operator std::optional<double>() const {  // NOLINT(google-explicit-constructor)
    return has_value() ? std::optional<double>(**this) : std::nullopt;
  }

  // As std::optional<double> compares: none equals none; a number, its value.
  friend constexpr bool operator==(const Maybe& a, const Maybe& b) {
    return a.has_value() == b.has_value() && (!a.has_value() || *a == *b);
  }
  friend constexpr bool operator==(const Maybe& a, std::nullopt_t) { return !a.has_value(); }
  friend constexpr bool operator==(const Maybe& a, double b) { return a.has_value() && *a == b; }

 private:
  static constexpr std::uint64_t kNone = 0x7ff8'0000'00ec'0500ULL;
  std::uint64_t bits_ = kNone;
};

}  // namespace ecoscore::core
