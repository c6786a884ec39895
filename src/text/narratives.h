// Narratives: an actor's posts about a target clustered into a few lines of argument (TF-IDF over
// segmented words, spherical k-means with k chosen by silhouette), each with its stance mix and dates.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/findings.h"

namespace vigil::text {

struct NarrativePost {
  uint32_t post_index = 0;      // carried into Narrative::representative_post
  std::string_view normalized;  // Normalizer output (title + "\n" + text)
  Stance stance = Stance::kNeutral;
  int64_t published_at = 0;     // Unix seconds
};

struct NarrativeOptions {
  int max_narratives = 6;
  size_t top_terms = 8;
  size_t label_terms = 3;
  // Terms never used as narrative terms: normalised aliases of the target (every post names it).
  std::vector<std::string> excluded_terms;
  // Below this silhouette the posts are one narrative: splitting them would be noise.
  double min_silhouette = 0.1;
  // Posts beyond this many are assigned to clusters but not used to choose k (silhouette is quadratic).
  size_t silhouette_sample = 400;
};

// Clusters the posts into at most max_narratives narratives (each of at least two posts unless there is
// only one narrative), largest first. Links are ignored. Deterministic for a given
// input order. Posts with no content word (empty, links only) join no narrative; an empty input gives
// no narrative. Each narrative's label is its top terms joined by " / ".
std::vector<Narrative> ClusterNarratives(const std::vector<NarrativePost>& posts,
                                         const NarrativeOptions& options = {});

// The "mixed narratives" property: at least two narratives whose majorities take opposite stances (one
// mostly favour, one mostly against), each holding at least `min_posts` posts.
bool HasOpposingNarratives(const std::vector<Narrative>& narratives, int64_t min_posts = 2);

}  // namespace vigil::text
