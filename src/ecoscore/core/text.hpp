#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace ecoscore::core {

// Eight bytes at a time: nonzero exactly when some byte of `word` is below
// `limit` (at most 0x80), or, for bytes_equal, equal to `byte`. (Bytes of
// 0x80 and above never count as below.) Exact as a yes or no; which bits are
// set says nothing more.
constexpr std::uint64_t kEveryByte = 0x0101010101010101ULL;
constexpr std::uint64_t bytes_below(std::uint64_t word, std::uint8_t limit) {
  return (word - kEveryByte * limit) & ~word & (kEveryByte * 0x80);
}
constexpr std::uint64_t bytes_equal(std::uint64_t word, std::uint8_t byte) {
  return bytes_below(word ^ (kEveryByte * byte), 1);
}

// Number of code points in valid UTF-8 text (continuation bytes are skipped).
std::size_t count_code_points(std::string_view utf8);

// The candidate nearest to `word` by edit distance, for "did you mean", or ""
// when none is near enough (distance at most a third of the word's length,
// and at least 1). Ties go to the candidate listed first.
std::string closest_match(std::string_view word, std::span<const std::string> candidates);

// Edit distance in bytes (optimal string alignment: a swap of neighbours costs 1).
std::size_t edit_distance(std::string_view a, std::string_view b);

// Text safe to put on one log line: control characters (C0, DEL, C1),
// bidirectional controls and invisible format characters (zero-width space,
// soft hyphen, ...) become \xNN or \u{NNNN}; backslashes are doubled;
// invalid UTF-8 bytes become \xNN.
std::string escape_control(std::string_view utf8);

// The same escapes, except that backslashes stay as they are: for a line whose
// user-supplied parts were already escaped, as a last guard before a terminal.
std::string neutralize_controls(std::string_view utf8);

// At most `max_code_points` code points of valid UTF-8 text, with "..."
// when cut; for echoing user input in messages.
std::string abbreviate(std::string_view utf8, std::size_t max_code_points);

// Why a byte sequence is not valid UTF-8.
enum class Utf8Problem { none, unexpected_continuation, invalid_byte, truncated, overlong, surrogate, too_large };

struct Utf8Step {
  char32_t code_point = 0;
  std::size_t length = 1;  // bytes consumed; 1 for an invalid byte
  Utf8Problem problem = Utf8Problem::none;
};

// Decodes one code point at `at` (which must be < text.size()), strictly:
// no overlong forms, no surrogates, nothing above U+10FFFF.
Utf8Step decode_utf8(std::string_view text, std::size_t at);

// C0 controls other than tab, LF and CR; DEL; C1 controls.
bool is_disallowed_control(char32_t cp);
// Bidirectional formatting characters, which can make text display in an
// order other than the one it is stored in.
bool is_bidi_control(char32_t cp);
// Characters that render as nothing: zero-width space and joiners, word
// joiner, soft hyphen, BOM.
bool is_invisible(char32_t cp);

// "U+0000" style name of a code point.
std::string code_point_name(char32_t cp);

}  // namespace ecoscore::core
