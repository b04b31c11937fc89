// The analysis methods against published worked examples. Each test names its
// source; the expected figures are the published ones, to the digits printed.
#include <gtest/gtest.h>

#include <cmath>

#include "ecoscore/load/workspace.hpp"
#include "ecoscore/model/ahp.hpp"
#include "ecoscore/score/topsis.hpp"

namespace load = ecoscore::load;
namespace model = ecoscore::model;

namespace {

std::string repo(const std::string& relative) { return std::string(ECOSCORE_SOURCE_DIR) + "/" + relative; }

// Rounds to `decimals` places, half away from zero, as the sources print.
double rounded(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(v * scale) / scale;
}

// --- AHP -------------------------------------------------------------------

// Saaty (1990), "How to make a decision: the analytic hierarchy process",
// EJOR 48: 9-26, the house example (tests/data/ahp/saaty-house.yaml):
// priorities .173 .054 .188 .018 .031 .036 .167 .333; lambda_max 9.669,
// C.I. 0.238, C.R. 0.169.
TEST(Ahp, SaatyHouseExampleEigenvector) {
  const model::Ahp ahp = load::load_ahp_file(repo("tests/data/ahp/saaty-house.yaml"), {});
  const std::vector<double> published{.173, .054, .188, .018, .031, .036, .167, .333};
  ASSERT_EQ(ahp.result.weights.size(), published.size());
  for (std::size_t i = 0; i < published.size(); ++i)
    EXPECT_DOUBLE_EQ(rounded(ahp.result.weights[i], 3), published[i]) << ahp.criteria[i];
  EXPECT_DOUBLE_EQ(rounded(ahp.result.lambda_max, 3), 9.669);
  EXPECT_DOUBLE_EQ(rounded(ahp.result.ci, 3), 0.238);
  EXPECT_DOUBLE_EQ(rounded(ahp.result.cr, 3), 0.169);
  EXPECT_DOUBLE_EQ(ahp.result.random_index, 1.41);
}

TEST(Ahp, ConsistentMatrixGivesItsRatiosByBothMethods) {
  const std::vector<double> w{0.5, 0.25, 0.125, 0.125};
  std::vector<std::vector<double>> a(4, std::vector<double>(4));
  for (std::size_t i = 0; i < 4; ++i)
    for (std::size_t j = 0; j < 4; ++j) a[i][j] = w[i] / w[j];
  for (auto method : {model::AhpMethod::eigenvector, model::AhpMethod::geometric}) {
    const model::AhpResult r = model::derive_weights(a, method);
    for (std::size_t i = 0; i < 4; ++i) EXPECT_NEAR(r.weights[i], w[i], 1e-12);
    EXPECT_NEAR(r.lambda_max, 4.0, 1e-12);
    EXPECT_NEAR(r.cr, 0.0, 1e-12);
  }
}

TEST(Ahp, GeometricMeanOfRowsIsNormalized) {
  // Rows (1, 3, 9), (1/3, 1, 3), (1/9, 1/3, 1): geometric means 3, 1, 1/3.
  const std::vector<std::vector<double>> a{{1, 3, 9}, {1.0 / 3, 1, 3}, {1.0 / 9, 1.0 / 3, 1}};
  const model::AhpResult r = model::derive_weights(a, model::AhpMethod::geometric);
  EXPECT_NEAR(r.weights[0], 9.0 / 13, 1e-12);
  EXPECT_NEAR(r.weights[1], 3.0 / 13, 1e-12);
  EXPECT_NEAR(r.weights[2], 1.0 / 13, 1e-12);
}

TEST(Ahp, SaatyRandomIndexTable) {
  EXPECT_EQ(model::random_index(1), 0.0);
  EXPECT_EQ(model::random_index(2), 0.0);
  EXPECT_EQ(model::random_index(3), 0.58);
  EXPECT_EQ(model::random_index(4), 0.90);
  EXPECT_EQ(model::random_index(10), 1.49);
  EXPECT_EQ(model::random_index(15), 1.59);
  EXPECT_FALSE(model::random_index(16).has_value());
  EXPECT_FALSE(model::random_index(0).has_value());
}

}  // namespace

// --- TOPSIS ----------------------------------------------------------------

namespace {

namespace score = ecoscore::score;

// Roszkowska, E. (2011). Multi-criteria decision making models by applying the
// TOPSIS method to crisp and interval data. Multiple Criteria Decision Making
// 6: 200-230, Example 1: five alternatives, four criteria (C2 a cost),
// weights .175 .425 .175 .225. Published separations and relative closeness.
TEST(Topsis, RoszkowskaExample1) {
  score::TopsisMatrix m;
  m.rows = 5;
  m.criteria = 4;
  m.directions = {model::Direction::benefit, model::Direction::cost, model::Direction::benefit,
                  model::Direction::benefit};
  m.values = {7, 21, 4, 7, 7, 24, 6, 4, 14, 25, 3, 8, 14, 26, 9, 3, 21, 35, 4, 4};
  for (std::size_t i = 0; i < 5; ++i)
    for (double w : {.175, .425, .175, .225}) m.weights.push_back(w);
  const score::TopsisResult r = score::topsis(m);
  const std::vector<double> plus{0.107805, 0.117942, 0.096981, 0.105379, 0.141766};
  const std::vector<double> minus{0.124281, 0.090785, 0.122181, 0.112779, 0.083486};
  const std::vector<double> closeness{0.535497, 0.434945, 0.557491, 0.516961, 0.370633};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_DOUBLE_EQ(rounded(r.to_ideal[i], 6), plus[i]) << "A" << i + 1;
    EXPECT_DOUBLE_EQ(rounded(r.to_anti_ideal[i], 6), minus[i]) << "A" << i + 1;
    EXPECT_DOUBLE_EQ(rounded(r.closeness[i], 6), closeness[i]) << "A" << i + 1;
  }
}

TEST(Topsis, AbsentCellsAreLeftOutOfTheRowsDistances) {
  // Row 1 lacks criterion 2; it is measured on criterion 1 only, where it is
  // the ideal. Row 3 is the anti-ideal on both.
  score::TopsisMatrix m;
  m.rows = 3;
  m.criteria = 2;
  m.directions = {model::Direction::benefit, model::Direction::benefit};
  m.values = {4, 99, 3, 5, 2, 1};
  m.weights = {1, 0, 0.5, 0.5, 0.5, 0.5};
  const score::TopsisResult r = score::topsis(m);
  EXPECT_DOUBLE_EQ(r.closeness[0], 1.0);
  EXPECT_GT(r.closeness[1], 0.0);
  EXPECT_LT(r.closeness[1], 1.0);
  EXPECT_DOUBLE_EQ(r.closeness[2], 0.0);
}

TEST(Topsis, AllAlikeIsTheIdeal) {
  score::TopsisMatrix m;
  m.rows = 3;
  m.criteria = 1;
  m.directions = {model::Direction::cost};
  m.values = {2, 2, 2};
  m.weights = {1, 1, 1};
  for (double c : score::topsis(m).closeness) EXPECT_DOUBLE_EQ(c, 1.0);
}

}  // namespace
