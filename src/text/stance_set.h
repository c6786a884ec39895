// The labelled Chinese stance set (data/eval/zh_stance.tsv): real sentences with a named target, labelled
// favour / against / neutral, split dev / held-out by hash. Texts that may not be copied into the
// repository (the Telegram channel export) are referenced and read from the shared data at load time.
#pragma once

#include <string>
#include <vector>

#include "vigil/status.h"

namespace vigil::text {

struct StanceItem {
  std::string source;                // "cold-dev", "telegram"
  std::string ref;                   // row index, or "<message id>:<first>-<last sentence>"
  std::string target;                // the target's name
  std::vector<std::string> aliases;  // further names of the target
  std::string label;                 // "favor", "against", "neutral"
  std::string text;                  // the sentence(s), resolved
  bool held_out = false;             // never looked at while writing rules
};

// Held-out share of the set: XXH64("<source>:<ref up to ':'>") % 100 below this.
inline constexpr int kStanceHeldOutPercent = 40;

// Reads the labelled set; Telegram items are resolved from
// <shared_dir>/telegram-desktop-export-zh-channel/result.json. Errors name the file, line and field (an
// unknown label, a message id or sentence range that does not exist).
Result<std::vector<StanceItem>> LoadStanceSet(const std::string& labels_path, const std::string& shared_dir);

// The sentences of a text as the set counts them: split after 。！？!? and newlines, trimmed of ASCII
// whitespace, empty ones skipped.
std::vector<std::string> CountedSentences(std::string_view text);

}  // namespace vigil::text
