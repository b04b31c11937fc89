// The analysis methods against published worked examples. Each test names its
// source; the expected figures are the published ones, to the digits printed.
#include <gtest/gtest.h>

#include <cmath>

#include "ecoscore/load/workspace.hpp"
#include "ecoscore/model/ahp.hpp"

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
