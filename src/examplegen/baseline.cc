// The core's steady parts: state-media output (the engagement baseline), Youli-Youmian's ordinary daily
// articles, and the amplifier accounts' rare local posts.
#include <cmath>

#include "examplegen/core.h"

namespace vigil::examplegen {
namespace {

constexpr double kStateMediaMedianInteractions = 30000;
constexpr double kStateMediaSigma = 0.3;
// 2, 3 or 4 articles a day per outlet (weights of 0, 1, 2 extra beyond two).
const std::vector<double> kStateMediaExtraArticles = {0.5, 0.4, 0.1};
constexpr double kYouliMedianInteractions = 40000;
constexpr double kYouliSigma = 0.25;
constexpr double kAmplifierDailyPostChance = 0.06;  // "post rarely"

int64_t Round(double x) { return static_cast<int64_t>(std::llround(x)); }

// Reads per interaction vary by account and article; most widely shared articles pass WeChat's 10万+ cap.
void SetArticleMetrics(Rng& rng, double median, double sigma, double reads_lo, double reads_hi, Metrics& m) {
  const int64_t interactions = Round(rng.LogNormal(median, sigma));
  SetWechatInteractions(rng, interactions, m);
  m.views = WechatReads(Round(static_cast<double>(interactions) * rng.Uniform(reads_lo, reads_hi)));
}

}  // namespace

void AddStateMediaBaseline(uint64_t seed, const std::vector<Day>& days, PostFactory& factory,
                           std::vector<Post>& out) {
  Rng rng(seed, "state-media");
  for (const Day& day : days) {
    for (const Account& account : StateMediaAccounts()) {
      const int64_t articles = 2 + static_cast<int64_t>(rng.Weighted(kStateMediaExtraArticles));
      for (int64_t i = 0; i < articles; ++i) {
        Article a = StateMediaArticle(rng);
        Post p = factory.Wechat(account, DrawWechatTime(rng, day.start_utc), std::move(a.title), std::move(a.text));
        SetArticleMetrics(rng, kStateMediaMedianInteractions, kStateMediaSigma, 2.5, 6.0, p.metrics);
        out.push_back(std::move(p));
      }
      // On an event day a neutral brief about Canada, from about half the outlets.
      if (day.event != nullptr && rng.Bernoulli(0.5)) {
        Article a = StateMediaCanadaBrief(rng, *day.event);
        Post p = factory.Wechat(account, DrawWechatTime(rng, day.start_utc), std::move(a.title), std::move(a.text));
        SetArticleMetrics(rng, kStateMediaMedianInteractions, kStateMediaSigma, 2.5, 6.0, p.metrics);
        out.push_back(std::move(p));
      }
    }
  }
}

void AddYouliDaily(uint64_t seed, const std::vector<Day>& days, PostFactory& factory, std::vector<Post>& out) {
  Rng rng(seed, "youli-daily");
  for (const Day& day : days) {
    const auto articles = static_cast<size_t>(rng.UniformInt(1, 2));
    for (size_t title : rng.Sample(YouliDailyTitleCount(), articles)) {  // two different stories a day
      Article a = YouliDailyArticle(rng, title);
      Post p = factory.Wechat(YouliYoumian(), DrawWechatTime(rng, day.start_utc), std::move(a.title),
                              std::move(a.text));
      SetArticleMetrics(rng, kYouliMedianInteractions, kYouliSigma, 4.0, 12.0, p.metrics);
      out.push_back(std::move(p));
    }
  }
}

void AddAmplifierChatter(uint64_t seed, const std::vector<Day>& days, PostFactory& factory, std::vector<Post>& out) {
  Rng rng(seed, "amplifier-chatter");
  for (const Day& day : days) {
    for (const Account& account : AmplifierAccounts()) {
      if (!rng.Bernoulli(kAmplifierDailyPostChance)) continue;
      Article a = LocalNoticeArticle(rng);
      Post p = factory.Wechat(account, DrawWechatTime(rng, day.start_utc), std::move(a.title), std::move(a.text));
      SetWechatInteractions(rng, Round(rng.LogNormal(60, 0.8)), p.metrics);
      p.metrics.views = WechatReads(Round(rng.LogNormal(900, 0.6)));
      out.push_back(std::move(p));
    }
  }
}

}  // namespace vigil::examplegen
