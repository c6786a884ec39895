// GenerateCase: the built-in example case (the 2025 Youli-Youmian operation against Mark Carney), composed
// deterministically from a seed. The same seed always gives byte-identical output; the background volume
// scales to benchmark sizes (millions of posts) while the operation's posts stay the same.
#pragma once

#include <cstdint>
#include <string>

#include "examplegen/writers.h"
#include "vigil/status.h"

namespace vigil::examplegen {

inline constexpr uint64_t kDefaultSeed = 2025;

struct GenOptions {
  uint64_t seed = kDefaultSeed;
  // Multiplies the background volume (1 = the committed example). Ignored when target_posts > 0.
  double scale = 1.0;
  // When > 0: exactly this many posts in total, the background filling what the core leaves.
  int64_t target_posts = 0;
};

struct GenStats {
  int64_t posts = 0;
  int64_t core_posts = 0;        // operation, state media, the operation's accounts' own history
  int64_t background_posts = 0;  // organic posts; this part scales
  double volume_factor = 1.0;    // background volume relative to scale 1
};

// Generates every post in time order into `writer`, then calls writer.Finish(). Fails on a bad option
// (scale <= 0, target_posts smaller than the core) or when the writer fails.
Result<GenStats> GenerateCase(const GenOptions& options, PostWriter& writer);

enum class OutputFormat {
  kJsonl,  // every post in posts.jsonl
  kCsv,    // every post in posts.csv
  kBoth,   // the example's layout: WeChat in posts.jsonl, other platforms in posts-other.csv
};

// Parses "jsonl", "csv" or "both".
Result<OutputFormat> ParseOutputFormat(const std::string& text);

// Generates into directory `dir` (created if missing) in `format`'s file layout.
Result<GenStats> GenerateToDirectory(const GenOptions& options, const std::string& dir, OutputFormat format);

}  // namespace vigil::examplegen
