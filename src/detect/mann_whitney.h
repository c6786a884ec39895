// One-sided Mann-Whitney U test of a small sample against a large reference sample (e.g. one account's posts
// against its peer group's), with leave-one-out: part of the reference can be excluded for one test without
// copying it. Distribution-free, so heavy-tailed counts need no transformation.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace vigil {

// A sorted reference sample with its tie term, built once and tested against many times.
class RankReference {
 public:
  RankReference() = default;
  explicit RankReference(std::vector<double> values);

  size_t size() const { return sorted_.size(); }
  const std::vector<double>& sorted() const { return sorted_; }
  // How many reference values are < x, and how many == x.
  size_t CountBelow(double x) const;
  size_t CountEqual(double x) const;
  // Sum over groups of tied values of (t^3 - t).
  double tie_term() const { return tie_term_; }

 private:
  std::vector<double> sorted_;
  double tie_term_ = 0;
};

struct RankTestResult {
  size_t n = 0;                  // sample size
  size_t m = 0;                  // reference size after exclusion
  double u = 0;                  // U statistic of the sample: pairs (x, y) with x > y, ties counting one half
  double superiority = 0.5;      // U / (n m): probability that a sample value beats a reference value
  double z = 0;                  // normal approximation, tie-corrected, with continuity correction
  // One-sided: the sample tends to be larger than the reference. The normal approximation, except for up to
  // 20 sample values against a reference 50 times larger: there the exact tail of the sum of the sample's
  // percentiles (Irwin-Hall), floored at the smallest p-value the ranks allow.
  double p_value = 1;
  double reference_median = 0;   // median of the reference after exclusion
  double sample_median = 0;
  double median_percentile = 0;  // mid-rank percentile (0..1) of the sample's median within the reference
};

// Tests whether `sample` tends to exceed `reference` minus `excluded` (a sub-multiset of the reference:
// the tested account's own values, when it belongs to the reference group). Cost: O(n log m), independent
// of how large the reference is beyond the logarithm. Where the normal approximation is used for a small
// sample (a small reference) it is conservative in the far tail.
// REQUIRES: `excluded` is contained in the reference.
RankTestResult MannWhitneyGreater(std::span<const double> sample, const RankReference& reference,
                                  std::span<const double> excluded = {});

}  // namespace vigil
