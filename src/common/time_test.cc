#include "common/time.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

TEST(ParseTimestamp, Rfc3339WithOffsetIsConvertedToUtc) {
  auto t = ParseTimestamp("2025-03-10T08:30:00+08:00");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(FormatUtc(t->unix_seconds), "2025-03-10T00:30:00Z");
  EXPECT_EQ(t->utc_offset_minutes, 480);
}

TEST(ParseTimestamp, ZuluNegativeOffsetAndFractionalSeconds) {
  EXPECT_EQ(ParseTimestamp("2025-03-25T12:00:00Z")->unix_seconds, 1742904000);
  EXPECT_EQ(ParseTimestamp("2025-03-25T08:00:00.123-04:00")->unix_seconds, 1742904000);
}

TEST(ParseTimestamp, UnixSeconds) { EXPECT_EQ(ParseTimestamp("1742904000")->unix_seconds, 1742904000); }

TEST(ParseTimestamp, RefusesMissingOffsetAndGarbage) {
  EXPECT_FALSE(ParseTimestamp("2025-03-25T12:00:00").ok());
  EXPECT_FALSE(ParseTimestamp("2025-02-30T12:00:00Z").ok());
  EXPECT_FALSE(ParseTimestamp("yesterday").ok());
  EXPECT_FALSE(ParseTimestamp("").ok());
  EXPECT_FALSE(ParseTimestamp("99999999999999999999999").ok());
}

// Found by the timestamp fuzz target: 9999-12-31T23:59:59-23:59 is 10000-01-01 in UTC, which FormatUtc
// cannot write as RFC 3339, and Unix seconds near INT64_MAX overflowed later time arithmetic.
TEST(ParseTimestamp, RefusesInstantsOutsideYears0000To9999) {
  EXPECT_FALSE(ParseTimestamp("9999-12-31T23:59:59-23:59").ok());
  EXPECT_FALSE(ParseTimestamp("0000-01-01T00:00:00+00:01").ok());
  EXPECT_FALSE(ParseTimestamp("9223372036854775807").ok());
  EXPECT_FALSE(ParseTimestamp("-9223372036854775808").ok());
  EXPECT_FALSE(ParseTimestamp("253402300800").ok());
  ASSERT_TRUE(ParseTimestamp("9999-12-31T23:59:59Z").ok());
  EXPECT_EQ(ParseTimestamp("9999-12-31T23:59:59Z")->unix_seconds, kMaxUnixSeconds);
  EXPECT_EQ(ParseTimestamp("0000-01-01T00:00:00Z")->unix_seconds, kMinUnixSeconds);
  EXPECT_EQ(ParseTimestamp("253402300799")->unix_seconds, kMaxUnixSeconds);
  for (int64_t edge : {kMinUnixSeconds, kMaxUnixSeconds}) {
    EXPECT_EQ(ParseTimestamp(FormatUtc(edge))->unix_seconds, edge);
  }
}

TEST(CivilDate, RoundTripsThroughDays) {
  for (int64_t day : {-1, 0, 11016, 20157, 20172}) {
    EXPECT_EQ(CivilFromDays(day).DaysSinceEpoch(), day);
  }
  EXPECT_EQ(ParseCivilDate("2025-03-09")->DaysSinceEpoch(), 20156);
  EXPECT_EQ(FormatDate(1742904000), "2025-03-25");
}

}  // namespace
}  // namespace vigil
