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

// Five outlets of the peer group with `per_outlet` posts each at about 30,000 interactions.
std::vector<Post> PeerPosts(int per_outlet) {
  std::vector<Post> posts;
  for (const char* outlet : {"peoples-daily", "xinhua", "global-times", "cgtn", "cctv"}) {
    for (int i = 0; i < per_outlet; ++i) posts.push_back(MakePost(outlet, 27000 + (i * 7919) % 6000));
  }
  return posts;
}

WatchConfig FiveOutlets() {
  WatchConfig c = Config();
  c.peer_groups[0].members = {{"wechat", "peoples-daily"}, {"wechat", "xinhua"}, {"wechat", "global-times"},
                              {"wechat", "cgtn"}, {"wechat", "cctv"}};
  return c;
}

TEST(EngagementModel, TestsTheTypicalPostNotThePeak) {
  std::vector<Post> posts = PeerPosts(40);
  std::vector<uint32_t> op_posts;
  for (int64_t v : {28000, 31000, 29500, 30500, 400000}) {  // four ordinary posts and one viral one
    op_posts.push_back(static_cast<uint32_t>(posts.size()));
    posts.push_back(MakePost("op", v));
  }
  const WatchConfig config = FiveOutlets();
  const EngagementModel model = EngagementModel::Build(posts, config, std::vector<bool>(posts.size(), false));
  const EngagementTest t = model.TestPosts("wechat", "op", op_posts);
  EXPECT_EQ(t.peer_group_id, "cn-state-media");
  EXPECT_FALSE(t.leave_one_out);
  EXPECT_EQ(t.posts, 5);
  EXPECT_EQ(t.peer_posts, 200);
  EXPECT_DOUBLE_EQ(t.median_interactions, 30500);
  EXPECT_NEAR(t.median_ratio, 1.0, 0.05);
  EXPECT_GT(t.p_value, 0.05);
}

TEST(EngagementModel, AMemberIsNeverComparedWithItself) {
  std::vector<Post> posts = PeerPosts(40);
  std::vector<uint32_t> own;
  for (uint32_t i = 0; i < posts.size(); ++i) {
    if (posts[i].account_id == "global-times") own.push_back(i);
  }
  // Global Times runs at twice the others: against a baseline holding its own posts it would look less so.
  for (uint32_t i : own) posts[i].metrics.likes = Count::Exact(posts[i].metrics.likes.value * 2);
  const WatchConfig config = FiveOutlets();
  const EngagementModel model = EngagementModel::Build(posts, config, std::vector<bool>(posts.size(), false));
  const EngagementTest t = model.TestPosts("wechat", "global-times", own);
  EXPECT_TRUE(t.leave_one_out);
  EXPECT_EQ(t.peer_posts, 160);
  EXPECT_NEAR(t.median_ratio, 2.0, 0.1);
  EXPECT_DOUBLE_EQ(t.superiority, 1.0);
  EXPECT_LT(t.p_value, 1e-6);
  EXPECT_LT(t.peer_median, model.baselines()[0].median_interactions);  // the group median includes it
}

}  // namespace
}  // namespace vigil
