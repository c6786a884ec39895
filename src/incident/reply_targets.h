// Replies as mentions: a post that replies to or comments on a target's own account (WatchConfig::target_accounts), or
// on a post one of those accounts published, is about that target whether or not its text names them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vigil/post.h"
#include "vigil/watch_config.h"

namespace vigil {

// One post addressed to a target's account.
struct ReplyToTarget {
  uint32_t post_index = 0;
  uint32_t target_index = 0;
  std::string account_id;  // the target's account replied to

  // The alias the mention carries, saying why it counted: "reply:<platform>:<account_id>".
  std::string Alias(const std::string& platform) const { return "reply:" + platform + ":" + account_id; }
};

// The posts that reply to a target's account, by post index. A reply to a post is resolved through the posts
// given (the replied post must be among them for its author to be known); an account answering itself is none.
std::vector<ReplyToTarget> FindRepliesToTargets(const std::vector<Post>& posts, const WatchConfig& config);

}  // namespace vigil
