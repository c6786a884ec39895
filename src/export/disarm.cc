// Mapping Vigil's signals to DISARM techniques. Thresholds are named below; docs/exports.md lists the rules.
#include "export/disarm.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "common/time.h"

namespace vigil::exporting {
namespace {

// Reposts by at least this many distinct accounts count as amplification of the actor's narrative.
constexpr size_t kMinAmplifiers = 3;
// A median repost delay under this suggests automated forwarding rather than people.
constexpr int64_t kAutomatedDelaySeconds = 60;
// A surge this many hours or less after an event reads as a response to it.
constexpr int64_t kEventResponseHours = 72;

std::string Hours(int64_t seconds) { return fmt::format("{:.1f} h", static_cast<double>(seconds) / 3600.0); }

// DISARM techniques in MISP's DISARM galaxy (misp-galaxy @9434ace4, clusters/disarm-techniques.json), by
// DISARM id, with the cluster value a galaxy tag names. The galaxy predates some techniques Vigil maps
// (T0097.202 News Outlet Persona). disarm_test checks this table against the cluster file.
const std::map<std::string_view, std::string_view>& MispGalaxyValues() {
  static const std::map<std::string_view, std::string_view> kValues = {
      {"T0049", "Flood Information Space"},
      {"T0049.003", "Bots Amplify via Automated Forwarding and Reposting"},
      {"T0066", "Degrade Adversary"},
      {"T0068", "Respond to Breaking News Event or Active Crisis"},
      {"T0118", "Amplify Existing Narrative"},
      {"T0119", "Cross-Posting"},
  };
  return kValues;
}

}  // namespace

std::string MispTechniqueTag(const DisarmTechnique& technique) {
  auto it = MispGalaxyValues().find(technique.id);
  if (it == MispGalaxyValues().end()) return fmt::format("vigil:disarm-technique=\"{} {}\"", technique.id, technique.name);
  return fmt::format("misp-galaxy:disarm-techniques=\"{}\"", it->second);
}

const DisarmTechnique* FindTechnique(std::string_view id) {
  for (const auto& technique : Disarm().techniques) {
    if (technique.id == id) return &technique;
  }
  return nullptr;
}

const char* BasisName(Basis basis) { return basis == Basis::kObserved ? "observed" : "inferred"; }

std::vector<TechniqueUse> MapToDisarm(const AnalysisReport& /*report*/, const Incident& incident) {
  std::vector<TechniqueUse> uses;
  auto add = [&](std::string_view id, Basis basis, std::string rationale) {
    if (const DisarmTechnique* technique = FindTechnique(id)) uses.push_back({technique, basis, std::move(rationale)});
  };
  // Observed: visible in the posts themselves.
  if (!incident.surges.empty()) {
    std::vector<std::string> parts;
    for (const Surge& s : incident.surges) {
      parts.push_back(fmt::format("{} mentions on {} ({:.1f}x the usual volume)", s.mentions, FormatDate(s.peak_start), s.ratio));
    }
    add("T0049", Basis::kObserved,
        fmt::format("{} surge(s) of posts about {}: {}", incident.surges.size(), incident.target_name, fmt::join(parts, "; ")));
  }
  const CoordinationSummary& c = incident.coordination;
  std::vector<std::string> amplifier_platforms;
  for (const auto& a : c.amplifiers) {
    if (std::find(amplifier_platforms.begin(), amplifier_platforms.end(), a.platform) == amplifier_platforms.end()) {
      amplifier_platforms.push_back(a.platform);
    }
  }
  if (c.amplifiers.size() >= kMinAmplifiers) {
    add("T0118", Basis::kObserved,
        fmt::format("{} accounts reposted or shared the actor's posts, median delay {}", c.amplifiers.size(),
                    Hours(c.median_delay_seconds)));
  }
  const bool cross_platform = std::any_of(amplifier_platforms.begin(), amplifier_platforms.end(),
                                          [&](const std::string& p) { return p != incident.actor.platform; });
  if (cross_platform) {
    add("T0119", Basis::kObserved,
        fmt::format("the actor's posts reappeared on other platforms: {}", fmt::join(amplifier_platforms, ", ")));
  }
  // Inferred: concluded from attribution, timing or tone, not seen as such.
  if (incident.actor.IsStateAffiliated()) {
    add("T0097.202", Basis::kInferred,
        fmt::format("{} is a {} account ({}) presenting itself as a news outlet", incident.actor.name,
                    AffiliationName(incident.actor.affiliation), incident.actor.country.empty() ? "state unknown" : incident.actor.country));
  }
  std::vector<std::string> responses;
  for (const Surge& s : incident.surges) {
    for (const EventRef& e : s.preceding_events) {
      if (e.lead_hours <= kEventResponseHours) {
        responses.push_back(fmt::format("the {} surge came {} h after \"{}\"", FormatDate(s.peak_start), e.lead_hours, e.event.label));
      }
    }
  }
  if (!responses.empty()) add("T0068", Basis::kInferred, fmt::format("{}", fmt::join(responses, "; ")));
  if (!c.amplifiers.empty() && c.median_delay_seconds > 0 && c.median_delay_seconds < kAutomatedDelaySeconds) {
    add("T0049.003", Basis::kInferred,
        fmt::format("median repost delay of {} s is faster than people usually read and share", c.median_delay_seconds));
  }
  if (incident.stance.against > incident.stance.favor && incident.stance.against > 0 && !incident.stance.mixed) {
    add("T0066", Basis::kInferred,
        fmt::format("{} of the posts argue against {}, {} for", incident.stance.against, incident.target_name, incident.stance.favor));
  }
  return uses;
}

}  // namespace vigil::exporting
