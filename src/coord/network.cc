// The account network implied by co-shares: CooRTweet's generate_coordinated_network (weights, symmetry,
// percentile threshold, fast network, subgraphs), components, igraph communities, the QUT toolkit's
// directed counts and per-community summaries.
#include <fmt/format.h>
#include <igraph/igraph.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <unordered_map>

#include "coord/share_table.h"
#include "coord/union_find.h"
#include "vigil/coordination.h"

namespace vigil {
namespace {

using coord::UnionFind;

constexpr igraph_integer_t kCommunitySeed = 20250325;  // fixed: the same input gives the same communities
constexpr double kLeidenBeta = 0.01;                   // igraph's default randomness of refinement
constexpr size_t kTopObjects = 10;

// R's quantile(type = 7): linear interpolation between order statistics.
double QuantileType7(std::vector<int64_t> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const double h = (static_cast<double>(v.size()) - 1) * p;
  const auto lo = static_cast<size_t>(std::floor(h));
  const size_t hi = std::min(lo + 1, v.size() - 1);
  return static_cast<double>(v[lo]) + (h - static_cast<double>(lo)) * static_cast<double>(v[hi] - v[lo]);
}

// Rank of every account that appears in a pair, in byte order of its name (others keep UINT32_MAX): the
// order CooRTweet's pmin/pmax gives a pair. Only paired accounts are sorted, not the whole input's.
std::vector<uint32_t> ByteOrderRanks(const CoordinationData& d) {
  std::vector<uint32_t> rank(d.accounts.size(), UINT32_MAX);
  std::vector<uint32_t> order;
  for (const auto& p : d.pairs) {
    for (uint32_t a : {d.share_account[p.share], d.share_account[p.share_y]}) {
      if (rank[a] == UINT32_MAX) {
        rank[a] = 0;
        order.push_back(a);
      }
    }
  }
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return d.accounts[a] < d.accounts[b]; });
  for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  return rank;
}

int64_t DistinctCount(std::vector<ContentKey>& keys) {
  std::sort(keys.begin(), keys.end());
  return std::unique(keys.begin(), keys.end()) - keys.begin();
}

// Builds the edges from the pairs, in (pmin account, pmax account) order.
std::vector<CoordinationEdge> AggregateEdges(const CoordinationData& d, const std::vector<uint32_t>& rank,
                                             const std::vector<uint8_t>& fast, bool with_objects) {
  struct Keyed {
    uint32_t lo_rank, hi_rank, pair;
  };
  std::vector<Keyed> keyed(d.pairs.size());
  for (uint32_t i = 0; i < d.pairs.size(); ++i) {
    uint32_t ra = rank[d.share_account[d.pairs[i].share]], rb = rank[d.share_account[d.pairs[i].share_y]];
    keyed[i] = {std::min(ra, rb), std::max(ra, rb), i};
  }
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.lo_rank, a.hi_rank, a.pair) < std::tie(b.lo_rank, b.hi_rank, b.pair);
  });
  std::vector<CoordinationEdge> edges;
  std::vector<ContentKey> lo_keys, hi_keys, older, newer;
  for (size_t g = 0; g < keyed.size();) {
    size_t end = g;
    while (end < keyed.size() && keyed[end].lo_rank == keyed[g].lo_rank && keyed[end].hi_rank == keyed[g].hi_rank)
      ++end;
    CoordinationEdge e;
    const auto& first = d.pairs[keyed[g].pair];
    uint32_t a = d.share_account[first.share], b = d.share_account[first.share_y];
    e.account = rank[a] <= rank[b] ? a : b;
    e.account_y = rank[a] <= rank[b] ? b : a;
    lo_keys.clear(), hi_keys.clear(), older.clear(), newer.clear();
    int64_t delta_sum = 0, fast_delta_sum = 0;
    e.min_time_delta = INT64_MAX, e.first_share = INT64_MAX;
    e.max_time_delta = INT64_MIN, e.last_share = INT64_MIN;
    for (size_t k = g; k < end; ++k) {
      const auto& p = d.pairs[keyed[k].pair];
      e.min_time_delta = std::min(e.min_time_delta, p.time_delta);
      e.max_time_delta = std::max(e.max_time_delta, p.time_delta);
      e.first_share = std::min(e.first_share, d.share_time[p.share]);
      e.last_share = std::max(e.last_share, d.share_time[p.share_y]);
      const ContentKey c = d.share_content[p.share], cy = d.share_content[p.share_y];
      older.push_back(c);
      newer.push_back(cy);
      if (d.share_account[p.share] == e.account) {
        lo_keys.push_back(c);
        hi_keys.push_back(cy);
      } else {
        lo_keys.push_back(cy);
        hi_keys.push_back(c);
      }
      ++e.weight;
      delta_sum += p.time_delta;
      if (!fast.empty() && fast[keyed[k].pair]) {
        ++e.weight_fast;
        fast_delta_sum += p.time_delta;
      }
      if (with_objects) {
        e.pair_index.push_back(keyed[k].pair);
        if (std::find(e.object_ids.begin(), e.object_ids.end(), p.object) == e.object_ids.end())
          e.object_ids.push_back(p.object);
      }
    }
    e.avg_time_delta = static_cast<double>(delta_sum) / static_cast<double>(e.weight);
    if (e.weight_fast > 0)
      e.avg_time_delta_fast = static_cast<double>(fast_delta_sum) / static_cast<double>(e.weight_fast);
    e.n_content_id = DistinctCount(lo_keys);
    e.n_content_id_y = DistinctCount(hi_keys);
    e.n_content_older = DistinctCount(older);
    e.n_content_newer = DistinctCount(newer);
    e.edge_symmetry_score = static_cast<double>(std::min(e.n_content_id, e.n_content_id_y)) /
                            static_cast<double>(std::max(e.n_content_id, e.n_content_id_y));
    edges.push_back(std::move(e));
    g = end;
  }
  return edges;
}

void ApplySubgraph(std::vector<CoordinationEdge>& edges, int subgraph, std::vector<uint8_t>& neighbour_only,
                   size_t n_accounts) {
  if (subgraph == 1) std::erase_if(edges, [](const CoordinationEdge& e) { return e.weight_threshold != 1; });
  if (subgraph == 2) std::erase_if(edges, [](const CoordinationEdge& e) { return e.weight_threshold_fast != 1; });
  if (subgraph == 3) {
    // The fast-threshold edges' endpoints, their neighbours, and every edge among those vertices.
    std::vector<uint8_t> core(n_accounts, 0), keep(n_accounts, 0);
    for (const auto& e : edges)
      if (e.weight_threshold_fast == 1) core[e.account] = core[e.account_y] = 1;
    for (const auto& e : edges) {
      if (core[e.account] || core[e.account_y]) keep[e.account] = keep[e.account_y] = 1;
    }
    std::erase_if(edges, [&](const CoordinationEdge& e) { return !keep[e.account] || !keep[e.account_y]; });
    neighbour_only.assign(n_accounts, 0);
    for (size_t a = 0; a < n_accounts; ++a) neighbour_only[a] = keep[a] && !core[a];
  }
}

// Marks on each vertex how many dense objects (cliques that were never paired) its account shared, so the
// network says which of its accounts also took part in one.
void CountDenseObjects(const CoordinationData& d, std::vector<CoordinationVertex>& vertices) {
  if (d.dense_objects.empty()) return;
  std::vector<int64_t> count(d.accounts.size(), 0);
  for (const auto& dense : d.dense_objects)
    for (uint32_t a : dense.accounts) ++count[a];
  for (auto& v : vertices) v.dense_objects = count[v.account];
}

}  // namespace

Result<CoordinationNetwork> GenerateCoordinatedNetwork(const CoordinationData& d, const NetworkOptions& options) {
  if (!(options.edge_weight >= 0 && options.edge_weight <= 1))
    return Status::InvalidArgument("edge_weight must be a quantile between 0 and 1");
  if (options.subgraph < 0 || options.subgraph > 3) return Status::InvalidArgument("subgraph must be 0, 1, 2 or 3");
  if ((options.subgraph == 2 || options.subgraph == 3) && options.fast_net_window <= 0)
    return Status::InvalidArgument("subgraph 2 and 3 need a fast network window (fast_net)");
  const std::vector<uint32_t> rank = ByteOrderRanks(d);
  std::vector<uint8_t> fast;
  if (options.fast_net_window > 0) fast = coord::FastPairFlags(d, options.fast_net_window);

  CoordinationNetwork net;
  net.edges = AggregateEdges(d, rank, fast, options.objects);
  std::vector<int64_t> weights, fast_weights;
  for (const auto& e : net.edges) {
    weights.push_back(e.weight);
    if (e.weight_fast > 0) fast_weights.push_back(e.weight_fast);
  }
  net.weight_quantile = QuantileType7(weights, options.edge_weight);
  net.weight_quantile_fast = QuantileType7(fast_weights, options.edge_weight);
  for (auto& e : net.edges) {
    e.weight_threshold = static_cast<double>(e.weight) > net.weight_quantile ? 1 : 0;
    e.weight_threshold_fast = e.weight_fast > 0 && static_cast<double>(e.weight_fast) > net.weight_quantile_fast;
  }
  std::vector<uint8_t> neighbour_only;
  ApplySubgraph(net.edges, options.subgraph, neighbour_only, d.accounts.size());

  // Vertices: every account on an edge, by name; components numbered in that order.
  std::vector<int64_t> degree(d.accounts.size(), -1), strength(d.accounts.size(), 0);
  UnionFind uf(d.accounts.size());
  for (const auto& e : net.edges) {
    for (uint32_t a : {e.account, e.account_y}) {
      degree[a] = std::max<int64_t>(degree[a], 0) + 1;
      strength[a] += e.weight;
    }
    uf.Union(e.account, e.account_y);
  }
  std::vector<uint32_t> members;
  for (uint32_t a = 0; a < d.accounts.size(); ++a)
    if (degree[a] >= 0) members.push_back(a);
  std::sort(members.begin(), members.end(), [&](uint32_t a, uint32_t b) { return rank[a] < rank[b]; });
  std::unordered_map<uint32_t, int64_t> component_of_root;
  for (uint32_t a : members) {
    auto [it, inserted] = component_of_root.try_emplace(uf.Find(a), static_cast<int64_t>(component_of_root.size()) + 1);
    CoordinationVertex v;
    v.account = a;
    v.component = it->second;
    v.community = it->second;
    v.degree = degree[a];
    v.strength = strength[a];
    v.color_v = neighbour_only.empty() || !neighbour_only[a] ? 1 : 0;
    net.vertices.push_back(v);
  }
  net.components = static_cast<int64_t>(component_of_root.size());
  net.communities = net.components;
  CountDenseObjects(d, net.vertices);
  return net;
}

Status DetectCommunities(CoordinationNetwork& net, CommunityMethod method, double resolution) {
  if (method == CommunityMethod::kComponents || net.vertices.empty()) {
    for (auto& v : net.vertices) v.community = v.component;
    net.communities = net.components;
    net.modularity = 0;
    return Status::Ok();
  }
  igraph_set_error_handler(igraph_error_handler_printignore);
  std::unordered_map<uint32_t, igraph_integer_t> vid;
  for (size_t i = 0; i < net.vertices.size(); ++i) vid[net.vertices[i].account] = static_cast<igraph_integer_t>(i);
  igraph_vector_int_t edge_list;
  igraph_vector_t weights, strengths;
  igraph_vector_int_t membership;
  igraph_t graph;
  igraph_vector_int_init(&edge_list, static_cast<igraph_integer_t>(net.edges.size() * 2));
  igraph_vector_init(&weights, static_cast<igraph_integer_t>(net.edges.size()));
  igraph_vector_init(&strengths, static_cast<igraph_integer_t>(net.vertices.size()));
  igraph_vector_int_init(&membership, 0);
  double total_weight = 0;
  for (size_t i = 0; i < net.edges.size(); ++i) {
    VECTOR(edge_list)[2 * i] = vid[net.edges[i].account];
    VECTOR(edge_list)[2 * i + 1] = vid[net.edges[i].account_y];
    VECTOR(weights)[i] = static_cast<double>(net.edges[i].weight);
    total_weight += static_cast<double>(net.edges[i].weight);
  }
  for (size_t i = 0; i < net.vertices.size(); ++i) VECTOR(strengths)[i] = static_cast<double>(net.vertices[i].strength);
  igraph_error_t rc = igraph_create(&graph, &edge_list, static_cast<igraph_integer_t>(net.vertices.size()), IGRAPH_UNDIRECTED);
  if (rc == IGRAPH_SUCCESS) {
    igraph_rng_seed(igraph_rng_default(), kCommunitySeed);
    if (method == CommunityMethod::kLouvain) {
      rc = igraph_community_multilevel(&graph, &weights, resolution, &membership, nullptr, nullptr);
    } else {
      // Leiden on modularity: node weights are strengths and the resolution is scaled by 1 / 2m.
      igraph_integer_t clusters = 0;
      rc = igraph_community_leiden(&graph, &weights, &strengths, resolution / (2 * total_weight), kLeidenBeta,
                                   false, -1, &membership, &clusters, nullptr);
    }
    if (rc == IGRAPH_SUCCESS) {
      igraph_real_t q = 0;
      if (igraph_modularity(&graph, &membership, &weights, resolution, IGRAPH_UNDIRECTED, &q) == IGRAPH_SUCCESS)
        net.modularity = q;
    }
    igraph_destroy(&graph);
  }
  Status status;
  if (rc != IGRAPH_SUCCESS) {
    status = Status::Internal(fmt::format("igraph community detection failed: {}", igraph_strerror(rc)));
  } else {
    // Renumber 1-based by first appearance in the (name-sorted) vertex list.
    std::unordered_map<igraph_integer_t, int64_t> renumber;
    for (size_t i = 0; i < net.vertices.size(); ++i) {
      auto [it, ins] = renumber.try_emplace(VECTOR(membership)[i], static_cast<int64_t>(renumber.size()) + 1);
      net.vertices[i].community = it->second;
    }
    net.communities = static_cast<int64_t>(renumber.size());
  }
  igraph_vector_int_destroy(&membership);
  igraph_vector_destroy(&strengths);
  igraph_vector_destroy(&weights);
  igraph_vector_int_destroy(&edge_list);
  return status;
}

std::vector<DirectedEdge> QutDirectedEdges(const CoordinationData& d, int64_t min_edge_weight) {
  struct Row {
    uint32_t from, to;
    ContentKey content;
    auto operator<=>(const Row&) const = default;
  };
  std::vector<Row> rows;
  rows.reserve(d.pairs.size() * 2);
  for (const auto& p : d.pairs) {
    uint32_t a = d.share_account[p.share], b = d.share_account[p.share_y];
    rows.push_back({a, b, d.share_content[p.share]});
    rows.push_back({b, a, d.share_content[p.share_y]});
  }
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  std::vector<DirectedEdge> out;
  for (size_t i = 0; i < rows.size();) {
    size_t j = i;
    while (j < rows.size() && rows[j].from == rows[i].from && rows[j].to == rows[i].to) ++j;
    if (static_cast<int64_t>(j - i) >= min_edge_weight)
      out.push_back(DirectedEdge{rows[i].from, rows[i].to, static_cast<int64_t>(j - i)});
    i = j;
  }
  std::sort(out.begin(), out.end(), [&](const DirectedEdge& a, const DirectedEdge& b) {
    return std::pair(d.accounts[a.from], d.accounts[a.to]) < std::pair(d.accounts[b.from], d.accounts[b.to]);
  });
  return out;
}

namespace {
bool IsStateAffiliated(const WatchConfig& config, std::string_view account) {
  const size_t colon = account.find(':');
  for (const auto& actor : config.actors) {
    if (!actor.IsStateAffiliated()) continue;
    if (colon != std::string::npos) {
      if (account.substr(0, colon) == actor.platform && account.substr(colon + 1) == actor.account_id)
        return true;
    } else if (account == actor.account_id) {
      return true;
    }
  }
  return false;
}
}  // namespace

std::vector<CommunitySummary> SummarizeCommunities(const CoordinationData& d, const CoordinationNetwork& net,
                                                   const WatchConfig& config, size_t min_size) {
  std::unordered_map<uint32_t, int64_t> community_of;
  std::map<int64_t, CommunitySummary> by_id;
  for (const auto& v : net.vertices) {
    community_of[v.account] = v.community;
    auto& s = by_id[v.community];
    s.community = v.community;
    s.accounts.push_back(d.accounts.str(v.account));
  }
  std::map<int64_t, std::unordered_map<uint32_t, int64_t>> object_counts;
  std::map<int64_t, std::pair<int64_t, int64_t>> span;
  for (const auto& e : net.edges) {
    const int64_t c = community_of[e.account];
    if (community_of[e.account_y] != c) continue;
    ++by_id[c].edges;
    by_id[c].total_weight += e.weight;
  }
  for (const auto& p : d.pairs) {
    auto ia = community_of.find(d.share_account[p.share]);
    auto ib = community_of.find(d.share_account[p.share_y]);
    if (ia == community_of.end() || ib == community_of.end() || ia->second != ib->second) continue;
    const int64_t c = ia->second;
    ++object_counts[c][p.object];
    auto [it, ins] = span.try_emplace(c, d.share_time[p.share], d.share_time[p.share_y]);
    it->second.first = std::min(it->second.first, d.share_time[p.share]);
    it->second.second = std::max(it->second.second, d.share_time[p.share_y]);
  }
  std::vector<CommunitySummary> out;
  for (auto& [c, s] : by_id) {
    if (s.accounts.size() < min_size) continue;
    std::sort(s.accounts.begin(), s.accounts.end());
    for (const auto& a : s.accounts) s.state_affiliated_accounts += IsStateAffiliated(config, a);
    s.state_affiliated_share = static_cast<double>(s.state_affiliated_accounts) / static_cast<double>(s.accounts.size());
    if (auto it = span.find(c); it != span.end()) std::tie(s.first_share, s.last_share) = it->second;
    std::vector<std::pair<int64_t, uint32_t>> objs;
    for (auto [o, n] : object_counts[c]) objs.emplace_back(-n, o);
    std::sort(objs.begin(), objs.end(), [&](const auto& x, const auto& y) {
      return x.first != y.first ? x.first < y.first : d.objects[x.second] < d.objects[y.second];
    });
    s.distinct_objects = static_cast<int64_t>(objs.size());
    for (size_t i = 0; i < objs.size() && i < kTopObjects; ++i) s.top_objects.push_back(d.objects.str(objs[i].second));
    out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(), [](const CommunitySummary& a, const CommunitySummary& b) {
    return a.accounts.size() != b.accounts.size() ? a.accounts.size() > b.accounts.size() : a.total_weight > b.total_weight;
  });
  return out;
}

}  // namespace vigil
