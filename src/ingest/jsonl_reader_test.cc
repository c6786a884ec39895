#include "ingest/jsonl_reader.h"

#include <gtest/gtest.h>

#include "ingest/line_reader.h"
#include "tests/testutil/collecting_sink.h"
#include "tests/testutil/shared_data.h"

namespace vigil {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  return testutil::WriteTempFile("jsonl", name, content);
}

TEST(ReadPostsJsonl, ReadsEveryFieldAndIgnoresUnknownOnes) {
  const std::string path = WriteTemp("posts.jsonl",
      R"({"id":"a1","platform":"WeChat","account_id":"youli-youmian","account_name":"有理儿有面",)"
      R"("published_at":"2025-03-10T09:12:00+08:00","title":"卡尼","text":"正文\n第二段","url":"https://mp.weixin.qq.com/s/x",)"
      R"("links":["https://a.example/1","https://b.example/2"],"repost_of":"","lang":"zh","extra":{"nested":[1,2]},)"
      R"("metrics":{"views":"10万+","likes":41000,"shares":"1.2万","comments":900,"unknown_metric":5}})" "\n");
  testutil::CollectingSink sink;
  ASSERT_TRUE(ReadPostsJsonl(path, sink).ok());
  ASSERT_EQ(sink.posts.size(), 1u);
  ASSERT_TRUE(sink.rejects.empty());
  const Post& p = sink.posts[0];
  EXPECT_EQ(p.platform, "wechat");
  EXPECT_EQ(p.account_name, "有理儿有面");
  EXPECT_EQ(p.published_at, 1741569120);
  EXPECT_EQ(p.utc_offset_minutes, 480);
  EXPECT_EQ(p.text, "正文\n第二段");
  EXPECT_EQ(p.links.size(), 2u);
  EXPECT_EQ(p.metrics.views, Count::AtLeast(100000));
  EXPECT_EQ(p.metrics.likes, Count::Exact(41000));
  EXPECT_EQ(p.metrics.shares, Count::Exact(12000));
  EXPECT_FALSE(p.metrics.reactions.present);
  EXPECT_EQ(p.source_line, 1);
}

TEST(ReadPostsJsonl, ReplyToNamesAPostOrAnAccountAndBadOnesAreRefused) {
  const std::string path = WriteTemp("replies.jsonl",
      R"({"id":"c1","platform":"facebook","account_id":"u1","published_at":1693526400,"text":"Shame on you","reply_to":"@mp.page"})" "\n"
      R"({"id":"c2","platform":"facebook","account_id":"u2","published_at":1693526460,"text":"Agreed","reply_to":"100_200"})" "\n"
      R"({"id":"c3","platform":"facebook","account_id":"u3","published_at":1693526460,"reply_to":"c3"})" "\n"
      R"({"id":"c4","platform":"facebook","account_id":"u3","published_at":1693526460,"reply_to":"@"})" "\n"
      R"({"id":"c5","platform":"facebook","account_id":"u3","published_at":1693526460,"reply_to":"a\nb"})" "\n");
  testutil::CollectingSink sink;
  ASSERT_TRUE(ReadPostsJsonl(path, sink).ok());
  ASSERT_EQ(sink.posts.size(), 2u);
  EXPECT_EQ(sink.posts[0].ReplyToAccount(), "mp.page");
  EXPECT_EQ(sink.posts[0].ReplyToPost(), "");
  EXPECT_EQ(sink.posts[1].ReplyToPost(), "100_200");
  EXPECT_EQ(sink.posts[1].ReplyToAccount(), "");
  ASSERT_EQ(sink.rejects.size(), 3u);
  for (const auto& reject : sink.rejects) EXPECT_EQ(reject.field, "reply_to") << reject.reason;
  EXPECT_NE(sink.rejects[0].reason.find("itself"), std::string::npos);
  EXPECT_NE(sink.rejects[2].reason.find("control character"), std::string::npos);
}

TEST(ReadPostsJsonl, BadRecordsAreRejectedWithLineAndFieldAndGoodOnesKept) {
  const std::string path = WriteTemp("mixed.jsonl",
      R"({"id":"1","platform":"x","account_id":"u","published_at":1742904000})" "\n"
      "\n"
      R"({"id":"2","platform":"x","account_id":"u","published_at":"yesterday"})" "\n"
      R"({"id":"3","platform":"x","account_id":"u","published_at":1742904000,"metrics":{"likes":"lots"}})" "\n"
      R"({"id":"4","platform":"x","published_at":1742904000})" "\n"
      R"({"id":"5","platform":"x","account_id":"u",)" "\n"
      R"(["not","an","object"])" "\n"
      R"({"id":"6","platform":"x","account_id":"u","published_at":1742904000,"links":"https://a https://b"})");
  testutil::CollectingSink sink;
  ASSERT_TRUE(ReadPostsJsonl(path, sink).ok());
  ASSERT_EQ(sink.posts.size(), 2u);
  EXPECT_EQ(sink.posts[1].links.size(), 2u);
  ASSERT_EQ(sink.rejects.size(), 5u);
  EXPECT_EQ(sink.rejects[0].line, 3);
  EXPECT_EQ(sink.rejects[0].field, "published_at");
  EXPECT_EQ(sink.rejects[1].field, "metrics.likes");
  EXPECT_EQ(sink.rejects[2].field, "account_id");
  EXPECT_EQ(sink.rejects[3].line, 6);
  EXPECT_NE(sink.rejects[3].reason.find("JSON"), std::string::npos) << sink.rejects[3].reason;
  EXPECT_EQ(sink.rejects[4].line, 7);
}

TEST(ReadPostsJsonl, InvalidUtf8AndHugeRecordsAreRejectedNotCrashing) {
  std::string huge = R"({"id":"h","platform":"x","account_id":"u","published_at":1,"text":")" +
                     std::string(1 << 21, 'a') + "\"}\n";
  std::string bad_utf8 = "{\"id\":\"b\",\"platform\":\"x\",\"account_id\":\"u\",\"published_at\":1,\"text\":\"\xff\xfe\"}\n";
  const std::string path = WriteTemp("odd.jsonl", huge + bad_utf8);
  testutil::CollectingSink sink;
  ASSERT_TRUE(ReadPostsJsonl(path, sink).ok());
  EXPECT_TRUE(sink.posts.empty());
  ASSERT_EQ(sink.rejects.size(), 2u);
  EXPECT_EQ(sink.rejects[0].field, "text");
  EXPECT_EQ(sink.rejects[0].raw, huge.substr(0, huge.size() - 1)) << "the record is kept whole";
  EXPECT_EQ(sink.rejects[0].offset, 0);
  EXPECT_EQ(sink.rejects[0].length, static_cast<int64_t>(huge.size()));
  EXPECT_EQ(sink.rejects[1].offset, static_cast<int64_t>(huge.size()));
}

TEST(ReadPostsJsonl, AByteOrderMarkDoesNotCostTheFirstRecord) {
  const std::string path = WriteTemp("bom.jsonl",
      "\xEF\xBB\xBF" R"({"id":"1","platform":"x","account_id":"u","published_at":1})" "\n"
      R"({"id":"2","platform":"x","account_id":"u","published_at":2})" "\n");
  testutil::CollectingSink sink;
  ASSERT_TRUE(ReadPostsJsonl(path, sink).ok());
  EXPECT_TRUE(sink.rejects.empty()) << sink.rejects[0].reason;
  ASSERT_EQ(sink.posts.size(), 2u);
  EXPECT_EQ(sink.posts[0].id, "1");
}

TEST(ReadPostsJsonl, ALineAboveTheLimitIsRejectedByItsByteRangeAndTheNextOneRead) {
  const std::string endless(kMaxLineBytes + 100, '0');
  const std::string good = R"({"id":"2","platform":"x","account_id":"u","published_at":2})";
  const std::string path = WriteTemp("endless.jsonl", endless + "\n" + good + "\n");
  testutil::CollectingSink sink;
  ASSERT_TRUE(ReadPostsJsonl(path, sink).ok());
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].line, 1);
  EXPECT_TRUE(sink.rejects[0].raw.empty());
  EXPECT_EQ(sink.rejects[0].offset, 0);
  EXPECT_EQ(sink.rejects[0].length, static_cast<int64_t>(endless.size()) + 1);
  EXPECT_NE(sink.rejects[0].reason.find("above the"), std::string::npos) << sink.rejects[0].reason;
  ASSERT_EQ(sink.posts.size(), 1u);
  EXPECT_EQ(sink.posts[0].source_line, 2);
}

TEST(ReadPostsJsonl, MissingFileIsAnError) {
  testutil::CollectingSink sink;
  EXPECT_EQ(ReadPostsJsonl("/nonexistent/posts.jsonl", sink).code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace vigil
