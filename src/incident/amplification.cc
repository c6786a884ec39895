#include "incident/amplification.h"

#include <algorithm>
#include <set>

namespace vigil {

AmplificationIndex::AmplificationIndex(const std::vector<Post>& posts) : posts_(posts) {
  for (uint32_t i = 0; i < posts.size(); ++i) {
    const Post& p = posts[i];
    if (!p.repost_of.empty()) by_reposted_key_[p.platform + ":" + p.repost_of].push_back(i);
    for (const std::string& link : p.links) by_link_[link].push_back(i);
  }
}

std::vector<Amplification> AmplificationIndex::AmplifiersOf(const std::vector<uint32_t>& originals) const {
  std::vector<Amplification> out;
  std::set<uint32_t> seen;
  auto add = [&](uint32_t original, uint32_t candidate) {
    const Post& o = posts_[original];
    const Post& c = posts_[candidate];
    if (c.account_id == o.account_id && c.platform == o.platform) return;  // self-promotion is not amplification
    if (c.published_at < o.published_at || !seen.insert(candidate).second) return;
    out.push_back({c.platform, c.account_id, c.account_name, o.Key(), c.published_at - o.published_at});
  };
  for (uint32_t original : originals) {
    const Post& o = posts_[original];
    if (auto it = by_reposted_key_.find(o.Key()); it != by_reposted_key_.end()) {
      for (uint32_t c : it->second) add(original, c);
    }
    if (o.url.empty()) continue;
    if (auto it = by_link_.find(o.url); it != by_link_.end()) {
      for (uint32_t c : it->second) add(original, c);
    }
  }
  std::sort(out.begin(), out.end(), [](const Amplification& a, const Amplification& b) {
    return std::tie(a.delay_seconds, a.account_id) < std::tie(b.delay_seconds, b.account_id);
  });
  return out;
}

}  // namespace vigil
