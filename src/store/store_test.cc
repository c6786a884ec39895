// One behaviour, two backends: every PostStore test runs against SQLite and against a real PostgreSQL
// (the throwaway cluster of scripts/pg-test-cluster.sh, one schema per test).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "store/backends.h"
#include "tests/testutil/shared_data.h"
#include "tests/testutil/test_postgres.h"
#include "vigil/store.h"

namespace vigil {
namespace {

using store::Migration;

// A store file in a fresh folder; raw SQL through SQLite's own API.
class SqliteBackend {
 public:
  static constexpr const char* kName = "SQLite";
  bool Ready() { return true; }
  std::string Uri() const { return dir_ + "/v.db"; }
  std::span<const Migration> Migrations() const { return store::SqliteMigrations(); }
  Result<std::unique_ptr<PostStore>> Open(std::span<const Migration> migrations) {
    return store::OpenSqliteStore(Uri(), migrations);
  }
  std::string Query(const std::string& sql) const {
    sqlite3* db = nullptr;
    std::string value;
    sqlite3_open(Uri().c_str(), &db);
    char* error = nullptr;
    auto keep_first = [](void* out, int columns, char** values, char**) {
      if (columns > 0 && values[0]) *static_cast<std::string*>(out) = values[0];
      return 0;
    };
    if (sqlite3_exec(db, sql.c_str(), keep_first, &value, &error) != SQLITE_OK) {
      ADD_FAILURE() << "SQL failed: " << sql << ": " << (error ? error : "");
      sqlite3_free(error);
    }
    sqlite3_close(db);
    return value;
  }
  // Makes any insert of a post with id "poison" fail inside the transaction.
  void InstallPoisonTrigger() const {
    Query("CREATE TRIGGER refuse_poison BEFORE INSERT ON posts WHEN NEW.id = 'poison' "
          "BEGIN SELECT RAISE(ABORT, 'poisoned post'); END");
  }

 private:
  std::string dir_ = testutil::MakeTempDir("store");
};

// A schema of its own in the test cluster.
class PostgresBackend {
 public:
  static constexpr const char* kName = "PostgreSQL";
  bool Ready() { return schema_ && schema_->error().empty(); }
  std::string Uri() const { return "pg:" + schema_->conninfo(); }
  std::span<const Migration> Migrations() const { return store::PostgresMigrations(); }
  Result<std::unique_ptr<PostStore>> Open(std::span<const Migration> migrations) {
    return store::OpenPostgresStore(schema_->conninfo(), migrations);
  }
  std::string Query(const std::string& sql) const { return schema_->Query(sql); }
  void InstallPoisonTrigger() const {
    Query(R"sql(
      CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.id = 'poison' THEN RAISE EXCEPTION 'poisoned post'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_poison BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION refuse_poison())sql");
  }

 private:
  std::unique_ptr<testutil::TestPostgresSchema> schema_ =
      testutil::TestPostgresConninfo() ? std::make_unique<testutil::TestPostgresSchema>() : nullptr;
};

template <typename Backend>
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if constexpr (std::is_same_v<Backend, PostgresBackend>) {
      VIGIL_REQUIRE_TEST_POSTGRES();
    }
    ASSERT_TRUE(backend_.Ready()) << Backend::kName << " test store could not be made";
  }

  std::unique_ptr<PostStore> Open() {
    auto store = backend_.Open(backend_.Migrations());
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  static std::vector<Post> Load(PostStore& store, PostQuery query = {}) {
    std::vector<Post> posts;
    const Status status = store.LoadPosts(query, &posts);
    EXPECT_TRUE(status.ok()) << status.ToString();
    return posts;
  }

  static UpsertCounts Upsert(PostStore& store, const std::vector<Post>& posts) {
    UpsertCounts counts;
    const Status status = store.UpsertPosts(posts, &counts);
    EXPECT_TRUE(status.ok()) << status.ToString();
    return counts;
  }

  Backend backend_;
};

using Backends = ::testing::Types<SqliteBackend, PostgresBackend>;
class BackendNames {
 public:
  template <typename T>
  static std::string GetName(int) {
    return T::kName;
  }
};
TYPED_TEST_SUITE(StoreTest, Backends, BackendNames);

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
  p.url = "https://mp.weixin.qq.com/s/" + id;
  p.links = {"https://a.example/1", "https://b.example/2"};
  p.metrics.views = Count::AtLeast(100000);
  p.metrics.likes = Count::Exact(7);
  p.source_file = "posts.jsonl";
  p.source_line = 3;
  return p;
}

// Every field, so a test can compare whole posts.
void ExpectSamePost(const Post& got, const Post& want) {
  EXPECT_EQ(got.platform, want.platform);
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.account_id, want.account_id);
  EXPECT_EQ(got.account_name, want.account_name);
  EXPECT_EQ(got.published_at, want.published_at);
  EXPECT_EQ(got.utc_offset_minutes, want.utc_offset_minutes);
  EXPECT_EQ(got.title, want.title);
  EXPECT_EQ(got.text, want.text);
  EXPECT_EQ(got.url, want.url);
  EXPECT_EQ(got.links, want.links);
  EXPECT_EQ(got.repost_of, want.repost_of);
  EXPECT_EQ(got.lang, want.lang);
  EXPECT_EQ(got.metrics, want.metrics);
  EXPECT_EQ(got.source_file, want.source_file);
  EXPECT_EQ(got.source_line, want.source_line);
}

// `count` posts from the generated-looking stream: ids p<first>.., one a minute, varied accounts and counts.
std::vector<Post> MakePosts(int first, int count) {
  std::vector<Post> posts;
  for (int post_idx = first; post_idx < first + count; ++post_idx) {
    Post p = MakePost("p" + std::to_string(post_idx), 1740000000 + int64_t{post_idx} * 60);
    p.account_id = "acct" + std::to_string(post_idx % 97);
    p.text = "第" + std::to_string(post_idx) + "篇：关于本地社区活动的普通文章，内容与选举无关。";
    p.metrics.likes = Count::Exact(post_idx % 1000);
    p.metrics.shares = post_idx % 3 ? Count::Exact(post_idx % 50) : Count{};
    posts.push_back(std::move(p));
  }
  return posts;
}

TYPED_TEST(StoreTest, RoundTripsEveryFieldIncludingCensoredCounts) {
  auto store = this->Open();
  ASSERT_TRUE(store);
  std::vector<Post> in = {MakePost("b", 200), MakePost("a", 100)};
  in[1].repost_of = "b";
  in[1].lang = "zh";
  const UpsertCounts counts = this->Upsert(*store, in);
  EXPECT_EQ(counts.inserted, 2);
  EXPECT_EQ(counts.updated, 0);
  const std::vector<Post> out = this->Load(*store);
  ASSERT_EQ(out.size(), 2u);
  ExpectSamePost(out[0], in[1]);  // ordered by time
  ExpectSamePost(out[1], in[0]);
  EXPECT_FALSE(out[0].metrics.shares.present);
  const std::vector<Post> window = this->Load(*store, {150, 300});
  ASSERT_EQ(window.size(), 1u);
  EXPECT_EQ(window[0].id, "b");
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

// A reply keeps what it replies to; a post that replies to nothing holds NULL, not an empty string.
TYPED_TEST(StoreTest, KeepsWhatAPostRepliesToAndNullWhenNothing) {
  auto store = this->Open();
  ASSERT_TRUE(store);
  std::vector<Post> in = {MakePost("c", 10), MakePost("r", 20), MakePost("plain", 30)};
  in[0].reply_to = "@mp-page";
  in[1].reply_to = "post-7";
  this->Upsert(*store, in);
  const std::vector<Post> out = this->Load(*store);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].ReplyToAccount(), "mp-page");
  EXPECT_EQ(out[1].ReplyToPost(), "post-7");
  EXPECT_EQ(out[2].reply_to, "");
  EXPECT_EQ(this->backend_.Query("SELECT count(*) FROM posts WHERE reply_to IS NULL"), "1");
}

TYPED_TEST(StoreTest, DataSurvivesReopening) {
  {
    auto store = this->Open();
    ASSERT_TRUE(store);
    this->Upsert(*store, {MakePost("a", 1)});
  }
  auto reopened = this->Open();
  ASSERT_TRUE(reopened);
  EXPECT_EQ(*reopened->CountPosts(), 1);
}

TYPED_TEST(StoreTest, UpsertCountsNewPostsAndRefreshedOnes) {
  auto store = this->Open();
  ASSERT_TRUE(store);
  this->Upsert(*store, MakePosts(0, 3));
  std::vector<Post> again = MakePosts(1, 3);  // p1, p2 stored already; p3 new
  again[0].metrics.likes = Count::AtLeast(5000);
  again[0].text = "更新后的正文";
  const UpsertCounts counts = this->Upsert(*store, again);
  EXPECT_EQ(counts.inserted, 1);
  EXPECT_EQ(counts.updated, 2);
  const std::vector<Post> out = this->Load(*store);
  ASSERT_EQ(out.size(), 4u);
  ExpectSamePost(out[1], again[0]);  // metrics and text refreshed, no duplicate
}

TYPED_TEST(StoreTest, AKeyTwiceInOneBatchKeepsTheLastAndCountsAsRowByRow) {
  auto store = this->Open();
  ASSERT_TRUE(store);
  std::vector<Post> batch = {MakePost("a", 10), MakePost("a", 10), MakePost("b", 20)};
  batch[1].metrics.likes = Count::Exact(99);
  const UpsertCounts counts = this->Upsert(*store, batch);
  EXPECT_EQ(counts.inserted, 2);
  EXPECT_EQ(counts.updated, 1);
  const std::vector<Post> out = this->Load(*store);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].metrics.likes, Count::Exact(99));
}

TYPED_TEST(StoreTest, RunningTheSameIngestAgainConverges) {
  auto store = this->Open();
  ASSERT_TRUE(store);
  const std::vector<Post> posts = MakePosts(0, 1200);
  for (size_t start = 0; start < posts.size(); start += 500) {
    this->Upsert(*store, {posts.begin() + start, posts.begin() + std::min(posts.size(), start + 500)});
  }
  const std::vector<Post> first = this->Load(*store);
  const UpsertCounts again = this->Upsert(*store, posts);
  EXPECT_EQ(again.inserted, 0);
  EXPECT_EQ(again.updated, 1200);
  const std::vector<Post> second = this->Load(*store);
  ASSERT_EQ(second.size(), first.size());
  for (size_t post_idx = 0; post_idx < first.size(); ++post_idx) ExpectSamePost(second[post_idx], first[post_idx]);
  EXPECT_EQ(*store->CountPosts(), 1200);
}

TYPED_TEST(StoreTest, OrderIsTimeThenPlatformThenIdComparedBytewise) {
  auto store = this->Open();
  ASSERT_TRUE(store);
  std::vector<Post> posts;
  for (const char* platform : {"x", "wechat", "X"}) {
    for (const char* id : {"b", "B", "a", "10", "9", "é", "z", "Z1", "账号", "_"}) {
      Post p = MakePost(id, 500);
      p.platform = platform;
      posts.push_back(p);
    }
  }
  posts.push_back(MakePost("late", 501));
  posts.push_back(MakePost("early", 499));
  this->Upsert(*store, posts);
  std::vector<std::tuple<int64_t, std::string, std::string>> want;
  for (const Post& p : posts) want.emplace_back(p.published_at, p.platform, p.id);
  std::sort(want.begin(), want.end());  // std::string compares bytes, as SQLite's BINARY collation does
  const std::vector<Post> out = this->Load(*store);
  ASSERT_EQ(out.size(), want.size());
  for (size_t post_idx = 0; post_idx < out.size(); ++post_idx) {
    EXPECT_EQ(std::tie(out[post_idx].published_at, out[post_idx].platform, out[post_idx].id), want[post_idx])
        << "at " << post_idx;
  }
  // [from, to): from is in, to is out.
  const std::vector<Post> window = this->Load(*store, {500, 501});
  EXPECT_EQ(window.size(), 30u);
}

TYPED_TEST(StoreTest, CountsKeepAbsentExactAndLowerBoundApart) {
  auto store = this->Open();
  ASSERT_TRUE(store);
  Post p = MakePost("counts", 1);
  p.metrics.views = Count::AtLeast(100000);           // WeChat's 10万+
  p.metrics.likes = Count::Exact(0);                  // a real zero
  p.metrics.shares = Count{};                         // not given at all
  p.metrics.comments = Count::Exact(int64_t{1} << 40);  // beyond 32 bits
  p.metrics.reactions = Count::AtLeast(0);
  this->Upsert(*store, {p});
  const std::vector<Post> out = this->Load(*store);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].metrics, p.metrics);
  EXPECT_EQ(out[0].metrics.Interactions(), p.metrics.Interactions());
}

TYPED_TEST(StoreTest, UnicodeAndCopySpecialTextSurviveByteForByte) {
  auto store = this->Open();
  ASSERT_TRUE(store);
  Post p = MakePost("unicode", 1);
  p.account_name = "有理儿有面 🇨🇳 Ли ‏مرحبا‎";
  p.title = "Carney\t卡尼\r\n「第二行」";
  p.text = "back\\slash \\N \\. \n\\.\nquote\" ' tab\tend é (e\u0301) 𝕏 \u200b zero-width";
  p.url = "https://example.org/路径?q=a b&x=\\";
  p.links = {"https://a.example/ä", "", "https://b.example/\\N"};
  p.repost_of = "原帖";
  p.lang = "zh-Hant";
  p.source_file = "导出/posts.jsonl";
  this->Upsert(*store, {p});
  const std::vector<Post> out = this->Load(*store);
  ASSERT_EQ(out.size(), 1u);
  ExpectSamePost(out[0], p);
}

TYPED_TEST(StoreTest, ABigBatchIsOneTransaction) {
  auto store = this->Open();
  ASSERT_TRUE(store);
  constexpr int kPosts = 50000;
  const std::vector<Post> posts = MakePosts(0, kPosts);
  const UpsertCounts counts = this->Upsert(*store, posts);
  EXPECT_EQ(counts.inserted, kPosts);
  const std::vector<Post> out = this->Load(*store);
  ASSERT_EQ(out.size(), static_cast<size_t>(kPosts));
  for (int post_idx : {0, 1, 4999, 5000, kPosts / 2, kPosts - 1}) ExpectSamePost(out[post_idx], posts[post_idx]);
}

TYPED_TEST(StoreTest, AFailedBatchLeavesNothingAndTheStoreStaysUsable) {
  auto store = this->Open();
  ASSERT_TRUE(store);
  const std::vector<Post> before = MakePosts(0, 10);
  this->Upsert(*store, before);
  this->backend_.InstallPoisonTrigger();
  std::vector<Post> batch = MakePosts(5, 10);  // p5..p9 refresh stored posts, p10..p14 are new
  for (Post& p : batch) p.metrics.likes = Count::Exact(123456);
  batch.insert(batch.begin() + 7, MakePost("poison", 1740000000));
  UpsertCounts counts;
  const Status failed = store->UpsertPosts(batch, &counts);
  EXPECT_FALSE(failed.ok());
  EXPECT_NE(failed.message().find("poisoned post"), std::string::npos) << failed.ToString();
  const std::vector<Post> after = this->Load(*store);
  ASSERT_EQ(after.size(), before.size());
  for (size_t post_idx = 0; post_idx < before.size(); ++post_idx) ExpectSamePost(after[post_idx], before[post_idx]);

  batch.erase(batch.begin() + 7);
  const UpsertCounts retried = this->Upsert(*store, batch);
  EXPECT_EQ(retried.inserted, 5);
  EXPECT_EQ(retried.updated, 5);
  EXPECT_EQ(*store->CountPosts(), 15);
}

TYPED_TEST(StoreTest, ConcurrentWritersConvergeWithoutDuplicatesOrDeadlocks) {
  ASSERT_TRUE(this->Open());  // schema in place before the writers start
  constexpr int kWriters = 4;
  constexpr int kPostsEach = 1500;
  constexpr int kStride = 500;  // neighbours overlap on 1,000 posts
  constexpr size_t kBatch = 250;
  std::atomic<int64_t> inserted{0}, updated{0};
  std::vector<std::string> errors(kWriters);
  std::vector<std::thread> writers;
  for (int writer_idx = 0; writer_idx < kWriters; ++writer_idx) {
    writers.emplace_back([&, writer_idx] {
      auto store = this->backend_.Open(this->backend_.Migrations());
      if (!store.ok()) {
        errors[writer_idx] = store.status().ToString();
        return;
      }
      std::vector<Post> posts = MakePosts(writer_idx * kStride, kPostsEach);
      if (writer_idx % 2) std::reverse(posts.begin(), posts.end());  // opposite orders would deadlock naively
      for (size_t start = 0; start < posts.size(); start += kBatch) {
        UpsertCounts counts;
        const std::span<const Post> batch(posts.data() + start, std::min(kBatch, posts.size() - start));
        if (Status s = (*store)->UpsertPosts(batch, &counts); !s.ok()) {
          errors[writer_idx] = s.ToString();
          return;
        }
        inserted += counts.inserted;
        updated += counts.updated;
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  for (const std::string& error : errors) EXPECT_EQ(error, "");
  constexpr int kDistinct = (kWriters - 1) * kStride + kPostsEach;
  auto store = this->Open();
  ASSERT_TRUE(store);
  EXPECT_EQ(*store->CountPosts(), kDistinct);
  EXPECT_EQ(inserted.load(), kDistinct);  // each post inserted exactly once, by whichever writer came first
  EXPECT_EQ(inserted.load() + updated.load(), int64_t{kWriters} * kPostsEach);
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TYPED_TEST(StoreTest, IngestRunsAreRecorded) {
  auto store = this->Open();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->RecordIngestRun("导出/posts.jsonl", 4807, 2).ok());
  ASSERT_TRUE(store->RecordIngestRun("posts-other.csv", 1944, 0).ok());
  EXPECT_EQ(this->backend_.Query("SELECT count(*) FROM ingest_runs"), "2");
  EXPECT_EQ(this->backend_.Query("SELECT accepted FROM ingest_runs WHERE source = '导出/posts.jsonl'"), "4807");
}

// --- Schema migrations ---------------------------------------------------------------------------------

TYPED_TEST(StoreTest, AFreshStoreRecordsEveryMigration) {
  auto store = this->Open();
  ASSERT_TRUE(store);
  const auto known = this->backend_.Migrations();
  EXPECT_EQ(*store->SchemaVersion(), store::LatestVersion(known));
  EXPECT_EQ(this->backend_.Query("SELECT count(*) FROM schema_migrations"), std::to_string(known.size()));
  EXPECT_EQ(this->backend_.Query("SELECT description FROM schema_migrations WHERE version = 1"),
            std::string(known[0].description));
}

TYPED_TEST(StoreTest, AStoreFromANewerVigilIsRefused) {
  ASSERT_TRUE(this->Open());
  const int future = store::LatestVersion(this->backend_.Migrations()) + 1;
  this->backend_.Query("INSERT INTO schema_migrations (version, applied_at, description) VALUES (" +
                       std::to_string(future) + ", " + (std::is_same_v<TypeParam, PostgresBackend> ? "now()" : "0") +
                       ", 'from the future')");
  auto refused = this->backend_.Open(this->backend_.Migrations());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(refused.status().message().find("schema version " + std::to_string(future) + ", newer than this vigil"),
            std::string::npos)
      << refused.status().ToString();
}

TYPED_TEST(StoreTest, ALaterStepIsAppliedOnceWhenAnOlderStoreIsOpened) {
  {
    auto store = this->Open();
    ASSERT_TRUE(store);
    this->Upsert(*store, MakePosts(0, 5));
  }
  std::vector<Migration> newer(this->backend_.Migrations().begin(), this->backend_.Migrations().end());
  newer.push_back({static_cast<int>(newer.size()) + 1, "post notes",
                   "CREATE TABLE post_notes (platform TEXT NOT NULL, id TEXT NOT NULL, note TEXT NOT NULL)"});
  for (int open_idx = 0; open_idx < 2; ++open_idx) {
    auto store = this->backend_.Open(newer);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EXPECT_EQ(*(*store)->SchemaVersion(), static_cast<int>(newer.size()));
    EXPECT_EQ(*(*store)->CountPosts(), 5);
  }
  EXPECT_EQ(this->backend_.Query("SELECT count(*) FROM schema_migrations"), std::to_string(newer.size()));
  EXPECT_EQ(this->backend_.Query("SELECT count(*) FROM post_notes"), "0");
}

TYPED_TEST(StoreTest, AFailingMigrationStepChangesNothing) {
  ASSERT_TRUE(this->Open());
  std::vector<Migration> broken(this->backend_.Migrations().begin(), this->backend_.Migrations().end());
  broken.push_back({static_cast<int>(broken.size()) + 1, "half a step",
                    "CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1)"});
  auto failed = this->backend_.Open(broken);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("half a step"), std::string::npos) << failed.status().ToString();
  auto store = this->Open();
  ASSERT_TRUE(store);
  EXPECT_EQ(*store->SchemaVersion(), store::LatestVersion(this->backend_.Migrations()));
  const char* half_done = std::is_same_v<TypeParam, PostgresBackend>
                              ? "SELECT count(*) FROM pg_tables WHERE tablename = 'half_done'"
                              : "SELECT count(*) FROM sqlite_master WHERE name = 'half_done'";
  EXPECT_EQ(this->backend_.Query(half_done), "0");
}

TYPED_TEST(StoreTest, StoresOpenedTogetherApplyEachStepOnce) {
  constexpr int kOpeners = 4;
  std::vector<std::string> errors(kOpeners);
  std::vector<std::thread> openers;
  for (int opener_idx = 0; opener_idx < kOpeners; ++opener_idx) {
    openers.emplace_back([&, opener_idx] {
      auto store = this->backend_.Open(this->backend_.Migrations());
      if (!store.ok()) errors[opener_idx] = store.status().ToString();
    });
  }
  for (std::thread& opener : openers) opener.join();
  for (const std::string& error : errors) EXPECT_EQ(error, "");
  EXPECT_EQ(this->backend_.Query("SELECT count(*) FROM schema_migrations"),
            std::to_string(this->backend_.Migrations().size()));
}

TEST(Migrations, BothBackendsKnowTheSameSteps) {
  const auto sqlite = store::SqliteMigrations();
  const auto postgres = store::PostgresMigrations();
  ASSERT_EQ(sqlite.size(), postgres.size());
  for (size_t step_idx = 0; step_idx < sqlite.size(); ++step_idx) {
    EXPECT_EQ(sqlite[step_idx].version, static_cast<int>(step_idx) + 1);
    EXPECT_EQ(postgres[step_idx].version, sqlite[step_idx].version);
    EXPECT_EQ(postgres[step_idx].description, sqlite[step_idx].description);
  }
}

TEST(Migrations, PendingStepsAreThoseAfterTheStoresVersion) {
  const Migration steps[] = {{1, "one", ""}, {2, "two", ""}, {3, "three", ""}};
  EXPECT_EQ(store::PendingMigrations(0, steps, "s")->size(), 3u);
  EXPECT_EQ(store::PendingMigrations(2, steps, "s")->front().version, 3);
  EXPECT_TRUE(store::PendingMigrations(3, steps, "s")->empty());
  const auto newer = store::PendingMigrations(4, steps, "SQLite store 'v.db'");
  ASSERT_FALSE(newer.ok());
  EXPECT_EQ(newer.status().message(),
            "SQLite store 'v.db' has schema version 4, newer than this vigil knows (up to 3): open it with a newer "
            "vigil");
}

}  // namespace
}  // namespace vigil
