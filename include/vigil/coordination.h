// Coordination: accounts acting in concert. A co-action engine over share tuples (object, account, content,
// time) with CooRTweet's semantics (and the QUT toolkit's and fixed-bin semantics as options), the account
// network it implies, its communities, and the amplification summary an incident carries.
// docs/coordination.md explains the semantics and the differences from the peers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vigil/findings.h"
#include "vigil/post.h"
#include "vigil/status.h"
#include "vigil/watch_config.h"

namespace vigil {

// ---- Share tuples ------------------------------------------------------------------------------------

// One share: `account` published `content` (a post id) that carries `object` (a URL, hashtag, reposted
// post, text ...) at `time` (Unix seconds). The four columns of CooRTweet's input.
struct ShareTuple {
  std::string object_id;
  std::string account_id;
  std::string content_id;
  int64_t time = 0;
  int64_t post_index = -1;  // index into the Post vector the tuple came from; -1 for 4-column input
};

struct NearDupOptions {
  double threshold = 0.7;    // Jaccard similarity of shingle sets at or above which two texts are near-duplicates
  int num_hashes = 128;      // MinHash signature length (bands x rows are chosen from it and the threshold)
  int char_shingle = 3;      // characters per shingle for Chinese, Japanese and Korean text (no segmentation)
  int word_shingle = 2;      // words per shingle for other scripts
  size_t min_shingles = 3;   // texts with fewer shingles take no part (too short to call a copy)
  uint64_t seed = 0x5EEDC0DEull;
};

// Which objects BuildShareTuples derives from a post. Object ids carry a kind prefix ("url:", "tag:",
// "repost:", "text:", "near:") so kinds never collide.
struct TupleOptions {
  bool urls = true;          // canonical URLs of Post::links and Post::url, tracking parameters stripped
  bool hashtags = true;      // #tag (Latin) and #话题# (Weibo style), case-folded
  bool reposts = true;       // Post::repost_of ("repost:<platform>:<id>")
  bool exact_text = true;    // identical normalised title + text
  bool near_duplicates = false;  // MinHash-LSH clusters of similar text (see NearDupOptions)
  size_t min_text_chars = 20;    // shorter normalised texts make no text object ("ok", "+1" ...)
  NearDupOptions near_dup;
};

// Derives share tuples from posts. Accounts are "<platform>:<account_id>", contents are Post::Key().
// The order is by post, then by object kind; deterministic.
std::vector<ShareTuple> BuildShareTuples(const std::vector<Post>& posts, const TupleOptions& options);

// Canonical form of a URL for matching: lower-case scheme and host, no "www.", no fragment, no default
// port, tracking parameters (utm_*, fbclid, gclid, WeChat's chksm/scene/... ) removed, remaining query
// parameters sorted. Returns "" when `url` has no scheme://host.
std::string CanonicalUrl(const std::string& url);
// Hashtags in a text, case-folded, without the '#', in order of appearance, deduplicated.
std::vector<std::string> ExtractHashtags(const std::string& text);
// Text normalised for exact matching: URLs and @mentions removed, case-folded (ASCII), whitespace and
// punctuation collapsed.
std::string NormalizeText(const std::string& text);

// ---- Near-duplicate text ---------------------------------------------------------------------------


struct NearDupPair {
  uint32_t a = 0, b = 0;     // text indexes, a < b
  double jaccard = 0;        // exact Jaccard of the shingle sets (verified, not estimated)
};

struct NearDupResult {
  std::vector<int64_t> cluster;       // per text: cluster id (>= 0) or -1 when it has no near-duplicate
  int64_t clusters = 0;
  std::vector<NearDupPair> pairs;     // verified pairs that joined clusters (identical texts excluded)
  int64_t identical_texts = 0;        // texts whose shingle set equals an earlier text's
  int bands = 0, rows = 0;            // the LSH banding used
  int64_t candidates_checked = 0;
};

// Shingle hashes of a text (sorted, unique): character shingles when CJK characters dominate, word
// shingles otherwise; case-folded, URLs and @mentions dropped.
std::vector<uint64_t> Shingles(const std::string& text, const NearDupOptions& options);

// Clusters near-duplicate texts with MinHash-LSH; candidates are verified with the exact Jaccard of their
// shingle sets, so no reported pair is below the threshold. Identical texts are grouped before hashing.
// Clusters are the connected components of verified pairs (a chain can join texts less similar than the
// threshold). Deterministic for a given seed.
NearDupResult FindNearDuplicates(const std::vector<std::string>& texts, const NearDupOptions& options);

// ---- Four-column CSV ----------------------------------------------------------------------------------

// A row of a 4-column file that was refused, and why.
struct ShareRowError {
  std::string file;
  int64_t line = 0;     // 1-based physical line
  std::string field;    // object_id, account_id, content_id, timestamp_share, or "" for the row as a whole
  std::string reason;
  std::string raw;      // the record as read, whole (empty for a line above 8 MiB, skipped by its size)
};

struct ShareCsv {
  std::vector<ShareTuple> tuples;  // good rows in file order
  std::vector<ShareRowError> errors;
  int64_t rows_read = 0;           // data rows seen (header excluded)
};

// Reads "object_id,account_id,content_id,timestamp_share" (header required, columns in any order, extra
// columns ignored; RFC 4180 quoting). Timestamps are integral Unix seconds or RFC 3339 with an offset.
// Bad rows are reported in `errors` and skipped; a missing file or header is an error Status.
Result<ShareCsv> ReadShareCsv(const std::string& path);
// Writes tuples in the same format (header included).
Status WriteShareCsv(const std::string& path, const std::vector<ShareTuple>& tuples);
// Writes refused rows as "line,field,reason,raw" for the analyst to fix.
Status WriteShareErrors(const std::string& path, const std::vector<ShareRowError>& errors);

// ---- Co-action detection --------------------------------------------------------------------------------

enum class WindowSemantics {
  kCooRTweet,  // every pair of shares of one object with |t1 - t2| <= window (true pairwise distance)
  kQut,        // QUT coordination-network-toolkit: directed a->b = distinct contents of a matched within
               // +-window by a share of b on the same object
  kBins,       // shares of one object in the same fixed bin floor(t / window)
};

// Default of DetectOptions::dense_object_pairs: about 1,400 accounts sharing one object within one window;
// 24 MB of pairs. CooRTweet's sample data peaks at 528 pairs for one object.
inline constexpr int64_t kDefaultDenseObjectPairs = 1'000'000;

struct DetectOptions {
  int64_t time_window = 10;       // seconds
  int64_t min_participation = 2;  // CooRTweet's: applied before and after pairing
  bool remove_loops = true;       // drop pairs of one account, one content, or content == object
  WindowSemantics semantics = WindowSemantics::kCooRTweet;
  // An object whose shares make more in-window pairs than this (counted before loop removal, without
  // forming them) is a dense object: reported as one clique (DenseObject), its pairs never formed. >= 1.
  int64_t dense_object_pairs = kDefaultDenseObjectPairs;
};

// One co-share: two shares of `object` by different accounts, the first the earlier (ties: input order).
struct CoordinatedPair {
  uint32_t object = 0;      // index into CoordinationData::objects
  uint32_t share = 0;       // index into the input tuples: the earlier share
  uint32_t share_y = 0;     // the later share
  int64_t time_delta = 0;   // >= 0 seconds
};

// Identity of a content id: its 128-bit hash, so ten million shares need not keep their content strings.
struct ContentKey {
  uint64_t lo = 0, hi = 0;
  friend bool operator==(const ContentKey&, const ContentKey&) = default;
  friend auto operator<=>(const ContentKey&, const ContentKey&) = default;
};

// Distinct strings stored back to back (one allocation for millions of ids, not one each).
class NameTable {
 public:
  size_t size() const { return offsets_.size() - 1; }
  bool empty() const { return size() == 0; }
  std::string_view operator[](size_t i) const {
    return std::string_view(blob_.data() + offsets_[i], offsets_[i + 1] - offsets_[i]);
  }
  std::string str(size_t i) const { return std::string((*this)[i]); }
  uint32_t push_back(std::string_view s) {
    blob_.append(s);
    offsets_.push_back(blob_.size());
    return static_cast<uint32_t>(size() - 1);
  }
  void reserve(size_t names, size_t bytes) {
    offsets_.reserve(names + 1);
    blob_.reserve(bytes);
  }

 private:
  std::string blob_;
  std::vector<uint64_t> offsets_{0};
};

// An object shared by so many accounts within the window that pairing them would explode (20,000 accounts in
// a minute make 67 million pairs at a 10 s window): reported as one clique instead of pairs.
struct DenseObject {
  uint32_t object = 0;             // index into CoordinationData::objects
  std::vector<uint32_t> accounts;  // distinct accounts that shared it, in order of their first share
  int64_t shares = 0;              // shares of the object (accounts kept by the participation pre-filter)
  int64_t first_share = 0, last_share = 0;  // Unix seconds
  int64_t window_pairs = 0;        // in-window share pairs (loops included) that were not formed
};

// The interned input and the pairs detect_groups found.
struct CoordinationData {
  NameTable objects;   // distinct object ids, first-seen order
  NameTable accounts;  // distinct account ids, first-seen order
  std::vector<uint32_t> share_object;   // per input share
  std::vector<uint32_t> share_account;  // per input share
  std::vector<int64_t> share_time;      // per input share
  std::vector<ContentKey> share_content;       // per input share
  std::vector<uint8_t> share_content_is_object;  // per input share: content id == object id (a loop)
  std::vector<int64_t> share_post;                // per input share: Post index, or -1
  std::unordered_map<uint32_t, std::string> content_names;  // content id of every share in a pair
  std::vector<CoordinatedPair> pairs;  // grouped by object (first-seen order), then by time
  std::vector<DenseObject> dense_objects;  // objects reported as cliques, first-seen order; none of their pairs
  DetectOptions options;

  // The content id of a share in a pair ("" for shares in no pair).
  const std::string& ContentName(uint32_t share) const;
  size_t shares() const { return share_object.size(); }
};

// CooRTweet's detect_groups (kCooRTweet, kBins), or the pairs the QUT toolkit matches (kQut; the
// min_participation filter does not apply there). Never pairs all-against-all: a sliding window per object.
Result<CoordinationData> DetectGroups(const std::vector<ShareTuple>& tuples, const DetectOptions& options);
// The same over a 4-column CSV, streamed: the file is read twice (once for the tuples, once for the
// content ids of the pairs) and no content string of an unpaired share is kept. Bad rows go to `csv_errors`
// (never null) and are skipped; `rows_read` counts data rows.
Result<CoordinationData> DetectGroupsInCsv(const std::string& path, const DetectOptions& options,
                                           std::vector<ShareRowError>* csv_errors, int64_t* rows_read);

// ---- Network ---------------------------------------------------------------------------------------------

struct NetworkOptions {
  double edge_weight = 0.5;      // quantile (0..1) of edge weights; weight_threshold = weight > quantile
  int subgraph = 0;              // 0 none; 1 edges over threshold; 2 fast edges over fast threshold;
                                 // 3 fast-threshold edges' endpoints and their neighbours (CooRTweet)
  int64_t fast_net_window = -1;  // > 0: also weigh the shares made within this narrower window
  bool objects = false;          // keep the shared objects of every edge as evidence
};

// One undirected account pair. account < account_y by index into CoordinationData::accounts sorted
// byte-wise (the "pmin" account first).
struct CoordinationEdge {
  uint32_t account = 0, account_y = 0;
  int64_t weight = 0;              // co-shares (pairs) of the two accounts
  double avg_time_delta = 0;
  int64_t min_time_delta = 0, max_time_delta = 0;  // seconds between the two shares of a co-share
  int64_t first_share = 0, last_share = 0;         // Unix seconds: the earliest and latest share of any co-share
  int64_t n_content_id = 0;        // distinct contents of `account` among the co-shares
  int64_t n_content_id_y = 0;      // distinct contents of `account_y`
  int64_t n_content_older = 0;     // CooRTweet's n_content_id: distinct contents of the earlier shares
  int64_t n_content_newer = 0;     // CooRTweet's n_content_id_y: distinct contents of the later shares
  double edge_symmetry_score = 0;  // min/max of the two content counts
  int weight_threshold = 0;        // 1 when weight > the edge_weight quantile
  // fast network (fast_net_window > 0); weight_fast == 0 means no fast co-share
  int64_t weight_fast = 0;
  double avg_time_delta_fast = 0;
  int weight_threshold_fast = 0;
  std::vector<uint32_t> object_ids;  // when NetworkOptions::objects: distinct objects, first-seen order
  std::vector<uint32_t> pair_index;  // when NetworkOptions::objects: indexes into CoordinationData::pairs
};

struct CoordinationVertex {
  uint32_t account = 0;
  int64_t component = 0;  // 1-based, numbered by first appearance in the vertex list
  int64_t community = 0;  // 1-based (Louvain/Leiden when run, else the component)
  int64_t degree = 0;
  int64_t strength = 0;   // sum of incident weights
  int color_v = 1;        // subgraph 3: 1 coordinated, 0 neighbour
  int64_t dense_objects = 0;  // dense objects (reported as cliques, not paired) the account shared
};

enum class CommunityMethod { kComponents, kLouvain, kLeiden };

struct CoordinationNetwork {
  std::vector<CoordinationEdge> edges;        // sorted by (account name, account_y name)
  std::vector<CoordinationVertex> vertices;   // sorted by account name
  double weight_quantile = 0;                 // the threshold value (CooRTweet's quantile type 7)
  double weight_quantile_fast = 0;
  int64_t components = 0;
  int64_t communities = 0;
  double modularity = 0;                      // of the community partition (0 for components)
};

// CooRTweet's generate_coordinated_network over the pairs. For kQut data, weight = co-shares as well; use
// QutDirectedEdges for the toolkit's directed counts.
Result<CoordinationNetwork> GenerateCoordinatedNetwork(const CoordinationData& data,
                                                       const NetworkOptions& options);

// Communities of the network with igraph (weights = edge weights). Deterministic: a fixed seed.
Status DetectCommunities(CoordinationNetwork& network, CommunityMethod method, double resolution = 1.0);

struct DirectedEdge {
  uint32_t from = 0, to = 0;  // account indexes
  int64_t weight = 0;         // distinct contents of `from` matched by `to`
};
// The QUT toolkit's directed edge list with weight >= min_edge_weight, sorted by (from name, to name).
std::vector<DirectedEdge> QutDirectedEdges(const CoordinationData& data, int64_t min_edge_weight);

// Per-community summary for reports.
struct CommunitySummary {
  int64_t community = 0;
  std::vector<std::string> accounts;  // sorted
  int64_t edges = 0;
  int64_t total_weight = 0;
  int64_t first_share = 0, last_share = 0;  // Unix seconds over the community's co-shares
  std::vector<std::string> top_objects;     // most co-shared objects first (at most 10)
  int64_t distinct_objects = 0;
  int64_t state_affiliated_accounts = 0;
  double state_affiliated_share = 0;
};
// Summaries of communities with at least `min_size` accounts, largest first. Accounts are matched to
// config actors as "<platform>:<account_id>" (or the bare account id for 4-column input).
std::vector<CommunitySummary> SummarizeCommunities(const CoordinationData& data,
                                                   const CoordinationNetwork& network,
                                                   const WatchConfig& config, size_t min_size = 2);

// ---- Exports ----------------------------------------------------------------------------------------------

// detect_groups output: object_id,content_id,content_id_y,account_id,account_id_y,time_delta.
Status WritePairsCsv(const std::string& path, const CoordinationData& data);
// Edge list with evidence: CooRTweet's columns, the fast columns when present, CooRTweet's own content counts
// (n_content_older, n_content_newer), the shared objects and, per edge, the co-shares as
// "object|content|content_y|time|time_y" joined by ';' (capped per edge).
Status WriteEdgesCsv(const std::string& path, const CoordinationData& data, const CoordinationNetwork& network);
// Vertex table: account_id,component,community,degree,strength,dense_objects.
Status WriteVerticesCsv(const std::string& path, const CoordinationData& data,
                        const CoordinationNetwork& network);
// Dense objects, one row each: object_id,shares,accounts,first_share,last_share,span_seconds,window_pairs,
// account_ids (space-separated, in order of first share). Header only when there is none.
Status WriteDenseObjectsCsv(const std::string& path, const CoordinationData& data);

// Per-community summary for people (a spreadsheet CSV: formula-like cells neutralised, a UTF-8 byte-order
// mark when asked): community,accounts,edges,total_weight,first_share,last_share,distinct_objects,
// state_affiliated_share,top_objects,members (the two lists space-separated).
Status WriteCommunitiesCsv(const std::string& path, const std::vector<CommunitySummary>& communities,
                           bool byte_order_mark = false);
// The QUT toolkit's directed edges: source,target,weight.
Status WriteQutEdgesCsv(const std::string& path, const CoordinationData& data, const std::vector<DirectedEdge>& edges);
// GraphML (http://graphml.graphdrawing.org/xmlns) and GEXF with typed attributes. Every edge carries its
// evidence: weight, time deltas (mean, min, max), first and last share, both pairs of content counts, the
// symmetry score, the threshold flag, the fast columns when present, the shared objects and the co-shares
// ("object|content|content_y|time|time_y", ';'-joined, capped per edge; `evidence_listed` says how many).
// Vertices: component, community, degree, strength, dense_objects; the graph: the dense objects (GraphML
// graph attributes, the GEXF description). Edge evidence needs the network built with NetworkOptions::objects.
Status WriteGraphMl(const std::string& path, const CoordinationData& data, const CoordinationNetwork& network);
// GEXF 1.2draft is what networkx 2.8 (Debian 12) reads and Gephi reads too; 1.3 is Gephi's current format.
enum class GexfVersion { k1_2draft, k1_3 };
Status WriteGexf(const std::string& path, const CoordinationData& data, const CoordinationNetwork& network,
                 GexfVersion version = GexfVersion::k1_2draft);

// ---- Amplification of an incident's posts -----------------------------------------------------------------

// Objects that identify one post's spread: reposts, its links and its text (hashtags would pull in every
// post on the topic).
inline TupleOptions AmplificationObjects() {
  TupleOptions t;
  t.hashtags = false;
  return t;
}

struct AmplificationOptions {
  int64_t time_window = 900;        // seconds: amplifiers co-sharing within it are tied together
  int64_t horizon_seconds = 72 * 3600;  // shares later than this after the original are ignored
  size_t min_community_accounts = 5;    // smaller groups are not reported as coordinated
  TupleOptions tuples = AmplificationObjects();  // how objects are derived from posts
  // Components by default: amplifiers of one post form a band in time (each tied to those within the
  // window of it), which modularity methods cut in the middle; a chain of co-actions is one network.
  CommunityMethod method = CommunityMethod::kComponents;
};

// Given all posts, the watch configuration and the indexes of an incident's posts, finds the accounts
// that amplified those posts (reposted them, shared their URL or copied their text) and whether they did
// so in concert: the co-action network among amplifiers, its largest community, delays from the original,
// and the share of state-affiliated accounts. An empty summary (accounts == 0) when no community of at
// least min_community_accounts formed. Deterministic.
Result<CoordinationSummary> SummarizeAmplification(const std::vector<Post>& posts, const WatchConfig& config,
                                                   const std::vector<uint32_t>& posts_of_interest,
                                                   const AmplificationOptions& options = {});
// The same with the share tuples of `posts` already built (BuildShareTuples(posts, options.tuples)), so that
// many incidents over one corpus derive objects once.
Result<CoordinationSummary> SummarizeAmplification(const std::vector<Post>& posts,
                                                   const std::vector<ShareTuple>& all_tuples,
                                                   const WatchConfig& config,
                                                   const std::vector<uint32_t>& posts_of_interest,
                                                   const AmplificationOptions& options);

}  // namespace vigil
