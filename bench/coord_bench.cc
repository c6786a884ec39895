// Coordination benchmarks on the shared real data: the CooRTweet pipeline (4-column file to network) on the
// sample and its x10 replica, and near-duplicate detection on the IRA tweets and their 10x replica; and one
// object shared by 20,000 or 100,000 accounts within a minute (a dense object).
// Whole-process figures against the peers come from scripts/bench-coord.sh (docs/performance.md).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "bench/ira_texts.h"
#include "vigil/coordination.h"

namespace {

std::string SharedData(const std::string& rel) {
  const char* env = std::getenv("VIGIL_SHARED_DATA");
  return (env && *env ? std::string(env) : std::string(VIGIL_BENCH_SHARED_DATA)) + "/" + rel;
}

double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

// The recipe's disjoint xN replica of a 4-column file, written once to the temp folder.
std::string ReplicaFile(const std::string& input, int n) {
  const std::string out = (std::filesystem::temp_directory_path() /
                           (std::filesystem::path(input).stem().string() + "_x" + std::to_string(n) + ".csv")).string();
  if (std::filesystem::exists(out)) return out;
  std::ifstream in(input);
  std::ofstream o(out);
  std::string header, line;
  std::getline(in, header);
  std::vector<std::string> rows;
  while (std::getline(in, line)) rows.push_back(line);
  o << header << "\n";
  for (int r = 0; r < n; ++r) {
    for (const auto& row : rows) {
      if (r == 0) {
        o << row << "\n";
        continue;
      }
      size_t c1 = row.find(','), c2 = row.find(',', c1 + 1), c3 = row.find(',', c2 + 1);
      const std::string sfx = "_r" + std::to_string(r);
      o << row.substr(0, c1) << sfx << row.substr(c1, c2 - c1) << sfx << row.substr(c2, c3 - c2) << sfx << row.substr(c3) << "\n";
    }
  }
  return out;
}

void CoordPipeline(benchmark::State& state, const std::string& rel, int replicas) {
  std::string path = SharedData(rel);
  if (!std::filesystem::exists(path)) {
    state.SkipWithError("shared data not present");
    return;
  }
  if (replicas > 1) path = ReplicaFile(path, replicas);
  int64_t rows = 0, pairs = 0, edges = 0;
  for (auto _ : state) {
    std::vector<vigil::ShareRowError> errors;
    auto data = vigil::DetectGroupsInCsv(path, vigil::DetectOptions{}, &errors, &rows);
    auto net = vigil::GenerateCoordinatedNetwork(*data, vigil::NetworkOptions{});
    pairs = static_cast<int64_t>(data->pairs.size());
    edges = static_cast<int64_t>(net->edges.size());
    benchmark::DoNotOptimize(net);
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["pairs"] = static_cast<double>(pairs);
  state.counters["edges"] = static_cast<double>(edges);
  state.counters["rows_per_s"] = benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["peak_rss_mb"] = PeakRssMb();
}

void NearDupIra(benchmark::State& state) {
  const std::string path = SharedData("ira-russian-troll-tweets-2016-election-window/ira_tweets_2016-11-01_2016-11-15.csv");
  static const std::vector<vigil::bench::IraTweet> tweets = vigil::bench::LoadIraTweets(path);
  if (tweets.empty()) {
    state.SkipWithError("shared data not present");
    return;
  }
  std::vector<std::string> base;
  for (const auto& t : tweets) base.push_back(t.text);
  const std::vector<std::string> texts = vigil::bench::ReplicateTexts(base, static_cast<int>(state.range(0)));
  vigil::NearDupResult r;
  for (auto _ : state) {
    r = vigil::FindNearDuplicates(texts, vigil::NearDupOptions{});
    benchmark::DoNotOptimize(r);
  }
  state.counters["texts"] = static_cast<double>(texts.size());
  state.counters["texts_per_s"] = benchmark::Counter(static_cast<double>(texts.size()), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["clusters"] = static_cast<double>(r.clusters);
  state.counters["near_pairs"] = static_cast<double>(r.pairs.size());
  state.counters["identical"] = static_cast<double>(r.identical_texts);
  state.counters["candidates"] = static_cast<double>(r.candidates_checked);
  state.counters["peak_rss_mb"] = PeakRssMb();
}

// One object shared by N accounts within a minute (one share each, evenly spread), detection and network. With
// the default limit the object is a dense object: counted, never paired. `limit` raises the limit to show what
// pairing such an object costs (only at sizes that fit in memory).
void DenseObject(benchmark::State& state, int64_t limit) {
  constexpr int64_t kStart = 1700000000, kSpanSeconds = 60;
  const int64_t accounts = state.range(0);
  std::vector<vigil::ShareTuple> tuples;
  tuples.reserve(static_cast<size_t>(accounts));
  for (int64_t i = 0; i < accounts; ++i)
    tuples.push_back({"https://swarm.example/a", "acc" + std::to_string(i), "post" + std::to_string(i),
                      kStart + i * kSpanSeconds / accounts, -1});
  vigil::DetectOptions options;
  options.min_participation = 1;
  options.dense_object_pairs = limit;
  int64_t pairs = 0, dense = 0, window_pairs = 0;
  for (auto _ : state) {
    auto data = vigil::DetectGroups(tuples, options);
    auto net = vigil::GenerateCoordinatedNetwork(*data, vigil::NetworkOptions{});
    pairs = static_cast<int64_t>(data->pairs.size());
    dense = static_cast<int64_t>(data->dense_objects.size());
    window_pairs = dense ? data->dense_objects[0].window_pairs : pairs;
    benchmark::DoNotOptimize(net);
  }
  state.counters["accounts"] = static_cast<double>(accounts);
  state.counters["pairs_formed"] = static_cast<double>(pairs);
  state.counters["window_pairs"] = static_cast<double>(window_pairs);
  state.counters["dense_objects"] = static_cast<double>(dense);
  state.counters["peak_rss_mb"] = PeakRssMb();
}

}  // namespace

BENCHMARK_CAPTURE(DenseObject, default_limit, vigil::kDefaultDenseObjectPairs)
    ->Arg(20000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(DenseObject, paired, int64_t{1} << 40)->Arg(2000)->Arg(5000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(CoordPipeline, russian_x1, std::string("coortweet-sample/russian_coord_tweets.csv"), 1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(CoordPipeline, german_urls_x1, std::string("coortweet-sample/german_elections_urls.csv"), 1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(CoordPipeline, russian_x10, std::string("coortweet-sample/russian_coord_tweets.csv"), 10)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(CoordPipeline, german_urls_x10, std::string("coortweet-sample/german_elections_urls.csv"), 10)->Unit(benchmark::kMillisecond);
BENCHMARK(NearDupIra)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
