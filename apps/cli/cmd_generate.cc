// `vigil generate`: writes the built-in example case (or a scaled-up version of it for benchmarks), or one
// scenario of the hard-case suite with its answer key, from a seed. The same seed and options always give
// byte-identical files.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>

#include "apps/cli/commands.h"
#include "examplegen/generate.h"
#include "scenarios/kinds.h"
#include "scenarios/scenario.h"

namespace vigil::cli {
namespace {

// One scenario (posts.jsonl, watch.yaml, answer-key.json) into `out`.
void GenerateScenario(const std::string& kind, uint64_t seed, const std::string& size_name, const std::string& out) {
  const auto size = scenarios::ParseSize(size_name);
  const auto split = scenarios::SplitOfSeed(seed);
  if (!size.ok() || !split.ok()) {
    fmt::print(stderr, "vigil generate: {}\n", (!size.ok() ? size.status() : split.status()).message());
    throw Exit{kExitUsage};
  }
  const auto start = std::chrono::steady_clock::now();
  auto scenario = scenarios::GenerateScenario(kind, seed, *size);
  if (scenario.ok()) {
    if (const Status written = scenarios::WriteScenario(*scenario, out); !written.ok()) scenario = written;
  }
  if (!scenario.ok()) {
    fmt::print(stderr, "vigil generate: {}\n", scenario.status().ToString());
    throw Exit{scenario.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure};
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print(stderr, "vigil generate: scenario {} seed {} ({} split, {}): {} posts, {} true incident(s), {} look-alike(s) "
                     "into {} in {:.2f} s\n",
             kind, seed, scenarios::SplitName(*split), size->name, scenario->posts.size(), scenario->key.incidents.size(),
             scenario->key.lookalikes.size(), out, seconds);
  if (*split == scenarios::Split::kHeldout) {
    fmt::print(stderr, "vigil generate: seed {} is held out: read it to check a change, never to tune one\n", seed);
  }
}

std::string KindNames() {
  std::string names;
  for (const scenarios::KindInfo& k : scenarios::ScenarioKinds()) names += (names.empty() ? "" : ", ") + k.name;
  return names;
}

}  // namespace

void AddGenerateCommand(CLI::App& app) {
  struct Flags {
    uint64_t seed = examplegen::kDefaultSeed;
    int64_t posts = 0;
    double scale = 1.0;
    std::string out;
    std::string format = "both";
    std::string scenario;
    std::string size = "small";
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand(
      "generate", "Write the built-in example case (composed posts, not real ones) from a seed");
  CLI::Option* seed = cmd->add_option(
      "--seed", flags->seed, "Random seed (the committed example uses 2025; scenarios: tuning 1-999, held-out 1001-1999, default 1)");
  CLI::Option* posts = cmd->add_option("--posts", flags->posts, "Total posts; the background grows to reach it")
                           ->check(CLI::PositiveNumber);
  CLI::Option* scale =
      cmd->add_option("--scale", flags->scale, "Multiply the background volume (1 = the committed example)")
          ->check(CLI::PositiveNumber);
  posts->excludes(scale);
  cmd->add_option("--out", flags->out, "Output directory")->required();
  CLI::Option* format_option = cmd->add_option("--format", flags->format,
                  "jsonl: all posts in posts.jsonl; csv: all in posts.csv; both: WeChat in posts.jsonl and "
                  "other platforms in posts-other.csv (the example's layout)")
      ->check(CLI::IsMember({"jsonl", "csv", "both"}));
  CLI::Option* scenario =
      cmd->add_option("--scenario", flags->scenario, "Write one scenario of the hard-case suite instead: " + KindNames());
  cmd->add_option("--size", flags->size, "Scenario size: small (the CI suite) or full")
      ->check(CLI::IsMember({"small", "full"}))
      ->needs(scenario);
  scenario->excludes(posts)->excludes(scale)->excludes(format_option);  // a scenario is always posts.jsonl
  cmd->callback([flags, seed] {
    if (!flags->scenario.empty()) {
      const uint64_t scenario_seed = seed->count() > 0 ? flags->seed : scenarios::kFirstTuningSeed;
      GenerateScenario(flags->scenario, scenario_seed, flags->size, flags->out);
      return;
    }
    const auto format = examplegen::ParseOutputFormat(flags->format);
    if (!format.ok()) {
      fmt::print(stderr, "vigil generate: {}\n", format.status().message());
      throw Exit{kExitUsage};
    }
    examplegen::GenOptions options;
    options.seed = flags->seed;
    options.scale = flags->scale;
    options.target_posts = flags->posts;
    const auto start = std::chrono::steady_clock::now();
    const auto stats = examplegen::GenerateToDirectory(options, flags->out, *format);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!stats.ok()) {
      fmt::print(stderr, "vigil generate: {}\n", stats.status().ToString());
      throw Exit{stats.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure};
    }
    fmt::print(stderr, "vigil generate: {} posts ({} case, {} background) into {} in {:.2f} s\n", stats->posts,
               stats->core_posts, stats->background_posts, flags->out, seconds);
  });
}

}  // namespace vigil::cli
