// Amplification: which other accounts reposted or re-shared a set of posts, and how fast. This is the
// direct evidence of boosting (repost_of ids and shared URLs); the coordination engine (src/coord) adds
// the network view on top.
#pragma once

#include <unordered_map>
#include <string>
#include <vector>

#include "vigil/findings.h"

namespace vigil {

class AmplificationIndex {
 public:
  // Indexes every post by the post key it reposts and by the URLs it shares.
  explicit AmplificationIndex(const std::vector<Post>& posts);

  // Posts by other accounts that repost or link one of `originals`, with their delays, by delay.
  std::vector<Amplification> AmplifiersOf(const std::vector<uint32_t>& originals) const;

 private:
  const std::vector<Post>& posts_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_reposted_key_;  // "platform:id" -> reposts
  std::unordered_map<std::string, std::vector<uint32_t>> by_link_;          // url -> posts sharing it
};

}  // namespace vigil
