// Near-duplicate text: shingling of Chinese (characters) and Latin-script text (words), and MinHash-LSH
// clustering with verified Jaccard.
#include <gtest/gtest.h>

#include "vigil/coordination.h"

namespace vigil {
namespace {

double JaccardOf(const std::string& a, const std::string& b, const NearDupOptions& o) {
  auto x = Shingles(a, o), y = Shingles(b, o);
  size_t inter = 0;
  for (uint64_t h : x) inter += std::binary_search(y.begin(), y.end(), h);
  return static_cast<double>(inter) / static_cast<double>(x.size() + y.size() - inter);
}

TEST(Shingles, ChineseIsShingledByCharactersWithoutSegmentation) {
  NearDupOptions o;  // 3-character shingles
  // 9 Han characters -> 7 shingles; punctuation and spaces do not count.
  EXPECT_EQ(Shingles("卡尼当选自由党领袖", o).size(), 7u);
  EXPECT_EQ(Shingles("卡尼 当选，自由党领袖！", o), Shingles("卡尼当选自由党领袖", o));
  // Replacing 访问 by 拜访 (two characters) changes the four shingles touching them: 11 shared of 19.
  EXPECT_NEAR(JaccardOf("卡尼当选自由党领袖后首次访问多伦多", "卡尼当选自由党领袖后首次拜访多伦多", o), 11.0 / 19, 1e-9);
}

TEST(Shingles, LatinScriptIsShingledByWordsCaseFolded) {
  NearDupOptions o;  // 2-word shingles
  EXPECT_EQ(Shingles("Carney wins the Liberal leadership", o).size(), 4u);
  EXPECT_EQ(Shingles("CARNEY wins, the liberal LEADERSHIP!", o), Shingles("carney wins the liberal leadership", o));
  // URLs and mentions are not words of the message.
  EXPECT_EQ(Shingles("RT @bot123: carney wins https://t.co/xyz", o), Shingles("RT carney wins", o));
  // Cyrillic is folded too.
  EXPECT_EQ(Shingles("Выборы В США", o), Shingles("выборы в сша", o));
  // A text shorter than one shingle is one shingle.
  EXPECT_EQ(Shingles("hello", o).size(), 1u);
}

TEST(NearDuplicates, FindsEditedCopiesAndLeavesDistinctTextsAlone) {
  std::vector<std::string> texts = {
      "Trump supporters are gathering outside the polling station in Ohio right now, share this everywhere",
      "Trump supporters are gathering outside the polling station in Ohio right now, share this everywhere!!",
      "BREAKING: Trump supporters are gathering outside the polling station in Ohio right now share this everywhere",
      "The weather in Moscow is unusually warm this November, people are walking in the parks",
      "Hillary Clinton will speak in Philadelphia tonight with Bruce Springsteen and Jon Bon Jovi",
      "卡尼当选自由党领袖后首次访问多伦多华人社区，承诺加强中加关系",
      "卡尼当选自由党领袖后首次访问多伦多华人社区，承诺加强中加关系。转发！",
      "ok"};
  NearDupOptions o;
  auto r = FindNearDuplicates(texts, o);
  EXPECT_EQ(r.cluster[0], r.cluster[1]);
  EXPECT_EQ(r.cluster[0], r.cluster[2]);
  EXPECT_GE(r.cluster[0], 0);
  EXPECT_EQ(r.cluster[5], r.cluster[6]);
  EXPECT_GE(r.cluster[5], 0);
  EXPECT_NE(r.cluster[5], r.cluster[0]);
  EXPECT_EQ(r.cluster[3], -1);
  EXPECT_EQ(r.cluster[4], -1);
  EXPECT_EQ(r.cluster[7], -1);  // too short
  EXPECT_EQ(r.clusters, 2);
  EXPECT_EQ(r.identical_texts, 1);  // texts 0 and 1 differ only in punctuation
  for (const auto& p : r.pairs) EXPECT_GE(p.jaccard, o.threshold);
  EXPECT_EQ(r.rows * r.bands <= o.num_hashes, true);

  NearDupOptions strict = o;
  strict.threshold = 0.95;
  auto s = FindNearDuplicates(texts, strict);
  EXPECT_EQ(s.cluster[2], -1);              // "BREAKING:" adds a shingle and changes none: J = 14/15 < 0.95
  EXPECT_EQ(s.cluster[0], s.cluster[1]);    // identical shingle sets always group
}

TEST(NearDuplicates, ContainedInEarlierCountsATruncatedCopyButNotALaterQuote) {
  const std::string original = "卡尼当选自由党领袖后首次访问多伦多华人社区，承诺加强中加关系并讨论住房和移民政策";
  const std::string truncated = "转发：卡尼当选自由党领袖后首次访问多伦多华人社区，承诺…";  // Jaccard 0.54
  NearDupOptions jaccard;
  jaccard.threshold = 0.6;
  NearDupOptions contained = jaccard;
  contained.contained_in_earlier = true;
  EXPECT_LT(JaccardOf(original, truncated, jaccard), 0.6);
  EXPECT_EQ(FindNearDuplicates({original, truncated}, jaccard).clusters, 0);
  const auto copy = FindNearDuplicates({original, truncated}, contained);
  EXPECT_EQ(copy.cluster[0], copy.cluster[1]);
  EXPECT_GE(copy.cluster[0], 0);
  ASSERT_EQ(copy.pairs.size(), 1u);
  EXPECT_GT(copy.pairs[0].jaccard, 0.9);
  // A later post that quotes the headline among as many words of its own is not a copy of it.
  const std::string headline = "卡尼当选自由党领袖后首次访问多伦多华人社区";
  const std::string quote = "卡尼当选自由党领袖后首次访问多伦多华人社区，我们小区的邻居们都去看了热闹";
  EXPECT_EQ(FindNearDuplicates({headline, quote}, contained).clusters, 0);
}

}  // namespace
}  // namespace vigil
