// Tests for the WeChat article page adapter on the real saved pages (two page generations, an expired link).
#include "ingest/adapters/wechat_html.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/adapters/adapters.h"
#include "ingest/adapters/collecting_sink.h"
#include "ingest/adapters/html_depth.h"
#include "tests/testutil/shared_data.h"

namespace vigil::adapters {
namespace {

constexpr char kPages[] = "wechat-article-pages";

std::string Page(const std::string& relative) {
  return testutil::SharedDataPath(std::string(kPages) + "/" + relative);
}

TEST(WechatAdapterTest, ReadsAPartyMediaArticleFromScriptVariablesAndDom) {
  VIGIL_REQUIRE_SHARED_DATA(kPages);
  CollectingSink sink;
  ASSERT_TRUE(ReadWechatArticles(Page("wechatsogou/article_detail_iframe.html"), sink).ok());
  ASSERT_EQ(sink.posts.size(), 1u);
  const Post& post = sink.posts[0];
  EXPECT_EQ(post.platform, "wechat");
  EXPECT_EQ(post.title, "【视频】石榴花开");
  EXPECT_EQ(post.account_name, "共产党员");
  EXPECT_EQ(post.account_id, "gh_9381891f8dd8");
  EXPECT_EQ(post.published_at, 1521515999);
  EXPECT_EQ(post.utc_offset_minutes, 480);
  EXPECT_EQ(post.id, "MzA4ODUzNjAxOA==/2671068104/7");
  EXPECT_EQ(post.url, "https://mp.weixin.qq.com/s?__biz=MzA4ODUzNjAxOA==&mid=2671068104&idx=7");
  EXPECT_EQ(post.lang, "zh");
  EXPECT_FALSE(post.text.empty());
  // Embeds and scripts stay out of the body text.
  EXPECT_EQ(post.text.find("<iframe"), std::string::npos);
  EXPECT_EQ(post.text.find("function("), std::string::npos);
}

TEST(WechatAdapterTest, AudioArticleBodyKeepsProseWithoutTheEmbed) {
  VIGIL_REQUIRE_SHARED_DATA(kPages);
  CollectingSink sink;
  ASSERT_TRUE(ReadWechatArticles(Page("wechatsogou/article_detail_mpvoice.html"), sink).ok());
  ASSERT_EQ(sink.posts.size(), 1u);
  EXPECT_EQ(sink.posts[0].account_name, "长江日报");
  EXPECT_EQ(sink.posts[0].account_id, "gh_09f57d9c1048");
  EXPECT_EQ(sink.posts[0].published_at, 1521408600);
  EXPECT_TRUE(sink.posts[0].title.starts_with("语音 | 早安武汉"));
  EXPECT_GT(sink.posts[0].text.size(), 200u);
  EXPECT_EQ(sink.posts[0].text.find("mpvoice"), std::string::npos);
}

TEST(WechatAdapterTest, ExpiredLinkPageIsRejectedWithAClearReason) {
  VIGIL_REQUIRE_SHARED_DATA(kPages);
  CollectingSink sink;
  ASSERT_TRUE(ReadWechatArticles(Page("wechatsogou/article_detail_expired.html"), sink).ok());
  EXPECT_TRUE(sink.posts.empty());
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_NE(sink.rejects[0].reason.find("link has expired"), std::string::npos) << sink.rejects[0].reason;
  EXPECT_TRUE(sink.rejects[0].file.ends_with("article_detail_expired.html"));
}

TEST(WechatAdapterTest, ReserialisedPageGivesMetadataButNoTime) {
  VIGIL_REQUIRE_SHARED_DATA(kPages);
  const std::string html = testutil::ReadFile(Page("mercury-parser/1705682496581.html"));
  auto article = ParseWechatArticlePage(html, "1705682496581.html");
  ASSERT_TRUE(article.ok()) << article.status().message();
  EXPECT_EQ(article->title, "心机炒蔬菜");
  EXPECT_EQ(article->account_name, "田螺姑娘hhhaze");
  EXPECT_EQ(article->author, "陈宇慧");
  EXPECT_EQ(article->biz, "MzA3ODc4NTMyNw==");
  EXPECT_EQ(article->mid, "2651799162");
  EXPECT_FALSE(article->published_at.has_value());
  EXPECT_FALSE(article->body.empty());
}

TEST(WechatAdapterTest, FolderReadsEveryPageAndAccountsForEachOne) {
  VIGIL_REQUIRE_SHARED_DATA(kPages);
  CollectingSink articles, pages;
  ASSERT_TRUE(ReadWechatArticles(Page("wechatsogou"), articles).ok());
  ASSERT_TRUE(ReadWechatArticles(Page("mercury-parser"), pages).ok());
  EXPECT_EQ(articles.posts.size(), 4u);
  EXPECT_EQ(articles.rejects.size(), 1u);  // the expired link
  std::vector<std::string> accounts;
  for (const auto& p : articles.posts) accounts.push_back(p.account_name);
  EXPECT_NE(std::find(accounts.begin(), accounts.end(), "华商报"), accounts.end());
  EXPECT_NE(std::find(accounts.begin(), accounts.end(), "闲云野鹤古刹"), accounts.end());
  // The two re-serialised pages lost the script that held the time: rejected, naming the field.
  EXPECT_TRUE(pages.posts.empty());
  ASSERT_EQ(pages.rejects.size(), 2u);
  EXPECT_EQ(pages.rejects[0].field, "published_at");
}

TEST(WechatAdapterTest, DomOnlyPageWithAVisibleDateReadsAsChinaMidnight) {
  const std::string html =
      "<html><head><meta property=\"og:title\" content=\"标题\"></head><body>"
      "<h1 id=\"activity-name\"> 卡尼 &amp; 选举 </h1><em id=\"publish_time\">2025-03-10</em>"
      "<a id=\"js_name\">有理儿有面</a><div id=\"js_content\"><p>第一段</p><script>var x=1;</script><p>第二段</p>"
      "</div></body></html>";
  auto article = ParseWechatArticlePage(html, "inline.html");
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->title, "卡尼 & 选举");
  EXPECT_EQ(article->account_name, "有理儿有面");
  EXPECT_TRUE(article->date_only);
  EXPECT_EQ(article->published_at, 1741536000);  // 2025-03-10T00:00:00+08:00
  EXPECT_EQ(article->body, "第一段\n第二段");
}

// Two of the saved pages link other articles of their account in the body (mid 2654593285, 2651788379); the
// page's own script variables (biz, mid, idx) name the article itself.
TEST(WechatAdapterTest, IdAndUrlComeFromThePagesOwnVariablesNotFromLinksInTheBody) {
  VIGIL_REQUIRE_SHARED_DATA(kPages);
  const std::pair<const char*, const char*> cases[] = {
      {"wechatsogou/article_detail_backgroud-image.html", "ODUzMjkwMzYx/2654593305/1"},
      {"wechatsogou/article_detail_mpvoice.html", "MjM5ODAyNTcwMA==/2651788393/1"},
      {"wechatsogou/article_detail_iframe.html", "MzA4ODUzNjAxOA==/2671068104/7"},
      {"wechatsogou/article_detail_qqmusic.html", "MzIwOTc2ODc1NQ==/2247484727/1"}};
  for (const auto& [page, id] : cases) {
    CollectingSink sink;
    ASSERT_TRUE(ReadWechatArticles(Page(page), sink).ok());
    ASSERT_EQ(sink.posts.size(), 1u) << page;
    const Post& post = sink.posts[0];
    EXPECT_EQ(post.id, id) << page;
    const std::string mid = std::string(id).substr(std::string(id).find('/') + 1, 10);
    EXPECT_NE(post.url.find("&mid=" + mid + "&"), std::string::npos) << page << ": " << post.url;
  }
  // The linked article stays a link of the post.
  CollectingSink sink;
  ASSERT_TRUE(ReadWechatArticles(Page("wechatsogou/article_detail_backgroud-image.html"), sink).ok());
  ASSERT_EQ(sink.posts.size(), 1u);
  EXPECT_TRUE(std::any_of(sink.posts[0].links.begin(), sink.posts[0].links.end(),
                          [](const std::string& l) { return l.find("mid=2654593285") != std::string::npos; }));
}

TEST(WechatAdapterTest, OgUrlAndCanonicalComeBeforeBodyLinks) {
  const std::string body =
      "<div id=\"js_content\"><a href=\"https://mp.weixin.qq.com/s?__biz=OTHER&mid=1&idx=1\">other</a></div>";
  auto with_og = ParseWechatArticlePage(
      "<html><head><meta property=\"og:url\" content=\"http://mp.weixin.qq.com/s?__biz=SELF&amp;mid=7&amp;idx=2\">"
      "</head><body>" + body + "</body></html>", "og.html");
  ASSERT_TRUE(with_og.ok());
  EXPECT_EQ(with_og->biz, "SELF");
  EXPECT_EQ(with_og->mid, "7");
  EXPECT_EQ(with_og->idx, "2");
  auto with_canonical = ParseWechatArticlePage(
      "<html><head><link rel=\"canonical\" href=\"https://mp.weixin.qq.com/s?__biz=SELF&amp;mid=8&amp;idx=1\">"
      "</head><body>" + body + "</body></html>", "canonical.html");
  ASSERT_TRUE(with_canonical.ok());
  EXPECT_EQ(with_canonical->mid, "8");
  // With nothing of its own, a body link is not taken for the page's address.
  auto body_only = ParseWechatArticlePage("<html><body>" + body + "</body></html>", "body.html");
  ASSERT_TRUE(body_only.ok());
  EXPECT_TRUE(body_only->mid.empty());
  EXPECT_TRUE(body_only->url.empty());
}

// The re-serialised pages lost the script holding the time. They are quarantined (a post needs a time), and
// the rejection names the field, what was looked for, and what the page does have, so it can be completed.
TEST(WechatAdapterTest, APageWithoutATimeIsQuarantinedSayingWhatIsMissingAndWhatItHas) {
  VIGIL_REQUIRE_SHARED_DATA(kPages);
  CollectingSink sink;
  ASSERT_TRUE(ReadWechatArticles(Page("mercury-parser/1551892061650.html"), sink).ok());
  EXPECT_TRUE(sink.posts.empty());
  ASSERT_EQ(sink.rejects.size(), 1u);
  const RejectedRecord& r = sink.rejects[0];
  EXPECT_EQ(r.field, "published_at");
  for (const char* missing : {"var ct", "#publish_time", "#post-date"})
    EXPECT_NE(r.reason.find(missing), std::string::npos) << missing << " in " << r.reason;
  for (const char* found : {"MjM5NTAyODc2MA==/2654540336/1", "视觉志", "犹太男人拍下万张民国美女照片"})
    EXPECT_NE(r.reason.find(found), std::string::npos) << found << " in " << r.reason;
}

TEST(HtmlNestingDepthTest, CountsOpenElementsAsAnHtml5ParserWould) {
  EXPECT_EQ(HtmlNestingDepth("<html><body><div><p>x</p><br><img src=a></div></body></html>", 100), 4u);
  EXPECT_EQ(HtmlNestingDepth("<div><!-- <div><div><div> --><script>'<div><div>'</script></div>", 100), 2u);
  EXPECT_EQ(HtmlNestingDepth("<ul><li>a<li>b<li>c</ul><p>1<p>2<p>3", 100), 2u);  // siblings close each other
  EXPECT_EQ(HtmlNestingDepth("<svg><path/><path/><path/></svg>", 100), 1u);       // "/>" closes in svg
  // Ignored end tags and "/>" on HTML elements do not hide depth.
  EXPECT_EQ(HtmlNestingDepth("<div></span><div></span><div></span>", 100), 3u);
  EXPECT_EQ(HtmlNestingDepth("<div/><div/><div/>", 100), 3u);
  EXPECT_EQ(HtmlNestingDepth("<div><table><div></div></table></div>", 100), 3u);
  EXPECT_EQ(HtmlNestingDepth("<td><div><table></div></div></div>", 100), 3u);  // </div> cannot reach past <table>
}

std::string NestedPage(size_t depth) {
  std::string html = "<html><body><div id=\"js_content\">";
  for (size_t i = 0; i < depth; ++i) html += "<div>";
  html += "深处";
  for (size_t i = 0; i < depth; ++i) html += "</div>";
  return html + "</div><em id=\"publish_time\">2025-03-10</em><a id=\"js_name\">有理儿有面</a></body></html>";
}

// 200,000 nested <div> took gumbo more than 300 s (its work per tag grows with the open elements). The
// nesting is now measured in one linear pass and a page over the limit is refused before it is parsed.
TEST(WechatDepthLimitTest, TwoHundredThousandNestedDivsAreRefusedBeforeParsing) {
  const std::string html = NestedPage(200000);
  auto article = ParseWechatArticlePage(html, "deep.html");
  ASSERT_EQ(article.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(article.status().message().find("nested more than 512 elements deep"), std::string::npos)
      << article.status().message();
  const std::string path = testutil::WriteTempFile("wechat_deep", "deep.html", html);
  CollectingSink sink;
  ASSERT_TRUE(ReadWechatArticles(path, sink).ok());
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_NE(sink.rejects[0].reason.find("nested more than"), std::string::npos);
}

// Just under the limit, the text at the bottom is extracted (iteratively: no recursion per level).
TEST(WechatDepthLimitTest, APageJustUnderTheLimitIsExtractedToTheBottom) {
  auto article = ParseWechatArticlePage(NestedPage(kMaxWechatNestingDepth - 8), "deep.html");
  ASSERT_TRUE(article.ok()) << article.status().message();
  EXPECT_EQ(article->body, "深处");
}

TEST(WechatDepthLimitTest, APageOverTheSizeLimitIsRefusedUnread) {
  const std::string html = "<html><body><div id=\"js_content\">" + std::string(kMaxWechatPageBytes, 'x') + "</div>";
  auto article = ParseWechatArticlePage(html, "big.html");
  ASSERT_EQ(article.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(article.status().message().find("larger than"), std::string::npos) << article.status().message();
}

TEST(WechatAdapterTest, NonArticlePageIsRefused) {
  auto article = ParseWechatArticlePage("<html><body><p>hello</p></body></html>", "x.html");
  ASSERT_FALSE(article.ok());
  EXPECT_NE(article.status().message().find("#js_content"), std::string::npos);
}

}  // namespace
}  // namespace vigil::adapters
