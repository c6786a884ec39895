// `vigil coord`: coordination detection on a 4-column share file (object_id, account_id, content_id,
// timestamp_share) or on the posts of a store, with CooRTweet's parameter names, writing the pairs, the
// network (CSV with evidence, GraphML, GEXF) and per-community summaries; and the 4-column export of stored
// posts for CooRTweet and other tools.
#include <fmt/format.h>

#include <filesystem>
#include <map>

#include "apps/cli/commands.h"
#include "apps/cli/outputs.h"
#include "apps/cli/store_option.h"
#include "common/output_file.h"
#include "common/strings.h"
#include "vigil/coordination.h"
#include "vigil/store.h"
#include "vigil/watch_config.h"

namespace vigil::cli {
namespace {

constexpr size_t kMaxErrorsPrinted = 20;  // the rest are in the quarantine file

struct CoordArgs {
  std::string input;
  std::string store_path;
  std::string export_tuples;
  bool near_duplicates = false;
  std::string out_dir = "coord-out";
  std::string config_path;
  int64_t time_window = 10;
  int64_t min_participation = 2;
  bool keep_loops = false;
  double edge_weight = 0.5;
  int subgraph = 0;
  int64_t fast_net = 0;
  bool objects = false;
  std::string semantics = "coortweet";
  std::string community = "louvain";
  int64_t min_edge_weight = 1;
  int64_t dense_object_pairs = kDefaultDenseObjectPairs;
  std::string gexf_version = "1.2draft";
  bool csv_bom = false;
};

// Dense objects are reported as cliques, never paired: the run summary says so, with the largest.
void PrintDenseObjects(const CoordinationData& data) {
  if (data.dense_objects.empty()) return;
  const DenseObject* largest = &data.dense_objects.front();
  for (const auto& dense : data.dense_objects)
    if (dense.accounts.size() > largest->accounts.size()) largest = &dense;
  fmt::print("{} dense objects (more than {} in-window pairs each) reported as cliques, their pairs not formed "
             "(dense_objects.csv); largest: {} shared by {} accounts within {} s\n",
             data.dense_objects.size(), data.options.dense_object_pairs, TerminalText(data.objects[largest->object]),
             largest->accounts.size(), largest->last_share - largest->first_share);
}

// Ends the command: the message on stderr, the exit code to the shell.
[[noreturn]] void Fail(const std::string& message, int exit_code) {
  fmt::print(stderr, "vigil coord: {}\n", message);
  throw Exit{exit_code};
}

DetectOptions DetectOptionsFrom(const CoordArgs& a) {
  static const std::map<std::string, WindowSemantics> kSemantics = {
      {"coortweet", WindowSemantics::kCooRTweet}, {"qut", WindowSemantics::kQut}, {"bins", WindowSemantics::kBins}};
  DetectOptions detect;
  detect.time_window = a.time_window;
  detect.min_participation = a.min_participation;
  detect.remove_loops = !a.keep_loops;
  detect.dense_object_pairs = a.dense_object_pairs;
  detect.semantics = kSemantics.at(a.semantics);
  return detect;
}

// The watch configuration names state-affiliated accounts in the community summaries; none is an empty one.
WatchConfig LoadConfig(const std::string& path) {
  if (path.empty()) return {};
  auto loaded = LoadWatchConfig(path);
  if (!loaded.ok()) Fail(loaded.status().message(), kExitBadConfig);
  return std::move(loaded).value();
}

void CreateOutputFolder(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) Fail(fmt::format("cannot create {}: {}", dir, ec.message()), kExitFailure);
}

// The stored posts and their share tuples (objects derived from URLs, hashtags, reposts and text).
struct StoredShares {
  size_t posts = 0;
  std::vector<ShareTuple> tuples;
};

StoredShares LoadStoredShares(const CoordArgs& a) {
  auto store = OpenStore(a.store_path);
  if (!store.ok()) Fail(store.status().message(), kExitFailure);
  std::vector<Post> posts;
  if (Status s = (*store)->LoadPosts(PostQuery{}, &posts); !s.ok()) Fail(s.message(), kExitFailure);
  TupleOptions tuple_options;
  tuple_options.near_duplicates = a.near_duplicates;
  return {posts.size(), BuildShareTuples(posts, tuple_options)};
}

int ExportTuples(const CoordArgs& a) {
  const StoredShares stored = LoadStoredShares(a);
  if (Status s = WriteShareCsv(a.export_tuples, stored.tuples); !s.ok()) Fail(s.message(), ExitCodeFor(s));
  fmt::print("{} posts, {} share tuples written to {}\n", stored.posts, stored.tuples.size(), a.export_tuples);
  return kExitOk;
}

// The co-shares found in the input, with the rows the input file rejected.
struct CoordInput {
  CoordinationData data;
  std::vector<ShareRowError> errors;
  int64_t rows = 0;  // data rows of the file, or share tuples of the stored posts
};

CoordInput DetectInInput(const CoordArgs& a, const DetectOptions& detect) {
  CoordInput input;
  Result<CoordinationData> data = Status::Internal("no input");
  if (!a.store_path.empty()) {
    const StoredShares stored = LoadStoredShares(a);
    input.rows = static_cast<int64_t>(stored.tuples.size());
    data = DetectGroups(stored.tuples, detect);
  } else {
    data = DetectGroupsInCsv(a.input, detect, &input.errors, &input.rows);
  }
  if (!data.ok()) Fail(data.status().message(), ExitCodeFor(data.status()));
  input.data = std::move(data).value();
  return input;
}

// Prints the first rejected rows and keeps every one aside whole in the quarantine file.
void QuarantineRejectedRows(const std::vector<ShareRowError>& errors, const std::string& quarantine) {
  for (size_t i = 0; i < errors.size() && i < kMaxErrorsPrinted; ++i) {
    const auto& e = errors[i];
    fmt::print(stderr, "{}:{}: {}{}\n", e.file, e.line, e.field.empty() ? "" : e.field + ": ", e.reason);
  }
  if (errors.empty()) return;
  if (errors.size() > kMaxErrorsPrinted) fmt::print(stderr, "... and {} more\n", errors.size() - kMaxErrorsPrinted);
  // Rejected rows that cannot be kept aside would vanish: the run stops.
  if (Status s = WriteShareErrors(quarantine, errors); !s.ok()) Fail(s.message(), ExitCodeFor(s));
}

CoordinationNetwork BuildNetwork(const CoordArgs& a, const CoordinationData& data) {
  static const std::map<std::string, CommunityMethod> kMethods = {
      {"louvain", CommunityMethod::kLouvain}, {"leiden", CommunityMethod::kLeiden}, {"components", CommunityMethod::kComponents}};
  NetworkOptions net_options;
  net_options.edge_weight = a.edge_weight;
  net_options.subgraph = a.subgraph;
  net_options.fast_net_window = a.fast_net > 0 ? a.fast_net : -1;
  net_options.objects = true;  // evidence in the edge list; CooRTweet's `objects` only adds the object column
  auto net = GenerateCoordinatedNetwork(data, net_options);
  if (!net.ok()) Fail(net.status().message(), kExitUsage);
  if (Status s = DetectCommunities(*net, kMethods.at(a.community)); !s.ok()) Fail(s.message(), kExitFailure);
  return std::move(net).value();
}

void WriteOutputs(const CoordArgs& a, const DetectOptions& detect, const CoordinationData& data,
                  const CoordinationNetwork& net, const WatchConfig& config) {
  const auto communities = SummarizeCommunities(data, net, config);
  const std::string& dir = a.out_dir;
  const GexfVersion gexf_version = a.gexf_version == "1.3" ? GexfVersion::k1_3 : GexfVersion::k1_2draft;
  for (Status s : {WritePairsCsv(dir + "/coord_pairs.csv", data), WriteEdgesCsv(dir + "/network_edges.csv", data, net),
                   WriteVerticesCsv(dir + "/network_vertices.csv", data, net),
                   WriteDenseObjectsCsv(dir + "/dense_objects.csv", data),
                   WriteGraphMl(dir + "/network.graphml", data, net),
                   WriteGexf(dir + "/network.gexf", data, net, gexf_version),
                   WriteCommunitiesCsv(dir + "/communities.csv", communities, a.csv_bom)}) {
    if (!s.ok()) Fail(s.message(), ExitCodeFor(s));
  }
  if (detect.semantics == WindowSemantics::kQut) {
    if (Status s = WriteQutEdgesCsv(dir + "/qut_edges.csv", data, QutDirectedEdges(data, a.min_edge_weight)); !s.ok()) {
      Fail(s.message(), ExitCodeFor(s));
    }
  }
}

void PrintRunSummary(const CoordArgs& a, const DetectOptions& detect, const CoordInput& input,
                     const CoordinationNetwork& net, const std::string& quarantine) {
  int64_t over = 0;
  for (const auto& e : net.edges) over += e.weight_threshold;
  fmt::print("{} {} read, {} rejected{}\n", input.rows, a.store_path.empty() ? "rows" : "share tuples from stored posts",
             input.errors.size(), input.errors.empty() ? "" : " (see " + quarantine + ")");
  fmt::print("{} coordinated pairs, {} accounts, {} edges ({} over the {} quantile weight {}), {} components, "
             "{} communities\n",
             input.data.pairs.size(), net.vertices.size(), net.edges.size(), over, a.edge_weight, net.weight_quantile,
             net.components, net.communities);
  PrintDenseObjects(input.data);
  fmt::print("written to {}/: coord_pairs.csv network_edges.csv network_vertices.csv dense_objects.csv network.graphml "
             "network.gexf (GEXF {}) communities.csv{}\n",
             a.out_dir, a.gexf_version, detect.semantics == WindowSemantics::kQut ? " qut_edges.csv" : "");
}

int RunCoord(const CoordArgs& a) {
  ProtectInputs({a.input, a.config_path});
  ProtectStore(a.store_path);
  if (!a.export_tuples.empty()) RefuseOutputThatIsAnInput(a.export_tuples);
  const WatchConfig config = LoadConfig(a.config_path);
  CreateOutputFolder(a.out_dir);
  if (!a.export_tuples.empty()) return ExportTuples(a);

  const DetectOptions detect = DetectOptionsFrom(a);
  const CoordInput input = DetectInInput(a, detect);
  const std::string quarantine = a.out_dir + "/rejected_rows.csv";
  QuarantineRejectedRows(input.errors, quarantine);
  const CoordinationNetwork net = BuildNetwork(a, input.data);
  WriteOutputs(a, detect, input.data, net, config);
  PrintRunSummary(a, detect, input, net, quarantine);
  return input.errors.empty() ? kExitOk : kExitPartialInput;
}

}  // namespace

void AddCoordCommand(CLI::App& app) {
  auto args = std::make_shared<CoordArgs>();
  CLI::App* cmd = app.add_subcommand(
      "coord", "Coordinated sharing on a 4-column file (object_id, account_id, content_id, timestamp_share) or "
               "on stored posts: CooRTweet's detect_groups + generate_coordinated_network");
  CLI::Option* input = cmd->add_option("input", args->input, "4-column CSV with a header")->check(CLI::ExistingFile);
  CLI::Option* store = AddStoreOption(cmd, &args->store_path, "Store whose posts to use instead of a file", true);
  input->excludes(store);
  cmd->add_option("--export-tuples", args->export_tuples,
                  "with --store: only write the posts' share tuples as a 4-column CSV (for CooRTweet) and stop")
      ->needs(store);
  cmd->add_flag("--near-duplicates", args->near_duplicates, "with --store: near-duplicate text clusters as objects too");
  cmd->add_option("-o,--out", args->out_dir, "output folder")->capture_default_str();
  cmd->add_option("--config", args->config_path, "watch configuration (state-affiliated share per community)");
  cmd->add_option("--time-window", args->time_window, "seconds within which two shares of an object co-act")
      ->capture_default_str()->check(CLI::NonNegativeNumber);
  cmd->add_option("--min-participation", args->min_participation, "minimum shares of an account (CooRTweet)")
      ->capture_default_str()->check(CLI::NonNegativeNumber);
  cmd->add_flag("--keep-loops", args->keep_loops, "keep pairs of one account or one content (remove_loops = FALSE)");
  cmd->add_option("--edge-weight", args->edge_weight, "quantile of edge weights for weight_threshold")
      ->capture_default_str()->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--subgraph", args->subgraph, "0 none, 1 over threshold, 2 fast over fast threshold, 3 fast context")
      ->capture_default_str()->check(CLI::Range(0, 3));
  cmd->add_option("--fast-net", args->fast_net, "narrower window in seconds for the fast network (0: off)")
      ->capture_default_str()->check(CLI::NonNegativeNumber);
  cmd->add_flag("--objects", args->objects, "accepted for CooRTweet compatibility: objects are always listed");
  cmd->add_option("--semantics", args->semantics, "coortweet (pairwise distance), qut (toolkit), bins (fixed bins)")
      ->capture_default_str()->check(CLI::IsMember({"coortweet", "qut", "bins"}));
  cmd->add_option("--community", args->community, "louvain, leiden or components")
      ->capture_default_str()->check(CLI::IsMember({"louvain", "leiden", "components"}));
  cmd->add_option("--min-edge-weight", args->min_edge_weight, "qut: minimum directed weight in qut_edges.csv")
      ->capture_default_str()->check(CLI::PositiveNumber);
  cmd->add_option("--dense-object-pairs", args->dense_object_pairs,
                  "an object with more in-window pairs is reported as one clique (dense_objects.csv), not paired")
      ->capture_default_str()->check(CLI::PositiveNumber);
  cmd->add_option("--gexf-version", args->gexf_version, "1.2draft (networkx, Gephi) or 1.3 (Gephi)")
      ->capture_default_str()->check(CLI::IsMember({"1.2draft", "1.3"}));
  cmd->add_flag("--csv-bom", args->csv_bom,
                "start communities.csv (the table for spreadsheets) with a UTF-8 byte-order mark, for Excel");
  cmd->callback([args]() {
    if (args->input.empty() && args->store_path.empty()) {
      fmt::print(stderr, "vigil coord: give a 4-column file or --store\n");
      throw Exit{kExitUsage};
    }
    const int code = RunCoord(*args);
    if (code != kExitOk) throw Exit{code};
  });
}

}  // namespace vigil::cli
