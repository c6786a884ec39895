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

// A window of mention volume far above, and improbable under, its trailing baseline.
struct Surge {
  std::string target_id;
  Granularity granularity = Granularity::kDay;
  int64_t window_start = 0;  // Unix seconds, inclusive
  int64_t window_end = 0;    // Unix seconds, exclusive
  int64_t peak_start = 0;    // the busiest bucket in the window
  int64_t mentions = 0;      // mentions in the busiest bucket
  double baseline = 0;       // expected mentions per bucket: (baseline mentions + 0.5) / baseline buckets
  int64_t baseline_buckets = 0;  // trailing buckets inside the data that formed the baseline
  double dispersion = 0;     // negative binomial: variance = baseline + dispersion * baseline^2
  double ratio = 0;          // mentions / baseline
  double p_value = 1;        // P(at least `mentions` | baseline), negative binomial
  double p_threshold = 0;    // what p_value had to reach: family alpha / buckets tested for the target
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

// How an account's posts about a target compare with its peer group's posts: the typical post, and how
// unlikely the account's posts are if drawn from the peer distribution (a one-sided Mann-Whitney U test).
// Neither grows with the number of posts the way the maximum post does.
struct EngagementTest {
  std::string peer_group_id;        // empty when the account has no peer group
  bool leave_one_out = false;       // the account belongs to the group: its own posts left the baseline
  int64_t posts = 0;                // the account's posts with an interaction count
  int64_t peer_posts = 0;           // baseline posts compared against
  double median_interactions = 0;   // of the account's posts
  double peer_median = 0;           // of the baseline posts
  double median_ratio = 0;          // median_interactions / peer_median
  double median_percentile = 0;     // where the account's median post falls among the baseline posts, 0..1
  double superiority = 0.5;         // probability that one of its posts beats a baseline post
  double p_value = 1;               // one-sided Mann-Whitney U (exact tail for small samples, else normal)
  int64_t family_size = 0;          // campaign windows of the analysis tested against this peer group
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
  int64_t amplifier_accounts = 0;  // distinct accounts that reposted, linked or copied its posts
  int64_t fast_amplifier_accounts = 0;    // ... within 15 minutes of a post
  int64_t repeat_amplifier_accounts = 0;  // ... two or more of its posts
};

// An account that amplified an incident's posts, how, and how fast.
struct Amplification {
  std::string platform, account_id, account_name;
  std::string amplified_post;  // key of the post it amplified
  int64_t delay_seconds = 0;
  std::string post;            // key of the amplifying post
  std::string via;             // "repost" (repost_of), "link" (shared its URL) or "copy" (same or near-same text)
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
  int64_t repeat_accounts = 0;          // accounts that amplified two or more of the actor's posts
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

// How far an incident's content travelled, in the spirit of Ben Nimmo's Breakout Scale (Brookings, 2020):
//   1  one platform, the operation's own network only;
//   2  one platform, reaching accounts outside the network; or several platforms without leaving it;
//   3  several platforms, reaching accounts outside the network;
//   4  picked up by media outside the network (accounts listed as outlets in the watch configuration).
// Categories 5 (amplification by prominent people) and 6 (policy response, calls for violence) need an
// analyst's judgement; Vigil never assigns them.
struct ImpactEstimate {
  int category = 1;
  std::string label;                          // plain words for the category
  std::vector<std::string> platforms;         // where the actor's posts or their amplifications appeared
  int64_t network_accounts = 0;               // the actor and its coordinated amplifiers
  int64_t outside_accounts = 0;               // other accounts that reposted, linked or copied the posts
  std::vector<std::string> breakout_platforms;  // platforms where enough outside accounts spread them
  int64_t communities = 1;                    // the network itself plus one per breakout platform
  std::vector<std::string> media_accounts;    // outside accounts listed as outlets ("platform:account")
  std::string explanation;                    // the figures behind the category
};

// What an incident holds when its evidence is capped (AnalyzeOptions::max_evidence): the lists keep the
// strongest items, these count all of them, and the query finds the rest in the store.
struct EvidenceCounts {
  int64_t posts = 0;       // the incident's posts (evidence_posts keeps the most interacted-with)
  int64_t amplifiers = 0;  // amplifications (coordination.amplifiers keeps the fastest)
  int64_t ties = 0;        // coordination ties (coordination.ties keeps the heaviest)
  bool capped = false;     // some list holds fewer than its count
  std::string store_query;  // SQL over the store listing the actor's posts in the incident's window
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
// The level of a 0-100 severity, for incidents and network operations alike: >= 70 critical, >= 50 high,
// >= 30 medium, else low.
SeverityLevel SeverityLevelFor(double severity);

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
  EngagementTest engagement;         // the test the engagement signal rests on
  double peak_ratio_to_peer = 0;     // the best post against the baseline median (shown, not scored)
  double median_ratio_to_peer = 0;   // the typical post against the baseline median
  int64_t max_interactions = 0, min_interactions = 0;
  Count max_views;
  StanceMix stance;
  std::vector<Narrative> narratives;
  std::vector<Campaign> history;  // the actor's other campaigns, oldest first
  CoordinationSummary coordination;
  ImpactEstimate impact;
  EvidenceCounts evidence_counts;
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
