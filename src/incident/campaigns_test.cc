#include "incident/campaigns.h"

#include <gtest/gtest.h>

#include "common/time.h"

namespace vigil {
namespace {

Post At(const std::string& account, int64_t day) {
  Post p;
  p.platform = "wechat";
  p.account_id = account;
  p.published_at = day * kSecondsPerDay;
  return p;
}

TEST(FindCampaignWindows, SplitsAnAccountsPostsAboutATargetAtLongSilences) {
  std::vector<Post> posts = {At("op", 0), At("op", 1), At("other", 1), At("op", 10), At("op", 40)};
  std::vector<Mention> mentions = {{0, 0, "a", 0, 1.0f}, {0, 0, "b", 9, 1.0f},  // same post twice: counts once
                                   {1, 0, "a", 0, 1.0f}, {2, 0, "a", 0, 1.0f}, {3, 0, "a", 0, 1.0f},
                                   {4, 0, "a", 0, 1.0f}, {4, 1, "c", 0, 0.2f}};  // weak mention ignored
  auto windows = FindCampaignWindows(posts, mentions, 0.5f, 21 * kSecondsPerDay);
  ASSERT_EQ(windows.size(), 3u);
  EXPECT_EQ(windows[0].account_id, "op");
  EXPECT_EQ(windows[0].posts, (std::vector<uint32_t>{0, 1, 3}));
  EXPECT_EQ(windows[1].posts, (std::vector<uint32_t>{4}));
  EXPECT_EQ(windows[2].account_id, "other");
}

}  // namespace
}  // namespace vigil
