#include "incident/impact.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace vigil {
namespace {

// Outside accounts needed on a platform before the content counts as having broken out there: one stray
// repost is not an audience.
constexpr size_t kMinBreakoutAccounts = 3;

std::string AccountKey(const std::string& platform, const std::string& account_id) {
  return platform + ":" + account_id;
}

// Outlets the analyst listed: actors marked as media, and the members of peer groups (news accounts whose
// engagement forms a baseline).
bool IsListedOutlet(const WatchConfig& config, const std::string& platform, const std::string& account_id) {
  if (const Actor* actor = config.FindActor(platform, account_id)) {
    if (actor->affiliation == Affiliation::kStateMedia || actor->affiliation == Affiliation::kIndependent) return true;
  }
  for (const PeerGroup& group : config.peer_groups) {
    for (const AccountRef& member : group.members) {
      if (member.platform == platform && member.account_id == account_id) return true;
    }
  }
  return false;
}

// The operation's own network: the actor, the accounts of its coordination community and those that
// amplified within the fast window.
std::set<std::string> NetworkOf(const Incident& in, const std::vector<Post>& posts,
                                const std::vector<AmplificationMatch>& matches) {
  std::set<std::string> network = {AccountKey(in.actor.platform, in.actor.account_id)};
  for (const CoordinationTie& tie : in.coordination.ties) {
    network.insert(tie.account);
    network.insert(tie.account_y);
  }
  for (const AmplificationMatch& m : matches) {
    const Post& p = posts[m.amplifier];
    if (p.published_at - posts[m.original].published_at <= in.coordination.fast_window_seconds) {
      network.insert(AccountKey(p.platform, p.account_id));
    }
  }
  return network;
}

int Category(size_t platforms, size_t breakout_platforms, size_t media) {
  if (media > 0) return 4;
  if (platforms >= 2 && breakout_platforms > 0) return 3;
  if (platforms >= 2 || breakout_platforms > 0) return 2;
  return 1;
}

const char* Label(int category, size_t platforms) {
  switch (category) {
    case 4: return "picked up by media outside the operation's network";
    case 3: return "several platforms, spread beyond the operation's network";
    case 2: return platforms >= 2 ? "several platforms, inside the operation's network"
                                  : "one platform, spread beyond the operation's network";
    default: return "one platform, inside the operation's network";
  }
}

}  // namespace

ImpactEstimate EstimateImpact(const std::vector<Post>& posts, const WatchConfig& config, const Incident& incident,
                              const std::vector<uint32_t>& incident_posts,
                              const std::vector<AmplificationMatch>& matches) {
  std::set<std::string> platforms;
  for (uint32_t idx : incident_posts) platforms.insert(posts[idx].platform);
  const std::set<std::string> network = NetworkOf(incident, posts, matches);
  std::map<std::string, std::set<std::string>> outside_by_platform;
  std::set<std::string> outside, media;
  for (const AmplificationMatch& m : matches) {
    const Post& p = posts[m.amplifier];
    platforms.insert(p.platform);
    const std::string key = AccountKey(p.platform, p.account_id);
    if (network.count(key)) continue;
    outside.insert(key);
    outside_by_platform[p.platform].insert(key);
    if (IsListedOutlet(config, p.platform, p.account_id)) media.insert(key);
  }

  ImpactEstimate impact;
  impact.platforms.assign(platforms.begin(), platforms.end());
  impact.network_accounts = static_cast<int64_t>(network.size());
  impact.outside_accounts = static_cast<int64_t>(outside.size());
  for (const auto& [platform, accounts] : outside_by_platform) {
    if (accounts.size() >= kMinBreakoutAccounts) impact.breakout_platforms.push_back(platform);
  }
  impact.communities = 1 + static_cast<int64_t>(impact.breakout_platforms.size());
  impact.media_accounts.assign(media.begin(), media.end());
  impact.category = Category(platforms.size(), impact.breakout_platforms.size(), media.size());
  impact.label = Label(impact.category, platforms.size());
  impact.explanation = fmt::format(
      "on {} ({} platform(s)); the operation's network: {} account(s) (the actor and its coordinated or fast "
      "amplifiers); {} other account(s) reposted, linked or copied the posts{}{}. Categories 5-6 (prominent "
      "amplifiers, policy response) need an analyst",
      fmt::join(impact.platforms, ", "), impact.platforms.size(), impact.network_accounts, impact.outside_accounts,
      impact.breakout_platforms.empty()
          ? fmt::format(", fewer than {} on any platform: no breakout", kMinBreakoutAccounts)
          : fmt::format(", breaking out on {}", fmt::join(impact.breakout_platforms, ", ")),
      media.empty() ? "" : fmt::format("; listed outlets among them: {}", fmt::join(impact.media_accounts, ", ")));
  return impact;
}

}  // namespace vigil
