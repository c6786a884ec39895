// Amplification of an incident's posts: who spread them, how fast, and whether the spreaders acted in
// concert (a community of the co-action network restricted to the incident's objects, or a dense object's
// accounts when too many amplified within one window to pair them).
#include <fmt/format.h>
#include <xxhash.h>

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "vigil/coordination.h"

namespace vigil {
namespace {

struct Origin {
  int64_t time = 0;
  uint32_t post = 0;
};

int64_t Median(std::vector<int64_t> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

// How an amplifying share spread the original, from the kind of object it carried.
const char* ViaOf(const std::string& object) {
  if (object.rfind("repost:", 0) == 0) return "repost";
  if (object.rfind("url:", 0) == 0) return "link";
  return "copy";
}

}  // namespace

Result<CoordinationSummary> SummarizeAmplification(const std::vector<Post>& posts, const WatchConfig& config,
                                                   const std::vector<uint32_t>& posts_of_interest,
                                                   const AmplificationOptions& options) {
  return SummarizeAmplification(posts, BuildShareTuples(posts, options.tuples), config, posts_of_interest, options);
}

Result<CoordinationSummary> SummarizeAmplification(const std::vector<Post>& posts,
                                                   const std::vector<ShareTuple>& all, const WatchConfig& config,
                                                   const std::vector<uint32_t>& posts_of_interest,
                                                   const AmplificationOptions& options) {
  std::vector<uint8_t> interesting(posts.size(), 0);
  for (uint32_t i : posts_of_interest) {
    if (i >= posts.size())
      return Status::InvalidArgument(fmt::format("post index {} out of range ({} posts)", i, posts.size()));
    interesting[i] = 1;
  }
  CoordinationSummary summary;
  summary.window_seconds = options.time_window;
  if (posts_of_interest.empty()) return summary;

  // Each object the incident's posts carry, dated by its earliest incident post; their reposts too.
  std::unordered_map<std::string, Origin> origin;
  auto note_origin = [&](const std::string& object, uint32_t post) {
    auto [it, inserted] = origin.try_emplace(object, Origin{posts[post].published_at, post});
    if (!inserted && posts[post].published_at < it->second.time) it->second = Origin{posts[post].published_at, post};
  };
  for (const auto& t : all)
    if (t.post_index >= 0 && interesting[static_cast<size_t>(t.post_index)]) note_origin(t.object_id, static_cast<uint32_t>(t.post_index));
  for (uint32_t i : posts_of_interest) {
    if (options.tuples.reposts) note_origin("repost:" + posts[i].Key(), i);
    // The post's own address is what others link to.
    if (options.tuples.urls && !posts[i].url.empty()) {
      const std::string canonical = CanonicalUrl(posts[i].url);
      if (!canonical.empty()) note_origin("url:" + canonical, i);
    }
  }

  std::vector<ShareTuple> amplifying;
  std::vector<std::string> raw_object;  // per amplifying share: the object it carried (url:, repost:, text:)
  std::unordered_set<std::string> amplifier_accounts;
  for (const auto& t : all) {
    if (t.post_index < 0 || interesting[static_cast<size_t>(t.post_index)]) continue;
    auto it = origin.find(t.object_id);
    if (it == origin.end()) continue;
    const Post& source = posts[it->second.post];
    if (t.account_id == source.platform + ":" + source.account_id) continue;  // the author's own reposts
    if (t.time < it->second.time || t.time > it->second.time + options.horizon_seconds) continue;
    amplifier_accounts.insert(t.account_id);
    // Reposting, sharing the link and copying the text all amplify the same post: they co-act on it.
    raw_object.push_back(t.object_id);
    amplifying.push_back(t);
    amplifying.back().object_id = "post:" + source.Key();
  }
  summary.total_amplifier_accounts = static_cast<int64_t>(amplifier_accounts.size());
  if (amplifying.size() < 2) return summary;

  DetectOptions detect;
  detect.time_window = options.time_window;
  detect.min_participation = 1;  // one repost each is how amplifier networks act
  VIGIL_ASSIGN_OR_RETURN(CoordinationData data, DetectGroups(amplifying, detect));
  NetworkOptions net_options;
  net_options.objects = true;
  VIGIL_ASSIGN_OR_RETURN(CoordinationNetwork net, GenerateCoordinatedNetwork(data, net_options));
  VIGIL_RETURN_IF_ERROR(DetectCommunities(net, options.method));

  // The largest community (ties: heavier) is the one reported.
  std::map<int64_t, std::vector<uint32_t>> members;
  for (const auto& v : net.vertices) members[v.community].push_back(v.account);
  std::map<int64_t, int64_t> weight_of;
  std::unordered_map<uint32_t, int64_t> community_of;
  for (const auto& v : net.vertices) community_of[v.account] = v.community;
  for (const auto& e : net.edges)
    if (community_of[e.account] == community_of[e.account_y]) weight_of[community_of[e.account]] += e.weight;
  int64_t best = -1;
  for (const auto& [c, m] : members) {
    if (best < 0 || m.size() > members[best].size() || (m.size() == members[best].size() && weight_of[c] > weight_of[best]))
      best = c;
  }
  std::vector<uint32_t> accounts = best < 0 ? std::vector<uint32_t>{} : members[best];
  // Amplifiers too many to pair (a dense object) are one clique: the community when they outnumber it.
  const DenseObject* dense = nullptr;
  for (const auto& d : data.dense_objects)
    if (d.accounts.size() > accounts.size() && (!dense || d.accounts.size() > dense->accounts.size())) dense = &d;
  if (dense) accounts = dense->accounts;
  if (accounts.size() < options.min_community_accounts) return summary;

  std::sort(accounts.begin(), accounts.end(), [&](uint32_t a, uint32_t b) { return data.accounts[a] < data.accounts[b]; });
  std::unordered_set<uint32_t> in_community(accounts.begin(), accounts.end());
  summary.accounts = static_cast<int64_t>(accounts.size());

  // Account names as the posts give them.
  std::unordered_map<std::string, const Post*> post_of_account;
  for (const auto& t : amplifying) post_of_account.try_emplace(t.account_id, &posts[static_cast<size_t>(t.post_index)]);

  // Each community account's first amplifying share (one pass) and its delay from the original.
  std::unordered_map<std::string_view, size_t> first_share_of;
  for (size_t k = 0; k < amplifying.size(); ++k) {
    auto [it, inserted] = first_share_of.try_emplace(amplifying[k].account_id, k);
    if (!inserted && amplifying[k].time < amplifying[it->second].time) it->second = k;
  }
  std::vector<int64_t> delays;
  std::string joined;
  summary.first_share = INT64_MAX;
  for (uint32_t a : accounts) {
    const std::string name = data.accounts.str(a);
    joined += name + "\n";
    const size_t first = first_share_of.at(name);
    const Origin& o = origin.at(raw_object[first]);
    const int64_t first_time = amplifying[first].time;
    Amplification amp;
    const Post& p = *post_of_account.at(name);
    amp.platform = p.platform;
    amp.account_id = p.account_id;
    amp.account_name = p.account_name;
    amp.amplified_post = posts[o.post].Key();
    amp.delay_seconds = first_time - o.time;
    amp.post = amplifying[first].content_id;
    amp.via = ViaOf(raw_object[first]);
    delays.push_back(amp.delay_seconds);
    if (amp.delay_seconds <= summary.fast_window_seconds) ++summary.fast_accounts;
    summary.first_share = std::min(summary.first_share, first_time);
    summary.last_share = std::max(summary.last_share, first_time);
    const Actor* actor = config.FindActor(p.platform, p.account_id);
    if (actor && actor->IsStateAffiliated()) ++summary.state_affiliated_accounts;
    summary.amplifiers.push_back(std::move(amp));
  }
  summary.median_delay_seconds = Median(delays);
  summary.max_delay_seconds = *std::max_element(delays.begin(), delays.end());
  summary.state_affiliated_share = static_cast<double>(summary.state_affiliated_accounts) / static_cast<double>(accounts.size());
  summary.community_id = fmt::format("coord-{:012x}", XXH3_64bits(joined.data(), joined.size()) >> 16);

  std::set<std::string> objects;
  for (const auto& e : net.edges) {
    if (!in_community.count(e.account) || !in_community.count(e.account_y)) continue;
    ++summary.edges;
    CoordinationTie tie{data.accounts.str(e.account), data.accounts.str(e.account_y), e.weight, e.avg_time_delta, {}};
    std::set<std::string> tie_objects;
    for (uint32_t pi : e.pair_index) {
      tie_objects.insert(raw_object[data.pairs[pi].share]);
      tie_objects.insert(raw_object[data.pairs[pi].share_y]);
    }
    tie.objects.assign(tie_objects.begin(), tie_objects.end());
    objects.insert(tie_objects.begin(), tie_objects.end());
    summary.ties.push_back(std::move(tie));
  }
  if (dense) {
    for (size_t k = 0; k < amplifying.size(); ++k)
      if (data.share_object[k] == dense->object && in_community.count(data.share_account[k])) objects.insert(raw_object[k]);
  }
  std::stable_sort(summary.ties.begin(), summary.ties.end(),
                   [](const CoordinationTie& x, const CoordinationTie& y) { return x.weight > y.weight; });
  summary.object_ids.assign(objects.begin(), objects.end());
  summary.shared_objects = static_cast<int64_t>(summary.object_ids.size());
  return summary;
}

}  // namespace vigil
