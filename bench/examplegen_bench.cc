// Generation speed of the example case at benchmark sizes: posts generated and serialised per second.
#include <benchmark/benchmark.h>

#include <string>

#include "examplegen/generate.h"

namespace vigil::examplegen {
namespace {

// Discards bytes but counts them, so the benchmark measures generation and serialisation, not the disk.
class NullSink : public ByteSink {
 public:
  Status Append(std::string_view bytes) override {
    bytes_ += bytes.size();
    return Status::Ok();
  }
  Status Close() override { return Status::Ok(); }
  size_t bytes() const { return bytes_; }

 private:
  size_t bytes_ = 0;
};

void BM_GenerateJsonl(benchmark::State& state) {
  GenOptions options;
  options.target_posts = state.range(0);
  size_t bytes = 0;
  for (auto _ : state) {
    NullSink sink;
    JsonlWriter writer(sink);
    auto stats = GenerateCase(options, writer);
    if (!stats.ok()) state.SkipWithError(stats.status().message().c_str());
    bytes = sink.bytes();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_GenerateJsonl)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_GenerateCsv(benchmark::State& state) {
  GenOptions options;
  options.target_posts = state.range(0);
  for (auto _ : state) {
    NullSink sink;
    CsvWriter writer(sink);
    auto stats = GenerateCase(options, writer);
    if (!stats.ok()) state.SkipWithError(stats.status().message().c_str());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_GenerateCsv)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_GenerateOnly(benchmark::State& state) {
  GenOptions options;
  options.target_posts = state.range(0);
  for (auto _ : state) {
    CountingWriter writer;
    auto stats = GenerateCase(options, writer);
    if (!stats.ok()) state.SkipWithError(stats.status().message().c_str());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_GenerateOnly)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace vigil::examplegen
