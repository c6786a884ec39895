// A RecordSink that keeps everything it receives, for reader tests.
#pragma once

#include <vector>

#include "ingest/record_sink.h"

namespace vigil::testutil {

class CollectingSink final : public RecordSink {
 public:
  void Accept(Post& post) override { posts.push_back(post); }
  void Reject(RejectedRecord rejected) override { rejects.push_back(std::move(rejected)); }
  std::vector<Post> posts;
  std::vector<RejectedRecord> rejects;
};

}  // namespace vigil::testutil
