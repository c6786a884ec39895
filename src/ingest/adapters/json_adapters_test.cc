// Tests for the JSON adapters: the real Telegram Desktop export and CrowdTangle API JSON, plus malformed files.
#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/adapters/adapters.h"
#include "ingest/adapters/collecting_sink.h"
#include "tests/testutil/shared_data.h"

namespace vigil::adapters {
namespace {

constexpr char kTelegram[] = "telegram-desktop-export-zh-channel/result.json";
constexpr char kCtJson[] = "crowdtangle-api-samples/ct_posts_api.json";

std::string WriteTemp(const std::string& name, const std::string& content) {
  return testutil::WriteTempFile("json-adapters", name, content);
}

TEST(TelegramAdapterTest, ReadsTheRealChannelExport) {
  VIGIL_REQUIRE_SHARED_DATA(kTelegram);
  CollectingSink sink;
  ASSERT_TRUE(ReadTelegramExport(testutil::SharedDataPath(kTelegram), sink).ok());
  EXPECT_TRUE(sink.rejects.empty());
  ASSERT_EQ(sink.posts.size(), 877u);  // 893 entries less 16 service messages
  auto it = std::find_if(sink.posts.begin(), sink.posts.end(), [](const Post& p) { return p.id == "1878264527/9"; });
  ASSERT_NE(it, sink.posts.end());
  const Post& post = *it;
  EXPECT_EQ(post.platform, "telegram");
  EXPECT_EQ(post.account_id, "channel1878264527");
  EXPECT_EQ(post.account_name, "川陀大学图书馆");
  EXPECT_EQ(post.published_at, 1689612825);
  EXPECT_EQ(post.utc_offset_minutes, 8 * 60);  // the exporter's clock ran on UTC+8
  EXPECT_TRUE(post.text.starts_with("Flathub更新网站UI\n\nFlatpak托管网站Flathub"));
  EXPECT_NE(post.text.find("#报道"), std::string::npos);
  EXPECT_EQ(post.links, std::vector<std::string>{"https://flathub.org/"});
  EXPECT_EQ(post.url, "https://t.me/c/1878264527/9");
  int64_t reactions = 0, with_reactions = 0;
  for (const auto& p : sink.posts) {
    if (p.metrics.reactions.present) {
      ++with_reactions;
      reactions += p.metrics.reactions.value;
    }
  }
  EXPECT_EQ(with_reactions, 318);
  EXPECT_EQ(reactions, 1850);
  // 82 messages reply to an earlier one of the channel (80 of those are in the export); message 99 replies to 90.
  const auto replies = std::count_if(sink.posts.begin(), sink.posts.end(), [](const Post& p) { return !p.reply_to.empty(); });
  EXPECT_EQ(replies, 82);
  auto reply = std::find_if(sink.posts.begin(), sink.posts.end(), [](const Post& p) { return p.id == "1878264527/99"; });
  ASSERT_NE(reply, sink.posts.end());
  EXPECT_EQ(reply->ReplyToPost(), "1878264527/90");
  EXPECT_TRUE(std::is_sorted(sink.posts.begin(), sink.posts.end(),
                             [](const Post& a, const Post& b) { return a.published_at < b.published_at; }));
}

TEST(TelegramAdapterTest, RejectsMessagesWithoutATimeAndKeepsTheRest) {
  const std::string path = WriteTemp("result.json", R"({"name":"c","type":"public_channel","id":42,"messages":[
    {"id":1,"type":"message","date":"2025-03-10T10:00:00","date_unixtime":"1741600800","from":"c","from_id":"channel42",
     "text":["see ",{"type":"link","text":"https://example.org/a"}]},
    {"id":2,"type":"message","date":"2025-03-10T10:05:00","from":"c","text":"no unix time"},
    "not an object",
    {"id":3,"type":"service","action":"pin_message","date_unixtime":"1741601000"}]})");
  CollectingSink sink;
  ASSERT_TRUE(ReadTelegramExport(path, sink).ok());
  ASSERT_EQ(sink.posts.size(), 1u);
  EXPECT_EQ(sink.posts[0].text, "see https://example.org/a");
  EXPECT_EQ(sink.posts[0].links, std::vector<std::string>{"https://example.org/a"});
  EXPECT_EQ(sink.posts[0].utc_offset_minutes, 0);
  ASSERT_EQ(sink.rejects.size(), 2u);
  EXPECT_EQ(sink.rejects[0].line, 2);
  EXPECT_EQ(sink.rejects[0].field, "date_unixtime");
  EXPECT_EQ(sink.rejects[1].line, 3);
}

TEST(TelegramAdapterTest, ReactionCountsNearTheInt64LimitSaturate) {
  const std::string path = WriteTemp("huge.json", R"({"name":"c","type":"public_channel","id":42,"messages":[
    {"id":1,"type":"message","date_unixtime":"1741600800","from":"c","from_id":"channel42","text":"x",
     "reactions":[{"type":"emoji","count":9223372036854775806,"emoji":"👍"},{"type":"emoji","count":9223372036854775806,"emoji":"🔥"}]}]})");
  CollectingSink sink;
  ASSERT_TRUE(ReadTelegramExport(path, sink).ok());
  ASSERT_EQ(sink.posts.size(), 1u);
  EXPECT_EQ(sink.posts[0].metrics.reactions, Count::AtLeast(INT64_MAX));
}

TEST(TelegramAdapterTest, TruncatedJsonIsAnError) {
  CollectingSink sink;
  Status status = ReadTelegramExport(WriteTemp("bad.json", R"({"name":"c","messages":[{"id":1,)"), sink);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("not valid JSON"), std::string::npos);
  status = ReadTelegramExport(WriteTemp("other.json", R"({"name":"c"})"), sink);
  EXPECT_NE(status.message().find("expected keys name, type, id, messages"), std::string::npos);
}

TEST(CrowdTangleAdapterTest, ReadsTheApiJsonWithDottedKeys) {
  VIGIL_REQUIRE_SHARED_DATA(kCtJson);
  CollectingSink sink;
  ASSERT_TRUE(ReadCrowdTangle(testutil::SharedDataPath(kCtJson), sink).ok());
  EXPECT_TRUE(sink.rejects.empty());
  ASSERT_EQ(sink.posts.size(), 5u);
  const Post& vox = sink.posts[0];
  EXPECT_EQ(vox.id, "223649167822693_1564592470395016");
  EXPECT_EQ(vox.account_name, "Vox");
  EXPECT_EQ(vox.url, "https://www.facebook.com/Vox/posts/1564592470395016");
  EXPECT_EQ(vox.published_at, 1592532998);  // 2020-06-19 02:16:38 UTC
  EXPECT_EQ(vox.links, std::vector<std::string>{"https://www.vox.com/culture/21294716/vox-book-club-princess-bride-week-3"});
  EXPECT_EQ(vox.metrics.likes, Count::Exact(33));
  EXPECT_TRUE(vox.title.starts_with("Vox Book Club"));
}

TEST(CrowdTangleAdapterTest, RejectsARecordWithABadCountAndNamesTheField) {
  const std::string path = WriteTemp("ct.json", R"([
    {"platformId":"1_2","platform":"Facebook","date":"2020-06-19 02:16:38","account":{"platformId":"1","name":"Page"},
     "statistics":{"actual":{"likeCount":"many"}}},
    {"platformId":"1_3","platform":"Facebook","date":"2020-06-19 03:00:00","account":{"platformId":"1","name":"Page"},
     "statistics":{"actual":{"likeCount":4,"loveCount":2,"careCount":1}}}])");
  CollectingSink sink;
  ASSERT_TRUE(ReadCrowdTangle(path, sink).ok());
  ASSERT_EQ(sink.posts.size(), 1u);
  EXPECT_EQ(sink.posts[0].metrics.reactions, Count::Exact(3));
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].line, 1);
  EXPECT_EQ(sink.rejects[0].field, "statistics.actual.likeCount");
}

}  // namespace
}  // namespace vigil::adapters
