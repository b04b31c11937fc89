#include "ecoscore/core/text.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace ecoscore::core {

std::size_t count_code_points(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: insertions, deletions, substitutions and
  // transpositions of neighbours each cost 1, so "nmae" is 1 from "name".
  const std::size_t width = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * width);
  const auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * width + j]; };
  for (std::size_t i = 0; i <= a.size(); ++i) at(i, 0) = i;
  for (std::size_t j = 0; j <= b.size(); ++j) at(0, j) = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
    }
  }
  return at(a.size(), b.size());
}

std::string closest_match(std::string_view word, std::span<const std::string> candidates) {
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  std::size_t best = limit + 1;
  std::string found;
  for (const auto& c : candidates) {
    if (c == word) continue;
    const std::size_t d = edit_distance(word, c);
    if (d < best) {
      best = d;
      found = c;
    }
  }
  return found;
}

std::string code_point_name(char32_t cp) {
  return fmt::format("U+{:04X}", static_cast<std::uint32_t>(cp));
}

bool is_bidi_control(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

bool is_invisible(char32_t cp) {
  return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF;
}

bool is_disallowed_control(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r') return false;
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

Utf8Step decode_utf8(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char b0 = byte(at);
  if (b0 < 0x80) return {b0, 1, Utf8Problem::none};
  if (b0 < 0xC0) return {0, 1, Utf8Problem::unexpected_continuation};
  std::size_t length = 0;
  char32_t cp = 0;
  if (b0 < 0xE0) {
    length = 2;
    cp = b0 & 0x1FU;
  } else if (b0 < 0xF0) {
    length = 3;
    cp = b0 & 0x0FU;
  } else if (b0 < 0xF8) {
    length = 4;
    cp = b0 & 0x07U;
  } else {
    return {0, 1, Utf8Problem::invalid_byte};
  }
  for (std::size_t k = 1; k < length; ++k) {
    if (at + k >= text.size() || (byte(at + k) & 0xC0U) != 0x80U)
      return {0, 1, Utf8Problem::truncated};
    cp = (cp << 6) | (byte(at + k) & 0x3FU);
  }
  static constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinimum[length]) return {0, length, Utf8Problem::overlong};
  if (cp >= 0xD800 && cp <= 0xDFFF) return {0, length, Utf8Problem::surrogate};
  if (cp > 0x10FFFF) return {0, length, Utf8Problem::too_large};
  return {cp, length, Utf8Problem::none};
}

namespace {

std::string escape(std::string_view utf8, bool double_backslash) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const Utf8Step step = decode_utf8(utf8, i);
    if (step.problem != Utf8Problem::none) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(utf8[i]));
      i += 1;
      continue;
    }
    if (step.code_point == '\\' && double_backslash) {
      out += "\\\\";
    } else if (step.code_point == '\t' || step.code_point == '\n' || step.code_point == '\r' ||
               is_disallowed_control(step.code_point) || is_bidi_control(step.code_point) ||
               is_invisible(step.code_point)) {
      out += step.code_point < 0x80
                 ? fmt::format("\\x{:02X}", static_cast<std::uint32_t>(step.code_point))
                 : fmt::format("\\u{{{:04X}}}", static_cast<std::uint32_t>(step.code_point));
    } else {
      out.append(utf8.substr(i, step.length));
    }
    i += step.length;
  }
  return out;
}

}  // namespace

std::string escape_control(std::string_view utf8) { return escape(utf8, true); }

std::string neutralize_controls(std::string_view utf8) { return escape(utf8, false); }

std::string abbreviate(std::string_view utf8, std::size_t max_code_points) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0U) == 0x80U) continue;
    if (count++ == max_code_points) return std::string(utf8.substr(0, i)) + "...";
  }
  return std::string(utf8);
}

}  // namespace ecoscore::core
