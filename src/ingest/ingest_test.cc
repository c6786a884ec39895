#include "vigil/ingest.h"

#include <gtest/gtest.h>

#include <fstream>

#include "ingest/record_sink.h"
#include "tests/testutil/shared_data.h"

namespace vigil {
namespace {

constexpr char kPosts[] =
    R"({"id":"1","platform":"wechat","account_id":"a","published_at":"2025-03-10T09:00:00+08:00","metrics":{"likes":10}})" "\n"
    R"({"id":"2","platform":"wechat","account_id":"a","published_at":"2025-03-10T10:00:00+08:00"})" "\n"
    R"({"id":"3","platform":"wechat","account_id":"a","published_at":"soon"})" "\n";

class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testutil::MakeTempDir("ingest");
    posts_ = dir_ + "/posts.jsonl";
    std::ofstream(posts_) << kPosts;
    auto store = OpenSqliteStore(dir_ + "/vigil.db");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }
  std::string dir_, posts_;
  std::unique_ptr<PostStore> store_;
};

TEST_F(IngestTest, CountsAcceptedAndQuarantinesRejected) {
  IngestOptions options;
  options.quarantine_path = dir_ + "/rejected.jsonl";
  std::vector<std::string> messages;
  auto summary = IngestFiles({posts_}, *store_, options);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->accepted, 2);
  EXPECT_EQ(summary->rejected, 1);
  EXPECT_EQ(summary->inserted, 2);
  const std::string quarantine = testutil::ReadFile(options.quarantine_path);
  EXPECT_NE(quarantine.find("\"line\":3"), std::string::npos) << quarantine;
  EXPECT_NE(quarantine.find("\"field\":\"published_at\""), std::string::npos) << quarantine;
  EXPECT_NE(quarantine.find("soon"), std::string::npos);
}

TEST_F(IngestTest, ReingestUpdatesMetricsWithoutDuplicates) {
  ASSERT_TRUE(IngestFiles({posts_}, *store_, {}).ok());
  std::ofstream(posts_) << R"({"id":"1","platform":"wechat","account_id":"a","published_at":"2025-03-10T09:00:00+08:00","metrics":{"likes":99}})" "\n";
  auto again = IngestFiles({posts_}, *store_, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->inserted, 0);
  EXPECT_EQ(again->updated, 1);
  EXPECT_EQ(*store_->CountPosts(), 2);
  std::vector<Post> posts;
  ASSERT_TRUE(store_->LoadPosts({}, &posts).ok());
  EXPECT_EQ(posts[0].metrics.likes, Count::Exact(99));
}

TEST_F(IngestTest, UnknownExtensionNeedsAFormat) {
  auto result = IngestFiles({dir_ + "/posts.txt"}, *store_, {});
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("--format"), std::string::npos);
}

}  // namespace
}  // namespace vigil
