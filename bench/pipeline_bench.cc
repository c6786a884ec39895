// The main job at scale: ingest a generated corpus of a million posts (JSON Lines -> SQLite) and analyse it
// (text, signals, incidents). Figures are recorded in docs/performance.md ("Pipeline").
//   build/bench/pipeline_bench --benchmark_counters_tabular=true
// VIGIL_BENCH_POSTS overrides the corpus size (default 1,000,000).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "examplegen/generate.h"
#include "ingest/jsonl_reader.h"
#include "ingest/record_sink.h"
#include "text/mentions.h"
#include "text/normalize.h"
#include "vigil/analyze.h"
#include "vigil/ingest.h"

namespace vigil {
namespace {

namespace fs = std::filesystem;

int64_t CorpusSize() {
  const char* env = std::getenv("VIGIL_BENCH_POSTS");
  return env ? std::atoll(env) : 1000000;
}

const std::string& CorpusDir() {
  static const std::string dir = [] {
    const fs::path path = fs::temp_directory_path() / ("vigil-bench-corpus-" + std::to_string(CorpusSize()));
    if (!fs::exists(path / "posts.jsonl")) {
      examplegen::GenOptions options;
      options.target_posts = CorpusSize();
      auto stats = examplegen::GenerateToDirectory(options, path.string(), examplegen::OutputFormat::kJsonl);
      if (!stats.ok()) std::abort();
    }
    return path.string();
  }();
  return dir;
}

const WatchConfig& Config() {
  static const WatchConfig config = *LoadWatchConfig(std::string(VIGIL_SOURCE_DIR) + "/examples/carney-2025/watch.yaml");
  return config;
}

double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Reading and mention matching alone: JSON Lines parse, normalisation, every alias of every target.
// `reference` normalises by the plain reference path instead, for a before/after in one run.
class MatchingSink final : public RecordSink {
 public:
  MatchingSink(const text::Normalizer& normalizer, const text::MentionMatcher& matcher, bool reference)
      : normalizer_(normalizer), matcher_(matcher), reference_(reference) {}
  void Accept(Post& post) override {
    raw_.assign(post.title);
    raw_ += '\n';
    raw_ += post.text;
    if (reference_) {
      (void)normalizer_.NormalizeReference(raw_, &normalized_);
    } else {
      (void)normalizer_.Normalize(raw_, &normalized_);
    }
    hits_.clear();
    matcher_.Find(normalized_, &hits_);
    mentions += static_cast<int64_t>(hits_.size());
    ++posts;
  }
  void Reject(RejectedRecord) override { ++rejected; }
  int64_t posts = 0, mentions = 0, rejected = 0;

 private:
  const text::Normalizer& normalizer_;
  const text::MentionMatcher& matcher_;
  const bool reference_;
  std::string raw_, normalized_;
  std::vector<text::MentionHit> hits_;
};

void RunReadAndMatch(benchmark::State& state, bool reference) {
  const std::string file = CorpusDir() + "/posts.jsonl";
  auto normalizer = text::Normalizer::Create();
  auto matcher = text::MentionMatcher::Build(Config(), **normalizer);
  int64_t posts = 0;
  for (auto _ : state) {
    MatchingSink sink(**normalizer, *matcher, reference);
    if (!ReadPostsJsonl(file, sink).ok()) state.SkipWithError("read failed");
    posts += sink.posts;
    benchmark::DoNotOptimize(sink.mentions);
  }
  state.SetItemsProcessed(posts);
  state.counters["posts_per_s"] = benchmark::Counter(static_cast<double>(posts), benchmark::Counter::kIsRate);
}
void BM_ReadAndMatchMentions(benchmark::State& state) { RunReadAndMatch(state, false); }
void BM_ReadAndMatchMentionsReference(benchmark::State& state) { RunReadAndMatch(state, true); }
BENCHMARK(BM_ReadAndMatchMentions)->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK(BM_ReadAndMatchMentionsReference)->Unit(benchmark::kSecond)->Iterations(1);

void BM_IngestIntoSqlite(benchmark::State& state) {
  const std::string file = CorpusDir() + "/posts.jsonl";
  int64_t posts = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const std::string db = CorpusDir() + "/bench.db";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
    auto store = OpenSqliteStore(db);
    state.ResumeTiming();
    auto summary = IngestFiles({file}, **store, {});
    if (!summary.ok()) state.SkipWithError("ingest failed");
    posts += summary->accepted;
  }
  state.SetItemsProcessed(posts);
  state.counters["posts_per_s"] = benchmark::Counter(static_cast<double>(posts), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_IngestIntoSqlite)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

void BM_AnalyzeStoredPosts(benchmark::State& state) {
  const std::string db = CorpusDir() + "/bench.db";
  auto store = OpenSqliteStore(db);
  int64_t posts = 0, incidents = 0;
  for (auto _ : state) {
    std::vector<Post> loaded;
    if (!(*store)->LoadPosts({}, &loaded).ok()) state.SkipWithError("load failed");
    posts += static_cast<int64_t>(loaded.size());
    AnalyzeOptions options;
    auto report = AnalyzePosts(std::move(loaded), Config(), options);
    if (!report.ok()) state.SkipWithError("analysis failed");
    incidents = static_cast<int64_t>(report->incidents.size());
  }
  state.SetItemsProcessed(posts);
  state.counters["posts_per_s"] = benchmark::Counter(static_cast<double>(posts), benchmark::Counter::kIsRate);
  state.counters["incidents"] = static_cast<double>(incidents);
  state.counters["peak_rss_MiB"] = PeakRssMiB();
}
BENCHMARK(BM_AnalyzeStoredPosts)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

}  // namespace
}  // namespace vigil

BENCHMARK_MAIN();
