// The scenario suite: generates every kind at every seed of the requested splits, writes each scenario as
// `vigil generate --scenario` does, reads it back through Vigil's JSON Lines reader and the watch.yaml
// loader, runs the library analysis (AnalyzePosts, the code `vigil analyze` runs) and scores it against the
// key. Tuning and held-out seeds are run and aggregated apart; a run asked for one split never generates the
// other's seeds.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "scenarios/scenario.h"
#include "scenarios/score.h"
#include "vigil/analyze.h"
#include "vigil/status.h"

namespace vigil::scenarios {

struct SuiteOptions {
  std::vector<Split> splits = {Split::kTuning, Split::kHeldout};
  SizeSpec size = SmallSize();
  std::vector<std::string> kinds;  // empty: every kind
  AnalyzeOptions analyze;          // the defaults `vigil analyze` uses
  std::string work_dir;            // scratch folder for the written scenarios ("" = the system temp folder)
  // Called after each scenario: done, total, and the scenario's score.
  std::function<void(int64_t done, int64_t total, const ScenarioScore& score)> on_scenario;
};

// Pooled figures over the scenarios of one split (or one kind within it).
struct Aggregate {
  int64_t scenarios = 0, posts = 0;
  double analysis_seconds = 0;
  Tally incidents;                // recall
  int64_t reported_findings = 0;  // distinct (actor, target) pairs reported
  int64_t false_findings = 0;
  int64_t reported_windows = 0;
  Tally surge_days, prior_targets;
  std::map<std::string, Tally> amplifiers;
  int64_t inversions_within = 0;  // within each corpus
  int64_t inversions_pooled = 0;  // across the split: every true against every false
  double lowest_true = -1;        // lowest severity of a found true incident (-1: none found)
  int64_t missed = 0;             // true incidents not reported
  double highest_false = -1;      // -1: no false incident
  double Precision() const;       // 1 when nothing was reported
  double Recall() const;
  // Network operations (score.h): reported = at or above the reporting threshold.
  Tally operations;  // key operations found (recall)
  int64_t reported_operations = 0;
  int64_t false_operations = 0;
  int64_t fragmented = 0;  // key operations found as more than one reported operation
  Tally operation_accounts, operation_targets;
  double OperationPrecision() const;  // 1 when none was reported
  double OperationRecall() const;     // 1 when the key holds none
};

struct SplitResult {
  Split split = Split::kTuning;
  std::vector<ScenarioScore> scenarios;
  Aggregate total;
  std::map<std::string, Aggregate> by_kind;
};

struct SuiteResult {
  std::string size;
  std::string text_models;  // which trained text models the analysis read ("lexicons only" when none)
  std::vector<SplitResult> splits;
  double seconds = 0;
};

Result<SuiteResult> RunSuite(const SuiteOptions& options);

// Aggregates scored scenarios (exposed for tests).
Aggregate AggregateScores(const std::vector<const ScenarioScore*>& scores);

}  // namespace vigil::scenarios
