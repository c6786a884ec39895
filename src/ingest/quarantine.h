// Quarantine: rejected input records, kept aside as JSON Lines ({file, line, field, reason, raw}) so an
// analyst can see, fix and re-ingest them.
#pragma once

#include <cstdio>
#include <string>

#include "ingest/record_sink.h"
#include "vigil/status.h"

namespace vigil {

class QuarantineWriter {
 public:
  QuarantineWriter() = default;
  ~QuarantineWriter();
  QuarantineWriter(const QuarantineWriter&) = delete;
  QuarantineWriter& operator=(const QuarantineWriter&) = delete;

  // Opens lazily: the file is created (truncated) only when the first record is written.
  void SetPath(std::string path) { path_ = std::move(path); }
  Status Write(const RejectedRecord& record);
  Status Close();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
};

// "posts.jsonl:12: metrics.likes: 'lots' is not a count".
std::string DescribeRejection(const RejectedRecord& record);

}  // namespace vigil
