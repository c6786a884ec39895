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

}  // namespace
}  // namespace vigil
