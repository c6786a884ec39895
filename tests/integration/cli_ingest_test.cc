// `vigil ingest` and `vigil analyze` as a user runs them: malformed input, exit codes, a refused
// configuration, re-ingest without duplicates, and an ingest killed midway then simply run again.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <vector>
#include <thread>

#include "tests/testutil/shared_data.h"
#include "tests/testutil/subprocess.h"
#include "vigil/store.h"

namespace vigil {
namespace {

using testutil::RunProcess;

// `n` well-formed posts in the JSON Lines format, with Chinese text so records have realistic size.
void WritePosts(const std::string& path, int n, int64_t likes) {
  std::ofstream out(path);
  for (int i = 0; i < n; ++i) {
    out << R"({"id":"p)" << i << R"(","platform":"wechat","account_id":"acct)" << i % 97
        << R"(","account_name":"账号","published_at":)" << 1740000000 + i * 60
        << R"(,"title":"加拿大新闻","text":"这是一篇关于本地社区活动的普通文章，内容与选举无关。","metrics":{"likes":)" << likes
        << R"(,"views":"10万+"}})" << "\n";
  }
}

int64_t StoredPosts(const std::string& store_path) {
  auto store = OpenSqliteStore(store_path);
  if (!store.ok()) return -1;
  auto count = (*store)->CountPosts();
  return count.ok() ? *count : -1;
}

TEST(CliIngest, MalformedRecordsAreQuarantinedGoodOnesKeptAndCounted) {
  const std::string dir = testutil::MakeTempDir("cli");
  std::ofstream(dir + "/posts.jsonl")
      << R"({"id":"1","platform":"x","account_id":"a","published_at":"2025-03-10T12:00:00Z"})" "\n"
      << R"({"id":"2","platform":"x","account_id":"a","published_at":"2025-03-10T12:00:00"})" "\n"
      << "{broken\n";
  std::ofstream(dir + "/posts.csv") << "id,platform,account_id,published_at,likes\n3,x,a,1742904000,12\n4,x,a,1742904000,lots\n";
  const auto r = RunProcess({VIGIL_BINARY, "ingest", "--store", dir + "/v.db", dir + "/posts.jsonl", dir + "/posts.csv"});
  EXPECT_EQ(r.exit_code, 4) << r.err;  // finished, with rejected records
  EXPECT_NE(r.err.find("posts.jsonl:2: published_at:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("posts.jsonl:3: not valid JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("posts.csv:3: likes: 'lots' is not a count"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("2 posts read (2 new, 0 already stored and refreshed), 3 rejected"), std::string::npos) << r.out;
  EXPECT_EQ(StoredPosts(dir + "/v.db"), 2);
  const std::string quarantine = testutil::ReadFile(dir + "/v.db.rejected.jsonl");
  EXPECT_EQ(std::count(quarantine.begin(), quarantine.end(), '\n'), 3);
}

TEST(CliIngest, ReingestUpdatesAndCreatesNoDuplicates) {
  const std::string dir = testutil::MakeTempDir("cli");
  WritePosts(dir + "/posts.jsonl", 500, 10);
  ASSERT_EQ(RunProcess({VIGIL_BINARY, "ingest", "--quiet", "--store", dir + "/v.db", dir + "/posts.jsonl"}).exit_code, 0);
  WritePosts(dir + "/posts.jsonl", 500, 20);
  const auto again = RunProcess({VIGIL_BINARY, "ingest", "--store", dir + "/v.db", dir + "/posts.jsonl"});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("500 posts read (0 new, 500 already stored and refreshed)"), std::string::npos) << again.out;
  EXPECT_EQ(StoredPosts(dir + "/v.db"), 500);
}

TEST(CliIngest, KilledIngestLeavesAConsistentStoreAndRerunCompletesIt) {
  const std::string dir = testutil::MakeTempDir("cli");
  constexpr int kPosts = 300000;
  WritePosts(dir + "/posts.jsonl", kPosts, 10);
  const std::string store = dir + "/v.db";
  const pid_t pid = testutil::StartProcess({VIGIL_BINARY, "ingest", "--quiet", "--store", store, dir + "/posts.jsonl"});
  ASSERT_GT(pid, 0);
  // Kill it once some batches are committed but (normally) before it finishes.
  int64_t seen = 0;
  for (int tries = 0; tries < 2000 && seen == 0 && testutil::IsRunning(pid); ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (std::filesystem::exists(store)) seen = std::max<int64_t>(0, StoredPosts(store));
  }
  testutil::KillProcess(pid);
  const int64_t after_kill = StoredPosts(store);
  EXPECT_GE(after_kill, 0);
  EXPECT_EQ(after_kill % 5000 == 0 || after_kill == kPosts, true) << "only whole batches are committed: " << after_kill;

  const auto rerun = RunProcess({VIGIL_BINARY, "ingest", "--store", store, dir + "/posts.jsonl"});
  EXPECT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_EQ(StoredPosts(store), kPosts);
  auto opened = OpenSqliteStore(store);
  ASSERT_TRUE(opened.ok());
  EXPECT_TRUE((*opened)->CheckIntegrity().ok());
}

// CooRnet's share table has one row per (post, shared URL): ingest and convert both give one post per id,
// carrying every URL it shared (the store once kept 672 of the 1,156 URLs; convert wrote 337 ids twice or more).
TEST(CliIngest, CrowdTangleSharesGiveOnePostPerIdWithEveryUrlInIngestAndConvert) {
  VIGIL_REQUIRE_SHARED_DATA("crowdtangle-api-samples/ct_shares.csv");
  const std::string input = testutil::SharedDataPath("crowdtangle-api-samples/ct_shares.csv");
  const std::string dir = testutil::MakeTempDir("cli");
  const auto ingest = RunProcess({VIGIL_BINARY, "ingest", "--quiet", "--store", dir + "/v.db", input});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  EXPECT_EQ(StoredPosts(dir + "/v.db"), 1058);
  auto store = OpenSqliteStore(dir + "/v.db");
  ASSERT_TRUE(store.ok());
  std::vector<Post> posts;
  ASSERT_TRUE((*store)->LoadPosts(PostQuery{}, &posts).ok());
  std::set<std::string> urls;
  for (const auto& p : posts) urls.insert(p.links.begin(), p.links.end());
  EXPECT_EQ(urls.size(), 1156u);

  const auto convert = RunProcess({VIGIL_BINARY, "convert", "--in", input, "--out", dir + "/posts.jsonl"});
  ASSERT_EQ(convert.exit_code, 0) << convert.err;
  std::ifstream in(dir + "/posts.jsonl");
  std::set<std::string> ids;
  size_t lines = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    const size_t start = line.find("\"id\":\"") + 6;
    ids.insert(line.substr(start, line.find('"', start) - start));
  }
  EXPECT_EQ(lines, 1058u);
  EXPECT_EQ(ids.size(), 1058u);
}

TEST(CliAnalyze, BadConfigurationIsRefusedBeforeAnyWork) {
  const std::string dir = testutil::MakeTempDir("cli");
  WritePosts(dir + "/posts.jsonl", 10, 10);
  ASSERT_EQ(RunProcess({VIGIL_BINARY, "ingest", "--quiet", "--store", dir + "/v.db", dir + "/posts.jsonl"}).exit_code, 0);
  std::ofstream(dir + "/watch.yaml") << "targets:\n  - id: carney\n    aliases: [Carney]\n";
  const auto r = RunProcess({VIGIL_BINARY, "analyze", "--store", dir + "/v.db", "--watch", dir + "/watch.yaml", "--out",
                             dir + "/out"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("watch.yaml:2: targets[0].name: missing"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/out"));
}

TEST(Cli, UnknownFlagIsAUsageError) {
  const auto r = RunProcess({VIGIL_BINARY, "ingest", "--no-such-flag"});
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace vigil
