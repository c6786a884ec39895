#include "incident/amplification.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace vigil {
namespace {

// At equal delay the most explicit evidence wins.
int ViaRank(Via via) { return static_cast<int>(via); }

}  // namespace

const char* ViaName(Via via) {
  switch (via) {
    case Via::kRepost: return "repost";
    case Via::kLink: return "link";
    case Via::kCopy: return "copy";
  }
  return "";
}

AmplificationIndex::AmplificationIndex(const std::vector<Post>& posts, std::vector<int64_t> copy_group,
                                       int64_t window_seconds)
    : posts_(posts), window_seconds_(window_seconds), copy_group_(std::move(copy_group)) {
  for (uint32_t i = 0; i < posts.size(); ++i) {
    const Post& p = posts[i];
    if (!p.repost_of.empty()) by_reposted_key_[p.platform + ":" + p.repost_of].push_back(i);
    for (const std::string& link : p.links) {
      std::string canonical = CanonicalUrl(link);
      if (!canonical.empty()) by_link_[std::move(canonical)].push_back(i);
    }
    if (copy_group_[i] >= 0) copies_[copy_group_[i]].push_back(i);
  }
}

void AmplificationIndex::Offer(AmplificationMatch match, std::unordered_map<uint32_t, AmplificationMatch>* best) const {
  const Post& o = posts_[match.original];
  const Post& c = posts_[match.amplifier];
  if (c.account_id == o.account_id && c.platform == o.platform) return;  // self-promotion is not amplification
  const int64_t delay = c.published_at - o.published_at;
  if (delay < 0 || delay > window_seconds_) return;
  auto [it, inserted] = best->try_emplace(match.amplifier, match);
  if (inserted) return;
  const int64_t kept_delay = c.published_at - posts_[it->second.original].published_at;
  if (std::make_tuple(delay, ViaRank(match.via)) < std::make_tuple(kept_delay, ViaRank(it->second.via))) {
    it->second = std::move(match);
  }
}

void AmplificationIndex::MatchReposts(uint32_t original, std::unordered_map<uint32_t, AmplificationMatch>* best) const {
  auto it = by_reposted_key_.find(posts_[original].Key());
  if (it == by_reposted_key_.end()) return;
  const std::string object = "repost:" + posts_[original].Key();
  for (uint32_t c : it->second) Offer({original, c, Via::kRepost, object}, best);
}

// Links to the original itself, and to URLs its author was the first in the data to share (its own
// articles elsewhere); not to pages everyone shares.
void AmplificationIndex::MatchLinks(uint32_t original, std::unordered_map<uint32_t, AmplificationMatch>* best) const {
  const Post& o = posts_[original];
  auto match_url = [&](const std::string& canonical, bool own_address) {
    auto it = by_link_.find(canonical);
    if (it == by_link_.end()) return;
    const Post& first = posts_[it->second.front()];
    if (!own_address && (first.account_id != o.account_id || first.platform != o.platform)) return;
    for (uint32_t c : it->second) Offer({original, c, Via::kLink, "url:" + canonical}, best);
  };
  if (std::string own = CanonicalUrl(o.url); !own.empty()) match_url(own, true);
  for (const std::string& link : o.links) {
    if (std::string canonical = CanonicalUrl(link); !canonical.empty()) match_url(canonical, false);
  }
}

// Later posts of the original's copy group within the window, when the original is where the text started:
// a copier is amplified by nobody, the others copied the original too.
void AmplificationIndex::MatchCopies(uint32_t original, std::unordered_map<uint32_t, AmplificationMatch>* best) const {
  if (copy_group_[original] < 0) return;
  const std::vector<uint32_t>& group = copies_.at(copy_group_[original]);
  const Post& o = posts_[original];
  auto at_or_after = [&](int64_t t) {
    return std::lower_bound(group.begin(), group.end(), t,
                            [&](uint32_t post, int64_t at) { return posts_[post].published_at < at; });
  };
  for (auto it = at_or_after(o.published_at - window_seconds_); it != group.end() && *it != original; ++it) {
    const Post& earlier = posts_[*it];
    if (earlier.published_at >= o.published_at) break;
    if (earlier.account_id != o.account_id || earlier.platform != o.platform) return;  // the original copied
  }
  const std::string object = "copy:" + o.Key();
  for (auto it = at_or_after(o.published_at);
       it != group.end() && posts_[*it].published_at <= o.published_at + window_seconds_; ++it) {
    Offer({original, *it, Via::kCopy, object}, best);
  }
}

std::vector<AmplificationMatch> AmplificationIndex::MatchesOf(const std::vector<uint32_t>& originals) const {
  std::unordered_map<uint32_t, AmplificationMatch> best;  // per amplifying post
  for (uint32_t original : originals) {
    MatchReposts(original, &best);
    MatchLinks(original, &best);
    MatchCopies(original, &best);
  }
  std::vector<AmplificationMatch> out;
  out.reserve(best.size());
  for (auto& [post, match] : best) out.push_back(std::move(match));
  auto delay = [&](const AmplificationMatch& m) {
    return posts_[m.amplifier].published_at - posts_[m.original].published_at;
  };
  std::sort(out.begin(), out.end(), [&](const AmplificationMatch& a, const AmplificationMatch& b) {
    return std::make_tuple(delay(a), posts_[a.amplifier].account_id, a.amplifier) <
           std::make_tuple(delay(b), posts_[b.amplifier].account_id, b.amplifier);
  });
  return out;
}

Amplification AmplificationIndex::Describe(const AmplificationMatch& match) const {
  const Post& o = posts_[match.original];
  const Post& c = posts_[match.amplifier];
  return {c.platform, c.account_id, c.account_name, o.Key(), c.published_at - o.published_at, c.Key(), ViaName(match.via)};
}

std::vector<Amplification> AmplificationIndex::AmplifiersOf(const std::vector<uint32_t>& originals) const {
  std::vector<Amplification> out;
  for (const AmplificationMatch& m : MatchesOf(originals)) out.push_back(Describe(m));
  return out;
}

std::vector<ShareTuple> AmplificationIndex::SharesOf(const std::vector<AmplificationMatch>& matches) const {
  std::vector<ShareTuple> tuples;
  auto share = [&](const std::string& object, uint32_t post) {
    const Post& p = posts_[post];
    tuples.push_back({object, p.platform + ":" + p.account_id, p.Key(), p.published_at, post});
  };
  std::vector<std::pair<std::string, uint32_t>> originals;
  for (const AmplificationMatch& m : matches) {
    originals.emplace_back(m.object, m.original);
    share(m.object, m.amplifier);
  }
  std::sort(originals.begin(), originals.end());
  originals.erase(std::unique(originals.begin(), originals.end()), originals.end());
  for (const auto& [object, post] : originals) share(object, post);
  return tuples;
}

Status MergeAmplifierNetwork(Result<CoordinationSummary> network, const std::string& incident_id,
                             CoordinationSummary* direct) {
  if (!network.ok()) {
    return Status(network.status().code(),
                  fmt::format("incident {}: the co-action network of its {} amplifying accounts could not be "
                              "measured: {}",
                              incident_id, direct->accounts, network.status().message()));
  }
  if (network->accounts == 0) return Status::Ok();
  CoordinationSummary merged = std::move(network).value();
  merged.fast_accounts = direct->fast_accounts;
  merged.fast_window_seconds = direct->fast_window_seconds;
  merged.total_amplifier_accounts = direct->accounts;
  *direct = std::move(merged);
  return Status::Ok();
}

}  // namespace vigil
