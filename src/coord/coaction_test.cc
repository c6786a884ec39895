// Unit tests of the co-action engine: window semantics, loop removal, the participation filter, the
// weight threshold, the fast network and subgraphs.
#include <gtest/gtest.h>

#include <set>

#include "tests/testutil/report_fixture.h"
#include "vigil/coordination.h"

namespace vigil {
namespace {

ShareTuple T(std::string object, std::string account, std::string content, int64_t time) {
  return ShareTuple{std::move(object), std::move(account), std::move(content), time, -1};
}

using testutil::MakeActor;

std::set<std::string> PairSet(const CoordinationData& d) {
  std::set<std::string> out;
  for (const auto& p : d.pairs)
    out.insert(d.ContentName(p.share) + ">" + d.ContentName(p.share_y) + "@" + std::to_string(p.time_delta));
  return out;
}

DetectOptions Opts(int64_t window, int64_t min_participation, WindowSemantics s = WindowSemantics::kCooRTweet) {
  DetectOptions o;
  o.time_window = window;
  o.min_participation = min_participation;
  o.semantics = s;
  return o;
}

TEST(CooRTweetWindow, PairsByTruePairwiseDistanceInclusiveAndOrientsEarlierFirst) {
  // Times 100, 105, 110, 121 on one object: 100-110 is exactly the window (kept), 110-121 is 11 (dropped).
  std::vector<ShareTuple> t = {T("o", "b", "c2", 105), T("o", "a", "c1", 100), T("o", "c", "c3", 110), T("o", "d", "c4", 121)};
  auto d = DetectGroups(t, Opts(10, 1));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(PairSet(*d), (std::set<std::string>{"c1>c2@5", "c1>c3@10", "c2>c3@5"}));
}

TEST(CooRTweetWindow, TimeBinsMissPairsAcrossABinEdgeThatTrueDistanceFinds) {
  // 19 and 21 are 2 s apart but fall in bins [10,20) and [20,30).
  std::vector<ShareTuple> t = {T("o", "a", "c1", 19), T("o", "b", "c2", 21), T("o", "c", "c3", 29)};
  auto true_distance = DetectGroups(t, Opts(10, 1));
  auto bins = DetectGroups(t, Opts(10, 1, WindowSemantics::kBins));
  ASSERT_TRUE(true_distance.ok() && bins.ok());
  EXPECT_EQ(PairSet(*true_distance), (std::set<std::string>{"c1>c2@2", "c1>c3@10", "c2>c3@8"}));
  EXPECT_EQ(PairSet(*bins), (std::set<std::string>{"c2>c3@8"}));
}

TEST(CooRTweetWindow, LoopsAreRemovedOnlyWhenAsked) {
  std::vector<ShareTuple> t = {
      T("o", "a", "c1", 0), T("o", "a", "c2", 1),  // same account
      T("o", "b", "c1", 2),                         // same content as a's first share
      T("o", "c", "o", 3),                          // the object itself (the original post)
      T("o", "d", "c4", 4)};
  auto with = DetectGroups(t, Opts(10, 1));
  ASSERT_TRUE(with.ok());
  EXPECT_EQ(PairSet(*with), (std::set<std::string>{"c1>c4@4", "c2>c1@1", "c2>c4@3", "c1>c4@2"}));
  for (const auto& p : with->pairs) {
    EXPECT_NE(with->share_account[p.share], with->share_account[p.share_y]);
    EXPECT_NE(with->ContentName(p.share), "o");
  }
  DetectOptions keep = Opts(10, 1);
  keep.remove_loops = false;
  auto without = DetectGroups(t, keep);
  ASSERT_TRUE(without.ok());
  EXPECT_EQ(without->pairs.size(), 10u);  // all 5 choose 2
}

TEST(CooRTweetParticipation, AccountsWithTooFewSharesAreDroppedBeforeAndAfterPairing) {
  // Before pairing: c has one share and is dropped at min 2. After pairing: f and g pass the first filter
  // (two shares each) but only one of their rows is paired, so their pair goes. e also has one paired row,
  // yet its pair with b survives: CooRTweet keeps a pair when either side's content qualifies.
  std::vector<ShareTuple> t = {T("o1", "a", "a1", 0),     T("o1", "b", "b1", 3),     T("o1", "c", "c1", 4),
                               T("o2", "a", "a2", 50),    T("o2", "b", "b2", 52),    T("o3", "e", "e1", 100),
                               T("o3", "b", "b3", 101),   T("o4", "e", "e2", 900),   T("o5", "f", "f1", 5000),
                               T("o5", "g", "g1", 5001),  T("o6", "f", "f2", 9000),  T("o7", "g", "g2", 9500)};
  auto d = DetectGroups(t, Opts(10, 2));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(PairSet(*d), (std::set<std::string>{"a1>b1@3", "a2>b2@2", "e1>b3@1"}));
  auto loose = DetectGroups(t, Opts(10, 1));
  ASSERT_TRUE(loose.ok());
  EXPECT_EQ(PairSet(*loose), (std::set<std::string>{"a1>b1@3", "a1>c1@4", "b1>c1@1", "a2>b2@2", "e1>b3@1", "f1>g1@1"}));
  // At 3, only b has enough shares to take part: nobody is left to pair with.
  auto strict = DetectGroups(t, Opts(10, 3));
  ASSERT_TRUE(strict.ok());
  EXPECT_TRUE(strict->pairs.empty());
}

TEST(QutSemantics, DirectedWeightsCountDistinctMessagesOfTheSource) {
  // a shares o1 twice within the window of b's single share: a->b = 2 messages, b->a = 1 message.
  std::vector<ShareTuple> t = {T("o1", "a", "a1", 0), T("o1", "a", "a2", 4), T("o1", "b", "b1", 5)};
  auto d = DetectGroups(t, Opts(10, 2, WindowSemantics::kQut));  // no participation filter for the toolkit
  ASSERT_TRUE(d.ok());
  auto edges = QutDirectedEdges(*d, 1);
  ASSERT_EQ(edges.size(), 2u);
  EXPECT_EQ(d->accounts.str(edges[0].from), "a");
  EXPECT_EQ(edges[0].weight, 2);
  EXPECT_EQ(d->accounts.str(edges[1].from), "b");
  EXPECT_EQ(edges[1].weight, 1);
  EXPECT_EQ(QutDirectedEdges(*d, 2).size(), 1u);  // min_edge_weight
}

TEST(Network, WeightsSymmetryAndTheQuantileThreshold) {
  // Pairs: a-b three times, a-c once, b-c once, c-d once. Weights {3,1,1,1}: median 1, only a-b is over it.
  std::vector<ShareTuple> t;
  for (int k = 0; k < 3; ++k) {
    std::string o = "o" + std::to_string(k);
    t.push_back(T(o, "a", "a" + std::to_string(k), k * 100));
    t.push_back(T(o, "b", "b" + std::to_string(k), k * 100 + 2));
  }
  t.push_back(T("p", "a", "a9", 1000));
  t.push_back(T("p", "c", "c9", 1001));
  t.push_back(T("q", "b", "b8", 2000));
  t.push_back(T("q", "c", "c8", 2009));
  t.push_back(T("r", "c", "c7", 3000));
  t.push_back(T("r", "d", "d7", 3001));
  auto d = DetectGroups(t, Opts(10, 1));
  ASSERT_TRUE(d.ok());
  auto net = GenerateCoordinatedNetwork(*d, NetworkOptions{});
  ASSERT_TRUE(net.ok());
  ASSERT_EQ(net->edges.size(), 4u);
  EXPECT_DOUBLE_EQ(net->weight_quantile, 1.0);
  const auto& ab = net->edges[0];
  EXPECT_EQ(d->accounts.str(ab.account), "a");
  EXPECT_EQ(ab.weight, 3);
  EXPECT_DOUBLE_EQ(ab.avg_time_delta, 2.0);
  EXPECT_EQ(ab.n_content_id, 3);
  EXPECT_DOUBLE_EQ(ab.edge_symmetry_score, 1.0);
  EXPECT_EQ(ab.weight_threshold, 1);
  for (size_t i = 1; i < 4; ++i) EXPECT_EQ(net->edges[i].weight_threshold, 0);
  EXPECT_EQ(net->components, 1);

  NetworkOptions q75;
  q75.edge_weight = 0.75;  // type 7 over {1,1,1,3}: 1 + 0.25 * 2 = 1.5
  auto net75 = GenerateCoordinatedNetwork(*d, q75);
  ASSERT_TRUE(net75.ok());
  EXPECT_DOUBLE_EQ(net75->weight_quantile, 1.5);

  NetworkOptions sub;
  sub.subgraph = 1;
  auto only_over = GenerateCoordinatedNetwork(*d, sub);
  ASSERT_TRUE(only_over.ok());
  ASSERT_EQ(only_over->edges.size(), 1u);
  EXPECT_EQ(only_over->vertices.size(), 2u);

  // Fast network at 1 s: only the a-c (1 s) and c-d (1 s) co-shares.
  NetworkOptions fast;
  fast.fast_net_window = 1;
  auto f = GenerateCoordinatedNetwork(*d, fast);
  ASSERT_TRUE(f.ok());
  int64_t fast_edges = 0;
  for (const auto& e : f->edges) fast_edges += e.weight_fast > 0;
  EXPECT_EQ(fast_edges, 2);
  EXPECT_FALSE(GenerateCoordinatedNetwork(*d, NetworkOptions{0.5, 2, -1, false}).ok());  // needs fast_net
  EXPECT_FALSE(GenerateCoordinatedNetwork(*d, NetworkOptions{1.5, 0, -1, false}).ok());
}

TEST(Network, LouvainAndLeidenSplitTwoCliquesJoinedByOneEdge) {
  std::vector<ShareTuple> t;
  auto clique = [&](const std::string& prefix, int64_t base) {
    for (int k = 0; k < 6; ++k) t.push_back(T(prefix + "obj", prefix + std::to_string(k), prefix + "c" + std::to_string(k), base + k));
  };
  clique("x", 0);
  clique("y", 10000);
  t.push_back(T("bridge", "x0", "xb", 50000));
  t.push_back(T("bridge", "y0", "yb", 50001));
  auto d = DetectGroups(t, Opts(10, 1));
  ASSERT_TRUE(d.ok());
  for (CommunityMethod m : {CommunityMethod::kLouvain, CommunityMethod::kLeiden}) {
    auto net = GenerateCoordinatedNetwork(*d, NetworkOptions{});
    ASSERT_TRUE(net.ok());
    EXPECT_EQ(net->components, 1);
    ASSERT_TRUE(DetectCommunities(*net, m).ok());
    EXPECT_EQ(net->communities, 2);
    EXPECT_GT(net->modularity, 0.3);
    WatchConfig config;
    config.actors.push_back(MakeActor("", "x1", Affiliation::kStateMedia));
    auto summaries = SummarizeCommunities(*d, *net, config);
    ASSERT_EQ(summaries.size(), 2u);
    for (const auto& s : summaries) {
      EXPECT_EQ(s.accounts.size(), 6u);
      EXPECT_EQ(s.edges, 15);
      if (s.accounts[0][0] == 'x') {
        EXPECT_DOUBLE_EQ(s.state_affiliated_share, 1.0 / 6);
      }
    }
  }
}

TEST(Detection, AHeavyObjectCostsOnlyItsInWindowPairs) {
  // 200,000 shares of one object, one per second by distinct accounts: 10 s window = ~2 M pairs, not 2e10.
  std::vector<ShareTuple> t;
  const int n = 200000;
  t.reserve(n);
  for (int i = 0; i < n; ++i) t.push_back(T("viral", "acc" + std::to_string(i), "c" + std::to_string(i), i));
  DetectOptions o = Opts(10, 1);
  o.dense_object_pairs = 3'000'000;  // above its ~2 M pairs: paired, not reported as a dense object
  auto d = DetectGroups(t, o);
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->dense_objects.empty());
  EXPECT_EQ(d->pairs.size(), static_cast<size_t>(n - 10) * 10 + 45);
}

// One object shared by 3,000 accounts within 10 s would make 4.5 million pairs: it is reported as one
// clique (a dense object) and none of its pairs is formed, while other objects pair as before.
TEST(DenseObjects, AnObjectOverTheThresholdIsOneCliqueAndFormsNoPairs) {
  constexpr int kAccounts = 3000;
  std::vector<ShareTuple> t = {T("calm", "a", "x1", 0), T("calm", "b", "x2", 3)};
  for (int i = 0; i < kAccounts; ++i)
    t.push_back(T("swarm", "acc" + std::to_string(i), "s" + std::to_string(i), 1000 + i % 10));
  auto d = DetectGroups(t, Opts(10, 1));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(PairSet(*d), (std::set<std::string>{"x1>x2@3"}));
  ASSERT_EQ(d->dense_objects.size(), 1u);
  const DenseObject& dense = d->dense_objects[0];
  EXPECT_EQ(d->objects.str(dense.object), "swarm");
  EXPECT_EQ(dense.shares, kAccounts);
  ASSERT_EQ(dense.accounts.size(), static_cast<size_t>(kAccounts));
  EXPECT_EQ(d->accounts.str(dense.accounts.front()), "acc0");  // first share first (time 1000)
  EXPECT_EQ(dense.first_share, 1000);
  EXPECT_EQ(dense.last_share, 1009);
  EXPECT_EQ(dense.window_pairs, int64_t{kAccounts} * (kAccounts - 1) / 2);
}

TEST(DenseObjects, TheThresholdCountsInWindowPairsAndIsInclusive) {
  // Five shares within the window make 10 pairs (at the threshold: paired); six make 15 (dense).
  DetectOptions o = Opts(10, 1);
  o.dense_object_pairs = 10;
  std::vector<ShareTuple> t;
  for (int i = 0; i < 5; ++i) t.push_back(T("five", "a" + std::to_string(i), "f" + std::to_string(i), i));
  for (int i = 0; i < 6; ++i) t.push_back(T("six", "a" + std::to_string(i), "g" + std::to_string(i), 100 + i));
  // Far apart in time, 40 shares make no in-window pair at all: not dense however many.
  for (int i = 0; i < 40; ++i) t.push_back(T("slow", "a" + std::to_string(i % 5), "h" + std::to_string(i), 1000 + 60 * i));
  auto d = DetectGroups(t, o);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->dense_objects.size(), 1u);
  EXPECT_EQ(d->objects.str(d->dense_objects[0].object), "six");
  EXPECT_EQ(d->dense_objects[0].window_pairs, 15);
  EXPECT_EQ(d->pairs.size(), 10u);
  o.dense_object_pairs = 0;
  EXPECT_EQ(DetectGroups(t, o).status().code(), StatusCode::kInvalidArgument);
}

TEST(Detection, RejectsBadOptions) {
  std::vector<ShareTuple> t = {T("o", "a", "c", 0)};
  EXPECT_FALSE(DetectGroups(t, Opts(-1, 2)).ok());
  EXPECT_FALSE(DetectGroups(t, Opts(0, 2, WindowSemantics::kBins)).ok());
}

}  // namespace
}  // namespace vigil
