// Ingest into each store backend: 100,000 generated posts (`vigil generate`) into SQLite and into PostgreSQL,
// end to end from JSON Lines and the store alone, over a sweep of batch sizes. Figures in docs/performance.md
// ("Stores").
//   VIGIL_BENCH_PG='<libpq connection string>' build/bench/store_bench --benchmark_counters_tabular=true
// VIGIL_BENCH_PG (or VIGIL_TEST_PG) names a PostgreSQL database to work in; each run gets a schema of its own,
// dropped afterwards. Without it the PostgreSQL cases report an error and the SQLite ones still run.
// VIGIL_BENCH_POSTS overrides the corpus size (default 100,000).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <pqxx/pqxx>

#include "examplegen/generate.h"
#include "ingest/jsonl_reader.h"
#include "ingest/record_sink.h"
#include "vigil/ingest.h"
#include "vigil/store.h"

namespace vigil {
namespace {

namespace fs = std::filesystem;

constexpr int64_t kDefaultPosts = 100000;
constexpr size_t kDefaultBatch = 5000;  // IngestOptions' default

int64_t CorpusSize() {
  const char* env = std::getenv("VIGIL_BENCH_POSTS");
  return env ? std::atoll(env) : kDefaultPosts;
}

const std::string& CorpusFile() {
  static const std::string file = [] {
    const fs::path dir = fs::temp_directory_path() / ("vigil-bench-corpus-" + std::to_string(CorpusSize()));
    std::error_code ec;
    if (fs::file_size(dir / "posts.jsonl", ec) == 0 || ec) {  // absent, or left empty by a failed run
      examplegen::GenOptions options;
      options.target_posts = CorpusSize();
      if (!examplegen::GenerateToDirectory(options, dir.string(), examplegen::OutputFormat::kJsonl).ok()) std::abort();
    }
    return (dir / "posts.jsonl").string();
  }();
  return file;
}

class KeepingSink final : public RecordSink {
 public:
  void Accept(Post& post) override { posts.push_back(std::move(post)); }
  void Reject(RejectedRecord) override {}
  std::vector<Post> posts;
};

const std::vector<Post>& ParsedCorpus() {
  static const std::vector<Post> posts = [] {
    KeepingSink sink;
    if (!ReadPostsJsonl(CorpusFile(), sink).ok()) std::abort();
    return std::move(sink.posts);
  }();
  return posts;
}

const char* PostgresConninfo() {
  for (const char* name : {"VIGIL_BENCH_PG", "VIGIL_TEST_PG"}) {
    const char* env = std::getenv(name);
    if (env && *env) return env;
  }
  return nullptr;
}

// A new, empty store of the backend: a fresh SQLite file, or a fresh schema in the PostgreSQL database.
class ScratchStore {
 public:
  explicit ScratchStore(bool postgres) : postgres_(postgres) {
    if (!postgres_) {
      uri_ = (fs::temp_directory_path() / "vigil-store-bench.db").string();
      RemoveSqliteFiles();
      return;
    }
    const char* base = PostgresConninfo();
    if (!base) {
      error_ = "set VIGIL_BENCH_PG (or VIGIL_TEST_PG) to a PostgreSQL connection string";
      return;
    }
    try {
      pqxx::connection admin(base);
      pqxx::nontransaction(admin).exec(
          "SET client_min_messages TO warning; DROP SCHEMA IF EXISTS vigil_store_bench CASCADE; "
          "CREATE SCHEMA vigil_store_bench");
    } catch (const std::exception& e) {
      error_ = e.what();
    }
    uri_ = std::string("pg:") + base + " options='-csearch_path=vigil_store_bench'";
  }
  ~ScratchStore() {
    if (!postgres_) {
      RemoveSqliteFiles();
    } else if (error_.empty()) {
      try {
        pqxx::connection admin(PostgresConninfo());
        pqxx::nontransaction(admin).exec("SET client_min_messages TO warning; DROP SCHEMA vigil_store_bench CASCADE");
      } catch (const std::exception&) {
        // The next run drops it before starting.
      }
    }
  }
  const std::string& error() const { return error_; }
  const std::string& uri() const { return uri_; }

 private:
  void RemoveSqliteFiles() const {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(uri_ + suffix);
  }
  bool postgres_;
  std::string uri_;
  std::string error_;
};

void SetRates(benchmark::State& state, int64_t posts) {
  state.SetItemsProcessed(posts);
  state.counters["posts_per_s"] = benchmark::Counter(static_cast<double>(posts), benchmark::Counter::kIsRate);
}

// The store of `scratch`, opened; nullptr (the benchmark marked skipped with the reason) when it cannot be.
std::unique_ptr<PostStore> OpenScratch(const ScratchStore& scratch, benchmark::State& state) {
  if (!scratch.error().empty()) {
    state.SkipWithError(scratch.error().c_str());
    return nullptr;
  }
  auto store = OpenStore(scratch.uri());
  if (!store.ok()) {
    state.SkipWithError(store.status().ToString().c_str());
    return nullptr;
  }
  return std::move(store).value();
}

// Upserts `posts` in slices of `batch`, adding to *counts.
void UpsertInBatches(PostStore& store, const std::vector<Post>& posts, size_t batch, UpsertCounts* counts,
                     benchmark::State& state) {
  for (size_t start = 0; start < posts.size(); start += batch) {
    const std::span<const Post> slice(posts.data() + start, std::min(batch, posts.size() - start));
    if (Status s = store.UpsertPosts(slice, counts); !s.ok()) state.SkipWithError(s.ToString().c_str());
  }
}

bool IsPostgres(const benchmark::State& state) { return state.range(0) == 1; }

// The store of `scratch` holding the whole corpus, or nullptr (the benchmark marked skipped).
std::unique_ptr<PostStore> StoreHoldingCorpus(const ScratchStore& scratch, benchmark::State& state) {
  std::unique_ptr<PostStore> store = OpenScratch(scratch, state);
  if (!store) return nullptr;
  UpsertCounts counts;
  UpsertInBatches(*store, ParsedCorpus(), kDefaultBatch, &counts, state);
  return store;
}

// JSON Lines file -> store, as `vigil ingest` does it. Arguments: backend (0 SQLite, 1 PostgreSQL), batch size.
void BM_IngestFile(benchmark::State& state) {
  const std::string& file = CorpusFile();
  IngestOptions options;
  options.batch_size = static_cast<size_t>(state.range(1));
  int64_t posts = 0;
  for (auto _ : state) {
    state.PauseTiming();
    ScratchStore scratch(IsPostgres(state));
    std::unique_ptr<PostStore> store = OpenScratch(scratch, state);
    if (!store) break;
    state.ResumeTiming();
    auto summary = IngestFiles({file}, *store, options);
    if (!summary.ok()) state.SkipWithError(summary.status().ToString().c_str());
    posts += summary.ok() ? summary->accepted : 0;
  }
  SetRates(state, posts);
}
BENCHMARK(BM_IngestFile)
    ->ArgNames({"postgres", "batch"})
    ->ArgsProduct({{0, 1}, {1000, 5000, 20000, 100000}})
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();

// Parsed posts -> new store in batches: the store's own share of an ingest. Arguments: backend, batch size.
void BM_UpsertParsed(benchmark::State& state) {
  const std::vector<Post>& corpus = ParsedCorpus();
  int64_t posts = 0;
  for (auto _ : state) {
    state.PauseTiming();
    ScratchStore scratch(IsPostgres(state));
    std::unique_ptr<PostStore> store = OpenScratch(scratch, state);
    if (!store) break;
    state.ResumeTiming();
    UpsertCounts counts;
    UpsertInBatches(*store, corpus, static_cast<size_t>(state.range(1)), &counts, state);
    posts += counts.inserted;
  }
  SetRates(state, posts);
}
BENCHMARK(BM_UpsertParsed)
    ->ArgNames({"postgres", "batch"})
    ->ArgsProduct({{0, 1}, {static_cast<int64_t>(kDefaultBatch)}})
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();

// The same posts upserted again over themselves: every row an update (a re-run ingest). Arguments: backend.
void BM_UpsertAgain(benchmark::State& state) {
  const std::vector<Post>& corpus = ParsedCorpus();
  ScratchStore scratch(IsPostgres(state));
  std::unique_ptr<PostStore> store = StoreHoldingCorpus(scratch, state);
  if (!store) return;
  UpsertCounts counts;
  for (auto _ : state) UpsertInBatches(*store, corpus, kDefaultBatch, &counts, state);
  SetRates(state, static_cast<int64_t>(corpus.size()) * state.iterations());
}
BENCHMARK(BM_UpsertAgain)
    ->ArgNames({"postgres"})
    ->DenseRange(0, 1)
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();

// Stored posts -> memory in time order, as `vigil analyze` starts. Arguments: backend.
void BM_LoadPosts(benchmark::State& state) {
  ScratchStore scratch(IsPostgres(state));
  std::unique_ptr<PostStore> store = StoreHoldingCorpus(scratch, state);
  if (!store) return;
  int64_t posts = 0;
  for (auto _ : state) {
    std::vector<Post> loaded;
    if (Status s = store->LoadPosts({}, &loaded); !s.ok()) state.SkipWithError(s.ToString().c_str());
    posts += static_cast<int64_t>(loaded.size());
  }
  SetRates(state, posts);
}
BENCHMARK(BM_LoadPosts)
    ->ArgNames({"postgres"})
    ->DenseRange(0, 1)
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();

}  // namespace
}  // namespace vigil

BENCHMARK_MAIN();
