// `vigil generate`: writes the built-in example case (or a scaled-up version of it for benchmarks) from a
// seed. The same seed and options always give byte-identical files.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>

#include "apps/cli/commands.h"
#include "examplegen/generate.h"

namespace vigil::cli {

void AddGenerateCommand(CLI::App& app) {
  struct Flags {
    uint64_t seed = examplegen::kDefaultSeed;
    int64_t posts = 0;
    double scale = 1.0;
    std::string out;
    std::string format = "both";
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand(
      "generate", "Write the built-in example case (composed posts, not real ones) from a seed");
  cmd->add_option("--seed", flags->seed, "Random seed (the committed example uses 2025)");
  CLI::Option* posts = cmd->add_option("--posts", flags->posts, "Total posts; the background grows to reach it")
                           ->check(CLI::PositiveNumber);
  CLI::Option* scale =
      cmd->add_option("--scale", flags->scale, "Multiply the background volume (1 = the committed example)")
          ->check(CLI::PositiveNumber);
  posts->excludes(scale);
  cmd->add_option("--out", flags->out, "Output directory")->required();
  cmd->add_option("--format", flags->format,
                  "jsonl: all posts in posts.jsonl; csv: all in posts.csv; both: WeChat in posts.jsonl and "
                  "other platforms in posts-other.csv (the example's layout)")
      ->check(CLI::IsMember({"jsonl", "csv", "both"}));
  cmd->callback([flags] {
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
