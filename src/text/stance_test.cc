// StanceScorer and DetectLang: lexicon stance per mention with negation, degree and contrast; languages.
#include "text/stance.h"

#include <gtest/gtest.h>

#include "tests/testutil/shared_data.h"
#include "text/paths.h"

namespace vigil::text {
namespace {

class StanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto n = Normalizer::Create();
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    norm_ = std::move(n).value();
    auto s = StanceScorer::Create(testutil::SourcePath("data"));
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    scorer_ = std::move(s).value();
  }
  // Stance toward the first occurrence of `name` (given un-normalised) in `raw`.
  StanceScore Score(std::string_view raw, std::string_view name, Lang lang) {
    (void)norm_->Normalize(raw, &text_);
    const std::string key = norm_->NormalizeOrReplace(name);
    const size_t pos = text_.find(key);
    EXPECT_NE(pos, std::string::npos) << key << " not in " << text_;
    if (pos == std::string::npos) return {Stance::kNeutral, 0};
    const MentionHit hit{0, 0, static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + key.size()), 1.0f};
    return scorer_->Score(text_, hit, lang);
  }
  std::unique_ptr<Normalizer> norm_;
  std::unique_ptr<StanceScorer> scorer_;
  std::string text_;
};

TEST_F(StanceTest, ChinesePraiseAndAttack) {
  EXPECT_EQ(Score("卡尼总理在对美问题上立场强硬，赢得广泛支持。", "卡尼", Lang::kZh).stance, Stance::kFavor);
  EXPECT_EQ(Score("卡尼缺乏从政经验，令人质疑。", "卡尼", Lang::kZh).stance, Stance::kAgainst);
  EXPECT_EQ(Score("卡尼今天抵达渥太华。", "卡尼", Lang::kZh).stance, Stance::kNeutral);
}

TEST_F(StanceTest, ChineseTraditionalScriptScoresLikeSimplified) {
  const StanceScore trad = Score("卡尼缺乏經驗，令人質疑。", "卡尼", Lang::kZh);
  const StanceScore simp = Score("卡尼缺乏经验，令人质疑。", "卡尼", Lang::kZh);
  EXPECT_EQ(trad.stance, Stance::kAgainst);
  EXPECT_FLOAT_EQ(trad.score, simp.score);
}

TEST_F(StanceTest, ChineseNegation) {
  EXPECT_EQ(Score("我们支持卡尼。", "卡尼", Lang::kZh).stance, Stance::kFavor);
  EXPECT_EQ(Score("我们不支持卡尼。", "卡尼", Lang::kZh).stance, Stance::kAgainst);
  EXPECT_EQ(Score("卡尼并没有失败。", "卡尼", Lang::kZh).stance, Stance::kFavor);
  // 不可信 is one lexicon word, not 不 + 可信 (which would read as negated praise twice).
  EXPECT_EQ(Score("卡尼的承诺不可信。", "卡尼", Lang::kZh).stance, Stance::kAgainst);
  // 未来 is not a negation of what follows.
  EXPECT_EQ(Score("卡尼对未来充满希望，获得支持。", "卡尼", Lang::kZh).stance, Stance::kFavor);
}

TEST_F(StanceTest, ChineseDegreeWordsStrengthen) {
  const float plain = Score("卡尼成功。", "卡尼", Lang::kZh).score;
  const float strong = Score("卡尼非常成功。", "卡尼", Lang::kZh).score;
  EXPECT_GT(plain, 0);
  EXPECT_GT(strong, plain);
}

TEST_F(StanceTest, ChineseContrastClauseDominates) {
  EXPECT_EQ(Score("虽然卡尼很成功，但是他缺乏经验，令人质疑。", "卡尼", Lang::kZh).stance, Stance::kAgainst);
  EXPECT_EQ(Score("虽然有人批评卡尼，但是他非常成功。", "卡尼", Lang::kZh).stance, Stance::kFavor);
}

TEST_F(StanceTest, EnglishNegationDegreeContrast) {
  EXPECT_EQ(Score("Carney is a great leader.", "Carney", Lang::kEn).stance, Stance::kFavor);
  EXPECT_EQ(Score("Carney is not a great leader.", "Carney", Lang::kEn).stance, Stance::kAgainst);
  EXPECT_EQ(Score("Carney isn't good.", "Carney", Lang::kEn).stance, Stance::kAgainst);
  EXPECT_EQ(Score("Carney is smart but he is dishonest and weak.", "Carney", Lang::kEn).stance, Stance::kAgainst);
  EXPECT_GT(Score("Carney is very good.", "Carney", Lang::kEn).score,
            Score("Carney is good.", "Carney", Lang::kEn).score);
}

TEST_F(StanceTest, PolarityShiftersFlipWhatTheyGovern) {
  // A shifter flips the opinion word after it: fighting corruption is to a candidate's credit.
  EXPECT_EQ(Score("Carney's plan will reduce crime in our cities.", "Carney", Lang::kEn).stance, Stance::kFavor);
  EXPECT_EQ(Score("Chong fights corruption in Ottawa.", "Chong", Lang::kEn).stance, Stance::kFavor);
  // A shifter that is itself an opinion word counts once: alone by its own valence ...
  EXPECT_EQ(Score("Freeland failed.", "Freeland", Lang::kEn).stance, Stance::kAgainst);
  // ... and, governing an opinion word, only through the flip ("failed to protect" is one negative).
  const StanceScore failed_to_protect = Score("Freeland failed to protect workers.", "Freeland", Lang::kEn);
  EXPECT_EQ(failed_to_protect.stance, Stance::kAgainst);
  EXPECT_GT(failed_to_protect.score, Score("Freeland failed and lost.", "Freeland", Lang::kEn).score);
  EXPECT_EQ(Score("卡尼的政策减少了腐败。", "卡尼", Lang::kZh).stance, Stance::kFavor);
  EXPECT_EQ(Score("卡尼的政策助长了腐败。", "卡尼", Lang::kZh).stance, Stance::kAgainst);
  EXPECT_EQ(Score("Poilievre veut lutter contre la corruption.", "Poilievre", Lang::kFr).stance, Stance::kFavor);
  // A clause boundary ends a shifter's reach.
  EXPECT_EQ(Score("Chong wants to end the tax, corruption everywhere.", "Chong", Lang::kEn).stance, Stance::kAgainst);
}

TEST_F(StanceTest, CountTextIgnoresTheRules) {
  auto count = [&](std::string_view raw) {
    (void)norm_->Normalize(raw, &text_);
    return scorer_->CountText(text_, Lang::kEn);
  };
  // Counting sees "not" and "reduce" as nothing: both sentences sum the same positive and negative words.
  EXPECT_EQ(count("This is not good.").stance, Stance::kFavor);
  EXPECT_EQ(count("It will reduce crime.").stance, Stance::kAgainst);
  (void)norm_->Normalize("This is not good.", &text_);
  EXPECT_EQ(scorer_->ScoreText(text_, Lang::kEn).stance, Stance::kAgainst);
}

TEST_F(StanceTest, FrenchNePas) {
  EXPECT_EQ(Score("Carney est un excellent chef.", "Carney", Lang::kFr).stance, Stance::kFavor);
  EXPECT_EQ(Score("Carney n'est pas compétent.", "Carney", Lang::kFr).stance, Stance::kAgainst);
  EXPECT_EQ(Score("On ne soutient pas Carney.", "Carney", Lang::kFr).stance, Stance::kAgainst);
  EXPECT_EQ(Score("Carney est compétent mais arrogant et menteur.", "Carney", Lang::kFr).stance,
            Stance::kAgainst);
}

TEST_F(StanceTest, StanceIsPerMentionSentence) {
  // Two targets, opposite stances, one post.
  EXPECT_EQ(Score("博励治失败了。卡尼成功了。", "博励治", Lang::kZh).stance, Stance::kAgainst);
  EXPECT_EQ(Score("博励治失败了。卡尼成功了。", "卡尼", Lang::kZh).stance, Stance::kFavor);
}

// A huge post naming the target hundreds of thousands of times: mentions are capped, each is scored on
// its own sentence, and the whole thing stays fast (no quadratic scan).
TEST_F(StanceTest, HugePostWithManyMentionsIsBounded) {
  std::string raw;
  while (raw.size() < kMaxNormalizeInputBytes) raw += "卡尼缺乏经验，令人质疑。";
  std::string text;
  EXPECT_FALSE(norm_->Normalize(raw, &text).ok());  // truncated, reported
  WatchConfig c;
  c.targets.push_back(Target{"carney", "Mark Carney", "Liberal", {"卡尼"}});
  auto matcher = MentionMatcher::Build(c, *norm_);
  ASSERT_TRUE(matcher.ok());
  std::vector<MentionHit> hits;
  matcher->Find(text, &hits);
  EXPECT_EQ(hits.size(), kMaxMentionsPerText);
  for (size_t i = 0; i < hits.size(); i += 97) {
    EXPECT_EQ(scorer_->Score(text, hits[i], Lang::kZh).stance, Stance::kAgainst);
  }
  // One unpunctuated megabyte: the sentence window is bounded.
  const std::string flat(1 << 20, 'a');
  EXPECT_EQ(scorer_->Score(flat, MentionHit{0, 0, 500000, 500010, 1}, Lang::kEn).stance, Stance::kNeutral);
}

TEST_F(StanceTest, OutOfRangeHitIsNeutral) {
  const MentionHit bad{0, 0, 10, 500, 1.0f};
  EXPECT_EQ(scorer_->Score("short", bad, Lang::kEn).stance, Stance::kNeutral);
}

TEST_F(StanceTest, MissingDataDirIsAnError) {
  const auto s = StanceScorer::Create("/nonexistent");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("modifiers.tsv"), std::string::npos);
}

TEST(DetectLangTest, Languages) {
  EXPECT_EQ(DetectLang("加拿大自由党新党魁卡尼今天在渥太华宣布提前举行联邦大选。"), Lang::kZh);
  EXPECT_EQ(DetectLang("加拿大總理卡尼今天宣布提前大選"), Lang::kZh);
  EXPECT_EQ(DetectLang("The prime minister announced an early federal election today in Ottawa."), Lang::kEn);
  EXPECT_EQ(DetectLang("Le premier ministre a annoncé aujourd'hui des élections fédérales anticipées."),
            Lang::kFr);
  EXPECT_EQ(DetectLang("卡尼"), Lang::kZh);  // too short for CLD2: script fallback
  EXPECT_EQ(DetectLang(""), Lang::kOther);
  EXPECT_EQ(DetectLang("\xFF\xFE\xFD"), Lang::kOther);
  EXPECT_EQ(LangFromCode("zh-Hant"), Lang::kZh);
  EXPECT_EQ(LangFromCode("en-CA"), Lang::kEn);
  EXPECT_EQ(LangFromCode("de"), Lang::kOther);
}

}  // namespace
}  // namespace vigil::text

namespace vigil::text {
namespace {

// With the models from `vigil train` (skipped when they have not been trained into the model dir).
TEST(StanceModelTest, BlendedScoringAndAttackProbability) {
  auto scorer = StanceScorer::Create(testutil::SourcePath("data"), DefaultModelDir());
  if (!scorer.ok()) GTEST_SKIP() << "models not trained (run vigil train): " << scorer.status().ToString();
  auto norm = Normalizer::Create();
  ASSERT_TRUE(norm.ok());
  auto score = [&](const std::string& raw) {
    const std::string text = (*norm)->NormalizeOrReplace(raw);
    const size_t pos = text.find("卡尼");
    return (*scorer)->Score(text, MentionHit{0, 0, static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + 6), 1},
                            Lang::kZh);
  };
  EXPECT_EQ(score("卡尼的表现非常出色，值得支持。").stance, Stance::kFavor);
  EXPECT_EQ(score("卡尼缺乏经验，令人失望。").stance, Stance::kAgainst);
  EXPECT_EQ(score("虽然卡尼很成功，但是他缺乏经验，令人质疑。").stance, Stance::kAgainst);
  EXPECT_GT((*scorer)->AttackProbability((*norm)->NormalizeOrReplace("这种人就是垃圾，滚出去")), 0.5f);
  EXPECT_LT((*scorer)->AttackProbability((*norm)->NormalizeOrReplace("今天我们去公园散步，天气很好")), 0.5f);
  EXPECT_TRUE((*scorer)->has_models());
}

}  // namespace
}  // namespace vigil::text

namespace vigil::text {
namespace {

// The Chinese rules of who holds an opinion about whom, one per test, on sentences in the style of the
// labelled set (docs/stance-labelling.md).
class ZhRolesTest : public StanceTest {
 protected:
  // Stance toward `name`, with the hits of `others` passed as other persons.
  StanceScore ScoreWithOthers(std::string_view raw, std::string_view name, const std::vector<std::string>& others) {
    (void)norm_->Normalize(raw, &text_);
    const std::string key = norm_->NormalizeOrReplace(name);
    const size_t pos = text_.find(key);
    EXPECT_NE(pos, std::string::npos);
    std::vector<MentionHit> hits;
    for (uint32_t i = 0; i < others.size(); ++i) {
      const std::string other = norm_->NormalizeOrReplace(others[i]);
      const size_t at = text_.find(other);
      EXPECT_NE(at, std::string::npos);
      hits.push_back(MentionHit{i + 1, 0, static_cast<uint32_t>(at), static_cast<uint32_t>(at + other.size()), 1.0f});
    }
    const MentionHit hit{0, 0, static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + key.size()), 1.0f};
    return scorer_->Score(text_, hit, Lang::kZh, hits);
  }
};

TEST_F(ZhRolesTest, ReportedOpinionCountsHalfOfTheWritersOwn) {
  // Half, not nothing: state media launder attacks through "critics say" (批评者认为), and that choice is
  // the post's stance; plain news with one reported word stays weak.
  const float reported = Score("Reddit首席执行官赞扬马斯克的成本削减举措。", "马斯克", Lang::kZh).score;
  const float own = Score("我赞扬马斯克的成本削减举措。", "马斯克", Lang::kZh).score;
  EXPECT_GT(reported, 0);
  EXPECT_LT(reported, 0.5f * own);
  EXPECT_LT(Score("据报道，马斯克的举措很成功。", "马斯克", Lang::kZh).score,
            Score("马斯克的举措很成功。", "马斯克", Lang::kZh).score);
  // The writer's own report cue is the writer's opinion.
  EXPECT_EQ(Score("我认为马斯克的举措非常成功。", "马斯克", Lang::kZh).stance, Stance::kFavor);
}

TEST_F(ZhRolesTest, LongQuoteIsSomeoneElsesButAScareQuoteIsTheWritersIrony) {
  const float quoted = Score("发言人说：“卡尼的政策非常成功，深受欢迎。”", "卡尼", Lang::kZh).score;
  const float own = Score("卡尼的政策非常成功，深受欢迎。", "卡尼", Lang::kZh).score;
  EXPECT_LT(quoted, 0.7f * own);
  EXPECT_LT(Score("卡尼所谓的“成功”不过是谎言。", "卡尼", Lang::kZh).score, 0);
}

TEST_F(ZhRolesTest, RhetoricalQuestionReversesWhatItAsks) {
  // Defending against a stereotype: the negative word is what the question denies.
  EXPECT_EQ(Score("河南人怎么就偷井盖了大兄弟", "河南人", Lang::kZh).stance, Stance::kFavor);
  EXPECT_EQ(Score("难道卡尼的政策是成功的吗？", "卡尼", Lang::kZh).stance, Stance::kAgainst);
  // No opinion word: a challenge.
  EXPECT_EQ(Score("凭什么让卡尼来决定？", "卡尼", Lang::kZh).stance, Stance::kAgainst);
}

TEST_F(ZhRolesTest, VictimOfAHarmWordDrawsSympathyUnlessTheWriterDoesTheHarm) {
  EXPECT_EQ(Score("不要歧视河南人。", "河南人", Lang::kZh).stance, Stance::kFavor);
  EXPECT_EQ(Score("河南人一直被歧视，太过分了。", "河南人", Lang::kZh).stance, Stance::kFavor);
  EXPECT_EQ(Score("我歧视同性恋。", "同性恋", Lang::kZh).stance, Stance::kAgainst);
  EXPECT_EQ(Score("我不歧视同性恋。", "同性恋", Lang::kZh).stance, Stance::kFavor);
  // The target doing the harm is blamed for it.
  EXPECT_EQ(Score("美国白人歧视并压榨黑人。", "白人", Lang::kZh).stance, Stance::kAgainst);
}

TEST_F(ZhRolesTest, OpinionAimedAtAnotherPersonIsNotTheTargets) {
  // The insult is aimed at the addressee who repeats the stereotype, not at the group.
  EXPECT_NE(Score("你这种人素质真差，满嘴河南人怎样怎样。", "河南人", Lang::kZh).stance, Stance::kAgainst);
  // Another target in the clause takes the opinion nearest to it.
  EXPECT_EQ(ScoreWithOthers("卡尼今天发言，博励治却非常无能。", "卡尼", {"博励治"}).stance, Stance::kNeutral);
  EXPECT_EQ(ScoreWithOthers("卡尼今天发言，博励治却非常无能。", "博励治", {"卡尼"}).stance, Stance::kAgainst);
}

TEST_F(ZhRolesTest, PronounClauseSpeaksOfTheTarget) {
  EXPECT_EQ(Score("虽然有人批评卡尼，但是他非常成功。", "卡尼", Lang::kZh).stance, Stance::kFavor);
}

TEST_F(ZhRolesTest, NewsRegisterDampsDescriptiveOpinionWords) {
  // No mark of personal register: "支持" describes a feature, and counts less than in the writer's voice.
  const float news = Score("Firefox 现在还支持 macOS 系统上的语音控制命令。", "Firefox", Lang::kZh).score;
  const float voiced = Score("Firefox 现在还支持 macOS 系统上的语音控制命令啊！", "Firefox", Lang::kZh).score;
  EXPECT_GT(news, 0);
  EXPECT_LT(news, 0.7f * voiced);
  EXPECT_EQ(Score("Firefox 真的太好用了，强烈推荐！", "Firefox", Lang::kZh).stance, Stance::kFavor);
}

TEST_F(ZhRolesTest, UnnamedTargetReadsTheWholeText) {
  (void)norm_->Normalize("该项目已实际停止开发与维护，可能存在不可预计的漏洞。请谨慎使用，真的不建议。", &text_);
  const StanceScore s = scorer_->ScoreUnnamed(text_, Lang::kZh);
  EXPECT_EQ(s.basis_begin, 0u);
  EXPECT_EQ(s.basis_end, text_.size());
  (void)norm_->Normalize("这款应用真的很好用，功能完善，值得推荐！", &text_);
  EXPECT_EQ(scorer_->ScoreUnnamed(text_, Lang::kZh).stance, Stance::kFavor);
}

TEST_F(ZhRolesTest, BasisIsTheSentenceOfTheMention) {
  const StanceScore s = Score("今天天气很好。卡尼非常无能！明天见。", "卡尼", Lang::kZh);
  EXPECT_EQ(text_.substr(s.basis_begin, s.basis_end - s.basis_begin), "卡尼非常无能!");
}

}  // namespace
}  // namespace vigil::text
