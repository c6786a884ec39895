// Replies and comments on a target's own accounts count as mentions of the target: resolved directly
// ("@account") or through the replied post's author, and read through the whole text stage.
#include "incident/reply_targets.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "vigil/analyze.h"

namespace vigil {
namespace {

constexpr int64_t kLongWeekend = 1693612800;  // 2023-09-02T00:00:00Z

WatchConfig TwoMps() {
  WatchConfig config;
  config.targets = {{"chong", "Michael Chong", "Conservative", {"Michael Chong"}},
                    {"joly", "Mélanie Joly", "Liberal", {"Mélanie Joly"}}};
  config.target_accounts = {{"chong", {"x", "mchong"}}, {"joly", {"facebook", "joly.page"}}};
  return config;
}

Post MakePost(const std::string& id, const std::string& platform, const std::string& account, const std::string& text,
              const std::string& reply_to, int64_t offset_seconds) {
  Post p;
  p.id = id;
  p.platform = platform;
  p.account_id = account;
  p.account_name = account;
  p.published_at = kLongWeekend + offset_seconds;
  p.text = text;
  p.lang = "en";
  p.reply_to = reply_to;
  return p;
}

std::vector<Post> Comments() {
  return {
      MakePost("jp1", "facebook", "joly.page", "Statement on consular cases today.", "", 0),
      MakePost("c1", "x", "bot1", "You took money from Beijing. Resign, traitor!", "@mchong", 60),
      MakePost("c2", "facebook", "bot2", "Corrupt and shameful, resign now.", "jp1", 120),
      MakePost("c3", "x", "fan", "Great work today, thank you!", "@someone_else", 180),
      MakePost("c4", "facebook", "joly.page", "Thanks all for the comments.", "jp1", 240),  // the page answering
      MakePost("c5", "facebook", "bot3", "A reply to a post outside the data.", "jp-missing", 300),
  };
}

TEST(FindRepliesToTargets, ResolvesAccountsAndRepliedPostsAuthors) {
  const std::vector<Post> posts = Comments();
  const auto replies = FindRepliesToTargets(posts, TwoMps());
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(replies[0].post_index, 1u);
  EXPECT_EQ(replies[0].target_index, 0u);
  EXPECT_EQ(replies[0].Alias("x"), "reply:x:mchong");
  EXPECT_EQ(replies[1].post_index, 2u);
  EXPECT_EQ(replies[1].target_index, 1u);
  EXPECT_EQ(replies[1].account_id, "joly.page");
}

TEST(FindRepliesToTargets, AccountsArePlatformScoped) {
  std::vector<Post> posts = Comments();
  posts[1].platform = "facebook";  // "@mchong" on Facebook is not Chong's X account
  EXPECT_EQ(FindRepliesToTargets(posts, TwoMps()).size(), 1u);
}

TEST(FindRepliesToTargets, NoTargetAccountsNoReplies) {
  WatchConfig config = TwoMps();
  config.target_accounts.clear();
  EXPECT_TRUE(FindRepliesToTargets(Comments(), config).empty());
}

// Through the analysis: the comments never name the MPs, yet each is a full-confidence mention of the MP
// whose page it was left on, with the stance of its text.
TEST(ReplyMentions, CommentsOnAnMpsPageAreMentionsWithTheirStance) {
  AnalyzeOptions options;
  options.text_models = false;
  auto report = AnalyzePosts(Comments(), TwoMps(), options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  auto find = [&](const std::string& id) {
    const auto it = std::find_if(report->posts.begin(), report->posts.end(), [&](const Post& p) { return p.id == id; });
    return static_cast<uint32_t>(it - report->posts.begin());
  };
  std::vector<std::pair<uint32_t, uint32_t>> mentioned;
  for (const Mention& m : report->mentions) {
    mentioned.emplace_back(m.post_index, m.target_index);
    if (m.post_index == find("c1")) {
      EXPECT_EQ(m.alias, "reply:x:mchong");
      EXPECT_FLOAT_EQ(m.confidence, 1.0f);
    }
  }
  EXPECT_EQ(mentioned, (std::vector<std::pair<uint32_t, uint32_t>>{{find("c1"), 0}, {find("c2"), 1}}));
  for (const TargetStance& s : report->stances) {
    EXPECT_EQ(s.stance, Stance::kAgainst) << report->posts[s.post_index].text;
  }
  EXPECT_EQ(report->stances.size(), 2u);
}

// A reply that also names the target keeps one mention: the named one, read at the name.
TEST(ReplyMentions, AReplyThatNamesTheTargetIsCountedOnce) {
  std::vector<Post> posts = {MakePost("c1", "x", "bot1", "Michael Chong is a disgrace.", "@mchong", 0)};
  AnalyzeOptions options;
  options.text_models = false;
  auto report = AnalyzePosts(posts, TwoMps(), options);
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->mentions.size(), 1u);
  EXPECT_EQ(report->mentions[0].alias, "Michael Chong");
  EXPECT_EQ(report->stances.size(), 1u);
}

}  // namespace
}  // namespace vigil
