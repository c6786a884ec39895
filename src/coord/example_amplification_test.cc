// The amplifier network of the built-in example (examples/carney-2025): the operation's articles of
// 2025-03-25 are boosted by about thirty smaller WeChat accounts within minutes, and the amplification
// summary must find them as one coordinated community.
#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/jsonl_reader.h"
#include "tests/testutil/collecting_sink.h"
#include "tests/testutil/shared_data.h"
#include "vigil/coordination.h"

namespace vigil {
namespace {

TEST(ExampleAmplification, TheMarch25ArticlesAreBoostedByOneCommunityOfAboutThirtyAccounts) {
  testutil::CollectingSink sink;
  ASSERT_TRUE(ReadPostsJsonl(testutil::SourcePath("examples/carney-2025/posts.jsonl"), sink).ok());
  auto config = LoadWatchConfig(testutil::SourcePath("examples/carney-2025/watch.yaml"));
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  std::vector<Post>& posts = sink.posts;
  std::sort(posts.begin(), posts.end(), [](const Post& a, const Post& b) { return a.published_at < b.published_at; });
  std::vector<uint32_t> articles;  // the state-linked account's posts of that day
  for (uint32_t i = 0; i < posts.size(); ++i)
    if (posts[i].account_id == "youli-youmian" && posts[i].id.rfind("ylym-20250325", 0) == 0) articles.push_back(i);
  ASSERT_FALSE(articles.empty());
  auto summary = SummarizeAmplification(posts, *config, articles);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_GE(summary->accounts, 25);
  EXPECT_LE(summary->accounts, 35);
  EXPECT_EQ(summary->accounts, static_cast<int64_t>(summary->amplifiers.size()));
  EXPECT_LT(summary->median_delay_seconds, 15 * 60);
  EXPECT_GE(summary->fast_accounts, 25);
  for (const auto& a : summary->amplifiers) EXPECT_EQ(a.platform, "wechat");
  std::cout << "example 2025-03-25: " << summary->accounts << " coordinated of " << summary->total_amplifier_accounts
            << " amplifiers, " << summary->edges << " ties, median delay " << summary->median_delay_seconds
            << " s, objects " << summary->shared_objects << "\n";
}

}  // namespace
}  // namespace vigil
