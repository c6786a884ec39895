// Helpers shared by the exporters: STIX timestamps, post lookups, plain-language incident summaries.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
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
// Operations (network incidents): "A, B and C" of the operation's target names.
std::string OperationTargetNames(const Operation& op);
// "Network of 8 accounts against Mark Carney, Michael Chong and Chrystia Freeland".
std::string OperationTitle(const Operation& op);
// "1 originator, 30 amplifiers": the members counted by role, roles without members left out.
std::string OperationRoleCounts(const Operation& op);
// Two or three sentences a non-specialist can read: how many accounts, whom, when, which sides, how sure.
std::string OperationSummary(const Operation& op);
// "<evidence> (measured 0.92, threshold 0.50)": a network signal with its figures.
std::string SignalFigures(const NetworkSignal& signal);
// "<platform>:<account_id>" split at the first colon; the platform is empty when there is none.
std::pair<std::string, std::string> SplitAccountKey(const std::string& account);
// Every string an export of `report` carries that is not valid UTF-8, as "post <key>: <field>",
// "actor <account>: <field>", "incident <id>: <field>" ... lines. The exporters write such strings with
// U+FFFD in place of the bad bytes; this names them for the operator.
std::vector<std::string> InvalidUtf8Fields(const AnalysisReport& report);

}  // namespace vigil::exporting
