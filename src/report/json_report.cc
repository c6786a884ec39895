// JSON report (schema vigil.report/1): every finding with the numbers and evidence behind it.
#include <nlohmann/json.hpp>

#include "common/time.h"
#include "vigil/report.h"

namespace vigil {
namespace {

using nlohmann::ordered_json;

ordered_json CountJson(const Count& c) {
  if (!c.present) return nullptr;
  return {{"value", c.value}, {"lower_bound", c.lower_bound}};
}

ordered_json ActorJson(const Actor& a) {
  return {{"platform", a.platform}, {"account_id", a.account_id}, {"name", a.name},
          {"affiliation", AffiliationName(a.affiliation)}, {"country", a.country}, {"notes", a.notes}};
}

ordered_json BaselineJson(const Baseline& b) {
  return {{"peer_group", b.peer_group_id}, {"description", b.description}, {"posts", b.posts},
          {"median_interactions", b.median_interactions}, {"p90_interactions", b.p90_interactions},
          {"median_views", b.median_views}, {"censored_views", b.censored_views}};
}

ordered_json EngagementTestJson(const EngagementTest& t) {
  return {{"peer_group", t.peer_group_id}, {"leave_one_out", t.leave_one_out}, {"posts", t.posts},
          {"peer_posts", t.peer_posts}, {"median_interactions", t.median_interactions},
          {"peer_median_interactions", t.peer_median}, {"median_ratio", t.median_ratio},
          {"median_percentile", t.median_percentile}, {"superiority", t.superiority}, {"p_value", t.p_value},
          {"family_size", t.family_size}};
}

ordered_json ImpactJson(const ImpactEstimate& i) {
  return {{"scale", "breakout"}, {"category", i.category}, {"label", i.label}, {"platforms", i.platforms},
          {"network_accounts", i.network_accounts}, {"outside_accounts", i.outside_accounts},
          {"breakout_platforms", i.breakout_platforms}, {"communities", i.communities},
          {"media_accounts", i.media_accounts}, {"explanation", i.explanation}};
}

ordered_json SurgeJson(const Surge& s) {
  ordered_json events = ordered_json::array();
  for (const EventRef& e : s.preceding_events) {
    events.push_back({{"date", e.event.date.ToString()}, {"label", e.event.label}, {"target", e.event.target_id},
                      {"lead_hours", e.lead_hours}});
  }
  return {{"target", s.target_id}, {"granularity", s.granularity == Granularity::kDay ? "day" : "hour"},
          {"window_start", FormatUtc(s.window_start)}, {"window_end", FormatUtc(s.window_end)},
          {"peak_start", FormatUtc(s.peak_start)}, {"mentions", s.mentions}, {"baseline", s.baseline},
          {"baseline_buckets", s.baseline_buckets}, {"dispersion", s.dispersion}, {"ratio", s.ratio},
          {"p_value", s.p_value}, {"p_threshold", s.p_threshold}, {"interactions", s.interactions},
          {"preceding_events", events}};
}

ordered_json PostRef(const AnalysisReport& r, uint32_t index) {
  const Post& p = r.posts[index];
  return {{"key", p.Key()}, {"platform", p.platform}, {"id", p.id}, {"account_id", p.account_id},
          {"account_name", p.account_name}, {"published_at", FormatUtc(p.published_at)}, {"title", p.title},
          {"url", p.url},
          {"metrics",
           {{"views", CountJson(p.metrics.views)}, {"likes", CountJson(p.metrics.likes)},
            {"shares", CountJson(p.metrics.shares)}, {"comments", CountJson(p.metrics.comments)},
            {"reactions", CountJson(p.metrics.reactions)}, {"interactions", CountJson(p.metrics.Interactions())}}},
          {"source", {{"file", p.source_file}, {"line", p.source_line}}}};
}

const char* StanceOf(const AnalysisReport& r, uint32_t post, const std::string& target_id) {
  for (const TargetStance& s : r.stances) {
    if (s.post_index == post && r.config.targets[s.target_index].id == target_id) return StanceName(s.stance);
  }
  return StanceName(Stance::kNeutral);
}

ordered_json IncidentJson(const AnalysisReport& r, const Incident& in) {
  ordered_json contributions = ordered_json::array();
  for (const SeverityContribution& c : in.contributions) {
    contributions.push_back({{"signal", c.signal}, {"points", c.points}, {"explanation", c.explanation}});
  }
  ordered_json surges = ordered_json::array();
  for (const Surge& s : in.surges) surges.push_back(SurgeJson(s));
  ordered_json narratives = ordered_json::array();
  for (const Narrative& n : in.narratives) {
    narratives.push_back({{"label", n.label}, {"top_terms", n.top_terms}, {"posts", n.posts}, {"favor", n.favor},
                          {"against", n.against}, {"neutral", n.neutral}, {"first_seen", FormatUtc(n.first_seen)},
                          {"last_seen", FormatUtc(n.last_seen)},
                          {"representative", PostRef(r, n.representative_post)}});
  }
  ordered_json history = ordered_json::array();
  for (const Campaign& c : in.history) {
    history.push_back({{"target", c.target_id}, {"target_name", c.target_name}, {"start", FormatUtc(c.start)},
                       {"end", FormatUtc(c.end)}, {"posts", c.posts}, {"interactions", c.interactions},
                       {"amplifier_accounts", c.amplifier_accounts},
                       {"fast_amplifier_accounts", c.fast_amplifier_accounts},
                       {"repeat_amplifier_accounts", c.repeat_amplifier_accounts}});
  }
  ordered_json amplifiers = ordered_json::array();
  for (const Amplification& a : in.coordination.amplifiers) {
    amplifiers.push_back({{"platform", a.platform}, {"account_id", a.account_id}, {"account_name", a.account_name},
                          {"amplified_post", a.amplified_post}, {"delay_seconds", a.delay_seconds},
                          {"post", a.post}, {"via", a.via}});
  }
  ordered_json ties = ordered_json::array();
  for (const CoordinationTie& t : in.coordination.ties) {
    ties.push_back({{"account", t.account}, {"account_y", t.account_y}, {"weight", t.weight},
                    {"avg_time_delta_seconds", t.avg_time_delta_seconds}, {"objects", t.objects}});
  }
  ordered_json hostile = ordered_json::array();
  for (const HostileLanguage::Post& p : in.hostile_language.hostile) {
    ordered_json post = PostRef(r, p.post_index);
    post["attack"] = p.attack;
    hostile.push_back(std::move(post));
  }
  ordered_json evidence = ordered_json::array();
  for (uint32_t idx : in.evidence_posts) {
    ordered_json post = PostRef(r, idx);
    post["stance"] = StanceOf(r, idx, in.target_id);
    evidence.push_back(std::move(post));
  }
  return {
      {"id", in.id},
      {"severity", in.severity},
      {"level", SeverityLevelName(in.level)},
      {"impact", ImpactJson(in.impact)},
      {"actor", ActorJson(in.actor)},
      {"target", {{"id", in.target_id}, {"name", in.target_name}}},
      {"window", {{"start", FormatUtc(in.window_start)}, {"end", FormatUtc(in.window_end)}}},
      {"contributions", contributions},
      {"engagement",
       {{"baseline", BaselineJson(in.baseline)}, {"test", EngagementTestJson(in.engagement)},
        {"peak_ratio_to_peer", in.peak_ratio_to_peer},
        {"median_ratio_to_peer", in.median_ratio_to_peer}, {"min_interactions", in.min_interactions},
        {"max_interactions", in.max_interactions}, {"max_views", CountJson(in.max_views)}}},
      {"surges", surges},
      {"stance", {{"favor", in.stance.favor}, {"against", in.stance.against}, {"neutral", in.stance.neutral},
                  {"mixed", in.stance.mixed}}},
      {"narratives", narratives},
      {"history", history},
      {"coordination",
       {{"accounts", in.coordination.accounts}, {"edges", in.coordination.edges},
        {"shared_objects", in.coordination.shared_objects},
        {"median_delay_seconds", in.coordination.median_delay_seconds},
        {"fast_accounts", in.coordination.fast_accounts},
        {"repeat_accounts", in.coordination.repeat_accounts},
        {"fast_window_seconds", in.coordination.fast_window_seconds},
        {"state_affiliated_share", in.coordination.state_affiliated_share},
        {"community_id", in.coordination.community_id}, {"window_seconds", in.coordination.window_seconds},
        {"total_amplifier_accounts", in.coordination.total_amplifier_accounts},
        {"state_affiliated_accounts", in.coordination.state_affiliated_accounts},
        {"max_delay_seconds", in.coordination.max_delay_seconds}, {"object_ids", in.coordination.object_ids},
        {"ties", ties}, {"amplifiers", amplifiers}}},
      {"hostile_language",
       {{"status", in.hostile_language.available ? "measured" : "unavailable"},
        {"reason", in.hostile_language.unavailable_reason}, {"measured_posts", in.hostile_language.measured_posts},
        {"threshold", in.hostile_language.threshold}, {"posts", hostile}}},
      {"evidence", evidence},
      {"evidence_counts",
       {{"posts", in.evidence_counts.posts}, {"amplifiers", in.evidence_counts.amplifiers},
        {"ties", in.evidence_counts.ties}, {"capped", in.evidence_counts.capped},
        {"store_query", in.evidence_counts.store_query}}},
      {"operation", in.operation_id},
  };
}

ordered_json ContributionsJson(const std::vector<SeverityContribution>& contributions) {
  ordered_json out = ordered_json::array();
  for (const SeverityContribution& c : contributions) {
    out.push_back({{"signal", c.signal}, {"points", c.points}, {"explanation", c.explanation}});
  }
  return out;
}

ordered_json StanceMixJson(const StanceMix& m) {
  return {{"favor", m.favor}, {"against", m.against}, {"neutral", m.neutral}, {"mixed", m.mixed}};
}

ordered_json OperationJson(const Operation& op) {
  ordered_json accounts = ordered_json::array();
  for (const OperationAccount& a : op.accounts) {
    accounts.push_back({{"account", a.account}, {"name", a.name}, {"role", NetworkRoleName(a.role)},
                        {"posts", a.posts}, {"target_posts", a.target_posts}, {"replies", a.replies},
                        {"ties", a.ties}, {"affiliation", a.affiliation}});
  }
  ordered_json targets = ordered_json::array();
  for (const OperationTarget& t : op.targets) {
    targets.push_back({{"id", t.target_id}, {"name", t.target_name}, {"posts", t.posts}, {"accounts", t.accounts},
                       {"replies", t.replies}, {"stance", StanceMixJson(t.stance)},
                       {"first_seen", FormatUtc(t.first_seen)}, {"last_seen", FormatUtc(t.last_seen)}});
  }
  ordered_json timeline = ordered_json::array();
  for (const OperationDay& d : op.timeline) timeline.push_back({{"day", FormatDate(d.day_start)}, {"target_posts", d.target_posts}});
  ordered_json surges = ordered_json::array();
  for (const OperationSurge& s : op.surges) {
    ordered_json events = ordered_json::array();
    for (const EventRef& e : s.preceding_events) {
      events.push_back({{"date", e.event.date.ToString()}, {"label", e.event.label}, {"target", e.event.target_id},
                        {"lead_hours", e.lead_hours}});
    }
    surges.push_back({{"day", FormatDate(s.day_start)}, {"target_posts", s.target_posts}, {"baseline", s.baseline},
                      {"ratio", s.ratio}, {"preceding_events", events}});
  }
  ordered_json signals = ordered_json::array();
  for (const NetworkSignal& s : op.signals) {
    signals.push_back({{"signal", s.signal}, {"present", s.present}, {"value", s.value}, {"threshold", s.threshold},
                       {"evidence", s.evidence}, {"examples", s.examples}});
  }
  return {
      {"id", op.id},
      {"severity", op.severity},
      {"level", SeverityLevelName(op.level)},
      {"contributions", ContributionsJson(op.contributions)},
      {"accounts", accounts},
      {"ties", op.ties},
      {"mean_tie_weight", op.mean_tie_weight},
      {"top_objects", op.top_objects},
      {"targets", targets},
      {"posts", op.posts},
      {"target_posts", op.target_posts},
      {"window", {{"start", FormatUtc(op.first_seen)}, {"end", FormatUtc(op.last_seen)}}},
      {"stance", StanceMixJson(op.stance)},
      {"both_sides", op.both_sides},
      {"timeline", timeline},
      {"surges", surges},
      {"signals", signals},
      {"reach_outside", op.reach_outside},
      {"attribution", op.attribution},
      {"declared_actors", op.declared_actors},
      {"related_operations", op.related_operations},
      {"incidents", op.incident_ids},
  };
}

}  // namespace

std::string RenderReportJson(const AnalysisReport& r) {
  ordered_json targets = ordered_json::array();
  for (const Target& t : r.config.targets) {
    targets.push_back({{"id", t.id}, {"name", t.name}, {"party", t.party}, {"aliases", t.aliases}});
  }
  ordered_json baselines = ordered_json::array();
  for (const Baseline& b : r.baselines) baselines.push_back(BaselineJson(b));
  ordered_json surges = ordered_json::array();
  for (const Surge& s : r.surges) surges.push_back(SurgeJson(s));
  ordered_json timeline = ordered_json::array();
  for (const TimelinePoint& p : r.timeline) {
    timeline.push_back({{"target", p.target_id}, {"day", FormatDate(p.day_start)}, {"mentions", p.mentions},
                        {"interactions", p.interactions}});
  }
  ordered_json incidents = ordered_json::array();
  for (const Incident& in : r.incidents) incidents.push_back(IncidentJson(r, in));
  ordered_json operations = ordered_json::array();
  for (const Operation& op : r.operations) operations.push_back(OperationJson(op));
  ordered_json root = {
      {"schema", "vigil.report/1"},
      {"case", r.case_name},
      {"generated_at", FormatUtc(r.generated_at)},
      {"posts_analysed", r.posts.size()},
      {"mentions", r.mentions.size()},
      {"ingest", {{"records_read", r.ingest.records_read}, {"posts_stored", r.ingest.posts_stored},
                  {"rejected", r.ingest.rejected}, {"duplicates_updated", r.ingest.duplicates_updated}}},
      {"targets", targets},
      {"baselines", baselines},
      {"surges", surges},
      {"timeline", timeline},
      {"incidents", incidents},
      {"operations", operations},
  };
  return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace vigil
