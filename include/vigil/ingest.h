// Ingest: reads post files (JSON Lines, CSV, and the adapter formats) into a PostStore in batches,
// quarantining bad records. Safe to interrupt and re-run: each batch is one transaction and posts are
// upserted by (platform, id).
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
  std::string quarantine_path;   // where rejected records go (JSON Lines); empty: not kept
  size_t batch_size = 5000;      // posts per transaction
  // Called for every rejected record (e.g. to print the first few errors).
  std::function<void(const RejectedRecord&)> on_reject;
  // Called periodically with the current file, bytes done and its size.
  std::function<void(const std::string& file, int64_t done, int64_t total)> on_progress;
};

struct IngestFileCounts {
  std::string file;
  int64_t accepted = 0;
  int64_t rejected = 0;
};

struct IngestSummary {
  std::vector<IngestFileCounts> files;
  int64_t accepted = 0;  // good records read
  int64_t rejected = 0;  // bad records quarantined
  int64_t inserted = 0;  // new posts stored
  int64_t updated = 0;   // posts already stored, refreshed (no duplicates)
};

// Formats `IngestFiles` accepts for IngestOptions::format.
std::vector<std::string> IngestFormats();

// Reads every file into `store`. Fails on unreadable files or storage errors (after storing what was read
// so far); bad records never fail the run, they are counted and quarantined.
Result<IngestSummary> IngestFiles(const std::vector<std::string>& files, PostStore& store,
                                  const IngestOptions& options);

}  // namespace vigil
