// Text copies: posts that repeat an earlier post's title, lead sentence or whole text, published within a
// window of it, after folding away what a copier changes cheaply: case, width, traditional script (the text
// Normalizer), links, @mentions, punctuation and emoji (src/coord). A later text is a copy when the earlier
// one holds most of its shingles (a truncated copy counts; a post quoting a headline among words of its own
// does not). Candidates come from MinHash-LSH (src/coord), computed per time block together with the window
// before it, so memory follows the busiest block, not the corpus.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "common/time.h"
#include "text/normalize.h"
#include "vigil/coordination.h"
#include "vigil/post.h"

namespace vigil {

struct TextCopyOptions {
  int64_t window_seconds = 6 * kSecondsPerHour;  // copies further apart than this are not compared
  int64_t block_seconds = kSecondsPerDay;        // posts clustered together (plus the window before)
  size_t min_text_chars = 12;                    // shorter folded texts make no copy ("ok", "+1" ...)
  NearDupOptions near_dup = CopyMatching();      // shingling and the share of a copy the original must hold

  static NearDupOptions CopyMatching() {
    NearDupOptions o;
    o.threshold = 0.6;
    o.contained_in_earlier = true;
    return o;
  }
};

// Per post: the smallest index (the earliest post) of the group of texts it belongs to, or -1 when it copies
// nothing and nothing copies it. A post takes part with its whole text, its title and its text's lead
// sentence; reposts (repost_of set) take no part: they are amplification by themselves. Groups are connected
// components of verified copy pairs.
// REQUIRES: posts sorted by published_at.
// `on_progress` (optional) hears the posts done after each block.
std::vector<int64_t> GroupTextCopies(const std::vector<Post>& posts, const text::Normalizer& normalizer,
                                     const TextCopyOptions& options,
                                     const std::function<void(int64_t done, int64_t total)>& on_progress = {});

}  // namespace vigil
