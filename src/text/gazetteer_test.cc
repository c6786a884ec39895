// Gazetteer: loading, merging by person key, and every alias found in both scripts.
#include "text/gazetteer.h"

#include <gtest/gtest.h>
#include <opencc/opencc.h>

#include <fstream>
#include <set>

#include "tests/testutil/shared_data.h"
#include "text/mentions.h"

namespace vigil::text {
namespace {

class GazetteerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto n = Normalizer::Create();
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    norm_ = std::move(n).value();
  }
  std::unique_ptr<Normalizer> norm_;
};

TEST_F(GazetteerTest, PersonKeyIgnoresAccentsCaseAndPunctuation) {
  EXPECT_EQ(PersonKey("Mélanie Joly", *norm_), PersonKey("MELANIE JOLY", *norm_));
  EXPECT_EQ(PersonKey("Erin O'Toole", *norm_), PersonKey("Erin O’Toole", *norm_));
  EXPECT_EQ(PersonKey("François-Philippe Champagne", *norm_), PersonKey("Francois Philippe Champagne", *norm_));
  EXPECT_NE(PersonKey("Mark Carney", *norm_), PersonKey("Art Carney", *norm_));
}

TEST_F(GazetteerTest, BundledCopyMatchesSharedData) {
  VIGIL_REQUIRE_SHARED_DATA("canadian-politicians-zh-aliases/aliases.tsv");
  const auto bundled = LoadAliasGazetteer(BundledGazetteerPath(testutil::SourcePath("data")));
  const auto shared = LoadAliasGazetteer(testutil::SharedDataPath("canadian-politicians-zh-aliases/aliases.tsv"));
  ASSERT_TRUE(bundled.ok()) << bundled.status().ToString();
  ASSERT_TRUE(shared.ok()) << shared.status().ToString();
  EXPECT_EQ(bundled->size(), shared->size());
  EXPECT_EQ(shared->size(), 61u);  // SOURCE.md: 61 aliases, 24 people
  std::set<std::string> people;
  for (const auto& a : *shared) people.insert(a.person);
  EXPECT_EQ(people.size(), 24u);
}

TEST_F(GazetteerTest, MergeAddsAliasesToMatchingTargetsOnly) {
  const auto gaz = LoadAliasGazetteer(BundledGazetteerPath(testutil::SourcePath("data")));
  ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
  WatchConfig c;
  c.targets.push_back(Target{"carney", "Mark Carney", "Liberal", {"Carney", "卡尼"}});
  c.targets.push_back(Target{"joly", "Mélanie Joly", "Liberal", {}});
  c.targets.push_back(Target{"nobody", "Someone Else", "", {}});
  const size_t added = MergeGazetteer(*gaz, *norm_, &c);
  EXPECT_EQ(c.targets[0].aliases, (std::vector<std::string>{"Carney", "卡尼", "马克·卡尼"}));  // 卡尼 not twice
  EXPECT_EQ(c.targets[1].aliases, (std::vector<std::string>{"趙美蘭", "喬美蘭"}));
  EXPECT_TRUE(c.targets[2].aliases.empty());
  EXPECT_EQ(added, 3u);
}

// Every alias of the shared gazetteer is found, attributed to the right person, in simplified and
// traditional script, inside a real-looking sentence.
TEST_F(GazetteerTest, EveryAliasFoundInBothScripts) {
  VIGIL_REQUIRE_SHARED_DATA("canadian-politicians-zh-aliases/aliases.tsv");
  const auto gaz = LoadAliasGazetteer(testutil::SharedDataPath("canadian-politicians-zh-aliases/aliases.tsv"));
  ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
  WatchConfig c;
  std::map<std::string, uint32_t> index;
  for (const auto& a : *gaz) {
    if (index.emplace(a.person, c.targets.size()).second) c.targets.push_back(Target{a.person, a.person, "", {}});
  }
  MergeGazetteer(*gaz, *norm_, &c);
  auto matcher = MentionMatcher::Build(c, *norm_);
  ASSERT_TRUE(matcher.ok()) << matcher.status().ToString();
  opencc::SimpleConverter s2t("s2t.json");
  opencc::SimpleConverter t2s("t2s.json");
  for (const auto& a : *gaz) {
    for (const std::string& form : {t2s.Convert(a.alias), s2t.Convert(a.alias)}) {
      const std::string sentence = "据报道，" + form + "昨天在渥太华发表讲话。";
      std::string text;
      ASSERT_TRUE(norm_->Normalize(sentence, &text).ok());
      std::vector<MentionHit> hits;
      matcher->Find(text, &hits);
      bool found = false;
      for (const auto& h : hits) found |= h.target_index == index[a.person];
      EXPECT_TRUE(found) << a.person << " / " << form << " in " << text;
    }
  }
}

TEST_F(GazetteerTest, BadFilesGiveClearErrors) {
  const std::string dir = testutil::MakeTempDir("gaz");
  {
    std::ofstream(dir + "/no_alias.tsv") << "person_en\trole_note\n";
    std::ofstream(dir + "/empty_alias.tsv") << "person_en\trole_note\talias\nMark Carney\tx\t\n";
  }
  const auto missing = LoadAliasGazetteer(dir + "/absent.tsv");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  const auto no_alias = LoadAliasGazetteer(dir + "/no_alias.tsv");
  ASSERT_FALSE(no_alias.ok());
  EXPECT_NE(no_alias.status().message().find("no_alias.tsv:1: header: missing column 'alias'"), std::string::npos);
  const auto empty_alias = LoadAliasGazetteer(dir + "/empty_alias.tsv");
  ASSERT_FALSE(empty_alias.ok());
  EXPECT_NE(empty_alias.status().message().find("empty_alias.tsv:2: alias: empty"), std::string::npos);
}

}  // namespace
}  // namespace vigil::text
