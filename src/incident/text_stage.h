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

// The signal and incident stages with every incident kept, whatever its severity: the later stages (hostile
// language, narratives) re-score them, so the min_severity cut waits for the final score.
// REQUIRES: as AnalyzeSignals.
Result<AnalysisReport> AssembleIncidents(std::vector<Post> posts, const WatchConfig& config, const TextFindings& text,
                                         const AnalyzeOptions& options);

// Drops the incidents below `min_severity` and orders the rest by severity, highest first. Runs once, after
// the last stage that can change a severity.
void KeepReportableIncidents(double min_severity, AnalysisReport* report);

}  // namespace vigil
