// The hostile-language finding of an incident, through the whole analysis: the attack model reads the
// sentences naming the target in the evidence posts, the hostile ones are cited with their scores, and
// without the models the finding says it was not measured.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "text/paths.h"
#include "text/stance.h"
#include "vigil/analyze.h"

namespace vigil {
namespace {

constexpr int64_t kStart = 1741564800;  // 2025-03-10T00:00:00Z

WatchConfig Config() {
  WatchConfig c;
  c.targets.push_back(Target{"carney", "Mark Carney", "Liberal", {"卡尼", "马克·卡尼"}});
  c.actors.push_back(Actor{"wechat", "op", "Operator", Affiliation::kStateLinked, "CN", "", ""});
  return c;
}

// Five posts of a state-linked account about 卡尼 in one day: three insult him, two report on him.
std::vector<Post> Posts() {
  const char* texts[] = {"马克·卡尼就是个无耻的骗子，垃圾政客，滚出政坛！", "卡尼今天在渥太华发表讲话，介绍经济计划。",
                         "卡尼这个废物，蠢得要命，真是恶心透了。", "卡尼与各省省长举行会谈。",
                         "卡尼满嘴谎言的伪君子，傻逼一个！"};
  std::vector<Post> posts;
  for (int i = 0; i < 5; ++i) {
    Post p;
    p.platform = "wechat";
    p.id = "a" + std::to_string(i);
    p.account_id = "op";
    p.account_name = "Operator";
    p.published_at = kStart + i * 3600;
    p.text = texts[i];
    p.lang = "zh";
    posts.push_back(std::move(p));
  }
  return posts;
}

const Incident* CarneyIncident(const AnalysisReport& r) {
  for (const Incident& in : r.incidents) {
    if (in.target_id == "carney") return &in;
  }
  return nullptr;
}

TEST(HostileLanguage, HostilePostsAreCitedWithTheirScores) {
  if (!std::filesystem::exists(text::DefaultModelDir() + "/" + text::kAttackModelProbe)) {
    GTEST_SKIP() << "models not trained (run vigil train): " << text::DefaultModelDir();
  }
  AnalyzeOptions options;
  options.min_severity = 0;
  const auto report = AnalyzePosts(Posts(), Config(), options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const Incident* in = CarneyIncident(*report);
  ASSERT_NE(in, nullptr);
  const HostileLanguage& h = in->hostile_language;
  ASSERT_TRUE(h.available) << h.unavailable_reason;
  EXPECT_EQ(h.measured_posts, 5);
  std::set<std::string> cited;
  for (const HostileLanguage::Post& p : h.hostile) {
    cited.insert(p.post_key);
    EXPECT_GE(p.attack, h.threshold);
  }
  EXPECT_TRUE(cited.count("wechat:a0") && cited.count("wechat:a2") && cited.count("wechat:a4")) << cited.size();
  EXPECT_FALSE(cited.count("wechat:a1") || cited.count("wechat:a3"));  // news about him is not hostile
  bool contribution = false;
  for (const SeverityContribution& c : in->contributions) {
    contribution = contribution || (c.signal == "hostile-language" && c.explanation.find("wechat:a") != std::string::npos);
  }
  EXPECT_TRUE(contribution);
}

TEST(HostileLanguage, WithoutModelsItIsReportedUnavailable) {
  AnalyzeOptions options;
  options.min_severity = 0;
  options.text_models = false;
  const auto report = AnalyzePosts(Posts(), Config(), options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const Incident* in = CarneyIncident(*report);
  ASSERT_NE(in, nullptr);
  EXPECT_FALSE(in->hostile_language.available);
  EXPECT_NE(in->hostile_language.unavailable_reason.find("vigil train"), std::string::npos);
  for (const SeverityContribution& c : in->contributions) EXPECT_NE(c.signal, "hostile-language");
}

}  // namespace
}  // namespace vigil
