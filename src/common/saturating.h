// Saturating integer arithmetic for counts: an operation controls the figures its posts display, so sums of
// counts must stop at the int64 limits instead of overflowing (undefined behaviour, and negative totals).
#pragma once

#include <cstdint>
#include <limits>

namespace vigil {

// Adds `b` to `*sum`, clamped to [INT64_MIN, INT64_MAX]; false when the true sum was out of range.
constexpr bool AddOrSaturate(int64_t* sum, int64_t b) {
  if (!__builtin_add_overflow(*sum, b, sum)) return true;
  *sum = b > 0 ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min();
  return false;
}

// a + b, clamped to [INT64_MIN, INT64_MAX].
constexpr int64_t SaturatingAdd(int64_t a, int64_t b) {
  AddOrSaturate(&a, b);
  return a;
}

}  // namespace vigil
