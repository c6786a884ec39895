// Tests for the WeChat article page adapter on the real saved pages (two page generations, an expired link).
#include "ingest/adapters/wechat_html.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/adapters/adapters.h"
#include "ingest/adapters/collecting_sink.h"
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

TEST(WechatAdapterTest, NonArticlePageIsRefused) {
  auto article = ParseWechatArticlePage("<html><body><p>hello</p></body></html>", "x.html");
  ASSERT_FALSE(article.ok());
  EXPECT_NE(article.status().message().find("#js_content"), std::string::npos);
}

}  // namespace
}  // namespace vigil::adapters
