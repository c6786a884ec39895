// Near-duplicate text: shingling (characters for CJK, words otherwise) and MinHash with LSH banding,
// candidates verified by the exact Jaccard of their shingle sets.
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <unordered_map>

#include "coord/text_util.h"
#include "coord/union_find.h"
#include "vigil/coordination.h"

namespace vigil {
using coord::CleanCodePoints;
using coord::IsCjk;
using coord::IsWordChar;
using coord::UnionFind;
namespace {

constexpr double kCjkDominance = 0.3;   // share of CJK among letters above which text is shingled by characters
constexpr double kBandSlack = 0.1;      // the LSH S-curve midpoint sits this far below the threshold (recall)
constexpr uint64_t kWordSeparator = 0x1F;

uint64_t HashUnits(const std::vector<std::u32string>& units, size_t from, size_t count, std::u32string& buf) {
  buf.clear();
  for (size_t k = from; k < from + count; ++k) {
    buf += units[k];
    buf.push_back(static_cast<char32_t>(kWordSeparator));
  }
  return XXH3_64bits(buf.data(), buf.size() * sizeof(char32_t));
}

size_t Intersection(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t i = 0, j = 0, inter = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) ++inter, ++i, ++j;
    else if (a[i] < b[j]) ++i;
    else ++j;
  }
  return inter;
}

double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  const size_t inter = Intersection(a, b);
  const size_t uni = a.size() + b.size() - inter;
  return uni == 0 ? 0 : static_cast<double>(inter) / static_cast<double>(uni);
}

// How much of `later` the earlier set holds: a truncated or excerpted copy scores as a whole one, while a
// later text that only quotes the earlier among words of its own does not.
double ContainedIn(const std::vector<uint64_t>& earlier, const std::vector<uint64_t>& later) {
  return later.empty() ? 0 : static_cast<double>(Intersection(earlier, later)) / static_cast<double>(later.size());
}

// The largest rows-per-band whose S-curve midpoint (1/b)^(1/r) stays kBandSlack below the threshold.
void ChooseBanding(int num_hashes, double threshold, int& bands, int& rows) {
  bands = num_hashes, rows = 1;
  for (int r = 2; r <= num_hashes; ++r) {
    const int b = num_hashes / r;
    if (b < 1) break;
    if (std::pow(1.0 / b, 1.0 / r) <= threshold - kBandSlack) bands = b, rows = r;
  }
}

}  // namespace

std::vector<uint64_t> Shingles(const std::string& text, const NearDupOptions& options) {
  const std::u32string cps = CleanCodePoints(text);
  size_t cjk = 0, letters = 0;
  for (char32_t c : cps) {
    if (IsCjk(c)) ++cjk;
    if (IsWordChar(c)) ++letters;
  }
  std::vector<std::u32string> units;  // characters (CJK) or words
  size_t k;
  if (letters > 0 && static_cast<double>(cjk) >= kCjkDominance * static_cast<double>(letters)) {
    for (char32_t c : cps)
      if (IsWordChar(c)) units.emplace_back(1, c);
    k = static_cast<size_t>(std::max(1, options.char_shingle));
  } else {
    std::u32string word;
    for (char32_t c : cps) {
      if (IsWordChar(c) && !IsCjk(c)) {
        word.push_back(c);
        continue;
      }
      if (!word.empty()) units.push_back(std::move(word)), word.clear();
      if (IsCjk(c)) units.emplace_back(1, c);
    }
    if (!word.empty()) units.push_back(std::move(word));
    k = static_cast<size_t>(std::max(1, options.word_shingle));
  }
  std::vector<uint64_t> out;
  std::u32string buf;
  if (units.empty()) return out;
  if (units.size() < k) {
    out.push_back(HashUnits(units, 0, units.size(), buf));
    return out;
  }
  out.reserve(units.size() - k + 1);
  for (size_t i = 0; i + k <= units.size(); ++i) out.push_back(HashUnits(units, i, k, buf));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

NearDupResult FindNearDuplicates(const std::vector<std::string>& texts, const NearDupOptions& options) {
  NearDupResult result;
  const size_t n = texts.size();
  result.cluster.assign(n, -1);
  ChooseBanding(options.num_hashes, options.threshold, result.bands, result.rows);
  const int used_hashes = result.bands * result.rows;

  std::vector<std::vector<uint64_t>> sets(n);
  for (size_t i = 0; i < n; ++i) sets[i] = Shingles(texts[i], options);

  // Identical shingle sets are grouped by their hash and take one place in LSH.
  UnionFind uf(n);
  std::vector<uint8_t> linked(n, 0);
  std::unordered_map<uint64_t, uint32_t> first_with_set;
  std::vector<uint32_t> reps;
  for (uint32_t i = 0; i < n; ++i) {
    if (sets[i].size() < options.min_shingles) continue;
    const uint64_t h = XXH3_64bits(sets[i].data(), sets[i].size() * sizeof(uint64_t));
    auto [it, inserted] = first_with_set.try_emplace(h, i);
    if (!inserted && sets[it->second] == sets[i]) {
      uf.Union(it->second, i);
      linked[i] = linked[it->second] = 1;
      ++result.identical_texts;
      continue;
    }
    reps.push_back(i);
  }

  // MinHash: h_k(x) = a_k * x + b_k over the 64-bit shingle hashes (x is already well mixed).
  std::mt19937_64 rng(options.seed);
  std::vector<uint64_t> a(static_cast<size_t>(used_hashes)), b(static_cast<size_t>(used_hashes));
  for (int k = 0; k < used_hashes; ++k) a[static_cast<size_t>(k)] = rng() | 1, b[static_cast<size_t>(k)] = rng();
  struct BandEntry {
    uint64_t key;
    uint32_t doc;
  };
  std::vector<std::vector<BandEntry>> bands(static_cast<size_t>(result.bands));
  for (auto& band : bands) band.reserve(reps.size());
  std::vector<uint64_t> sig(static_cast<size_t>(used_hashes));
  for (uint32_t doc : reps) {
    std::fill(sig.begin(), sig.end(), UINT64_MAX);
    for (uint64_t x : sets[doc]) {
      for (size_t k = 0; k < sig.size(); ++k) sig[k] = std::min(sig[k], a[k] * x + b[k]);
    }
    for (int band = 0; band < result.bands; ++band) {
      const uint64_t key = XXH3_64bits_withSeed(sig.data() + band * result.rows, sizeof(uint64_t) * static_cast<size_t>(result.rows),
                                                static_cast<uint64_t>(band));
      bands[static_cast<size_t>(band)].push_back({key, doc});
    }
  }

  // REQUIRES: x < y (buckets are sorted by document), so y is the later text for contained_in_earlier.
  auto try_link = [&](uint32_t x, uint32_t y) {
    if (uf.Find(x) == uf.Find(y)) return true;
    ++result.candidates_checked;
    const double j = options.contained_in_earlier ? ContainedIn(sets[x], sets[y]) : Jaccard(sets[x], sets[y]);
    if (j < options.threshold) return false;
    uf.Union(x, y);
    linked[x] = linked[y] = 1;
    result.pairs.push_back({std::min(x, y), std::max(x, y), j});
    return true;
  };
  for (auto& band : bands) {
    std::sort(band.begin(), band.end(), [](const BandEntry& l, const BandEntry& r) {
      return l.key != r.key ? l.key < r.key : l.doc < r.doc;
    });
    for (size_t s = 0; s < band.size();) {
      size_t e = s + 1;
      while (e < band.size() && band[e].key == band[s].key) ++e;
      // Each member is checked against the bucket's first text, then against its predecessor.
      for (size_t m = s + 1; m < e; ++m) {
        if (!try_link(band[s].doc, band[m].doc) && m - 1 > s) try_link(band[m - 1].doc, band[m].doc);
      }
      s = e;
    }
  }

  std::unordered_map<uint32_t, int64_t> ids;
  for (uint32_t i = 0; i < n; ++i) {
    if (!linked[i]) continue;
    auto [it, ins] = ids.try_emplace(uf.Find(i), static_cast<int64_t>(ids.size()));
    result.cluster[i] = it->second;
  }
  result.clusters = static_cast<int64_t>(ids.size());
  std::sort(result.pairs.begin(), result.pairs.end(), [](const NearDupPair& l, const NearDupPair& r) {
    return std::tie(l.a, l.b) < std::tie(r.a, r.b);
  });
  return result;
}

}  // namespace vigil
