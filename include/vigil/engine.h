// vigil::Engine: the one contract of what Vigil does. It ingests post files into a store, analyses the stored
// posts with a watch configuration, and writes the reports and exports an analyst reads. The command line,
// the server and the Python module are front doors over it and hold no pipeline logic of their own.
//
//   auto engine = vigil::Engine::Open("vigil.db");            // SQLite file, or postgresql://...
//   auto ingested = engine->Ingest({"posts.jsonl"}, {});       // counts; bad records quarantined
//   auto config = vigil::LoadWatchConfig("watch.yaml");
//   auto report = engine->Analyze(*config, {});                // incidents, operations, signals
//   auto written = engine->WriteOutputs(*report, "out", {});   // report.json/.md, STIX, MISP, briefing
//
// Every expected failure is a Status (vigil/status.h); nothing throws across this interface.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/analyze.h"
#include "vigil/export.h"
#include "vigil/findings.h"
#include "vigil/ingest.h"
#include "vigil/status.h"
#include "vigil/store.h"
#include "vigil/watch_config.h"

namespace vigil {

// Asks running work to stop. Set from any thread (a signal handler, a server's cancel request); the engine
// checks it between files, ingest batches and analysis stages and then returns StatusCode::kCancelled. What
// was committed before (whole ingest batches) stays, so running the same work again completes it.
class CancelFlag {
 public:
  void Cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }

 private:
  std::atomic<bool> cancelled_{false};
};

// Progress of long work: the stage ("ingest posts.jsonl", "analyze: mentions"), the amount done and the
// total in `unit` ("KiB", "items"). Called from the thread that runs the work.
using ProgressCallback =
    std::function<void(const std::string& stage, int64_t done, int64_t total, std::string_view unit)>;

// What the engine reports to its caller while it works; every member may be left empty.
struct EngineHooks {
  ProgressCallback on_progress;
  const CancelFlag* cancel = nullptr;  // not owned; must outlive the calls that use it
};

// The files one WriteOutputs call wrote.
struct WrittenOutputs {
  std::string report_json;  // <dir>/report.json
  std::string report_md;    // <dir>/report.md
  ExportOutcome exports;    // STIX, MISP, notifications, briefing; an exporter that failed is in `failures`
};

class Engine {
 public:
  // Opens the store `store_uri` names (vigil/store.h: a SQLite file, created when missing, or a PostgreSQL
  // URI) and applies its pending migrations. A SQLite store file becomes an input of the process, so that no
  // output the engine writes can replace it; a path that names another input of the process (a post file) is
  // refused (kRefused) before it is opened. Several engines may open one store.
  static Result<Engine> Open(const std::string& store_uri, EngineHooks hooks = {});

  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;
  ~Engine();

  // Reads `files` into the store (vigil/ingest.h: formats, quarantine, batches, one failing file never
  // stopping the others). Every file becomes a protected input; a quarantine path that names an input is
  // refused (kRefused) before any work. `options.on_progress` is filled from the hooks when left empty.
  Result<IngestSummary> Ingest(const std::vector<std::string>& files, const IngestOptions& options);

  // Loads every stored post and analyses it with `config` (vigil/analyze.h). `ingest`, when given, adds that
  // run's input counts to the report.
  Result<AnalysisReport> Analyze(const WatchConfig& config, const AnalyzeOptions& options,
                                 const IngestSummary* ingest = nullptr);

  // Writes report.json, report.md and every export (STIX bundle, MISP events, platform notifications, HTML
  // briefing) into `dir`, each through a temporary file and a rename. Fails (nothing more written) when a
  // report cannot be written; an exporter that fails is listed in `exports.failures` and the others write.
  Result<WrittenOutputs> WriteOutputs(const AnalysisReport& report, const std::string& dir,
                                      const ExportOptions& options = {});

  // The store, for callers that read or write posts directly (a PostStore is used by one thread at a time).
  PostStore& store();

 private:
  struct State;
  explicit Engine(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace vigil
