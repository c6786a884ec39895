// Ingest: reads post files (JSON Lines, CSV, and the adapter formats) into a PostStore in batches,
// quarantining bad records. Safe to interrupt and re-run: each batch is one transaction and posts are
// upserted by (platform, id). A file that fails midway keeps what was read from it and never stops the
// files after it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "vigil/status.h"
#include "vigil/store.h"

namespace vigil {

struct RejectedRecord;

struct IngestOptions {
  std::string format = "auto";   // auto (by extension and content), jsonl, csv, or an adapter name
  std::string quarantine_path;   // where rejected records go (JSON Lines, appended); empty: not kept
  std::string run_id;            // stored with each quarantined record; empty: a new one (NewRunId)
  size_t batch_size = 5000;      // posts per transaction
  // Called for every rejected record (e.g. to print the first few errors).
  std::function<void(const RejectedRecord&)> on_reject;
  // Called periodically with the current file, bytes done and its size.
  std::function<void(const std::string& file, int64_t done, int64_t total)> on_progress;
  // Asked before each file and after each committed batch; true stops the run with StatusCode::kCancelled.
  // What was committed stays stored and the quarantine keeps its records, so running again completes it.
  std::function<bool()> stop_requested;
};

struct IngestFileCounts {
  std::string file;
  int64_t accepted = 0;
  int64_t rejected = 0;
  std::string error;  // why the file could not be read to its end; "" when it was
};

struct IngestSummary {
  std::vector<IngestFileCounts> files;
  int64_t accepted = 0;  // good records read
  int64_t rejected = 0;  // bad records quarantined
  int64_t inserted = 0;  // new posts stored
  int64_t updated = 0;   // posts already stored, refreshed (no duplicates)
  int64_t repeated = 0;  // exact repeats of a post already read from the same file, skipped
  int64_t failed_files = 0;  // files that could not be read to their end (IngestFileCounts::error)
  std::string run_id;        // the id under which this run's rejections were quarantined
};

// Formats `IngestFiles` accepts for IngestOptions::format.
const std::vector<std::string>& IngestFormats();

// Reads every file into `store`. Before any work, every file must exist and have a known format
// (InvalidArgument otherwise). Bad records never fail the run: they are counted and quarantined. A file
// that fails midway (a read error, an unreadable layout) is reported in its IngestFileCounts and the run
// goes on with the next file. Fails only on storage or quarantine errors, after storing what was read.
Result<IngestSummary> IngestFiles(const std::vector<std::string>& files, PostStore& store,
                                  const IngestOptions& options);

}  // namespace vigil
