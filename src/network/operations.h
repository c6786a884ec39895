// Network operations: sets of accounts that act in concert (co-share links, reposts or copied text within
// minutes, or reply to the same target within the hour), found whether or not any member is declared, with
// every target they touched, their stance mix, timeline and surges, members' roles, inauthentic-network
// signals, attribution and an explained severity (docs/network-operations.md).
#pragma once

#include <cstdint>

#include "vigil/findings.h"

namespace vigil {

struct OperationOptions {
  int64_t content_window_seconds = 300;  // two shares of one URL, repost or text within this co-act
  int64_t reply_window_seconds = 3600;   // two replies to one target's accounts within this co-act
  int64_t min_tie_weight = 2;            // co-actions before two accounts count as tied (one shared link is chance)
  size_t min_accounts = 5;               // smaller groups are not reported
  int64_t min_target_posts = 5;          // a group that hardly names a watched target is not reported
  float min_mention_confidence = 0.5f;   // weaker mentions do not count as posts about a target
};

// Finds the operations among report->posts (using its mentions, stances and configuration), fills
// report->operations (highest severity first) and links them with the actor incidents both ways.
// Deterministic.
Status FindOperations(AnalysisReport* report, const OperationOptions& options = {});

}  // namespace vigil
