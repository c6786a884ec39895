// Scenarios: hard cases with answers. GenerateScenario composes one kind's corpus from a seed — posts, the
// watch configuration an analyst would write, and the answer key — deterministically per (kind, seed, size).
// Seeds are split once and for all into a tuning range and a held-out range (docs/scenarios.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scenarios/answer_key.h"
#include "scenarios/builder.h"
#include "scenarios/world.h"
#include "vigil/post.h"
#include "vigil/status.h"
#include "vigil/watch_config.h"

namespace vigil::scenarios {

enum class Split { kTuning, kHeldout };
const char* SplitName(Split split);  // "tuning", "heldout"

// Tuning seeds are 1..999, held-out seeds 1001..1999. The suite runs the first kSeedsPerSplit of each range:
// tuning 1, 2, ...; held-out 1001, 1002, ...
inline constexpr uint64_t kFirstTuningSeed = 1;
inline constexpr uint64_t kFirstHeldoutSeed = 1001;
inline constexpr uint64_t kSeedRangeSize = 999;
// Seeds of `split` the suite runs at `size`.
std::vector<uint64_t> SuiteSeeds(Split split, const SizeSpec& size);
// Which split `seed` belongs to; an error for seeds in neither range (0, 1000, 2000 and above).
Result<Split> SplitOfSeed(uint64_t seed);

// "small" or "full".
Result<SizeSpec> ParseSize(const std::string& name);

struct Scenario {
  std::vector<Post> posts;       // time order
  std::vector<PostTruth> truth;  // truth[i] is about posts[i]
  WatchConfig watch;
  AnswerKey key;
};

// Composes kind `kind` from `seed` at `size`. Fails on an unknown kind, a seed outside both splits, or when
// OpenCC's conversion data are missing.
Result<Scenario> GenerateScenario(const std::string& kind, uint64_t seed, const SizeSpec& size);

// Writes posts.jsonl, watch.yaml and answer-key.json into `dir` (created when missing).
Status WriteScenario(const Scenario& scenario, const std::string& dir);

}  // namespace vigil::scenarios
