#include "incident/evidence_cap.h"

#include <fmt/format.h>

#include <algorithm>

namespace vigil {
namespace {

std::string SqlString(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

int64_t InteractionsOf(const Post& p) { return p.metrics.Interactions().value; }

// The `keep` posts with the most interactions (earlier first among equals), back in time order.
void KeepStrongestPosts(const std::vector<Post>& posts, size_t keep, std::vector<uint32_t>* evidence) {
  std::stable_sort(evidence->begin(), evidence->end(),
                   [&](uint32_t a, uint32_t b) { return InteractionsOf(posts[a]) > InteractionsOf(posts[b]); });
  evidence->resize(keep);
  std::sort(evidence->begin(), evidence->end());  // indexes follow time
}

}  // namespace

std::string ActorPostsQuery(const Actor& actor, int64_t start, int64_t end) {
  return fmt::format(
      "SELECT * FROM posts WHERE platform = {} AND account_id = {} AND published_at BETWEEN {} AND {} ORDER BY "
      "published_at",
      SqlString(actor.platform), SqlString(actor.account_id), start, end);
}

void CapEvidence(const std::vector<Post>& posts, int64_t max_items, Incident* in) {
  EvidenceCounts& counts = in->evidence_counts;
  counts.posts = static_cast<int64_t>(in->evidence_posts.size());
  counts.amplifiers = static_cast<int64_t>(in->coordination.amplifiers.size());
  counts.ties = static_cast<int64_t>(in->coordination.ties.size());
  counts.store_query = ActorPostsQuery(in->actor, in->window_start, in->window_end);
  if (max_items <= 0) return;
  const auto cap = static_cast<size_t>(max_items);
  if (in->evidence_posts.size() > cap) KeepStrongestPosts(posts, cap, &in->evidence_posts);
  std::vector<Amplification>& amplifiers = in->coordination.amplifiers;
  if (amplifiers.size() > cap) {
    std::stable_sort(amplifiers.begin(), amplifiers.end(),
                     [](const Amplification& a, const Amplification& b) { return a.delay_seconds < b.delay_seconds; });
    amplifiers.resize(cap);
  }
  if (in->coordination.ties.size() > cap) in->coordination.ties.resize(cap);  // heaviest first already
  counts.capped = counts.posts > max_items || counts.amplifiers > max_items || counts.ties > max_items;
}

}  // namespace vigil
