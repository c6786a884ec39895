// The signal and incident stages of the analysis: timelines, surges, engagement, campaign windows,
// amplification, history and severity, in that order.
#include <fmt/format.h>
#include <xxhash.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "common/saturating.h"
#include "common/time.h"
#include "detect/engagement.h"
#include "detect/robust_stats.h"
#include "detect/surge.h"
#include "incident/amplification.h"
#include "incident/campaigns.h"
#include "incident/evidence_cap.h"
#include "incident/impact.h"
#include "incident/severity.h"
#include "incident/text_stage.h"
#include "vigil/analyze.h"
#include "vigil/coordination.h"

namespace vigil {
namespace {

constexpr size_t kMinHistoryPosts = 2;
// An actor "drove" a surge when its posts and their amplifications are at least this share of the peak.
constexpr double kMinSurgeShare = 0.2;
// Amplifications this fast are the signature of a network (CoordinationSummary's default fast window).
constexpr int64_t kFastAmplificationSeconds = CoordinationSummary{}.fast_window_seconds;
// Windows with fewer amplifying accounts than this are not worth a co-action network.
constexpr int64_t kMinCommunityCandidates = 5;

// Distinct (post, target) pairs whose mention is confident enough to count.
std::vector<std::pair<uint32_t, uint32_t>> CountedMentions(const TextFindings& text, float min_confidence) {
  std::set<std::pair<uint32_t, uint32_t>> pairs;
  for (const Mention& m : text.mentions) {
    if (m.confidence >= min_confidence) pairs.insert({m.post_index, m.target_index});
  }
  return {pairs.begin(), pairs.end()};
}

int64_t InteractionsOf(const Post& p) { return p.metrics.Interactions().value; }

std::vector<TimelinePoint> BuildTimeline(const std::vector<Post>& posts, const WatchConfig& config,
                                         const std::vector<std::pair<uint32_t, uint32_t>>& counted) {
  std::map<std::pair<uint32_t, int64_t>, TimelinePoint> points;
  for (const auto& [post, target] : counted) {
    const int64_t day = FloorDiv(posts[post].published_at, kSecondsPerDay) * kSecondsPerDay;
    TimelinePoint& point = points[{target, day}];
    point.target_id = config.targets[target].id;
    point.day_start = day;
    point.mentions += 1;
    point.interactions = SaturatingAdd(point.interactions, InteractionsOf(posts[post]));
  }
  std::vector<TimelinePoint> out;
  out.reserve(points.size());
  for (auto& [key, point] : points) out.push_back(std::move(point));
  return out;
}

std::vector<Surge> DetectAllSurges(const std::vector<Post>& posts, const WatchConfig& config,
                                   const std::vector<std::pair<uint32_t, uint32_t>>& counted) {
  std::vector<std::vector<MentionEvent>> per_target(config.targets.size());
  for (const auto& [post, target] : counted) {
    per_target[target].push_back({posts[post].published_at, InteractionsOf(posts[post])});
  }
  const std::vector<SurgeOptions> granularities = {SurgeOptions::Daily(), SurgeOptions::Hourly()};
  std::vector<std::vector<int64_t>> data_buckets;
  for (const SurgeOptions& options : granularities) data_buckets.push_back(BucketsWithData(posts, options.granularity));
  std::vector<Surge> surges;
  for (size_t t = 0; t < config.targets.size(); ++t) {
    for (size_t g = 0; g < granularities.size(); ++g) {
      auto found = DetectSurges(config.targets[t].id, per_target[t], config.events, data_buckets[g], granularities[g]);
      surges.insert(surges.end(), found.begin(), found.end());
    }
  }
  return surges;
}

Actor ActorFor(const WatchConfig& config, const Post& post) {
  if (const Actor* known = config.FindActor(post.platform, post.account_id)) return *known;
  Actor stand_in;
  stand_in.platform = post.platform;
  stand_in.account_id = post.account_id;
  stand_in.name = post.account_name.empty() ? post.account_id : post.account_name;
  return stand_in;
}

std::string IncidentId(const CampaignWindow& w, const std::string& target_id) {
  const std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}", w.platform, w.account_id, target_id, w.start);
  return fmt::format("inc-{:016x}", XXH3_64bits(key.data(), key.size()));
}

class IncidentAssembler {
 public:
  IncidentAssembler(const std::vector<Post>& posts, const WatchConfig& config, const TextFindings& text,
                    const EngagementModel& engagement, const std::vector<Surge>& surges,
                    const std::vector<CampaignWindow>& windows, const AnalyzeOptions& options)
      : posts_(posts), config_(config), engagement_(engagement), surges_(surges), options_(options),
        amplification_(posts, CopyGroups(text, posts.size()), options.amplification_window_seconds) {
    for (const TargetStance& s : text.stances) stance_of_[{s.post_index, s.target_index}] = s.stance;
    // Every window is an engagement test against its peer group: the family a p-value is corrected for.
    for (const CampaignWindow& w : windows) {
      const std::string group = engagement.BaselineFor(w.platform, w.account_id);
      if (!group.empty()) ++engagement_family_[group];
    }
  }

  Result<Incident> Assemble(const CampaignWindow& w, const std::vector<CampaignWindow>& all_windows) const {
    const Target& target = config_.targets[w.target_index];
    Incident in;
    in.id = IncidentId(w, target.id);
    in.actor = ActorFor(config_, posts_[w.posts.front()]);
    in.target_id = target.id;
    in.target_name = target.name;
    in.window_start = w.start;
    in.window_end = w.end;
    in.evidence_posts = w.posts;
    const std::vector<AmplificationMatch> amplifications = amplification_.MatchesOf(w.posts);
    MeasureEngagement(w, &in);
    AttachSurges(w, amplifications, &in);
    MeasureStance(w, &in);
    VIGIL_RETURN_IF_ERROR(MeasureAmplification(w, amplifications, &in));
    in.history = HistoryOf(w, all_windows);
    in.impact = EstimateImpact(posts_, config_, in, w.posts, amplifications);
    CapEvidence(posts_, options_.max_evidence, &in);
    ScoreSeverity(&in);
    return in;
  }

  Campaign ToCampaign(const CampaignWindow& w) const {
    Campaign c;
    c.target_id = config_.targets[w.target_index].id;
    c.target_name = config_.targets[w.target_index].name;
    c.start = w.start;
    c.end = w.end;
    c.posts = static_cast<int64_t>(w.posts.size());
    for (uint32_t idx : w.posts) c.interactions = SaturatingAdd(c.interactions, InteractionsOf(posts_[idx]));
    std::map<std::string, std::set<uint32_t>> originals_of;  // amplifying account -> the posts it spread
    std::set<std::string> fast;
    for (const AmplificationMatch& m : amplification_.MatchesOf(w.posts)) {
      const Post& p = posts_[m.amplifier];
      const std::string account = p.platform + ":" + p.account_id;
      originals_of[account].insert(m.original);
      if (p.published_at - posts_[m.original].published_at <= kFastAmplificationSeconds) fast.insert(account);
    }
    c.amplifier_accounts = static_cast<int64_t>(originals_of.size());
    c.fast_amplifier_accounts = static_cast<int64_t>(fast.size());
    c.repeat_amplifier_accounts = std::count_if(originals_of.begin(), originals_of.end(),
                                                [](const auto& account) { return account.second.size() >= 2; });
    return c;
  }

 private:
  static std::vector<int64_t> CopyGroups(const TextFindings& text, size_t posts) {
    return text.text_copy_group.size() == posts ? text.text_copy_group : std::vector<int64_t>(posts, -1);
  }

  // The typical post and the rank test against the peer group (what severity scores), and the range and
  // peak of the posts' interactions (what the report shows).
  void MeasureEngagement(const CampaignWindow& w, Incident* in) const {
    in->engagement = engagement_.TestPosts(w.platform, w.account_id, w.posts);
    if (auto family = engagement_family_.find(in->engagement.peer_group_id); family != engagement_family_.end()) {
      in->engagement.family_size = family->second;
    }
    in->min_interactions = INT64_MAX;
    for (uint32_t idx : w.posts) {
      const EngagementScore s = engagement_.Score(idx);
      if (!s.interactions.present) continue;
      in->max_interactions = std::max(in->max_interactions, s.interactions.value);
      in->min_interactions = std::min(in->min_interactions, s.interactions.value);
      if (s.views.present && s.views.value >= in->max_views.value) in->max_views = s.views;
    }
    if (in->engagement.posts == 0) in->min_interactions = 0;
    const double peer_median = in->engagement.peer_median;
    in->peak_ratio_to_peer = peer_median > 0 ? static_cast<double>(in->max_interactions) / peer_median : 0;
    in->median_ratio_to_peer = in->engagement.median_ratio;
    for (const Baseline& b : engagement_.baselines()) {
      if (b.peer_group_id == in->engagement.peer_group_id) in->baseline = b;
    }
  }

  // Surges of the target that the operation drove: its posts and its amplifiers' posts (reposts, links,
  // copies, which mention the target too) make up a real share of the surge's peak volume.
  void AttachSurges(const CampaignWindow& w, const std::vector<AmplificationMatch>& amplifications, Incident* in) const {
    for (const Surge& s : surges_) {
      if (s.target_id != in->target_id) continue;
      auto inside = [&](uint32_t post) {
        return posts_[post].published_at >= s.window_start && posts_[post].published_at < s.window_end;
      };
      int64_t own = 0, boosted = 0;
      for (uint32_t idx : w.posts) own += inside(idx);
      for (const AmplificationMatch& a : amplifications) boosted += inside(a.amplifier);
      const double share = static_cast<double>(own + boosted) / static_cast<double>(std::max<int64_t>(1, s.mentions));
      if (own + boosted > 0 && share >= kMinSurgeShare) in->surges.push_back(s);
    }
  }

  void MeasureStance(const CampaignWindow& w, Incident* in) const {
    StanceMix& mix = in->stance;
    for (uint32_t idx : w.posts) {
      auto it = stance_of_.find({idx, w.target_index});
      const Stance s = it == stance_of_.end() ? Stance::kNeutral : it->second;
      (s == Stance::kFavor ? mix.favor : s == Stance::kAgainst ? mix.against : mix.neutral) += 1;
    }
    // Mixed: both sides present, the smaller at least a fifth of the stance-bearing posts.
    const int64_t sided = mix.favor + mix.against;
    mix.mixed = mix.favor >= 2 && mix.against >= 2 && 5 * std::min(mix.favor, mix.against) >= sided;
  }

  Status MeasureAmplification(const CampaignWindow& w, const std::vector<AmplificationMatch>& amplifications,
                              Incident* in) const {
    CoordinationSummary& c = in->coordination;
    std::set<std::string> accounts;
    std::vector<double> delays;
    int64_t state_affiliated = 0;
    std::set<std::string> fast;
    std::map<std::string, std::set<uint32_t>> originals_of;  // account -> the actor's posts it spread
    for (const AmplificationMatch& m : amplifications) {
      Amplification a = amplification_.Describe(m);
      delays.push_back(static_cast<double>(a.delay_seconds));
      if (a.delay_seconds <= c.fast_window_seconds) fast.insert(a.platform + ":" + a.account_id);
      originals_of[a.platform + ":" + a.account_id].insert(m.original);
      if (accounts.insert(a.platform + ":" + a.account_id).second) {
        const Actor* known = config_.FindActor(a.platform, a.account_id);
        state_affiliated += known && known->IsStateAffiliated();
      }
      c.amplifiers.push_back(std::move(a));
    }
    c.accounts = static_cast<int64_t>(accounts.size());
    c.fast_accounts = static_cast<int64_t>(fast.size());
    c.median_delay_seconds = static_cast<int64_t>(Median(delays));
    c.state_affiliated_share = accounts.empty() ? 0 : static_cast<double>(state_affiliated) / static_cast<double>(accounts.size());
    std::set<std::string> objects;
    for (const Amplification& a : c.amplifiers) objects.insert(a.amplified_post);
    c.shared_objects = static_cast<int64_t>(objects.size());
    c.total_amplifier_accounts = c.accounts;
    if (c.accounts >= kMinCommunityCandidates) VIGIL_RETURN_IF_ERROR(AddCoordinationNetwork(w, amplifications, in->id, c));
    c.repeat_accounts = std::count_if(originals_of.begin(), originals_of.end(),
                                      [](const auto& account) { return account.second.size() >= 2; });
    return Status::Ok();
  }

  // The co-action network among the amplifiers (src/coord): when they form a community, the summary
  // becomes that community's, with its ties and shared objects; the direct evidence stays alongside.
  Status AddCoordinationNetwork(const CampaignWindow& w, const std::vector<AmplificationMatch>& amplifications,
                                const std::string& incident_id, CoordinationSummary& direct) const {
    // Connected components, not modularity communities: accounts boosting the same posts within minutes form
    // one dense block that modularity would split into arbitrary halves.
    AmplificationOptions options;
    options.method = CommunityMethod::kComponents;
    options.horizon_seconds = amplification_.window_seconds();
    return MergeAmplifierNetwork(
        SummarizeAmplification(posts_, amplification_.SharesOf(amplifications), config_, w.posts, options),
        incident_id, &direct);
  }

  // The account's other campaign windows (two posts or more), oldest first. Windows are indexed by account
  // and each window's campaign figures are computed once, so this stays linear in the account's windows.
  std::vector<Campaign> HistoryOf(const CampaignWindow& w, const std::vector<CampaignWindow>& all) const {
    if (windows_by_account_.empty()) {
      for (size_t i = 0; i < all.size(); ++i) windows_by_account_[all[i].platform + ":" + all[i].account_id].push_back(i);
      campaigns_.resize(all.size());
    }
    std::vector<Campaign> history;
    for (size_t i : windows_by_account_.at(w.platform + ":" + w.account_id)) {
      if (&all[i] == &w || all[i].posts.size() < kMinHistoryPosts) continue;
      if (!campaigns_[i]) campaigns_[i] = ToCampaign(all[i]);
      history.push_back(*campaigns_[i]);
    }
    std::sort(history.begin(), history.end(), [](const Campaign& a, const Campaign& b) { return a.start < b.start; });
    return history;
  }

  const std::vector<Post>& posts_;
  const WatchConfig& config_;
  const EngagementModel& engagement_;
  const std::vector<Surge>& surges_;
  const AnalyzeOptions& options_;
  AmplificationIndex amplification_;
  std::map<std::pair<uint32_t, uint32_t>, Stance> stance_of_;
  std::map<std::string, int64_t> engagement_family_;  // peer group -> windows tested against it
  mutable std::unordered_map<std::string, std::vector<size_t>> windows_by_account_;
  mutable std::vector<std::optional<Campaign>> campaigns_;  // per window, filled on first need
};

// Highest severity first; equal severities keep their order.
void SortBySeverity(std::vector<Incident>* incidents) {
  std::stable_sort(incidents->begin(), incidents->end(),
                   [](const Incident& a, const Incident& b) { return a.severity > b.severity; });
}

}  // namespace

Result<AnalysisReport> AssembleIncidents(std::vector<Post> posts, const WatchConfig& config, const TextFindings& text,
                                 const AnalyzeOptions& options) {
  AnalysisReport report;
  report.case_name = options.case_name;
  report.generated_at = options.now;
  report.config = config;
  report.posts = std::move(posts);
  report.mentions = text.mentions;
  report.stances = text.stances;
  const std::vector<Post>& all = report.posts;

  const auto counted = CountedMentions(text, options.min_mention_confidence);
  report.timeline = BuildTimeline(all, config, counted);
  report.surges = DetectAllSurges(all, config, counted);

  std::vector<bool> mentions_target(all.size(), false);
  for (const auto& [post, target] : counted) mentions_target[post] = true;
  const EngagementModel engagement = EngagementModel::Build(all, config, mentions_target);
  report.baselines = engagement.baselines();

  const auto windows = FindCampaignWindows(all, text.mentions, options.min_mention_confidence,
                                           options.campaign_gap_days * kSecondsPerDay);
  IncidentAssembler assembler(all, config, text, engagement, report.surges, windows, options);
  for (size_t i = 0; i < windows.size(); ++i) {
    VIGIL_ASSIGN_OR_RETURN(Incident incident, assembler.Assemble(windows[i], windows));
    report.incidents.push_back(std::move(incident));
    if (options.on_progress) options.on_progress("incidents", static_cast<int64_t>(i + 1), static_cast<int64_t>(windows.size()));
  }
  SortBySeverity(&report.incidents);
  return report;
}

void KeepReportableIncidents(double min_severity, AnalysisReport* report) {
  std::vector<Incident>& incidents = report->incidents;
  incidents.erase(std::remove_if(incidents.begin(), incidents.end(),
                                 [&](const Incident& in) { return in.severity < min_severity; }),
                  incidents.end());
  SortBySeverity(&incidents);
}

Result<AnalysisReport> AnalyzeSignals(std::vector<Post> posts, const WatchConfig& config, const TextFindings& text,
                                      const AnalyzeOptions& options) {
  VIGIL_ASSIGN_OR_RETURN(AnalysisReport report, AssembleIncidents(std::move(posts), config, text, options));
  KeepReportableIncidents(options.min_severity, &report);
  return report;
}

}  // namespace vigil
