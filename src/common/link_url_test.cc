// Tests for the link-target rule: http(s) only, and no character that reads differently in HTML or Markdown.
#include "common/link_url.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vigil {
namespace {

using namespace std::string_literals;

TEST(IsLinkableUrl, HttpAndHttpsUrlsAsPlatformsWriteThem) {
  EXPECT_TRUE(IsLinkableUrl("https://mp.weixin.qq.com/s?__biz=MzA5NzQ2MTEwMA==&mid=2652000101&idx=1"));
  EXPECT_TRUE(IsLinkableUrl("http://t.me/s/channel/123"));
  EXPECT_TRUE(IsLinkableUrl("HTTPS://X.COM/user/status/1#frag"));
  EXPECT_TRUE(IsLinkableUrl("https://zh.wikipedia.org/wiki/马克·卡尼"));  // an IRI: valid UTF-8 is kept
  EXPECT_TRUE(IsLinkableUrl("https://example.org/a_(b)?q='x'&r=[1]"));
}

TEST(IsLinkableUrl, ScriptAndDataSchemesInEveryDisguise) {
  for (const std::string& url : std::vector<std::string>
       {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
        " javascript:alert(1)", "\tjavascript:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
        "\x01javascript:alert(1)"s, "javascript&#58;alert(1)", "javascript&colon;alert(1)", "&#106;avascript:alert(1)",
        "%6Aavascript:alert(1)", "jav&#x09;ascript:alert(1)", "file:///etc/passwd", "mailto:a@b.c", "ftp://host/x",
        "https:javascript:alert(1)", "https:/evil.example", "\xEF\xBB\xBFhttps://x.org"s}) {
    EXPECT_FALSE(IsLinkableUrl(url)) << url;
  }
}

TEST(IsLinkableUrl, RelativeEmptyAndHostlessUrls) {
  for (const std::string& url : std::vector<std::string>{"", "//evil.example/x", "/path", "?q=1", "#top", "https://", "https:///path", "http://?q",
                                "http://#x", "example.org"}) {
    EXPECT_FALSE(IsLinkableUrl(url)) << url;
  }
}

TEST(IsLinkableUrl, CharactersThatWouldBreakOutOfAnAttributeOrALink) {
  for (const std::string& url : std::vector<std::string>{"https://x.org/\" onmouseover=\"alert(1)", "https://x.org/ a", "https://x.org/<script>",
                                "https://x.org/a>b", "https://x.org/a\\b", "https://x.org/a|b", "https://x.org/a`b",
                                "https://x.org/a\nb", "https://x.org/a\rb", "https://x.org/a\x7f"}) {
    EXPECT_FALSE(IsLinkableUrl(url)) << url;
  }
  EXPECT_FALSE(IsLinkableUrl("https://x.org/\xC3\x28"));  // invalid UTF-8
  EXPECT_FALSE(IsLinkableUrl("https://x.org/a\0b"s));
}

}  // namespace
}  // namespace vigil
