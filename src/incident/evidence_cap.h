// Evidence cap: an incident's lists (posts, amplifications, coordination ties) keep their strongest items
// up to a cap, so a hostile or huge actor costs a bounded report and bounded exports; the counts of all
// items and a query that lists the actor's posts in the store stay with the incident.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vigil/findings.h"

namespace vigil {

// Fills incident->evidence_counts and trims the lists to `max_items` each (0: no cap): the posts with the
// most interactions (kept in time order), the fastest amplifications, the heaviest ties.
void CapEvidence(const std::vector<Post>& posts, int64_t max_items, Incident* incident);

// SQL over Vigil's SQLite store listing every post of `actor` published in [start, end], by time; values
// quoted as SQL string literals.
std::string ActorPostsQuery(const Actor& actor, int64_t start, int64_t end);

}  // namespace vigil
