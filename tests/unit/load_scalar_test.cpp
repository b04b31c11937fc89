#include <gtest/gtest.h>

#include <forward_list>
#include <span>

#include "ecoscore/load/csv.hpp"
#include "ecoscore/load/scalar.hpp"
#include "ecoscore/model/id.hpp"

namespace load = ecoscore::load;
using load::NumberError;

struct NumberCase {
  const char* text;
  NumberError error;
  double value;
};

class ParseNumber : public testing::TestWithParam<NumberCase> {};

TEST_P(ParseNumber, AcceptsOnlyWhatAPersonMeans) {
  const auto& c = GetParam();
  const auto r = load::parse_number(c.text);
  EXPECT_EQ(r.error, c.error) << c.text;
  if (c.error == NumberError::none) {
    EXPECT_EQ(r.value, c.value) << c.text;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, ParseNumber,
    testing::Values(NumberCase{"4", NumberError::none, 4}, NumberCase{"-0.25", NumberError::none, -0.25},
                    NumberCase{"0", NumberError::none, 0}, NumberCase{"0.5", NumberError::none, 0.5},
                    NumberCase{"1e3", NumberError::none, 1000}, NumberCase{"9.0", NumberError::none, 9},
                    NumberCase{"010", NumberError::leading_zero, 0},
                    NumberCase{"-007", NumberError::leading_zero, 0},
                    NumberCase{"0x1F", NumberError::invalid, 0}, NumberCase{"1,5", NumberError::invalid, 0},
                    NumberCase{"+5", NumberError::invalid, 0}, NumberCase{" 5", NumberError::invalid, 0},
                    NumberCase{"5 ", NumberError::invalid, 0}, NumberCase{"1_000", NumberError::invalid, 0},
                    NumberCase{"", NumberError::invalid, 0}, NumberCase{"five", NumberError::invalid, 0},
                    NumberCase{".nan", NumberError::not_finite, 0}, NumberCase{".NaN", NumberError::not_finite, 0},
                    NumberCase{".inf", NumberError::not_finite, 0}, NumberCase{"-.inf", NumberError::not_finite, 0},
                    NumberCase{"inf", NumberError::not_finite, 0}, NumberCase{"nan", NumberError::not_finite, 0},
                    NumberCase{"1e400", NumberError::out_of_range, 0},
                    NumberCase{"1e-400", NumberError::out_of_range, 0},
                    NumberCase{"0e-400", NumberError::none, 0}));

TEST(ParseBoolean, OnlyTrueAndFalse) {
  EXPECT_EQ(load::parse_boolean("true"), true);
  EXPECT_EQ(load::parse_boolean("false"), false);
  for (const char* t : {"True", "TRUE", "yes", "no", "NO", "y", "n", "on", "off", "1", "0"})
    EXPECT_FALSE(load::parse_boolean(t).has_value()) << t;
}

TEST(ParseDate, RealCalendarDatesOnly) {
  const auto d = load::parse_date("2016-02-29");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year, 2016);
  EXPECT_EQ(d->month, 2);
  EXPECT_EQ(d->day, 29);
  for (const char* t : {"2017-02-29", "2016-13-01", "2016-00-10", "2016-04-31", "16-01-01", "2016/01/01",
                        "2016-1-1", "2016-01-01T00:00", "1800-01-01"})
    EXPECT_FALSE(load::parse_date(t).has_value()) << t;
  EXPECT_TRUE(load::parse_date("2000-02-29").has_value());
  EXPECT_FALSE(load::parse_date("1900-02-29").has_value());
}

TEST(Id, Allowlist) {
  using ecoscore::model::is_valid_id;
  for (const char* ok : {"a", "0", "et-shared-vision", "1-1-crowdfunding", "a.b_c-d", "winwin-ecosystem-2016"})
    EXPECT_TRUE(is_valid_id(ok)) << ok;
  for (const char* bad : {"", "../../x", "/etc/passwd", "a/b", ".", "..", "-a", "_a", "Upper", "a b",
                          "zero\xE2\x80\x8Bwidth", "한글"})
    EXPECT_FALSE(is_valid_id(bad)) << bad;
  EXPECT_TRUE(is_valid_id(std::string(64, 'a')));
  EXPECT_FALSE(is_valid_id(std::string(65, 'a')));
}

namespace {

// Record k's cells, read from the table.
std::vector<load::CsvCell> cells(const load::CsvTable& table, std::size_t k,
                                 std::forward_list<std::string>& unquoted) {
  std::vector<load::CsvCell> out;
  table.read(k, out, unquoted);
  return out;
}

// Each record's texts, for comparing a table at a glance.
std::vector<std::vector<std::string>> texts(const load::CsvTable& table) {
  std::vector<std::vector<std::string>> out;
  std::forward_list<std::string> unquoted;
  for (std::size_t k = 0; k < table.records.size(); ++k) {
    out.emplace_back();
    for (const auto& cell : cells(table, k, unquoted)) out.back().emplace_back(cell.text);
    EXPECT_EQ(static_cast<std::size_t>(table.records[k].width), out.back().size()) << k;
  }
  return out;
}

}  // namespace

// RFC 4180 as spreadsheets write it: quoted cells with delimiters, doubled
// quotes and line breaks; a quote inside an unquoted cell is text; CRLF or
// LF; blank lines skipped; each cell knows its row and column.
TEST(ParseCsv, CellsAsSpreadsheetsWriteThem) {
  ecoscore::core::Diagnostics out;
  const auto table = load::parse_csv("id,name,note\r\na-1,\"Kim, \"\"Lee\"\"\",5\"x\r\n\r\nb-2,\"two\nlines\",\n", "t.csv", out);
  ASSERT_TRUE(table);
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(table->delimiter, ',');
  const std::vector<std::vector<std::string>> want = {
      {"id", "name", "note"}, {"a-1", "Kim, \"Lee\"", "5\"x"}, {"b-2", "two\nlines", ""}};
  EXPECT_EQ(texts(*table), want);
  std::forward_list<std::string> unquoted;
  EXPECT_EQ(cells(*table, 1, unquoted)[2].row, 2);
  EXPECT_EQ(cells(*table, 1, unquoted)[2].column, 3);
  EXPECT_EQ(table->records[2].row, 4);  // after the blank line
  EXPECT_EQ(cells(*table, 2, unquoted)[0].row, 4);
  // The delimiter the header has more of; a last line without its line end.
  const auto semi = load::parse_csv("id;score\nx;1,5", "s.csv", out);
  ASSERT_TRUE(semi);
  EXPECT_EQ(semi->delimiter, ';');
  EXPECT_EQ(texts(*semi), (std::vector<std::vector<std::string>>{{"id", "score"}, {"x", "1,5"}}));
  // Cells view the text, or copies of texts whose "" were undone (many of
  // them, each kept where it was made while more are read).
  std::string many = "a,b\n";
  for (int k = 0; k < 200; ++k) many += "\"x\"\"" + std::to_string(k) + "\",plain" + std::to_string(k) + "\n";
  auto parsed = load::parse_csv(many, "m.csv", out);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->records.size(), 201U);
  std::vector<load::CsvCell> all;
  std::forward_list<std::string> undone;
  for (std::size_t k = 1; k <= 200; ++k) parsed->read(k, all, undone);
  ASSERT_EQ(all.size(), 400U);
  for (int k = 0; k < 200; ++k) {
    const auto record = std::span<const load::CsvCell>(all).subspan(static_cast<std::size_t>(k) * 2, 2);
    EXPECT_EQ(record[0].text, "x\"" + std::to_string(k)) << k;
    EXPECT_EQ(record[1].text, "plain" + std::to_string(k)) << k;
    EXPECT_EQ(record[1].row, k + 2);
    EXPECT_EQ(record[1].column, 2);
  }
}

TEST(ParseCsv, RefusesBrokenQuotesWithTheirPlace) {
  for (const auto& [text, msg, row, column] :
       {std::tuple{"id,name\nx,\"open", ecoscore::core::Msg::csv_unclosed_quote, 2, 2},
        std::tuple{"id,name\nx,\"a\"b,c", ecoscore::core::Msg::csv_after_quote, 2, 2}}) {
    ecoscore::core::Diagnostics out;
    EXPECT_FALSE(load::parse_csv(text, "t.csv", out)) << text;
    ASSERT_EQ(out.size(), 1U) << text;
    EXPECT_EQ(out[0].message, msg) << text;
    EXPECT_EQ(out[0].where.line, row) << text;
    EXPECT_EQ(out[0].where.column, column) << text;
  }
}
