#include "incident/severity.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

Incident StateLinkedWithHighEngagement() {
  Incident in;
  in.actor.name = "有理儿有面";
  in.actor.affiliation = Affiliation::kStateLinked;
  in.actor.country = "CN";
  in.target_id = "carney";
  in.target_name = "Mark Carney";
  in.baseline.peer_group_id = "cn-state-media";
  in.baseline.median_interactions = 30000;
  in.peak_ratio_to_peer = 4.0;
  in.median_ratio_to_peer = 3.4;
  in.min_interactions = 85000;
  in.max_interactions = 120000;
  return in;
}

TEST(ScoreSeverity, EachContributionCarriesItsNumbers) {
  Incident in = StateLinkedWithHighEngagement();
  ScoreSeverity(&in);
  ASSERT_EQ(in.contributions.size(), 2u);
  EXPECT_EQ(in.contributions[0].signal, "engagement");
  EXPECT_DOUBLE_EQ(in.contributions[0].points, 24);  // 12 points per doubling, 4x = 2 doublings
  EXPECT_NE(in.contributions[0].explanation.find("4.0x the cn-state-media median of 30,000"), std::string::npos)
      << in.contributions[0].explanation;
  EXPECT_NE(in.contributions[0].explanation.find("85,000-120,000"), std::string::npos);
  EXPECT_EQ(in.contributions[1].signal, "state-affiliation");
  EXPECT_DOUBLE_EQ(in.severity, 39);
  EXPECT_EQ(in.level, SeverityLevel::kMedium);
}

TEST(ScoreSeverity, AllSignalsTogetherAreCappedAtOneHundred) {
  Incident in = StateLinkedWithHighEngagement();
  in.peak_ratio_to_peer = 64;
  Surge s;
  s.granularity = Granularity::kDay;
  s.preceding_events.push_back({{}, 24});
  in.surges = {s, s};
  in.stance = {5, 5, 0, true};
  in.history = {{"chong", "Michael Chong"}, {"freeland", "Chrystia Freeland"}};
  in.coordination.accounts = 30;
  in.coordination.fast_accounts = 30;
  in.evidence_posts = {1, 2, 3, 4};
  ScoreSeverity(&in);
  EXPECT_EQ(in.contributions.size(), 7u);
  EXPECT_DOUBLE_EQ(in.severity, 100);
  EXPECT_EQ(in.level, SeverityLevel::kCritical);
}

TEST(ScoreSeverity, SlowOrFewAmplifiersAreNotCoordination) {
  Incident in;
  in.coordination.accounts = 30;
  in.coordination.fast_accounts = 4;  // the rest amplified hours later
  ScoreSeverity(&in);
  EXPECT_TRUE(in.contributions.empty());
  EXPECT_EQ(in.level, SeverityLevel::kLow);
}

TEST(ScoreSeverity, OrdinaryCoverageWithoutAnInfluenceIndicatorIsCapped) {
  Incident in;
  in.target_name = "Justin Trudeau";
  Surge s;
  s.granularity = Granularity::kDay;
  s.preceding_events.push_back({{}, 24});
  in.surges = {s};
  in.stance = {3, 3, 0, true};
  in.history = {{"carney", "Mark Carney"}, {"singh", "Jagmeet Singh"}};
  in.evidence_posts = {1, 2, 3};
  ScoreSeverity(&in);
  EXPECT_DOUBLE_EQ(in.severity, 25);
  EXPECT_EQ(in.contributions.back().signal, "cap");
  EXPECT_DOUBLE_EQ(in.contributions.back().points, -15);
  EXPECT_EQ(in.level, SeverityLevel::kLow);
}

TEST(ScoreSeverity, HostileLanguageCitesThePostsAndTheirScores) {
  Incident in = StateLinkedWithHighEngagement();
  in.hostile_language.available = true;
  in.hostile_language.measured_posts = 4;
  in.hostile_language.threshold = 0.7f;
  in.hostile_language.hostile = {{3, "wechat:a1", 0.93f}, {7, "wechat:a7", 0.81f}};
  ScoreSeverity(&in);
  ASSERT_EQ(in.contributions.back().signal, "hostile-language");
  EXPECT_DOUBLE_EQ(in.contributions.back().points, 6);  // 5, and 1 for the second post
  EXPECT_NE(in.contributions.back().explanation.find("2 of 4 evidence posts"), std::string::npos);
  EXPECT_NE(in.contributions.back().explanation.find("wechat:a1 (0.93), wechat:a7 (0.81)"), std::string::npos)
      << in.contributions.back().explanation;
  EXPECT_DOUBLE_EQ(in.severity, 45);
}

TEST(ScoreSeverity, HostileLanguageUnmeasuredOrAbsentAddsNothing) {
  Incident unmeasured = StateLinkedWithHighEngagement();
  unmeasured.hostile_language.unavailable_reason = "no trained attack model";
  ScoreSeverity(&unmeasured);
  Incident calm = StateLinkedWithHighEngagement();
  calm.hostile_language.available = true;
  calm.hostile_language.measured_posts = 9;
  ScoreSeverity(&calm);
  for (const Incident* in : {&unmeasured, &calm}) {
    EXPECT_DOUBLE_EQ(in->severity, 39);
    for (const SeverityContribution& c : in->contributions) EXPECT_NE(c.signal, "hostile-language");
  }
}

TEST(ScoreSeverity, HostileLanguageIsNoInfluenceIndicator) {
  Incident in;
  in.target_name = "Mark Carney";
  in.evidence_posts = {1, 2, 3};
  in.hostile_language.available = true;
  in.hostile_language.measured_posts = 3;
  for (uint32_t p = 1; p <= 3; ++p) in.hostile_language.hostile.push_back({p, "x:" + std::to_string(p), 0.9f});
  for (int day = 0; day < 3; ++day) {
    Surge surge;
    surge.peak_start = 1741564800 + day * 86400;
    in.surges.push_back(surge);
  }
  ScoreSeverity(&in);
  // Surges 25 + volume 5 + hostile language 7 = 37, capped: hostile words alone are not an operation.
  EXPECT_DOUBLE_EQ(in.severity, 25);
  EXPECT_EQ(in.contributions.back().signal, "cap");
}

}  // namespace
}  // namespace vigil
