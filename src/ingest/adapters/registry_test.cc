// Tests for layout detection and dispatch across the adapters.
#include <gtest/gtest.h>

#include "ingest/adapters/adapters.h"
#include "ingest/adapters/collecting_sink.h"
#include "tests/testutil/shared_data.h"

namespace vigil::adapters {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  return testutil::WriteTempFile("registry", name, content);
}

TEST(DetectFormatTest, RecognisesEachRealSharedFile) {
  VIGIL_REQUIRE_SHARED_DATA("coortweet-sample");
  const std::pair<const char*, const char*> cases[] = {
      {"ira-russian-troll-tweets-2016-election-window/ira_tweets_2016-11-01_2016-11-15.csv", "ira"},
      {"coortweet-sample/russian_coord_tweets.csv", "coortweet"},
      {"coortweet-sample/german_elections.csv", "coortweet"},
      {"crowdtangle-api-samples/ct_shares.csv", "crowdtangle"},
      {"crowdtangle-api-samples/ct_shares_telesur_flat.csv", "crowdtangle"},
      {"crowdtangle-api-samples/ct_posts_api.json", "crowdtangle"},
      {"telegram-desktop-export-zh-channel/result.json", "telegram"},
      {"wechat-article-pages/wechatsogou", "wechat"},
      {"wechat-article-pages/wechatsogou/article_detail_expired.html", "wechat"},
  };
  for (const auto& [file, format] : cases) {
    auto detected = DetectFormat(testutil::SharedDataPath(file));
    ASSERT_TRUE(detected.ok()) << file << ": " << detected.status().message();
    EXPECT_EQ(*detected, format) << file;
  }
}

TEST(DetectFormatTest, RecognisesHandMadeFilesAndVigilsOwnFormats) {
  EXPECT_EQ(DetectFormat(testutil::SourcePath("tests/data/adapters/twitter_io_sample.csv")).value(), "twitter-io");
  EXPECT_EQ(DetectFormat(testutil::SourcePath("tests/data/adapters/ira_original_sample.csv")).value(), "ira");
  EXPECT_EQ(DetectFormat(WriteTemp("p.jsonl", "{\"id\":\"1\",\"platform\":\"x\"}\n{\"id\":\"2\"}\n")).value(), "jsonl");
  EXPECT_EQ(DetectFormat(WriteTemp("p.csv", "id,platform,account_id,published_at,text\n")).value(), "csv");
}

TEST(DetectFormatTest, UnknownLayoutNamesTheColumnsEachAdapterExpects) {
  auto detected = DetectFormat(testutil::SourcePath("tests/data/adapters/unknown_layout.csv"));
  ASSERT_FALSE(detected.ok());
  const std::string& message = detected.status().message();
  EXPECT_NE(message.find("its columns are: when, who, what"), std::string::npos) << message;
  for (const char* expected : {"tweetid", "object_id", "timestamp_share", "publish_date", "account.platformId",
                               "messages", "#js_content", "published_at"}) {
    EXPECT_NE(message.find(expected), std::string::npos) << expected;
  }
  EXPECT_EQ(DetectFormat("/nonexistent/file.csv").status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(DetectFormat(WriteTemp("empty.csv", "")).ok());
  EXPECT_FALSE(DetectFormat(WriteTemp("arr.json", "[1,2,3]")).ok());
}

TEST(ReadWithAdapterTest, DispatchesAutoAndRefusesUnknownFormats) {
  CollectingSink sink;
  ASSERT_TRUE(ReadWithAdapter("auto", testutil::SourcePath("tests/data/adapters/twitter_io_sample.csv"), sink).ok());
  EXPECT_EQ(sink.posts.size(), 3u);
  Status status = ReadWithAdapter("myspace", "x.csv", sink);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("coortweet"), std::string::npos);
  EXPECT_EQ(ReadWithAdapter("jsonl", "x.jsonl", sink).code(), StatusCode::kUnsupported);
  EXPECT_EQ(AdapterFormats().size(), 6u);
}

}  // namespace
}  // namespace vigil::adapters
