// The signal stages on small hand-built cases: a state-linked account posting about a target with outsized
// engagement, boosted by the same accounts' fast reposts, against a quiet state-media baseline; routine
// state-media coverage at growing volume; an unlisted commentator's viral posts.
#include <gtest/gtest.h>

#include <random>

#include "common/time.h"
#include "vigil/analyze.h"

namespace vigil {
namespace {

int64_t Day(const char* date) { return ParseCivilDate(date)->DaysSinceEpoch() * kSecondsPerDay; }

struct Item {
  Post post;
  int target = -1;  // mentioned target, -1 for none
  Stance stance = Stance::kNeutral;
};

struct Scenario {
  std::vector<Item> items;
  WatchConfig config;

  Post& Add(const std::string& account, int64_t at, int64_t likes, int target = -1,
            Stance stance = Stance::kNeutral, const std::string& repost_of = "") {
    Item item;
    Post& p = item.post;
    p.platform = "wechat";
    p.id = account + "-" + std::to_string(items.size());
    p.account_id = account;
    p.account_name = account;
    p.published_at = at;
    p.repost_of = repost_of;
    p.url = "https://mp.weixin.qq.com/s/" + p.id;
    p.metrics.likes = Count::Exact(likes);
    item.target = target;
    item.stance = stance;
    items.push_back(std::move(item));
    return items.back().post;
  }

  // Posts sorted by time with findings indexing into them.
  std::pair<std::vector<Post>, TextFindings> Build() {
    std::stable_sort(items.begin(), items.end(),
                     [](const Item& a, const Item& b) { return a.post.published_at < b.post.published_at; });
    std::vector<Post> posts;
    TextFindings text;
    for (const Item& item : items) {
      const auto idx = static_cast<uint32_t>(posts.size());
      posts.push_back(item.post);
      if (item.target < 0) continue;
      const auto target = static_cast<uint32_t>(item.target);
      text.mentions.push_back({idx, target, "alias", 0, 1.0f});
      text.stances.push_back({idx, target, item.stance, 0});
    }
    return {posts, text};
  }
};

Scenario BuildScenario() {
  Scenario s;
  s.config.targets = {{"carney", "Mark Carney", "Liberal", {"卡尼"}}, {"chong", "Michael Chong", "", {"庄文浩"}}};
  Actor op{"wechat", "op", "Operator", Affiliation::kStateLinked, "CN", "", "state"};
  s.config.actors = {op};
  s.config.peer_groups = {{"state", "state media", {{"wechat", "pd"}}}};
  s.config.events = {{*ParseCivilDate("2025-03-09"), "Leadership won", "carney"}};
  for (int64_t d = Day("2025-01-01"); d < Day("2025-04-01"); d += kSecondsPerDay) {
    s.Add("pd", d + 3600, 30000);              // baseline: 30k per post, not about targets
    s.Add("op", d + 7200, 40000);              // the operator's ordinary output
    s.Add("local", d + 9000, 50, 0);           // steady organic mentions: one a day
  }
  for (int i = 0; i < 3; ++i) s.Add("op", Day("2023-05-05") + i * kSecondsPerDay, 60000, 1, Stance::kAgainst);
  for (int i = 0; i < 6; ++i) {
    const int64_t at = Day("2025-03-10") + 3600 + i * 600;
    const std::string id = s.Add("op", at, 90000 + i * 8000, 0, i < 3 ? Stance::kFavor : Stance::kAgainst).id;
    for (int a = 0; a < 6; ++a) s.Add("amp" + std::to_string(a), at + 60 + a * 30, 10, 0, Stance::kNeutral, id);
  }
  return s;
}

TEST(AnalyzeSignals, AssemblesTheOperationIntoOneExplainedIncident) {
  Scenario scenario = BuildScenario();
  auto [posts, text] = scenario.Build();
  AnalyzeOptions options;
  options.min_severity = 30;
  auto report_result = AnalyzeSignals(posts, scenario.config, text, options);
  ASSERT_TRUE(report_result.ok()) << report_result.status().ToString();
  const AnalysisReport& report = *report_result;

  ASSERT_EQ(report.incidents.size(), 2u);  // Carney 2025 and Chong 2023; nobody else qualifies
  const Incident& carney = report.incidents[0];
  EXPECT_EQ(carney.target_id, "carney");
  EXPECT_EQ(carney.actor.name, "Operator");
  EXPECT_EQ(carney.evidence_posts.size(), 6u);
  EXPECT_EQ(carney.max_interactions, 130000);
  EXPECT_DOUBLE_EQ(carney.baseline.median_interactions, 30000);
  EXPECT_NEAR(carney.peak_ratio_to_peer, 130000.0 / 30000, 1e-9);
  EXPECT_TRUE(carney.stance.mixed);
  EXPECT_EQ(carney.coordination.accounts, 6);
  EXPECT_EQ(carney.coordination.repeat_accounts, 6);
  EXPECT_LE(carney.coordination.median_delay_seconds, 150);
  ASSERT_EQ(carney.history.size(), 1u);
  EXPECT_EQ(carney.history[0].target_id, "chong");
  EXPECT_EQ(carney.history[0].interactions, 180000);

  bool daily_surge = false;
  for (const Surge& s : carney.surges) {
    if (s.granularity != Granularity::kDay) continue;
    daily_surge = true;
    EXPECT_EQ(FormatDate(s.window_start), "2025-03-10");
    ASSERT_EQ(s.preceding_events.size(), 1u);
    EXPECT_EQ(s.preceding_events[0].lead_hours, 24);
  }
  EXPECT_TRUE(daily_surge);

  std::vector<std::string> signals;
  for (const SeverityContribution& c : carney.contributions) signals.push_back(c.signal);
  EXPECT_EQ(signals, (std::vector<std::string>{"engagement", "surge", "coordination", "state-affiliation",
                                               "mixed-narratives", "actor-history", "volume"}));
  EXPECT_GE(carney.severity, 70);
}

// Five state-media outlets drawn from one distribution; Global Times mentions the target in 3% of its posts,
// at its usual engagement. The maximum of its posts grows with their number; its typical post does not.
TEST(AnalyzeSignals, VolumeAloneNeverRaisesSeverity) {
  for (int scale : {1, 10, 100}) {
    Scenario s;
    s.config.targets = {{"carney", "Mark Carney", "Liberal", {"卡尼"}}};
    const std::vector<std::string> outlets = {"peoples-daily", "xinhua", "global-times", "cgtn", "cctv"};
    PeerGroup group{"cn-state-media", "state media", {}};
    for (const std::string& outlet : outlets) {
      s.config.actors.push_back({"wechat", outlet, outlet, Affiliation::kStateMedia, "CN", "", ""});
      group.members.push_back({"wechat", outlet});
    }
    s.config.peer_groups = {group};
    std::mt19937_64 rng(2025);
    std::lognormal_distribution<double> interactions(std::log(30000.0), 0.3);
    int global_times_posts = 0;
    for (int day = 0; day < 60; ++day) {
      for (const std::string& outlet : outlets) {
        for (int k = 0; k < 3 * scale; ++k) {
          const int64_t at = Day("2025-02-01") + day * kSecondsPerDay + k * (kSecondsPerDay / (3 * scale));
          const bool about_target = outlet == "global-times" && global_times_posts++ % 33 == 0;
          s.Add(outlet, at, std::llround(interactions(rng)), about_target ? 0 : -1);
        }
      }
    }
    auto [posts, text] = s.Build();
    AnalyzeOptions options;
    options.min_severity = 0;
    options.campaign_gap_days = 90;
    auto report_result = AnalyzeSignals(posts, s.config, text, options);
    ASSERT_TRUE(report_result.ok()) << report_result.status().ToString();
    const AnalysisReport& report = *report_result;
    ASSERT_EQ(report.incidents.size(), 1u) << scale;
    const Incident& coverage = report.incidents[0];
    EXPECT_EQ(coverage.actor.account_id, "global-times");
    EXPECT_TRUE(coverage.engagement.leave_one_out);
    EXPECT_EQ(coverage.evidence_counts.posts, (180 * scale + 32) / 33) << scale;
    EXPECT_LT(coverage.median_ratio_to_peer, 1.5) << scale;
    for (const SeverityContribution& c : coverage.contributions) EXPECT_NE(c.signal, "engagement") << scale;
    EXPECT_LT(coverage.severity, 30) << scale;  // below the default reporting threshold
  }
}

TEST(AnalyzeSignals, AnUnlistedCommentatorsViralPostsAreNotReported) {
  Scenario s;
  s.config.targets = {{"carney", "Mark Carney", "Liberal", {"卡尼"}}};
  s.config.peer_groups = {{"state", "state media", {{"wechat", "pd"}}}};
  for (int64_t d = Day("2025-01-01"); d < Day("2025-04-01"); d += kSecondsPerDay) s.Add("pd", d + 3600, 30000);
  for (int i = 0; i < 3; ++i) s.Add("commentator", Day("2025-03-12") + i * kSecondsPerDay, 240000, 0);
  auto [posts, text] = s.Build();
  AnalyzeOptions options;
  options.min_severity = 0;
  auto report_result = AnalyzeSignals(posts, s.config, text, options);
  ASSERT_TRUE(report_result.ok()) << report_result.status().ToString();
  const AnalysisReport& report = *report_result;
  ASSERT_EQ(report.incidents.size(), 1u);
  const Incident& viral = report.incidents[0];
  EXPECT_DOUBLE_EQ(viral.median_ratio_to_peer, 8);
  EXPECT_EQ(viral.contributions.front().signal, "engagement");  // measured and shown ...
  EXPECT_EQ(viral.contributions.back().signal, "cap");          // ... but no influence indicator
  EXPECT_LT(viral.severity, 30);
}

TEST(AnalyzeSignals, QuietCorpusHasNoIncidents) {
  Scenario s;
  s.config.targets = {{"carney", "Mark Carney", "", {"Carney"}}};
  for (int d = 0; d < 60; ++d) s.Add("someone", d * kSecondsPerDay, 5, 0, Stance::kFavor);
  auto [posts, text] = s.Build();
  auto report_result = AnalyzeSignals(posts, s.config, text, {});
  ASSERT_TRUE(report_result.ok()) << report_result.status().ToString();
  const AnalysisReport& report = *report_result;
  EXPECT_TRUE(report.incidents.empty());
  EXPECT_TRUE(report.surges.empty());
  EXPECT_EQ(report.timeline.size(), 60u);
}

// An operation that claims counts near INT64_MAX: the timeline, surge and campaign sums saturate instead of
// wrapping to negative figures (the report once showed -4 interactions).
TEST(AnalyzeSignals, HugeCountsSaturateInEverySum) {
  Scenario scenario = BuildScenario();
  for (Item& item : scenario.items) {
    if (item.post.account_id == "op") item.post.metrics.likes = Count::Exact(INT64_MAX - 1);
  }
  auto [posts, text] = scenario.Build();
  AnalyzeOptions options;
  options.min_severity = 30;
  auto report_result = AnalyzeSignals(posts, scenario.config, text, options);
  ASSERT_TRUE(report_result.ok()) << report_result.status().ToString();
  const AnalysisReport& report = *report_result;
  ASSERT_FALSE(report.incidents.empty());
  for (const TimelinePoint& p : report.timeline) EXPECT_GE(p.interactions, 0) << FormatDate(p.day_start);
  for (const Surge& s : report.surges) EXPECT_GE(s.interactions, 0);
  for (const Incident& in : report.incidents) {
    EXPECT_GE(in.min_interactions, 0);
    EXPECT_EQ(in.max_interactions, INT64_MAX - 1);
    for (const Campaign& c : in.history) EXPECT_EQ(c.interactions, INT64_MAX) << c.target_id;
    for (const Surge& s : in.surges) EXPECT_GE(s.interactions, 0);
  }
}

}  // namespace
}  // namespace vigil
