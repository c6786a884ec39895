#include "ingest/displayed_count.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

TEST(ParseDisplayedCount, PlainAndSeparatedIntegers) {
  EXPECT_EQ(*ParseDisplayedCount("41000"), Count::Exact(41000));
  EXPECT_EQ(*ParseDisplayedCount("41,000"), Count::Exact(41000));
}

TEST(ParseDisplayedCount, ChineseAndLatinUnits) {
  EXPECT_EQ(*ParseDisplayedCount("1.2万"), Count::Exact(12000));
  EXPECT_EQ(*ParseDisplayedCount("3M"), Count::Exact(3000000));
  EXPECT_EQ(*ParseDisplayedCount("12k"), Count::Exact(12000));
  EXPECT_EQ(*ParseDisplayedCount("2亿"), Count::Exact(200000000));
}

TEST(ParseDisplayedCount, CappedDisplaysAreLowerBounds) {
  EXPECT_EQ(*ParseDisplayedCount("10万+"), Count::AtLeast(100000));
  EXPECT_EQ(*ParseDisplayedCount("100k+"), Count::AtLeast(100000));
  EXPECT_EQ(*ParseDisplayedCount("10万以上"), Count::AtLeast(100000));
}

TEST(ParseDisplayedCount, RefusesNonCounts) {
  for (const char* bad : {"", "lots", "-5", "1.2.3", "万", "+", "1e9", "99999999999999999999"}) {
    EXPECT_FALSE(ParseDisplayedCount(bad).ok()) << bad;
  }
}

TEST(ParseDisplayedCount, CommasOnlyAsThousandsSeparators) {
  EXPECT_EQ(*ParseDisplayedCount("1,234"), Count::Exact(1234));
  EXPECT_EQ(*ParseDisplayedCount("12,345,678"), Count::Exact(12345678));
  EXPECT_EQ(*ParseDisplayedCount("1,234.5万"), Count::Exact(12345000));
  for (const char* bad : {"1,2,3", "12,34", ",123", "1,", "1234,567", "1,2345", "1,234.5,6"}) {
    EXPECT_FALSE(ParseDisplayedCount(bad).ok()) << bad << " must not be read as a number";
  }
}

}  // namespace
}  // namespace vigil
