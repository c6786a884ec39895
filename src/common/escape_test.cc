// Tests for the JSON, XML, HTML and CSV escaping shared by the writers and exporters.
#include "common/escape.h"

#include <gtest/gtest.h>

#include <string>

namespace vigil {
namespace {

using namespace std::string_literals;

TEST(JsonEscape, QuotesBackslashesAndNamedControls) {
  EXPECT_EQ(JsonEscape(R"(say "hi" \ bye)"), R"(say \"hi\" \\ bye)");
  EXPECT_EQ(JsonEscape("a\nb\rc\td"), R"(a\nb\rc\td)");
}

TEST(JsonEscape, OtherControlCharactersAsUnicodeEscapes) {
  EXPECT_EQ(JsonEscape("\x01\x08\x0c\x1f"s), R"(\u0001\u0008\u000c\u001f)");
  EXPECT_EQ(JsonEscape("a\0b"s), R"(a\u0000b)");
  EXPECT_EQ(JsonEscape("\x7f"), "\x7f");  // DEL is allowed raw in a JSON string
}

TEST(JsonEscape, EscapesFoundInsideAndAcrossEightByteBlocks) {
  // The fast path tests eight bytes at a time: put escapes at every offset of a block and past its end.
  for (size_t offset = 0; offset < 20; ++offset) {
    const std::string text = std::string(offset, 'x') + "\"" + std::string(9, 'y') + "\n";
    const std::string expected = std::string(offset, 'x') + "\\\"" + std::string(9, 'y') + "\\n";
    EXPECT_EQ(JsonEscape(text), expected) << "offset " << offset;
  }
}

TEST(JsonEscape, Utf8PassesThroughAndInvalidUtf8IsCopiedAsItIs) {
  const std::string carney = "卡尼赢得自由党领导人选举，有理儿有面";
  EXPECT_EQ(JsonEscape(carney), carney);
  const std::string invalid = "ok \xC3\x28 \xFF\xFE end";  // a broken two-byte sequence, bytes never in UTF-8
  EXPECT_EQ(JsonEscape(invalid), invalid);
}

TEST(JsonEscape, AppendKeepsWhatIsAlreadyThere) {
  std::string out = "{\"text\":\"";
  AppendJsonEscaped(out, "a\"b");
  EXPECT_EQ(out, R"({"text":"a\"b)");
  EXPECT_EQ(JsonEscape(""), "");
}

TEST(XmlEscape, EntitiesAndForbiddenControlsBlanked) {
  EXPECT_EQ(XmlEscape(R"(<a href="x">Tom & Jerry's</a>)"), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
  EXPECT_EQ(XmlEscape("a\x01" "b\x1f" "c"), "a b c");
  EXPECT_EQ(XmlEscape("tab\tlf\ncr\r"), "tab\tlf\ncr\r");  // allowed in XML 1.0
  EXPECT_EQ(XmlEscape("a\0b"s), "a b");
}

TEST(XmlEscape, Utf8PassesThroughAndInvalidBytesAreReplaced) {
  EXPECT_EQ(XmlEscape("有理儿有面 → Carney"), "有理儿有面 → Carney");
  EXPECT_EQ(XmlEscape("\xFF<\xC3"), "\uFFFD&lt;\uFFFD");
}

TEST(HtmlEscape, EntitiesWithNumericApostropheAndControlsKept) {
  EXPECT_EQ(HtmlEscape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  EXPECT_EQ(HtmlEscape("a\x01z"), "a\x01z");
  EXPECT_EQ(HtmlEscape("有理儿有面\xFF"), "有理儿有面\uFFFD");
}

TEST(HtmlLink, OnlyHttpTargetsBecomeLinks) {
  EXPECT_EQ(HtmlLink("https://x.org/?a=1&b=2", "T & U"), "<a href=\"https://x.org/?a=1&amp;b=2\">T &amp; U</a>");
  EXPECT_EQ(HtmlLink("javascript:alert('x')", "<t>"), "&lt;t&gt; <code class=\"refused-link\">javascript:alert(&#39;x&#39;)</code>");
  EXPECT_EQ(HtmlLink("", "title"), "title");
}

TEST(CsvField, QuotedOnlyWhenNeededWithInnerQuotesDoubled) {
  EXPECT_EQ(CsvField("plain text 卡尼"), "plain text 卡尼");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("cr\r"), "\"cr\r\"");
  EXPECT_EQ(CsvField(R"(say "hi")"), R"("say ""hi""")");
  EXPECT_EQ(CsvField("\""), "\"\"\"\"");
  EXPECT_EQ(CsvField(""), "");
  std::string out = "id,";
  AppendCsvField(out, "x,y");
  EXPECT_EQ(out, "id,\"x,y\"");
}

}  // namespace
}  // namespace vigil
