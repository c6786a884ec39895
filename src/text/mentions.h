// Mention detection: every alias of every watched target found in one Hyperscan pass over normalised text,
// with word boundaries for Latin aliases and a confidence that reflects how ambiguous the alias is.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/normalize.h"
#include "vigil/status.h"
#include "vigil/watch_config.h"

namespace vigil::text {

struct MentionHit {
  uint32_t target_index;  // index into WatchConfig::targets
  uint32_t alias_index;   // index into MentionMatcher::aliases()
  uint32_t begin;         // byte offsets in the normalised text, [begin, end)
  uint32_t end;
  float confidence;       // 1 for distinctive aliases; lower for ambiguous short forms without context
};

// One searchable alias after normalisation.
struct AliasEntry {
  uint32_t target_index = 0;
  std::string written;     // as given in the configuration (first spelling that produced `normalized`)
  std::string normalized;  // the searched form
  bool latin = false;      // needs word boundaries
  bool ambiguous = false;  // a short form that also names other people
  bool derived = false;    // not configured: derived from a configured full name (text/aliases.h)
  bool nickname = false;   // a derived familiar form (老X, X总): confident only beside another alias
};

// Confidence levels of a hit (named so reports and tests share them).
inline constexpr float kConfidenceDistinct = 1.0f;
inline constexpr float kConfidenceCoreferent = 0.95f;  // short form, another alias of the person in the text
inline constexpr float kConfidenceContext = 0.85f;     // short form, a title or party word nearby
inline constexpr float kConfidenceBare = 0.5f;         // short form alone
// Find reports at most this many raw alias hits per text (documented cap for pathological posts).
inline constexpr size_t kMaxMentionsPerText = 2000;

class MentionMatcher {  // built once from the WatchConfig; Find is const and thread-safe
 public:
  // Normalises every target's name and aliases, adds the forms derived from them (DeriveAliases: surnames,
  // 老X, X总; always ambiguous), classifies each as distinctive or ambiguous and compiles
  // them into one Hyperscan literal database. Fails when no target has a usable alias or Hyperscan refuses.
  static Result<MentionMatcher> Build(const WatchConfig& config, const Normalizer& normalizer);

  // Appends all mentions in `normalized` (output of Normalizer::Normalize) to *out, sorted by begin.
  // Latin aliases must sit on word boundaries (hashtags and handles
  // excepted: #trumppence16, @realdonaldtrump). Overlapping hits of
  // the same target keep the longest. An ambiguous alias gets kConfidenceCoreferent when a distinctive
  // alias of the same target occurs in the text, kConfidenceContext when another watched target occurs
  // in the text or a title / party / election word is near it, else kConfidenceBare. A nickname (老X, X总)
  // is kConfidenceCoreferent beside a distinctive alias of its target and kConfidenceBare otherwise.
  // Only the first kMaxMentionsPerText alias occurrences of a text are considered.
  // Thread-safe (Hyperscan scratch space is per thread).
  void Find(std::string_view normalized, std::vector<MentionHit>* out) const;

  const std::vector<AliasEntry>& aliases() const { return *aliases_; }

 private:
  struct Database;
  MentionMatcher() = default;
  std::shared_ptr<const Database> db_;
  std::shared_ptr<const std::vector<AliasEntry>> aliases_;
  // Normalised context words (titles, parties, generic political context) in a second Hyperscan database,
  // and which of them count for each target.
  struct ContextIndex;
  std::shared_ptr<const ContextIndex> context_;
};

}  // namespace vigil::text
