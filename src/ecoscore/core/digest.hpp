#pragma once

#include <array>
#include <string>

namespace ecoscore::core {

// A SHA-256 digest (computed in audit/sha256.hpp): 32 bytes, shown as 64
// lowercase hex digits. A run keeps one per input file, so it keeps the
// bytes, not the text.
struct Sha256 {
  std::array<unsigned char, 32> bytes{};

  std::string hex() const {
    const auto digits = hex_digits();
    return {digits.begin(), digits.end()};
  }
  // The same text, without a string on the heap (a report writes one a firm).
  std::array<char, 64> hex_digits() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::array<char, 64> text{};
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      text[2 * i] = kDigits[bytes[i] >> 4U];
      text[2 * i + 1] = kDigits[bytes[i] & 0xFU];
    }
    return text;
  }
  friend bool operator==(const Sha256&, const Sha256&) = default;
};

}  // namespace ecoscore::core
