// Throughput of the input adapters on the shared real files, and of the exporters on the reference case.
// Run: build/bench/adapters_bench (VIGIL_SHARED_DATA points at the shared data folder).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "ingest/adapters/adapters.h"
#include "ingest/adapters/wechat_html.h"
#include "tests/testutil/report_fixture.h"
#include "vigil/export.h"

namespace {

class CountingSink : public vigil::RecordSink {
 public:
  void Accept(vigil::Post& post) override {
    ++posts;
    bytes += static_cast<int64_t>(post.text.size());
  }
  void Reject(vigil::RejectedRecord) override { ++rejects; }
  int64_t posts = 0, rejects = 0, bytes = 0;
};

std::string SharedFile(const char* relative) {
  const char* env = std::getenv("VIGIL_SHARED_DATA");
  const std::string root = env && *env ? env : "../shared/data";
  return root + "/" + relative;
}

void ReadFile(benchmark::State& state, const char* relative, const char* format) {
  const std::string path = SharedFile(relative);
  if (!std::filesystem::exists(path)) {
    state.SkipWithError(("missing " + path).c_str());
    return;
  }
  const auto size = static_cast<int64_t>(std::filesystem::is_directory(path) ? 0 : std::filesystem::file_size(path));
  int64_t posts = 0;
  for (auto _ : state) {
    CountingSink sink;
    vigil::Status status = vigil::adapters::ReadWithAdapter(format, path, sink);
    if (!status.ok()) state.SkipWithError(status.message().c_str());
    posts = sink.posts;
    benchmark::DoNotOptimize(sink.bytes);
  }
  state.SetBytesProcessed(state.iterations() * size);
  state.SetItemsProcessed(state.iterations() * posts);
  state.counters["posts"] = static_cast<double>(posts);
}

void BM_IraCsv(benchmark::State& state) {
  ReadFile(state, "ira-russian-troll-tweets-2016-election-window/ira_tweets_2016-11-01_2016-11-15.csv", "ira");
}
void BM_CoorTweetMultiObject(benchmark::State& state) { ReadFile(state, "coortweet-sample/german_elections.csv", "coortweet"); }
void BM_TelegramJson(benchmark::State& state) {
  ReadFile(state, "telegram-desktop-export-zh-channel/result.json", "telegram");
}
void BM_WechatPages(benchmark::State& state) { ReadFile(state, "wechat-article-pages/wechatsogou", "wechat"); }
void BM_CrowdTangleShares(benchmark::State& state) { ReadFile(state, "crowdtangle-api-samples/ct_shares.csv", "crowdtangle"); }

// A page with `depth` nested <div> in its body: refused in one linear pass above the nesting limit, parsed below.
std::string NestedDivPage(size_t depth, size_t repeats) {
  std::string html = "<html><body><em id=\"publish_time\">2025-03-10</em><a id=\"js_name\">a</a><div id=\"js_content\">";
  for (size_t r = 0; r < repeats; ++r) {
    for (size_t i = 0; i < depth; ++i) html += "<div>";
    html += "x";
    for (size_t i = 0; i < depth; ++i) html += "</div>";
  }
  return html + "</div></body></html>";
}

void WechatPage(benchmark::State& state, const std::string& html) {
  bool parsed = false;
  for (auto _ : state) {
    auto article = vigil::adapters::ParseWechatArticlePage(html, "bench.html");
    parsed = article.ok();
    benchmark::DoNotOptimize(article);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(html.size()));
  state.counters["bytes"] = static_cast<double>(html.size());
  state.counters["parsed"] = parsed ? 1 : 0;
}

// One nesting of range(0) levels.
void BM_WechatNestedDivs(benchmark::State& state) { WechatPage(state, NestedDivPage(static_cast<size_t>(state.range(0)), 1)); }
// The costliest page the limits let through: nestings just under the depth limit, repeated to range(0) bytes.
void BM_WechatDeepestAcceptedPage(benchmark::State& state) {
  constexpr size_t kDepth = vigil::adapters::kMaxWechatNestingDepth - 8, kBytesPerNesting = kDepth * 11 + 1;
  WechatPage(state, NestedDivPage(kDepth, static_cast<size_t>(state.range(0)) / kBytesPerNesting));
}

void BM_StixBundle(benchmark::State& state) {
  const vigil::AnalysisReport report = vigil::testutil::MakeReferenceCaseReport();
  for (auto _ : state) benchmark::DoNotOptimize(vigil::BuildStixBundle(report).value().size());
}
void BM_HtmlBriefing(benchmark::State& state) {
  const vigil::AnalysisReport report = vigil::testutil::MakeReferenceCaseReport();
  for (auto _ : state) benchmark::DoNotOptimize(vigil::BuildHtmlBriefing(report).size());
}

}  // namespace

BENCHMARK(BM_IraCsv)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CoorTweetMultiObject)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TelegramJson)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WechatPages)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WechatNestedDivs)->Arg(100)->Arg(500)->Arg(10000)->Arg(200000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WechatDeepestAcceptedPage)->Arg(1 << 20)->Arg(4 << 20)->Arg(16 << 20)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CrowdTangleShares)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StixBundle)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HtmlBriefing)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
