// Findings: what Vigil's signals measure and what an incident assembles from them. Plain data, produced by
// src/detect and src/incident, consumed by the report writers and the exporters (src/report, src/export).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vigil/post.h"
#include "vigil/watch_config.h"

namespace vigil {

enum class Stance { kNeutral = 0, kFavor = 1, kAgainst = 2 };
const char* StanceName(Stance s);  // "neutral", "favor", "against"

// One watched target found in one post.
struct Mention {
  uint32_t post_index = 0;   // index into the analysed post vector
  uint32_t target_index = 0;  // index into WatchConfig::targets
  std::string alias;          // the alias as written in the gazetteer
  uint32_t offset = 0;        // byte offset in the normalised title + "\n" + text
  float confidence = 1.0f;    // 1 for unambiguous aliases; lower for short forms without context
  bool in_title = false;      // found in the post's title (the post is about this target)
};

// A post's stance toward one target it mentions.
struct TargetStance {
  uint32_t post_index = 0;
  uint32_t target_index = 0;
  Stance stance = Stance::kNeutral;
  float score = 0;  // signed: > 0 favour, < 0 against
  // Probability that the sentences naming the target attack or insult (the Chinese attack model, highest
  // over the target's mentions); -1 when not measured (no model, or the post is not Chinese).
  float attack = -1;
};

enum class Granularity { kDay, kHour };

struct EventRef {
  Event event;
  int64_t lead_hours = 0;  // from the event's day to the surge's peak day (0: same day)
};

// A window of mention volume far above its robust baseline.
struct Surge {
  std::string target_id;
  Granularity granularity = Granularity::kDay;
  int64_t window_start = 0;  // Unix seconds, inclusive
  int64_t window_end = 0;    // Unix seconds, exclusive
  int64_t peak_start = 0;    // the busiest bucket in the window
  int64_t mentions = 0;      // mentions in the busiest bucket
  double baseline = 0;       // median mentions per bucket over the trailing baseline
  double spread = 0;         // scaled MAD of that baseline
  double ratio = 0;          // mentions / max(baseline, floor)
  double robust_z = 0;
  int64_t interactions = 0;  // interactions on the surge's posts
  std::vector<EventRef> preceding_events;
};

// One post's engagement against its account's own history and against its peer group.
struct EngagementScore {
  uint32_t post_index = 0;
  Count interactions;
  Count views;
  double account_median = 0;  // median interactions of the account's other posts (0 if none)
  double peer_median = 0;     // median interactions per post across the peer group's posts
  std::string peer_group_id;  // the baseline used; empty when the account belongs to none
  double ratio_to_account = 0;
  double ratio_to_peer = 0;
  double peer_robust_z = 0;   // on log1p scale, against the peer group
};

// The state-media (or other) baseline a set of posts is compared against.
struct Baseline {
  std::string peer_group_id;
  std::string description;
  int64_t posts = 0;
  double median_interactions = 0;
  double p90_interactions = 0;
  double median_views = 0;
  int64_t censored_views = 0;  // how many of the baseline's view counts were lower bounds
};

// A cluster of an actor's posts about a target that push one line of argument.
struct Narrative {
  std::string label;                   // top terms
  std::vector<std::string> top_terms;
  uint32_t representative_post = 0;
  int64_t posts = 0;
  int64_t favor = 0, against = 0, neutral = 0;
  int64_t first_seen = 0, last_seen = 0;
};

struct StanceMix {
  int64_t favor = 0, against = 0, neutral = 0;
  bool mixed = false;  // both favour and against present in meaningful shares
};

// An earlier (or concurrent) campaign of the same actor against any watched target.
struct Campaign {
  std::string target_id;
  std::string target_name;
  int64_t start = 0, end = 0;
  int64_t posts = 0;
  int64_t interactions = 0;
  int64_t amplifier_accounts = 0;  // distinct accounts that reposted or shared its posts
};

// An account that amplified an incident's posts, and how fast.
struct Amplification {
  std::string platform, account_id, account_name;
  std::string amplified_post;  // key of the post it amplified
  int64_t delay_seconds = 0;
};

// One tie of a coordinated community: two accounts that co-shared the incident's objects within the window.
struct CoordinationTie {
  std::string account, account_y;  // "<platform>:<account_id>"
  int64_t weight = 0;              // co-shares
  double avg_time_delta_seconds = 0;
  std::vector<std::string> objects;  // what they co-shared ("repost:...", "url:...", "text:...")
};

struct CoordinationSummary {
  int64_t accounts = 0;
  int64_t edges = 0;
  int64_t shared_objects = 0;
  int64_t median_delay_seconds = 0;
  int64_t fast_accounts = 0;            // accounts that amplified within fast_window_seconds
  int64_t fast_window_seconds = 15 * 60;
  double state_affiliated_share = 0;
  std::vector<Amplification> amplifiers;
  std::string community_id;
  // Added with the coordination engine (src/coord):
  int64_t window_seconds = 0;              // co-action window the network was built with
  int64_t total_amplifier_accounts = 0;    // every account that amplified the posts, coordinated or not
  int64_t state_affiliated_accounts = 0;   // in the community
  int64_t max_delay_seconds = 0;
  int64_t first_share = 0, last_share = 0;  // Unix seconds of the community's amplifying shares
  std::vector<std::string> object_ids;     // the incident's objects the community co-shared
  std::vector<CoordinationTie> ties;       // the community's edges, heaviest first
};

// One reason the severity is what it is: a named signal, its points and the numbers behind them.
struct SeverityContribution {
  std::string signal;       // e.g. "engagement", "surge", "state-affiliation"
  double points = 0;
  std::string explanation;  // plain language with the figures, e.g. "peak 4.1x the state-media median"
};

// Hostile language toward the target in an incident's evidence posts, from the Chinese attack model.
struct HostileLanguage {
  bool available = false;      // false: not measured (no trained model, or no Chinese evidence post)
  std::string unavailable_reason;
  int64_t measured_posts = 0;  // evidence posts the model read
  float threshold = 0;         // attack probability from which a post counts as hostile
  struct Post {
    uint32_t post_index = 0;   // into the analysed posts
    std::string post_key;      // "<platform>:<id>"
    float attack = 0;          // attack probability of the sentences naming the target
  };
  std::vector<Post> hostile;   // posts at or above the attack threshold, strongest first
};

enum class SeverityLevel { kLow, kMedium, kHigh, kCritical };
const char* SeverityLevelName(SeverityLevel l);

struct Incident {
  std::string id;  // deterministic: derived from actor, target and window
  Actor actor;     // known actor from the configuration, or an Unknown-affiliation stand-in
  std::string target_id;
  std::string target_name;
  int64_t window_start = 0, window_end = 0;
  double severity = 0;  // 0..100
  SeverityLevel level = SeverityLevel::kLow;
  std::vector<SeverityContribution> contributions;
  std::vector<uint32_t> evidence_posts;  // indexes into the analysed posts, by time
  std::vector<Surge> surges;
  Baseline baseline;
  double peak_ratio_to_peer = 0;
  double median_ratio_to_peer = 0;
  int64_t max_interactions = 0, min_interactions = 0;
  Count max_views;
  StanceMix stance;
  std::vector<Narrative> narratives;
  std::vector<Campaign> history;  // the actor's other campaigns, oldest first
  CoordinationSummary coordination;
  HostileLanguage hostile_language;
  std::string operation_id;  // the network operation the actor belongs to (Operation::id), "" when none
};

// ---- Network operations: many accounts acting in concert, whether or not any is declared (src/network) ----

enum class NetworkRole { kOriginator, kAmplifier, kReplier };
const char* NetworkRoleName(NetworkRole r);  // "originator", "amplifier", "replier"

struct OperationAccount {
  std::string account;       // "<platform>:<account_id>"
  std::string name;
  NetworkRole role = NetworkRole::kAmplifier;
  int64_t posts = 0;         // its posts in the data
  int64_t target_posts = 0;  // its posts about watched targets
  int64_t replies = 0;       // its replies and comments to watched targets' accounts
  int64_t ties = 0;          // members it co-acted with
  std::string affiliation;   // when it is a declared actor ("state-linked", ...), else ""
};

// What the network did about one target.
struct OperationTarget {
  std::string target_id, target_name;
  int64_t posts = 0, accounts = 0, replies = 0;
  StanceMix stance;
  int64_t first_seen = 0, last_seen = 0;
};

struct OperationDay {
  int64_t day_start = 0;    // 00:00 UTC
  int64_t target_posts = 0; // the network's posts about watched targets that day
};

// A day of the network's posts about targets far above its own median day.
struct OperationSurge {
  int64_t day_start = 0;
  int64_t target_posts = 0;
  double baseline = 0;  // the network's median posts about targets per day over its active span
  double ratio = 0;
  std::vector<EventRef> preceding_events;  // events on that day or up to two days before
};

// An inauthentic-network signal that needs no engagement figure, with what it measured.
struct NetworkSignal {
  std::string signal;    // "text-templates", "reply-burst-new-accounts", "named-in-series", ...
  bool present = false;  // value reached the threshold
  double value = 0;
  double threshold = 0;
  std::string evidence;  // plain language with the figures
  std::vector<std::string> examples;  // post keys, account keys or texts behind it
};

struct Operation {
  std::string id;  // deterministic: from its accounts
  std::vector<OperationAccount> accounts;  // by role, then most posts about targets
  int64_t ties = 0;                        // account pairs that co-acted at least the minimum
  double mean_tie_weight = 0;              // co-actions per tie
  std::vector<std::string> top_objects;    // what members co-shared most ("url:...", "text:...", "reply:...")
  std::vector<OperationTarget> targets;    // most posts first
  int64_t posts = 0, target_posts = 0;
  int64_t first_seen = 0, last_seen = 0;   // of its posts about targets
  StanceMix stance;                        // over every post about a target
  bool both_sides = false;                 // praises some target and attacks some target (or both of one)
  std::vector<OperationDay> timeline;      // days with posts about targets
  std::vector<OperationSurge> surges;
  std::vector<NetworkSignal> signals;
  std::vector<std::string> attribution;    // why it is attributed, plain language; empty: unattributed
  std::vector<std::string> declared_actors;  // members listed in the watch configuration
  std::vector<std::string> incident_ids;     // actor incidents of its members (Incident::operation_id)
  std::vector<std::string> related_operations;  // earlier operations it shares text templates or links with
  int64_t reach_outside = 0;  // reposts and replies to members' posts by accounts outside the network
  double severity = 0;
  SeverityLevel level = SeverityLevel::kLow;
  std::vector<SeverityContribution> contributions;
};

struct IngestStats {
  int64_t records_read = 0;
  int64_t posts_stored = 0;
  int64_t rejected = 0;
  int64_t duplicates_updated = 0;
};

// Daily mention volume of one target (for timelines and charts).
struct TimelinePoint {
  std::string target_id;
  int64_t day_start = 0;  // Unix seconds of 00:00 UTC
  int64_t mentions = 0;
  int64_t interactions = 0;
};

// Everything one analysis run found: the input it read and what it concluded. Evidence indexes
// (post_index, evidence_posts, representative_post) point into `posts`.
struct AnalysisReport {
  std::string case_name;
  int64_t generated_at = 0;  // Unix seconds (injected clock)
  WatchConfig config;
  std::vector<Post> posts;  // the analysed posts, sorted by published_at
  std::vector<Mention> mentions;
  std::vector<TargetStance> stances;
  std::vector<Surge> surges;
  std::vector<Baseline> baselines;
  std::vector<TimelinePoint> timeline;
  std::vector<Incident> incidents;  // by severity, highest first
  std::vector<Operation> operations;  // by severity, highest first
  IngestStats ingest;
};

}  // namespace vigil
