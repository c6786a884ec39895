#include "apps/cli/pipeline.h"

#include <fmt/format.h>

#include <filesystem>

#include "apps/cli/commands.h"
#include "apps/cli/outputs.h"
#include "apps/cli/progress.h"
#include "common/output_file.h"
#include "common/strings.h"
#include "common/time.h"
#include "ingest/quarantine.h"
#include "vigil/export.h"
#include "vigil/report.h"

namespace vigil::cli {
namespace {
constexpr int kShownRejections = 10;

// A refused request (wrong format, an empty file, an output that names an input) is a usage error; anything
// else that stops an ingest (storage, the quarantine's disk) is a failure.
int ExitCodeForIngest(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kUnsupported:
    case StatusCode::kRefused: return kExitUsage;
    default: return kExitFailure;
  }
}

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

}  // namespace

int RunIngest(const IngestRequest& request, IngestSummary* summary) {
  ProtectInputs(request.files);
  RefuseOutputThatIsAnInput(request.quarantine_path);
  RefuseStoreThatIsAnInput(request.store_path);
  auto store = OpenStore(request.store_path);
  if (!store.ok()) {
    fmt::print(stderr, "vigil: {}\n", store.status().ToString());
    return kExitFailure;
  }
  // The store is written by the store alone: the quarantine must not name it either.
  ProtectStore(request.store_path);
  RefuseOutputThatIsAnInput(request.quarantine_path);
  ProgressLine progress(!request.quiet);
  IngestOptions options;
  options.format = request.format;
  options.quarantine_path = request.quarantine_path;
  int shown = 0;
  options.on_reject = [&](const RejectedRecord& r) {
    if (shown++ < kShownRejections) {
      progress.Finish();
      fmt::print(stderr, "rejected: {}\n", DescribeRejection(r));
    }
  };
  options.on_progress = [&](const std::string& file, int64_t done, int64_t total) {
    progress.Update("ingest " + std::filesystem::path(file).filename().string(), done >> 10, total >> 10, "KiB");
  };
  auto result = IngestFiles(request.files, **store, options);
  progress.Finish();
  if (!result.ok()) {
    fmt::print(stderr, "vigil: ingest failed: {}\n", result.status().ToString());
    return ExitCodeForIngest(result.status());
  }
  *summary = *result;
  for (const IngestFileCounts& f : result->files) {
    if (!f.error.empty()) {
      fmt::print(stderr, "vigil: {}: not read to its end: {} ({} posts read before it were kept; the other files "
                         "were read)\n", f.file, f.error, Thousands(f.accepted));
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
  auto store = OpenStore(request.store_path);
  if (!store.ok()) {
    fmt::print(stderr, "vigil: {}\n", store.status().ToString());
    return kExitFailure;
  }
  std::vector<Post> posts;
  if (Status s = (*store)->LoadPosts({}, &posts); !s.ok()) {
    fmt::print(stderr, "vigil: {}\n", s.ToString());
    return kExitFailure;
  }
  ProgressLine progress(!request.quiet);
  AnalyzeOptions options = request.options;
  options.on_progress = [&](const std::string& stage, int64_t done, int64_t total) {
    progress.Update("analyze: " + stage, done, total, "items");
  };
  auto report = AnalyzePosts(std::move(posts), *config, options);
  progress.Finish();
  if (!report.ok()) {
    fmt::print(stderr, "vigil: analysis failed: {}\n", report.status().ToString());
    return kExitFailure;
  }
  if (ingest) {
    report->ingest = {ingest->accepted + ingest->rejected, ingest->accepted, ingest->rejected, ingest->updated};
  }
  const std::string json_path = request.out_dir + "/report.json";
  const std::string md_path = request.out_dir + "/report.md";
  for (const auto& [path, content] : {std::pair{json_path, RenderReportJson(*report)},
                                      std::pair{md_path, RenderReportMarkdown(*report)}}) {
    if (Status s = WriteFileAtomically(path, content); !s.ok()) {
      fmt::print(stderr, "vigil: {}\n", s.ToString());
      return ExitCodeForWrite(s);
    }
  }
  // STIX bundle, MISP events, platform notifications and the HTML briefing beside the reports.
  auto exported = ExportReport(*report, {"all"}, request.out_dir, request.export_options);
  if (!exported.ok()) {
    fmt::print(stderr, "vigil: export failed: {}\n", exported.status().ToString());
    return ExitCodeForWrite(exported.status());
  }
  for (const auto& warning : exported->warnings) fmt::print(stderr, "vigil: warning: {}\n", warning);
  for (const auto& failure : exported->failures) fmt::print(stderr, "vigil: {}\n", failure);
  if (!request.quiet) {
    fmt::print("analyze: {} posts, {} mentions, {} surges, {} incident(s)\n", Thousands(static_cast<int64_t>(report->posts.size())),
               Thousands(static_cast<int64_t>(report->mentions.size())), report->surges.size(), report->incidents.size());
    for (const Incident& in : report->incidents) {
      fmt::print("  {:<8} {:5.1f}  {} -> {}  ({} to {})\n", SeverityLevelName(in.level), in.severity, in.actor.name,
                 in.target_name, FormatDate(in.window_start), FormatDate(in.window_end));
    }
    fmt::print("report: {}\nreport: {}\n", md_path, json_path);
    for (const auto& path : exported->written) fmt::print("export: {}\n", path);
  }
  return exported->failures.empty() ? kExitOk : kExitFailure;
}

}  // namespace vigil::cli
