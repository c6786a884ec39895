// Tests for the disjoint sets behind components and near-duplicate clusters.
#include "coord/union_find.h"

#include <gtest/gtest.h>

namespace vigil::coord {
namespace {

TEST(UnionFind, GroupsChainsAndKeepsTheSmallestMemberAsRepresentative) {
  UnionFind sets(8);
  sets.Union(5, 3);
  sets.Union(7, 5);
  sets.Union(1, 6);
  sets.Union(6, 2);
  EXPECT_EQ(sets.Find(7), 3u);
  EXPECT_EQ(sets.Find(5), 3u);
  EXPECT_EQ(sets.Find(2), 1u);
  EXPECT_EQ(sets.Find(0), 0u);
  EXPECT_NE(sets.Find(3), sets.Find(1));
  sets.Union(7, 2);  // joining the two groups through non-representatives
  for (uint32_t x : {1u, 2u, 3u, 5u, 6u, 7u}) EXPECT_EQ(sets.Find(x), 1u) << x;
  EXPECT_EQ(sets.Find(4), 4u);
  sets.Union(4, 4);
  EXPECT_EQ(sets.Find(4), 4u);
}

}  // namespace
}  // namespace vigil::coord
