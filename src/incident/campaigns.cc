#include "incident/campaigns.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace vigil {

namespace {

// The targets a post is about: those named in its title, else those it names most often. A post about one
// candidate that mentions another in passing ("succeeding Trudeau") is not a campaign against the second.
std::vector<bool> PrimaryMentions(const std::vector<Mention>& mentions, float min_confidence) {
  std::vector<bool> primary(mentions.size(), false);
  for (size_t begin = 0; begin < mentions.size();) {
    size_t end = begin;
    while (end < mentions.size() && mentions[end].post_index == mentions[begin].post_index) ++end;
    std::map<uint32_t, int> count;
    std::set<uint32_t> in_title;
    for (size_t i = begin; i < end; ++i) {
      if (mentions[i].confidence < min_confidence) continue;
      ++count[mentions[i].target_index];
      if (mentions[i].in_title) in_title.insert(mentions[i].target_index);
    }
    int most = 0;
    for (const auto& [target, n] : count) most = std::max(most, n);
    for (size_t i = begin; i < end; ++i) {
      const uint32_t t = mentions[i].target_index;
      primary[i] = count.count(t) && (in_title.empty() ? count[t] == most : in_title.count(t) > 0);
    }
    begin = end;
  }
  return primary;
}

}  // namespace

std::vector<CampaignWindow> FindCampaignWindows(const std::vector<Post>& posts, const std::vector<Mention>& mentions,
                                                float min_confidence, int64_t gap_seconds) {
  // (platform, account, target) -> post indexes; a post mentioning a target twice counts once.
  std::map<std::tuple<std::string, std::string, uint32_t>, std::vector<uint32_t>> grouped;
  const std::vector<bool> primary = PrimaryMentions(mentions, min_confidence);
  for (size_t mention_idx = 0; mention_idx < mentions.size(); ++mention_idx) {
    const Mention& m = mentions[mention_idx];
    if (m.confidence < min_confidence || !primary[mention_idx]) continue;
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
