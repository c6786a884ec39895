// `vigil eval`: measures the text stage on the shared labelled data, or with --scenarios the incident analysis
// on the scenario suite, and writes its part of docs/quality.md.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "apps/cli/commands.h"
#include "apps/cli/outputs.h"
#include "common/output_file.h"
#include "scenarios/suite_report.h"
#include "text/evaluation.h"
#include "text/normalize.h"
#include "text/paths.h"

namespace vigil::cli {
namespace {

struct ScenarioFlags {
  bool run = false;
  std::string split = "both";
  std::string size = "small";
  std::string json;
  std::vector<std::string> kinds;
};

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Through a temporary file and a rename: an interrupted eval leaves the old page whole.
void WriteWholeFile(const std::string& path, const std::string& text) {
  if (const Status st = WriteFileAtomically(path, text); !st.ok()) {
    fmt::print(stderr, "error: {}\n", st.ToString());
    throw Exit{ExitCodeFor(st)};
  }
  fmt::print(stderr, "wrote {}\n", path);
}

// The scenario suite: every kind at the split's seeds, analysed and scored; its section of the quality page.
void RunScenarioEval(const ScenarioFlags& flags, const std::string& output) {
  scenarios::SuiteOptions options;
  if (flags.split != "both") {
    options.splits = {flags.split == "tuning" ? scenarios::Split::kTuning : scenarios::Split::kHeldout};
  }
  options.size = *scenarios::ParseSize(flags.size);
  options.kinds = flags.kinds;
  options.on_scenario = [](int64_t done, int64_t total, const scenarios::ScenarioScore& s) {
    fmt::print(stderr, "scenario {}/{}: {} seed {} ({}): {} posts, {}/{} true incidents found, {} false, {:.1f} s\n", done,
               total, s.kind, s.seed, s.split, s.posts, s.incidents.found, s.incidents.expected, s.false_incidents.size(),
               s.analysis_seconds);
  };
  auto result = scenarios::RunSuite(options);
  if (!result.ok()) {
    fmt::print(stderr, "error: {}\n", result.status().ToString());
    throw Exit{result.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure};
  }
  std::string command = fmt::format("vigil eval --scenarios --size {} --split {}", flags.size, flags.split);
  for (const std::string& kind : flags.kinds) command += " --kind " + kind;
  const std::string section = scenarios::RenderSuiteMarkdown(*result, command);
  fmt::print("{}", section);
  fmt::print(stderr, "scenario suite: {:.1f} s\n", result->seconds);
  if (!flags.json.empty()) WriteWholeFile(flags.json, scenarios::RenderSuiteJson(*result));
  if (output != "-") WriteWholeFile(output, scenarios::ReplaceSuiteSection(ReadWholeFile(output), section));
}

}  // namespace

void AddEvalCommand(CLI::App& app) {
  struct Flags {
    text::EvalPaths paths{text::DefaultSharedDataDir(), text::DefaultDataDir(), text::DefaultModelDir()};
    std::string output;
    std::string predictions_dir;
  };
  auto flags = std::make_shared<Flags>();
  auto scenario_flags = std::make_shared<ScenarioFlags>();
  flags->output = (std::filesystem::path(flags->paths.data_dir).parent_path() / "docs" / "quality.md").string();
  CLI::App* cmd = app.add_subcommand("eval", "Measure text quality (needs `vigil train`) and write docs/quality.md");
  cmd->add_option("--shared-data", flags->paths.shared_dir, "Folder of the shared data sets")->capture_default_str();
  cmd->add_option("--data-dir", flags->paths.data_dir, "Vigil's bundled data folder")->capture_default_str();
  cmd->add_option("--model-dir", flags->paths.model_dir, "Folder of the trained models")->capture_default_str();
  cmd->add_option("--output", flags->output, "Markdown report to write ('-' for none)")->capture_default_str();
  CLI::Option* predictions = cmd->add_option("--predictions", flags->predictions_dir,
                  "Also write each task's test items with every method's label, one TSV per task, to this folder");
  CLI::Option* scenarios_flag = cmd->add_flag(
      "--scenarios", scenario_flags->run,
      "Measure the incident analysis on the scenario suite instead (docs/scenarios.md) and rewrite its section of the "
      "quality page");
  scenarios_flag->excludes(predictions);
  cmd->add_option("--split", scenario_flags->split, "Scenario seeds to run: tuning, heldout or both")
      ->check(CLI::IsMember({"tuning", "heldout", "both"}))
      ->capture_default_str()
      ->needs(scenarios_flag);
  cmd->add_option("--size", scenario_flags->size, "Scenario size: small (seconds, as CI runs it) or full")
      ->check(CLI::IsMember({"small", "full"}))
      ->capture_default_str()
      ->needs(scenarios_flag);
  cmd->add_option("--json", scenario_flags->json, "Also write every scenario's score as JSON to this file")
      ->needs(scenarios_flag);
  cmd->add_option("--kind", scenario_flags->kinds, "Run only this scenario kind (repeatable; default: every kind)")
      ->needs(scenarios_flag);
  cmd->callback([flags, scenario_flags] {
    ProtectInputs({flags->paths.data_dir, flags->paths.model_dir});
    if (flags->output != "-") RefuseOutputThatIsAnInput(flags->output);
    if (!scenario_flags->json.empty()) RefuseOutputThatIsAnInput(scenario_flags->json);
    if (scenario_flags->run) {
      RunScenarioEval(*scenario_flags, flags->output);
      return;
    }
    auto normalizer = text::Normalizer::Create();
    if (!normalizer.ok()) {
      fmt::print(stderr, "error: {}\n", normalizer.status().ToString());
      throw Exit{kExitFailure};
    }
    auto report = text::EvaluateQuality(flags->paths, **normalizer, &std::cerr);
    if (!report.ok()) {
      fmt::print(stderr, "error: {}\n", report.status().ToString());
      throw Exit{kExitFailure};
    }
    if (!flags->predictions_dir.empty()) {
      if (const Status st = text::WritePredictions(*report, flags->predictions_dir); !st.ok()) {
        fmt::print(stderr, "error: {}\n", st.ToString());
        throw Exit{kExitFailure};
      }
      fmt::print(stderr, "wrote predictions to {}\n", flags->predictions_dir);
    }
    const std::string md = text::RenderQualityMarkdown(*report);
    fmt::print("{}", md);
    // The scenario suite's section is rewritten by `vigil eval --scenarios` alone: keep it.
    if (flags->output != "-") {
      const std::string suite = scenarios::ExtractSuiteSection(ReadWholeFile(flags->output));
      WriteWholeFile(flags->output, suite.empty() ? md : scenarios::ReplaceSuiteSection(md, suite));
    }
  });
}

}  // namespace vigil::cli
