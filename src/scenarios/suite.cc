// RunSuite (see suite.h).
#include "scenarios/suite.h"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "ingest/jsonl_reader.h"
#include "scenarios/kinds.h"
#include "text/paths.h"
#include "text/stance.h"

namespace vigil::scenarios {
namespace {

// Keeps the posts a reader accepts; a rejected record is a generator bug and fails the run.
class CollectingSink : public RecordSink {
 public:
  void Accept(Post& post) override { posts.push_back(std::move(post)); }
  void Reject(RejectedRecord rejected) override {
    if (first_rejection.empty()) {
      first_rejection = fmt::format("{}:{}: {}: {}", rejected.file, rejected.line, rejected.field, rejected.reason);
    }
    ++rejections;
  }
  std::vector<Post> posts;
  int64_t rejections = 0;
  std::string first_rejection;
};

// Generates, writes and reads back one scenario, analyses it and scores it.
Result<ScenarioScore> RunScenario(const std::string& kind, uint64_t seed, const SuiteOptions& options,
                                  const std::filesystem::path& dir) {
  VIGIL_ASSIGN_OR_RETURN(Scenario scenario, GenerateScenario(kind, seed, options.size));
  VIGIL_RETURN_IF_ERROR(WriteScenario(scenario, dir.string()));
  CollectingSink sink;
  VIGIL_RETURN_IF_ERROR(ReadPostsJsonl((dir / "posts.jsonl").string(), sink));
  if (sink.rejections > 0) {
    return Status::Internal(fmt::format("scenario {} seed {}: {} posts rejected, first: {}", kind, seed,
                                        sink.rejections, sink.first_rejection));
  }
  VIGIL_ASSIGN_OR_RETURN(const WatchConfig config, LoadWatchConfig((dir / "watch.yaml").string()));
  AnalyzeOptions analyze = options.analyze;
  analyze.case_name = fmt::format("{}-{}", kind, seed);
  const auto start = std::chrono::steady_clock::now();
  VIGIL_ASSIGN_OR_RETURN(const AnalysisReport report, AnalyzePosts(std::move(sink.posts), config, analyze));
  ScenarioScore score = ScoreReport(report, scenario.key);
  score.analysis_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return score;
}

std::vector<std::string> KindsToRun(const SuiteOptions& options) {
  if (!options.kinds.empty()) return options.kinds;
  std::vector<std::string> kinds;
  for (const KindInfo& k : ScenarioKinds()) kinds.push_back(k.name);
  return kinds;
}

// The trained text models the analysis reads, resolved as AnalyzePosts resolves them: the folder named, else
// the default folder when `vigil train` has filled it. The figures differ with and without them.
std::string TextModelsUsed(const AnalyzeOptions& options) {
  if (!options.text_models) return "lexicons only";
  const std::string dir = options.model_dir.empty() ? text::DefaultModelDir() : options.model_dir;
  if (!std::filesystem::exists(std::filesystem::path(dir) / text::kAttackModelProbe))
    return "lexicons only (no trained models)";
  return "lexicons and the trained Chinese attack model (`vigil train`)";
}

Result<std::filesystem::path> ScratchDir(const SuiteOptions& options) {
  std::error_code ec;
  const std::filesystem::path base =
      options.work_dir.empty() ? std::filesystem::temp_directory_path(ec) : std::filesystem::path(options.work_dir);
  if (ec) return Status::IoError(fmt::format("no temporary folder: {}", ec.message()));
  std::string pattern = (base / "vigil-scenarios-XXXXXX").string();
  if (!mkdtemp(pattern.data())) return Status::IoError(fmt::format("{}: cannot create a scratch folder", pattern));
  return std::filesystem::path(pattern);
}

}  // namespace

double Aggregate::Precision() const {
  return reported_findings == 0
             ? 1.0
             : static_cast<double>(reported_findings - false_findings) / static_cast<double>(reported_findings);
}

double Aggregate::Recall() const {
  return incidents.expected == 0 ? 1.0 : static_cast<double>(incidents.found) / static_cast<double>(incidents.expected);
}

double Aggregate::OperationPrecision() const {
  return reported_operations == 0 ? 1.0
                                  : static_cast<double>(reported_operations - false_operations) /
                                        static_cast<double>(reported_operations);
}

double Aggregate::OperationRecall() const {
  return operations.expected == 0 ? 1.0
                                  : static_cast<double>(operations.found) / static_cast<double>(operations.expected);
}

Aggregate AggregateScores(const std::vector<const ScenarioScore*>& scores) {
  Aggregate a;
  std::vector<double> true_severities;  // found ones
  std::vector<double> false_severities;
  for (const ScenarioScore* s : scores) {
    a.scenarios += 1;
    a.posts += s->posts;
    a.analysis_seconds += s->analysis_seconds;
    a.incidents += s->incidents;
    a.false_findings += static_cast<int64_t>(s->false_incidents.size());
    a.reported_findings += s->incidents.found + static_cast<int64_t>(s->false_incidents.size());
    a.reported_windows += s->reported_windows;
    a.surge_days += s->surge_days;
    a.prior_targets += s->prior_targets;
    for (const auto& [style, tally] : s->amplifiers) a.amplifiers[style] += tally;
    a.inversions_within += s->inversions;
    for (const TrueIncidentResult& t : s->true_incidents) {
      if (t.found)
        true_severities.push_back(t.severity);
      else
        a.missed += 1;
    }
    for (const FalseIncident& f : s->false_incidents) false_severities.push_back(f.severity);
    a.operations += s->operations;
    a.reported_operations += s->reported_operations;
    a.false_operations += static_cast<int64_t>(s->false_operations.size());
    a.operation_accounts += s->operation_accounts;
    a.operation_targets += s->operation_targets;
    for (const TrueOperationResult& t : s->true_operations) a.fragmented += t.matching > 1;
  }
  for (double f : false_severities) {
    a.highest_false = std::max(a.highest_false, f);
    a.inversions_pooled += a.missed;  // a missed true incident ranks below every reported one
    for (double t : true_severities) a.inversions_pooled += f >= t;
  }
  if (!true_severities.empty()) a.lowest_true = *std::min_element(true_severities.begin(), true_severities.end());
  return a;
}

Result<SuiteResult> RunSuite(const SuiteOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const std::vector<std::string> kinds = KindsToRun(options);
  for (const std::string& kind : kinds) {
    if (!FindKind(kind)) return Status::InvalidArgument(fmt::format("unknown scenario kind '{}'", kind));
  }
  VIGIL_ASSIGN_OR_RETURN(const std::filesystem::path scratch, ScratchDir(options));
  int64_t total = 0, done = 0;
  for (Split split : options.splits)
    total += static_cast<int64_t>(kinds.size() * SuiteSeeds(split, options.size).size());

  SuiteResult result;
  result.size = options.size.name;
  result.text_models = TextModelsUsed(options.analyze);
  Status status = Status::Ok();
  for (Split split : options.splits) {
    SplitResult& sr = result.splits.emplace_back();
    sr.split = split;
    for (const std::string& kind : kinds) {
      for (uint64_t seed : SuiteSeeds(split, options.size)) {
        auto score = RunScenario(kind, seed, options, scratch / fmt::format("{}-{}", kind, seed));
        if (!score.ok()) {
          status = score.status();
          break;
        }
        sr.scenarios.push_back(std::move(score).value());
        if (options.on_scenario) options.on_scenario(++done, total, sr.scenarios.back());
      }
      if (!status.ok()) break;
    }
    if (!status.ok()) break;
    std::vector<const ScenarioScore*> all;
    std::map<std::string, std::vector<const ScenarioScore*>> per_kind;
    for (const ScenarioScore& s : sr.scenarios) {
      all.push_back(&s);
      per_kind[s.kind].push_back(&s);
    }
    sr.total = AggregateScores(all);
    for (const auto& [kind, scores] : per_kind) sr.by_kind[kind] = AggregateScores(scores);
  }
  std::error_code ec;
  std::filesystem::remove_all(scratch, ec);
  if (!status.ok()) return status;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace vigil::scenarios
