// CheckingSink: the one gate every post passes on its way to the store or to `vigil convert`, whatever
// format it came from. It applies ValidatePost (required fields, UTF-8, control characters, limits) and
// keeps one post per (platform, id) within an input: an exact repeat is counted and skipped, a different
// record under an id already read is rejected as a duplicate (docs/input-format.md, "Duplicate ids").
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "ingest/record_sink.h"

namespace vigil {

class CheckingSink final : public RecordSink {
 public:
  explicit CheckingSink(RecordSink& next) : next_(next) {}

  // Begins a new input: ids are unique within one input, not across inputs (a later export of the same
  // post refreshes it in the store).
  void StartInput();
  void Accept(Post& post) override;
  void Reject(RejectedRecord rejected) override { next_.Reject(std::move(rejected)); }

  // Exact repeats of a post already read from the same input, skipped.
  int64_t repeated() const { return repeated_; }

 private:
  struct FirstSeen {
    uint64_t content_hash;
    int64_t line;
  };
  RecordSink& next_;
  std::unordered_map<uint64_t, FirstSeen> seen_;  // by hash of (platform, id)
  int64_t repeated_ = 0;
};

}  // namespace vigil
