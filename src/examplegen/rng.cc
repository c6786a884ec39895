// Rng: portable distributions over std::mt19937_64 (see rng.h).
#include "examplegen/rng.h"

#include <cassert>
#include <cmath>
#include <numbers>

namespace vigil::examplegen {

uint64_t Mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

namespace {

// FNV-1a: a fixed, documented string hash (std::hash is implementation-defined).
uint64_t HashName(std::string_view name) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : name) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace

Rng::Rng(uint64_t seed, std::string_view stream_name) : engine_(Mix64(seed ^ Mix64(HashName(stream_name)))) {}

double Rng::Uniform01() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

int64_t Rng::UniformInt(int64_t lo, int64_t hi) {
  assert(lo <= hi);
  const uint64_t range = static_cast<uint64_t>(hi - lo) + 1;
  if (range == 0) return static_cast<int64_t>(engine_());  // the full 64-bit range
  // Rejection sampling: drop the top sliver that would bias small values.
  const uint64_t limit = UINT64_MAX - UINT64_MAX % range;
  uint64_t x = engine_();
  while (x >= limit) x = engine_();
  return lo + static_cast<int64_t>(x % range);
}

double Rng::Normal() {
  double u1 = Uniform01();
  while (u1 <= 0.0) u1 = Uniform01();
  const double u2 = Uniform01();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double Rng::LogNormal(double median, double sigma) { return median * std::exp(sigma * Normal()); }

size_t Rng::Weighted(const std::vector<double>& weights) {
  double total = 0;
  for (double w : weights) total += w;
  double x = Uniform01() * total;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return weights.size() - 1;  // rounding left x a hair above the last bucket
}

std::vector<size_t> Rng::Sample(size_t n, size_t k) {
  if (k > n) k = n;
  // Partial Fisher-Yates over a virtual identity array: only displaced slots are stored, so drawing a few
  // sentences from a pool costs k steps, not n.
  std::vector<std::pair<size_t, size_t>> moved;  // slot -> value, for slots no longer holding their index
  auto value_at = [&](size_t slot) {
    for (const auto& [s, v] : moved) {
      if (s == slot) return v;
    }
    return slot;
  };
  auto set_at = [&](size_t slot, size_t value) {
    for (auto& [s, v] : moved) {
      if (s == slot) {
        v = value;
        return;
      }
    }
    moved.emplace_back(slot, value);
  };
  std::vector<size_t> out;
  out.reserve(k);
  for (size_t i = 0; i < k; ++i) {
    const size_t j = i + static_cast<size_t>(UniformInt(0, static_cast<int64_t>(n - i) - 1));
    const size_t vi = value_at(i), vj = value_at(j);
    set_at(j, vi);
    out.push_back(vj);
  }
  return out;
}

}  // namespace vigil::examplegen
