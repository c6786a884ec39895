#include "detect/robust_stats.h"

#include <algorithm>
#include <cmath>

namespace vigil {

namespace {
constexpr double kMadToSigma = 1.4826;
}

double Quantile(std::span<const double> values, double q) {
  if (values.empty()) return 0;
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  const double pos = std::clamp(q, 0.0, 1.0) * static_cast<double>(sorted.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(pos));
  const size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - static_cast<double>(lo));
}

double Median(std::span<const double> values) { return Quantile(values, 0.5); }

double ScaledMad(std::span<const double> values, double median) {
  std::vector<double> deviations;
  deviations.reserve(values.size());
  for (double v : values) deviations.push_back(std::fabs(v - median));
  return kMadToSigma * Median(deviations);
}

RobustSummary Summarize(std::span<const double> values) {
  RobustSummary s;
  s.n = values.size();
  s.median = Median(values);
  s.spread = ScaledMad(values, s.median);
  return s;
}

double RobustZ(double x, const RobustSummary& summary, double min_spread) {
  return (x - summary.median) / std::max(summary.spread, min_spread);
}

}  // namespace vigil
