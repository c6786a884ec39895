#include "detect/mann_whitney.h"

#include <algorithm>
#include <cmath>

#include "detect/robust_stats.h"

namespace vigil {
namespace {

// Small samples against a large reference take the exact tail of their summed percentiles (below): the
// normal approximation is far too conservative there (six posts at the 97th percentile: 3e-5 instead of
// 2e-8). The reference must be large enough that each sample value's percentile is close to continuous.
constexpr size_t kMaxExactSample = 20;
constexpr size_t kReferencePerSampleValue = 50;

double TieTerm(double t) { return t * t * t - t; }

// P(U1 + ... + Un >= s) for independent uniforms on [0, 1] (Irwin-Hall), by the alternating sum, which
// stays accurate for n <= kMaxExactSample in long double.
double IrwinHallUpperTail(size_t n, double s) {
  const long double x = static_cast<long double>(n) - s;  // P(S >= s) = P(S <= n - s) by symmetry
  if (x <= 0) return 0;
  if (x >= static_cast<long double>(n)) return 1;
  long double sum = 0, binomial = 1, factorial = 1;
  for (size_t k = 1; k <= n; ++k) factorial *= static_cast<long double>(k);
  for (size_t k = 0; k <= n && static_cast<long double>(k) < x; ++k) {
    const long double term = binomial * std::pow(x - static_cast<long double>(k), static_cast<long double>(n));
    sum += k % 2 == 0 ? term : -term;
    binomial = binomial * static_cast<long double>(n - k) / static_cast<long double>(k + 1);
  }
  return static_cast<double>(std::clamp(sum / factorial, 0.0L, 1.0L));
}

// The smallest p-value any arrangement of n sample values among m reference values can have: 1 / C(m+n, n).
double SmallestPValue(double n, double m) {
  return std::exp(-(std::lgamma(m + n + 1) - std::lgamma(n + 1) - std::lgamma(m + 1)));
}

// A sorted multiset that answers rank queries by binary search.
struct SortedValues {
  std::vector<double> values;
  size_t Below(double x) const {
    return static_cast<size_t>(std::lower_bound(values.begin(), values.end(), x) - values.begin());
  }
  size_t AtMost(double x) const {
    return static_cast<size_t>(std::upper_bound(values.begin(), values.end(), x) - values.begin());
  }
  size_t Equal(double x) const { return AtMost(x) - Below(x); }
};

// The reference with some of its values left out, queried without copying it.
class ReducedReference {
 public:
  ReducedReference(const RankReference& reference, const SortedValues& excluded)
      : reference_(reference), excluded_(excluded) {}

  size_t size() const { return reference_.size() - excluded_.values.size(); }
  double Below(double x) const { return static_cast<double>(reference_.CountBelow(x) - excluded_.Below(x)); }
  double Equal(double x) const { return static_cast<double>(reference_.CountEqual(x) - excluded_.Equal(x)); }

  // The k-th smallest remaining value (0-based): the first reference value with more than k remaining at
  // or below it.
  double Kth(size_t k) const {
    const std::vector<double>& sorted = reference_.sorted();
    size_t lo = 0, hi = sorted.size() - 1;
    while (lo < hi) {
      const size_t mid = lo + (hi - lo) / 2;
      const size_t remaining = (reference_.CountBelow(sorted[mid]) + reference_.CountEqual(sorted[mid])) -
                               excluded_.AtMost(sorted[mid]);
      if (remaining > k) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return sorted[lo];
  }

  double Median() const {
    const size_t m = size();
    return m % 2 == 1 ? Kth(m / 2) : (Kth(m / 2 - 1) + Kth(m / 2)) / 2;
  }

 private:
  const RankReference& reference_;
  const SortedValues& excluded_;
};

// The tie term of sample + reduced reference: the reference's own term, corrected at every value the sample
// or the exclusion touches.
double CombinedTieTerm(const SortedValues& sample, const RankReference& reference, const SortedValues& excluded) {
  std::vector<double> touched;
  std::merge(sample.values.begin(), sample.values.end(), excluded.values.begin(), excluded.values.end(),
             std::back_inserter(touched));
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  double term = reference.tie_term();
  for (double v : touched) {
    const auto in_reference = static_cast<double>(reference.CountEqual(v));
    const auto combined = in_reference - static_cast<double>(excluded.Equal(v)) + static_cast<double>(sample.Equal(v));
    term += TieTerm(combined) - TieTerm(in_reference);
  }
  return term;
}

}  // namespace

RankReference::RankReference(std::vector<double> values) : sorted_(std::move(values)) {
  std::sort(sorted_.begin(), sorted_.end());
  for (size_t i = 0; i < sorted_.size();) {
    size_t j = i;
    while (j < sorted_.size() && sorted_[j] == sorted_[i]) ++j;
    tie_term_ += TieTerm(static_cast<double>(j - i));
    i = j;
  }
}

size_t RankReference::CountBelow(double x) const {
  return static_cast<size_t>(std::lower_bound(sorted_.begin(), sorted_.end(), x) - sorted_.begin());
}

size_t RankReference::CountEqual(double x) const {
  const auto range = std::equal_range(sorted_.begin(), sorted_.end(), x);
  return static_cast<size_t>(range.second - range.first);
}

RankTestResult MannWhitneyGreater(std::span<const double> sample, const RankReference& reference,
                                  std::span<const double> excluded) {
  SortedValues x{{sample.begin(), sample.end()}};
  SortedValues left_out{{excluded.begin(), excluded.end()}};
  std::sort(x.values.begin(), x.values.end());
  std::sort(left_out.values.begin(), left_out.values.end());
  const ReducedReference y(reference, left_out);

  RankTestResult r;
  r.n = x.values.size();
  r.m = y.size();
  if (r.n == 0 || r.m == 0) return r;
  for (double v : x.values) r.u += y.Below(v) + 0.5 * y.Equal(v);
  const double n = static_cast<double>(r.n), m = static_cast<double>(r.m), total = n + m;
  r.superiority = r.u / (n * m);
  r.sample_median = Median(x.values);
  r.reference_median = y.Median();
  r.median_percentile = (y.Below(r.sample_median) + 0.5 * y.Equal(r.sample_median)) / m;

  const double ties = CombinedTieTerm(x, reference, left_out);
  const double variance = n * m / 12.0 * ((total + 1) - ties / (total * (total - 1)));
  if (variance <= 0) return r;  // every value tied: no evidence either way
  r.z = (r.u - n * m / 2 - 0.5) / std::sqrt(variance);
  r.p_value = 0.5 * std::erfc(r.z / std::sqrt(2.0));
  if (r.n <= kMaxExactSample && r.m >= kReferencePerSampleValue * r.n) {
    // Each sample value's percentile in a large reference is uniform under the null: U / m is their sum.
    const double percentile_sum = (r.u - 0.5) / m;  // continuity: half a rank
    r.p_value = std::max(IrwinHallUpperTail(r.n, percentile_sum), SmallestPValue(n, m));
  }
  return r;
}

}  // namespace vigil
