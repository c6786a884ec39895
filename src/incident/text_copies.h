// Text copies: posts whose text is the same as, or nearly the same as, another post's published within a
// window of it, after folding away what a copier changes cheaply: case, width, traditional script (the text
// Normalizer), links, @mentions, punctuation and emoji (src/coord). Near-duplicates are MinHash-LSH clusters
// (src/coord) computed per time block together with the window before it, so memory follows the busiest
// block, not the corpus: a post is compared with the posts of its block and of the window before it only.
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
  size_t min_text_chars = 20;                    // shorter folded texts make no copy ("ok", "+1" ...)
  NearDupOptions near_dup;                       // similarity threshold and shingling
};

// Per post: the smallest index of the group of texts it belongs to (itself when it was copied), or -1 when
// it copies nothing and nothing copies it. Reposts (repost_of set) take no part: they are amplification
// by themselves. Groups are connected components of verified near-duplicate pairs.
// REQUIRES: posts sorted by published_at.
// `on_progress` (optional) hears the posts done after each block.
std::vector<int64_t> GroupTextCopies(const std::vector<Post>& posts, const text::Normalizer& normalizer,
                                     const TextCopyOptions& options,
                                     const std::function<void(int64_t done, int64_t total)>& on_progress = {});

}  // namespace vigil
