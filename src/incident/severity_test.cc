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
  in.engagement.peer_group_id = "cn-state-media";
  in.engagement.posts = 12;
  in.engagement.peer_posts = 7000;
  in.engagement.peer_median = 30000;
  in.engagement.median_interactions = 120000;
  in.engagement.median_ratio = 4.0;
  in.engagement.median_percentile = 0.999;
  in.engagement.superiority = 0.99;
  in.engagement.p_value = 1e-8;
  in.peak_ratio_to_peer = 4.4;
  in.median_ratio_to_peer = 4.0;
  in.min_interactions = 85000;
  in.max_interactions = 132000;
  return in;
}

bool Has(const Incident& in, const std::string& signal) {
  for (const SeverityContribution& c : in.contributions) {
    if (c.signal == signal) return true;
  }
  return false;
}

TEST(ScoreSeverity, EachContributionCarriesItsNumbers) {
  Incident in = StateLinkedWithHighEngagement();
  ScoreSeverity(&in);
  ASSERT_EQ(in.contributions.size(), 2u);
  EXPECT_EQ(in.contributions[0].signal, "engagement");
  EXPECT_DOUBLE_EQ(in.contributions[0].points, 24);  // 12 points per doubling of the median post: 4x
  EXPECT_NE(in.contributions[0].explanation.find("4.0x the cn-state-media median of 30,000"), std::string::npos)
      << in.contributions[0].explanation;
  EXPECT_NE(in.contributions[0].explanation.find("p = 1e-08"), std::string::npos) << in.contributions[0].explanation;
  EXPECT_NE(in.contributions[0].explanation.find("85,000-132,000"), std::string::npos);
  EXPECT_EQ(in.contributions[1].signal, "state-affiliation");
  EXPECT_DOUBLE_EQ(in.severity, 39);
  EXPECT_EQ(in.level, SeverityLevel::kMedium);
}

TEST(ScoreSeverity, AllSignalsTogetherAreCappedAtOneHundred) {
  Incident in = StateLinkedWithHighEngagement();
  in.engagement.median_ratio = 64;
  Surge s;
  s.granularity = Granularity::kDay;
  s.preceding_events.push_back({{}, 24});
  in.surges = {s, s};
  in.stance = {5, 5, 0, true};
  in.history = {{"chong", "Michael Chong"}, {"freeland", "Chrystia Freeland"}};
  in.coordination.accounts = 30;
  in.coordination.fast_accounts = 30;
  in.coordination.repeat_accounts = 30;
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

TEST(ScoreSeverity, TheMaximumPostIsNotScoredOnlyTheTypicalOne) {
  Incident in = StateLinkedWithHighEngagement();
  in.peak_ratio_to_peer = 9;  // one viral post among ordinary ones
  in.engagement.median_ratio = 1.1;
  in.engagement.p_value = 0.3;
  ScoreSeverity(&in);
  EXPECT_FALSE(Has(in, "engagement"));
}

TEST(ScoreSeverity, EngagementNeedsTheRankTestToRuleOutChance) {
  Incident in = StateLinkedWithHighEngagement();
  in.engagement.posts = 1;
  in.engagement.median_ratio = 3;
  in.engagement.p_value = 0.04;  // one post above the baseline cannot be told from luck
  ScoreSeverity(&in);
  EXPECT_FALSE(Has(in, "engagement"));
}

TEST(ScoreSeverity, EngagementIsCorrectedForEveryWindowTestedAgainstThePeerGroup) {
  Incident in = StateLinkedWithHighEngagement();
  in.engagement.p_value = 1e-4;
  in.engagement.family_size = 50;  // 0.01 / 50 = 2e-4: one fluke in fifty windows is not a finding
  ScoreSeverity(&in);
  EXPECT_TRUE(Has(in, "engagement"));
  in.engagement.family_size = 500;
  ScoreSeverity(&in);
  EXPECT_FALSE(Has(in, "engagement"));
}

TEST(ScoreSeverity, EngagementAloneOnAnUnlistedAccountStaysBelowTheReportingThreshold) {
  Incident in = StateLinkedWithHighEngagement();
  in.actor = Actor{};
  in.actor.name = "independent commentator";
  in.engagement.median_ratio = 8;  // three viral posts, no amplifiers, no state link
  in.evidence_posts = {1, 2, 3};
  ScoreSeverity(&in);
  EXPECT_TRUE(Has(in, "engagement"));
  EXPECT_EQ(in.contributions.back().signal, "cap");
  EXPECT_DOUBLE_EQ(in.severity, 25);
  EXPECT_EQ(in.level, SeverityLevel::kLow);
}

TEST(ScoreSeverity, StateMediaCoverageWithoutOutsizedEngagementOrAmplifiersStaysLow) {
  Incident in;
  in.actor.name = "环球时报";
  in.actor.affiliation = Affiliation::kStateMedia;
  in.target_name = "Mark Carney";
  Surge s;
  s.granularity = Granularity::kDay;
  s.preceding_events.push_back({{}, 0});
  in.surges = {s};
  in.history = {{"chong", "Michael Chong"}};
  in.evidence_counts.posts = 40;
  ScoreSeverity(&in);
  EXPECT_TRUE(Has(in, "state-affiliation"));
  EXPECT_TRUE(Has(in, "volume"));
  EXPECT_DOUBLE_EQ(in.severity, 25);
  EXPECT_LT(in.severity, 30);
}

TEST(ScoreSeverity, AnUndeclaredOperatorsCoordinatedCampaignMakesItAKnownOperatorElsewhere) {
  Incident in = StateLinkedWithHighEngagement();
  in.actor = Actor{};
  in.actor.name = "海外时事通";  // not in the watch list
  in.engagement.median_ratio = 2.1;
  in.engagement.family_size = 96;
  in.engagement.p_value = 2e-7;
  in.evidence_posts = {1, 2, 3, 4, 5};
  Campaign walz{"walz", "Tim Walz"};
  walz.amplifier_accounts = walz.fast_amplifier_accounts = walz.repeat_amplifier_accounts = 16;
  in.history = {walz};
  ScoreSeverity(&in);
  EXPECT_TRUE(Has(in, "coordinated-history"));
  EXPECT_FALSE(Has(in, "cap"));
  EXPECT_GE(in.severity, 30);
  // Readers sharing its other campaign's posts once each do not make it an operator.
  in.history[0].repeat_amplifier_accounts = 1;
  ScoreSeverity(&in);
  EXPECT_FALSE(Has(in, "coordinated-history"));
  EXPECT_LT(in.severity, 30);
}

TEST(ScoreSeverity, CoordinationAloneIsAnInfluenceIndicator) {
  Incident in;
  in.actor.name = "an account not in the watch list";
  in.coordination.fast_accounts = 25;
  in.coordination.accounts = 25;
  in.coordination.repeat_accounts = 20;
  in.coordination.community_id = "coord-1";
  Surge s;
  s.granularity = Granularity::kDay;
  in.surges = {s, s};
  in.evidence_posts = {1, 2, 3};
  ScoreSeverity(&in);
  EXPECT_FALSE(Has(in, "cap"));
  EXPECT_DOUBLE_EQ(in.severity, 43.3);  // coordination 10 + 25/3, two surges, volume
}

TEST(ScoreSeverity, ReadersSharingOnePostEachAreNotANetwork) {
  Incident in;
  in.actor.name = "a popular outlet";
  in.coordination.fast_accounts = 6;  // the quickest of 40 readers sharing its stories over hours
  in.coordination.accounts = 6;
  in.coordination.community_id = "coord-2";
  in.coordination.repeat_accounts = 1;
  ScoreSeverity(&in);
  EXPECT_FALSE(Has(in, "coordination"));
}

TEST(ScoreSeverity, AFewQuickReadersAmongManySlowerSharersAreNotANetwork) {
  Incident in;
  in.actor.name = "a regional outlet covering a campaign event";
  in.coordination.fast_accounts = 6;  // its quickest readers, among 40 accounts that shared its stories
  in.coordination.accounts = 8;
  in.coordination.community_id = "coord-3";
  in.coordination.repeat_accounts = 6;
  in.coordination.total_amplifier_accounts = 40;
  ScoreSeverity(&in);
  EXPECT_FALSE(Has(in, "coordination"));
  // The same eight accounts as the operation's whole amplification are a network ...
  in.coordination.total_amplifier_accounts = 8;
  ScoreSeverity(&in);
  EXPECT_TRUE(Has(in, "coordination"));
  // ... and so are fifteen fast accounts among many organic sharers, when an operation breaks out.
  in.coordination.fast_accounts = 15;
  in.coordination.total_amplifier_accounts = 400;
  ScoreSeverity(&in);
  EXPECT_TRUE(Has(in, "coordination"));
}

TEST(ScoreSeverity, WeightsAreOneTableThatCalibrationCanReplace) {
  SeverityWeights weights;
  weights.state_affiliation_points = 30;
  weights.engagement_points_per_doubling = 10;
  Incident in = StateLinkedWithHighEngagement();
  ScoreSeverity(&in, weights);
  EXPECT_DOUBLE_EQ(in.severity, 20 + 30);
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
