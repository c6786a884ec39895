// vigil::Engine (include/vigil/engine.h): the pipeline behind every front door, as a few named steps over
// the library stages: store, ingest, analyze, report and export.
#include "vigil/engine.h"

#include <fmt/format.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <utility>

#include "common/output_file.h"
#include "vigil/report.h"

namespace vigil {

struct Engine::State {
  std::string store_uri;
  std::unique_ptr<PostStore> store;
  EngineHooks hooks;

  bool Cancelled() const { return hooks.cancel != nullptr && hooks.cancel->cancelled(); }
};

namespace {

Status CancelledBefore(std::string_view step) {
  return Status::Cancelled(fmt::format("stopped on request before {}", step));
}

// True when `path` is already a SQLite database (its 16-byte header), i.e. a store another engine may hold open.
bool IsSqliteDatabase(const std::string& path) {
  static constexpr char kHeader[] = "SQLite format 3";  // followed by a NUL: 16 bytes with the terminator
  std::ifstream in(path, std::ios::binary);
  char header[sizeof kHeader] = {};
  return in.read(header, sizeof header) && std::memcmp(header, kHeader, sizeof header) == 0;
}

// A store path that names one of the process's inputs (a post file, a report) is refused before it is opened,
// so it is never turned into a database. A SQLite store opened before (by this or another engine) is fine.
Status CheckStoreIsNoOtherInput(const std::string& uri) {
  if (IsPostgresStoreUri(uri) || IsSqliteDatabase(uri)) return Status::Ok();
  return CheckNotAnInput(uri);
}

// A SQLite store is a file this process reads: no output may replace it. A PostgreSQL URI names no file.
Status ProtectStoreFile(const std::string& uri) {
  return IsPostgresStoreUri(uri) ? Status::Ok() : ProtectInput(uri);
}

}  // namespace

Engine::Engine(std::unique_ptr<State> state) : state_(std::move(state)) {}
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;
Engine::~Engine() = default;

Result<Engine> Engine::Open(const std::string& store_uri, EngineHooks hooks) {
    VIGIL_RETURN_IF_ERROR(CheckStoreIsNoOtherInput(store_uri));
  VIGIL_ASSIGN_OR_RETURN(std::unique_ptr<PostStore> store, OpenStore(store_uri));
  VIGIL_RETURN_IF_ERROR(ProtectStoreFile(store_uri));
  auto state = std::make_unique<State>();
  state->store_uri = store_uri;
  state->store = std::move(store);
  state->hooks = std::move(hooks);
  return Engine(std::move(state));
}

PostStore& Engine::store() { return *state_->store; }

Result<IngestSummary> Engine::Ingest(const std::vector<std::string>& files, const IngestOptions& options) {
  for (const std::string& file : files) VIGIL_RETURN_IF_ERROR(ProtectInput(file));
  if (!options.quarantine_path.empty()) VIGIL_RETURN_IF_ERROR(CheckNotAnInput(options.quarantine_path));
  IngestOptions run = options;
  const EngineHooks& hooks = state_->hooks;
  if (!run.on_progress && hooks.on_progress) {
    run.on_progress = [&hooks](const std::string& file, int64_t done, int64_t total) {
      hooks.on_progress("ingest " + std::filesystem::path(file).filename().string(), done >> 10, total >> 10, "KiB");
    };
  }
  if (!run.stop_requested && hooks.cancel != nullptr) {
    run.stop_requested = [&hooks] { return hooks.cancel->cancelled(); };
  }
  return IngestFiles(files, *state_->store, run);
}

Result<AnalysisReport> Engine::Analyze(const WatchConfig& config, const AnalyzeOptions& options,
                                       const IngestSummary* ingest) {
  if (state_->Cancelled()) return CancelledBefore("loading the posts");
  std::vector<Post> posts;
  VIGIL_RETURN_IF_ERROR(state_->store->LoadPosts({}, &posts));
  if (state_->Cancelled()) return CancelledBefore("the analysis");
  AnalyzeOptions run = options;
  const EngineHooks& hooks = state_->hooks;
  if (!run.on_progress && hooks.on_progress) {
    run.on_progress = [&hooks](const std::string& stage, int64_t done, int64_t total) {
      hooks.on_progress("analyze: " + stage, done, total, "items");
    };
  }
  VIGIL_ASSIGN_OR_RETURN(AnalysisReport report, AnalyzePosts(std::move(posts), config, run));
  if (ingest != nullptr) {
    report.ingest = {ingest->accepted + ingest->rejected, ingest->accepted, ingest->rejected, ingest->updated};
  }
  return report;
}

Result<WrittenOutputs> Engine::WriteOutputs(const AnalysisReport& report, const std::string& dir,
                                            const ExportOptions& options) {
  if (state_->Cancelled()) return CancelledBefore("writing the reports");
  WrittenOutputs written;
  written.report_json = dir + "/report.json";
  written.report_md = dir + "/report.md";
  VIGIL_RETURN_IF_ERROR(WriteFileAtomically(written.report_json, RenderReportJson(report)));
  VIGIL_RETURN_IF_ERROR(WriteFileAtomically(written.report_md, RenderReportMarkdown(report)));
  VIGIL_ASSIGN_OR_RETURN(written.exports, ExportReport(report, {"all"}, dir, options));
  return written;
}

}  // namespace vigil
