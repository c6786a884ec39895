// Surge detection: per target, mention volume per day (or hour) against the trailing baseline that the data
// holds. A bucket is a surge when so many mentions are improbable under the baseline rate (a negative
// binomial tail, corrected for the number of buckets tested) and far above it. A surge names its window, its
// size against the baseline, its p-value and the events just before it. Only buckets in which the data has
// posts form baselines: days before an export starts, or inside a gap of it, are unknown, not silent. Cost
// follows the posts, not the span of their dates: only buckets with posts are stored.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vigil/findings.h"

namespace vigil {

struct SurgeOptions {
  Granularity granularity = Granularity::kDay;
  int baseline_buckets = 28;         // trailing buckets forming the baseline (28 days; see Hourly)
  // Warm-up: a bucket is tested only when at least this many of its baseline buckets hold data.
  int min_baseline_buckets = 3;
  int64_t min_mentions = 5;          // a surge needs at least this many mentions in its peak bucket
  double min_ratio = 3.0;            // ... this multiple of the baseline rate (organic attention doubles)
  // ... and a tail probability under the baseline at or below family_alpha / (buckets tested): the chance
  // of one false surge per target over the whole data is at most family_alpha.
  double family_alpha = 0.01;
  // Day-to-day variation of organic attention beyond Poisson: the negative binomial's variance is at least
  // rate + min_dispersion * rate^2 (larger when the baseline itself varies more).
  double min_dispersion = 0.1;
  int64_t event_lookback_days = 3;   // events up to this long before the peak day are "preceding"

  static SurgeOptions Daily() { return {}; }
  static SurgeOptions Hourly() {
    SurgeOptions o;
    o.granularity = Granularity::kHour;
    o.baseline_buckets = 7 * 24;
    o.min_baseline_buckets = 12;
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

// Mentions per bucket, only for buckets that have any, by bucket.
struct SparseBucket {
  int64_t index = 0;  // floor(time / bucket seconds)
  int64_t mentions = 0;
  int64_t interactions = 0;
};
std::vector<SparseBucket> BucketMentions(std::vector<MentionEvent> mentions, int64_t bucket_seconds);

// Seconds per bucket of a granularity.
int64_t BucketSeconds(Granularity granularity);

// The buckets in which the analysed data has any post (about any target or none), ascending.
// REQUIRES: posts sorted by published_at.
std::vector<int64_t> BucketsWithData(const std::vector<Post>& posts, Granularity granularity);

// Finds surges of one target's mentions. `data_buckets` are BucketsWithData of the analysed posts for the
// options' granularity: only those buckets form baselines. `events` are the configuration's events (any
// target); only those without a target or for `target_id` are attached. `mentions` need not be sorted.
// REQUIRES: every mention falls in one of `data_buckets`.
std::vector<Surge> DetectSurges(const std::string& target_id, std::vector<MentionEvent> mentions,
                                const std::vector<Event>& events, const std::vector<int64_t>& data_buckets,
                                const SurgeOptions& options);

}  // namespace vigil
