// Text stage of the analysis: normalise each post (title and text), find watched targets and score the
// stance toward each, in parallel over the machine's cores. Deterministic: results are ordered by post.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "vigil/analyze.h"

namespace vigil {

// REQUIRES: posts in their final (sorted) order; findings index into them.
Result<TextFindings> ReadTargetsInPosts(const std::vector<Post>& posts, const WatchConfig& config,
                                        const AnalyzeOptions& options);

}  // namespace vigil
