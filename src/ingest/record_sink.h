// RecordSink: where every input adapter sends what it reads. Good records become Posts; bad ones become
// RejectedRecords naming file, line and field, so nothing vanishes silently.
#pragma once

#include <cstdint>
#include <string>

#include "vigil/post.h"

namespace vigil {

struct RejectedRecord {
  std::string file;
  int64_t line = 0;    // 1-based line (or record number for formats without lines)
  std::string field;   // the field at fault, or "" when the record as a whole is unreadable
  std::string reason;  // plain language
  std::string raw;     // the record as read, truncated to a few KiB, for the quarantine file
};

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // Receives one well-formed post. The sink may move from it.
  virtual void Accept(Post& post) = 0;
  // Receives one rejected record.
  virtual void Reject(RejectedRecord rejected) = 0;
};

}  // namespace vigil
