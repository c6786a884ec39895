// MentionMatcher: both scripts, case, word boundaries, overlaps, ambiguous short forms and context.
#include "text/mentions.h"

#include <gtest/gtest.h>

namespace vigil::text {
namespace {

WatchConfig TestConfig() {
  WatchConfig c;
  c.targets.push_back(Target{"carney", "Mark Carney", "Liberal", {"Carney", "马克·卡尼", "卡尼"}});
  c.targets.push_back(Target{"poilievre", "Pierre Poilievre", "Conservative", {"Poilievre", "博励治", "普瓦利耶"}});
  c.targets.push_back(Target{"singh", "Jagmeet Singh", "NDP", {"Singh", "辛格", "贾格梅特·辛格"}});
  c.targets.push_back(Target{"chong", "Michael Chong", "Conservative", {"Chong", "莊文浩"}});
  return c;
}

class MentionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto n = Normalizer::Create();
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    norm_ = std::move(n).value();
    auto m = MentionMatcher::Build(TestConfig(), *norm_);
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    matcher_ = std::make_unique<MentionMatcher>(std::move(m).value());
  }
  std::vector<MentionHit> Find(std::string_view raw, std::string* normalized = nullptr) {
    std::string text;
    (void)norm_->Normalize(raw, &text);
    std::vector<MentionHit> hits;
    matcher_->Find(text, &hits);
    if (normalized != nullptr) *normalized = text;
    return hits;
  }
  std::unique_ptr<Normalizer> norm_;
  std::unique_ptr<MentionMatcher> matcher_;
};

TEST_F(MentionsTest, LatinCaseInsensitiveWithSpan) {
  std::string text;
  const auto hits = Find("Yesterday MARK CARNEY spoke.", &text);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].target_index, 0u);
  EXPECT_EQ(text.substr(hits[0].begin, hits[0].end - hits[0].begin), "mark carney");
  EXPECT_FLOAT_EQ(hits[0].confidence, kConfidenceDistinct);
}

TEST_F(MentionsTest, LatinRespectsWordBoundaries) {
  EXPECT_TRUE(Find("The Carneyville fair and Singhal's shop").empty());
  EXPECT_TRUE(Find("Chongqing is a city in China").empty());
  EXPECT_EQ(Find("Vote Poilievre!").size(), 1u);
}

TEST_F(MentionsTest, ChineseBothScriptsAndSeparators) {
  for (const char* s : {"马克·卡尼访问", "馬克·卡尼訪問", "马克 卡尼访问", "马克•卡尼访问", "马克\u200B卡尼访问"}) {
    const auto hits = Find(s);
    ASSERT_EQ(hits.size(), 1u) << s;
    EXPECT_EQ(hits[0].target_index, 0u);
    EXPECT_FLOAT_EQ(hits[0].confidence, kConfidenceDistinct) << s;  // full name, not the short form
  }
  const auto chong = Find("庄文浩议员");  // configured in traditional script only
  ASSERT_EQ(chong.size(), 1u);
  EXPECT_EQ(chong[0].target_index, 3u);
}

TEST_F(MentionsTest, OverlappingHitsOfOneTargetKeepLongest) {
  std::string text;
  const auto hits = Find("贾格梅特·辛格表示", &text);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(text.substr(hits[0].begin, hits[0].end - hits[0].begin), "贾格梅特辛格");
}

TEST_F(MentionsTest, AmbiguousShortFormsNeedContext) {
  const auto bare = Find("辛格今天去了超市");
  ASSERT_EQ(bare.size(), 1u);
  EXPECT_FLOAT_EQ(bare[0].confidence, kConfidenceBare);

  const auto titled = Find("新民主党党魁辛格今天表示");
  ASSERT_EQ(titled.size(), 1u);
  EXPECT_FLOAT_EQ(titled[0].confidence, kConfidenceContext);

  const auto coref = Find("Mark Carney won. Later Carney said he would run.");
  ASSERT_EQ(coref.size(), 2u);
  EXPECT_FLOAT_EQ(coref[0].confidence, kConfidenceDistinct);
  EXPECT_FLOAT_EQ(coref[1].confidence, kConfidenceCoreferent);

  const auto en_title = Find("Liberal leader Carney promised");
  ASSERT_EQ(en_title.size(), 1u);
  EXPECT_FLOAT_EQ(en_title[0].confidence, kConfidenceContext);

  const auto fr = Find("Le premier ministre Carney a dit");
  ASSERT_EQ(fr.size(), 1u);
  EXPECT_FLOAT_EQ(fr[0].confidence, kConfidenceContext);

  const auto art = Find("Art Carney was an American actor");
  ASSERT_EQ(art.size(), 1u);
  EXPECT_LT(art[0].confidence, 0.6f);
}

TEST_F(MentionsTest, SeveralTargetsInOnePassSortedByOffset) {
  const auto hits = Find("博励治批评卡尼总理，辛格沉默。");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].target_index, 1u);
  EXPECT_EQ(hits[1].target_index, 0u);
  EXPECT_EQ(hits[2].target_index, 2u);
  EXPECT_LT(hits[0].begin, hits[1].begin);
  EXPECT_FLOAT_EQ(hits[1].confidence, kConfidenceContext);  // 总理 next to it
}

TEST_F(MentionsTest, AliasTableClassifiesAmbiguity) {
  for (const AliasEntry& a : matcher_->aliases()) {
    if (a.normalized == "卡尼" || a.normalized == "carney" || a.normalized == "辛格") {
      EXPECT_TRUE(a.ambiguous) << a.normalized;
    }
    if (a.normalized == "博励治" || a.normalized == "mark carney" || a.normalized == "马克卡尼") {
      EXPECT_FALSE(a.ambiguous) << a.normalized;
    }
  }
}

TEST_F(MentionsTest, EmptyAndBadTextGiveNoHits) {
  EXPECT_TRUE(Find("").empty());
  EXPECT_EQ(Find("\xFF\xFE Carney \xC3").size(), 1u);
}

TEST_F(MentionsTest, BuildRejectsConfigWithoutAliases) {
  WatchConfig empty;
  EXPECT_FALSE(MentionMatcher::Build(empty, *norm_).ok());
}

}  // namespace
}  // namespace vigil::text
