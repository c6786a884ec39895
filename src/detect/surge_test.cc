#include "detect/surge.h"

#include <gtest/gtest.h>

#include "common/time.h"

namespace vigil {
namespace {

int64_t Day(const char* date) { return ParseCivilDate(date)->DaysSinceEpoch() * kSecondsPerDay; }

// Two mentions a day for two months, then `burst` mentions on 2025-03-10 around 09:00 UTC.
std::vector<MentionEvent> SteadyThenBurst(int burst) {
  std::vector<MentionEvent> m;
  for (int64_t d = Day("2025-01-10"); d < Day("2025-03-20"); d += kSecondsPerDay) {
    m.push_back({d + 3600, 10});
    m.push_back({d + 7200, 10});
  }
  for (int i = 0; i < burst; ++i) m.push_back({Day("2025-03-10") + 9 * 3600 + i * 60, 100000});
  return m;
}

std::vector<Event> Events() {
  return {{*ParseCivilDate("2025-03-09"), "Carney wins Liberal leadership", "carney"},
          {*ParseCivilDate("2025-03-09"), "Unrelated target event", "chong"},
          {*ParseCivilDate("2025-02-01"), "Too early", ""}};
}

TEST(DetectSurges, FindsTheBurstDayWithItsSizeAndPrecedingEvent) {
  auto surges = DetectSurges("carney", SteadyThenBurst(20), Events(), SurgeOptions::Daily());
  ASSERT_EQ(surges.size(), 1u);
  const Surge& s = surges[0];
  EXPECT_EQ(FormatDate(s.window_start), "2025-03-10");
  EXPECT_EQ(s.window_end - s.window_start, kSecondsPerDay);
  EXPECT_EQ(s.mentions, 22);
  EXPECT_DOUBLE_EQ(s.baseline, 2);
  EXPECT_DOUBLE_EQ(s.ratio, 11);
  EXPECT_EQ(s.interactions, 20 * 100000 + 2 * 10);
  ASSERT_EQ(s.preceding_events.size(), 1u);
  EXPECT_EQ(s.preceding_events[0].event.label, "Carney wins Liberal leadership");
  EXPECT_EQ(s.preceding_events[0].lead_hours, 24);
}

TEST(DetectSurges, OrganicDoublingIsNotASurge) {
  auto m = SteadyThenBurst(0);
  m.push_back({Day("2025-03-09") + 100, 10});
  m.push_back({Day("2025-03-09") + 200, 10});
  EXPECT_TRUE(DetectSurges("carney", m, {}, SurgeOptions::Daily()).empty());
}

TEST(DetectSurges, HourlyGranularityPinsTheBurstHour) {
  auto surges = DetectSurges("carney", SteadyThenBurst(20), {}, SurgeOptions::Hourly());
  ASSERT_FALSE(surges.empty());
  EXPECT_EQ(FormatUtc(surges[0].peak_start), "2025-03-10T09:00:00Z");
}

TEST(DetectSurges, AdjacentSurgeDaysMergeIntoOneWindow) {
  auto m = SteadyThenBurst(20);
  for (int i = 0; i < 15; ++i) m.push_back({Day("2025-03-11") + 5 * 3600 + i * 60, 1});
  auto surges = DetectSurges("carney", m, {}, SurgeOptions::Daily());
  ASSERT_EQ(surges.size(), 1u);
  EXPECT_EQ(surges[0].window_end - surges[0].window_start, 2 * kSecondsPerDay);
  EXPECT_EQ(FormatDate(surges[0].peak_start), "2025-03-10");
}

TEST(DetectSurges, NoMentionsNoSurges) { EXPECT_TRUE(DetectSurges("x", {}, {}, SurgeOptions::Daily()).empty()); }

}  // namespace
}  // namespace vigil
