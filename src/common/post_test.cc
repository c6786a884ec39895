#include "vigil/post.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace vigil
