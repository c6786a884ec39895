// What only the PostgreSQL store does: connection strings and their secrets, text PostgreSQL cannot hold,
// the database encoding, and the server's own index checks. Against the throwaway test cluster.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "store/conninfo.h"
#include "store/migrations.h"
#include "tests/testutil/shared_data.h"
#include "tests/testutil/test_postgres.h"
#include "vigil/store.h"

namespace vigil {
namespace {

using testutil::TestPostgresSchema;

class PostgresStore : public ::testing::Test {
 protected:
  void SetUp() override {
    VIGIL_REQUIRE_TEST_POSTGRES();
    schema_ = std::make_unique<TestPostgresSchema>();
    ASSERT_EQ(schema_->error(), "");
  }
  std::unique_ptr<TestPostgresSchema> schema_;
};

Post MakePost(const std::string& id) {
  Post p;
  p.id = id;
  p.platform = "x";
  p.account_id = "acct";
  p.published_at = 1742904000;
  p.text = "Carney leads the Liberals";
  p.source_file = "posts.jsonl";
  p.source_line = 7;
  return p;
}

TEST_F(PostgresStore, AWrongPasswordIsRefusedWithoutShowingIt) {
  const std::string wrong = "WrongPass-4f1e9c";
  auto store = OpenPostgresStore(schema_->conninfo() + " password=" + wrong);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kIoError);
  const std::string message = store.status().ToString();
  EXPECT_EQ(message.find(wrong), std::string::npos) << message;
  EXPECT_NE(message.find("password=***"), std::string::npos) << message;
  EXPECT_NE(message.find("password authentication failed"), std::string::npos) << message;
}

TEST_F(PostgresStore, NothingListeningIsAnIoErrorNamingTheServer) {
  // Port 1 on loopback: reserved, nothing of ours listens there.
  auto store = OpenStore("postgresql://vigil:NotShown-77@127.0.0.1:1/vigil_test?connect_timeout=5");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kIoError);
  EXPECT_EQ(store.status().message().find("NotShown-77"), std::string::npos) << store.status().message();
  EXPECT_NE(store.status().message().find("host=127.0.0.1 port=1"), std::string::npos) << store.status().message();
}

TEST_F(PostgresStore, TheUriFormWorksAndIsShownMasked) {
  pqxx::connection probe(schema_->conninfo());  // the cluster's real address, as libpq resolved it
  const std::string password = *store::ConninfoPassword(*testutil::TestPostgresConninfo());
  ASSERT_FALSE(password.empty()) << "the test cluster has a password";
  const std::string uri = "postgresql://" + std::string(probe.username()) + ":" + password + "@" +
                          probe.hostname() + ":" + probe.port() + "/" + probe.dbname() +
                          "?options=-csearch_path%3D" + schema_->name();
  auto store = OpenStore(uri);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(*(*store)->SchemaVersion(), store::LatestVersion(store::PostgresMigrations()));
  const std::string shown = RedactStoreUri(uri);
  EXPECT_EQ(shown.find(password), std::string::npos) << shown;
  EXPECT_NE(shown.find("password=***"), std::string::npos) << shown;
}

TEST_F(PostgresStore, ALostConnectionIsReopenedAndTheBatchWritten) {
  // Named after the schema, so the test ends its own session only (other tests share the cluster).
  auto store = OpenPostgresStore(schema_->conninfo() + " application_name=" + schema_->name());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  UpsertCounts counts;
  ASSERT_TRUE((*store)->UpsertPosts(std::vector<Post>{MakePost("1"), MakePost("2")}, &counts).ok());
  // As a server restart or an administrator would: the store's backend process ends under it.
  EXPECT_EQ(schema_->Query("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '" +
                           schema_->name() + "'"),
            "1");
  const Status after_loss = (*store)->UpsertPosts(std::vector<Post>{MakePost("2"), MakePost("3")}, &counts);
  ASSERT_TRUE(after_loss.ok()) << after_loss.ToString();
  EXPECT_EQ(counts.inserted, 3);
  EXPECT_EQ(counts.updated, 1);
  EXPECT_EQ(*(*store)->CountPosts(), 3);
  schema_->Query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" +
                 schema_->name() + "'");
  std::vector<Post> loaded;
  ASSERT_TRUE((*store)->LoadPosts({}, &loaded).ok());
  EXPECT_EQ(loaded.size(), 3u);
}

TEST_F(PostgresStore, TextPostgresCannotHoldIsRefusedNamingRecordAndField) {
  auto store = OpenPostgresStore(schema_->conninfo());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  std::vector<Post> batch = {MakePost("good"), MakePost("nul")};
  batch[1].text = std::string("before\0after", 12);
  UpsertCounts counts;
  Status refused = (*store)->UpsertPosts(batch, &counts);
  EXPECT_EQ(refused.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.message(), "posts.jsonl:7: text: holds a NUL byte, which PostgreSQL text cannot store");
  batch[1].text = "ok";
  batch[1].links = {"https://example.org/\xff"};
  refused = (*store)->UpsertPosts(batch, &counts);
  EXPECT_EQ(refused.message(), "posts.jsonl:7: links: is not valid UTF-8, which PostgreSQL text cannot store");
  EXPECT_EQ(*(*store)->CountPosts(), 0);  // the whole batch refused, the good post included
}

TEST_F(PostgresStore, ADatabaseNotInUtf8IsRefused) {
  const std::string database = "vigil_ascii_" + schema_->name();
  pqxx::connection admin(*testutil::TestPostgresConninfo());
  pqxx::nontransaction(admin).exec("CREATE DATABASE " + admin.quote_name(database) +
                                    " ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
  auto store = OpenPostgresStore(*testutil::TestPostgresConninfo() + " dbname=" + database);
  pqxx::nontransaction(admin).exec("DROP DATABASE " + admin.quote_name(database));
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(store.status().message().find("database encoding is SQL_ASCII; Vigil needs UTF8"), std::string::npos)
      << store.status().message();
}

TEST_F(PostgresStore, IntegrityCheckReportsAnIndexAFailedBuildLeftInvalid) {
  auto store = OpenPostgresStore(schema_->conninfo());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  UpsertCounts counts;
  ASSERT_TRUE((*store)->UpsertPosts(std::vector<Post>{MakePost("1"), MakePost("2")}, &counts).ok());
  ASSERT_TRUE((*store)->CheckIntegrity().ok()) << (*store)->CheckIntegrity().ToString();
  // Both posts share an account, so a unique index on it fails half-built and stays behind, invalid.
  pqxx::connection session(schema_->conninfo());
  EXPECT_THROW(pqxx::nontransaction(session).exec("CREATE UNIQUE INDEX CONCURRENTLY one_post_per_account "
                                                  "ON posts (account_id)"),
               pqxx::sql_error);
  const Status check = (*store)->CheckIntegrity();
  EXPECT_EQ(check.code(), StatusCode::kCorruption) << check.ToString();
  EXPECT_NE(check.message().find("one_post_per_account is invalid"), std::string::npos) << check.message();
}

}  // namespace
}  // namespace vigil
