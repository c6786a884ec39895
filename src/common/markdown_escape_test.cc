// Tests for Markdown escaping and links: what an attacker writes renders as text.
#include "common/markdown_escape.h"

#include <gtest/gtest.h>

#include <string>

namespace vigil {
namespace {

using namespace std::string_literals;

TEST(MarkdownText, HtmlBecomesEntities) {
  EXPECT_EQ(MarkdownText("<script>alert('x')</script>"), "&lt;script&gt;alert('x')&lt;/script&gt;");
  EXPECT_EQ(MarkdownText("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
  EXPECT_EQ(MarkdownText("<!-- hidden -->"), "&lt;!-- hidden --&gt;");
}

TEST(MarkdownText, AmpersandOnlyWhereItWouldDecodeAsAReference) {
  EXPECT_EQ(MarkdownText("Tom & Jerry, a&b=1&c"), "Tom & Jerry, a&b=1&c");
  EXPECT_EQ(MarkdownText("&lt;script&gt; &#106; &#x6A; &copy;"), "&amp;lt;script&amp;gt; &amp;#106; &amp;#x6A; &amp;copy;");
  EXPECT_EQ(MarkdownText("&;  &# ; &#x;"), "&;  &# ; &#x;");
}

TEST(MarkdownText, LinksImagesTablesAndEmphasisCannotForm) {
  EXPECT_EQ(MarkdownText("[click](javascript:alert(1))"), "\\[click\\](javascript:alert(1))");
  EXPECT_EQ(MarkdownText("![x](javascript:alert(1))"), "!\\[x\\](javascript:alert(1))");
  EXPECT_EQ(MarkdownText("a | b"), "a \\| b");
  EXPECT_EQ(MarkdownText("*bold* _it_ ~~s~~ `code`"), "\\*bold\\* \\_it\\_ \\~\\~s\\~\\~ \\`code\\`");
  EXPECT_EQ(MarkdownText("a\\[b"), "a\\\\\\[b");  // the attacker's backslash cannot cancel ours
}

TEST(MarkdownText, OneLineWithNoBlockOfItsOwn) {
  EXPECT_EQ(MarkdownText("line one\r\n# heading\ttab"), "line one  # heading tab");
  EXPECT_EQ(MarkdownText("# heading"), "\\# heading");
  EXPECT_EQ(MarkdownText("  - item"), "  \\- item");
  EXPECT_EQ(MarkdownText("+ item"), "\\+ item");
  EXPECT_EQ(MarkdownText("==="), "\\===");
  EXPECT_EQ(MarkdownText("2025. year"), "2025\\. year");
  EXPECT_EQ(MarkdownText("1) item"), "1\\) item");
  EXPECT_EQ(MarkdownText("1,000 posts - #tag"), "1,000 posts - #tag");
  EXPECT_EQ(MarkdownText("有理儿有面 (Youli-Youmian)"), "有理儿有面 (Youli-Youmian)");
}

TEST(MarkdownText, CutsWholeCharactersAndRepairsUtf8) {
  EXPECT_EQ(MarkdownText("卡尼当选自由党党魁", 4), "卡尼当选…");
  EXPECT_EQ(MarkdownText("abc", 3), "abc");
  EXPECT_EQ(MarkdownText("bad \xC3\x28 byte"), "bad \uFFFD( byte");
  EXPECT_EQ(MarkdownText("a\0b"s), "a b");
}

TEST(MarkdownCode, VerbatimWhenACodeSpanCanHoldIt) {
  EXPECT_EQ(MarkdownCode("gh_youliyoumian"), "`gh_youliyoumian`");
  EXPECT_EQ(MarkdownCode("a=1+1 (x) [y]"), "`a=1+1 (x) [y]`");
  EXPECT_EQ(MarkdownCode("<script>"), "&lt;script&gt;");
  EXPECT_EQ(MarkdownCode("a`b"), "a\\`b");
  EXPECT_EQ(MarkdownCode("a|b"), "a\\|b");
  EXPECT_EQ(MarkdownCode("two\nlines"), "two lines");
  EXPECT_EQ(MarkdownCode(""), "");
}

TEST(MarkdownLink, OnlyHttpTargets) {
  EXPECT_EQ(MarkdownLink("https://x.org/a_(b)?q=1&r=2", "post [1]"), "[post \\[1\\]](<https://x.org/a_(b)?q=1&r=2>)");
  EXPECT_EQ(MarkdownLink("https://x.org/?a=&copy;", "t"), "[t](<https://x.org/?a=&amp;copy;>)");
  EXPECT_EQ(MarkdownLink("javascript:alert(1)", "post"), "post `javascript:alert(1)`");
  EXPECT_EQ(MarkdownLink("https://x.org/a>b", "post"), "post https://x.org/a&gt;b");
  EXPECT_EQ(MarkdownLink("java|script:x", "post"), "post java\\|script:x");
  EXPECT_EQ(MarkdownLink("", "post"), "post");
}

TEST(MarkdownUrl, AutolinkOrCode) {
  EXPECT_EQ(MarkdownUrl("https://mp.weixin.qq.com/s?__biz=MzA5==&mid=1&idx=1"), "<https://mp.weixin.qq.com/s?__biz=MzA5==&mid=1&idx=1>");
  EXPECT_EQ(MarkdownUrl("data:text/html,<script>"), "data:text/html,&lt;script&gt;");
  EXPECT_EQ(MarkdownUrl("javascript:alert(1)"), "`javascript:alert(1)`");
  EXPECT_EQ(MarkdownUrl(""), "");
}

}  // namespace
}  // namespace vigil
