// Amplification of an incident's posts: who spread them, how fast, and whether the spreaders acted in
// concert (a community of the co-action network restricted to the incident's objects, or a dense object's
// accounts when too many amplified within one window to pair them).
#include <fmt/format.h>
#include <xxhash.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "detect/robust_stats.h"
#include "vigil/coordination.h"

namespace vigil {
namespace {

struct Origin {
  int64_t time = 0;
  uint32_t post = 0;
};
// Each object an incident's posts carry (their reposts and addresses too), dated by its earliest incident post.
using Origins = std::unordered_map<std::string, Origin>;

// The other accounts' shares of those objects within the horizon, each re-keyed to the post it spread.
struct AmplifyingShares {
  std::vector<ShareTuple> shares;       // object_id "post:<key>": reposting, linking, copying co-act on one post
  std::vector<std::string> raw_object;  // per share: the object it carried (url:, repost:, text:)
  int64_t accounts = 0;                 // distinct amplifying accounts
};

// The co-action network among the amplifiers and the accounts reported as their community.
struct AmplifierNetwork {
  CoordinationData data;
  CoordinationNetwork net;
  std::vector<uint32_t> community;   // account indexes, sorted by account id
  std::optional<size_t> dense;        // the dense object (index into data.dense_objects) that is the community
};

// How an amplifying share spread the original, from the kind of object it carried.
const char* ViaOf(const std::string& object) {
  if (object.rfind("repost:", 0) == 0) return "repost";
  if (object.rfind("url:", 0) == 0) return "link";
  return "copy";
}

Result<std::vector<uint8_t>> MarkPostsOfInterest(size_t post_count, const std::vector<uint32_t>& posts_of_interest) {
  std::vector<uint8_t> interesting(post_count, 0);
  for (uint32_t i : posts_of_interest) {
    if (i >= post_count) return Status::InvalidArgument(fmt::format("post index {} out of range ({} posts)", i, post_count));
    interesting[i] = 1;
  }
  return interesting;
}

Origins FindOrigins(const std::vector<Post>& posts, const std::vector<ShareTuple>& all,
                    const std::vector<uint8_t>& interesting, const std::vector<uint32_t>& posts_of_interest,
                    const TupleOptions& tuples) {
  Origins origin;
  auto note_origin = [&](const std::string& object, uint32_t post) {
    auto [it, inserted] = origin.try_emplace(object, Origin{posts[post].published_at, post});
    if (!inserted && posts[post].published_at < it->second.time) it->second = Origin{posts[post].published_at, post};
  };
  for (const auto& t : all)
    if (t.post_index >= 0 && interesting[static_cast<size_t>(t.post_index)]) note_origin(t.object_id, static_cast<uint32_t>(t.post_index));
  for (uint32_t i : posts_of_interest) {
    if (tuples.reposts) note_origin("repost:" + posts[i].Key(), i);
    // The post's own address is what others link to.
    if (tuples.urls && !posts[i].url.empty()) {
      const std::string canonical = CanonicalUrl(posts[i].url);
      if (!canonical.empty()) note_origin("url:" + canonical, i);
    }
  }
  return origin;
}

AmplifyingShares CollectAmplifyingShares(const std::vector<Post>& posts, const std::vector<ShareTuple>& all,
                                         const std::vector<uint8_t>& interesting, const Origins& origin,
                                         int64_t horizon_seconds) {
  AmplifyingShares out;
  std::unordered_set<std::string> accounts;
  for (const auto& t : all) {
    if (t.post_index < 0 || interesting[static_cast<size_t>(t.post_index)]) continue;
    auto it = origin.find(t.object_id);
    if (it == origin.end()) continue;
    const Post& source = posts[it->second.post];
    if (t.account_id == source.platform + ":" + source.account_id) continue;  // the author's own reposts
    if (t.time < it->second.time || t.time > it->second.time + horizon_seconds) continue;
    accounts.insert(t.account_id);
    // Reposting, sharing the link and copying the text all amplify the same post: they co-act on it.
    out.raw_object.push_back(t.object_id);
    out.shares.push_back(t);
    out.shares.back().object_id = "post:" + source.Key();
  }
  out.accounts = static_cast<int64_t>(accounts.size());
  return out;
}

// The largest community (ties: heavier); empty when the network has no vertex.
std::vector<uint32_t> LargestCommunity(const CoordinationNetwork& net) {
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
  return best < 0 ? std::vector<uint32_t>{} : members[best];
}

// Amplifiers too many to pair (a dense object) are one clique: the largest dense object when it outnumbers
// `community`, else none.
std::optional<size_t> DenseObjectOutnumbering(const CoordinationData& data, size_t community) {
  std::optional<size_t> dense;
  for (size_t i = 0; i < data.dense_objects.size(); ++i) {
    const size_t accounts = data.dense_objects[i].accounts.size();
    if (accounts > community && (!dense || accounts > data.dense_objects[*dense].accounts.size())) dense = i;
  }
  return dense;
}

Result<AmplifierNetwork> DetectAmplifierNetwork(const AmplifyingShares& amplifying, const AmplificationOptions& options) {
  DetectOptions detect;
  detect.time_window = options.time_window;
  detect.min_participation = 1;  // one repost each is how amplifier networks act
  AmplifierNetwork out;
  VIGIL_ASSIGN_OR_RETURN(out.data, DetectGroups(amplifying.shares, detect));
  NetworkOptions net_options;
  net_options.objects = true;
  VIGIL_ASSIGN_OR_RETURN(out.net, GenerateCoordinatedNetwork(out.data, net_options));
  VIGIL_RETURN_IF_ERROR(DetectCommunities(out.net, options.method));
  out.community = LargestCommunity(out.net);
  out.dense = DenseObjectOutnumbering(out.data, out.community.size());
  if (out.dense) out.community = out.data.dense_objects[*out.dense].accounts;
  const NameTable& names = out.data.accounts;
  std::sort(out.community.begin(), out.community.end(), [&](uint32_t a, uint32_t b) { return names[a] < names[b]; });
  return out;
}

// Each community account: the post it spread first, how and how fast; the delays, the share window, the
// state-affiliated accounts and the community's id follow from them.
void DescribeAmplifiers(const std::vector<Post>& posts, const WatchConfig& config, const Origins& origin,
                        const AmplifyingShares& amplifying, const AmplifierNetwork& network,
                        CoordinationSummary& summary) {
  const std::vector<ShareTuple>& shares = amplifying.shares;
  // Account names as the posts give them.
  std::unordered_map<std::string, const Post*> post_of_account;
  for (const auto& t : shares) post_of_account.try_emplace(t.account_id, &posts[static_cast<size_t>(t.post_index)]);
  // Each account's first amplifying share (one pass).
  std::unordered_map<std::string_view, size_t> first_share_of;
  for (size_t k = 0; k < shares.size(); ++k) {
    auto [it, inserted] = first_share_of.try_emplace(shares[k].account_id, k);
    if (!inserted && shares[k].time < shares[it->second].time) it->second = k;
  }
  std::vector<double> delays;
  std::string joined;
  summary.first_share = INT64_MAX;
  for (uint32_t a : network.community) {
    const std::string name = network.data.accounts.str(a);
    joined += name + "\n";
    const size_t first = first_share_of.at(name);
    const Origin& o = origin.at(amplifying.raw_object[first]);
    const int64_t first_time = shares[first].time;
    Amplification amp;
    const Post& p = *post_of_account.at(name);
    amp.platform = p.platform;
    amp.account_id = p.account_id;
    amp.account_name = p.account_name;
    amp.amplified_post = posts[o.post].Key();
    amp.delay_seconds = first_time - o.time;
    amp.post = shares[first].content_id;
    amp.via = ViaOf(amplifying.raw_object[first]);
    delays.push_back(static_cast<double>(amp.delay_seconds));
    if (amp.delay_seconds <= summary.fast_window_seconds) ++summary.fast_accounts;
    summary.first_share = std::min(summary.first_share, first_time);
    summary.last_share = std::max(summary.last_share, first_time);
    const Actor* actor = config.FindActor(p.platform, p.account_id);
    if (actor && actor->IsStateAffiliated()) ++summary.state_affiliated_accounts;
    summary.amplifiers.push_back(std::move(amp));
  }
  summary.median_delay_seconds = static_cast<int64_t>(Median(delays));  // delays are >= 0: truncation floors
  summary.max_delay_seconds = static_cast<int64_t>(*std::max_element(delays.begin(), delays.end()));
  summary.state_affiliated_share =
      static_cast<double>(summary.state_affiliated_accounts) / static_cast<double>(network.community.size());
  summary.community_id = fmt::format("coord-{:012x}", XXH3_64bits(joined.data(), joined.size()) >> 16);
}

// The community's ties, heaviest first, each with the objects its accounts co-shared; and every object the
// community shared (a dense object's too).
void AddTies(const AmplifyingShares& amplifying, const AmplifierNetwork& network, CoordinationSummary& summary) {
  const CoordinationData& data = network.data;
  const std::unordered_set<uint32_t> in_community(network.community.begin(), network.community.end());
  std::set<std::string> objects;
  for (const auto& e : network.net.edges) {
    if (!in_community.count(e.account) || !in_community.count(e.account_y)) continue;
    ++summary.edges;
    CoordinationTie tie{data.accounts.str(e.account), data.accounts.str(e.account_y), e.weight, e.avg_time_delta, {}};
    std::set<std::string> tie_objects;
    for (uint32_t pi : e.pair_index) {
      tie_objects.insert(amplifying.raw_object[data.pairs[pi].share]);
      tie_objects.insert(amplifying.raw_object[data.pairs[pi].share_y]);
    }
    tie.objects.assign(tie_objects.begin(), tie_objects.end());
    objects.insert(tie_objects.begin(), tie_objects.end());
    summary.ties.push_back(std::move(tie));
  }
  if (network.dense) {
    const uint32_t dense_object = data.dense_objects[*network.dense].object;
    for (size_t k = 0; k < amplifying.shares.size(); ++k)
      if (data.share_object[k] == dense_object && in_community.count(data.share_account[k]))
        objects.insert(amplifying.raw_object[k]);
  }
  std::stable_sort(summary.ties.begin(), summary.ties.end(),
                   [](const CoordinationTie& x, const CoordinationTie& y) { return x.weight > y.weight; });
  summary.object_ids.assign(objects.begin(), objects.end());
  summary.shared_objects = static_cast<int64_t>(summary.object_ids.size());
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
  VIGIL_ASSIGN_OR_RETURN(const std::vector<uint8_t> interesting, MarkPostsOfInterest(posts.size(), posts_of_interest));
  CoordinationSummary summary;
  summary.window_seconds = options.time_window;
  if (posts_of_interest.empty()) return summary;

  const Origins origin = FindOrigins(posts, all, interesting, posts_of_interest, options.tuples);
  const AmplifyingShares amplifying = CollectAmplifyingShares(posts, all, interesting, origin, options.horizon_seconds);
  summary.total_amplifier_accounts = amplifying.accounts;
  if (amplifying.shares.size() < 2) return summary;

  VIGIL_ASSIGN_OR_RETURN(const AmplifierNetwork network, DetectAmplifierNetwork(amplifying, options));
  if (network.community.size() < options.min_community_accounts) return summary;
  summary.accounts = static_cast<int64_t>(network.community.size());
  DescribeAmplifiers(posts, config, origin, amplifying, network, summary);
  AddTies(amplifying, network, summary);
  return summary;
}

}  // namespace vigil
