// Amplification: which other accounts spread a set of posts, how, and how fast: reposts (repost_of), links
// to the post or to a URL its author shared first (canonical URLs, src/coord), and copies of its text,
// exact or lightly edited (text_copies.h). Only what follows an original within the amplification window
// counts. The coordination engine (src/coord) adds the network view on top.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "vigil/coordination.h"
#include "vigil/findings.h"
#include "vigil/status.h"

namespace vigil {

// How a post spread another, most explicit first.
enum class Via { kRepost, kLink, kCopy };
const char* ViaName(Via via);  // "repost", "link", "copy"

// One amplifying post and the original it spread.
struct AmplificationMatch {
  uint32_t original = 0;   // post index
  uint32_t amplifier = 0;  // post index
  Via via = Via::kRepost;
  std::string object;      // what they share: "repost:<key>", "url:<canonical>" or "copy:<key>"
};

class AmplificationIndex {
 public:
  // Indexes every post by the post it reposts and the canonical URLs it shares. `copy_group` is
  // GroupTextCopies' result for `posts`.
  // REQUIRES: posts sorted by published_at.
  AmplificationIndex(const std::vector<Post>& posts, std::vector<int64_t> copy_group, int64_t window_seconds);

  // Posts by other accounts that spread one of `originals` within the window after it, each matched to the
  // original it followed most closely (a repost before a link before a copy at equal delay); by delay.
  std::vector<AmplificationMatch> MatchesOf(const std::vector<uint32_t>& originals) const;
  // The same as findings.
  std::vector<Amplification> AmplifiersOf(const std::vector<uint32_t>& originals) const;
  Amplification Describe(const AmplificationMatch& match) const;
  // The originals' and their amplifiers' shares as co-action tuples, one object per thing spread.
  std::vector<ShareTuple> SharesOf(const std::vector<AmplificationMatch>& matches) const;

  int64_t window_seconds() const { return window_seconds_; }

 private:
  void MatchReposts(uint32_t original, std::unordered_map<uint32_t, AmplificationMatch>* best) const;
  void MatchLinks(uint32_t original, std::unordered_map<uint32_t, AmplificationMatch>* best) const;
  void MatchCopies(uint32_t original, std::unordered_map<uint32_t, AmplificationMatch>* best) const;
  void Offer(AmplificationMatch match, std::unordered_map<uint32_t, AmplificationMatch>* best) const;

  const std::vector<Post>& posts_;
  int64_t window_seconds_ = 0;
  std::unordered_map<std::string, std::vector<uint32_t>> by_reposted_key_;  // "platform:id" -> reposts, by time
  std::unordered_map<std::string, std::vector<uint32_t>> by_link_;          // canonical url -> sharers, by time
  std::vector<int64_t> copy_group_;                                        // per post, -1 for none
  std::unordered_map<int64_t, std::vector<uint32_t>> copies_;              // group -> posts, by time
};

// Replaces `direct` (an incident's direct amplification evidence) with `network` (SummarizeAmplification
// over its amplifiers) when they form a community, keeping the direct counts alongside. A network that could
// not be measured is an error naming the incident: its severity would silently lack the coordination signal.
Status MergeAmplifierNetwork(Result<CoordinationSummary> network, const std::string& incident_id,
                             CoordinationSummary* direct);

}  // namespace vigil
