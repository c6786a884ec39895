// GenerateScenario and WriteScenario (see scenario.h).
#include "scenarios/scenario.h"

#include <fmt/format.h>

#include <filesystem>

#include "examplegen/writers.h"
#include "scenarios/kinds.h"
#include "scenarios/watch_yaml.h"

namespace vigil::scenarios {
namespace {

// Seeds per split the suite runs: a few at the size CI runs, more at full size.
constexpr size_t kSmallSeedsPerSplit = 2;
constexpr size_t kFullSeedsPerSplit = 6;

Result<const ScriptConverter*> SharedScript() {
  static const Result<std::shared_ptr<const ScriptConverter>> kScript = ScriptConverter::Create();
  if (!kScript.ok()) return kScript.status();
  return kScript->get();
}

Status WriteText(const std::filesystem::path& path, const std::string& text) {
  VIGIL_ASSIGN_OR_RETURN(auto sink, examplegen::FileSink::Open(path.string()));
  VIGIL_RETURN_IF_ERROR(sink->Append(text));
  return sink->Close();
}

}  // namespace

const char* SplitName(Split split) { return split == Split::kTuning ? "tuning" : "heldout"; }

std::vector<uint64_t> SuiteSeeds(Split split, const SizeSpec& size) {
  const size_t count = size.name == "full" ? kFullSeedsPerSplit : kSmallSeedsPerSplit;
  const uint64_t first = split == Split::kTuning ? kFirstTuningSeed : kFirstHeldoutSeed;
  std::vector<uint64_t> seeds;
  for (uint64_t i = 0; i < count; ++i) seeds.push_back(first + i);
  return seeds;
}

Result<Split> SplitOfSeed(uint64_t seed) {
  if (seed >= kFirstTuningSeed && seed < kFirstTuningSeed + kSeedRangeSize) return Split::kTuning;
  if (seed >= kFirstHeldoutSeed && seed < kFirstHeldoutSeed + kSeedRangeSize) return Split::kHeldout;
  return Status::InvalidArgument(fmt::format("seed {} is in neither split (tuning {}-{}, held-out {}-{})", seed,
                                             kFirstTuningSeed, kFirstTuningSeed + kSeedRangeSize - 1, kFirstHeldoutSeed,
                                             kFirstHeldoutSeed + kSeedRangeSize - 1));
}

Result<SizeSpec> ParseSize(const std::string& name) {
  if (name == SmallSize().name) return SmallSize();
  if (name == FullSize().name) return FullSize();
  return Status::InvalidArgument(fmt::format("size '{}' is not one of small, full", name));
}

Result<Scenario> GenerateScenario(const std::string& kind, uint64_t seed, const SizeSpec& size) {
  const KindInfo* info = FindKind(kind);
  if (!info) return Status::InvalidArgument(fmt::format("unknown scenario kind '{}'", kind));
  VIGIL_ASSIGN_OR_RETURN(const Split split, SplitOfSeed(seed));
  VIGIL_ASSIGN_OR_RETURN(const ScriptConverter* script, SharedScript());
  ScenarioBuilder builder(kind, seed, size, info->world, *script);
  info->build(builder);
  builder.mutable_key().description = info->summary;
  builder.Finish(SplitName(split));

  Scenario scenario;
  scenario.watch = builder.watch();
  scenario.key = builder.key();
  for (GeneratedPost& g : builder.mutable_posts()) {
    scenario.posts.push_back(std::move(g.post));
    scenario.truth.push_back(std::move(g.truth));
  }
  return scenario;
}

Status WriteScenario(const Scenario& scenario, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IoError(fmt::format("{}: cannot create directory: {}", dir, ec.message()));
  const std::filesystem::path root(dir);
  VIGIL_ASSIGN_OR_RETURN(auto sink, examplegen::FileSink::Open((root / "posts.jsonl").string()));
  examplegen::JsonlWriter writer(*sink);
  for (const Post& post : scenario.posts) VIGIL_RETURN_IF_ERROR(writer.Write(post));
  VIGIL_RETURN_IF_ERROR(writer.Finish());
  const AnswerKey& key = scenario.key;
  const std::string header = fmt::format(
      "Watch configuration of scenario {} (seed {}, size {}, {} split), composed by `vigil generate --scenario`.\n"
      "The posts are composed, not real. The answer key is answer-key.json (docs/scenarios.md).",
      key.kind, key.seed, key.size, key.split);
  VIGIL_RETURN_IF_ERROR(WriteText(root / "watch.yaml", RenderWatchYaml(scenario.watch, header)));
  return WriteText(root / "answer-key.json", RenderAnswerKey(key));
}

}  // namespace vigil::scenarios
