#include "apps/cli/pipeline.h"

#include <fmt/format.h>
#include <fmt/ranges.h>


#include "apps/cli/commands.h"
#include "apps/cli/interrupt.h"
#include "apps/cli/outputs.h"
#include "apps/cli/progress.h"
#include "common/strings.h"
#include "common/time.h"
#include "ingest/quarantine.h"
#include "vigil/engine.h"

namespace vigil::cli {
namespace {
constexpr int kShownRejections = 10;

void PrintIngestSummary(const IngestRequest& request, const IngestSummary& result) {
  for (const IngestFileCounts& f : result.files) {
    fmt::print("ingest: {}: {} posts, {} rejected{}\n", f.file, Thousands(f.accepted), Thousands(f.rejected),
               f.error.empty() ? "" : ", not read to its end");
  }
  std::string quarantined;
  if (result.rejected > 0 && !request.quarantine_path.empty()) {
    quarantined = fmt::format(" -> {} (run {})", request.quarantine_path, result.run_id);
  }
  fmt::print("ingest: {} posts read ({} new, {} already stored and refreshed), {} rejected{}{}\n",
             Thousands(result.accepted), Thousands(result.inserted), Thousands(result.updated),
             Thousands(result.rejected), quarantined,
             result.repeated > 0 ? fmt::format(", {} exact repeats skipped", Thousands(result.repeated)) : "");
}

// What the analysis found, one line per incident (the README quotes it).
void PrintAnalysisSummary(const AnalysisReport& report) {
  fmt::print("analyze: {} posts, {} mentions, {} surges, {} incident(s)\n", Thousands(static_cast<int64_t>(report.posts.size())),
             Thousands(static_cast<int64_t>(report.mentions.size())), report.surges.size(), report.incidents.size());
  for (const Incident& in : report.incidents) {
    fmt::print("  {:<8} {:5.1f}  {} -> {}  ({} to {})\n", SeverityLevelName(in.level), in.severity,
               TerminalText(in.actor.name), TerminalText(in.target_name), FormatDate(in.window_start),
               FormatDate(in.window_end));
  }
  if (report.operations.empty()) return;
  fmt::print("network operations: {} (accounts acting in concert, declared or not; see report.md)\n",
             report.operations.size());
  for (const Operation& op : report.operations) {
    std::vector<std::string> targets;
    for (const OperationTarget& t : op.targets) targets.push_back(TerminalText(t.target_name));
    fmt::print("  {:<8} {:5.1f}  {} accounts -> {}{}\n", SeverityLevelName(op.level), op.severity, op.accounts.size(),
               fmt::join(targets, ", "), op.both_sides ? "  (both sides)" : "");
  }
}

// The engine over `store_path`, reporting progress on `progress` and stopping on Ctrl-C; prints why on failure.
Result<Engine> OpenEngine(const std::string& store_path, ProgressLine& progress) {
  EngineHooks hooks;
  hooks.on_progress = [&progress](const std::string& stage, int64_t done, int64_t total, std::string_view unit) {
    progress.Update(stage, done, total, unit);
  };
  hooks.cancel = InterruptFlag();
  auto engine = Engine::Open(store_path, std::move(hooks));
  if (!engine.ok()) fmt::print(stderr, "vigil: {}\n", engine.status().ToString());
  return engine;
}

}  // namespace

int RunIngest(const IngestRequest& request, IngestSummary* summary) {
  ProtectInputs(request.files);
  RefuseOutputThatIsAnInput(request.quarantine_path);
  RefuseStoreThatIsAnInput(request.store_path);
  ProgressLine progress(!request.quiet);
  auto engine = OpenEngine(request.store_path, progress);
  if (!engine.ok()) return ExitCodeFor(engine.status());
  // The store is written by the store alone: the quarantine must not name it either.
  RefuseOutputThatIsAnInput(request.quarantine_path);
  IngestOptions options;
  options.format = request.format;
  options.quarantine_path = request.quarantine_path;
  int shown = 0;
  options.on_reject = [&](const RejectedRecord& r) {
    if (shown++ < kShownRejections) {
      progress.Finish();
      fmt::print(stderr, "rejected: {}\n", TerminalText(DescribeRejection(r)));
    }
  };
  auto result = engine->Ingest(request.files, options);
  progress.Finish();
  if (!result.ok()) {
    fmt::print(stderr, "vigil: ingest {}: {}\n", result.status().code() == StatusCode::kCancelled ? "stopped" : "failed",
               TerminalText(result.status().ToString()));
    return ExitCodeFor(result.status());
  }
  *summary = *result;
  for (const IngestFileCounts& f : result->files) {
    if (!f.error.empty()) {
      fmt::print(stderr, "vigil: {}: not read to its end: {} ({} posts read before it were kept; the other files "
                         "were read)\n", TerminalText(f.file), TerminalText(f.error), Thousands(f.accepted));
    }
  }
  if (!request.quiet) PrintIngestSummary(request, *result);
  return result->rejected > 0 || result->failed_files > 0 ? kExitPartialInput : kExitOk;
}

int RunAnalyze(const AnalyzeRequest& request, const IngestSummary* ingest) {
  ProtectInputs({request.watch_path});
  ProtectStore(request.store_path);
  auto config = LoadWatchConfig(request.watch_path);
  if (!config.ok()) {
    fmt::print(stderr, "vigil: watch configuration refused: {}\n", config.status().message());
    return kExitBadConfig;
  }
  ProgressLine progress(!request.quiet);
  auto engine = OpenEngine(request.store_path, progress);
  if (!engine.ok()) return ExitCodeFor(engine.status());
  auto report = engine->Analyze(*config, request.options, ingest);
  progress.Finish();
  if (!report.ok()) {
    fmt::print(stderr, "vigil: analysis {}: {}\n", report.status().code() == StatusCode::kCancelled ? "stopped" : "failed",
               report.status().ToString());
    return report.status().code() == StatusCode::kCancelled ? kExitInterrupted : kExitFailure;
  }
  auto written = engine->WriteOutputs(*report, request.out_dir, request.export_options);
  if (!written.ok()) {
    fmt::print(stderr, "vigil: {}\n", written.status().ToString());
    return ExitCodeFor(written.status());
  }
  const ExportOutcome& exported = written->exports;
  for (const auto& warning : exported.warnings) fmt::print(stderr, "vigil: warning: {}\n", warning);
  for (const auto& failure : exported.failures) fmt::print(stderr, "vigil: {}\n", failure);
  if (!request.quiet) {
    PrintAnalysisSummary(*report);
    fmt::print("report: {}\nreport: {}\n", written->report_md, written->report_json);
    for (const auto& path : exported.written) fmt::print("export: {}\n", path);
  }
  return exported.failures.empty() ? kExitOk : kExitFailure;
}

}  // namespace vigil::cli
