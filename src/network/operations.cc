// Network operations: the co-action graph's groups that write about watched targets, described (see
// operations.h). The signals and the severity live in signals.cc and severity.cc.
#include "network/operations.h"

#include <fmt/format.h>
#include <xxhash.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "network/coaction.h"
#include "network/network_severity.h"
#include "network/signals.h"

namespace vigil {
namespace {

using network::CoactionGraph;

constexpr int64_t kDaySeconds = 86400;
constexpr double kSurgeRatio = 3.0;       // a surge day holds at least this many times the median day
constexpr int64_t kMinSurgePosts = 10;    // and at least this many posts about targets
constexpr int64_t kEventLeadDays = 2;     // an event up to two days before a surge day preceded it
constexpr double kMeaningfulShare = 0.1;  // each side of a stance mix holds at least this share
constexpr int64_t kMeaningfulPosts = 3;   // and at least this many posts
constexpr size_t kTopObjects = 10;
constexpr int64_t kMinSharedObjects = 2;  // templates or links in common with an earlier operation

// What the posts say about targets, indexed for the operation's members.
struct PostIndex {
  std::unordered_map<std::string, std::vector<uint32_t>> posts_of;  // account key -> post indexes
  std::vector<std::vector<uint32_t>> targets_of;                    // per post: targets it is about
  std::vector<uint8_t> is_reply_mention;                            // per post: a reply to a target's account
  std::map<std::pair<uint32_t, uint32_t>, Stance> stance;           // (post, target) -> stance
};

PostIndex IndexPosts(const AnalysisReport& report, const OperationOptions& options) {
  PostIndex index;
  index.targets_of.resize(report.posts.size());
  index.is_reply_mention.assign(report.posts.size(), 0);
  for (uint32_t post_idx = 0; post_idx < report.posts.size(); ++post_idx) {
    const Post& post = report.posts[post_idx];
    index.posts_of[post.platform + ":" + post.account_id].push_back(post_idx);
  }
  for (const Mention& m : report.mentions) {
    if (m.confidence < options.min_mention_confidence) continue;
    auto& targets = index.targets_of[m.post_index];
    if (std::find(targets.begin(), targets.end(), m.target_index) == targets.end()) targets.push_back(m.target_index);
    if (m.alias.starts_with("reply:")) index.is_reply_mention[m.post_index] = 1;
  }
  for (const TargetStance& s : report.stances) index.stance[{s.post_index, s.target_index}] = s.stance;
  return index;
}

std::string OperationId(const std::vector<std::string>& accounts) {
  std::string joined;
  for (const std::string& account : accounts) joined += account + '\n';
  return fmt::format("op-{:016x}", XXH3_64bits(joined.data(), joined.size()));
}

void Tally(StanceMix& mix, Stance stance) {
  if (stance == Stance::kFavor) ++mix.favor;
  if (stance == Stance::kAgainst) ++mix.against;
  if (stance == Stance::kNeutral) ++mix.neutral;
}

bool BothSides(const StanceMix& mix) {
  const int64_t sided = mix.favor + mix.against;
  auto meaningful = [&](int64_t n) {
    return n >= kMeaningfulPosts && n >= kMeaningfulShare * static_cast<double>(sided);
  };
  return meaningful(mix.favor) && meaningful(mix.against);
}

NetworkRole RoleOf(int64_t leads, int64_t follows, int64_t replies, int64_t target_posts, bool posts_originals) {
  if (replies > 0 && 2 * replies >= target_posts) return NetworkRole::kReplier;
  if (leads > follows && posts_originals) return NetworkRole::kOriginator;
  return NetworkRole::kAmplifier;
}

// Members with their roles; fills the operation's per-target breakdown, stance, span and timeline on the way.
class OperationDescriber {
 public:
  OperationDescriber(const AnalysisReport& report, const CoactionGraph& graph, const PostIndex& index)
      : report_(report), graph_(graph), index_(index) {}

  Operation Describe(size_t group) {
    Operation op;
    const std::vector<uint32_t>& members = graph_.groups[group];
    std::map<uint32_t, OperationTarget> targets;
    std::map<uint32_t, std::set<std::string>> target_accounts;
    std::map<int64_t, int64_t> days;
    op.first_seen = INT64_MAX;
    op.last_seen = INT64_MIN;
    for (uint32_t member : members) {
      OperationAccount account = DescribeMember(member, group);
      for (uint32_t post_idx : PostsOf(member)) {
        const Post& post = report_.posts[post_idx];
        ++op.posts;
        if (index_.targets_of[post_idx].empty()) continue;
        ++op.target_posts;
        ++days[post.published_at - Mod(post.published_at, kDaySeconds)];
        op.first_seen = std::min(op.first_seen, post.published_at);
        op.last_seen = std::max(op.last_seen, post.published_at);
        for (uint32_t target_idx : index_.targets_of[post_idx]) {
          OperationTarget& t = targets[target_idx];
          t.first_seen = t.posts++ == 0 ? post.published_at : std::min(t.first_seen, post.published_at);
          t.last_seen = std::max(t.last_seen, post.published_at);
          t.replies += index_.is_reply_mention[post_idx];
          target_accounts[target_idx].insert(account.account);
          const auto stance = index_.stance.find({post_idx, target_idx});
          const Stance s = stance == index_.stance.end() ? Stance::kNeutral : stance->second;
          Tally(t.stance, s);
          Tally(op.stance, s);
        }
      }
      op.accounts.push_back(std::move(account));
    }
    for (auto& [target_idx, t] : targets) {
      t.target_id = report_.config.targets[target_idx].id;
      t.target_name = report_.config.targets[target_idx].name;
      t.accounts = static_cast<int64_t>(target_accounts[target_idx].size());
      t.stance.mixed = BothSides(t.stance);
      op.targets.push_back(t);
    }
    std::stable_sort(op.targets.begin(), op.targets.end(),
                     [](const auto& a, const auto& b) { return a.posts > b.posts; });
    op.stance.mixed = op.both_sides = BothSides(op.stance);
    for (const auto& [day, posts] : days) op.timeline.push_back({day, posts});
    std::stable_sort(op.accounts.begin(), op.accounts.end(), [](const auto& a, const auto& b) {
      return std::tie(a.role, b.target_posts) < std::tie(b.role, a.target_posts);
    });
    std::vector<std::string> keys;
    for (uint32_t member : members) keys.push_back(graph_.accounts[member]);
    op.id = OperationId(keys);
    return op;
  }

 private:
  static int64_t Mod(int64_t a, int64_t b) { return ((a % b) + b) % b; }

  const std::vector<uint32_t>& PostsOf(uint32_t member) const {
    static const std::vector<uint32_t> kNone;
    const auto it = index_.posts_of.find(graph_.accounts[member]);
    return it == index_.posts_of.end() ? kNone : it->second;
  }

  OperationAccount DescribeMember(uint32_t member, size_t group) const {
    OperationAccount account;
    account.account = graph_.accounts[member];
    bool posts_originals = false;
    for (uint32_t post_idx : PostsOf(member)) {
      const Post& post = report_.posts[post_idx];
      if (account.name.empty()) account.name = post.account_name;
      ++account.posts;
      posts_originals = posts_originals || post.repost_of.empty();
      if (index_.targets_of[post_idx].empty()) continue;
      ++account.target_posts;
      account.replies += index_.is_reply_mention[post_idx];
    }
    const std::vector<uint32_t>& members = graph_.groups[group];
    for (const network::Tie& tie : graph_.ties) {
      const uint32_t other = tie.a == member ? tie.b : tie.b == member ? tie.a : UINT32_MAX;
      if (other != UINT32_MAX && std::binary_search(members.begin(), members.end(), other)) ++account.ties;
    }
    account.role =
        RoleOf(graph_.leads[member], graph_.follows[member], account.replies, account.target_posts, posts_originals);
    const size_t colon = account.account.find(':');
    if (const Actor* actor =
            report_.config.FindActor(account.account.substr(0, colon), account.account.substr(colon + 1))) {
      account.affiliation = AffiliationName(actor->affiliation);
    }
    return account;
  }

  const AnalysisReport& report_;
  const CoactionGraph& graph_;
  const PostIndex& index_;
};

void MeasureTies(const CoactionGraph& graph, size_t group, Operation& op) {
  const std::vector<uint32_t>& members = graph.groups[group];
  int64_t weight = 0;
  for (const network::Tie& tie : graph.ties) {
    if (!std::binary_search(members.begin(), members.end(), tie.a)) continue;
    ++op.ties;
    weight += tie.weight;
  }
  op.mean_tie_weight = op.ties ? static_cast<double>(weight) / static_cast<double>(op.ties) : 0;
  std::vector<std::pair<std::string, int64_t>> objects(graph.group_objects[group].begin(),
                                                       graph.group_objects[group].end());
  std::stable_sort(objects.begin(), objects.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  for (size_t i = 0; i < objects.size() && i < kTopObjects; ++i) op.top_objects.push_back(objects[i].first);
}

// Days far above the network's own median day over its active span, with the events just before them.
void FindSurges(const std::vector<Event>& events, Operation& op) {
  if (op.timeline.empty()) return;
  const int64_t first_day = op.timeline.front().day_start, last_day = op.timeline.back().day_start;
  std::vector<int64_t> per_day(static_cast<size_t>((last_day - first_day) / kDaySeconds + 1), 0);
  for (const OperationDay& day : op.timeline)
    per_day[static_cast<size_t>((day.day_start - first_day) / kDaySeconds)] = day.target_posts;
  std::vector<int64_t> sorted = per_day;
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2), sorted.end());
  const double median = static_cast<double>(sorted[sorted.size() / 2]);
  for (const OperationDay& day : op.timeline) {
    const double ratio = static_cast<double>(day.target_posts) / std::max(median, 1.0);
    if (ratio < kSurgeRatio || day.target_posts < kMinSurgePosts) continue;
    OperationSurge surge{day.day_start, day.target_posts, median, ratio, {}};
    for (const Event& event : events) {
      const int64_t lead_days = (day.day_start - event.date.DaysSinceEpoch() * kDaySeconds) / kDaySeconds;
      if (lead_days >= 0 && lead_days <= kEventLeadDays) surge.preceding_events.push_back({event, lead_days * 24});
    }
    op.surges.push_back(std::move(surge));
  }
}

void Attribute(const WatchConfig& config, Operation& op) {
  std::vector<std::string> described;
  for (const OperationAccount& account : op.accounts) {
    if (account.affiliation.empty()) continue;
    op.declared_actors.push_back(account.account);
    const size_t colon = account.account.find(':');
    const Actor* actor = config.FindActor(account.account.substr(0, colon), account.account.substr(colon + 1));
    described.push_back(fmt::format("{} ({}{}{})", account.account, account.affiliation,
                                    actor->country.empty() ? "" : ", ", actor->country));
  }
  if (described.empty()) return;
  op.attribution.push_back(fmt::format("{} of {} members are declared actors: {}", described.size(), op.accounts.size(),
                                       fmt::join(described, ", ")));
}

// Text templates and links an operation's members used that an earlier operation's members used too.
void RelateToEarlierOperations(const CoactionGraph& graph, const std::vector<size_t>& groups,
                               std::vector<Operation>& ops) {
  auto objects_of = [&](size_t op_idx) {
    std::set<std::string> objects;
    for (uint32_t member : graph.groups[groups[op_idx]]) {
      for (const auto& [object, count] : graph.objects[member]) {
        if (!object.starts_with("repost:")) objects.insert(object);
      }
    }
    return objects;
  };
  std::vector<std::set<std::string>> objects(ops.size());
  for (size_t i = 0; i < ops.size(); ++i) objects[i] = objects_of(i);
  for (size_t later = 0; later < ops.size(); ++later) {
    for (size_t earlier = 0; earlier < ops.size(); ++earlier) {
      if (ops[earlier].first_seen >= ops[later].first_seen || earlier == later) continue;
      std::vector<std::string> shared;
      std::set_intersection(objects[earlier].begin(), objects[earlier].end(), objects[later].begin(),
                            objects[later].end(), std::back_inserter(shared));
      if (static_cast<int64_t>(shared.size()) < kMinSharedObjects) continue;
      ops[later].related_operations.push_back(ops[earlier].id);
      ops[later].attribution.push_back(fmt::format("shares {} text templates or links with the earlier operation {}",
                                                   shared.size(), ops[earlier].id));
    }
  }
}

// An incident belongs to an operation its actor is a member of, or whose members are mostly the incident's
// coordinated amplifiers (the operator leads its network without co-acting with it twice).
bool BelongsTo(const Incident& incident, const Operation& op) {
  const std::string actor = incident.actor.platform + ":" + incident.actor.account_id;
  std::set<std::string> amplifiers;
  for (const CoordinationTie& tie : incident.coordination.ties) amplifiers.insert({tie.account, tie.account_y});
  size_t amplifying_members = 0;
  for (const OperationAccount& a : op.accounts) {
    if (a.account == actor) return true;
    amplifying_members += amplifiers.count(a.account);
  }
  return 2 * amplifying_members > op.accounts.size();
}

void LinkIncidents(AnalysisReport* report) {
  for (Incident& incident : report->incidents) {
    for (Operation& op : report->operations) {
      if (!BelongsTo(incident, op)) continue;
      incident.operation_id = op.id;
      op.incident_ids.push_back(incident.id);
      break;
    }
  }
}

}  // namespace

Status FindOperations(AnalysisReport* report, const OperationOptions& options) {
  VIGIL_ASSIGN_OR_RETURN(CoactionGraph graph, network::BuildCoactionGraph(*report, options));
  const PostIndex index = IndexPosts(*report, options);
  OperationDescriber describer(*report, graph, index);
  std::vector<Operation> ops;
  std::vector<size_t> groups;
  for (size_t group = 0; group < graph.groups.size(); ++group) {
    Operation op = describer.Describe(group);
    if (op.target_posts < options.min_target_posts) continue;
    MeasureTies(graph, group, op);
    FindSurges(report->config.events, op);
    Attribute(report->config, op);
    ops.push_back(std::move(op));
    groups.push_back(group);
  }
  RelateToEarlierOperations(graph, groups, ops);
  for (size_t i = 0; i < ops.size(); ++i) {
    ops[i].signals = network::MeasureSignals(*report, graph.groups[groups[i]], graph, &ops[i]);
    network::ScoreOperation(&ops[i]);
  }
  std::stable_sort(ops.begin(), ops.end(),
                   [](const Operation& a, const Operation& b) { return a.severity > b.severity; });
  report->operations = std::move(ops);
  LinkIncidents(report);
  return Status::Ok();
}

}  // namespace vigil
