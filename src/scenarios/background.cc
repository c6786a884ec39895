// The organic background (see parts.h): who talks about the candidates when no operation is running.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "scenarios/metrics.h"
#include "scenarios/parts.h"

namespace vigil::scenarios {
namespace {

// Posts naming a candidate per day at volume 1: the two best-known watched candidates draw more attention.
constexpr double kLeadingMentionsPerDay = 3.0;
constexpr double kOtherMentionsPerDay = 1.5;
constexpr double kChatterPerDay = 8.0;
constexpr double kEventTargetBoost = 1.3;  // the event's own candidate draws a little more that day
constexpr double kDayJitterSigma = 0.15;
constexpr double kMissingLangShare = 0.08;  // exports often lack a language field
constexpr size_t kUsersPerPlatform = 150;   // at volume 1
constexpr size_t kLocalOutlets = 4;
constexpr double kFrenchShare = 0.25;  // of Canadian posts

enum class Source { kXUser, kXOutlet, kFacebookOutlet, kTelegramOutlet, kWechatNews, kWeiboUser, kFacebookUser };
const std::vector<double> kSourceWeights = {0.40, 0.12, 0.10, 0.03, 0.15, 0.15, 0.05};

enum class Chatter { kX, kWeibo, kWechatLifestyle };
const std::vector<double> kChatterWeights = {0.45, 0.25, 0.3};

// Local outlets (not the national ones the outlet look-alike uses): "<city> Today".
Account LocalOutlet(const Country& country, const std::string& platform, size_t index, Lang lang) {
  static const std::vector<std::string> kSuffixEn = {"Today", "Star", "Daily", "Post"};
  const std::string& city = country.cities_en[index % country.cities_en.size()];
  std::string name = IsChinese(lang)     ? country.cities_zh[index % country.cities_zh.size()] + "日报"
                     : lang == Lang::kFr ? "Le Journal de " + city
                                         : city + " " + kSuffixEn[index % kSuffixEn.size()];
  std::string id = examplegen::Slug(city + (lang == Lang::kFr ? "journal" : kSuffixEn[index % kSuffixEn.size()]));
  if (platform == "telegram") id += "_news";
  return {platform, id, std::move(name), id};
}

Account WechatAccount(const Country& country, const std::string& kind, size_t index) {
  const std::string id = fmt::format("wx-{}-{:04d}", kind, index);
  const std::string& city = country.cities_zh[index % country.cities_zh.size()];
  const char* suffix = kind == "news" ? "华人资讯" : "生活圈";
  return {"wechat", id, city + suffix, id};
}

int64_t Interactions(Rng& rng, double median, double sigma) {
  return static_cast<int64_t>(std::llround(rng.LogNormal(median, sigma)));
}

class BackgroundWriter {
 public:
  explicit BackgroundWriter(ScenarioBuilder& b)
      : b_(b),
        rng_(b.Stream("background")),
        users_(static_cast<size_t>(std::ceil(kUsersPerPlatform * b.size().volume))) {}

  void Run() {
    const World& w = b_.world();
    for (const WorldDay& day : w.days) {
      const double jitter = rng_.LogNormal(1.0, kDayJitterSigma);
      for (size_t t = 0; t < w.targets.size(); ++t) {
        const bool boosted = day.event && day.event->target_id == w.targets[t]->id;
        const double rate = (t < 2 ? kLeadingMentionsPerDay : kOtherMentionsPerDay) * day.heat * jitter *
                            (boosted ? kEventTargetBoost : 1.0) * b_.size().volume;
        for (int64_t n = DrawCount(rng_, rate); n > 0; --n) Mention(day, *w.targets[t]);
      }
      for (int64_t n = DrawCount(rng_, kChatterPerDay * jitter * b_.size().volume); n > 0; --n) Chat(day);
    }
  }

 private:
  void Mention(const WorldDay& day, const Candidate& target) {
    const Country& country = *b_.world().country;
    const auto source = static_cast<Source>(rng_.Weighted(kSourceWeights));
    const TextComposer& texts = b_.texts();
    switch (source) {
      case Source::kXUser:
      case Source::kFacebookUser: {
        const std::string platform = source == Source::kXUser ? "x" : "facebook";
        const Lang lang = LocalLang(rng_, country);
        const Account account = UserAccount(platform, rng_.Index(users_));
        Post p = b_.MakePost(account, b_.AwakeTime(rng_, day, country.utc_offset_minutes),
                             texts.UserOpinion(rng_, target, lang), lang);
        if (rng_.Bernoulli(kMissingLangShare)) p.lang.clear();
        SetEngagement(rng_, platform, Interactions(rng_, EngagementOn(platform).user_median, 1.0), p.metrics);
        b_.Add(std::move(p), {});
        return;
      }
      case Source::kXOutlet:
      case Source::kFacebookOutlet:
      case Source::kTelegramOutlet: {
        const std::string platform = source == Source::kXOutlet          ? "x"
                                     : source == Source::kFacebookOutlet ? "facebook"
                                                                         : "telegram";
        const Lang lang = LocalLang(rng_, country);
        const Account account = LocalOutlet(country, platform, rng_.Index(kLocalOutlets), lang);
        Post p = b_.MakePost(account, b_.AwakeTime(rng_, day, country.utc_offset_minutes),
                             texts.OutletReport(rng_, target, nullptr, lang), lang);
        SetEngagement(rng_, platform, Interactions(rng_, EngagementOn(platform).outlet_median * 0.5, 0.7), p.metrics);
        b_.Add(std::move(p), {});
        return;
      }
      case Source::kWechatNews:
      case Source::kWeiboUser:
        break;
    }
    const bool wechat = source == Source::kWechatNews;
    const Account account =
        wechat ? WechatAccount(country, "news", rng_.Index(users_ / 10 + 1)) : UserAccount("weibo", rng_.Index(users_));
    const Article a =
        wechat ? texts.OutletReport(rng_, target, day.event, Lang::kZh) : texts.UserOpinion(rng_, target, Lang::kZh);
    Post p = b_.MakePost(account, b_.AwakeTime(rng_, day, 8 * 60), a, Lang::kZh);
    const std::string& platform = account.platform;
    SetEngagement(
        rng_, platform,
        Interactions(rng_, wechat ? EngagementOn(platform).outlet_median : EngagementOn(platform).user_median, 0.9),
        p.metrics);
    b_.Add(std::move(p), {});
  }

  void Chat(const WorldDay& day) {
    const Country& country = *b_.world().country;
    const auto kind = static_cast<Chatter>(rng_.Weighted(kChatterWeights));
    Article a;
    Account account;
    Lang lang = Lang::kZh;
    int32_t offset = 8 * 60;
    switch (kind) {
      case Chatter::kX:
        lang = LocalLang(rng_, country);
        account = UserAccount("x", rng_.Index(users_));
        a = b_.texts().Chatter(rng_, lang);
        offset = country.utc_offset_minutes;
        break;
      case Chatter::kWeibo:
        account = UserAccount("weibo", rng_.Index(users_));
        a = b_.texts().Chatter(rng_, lang);
        break;
      case Chatter::kWechatLifestyle:
        account = WechatAccount(country, "life", rng_.Index(users_ / 10 + 1));
        a = b_.texts().Lifestyle(rng_);
        break;
    }
    Post p = b_.MakePost(account, b_.AwakeTime(rng_, day, offset), a, lang);
    SetEngagement(rng_, account.platform, Interactions(rng_, EngagementOn(account.platform).user_median, 1.0),
                  p.metrics);
    b_.Add(std::move(p), {});
  }

  ScenarioBuilder& b_;
  Rng rng_;
  size_t users_;
};

}  // namespace

void AddBackground(ScenarioBuilder& b) { BackgroundWriter(b).Run(); }

int64_t DrawCount(Rng& rng, double mean) {
  constexpr double kExactLimit = 30;
  if (mean <= 0) return 0;
  if (mean > kExactLimit) return std::max<int64_t>(0, std::llround(rng.Normal(mean, std::sqrt(mean))));
  // Knuth: multiply uniforms until the product falls below e^-mean.
  const double limit = std::exp(-mean);
  int64_t k = 0;
  for (double product = rng.Uniform01(); product > limit; product *= rng.Uniform01()) ++k;
  return k;
}

int64_t DrawDelay(Rng& rng, int64_t lo, int64_t hi) {
  const double x = rng.Uniform(std::log(static_cast<double>(std::max<int64_t>(1, lo))),
                               std::log(static_cast<double>(std::max<int64_t>(1, hi))));
  return std::clamp<int64_t>(std::llround(std::exp(x)), lo, hi);
}

Lang LocalLang(Rng& rng, const Country& country) {
  if (country.local_langs.size() > 1 && rng.Bernoulli(kFrenchShare)) return LangFromTag(country.local_langs[1]);
  return LangFromTag(country.local_langs.front());
}

Lang PlatformLang(Rng& rng, const std::string& platform, const Country& country) {
  if (platform == "wechat" || platform == "weibo") return Lang::kZh;
  return LocalLang(rng, country);
}

}  // namespace vigil::scenarios
