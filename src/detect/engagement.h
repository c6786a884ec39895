// Engagement: how far a post's interactions stand above a fair baseline: its own account's ordinary
// posts, and the peer group it is compared with (e.g. Chinese state-media accounts). Counts are
// heavy-tailed, so baselines are medians and a set of posts is judged by a rank test, never by its maximum.
#pragma once

#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "detect/mann_whitney.h"
#include "detect/robust_stats.h"
#include "vigil/findings.h"

namespace vigil {

class EngagementModel {
 public:
  // Builds baselines from all posts. `mentions_target[i]` marks posts that mention a watched target: they
  // are left out of their account's ordinary history so an operation does not raise its own baseline.
  static EngagementModel Build(const std::vector<Post>& posts, const WatchConfig& config,
                               const std::vector<bool>& mentions_target);

  // Scores post `post_index` (of the vector given to Build).
  EngagementScore Score(uint32_t post_index) const;
  // Tests one account's posts (indexes into the vector given to Build) against its peer group's posts. A
  // member of the group is compared with the group without its own posts (leave-one-out).
  EngagementTest TestPosts(const std::string& platform, const std::string& account_id,
                           std::span<const uint32_t> post_indexes) const;
  // Peer-group baselines, one per configured group that has posts.
  const std::vector<Baseline>& baselines() const { return baselines_; }
  // The peer group an account is compared with: the group it belongs to, else its actor's configured
  // `baseline`, else the first group on the same platform; "" when none applies.
  std::string BaselineFor(const std::string& platform, const std::string& account_id) const;

 private:
  struct AccountHistory {
    double median_interactions = 0;
  };
  struct PeerStats {
    size_t baseline_index = 0;
    RobustSummary log_interactions;
    RankReference interactions;
  };

  const std::vector<Post>* posts_ = nullptr;
  const WatchConfig* config_ = nullptr;
  std::unordered_map<std::string, AccountHistory> accounts_;  // key: platform:account_id
  std::unordered_map<std::string, PeerStats> peers_;          // key: peer group id
  std::unordered_map<std::string, std::string> member_of_;    // platform:account_id -> peer group id
  std::unordered_map<std::string, std::vector<double>> member_values_;  // a member's own baseline values
  std::vector<Baseline> baselines_;
};

}  // namespace vigil
