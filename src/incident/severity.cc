#include "incident/severity.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "common/strings.h"
#include "common/time.h"

namespace vigil {
namespace {

// Weights (docs/severity.md). Engagement and coordination carry most weight: they are what made the
// reference operation reach millions. Affiliation alone never reaches the reporting threshold.
constexpr double kEngagementPointsPerDoubling = 12;
constexpr double kEngagementMax = 30;
constexpr double kEngagementMinRatio = 1.5;
constexpr double kSurgePoints = 10;
constexpr double kSurgeAfterEventBonus = 5;
constexpr double kSurgeMax = 25;
constexpr double kStateLinkedPoints = 15;
constexpr double kMixedNarrativePoints = 10;
constexpr double kHistoryPointsPerTarget = 5;
constexpr double kHistoryMax = 10;
constexpr double kCoordinationBase = 10;
constexpr double kCoordinationMax = 20;
constexpr int64_t kCoordinationMinAccounts = 5;
constexpr int64_t kVolumeMinPosts = 3;
constexpr double kVolumePoints = 5;
// Hostile language toward the target describes the content, not its reach: a few points, no indicator.
constexpr double kHostilePoints = 5;
constexpr double kHostilePointsPerExtraPost = 1;
constexpr double kHostileMax = 10;
constexpr size_t kHostilePostsCited = 5;
// Without an influence indicator (outsized engagement, coordinated amplification, state affiliation) the
// remaining signals describe ordinary news coverage; they cannot lift an incident above this.
constexpr double kUnindicatedCap = 25;
constexpr const char* kIndicators[] = {"engagement", "coordination", "state-affiliation"};

std::string Thousands(double v) { return vigil::Thousands(static_cast<int64_t>(std::llround(v))); }

void AddEngagement(Incident* in) {
  if (in->peak_ratio_to_peer < kEngagementMinRatio || in->baseline.peer_group_id.empty()) return;
  const double points = std::min(kEngagementMax, kEngagementPointsPerDoubling * std::log2(in->peak_ratio_to_peer));
  in->contributions.push_back(
      {"engagement", points,
       fmt::format("posts drew {}-{} interactions, peaking at {:.1f}x the {} median of {} per post (median post "
                   "{:.1f}x)",
                   Thousands(static_cast<double>(in->min_interactions)),
                   Thousands(static_cast<double>(in->max_interactions)), in->peak_ratio_to_peer,
                   in->baseline.peer_group_id, Thousands(in->baseline.median_interactions), in->median_ratio_to_peer)});
}

void AddSurges(Incident* in) {
  double points = 0;
  std::vector<std::string> parts;
  for (const Surge& s : in->surges) {
    if (s.granularity != Granularity::kDay) continue;
    points += kSurgePoints;
    std::string part = fmt::format("{} ({} mentions, {:.1f}x baseline", FormatDate(s.peak_start), s.mentions, s.ratio);
    if (!s.preceding_events.empty()) {
      points += kSurgeAfterEventBonus;
      part += fmt::format(", {}h after '{}'", s.preceding_events.front().lead_hours,
                          s.preceding_events.front().event.label);
    }
    parts.push_back(part + ")");
  }
  if (parts.empty()) return;
  in->contributions.push_back({"surge", std::min(points, kSurgeMax),
                               fmt::format("the actor posted into {} mention surge(s): {}", parts.size(),
                                           fmt::join(parts, "; "))});
}

void AddAffiliation(Incident* in) {
  if (!in->actor.IsStateAffiliated()) return;
  in->contributions.push_back(
      {"state-affiliation", kStateLinkedPoints,
       fmt::format("{} is {} ({}){}", in->actor.name, AffiliationName(in->actor.affiliation),
                   in->actor.country.empty() ? "country not recorded" : in->actor.country,
                   in->actor.notes.empty() ? "" : ": " + in->actor.notes)});
}

void AddStance(Incident* in) {
  if (!in->stance.mixed) return;
  in->contributions.push_back(
      {"mixed-narratives", kMixedNarrativePoints,
       fmt::format("conflicting stances toward {}: {} favourable, {} hostile, {} neutral posts{}", in->target_name,
                   in->stance.favor, in->stance.against, in->stance.neutral,
                   in->narratives.size() > 1 ? fmt::format(" across {} narratives", in->narratives.size()) : "")});
}

void AddHistory(Incident* in) {
  std::vector<std::string> targets, campaigns;
  for (const Campaign& c : in->history) {
    if (c.target_id == in->target_id) continue;
    if (std::find(targets.begin(), targets.end(), c.target_id) == targets.end()) targets.push_back(c.target_id);
    campaigns.push_back(fmt::format("{} ({} to {}, {} posts, {} interactions)", c.target_name, FormatDate(c.start),
                                    FormatDate(c.end), c.posts, Thousands(static_cast<double>(c.interactions))));
  }
  if (targets.empty()) return;
  const double points = std::min(kHistoryMax, kHistoryPointsPerTarget * static_cast<double>(targets.size()));
  in->contributions.push_back({"actor-history", points,
                               fmt::format("the same actor ran {} other campaign(s) against {} watched target(s): {}",
                                           campaigns.size(), targets.size(), fmt::join(campaigns, "; "))});
}

void AddCoordination(Incident* in) {
  const CoordinationSummary& c = in->coordination;
  if (c.fast_accounts < kCoordinationMinAccounts && c.community_id.empty()) return;
  const int64_t strength = std::max(c.fast_accounts, c.community_id.empty() ? 0 : c.accounts);
  const double points = std::min(kCoordinationMax, kCoordinationBase + static_cast<double>(strength) / 3.0);
  std::string text = fmt::format("{} accounts amplified the actor's posts within {} minutes of publication ({} "
                                 "amplifying accounts in all)",
                                 c.fast_accounts, c.fast_window_seconds / 60, c.total_amplifier_accounts);
  if (!c.community_id.empty()) {
    text += fmt::format("; {} of them form coordination community {} ({} ties, co-sharing within {} s, median delay "
                        "{} s)",
                        c.accounts, c.community_id, c.edges, c.window_seconds, c.median_delay_seconds);
  }
  if (c.state_affiliated_share > 0) text += fmt::format("; {:.0f}% state-affiliated", 100 * c.state_affiliated_share);
  in->contributions.push_back({"coordination", points, text});
}

void AddVolume(Incident* in) {
  const auto posts = static_cast<int64_t>(in->evidence_posts.size());
  if (posts < kVolumeMinPosts) return;
  in->contributions.push_back({"volume", kVolumePoints,
                               fmt::format("{} posts about {} between {} and {}", posts, in->target_name,
                                           FormatDate(in->window_start), FormatDate(in->window_end))});
}

void AddHostileLanguage(Incident* in) {
  const HostileLanguage& h = in->hostile_language;
  if (!h.available || h.hostile.empty()) return;
  const double points =
      std::min(kHostileMax, kHostilePoints + kHostilePointsPerExtraPost * static_cast<double>(h.hostile.size() - 1));
  std::vector<std::string> cited;
  for (size_t i = 0; i < h.hostile.size() && i < kHostilePostsCited; ++i) {
    cited.push_back(fmt::format("{} ({:.2f})", h.hostile[i].post_key, h.hostile[i].attack));
  }
  in->contributions.push_back(
      {"hostile-language", points,
       fmt::format("hostile language toward {}: {} of {} evidence posts attack or insult in the sentences naming "
                   "the target (attack model probability >= {:.2f}): {}{}",
                   in->target_name, h.hostile.size(), h.measured_posts, h.threshold, fmt::join(cited, ", "),
                   h.hostile.size() > cited.size() ? ", ..." : "")});
}

}  // namespace

SeverityLevel LevelFor(double severity) {
  if (severity >= 70) return SeverityLevel::kCritical;
  if (severity >= 50) return SeverityLevel::kHigh;
  if (severity >= 30) return SeverityLevel::kMedium;
  return SeverityLevel::kLow;
}

void ScoreSeverity(Incident* incident) {
  incident->contributions.clear();
  AddEngagement(incident);
  AddSurges(incident);
  AddCoordination(incident);
  AddAffiliation(incident);
  AddStance(incident);
  AddHistory(incident);
  AddVolume(incident);
  AddHostileLanguage(incident);
  double total = 0;
  bool indicated = false;
  for (const SeverityContribution& c : incident->contributions) {
    total += c.points;
    for (const char* indicator : kIndicators) indicated = indicated || c.signal == indicator;
  }
  if (!indicated && total > kUnindicatedCap) {
    incident->contributions.push_back(
        {"cap", kUnindicatedCap - total,
         fmt::format("no influence indicator (outsized engagement, coordinated amplification or state affiliation): "
                     "capped at {:.0f}",
                     kUnindicatedCap)});
    total = kUnindicatedCap;
  }
  incident->severity = std::min(100.0, std::round(total * 10) / 10);
  incident->level = LevelFor(incident->severity);
}

}  // namespace vigil
