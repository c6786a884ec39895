// Network operations on the shared IRA tweets (52,282 posts): the co-action graph, the groups, their
// description, signals and severity, after the text stage (docs/network-operations.md#speed).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "ingest/adapters/adapters.h"
#include "ingest/adapters/collecting_sink.h"
#include "network/operations.h"
#include "vigil/analyze.h"

namespace vigil {
namespace {

std::string IraFile() {
  const char* env = std::getenv("VIGIL_SHARED_DATA");
  return (env && *env ? std::string(env) : std::string(VIGIL_BENCH_SHARED_DATA)) +
         "/ira-russian-troll-tweets-2016-election-window/ira_tweets_2016-11-01_2016-11-15.csv";
}

WatchConfig Candidates() {
  WatchConfig config;
  config.targets = {{"clinton", "Hillary Clinton", "Democratic", {"Hillary Clinton", "Hillary", "Clinton"}},
                    {"trump", "Donald Trump", "Republican", {"Donald Trump", "Trump"}}};
  config.events = {{{2016, 11, 8}, "US election day", ""}};
  return config;
}

void BM_FindOperationsIra(benchmark::State& state) {
  adapters::CollectingSink sink;
  if (!adapters::ReadIraTweetsCsv(IraFile(), sink).ok()) return state.SkipWithError("IRA file not readable");
  AnalyzeOptions options;
  options.text_models = false;
  auto report = AnalyzePosts(std::move(sink.posts), Candidates(), options);
  if (!report.ok()) return state.SkipWithError("analysis failed");
  for (auto _ : state) {
    if (!FindOperations(&*report).ok()) state.SkipWithError("operations failed");
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(report->posts.size()));
  state.counters["operations"] = static_cast<double>(report->operations.size());
}
BENCHMARK(BM_FindOperationsIra)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace vigil

BENCHMARK_MAIN();
