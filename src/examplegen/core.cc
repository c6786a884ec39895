// The case's core posts, assembled from the baseline and the campaigns (see core.h).
#include "examplegen/core.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace vigil::examplegen {
namespace {

// Relative chance of a WeChat article in each local hour (00..23): morning and evening reading peaks.
const std::vector<double> kWechatHourWeights = {0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.5, 1.5, 2.0, 1.5, 1.0, 1.0,
                                                1.5, 1.0, 0.8, 0.8, 0.8, 1.0, 1.5, 1.8, 2.0, 2.0, 1.5, 0.8};
constexpr double kRepostDelayMedian = 150;  // seconds
constexpr double kRepostDelaySigma = 0.7;

}  // namespace

int64_t DrawWechatTime(Rng& rng, int64_t day_start) {
  const auto hour = static_cast<int64_t>(rng.Weighted(kWechatHourWeights));
  return day_start + hour * 3600 + rng.UniformInt(0, 3599);
}

int64_t DrawRepostDelay(Rng& rng) {
  const auto delay = static_cast<int64_t>(std::llround(rng.LogNormal(kRepostDelayMedian, kRepostDelaySigma)));
  return std::clamp(delay, kRepostDelayMin, kRepostDelayMax);
}

Post AmplifierRepost(Rng& rng, PostFactory& factory, const Account& amplifier, const Post& source, int64_t delay) {
  Post p = factory.Wechat(amplifier, source.published_at + delay, source.title,
                          NearDuplicate(rng, Article{source.title, source.text}));
  p.repost_of = source.id;
  p.links = {source.url};
  SetWechatInteractions(rng, static_cast<int64_t>(std::llround(rng.LogNormal(450, 0.7))), p.metrics);
  p.metrics.views = WechatReads(static_cast<int64_t>(std::llround(rng.LogNormal(4000, 0.8))));
  return p;
}

bool PostOrder(const Post& a, const Post& b) {
  return std::tie(a.published_at, a.platform, a.id) < std::tie(b.published_at, b.platform, b.id);
}

std::vector<Post> GenerateCore(uint64_t seed, const std::vector<Day>& days) {
  Rng url_rng(seed, "core-urls");
  PostFactory factory(url_rng);
  std::vector<Post> out;
  AddStateMediaBaseline(seed, days, factory, out);
  AddYouliDaily(seed, days, factory, out);
  AddAmplifierChatter(seed, days, factory, out);
  AddChongCampaign(seed, factory, out);
  AddFreelandCampaign(seed, factory, out);
  AddCarneyOperation(seed, factory, out);
  std::sort(out.begin(), out.end(), PostOrder);
  return out;
}

}  // namespace vigil::examplegen
