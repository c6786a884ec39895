// Scoring one analysis against a scenario's answer key.
//
// Matching: a reported incident is true when its actor (platform:account_id) and target are those of a key
// incident. An actor can be reported in several windows against one target; all windows of one (actor,
// target) pair form one reported finding, counted once for precision and recall, with the highest severity
// among them. Every other reported finding is false; it is named after the look-alike it matches, if any.
// Signals are measured on the matched finding (all its windows): a key surge day is found when one of its
// daily surges covers that UTC day; a key amplifier when its account is among the finding's amplifiers or
// coordination ties; a prior target when the finding's actor history holds a campaign against it.
//
// Network operations (report.json's `operations`) count as reported at or above kReportedOperationSeverity,
// the "medium" level, the same threshold below which incidents are counted but not reported. A reported
// operation matches a key operation when at least kOperationMatchShare of its accounts are that operation's
// (it is mostly that network); it is the network of a key incident when that share of its accounts are the
// incident's actor and amplifiers (true, but outside the operations' recall). Any other reported operation is
// false, named after the look-alike network (or look-alike account) most of its accounts belong to.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "scenarios/answer_key.h"
#include "vigil/findings.h"

namespace vigil::scenarios {

// A recall count: how many the key holds, how many were found.
struct Tally {
  int64_t expected = 0;
  int64_t found = 0;
  Tally& operator+=(const Tally& other) {
    expected += other.expected;
    found += other.found;
    return *this;
  }
};

// One key incident and what the analysis made of it.
struct TrueIncidentResult {
  std::string actor, target;
  bool found = false;
  double severity = 0;  // of the matched finding; 0 when not reported
  int64_t windows = 0;  // reported windows of the pair
  Tally surge_days, amplifiers, prior_targets;
  std::vector<SeverityContribution> contributions;  // of its highest-severity window (for calibration)
};

// A reported finding that matches no key incident.
struct FalseIncident {
  std::string actor, actor_name, target;
  std::string pattern;  // the look-alike's pattern, or "unlisted" for an account the key does not name
  double severity = 0;
  std::string level;
  int64_t windows = 0;
  std::vector<SeverityContribution> contributions;  // of its highest-severity window
};

inline constexpr double kReportedOperationSeverity = 30;
inline constexpr double kOperationMatchShare = 0.5;

// One key network operation and what the analysis made of it.
struct TrueOperationResult {
  std::string pattern;
  bool found = false;
  double severity = 0;   // highest among the reported operations matching it; 0 when none
  int64_t matching = 0;  // reported operations matching it (more than one: the network was cut in pieces)
  Tally accounts;        // its accounts that are members of a matching operation
  Tally targets;         // its targets that a matching operation names
  std::vector<SeverityContribution> contributions;  // of the most severe matching operation
};

// A reported network operation that is neither a key operation nor a key incident's network.
struct FalseOperation {
  std::string id;
  std::string pattern;  // the look-alike it mostly consists of, or "unlisted"
  double severity = 0;
  std::string level;
  int64_t accounts = 0;
  std::vector<std::string> targets;
  std::vector<SeverityContribution> contributions;
};

struct ScenarioScore {
  std::string kind;
  uint64_t seed = 0;
  std::string split;
  int64_t posts = 0;
  double analysis_seconds = 0;
  std::vector<TrueIncidentResult> true_incidents;
  std::vector<FalseIncident> false_incidents;
  int64_t reported_windows = 0;
  Tally incidents;  // recall over key incidents
  Tally surge_days, prior_targets;
  std::map<std::string, Tally> amplifiers;  // by style ("repost", ...) and "cross-platform"
  int64_t inversions = 0;                   // (true, false) pairs in this corpus where the false one ranks as high
  // Network operations.
  std::vector<TrueOperationResult> true_operations;
  std::vector<FalseOperation> false_operations;
  Tally operations;                          // recall over key operations
  int64_t reported_operations = 0;           // at or above kReportedOperationSeverity
  int64_t incident_network_operations = 0;   // reported ones that are a key incident's network
  Tally operation_accounts, operation_targets;
};

ScenarioScore ScoreReport(const AnalysisReport& report, const AnswerKey& key);

}  // namespace vigil::scenarios
