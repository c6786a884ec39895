// Reading one text for given targets: the language, each target's mentions (derived aliases included),
// the stance toward each target with its score and the sentence it rests on, and the attack probability.
// What `vigil text` writes for each text, and what the Chinese stance evaluation measures.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/mentions.h"
#include "text/normalize.h"
#include "text/stance.h"
#include "vigil/status.h"
#include "vigil/watch_config.h"

namespace vigil::text {

struct TargetReading {
  uint32_t target_index = 0;      // into the reader's targets
  std::vector<MentionHit> hits;   // this target's mentions, by position
  StanceScore stance{Stance::kNeutral, 0};
  bool named = false;             // false: not named, the stance is the whole text's (ScoreUnnamed)
};

struct TextReading {
  Lang lang = Lang::kOther;
  std::string normalized;             // offsets of hits and stance bases point into this
  std::vector<TargetReading> targets;  // one per target, in the reader's order
  float attack = -1;                   // P(attack or insult) of the whole text; -1: no model, or not Chinese
};

class TextReader {  // immutable after Create; Read is thread-safe; borrows the normalizer and scorer
 public:
  // Builds the mention matcher for `targets` (each target's name and aliases).
  static Result<TextReader> Create(const WatchConfig& targets, const Normalizer& normalizer,
                                   const StanceScorer& scorer);

  // Reads `raw`. `lang_code` ("zh", "en-CA"; empty: detect) chooses the lexicon. A target named in the
  // text gets the mean of its mentions' stances (every mention counts, whatever its confidence) and the
  // sentence of the strongest; one not named gets the whole text's stance.
  TextReading Read(std::string_view raw, std::string_view lang_code) const;

  const MentionMatcher& matcher() const { return matcher_; }

 private:
  TextReader(MentionMatcher matcher, const Normalizer& normalizer, const StanceScorer& scorer, size_t targets)
      : matcher_(std::move(matcher)), normalizer_(&normalizer), scorer_(&scorer), targets_(targets) {}
  MentionMatcher matcher_;
  const Normalizer* normalizer_;
  const StanceScorer* scorer_;
  size_t targets_;
};

}  // namespace vigil::text
