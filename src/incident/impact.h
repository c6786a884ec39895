// Impact: how far an incident's content travelled (ImpactEstimate in vigil/findings.h, after the Breakout
// Scale): the platforms its posts and their amplifications reached, and whether accounts outside the
// operation's own network (the actor, its coordinated and its fast amplifiers) spread them.
#pragma once

#include <vector>

#include "incident/amplification.h"
#include "vigil/findings.h"

namespace vigil {

// REQUIRES: incident's evidence posts, actor and coordination are measured; `matches` are the amplifications
// of the incident's posts (AmplificationIndex::MatchesOf).
ImpactEstimate EstimateImpact(const std::vector<Post>& posts, const WatchConfig& config, const Incident& incident,
                              const std::vector<uint32_t>& incident_posts,
                              const std::vector<AmplificationMatch>& matches);

}  // namespace vigil
