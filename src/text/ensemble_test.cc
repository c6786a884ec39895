// TwoClassEnsemble: loading errors and, with the trained models, the averaged probability on real reviews.
#include "text/ensemble.h"

#include <gtest/gtest.h>

#include "text/normalize.h"
#include "text/paths.h"

namespace vigil::text {
namespace {

TEST(TwoClassEnsembleTest, MissingModelIsAnErrorNamingTheFile) {
  auto e = TwoClassEnsemble::Load("/nonexistent-model-dir", "zh_sentiment", "pos");
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().ToString().find("/nonexistent-model-dir/zh_sentiment"), std::string::npos)
      << e.status().ToString();
}

TEST(TwoClassEnsembleTest, AveragesTheThreeModelsOnReviews) {
  auto e = TwoClassEnsemble::Load(DefaultModelDir(), "zh_sentiment", "pos");
  if (!e.ok()) GTEST_SKIP() << "models not trained (run vigil train): " << e.status().ToString();
  auto norm = Normalizer::Create();
  ASSERT_TRUE(norm.ok());
  // Reviews in the style of the training data but written here, so none is a training line.
  const std::string praise = (*norm)->NormalizeOrReplace("房间干净，服务热情周到，下次还会再来。");
  const std::string complaint = (*norm)->NormalizeOrReplace("房间又旧又脏，前台态度很差，再也不来了。");
  const TwoClassEnsemble::Parts good = (*e)->Probabilities(praise);
  const TwoClassEnsemble::Parts bad = (*e)->Probabilities(complaint);
  for (float p : {good.fasttext_words, good.nblr_words, good.nblr_chars, bad.fasttext_words, bad.nblr_words,
                  bad.nblr_chars}) {
    EXPECT_GE(p, 0.0f);
    EXPECT_LE(p, 1.0f);
  }
  EXPECT_GT(good.Mean(), 0.7f);
  EXPECT_LT(bad.Mean(), 0.3f);
  EXPECT_FLOAT_EQ((*e)->Probability(praise), (good.fasttext_words + good.nblr_words + good.nblr_chars) / 3);
}

}  // namespace
}  // namespace vigil::text
