// Hostile scale in analysis: what an adversary controls (how many posts, which dates) must not control what
// the analysis costs. Four posts dated in the years 0000 and 9999 stay four posts of work, and one watched
// actor with 200,000 posts gives an incident with capped evidence, right counts and small exports.
#include <gtest/gtest.h>

#include <filesystem>

#include "common/time.h"
#include "tests/integration/allocation_probe.h"
#include "tests/testutil/shared_data.h"
#include "vigil/analyze.h"
#include "vigil/export.h"
#include "vigil/report.h"

namespace vigil {
namespace {

constexpr size_t kMaxAllocationBytes = 16 << 20;

WatchConfig OneTarget() {
  WatchConfig config;
  config.targets = {{"carney", "Mark Carney", "Liberal", {"Carney"}}};
  Actor actor;
  actor.platform = "x";
  actor.account_id = "flood";
  actor.name = "Flood";
  actor.affiliation = Affiliation::kStateLinked;
  config.actors = {actor};
  return config;
}

Post MakePost(const std::string& account, const std::string& id, int64_t at, int64_t likes) {
  Post p;
  p.platform = "x";
  p.id = id;
  p.account_id = account;
  p.account_name = account;
  p.published_at = at;
  p.text = "Carney " + id;
  p.url = "https://x.com/" + account + "/status/" + id;
  p.metrics.likes = Count::Exact(likes);
  return p;
}

// Every post mentions the one target.
TextFindings MentionsInEveryPost(const std::vector<Post>& posts) {
  TextFindings text;
  for (uint32_t i = 0; i < posts.size(); ++i) {
    text.mentions.push_back({i, 0, "Carney", 0, 1.0f, false});
    text.stances.push_back({i, 0, Stance::kNeutral, 0});
  }
  return text;
}

TEST(HostileScale, FourPostsInTheYears0000And9999CostFourPostsOfWork) {
  const int64_t year_0 = ParseCivilDate("0000-01-01")->DaysSinceEpoch() * kSecondsPerDay;
  const int64_t year_9999 = ParseCivilDate("9999-12-31")->DaysSinceEpoch() * kSecondsPerDay;
  const std::vector<Post> posts = {MakePost("flood", "1", year_0, 5), MakePost("flood", "2", year_0 + 60, 5),
                                   MakePost("flood", "3", year_9999, 5), MakePost("flood", "4", year_9999 + 60, 5)};
  testutil::ResetLargestAllocation();
  auto report_result = AnalyzeSignals(posts, OneTarget(), MentionsInEveryPost(posts), {});
  ASSERT_TRUE(report_result.ok()) << report_result.status().ToString();
  const AnalysisReport& report = *report_result;
  EXPECT_LT(testutil::LargestAllocation(), kMaxAllocationBytes);
  EXPECT_EQ(report.timeline.size(), 2u);  // two days with mentions, not 3.65 million
  EXPECT_TRUE(report.surges.empty());
  const std::string json = RenderReportJson(report);
  const std::string markdown = RenderReportMarkdown(report);
  EXPECT_LT(testutil::LargestAllocation(), kMaxAllocationBytes);
  EXPECT_LT(json.size() + markdown.size(), 1u << 20);
}

TEST(HostileScale, AnActorWith200000PostsGivesCappedEvidenceWithTheRightCounts) {
  constexpr int kPosts = 200000;
  constexpr int kReposters = 300;
  std::vector<Post> posts;
  posts.reserve(kPosts + kReposters);
  const int64_t start = ParseCivilDate("2025-03-01")->DaysSinceEpoch() * kSecondsPerDay;
  for (int i = 0; i < kPosts; ++i) {
    posts.push_back(MakePost("flood", std::to_string(i), start + i * 10, 10 + i % 1000));
  }
  for (int k = 0; k < kReposters; ++k) {  // the busiest post gets reposted by 300 accounts
    Post repost = MakePost("fan" + std::to_string(k), "r" + std::to_string(k), start + 999 * 10 + 30 + k, 0);
    repost.repost_of = "999";
    posts.push_back(repost);
  }
  std::stable_sort(posts.begin(), posts.end(), [](const Post& a, const Post& b) { return a.published_at < b.published_at; });
  AnalyzeOptions options;
  options.min_severity = 0;
  options.case_name = "hostile-scale";
  auto report_result = AnalyzeSignals(posts, OneTarget(), MentionsInEveryPost(posts), options);
  ASSERT_TRUE(report_result.ok()) << report_result.status().ToString();
  const AnalysisReport& report = *report_result;

  const Incident* flood = nullptr;
  for (const Incident& in : report.incidents) {
    if (in.actor.account_id == "flood") flood = &in;
  }
  ASSERT_NE(flood, nullptr);
  EXPECT_EQ(flood->evidence_counts.posts, kPosts);
  EXPECT_EQ(flood->evidence_posts.size(), 100u);
  EXPECT_EQ(flood->evidence_counts.amplifiers, kReposters);
  EXPECT_EQ(flood->coordination.amplifiers.size(), 100u);
  EXPECT_TRUE(flood->evidence_counts.capped);
  EXPECT_NE(flood->evidence_counts.store_query.find("account_id = 'flood'"), std::string::npos);
  for (uint32_t idx : flood->evidence_posts) {  // the strongest kept: interactions 901..1009 (i % 1000 >= 900)
    EXPECT_GE(report.posts[idx].metrics.likes.value, 10 + 900) << report.posts[idx].id;
  }
  EXPECT_TRUE(std::is_sorted(flood->evidence_posts.begin(), flood->evidence_posts.end()));
  bool volume_counts_all = false;
  for (const SeverityContribution& c : flood->contributions) {
    volume_counts_all |= c.signal == "volume" && c.explanation.find("200000 posts") != std::string::npos;
  }
  EXPECT_TRUE(volume_counts_all);

  // The exports carry the capped evidence: kilobytes per incident, not hundreds of megabytes.
  const std::string dir = testutil::MakeTempDir("hostile-scale");
  auto written = ExportReport(report, {"all"}, dir);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  EXPECT_TRUE(written->failures.empty());
  uintmax_t bytes = RenderReportJson(report).size() + RenderReportMarkdown(report).size();
  for (const std::string& path : written->written) bytes += std::filesystem::file_size(path);
  EXPECT_LT(bytes, 8u << 20);
}

}  // namespace
}  // namespace vigil
