// Operations (see parts.h), modelled on public reporting: the SITE task force's account of a WeChat news
// account boosting posts about a candidate to several times state media's engagement on the days after
// political events, with some thirty small accounts passing them on within minutes; and copy networks that
// re-post an operation's text instead of using the repost button.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "scenarios/metrics.h"
#include "scenarios/parts.h"

namespace vigil::scenarios {
namespace {

constexpr int kBurstPostsLo = 5, kBurstPostsHi = 8;
constexpr double kHistorySecondPostChance = 0.5;  // the operator posts one or two everyday pieces a day
constexpr double kHistoryMultiple = 1.1;          // everyday posts: about state media's engagement
constexpr double kHistorySigma = 0.25;
constexpr double kAmplifierOwnPostChance = 0.05;  // amplifiers post rarely on their own
constexpr int kSlowPostsLo = 8, kSlowPostsHi = 12;
constexpr int64_t kSlowStartLo = 6;
constexpr int kSlowGapLo = 4, kSlowGapHi = 9;  // days between a slow operation's posts (under the 21-day split)
constexpr int kPriorPostsLo = 3, kPriorPostsHi = 6;
constexpr int kPriorSpanLo = 3, kPriorSpanHi = 10;
constexpr double kPriorEngagementLo = 1.5, kPriorEngagementHi = 2.5;
constexpr double kPriorNetworkShareLo = 0.4, kPriorNetworkShareHi = 0.7;
constexpr double kPriorRepostChance = 0.8;
constexpr int kPriorGapDays = 14;  // a prior campaign ends at least this long before the main one starts

class OperationWriter {
 public:
  OperationWriter(ScenarioBuilder& b, const OperationSpec& spec, const std::string& stream)
      : b_(b),
        spec_(spec),
        rng_(b.Stream(stream)),
        target_(*b.world().targets[spec.target % b.world().targets.size()]) {}

  OperationCast Run() {
    lang_ = PlatformLang(rng_, spec_.platform, *b_.world().country);
    if (spec_.platform != "wechat" && spec_.platform != "weibo" && b_.world().country->code == "TW")
      lang_ = Lang::kZhHant;
    CastAccounts();
    PlanMainPosts();
    AddPriorCampaigns(planned_.empty() ? static_cast<int64_t>(b_.world().days.size()) : planned_.front().day);
    cast_.incident = Register(target_, KeyStance(), spec_.shape == Shape::kSlow ? "slow" : "bursts", spec_.notes);
    WriteMainPosts();
    AddEverydayPosts();
    return cast_;
  }

 private:
  struct Planned {
    int64_t day = 0;
    Tone tone = Tone::kMixed;
    bool burst = false;
  };

  void CastAccounts() {
    cast_.operator_account = OperatorAccount(rng_, spec_.platform, lang_);
    const AmplificationPlan& a = spec_.amplification;
    const auto cross = static_cast<size_t>(std::llround(static_cast<double>(a.accounts) * a.cross_platform_share));
    std::vector<std::string> others;
    for (const std::string& p : SponsorPlatforms(spec_.sponsor)) {
      if (p != spec_.platform) others.push_back(p);
    }
    const Lang amp_lang = IsChinese(lang_) ? Lang::kZh : lang_;
    for (Account& account : AmplifierAccounts(rng_, spec_.platform, a.accounts - cross, lang_)) {
      amplifiers_.push_back({std::move(account), DrawStyle(false), lang_});
    }
    for (size_t i = 0; i < cross && !others.empty(); ++i) {
      const std::string& platform = others[i % others.size()];
      Account account = AmplifierAccounts(rng_, platform, 1, amp_lang).front();
      amplifiers_.push_back({std::move(account), DrawStyle(true), amp_lang});
    }
    for (const Amplifier& amp : amplifiers_) cast_.amplifiers.push_back(amp.account);
    if (spec_.declared) {
      b_.DeclareActor({spec_.platform, cast_.operator_account.id, cast_.operator_account.name,
                       Affiliation::kStateLinked, SponsorCountry(spec_.sponsor),
                       "Anonymous page presenting itself as independent; linked to the state's information operations",
                       ""});
    }
  }

  // One style per account; the platform's repost button exists only on the operator's own platform.
  AmplificationStyle DrawStyle(bool cross_platform) {
    std::vector<double> weights = spec_.amplification.style_weights;
    weights.resize(std::size(kAllStyles), 0);
    if (cross_platform) weights[0] = 0;
    double total = 0;
    for (double w : weights) total += w;
    if (total <= 0) return AmplificationStyle::kCopy;
    return kAllStyles[rng_.Weighted(weights)];
  }

  // The days of the posts about the target: bursts on the days after their events (those inside the data)
  // and scattered single posts, or a slow series every few days.
  void PlanMainPosts() {
    const World& w = b_.world();
    if (spec_.shape == Shape::kSlow) {
      const auto n = rng_.UniformInt(kSlowPostsLo, kSlowPostsHi);
      // Room before the series for the earlier campaigns, when there are any.
      const int64_t room = spec_.prior_campaigns > 0 ? kPriorGapDays + kPriorSpanHi : 0;
      int64_t day = room + rng_.UniformInt(kSlowStartLo,
                                           std::max<int64_t>(kSlowStartLo, static_cast<int64_t>(w.days.size()) / 4));
      for (int64_t i = 0; i < n && day < static_cast<int64_t>(w.days.size());
           ++i, day += rng_.UniformInt(kSlowGapLo, kSlowGapHi)) {
        planned_.push_back({day, SideFor(i), false});
      }
      return;
    }
    for (const BurstPlan& burst : spec_.bursts) {
      const ElectionEvent* event = w.FindEvent(burst.after);
      if (!event) continue;
      const int64_t day = event->date.DaysSinceEpoch() + burst.lead_days - w.days.front().date.DaysSinceEpoch();
      if (day < 0 || day >= static_cast<int64_t>(w.days.size())) continue;  // before or after the export
      planned_.push_back({day, burst.tone, true});
    }
    const int64_t first_burst = planned_.empty() ? static_cast<int64_t>(w.days.size()) / 2 : planned_.front().day;
    std::set<int64_t> taken;
    for (const Planned& p : planned_) taken.insert(p.day);
    const int64_t lo = std::max<int64_t>(0, first_burst - 10);
    const int64_t hi = static_cast<int64_t>(w.days.size()) - 2;
    for (int i = 0; i < spec_.scattered_posts && lo < hi; ++i) {
      const int64_t day = rng_.UniformInt(lo, hi);
      if (!taken.insert(day).second) continue;
      planned_.push_back({day, spec_.tone, false});
    }
    std::sort(planned_.begin(), planned_.end(), [](const Planned& a, const Planned& b) { return a.day < b.day; });
  }

  // A slow operation alternates sides when it is mixed.
  Tone SideFor(int64_t i) const {
    if (spec_.tone != Tone::kMixed) return spec_.tone;
    return i % 2 == 0 ? Tone::kFavor : Tone::kAgainst;
  }

  std::string KeyStance() const {
    bool favor = false, against = false;
    for (const Planned& p : planned_) {
      favor = favor || p.tone == Tone::kFavor;
      against = against || p.tone == Tone::kAgainst;
    }
    if (favor && against) return "mixed";
    return against ? "against" : favor ? "favor" : "mixed";
  }

  int Register(const Candidate& target, std::string stance, std::string shape, std::string notes) {
    KeyIncident in;
    in.actor = AccountKey(cast_.operator_account);
    in.actor_name = cast_.operator_account.name;
    in.declared = spec_.declared;
    in.affiliation = "state-linked";
    in.country = SponsorCountry(spec_.sponsor);
    in.target = target.id;
    in.stance = std::move(stance);
    in.shape = std::move(shape);
    in.notes = std::move(notes);
    return b_.AddIncident(std::move(in));
  }

  void WriteMainPosts() {
    for (const Planned& p : planned_) {
      const WorldDay& day = b_.world().days[static_cast<size_t>(p.day)];
      if (p.burst) {
        WriteBurst(day, p.tone);
        continue;
      }
      const AmplificationPlan& a = spec_.amplification;
      const double share = a.scattered_share_hi > 0 ? rng_.Uniform(a.scattered_share_lo, a.scattered_share_hi) : 0;
      const Post post = Publish(target_, p.tone, b_.AwakeTime(rng_, day, OperatorOffset()),
                                rng_.Uniform(spec_.engagement_lo, spec_.engagement_hi), cast_.incident);
      for (const Amplifier& amp : amplifiers_) {
        if (rng_.Bernoulli(share)) Amplify(amp, post, cast_.incident);
      }
    }
  }

  // The burst's first post goes out early and every amplifier passes it on; later posts through the day,
  // some passed on.
  void WriteBurst(const WorldDay& day, Tone tone) {
    const auto count = rng_.UniformInt(kBurstPostsLo, kBurstPostsHi);
    std::vector<int64_t> times;
    for (int64_t i = 0; i < count; ++i) times.push_back(b_.AwakeTime(rng_, day, OperatorOffset()));
    std::sort(times.begin(), times.end());
    for (size_t i = 0; i < times.size(); ++i) {
      const Post post =
          Publish(target_, tone, times[i], rng_.Uniform(spec_.engagement_lo, spec_.engagement_hi), cast_.incident);
      for (const Amplifier& amp : amplifiers_) {
        if (i == 0 || rng_.Bernoulli(spec_.amplification.secondary_share)) Amplify(amp, post, cast_.incident);
      }
    }
  }

  // Earlier campaigns against other watched targets: a few hostile posts over some days, passed on by part
  // of the same network.
  void AddPriorCampaigns(int64_t main_first_day) {
    const World& w = b_.world();
    for (int k = 0; k < spec_.prior_campaigns; ++k) {
      const Candidate& target = *w.targets[(spec_.target + 1 + static_cast<size_t>(k)) % w.targets.size()];
      if (target.id == target_.id) continue;
      const int64_t latest_start = main_first_day - kPriorGapDays - kPriorSpanHi;
      if (latest_start < 0) continue;
      const int64_t start = rng_.UniformInt(0, latest_start);
      const int64_t span = rng_.UniformInt(kPriorSpanLo, kPriorSpanHi);
      const int incident = Register(target, "against", "campaign", "an earlier campaign of the same actor");
      std::vector<const Amplifier*> network;
      const double share = rng_.Uniform(kPriorNetworkShareLo, kPriorNetworkShareHi);
      for (const Amplifier& amp : amplifiers_) {
        if (rng_.Bernoulli(share)) network.push_back(&amp);
      }
      const auto posts = rng_.UniformInt(kPriorPostsLo, kPriorPostsHi);
      for (int64_t i = 0; i < posts; ++i) {
        const WorldDay& day = w.days[static_cast<size_t>(start + rng_.UniformInt(0, span))];
        const Post post = Publish(target, Tone::kAgainst, b_.AwakeTime(rng_, day, OperatorOffset()),
                                  rng_.Uniform(kPriorEngagementLo, kPriorEngagementHi), incident);
        for (const Amplifier* amp : network) {
          if (rng_.Bernoulli(kPriorRepostChance)) Amplify(*amp, post, incident);
        }
      }
    }
  }

  Post Publish(const Candidate& target, Tone tone, int64_t when, double multiple, int incident) {
    const bool long_form = spec_.platform == "facebook" || spec_.platform == "telegram";
    Post post =
        b_.MakePost(cast_.operator_account, when, b_.texts().Operation(rng_, target, tone, lang_, long_form), lang_);
    const double median = EngagementOn(spec_.platform).state_media_median;
    SetEngagement(rng_, spec_.platform, static_cast<int64_t>(std::llround(median * multiple)), post.metrics);
    PostTruth truth;
    truth.role = Role::kOperator;
    truth.incident = incident;
    b_.Add(post, truth);
    return post;
  }

  void Amplify(const Amplifier& amp, const Post& source, int incident) {
    const AmplificationPlan& a = spec_.amplification;
    PostTruth truth;
    truth.role = Role::kAmplifier;
    truth.incident = incident;
    truth.amplified = source.Key();
    truth.style = amp.style;
    Post post =
        PassOn(b_, rng_, amp, source, lang_, DrawDelay(rng_, a.min_delay_seconds, a.max_delay_seconds), &truth.edits);
    b_.Add(std::move(post), std::move(truth));
  }

  // The operator's everyday posts on other topics and the amplifiers' rare posts of their own: the history
  // an account has outside its campaigns.
  void AddEverydayPosts() {
    const double median = EngagementOn(spec_.platform).state_media_median;
    for (const WorldDay& day : b_.world().days) {
      const int posts = 1 + (rng_.Bernoulli(kHistorySecondPostChance) ? 1 : 0);
      for (int i = 0; i < posts; ++i) {
        const Article a = IsChinese(lang_) && lang_ == Lang::kZh
                              ? examplegen::YouliDailyArticle(rng_, rng_.Index(examplegen::YouliDailyTitleCount()))
                              : b_.texts().StateNews(rng_, spec_.sponsor, lang_);
        Post post = b_.MakePost(cast_.operator_account, b_.AwakeTime(rng_, day, OperatorOffset()), a, lang_);
        SetEngagement(rng_, spec_.platform,
                      static_cast<int64_t>(std::llround(rng_.LogNormal(median * kHistoryMultiple, kHistorySigma))),
                      post.metrics);
        PostTruth truth;
        truth.role = Role::kOperator;
        b_.Add(std::move(post), truth);
      }
      for (const Amplifier& amp : amplifiers_) {
        if (!rng_.Bernoulli(kAmplifierOwnPostChance)) continue;
        Post post = b_.MakePost(amp.account, b_.AwakeTime(rng_, day, OperatorOffset()),
                                b_.texts().Notice(rng_, amp.lang), amp.lang);
        SetEngagement(
            rng_, amp.account.platform,
            static_cast<int64_t>(std::llround(rng_.LogNormal(EngagementOn(amp.account.platform).user_median, 0.8))),
            post.metrics);
        PostTruth truth;
        truth.role = Role::kAmplifier;
        b_.Add(std::move(post), truth);
      }
    }
  }

  int32_t OperatorOffset() const { return IsChinese(lang_) || spec_.sponsor == Sponsor::kChina ? 8 * 60 : 3 * 60; }

  ScenarioBuilder& b_;
  const OperationSpec& spec_;
  Rng rng_;
  const Candidate& target_;
  Lang lang_ = Lang::kZh;
  OperationCast cast_;
  std::vector<Amplifier> amplifiers_;
  std::vector<Planned> planned_;
};

}  // namespace

OperationCast AddOperation(ScenarioBuilder& b, const OperationSpec& spec, const std::string& stream) {
  return OperationWriter(b, spec, stream).Run();
}

}  // namespace vigil::scenarios
