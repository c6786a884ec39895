// Rng: a seeded random source whose draws are identical on every platform and standard library. The raw
// engine is std::mt19937_64 (its output sequence is fixed by the standard); every distribution is written
// here because std:: distributions differ between library versions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string_view>
#include <vector>

namespace vigil::examplegen {

// SplitMix64 step: spreads a seed so that nearby seeds (2025, 2026) give unrelated streams.
uint64_t Mix64(uint64_t x);

class Rng {
 public:
  // A stream for one part of the case: same seed and same name always give the same stream, and streams
  // with different names are independent, so adding background volume never changes the operation's posts.
  Rng(uint64_t seed, std::string_view stream_name);

  uint64_t Next() { return engine_(); }
  // Uniform in [0, 1), 53 bits.
  double Uniform01();
  // Uniform in [lo, hi).
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform01(); }
  // Uniform integer in [lo, hi] (inclusive), without modulo bias.
  int64_t UniformInt(int64_t lo, int64_t hi);
  bool Bernoulli(double p) { return Uniform01() < p; }
  // Standard normal by the Box-Muller transform (one value per call; the pair's second half is dropped to
  // keep the stream simple to reason about).
  double Normal();
  double Normal(double mean, double sd) { return mean + sd * Normal(); }
  // Lognormal given its median and the standard deviation of its logarithm.
  double LogNormal(double median, double sigma);
  // Index drawn with probability proportional to weights[i] (weights non-negative, not all zero).
  size_t Weighted(const std::vector<double>& weights);
  // Uniform index in [0, n).
  size_t Index(size_t n) { return static_cast<size_t>(UniformInt(0, static_cast<int64_t>(n) - 1)); }

  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Index(items.size())];
  }
  // k distinct indices from [0, n) in random order (partial Fisher-Yates).
  std::vector<size_t> Sample(size_t n, size_t k);
  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[Index(i)]);
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace vigil::examplegen
