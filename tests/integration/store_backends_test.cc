// The `vigil` commands on both store backends as a user runs them: the example case gives byte-identical
// reports from SQLite and from PostgreSQL; an ingest into PostgreSQL killed midway and run again loses and
// duplicates nothing; every --store command takes a PostgreSQL URI; a password is never printed.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "common/strings.h"
#include "tests/testutil/shared_data.h"
#include "tests/testutil/subprocess.h"
#include "tests/testutil/test_postgres.h"
#include "vigil/store.h"

namespace vigil {
namespace {

using testutil::RunProcess;

class StoreBackends : public ::testing::Test {
 protected:
  void SetUp() override {
    VIGIL_REQUIRE_TEST_POSTGRES();
    schema_ = std::make_unique<testutil::TestPostgresSchema>();
    ASSERT_EQ(schema_->error(), "");
    dir_ = testutil::MakeTempDir("backends");
  }
  std::string PostgresUri() const { return "pg:" + schema_->conninfo(); }

  std::unique_ptr<testutil::TestPostgresSchema> schema_;
  std::string dir_;
};

// `text` with every `from` replaced by `to`.
std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

TEST_F(StoreBackends, TheExampleCaseGivesByteIdenticalReportsOnSqliteAndPostgres) {
  const std::string now = "2025-05-01T00:00:00Z";
  const std::string sqlite_out = dir_ + "/sqlite", postgres_out = dir_ + "/postgres";
  const auto sqlite = RunProcess({VIGIL_BINARY, "demo", "--out", sqlite_out, "--now", now});
  ASSERT_EQ(sqlite.exit_code, 0) << sqlite.err;
  const auto postgres =
      RunProcess({VIGIL_BINARY, "demo", "--store", PostgresUri(), "--out", postgres_out, "--now", now});
  ASSERT_EQ(postgres.exit_code, 0) << postgres.err;
  // The same counts and incidents printed, the output folder aside.
  EXPECT_EQ(ReplaceAll(postgres.out, postgres_out, "OUT"), ReplaceAll(sqlite.out, sqlite_out, "OUT"));

  const std::string report = testutil::ReadFile(sqlite_out + "/report.json");
  ASSERT_GT(report.size(), 10000u);
  EXPECT_NE(report.find("youli-youmian"), std::string::npos);
  // report.json, report.md and every export, byte for byte.
  int compared = 0;
  for (const auto& entry : std::filesystem::directory_iterator(sqlite_out)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("vigil.db") || name == "rejected.jsonl") continue;
    EXPECT_TRUE(testutil::ReadFile(entry.path().string()) == testutil::ReadFile(postgres_out + "/" + name))
        << name << " differs between the backends";
    ++compared;
  }
  EXPECT_GE(compared, 10);
}

TEST_F(StoreBackends, IngestAnalyzeAndCoordAllTakeAPostgresStore) {
  const std::string example = testutil::SourcePath("examples/carney-2025");
  const auto ingest = RunProcess({VIGIL_BINARY, "ingest", "--store", PostgresUri(), "--quarantine",
                                  dir_ + "/rejected.jsonl", example + "/posts.jsonl", example + "/posts-other.csv"});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  EXPECT_NE(ingest.out.find("6,751 posts read (6,751 new"), std::string::npos) << ingest.out;
  const auto analyze = RunProcess({VIGIL_BINARY, "analyze", "--store", PostgresUri(), "--watch",
                                   example + "/watch.yaml", "--out", dir_ + "/out", "--now", "2025-05-01T00:00:00Z"});
  ASSERT_EQ(analyze.exit_code, 0) << analyze.err;
  EXPECT_NE(analyze.out.find("有理儿有面 -> Mark Carney"), std::string::npos) << analyze.out;
  const auto coord = RunProcess({VIGIL_BINARY, "coord", "--store", PostgresUri(), "--out", dir_ + "/coord"});
  ASSERT_EQ(coord.exit_code, 0) << coord.err;
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/coord/network.graphml")) << coord.out;
  EXPECT_EQ(schema_->Query("SELECT count(*) FROM ingest_runs"), "2");
}

TEST_F(StoreBackends, AKilledIngestIntoPostgresLosesAndDuplicatesNothingWhenRunAgain) {
  constexpr int kPosts = 200000;
  constexpr int kBatch = 5000;  // IngestOptions' default: only whole batches are ever committed
  {
    std::ofstream out(dir_ + "/posts.jsonl");
    for (int post_idx = 0; post_idx < kPosts; ++post_idx) {
      out << R"({"id":"p)" << post_idx << R"(","platform":"wechat","account_id":"acct)" << post_idx % 97
          << R"(","account_name":"账号","published_at":)" << 1740000000 + post_idx * 60
          << R"(,"title":"加拿大新闻","text":"这是一篇关于本地社区活动的普通文章，内容与选举无关。","metrics":{"views":"10万+"}})"
          << "\n";
    }
  }
  auto stored = [&] { return std::stoll("0" + schema_->Query("SELECT count(*) FROM posts")); };
  // The store's tables exist before the ingest starts, so polling them never races their creation.
  ASSERT_TRUE(OpenStore(PostgresUri()).ok());
  const pid_t pid = testutil::StartProcess(
      {VIGIL_BINARY, "ingest", "--quiet", "--store", PostgresUri(), "--quarantine", dir_ + "/q.jsonl",
       dir_ + "/posts.jsonl"});
  ASSERT_GT(pid, 0);
  for (int tries = 0; tries < 2000 && stored() == 0 && testutil::IsRunning(pid); ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  testutil::KillProcess(pid);
  const int64_t after_kill = stored();
  EXPECT_EQ(after_kill % kBatch, 0) << "only whole batches are committed: " << after_kill;

  const auto rerun = RunProcess({VIGIL_BINARY, "ingest", "--store", PostgresUri(), "--quarantine",
                                 dir_ + "/q.jsonl", dir_ + "/posts.jsonl"});
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  const std::string counts = Thousands(kPosts) + " posts read (" + Thousands(kPosts - after_kill) + " new, " +
                             Thousands(after_kill) + " already stored and refreshed), 0 rejected";
  EXPECT_NE(rerun.out.find(counts), std::string::npos) << rerun.out;
  EXPECT_EQ(stored(), kPosts);
  auto store = OpenStore(PostgresUri());
  ASSERT_TRUE(store.ok());
  EXPECT_TRUE((*store)->CheckIntegrity().ok());
}

TEST_F(StoreBackends, AConnectionFailureNamesTheServerButNeverThePassword) {
  const std::string secret = "Sekrit-91c3";
  const std::string uri = "postgresql://vigil:" + secret + "@127.0.0.1:1/vigil_test?connect_timeout=5";
  std::ofstream(dir_ + "/posts.jsonl") << R"({"id":"1","platform":"x","account_id":"a","published_at":1})" << "\n";
  const std::string cwd = std::filesystem::current_path().string();
  std::filesystem::current_path(dir_);
  const auto ingest = RunProcess({VIGIL_BINARY, "ingest", "--store", uri, "posts.jsonl"});
  const auto analyze = RunProcess({VIGIL_BINARY, "analyze", "--store", uri, "--watch",
                                   testutil::SourcePath("examples/carney-2025/watch.yaml")});
  std::filesystem::current_path(cwd);
  for (const auto& run : {ingest, analyze}) {
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ((run.out + run.err).find(secret), std::string::npos) << run.out << run.err;
    EXPECT_NE(run.err.find("host=127.0.0.1 port=1"), std::string::npos) << run.err;
  }
  // Nothing named after the URI (nor anything else) was written beside the input.
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir_)) ++files;
  EXPECT_EQ(files, 1);
}

}  // namespace
}  // namespace vigil
