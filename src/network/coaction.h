// Internal: the co-action graph operations are cut from. Content co-shares (URLs, reposts, identical and
// near-duplicate text) within a short window and replies to one target within a longer one, merged into one
// weighted account graph; its components with enough members are the candidate operations.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "network/operations.h"
#include "vigil/coordination.h"

namespace vigil::network {

struct Tie {
  uint32_t a = 0, b = 0;  // account indexes, a < b
  int64_t weight = 0;     // co-actions
};

struct CoactionGraph {
  std::vector<std::string> accounts;          // "<platform>:<account_id>"
  std::vector<Tie> ties;                      // weight >= the minimum
  std::vector<int64_t> leads, follows;        // per account: co-actions in which it acted first / later
  std::vector<std::vector<uint32_t>> groups;  // components of the ties, largest first, members sorted
  // Per account: the objects of its posts (for templates and links shared with other operations).
  std::vector<std::map<std::string, int64_t>> objects;
  // Per account: the text objects ("text:", "near:") it co-acted on with a member of its own group, i.e.
  // texts the group posted together (for templates).
  std::vector<std::set<std::string>> coacted_texts;
  // Per object: how many co-actions it made inside each group (for top objects), by group index.
  std::vector<std::map<std::string, int64_t>> group_objects;
};

// Objects per post from its text and links, and one "reply:<target_id>" object per reply mention.
std::vector<ShareTuple> ContentTuples(const std::vector<Post>& posts);
std::vector<ShareTuple> ReplyTuples(const AnalysisReport& report);

// Builds the graph from both kinds of co-action. Errors come from the co-action engine only.
Result<CoactionGraph> BuildCoactionGraph(const AnalysisReport& report, const OperationOptions& options);

}  // namespace vigil::network
