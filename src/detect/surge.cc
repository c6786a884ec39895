#include "detect/surge.h"

#include <algorithm>
#include <cmath>

#include "common/saturating.h"
#include "common/time.h"
#include "detect/robust_stats.h"

namespace vigil {
namespace {

struct Series {
  int64_t first_bucket = 0;
  int64_t bucket_seconds = 0;
  std::vector<double> counts;
  std::vector<int64_t> interactions;
};

Series Bucketize(const std::vector<MentionEvent>& mentions, int64_t bucket_seconds) {
  Series s;
  s.bucket_seconds = bucket_seconds;
  int64_t lo = INT64_MAX, hi = INT64_MIN;
  for (const MentionEvent& m : mentions) {
    lo = std::min(lo, FloorDiv(m.at, bucket_seconds));
    hi = std::max(hi, FloorDiv(m.at, bucket_seconds));
  }
  s.first_bucket = lo;
  s.counts.assign(static_cast<size_t>(hi - lo + 1), 0.0);
  s.interactions.assign(s.counts.size(), 0);
  for (const MentionEvent& m : mentions) {
    const auto idx = static_cast<size_t>(FloorDiv(m.at, bucket_seconds) - lo);
    s.counts[idx] += 1;
    s.interactions[idx] = SaturatingAdd(s.interactions[idx], m.interactions);
  }
  return s;
}

// Is bucket `idx` far above its trailing baseline? Fills the measurements into *surge.
bool IsSurgeBucket(const Series& s, size_t idx, const SurgeOptions& o, Surge* surge) {
  const double count = s.counts[idx];
  if (count < static_cast<double>(o.min_mentions)) return false;
  const size_t begin = idx >= static_cast<size_t>(o.baseline_buckets) ? idx - o.baseline_buckets : 0;
  // Buckets before the first mention count as zero: the baseline covers the full trailing window.
  std::vector<double> window(static_cast<size_t>(o.baseline_buckets) - (idx - begin), 0.0);
  window.insert(window.end(), s.counts.begin() + static_cast<std::ptrdiff_t>(begin),
                s.counts.begin() + static_cast<std::ptrdiff_t>(idx));
  const RobustSummary base = Summarize(window);
  const double floor = std::max(base.median, o.baseline_floor);
  // A flat baseline has no spread; a Poisson-like sqrt(floor) keeps the z-score meaningful.
  const double z = RobustZ(count, base, std::sqrt(floor));
  const double ratio = count / floor;
  if (ratio < o.min_ratio || z < o.min_robust_z) return false;
  surge->mentions = static_cast<int64_t>(count);
  surge->baseline = base.median;
  surge->spread = base.spread;
  surge->ratio = ratio;
  surge->robust_z = z;
  return true;
}

// Events up to `lookback_days` before the surge's peak day (or on it). Measured from the peak: an organic
// rise on the event day itself can open the window a day before the surge proper.
void AttachEvents(const std::string& target_id, const std::vector<Event>& events, int64_t lookback_days,
                  Surge* surge) {
  const int64_t window_day = FloorDiv(surge->peak_start, kSecondsPerDay);
  for (const Event& e : events) {
    if (!e.target_id.empty() && e.target_id != target_id) continue;
    const int64_t day = e.date.DaysSinceEpoch();
    if (day > window_day || day < window_day - lookback_days) continue;
    const int64_t peak_day_start = window_day * kSecondsPerDay;
    surge->preceding_events.push_back({e, (peak_day_start - day * kSecondsPerDay) / kSecondsPerHour});
  }
}

}  // namespace

std::vector<Surge> DetectSurges(const std::string& target_id, std::vector<MentionEvent> mentions,
                                const std::vector<Event>& events, const SurgeOptions& options) {
  std::vector<Surge> surges;
  if (mentions.empty()) return surges;
  const int64_t bucket_seconds = options.granularity == Granularity::kDay ? kSecondsPerDay : kSecondsPerHour;
  const Series series = Bucketize(mentions, bucket_seconds);
  for (size_t idx = 0; idx < series.counts.size(); ++idx) {
    Surge candidate;
    if (!IsSurgeBucket(series, idx, options, &candidate)) continue;
    const int64_t start = (series.first_bucket + static_cast<int64_t>(idx)) * bucket_seconds;
    // Adjacent surge buckets extend the open window; the peak keeps the largest bucket's measurements.
    if (!surges.empty() && surges.back().window_end == start) {
      Surge& open = surges.back();
      open.window_end = start + bucket_seconds;
      open.interactions = SaturatingAdd(open.interactions, series.interactions[idx]);
      if (candidate.mentions > open.mentions) {
        open.mentions = candidate.mentions;
        open.baseline = candidate.baseline;
        open.spread = candidate.spread;
        open.ratio = candidate.ratio;
        open.robust_z = candidate.robust_z;
        open.peak_start = start;
      }
      continue;
    }
    candidate.target_id = target_id;
    candidate.granularity = options.granularity;
    candidate.window_start = start;
    candidate.window_end = start + bucket_seconds;
    candidate.peak_start = start;
    candidate.interactions = series.interactions[idx];
    surges.push_back(std::move(candidate));
  }
  for (Surge& s : surges) AttachEvents(target_id, events, options.event_lookback_days, &s);
  return surges;
}

}  // namespace vigil
