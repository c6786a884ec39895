// Background posts (see background.h).
#include "examplegen/background.h"

#include <algorithm>
#include <cmath>

#include "examplegen/accounts.h"
#include "examplegen/core.h"
#include "examplegen/phrases.h"

namespace vigil::examplegen {
namespace {

// Expected posts per day at scale 1, by kind (order of BackgroundGenerator::Kind).
// Political chatter is "a few posts a day" per leading candidate, so no candidate's baseline is zero.
constexpr double kKindRates[] = {1.0, 0.5, 0.08, 0.3, 0.8, 0.15,   // not political
                                 2.0, 3.0, 1.5, 1.2, 0.6, 0.7};    // political
constexpr size_t kFirstPolitical = 6;
constexpr size_t kKinds = std::size(kKindRates);
constexpr double kDayJitterSigma = 0.15;
// On an event day all political chatter rises by the day's heat (1.6x); the event's own target gains a
// little more share, keeping its total rise near 2x ("mild", as organic attention is).
constexpr double kEventTargetBoost = 1.15;
constexpr double kFrenchOutletShare = 0.3;
constexpr double kFrenchUserShare = 0.2;
constexpr double kMissingLangShare = 0.08;

double NonPoliticalRate() {
  double sum = 0;
  for (size_t i = 0; i < kFirstPolitical; ++i) sum += kKindRates[i];
  return sum;
}

double PoliticalRate() {
  double sum = 0;
  for (size_t i = kFirstPolitical; i < kKinds; ++i) sum += kKindRates[i];
  return sum;
}

int64_t Round(double x) { return static_cast<int64_t>(std::llround(x)); }


struct TargetWeight {
  const char* id;
  double weight;
};

// Who ordinary people talk about depends on the period: Carney only enters politics in January 2025.
std::vector<TargetWeight> TargetWeights(const CivilDate& date) {
  if (date < CivilDate{2024, 1, 1}) {
    return {{"poilievre", 0.33}, {"trudeau", 0.33}, {"singh", 0.2}, {"chong", 0.14}};
  }
  if (date < CivilDate{2025, 1, 16}) {
    // Before entering the race Carney is talked about only as a possible contender ("carney-prerun").
    return {{"trudeau", 0.3}, {"poilievre", 0.26}, {"singh", 0.12}, {"freeland", 0.17}, {"carney-prerun", 0.15}};
  }
  if (date < CivilDate{2025, 3, 9}) {
    return {{"carney", 0.3}, {"freeland", 0.15}, {"poilievre", 0.28}, {"trudeau", 0.12}, {"singh", 0.15}};
  }
  return {{"carney", 0.4}, {"poilievre", 0.33}, {"singh", 0.22}, {"freeland", 0.05}};
}

}  // namespace

std::vector<double> BackgroundDayWeights(uint64_t seed, const std::vector<Day>& days) {
  Rng rng(seed, "background-volume");
  std::vector<double> weights;
  weights.reserve(days.size());
  for (const Day& day : days) {
    weights.push_back(rng.LogNormal(1.0, kDayJitterSigma) * (NonPoliticalRate() + PoliticalRate() * day.heat));
  }
  return weights;
}

std::vector<int64_t> AllocateCounts(const std::vector<double>& weights, int64_t total) {
  double sum = 0;
  for (double w : weights) sum += w;
  std::vector<int64_t> counts(weights.size(), 0);
  if (total <= 0 || sum <= 0) return counts;
  std::vector<std::pair<double, size_t>> remainders;
  int64_t assigned = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    const double exact = static_cast<double>(total) * weights[i] / sum;
    counts[i] = static_cast<int64_t>(std::floor(exact));
    assigned += counts[i];
    remainders.emplace_back(exact - static_cast<double>(counts[i]), i);
  }
  // Largest remainders first; ties by index keep the split reproducible.
  std::sort(remainders.begin(), remainders.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  for (size_t i = 0; assigned < total; i = (i + 1) % remainders.size(), ++assigned) ++counts[remainders[i].second];
  return counts;
}

BackgroundGenerator::BackgroundGenerator(uint64_t seed, double volume_factor)
    : rng_(seed, "background-posts"), url_rng_(seed, "background-urls"), factory_(url_rng_),
      volume_factor_(std::max(1.0, volume_factor)) {}

const Account& BackgroundGenerator::Cached(std::vector<std::optional<Account>>& cache, size_t index,
                                           Account (*make)(size_t)) {
  if (index >= cache.size()) cache.resize(index + 1);
  if (!cache[index]) cache[index] = make(index);
  return *cache[index];
}

size_t BackgroundGenerator::Pool(size_t base) const {
  return static_cast<size_t>(std::ceil(static_cast<double>(base) * volume_factor_));
}

const char* BackgroundGenerator::PickTarget(const Day& day) {
  std::vector<TargetWeight> targets = TargetWeights(day.date);
  std::vector<double> weights;
  for (const TargetWeight& t : targets) {
    // The event's own target draws extra attention that day.
    const bool boosted = day.event != nullptr && day.event->target_id == t.id;
    weights.push_back(boosted ? t.weight * kEventTargetBoost : t.weight);
  }
  return targets[rng_.Weighted(weights)].id;
}

std::vector<BackgroundGenerator::Slot> BackgroundGenerator::PlanDay(const Day& day, int64_t count) {
  factory_.ForgetWechatCounters();
  std::vector<double> weights(std::begin(kKindRates), std::end(kKindRates));
  for (size_t i = kFirstPolitical; i < kKinds; ++i) weights[i] *= day.heat;
  std::vector<Slot> slots(static_cast<size_t>(count));
  for (Slot& slot : slots) {
    const auto kind = static_cast<Kind>(rng_.Weighted(weights));
    slot.kind = static_cast<uint8_t>(kind);
    // Chinese platforms follow the +08:00 reading day; North American posts spread over the whole window.
    const bool chinese = kind == Kind::kLifestyle || kind == Kind::kFinance || kind == Kind::kZhNews ||
                         kind == Kind::kZhAmbiguous || kind == Kind::kWeiboChatter || kind == Kind::kWeiboPolitics;
    slot.time = chinese ? DrawWechatTime(rng_, day.start_utc) : day.start_utc + rng_.UniformInt(0, 86399);
  }
  std::stable_sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) { return a.time < b.time; });
  return slots;
}

Post BackgroundGenerator::Make(const Slot& slot, const Day& day) {
  Rng& r = rng_;
  const auto kind = static_cast<Kind>(slot.kind);
  const int64_t wechat_time = slot.time;
  const int64_t any_time = slot.time;
  switch (kind) {
    case Kind::kLifestyle:
    case Kind::kFinance:
    case Kind::kZhNews:
    case Kind::kZhAmbiguous: {
      const WechatKind wk = kind == Kind::kLifestyle ? WechatKind::kLifestyle
                            : kind == Kind::kFinance ? WechatKind::kFinance
                                                     : WechatKind::kLocalNews;
      static Account (*const kMakers[])(size_t) = {
          [](size_t i) { return BackgroundWechat(WechatKind::kLifestyle, i); },
          [](size_t i) { return BackgroundWechat(WechatKind::kFinance, i); },
          [](size_t i) { return BackgroundWechat(WechatKind::kLocalNews, i); }};
      const auto family = static_cast<size_t>(wk);
      const Account& account = Cached(wechat_cache_[family], r.Index(Pool(kBaseWechatAccountsPerKind)), kMakers[family]);
      Article a = kind == Kind::kLifestyle ? LifestyleArticle(r)
                  : kind == Kind::kFinance ? FinanceArticle(r)
                  : kind == Kind::kZhNews  ? ZhPoliticsNews(r, PickTarget(day), day.date)
                                           : ZhAmbiguousCarney(r);
      Post p = factory_.Wechat(account, wechat_time, std::move(a.title), std::move(a.text));
      const double reach = wk == WechatKind::kLocalNews ? 800 : 300;
      SetWechatInteractions(r, Round(r.LogNormal(reach, 0.9)), p.metrics);
      p.metrics.views = WechatReads(Round(r.LogNormal(reach * 12, 0.9)));
      if (r.Bernoulli(kMissingLangShare / 2)) p.lang.clear();
      return p;
    }
    case Kind::kWeiboChatter:
    case Kind::kWeiboPolitics: {
      const Account& account = Cached(weibo_cache_, r.Index(Pool(kBaseWeiboUsers)), WeiboUser);
      Post p = factory_.Weibo(account, wechat_time,
                              WeiboPost(r, kind == Kind::kWeiboPolitics ? PickTarget(day) : ""));
      p.metrics.likes = Count::Exact(WeiboDisplayed(Round(r.LogNormal(150, 1.6))));
      p.metrics.shares = Count::Exact(WeiboDisplayed(Round(r.LogNormal(20, 1.6))));
      p.metrics.comments = Count::Exact(WeiboDisplayed(Round(r.LogNormal(30, 1.4))));
      return p;
    }
    case Kind::kXChatter:
    case Kind::kEnAmbiguous:
    case Kind::kXUser: {
      const size_t index = r.Index(Pool(kBaseXUsers));
      const Account& account = Cached(x_cache_, index, XUser);
      const bool french = r.Bernoulli(kFrenchUserShare);
      ShortPost s = kind == Kind::kXChatter    ? ChatterPost(r, french)
                    : kind == Kind::kXUser      ? UserPost(r, PickTarget(day), french)
                                                : AmbiguousCarneyPost(r);
      // Users live in Eastern or Pacific time.
      const int32_t offset = EasternOffsetMinutes(any_time) - (index % 3 == 0 ? 180 : 0);
      Post p = factory_.X(account, any_time, offset, std::move(s.text));
      p.lang = r.Bernoulli(kMissingLangShare) ? "" : s.lang;
      p.metrics.views = Count::Exact(XViewsDisplayed(Round(r.LogNormal(900, 1.3))));
      p.metrics.likes = Count::Exact(Round(r.LogNormal(10, 1.2)));
      p.metrics.shares = Count::Exact(Round(r.LogNormal(2, 1.2)));
      p.metrics.comments = Count::Exact(Round(r.LogNormal(3, 1.0)));
      return p;
    }
    case Kind::kXOutlet:
    case Kind::kFacebook:
    case Kind::kTelegram:
      break;
  }
  const bool french = r.Bernoulli(kind == Kind::kTelegram ? 0.5 : kFrenchOutletShare);
  const std::string platform = kind == Kind::kXOutlet ? "x" : kind == Kind::kFacebook ? "facebook" : "telegram";
  const Account account = Outlet(platform, french, r.Index(Pool(kBaseOutlets)));
  ShortPost s = OutletPost(r, PickTarget(day), french);
  if (kind == Kind::kTelegram) {
    Post p = factory_.Telegram(account, any_time, std::move(s.text));
    p.lang = s.lang;
    p.metrics.views = Count::Exact(Round(r.LogNormal(3000, 0.7)));
    p.metrics.reactions = Count::Exact(Round(r.LogNormal(25, 0.9)));
    return p;
  }
  const int32_t offset = EasternOffsetMinutes(any_time);
  if (kind == Kind::kFacebook) {
    Post p = factory_.Facebook(account, any_time, offset, std::move(s.text));
    p.lang = s.lang;
    p.metrics.reactions = Count::Exact(Round(r.LogNormal(300, 0.9)));
    p.metrics.comments = Count::Exact(Round(r.LogNormal(80, 1.0)));
    p.metrics.shares = Count::Exact(Round(r.LogNormal(40, 1.0)));
    return p;
  }
  Post p = factory_.X(account, any_time, offset, std::move(s.text));
  p.lang = s.lang;
  p.metrics.views = Count::Exact(XViewsDisplayed(Round(r.LogNormal(25000, 0.9))));
  p.metrics.likes = Count::Exact(Round(r.LogNormal(120, 0.8)));
  p.metrics.shares = Count::Exact(Round(r.LogNormal(30, 0.9)));
  p.metrics.comments = Count::Exact(Round(r.LogNormal(25, 1.0)));
  return p;
}

}  // namespace vigil::examplegen
