// A RecordSink that keeps everything it receives, for the adapter tests and `vigil convert`.
#pragma once

#include <vector>

#include "ingest/record_sink.h"

namespace vigil::adapters {

class CollectingSink : public RecordSink {
 public:
  void Accept(Post& post) override { posts.push_back(std::move(post)); }
  void Reject(RejectedRecord rejected) override { rejects.push_back(std::move(rejected)); }

  std::vector<Post> posts;
  std::vector<RejectedRecord> rejects;
};

}  // namespace vigil::adapters
