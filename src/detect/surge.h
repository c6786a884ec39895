// Surge detection: per target, mention volume per day (or hour) against a trailing robust baseline.
// A surge names its window, its size against the baseline and the events just before it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vigil/findings.h"

namespace vigil {

struct SurgeOptions {
  Granularity granularity = Granularity::kDay;
  int baseline_buckets = 28;       // trailing buckets forming the baseline (28 days, or 28 hours... see Hourly)
  int64_t min_mentions = 5;        // a surge needs at least this many mentions in its peak bucket
  double min_ratio = 3.0;          // ... and this multiple of the baseline median
  double min_robust_z = 3.5;       // ... and this many robust deviations above it
  double baseline_floor = 1.0;     // a silent baseline counts as this many mentions per bucket
  int64_t event_lookback_days = 3; // events up to this long before the peak day are "preceding"

  static SurgeOptions Daily() { return {}; }
  static SurgeOptions Hourly() {
    SurgeOptions o;
    o.granularity = Granularity::kHour;
    o.baseline_buckets = 7 * 24;
    o.min_mentions = 8;
    o.min_ratio = 5.0;
    return o;
  }
};

// One mention of the target: when, and the interactions of its post (for the surge's reach).
struct MentionEvent {
  int64_t at = 0;
  int64_t interactions = 0;
};

// Finds surges of one target's mentions. `events` are the configuration's events (any target); only those
// without a target or for `target_id` are attached. `mentions` need not be sorted.
std::vector<Surge> DetectSurges(const std::string& target_id, std::vector<MentionEvent> mentions,
                                const std::vector<Event>& events, const SurgeOptions& options);

}  // namespace vigil
