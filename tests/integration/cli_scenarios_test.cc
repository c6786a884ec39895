// The scenario suite end to end through the real `vigil` binary: `vigil eval --scenarios --size small` runs
// every kind on both splits and writes its section of the quality page and its JSON; `vigil generate
// --scenario` writes a scenario an analyst can ingest and analyse by hand, with a key that validates against
// its schema. The engine's scores are measured, not asserted — except that the reference (Carney-like)
// operation must be found.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/testutil/shared_data.h"
#include "tests/testutil/subprocess.h"

namespace vigil {
namespace {

using nlohmann::json;

constexpr int kKinds = 18;
constexpr int kSmallSeedsPerSplit = 2;

// The whole small suite, run once (each TEST is its own process under CTest): structure, splits, the
// reference operation, the quality page.
TEST(ScenarioSuite, SmallSuiteEndToEnd) {
  const std::string dir = testutil::MakeTempDir("scenario_suite");
  // An existing page: the suite must add its section and keep what is there.
  const std::string page_path = dir + "/quality.md";
  std::ofstream(page_path) << "# Text quality\n\nfigures that must stay\n";
  const auto run = testutil::RunProcess(
      {VIGIL_BINARY, "eval", "--scenarios", "--size", "small", "--output", page_path, "--json", dir + "/eval.json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json eval = json::parse(testutil::ReadFile(dir + "/eval.json"), nullptr, false);
  ASSERT_FALSE(eval.is_discarded());

  // Every kind on both splits; tuning and held-out seeds never meet; totals add up.
  EXPECT_EQ(eval["schema"], "vigil.scenario-eval/1");
  ASSERT_EQ(eval["splits"].size(), 2u);
  EXPECT_EQ(eval["splits"][0]["split"], "tuning");
  EXPECT_EQ(eval["splits"][1]["split"], "heldout");
  for (const json& split : eval["splits"]) {
    EXPECT_EQ(split["scenarios"].size(), static_cast<size_t>(kKinds * kSmallSeedsPerSplit));
    EXPECT_EQ(split["kinds"].size(), static_cast<size_t>(kKinds));
    int64_t posts = 0, expected = 0;
    for (const json& s : split["scenarios"]) {
      EXPECT_GT(s["posts"].get<int64_t>(), 1000);
      posts += s["posts"].get<int64_t>();
      expected += static_cast<int64_t>(s["true_incidents"].size());
      EXPECT_EQ(s["split"], split["split"]);
      EXPECT_EQ(s["seed"].get<uint64_t>() > 1000, split["split"] == "heldout") << s["seed"];
    }
    EXPECT_EQ(split["total"]["posts"].get<int64_t>(), posts);
    EXPECT_EQ(split["total"]["incidents"]["expected"].get<int64_t>(), expected);
    const double precision = split["total"]["precision"].get<double>();
    EXPECT_GE(precision, 0.0);
    EXPECT_LE(precision, 1.0);
  }

  // The reference (Carney-like) operation is found in every reference scenario.
  int checked = 0;
  for (const json& split : eval["splits"]) {
    for (const json& s : split["scenarios"]) {
      if (s["kind"] != "reference") continue;
      ASSERT_FALSE(s["true_incidents"].empty());
      const json& operation = s["true_incidents"].back();  // earlier campaigns come first in the key
      EXPECT_TRUE(operation["found"].get<bool>()) << s.dump();
      ++checked;
    }
  }
  EXPECT_EQ(checked, 2 * kSmallSeedsPerSplit);

  // The reply-spam network is reported as one network operation holding most of its bots and naming most of
  // its targets; the fans of the look-alike kinds are not reported as an operation.
  int networks = 0;
  for (const json& split : eval["splits"]) {
    for (const json& s : split["scenarios"]) {
      if (s["kind"] == "reply-spam") {
        ASSERT_EQ(s["true_operations"].size(), 1u);
        const json& op = s["true_operations"][0];
        EXPECT_TRUE(op["found"].get<bool>()) << s.dump();
        EXPECT_GE(2 * op["accounts"]["found"].get<int64_t>(), op["accounts"]["expected"].get<int64_t>()) << s.dump();
        EXPECT_GE(2 * op["targets"]["found"].get<int64_t>(), op["targets"]["expected"].get<int64_t>()) << s.dump();
        ++networks;
      }
      if (s["kind"] == "fan-replies" || s["kind"] == "fan-link-sharing") {
        for (const json& f : s["false_operations"])
          EXPECT_TRUE(f["pattern"] != "fan-replies" && f["pattern"] != "fan-link-sharing") << s.dump();
      }
    }
    EXPECT_EQ(split["total"]["operations"]["key"]["expected"].get<int64_t>(), kSmallSeedsPerSplit);
  }
  EXPECT_EQ(networks, 2 * kSmallSeedsPerSplit);

  // The quality page: its section added, the rest kept; the same section on stdout.
  const std::string page = testutil::ReadFile(page_path);
  EXPECT_EQ(page.rfind("# Text quality\n\nfigures that must stay\n", 0), 0u) << page.substr(0, 200);
  EXPECT_NE(page.find("<!-- scenario-suite:begin"), std::string::npos);
  EXPECT_NE(page.find("<!-- scenario-suite:end -->"), std::string::npos);
  EXPECT_NE(page.find("| tuning | 36 |"), std::string::npos);
  EXPECT_NE(page.find("| held-out | 36 |"), std::string::npos);
  EXPECT_NE(page.find("### Per kind, held-out seeds"), std::string::npos);
  EXPECT_NE(page.find("### False incidents, held-out seeds"), std::string::npos);
  EXPECT_NE(run.out.find("## Incidents on the scenario suite"), std::string::npos);
  EXPECT_NE(page.find("## Network operations on the scenario suite"), std::string::npos);
  EXPECT_NE(run.err.find("scenario 72/72"), std::string::npos) << run.err;
}

TEST(ScenarioSuite, OneSplitRunsOnlyItsSeedsAndKindsCanBeChosen) {
  const std::string dir = testutil::MakeTempDir("scenario_split");
  const auto r = testutil::RunProcess({VIGIL_BINARY, "eval", "--scenarios", "--split", "heldout", "--kind", "reference",
                                       "--kind", "organic-viral", "--output", "-", "--json", dir + "/eval.json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json eval = json::parse(testutil::ReadFile(dir + "/eval.json"));
  ASSERT_EQ(eval["splits"].size(), 1u);
  EXPECT_EQ(eval["splits"][0]["scenarios"].size(), static_cast<size_t>(2 * kSmallSeedsPerSplit));
  for (const json& s : eval["splits"][0]["scenarios"]) EXPECT_GT(s["seed"].get<uint64_t>(), 1000u);
  EXPECT_EQ(r.err.find("(tuning)"), std::string::npos);
  EXPECT_EQ(testutil::RunProcess({VIGIL_BINARY, "eval", "--scenarios", "--kind", "nope", "--output", "-"}).exit_code,
            2);
}

TEST(GenerateScenario, WritesAScenarioAnAnalystCanRunByHand) {
  const std::string dir = testutil::MakeTempDir("generate_scenario");
  const std::string out = dir + "/copy";
  auto gen =
      testutil::RunProcess({VIGIL_BINARY, "generate", "--scenario", "amplify-copy", "--seed", "3", "--out", out});
  ASSERT_EQ(gen.exit_code, 0) << gen.err;
  for (const char* f : {"posts.jsonl", "watch.yaml", "answer-key.json"}) {
    EXPECT_TRUE(std::filesystem::exists(out + "/" + f)) << f;
  }
  // Byte-identical when generated again.
  auto again = testutil::RunProcess(
      {VIGIL_BINARY, "generate", "--scenario", "amplify-copy", "--seed", "3", "--out", dir + "/again"});
  ASSERT_EQ(again.exit_code, 0);
  for (const char* f : {"posts.jsonl", "watch.yaml", "answer-key.json"}) {
    EXPECT_EQ(testutil::ReadFile(out + "/" + f), testutil::ReadFile(dir + "/again/" + f)) << f;
  }
  auto ingest = testutil::RunProcess({VIGIL_BINARY, "ingest", "--store", dir + "/v.db", out + "/posts.jsonl"});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  EXPECT_NE(ingest.out.find("0 rejected"), std::string::npos) << ingest.out;
  auto analyze = testutil::RunProcess({VIGIL_BINARY, "analyze", "--watch", out + "/watch.yaml", "--store",
                                       dir + "/v.db", "--out", dir + "/report", "--now", "2030-01-01T00:00:00Z"});
  ASSERT_EQ(analyze.exit_code, 0) << analyze.err;
  const json key = json::parse(testutil::ReadFile(out + "/answer-key.json"));
  const json report = json::parse(testutil::ReadFile(dir + "/report/report.json"));
  EXPECT_EQ(key["kind"], "amplify-copy");
  EXPECT_EQ(key["split"], "tuning");
  EXPECT_EQ(report["posts_analysed"].get<int64_t>(), key["corpus"]["posts"].get<int64_t>());
}

TEST(GenerateScenario, KeysValidateAgainstTheirSchema) {
  const std::string dir = testutil::MakeTempDir("scenario_schema");
  for (const char* kind : {"reference", "combined", "organic-viral", "reply-spam", "fan-replies", "fan-link-sharing"}) {
    const std::string out = dir + "/" + kind;
    auto gen = testutil::RunProcess({VIGIL_BINARY, "generate", "--scenario", kind, "--seed", "1001", "--out", out});
    ASSERT_EQ(gen.exit_code, 0) << gen.err;
    EXPECT_NE(gen.err.find("held out"), std::string::npos) << gen.err;
    const auto r = testutil::RunProcess(
        {"/usr/bin/python3", "-c",
         "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))",
         out + "/answer-key.json", testutil::SourcePath("docs/scenario-key.schema.json")});
    EXPECT_EQ(r.exit_code, 0) << kind << ": " << r.err;
  }
}

TEST(GenerateScenario, UnknownKindsAndSeedsOutsideTheSplitsAreUsageErrors) {
  const std::string dir = testutil::MakeTempDir("scenario_usage");
  EXPECT_EQ(testutil::RunProcess({VIGIL_BINARY, "generate", "--scenario", "nope", "--out", dir}).exit_code, 2);
  const auto outside =
      testutil::RunProcess({VIGIL_BINARY, "generate", "--scenario", "reference", "--seed", "5000", "--out", dir});
  EXPECT_EQ(outside.exit_code, 2);
  EXPECT_NE(outside.err.find("neither split"), std::string::npos) << outside.err;
  EXPECT_EQ(testutil::RunProcess({VIGIL_BINARY, "eval", "--split", "tuning"}).exit_code, 2);  // needs --scenarios
  // A scenario is always JSON Lines; the text evaluation's predictions are no part of the suite.
  EXPECT_EQ(
      testutil::RunProcess({VIGIL_BINARY, "generate", "--scenario", "reference", "--format", "csv", "--out", dir}).exit_code,
      2);
  EXPECT_EQ(testutil::RunProcess({VIGIL_BINARY, "eval", "--scenarios", "--predictions", dir}).exit_code, 2);
}

}  // namespace
}  // namespace vigil
