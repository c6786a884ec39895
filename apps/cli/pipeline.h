// The steps the ingest, analyze and demo subcommands share, each printing what it did.
#pragma once

#include <string>
#include <vector>

#include "vigil/analyze.h"
#include "vigil/export.h"
#include "vigil/ingest.h"
#include "vigil/store.h"

namespace vigil::cli {

struct IngestRequest {
  std::string store_path;
  std::vector<std::string> files;
  std::string format = "auto";
  std::string quarantine_path;
  bool quiet = false;
};

// Ingests the files and prints the counts and the first rejections. Exit code: kExitOk,
// kExitPartialInput when records were rejected, kExitFailure on I/O or storage errors.
int RunIngest(const IngestRequest& request, IngestSummary* summary);

struct AnalyzeRequest {
  std::string store_path;
  std::string watch_path;
  std::string out_dir;
  AnalyzeOptions options;
  ExportOptions export_options;
  bool quiet = false;
};

// Loads the watch configuration (refused before any work: kExitBadConfig), the stored posts, analyses them
// and writes the reports into out_dir. `ingest` (optional) adds input counts to the report. An exporter that
// fails is reported and the others still write (kExitFailure at the end).
int RunAnalyze(const AnalyzeRequest& request, const IngestSummary* ingest);

}  // namespace vigil::cli
