// Per-platform engagement (see metrics.h).
#include "scenarios/metrics.h"

#include <algorithm>
#include <cmath>

#include "examplegen/post_factory.h"

namespace vigil::scenarios {
namespace {

int64_t Part(int64_t total, double share) {
  return static_cast<int64_t>(std::llround(static_cast<double>(total) * share));
}

}  // namespace

const PlatformEngagement& EngagementOn(const std::string& platform) {
  static const PlatformEngagement kWechat{30000, 0.3, 800, 300};
  static const PlatformEngagement kWeibo{6000, 0.5, 500, 60};
  static const PlatformEngagement kX{400, 0.6, 250, 15};
  static const PlatformEngagement kFacebook{1500, 0.6, 420, 20};
  static const PlatformEngagement kTelegram{900, 0.5, 60, 10};
  if (platform == "wechat") return kWechat;
  if (platform == "weibo") return kWeibo;
  if (platform == "facebook") return kFacebook;
  if (platform == "telegram") return kTelegram;
  return kX;
}

void SetEngagement(examplegen::Rng& rng, const std::string& platform, int64_t interactions, Metrics& m) {
  interactions = std::max<int64_t>(0, interactions);
  if (platform == "wechat") {
    examplegen::SetWechatInteractions(rng, interactions, m);
    m.views = examplegen::WechatReads(Part(interactions, rng.Uniform(3.0, 8.0)));
    return;
  }
  if (platform == "weibo") {
    m.likes = Count::Exact(examplegen::WeiboDisplayed(Part(interactions, 0.7)));
    m.shares = Count::Exact(examplegen::WeiboDisplayed(Part(interactions, 0.15)));
    m.comments = Count::Exact(examplegen::WeiboDisplayed(Part(interactions, 0.15)));
    return;
  }
  if (platform == "telegram") {
    m.reactions = Count::Exact(Part(interactions, 0.8));
    m.shares = Count::Exact(Part(interactions, 0.2));
    m.views = Count::Exact(Part(interactions, rng.Uniform(20.0, 50.0)));
    return;
  }
  if (platform == "facebook") {
    m.reactions = Count::Exact(Part(interactions, 0.7));
    m.comments = Count::Exact(Part(interactions, 0.2));
    m.shares = Count::Exact(Part(interactions, 0.1));
    return;
  }
  m.likes = Count::Exact(Part(interactions, 0.75));
  m.shares = Count::Exact(Part(interactions, 0.15));
  m.comments = Count::Exact(Part(interactions, 0.1));
  m.views = Count::Exact(examplegen::XViewsDisplayed(Part(interactions, rng.Uniform(30.0, 80.0))));
}

}  // namespace vigil::scenarios
