// DeriveAliases and how MentionMatcher uses derived forms: surnames of full names, 老X / X总, and their
// ambiguity (a derived form alone is never confident).
#include "text/aliases.h"

#include <gtest/gtest.h>

#include "text/mentions.h"

namespace vigil::text {
namespace {

std::vector<std::string> Written(const std::vector<DerivedAlias>& derived) {
  std::vector<std::string> out;
  for (const DerivedAlias& d : derived) out.push_back(d.written + (d.nickname ? " (nickname)" : ""));
  return out;
}

TEST(DeriveAliasesTest, TransliteratedFullNameGivesSurnameAndFamiliarForms) {
  EXPECT_EQ(Written(DeriveAliases("埃隆·马斯克")),
            (std::vector<std::string>{"马斯克", "老马 (nickname)", "马总 (nickname)"}));
  EXPECT_EQ(Written(DeriveAliases("贾格梅特•辛格")),
            (std::vector<std::string>{"辛格", "老辛 (nickname)", "辛总 (nickname)"}));
}

TEST(DeriveAliasesTest, LatinFullNameGivesSurname) {
  EXPECT_EQ(Written(DeriveAliases("Elon Musk")), (std::vector<std::string>{"Musk"}));
  EXPECT_EQ(Written(DeriveAliases("Pierre Poilievre")), (std::vector<std::string>{"Poilievre"}));
}

TEST(DeriveAliasesTest, NothingFromSingleNamesShortSurnamesOrMixedScripts) {
  EXPECT_TRUE(DeriveAliases("卡尼").empty());
  EXPECT_TRUE(DeriveAliases("Firefox").empty());
  EXPECT_TRUE(DeriveAliases("Xi Li").empty());        // a two-letter surname names too many
  EXPECT_TRUE(DeriveAliases("马克·卡").empty());       // a one-character surname names anyone
  EXPECT_TRUE(DeriveAliases("Elon 马斯克").empty());  // mixed scripts: not a full name
}

class DerivedMentionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto n = Normalizer::Create();
    ASSERT_TRUE(n.ok());
    norm_ = std::move(n).value();
    WatchConfig c;
    c.targets.push_back(Target{"musk", "埃隆·马斯克", "", {"Elon Musk"}});
    auto m = MentionMatcher::Build(c, *norm_);
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    matcher_ = std::make_unique<MentionMatcher>(std::move(m).value());
  }
  std::vector<MentionHit> Find(std::string_view raw) {
    std::string text;
    (void)norm_->Normalize(raw, &text);
    std::vector<MentionHit> hits;
    matcher_->Find(text, &hits);
    return hits;
  }
  std::unique_ptr<Normalizer> norm_;
  std::unique_ptr<MentionMatcher> matcher_;
};

TEST_F(DerivedMentionsTest, SurnameAloneIsFoundButAmbiguous) {
  const auto hits = Find("Reddit首席执行官赞扬马斯克的成本削减举措");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_TRUE(matcher_->aliases()[hits[0].alias_index].derived);
  EXPECT_EQ(hits[0].confidence, kConfidenceBare);
  const auto latin = Find("Musk bought Twitter.");
  ASSERT_EQ(latin.size(), 1u);
  EXPECT_EQ(latin[0].confidence, kConfidenceBare);
}

TEST_F(DerivedMentionsTest, SurnameBesideTheFullNameIsCoreferent) {
  const auto hits = Find("Elon Musk（埃隆·马斯克）接管推特后，马斯克裁员一半。");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[2].confidence, kConfidenceCoreferent);
}

TEST_F(DerivedMentionsTest, NicknameNeedsTheFullNameNotJustContext) {
  // 老马 next to an election word is still anyone called 马; beside the full name it is him.
  const auto alone = Find("老马在选举中表现不错。");
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(alone[0].confidence, kConfidenceBare);
  const auto beside = Find("埃隆·马斯克来了，老马说要收购。");
  ASSERT_EQ(beside.size(), 2u);
  EXPECT_EQ(beside[1].confidence, kConfidenceCoreferent);
}

}  // namespace
}  // namespace vigil::text
