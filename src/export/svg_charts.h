// Charts for the HTML briefing, drawn as inline SVG by Vigil itself (no scripts, no external files).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vigil/findings.h"

namespace vigil::exporting {

// Daily mentions of one target, with surge windows shaded and event markers.
std::string MentionTimelineSvg(const std::vector<TimelinePoint>& timeline, const std::vector<Surge>& surges,
                               const std::vector<Event>& events);

struct EngagementBar {
  std::string label;     // date or short title
  int64_t interactions = 0;
  bool lower_bound = false;
};
// Interactions per post as bars against the baseline median (solid line) and 90th percentile (dashed).
std::string EngagementSvg(const std::vector<EngagementBar>& bars, const Baseline& baseline);

// One stacked bar (favour / against / neutral) per narrative.
std::string StanceMixSvg(const std::vector<Narrative>& narratives);

// The actor at the centre, the posts it amplified around it, and the amplifying accounts on an outer
// ring joined to the post each reposted; node shade by repost delay.
std::string AmplifierNetworkSvg(const AnalysisReport& report, const Incident& incident);

// The actor's campaigns over time, the current incident highlighted.
std::string CampaignHistorySvg(const Incident& incident);

}  // namespace vigil::exporting
