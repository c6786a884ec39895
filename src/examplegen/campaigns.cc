// The operation's campaigns: Michael Chong (May 2023), Chrystia Freeland (Jan-Feb 2025) and Mark Carney
// (the 2025-03-10 and 2025-03-25 clusters and scattered articles), each boosted by the amplifier network.
#include <algorithm>
#include <cmath>

#include "common/time.h"
#include "examplegen/core.h"

namespace vigil::examplegen {
namespace {

constexpr int64_t kMainPraiseViewsMin = 2200000;  // the account's published analytics for its main articles
constexpr int64_t kMainPraiseViewsMax = 2600000;
constexpr int64_t kMainAttackViewsMin = 2850000;
constexpr int64_t kMainAttackViewsMax = 3000000;  // "up to 3 million views"
constexpr double kExactViewsShare = 0.5;          // cluster articles whose exact reads were published
constexpr double kSecondaryRepostChance = 0.25;   // an amplifier also reposts a cluster's other articles
constexpr size_t kChongNetworkAmplifiers = 10;

int64_t Round(double x) { return static_cast<int64_t>(std::llround(x)); }

int64_t At(const CivilDate& date, int hour, int minute, Rng& rng) {
  return LocalTime(date, hour, minute, static_cast<int>(rng.UniformInt(0, 59)), kChinaOffsetMinutes);
}

Post YouliArticle(Rng& rng, PostFactory& factory, int64_t when, Article a, double median, double sigma) {
  Post p = factory.Wechat(YouliYoumian(), when, std::move(a.title), std::move(a.text));
  const int64_t interactions = Round(rng.LogNormal(median, sigma));
  SetWechatInteractions(rng, interactions, p.metrics);
  p.metrics.views = WechatReads(Round(static_cast<double>(interactions) * rng.Uniform(4.0, 12.0)));
  return p;
}

Post CarneyArticle(Rng& rng, PostFactory& factory, int64_t when, Article a) {
  Post p = factory.Wechat(YouliYoumian(), when, std::move(a.title), std::move(a.text));
  SetWechatInteractions(rng, rng.UniformInt(kCarneyInteractionsMin, kCarneyInteractionsMax), p.metrics);
  const int64_t reads = rng.UniformInt(500000, 1800000);
  p.metrics.views = rng.Bernoulli(kExactViewsShare) ? Count::Exact(reads) : WechatReads(reads);
  return p;
}

// One day's cluster: the main article early in the morning, the rest through the day; every amplifier in
// `reposting` reposts the main article within minutes, and some repost the others later.
void CarneyCluster(Rng& rng, PostFactory& factory, const CivilDate& date, Article (*compose)(Rng&, size_t),
                   int64_t main_views_min, int64_t main_views_max, size_t reposting, std::vector<Post>& out) {
  const int64_t count = rng.UniformInt(6, 7);
  std::vector<int64_t> times = {At(date, 8, static_cast<int>(rng.UniformInt(0, 25)), rng)};
  for (int64_t i = 1; i < count; ++i) {
    times.push_back(At(date, static_cast<int>(rng.UniformInt(9, 21)), static_cast<int>(rng.UniformInt(0, 59)), rng));
  }
  std::sort(times.begin(), times.end());
  std::vector<Post> cluster;
  const std::vector<size_t> titles = rng.Sample(kCarneyTitleCount, times.size());
  for (size_t i = 0; i < times.size(); ++i) {
    cluster.push_back(CarneyArticle(rng, factory, times[i], compose(rng, titles[i])));
  }
  cluster.front().metrics.views = Count::Exact(rng.UniformInt(main_views_min, main_views_max));

  const auto& amplifiers = AmplifierAccounts();
  for (size_t idx : rng.Sample(amplifiers.size(), reposting)) {
    out.push_back(AmplifierRepost(rng, factory, amplifiers[idx], cluster.front(), DrawRepostDelay(rng)));
    for (size_t i = 1; i < cluster.size(); ++i) {
      if (rng.Bernoulli(kSecondaryRepostChance)) {
        out.push_back(AmplifierRepost(rng, factory, amplifiers[idx], cluster[i], rng.UniformInt(900, 7200)));
      }
    }
  }
  for (Post& p : cluster) out.push_back(std::move(p));
}

}  // namespace

void AddCarneyOperation(uint64_t seed, PostFactory& factory, std::vector<Post>& out) {
  Rng rng(seed, "carney-operation");
  const size_t all = AmplifierAccounts().size();
  CarneyCluster(rng, factory, {2025, 3, 10}, CarneyPraiseArticle, kMainPraiseViewsMin, kMainPraiseViewsMax, all - 3,
                out);
  CarneyCluster(rng, factory, {2025, 3, 25}, CarneyAttackArticle, kMainAttackViewsMin, kMainAttackViewsMax, all,
                out);
  // A few scattered pieces between and after the clusters, mixing praise and doubt.
  static const CivilDate kScattered[] = {{2025, 3, 14}, {2025, 3, 19}, {2025, 4, 3}, {2025, 4, 11}, {2025, 4, 22}};
  for (const CivilDate& date : kScattered) {
    Post p = CarneyArticle(rng, factory, At(date, static_cast<int>(rng.UniformInt(8, 21)), 0, rng),
                           CarneyMixedArticle(rng));
    p.metrics.views = WechatReads(p.metrics.views.value);
    out.push_back(std::move(p));
  }
}

void AddChongCampaign(uint64_t seed, PostFactory& factory, std::vector<Post>& out) {
  Rng rng(seed, "chong-campaign");
  const CivilDate first{2023, 5, 4};
  constexpr int kDays = 10;  // 2023-05-04..05-13
  const auto& amplifiers = AmplifierAccounts();
  const std::vector<size_t> network = rng.Sample(amplifiers.size(), kChongNetworkAmplifiers);
  const std::vector<size_t> youli_days = rng.Sample(kDays, 6);
  for (size_t offset : youli_days) {
    const CivilDate date = CivilFromDays(first.DaysSinceEpoch() + static_cast<int64_t>(offset));
    Post p = YouliArticle(rng, factory, At(date, static_cast<int>(rng.UniformInt(7, 20)), 0, rng),
                          ChongCampaignArticle(rng, date), 55000, 0.2);
    for (size_t idx : network) {
      if (rng.Bernoulli(0.8)) out.push_back(AmplifierRepost(rng, factory, amplifiers[idx], p, DrawRepostDelay(rng)));
    }
    out.push_back(std::move(p));
  }
  // State media carry the same narratives (about a third of the network's accounts).
  for (const Account& account : StateMediaAccounts()) {
    const int64_t articles = rng.UniformInt(1, 2);
    for (int64_t i = 0; i < articles; ++i) {
      const CivilDate date = CivilFromDays(first.DaysSinceEpoch() + rng.UniformInt(0, kDays - 1));
      Article a = ChongCampaignArticle(rng, date);
      Post p = factory.Wechat(account, DrawWechatTime(rng, LocalTime(date, 0, 0, 0, kChinaOffsetMinutes)),
                              std::move(a.title), std::move(a.text));
      const int64_t interactions = Round(rng.LogNormal(30000, 0.3));
      SetWechatInteractions(rng, interactions, p.metrics);
      p.metrics.views = WechatReads(interactions * 4);
      out.push_back(std::move(p));
    }
  }
}

void AddFreelandCampaign(uint64_t seed, PostFactory& factory, std::vector<Post>& out) {
  Rng rng(seed, "freeland-campaign");
  static const CivilDate kYouliDays[] = {{2025, 1, 29}, {2025, 1, 31}, {2025, 2, 2}};
  const auto& amplifiers = AmplifierAccounts();
  bool first = true;
  for (const CivilDate& date : kYouliDays) {
    Post p = YouliArticle(rng, factory, At(date, static_cast<int>(rng.UniformInt(7, 20)), 0, rng),
                          FreelandCampaignArticle(rng), 48000, 0.15);
    // Every amplifier reposts the first article; most repost the later ones too.
    for (const Account& amp : amplifiers) {
      if (first || rng.Bernoulli(0.6)) out.push_back(AmplifierRepost(rng, factory, amp, p, DrawRepostDelay(rng)));
    }
    first = false;
    out.push_back(std::move(p));
  }
  static const CivilDate kStateDays[] = {{2025, 1, 30}, {2025, 2, 3}};
  for (size_t i = 0; i < std::size(kStateDays); ++i) {
    const Account& account = StateMediaAccounts()[i == 0 ? 2 : 1];  // 环球时报, then 新华社
    Article a = FreelandCampaignArticle(rng);
    Post p = factory.Wechat(account, DrawWechatTime(rng, LocalTime(kStateDays[i], 0, 0, 0, kChinaOffsetMinutes)),
                            std::move(a.title), std::move(a.text));
    const int64_t interactions = Round(rng.LogNormal(30000, 0.3));
    SetWechatInteractions(rng, interactions, p.metrics);
    p.metrics.views = WechatReads(interactions * 4);
    out.push_back(std::move(p));
  }
}

}  // namespace vigil::examplegen
