// Campaigns: an account's posts about one target, split into time windows wherever the account fell
// silent about the target for longer than the campaign gap. Incidents and actor histories are built on them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vigil/findings.h"

namespace vigil {

struct CampaignWindow {
  std::string platform;
  std::string account_id;
  uint32_t target_index = 0;
  std::vector<uint32_t> posts;  // indexes into the analysed posts, by time
  int64_t start = 0, end = 0;   // first and last post time
};

// REQUIRES: mentions sorted by post_index.
// Groups the primary mentions (the targets a post is about: named in its title, else named most often) with
// confidence >= min_confidence in original posts (reposts are amplification, credited to
// the original's author) by account and target, then by time gaps.
// REQUIRES: posts sorted by published_at.
std::vector<CampaignWindow> FindCampaignWindows(const std::vector<Post>& posts, const std::vector<Mention>& mentions,
                                                float min_confidence, int64_t gap_seconds);

}  // namespace vigil
