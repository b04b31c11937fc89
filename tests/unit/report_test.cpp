#include <gtest/gtest.h>

#include <array>
#include <charconv>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "ecoscore/report/cells.hpp"
#include "ecoscore/report/json_writer.hpp"
#include "ecoscore/report/svg.hpp"

namespace report = ecoscore::report;

TEST(Escaping, HtmlTextAndAttributes) {
  EXPECT_EQ(report::html_escape(R"x(<img src=x onerror="alert('1')"> & co)x"),
            "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co");
  EXPECT_EQ(report::html_escape("한빛전자"), "한빛전자");
}

TEST(Escaping, CsvNeutralizesFormulasAndQuotes) {
  EXPECT_EQ(report::csv_text("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(report::csv_text("+1"), "'+1");
  EXPECT_EQ(report::csv_text("-1+1"), "'-1+1");
  EXPECT_EQ(report::csv_text("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(report::csv_text("\tx"), "'\tx");
  EXPECT_EQ(report::csv_text("a,b"), "\"a,b\"");
  EXPECT_EQ(report::csv_text("line\nbreak"), "\"line\nbreak\"");
  EXPECT_EQ(report::csv_text("plain"), "plain");
}

TEST(Escaping, MarkdownCellsKeepTheTableIntact) {
  EXPECT_EQ(report::md_cell("a|b"), "a\\|b");
  EXPECT_EQ(report::md_cell("`code`"), "\\`code\\`");
  EXPECT_EQ(report::md_cell("<img onerror=x>"), "&lt;img onerror=x&gt;");
  EXPECT_EQ(report::md_cell("two\nlines"), "two lines");
}

TEST(Cells, CsvRowsUseCrlfAndABom) {
  std::ostringstream out;
  report::CsvWriter csv(out);
  csv.text("id").number(72.25, 1).number(std::nullopt, 1).integer(3);
  csv.end_row();
  EXPECT_EQ(out.str(), "\xEF\xBB\xBFid,72.3,,3\r\n");
}

TEST(Cells, DisplayWidthCountsHangulAsTwoColumns) {
  EXPECT_EQ(report::display_width("abc"), 3u);
  EXPECT_EQ(report::display_width("한빛전자"), 8u);
  // A decomposed syllable (ᄒ + ᅡ + ᆫ) is one syllable after NFC.
  EXPECT_EQ(report::display_width("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB"), 2u);
  EXPECT_EQ(report::pad("한", 4), "한  ");
  EXPECT_EQ(report::pad("7", 3, true), "  7");
}

TEST(JsonWriter, ShortestNumbersAndEscapedText) {
  std::ostringstream out;
  report::JsonWriter j(out);
  j.begin_object().field("a", 0.1).field("b", 100.0).field("c", "q\"\n\x01").key("d").begin_array().end_array();
  j.end_object();
  j.finish();
  EXPECT_EQ(out.str(), "{\n  \"a\": 0.1,\n  \"b\": 100,\n  \"c\": \"q\\\"\\n\\u0001\",\n  \"d\": []\n}\n");
}

// Text is quoted in one piece when nothing needs escaping, found eight bytes
// at a time: every byte value, at every place of a text of every length up to
// 19 (shorter than a word, one word, words and an overlapping last one), as a
// value and as a key, gives what escaping byte by byte gives.
TEST(JsonWriter, FindsEveryByteToEscapeWherever) {
  for (std::size_t size = 1; size <= 19; ++size) {
    for (int byte = 1; byte < 256; ++byte) {
      for (std::size_t at = 0; at < size; ++at) {
        std::string text(size, 'a');
        text[at] = static_cast<char>(byte);
        const std::string quoted = report::json_quote(text);
        std::ostringstream out;
        report::JsonWriter j(out);
        j.begin_array().value(text).end_array();
        j.finish();
        ASSERT_EQ(out.str(), "[\n  " + quoted + "\n]\n") << byte << " at " << at << " of " << size;
        // The same text as the first and as a later key of an object.
        std::ostringstream keys;
        report::JsonWriter k(keys);
        k.begin_object().key_text(text).value(1).key("b").begin_object().field("c", 2).key_text(text).value(3);
        k.end_object().end_object();
        k.finish();
        ASSERT_EQ(keys.str(), "{\n  " + quoted + ": 1,\n  \"b\": {\n    \"c\": 2,\n    " + quoted + ": 3\n  }\n}\n")
            << byte << " at " << at << " of " << size;
      }
    }
  }
}

// Short texts, keys and indents are copied as words that may overlap: a
// text of any length up to 70 (no word, one, two overlapping, or a long
// copy), as a value and as a key, at any depth up to 20 (an indent of up to
// 40 spaces), and keys written in the code, short and long, come out whole.
TEST(JsonWriter, CopiesTextsKeysAndIndentsOfEveryLengthWhole) {
  for (std::size_t size = 0; size <= 70; ++size) {
    std::string text;
    for (std::size_t i = 0; i < size; ++i) text += static_cast<char>('A' + i % 26);
    for (std::size_t depth = 0; depth <= 20; ++depth) {
      std::ostringstream out;
      report::JsonWriter j(out);
      for (std::size_t d = 0; d < depth; ++d) j.begin_array();
      j.begin_object().key_text(text).value(text).key("k").value(1);
      j.key("a key written in the code that is longer than two words").value(2).end_object();
      for (std::size_t d = 0; d < depth; ++d) j.end_array();
      j.finish();
      std::string expected;
      const auto indent = [](std::size_t levels) { return std::string(2 * levels, ' '); };
      for (std::size_t d = 0; d < depth; ++d) expected += (d ? "\n" + indent(d) : "") + "[";
      expected += (depth ? "\n" + indent(depth) : "") + "{\n";
      expected += indent(depth + 1) + "\"" + text + "\": \"" + text + "\",\n";
      expected += indent(depth + 1) + "\"k\": 1,\n";
      expected += indent(depth + 1) + "\"a key written in the code that is longer than two words\": 2\n";
      expected += indent(depth) + "}";
      for (std::size_t d = depth; d-- > 0;) expected += "\n" + indent(d) + "]";
      ASSERT_EQ(out.str(), expected + "\n") << size << " at depth " << depth;
    }
  }
}

// Whole numbers print as to_chars prints them, through a shorter way below
// 10 000; past it (1e+05 is shorter than 100000) and for fractions, to_chars.
TEST(JsonWriter, WholeNumbersAsToCharsPrintsThem) {
  std::vector<double> numbers;
  for (int k = -12000; k <= 12000; ++k) numbers.push_back(k);
  for (double d : {9999.5, -9999.5, 0.5, 1e5, 2e4, 1e15, 1e21, 123456.0, 0.1, -0.0, 1e-7})
    numbers.push_back(d);
  for (double d : numbers) {
    std::ostringstream out;
    report::JsonWriter j(out);
    j.begin_array().value(d).end_array();
    j.finish();
    std::array<char, 32> text{};
    const auto end = std::to_chars(text.data(), text.data() + text.size(), d).ptr;
    const std::string expected = d == 0 ? "0" : std::string(text.data(), end);
    ASSERT_EQ(out.str(), "[\n  " + expected + "\n]\n") << d;
  }
}

TEST(JsonWriter, NumbersSeenBeforeAreTheSameBytesAsNew) {
  // The writer keeps the texts of numbers it printed in a small table: many
  // more numbers than it holds, printed three times in different orders
  // (so that they meet each other in the table), must each still print as
  // std::to_chars prints them.
  std::vector<double> numbers;
  for (int k = 1; k <= 5000; ++k) {
    numbers.push_back(k / 7.0);
    numbers.push_back(-k * 1e-3);
    numbers.push_back(std::nextafter(k / 7.0, 0.0));  // bits close to the first
  }
  std::vector<double> order = numbers;
  order.insert(order.end(), numbers.rbegin(), numbers.rend());
  for (std::size_t k = 0; k < numbers.size(); k += 2) order.push_back(numbers[k]);
  std::ostringstream out;
  std::string expected = "[";
  {
    report::JsonWriter j(out);
    j.begin_array();
    for (double d : order) {
      j.value(d);
      std::array<char, 32> text{};
      const auto end = std::to_chars(text.data(), text.data() + text.size(), d).ptr;
      expected += (expected.size() > 1 ? ",\n  " : "\n  ") + std::string(text.data(), end);
    }
    j.end_array();
    j.finish();
  }
  EXPECT_EQ(out.str(), expected + "\n]\n");
}

TEST(JsonWriter, RepeatedValuesAreTheSameBytesAsSingleOnes) {
  const auto render = [](bool repeated) {
    std::ostringstream out;
    report::JsonWriter j(out);
    j.begin_object().key("a").begin_array();
    if (repeated) {
      j.values(0.0, 0).values(0.0, 3).value(0.25).values(1.5, 2);
    } else {
      j.value(0.0).value(0.0).value(0.0).value(0.25).value(1.5).value(1.5);
    }
    j.end_array().key("b").begin_array().values(0.0, 1).end_array().end_object();
    j.finish();
    return out.str();
  };
  EXPECT_EQ(render(true), render(false));
  EXPECT_EQ(render(true), "{\n  \"a\": [\n    0,\n    0,\n    0,\n    0.25,\n    1.5,\n    1.5\n  ],\n  \"b\": [\n    0\n  ]\n}\n");
  // More than the buffer holds, in one array: flushed on the way, all there.
  std::ostringstream out;
  report::JsonWriter j(out);
  j.begin_array().values(0.0, 100000).end_array();
  j.finish();
  EXPECT_EQ(out.str().size(), 1 + 100000 * 4 + 99999 + 2 + 1);  // [, each "\n  0", the commas, "\n]", "\n"
}

// A long array written in pieces (as scores.json's firms are, on several
// threads) and placed with raw() is the same bytes as written in one go;
// a piece may be far larger than the writer's first room.
TEST(JsonWriter, PiecesAreTheSameBytesAsOneDocument) {
  const std::string long_text(100000, 'x');
  const auto item = [&](report::JsonWriter& j, int k) {
    j.begin_object().field("k", k).field("text", k == 1 ? std::string_view(long_text) : "\t\"").field("empty", "");
    j.end_object();
  };
  std::ostringstream whole;
  {
    report::JsonWriter j(whole);
    j.begin_object().key("items").begin_array();
    for (int k = 0; k < 3; ++k) item(j, k);
    j.end_array().end_object();
    j.finish();
  }
  std::ostringstream pieced;
  {
    report::JsonWriter j(pieced);
    j.begin_object().key("items").begin_array();
    for (int k = 0; k < 3; ++k) {
      report::JsonWriter piece(j.depth());
      item(piece, k);
      j.raw(piece.take().text());
    }
    j.end_array().end_object();
    j.finish();
  }
  EXPECT_EQ(pieced.str(), whole.str());
  EXPECT_NE(whole.str().find("\"text\": \"\\t\\\"\""), std::string::npos);
  EXPECT_NE(whole.str().find("\"empty\": \"\""), std::string::npos);
  EXPECT_NE(whole.str().find(long_text), std::string::npos);
  EXPECT_EQ(report::json_quote(""), "\"\"");
  EXPECT_EQ(report::json_quote("a\x1f\\"), "\"a\\u001f\\\\\"");
}

TEST(Svg, ChartsEscapeLabelsAndAreDeterministic) {
  const std::vector<report::RadarSeries> series = {{"<b>firm</b>", {50.0, std::nullopt, 100.0}, "#4575b4", false}};
  const std::string a = report::radar_svg({"x & y", "long axis label here", "z"}, series, 240);
  const std::string b = report::radar_svg({"x & y", "long axis label here", "z"}, series, 240);
  EXPECT_EQ(a, b);
  EXPECT_NE(a.find("x &amp; y"), std::string::npos);
  EXPECT_NE(a.find("&lt;b&gt;firm&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(a.find("<b>"), std::string::npos);
  const std::string q = report::quadrant_svg({{80, 20, 50, "#1a9850", "A + B \"quoted\""}}, "x", "y", "size");
  EXPECT_NE(q.find("A + B &quot;quoted&quot;"), std::string::npos);
}

#include "ecoscore/report/views.hpp"

TEST(Spearman, RanksWithTiesAveraged) {
  // x ranks 1..5; y = 5 6 7 8 7 ranks 1 2 3.5 5 3.5. Deviations from the mean
  // rank 3: dx = -2 -1 0 1 2, dy = -2 -1 .5 2 .5; sxy = 8, sxx = 10, syy = 9.5.
  const auto rho = report::spearman({1, 2, 3, 4, 5}, {5, 6, 7, 8, 7});
  ASSERT_TRUE(rho);
  EXPECT_NEAR(*rho, 8.0 / std::sqrt(95.0), 1e-12);
  EXPECT_DOUBLE_EQ(*report::spearman({1, 2, 3}, {10, 20, 300}), 1.0);   // monotone, not linear
  EXPECT_DOUBLE_EQ(*report::spearman({1, 2, 3}, {3, 2, 1}), -1.0);
  EXPECT_FALSE(report::spearman({1, 2}, {1, 2}).has_value());           // fewer than 3
  EXPECT_FALSE(report::spearman({1, 2, 3}, {4, 4, 4}).has_value());     // constant
}
