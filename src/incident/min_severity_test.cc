// The reporting threshold (AnalyzeOptions::min_severity) applies to the final score: an incident that the
// narratives stage lifts over the threshold is reported, one that stays under it is not.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "incident/text_stage.h"
#include "vigil/analyze.h"

namespace vigil {
namespace {

constexpr int64_t kMar10 = 1741564800;  // 2025-03-10 00:00 UTC
constexpr int64_t kHour = 3600;
constexpr int64_t kDay = 86400;

WatchConfig Config() {
  WatchConfig c;
  c.targets.push_back(Target{"carney", "Mark Carney", "Liberal", {"卡尼", "马克·卡尼"}});
  c.actors.push_back(Actor{"wechat", "ylym", "有理儿有面", Affiliation::kStateLinked, "CN", "", ""});
  return c;
}

// A state-linked account's two lines about Carney in one campaign: praise for his stand on US tariffs, then
// doubts about his lack of political experience.
std::vector<Post> Posts() {
  const std::vector<std::pair<const char*, int64_t>> lines = {
      {"卡尼在关税问题上对美国立场强硬，捍卫加拿大利益，表现出色。", kMar10},
      {"面对美国关税威胁，卡尼立场强硬，坚决捍卫加拿大。", kMar10 + kHour},
      {"卡尼回应美国关税：加拿大不会退让，立场强硬。", kMar10 + 2 * kHour},
      {"卡尼对美国加征关税展现强硬立场，赢得支持。", kMar10 + kDay},
      {"卡尼缺乏从政经验，央行行长的履历受到质疑，令人失望。", kMar10 + 15 * kDay},
      {"质疑声不断：卡尼从未当选议员，缺乏从政经验。", kMar10 + 15 * kDay + kHour},
      {"卡尼的央行履历和从政经验遭到质疑。", kMar10 + 16 * kDay},
  };
  std::vector<Post> posts;
  for (size_t i = 0; i < lines.size(); ++i) {
    Post p;
    p.platform = "wechat";
    p.id = "p" + std::to_string(i);
    p.account_id = "ylym";
    p.account_name = "有理儿有面";
    p.published_at = lines[i].second;
    p.text = lines[i].first;
    p.lang = "zh";
    posts.push_back(std::move(p));
  }
  return posts;
}

AnalyzeOptions LexiconOptions(double min_severity) {
  AnalyzeOptions options;
  options.text_models = false;  // lexicon stance: the same findings on every machine
  options.min_severity = min_severity;
  return options;
}

bool HasSignal(const Incident& in, const std::string& signal) {
  for (const SeverityContribution& c : in.contributions) {
    if (c.signal == signal) return true;
  }
  return false;
}

TEST(MinSeverity, AnIncidentTheNarrativesLiftOverTheThresholdIsReported) {
  // The score before the narratives stage, from the same text findings.
  const std::vector<Post> posts = Posts();
  auto text = ReadTargetsInPosts(posts, Config(), LexiconOptions(0));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  auto before_result = AnalyzeSignals(posts, Config(), *text, LexiconOptions(0));
  ASSERT_TRUE(before_result.ok()) << before_result.status().ToString();
  const AnalysisReport& before = *before_result;
  ASSERT_EQ(before.incidents.size(), 1u);
  EXPECT_FALSE(HasSignal(before.incidents[0], "mixed-narratives")) << "the stance mix alone is not mixed";

  auto scored = AnalyzePosts(Posts(), Config(), LexiconOptions(0));
  ASSERT_TRUE(scored.ok()) << scored.status().ToString();
  ASSERT_EQ(scored->incidents.size(), 1u);
  const Incident& lifted = scored->incidents[0];
  ASSERT_TRUE(HasSignal(lifted, "mixed-narratives")) << "the two lines are opposing narratives";
  ASSERT_GT(lifted.severity, before.incidents[0].severity);

  // A threshold between the two scores: the final score is what it is compared with.
  auto reported = AnalyzePosts(Posts(), Config(), LexiconOptions(lifted.severity));
  ASSERT_TRUE(reported.ok()) << reported.status().ToString();
  ASSERT_EQ(reported->incidents.size(), 1u);
  EXPECT_EQ(reported->incidents[0].id, lifted.id);
  EXPECT_EQ(reported->incidents[0].severity, lifted.severity);
}

TEST(MinSeverity, AnIncidentUnderTheThresholdAfterEveryStageIsNotReported) {
  auto scored = AnalyzePosts(Posts(), Config(), LexiconOptions(0));
  ASSERT_TRUE(scored.ok()) << scored.status().ToString();
  ASSERT_EQ(scored->incidents.size(), 1u);
  auto reported = AnalyzePosts(Posts(), Config(), LexiconOptions(scored->incidents[0].severity + 1));
  ASSERT_TRUE(reported.ok()) << reported.status().ToString();
  EXPECT_TRUE(reported->incidents.empty());
}

}  // namespace
}  // namespace vigil
