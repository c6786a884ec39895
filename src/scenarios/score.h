// Scoring one analysis against a scenario's answer key.
//
// Matching: a reported incident is true when its actor (platform:account_id) and target are those of a key
// incident. An actor can be reported in several windows against one target; all windows of one (actor,
// target) pair form one reported finding, counted once for precision and recall, with the highest severity
// among them. Every other reported finding is false; it is named after the look-alike it matches, if any.
// Signals are measured on the matched finding (all its windows): a key surge day is found when one of its
// daily surges covers that UTC day; a key amplifier when its account is among the finding's amplifiers or
// coordination ties; a prior target when the finding's actor history holds a campaign against it.
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
};

ScenarioScore ScoreReport(const AnalysisReport& report, const AnswerKey& key);

}  // namespace vigil::scenarios
