// The co-action graph of operations (see coaction.h).
#include "network/coaction.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "coord/union_find.h"

namespace vigil::network {
namespace {

constexpr char kReplyAliasPrefix[] = "reply:";

// Interns names (accounts, objects) to dense indexes.
class Interner {
 public:
  uint32_t Index(std::string_view name) {
    auto [it, added] = index_.try_emplace(std::string(name), static_cast<uint32_t>(names_.size()));
    if (added) names_.emplace_back(name);
    return it->second;
  }
  const std::vector<std::string>& names() const { return names_; }
  // The index of `name`, or -1 when it was never interned.
  int64_t Find(const std::string& name) const {
    const auto it = index_.find(name);
    return it == index_.end() ? -1 : static_cast<int64_t>(it->second);
  }

 private:
  std::unordered_map<std::string, uint32_t> index_;
  std::vector<std::string> names_;
};

struct CoAction {
  uint32_t first = 0, second = 0;  // accounts: the earlier share's, the later share's
  uint32_t object = 0;
};

// Every in-window pair of two different accounts' shares of one object, as account and object indexes. With
// `once_per_posts`, two posts co-act once however many objects they share (a reply under a target's post
// shares the post and the target with the replies beside it: one co-action, not two).
Status CollectCoActions(const std::vector<ShareTuple>& tuples, int64_t window, bool once_per_posts,
                        Interner& accounts, Interner& objects, std::vector<CoAction>* out) {
  if (tuples.empty()) return Status::Ok();
  DetectOptions detect;
  detect.time_window = window;
  VIGIL_ASSIGN_OR_RETURN(CoordinationData data, DetectGroups(tuples, detect));
  std::set<std::pair<int64_t, int64_t>> post_pairs;
  for (const CoordinatedPair& pair : data.pairs) {
    const int64_t post = data.share_post[pair.share], post_y = data.share_post[pair.share_y];
    if (once_per_posts && post >= 0 && post_y >= 0 &&
        !post_pairs.insert({std::min(post, post_y), std::max(post, post_y)}).second)
      continue;
    out->push_back({accounts.Index(data.accounts[data.share_account[pair.share]]),
                    accounts.Index(data.accounts[data.share_account[pair.share_y]]),
                    objects.Index(data.objects[pair.object])});
  }
  return Status::Ok();
}

std::vector<Tie> WeighTies(const std::vector<CoAction>& coactions, int64_t min_weight) {
  std::map<std::pair<uint32_t, uint32_t>, int64_t> weights;
  for (const CoAction& c : coactions) ++weights[{std::min(c.first, c.second), std::max(c.first, c.second)}];
  std::vector<Tie> ties;
  for (const auto& [pair, weight] : weights) {
    if (weight >= min_weight) ties.push_back({pair.first, pair.second, weight});
  }
  return ties;
}

std::vector<std::vector<uint32_t>> Components(size_t accounts, const std::vector<Tie>& ties, size_t min_size) {
  coord::UnionFind sets(accounts);
  for (const Tie& tie : ties) sets.Union(tie.a, tie.b);
  std::map<uint32_t, std::vector<uint32_t>> by_root;
  for (const Tie& tie : ties) {
    by_root[sets.Find(tie.a)].push_back(tie.a);
    by_root[sets.Find(tie.b)].push_back(tie.b);
  }
  std::vector<std::vector<uint32_t>> groups;
  for (auto& [root, members] : by_root) {
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    if (members.size() >= min_size) groups.push_back(std::move(members));
  }
  std::stable_sort(groups.begin(), groups.end(), [](const auto& x, const auto& y) { return x.size() > y.size(); });
  return groups;
}

}  // namespace

std::vector<ShareTuple> ContentTuples(const std::vector<Post>& posts) {
  TupleOptions options;
  options.hashtags = false;  // a hashtag ties everyone on a topic together
  options.near_duplicates = true;
  return BuildShareTuples(posts, options);
}

std::vector<ShareTuple> ReplyTuples(const AnalysisReport& report) {
  std::vector<ShareTuple> tuples;
  // Replies to one post or account (whoever wrote it) first: when two replies also share a target, the
  // co-action is named after the more specific object.
  for (size_t post_idx = 0; post_idx < report.posts.size(); ++post_idx) {
    const Post& post = report.posts[post_idx];
    if (post.reply_to.empty()) continue;
    tuples.push_back({"replyto:" + post.platform + ":" + post.reply_to, post.platform + ":" + post.account_id,
                      post.Key(), post.published_at, static_cast<int64_t>(post_idx)});
  }
  for (const Mention& mention : report.mentions) {
    if (!mention.alias.starts_with(kReplyAliasPrefix)) continue;
    const Post& post = report.posts[mention.post_index];
    tuples.push_back({"reply:" + report.config.targets[mention.target_index].id, post.platform + ":" + post.account_id,
                      post.Key(), post.published_at, mention.post_index});
  }
  return tuples;
}

Result<CoactionGraph> BuildCoactionGraph(const AnalysisReport& report, const OperationOptions& options) {
  Interner accounts, objects;
  std::vector<CoAction> coactions;
  const std::vector<ShareTuple> content = ContentTuples(report.posts);
  VIGIL_RETURN_IF_ERROR(
      CollectCoActions(content, options.content_window_seconds, false, accounts, objects, &coactions));
  VIGIL_RETURN_IF_ERROR(
      CollectCoActions(ReplyTuples(report), options.reply_window_seconds, true, accounts, objects, &coactions));

  CoactionGraph graph;
  graph.accounts = accounts.names();
  graph.ties = WeighTies(coactions, options.min_tie_weight);
  graph.groups = Components(graph.accounts.size(), graph.ties, options.min_accounts);
  graph.leads.assign(graph.accounts.size(), 0);
  graph.follows.assign(graph.accounts.size(), 0);
  std::vector<int32_t> group_of(graph.accounts.size(), -1);
  for (size_t g = 0; g < graph.groups.size(); ++g) {
    for (uint32_t member : graph.groups[g]) group_of[member] = static_cast<int32_t>(g);
  }
  graph.group_objects.resize(graph.groups.size());
  graph.coacted_texts.resize(graph.accounts.size());
  for (const CoAction& c : coactions) {
    ++graph.leads[c.first];
    ++graph.follows[c.second];
    const int32_t group = group_of[c.first];
    if (group < 0 || group != group_of[c.second]) continue;
    const std::string& object = objects.names()[c.object];
    ++graph.group_objects[static_cast<size_t>(group)][object];
    if (object.starts_with("text:") || object.starts_with("near:")) {
      graph.coacted_texts[c.first].insert(object);
      graph.coacted_texts[c.second].insert(object);
    }
  }
  // Objects are kept for the groups' members only: the rest of a large corpus is not needed again.
  graph.objects.resize(graph.accounts.size());
  for (const ShareTuple& tuple : content) {
    const int64_t found = accounts.Find(tuple.account_id);
    if (found < 0) continue;
    const auto account = static_cast<size_t>(found);
    if (group_of[account] >= 0) ++graph.objects[account][tuple.object_id];
  }
  return graph;
}

}  // namespace vigil::network
