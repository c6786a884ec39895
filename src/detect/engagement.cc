#include "detect/engagement.h"

#include <cmath>

namespace vigil {
namespace {

constexpr double kMinLogSpread = 0.1;  // a uniform peer group still has ~10% natural variation

std::string AccountKey(const std::string& platform, const std::string& account_id) {
  return platform + ":" + account_id;
}

double SafeRatio(double value, double baseline) { return baseline > 0 ? value / baseline : 0; }

}  // namespace

EngagementModel EngagementModel::Build(const std::vector<Post>& posts, const WatchConfig& config,
                                       const std::vector<bool>& mentions_target) {
  EngagementModel model;
  model.posts_ = &posts;
  model.config_ = &config;
  for (const PeerGroup& group : config.peer_groups) {
    for (const AccountRef& m : group.members) model.member_of_.emplace(AccountKey(m.platform, m.account_id), group.id);
  }

  std::unordered_map<std::string, std::vector<double>> ordinary, all_posts, peer_interactions, peer_views;
  std::unordered_map<std::string, int64_t> peer_censored;
  for (size_t i = 0; i < posts.size(); ++i) {
    const Post& p = posts[i];
    const Count interactions = p.metrics.Interactions();
    if (!interactions.present) continue;
    const std::string key = AccountKey(p.platform, p.account_id);
    const auto value = static_cast<double>(interactions.value);
    all_posts[key].push_back(value);
    if (!mentions_target[i]) ordinary[key].push_back(value);
    auto group = model.member_of_.find(key);
    if (group == model.member_of_.end()) continue;
    peer_interactions[group->second].push_back(value);
    model.member_values_[key].push_back(value);
    if (p.metrics.views.present) {
      peer_views[group->second].push_back(static_cast<double>(p.metrics.views.value));
      peer_censored[group->second] += p.metrics.views.lower_bound;
    }
  }
  for (auto& [key, values] : all_posts) {
    const auto& history = ordinary.count(key) && !ordinary[key].empty() ? ordinary[key] : values;
    model.accounts_[key].median_interactions = Median(history);
  }
  for (const PeerGroup& group : config.peer_groups) {
    auto found = peer_interactions.find(group.id);
    if (found == peer_interactions.end()) continue;
    Baseline b;
    b.peer_group_id = group.id;
    b.description = group.description;
    b.posts = static_cast<int64_t>(found->second.size());
    b.median_interactions = Median(found->second);
    b.p90_interactions = Quantile(found->second, 0.9);
    b.median_views = Median(peer_views[group.id]);
    b.censored_views = peer_censored[group.id];
    std::vector<double> logs;
    logs.reserve(found->second.size());
    for (double v : found->second) logs.push_back(std::log1p(v));
    model.peers_[group.id] = {model.baselines_.size(), Summarize(logs), RankReference(found->second)};
    model.baselines_.push_back(std::move(b));
  }
  return model;
}

std::string EngagementModel::BaselineFor(const std::string& platform, const std::string& account_id) const {
  auto member = member_of_.find(AccountKey(platform, account_id));
  if (member != member_of_.end()) return member->second;
  if (const Actor* actor = config_->FindActor(platform, account_id); actor && !actor->baseline.empty()) {
    return actor->baseline;
  }
  for (const PeerGroup& group : config_->peer_groups) {
    if (!peers_.count(group.id)) continue;
    for (const AccountRef& m : group.members) {
      if (m.platform == platform) return group.id;
    }
  }
  return "";
}

EngagementScore EngagementModel::Score(uint32_t post_index) const {
  const Post& p = (*posts_)[post_index];
  EngagementScore score;
  score.post_index = post_index;
  score.interactions = p.metrics.Interactions();
  score.views = p.metrics.views;
  const auto value = static_cast<double>(score.interactions.value);
  if (auto account = accounts_.find(AccountKey(p.platform, p.account_id)); account != accounts_.end()) {
    score.account_median = account->second.median_interactions;
    score.ratio_to_account = SafeRatio(value, score.account_median);
  }
  score.peer_group_id = BaselineFor(p.platform, p.account_id);
  if (auto peer = peers_.find(score.peer_group_id); peer != peers_.end()) {
    score.peer_median = baselines_[peer->second.baseline_index].median_interactions;
    score.ratio_to_peer = SafeRatio(value, score.peer_median);
    score.peer_robust_z = RobustZ(std::log1p(value), peer->second.log_interactions, kMinLogSpread);
  }
  return score;
}

EngagementTest EngagementModel::TestPosts(const std::string& platform, const std::string& account_id,
                                          std::span<const uint32_t> post_indexes) const {
  EngagementTest test;
  test.peer_group_id = BaselineFor(platform, account_id);
  auto peer = peers_.find(test.peer_group_id);
  if (peer == peers_.end()) return test;
  std::vector<double> sample;
  sample.reserve(post_indexes.size());
  for (uint32_t idx : post_indexes) {
    const Count interactions = (*posts_)[idx].metrics.Interactions();
    if (interactions.present) sample.push_back(static_cast<double>(interactions.value));
  }
  std::span<const double> own;
  const std::string key = AccountKey(platform, account_id);
  if (member_of_.count(key) && member_of_.at(key) == test.peer_group_id) {
    if (auto values = member_values_.find(key); values != member_values_.end()) own = values->second;
    test.leave_one_out = true;
  }
  const RankTestResult r = MannWhitneyGreater(sample, peer->second.interactions, own);
  test.posts = static_cast<int64_t>(r.n);
  test.peer_posts = static_cast<int64_t>(r.m);
  test.median_interactions = r.sample_median;
  test.peer_median = r.reference_median;
  test.median_ratio = SafeRatio(r.sample_median, r.reference_median);
  test.median_percentile = r.median_percentile;
  test.superiority = r.superiority;
  test.p_value = r.p_value;
  return test;
}

}  // namespace vigil
