#include "vigil/post.h"

#include <gtest/gtest.h>

#include <cstdint>

#include "common/saturating.h"
#include "common/strings.h"

namespace vigil {
namespace {

TEST(Metrics, InteractionsSumPresentPartsAndCarryCensoring) {
  Metrics m;
  EXPECT_FALSE(m.Interactions().present);
  m.likes = Count::Exact(10);
  m.shares = Count::AtLeast(100000);
  const Count total = m.Interactions();
  EXPECT_TRUE(total.present);
  EXPECT_TRUE(total.lower_bound);
  EXPECT_EQ(total.value, 100010);
}

// Counts near INT64_MAX (an operation can claim any figure) never wrap to negative: the sum stops at
// INT64_MAX and is marked a lower bound. Under UBSan (scripts/test.sh sanitize) the old sum aborted.
TEST(Metrics, InteractionsSaturateAtTheLargestCountAsALowerBound) {
  Metrics m;
  m.likes = Count::Exact(INT64_MAX - 1);
  m.shares = Count::Exact(5);
  m.comments = Count::Exact(INT64_MAX);
  m.reactions = Count::Exact(INT64_MAX);
  const Count total = m.Interactions();
  EXPECT_TRUE(total.present);
  EXPECT_EQ(total.value, INT64_MAX);
  EXPECT_TRUE(total.lower_bound);
  m.likes = Count::Exact(INT64_MAX - 5);
  m.comments = m.reactions = Count{};
  EXPECT_EQ(m.Interactions(), Count::Exact(INT64_MAX));  // exactly the largest: no overflow, still exact
}

TEST(SaturatingAdd, StopsAtTheLimits) {
  EXPECT_EQ(SaturatingAdd(1, 2), 3);
  EXPECT_EQ(SaturatingAdd(INT64_MAX, 1), INT64_MAX);
  EXPECT_EQ(SaturatingAdd(INT64_MAX - 3, INT64_MAX - 3), INT64_MAX);
  EXPECT_EQ(SaturatingAdd(INT64_MIN, -1), INT64_MIN);
  EXPECT_EQ(SaturatingAdd(INT64_MAX, INT64_MIN), -1);
}

TEST(Thousands, TheExtremesOfInt64) {
  EXPECT_EQ(Thousands(INT64_MAX), "9,223,372,036,854,775,807");
  EXPECT_EQ(Thousands(INT64_MIN), "-9,223,372,036,854,775,808");
  EXPECT_EQ(FormatCount(Count::AtLeast(INT64_MAX)), "9,223,372,036,854,775,807+");
}

}  // namespace
}  // namespace vigil
