#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "ecoscore/audit/compare.hpp"
#include "ecoscore/audit/manifest.hpp"
#include "ecoscore/audit/publish.hpp"
#include "ecoscore/audit/sha256.hpp"
#include "ecoscore/core/error.hpp"

namespace audit = ecoscore::audit;
namespace core = ecoscore::core;

TEST(Sha256, KnownDigests) {
  // FIPS 180-2 test vectors.
  EXPECT_EQ(audit::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(audit::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // Each thread reuses one context: a digest taken after another, on this
  // thread or a new one, is its text's alone.
  (void)audit::sha256(std::string(1000, 'y'));
  EXPECT_EQ(audit::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  std::thread([] {
    EXPECT_EQ(audit::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }).join();
}

TEST(Sha256, KeepsTheBytesAndShowsThemAsHex) {
  const audit::Sha256 abc = audit::sha256("abc");
  EXPECT_EQ(abc.bytes.front(), 0xba);
  EXPECT_EQ(abc.bytes.back(), 0xad);
  EXPECT_EQ(abc.hex(), audit::sha256_hex("abc"));
  EXPECT_NE(abc, audit::sha256("abd"));
  // A file's digest is the digest of its bytes, across the 64 KiB it reads at a time.
  const std::string bytes(200000, 'x');
  const auto path = std::filesystem::temp_directory_path() / "ecoscore-sha256-test.bin";
  std::ofstream(path, std::ios::binary) << bytes;
  EXPECT_EQ(audit::sha256_file(path.string()), audit::sha256(bytes));
  std::filesystem::remove(path);
}

TEST(RunDate, FromOptionOrSourceDateEpoch) {
  EXPECT_EQ(audit::run_date("", nullptr), "");
  EXPECT_EQ(audit::run_date("", ""), "");
  EXPECT_EQ(audit::run_date("2016-12-31", "0"), "2016-12-31");  // the option wins
  EXPECT_EQ(audit::run_date("", "0"), "1970-01-01");
  EXPECT_EQ(audit::run_date("", "1483228799"), "2016-12-31");  // 2016-12-31T23:59:59Z
  EXPECT_EQ(audit::run_date("", "1483228800"), "2017-01-01");
  EXPECT_EQ(audit::run_date("", "951782400"), "2000-02-29");
  for (const char* bad : {"x", "-1", "1.5", "12 ", "1e9"}) EXPECT_THROW(audit::run_date("", bad), core::UsageError) << bad;
  EXPECT_THROW(audit::run_date("2017-02-29", nullptr), core::UsageError);
}

TEST(Manifest, RoundTrips) {
  audit::Manifest m;
  m.tool_version = "9.9.9";
  m.rubric = "rubrics/r.yaml";
  m.paths = {"companies/2016", "extra.yaml"};
  m.method = "weighted-geometric";
  m.lang = "en";
  m.date = "2016-12-31";
  m.rescore = true;
  m.working_directory = "../..";
  m.limits.max_file_bytes = 1234;
  m.rubric_id = "r";
  m.rubric_version = "2.0";
  m.inputs = {{"companies/2016/a.yaml", "aa"}, {"rubrics/r.yaml", "bb"}};
  m.outputs = {{"report.md", "cc"}};
  m.decisions = {{"firm", "2017-04-12", "downgrade"}};
  std::ostringstream text;
  audit::write_manifest(text, m);
  const std::string path = testing::TempDir() + "/manifest.json";
  std::ofstream(path) << text.str();
  const audit::Manifest r = audit::read_manifest(path);
  EXPECT_EQ(r.tool_version, "9.9.9");
  EXPECT_EQ(r.paths, m.paths);
  EXPECT_EQ(r.method, "weighted-geometric");
  EXPECT_EQ(r.normalization, "");
  EXPECT_EQ(r.lang, "en");
  EXPECT_EQ(r.date, "2016-12-31");
  EXPECT_TRUE(r.rescore);
  EXPECT_EQ(r.working_directory, "../..");
  EXPECT_EQ(r.limits.max_file_bytes, 1234u);
  EXPECT_EQ(r.inputs.size(), 2u);
  EXPECT_EQ(r.inputs[1].sha256, "bb");
  EXPECT_EQ(r.outputs[0].path, "report.md");
  ASSERT_EQ(r.decisions.size(), 1u);
  EXPECT_EQ(r.decisions[0].company, "firm");
  EXPECT_EQ(r.decisions[0].kind, "downgrade");
  std::remove(path.c_str());
}

TEST(Manifest, RefusesWhatIsNotOne) {
  const std::string path = testing::TempDir() + "/not-a-manifest.json";
  std::ofstream(path) << "{\"manifest_version\": 2}";
  EXPECT_THROW(audit::read_manifest(path), core::InputError);
  std::ofstream(path) << "not json";
  EXPECT_THROW(audit::read_manifest(path), core::InputError);
  std::remove(path.c_str());
  EXPECT_THROW(audit::read_manifest(path), core::MissingInputError);
}

namespace {

std::string scores(const std::string& companies) {
  return R"({"rubric": {"id": "r", "version": "1", "precision": 1}, "companies": [)" + companies + "]}";
}

std::string firm(const std::string& id, const std::string& total, const std::string& grade, int rank,
                 const std::string& raw) {
  return R"({"id": ")" + id + R"(", "name": {"ko": "", "en": ")" + id + R"("}, "total": )" + total +
         R"(, "grade": ")" + grade + R"(", "rank": )" + std::to_string(rank) +
         R"(, "dimensions": [{"id": "d", "score": )" + total + R"(}], "indicators": [{"id": "i", "raw": )" + raw +
         R"(, "normalized": )" + total + "}]}";
}

}  // namespace

TEST(Compare, NamesEveryChangedNumber) {
  const auto a = audit::read_run_numbers(
      scores(firm("x", "80", "a", 1, "5") + "," + firm("y", "60", "b", 2, "3") + "," + firm("gone", "10", "c", 3, "1")),
      "a", core::Lang::en);
  const auto b = audit::read_run_numbers(
      scores(firm("x", "70", "b", 1, "4") + "," + firm("y", "60", "b", 2, "3") + "," + firm("new", "50", "b", 3, "2")),
      "b", core::Lang::en);
  const auto c = audit::compare_runs(a, b);
  ASSERT_TRUE(c.differs());
  using K = audit::Change::Kind;
  std::vector<std::pair<std::string, K>> seen;
  for (const auto& ch : c.changes) seen.emplace_back(ch.firm, ch.kind);
  const std::vector<std::pair<std::string, K>> expected = {
      {"gone", K::removed}, {"new", K::added},       {"x", K::raw},   {"x", K::normalized},
      {"x", K::dimension},  {"x", K::total},         {"x", K::grade}};
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(c.changes[5].before, "80.0");
  EXPECT_EQ(c.changes[5].after, "70.0");
  EXPECT_EQ((c.grades.at({"a", "b"})), 1);
  EXPECT_EQ((c.grades.at({"b", "b"})), 1);
  EXPECT_FALSE(audit::compare_runs(a, a).differs());
}

TEST(Compare, ShowsFullPrecisionWhenRoundingWouldHideTheChange) {
  const auto a = audit::read_run_numbers(scores(firm("x", "58.19444", "a", 1, "5")), "a", core::Lang::en);
  const auto b = audit::read_run_numbers(scores(firm("x", "58.21428", "a", 1, "5")), "b", core::Lang::en);
  const auto c = audit::compare_runs(a, b);
  const auto total = std::find_if(c.changes.begin(), c.changes.end(),
                                  [](const auto& ch) { return ch.kind == audit::Change::Kind::total; });
  ASSERT_NE(total, c.changes.end());
  EXPECT_EQ(total->before, "58.19444");
  EXPECT_EQ(total->after, "58.21428");
}

namespace {

std::string temp_folder(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("ecoscore-publish-" + name);
  std::filesystem::remove_all(dir);
  return dir.string();
}

}  // namespace

TEST(Publish, RefusesNamesOutsideTheFolderBeforeWritingAnything) {
  for (const std::string bad : {"../escape.txt", "sub/file.txt", ".hidden", "", "a\nb", "/etc/passwd"}) {
    const std::string dir = temp_folder("names");
    EXPECT_THROW(audit::publish(dir, {{"ok.txt", "x"}, {bad, "y"}}, false), ecoscore::core::OutputError) << bad;
    EXPECT_FALSE(std::filesystem::exists(dir)) << bad;  // not even the folder
  }
}

TEST(Publish, RefusesNamesThatCollideWithoutCase) {
  const std::string dir = temp_folder("case");
  EXPECT_THROW(audit::publish(dir, {{"Report.csv", "a"}, {"report.CSV", "b"}}, false), ecoscore::core::OutputError);
  EXPECT_FALSE(std::filesystem::exists(dir));
}

TEST(Publish, WritesEveryFileAndNoTemporary) {
  const std::string dir = temp_folder("ok");
  audit::publish(dir, {{"a.txt", "alpha"}, {"manifest.json", "{}"}}, false);
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"a.txt", "manifest.json"}));
  EXPECT_THROW(audit::publish(dir, {{"a.txt", "beta"}}, false), ecoscore::core::OutputError);  // not without --force
  std::filesystem::remove_all(dir);
}
