// Normalizer: width and case folding, zero-width tricks, name separators, traditional script, bad input.
#include "text/normalize.h"

#include <gtest/gtest.h>

#include <thread>

namespace vigil::text {
namespace {

class NormalizeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto n = Normalizer::Create();
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    norm_ = std::move(n).value();
  }
  std::string N(std::string_view in) {
    std::string out;
    const Status s = norm_->Normalize(in, &out);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }
  std::unique_ptr<Normalizer> norm_;
};

TEST_F(NormalizeTest, FoldsCaseAndFullWidth) {
  EXPECT_EQ(N("Mark CARNEY"), "mark carney");
  EXPECT_EQ(N("ＭＡＲＫ　Ｃａｒｎｅｙ"), "mark carney");  // full-width letters and ideographic space
  EXPECT_EQ(N("Straße"), "strasse");
}

TEST_F(NormalizeTest, RemovesZeroWidthAndFormatCharacters) {
  EXPECT_EQ(N("Car\u200Bney"), "carney");          // zero-width space
  EXPECT_EQ(N("卡\u200D尼"), "卡尼");               // zero-width joiner
  EXPECT_EQ(N("\uFEFF卡\u2060尼\u200E"), "卡尼");   // BOM, word joiner, LRM
  EXPECT_EQ(N("Car\u00ADney"), "carney");          // soft hyphen
}

TEST_F(NormalizeTest, UnifiesNameSeparatorsBetweenHan) {
  const std::string expected = N("马克卡尼");
  EXPECT_EQ(expected, "马克卡尼");
  EXPECT_EQ(N("马克·卡尼"), expected);
  EXPECT_EQ(N("马克•卡尼"), expected);
  EXPECT_EQ(N("马克 卡尼"), expected);
  EXPECT_EQ(N("马克・卡尼"), expected);
  EXPECT_EQ(N("马克‧卡尼"), expected);
  EXPECT_EQ(N("马克･卡尼"), expected);
  EXPECT_EQ(N("马克 · 卡尼"), expected);
  EXPECT_EQ(N("马克\u3000卡尼"), expected);
  // Outside Han text separators stay, dots unified to U+00B7.
  EXPECT_EQ(N("jean•pierre"), "jean·pierre");
  EXPECT_EQ(N("mark carney"), "mark carney");
}

TEST_F(NormalizeTest, TraditionalToSimplified) {
  EXPECT_EQ(N("馬克·卡尼"), "马克卡尼");
  EXPECT_EQ(N("方慧蘭"), "方慧兰");
  EXPECT_EQ(N("博勵治"), "博励治");
  EXPECT_EQ(N("莊文浩"), "庄文浩");
  EXPECT_EQ(N("臺灣的總理選舉"), "台湾的总理选举");
}

TEST_F(NormalizeTest, EmptyInputIsOk) { EXPECT_EQ(N(""), ""); }

TEST_F(NormalizeTest, InvalidUtf8IsReplacedAndReported) {
  std::string out;
  const std::string bad = std::string("Carney ") + "\xC3\x28" + " 卡尼 \xFF";
  const Status s = norm_->Normalize(bad, &out);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("byte 7"), std::string::npos) << s.message();
  EXPECT_EQ(out, "carney \uFFFD( 卡尼 \uFFFD");
}

TEST_F(NormalizeTest, TruncatedMultibyteAtEndIsReported) {
  std::string out;
  const Status s = norm_->Normalize("卡\xE5\xB0", &out);  // second character cut
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(out, "卡\uFFFD");
}

TEST_F(NormalizeTest, HugeInputIsTruncatedNotCrashed) {
  std::string huge;
  while (huge.size() <= kMaxNormalizeInputBytes) huge += "卡尼很强硬。";
  std::string out;
  const Status s = norm_->Normalize(huge, &out);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("truncated"), std::string::npos);
  EXPECT_LE(out.size(), kMaxNormalizeInputBytes);
  EXPECT_GT(out.size(), kMaxNormalizeInputBytes / 2);
}

TEST_F(NormalizeTest, ThreadSafe) {
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      std::string out;
      for (int i = 0; i < 300; ++i) {
        (void)norm_->Normalize("馬克·卡尼 說 臺灣 ＰＭ", &out);
        ok[t] += out == "马克卡尼说台湾 pm";  // spaces between Han characters go too
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int v : ok) EXPECT_EQ(v, 300);
}

}  // namespace
}  // namespace vigil::text
