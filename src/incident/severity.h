// Severity: a 0-100 score that explains itself. Each signal adds points with a plain-language line
// carrying the numbers behind it. Every weight and threshold is in one table, SeverityWeights, documented in
// docs/severity.md: calibrating the score changes that table, not the rules.
#pragma once

#include <cstdint>

#include "vigil/findings.h"

namespace vigil {

struct SeverityWeights {
  // engagement: the actor's typical post against its peer group, when a rank test rules out chance
  double engagement_points_per_doubling = 12;  // of the median post's ratio to the peer median
  double engagement_max = 30;
  double engagement_min_ratio = 1.5;           // the median post at least this multiple of the peer median
  // One-sided Mann-Whitney U against the peer group's posts at p <= this / (windows tested against the
  // group): the chance of one false finding per peer group over the whole analysis.
  double engagement_family_alpha = 0.01;
  // surge: daily mention surges the actor (or its amplifiers) drove
  double surge_points = 10;
  double surge_after_event_bonus = 5;
  double surge_max = 25;
  // coordination: accounts that amplified the actor's posts fast, or as one co-action community
  double coordination_base = 10;
  double coordination_points_per_account = 1.0 / 3;
  double coordination_max = 20;
  int64_t coordination_min_accounts = 5;
  // ... of which this many spread two or more of the actor's posts: readers sharing one popular post now and
  // then are not a network.
  int64_t coordination_min_repeat_accounts = 5;
  // ... and the network (the fast amplifiers or the co-action community) carries the actor's amplification:
  // at least this share of every account that reposted, linked or copied its posts, or at least
  // coordination_large_network accounts whatever the share. A popular outlet's readers form a small quick
  // cluster among many slower sharers; a network dominates, or is large in its own right.
  double coordination_min_network_share = 0.25;
  int64_t coordination_large_network = 15;
  double state_affiliation_points = 15;
  double mixed_narrative_points = 10;
  double history_points_per_target = 5;
  double history_max = 10;
  // The same actor's other campaign was amplified like a network (the coordination thresholds above, without
  // the co-action community): a known operator, declared or not.
  double coordinated_history_points = 15;
  int64_t volume_min_posts = 3;
  double volume_points = 5;
  // hostile language toward the target (attack model): describes the content, not its reach, so it is no
  // influence indicator
  double hostile_points = 5;
  double hostile_points_per_extra_post = 1;
  double hostile_max = 10;
  // Without an influence indicator (coordination; or outsized engagement from a state-affiliated actor or
  // one that ran a coordinated campaign) the other signals describe ordinary coverage: the score stays at or
  // below this.
  double unindicated_cap = 25;
};

// The weights Vigil ships with.
inline constexpr SeverityWeights kDefaultSeverityWeights{};

// Fills incident->contributions, severity and level from the incident's measured findings.
void ScoreSeverity(Incident* incident, const SeverityWeights& weights = kDefaultSeverityWeights);

}  // namespace vigil
