// Robust statistics for heavy-tailed counts: medians and median absolute deviations rather than means and
// standard deviations, so one viral post or one quiet week does not move the baseline.
#pragma once

#include <span>
#include <vector>

namespace vigil {

// Median of `values` (0 for an empty span). Reorders a copy, not the input.
double Median(std::span<const double> values);
// Linear-interpolated quantile q in [0, 1] (0 for an empty span).
double Quantile(std::span<const double> values, double q);
// Median absolute deviation around `median`, scaled by 1.4826 to estimate a normal standard deviation.
double ScaledMad(std::span<const double> values, double median);

struct RobustSummary {
  double median = 0;
  double spread = 0;  // scaled MAD
  size_t n = 0;
};
RobustSummary Summarize(std::span<const double> values);

// (x - median) / spread, with `spread` floored at `min_spread` so a flat baseline does not divide by zero.
double RobustZ(double x, const RobustSummary& summary, double min_spread);

}  // namespace vigil
