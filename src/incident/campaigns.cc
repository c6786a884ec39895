#include "incident/campaigns.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace vigil {

std::vector<CampaignWindow> FindCampaignWindows(const std::vector<Post>& posts, const std::vector<Mention>& mentions,
                                                float min_confidence, int64_t gap_seconds) {
  // (platform, account, target) -> post indexes; a post mentioning a target twice counts once.
  std::map<std::tuple<std::string, std::string, uint32_t>, std::vector<uint32_t>> grouped;
  for (const Mention& m : mentions) {
    if (m.confidence < min_confidence) continue;
    const Post& p = posts[m.post_index];
    if (!p.repost_of.empty()) continue;  // a repost amplifies its original's author; it is not a campaign of its own
    auto& list = grouped[{p.platform, p.account_id, m.target_index}];
    if (list.empty() || list.back() != m.post_index) list.push_back(m.post_index);
  }
  std::vector<CampaignWindow> windows;
  for (auto& [key, indexes] : grouped) {
    std::sort(indexes.begin(), indexes.end());
    indexes.erase(std::unique(indexes.begin(), indexes.end()), indexes.end());
    CampaignWindow open;
    for (uint32_t idx : indexes) {
      const int64_t at = posts[idx].published_at;
      if (!open.posts.empty() && at - open.end > gap_seconds) {
        windows.push_back(std::move(open));
        open = CampaignWindow{};
      }
      if (open.posts.empty()) {
        open.platform = std::get<0>(key);
        open.account_id = std::get<1>(key);
        open.target_index = std::get<2>(key);
        open.start = at;
      }
      open.posts.push_back(idx);
      open.end = at;
    }
    if (!open.posts.empty()) windows.push_back(std::move(open));
  }
  return windows;
}

}  // namespace vigil
