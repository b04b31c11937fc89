#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>

#include "ecoscore/core/error.hpp"
#include "ecoscore/core/number.hpp"
#include "ecoscore/load/workspace.hpp"

namespace core = ecoscore::core;
namespace load = ecoscore::load;
namespace model = ecoscore::model;

namespace {

std::string repo(const std::string& relative) { return std::string(ECOSCORE_SOURCE_DIR) + "/" + relative; }

// The diagnostics an invalid input set throws.
core::Diagnostics errors_of(const std::vector<std::string>& inputs, load::LoadOptions options = {}) {
  options.rubric_dirs = {};
  try {
    load::load_workspace(inputs, options);
  } catch (const core::Error& e) {
    return e.diagnostics();
  }
  ADD_FAILURE() << "no error";
  return {};
}

}  // namespace

TEST(ShippedRubrics, WinWin2016HasTheFourAxesOfTheSeed) {
  const model::Rubric r = load::load_rubric_file(repo("rubrics/winwin-ecosystem-2016.yaml"), {});
  EXPECT_EQ(r.reference(), "winwin-ecosystem-2016@1.0");
  ASSERT_EQ(r.dimensions.size(), 4u);
  const std::vector<std::string> ids = {"ecosystem-thinking", "entrepreneurship-globalization",
                                        "platform-management", "mutual-trust"};
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(r.dimensions[i].id, ids[i]);
    EXPECT_GE(r.dimensions[i].indicators.size(), 3u);
    EXPECT_LE(r.dimensions[i].indicators.size(), 6u);
    for (const auto& ind : r.dimensions[i].indicators) {
      EXPECT_EQ(ind.scale.kind, model::ScaleKind::likert) << ind.id;
      EXPECT_FALSE(ind.label.ko.empty() || ind.label.en.empty()) << ind.id;
      EXPECT_FALSE(ind.anchors.empty()) << ind.id;
    }
  }
  EXPECT_EQ(r.dimensions[0].roles, std::vector<model::Role>{model::Role::large});
  EXPECT_EQ(r.dimensions[1].roles, std::vector<model::Role>{model::Role::sme});
  EXPECT_EQ(r.dimensions[3].roles, (std::vector<model::Role>{model::Role::large, model::Role::sme}));
  EXPECT_EQ(r.dimensions[0].label.ko, "대기업의 기업생태계 사고");
  EXPECT_EQ(r.lang, core::Lang::ko);
}

TEST(ShippedRubrics, SurveyWeightsAreTheSeedsSharesAndAddUpToThePrintedCategoryShares) {
  const model::Rubric r = load::load_rubric_file(repo("rubrics/sme-4ir-issues-2017.yaml"), {});
  EXPECT_EQ(r.weights, model::WeightMode::global);
  ASSERT_EQ(r.dimensions.size(), 7u);
  std::size_t issues = 0;
  double total = 0;
  // The category shares the paper prints: 자금 5, 판로 23, 기술 10, 인력 17, 생산 6, 소상공인 13, 기업생태계 26.
  const std::map<std::string, double> printed = {{"finance", 5},         {"market-access", 23}, {"technology", 10},
                                                 {"workforce", 17},      {"production", 6},     {"small-business", 13},
                                                 {"business-ecosystem", 26}};
  // The issue shares summed by hand: 3.6+1.8; 3.2+3.2+1.8+9.0+5.9; 1.4+2.7+5.9;
  // 6.3+5.0+1.4+4.1; 5.0+0.5+0.5; 3.2+3.2+6.8; 4.1+9.0+4.5+8.1.
  const std::map<std::string, double> sums = {{"finance", 5.4},    {"market-access", 23.1}, {"technology", 10.0},
                                              {"workforce", 16.8}, {"production", 6.0},     {"small-business", 13.2},
                                              {"business-ecosystem", 25.7}};
  for (const auto& d : r.dimensions) {
    issues += d.indicators.size();
    EXPECT_NEAR(d.weight, sums.at(d.id), 1e-9) << d.id;
    EXPECT_EQ(core::round_half_away(d.weight, 0), printed.at(d.id)) << d.id;
    ASSERT_TRUE(d.reported_share);
    EXPECT_EQ(*d.reported_share, printed.at(d.id));
    total += d.weight;
  }
  EXPECT_EQ(issues, 24u);
  EXPECT_NEAR(total, 100.2, 1e-9);  // as printed, rounding included
  const auto [dim, global] = r.find_indicator("2-4-global-opportunities");
  ASSERT_NE(global, nullptr);
  EXPECT_EQ(global->weight, 9.0);
  EXPECT_EQ(dim->id, "market-access");
}

TEST(Rubric, IndexedLookupFindsWhatTheOrderedSearchFinds) {
  load::LoadOptions options;
  options.rubric_dirs = {};
  options.rubric_file = repo("rubrics/winwin-ecosystem-2016.yaml");
  const auto ws = load::load_workspace({repo("companies/2016")}, options);
  const model::Rubric& loaded = *ws.rubric_given();
  model::Rubric plain = loaded;  // a copy keeps the index right (positions, not pointers)
  model::Rubric unindexed;
  unindexed.dimensions = loaded.dimensions;  // never indexed: searched in order
  std::size_t found = 0;
  for (const auto& d : loaded.dimensions)
    for (const auto& i : d.indicators) {
      for (const model::Rubric* r : std::initializer_list<const model::Rubric*>{&loaded, &plain, &unindexed}) {
        const auto [dim, ind] = r->find_indicator(i.id);
        ASSERT_NE(ind, nullptr) << i.id;
        EXPECT_EQ(ind->id, i.id);
        EXPECT_EQ(dim->id, d.id);
        EXPECT_EQ(dim, &r->dimensions[static_cast<std::size_t>(dim - r->dimensions.data())]);
        EXPECT_EQ(r->indicator_position(i.id), found) << i.id;  // counted dimension by dimension
      }
      ++found;
    }
  EXPECT_GT(found, 10u);
  for (const model::Rubric* r : std::initializer_list<const model::Rubric*>{&loaded, &plain, &unindexed}) {
    EXPECT_EQ(r->indicator_count(), found);
    EXPECT_EQ(r->find_indicator("no-such-indicator").second, nullptr);
    EXPECT_EQ(r->find_indicator("").second, nullptr);
    EXPECT_EQ(r->find_indicator("zzzz").second, nullptr);
    EXPECT_EQ(r->indicator_position("no-such-indicator"), std::string::npos);
  }
  // A firm's ratings by position: each where its indicator is, the rest null.
  for (const auto& c : ws.companies) {
    const auto at = c.ratings_by_position(loaded);
    ASSERT_EQ(at.size(), found);
    std::size_t rated = 0;
    for (std::size_t k = 0; k < at.size(); ++k)
      if (at[k]) {
        ++rated;
        EXPECT_EQ(loaded.indicator_position(at[k]->indicator), k);
        EXPECT_EQ(c.find_rating(at[k]->indicator), at[k]);
      }
    EXPECT_EQ(rated, c.evaluation.ratings.size()) << c.id;
  }
  // Added after indexing: found all the same (the index no longer counts).
  plain.dimensions[0].indicators.push_back(plain.dimensions[0].indicators[0]);
  plain.dimensions[0].indicators.back().id = "added-later";
  EXPECT_NE(plain.find_indicator("added-later").second, nullptr);
  EXPECT_EQ(plain.indicator_position("added-later"), plain.dimensions[0].indicators.size() - 1);
  EXPECT_EQ(plain.indicator_position(loaded.dimensions[1].indicators[0].id), plain.dimensions[0].indicators.size());
}

// InOrder finds what find_indicator and indicator_position find, for ids in
// increasing order (merged) and out of it (looked up), known or not.
TEST(Rubric, InOrderFindsWhatTheLookupFinds) {
  const model::Rubric loaded = load::load_rubric_file(repo("rubrics/winwin-ecosystem-2016.yaml"), {});
  model::Rubric copied = loaded;
  model::Rubric unindexed;
  unindexed.dimensions = loaded.dimensions;
  model::Rubric extended = loaded;  // an indicator added after indexing
  extended.dimensions[1].indicators.push_back(extended.dimensions[1].indicators[0]);
  extended.dimensions[1].indicators.back().id = "ab-added-later";
  std::vector<std::string> ids = {"", "aa-before-all", "ab-added-later", "zz-after-all", "m-between"};
  for (const auto& d : extended.dimensions)
    for (const auto& i : d.indicators) ids.push_back(i.id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<std::string> shuffled = ids;  // out of order: every other id first, then the rest backwards
  std::stable_partition(shuffled.begin(), shuffled.end(), [&](const std::string& id) {
    return (std::find(ids.begin(), ids.end(), id) - ids.begin()) % 2 == 1;
  });
  std::reverse(shuffled.begin() + static_cast<std::ptrdiff_t>(shuffled.size() / 2), shuffled.end());
  std::size_t known = 0;
  for (const model::Rubric* r : std::initializer_list<const model::Rubric*>{&loaded, &copied, &unindexed, &extended})
    for (const auto* order : {&ids, &shuffled}) {
      model::Rubric::InOrder in_order(*r);
      for (const auto& id : *order) {
        const auto found = in_order.find(id);
        const auto [dim, ind] = r->find_indicator(id);
        EXPECT_EQ(found.indicator, ind) << id;
        EXPECT_EQ(found.dimension, dim) << id;
        EXPECT_EQ(found.position, r->indicator_position(id)) << id;
        if (ind) ++known;
      }
    }
  // Every indicator of each rubric, found in both orders.
  EXPECT_EQ(known, 2 * (3 * loaded.indicator_count() + extended.indicator_count()));
}

TEST(Workspace, ShowsTheBytesOfEveryFileReadOnce) {
  load::LoadOptions options;
  options.rubric_dirs = {};
  options.rubric_file = repo("rubrics/winwin-ecosystem-2016.yaml");
  options.threads = 3;
  std::mutex lock;
  std::map<std::string, std::string> seen;
  int calls = 0;
  options.on_read = [&](const std::string& path, std::string_view bytes) {
    const std::lock_guard guard(lock);
    ++calls;
    seen[path] = std::string(bytes);
  };
  const auto ws = load::load_workspace({repo("companies/2016")}, options);
  EXPECT_EQ(static_cast<std::size_t>(calls), ws.files.size() + 1);  // the companies, pairs and the rubric
  ASSERT_EQ(seen.size(), ws.files.size() + 1);
  for (const auto& [path, bytes] : seen) {
    std::ifstream in(path, std::ios::binary);
    const std::string on_disk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes, on_disk) << path;
  }
}

TEST(Workspace, ReadsTheMiniDataSetAndFormsPairs) {
  load::LoadOptions options;
  options.rubric_dirs = {};
  const auto ws = load::load_workspace({repo("tests/data/mini")}, options);
  ASSERT_EQ(ws.rubrics.size(), 1u);
  ASSERT_EQ(ws.companies.size(), 2u);
  EXPECT_EQ(ws.companies[0].id, "large-a");
  EXPECT_EQ(ws.companies[1].id, "sme-b");
  ASSERT_EQ(ws.pairs.size(), 1u);
  EXPECT_EQ(ws.pairs[0].large, "large-a");
  EXPECT_EQ(ws.pairs[0].sme, "sme-b");

  const model::Company& a = ws.companies[0];
  const model::Rating* likert = a.find_rating("c-likert");
  ASSERT_NE(likert, nullptr);
  ASSERT_EQ(likert->per_rater.size(), 2u);
  EXPECT_EQ(likert->per_rater[1].rater, "r2");
  EXPECT_EQ(std::get<double>(likert->per_rater[1].value), 5.0);
  const model::Rating* numeric = a.find_rating("c-numeric");
  ASSERT_TRUE(numeric->evidence_date);
  EXPECT_EQ(numeric->evidence_date->day, 29);
  EXPECT_EQ(std::get<std::string>(*a.find_rating("x-levels")->value), "partial");

  const model::Company& b = ws.companies[1];
  EXPECT_EQ(b.name.get(core::Lang::en), "중소기업 나");  // falls back to Korean
  EXPECT_TRUE(b.find_rating("x-levels")->is_missing());
  EXPECT_EQ(std::get<bool>(*b.find_rating("s-boolean")->value), true);
  // sme-b rated every applicable indicator (one explicitly null): no warnings.
  EXPECT_TRUE(ws.warnings.empty());
}

TEST(Workspace, ReportsEveryErrorOfTheRunNotOnlyTheFirst) {
  load::LoadOptions options;
  options.rubric_file = repo("tests/data/mini/rubric.yaml");
  const auto ds = errors_of({repo("tests/data/bad-company/values.yaml"), repo("tests/data/bad-company/keys.yaml")},
                            options);
  std::size_t values = 0, keys = 0;
  for (const auto& d : ds) {
    values += d.where.path.str().ends_with("values.yaml");
    keys += d.where.path.str().ends_with("keys.yaml");
  }
  EXPECT_EQ(values, 10u);
  EXPECT_EQ(keys, 9u);
}

TEST(Workspace, ATypoedIndicatorNeverMakesARatingVanish) {
  load::LoadOptions options;
  options.rubric_file = repo("tests/data/mini/rubric.yaml");
  const auto ds = errors_of({repo("tests/data/bad-company/values.yaml")}, options);
  const auto it = std::find_if(ds.begin(), ds.end(), [](const auto& d) { return d.message == core::Msg::unknown_indicator; });
  ASSERT_NE(it, ds.end());
  EXPECT_EQ(it->args[0], "c-likret");
  EXPECT_EQ(it->suggestion, "c-likert");
  EXPECT_EQ(it->where.line, 9);
}

TEST(Workspace, MissingInputIsExit66AndBadDataWins) {
  try {
    load::load_workspace({repo("tests/data/nowhere")}, {});
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.exit_code(), core::ExitCode::no_input);
  }
  try {
    load::load_workspace({repo("tests/data/nowhere"), repo("tests/data/hostile/anchor.yaml")}, {});
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.exit_code(), core::ExitCode::data_error);
  }
}

TEST(Workspace, OrderOfInputsDoesNotMatter) {
  load::LoadOptions options;
  options.rubric_dirs = {};
  const auto a = load::load_workspace({repo("tests/data/mini/sme-b.yaml"), repo("tests/data/mini/rubric.yaml"),
                                       repo("tests/data/mini/large-a.yaml")}, options);
  const auto b = load::load_workspace({repo("tests/data/mini")}, options);
  ASSERT_EQ(a.companies.size(), b.companies.size());
  for (std::size_t i = 0; i < a.companies.size(); ++i) EXPECT_EQ(a.companies[i].id, b.companies[i].id);
}

// Every diagnostic of loading `input` against the mini rubric with
// `threads` threads, `batch` files at a time, rendered in English ("no error"
// when it loads).
static std::string mini_diagnostics(const std::string& input, unsigned threads, std::size_t batch = 4096) {
  load::LoadOptions options;
  options.rubric_file = repo("tests/data/mini/rubric.yaml");
  options.rubric_dirs = {};
  options.threads = threads;
  options.batch = batch;
  try {
    load::load_workspace(std::vector<std::string>{input}, options);
  } catch (const ecoscore::core::Error& e) {
    std::string all;
    for (const auto& d : e.diagnostics()) all += d.render(ecoscore::core::Lang::en) + "\n";
    return all;
  }
  return "no error";
}

TEST(Workspace, RatingsCsvSameResultWhateverTheThreads) {
  // 400 firms in one ratings CSV, some rows with errors the reader reports
  // (an id that is not one, a size that is not one, a firm twice) and some
  // the checks report (off the scale): read by 1, 3 and every thread, the
  // same companies and the same diagnostics in the same order.
  const auto dir = std::filesystem::temp_directory_path() / "ecoscore-csv-threads";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    std::ofstream f(dir / "ratings.csv");
    f << "id,name_ko,size,period,s-percent\n";
    for (int n = 0; n < 400; ++n) {
      f << (n % 29 == 0 ? "Bad Id " : "c") << 1000 + n << ",가," << (n % 31 == 0 ? "huge" : "micro") << ",2020,"
        << (n % 17 == 0 ? 150 : n % 100) << "\n";
      if (n % 37 == 0) f << "c" << 1000 + n << ",가,micro,2020,1\n";
    }
  }
  const auto load = [&](unsigned threads) { return mini_diagnostics((dir / "ratings.csv").string(), threads); };
  const std::string one = load(1);
  EXPECT_NE(one.find("150 is off the scale"), std::string::npos);
  EXPECT_NE(one.find("Bad Id 1000"), std::string::npos);
  EXPECT_NE(one.find("huge"), std::string::npos);
  EXPECT_NE(one.find("c1037"), std::string::npos);  // the firm written twice
  EXPECT_EQ(load(3), one);
  EXPECT_EQ(load(0), one);
  // Without errors, the companies themselves.
  load::LoadOptions options;
  options.rubric_file = repo("tests/data/mini/rubric.yaml");
  options.rubric_dirs = {};
  {
    std::ofstream f(dir / "ratings.csv");
    f << "id,name_ko,size,period,s-percent,s-boolean\n";
    for (int n = 0; n < 400; ++n)
      f << "c" << 1000 + n << ",가" << n << ",micro,2020," << n % 100 << "," << (n % 2 ? "true" : "false") << "\n";
  }
  options.threads = 1;
  const auto a = load::load_workspace({(dir / "ratings.csv").string()}, options);
  options.threads = 3;
  const auto b = load::load_workspace({(dir / "ratings.csv").string()}, options);
  ASSERT_EQ(a.companies.size(), 400U);
  ASSERT_EQ(b.companies.size(), a.companies.size());
  for (std::size_t i = 0; i < a.companies.size(); ++i) {
    EXPECT_EQ(b.companies[i].id, a.companies[i].id);
    EXPECT_EQ(b.companies[i].name.ko, a.companies[i].name.ko);
    ASSERT_EQ(b.companies[i].evaluation.ratings.size(), 2U);
    for (std::size_t k = 0; k < 2; ++k) {
      EXPECT_EQ(b.companies[i].evaluation.ratings[k].indicator, a.companies[i].evaluation.ratings[k].indicator);
      EXPECT_EQ(b.companies[i].evaluation.ratings[k].value, a.companies[i].evaluation.ratings[k].value);
      EXPECT_EQ(b.companies[i].evaluation.ratings[k].where.line, a.companies[i].evaluation.ratings[k].where.line);
    }
  }
  std::filesystem::remove_all(dir);
}

TEST(Workspace, FoldersGiveTheirYamlFilesBelowTheFolderAsWritten) {
  // Nested folders, hidden files and folders (skipped), .yml, other files
  // and a folder named like a YAML file (skipped); the folder written in
  // several ways and twice: each file once, in order, under the folder as
  // the user wrote it.
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / "ecoscore-expand";
  fs::remove_all(dir);
  fs::create_directories(dir / "b" / "deep");
  fs::create_directories(dir / ".hidden");
  fs::create_directories(dir / "d.yaml");
  for (const char* name : {"a.yaml", "b/c.yml", "b/deep/e.yaml", ".h.yaml", ".hidden/x.yaml", "notes.txt",
                           "d.yaml/inner.yaml", "yaml"})
    std::ofstream(dir / name) << "x: 1\n";
  const auto expand = [&](std::vector<std::string> inputs) {
    core::Diagnostics out;
    auto files = load::expand_inputs(inputs, dir.parent_path().string(), out);
    EXPECT_TRUE(out.empty());
    std::string listed;
    for (const auto& f : files) listed += f + "\n";
    return listed;
  };
  const std::string name = dir.filename().string();
  EXPECT_EQ(expand({name}),
            name + "/a.yaml\n" + name + "/b/c.yml\n" + name + "/b/deep/e.yaml\n" + name + "/d.yaml/inner.yaml\n");
  EXPECT_EQ(expand({name + "/"}), expand({name}));
  EXPECT_EQ(expand({name + "/b", name + "/b/", name + "/b/c.yml"}),
            name + "/b/c.yml\n" + name + "/b/deep/e.yaml\n");
  EXPECT_EQ(expand({"./" + name + "/b/deep"}), "./" + name + "/b/deep/e.yaml\n");
  fs::remove_all(dir);
}

// The files of a folder come in the order std::sort gives their paths,
// whatever their names share: names that begin alike for more than eight
// bytes, names that begin others, capitals, digits and Korean (bytes above
// 0x7F, which sort after ASCII).
TEST(Workspace, FoldersGiveTheirFilesInTheOrderOfTheirPaths) {
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / "ecoscore-order";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  const std::vector<std::string> names = {
      "a.yaml", "ab.yaml", "a-long-name-1.yaml", "a-long-name-10.yaml", "a-long-name-2.yaml", "a-long-name.yaml",
      "Z.yaml", "0.yaml", "한글.yaml", "한.yaml", "a-long-name-1.yml", "sub/a.yaml", "sub.yaml", "firm-000010.yaml",
      "firm-000009.yaml", "firm-0000100.yaml"};
  for (const auto& n : names) std::ofstream(dir / n) << "x: 1\n";
  std::vector<std::string> expected;
  for (const auto& n : names) expected.push_back(dir.string() + "/" + n);
  std::sort(expected.begin(), expected.end());
  core::Diagnostics out;
  EXPECT_EQ(load::expand_inputs({dir.string()}, "", out), expected);
  EXPECT_TRUE(out.empty());
  // Files named one by one, some twice, with the folder: each once, in order.
  EXPECT_EQ(load::expand_inputs({(dir / "sub.yaml").string(), dir.string(), (dir / "0.yaml").string()}, "", out),
            expected);
  fs::remove_all(dir);
}

TEST(Workspace, SameResultWhateverTheThreads) {
  // 300 company files, some with errors, parsed by 1 and by 5 threads: the
  // same companies and the same diagnostics in the same order.
  const auto dir = std::filesystem::temp_directory_path() / "ecoscore-threads";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (int n = 0; n < 300; ++n) {
    std::ofstream f(dir / ("c" + std::to_string(1000 + n) + ".yaml"));
    f << "company:\n  id: c" << 1000 + n << "\n  name: {ko: 가}\n  size: micro\nevaluation:\n  rubric: mini@2\n"
      << "  period: \"2020\"\n  ratings:\n    s-percent: " << (n % 17 == 0 ? 150 : n % 100) << "\n"
      << (n % 23 == 0 ? "  unknown: 1\n" : "");
  }
  // A firm defined twice: the error names where it was defined first.
  std::ofstream(dir / "c9999.yaml") << "company:\n  id: c1003\n  name: {ko: 가}\n  size: micro\nevaluation:\n"
                                    << "  rubric: mini@2\n  period: \"2020\"\n  ratings:\n    s-percent: 1\n";
  const auto load = [&](unsigned threads) { return mini_diagnostics(dir.string(), threads); };
  const std::string one = load(1);
  EXPECT_NE(one.find("150 is off the scale"), std::string::npos);
  EXPECT_NE(one.find("c1003.yaml"), std::string::npos) << one;
  EXPECT_EQ(load(5), one);
  EXPECT_EQ(load(0), one);
  // Parsed and merged a few files at a time (a batch of 7 or of 1 file).
  EXPECT_EQ(mini_diagnostics(dir.string(), 3, 7), one);
  EXPECT_EQ(mini_diagnostics(dir.string(), 2, 1), one);
  std::filesystem::remove_all(dir);
}

TEST(Workspace, SameResultWhateverTheBatchWithACsvAmongTheFiles) {
  // Company files and, in their midst by path, a ratings CSV, some of each
  // with errors, and a firm both in the CSV and in a later file: parsed a
  // batch at a time while the batch before is merged (but the CSV's, merged
  // alone), on any number of threads, the same diagnostics in the same
  // order, and each clean firm handed to on_company once.
  const auto dir = std::filesystem::temp_directory_path() / "ecoscore-batch-csv";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (int n = 0; n < 60; ++n)
    std::ofstream(dir / ("c" + std::to_string(1000 + n) + ".yaml"))
        << "company:\n  id: c" << 1000 + n << "\n  name: {ko: 가}\n  size: micro\nevaluation:\n  rubric: mini@2\n"
        << "  period: \"2020\"\n  ratings:\n    s-percent: " << (n % 11 == 0 ? 150 : n) << "\n";
  const std::string csv = (dir / "c1030.csv").string();  // (after c1029.yaml, before c1030.yaml)
  std::ofstream(csv) << "id,name_ko,size,period,s-percent\nx-1,가,micro,2020,10\nc1040,나,micro,2020,20\n"
                     << "x-2,다,micro,2020,300\n";
  const auto load = [&](unsigned threads, std::size_t batch) {
    load::LoadOptions options;
    options.rubric_file = repo("tests/data/mini/rubric.yaml");
    options.rubric_dirs = {};
    options.threads = threads;
    options.batch = batch;
    std::atomic<int> handed{0};
    options.on_company = [&](const ecoscore::model::Rubric&, ecoscore::model::Company&) { ++handed; };
    std::string all;
    try {
      load::load_workspace({dir.string(), csv}, options);
      all = "no error";
    } catch (const ecoscore::core::Error& e) {
      for (const auto& d : e.diagnostics()) all += d.render(ecoscore::core::Lang::en) + "\n";
    }
    return all + "handed " + std::to_string(handed.load());
  };
  const std::string one = load(1, 4096);
  EXPECT_NE(one.find("c1011.yaml"), std::string::npos) << one;  // off the scale
  EXPECT_NE(one.find("300 is off the scale"), std::string::npos) << one;
  EXPECT_NE(one.find("c1040"), std::string::npos) << one;  // in the CSV and in a file
  EXPECT_NE(one.find("handed 56"), std::string::npos) << one;  // 63 firms, 6 off the scale, x-2 too
  for (const auto& [threads, batch] : std::vector<std::pair<unsigned, std::size_t>>{
           {2, 1}, {2, 2}, {3, 7}, {2, 30}, {2, 31}, {0, 4096}, {1, 3}})
    EXPECT_EQ(load(threads, batch), one) << threads << " threads, batches of " << batch;
  std::filesystem::remove_all(dir);
}

TEST(Workspace, SameCompaniesWhateverTheBatch) {
  // 300 clean company files merged 4096, 7 or 1 at a time: the same
  // companies, each handed to on_company once, room for all of them
  // announced first.
  const auto dir = std::filesystem::temp_directory_path() / "ecoscore-batches";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (int n = 0; n < 300; ++n)
    std::ofstream(dir / ("c" + std::to_string(1000 + n) + ".yaml"))
        << "company:\n  id: c" << 1000 + n << "\n  name: {ko: 가}\n  size: micro\nevaluation:\n  rubric: mini@2\n"
        << "  period: \"2020\"\n  ratings:\n    s-percent: " << n % 100 << "\n";
  const auto load = [&](std::size_t batch) {
    load::LoadOptions options;
    options.rubric_file = repo("tests/data/mini/rubric.yaml");
    options.rubric_dirs = {};
    options.threads = 2;
    options.batch = batch;
    std::mutex lock;
    std::vector<std::string> handed;
    std::size_t announced = 0;
    options.on_companies_ahead = [&](std::size_t count) {
      EXPECT_TRUE(handed.empty());
      announced += count;
    };
    options.on_company = [&](const ecoscore::model::Rubric&, ecoscore::model::Company& c) {
      const std::lock_guard hold(lock);
      handed.push_back(c.id);
    };
    auto ws = load::load_workspace({dir.string()}, options);
    std::sort(handed.begin(), handed.end());
    EXPECT_EQ(announced, 300U);
    std::vector<std::string> ids;
    for (const auto& c : ws.companies) ids.push_back(c.id + ":" + c.path.str());
    EXPECT_EQ(handed.size(), ws.companies.size());
    for (std::size_t k = 0; k < handed.size() && k < ws.companies.size(); ++k)
      EXPECT_EQ(handed[k], ws.companies[k].id);
    return ids;
  };
  const auto whole = load(4096);
  ASSERT_EQ(whole.size(), 300U);
  EXPECT_EQ(whole.front(), "c1000:" + (dir / "c1000.yaml").string());
  EXPECT_EQ(load(7), whole);
  EXPECT_EQ(load(1), whole);
  std::filesystem::remove_all(dir);
}

// A firm both in a ratings CSV and in a company file is reported once, as
// the later file's (files are read in path order), whichever comes first:
// the CSV (whose array of companies the workspace takes over) or the file
// (when the CSV's firms are appended, the duplicate closed up among them).
TEST(Workspace, AFirmInACsvAndInAFileIsADuplicateEitherWay) {
  const auto dir = std::filesystem::temp_directory_path() / "ecoscore-csv-duplicate";
  const std::string rows = "id,name_ko,size,period,s-percent\nx-1,가,micro,2020,10\nsme-b,나,micro,2020,20\nx-2,다,micro,2020,30\n";
  for (const bool csv_first : {true, false}) {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string csv = (dir / (csv_first ? "a.csv" : "z.csv")).string();
    std::ofstream(csv) << rows;
    std::filesystem::copy_file(repo("tests/data/mini/sme-b.yaml"), dir / "m-sme-b.yaml");
    load::LoadOptions options;
    options.rubric_file = repo("tests/data/mini/rubric.yaml");
    const core::Diagnostics found = errors_of({csv, (dir / "m-sme-b.yaml").string()}, options);
    std::vector<std::string> errors;
    for (const auto& d : found)
      if (d.severity == core::Severity::error) errors.push_back(d.render(core::Lang::en));
    ASSERT_EQ(errors.size(), 1U) << csv_first << "\n" << (errors.empty() ? "" : errors[0]);
    const std::string later = csv_first ? (dir / "m-sme-b.yaml").string() : csv;
    const std::string first = csv_first ? csv : (dir / "m-sme-b.yaml").string();
    EXPECT_EQ(errors[0].rfind(later, 0), 0U) << errors[0];
    EXPECT_NE(errors[0].find("sme-b"), std::string::npos) << errors[0];
    EXPECT_NE(errors[0].find(first), std::string::npos) << errors[0];
  }
}

// Where several periods are allowed (validate), a firm is a duplicate only
// within one period: the same id in 2020 and 2021 is two evaluations, from
// files or a ratings CSV, and a second 2021 is refused naming the first.
TEST(Workspace, SeveralPeriodsAFirmIsADuplicateOnlyWithinAPeriod) {
  const auto dir = std::filesystem::temp_directory_path() / "ecoscore-periods-duplicate";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto file = [&](const std::string& name, const std::string& id, const std::string& period, int percent = 1) {
    std::ofstream(dir / name) << "company:\n  id: " << id << "\n  name: {ko: 가}\n  size: micro\nevaluation:\n"
                              << "  rubric: mini@2\n  period: \"" << period << "\"\n  ratings:\n    s-percent: "
                              << percent << "\n"
                              << "    s-boolean: true\n    x-bands: 2\n    x-levels: ~\n";
    return (dir / name).string();
  };
  const std::string a = file("a.yaml", "sme-b", "2020"), c = file("c.yaml", "x-1", "2020");
  const std::string b = (dir / "b.csv").string();
  std::ofstream(b) << "id,name_ko,size,period,s-percent,s-boolean,x-bands,x-levels\n"
                   << "sme-b,나,micro,2021,20,true,2,\nx-1,가,micro,2021,10,true,2,\n";
  load::LoadOptions options;
  options.rubric_file = repo("tests/data/mini/rubric.yaml");
  options.rubric_dirs = {};
  options.several_periods = true;
  const auto ws = load::load_workspace({a, b, c}, options);
  std::vector<std::string> keys;
  for (const auto& firm : ws.companies) keys.push_back(firm.id + "@" + firm.evaluation.period.str());
  EXPECT_EQ(keys, (std::vector<std::string>{"sme-b@2020", "sme-b@2021", "x-1@2020", "x-1@2021"}));

  // (A later definition is not checked: its 150 off the scale is not reported.)
  const std::string d = file("d.yaml", "x-1", "2021", 150);
  const auto errors = [&](const std::vector<std::string>& inputs) {
    std::vector<std::string> all;
    for (const auto& found : errors_of(inputs, options))
      if (found.severity == core::Severity::error) all.push_back(found.render(core::Lang::en));
    return all;
  };
  const std::vector<std::string> found = errors({a, b, c, d});
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].rfind(d, 0), 0U) << found[0];
  EXPECT_NE(found[0].find("'x-1' is also defined in " + b), std::string::npos) << found[0];
  // Within one period, as before: x-1 and sme-b twice each.
  options.several_periods = false;
  EXPECT_EQ(errors({a, b, c}).size(), 2U);
  std::filesystem::remove_all(dir);
}
