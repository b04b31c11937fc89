#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "ecoscore/core/box.hpp"
#include "ecoscore/core/diagnostic.hpp"
#include "ecoscore/core/error.hpp"
#include "ecoscore/core/maybe.hpp"
#include "ecoscore/core/message.hpp"
#include "ecoscore/core/number.hpp"
#include "ecoscore/core/parallel.hpp"
#include "ecoscore/core/source_location.hpp"
#include "ecoscore/core/spare.hpp"
#include "ecoscore/core/text.hpp"

namespace core = ecoscore::core;

struct FixedCase {
  double value;
  int decimals;
  const char* expected;
};

class FormatFixed : public testing::TestWithParam<FixedCase> {};

TEST_P(FormatFixed, RoundsHalfAwayFromZeroOnTheExactValue) {
  const auto& c = GetParam();
  EXPECT_EQ(core::format_fixed(c.value, c.decimals), c.expected) << c.value << " to " << c.decimals;
}

INSTANTIATE_TEST_SUITE_P(
    Table, FormatFixed,
    testing::Values(FixedCase{2.5, 0, "3"}, FixedCase{-2.5, 0, "-3"}, FixedCase{0.5, 0, "1"},
                    FixedCase{1.5, 0, "2"},       // not banker's rounding
                    FixedCase{0.125, 2, "0.13"},  // an exact tie in binary
                    FixedCase{1.005, 2, "1.00"},  // stored as 1.00499999999999989...
                    FixedCase{2.675, 2, "2.67"},  // stored as 2.67499999999999982...
                    FixedCase{99.95, 1, "100.0"},  // stored as 99.9500000000000028...
                    FixedCase{9.995, 2, "9.99"}, FixedCase{-0.0001, 2, "0.00"}, FixedCase{-0.0, 1, "0.0"},
                    FixedCase{72.25, 1, "72.3"}, FixedCase{100, 1, "100.0"}, FixedCase{0, 0, "0"},
                    FixedCase{1234.5678, 3, "1234.568"}, FixedCase{9.5, 0, "10"},
                    FixedCase{-99.96, 1, "-100.0"}, FixedCase{0.00004, 4, "0.0000"}, FixedCase{0.00005, 4, "0.0001"}));

TEST(Number, RoundHalfAwayMatchesFormatFixed) {
  EXPECT_EQ(core::round_half_away(5.4, 0), 5.0);
  EXPECT_EQ(core::round_half_away(23.1, 0), 23.0);
  EXPECT_EQ(core::round_half_away(16.8, 0), 17.0);
  EXPECT_EQ(core::round_half_away(25.7, 0), 26.0);
  EXPECT_EQ(core::round_half_away(-1.25, 1), -1.3);
}

TEST(Number, ShortestRoundTrip) {
  EXPECT_EQ(core::format_shortest(0.1), "0.1");
  EXPECT_EQ(core::format_shortest(100), "100");
  EXPECT_EQ(core::format_shortest(-0.0), "0");
  EXPECT_EQ(core::format_shortest(1.0 / 3.0), "0.3333333333333333");
  EXPECT_EQ(core::format_shortest(1e21), "1e+21");
}

TEST(Number, DecimalsWritten) {
  EXPECT_EQ(core::decimals_written("5"), 0);
  EXPECT_EQ(core::decimals_written("5.40"), 2);
  EXPECT_EQ(core::decimals_written("23.1"), 1);
  EXPECT_EQ(core::decimals_written("1.5e3"), 1);
}

TEST(Text, EditDistanceCountsATranspositionOnce) {
  EXPECT_EQ(core::edit_distance("nmae", "name"), 1u);
  EXPECT_EQ(core::edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(core::edit_distance("", "abc"), 3u);
  EXPECT_EQ(core::edit_distance("same", "same"), 0u);
}

TEST(Text, ClosestMatchSuggestsOnlyNearIds) {
  const std::vector<std::string> ids = {"et-shared-vision", "et-open-innovation", "mt-partnership"};
  EXPECT_EQ(core::closest_match("et-shared-visoin", ids), "et-shared-vision");
  EXPECT_EQ(core::closest_match("mt-partnershp", ids), "mt-partnership");
  EXPECT_EQ(core::closest_match("completely-else", ids), "");
  EXPECT_EQ(core::closest_match("x", std::vector<std::string>{"y", "zz"}), "y");
}

struct Utf8Case {
  const char* bytes;
  core::Utf8Problem problem;
  char32_t code_point;
};

class DecodeUtf8 : public testing::TestWithParam<Utf8Case> {};

TEST_P(DecodeUtf8, IsStrict) {
  const auto& c = GetParam();
  const auto step = core::decode_utf8(c.bytes, 0);
  EXPECT_EQ(step.problem, c.problem);
  if (c.problem == core::Utf8Problem::none) {
    EXPECT_EQ(step.code_point, c.code_point);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, DecodeUtf8,
    testing::Values(Utf8Case{"A", core::Utf8Problem::none, U'A'},
                    Utf8Case{"\xED\x95\x9C", core::Utf8Problem::none, U'\xD55C'},  // 한
                    Utf8Case{"\xF0\x9F\x98\x80", core::Utf8Problem::none, U'\x1F600'},
                    Utf8Case{"\x80", core::Utf8Problem::unexpected_continuation, 0},
                    Utf8Case{"\xFF", core::Utf8Problem::invalid_byte, 0},
                    Utf8Case{"\xE2\x82", core::Utf8Problem::truncated, 0},
                    Utf8Case{"\xC0\xAF", core::Utf8Problem::overlong, 0},
                    Utf8Case{"\xE0\x80\xAF", core::Utf8Problem::overlong, 0},
                    Utf8Case{"\xED\xA0\x80", core::Utf8Problem::surrogate, 0},
                    Utf8Case{"\xF4\x90\x80\x80", core::Utf8Problem::too_large, 0}));

TEST(Text, EscapeControlKeepsALogLineOneLine) {
  EXPECT_EQ(core::escape_control("a\nb"), "a\\x0Ab");
  EXPECT_EQ(core::escape_control("\x1b[31mred"), "\\x1B[31mred");
  EXPECT_EQ(core::escape_control("x\xE2\x80\xAEy"), "x\\u{202E}y");  // RIGHT-TO-LEFT OVERRIDE
  EXPECT_EQ(core::escape_control("\xC2\x85"), "\\u{0085}");
  EXPECT_EQ(core::escape_control("back\\slash"), "back\\\\slash");
  EXPECT_EQ(core::escape_control("\xFF"), "\\xFF");
  EXPECT_EQ(core::escape_control("한글 ok"), "한글 ok");
}

TEST(Diagnostic, RendersLocationMessageSuggestionAndPath) {
  core::Diagnostic d;
  d.where = {"companies/x.yaml", 3, 7};
  d.message = core::Msg::unknown_key;
  d.args = {"nmae"};
  d.suggestion = "name";
  d.document_path = "/company/nmae";
  EXPECT_EQ(d.render(core::Lang::en),
            "companies/x.yaml:3:7: error: unknown key 'nmae' (did you mean 'name'?) (at /company/nmae)");
  EXPECT_EQ(d.render(core::Lang::ko),
            "companies/x.yaml:3:7: error: 알 수 없는 키 'nmae' (혹시 'name'인가요?) (위치 /company/nmae)");
  d.severity = core::Severity::warning;
  d.where.line = 0;
  d.suggestion.clear();
  d.document_path.clear();
  EXPECT_EQ(d.render(core::Lang::en), "companies/x.yaml: warning: unknown key 'nmae'");
}

TEST(Diagnostic, SortsByFileLineColumn) {
  core::Diagnostics ds(3);
  ds[0].where = {"b.yaml", 1, 1};
  ds[1].where = {"a.yaml", 9, 1};
  ds[2].where = {"a.yaml", 2, 5};
  core::sort_diagnostics(ds);
  EXPECT_EQ(ds[0].where.line, 2);
  EXPECT_EQ(ds[1].where.line, 9);
  EXPECT_EQ(ds[2].where.path, "b.yaml");
}

TEST(Message, EveryMessageHasBothLanguagesAndAStableName) {
  for (int i = 0; i <= static_cast<int>(core::Msg::at_document_path); ++i) {
    const auto id = static_cast<core::Msg>(i);
    EXPECT_FALSE(core::message_format(id, core::Lang::en).empty()) << i;
    EXPECT_FALSE(core::message_format(id, core::Lang::ko).empty()) << i;
    EXPECT_FALSE(core::message_name(id).empty()) << i;
  }
  EXPECT_EQ(core::message_name(core::Msg::duplicate_key), "duplicate_key");
}

TEST(Error, ExitCodeFollowsTheKindOfProblem) {
  core::Diagnostic missing;
  missing.message = core::Msg::file_missing;
  core::Diagnostic bad;
  bad.message = core::Msg::unknown_key;
  bad.args = {"x"};
  core::Diagnostic warning = bad;
  warning.severity = core::Severity::warning;

  EXPECT_NO_THROW(core::throw_if_errors({warning}));
  try {
    core::throw_if_errors({missing});
    FAIL() << "no throw";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.exit_code(), core::ExitCode::no_input);
  }
  try {
    core::throw_if_errors({missing, bad});
    FAIL() << "no throw";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.exit_code(), core::ExitCode::data_error);
    EXPECT_EQ(e.diagnostics().size(), 2u);
  }
}

TEST(Text, InvisibleCharactersAreShown) {
  EXPECT_EQ(core::escape_control("zero\xE2\x80\x8Bwidth"), "zero\\u{200B}width");
  EXPECT_EQ(core::escape_control("soft\xC2\xADhyphen"), "soft\\u{00AD}hyphen");
}

TEST(Text, AbbreviateCountsCodePoints) {
  EXPECT_EQ(core::abbreviate("abcdef", 3), "abc...");
  EXPECT_EQ(core::abbreviate("abc", 3), "abc");
  EXPECT_EQ(core::abbreviate("한글한글", 2), "한글...");
  EXPECT_EQ(core::abbreviate("", 0), "");
}

// A call that throws stops the loop: the exception reaches the caller, from
// the calling thread or from any other, and no call starts after it.
TEST(Parallel, AnExceptionStopsTheLoopAndReachesTheCaller) {
  for (unsigned threads : {1U, 2U, 4U}) {
    std::atomic<std::size_t> calls{0};
    const auto throw_at_three = [&](std::size_t k) {
      ++calls;
      if (k == 3) throw std::runtime_error("item 3");
    };
    // So many calls that, were the loop not stopped, they could not all be
    // made while the throwing thread is held up.
    constexpr std::size_t kCount = 1'000'000'000;
    try {
      ecoscore::core::parallel_for(kCount, threads, throw_at_three);
      ADD_FAILURE() << "no exception with " << threads << " threads";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "item 3");
    }
    // The other threads finish the call they are in and start no more.
    EXPECT_LT(calls.load(), kCount) << threads;
    if (threads == 1) {
      EXPECT_EQ(calls.load(), 4U);
    }
  }
}

// Items come out in order for any thread count and window, each rendered
// once, into a piece that keeps the room of an earlier item; an exception
// from rendering (while other items are emitted) or from emitting reaches
// the caller.
TEST(Parallel, RenderInOrderEmitsInOrderAndReusesPieces) {
  constexpr std::size_t kCount = 1000;
  for (unsigned threads : {1U, 2U, 3U}) {
    for (std::size_t window : {1U, 7U, 64U, 5000U}) {
      std::vector<std::string> out;
      std::atomic<std::size_t> reused{0};
      ecoscore::core::render_in_order<std::string>(
          kCount, threads, window,
          [&](std::size_t k, std::string& piece) {
            if (piece.capacity() >= 64) ++reused;
            piece.clear();
            piece.reserve(64);
            piece += std::to_string(k);
          },
          [&](const std::string& piece) { out.push_back(piece); });
      ASSERT_EQ(out.size(), kCount) << threads << " " << window;
      for (std::size_t k = 0; k < kCount; ++k) ASSERT_EQ(out[k], std::to_string(k)) << threads << " " << window;
      // Only the first window (or two, rendered into separate pieces) starts with empty pieces.
      const std::size_t fresh = threads == 1 ? 1 : std::min(kCount, 2 * window);
      EXPECT_EQ(reused.load(), kCount - fresh) << threads << " " << window;
    }
  }
  for (unsigned threads : {1U, 2U}) {
    const auto fails = [&](std::size_t throw_render_at, std::size_t throw_emit_at) {
      std::size_t emitted = 0;
      try {
        ecoscore::core::render_in_order<int>(
            kCount, threads, 10,
            [&](std::size_t k, int& piece) {
              if (k == throw_render_at) throw std::runtime_error("render");
              piece = static_cast<int>(k);
            },
            [&](const int& piece) {
              if (emitted == throw_emit_at) throw std::runtime_error("emit");
              EXPECT_EQ(static_cast<std::size_t>(piece), emitted);
              ++emitted;
            });
      } catch (const std::runtime_error& e) {
        return std::string(e.what()) + " after " + std::to_string(emitted);
      }
      return std::string("no exception");
    };
    // Items before the one that failed may or may not be out by then, in order.
    const std::string render_failed = fails(25, kCount);
    EXPECT_EQ(render_failed.rfind("render after ", 0), 0U) << render_failed;
    if (threads == 1) EXPECT_EQ(render_failed, "render after 25");
    else EXPECT_LE(std::stoul(render_failed.substr(13)), 25U) << render_failed;
    EXPECT_EQ(fails(kCount, 35), "emit after 35") << threads;
  }
}

// A path is kept once: PathRefs made from it apart, even on two threads at
// once, are the same text at the same place; different paths order by text.
// (Ten thousand paths outgrow the pool's first chunk and its first tables;
// those read before stay where they were.)
TEST(PathRef, OnePathOneText) {
  const std::string made = std::string("data/") + "a.yaml";
  const core::PathRef a("data/a.yaml");
  const core::PathRef b(made);
  EXPECT_EQ(a, b);
  EXPECT_EQ(&a.str(), &b.str());
  EXPECT_EQ(a.str(), "data/a.yaml");
  const core::PathRef c("data/b.yaml");
  EXPECT_NE(a, c);
  EXPECT_LT(a, c);
  EXPECT_GT(c, a);
  EXPECT_TRUE(core::PathRef().empty());
  EXPECT_TRUE(core::PathRef("").empty());
  EXPECT_EQ(core::PathRef().str(), "");
  EXPECT_EQ(core::PathRef(), core::PathRef(""));
  std::vector<const std::string*> first(10000), second(10000);
  {
    std::jthread one([&] {
      for (std::size_t k = 0; k < first.size(); ++k) first[k] = &core::PathRef("t/" + std::to_string(k)).str();
    });
    std::jthread two([&] {
      for (std::size_t k = second.size(); k-- > 0;) second[k] = &core::PathRef("t/" + std::to_string(k)).str();
    });
  }
  for (std::size_t k = 0; k < first.size(); ++k) {
    EXPECT_EQ(first[k], second[k]) << k;
    EXPECT_EQ(*first[k], "t/" + std::to_string(k)) << k;
    EXPECT_EQ(&core::PathRef("t/" + std::to_string(k)).str(), first[k]) << k;
  }
  EXPECT_EQ(a.str(), "data/a.yaml");
  EXPECT_EQ(&a.str(), &b.str());
}

// Each thread remembers where the texts it asked for lay: a place that now
// holds another text gives that text's number, never the one remembered.
TEST(Interned, ATextInAPlaceThatHeldAnotherIsItsOwn) {
  std::string place(40, 'a');
  const char* const where = place.data();
  const core::Interned a(place);
  const core::Interned again(place);
  EXPECT_EQ(a, again);
  place.assign(40, 'b');
  ASSERT_EQ(place.data(), where);  // (the same room, so the same place is asked for)
  const core::Interned b(place);
  EXPECT_NE(a, b);
  EXPECT_EQ(b.str(), std::string(40, 'b'));
  EXPECT_EQ(a.str(), std::string(40, 'a'));
  place.assign(40, 'a');
  EXPECT_EQ(core::Interned(place), a);
  place.resize(39);
  EXPECT_EQ(core::Interned(place).str(), std::string(39, 'a'));
}

// A box reads as empty until written, is made by its first write, and is
// copied deeply (a copy written does not change the original) and moved as
// a pointer.
TEST(Box, MadeWhenWrittenCopiedWithItsOwner) {
  core::Box<std::vector<std::string>> box;
  EXPECT_FALSE(box.made());
  EXPECT_TRUE(box.get().empty());
  const core::Box<std::vector<std::string>> empty_copy = box;
  EXPECT_FALSE(empty_copy.made());
  box.edit().push_back("floor");
  EXPECT_TRUE(box.made());
  core::Box<std::vector<std::string>> copy = box;
  copy.edit().push_back("more");
  EXPECT_EQ(box.get(), std::vector<std::string>{"floor"});
  EXPECT_EQ(copy.get(), (std::vector<std::string>{"floor", "more"}));
  const std::string* held = &copy.get()[0];
  core::Box<std::vector<std::string>> moved = std::move(copy);
  EXPECT_EQ(&moved.get()[0], held);
  copy = moved;
  EXPECT_EQ(copy.get(), moved.get());
  EXPECT_NE(&copy.get()[0], held);
  copy = empty_copy;
  EXPECT_FALSE(copy.made());
  EXPECT_TRUE(copy.get().empty());
}

TEST(Maybe, AnOptionalNumberInTheRoomOfADouble) {
  static_assert(sizeof(ecoscore::core::Maybe) == sizeof(double));
  using ecoscore::core::Maybe;
  const Maybe none;
  EXPECT_FALSE(none.has_value());
  EXPECT_FALSE(none);
  EXPECT_EQ(none, std::nullopt);
  EXPECT_EQ(none.value_or(7.5), 7.5);
  EXPECT_THROW((void)none.value(), std::bad_optional_access);
  EXPECT_EQ(std::optional<double>(none), std::nullopt);
  // Every double is a value: zero, negative zero, infinity, and a NaN that
  // arithmetic made (only one NaN, which no arithmetic makes, is "none").
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double computed = std::numeric_limits<double>::infinity() - std::numeric_limits<double>::infinity();
  for (const double x : {0.0, -0.0, 61.25, -3.0, std::numeric_limits<double>::infinity(), nan, -nan, computed}) {
    const Maybe m = x;
    EXPECT_TRUE(m.has_value()) << x;
    EXPECT_EQ(std::bit_cast<std::uint64_t>(*m), std::bit_cast<std::uint64_t>(x)) << x;
    EXPECT_EQ(std::bit_cast<std::uint64_t>(*std::optional<double>(m)), std::bit_cast<std::uint64_t>(x)) << x;
  }
  EXPECT_TRUE(std::isnan(*Maybe(computed)));
  // Compared as std::optional<double> compares.
  EXPECT_EQ(Maybe(61.25), 61.25);
  EXPECT_EQ(Maybe(61.25), Maybe(std::optional<double>(61.25)));
  EXPECT_FALSE(Maybe(61.25) == Maybe());
  EXPECT_FALSE(Maybe() == 0.0);
  EXPECT_FALSE(Maybe(0.0) == std::nullopt);
  EXPECT_EQ(Maybe(std::optional<double>()), Maybe());
  Maybe changed = 3.0;
  changed.reset();
  EXPECT_EQ(changed, std::nullopt);
  changed = std::nullopt;
  EXPECT_FALSE(changed);
  changed = 4.0;
  EXPECT_EQ(changed.value(), 4.0);
}

namespace {
// Counts the items alive, so that a test can tell a list's items are gone.
struct Counted {
  static inline int alive = 0;
  Counted() { ++alive; }
  Counted(const Counted&) { ++alive; }
  Counted(Counted&&) noexcept { ++alive; }
  Counted& operator=(const Counted&) = default;
  Counted& operator=(Counted&&) noexcept = default;
  ~Counted() { --alive; }
};
}  // namespace

// A list let go gives its room, never its items, to the next list its
// thread takes; another thread has its own; a list larger than any firm
// needs is not kept.
TEST(Spare, TheNextListOnAThreadReusesTheRoomOfTheLastLetGo) {
  using Spare = core::Spare<Counted>;
  std::vector<Counted> first = Spare::take(40);
  EXPECT_TRUE(first.empty());
  EXPECT_GE(first.capacity(), 40u);
  first.resize(40);
  const Counted* room = first.data();
  Spare::give(std::move(first));
  EXPECT_TRUE(first.empty());  // NOLINT(bugprone-use-after-move): the caller's list is left empty
  EXPECT_EQ(Counted::alive, 0);
  std::thread([] { EXPECT_EQ(Spare::take(1).capacity(), 1u); }).join();
  std::vector<Counted> second = Spare::take(30);
  EXPECT_TRUE(second.empty());
  EXPECT_EQ(second.data(), room);
  Spare::give(std::move(second));
  Spare::give(Spare::take(Spare::kLargest + 1));
  EXPECT_LE(Spare::take(1).capacity(), Spare::kLargest);
  // Room for 4 096 items, or for 256 KiB of small ones (a file's text).
  static_assert(core::Spare<std::array<char, 1024>>::kLargest == 4096);
  static_assert(core::Spare<char>::kLargest == 256 * 1024);
  // A text's room the same way.
  using Texts = core::Spare<char, std::string>;
  std::string text = Texts::take(3000);
  text.assign(2999, 'x');
  const char* text_room = text.data();
  Texts::give(std::move(text));
  const std::string next = Texts::take(10);
  EXPECT_TRUE(next.empty());
  EXPECT_EQ(next.data(), text_room);
}

// Items come in the order std::sort gives their texts, whatever the texts
// share: long common starts, texts that begin others, bytes above 0x7F, a
// NUL, texts alike for more than eight bytes past their common start, and
// the same text twice.
TEST(SortByText, SameOrderAsSortingTheTexts) {
  std::vector<std::string> texts;
  const std::string start = "build/bench/data/100000/companies/firm-";
  std::uint64_t state = 12345;
  const auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<unsigned>(state >> 33);
  };
  for (int n = 0; n < 2000; ++n) {
    std::string t = start;
    const unsigned length = next() % 24;
    for (unsigned k = 0; k < length; ++k) {
      const unsigned pick = next() % 6;
      t += pick == 0 ? '\xED' : pick == 1 ? '\0' : static_cast<char>('0' + next() % 3);
    }
    texts.push_back(t);
  }
  texts.push_back(start);
  texts.push_back(texts[7]);
  std::vector<std::pair<std::string, int>> items;
  for (std::size_t k = 0; k < texts.size(); ++k) items.emplace_back(texts[k], static_cast<int>(k));
  core::sort_by_text(items, [](const auto& item) { return std::string_view(item.first); });
  std::sort(texts.begin(), texts.end());
  ASSERT_EQ(items.size(), texts.size());
  for (std::size_t k = 0; k < texts.size(); ++k) ASSERT_EQ(items[k].first, texts[k]) << k;
  std::vector<std::string> none;
  core::sort_by_text(none, [](const std::string& t) { return std::string_view(t); });
  EXPECT_TRUE(none.empty());
}
