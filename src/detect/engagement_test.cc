#include "detect/engagement.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

Post MakePost(const std::string& account, int64_t likes, bool censored_views = false) {
  Post p;
  p.platform = "wechat";
  p.account_id = account;
  p.metrics.likes = Count::Exact(likes);
  p.metrics.views = censored_views ? Count::AtLeast(100000) : Count::Exact(50000);
  return p;
}

WatchConfig Config() {
  WatchConfig c;
  c.targets.push_back({"carney", "Mark Carney", "Liberal", {"Mark Carney"}});
  c.peer_groups.push_back({"cn-state-media", "Chinese state media", {{"wechat", "peoples-daily"}, {"wechat", "xinhua"}}});
  Actor op;
  op.platform = "wechat";
  op.account_id = "op";
  op.baseline = "cn-state-media";
  c.actors.push_back(op);
  return c;
}

TEST(EngagementModel, ComparesWithPeerGroupAndOwnOrdinaryPosts) {
  std::vector<Post> posts;
  std::vector<bool> mentions;
  for (int64_t v : {28000, 30000, 32000, 29000, 31000, 500000}) {  // one viral state-media post
    posts.push_back(MakePost("peoples-daily", v, true));
    mentions.push_back(false);
  }
  for (int64_t v : {40000, 42000, 38000}) {
    posts.push_back(MakePost("op", v));
    mentions.push_back(false);
  }
  posts.push_back(MakePost("op", 120000));  // the operation's post
  mentions.push_back(true);
  const WatchConfig config = Config();
  const EngagementModel model = EngagementModel::Build(posts, config, mentions);

  ASSERT_EQ(model.baselines().size(), 1u);
  EXPECT_DOUBLE_EQ(model.baselines()[0].median_interactions, 30500);
  EXPECT_EQ(model.baselines()[0].censored_views, 6);

  const EngagementScore s = model.Score(static_cast<uint32_t>(posts.size() - 1));
  EXPECT_EQ(s.peer_group_id, "cn-state-media");
  EXPECT_NEAR(s.ratio_to_peer, 120000.0 / 30500, 1e-9);
  EXPECT_DOUBLE_EQ(s.account_median, 40000);  // its own ordinary posts, not the operation's
  EXPECT_NEAR(s.ratio_to_account, 3.0, 1e-9);
  EXPECT_GT(s.peer_robust_z, 3.0);
}

TEST(EngagementModel, AccountWithoutBaselineHasNoPeerRatio) {
  std::vector<Post> posts = {MakePost("someone", 10)};
  posts[0].platform = "x";
  WatchConfig config = Config();
  const EngagementModel model = EngagementModel::Build(posts, config, {false});
  const EngagementScore s = model.Score(0);
  EXPECT_EQ(s.peer_group_id, "");
  EXPECT_EQ(s.ratio_to_peer, 0);
}

}  // namespace
}  // namespace vigil
