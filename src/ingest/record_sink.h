// RecordSink: where every input adapter sends what it reads. Good records become Posts; bad ones become
// RejectedRecords naming file, line and field, so nothing vanishes silently.
#pragma once

#include <cstdint>
#include <string>

#include "vigil/post.h"

namespace vigil {

// A record set aside whole, so that it can be rebuilt: its text in `raw`, and where the source gives byte
// positions, its exact range in the file (a record too large to copy keeps only the range).
struct RejectedRecord {
  std::string file;
  int64_t line = 0;    // 1-based line (or record number for formats without lines)
  std::string field;   // the field at fault, or "" when the record as a whole is unreadable
  std::string reason;  // plain language
  std::string raw;     // the record as read, whole; empty when it was too large to hold (see offset, length)
  int64_t last_line = 0;  // the last line of a record spanning several lines; 0 when it is `line` alone
  int64_t offset = -1;    // the record's first byte in the file, when the reader knows it
  int64_t length = -1;    // its length in bytes, line terminators included
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
