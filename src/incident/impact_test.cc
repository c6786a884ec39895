#include "incident/impact.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

// An operation on WeChat (post 0 by the actor) and whoever spread it, each `minutes` after it.
struct Spread {
  std::vector<Post> posts;
  std::vector<AmplificationMatch> matches;
  Incident incident;
  WatchConfig config;

  Spread() {
    posts.push_back(Make("wechat", "op", 0));
    incident.actor.platform = "wechat";
    incident.actor.account_id = "op";
  }
  static Post Make(const std::string& platform, const std::string& account, int64_t at) {
    Post p;
    p.platform = platform;
    p.account_id = account;
    p.id = account + std::to_string(at);
    p.published_at = at;
    return p;
  }
  void Add(const std::string& platform, const std::string& account, int64_t minutes) {
    posts.push_back(Make(platform, account, minutes * 60));
    matches.push_back({0, static_cast<uint32_t>(posts.size() - 1), Via::kCopy, "copy:wechat:op0"});
  }
  ImpactEstimate Estimate() const { return EstimateImpact(posts, config, incident, {0}, matches); }
};

TEST(EstimateImpact, FastAmplifiersAloneStayInsideTheNetwork) {
  Spread s;
  for (int i = 0; i < 20; ++i) s.Add("wechat", "amp" + std::to_string(i), 2);
  const ImpactEstimate impact = s.Estimate();
  EXPECT_EQ(impact.category, 1);
  EXPECT_EQ(impact.network_accounts, 21);
  EXPECT_EQ(impact.outside_accounts, 0);
  EXPECT_EQ(impact.platforms, std::vector<std::string>{"wechat"});
  EXPECT_EQ(impact.communities, 1);
  EXPECT_NE(impact.explanation.find("no breakout"), std::string::npos) << impact.explanation;
}

TEST(EstimateImpact, SlowerSpreadByOutsideAccountsIsABreakout) {
  Spread s;
  for (int i = 0; i < 2; ++i) s.Add("wechat", "reader" + std::to_string(i), 120);
  EXPECT_EQ(s.Estimate().category, 1);  // two stray copies are not an audience
  s.Add("wechat", "reader2", 180);
  const ImpactEstimate impact = s.Estimate();
  EXPECT_EQ(impact.category, 2);
  EXPECT_EQ(impact.breakout_platforms, std::vector<std::string>{"wechat"});
  EXPECT_EQ(impact.communities, 2);
  EXPECT_EQ(impact.label, "one platform, spread beyond the operation's network");
}

TEST(EstimateImpact, CoordinatedAccountsBelongToTheNetworkWhateverTheirDelay) {
  Spread s;
  for (int i = 0; i < 5; ++i) s.Add("wechat", "slow" + std::to_string(i), 40);
  s.incident.coordination.ties = {{"wechat:slow0", "wechat:slow1", 1, 0, {}}, {"wechat:slow2", "wechat:slow3", 1, 0, {}},
                                  {"wechat:slow3", "wechat:slow4", 1, 0, {}}};
  EXPECT_EQ(s.Estimate().category, 1);
}

TEST(EstimateImpact, SeveralPlatformsAndBreakoutOnOne) {
  Spread s;
  s.Add("weibo", "mirror", 3);  // the network's own account on another platform
  EXPECT_EQ(s.Estimate().category, 2);
  for (int i = 0; i < 3; ++i) s.Add("weibo", "user" + std::to_string(i), 90);
  const ImpactEstimate impact = s.Estimate();
  EXPECT_EQ(impact.category, 3);
  EXPECT_EQ(impact.platforms, (std::vector<std::string>{"wechat", "weibo"}));
}

TEST(EstimateImpact, AListedOutletPickingItUpIsCrossMedium) {
  Spread s;
  s.config.peer_groups = {{"cn-state-media", "", {{"wechat", "global-times"}}}};
  s.Add("wechat", "global-times", 300);
  const ImpactEstimate impact = s.Estimate();
  EXPECT_EQ(impact.category, 4);
  EXPECT_EQ(impact.media_accounts, std::vector<std::string>{"wechat:global-times"});
}

}  // namespace
}  // namespace vigil
