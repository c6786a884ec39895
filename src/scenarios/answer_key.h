// AnswerKey: what a scenario really contains, written by the generator from what it composed (never from
// what a detector reports): the true incidents with their amplifiers, the surge days they drove and the
// actor's earlier targets, and the look-alikes that must not be reported, with why they are benign.
// Serialised as answer-key.json (schema vigil.scenario-key/1, docs/scenario-key.schema.json).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vigil/watch_config.h"

namespace vigil::scenarios {

inline constexpr const char* kAnswerKeySchema = "vigil.scenario-key/1";

// How an amplifier passed the operation's post on.
enum class AmplificationStyle {
  kRepost,      // the platform's repost: repost_of names the original
  kLink,        // a post of its own that shares the original's URL
  kCopy,        // the original's text, lightly edited (prefix, traditional script, emoji, truncation, question)
  kParaphrase,  // the original reworded
};
inline constexpr AmplificationStyle kAllStyles[] = {AmplificationStyle::kRepost, AmplificationStyle::kLink,
                                                    AmplificationStyle::kCopy, AmplificationStyle::kParaphrase};
const char* StyleName(AmplificationStyle style);  // "repost", "link", "copy", "paraphrase"

struct KeyAmplifier {
  std::string account;  // "<platform>:<account_id>"
  AmplificationStyle style = AmplificationStyle::kRepost;
  bool cross_platform = false;     // on another platform than the actor
  std::vector<std::string> edits;  // copy edits used: prefix, traditional, emoji, truncation, question
  int64_t posts = 0;
  int64_t min_delay_seconds = 0, max_delay_seconds = 0;
};

// A UTC day whose mention volume of the target the operation's posts and its amplifiers' posts made a surge:
// on their own they named the target at least kSurgeMultiple times the target's organic daily average, and
// at least kSurgeMinMentions times.
struct KeySurgeDay {
  CivilDate date;
  int64_t operation_mentions = 0;       // the operation's and its amplifiers' posts naming the target that day
  double organic_mentions_per_day = 0;  // average over the data of posts naming the target outside operations
  std::string after_event;              // the event it followed, if it was planned after one
  int64_t lead_hours = 0;               // from the event's day to the surge day
};
inline constexpr double kSurgeMultiple = 4.0;
inline constexpr int64_t kSurgeMinMentions = 6;

struct KeyIncident {
  std::string actor;  // "<platform>:<account_id>"
  std::string actor_name;
  bool declared = true;                      // listed in watch.yaml's actors
  std::string affiliation;                   // the truth: "state-linked", ...
  std::string country;                       // the sponsoring state
  std::string target;                        // watch.yaml target id
  int64_t window_start = 0, window_end = 0;  // first and last of the actor's posts about the target in the data
  std::string stance;                        // "favor", "against" or "mixed"
  std::string shape;                         // "bursts" (posts clustered on a few days) or "slow" (spread over weeks)
  std::vector<std::string> post_ids;         // the actor's posts about the target
  int64_t peak_interactions = 0;
  double peak_to_peer_median = 0;  // the best post against the state-media median on the actor's platform
  std::vector<KeyAmplifier> amplifiers;
  std::vector<KeySurgeDay> surge_days;
  std::vector<std::string> prior_targets;  // targets of the same actor's earlier incidents in the data
  std::string notes;
};

// An account whose posts about a target look like an operation in some way but are not one.
struct KeyLookalike {
  std::string account;  // "<platform>:<account_id>"
  std::string name;
  std::vector<std::string> targets;
  std::string pattern;  // e.g. "routine-state-media", "outlet-event-coverage", "organic-viral"
  std::string why;      // why it is benign, in an analyst's words
};

// A network operation: many accounts acting as one against many targets (reply spam on MPs' own pages), with
// no single operator. A reported network operation matches it when most of its accounts are these.
struct KeyOperation {
  std::string pattern;                // "reply-spam"
  std::string country;                // the sponsoring state
  std::vector<std::string> accounts;  // "<platform>:<account_id>", sorted
  std::vector<std::string> targets;   // watch.yaml target ids its comments reached, sorted
  std::vector<std::string> languages;  // BCP 47 tags of its comments
  int64_t window_start = 0, window_end = 0;  // first and last comment in the data
  int64_t comments = 0;
  std::string holiday;  // the long weekend it accelerated over ("Labour Day weekend (2023-09-02..04)")
  std::string accusation;  // the one accusation it repeats, in English
  std::string notes;
};

// A group of accounts that acts together organically (fans replying to their MP, readers sharing one
// link within the hour): a network a detector may see, which must not be reported as an operation.
struct KeyLookalikeNetwork {
  std::string pattern;  // "fan-replies", "fan-link-sharing"
  std::vector<std::string> accounts;
  std::vector<std::string> targets;
  std::string why;
};

struct AnswerKey {
  std::string kind;
  uint64_t seed = 0;
  std::string size;   // "small" or "full"
  std::string split;  // "tuning" or "heldout"
  std::string description;
  std::string country;
  int64_t posts = 0;
  int64_t first_post = 0, last_post = 0;
  std::vector<std::string> platforms;
  std::vector<KeyIncident> incidents;
  std::vector<KeyLookalike> lookalikes;
  std::vector<KeyOperation> operations;                   // written only when there are any
  std::vector<KeyLookalikeNetwork> lookalike_networks;  // written only when there are any
};

// The key as JSON text (two-space indented, stable field order).
std::string RenderAnswerKey(const AnswerKey& key);

}  // namespace vigil::scenarios
