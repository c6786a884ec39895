#include "detect/robust_stats.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

TEST(RobustStats, MedianAndMadIgnoreOneHugeOutlier) {
  std::vector<double> v = {10, 11, 9, 10, 12, 8, 10, 1e9};
  const RobustSummary s = Summarize(v);
  EXPECT_DOUBLE_EQ(s.median, 10);
  EXPECT_NEAR(s.spread, 1.4826, 1e-9);
  EXPECT_GT(RobustZ(1e9, s, 0.1), 1e6);
}

TEST(RobustStats, QuantileInterpolatesAndEmptyIsZero) {
  std::vector<double> v = {1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(Quantile(v, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(Quantile(v, 1.0), 4);
  EXPECT_DOUBLE_EQ(Median(std::vector<double>{}), 0);
}

}  // namespace
}  // namespace vigil
