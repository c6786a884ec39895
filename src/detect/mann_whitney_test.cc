#include "detect/mann_whitney.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace vigil {
namespace {

TEST(MannWhitneyGreater, TwoValuesAboveFiveWithoutTies) {
  const RankReference reference({1, 2, 3, 4, 5});
  const RankTestResult r = MannWhitneyGreater(std::vector<double>{6, 7}, reference);
  EXPECT_EQ(r.n, 2u);
  EXPECT_EQ(r.m, 5u);
  EXPECT_DOUBLE_EQ(r.u, 10);
  EXPECT_DOUBLE_EQ(r.superiority, 1);
  // sigma^2 = n m (N + 1) / 12 = 20 / 3; z = (10 - 5 - 0.5) / sigma.
  EXPECT_NEAR(r.z, 4.5 / std::sqrt(20.0 / 3), 1e-12);
  EXPECT_NEAR(r.p_value, 0.040681, 1e-6);
  EXPECT_DOUBLE_EQ(r.reference_median, 3);
  EXPECT_DOUBLE_EQ(r.sample_median, 6.5);
  EXPECT_DOUBLE_EQ(r.median_percentile, 1);
}

TEST(MannWhitneyGreater, TiesCountOneHalfAndShrinkTheVariance) {
  const RankReference reference({1, 1, 2, 2});
  EXPECT_DOUBLE_EQ(reference.tie_term(), 12);
  const RankTestResult r = MannWhitneyGreater(std::vector<double>{2, 3}, reference);
  EXPECT_DOUBLE_EQ(r.u, 7);  // 2 beats two 1s and ties two 2s; 3 beats all four
  // Combined ties: two 1s (6) and three 2s (24): sigma^2 = 8/12 * (7 - 30/30) = 4.
  EXPECT_NEAR(r.z, (7 - 4 - 0.5) / 2.0, 1e-12);
  EXPECT_NEAR(r.p_value, 0.105650, 1e-6);
  EXPECT_DOUBLE_EQ(r.reference_median, 1.5);
}

TEST(MannWhitneyGreater, LeaveOneOutEqualsTestingAgainstTheOthers) {
  const RankReference with_member({1, 2, 3, 4, 5, 6, 7, 7});
  const RankReference without({1, 2, 3, 4, 5});
  const std::vector<double> member = {6, 7, 7};
  const RankTestResult loo = MannWhitneyGreater(member, with_member, member);
  const RankTestResult direct = MannWhitneyGreater(member, without);
  EXPECT_EQ(loo.m, 5u);
  EXPECT_DOUBLE_EQ(loo.u, direct.u);
  EXPECT_DOUBLE_EQ(loo.z, direct.z);
  EXPECT_DOUBLE_EQ(loo.p_value, direct.p_value);
  EXPECT_DOUBLE_EQ(loo.reference_median, 3);
  EXPECT_DOUBLE_EQ(loo.median_percentile, 1);
  // Without leave-one-out the member partly competes with itself and looks less unusual.
  EXPECT_GT(MannWhitneyGreater(member, with_member).p_value, loo.p_value);
}

TEST(MannWhitneyGreater, LeaveOneOutMedianOverManyTies) {
  std::vector<double> all(100, 10.0);
  for (int i = 0; i < 50; ++i) all.push_back(20);
  const RankReference reference(all);
  const std::vector<double> member(50, 20.0);
  EXPECT_DOUBLE_EQ(MannWhitneyGreater(member, reference, member).reference_median, 10);
  EXPECT_DOUBLE_EQ(MannWhitneyGreater(member, reference).reference_median, 10);
  const std::vector<double> other(60, 10.0);
  EXPECT_DOUBLE_EQ(MannWhitneyGreater(member, reference, other).reference_median, 20);  // 40 tens, 50 twenties
}

TEST(MannWhitneyGreater, EmptyOrAllTiedGivesNoEvidence) {
  EXPECT_DOUBLE_EQ(MannWhitneyGreater({}, RankReference({1, 2})).p_value, 1);
  EXPECT_DOUBLE_EQ(MannWhitneyGreater(std::vector<double>{5}, RankReference()).p_value, 1);
  EXPECT_DOUBLE_EQ(MannWhitneyGreater(std::vector<double>{5, 5}, RankReference({5, 5, 5})).p_value, 1);
}

TEST(MannWhitneyGreater, ASmallSampleAgainstALargeReferenceTakesTheExactTail) {
  std::vector<double> reference(4000);
  for (size_t i = 0; i < reference.size(); ++i) reference[i] = static_cast<double>(i);
  // Six values at the 97.5th percentile: the sum of six uniforms reaches s = 5.85 with (6 - s)^6 / 6!.
  const std::vector<double> sample(6, 3900);
  const RankTestResult r = MannWhitneyGreater(sample, RankReference(reference));
  const double s = (6 * 3900.5 - 0.5) / 4000;  // U / m with half a rank of continuity
  EXPECT_NEAR(r.p_value, std::pow(6 - s, 6) / 720, 1e-12);
  EXPECT_LT(r.p_value, 2e-8);
  EXPECT_GT(0.5 * std::erfc(r.z / std::sqrt(2.0)), 1e-5);  // what the normal approximation would say
  // One value above every reference value: p = 1 / (m + 1), not the normal approximation's 0.04.
  EXPECT_NEAR(MannWhitneyGreater(std::vector<double>{5000}, RankReference(reference)).p_value, 1.0 / 4001, 1e-6);
}

// Under the null hypothesis the p-value is (close to) uniform at every sample size: volume alone never makes
// an ordinary account look unusual.
TEST(MannWhitneyGreater, FalseAlarmRateStaysAtAlphaAsTheSampleGrows) {
  std::mt19937_64 rng(11);
  std::lognormal_distribution<double> interactions(std::log(30000.0), 0.3);
  std::vector<double> peers(7000);
  for (double& v : peers) v = std::round(interactions(rng));
  const RankReference reference(peers);
  constexpr int kReplicates = 400;
  for (int n : {6, 60, 600}) {
    int flagged = 0;
    for (int rep = 0; rep < kReplicates; ++rep) {
      std::vector<double> sample(static_cast<size_t>(n));
      for (double& v : sample) v = std::round(interactions(rng));
      flagged += MannWhitneyGreater(sample, reference).p_value <= 0.01;
    }
    EXPECT_LE(flagged, kReplicates * 0.025) << n;  // 1% expected; 2.5% is far outside chance
  }
}

}  // namespace
}  // namespace vigil
