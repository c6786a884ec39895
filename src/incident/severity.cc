#include "incident/severity.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "common/strings.h"
#include "common/time.h"

namespace vigil {
namespace {

// The signals whose presence lets an incident past the cap (see SeverityWeights::unindicated_cap).
constexpr const char* kCoordinationSignal = "coordination";
constexpr const char* kEngagementSignal = "engagement";
constexpr const char* kCoordinatedHistorySignal = "coordinated-history";
// How many hostile posts the explanation names (the rest are in the report's hostile_language list).
constexpr size_t kHostilePostsCited = 5;

std::string Thousands(double v) { return vigil::Thousands(static_cast<int64_t>(std::llround(v))); }

// The actor's posts in the incident: all of them, also when the evidence list is capped.
int64_t PostCount(const Incident& in) {
  return std::max(in.evidence_counts.posts, static_cast<int64_t>(in.evidence_posts.size()));
}

void AddEngagement(Incident* in, const SeverityWeights& w) {
  const EngagementTest& t = in->engagement;
  const double p_threshold = w.engagement_family_alpha / static_cast<double>(std::max<int64_t>(1, t.family_size));
  if (t.peer_group_id.empty() || t.median_ratio < w.engagement_min_ratio || t.p_value > p_threshold) return;
  const double points = std::min(w.engagement_max, w.engagement_points_per_doubling * std::log2(t.median_ratio));
  in->contributions.push_back(
      {kEngagementSignal, points,
       fmt::format("the typical post drew {:.1f}x the {} median of {} interactions per post (median {} over {} "
                   "posts, at the {:.0f}th percentile of the {} baseline posts{}; one-sided Mann-Whitney p = "
                   "{:.1g}, needed {:.1g}); posts drew {}-{}, peaking at {:.1f}x",
                   t.median_ratio, t.peer_group_id, Thousands(t.peer_median), Thousands(t.median_interactions),
                   t.posts, 100 * t.median_percentile, vigil::Thousands(t.peer_posts),
                   t.leave_one_out ? ", the actor's own posts left out" : "", t.p_value, p_threshold,
                   Thousands(static_cast<double>(in->min_interactions)),
                   Thousands(static_cast<double>(in->max_interactions)), in->peak_ratio_to_peer)});
}

void AddSurges(Incident* in, const SeverityWeights& w) {
  double points = 0;
  std::vector<std::string> parts;
  for (const Surge& s : in->surges) {
    if (s.granularity != Granularity::kDay) continue;
    points += w.surge_points;
    std::string part = fmt::format("{} ({} mentions, {:.1f}x the baseline of {:.1f}/day, p = {:.1g}",
                                   FormatDate(s.peak_start), s.mentions, s.ratio, s.baseline, s.p_value);
    if (!s.preceding_events.empty()) {
      points += w.surge_after_event_bonus;
      part += fmt::format(", {}h after '{}'", s.preceding_events.front().lead_hours,
                          s.preceding_events.front().event.label);
    }
    parts.push_back(part + ")");
  }
  if (parts.empty()) return;
  in->contributions.push_back({"surge", std::min(points, w.surge_max),
                               fmt::format("the actor or its amplifiers posted into {} mention surge(s): {}",
                                           parts.size(), fmt::join(parts, "; "))});
}

void AddAffiliation(Incident* in, const SeverityWeights& w) {
  if (!in->actor.IsStateAffiliated()) return;
  in->contributions.push_back(
      {"state-affiliation", w.state_affiliation_points,
       fmt::format("{} is {} ({}){}", in->actor.name, AffiliationName(in->actor.affiliation),
                   in->actor.country.empty() ? "country not recorded" : in->actor.country,
                   in->actor.notes.empty() ? "" : ": " + in->actor.notes)});
}

void AddStance(Incident* in, const SeverityWeights& w) {
  if (!in->stance.mixed) return;
  in->contributions.push_back(
      {"mixed-narratives", w.mixed_narrative_points,
       fmt::format("conflicting stances toward {}: {} favourable, {} hostile, {} neutral posts{}", in->target_name,
                   in->stance.favor, in->stance.against, in->stance.neutral,
                   in->narratives.size() > 1 ? fmt::format(" across {} narratives", in->narratives.size()) : "")});
}

void AddHistory(Incident* in, const SeverityWeights& w) {
  std::vector<std::string> targets, campaigns;
  for (const Campaign& c : in->history) {
    if (c.target_id == in->target_id) continue;
    if (std::find(targets.begin(), targets.end(), c.target_id) == targets.end()) targets.push_back(c.target_id);
    campaigns.push_back(fmt::format("{} ({} to {}, {} posts, {} interactions)", c.target_name, FormatDate(c.start),
                                    FormatDate(c.end), c.posts, Thousands(static_cast<double>(c.interactions))));
  }
  if (targets.empty()) return;
  const double points = std::min(w.history_max, w.history_points_per_target * static_cast<double>(targets.size()));
  in->contributions.push_back({"actor-history", points,
                               fmt::format("the same actor ran {} other campaign(s) against {} watched target(s): {}",
                                           campaigns.size(), targets.size(), fmt::join(campaigns, "; "))});
}

// The actor's other campaigns that were amplified like a network: it is a known operator here too.
void AddCoordinatedHistory(Incident* in, const SeverityWeights& w) {
  std::vector<std::string> coordinated;
  for (const Campaign& c : in->history) {
    if (c.fast_amplifier_accounts < w.coordination_min_accounts ||
        c.repeat_amplifier_accounts < w.coordination_min_repeat_accounts) {
      continue;
    }
    coordinated.push_back(fmt::format("{} ({} to {}: {} accounts amplified its posts within 15 minutes, {} spread "
                                      "two or more)",
                                      c.target_name, FormatDate(c.start), FormatDate(c.end), c.fast_amplifier_accounts,
                                      c.repeat_amplifier_accounts));
  }
  if (coordinated.empty()) return;
  in->contributions.push_back({kCoordinatedHistorySignal, w.coordinated_history_points,
                               fmt::format("the same actor's other campaign(s) were amplified by networks: {}",
                                           fmt::join(coordinated, "; "))});
}

void AddCoordination(Incident* in, const SeverityWeights& w) {
  const CoordinationSummary& c = in->coordination;
  if (c.fast_accounts < w.coordination_min_accounts && c.community_id.empty()) return;
  if (c.repeat_accounts < w.coordination_min_repeat_accounts) return;
  const int64_t strength = std::max(c.fast_accounts, c.community_id.empty() ? 0 : c.accounts);
  const auto amplifying = static_cast<double>(std::max(c.total_amplifier_accounts, strength));
  if (strength < w.coordination_large_network &&
      static_cast<double>(strength) < w.coordination_min_network_share * amplifying) {
    return;
  }
  const double points =
      std::min(w.coordination_max, w.coordination_base + static_cast<double>(strength) * w.coordination_points_per_account);
  std::string text = fmt::format("{} accounts amplified the actor's posts within {} minutes of publication ({} "
                                 "accounts reposted, linked or copied them in all)",
                                 c.fast_accounts, c.fast_window_seconds / 60, c.total_amplifier_accounts);
  if (!c.community_id.empty()) {
    text += fmt::format("; {} of them form coordination community {} ({} ties, co-sharing within {} s, median delay "
                        "{} s)",
                        c.accounts, c.community_id, c.edges, c.window_seconds, c.median_delay_seconds);
  }
  text += fmt::format("; {} accounts spread two or more of its posts", c.repeat_accounts);
  if (c.state_affiliated_share > 0) text += fmt::format("; {:.0f}% state-affiliated", 100 * c.state_affiliated_share);
  in->contributions.push_back({kCoordinationSignal, points, text});
}

void AddVolume(Incident* in, const SeverityWeights& w) {
  const int64_t posts = PostCount(*in);
  if (posts < w.volume_min_posts) return;
  in->contributions.push_back({"volume", w.volume_points,
                               fmt::format("{} posts about {} between {} and {}", posts, in->target_name,
                                           FormatDate(in->window_start), FormatDate(in->window_end))});
}

bool Scored(const Incident& in, const char* signal) {
  return std::any_of(in.contributions.begin(), in.contributions.end(),
                     [&](const SeverityContribution& c) { return c.signal == signal; });
}

// Influence indicators an analyst accepts: coordinated amplification; or outsized engagement from an actor
// that is state-affiliated or ran a coordinated campaign. Engagement alone is what organic virality looks like.
bool HasInfluenceIndicator(const Incident& in) {
  if (Scored(in, kCoordinationSignal)) return true;
  return Scored(in, kEngagementSignal) && (in.actor.IsStateAffiliated() || Scored(in, kCoordinatedHistorySignal));
}

// Ordinary coverage (surges, volume, history, mixed stance, state affiliation, or engagement alone) stays
// below the reporting threshold.
void CapWithoutIndicator(Incident* in, double total, const SeverityWeights& w) {
  if (HasInfluenceIndicator(*in) || total <= w.unindicated_cap) return;
  in->contributions.push_back(
      {"cap", w.unindicated_cap - total,
       fmt::format("no influence indicator (coordinated amplification, or outsized engagement from a "
                   "state-affiliated actor or one that ran a coordinated campaign): capped at {:.0f}",
                   w.unindicated_cap)});
}

// Hostile language toward the target describes the content, not its reach: a few points, no indicator.
void AddHostileLanguage(Incident* in, const SeverityWeights& w) {
  const HostileLanguage& h = in->hostile_language;
  if (!h.available || h.hostile.empty()) return;
  const double points =
      std::min(w.hostile_max, w.hostile_points + w.hostile_points_per_extra_post * static_cast<double>(h.hostile.size() - 1));
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

void ScoreSeverity(Incident* incident, const SeverityWeights& weights) {
  incident->contributions.clear();
  AddEngagement(incident, weights);
  AddSurges(incident, weights);
  AddCoordination(incident, weights);
  AddAffiliation(incident, weights);
  AddStance(incident, weights);
  AddHistory(incident, weights);
  AddCoordinatedHistory(incident, weights);
  AddVolume(incident, weights);
  AddHostileLanguage(incident, weights);
  double total = 0;
  for (const SeverityContribution& c : incident->contributions) total += c.points;
  CapWithoutIndicator(incident, total, weights);
  total = std::min(total, HasInfluenceIndicator(*incident) ? total : weights.unindicated_cap);
  incident->severity = std::min(100.0, std::round(total * 10) / 10);
  incident->level = SeverityLevelFor(incident->severity);
}

}  // namespace vigil
