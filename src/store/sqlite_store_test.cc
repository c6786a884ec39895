#include <gtest/gtest.h>
#include <sqlite3.h>

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

TEST(SqliteStore, KeepsWhatAPostRepliesToAndNullWhenNothing) {
  const std::string dir = testutil::MakeTempDir("store");
  const std::string path = dir + "/v.db";
  Post comment = MakePost("c", 10);
  comment.reply_to = "@mp-page";
  Post reply = MakePost("r", 20);
  reply.reply_to = "post-7";
  std::vector<Post> in = {comment, reply, MakePost("plain", 30)};
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    UpsertCounts counts;
    ASSERT_TRUE((*store)->UpsertPosts(in, &counts).ok());
    std::vector<Post> out;
    ASSERT_TRUE((*store)->LoadPosts({}, &out).ok());
    ASSERT_EQ(out.size(), 3u);
    EXPECT_EQ(out[0].reply_to, "@mp-page");
    EXPECT_EQ(out[0].ReplyToAccount(), "mp-page");
    EXPECT_EQ(out[1].ReplyToPost(), "post-7");
    EXPECT_EQ(out[2].reply_to, "");
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* nulls = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM posts WHERE reply_to IS NULL", -1, &nulls, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(nulls), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int64(nulls, 0), 1);  // the post that replies to nothing holds NULL, not ''
  sqlite3_finalize(nulls);
  sqlite3_close(db);
}

// A store written before posts had reply_to gains the column on opening; its rows stay and read as no reply.
TEST(SqliteStore, OpeningAStoreWithoutReplyToAddsTheColumn) {
  const std::string path = testutil::MakeTempDir("store") + "/old.db";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  const char* old_schema = R"sql(
    CREATE TABLE posts (platform TEXT NOT NULL, id TEXT NOT NULL, account_id TEXT NOT NULL,
      account_name TEXT NOT NULL, published_at INTEGER NOT NULL, utc_offset INTEGER NOT NULL, title TEXT NOT NULL,
      text TEXT NOT NULL, url TEXT NOT NULL, links TEXT NOT NULL, repost_of TEXT NOT NULL, lang TEXT NOT NULL,
      views INTEGER, views_lb INTEGER NOT NULL DEFAULT 0, likes INTEGER, likes_lb INTEGER NOT NULL DEFAULT 0,
      shares INTEGER, shares_lb INTEGER NOT NULL DEFAULT 0, comments INTEGER, comments_lb INTEGER NOT NULL DEFAULT 0,
      reactions INTEGER, reactions_lb INTEGER NOT NULL DEFAULT 0, source_file TEXT NOT NULL,
      source_line INTEGER NOT NULL, PRIMARY KEY (platform, id)) WITHOUT ROWID;
    INSERT INTO posts VALUES ('x', 'old', 'a', 'A', 5, 0, '', 'kept', '', '', '', 'en', NULL, 0, NULL, 0, NULL, 0,
      NULL, 0, NULL, 0, 'old.jsonl', 1);)sql";
  ASSERT_EQ(sqlite3_exec(db, old_schema, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);

  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Post reply = MakePost("new", 9);
  reply.reply_to = "@someone";
  UpsertCounts counts;
  std::vector<Post> in = {reply};
  ASSERT_TRUE((*store)->UpsertPosts(in, &counts).ok());
  std::vector<Post> out;
  ASSERT_TRUE((*store)->LoadPosts({}, &out).ok());
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].text, "kept");
  EXPECT_EQ(out[0].reply_to, "");
  EXPECT_EQ(out[1].reply_to, "@someone");
  EXPECT_TRUE((*store)->CheckIntegrity().ok());
}

TEST(SqliteStore, UnopenablePathIsAnError) {
  EXPECT_FALSE(OpenSqliteStore("/nonexistent-dir/x/v.db").ok());
}

}  // namespace
}  // namespace vigil
