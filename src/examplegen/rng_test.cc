// Rng: reproducible streams and distributions with the moments they promise.
#include "examplegen/rng.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace vigil::examplegen {
namespace {

TEST(Rng, SameSeedAndStreamRepeatDifferentOnesDiffer) {
  Rng a(2025, "state-media"), b(2025, "state-media"), c(2026, "state-media"), d(2025, "youli-daily");
  int same_c = 0, same_d = 0;
  for (int i = 0; i < 100; ++i) {
    const uint64_t x = a.Next();
    EXPECT_EQ(x, b.Next());
    same_c += x == c.Next();
    same_d += x == d.Next();
  }
  EXPECT_EQ(same_c, 0);
  EXPECT_EQ(same_d, 0);
}

TEST(Rng, UniformIntStaysInRangeAndCoversIt) {
  Rng rng(7, "t");
  std::set<int64_t> seen;
  for (int i = 0; i < 10000; ++i) {
    const int64_t v = rng.UniformInt(-3, 4);
    ASSERT_GE(v, -3);
    ASSERT_LE(v, 4);
    seen.insert(v);
  }
  EXPECT_EQ(seen.size(), 8u);
  EXPECT_EQ(rng.UniformInt(5, 5), 5);
}

TEST(Rng, DistributionsHaveTheirMoments) {
  Rng rng(11, "moments");
  constexpr int kN = 200000;
  double sum_u = 0, sum_n = 0, sum_n2 = 0;
  std::vector<double> logn;
  for (int i = 0; i < kN; ++i) {
    const double u = rng.Uniform01();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum_u += u;
    const double n = rng.Normal();
    sum_n += n;
    sum_n2 += n * n;
    logn.push_back(rng.LogNormal(30000, 0.3));
  }
  EXPECT_NEAR(sum_u / kN, 0.5, 0.005);
  EXPECT_NEAR(sum_n / kN, 0.0, 0.01);
  EXPECT_NEAR(std::sqrt(sum_n2 / kN), 1.0, 0.01);
  std::nth_element(logn.begin(), logn.begin() + kN / 2, logn.end());
  EXPECT_NEAR(logn[kN / 2], 30000, 300);
}

TEST(Rng, WeightedFollowsTheWeights) {
  Rng rng(3, "w");
  const std::vector<double> weights = {1, 0, 3};
  int counts[3] = {0, 0, 0};
  for (int i = 0; i < 40000; ++i) ++counts[rng.Weighted(weights)];
  EXPECT_EQ(counts[1], 0);
  EXPECT_NEAR(static_cast<double>(counts[2]) / counts[0], 3.0, 0.15);
}

TEST(Rng, SampleGivesDistinctIndices) {
  Rng rng(5, "s");
  const auto sample = rng.Sample(30, 27);
  ASSERT_EQ(sample.size(), 27u);
  EXPECT_EQ(std::set<size_t>(sample.begin(), sample.end()).size(), 27u);
  for (size_t i : sample) EXPECT_LT(i, 30u);
  EXPECT_EQ(rng.Sample(3, 10).size(), 3u);
}

}  // namespace
}  // namespace vigil::examplegen
