// Helpers shared by the exporters: STIX timestamps, post lookups, plain-language incident summaries,
// file writing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/strings.h"
#include "vigil/findings.h"
#include "vigil/status.h"

namespace vigil::exporting {

// "2025-03-10T08:30:00.000Z": STIX requires millisecond precision on created/modified.
std::string StixTime(int64_t unix_seconds);
using ::vigil::Thousands;  // common/strings.h
// The incidents an export covers: all, or the one at `index`. InvalidArgument when out of range or none.
Result<std::vector<const Incident*>> SelectIncidents(const AnalysisReport& report, int index);
// The original post an amplification names ("<platform>:<id>"), or nullptr.
const Post* FindPostByKey(const AnalysisReport& report, const std::string& key);
// The amplifier's own post (its repost, link or copy of `amplification.amplified_post`), or nullptr when the
// report lacks it.
const Post* FindRepost(const AnalysisReport& report, const Amplification& amplification);
// The incident's posts, counted before the evidence cap (AnalyzeOptions::max_evidence).
int64_t PostCount(const Incident& incident);
// Accounts that amplified the incident's posts, counted before the cap.
int64_t AmplifierAccounts(const CoordinationSummary& coordination);
// Two or three sentences a non-specialist can read: who, whom, when, how big, how sure.
std::string PlainSummary(const AnalysisReport& report, const Incident& incident);
// Writes `content` to `path` (creating parent folders). IoError naming the path on failure.
Status WriteTextFile(const std::string& path, const std::string& content);

}  // namespace vigil::exporting
