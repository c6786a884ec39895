#include "detect/surge.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "common/saturating.h"
#include "common/time.h"
#include "detect/count_tail.h"

namespace vigil {
namespace {

// Jeffreys prior for a Poisson rate: a silent baseline of n buckets estimates 0.5 / n mentions per bucket,
// never zero, so a first mention after long silence is measured rather than divided by a floor.
constexpr double kJeffreysPrior = 0.5;

struct BaselineRate {
  double rate = 0;        // expected mentions per bucket
  double dispersion = 0;  // negative binomial: variance = rate + dispersion * rate^2
  int64_t buckets = 0;
};

// How many of the sorted `buckets` lie in [from, to).
int64_t CountIn(const std::vector<int64_t>& buckets, int64_t from, int64_t to) {
  return std::lower_bound(buckets.begin(), buckets.end(), to) - std::lower_bound(buckets.begin(), buckets.end(), from);
}

// The baseline of the bucket at series[pos]: the trailing buckets that hold data, leaving out buckets already
// found to be surges (an earlier burst must not hide the next one). Data buckets absent from the sparse
// series had no mentions of the target.
std::optional<BaselineRate> BaselineBefore(const std::vector<SparseBucket>& series, size_t pos,
                                           const std::vector<int64_t>& data_buckets,
                                           const std::vector<int64_t>& surge_buckets, const SurgeOptions& o) {
  const int64_t bucket = series[pos].index;
  const int64_t from = bucket - o.baseline_buckets;
  const int64_t buckets = CountIn(data_buckets, from, bucket) - CountIn(surge_buckets, from, bucket);
  if (buckets < o.min_baseline_buckets) return std::nullopt;
  double sum = 0, sum_squares = 0;
  for (size_t k = pos; k-- > 0 && series[k].index >= from;) {
    if (std::binary_search(surge_buckets.begin(), surge_buckets.end(), series[k].index)) continue;
    const auto c = static_cast<double>(series[k].mentions);
    sum += c;
    sum_squares += c * c;
  }
  const auto n = static_cast<double>(buckets);
  const double mean = sum / n;
  const double variance = n > 1 ? (sum_squares - n * mean * mean) / (n - 1) : 0;
  BaselineRate b;
  b.buckets = buckets;
  b.rate = (sum + kJeffreysPrior) / n;
  // Method of moments for the extra-Poisson variation, never below the configured floor.
  b.dispersion = mean > 0 ? std::max(o.min_dispersion, (variance - mean) / (mean * mean)) : o.min_dispersion;
  return b;
}

// Buckets that can be tested: enough mentions, and past the warm-up (enough baseline buckets with data).
size_t CountTestable(const std::vector<SparseBucket>& series, const std::vector<int64_t>& data_buckets,
                     const SurgeOptions& o) {
  return static_cast<size_t>(std::count_if(series.begin(), series.end(), [&](const SparseBucket& b) {
    return b.mentions >= o.min_mentions &&
           CountIn(data_buckets, b.index - o.baseline_buckets, b.index) >= o.min_baseline_buckets;
  }));
}

// Is the bucket at series[pos] a surge? Fills the measurements into *surge.
bool IsSurgeBucket(const std::vector<SparseBucket>& series, size_t pos, const std::vector<int64_t>& data_buckets,
                   const std::vector<int64_t>& surge_buckets, double p_threshold, const SurgeOptions& o, Surge* surge) {
  const SparseBucket& b = series[pos];
  if (b.mentions < o.min_mentions) return false;
  const auto baseline = BaselineBefore(series, pos, data_buckets, surge_buckets, o);
  if (!baseline) return false;
  const double ratio = static_cast<double>(b.mentions) / baseline->rate;
  const double p = NegativeBinomialUpperTail(b.mentions, baseline->rate, baseline->dispersion);
  if (ratio < o.min_ratio || !(p <= p_threshold)) return false;
  surge->mentions = b.mentions;
  surge->baseline = baseline->rate;
  surge->baseline_buckets = baseline->buckets;
  surge->dispersion = baseline->dispersion;
  surge->ratio = ratio;
  surge->p_value = p;
  surge->p_threshold = p_threshold;
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

// Adds a surge bucket to the open window when adjacent, else opens a new window; the peak keeps the largest
// bucket's measurements.
void AddToWindows(Surge candidate, int64_t start, int64_t bucket_seconds, int64_t interactions, std::vector<Surge>* surges) {
  if (!surges->empty() && surges->back().window_end == start) {
    Surge& open = surges->back();
    open.window_end = start + bucket_seconds;
    open.interactions = SaturatingAdd(open.interactions, interactions);
    if (candidate.mentions > open.mentions) {
      candidate.window_start = open.window_start;
      candidate.window_end = open.window_end;
      candidate.interactions = open.interactions;
      candidate.peak_start = start;
      open = std::move(candidate);
    }
    return;
  }
  candidate.window_start = start;
  candidate.window_end = start + bucket_seconds;
  candidate.peak_start = start;
  candidate.interactions = interactions;
  surges->push_back(std::move(candidate));
}

}  // namespace

std::vector<SparseBucket> BucketMentions(std::vector<MentionEvent> mentions, int64_t bucket_seconds) {
  std::sort(mentions.begin(), mentions.end(), [](const MentionEvent& a, const MentionEvent& b) { return a.at < b.at; });
  std::vector<SparseBucket> series;
  for (const MentionEvent& m : mentions) {
    const int64_t index = FloorDiv(m.at, bucket_seconds);
    if (series.empty() || series.back().index != index) series.push_back({index, 0, 0});
    series.back().mentions += 1;
    series.back().interactions = SaturatingAdd(series.back().interactions, m.interactions);
  }
  return series;
}

int64_t BucketSeconds(Granularity granularity) {
  return granularity == Granularity::kDay ? kSecondsPerDay : kSecondsPerHour;
}

std::vector<int64_t> BucketsWithData(const std::vector<Post>& posts, Granularity granularity) {
  const int64_t bucket_seconds = BucketSeconds(granularity);
  std::vector<int64_t> buckets;
  for (const Post& p : posts) {
    const int64_t bucket = FloorDiv(p.published_at, bucket_seconds);
    if (buckets.empty() || buckets.back() != bucket) buckets.push_back(bucket);
  }
  return buckets;
}

std::vector<Surge> DetectSurges(const std::string& target_id, std::vector<MentionEvent> mentions,
                                const std::vector<Event>& events, const std::vector<int64_t>& data_buckets,
                                const SurgeOptions& options) {
  std::vector<Surge> surges;
  if (mentions.empty()) return surges;
  const int64_t bucket_seconds = BucketSeconds(options.granularity);
  const std::vector<SparseBucket> series = BucketMentions(std::move(mentions), bucket_seconds);
  const size_t tests = CountTestable(series, data_buckets, options);
  if (tests == 0) return surges;
  const double p_threshold = options.family_alpha / static_cast<double>(tests);

  std::vector<int64_t> surge_buckets;  // ascending: appended in time order
  for (size_t pos = 0; pos < series.size(); ++pos) {
    Surge candidate;
    if (!IsSurgeBucket(series, pos, data_buckets, surge_buckets, p_threshold, options, &candidate)) continue;
    surge_buckets.push_back(series[pos].index);
    candidate.target_id = target_id;
    candidate.granularity = options.granularity;
    AddToWindows(std::move(candidate), series[pos].index * bucket_seconds, bucket_seconds, series[pos].interactions,
                 &surges);
  }
  for (Surge& s : surges) AttachEvents(target_id, events, options.event_lookback_days, &s);
  return surges;
}

}  // namespace vigil
