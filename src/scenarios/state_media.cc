// A state-media peer group and its routine coverage (see parts.h). Modelled on how PRC and Russian state
// outlets cover foreign elections: neutral wire-style briefs on event days among a steady flow of other news,
// at the engagement every post of theirs draws.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "scenarios/metrics.h"
#include "scenarios/parts.h"

namespace vigil::scenarios {
namespace {

constexpr size_t kAccountsAtOneTimes = 5;
constexpr size_t kAccountsAtTenTimes = 8;
constexpr double kPostsPerDayAtOneTimes = 8.0;  // the whole group, at volume 1
constexpr double kRoutineMentionShare = 0.03;   // ordinary days: posts that are a brief about a candidate
constexpr double kEventBriefChance = 0.5;       // each outlet on an event day
constexpr int32_t kMoscowOffsetMinutes = 3 * 60;
constexpr int32_t kBeijingOffsetMinutes = 8 * 60;

std::string PeerGroupId(Sponsor sponsor, const std::string& platform) {
  return fmt::format("{}-state-media-{}", sponsor == Sponsor::kChina ? "cn" : "ru", platform);
}

}  // namespace

std::string AddStateMedia(ScenarioBuilder& b, const StateMediaOptions& o) {
  Rng rng = b.Stream("state-media-" + o.platform);
  const World& w = b.world();
  const size_t wanted = o.volume_multiple > 1 ? kAccountsAtTenTimes : kAccountsAtOneTimes;
  std::vector<Account> accounts = StateMediaAccounts(o.sponsor, o.platform);
  accounts.resize(std::min(accounts.size(), wanted));
  const double per_account =
      kPostsPerDayAtOneTimes * o.volume_multiple * b.size().volume / static_cast<double>(accounts.size());
  const PlatformEngagement& engagement = EngagementOn(o.platform);
  const Lang lang = StateMediaLang(o.platform);
  const int32_t offset = o.sponsor == Sponsor::kChina ? kBeijingOffsetMinutes : kMoscowOffsetMinutes;
  const std::string group = PeerGroupId(o.sponsor, o.platform);

  std::map<std::string, std::pair<int64_t, int64_t>> posts_and_mentions;  // account -> (posts, naming a candidate)
  std::map<std::string, std::vector<std::string>> targets_named;
  auto publish = [&](const Account& account, const WorldDay& day, const Article& a, bool about_candidate) {
    Post p = b.MakePost(account, b.AwakeTime(rng, day, offset), a, lang);
    SetEngagement(
        rng, o.platform,
        static_cast<int64_t>(std::llround(rng.LogNormal(engagement.state_media_median, engagement.state_media_sigma))),
        p.metrics);
    PostTruth truth;
    truth.role = Role::kStateMedia;
    if (!b.Add(std::move(p), truth)) return;
    auto& counts = posts_and_mentions[account.id];
    counts.first += 1;
    counts.second += about_candidate;
  };
  for (const WorldDay& day : w.days) {
    for (const Account& account : accounts) {
      for (int64_t n = DrawCount(rng, per_account); n > 0; --n) {
        if (rng.Bernoulli(kRoutineMentionShare)) {
          const Candidate& target = *rng.Pick(w.targets);
          publish(account, day, b.texts().RoutineBrief(rng, nullptr, target, lang), true);
          targets_named[account.id].push_back(target.id);
        } else {
          publish(account, day, b.texts().StateNews(rng, o.sponsor, lang), false);
        }
      }
      if (day.event && rng.Bernoulli(kEventBriefChance)) {
        const Candidate& target = day.event->target_id.empty() ? *rng.Pick(w.targets) : w.Target(day.event->target_id);
        publish(account, day, b.texts().RoutineBrief(rng, day.event, target, lang), true);
        targets_named[account.id].push_back(target.id);
      }
    }
  }

  PeerGroup peers{
      group,
      fmt::format(
          "{} state media on {}; their engagement is the baseline a state-linked account there is compared with",
          o.sponsor == Sponsor::kChina ? "PRC" : "Russian", o.platform),
      {}};
  for (const Account& account : accounts) {
    b.DeclareActor({o.platform, account.id, account.name, Affiliation::kStateMedia, SponsorCountry(o.sponsor), "", ""});
    peers.members.push_back({o.platform, account.id});
    const auto [posts, mentions] = posts_and_mentions[account.id];
    if (mentions == 0) continue;
    std::vector<std::string> targets = targets_named[account.id];
    std::sort(targets.begin(), targets.end());
    targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
    b.AddLookalike({AccountKey(account), account.name, targets, "routine-state-media",
                    fmt::format("state media covering the election in {} of its {} posts ({:.1f}%): neutral briefs on "
                                "event days and now and then, at its usual engagement, with no amplifiers",
                                mentions, posts, 100.0 * static_cast<double>(mentions) / static_cast<double>(posts))});
  }
  b.DeclarePeerGroup(std::move(peers));
  return group;
}

}  // namespace vigil::scenarios
