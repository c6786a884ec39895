// Objects from posts: URL canonicalisation, hashtags (Latin and Weibo style), text normalisation and the
// tuples BuildShareTuples derives.
#include <gtest/gtest.h>

#include "vigil/coordination.h"

namespace vigil {
namespace {

TEST(CanonicalUrl, StripsTrackingAndNormalisesHostAndOrder) {
  EXPECT_EQ(CanonicalUrl("HTTP://WWW.Example.com:80/a/b/?utm_source=x&b=2&a=1&fbclid=zz#frag"),
            "https://example.com/a/b?a=1&b=2");
  EXPECT_EQ(CanonicalUrl("https://example.com"), "https://example.com/");
  EXPECT_EQ(CanonicalUrl("https://x.com/user/status/123?s=20&t=abc"), "https://x.com/user/status/123");
  EXPECT_EQ(CanonicalUrl("not a url"), "");
}

TEST(CanonicalUrl, WeChatArticlesKeepOnlyTheirIdentity) {
  const std::string a =
      "https://mp.weixin.qq.com/s?__biz=MzA3&mid=2650&idx=1&sn=abc123&chksm=84f0&scene=21&sharer_sharetime=1711&key=k1";
  const std::string b = "http://mp.weixin.qq.com/s?sn=abc123&__biz=MzA3&idx=1&mid=2650&scene=126&pass_ticket=p#rd";
  EXPECT_EQ(CanonicalUrl(a), CanonicalUrl(b));
  EXPECT_EQ(CanonicalUrl(a), "https://mp.weixin.qq.com/s?__biz=MzA3&idx=1&mid=2650&sn=abc123");
  EXPECT_NE(CanonicalUrl(a), CanonicalUrl("https://mp.weixin.qq.com/s?__biz=MzA3&mid=2650&idx=2&sn=abc123"));
}

TEST(Hashtags, LatinAndWeiboStyleCaseFolded) {
  EXPECT_EQ(ExtractHashtags("Vote! #Carney #carney #CDNpoli, and #加拿大大选# today"),
            (std::vector<std::string>{"carney", "cdnpoli", "加拿大大选"}));
  EXPECT_EQ(ExtractHashtags("#卡尼，真的吗"), (std::vector<std::string>{"卡尼"}));  // fullwidth comma ends it
  EXPECT_TRUE(ExtractHashtags("no tags # here").empty());
}

TEST(NormalizeText, DropsUrlsMentionsPunctuationAndCase) {
  EXPECT_EQ(NormalizeText("RT @someone: Carney WINS!!! https://t.co/abc  "), "rt carney wins");
  EXPECT_EQ(NormalizeText("卡尼，赢了！"), "卡尼 赢了");
}

Post MakePost(std::string id, std::string account, int64_t t) {
  Post p;
  p.id = std::move(id);
  p.platform = "wechat";
  p.account_id = std::move(account);
  p.published_at = t;
  return p;
}

TEST(BuildShareTuples, DerivesEachObjectKindOncePerPost) {
  std::vector<Post> posts;
  Post a = MakePost("1", "acc1", 100);
  a.text = "Carney article text long enough to count #Carney https://t.co/x";
  a.links = {"https://mp.weixin.qq.com/s?__biz=Mz&mid=1&idx=1&sn=s&scene=1",
             "https://mp.weixin.qq.com/s?__biz=Mz&mid=1&idx=1&sn=s&scene=2"};
  posts.push_back(a);
  Post b = MakePost("2", "acc2", 160);
  b.repost_of = "1";
  b.text = a.text;
  posts.push_back(b);
  Post c = MakePost("3", "acc3", 200);
  c.text = "carney ARTICLE text, long enough to count!";
  posts.push_back(c);

  auto tuples = BuildShareTuples(posts, TupleOptions{});
  std::vector<std::string> objects_of_a, objects_of_b;
  for (const auto& t : tuples) {
    if (t.post_index == 0) objects_of_a.push_back(t.object_id);
    if (t.post_index == 1) {
      objects_of_b.push_back(t.object_id);
      EXPECT_EQ(t.account_id, "wechat:acc2");
      EXPECT_EQ(t.content_id, "wechat:2");
      EXPECT_EQ(t.time, 160);
    }
  }
  ASSERT_EQ(objects_of_a.size(), 3u);  // one URL (both links canonicalise alike), one tag, one text
  EXPECT_EQ(objects_of_a[0], "url:https://mp.weixin.qq.com/s?__biz=Mz&idx=1&mid=1&sn=s");
  EXPECT_EQ(objects_of_a[1], "tag:carney");
  EXPECT_EQ(objects_of_a[2].rfind("text:", 0), 0u);
  // The repost carries the reposted post (and its tag), not a second copy of the text.
  EXPECT_EQ(objects_of_b, (std::vector<std::string>{"tag:carney", "repost:wechat:1"}));
  // Post 3's text normalises to the same text as post 1 minus the tag and URL.
  TupleOptions text_only;
  text_only.urls = text_only.hashtags = text_only.reposts = false;
  auto texts = BuildShareTuples(posts, text_only);
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_NE(texts[0].object_id, texts[1].object_id);  // "... #carney" differs from the copy without it
}

TEST(BuildShareTuples, NearDuplicateClustersBecomeObjects) {
  std::vector<Post> posts;
  const std::string base = "马克·卡尼当选自由党领袖后首次访问多伦多华人社区，承诺加强对中加关系的重视";
  for (int i = 0; i < 3; ++i) {
    Post p = MakePost(std::to_string(i), "acc" + std::to_string(i), 1000 + i);
    p.text = base + (i == 1 ? "！！" : i == 2 ? "。转发" : "");
    posts.push_back(p);
  }
  Post other = MakePost("9", "acc9", 1003);
  other.text = "今天多伦多天气晴朗，适合出门散步，公园里人很多，大家都在享受阳光";
  posts.push_back(other);
  TupleOptions opts;
  opts.urls = opts.hashtags = opts.reposts = opts.exact_text = false;
  opts.near_duplicates = true;
  auto tuples = BuildShareTuples(posts, opts);
  ASSERT_EQ(tuples.size(), 3u);
  EXPECT_EQ(tuples[0].object_id, tuples[1].object_id);
  EXPECT_EQ(tuples[0].object_id, tuples[2].object_id);
  EXPECT_EQ(tuples[0].object_id.rfind("near:", 0), 0u);
}

}  // namespace
}  // namespace vigil
