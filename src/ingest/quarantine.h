// Quarantine: rejected input records, kept aside as JSON Lines so an analyst can see, fix and re-ingest them
// (docs/input-format.md, "Quarantine"). Each run appends, under its own run id; a record is kept whole, or
// as its exact byte range in the source when it is too large to copy.
#pragma once

#include <optional>
#include <string>

#include "common/output_file.h"
#include "ingest/record_sink.h"
#include "vigil/status.h"

namespace vigil {

// A raw record up to this size is copied into the quarantine; a larger one is kept as its byte range in the
// source file when the reader knows it (a record this large is refused by the size limits anyway).
constexpr size_t kMaxQuarantinedRawBytes = 1 << 20;

// A new run id: the UTC time and a random suffix, "20250310T083000Z-3f9c2a1b".
std::string NewRunId();

class QuarantineWriter {
 public:
  QuarantineWriter() = default;
  ~QuarantineWriter();  // commits what was written
  QuarantineWriter(const QuarantineWriter&) = delete;
  QuarantineWriter& operator=(const QuarantineWriter&) = delete;

  // Opens lazily, for appending: the file is created only when the first record is written, and what
  // earlier runs wrote stays. An empty path keeps nothing.
  void SetPath(std::string path) { path_ = std::move(path); }
  // Stored with every record this writer appends.
  void SetRunId(std::string run_id) { run_id_ = std::move(run_id); }
  Status Write(const RejectedRecord& record);
  Status Close();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::string run_id_;
  std::optional<OutputFile> file_;
};

// One quarantine line (without its newline) for `record` in run `run_id`.
std::string QuarantineLine(const RejectedRecord& record, const std::string& run_id);

// "posts.jsonl:12: metrics.likes: 'lots' is not a count"; "posts.csv:4-9: ..." for a span of lines.
std::string DescribeRejection(const RejectedRecord& record);

}  // namespace vigil
