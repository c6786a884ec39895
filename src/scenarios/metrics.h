// Engagement as each platform counts and displays it: typical interactions per post for state media, outlets
// and ordinary users, and how a total splits into likes, shares, comments and reactions.
#pragma once

#include <cstdint>
#include <string>

#include "examplegen/rng.h"
#include "vigil/post.h"

namespace vigil::scenarios {

struct PlatformEngagement {
  double state_media_median = 0;  // interactions per post of state media there (the peer baseline)
  double state_media_sigma = 0;   // spread of log interactions
  double outlet_median = 0;       // an independent outlet's ordinary post
  double user_median = 0;         // an ordinary user's post
};

const PlatformEngagement& EngagementOn(const std::string& platform);

// Fills `m` for a post that drew `interactions` in all, in the counts `platform` shows (WeChat reads cap at
// "10万+", Weibo rounds to thousands past 10,000, X abbreviates views).
void SetEngagement(examplegen::Rng& rng, const std::string& platform, int64_t interactions, Metrics& m);

}  // namespace vigil::scenarios
