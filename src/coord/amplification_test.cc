// Amplification of an incident's posts on hand-built posts: a burst of reposts by about thirty accounts
// within minutes forms one coordinated community; organic reposts hours apart do not.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/testutil/report_fixture.h"
#include "vigil/coordination.h"

namespace vigil {
namespace {

constexpr int64_t kArticleTime = 1742896800;  // 2025-03-25T10:00:00Z

Post MakePost(std::string id, std::string account, int64_t t) {
  Post p;
  p.id = std::move(id);
  p.platform = "wechat";
  p.account_id = std::move(account);
  p.account_name = "name of " + p.account_id;
  p.published_at = t;
  return p;
}

using testutil::MakeActor;

struct Scenario {
  std::vector<Post> posts;
  WatchConfig config;
  std::vector<uint32_t> incident;  // the article
};

// The article by the state-linked account, 30 amplifiers (reposts and link shares with per-reader WeChat
// parameters) within 12 minutes, and 8 organic reposts spread over two days.
Scenario Build(int amplifiers = 30) {
  Scenario s;
  Post article = MakePost("art-0325", "youli", kArticleTime);
  article.title = "卡尼的真面目";
  article.text = "自由党新领袖卡尼在竞选中的立场引发华人社区关注，本文分析其对华政策的变化";
  article.url = "https://mp.weixin.qq.com/s?__biz=MzYL&mid=100&idx=1&sn=art0325&chksm=aa";
  s.posts.push_back(article);
  s.incident.push_back(0);
  for (int i = 0; i < amplifiers; ++i) {
    Post p = MakePost("amp-" + std::to_string(i), "amp" + std::to_string(i), kArticleTime + 60 + 23 * i);
    if (i % 3 == 0) {
      p.links = {"https://mp.weixin.qq.com/s?__biz=MzYL&mid=100&idx=1&sn=art0325&scene=" + std::to_string(i) +
                 "&sharer_shareid=" + std::to_string(1000 + i)};
      p.text = "转发：卡尼的真面目 " + std::to_string(i);
    } else {
      p.repost_of = "art-0325";
    }
    s.posts.push_back(p);
  }
  for (int i = 0; i < 8; ++i) {
    Post p = MakePost("org-" + std::to_string(i), "reader" + std::to_string(i), kArticleTime + 3 * 3600 + 5 * 3600 * i);
    p.repost_of = "art-0325";
    s.posts.push_back(p);
  }
  // An unrelated post with its own slow organic reposts.
  Post other = MakePost("other", "someone", kArticleTime + 100);
  other.text = "多伦多今天天气很好，大家周末愉快，出门注意安全";
  s.posts.push_back(other);
  for (int i = 0; i < 6; ++i) {
    Post p = MakePost("o-rp-" + std::to_string(i), "fan" + std::to_string(i), kArticleTime + 200 + 4 * 3600 * i);
    p.repost_of = "other";
    s.posts.push_back(p);
  }
  s.config.actors.push_back(MakeActor("wechat", "youli", Affiliation::kStateLinked));
  for (int i : {0, 1, 2}) s.config.actors.push_back(MakeActor("wechat", "amp" + std::to_string(i), Affiliation::kStateMedia));
  return s;
}

TEST(Amplification, ThirtyAccountsRepostingWithinMinutesFormOneCommunity) {
  Scenario s = Build();
  auto summary = SummarizeAmplification(s.posts, s.config, s.incident);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->accounts, 30);
  ASSERT_EQ(summary->amplifiers.size(), 30u);
  std::vector<std::string> ids;
  for (const auto& a : summary->amplifiers) {
    ids.push_back(a.account_id);
    EXPECT_EQ(a.amplified_post, "wechat:art-0325");
    EXPECT_EQ(a.account_name, "name of " + a.account_id);
    EXPECT_GE(a.delay_seconds, 60);
    EXPECT_LE(a.delay_seconds, 60 + 23 * 29);
  }
  std::sort(ids.begin(), ids.end());
  for (int i = 0; i < 30; ++i) EXPECT_TRUE(std::binary_search(ids.begin(), ids.end(), "amp" + std::to_string(i)));
  // Every organic reader (hours later) amplified too, but outside any community.
  EXPECT_EQ(summary->total_amplifier_accounts, 38);
  EXPECT_EQ(summary->median_delay_seconds, 60 + (23 * 14 + 23 * 15) / 2);
  EXPECT_EQ(summary->max_delay_seconds, 60 + 23 * 29);
  EXPECT_DOUBLE_EQ(summary->state_affiliated_share, 3.0 / 30);
  EXPECT_EQ(summary->state_affiliated_accounts, 3);
  // Link shares and reposts of the same article are two objects; the WeChat parameters did not split the link.
  EXPECT_EQ(summary->object_ids, (std::vector<std::string>{"repost:wechat:art-0325",
                                                           "url:https://mp.weixin.qq.com/s?__biz=MzYL&idx=1&mid=100&sn=art0325"}));
  EXPECT_EQ(summary->shared_objects, 2);
  EXPECT_GT(summary->edges, 100);
  EXPECT_EQ(summary->edges, static_cast<int64_t>(summary->ties.size()));
  EXPECT_EQ(summary->window_seconds, 900);
  EXPECT_EQ(summary->fast_accounts, 30);  // all within the 15-minute fast window
  EXPECT_EQ(summary->community_id.rfind("coord-", 0), 0u);
  EXPECT_EQ(summary->first_share, kArticleTime + 60);
}

TEST(Amplification, OrganicRepostsHoursApartFormNoCommunity) {
  Scenario s = Build();
  const auto other = static_cast<uint32_t>(s.posts.size() - 7);
  ASSERT_EQ(s.posts[other].id, "other");
  auto summary = SummarizeAmplification(s.posts, s.config, {other});
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->accounts, 0);
  EXPECT_EQ(summary->edges, 0);
  EXPECT_TRUE(summary->amplifiers.empty());
  EXPECT_EQ(summary->fast_accounts, 0);
  EXPECT_EQ(summary->total_amplifier_accounts, 6);
}

TEST(Amplification, AFewFastResharersAreBelowTheCommunityFloor) {
  Scenario s = Build(3);
  auto summary = SummarizeAmplification(s.posts, s.config, s.incident);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->accounts, 0);
  AmplificationOptions loose;
  loose.min_community_accounts = 2;
  auto with_floor_two = SummarizeAmplification(s.posts, s.config, s.incident, loose);
  ASSERT_TRUE(with_floor_two.ok());
  EXPECT_EQ(with_floor_two->accounts, 3);
}

// 1,500 accounts reposting within ten minutes make 1.1 million in-window pairs: the object is too dense to
// pair, and its accounts are reported as the community (no ties listed: the pairs were not formed).
TEST(Amplification, ASwarmTooDenseToPairIsReportedAsTheCommunity) {
  constexpr int kSwarm = 1500;
  std::vector<Post> posts = {MakePost("art", "youli", kArticleTime)};
  for (int i = 0; i < kSwarm; ++i) {
    Post p = MakePost("rp-" + std::to_string(i), "bot" + std::to_string(i), kArticleTime + 60 + i % 600);
    p.repost_of = "art";
    posts.push_back(p);
  }
  auto summary = SummarizeAmplification(posts, WatchConfig{}, {0});
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->accounts, kSwarm);
  EXPECT_EQ(summary->amplifiers.size(), static_cast<size_t>(kSwarm));
  EXPECT_EQ(summary->total_amplifier_accounts, kSwarm);
  EXPECT_TRUE(summary->ties.empty());
  EXPECT_EQ(summary->object_ids, std::vector<std::string>{"repost:wechat:art"});
  EXPECT_EQ(summary->first_share, kArticleTime + 60);
  EXPECT_EQ(summary->last_share, kArticleTime + 60 + 599);
  EXPECT_EQ(summary->max_delay_seconds, 60 + 599);
}

TEST(Amplification, RejectsIndexesOutOfRange) {
  Scenario s = Build();
  EXPECT_FALSE(SummarizeAmplification(s.posts, s.config, {9999}).ok());
}

}  // namespace
}  // namespace vigil
