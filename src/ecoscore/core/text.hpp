#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

// Sorts `items` by text_of(item) (a std::string_view) as std::sort would
// by those texts. A cohort's paths (100 000 of them) share their folder, so
// most of each comparison would be of the same bytes, read from a text
// elsewhere in memory: they are sorted instead by the eight bytes after what
// they all begin with, kept side by side, and compared in full only where
// those are the same. (Items whose texts are the same come in no set order.)
template <typename T, typename TextOf>
void sort_by_text(std::vector<T>& items, TextOf text_of) {
  if (items.size() < 2) return;
  const std::string_view first = text_of(items.front());
  std::size_t common = first.size();
  for (const auto& item : items) {
    const std::string_view t = text_of(item);
    const std::size_t n = std::min(common, t.size());
    common = static_cast<std::size_t>(std::mismatch(t.begin(), t.begin() + n, first.begin()).first - t.begin());
  }
  struct Keyed {
    std::uint64_t key;  // the bytes after the common start, first the highest (0 past the end)
    std::size_t index;
  };
  std::vector<Keyed> keyed(items.size());
  for (std::size_t k = 0; k < items.size(); ++k) {
    const std::string_view t = text_of(items[k]);
    std::uint64_t key = 0;
    for (std::size_t b = common; b < common + 8; ++b)
      key = (key << 8U) | (b < t.size() ? static_cast<unsigned char>(t[b]) : 0U);
    keyed[k] = {key, k};
  }
  // (A text ending within the eight bytes has zeros after it, below any
  // other byte; where a NUL makes two keys the same, the texts tell.)
  std::sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
    return a.key != b.key ? a.key < b.key : text_of(items[a.index]) < text_of(items[b.index]);
  });
  // Each item to its place, in place (no second array of items): place k
  // takes the item keyed[k] names, following each cycle of the order.
  for (std::size_t k = 0; k < keyed.size(); ++k) {
    if (keyed[k].index == k) continue;
    T moving = std::move(items[k]);
    std::size_t at = k;
    for (std::size_t from = keyed[at].index; from != k; from = keyed[at].index) {
      items[at] = std::move(items[from]);
      keyed[at].index = at;
      at = from;
    }
    items[at] = std::move(moving);
    keyed[at].index = at;
  }
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
