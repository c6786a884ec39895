#include <gtest/gtest.h>

#include "tests/testutil/shared_data.h"
#include "vigil/store.h"

namespace vigil {
namespace {

Post MakePost(const std::string& id, int64_t at) {
  Post p;
  p.id = id;
  p.platform = "wechat";
  p.account_id = "acct";
  p.account_name = "账号";
  p.published_at = at;
  p.utc_offset_minutes = 480;
  p.title = "标题";
  p.text = "正文";
  p.links = {"https://a.example/1", "https://b.example/2"};
  p.metrics.views = Count::AtLeast(100000);
  p.metrics.likes = Count::Exact(7);
  return p;
}

TEST(SqliteStore, RoundTripsEveryFieldIncludingCensoredCounts) {
  const std::string dir = testutil::MakeTempDir("store");
  auto store = OpenSqliteStore(dir + "/v.db");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  std::vector<Post> in = {MakePost("b", 200), MakePost("a", 100)};
  UpsertCounts counts;
  ASSERT_TRUE((*store)->UpsertPosts(in, &counts).ok());
  EXPECT_EQ(counts.inserted, 2);
  std::vector<Post> out;
  ASSERT_TRUE((*store)->LoadPosts({}, &out).ok());
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].id, "a");  // ordered by time
  EXPECT_EQ(out[0].links, in[1].links);
  EXPECT_EQ(out[0].metrics, in[1].metrics);
  EXPECT_FALSE(out[0].metrics.shares.present);
  EXPECT_EQ(out[0].utc_offset_minutes, 480);
  std::vector<Post> window;
  ASSERT_TRUE((*store)->LoadPosts({150, 300}, &window).ok());
  ASSERT_EQ(window.size(), 1u);
  EXPECT_EQ(window[0].id, "b");
  EXPECT_TRUE((*store)->CheckIntegrity().ok());
}

TEST(SqliteStore, DataSurvivesReopening) {
  const std::string path = testutil::MakeTempDir("store") + "/v.db";
  {
    auto store = OpenSqliteStore(path);
    UpsertCounts counts;
    std::vector<Post> in = {MakePost("a", 1)};
    ASSERT_TRUE((*store)->UpsertPosts(in, &counts).ok());
  }
  auto reopened = OpenSqliteStore(path);
  EXPECT_EQ(*(*reopened)->CountPosts(), 1);
}

TEST(SqliteStore, UnopenablePathIsAnError) {
  EXPECT_FALSE(OpenSqliteStore("/nonexistent-dir/x/v.db").ok());
}

}  // namespace
}  // namespace vigil
