#include "detect/surge.h"

#include <gtest/gtest.h>

#include <random>

#include "common/time.h"
#include "detect/count_tail.h"

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

// `per_day[i % size]` mentions on day i, for `days` days from 2025-01-01.
std::vector<MentionEvent> Cycle(const std::vector<int>& per_day, int days) {
  std::vector<MentionEvent> m;
  for (int i = 0; i < days; ++i) {
    const int64_t d = Day("2025-01-01") + i * kSecondsPerDay;
    for (int k = 0; k < per_day[static_cast<size_t>(i) % per_day.size()]; ++k) m.push_back({d + 3600 + k * 600, 1});
  }
  return m;
}

// Every day (or hour) from `first` to `last` holds data.
std::vector<int64_t> Covered(int64_t first, int64_t last, Granularity g = Granularity::kDay) {
  std::vector<int64_t> buckets;
  for (int64_t b = FloorDiv(first, BucketSeconds(g)); b <= FloorDiv(last, BucketSeconds(g)); ++b) buckets.push_back(b);
  return buckets;
}

// The data holds posts on every day (hour) between its first and last mention.
std::vector<int64_t> CoveredBy(const std::vector<MentionEvent>& m, Granularity g = Granularity::kDay) {
  int64_t first = INT64_MAX, last = INT64_MIN;
  for (const MentionEvent& e : m) first = std::min(first, e.at), last = std::max(last, e.at);
  return Covered(first, last, g);
}

std::vector<Event> Events() {
  return {{*ParseCivilDate("2025-03-09"), "Carney wins Liberal leadership", "carney"},
          {*ParseCivilDate("2025-03-09"), "Unrelated target event", "chong"},
          {*ParseCivilDate("2025-02-01"), "Too early", ""}};
}

TEST(DetectSurges, FindsTheBurstDayWithItsSizeProbabilityAndPrecedingEvent) {
  auto surges = DetectSurges("carney", SteadyThenBurst(20), Events(), CoveredBy(SteadyThenBurst(20)), SurgeOptions::Daily());
  ASSERT_EQ(surges.size(), 1u);
  const Surge& s = surges[0];
  EXPECT_EQ(FormatDate(s.window_start), "2025-03-10");
  EXPECT_EQ(s.window_end - s.window_start, kSecondsPerDay);
  EXPECT_EQ(s.mentions, 22);
  EXPECT_EQ(s.baseline_buckets, 28);
  EXPECT_DOUBLE_EQ(s.baseline, (56 + 0.5) / 28);  // 2 a day, with the half-mention prior
  EXPECT_DOUBLE_EQ(s.ratio, 22 / s.baseline);
  EXPECT_DOUBLE_EQ(s.dispersion, 0.1);  // a flat baseline: the configured floor
  EXPECT_LT(s.p_value, 1e-6);
  EXPECT_LE(s.p_value, s.p_threshold);
  EXPECT_EQ(s.interactions, 20 * 100000 + 2 * 10);
  ASSERT_EQ(s.preceding_events.size(), 1u);
  EXPECT_EQ(s.preceding_events[0].event.label, "Carney wins Liberal leadership");
  EXPECT_EQ(s.preceding_events[0].lead_hours, 24);
}

TEST(DetectSurges, OrganicDoublingIsNotASurge) {
  auto m = SteadyThenBurst(0);
  m.push_back({Day("2025-03-09") + 100, 10});
  m.push_back({Day("2025-03-09") + 200, 10});
  EXPECT_TRUE(DetectSurges("carney", m, {}, CoveredBy(m), SurgeOptions::Daily()).empty());
}

TEST(DetectSurges, HourlyGranularityPinsTheBurstHour) {
  auto surges = DetectSurges("carney", SteadyThenBurst(20), {}, CoveredBy(SteadyThenBurst(20), Granularity::kHour),
                             SurgeOptions::Hourly());
  ASSERT_FALSE(surges.empty());
  EXPECT_EQ(FormatUtc(surges[0].peak_start), "2025-03-10T09:00:00Z");
}

TEST(DetectSurges, AdjacentSurgeDaysMergeIntoOneWindow) {
  auto m = SteadyThenBurst(20);
  for (int i = 0; i < 15; ++i) m.push_back({Day("2025-03-11") + 5 * 3600 + i * 60, 1});
  auto surges = DetectSurges("carney", m, {}, CoveredBy(m), SurgeOptions::Daily());
  ASSERT_EQ(surges.size(), 1u);
  EXPECT_EQ(surges[0].window_end - surges[0].window_start, 2 * kSecondsPerDay);
  EXPECT_EQ(FormatDate(surges[0].peak_start), "2025-03-10");
  EXPECT_EQ(surges[0].mentions, 22);
}

TEST(DetectSurges, AnEarlierSurgeDoesNotHideTheNextOne) {
  // Two bursts fifteen days apart, as in the reference case: the first is left out of the second's baseline.
  auto m = SteadyThenBurst(20);
  for (int i = 0; i < 20; ++i) m.push_back({Day("2025-03-25") + 9 * 3600 + i * 60, 1});
  for (int64_t d = Day("2025-03-20"); d < Day("2025-04-05"); d += kSecondsPerDay) m.push_back({d + 3600, 1});
  auto surges = DetectSurges("carney", m, {}, CoveredBy(m), SurgeOptions::Daily());
  ASSERT_EQ(surges.size(), 2u);
  EXPECT_EQ(FormatDate(surges[1].peak_start), "2025-03-25");
  EXPECT_EQ(surges[1].baseline_buckets, 27);  // 28 trailing days less the 10 March surge
  EXPECT_LT(surges[1].baseline, 2.1);
}

TEST(DetectSurges, DataThatStartsMidCampaignHasNoSurgeAtItsStart) {
  // Six mentions a day from the very first day of the export: days before the data are unknown, not silent.
  const auto m = Cycle({6, 5, 7}, 60);
  EXPECT_TRUE(DetectSurges("carney", m, {}, CoveredBy(m), SurgeOptions::Daily()).empty());
  EXPECT_TRUE(DetectSurges("carney", m, {}, CoveredBy(m, Granularity::kHour), SurgeOptions::Hourly()).empty());
}

TEST(DetectSurges, WarmUpBucketsAreNotTested) {
  // A burst on the third day of the data: too little baseline to judge it.
  auto m = Cycle({1}, 40);
  for (int i = 0; i < 30; ++i) m.push_back({Day("2025-01-03") + 9 * 3600 + i * 60, 1});
  EXPECT_TRUE(DetectSurges("carney", m, {}, CoveredBy(m), SurgeOptions::Daily()).empty());
}

TEST(DetectSurges, AGapInTheExportIsNotSilence) {
  // Six mentions a day in January and again from November; no post at all in between (the export has a
  // gap). November 1st is not a surge against months of "zero".
  auto m = Cycle({6, 5, 7}, 31);
  for (int i = 0; i < 30; ++i) {
    for (int k = 0; k < 6; ++k) m.push_back({Day("2025-11-01") + i * kSecondsPerDay + k * 3600, 1});
  }
  std::vector<int64_t> covered = Covered(Day("2025-01-01"), Day("2025-01-31"));
  const auto november = Covered(Day("2025-11-01"), Day("2025-11-30"));
  covered.insert(covered.end(), november.begin(), november.end());
  EXPECT_TRUE(DetectSurges("carney", m, {}, covered, SurgeOptions::Daily()).empty());
}

TEST(DetectSurges, SilenceInsideTheDataIsABaselineOfZero) {
  // The data starts a month before the target is first mentioned; its first twelve mentions in one day are
  // a surge against that silence.
  std::vector<MentionEvent> m;
  for (int i = 0; i < 12; ++i) m.push_back({Day("2025-02-05") + 9 * 3600 + i * 60, 1});
  auto surges = DetectSurges("carney", m, {}, Covered(Day("2025-01-01"), Day("2025-02-05")), SurgeOptions::Daily());
  ASSERT_EQ(surges.size(), 1u);
  EXPECT_EQ(surges[0].baseline_buckets, 28);
  EXPECT_DOUBLE_EQ(surges[0].baseline, 0.5 / 28);
}

TEST(DetectSurges, BurstyLowVolumeChatterIsNotASurge) {
  // Sporadic mentions whose median day is silent: five mentions is five times a floor of one, but such days
  // recur in the data, so five is not improbable.
  const auto m = Cycle({0, 0, 4, 0, 1, 0, 0, 3, 0, 5}, 120);
  EXPECT_TRUE(DetectSurges("carney", m, {}, Covered(Day("2025-01-01"), Day("2025-04-30")), SurgeOptions::Daily()).empty());
}

TEST(DetectSurges, PoissonChatterOverTwoYearsRaisesNoSurge) {
  std::mt19937_64 rng(7);
  for (double rate : {0.5, 4.0, 60.0}) {
    std::poisson_distribution<int> draw(rate);
    std::vector<MentionEvent> m;
    for (int day = 0; day < 730; ++day) {
      const int n = draw(rng);
      for (int k = 0; k < n; ++k) m.push_back({Day("2023-01-01") + day * kSecondsPerDay + k * kSecondsPerDay / n, 1});
    }
    const int64_t last = Day("2023-01-01") + 730 * kSecondsPerDay - 1;
    EXPECT_TRUE(DetectSurges("x", m, {}, Covered(Day("2023-01-01"), last), SurgeOptions::Daily()).empty()) << rate;
    EXPECT_TRUE(DetectSurges("x", m, {}, Covered(Day("2023-01-01"), last, Granularity::kHour), SurgeOptions::Hourly())
                    .empty())
        << rate;
  }
}

TEST(DetectSurges, DatesTenThousandYearsApartCostFourBuckets) {
  const int64_t year_0 = ParseCivilDate("0000-01-01")->DaysSinceEpoch() * kSecondsPerDay;
  const int64_t year_9999 = ParseCivilDate("9999-12-31")->DaysSinceEpoch() * kSecondsPerDay;
  const std::vector<MentionEvent> m = {{year_0, 1}, {year_0 + 3600, 1}, {year_9999, 1}, {year_9999 + 7200, 1}};
  EXPECT_EQ(BucketMentions(m, kSecondsPerHour).size(), 4u);
  EXPECT_EQ(BucketMentions(m, kSecondsPerDay).size(), 2u);
  const std::vector<int64_t> covered = {FloorDiv(year_0, kSecondsPerHour), FloorDiv(year_0, kSecondsPerHour) + 1,
                                        FloorDiv(year_9999, kSecondsPerHour), FloorDiv(year_9999, kSecondsPerHour) + 2};
  EXPECT_TRUE(DetectSurges("x", m, {}, covered, SurgeOptions::Hourly()).empty());
}

TEST(DetectSurges, NoMentionsNoSurges) {
  EXPECT_TRUE(DetectSurges("x", {}, {}, {}, SurgeOptions::Daily()).empty());
}

TEST(CountTail, PoissonAndNegativeBinomialTails) {
  EXPECT_DOUBLE_EQ(PoissonUpperTail(0, 2.0), 1.0);
  EXPECT_NEAR(PoissonUpperTail(1, 2.0), 1 - std::exp(-2.0), 1e-12);
  EXPECT_NEAR(PoissonUpperTail(3, 1.0), 1 - std::exp(-1.0) * (1 + 1 + 0.5), 1e-12);
  EXPECT_DOUBLE_EQ(NegativeBinomialUpperTail(3, 1.0, 0), PoissonUpperTail(3, 1.0));
  // Dispersion 1 with mean 1 is the geometric distribution P(X >= k) = (1/2)^k.
  EXPECT_NEAR(NegativeBinomialUpperTail(4, 1.0, 1.0), 1.0 / 16, 1e-12);
  EXPECT_GT(NegativeBinomialUpperTail(10, 3.0, 0.5), PoissonUpperTail(10, 3.0));  // heavier tail
  EXPECT_GT(PoissonUpperTail(500, 1e-3), -1e-300);  // far tails underflow to 0, never NaN
}

}  // namespace
}  // namespace vigil
