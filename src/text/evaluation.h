// Quality evaluation of the text stage on the shared labelled data: sentiment (zh), offensive language
// (zh), stance toward a stated target (en), mention detection (zh + en labelled set in data/eval), each
// against simple baselines on the same split. `vigil eval` renders the result as docs/quality.md.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "text/normalize.h"
#include "vigil/status.h"

namespace vigil::text {

struct ClassMetrics {
  double accuracy = 0;
  double macro_f1 = 0;  // unweighted mean of per-class F1 over the gold label set
  int64_t n = 0;
};

// Accuracy and macro-F1 of `pred` against `gold` (same length).
ClassMetrics ComputeMetrics(const std::vector<std::string>& gold, const std::vector<std::string>& pred);

struct MethodResult {
  std::string method;
  bool baseline = false;
  ClassMetrics metrics;
  std::vector<std::string> predictions;  // one label per test item, in TaskResult::items order
};

struct TaskResult {
  std::string task;       // e.g. "Sentiment, Chinese"
  std::string data;       // data set and split description
  int64_t train = 0, test = 0;
  std::string aim;        // the figure we aim for, in words
  std::vector<MethodResult> methods;
  std::vector<std::string> items;  // the test texts as given (not normalised)
  std::vector<std::string> gold;   // their gold labels
  std::vector<std::string> notes;  // extra findings printed under the table
};

struct DetectionMetrics {
  int64_t tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp == 0 ? 0 : static_cast<double>(tp) / static_cast<double>(tp + fp); }
  double Recall() const { return tp + fn == 0 ? 0 : static_cast<double>(tp) / static_cast<double>(tp + fn); }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

struct MentionResult {
  std::string subset;  // "zh", "en", "all"
  int64_t sentences = 0;
  DetectionMetrics naive;      // baseline: raw substring search of the configured aliases
  DetectionMetrics all_hits;   // Vigil, every hit
  DetectionMetrics confident;  // Vigil, hits with confidence >= kConfidentMention
};

inline constexpr float kConfidentMention = 0.7f;

struct QualityReport {
  std::vector<TaskResult> tasks;
  std::vector<MentionResult> mentions;
  std::string mention_labels;  // path of the labelled set, relative to the repository
};

struct EvalPaths {
  std::string shared_dir;
  std::string data_dir;
  std::string model_dir;
};

// Runs every evaluation. Needs the models from `vigil train` in model_dir (an error names the missing one).
Result<QualityReport> EvaluateQuality(const EvalPaths& paths, const Normalizer& normalizer, std::ostream* log);

// Labelled mention set: TSV text<TAB>lang<TAB>gold target ids (comma-separated, empty = none) plus the
// watch targets it was labelled against (data/eval/mention_targets.tsv: id<TAB>name<TAB>aliases|...).
Result<MentionResult> EvaluateMentions(const std::string& labels_path, const std::string& targets_path,
                                       const Normalizer& normalizer, const std::string& subset);

// One TSV per task in `dir` (created if missing): item, gold label, then each method's label, so errors
// can be read one by one. Files are named after the task ("sentiment-chinese.tsv").
Status WritePredictions(const QualityReport& report, const std::string& dir);

// The Markdown page (docs/quality.md): figures, baselines, splits and how to reproduce them.
std::string RenderQualityMarkdown(const QualityReport& report);

}  // namespace vigil::text
