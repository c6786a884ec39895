// ClusterNarratives: separates an operation's praise line from its attack line, labels and counts them.
#include "text/narratives.h"

#include <gtest/gtest.h>

#include "text/normalize.h"
#include "text/segment.h"

namespace vigil::text {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kMar10 = 1741564800;  // 2025-03-10 00:00 UTC

class NarrativesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto n = Normalizer::Create();
    ASSERT_TRUE(n.ok());
    norm_ = std::move(n).value();
  }
  void Add(const std::string& raw, Stance stance, int64_t t) {
    texts_.push_back(norm_->NormalizeOrReplace(raw));
    stances_.push_back(stance);
    times_.push_back(t);
  }
  std::vector<NarrativePost> Posts() const {
    std::vector<NarrativePost> out;
    for (size_t i = 0; i < texts_.size(); ++i) {
      out.push_back(NarrativePost{static_cast<uint32_t>(i + 100), texts_[i], stances_[i], times_[i]});
    }
    return out;
  }
  std::unique_ptr<Normalizer> norm_;
  std::vector<std::string> texts_;
  std::vector<Stance> stances_;
  std::vector<int64_t> times_;
};

TEST(SegmentTest, ChineseAndLatinWords) {
  std::vector<std::string_view> w;
  SegmentWords("加拿大总理访问美国, carney said.", &w);
  ASSERT_GE(w.size(), 5u);
  EXPECT_EQ(w[0], "加拿大");
  EXPECT_EQ(w[w.size() - 2], "carney");
  EXPECT_EQ(w.back(), "said");
  EXPECT_TRUE(IsStopWord("的"));
  EXPECT_FALSE(IsStopWord("关税"));
}

TEST_F(NarrativesTest, SeparatesPraiseAndAttackLines) {
  Add("卡尼在关税问题上对美国立场强硬，捍卫加拿大利益。", Stance::kFavor, kMar10);
  Add("面对美国关税威胁，卡尼立场强硬，坚决捍卫加拿大。", Stance::kFavor, kMar10 + 3600);
  Add("卡尼回应美国关税：加拿大不会退让，立场强硬。", Stance::kFavor, kMar10 + 7200);
  Add("卡尼对美国加征关税展现强硬立场，赢得支持。", Stance::kFavor, kMar10 + kDay);
  Add("卡尼缺乏从政经验，央行行长的履历受到质疑。", Stance::kAgainst, kMar10 + 15 * kDay);
  Add("质疑声不断：卡尼从未当选议员，缺乏从政经验。", Stance::kAgainst, kMar10 + 15 * kDay + 60);
  Add("卡尼的央行履历和从政经验遭到质疑。", Stance::kAgainst, kMar10 + 16 * kDay);
  NarrativeOptions opt;
  opt.excluded_terms = {"卡尼"};
  const auto narratives = ClusterNarratives(Posts(), opt);
  ASSERT_EQ(narratives.size(), 2u);
  const Narrative& praise = narratives[0];  // larger first
  const Narrative& attack = narratives[1];
  EXPECT_EQ(praise.posts, 4);
  EXPECT_EQ(praise.favor, 4);
  EXPECT_EQ(attack.posts, 3);
  EXPECT_EQ(attack.against, 3);
  EXPECT_EQ(praise.first_seen, kMar10);
  EXPECT_EQ(praise.last_seen, kMar10 + kDay);
  EXPECT_EQ(attack.first_seen, kMar10 + 15 * kDay);
  EXPECT_GE(praise.representative_post, 100u);
  EXPECT_LE(praise.representative_post, 103u);
  EXPECT_GE(attack.representative_post, 104u);
  const auto has = [](const Narrative& n, const std::string& term) {
    return std::find(n.top_terms.begin(), n.top_terms.end(), term) != n.top_terms.end();
  };
  EXPECT_TRUE(has(praise, "关税")) << praise.label;
  EXPECT_TRUE(has(attack, "质疑")) << attack.label;
  EXPECT_FALSE(has(praise, "卡尼"));
  EXPECT_NE(praise.label.find(" / "), std::string::npos);
  EXPECT_TRUE(HasOpposingNarratives(narratives));
}

TEST_F(NarrativesTest, OneCoherentLineStaysOneNarrative) {
  Add("卡尼在关税问题上对美国立场强硬。", Stance::kFavor, kMar10);
  Add("卡尼对美国关税立场强硬。", Stance::kFavor, kMar10 + 1);
  Add("美国关税问题上卡尼立场强硬。", Stance::kFavor, kMar10 + 2);
  const auto narratives = ClusterNarratives(Posts());
  ASSERT_EQ(narratives.size(), 1u);
  EXPECT_EQ(narratives[0].posts, 3);
  EXPECT_FALSE(HasOpposingNarratives(narratives));
}

TEST_F(NarrativesTest, EmptyAndContentlessInput) {
  EXPECT_TRUE(ClusterNarratives({}).empty());
  Add("", Stance::kNeutral, 0);
  Add("https://t.co/abc", Stance::kNeutral, 0);
  Add("的了是", Stance::kNeutral, 0);
  EXPECT_TRUE(ClusterNarratives(Posts()).empty());
}

TEST_F(NarrativesTest, DeterministicAcrossRuns) {
  for (int i = 0; i < 20; ++i) {
    Add(i % 2 ? "Carney tariffs stance strong against Trump" : "Carney lacks political experience banker",
        i % 2 ? Stance::kFavor : Stance::kAgainst, kMar10 + i);
  }
  const auto a = ClusterNarratives(Posts());
  const auto b = ClusterNarratives(Posts());
  ASSERT_EQ(a.size(), b.size());
  ASSERT_EQ(a.size(), 2u);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].label, b[i].label);
    EXPECT_EQ(a[i].posts, b[i].posts);
  }
}

}  // namespace
}  // namespace vigil::text
