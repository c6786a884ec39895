// The command line is a front door over vigil::Engine: `vigil demo` and the engine called in-process give
// byte-identical reports for the example case.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/testutil/shared_data.h"
#include "tests/testutil/subprocess.h"
#include "vigil/engine.h"

namespace vigil {
namespace {

TEST(EngineCliParity, DemoAndEngineWriteTheSameReportsForTheExample) {
  const std::string cli_out = testutil::MakeTempDir("parity-cli");
  const auto demo = testutil::RunProcess(
      {VIGIL_BINARY, "demo", "--out", cli_out, "--now", "2025-05-01T00:00:00Z"});
  ASSERT_EQ(demo.exit_code, 0) << demo.err;

  const std::string dir = testutil::MakeTempDir("parity-engine");
  auto engine = Engine::Open(dir + "/vigil.db");
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  IngestOptions ingest_options;
  ingest_options.quarantine_path = dir + "/rejected.jsonl";
  // The demo reads the example by its absolute path, and evidence cites the file it came from.
  const std::string example = std::filesystem::absolute("examples/carney-2025").string();
  auto ingested = engine->Ingest({example + "/posts-other.csv", example + "/posts.jsonl"}, ingest_options);
  ASSERT_TRUE(ingested.ok()) << ingested.status().ToString();
  auto config = LoadWatchConfig(example + "/watch.yaml");
  ASSERT_TRUE(config.ok());
  AnalyzeOptions options;
  options.case_name = "carney-2025";
  options.now = 1746057600;  // 2025-05-01T00:00:00Z
  auto report = engine->Analyze(*config, options, &*ingested);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  auto written = engine->WriteOutputs(*report, dir + "/out");
  ASSERT_TRUE(written.ok()) << written.status().ToString();

  for (const char* name : {"report.json", "report.md", "stix-bundle.json", "briefing.html"}) {
    EXPECT_EQ(testutil::ReadFile(dir + "/out/" + name), testutil::ReadFile(cli_out + "/" + name)) << name;
  }
}

}  // namespace
}  // namespace vigil
