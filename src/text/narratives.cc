// TF-IDF vectors, deterministic spherical k-means (farthest-first seeding), silhouette choice of k.
#include "text/narratives.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "text/normalize.h"
#include "text/segment.h"

namespace vigil::text {
namespace {

constexpr int kKMeansIterations = 25;
constexpr size_t kMinLatinWordBytes = 3;  // "pm", "us" carry little topic
constexpr int64_t kMinClusterPosts = 2;    // a split that leaves a post alone is not a narrative

// The text without links (a URL's fragments are not words of the narrative).
std::string WithoutUrls(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    const size_t http = text.find("http", i);
    if (http == std::string_view::npos) break;
    const std::string_view rest = text.substr(http);
    if (!rest.starts_with("http://") && !rest.starts_with("https://")) {
      out.append(text.substr(i, http + 4 - i));
      i = http + 4;
      continue;
    }
    out.append(text.substr(i, http - i));
    size_t end = http;
    while (end < text.size() && static_cast<unsigned char>(text[end]) > ' ') ++end;
    out += ' ';
    i = end;
  }
  out.append(text.substr(std::min(i, text.size())));
  return out;
}

using SparseVec = std::vector<std::pair<uint32_t, float>>;  // (term id, weight), sorted by id

bool IsContentWord(std::string_view w, const std::unordered_set<std::string>& excluded) {
  if (IsStopWord(w) || excluded.contains(std::string(w))) return false;
  size_t i = 0;
  const char32_t first = NextCodePoint(w, &i);
  if (IsHan(first)) return i < w.size();  // one Han character alone is usually a function word
  if (first >= U'0' && first <= U'9') return false;
  return w.size() >= kMinLatinWordBytes;
}

float Dot(const SparseVec& a, const SparseVec& b) {
  float s = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i].first == b[j].first) {
      s += a[i++].second * b[j++].second;
    } else if (a[i].first < b[j].first) {
      ++i;
    } else {
      ++j;
    }
  }
  return s;
}

float DotDense(const SparseVec& a, const std::vector<float>& dense) {
  float s = 0;
  for (const auto& [id, w] : a) s += w * dense[id];
  return s;
}

void NormalizeDense(std::vector<float>* v) {
  double n = 0;
  for (float x : *v) n += double{x} * x;
  if (n <= 0) return;
  const float inv = static_cast<float>(1.0 / std::sqrt(n));
  for (float& x : *v) x *= inv;
}

struct Clustering {
  std::vector<int> assignment;
  std::vector<std::vector<float>> centroids;
};

// Spherical k-means; seeds are chosen farthest-first from the first document, so the result is stable.
Clustering KMeans(const std::vector<SparseVec>& docs, size_t vocab, int k) {
  Clustering c;
  const size_t n = docs.size();
  std::vector<size_t> seeds{0};
  std::vector<float> best_sim(n, -1);
  while (static_cast<int>(seeds.size()) < k) {
    for (size_t i = 0; i < n; ++i) best_sim[i] = std::max(best_sim[i], Dot(docs[i], docs[seeds.back()]));
    const size_t next = static_cast<size_t>(std::min_element(best_sim.begin(), best_sim.end()) - best_sim.begin());
    seeds.push_back(next);
  }
  c.centroids.assign(static_cast<size_t>(k), std::vector<float>(vocab, 0));
  for (int j = 0; j < k; ++j) {
    for (const auto& [id, w] : docs[seeds[static_cast<size_t>(j)]]) c.centroids[static_cast<size_t>(j)][id] = w;
  }
  c.assignment.assign(n, -1);
  for (int iter = 0; iter < kKMeansIterations; ++iter) {
    bool changed = false;
    for (size_t i = 0; i < n; ++i) {
      int best = 0;
      float best_s = -std::numeric_limits<float>::infinity();
      for (int j = 0; j < k; ++j) {
        const float s = DotDense(docs[i], c.centroids[static_cast<size_t>(j)]);
        if (s > best_s) best_s = s, best = j;
      }
      changed |= c.assignment[i] != best;
      c.assignment[i] = best;
    }
    if (!changed && iter > 0) break;
    for (auto& cen : c.centroids) std::fill(cen.begin(), cen.end(), 0.0f);
    for (size_t i = 0; i < n; ++i) {
      for (const auto& [id, w] : docs[i]) c.centroids[static_cast<size_t>(c.assignment[i])][id] += w;
    }
    for (auto& cen : c.centroids) NormalizeDense(&cen);
  }
  return c;
}

// Mean silhouette (cosine distance) over the first `sample` documents.
double Silhouette(const std::vector<SparseVec>& docs, const std::vector<int>& assignment, int k, size_t sample) {
  const size_t n = std::min(docs.size(), sample);
  double total = 0;
  for (size_t i = 0; i < n; ++i) {
    std::vector<double> sum(static_cast<size_t>(k), 0);
    std::vector<int> count(static_cast<size_t>(k), 0);
    for (size_t j = 0; j < n; ++j) {
      if (j == i) continue;
      sum[static_cast<size_t>(assignment[j])] += 1.0 - Dot(docs[i], docs[j]);
      ++count[static_cast<size_t>(assignment[j])];
    }
    const auto own = static_cast<size_t>(assignment[i]);
    if (count[own] == 0) continue;  // singleton: silhouette 0
    const double a = sum[own] / count[own];
    double b = std::numeric_limits<double>::infinity();
    for (size_t j = 0; j < static_cast<size_t>(k); ++j) {
      if (j != own && count[j] > 0) b = std::min(b, sum[j] / count[j]);
    }
    if (!std::isfinite(b)) continue;
    total += (b - a) / std::max(a, b);
  }
  return n == 0 ? 0 : total / static_cast<double>(n);
}

}  // namespace

std::vector<Narrative> ClusterNarratives(const std::vector<NarrativePost>& posts, const NarrativeOptions& options) {
  const std::unordered_set<std::string> excluded(options.excluded_terms.begin(), options.excluded_terms.end());
  // Term frequencies per post over content words.
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::string> terms;
  std::vector<std::unordered_map<uint32_t, int>> tf;
  std::vector<size_t> kept_posts;  // indexes into `posts` of posts with at least one content word
  std::vector<std::string_view> words;
  for (size_t p = 0; p < posts.size(); ++p) {
    words.clear();
    const std::string text = WithoutUrls(posts[p].normalized);
    SegmentWords(text, &words);
    std::unordered_map<uint32_t, int> counts;
    for (std::string_view w : words) {
      if (!IsContentWord(w, excluded)) continue;
      const auto [it, inserted] = ids.emplace(std::string(w), static_cast<uint32_t>(terms.size()));
      if (inserted) terms.emplace_back(w);
      ++counts[it->second];
    }
    if (counts.empty()) continue;
    tf.push_back(std::move(counts));
    kept_posts.push_back(p);
  }
  if (kept_posts.empty()) return {};

  std::vector<int> df(terms.size(), 0);
  for (const auto& counts : tf) {
    for (const auto& [id, c] : counts) ++df[id];
  }
  const double n = static_cast<double>(tf.size());
  std::vector<SparseVec> docs;
  for (const auto& counts : tf) {
    SparseVec v;
    double norm = 0;
    for (const auto& [id, c] : counts) {
      const double w = (1.0 + std::log(c)) * (std::log((1.0 + n) / (1.0 + df[id])) + 1.0);  // smoothed idf
      v.emplace_back(id, static_cast<float>(w));
      norm += w * w;
    }
    for (auto& e : v) e.second = static_cast<float>(e.second / std::sqrt(norm));
    std::sort(v.begin(), v.end());
    docs.push_back(std::move(v));
  }

  // Choose k by silhouette; one narrative unless a split is clearly better than noise.
  const int k_max = std::min<int>(options.max_narratives, static_cast<int>(docs.size()) - 1);
  Clustering best = KMeans(docs, terms.size(), 1);
  double best_score = options.min_silhouette;
  for (int k = 2; k <= k_max; ++k) {
    Clustering c = KMeans(docs, terms.size(), k);
    std::vector<int64_t> sizes(static_cast<size_t>(k), 0);
    for (int a : c.assignment) ++sizes[static_cast<size_t>(a)];
    if (*std::min_element(sizes.begin(), sizes.end()) < kMinClusterPosts) continue;
    const double s = Silhouette(docs, c.assignment, k, options.silhouette_sample);
    if (s > best_score) best_score = s, best = std::move(c);
  }

  std::vector<Narrative> out;
  for (size_t j = 0; j < best.centroids.size(); ++j) {
    Narrative nar;
    float rep_sim = -1;
    for (size_t i = 0; i < docs.size(); ++i) {
      if (best.assignment[i] != static_cast<int>(j)) continue;
      const NarrativePost& post = posts[kept_posts[i]];
      ++nar.posts;
      (post.stance == Stance::kFavor ? nar.favor : post.stance == Stance::kAgainst ? nar.against : nar.neutral)++;
      nar.first_seen = nar.posts == 1 ? post.published_at : std::min(nar.first_seen, post.published_at);
      nar.last_seen = std::max(nar.last_seen, post.published_at);
      const float sim = DotDense(docs[i], best.centroids[j]);
      if (sim > rep_sim) rep_sim = sim, nar.representative_post = post.post_index;
    }
    if (nar.posts == 0) continue;
    std::vector<uint32_t> order(terms.size());
    std::iota(order.begin(), order.end(), 0u);
    const auto& cen = best.centroids[j];
    const size_t top = std::min(options.top_terms, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                      [&](uint32_t a, uint32_t b) { return cen[a] != cen[b] ? cen[a] > cen[b] : terms[a] < terms[b]; });
    for (size_t t = 0; t < top && cen[order[t]] > 0; ++t) nar.top_terms.push_back(terms[order[t]]);
    for (size_t t = 0; t < std::min(options.label_terms, nar.top_terms.size()); ++t) {
      nar.label += (t > 0 ? " / " : "") + nar.top_terms[t];
    }
    out.push_back(std::move(nar));
  }
  std::stable_sort(out.begin(), out.end(), [](const Narrative& a, const Narrative& b) { return a.posts > b.posts; });
  return out;
}

bool HasOpposingNarratives(const std::vector<Narrative>& narratives, int64_t min_posts) {
  bool favour = false, against = false;
  for (const Narrative& n : narratives) {
    if (n.posts < min_posts) continue;
    // A narrative leans one way when that stance beats the other and holds at least a third of its posts.
    favour |= n.favor > n.against && n.favor * 3 >= n.posts;
    against |= n.against > n.favor && n.against * 3 >= n.posts;
  }
  return favour && against;
}

}  // namespace vigil::text
