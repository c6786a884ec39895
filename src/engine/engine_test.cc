// vigil::Engine on the built-in example: the whole pipeline through the public contract, cancellation that
// keeps what was committed, and the refusals that protect inputs.
#include "vigil/engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "common/output_file.h"
#include "tests/testutil/shared_data.h"

namespace vigil {
namespace {

const std::string kExample = "examples/carney-2025";
const std::vector<std::string> kExampleFiles = {kExample + "/posts.jsonl", kExample + "/posts-other.csv"};

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ClearProtectedInputs();
    dir_ = testutil::MakeTempDir("engine");
  }
  void TearDown() override { ClearProtectedInputs(); }

  Engine OpenEngine(EngineHooks hooks = {}) {
    auto engine = Engine::Open(dir_ + "/vigil.db", std::move(hooks));
    EXPECT_TRUE(engine.ok()) << engine.status().ToString();
    return std::move(engine).value();
  }

  std::string dir_;
};

TEST_F(EngineTest, RunsTheExampleEndToEndAndWritesEveryOutput) {
  Engine engine = OpenEngine();
  IngestOptions ingest_options;
  ingest_options.quarantine_path = dir_ + "/rejected.jsonl";
  auto ingested = engine.Ingest(kExampleFiles, ingest_options);
  ASSERT_TRUE(ingested.ok()) << ingested.status().ToString();
  EXPECT_EQ(ingested->rejected, 0);
  EXPECT_GT(ingested->accepted, 6000);
  EXPECT_EQ(*engine.store().CountPosts(), ingested->inserted);

  auto config = LoadWatchConfig(kExample + "/watch.yaml");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  AnalyzeOptions options;
  options.now = 1746057600;  // 2025-05-01
  auto report = engine.Analyze(*config, options, &*ingested);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->ingest.posts_stored, ingested->accepted);
  ASSERT_FALSE(report->incidents.empty());
  EXPECT_EQ(report->incidents.front().actor.account_id, "youli-youmian");
  EXPECT_EQ(report->incidents.front().target_id, "carney");
  EXPECT_EQ(report->incidents.front().level, SeverityLevel::kCritical);

  auto written = engine.WriteOutputs(*report, dir_ + "/out");
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  EXPECT_TRUE(written->exports.failures.empty());
  for (const char* name : {"report.json", "report.md", "stix-bundle.json", "briefing.html"}) {
    EXPECT_TRUE(std::filesystem::is_regular_file(dir_ + "/out/" + name)) << name;
  }
  EXPECT_NE(std::find(written->exports.written.begin(), written->exports.written.end(),
                      dir_ + "/out/stix-bundle.json"),
            written->exports.written.end());
}

// Stopped after two committed batches, a second run completes the ingest: nothing lost, nothing twice.
TEST_F(EngineTest, AnIngestStoppedMidwayKeepsItsBatchesAndARerunCompletesIt) {
  CancelFlag cancel;
  Engine engine = OpenEngine({.on_progress = {}, .cancel = &cancel});
  IngestOptions options;
  options.batch_size = 500;
  int64_t batches = 0;
  options.stop_requested = [&] {
    if (++batches > 2) cancel.Cancel();
    return cancel.cancelled();
  };
  auto stopped = engine.Ingest(kExampleFiles, options);
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(stopped.status().code(), StatusCode::kCancelled);
  const int64_t kept = *engine.store().CountPosts();
  EXPECT_GE(kept, 1000);  // the committed batches (the check before the first file counts as one ask)
  EXPECT_LT(kept, 6000);

  auto rerun = engine.Ingest(kExampleFiles, {});
  EXPECT_FALSE(rerun.ok()) << "the engine's own flag is still set";
  Engine resumed = OpenEngine();
  auto completed = resumed.Ingest(kExampleFiles, {});
  ASSERT_TRUE(completed.ok()) << completed.status().ToString();
  EXPECT_EQ(completed->updated, kept);

  // The same files ingested once, uninterrupted, into a store of their own.
  auto clean = Engine::Open(testutil::MakeTempDir("engine-clean") + "/vigil.db");
  ASSERT_TRUE(clean.ok());
  ASSERT_TRUE(clean->Ingest(kExampleFiles, {}).ok());
  EXPECT_EQ(*resumed.store().CountPosts(), *clean->store().CountPosts());
}

TEST_F(EngineTest, ACancelledAnalysisStopsBeforeLoadingAndWritesNothing) {
  CancelFlag cancel;
  Engine engine = OpenEngine({.on_progress = {}, .cancel = &cancel});
  ASSERT_TRUE(engine.Ingest({kExample + "/posts-other.csv"}, {}).ok());
  cancel.Cancel();
  auto config = LoadWatchConfig(kExample + "/watch.yaml");
  ASSERT_TRUE(config.ok());
  auto report = engine.Analyze(*config, {});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kCancelled);
}

TEST_F(EngineTest, RefusesAQuarantineThatNamesAnInputBeforeAnyWork) {
  Engine engine = OpenEngine();
  IngestOptions options;
  options.quarantine_path = kExample + "/posts-other.csv";
  auto result = engine.Ingest(kExampleFiles, options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kRefused);
  EXPECT_EQ(*engine.store().CountPosts(), 0);
}

TEST_F(EngineTest, RefusesAStoreThatIsAnInputAndAReportOverTheStore) {
  ASSERT_TRUE(ProtectInput(kExample + "/posts.jsonl").ok());
  auto over_input = Engine::Open(kExample + "/posts.jsonl");
  ASSERT_FALSE(over_input.ok());
  EXPECT_EQ(over_input.status().code(), StatusCode::kRefused);

  // The opened store is itself protected: an output folder whose report.json is the store file is refused.
  auto engine = Engine::Open(dir_ + "/report.json");
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  AnalysisReport empty;
  auto written = engine->WriteOutputs(empty, dir_);
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.status().code(), StatusCode::kRefused);
}

}  // namespace
}  // namespace vigil
