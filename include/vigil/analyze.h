// Analyze: the engine's main job. From stored posts and a watch configuration it reads the text
// (mentions, stance), measures the signals (surges, engagement, stance mix, actor history, amplification)
// and assembles incidents with an explained severity.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "vigil/findings.h"
#include "vigil/status.h"

namespace vigil {

struct AnalyzeOptions {
  std::string case_name = "vigil";
  int64_t now = 0;                      // the report's timestamp (injected for reproducible output)
  double min_severity = 30;             // incidents below this are counted, not reported
  int64_t campaign_gap_days = 21;       // an actor's posts about a target further apart than this split
  float min_mention_confidence = 0.5f;  // weaker mentions are kept as evidence but do not count
  std::string data_dir;                 // lexicons and gazetteer ("" = the bundled data/)
  // Trained text models ("" = the default folder, $VIGIL_MODEL_DIR or <build>/models, when it holds them).
  // Only the Chinese attack model is used: in stance and as the hostile-language signal. Without it that
  // signal is reported as unavailable.
  std::string model_dir;
  bool text_models = true;              // false: lexicons only, whatever the model folder holds
  // Reposts, links and text copies count as amplification when they follow the original within this window.
  int64_t amplification_window_seconds = 6 * 3600;
  // Per incident, at most this many evidence posts, amplifications and coordination ties are kept (the
  // strongest); the report counts all and says how to list the rest. 0 keeps everything.
  int64_t max_evidence = 100;
  // Progress of long stages: stage name, items done, items total.
  std::function<void(const std::string& stage, int64_t done, int64_t total)> on_progress;
};

// What the text stage found in the posts: mentions, the stance toward each mentioned target, and which
// posts copy each other's text.
struct TextFindings {
  std::vector<Mention> mentions;      // sorted by post_index
  std::vector<TargetStance> stances;  // one per (post, target) mentioned
  // Per post: its group of same or near-same texts within the amplification window (the group's first
  // post index), or -1. Empty: no text copies known (amplification then rests on reposts and links).
  std::vector<int64_t> text_copy_group;
  std::string attack_model;           // folder of the attack model used; "" when none (see TargetStance::attack)
};

// Runs the whole analysis on `posts` (any order; the report holds them sorted by time).
Result<AnalysisReport> AnalyzePosts(std::vector<Post> posts, const WatchConfig& config, const AnalyzeOptions& options);

// The signal and incident stages alone, for callers that bring their own text findings. An error when a
// measurement failed (e.g. an incident's co-action network); nothing is left out silently.
// REQUIRES: posts sorted by published_at; findings index into `posts`.
Result<AnalysisReport> AnalyzeSignals(std::vector<Post> posts, const WatchConfig& config, const TextFindings& text,
                                      const AnalyzeOptions& options);

}  // namespace vigil
