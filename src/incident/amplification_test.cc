// Amplification without the repost button: twenty-five accounts copy the operator's articles as lightly
// edited text (a "转发：" prefix, traditional script, an added question), 8-40 minutes later, with no
// repost_of and no link. They must be found as amplifiers with their delays, as reposts and links are.
#include "incident/amplification.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "common/time.h"
#include "incident/text_copies.h"
#include "vigil/analyze.h"

namespace vigil {
namespace {

int64_t Day(const char* date) { return ParseCivilDate(date)->DaysSinceEpoch() * kSecondsPerDay; }

struct Article {
  const char* simplified;
  const char* traditional;
};

// The operator's articles, and the same text in traditional script as a copier in Hong Kong or Taiwan
// would post it.
const Article kArticles[] = {
    {"卡尼赢得自由党党首选举，经济政策受关注。马克·卡尼表示将优先处理经济问题和美国关税带来的挑战，分析人士认为他的金融背景将影响加拿大未来的经济走向。",
     "卡尼贏得自由黨黨首選舉，經濟政策受關注。馬克·卡尼表示將優先處理經濟問題和美國關稅帶來的挑戰，分析人士認為他的金融背景將影響加拿大未來的經濟走向。"},
    {"大选提前举行，卡尼被指缺乏从政经验。批评者说这位前央行行长从未担任过民选职务，却急于在美国压力下推动选举，令选民担忧。",
     "大選提前舉行，卡尼被指缺乏從政經驗。批評者說這位前央行行長從未擔任過民選職務，卻急於在美國壓力下推動選舉，令選民擔憂。"},
};

const char* const kQuestions[] = {"", "大家怎么看？", "你认同吗？"};

// Organic posts about the same target in the same hours, each its own words: never copies.
const char* const kOrganic[] = {
    "今天去超市买菜，顺便看了看新闻，卡尼当选了，不知道对房价有没有影响。",
    "加拿大的选举好热闹，朋友圈都在转卡尼的新闻，我还是更关心孩子上学的事情。",
    "卡尼的演讲我看了一半，讲得还行，但是具体政策要等等看再说吧。",
    "听说卡尼以前在英国央行工作过，这种背景当总理会不会太偏向金融界？",
    "我们社区的华人朋友对卡尼评价不一，有人觉得他稳重，有人觉得他太精英。",
    "刚下班，地铁上一直有人在讨论卡尼和关税，吵得我头疼。",
    "卡尼说要建更多房子，希望这次是真的，温哥华的房租实在太高了。",
    "看了卡尼和博励治的辩论片段，感觉两个人都没说清楚怎么降低物价。",
    "周末带孩子去图书馆，门口有人发卡尼竞选的传单，设计得挺好看。",
    "我爸一直看中文台的新闻，他说卡尼这个人做事比较务实，我不太确定。",
};

Post MakePost(const std::string& account, int64_t at, const std::string& text) {
  static int serial = 0;
  Post p;
  p.platform = "wechat";
  p.id = account + "-" + std::to_string(serial++);
  p.account_id = account;
  p.account_name = account;
  p.published_at = at;
  p.text = text;
  p.url = "https://mp.weixin.qq.com/s/" + p.id;
  p.metrics.likes = Count::Exact(account == "op" ? 100000 : 40);
  return p;
}

// The operator's two articles on 2025-03-25 at 08:00 and 09:00, each copied by 25 accounts 8-40 minutes
// later; organic posts through the day; one copy arrives a day late.
std::vector<Post> CopiedOperation() {
  std::vector<Post> posts;
  for (size_t a = 0; a < std::size(kArticles); ++a) {
    const int64_t published = Day("2025-03-25") + (8 + static_cast<int64_t>(a)) * kSecondsPerHour;
    posts.push_back(MakePost("op", published, kArticles[a].simplified));
    for (int k = 0; k < 25; ++k) {
      const int64_t delay = (8 + (k * 32) / 24) * 60;  // 8..40 minutes
      std::string copy = "转发：";
      copy += k % 2 ? kArticles[a].traditional : kArticles[a].simplified;
      copy += kQuestions[k % 3];
      posts.push_back(MakePost(fmt::format("amp-{:02}", k), published + delay, copy));
    }
    posts.push_back(MakePost("late-copier", published + kSecondsPerDay, std::string("转发：") + kArticles[a].simplified));
  }
  for (size_t i = 0; i < std::size(kOrganic); ++i) {
    posts.push_back(MakePost(fmt::format("user-{}", i), Day("2025-03-25") + 7 * kSecondsPerHour +
                                                           static_cast<int64_t>(i) * 1800,
                             kOrganic[i]));
  }
  std::stable_sort(posts.begin(), posts.end(), [](const Post& x, const Post& y) { return x.published_at < y.published_at; });
  return posts;
}

std::vector<int64_t> CopyGroups(const std::vector<Post>& posts) {
  auto normalizer = text::Normalizer::Create();
  EXPECT_TRUE(normalizer.ok()) << normalizer.status().ToString();
  return GroupTextCopies(posts, **normalizer, TextCopyOptions{});
}

std::vector<uint32_t> PostsOf(const std::vector<Post>& posts, const std::string& account) {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < posts.size(); ++i) {
    if (posts[i].account_id == account) out.push_back(i);
  }
  return out;
}

TEST(GroupTextCopies, LightlyEditedCopiesJoinTheirOriginalAndOrganicPostsDoNot) {
  const std::vector<Post> posts = CopiedOperation();
  const std::vector<int64_t> group = CopyGroups(posts);
  const std::vector<uint32_t> originals = PostsOf(posts, "op");
  ASSERT_EQ(originals.size(), 2u);
  EXPECT_NE(group[originals[0]], group[originals[1]]);
  for (uint32_t i = 0; i < posts.size(); ++i) {
    const std::string& account = posts[i].account_id;
    if (account.rfind("amp-", 0) == 0) {
      const bool first_article = posts[i].published_at < posts[originals[1]].published_at;
      EXPECT_EQ(group[i], group[originals[first_article ? 0 : 1]]) << posts[i].text;
    } else if (account.rfind("user-", 0) == 0) {
      EXPECT_EQ(group[i], -1) << posts[i].text;
    }
  }
}

TEST(AmplificationIndex, FindsCopiersWithTheirDelaysWithinTheWindow) {
  const std::vector<Post> posts = CopiedOperation();
  const AmplificationIndex index(posts, CopyGroups(posts), 6 * kSecondsPerHour);
  const std::vector<Amplification> found = index.AmplifiersOf(PostsOf(posts, "op"));
  ASSERT_EQ(found.size(), 50u);  // 25 accounts x 2 articles; the copy a day late is outside the window
  for (const Amplification& a : found) {
    EXPECT_EQ(a.via, "copy");
    EXPECT_EQ(a.account_id.rfind("amp-", 0), 0u) << a.account_id;
    EXPECT_GE(a.delay_seconds, 8 * 60);
    EXPECT_LE(a.delay_seconds, 40 * 60);
    EXPECT_FALSE(a.post.empty());
  }
  EXPECT_EQ(found.front().delay_seconds, 8 * 60);
  EXPECT_EQ(found.back().delay_seconds, 40 * 60);
}

TEST(AmplificationIndex, RepostsAndLinksAreMatchedToTheClosestOriginal) {
  std::vector<Post> posts = {MakePost("op", 1000, "第一篇文章的内容，关于卡尼的经济政策和关税问题的详细分析。"),
                             MakePost("op", 2000, "第二篇文章完全不同，讲的是选举日程和投票站的安排情况。")};
  Post repost = MakePost("fan", 2300, "");
  repost.repost_of = posts[1].id;
  Post link = MakePost("fan2", 2600, "看看这个");
  link.links = {posts[0].url + "?utm_source=share"};  // tracking parameters do not hide the link
  Post self = MakePost("op", 2700, "");
  self.repost_of = posts[0].id;  // the operator's own repost is not amplification
  Post late = MakePost("fan3", 2000 + 7 * kSecondsPerHour, "");
  late.repost_of = posts[1].id;
  posts.insert(posts.end(), {repost, link, self, late});
  const AmplificationIndex index(posts, std::vector<int64_t>(posts.size(), -1), 6 * kSecondsPerHour);
  const std::vector<Amplification> found = index.AmplifiersOf({0, 1});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].account_id, "fan");
  EXPECT_EQ(found[0].via, "repost");
  EXPECT_EQ(found[0].delay_seconds, 300);
  EXPECT_EQ(found[1].account_id, "fan2");
  EXPECT_EQ(found[1].via, "link");
  EXPECT_EQ(found[1].amplified_post, posts[0].Key());
  EXPECT_EQ(found[1].delay_seconds, 1600);
}

// End to end through the signal stage: the copies make the operation's amplifier network and put the
// operation into the surge it caused.
TEST(AnalyzeSignals, CopyAmplificationGivesAmplifiersCoordinationAndTheSurge) {
  std::vector<Post> posts = CopiedOperation();
  for (int64_t d = Day("2025-02-01"); d < Day("2025-03-25"); d += kSecondsPerDay) {
    posts.push_back(MakePost("local", d + 3 * kSecondsPerHour, "卡尼今天在多伦多发表讲话，谈到了住房问题。"));
  }
  std::stable_sort(posts.begin(), posts.end(), [](const Post& x, const Post& y) { return x.published_at < y.published_at; });
  WatchConfig config;
  config.targets = {{"carney", "Mark Carney", "Liberal", {"卡尼"}}};
  TextFindings text;
  for (uint32_t i = 0; i < posts.size(); ++i) {
    if (posts[i].text.find("卡尼") == std::string::npos) continue;
    text.mentions.push_back({i, 0, "卡尼", 0, 1.0f, false});
    text.stances.push_back({i, 0, Stance::kNeutral, 0});
  }
  AnalyzeOptions options;
  options.min_severity = 0;
  auto without_copies_result = AnalyzeSignals(posts, config, text, options);
  ASSERT_TRUE(without_copies_result.ok()) << without_copies_result.status().ToString();
  const AnalysisReport& without_copies = *without_copies_result;
  text.text_copy_group = CopyGroups(posts);
  auto with_copies_result = AnalyzeSignals(posts, config, text, options);
  ASSERT_TRUE(with_copies_result.ok()) << with_copies_result.status().ToString();
  const AnalysisReport& with_copies = *with_copies_result;

  auto op_incident = [](const AnalysisReport& r) -> const Incident* {
    for (const Incident& in : r.incidents) {
      if (in.actor.account_id == "op") return &in;
    }
    return nullptr;
  };
  const Incident* before = op_incident(without_copies);
  const Incident* after = op_incident(with_copies);
  ASSERT_NE(before, nullptr);
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(before->coordination.total_amplifier_accounts, 0);
  EXPECT_TRUE(before->surges.empty());

  EXPECT_EQ(after->coordination.total_amplifier_accounts, 25);
  EXPECT_EQ(after->coordination.accounts, 25);  // one co-action community
  EXPECT_FALSE(after->coordination.community_id.empty());
  for (const Amplification& a : after->coordination.amplifiers) EXPECT_EQ(a.via, "copy");
  EXPECT_FALSE(after->surges.empty());
  EXPECT_GT(after->severity, before->severity);
  bool coordination = false;
  for (const SeverityContribution& c : after->contributions) coordination |= c.signal == "coordination";
  EXPECT_TRUE(coordination);
  EXPECT_EQ(after->impact.category, 1);  // one platform, every copier inside the network
  EXPECT_EQ(after->impact.network_accounts, 26);
}

// The direct evidence of an incident's 25 copiers, before the co-action network is measured.
CoordinationSummary DirectEvidence() {
  CoordinationSummary direct;
  direct.accounts = 25;
  direct.fast_accounts = 12;
  return direct;
}

TEST(MergeAmplifierNetwork, AFailedNetworkIsAnErrorNamingTheIncident) {
  CoordinationSummary direct = DirectEvidence();
  const Status s = MergeAmplifierNetwork(Status::Internal("igraph community detection failed: out of memory"),
                                         "inc-00000000000000ff", &direct);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInternal);
  EXPECT_NE(s.message().find("inc-00000000000000ff"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("25 amplifying accounts"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("out of memory"), std::string::npos) << s.message();
}

TEST(MergeAmplifierNetwork, ACommunityReplacesTheDirectEvidenceKeepingItsCounts) {
  CoordinationSummary direct = DirectEvidence();
  CoordinationSummary network;
  network.accounts = 20;
  network.community_id = "coord-000000000001";
  ASSERT_TRUE(MergeAmplifierNetwork(network, "inc-1", &direct).ok());
  EXPECT_EQ(direct.community_id, "coord-000000000001");
  EXPECT_EQ(direct.accounts, 20);
  EXPECT_EQ(direct.fast_accounts, 12);
  EXPECT_EQ(direct.total_amplifier_accounts, 25);
}

TEST(MergeAmplifierNetwork, NoCommunityLeavesTheDirectEvidence) {
  CoordinationSummary direct = DirectEvidence();
  ASSERT_TRUE(MergeAmplifierNetwork(CoordinationSummary{}, "inc-1", &direct).ok());
  EXPECT_EQ(direct.accounts, 25);
  EXPECT_TRUE(direct.community_id.empty());
}

}  // namespace
}  // namespace vigil
