// Organic look-alikes of an operation (see parts.h): independent outlets whose event-day coverage makes
// surges and draws above-usual engagement, shared by ordinary readers; and a commentator whose few posts go
// viral without any network behind them.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "scenarios/metrics.h"
#include "scenarios/parts.h"

namespace vigil::scenarios {
namespace {

constexpr double kOutletReportsPerDay = 0.5;  // ordinary days, per outlet, at volume 1
constexpr double kOutletSigma = 0.6;
constexpr double kNewsInterestLo = 1.5, kNewsInterestHi = 3.0;  // event-day engagement multiple
constexpr double kShareDelayMedianSeconds = 2 * 3600.0;         // readers share over hours, not minutes
constexpr double kShareDelaySigma = 1.2;
constexpr int64_t kShareDelayMin = 120, kShareDelayMax = 48 * 3600;
constexpr size_t kSharerPoolOffset = 100000;  // sharers are ordinary users, apart from the background's
constexpr size_t kSharerPool = 5000;
const std::vector<std::pair<const char*, double>> kOutletPlatforms = {
    {"x", 0.5}, {"facebook", 0.35}, {"telegram", 0.15}};

constexpr double kCommentatorPostChance = 0.35;  // a post on most days but not every day
constexpr double kCommentatorPoliticalShare = 0.5;
constexpr double kCommentatorSigma = 0.5;

int64_t Interactions(Rng& rng, double median, double sigma) {
  return static_cast<int64_t>(std::llround(rng.LogNormal(median, sigma)));
}

std::string PickPlatform(Rng& rng) {
  std::vector<double> weights;
  for (const auto& [platform, weight] : kOutletPlatforms) weights.push_back(weight);
  return kOutletPlatforms[rng.Weighted(weights)].first;
}

class OutletWriter {
 public:
  OutletWriter(ScenarioBuilder& b, const OutletOptions& o) : b_(b), o_(o), rng_(b.Stream("outlets")) {}

  void Run() {
    const Country& country = *b_.world().country;
    for (size_t idx : rng_.Sample(country.outlets.size(), o_.outlets)) {
      const Country::Outlet& outlet = country.outlets[idx];
      Desk desk;
      desk.account = OutletAccount(outlet, PickPlatform(rng_));
      desk.lang = LangFromTag(outlet.lang);
      desk.declared = rng_.Bernoulli(o_.declared_share);
      if (desk.declared) {
        b_.DeclareActor({desk.account.platform, desk.account.id, desk.account.name, Affiliation::kIndependent,
                         country.code, "independent outlet", ""});
      }
      desks_.push_back(std::move(desk));
    }
    for (const WorldDay& day : b_.world().days) {
      for (Desk& desk : desks_) Cover(desk, day);
    }
    for (const Desk& desk : desks_) AddLookalike(desk);
  }

 private:
  struct Desk {
    Account account;
    Lang lang = Lang::kEn;
    bool declared = false;
    int64_t reports = 0, event_reports = 0, shares = 0;
    std::vector<int64_t> share_delays;
    std::vector<std::string> targets;
  };

  void Cover(Desk& desk, const WorldDay& day) {
    const World& w = b_.world();
    const double median = EngagementOn(desk.account.platform).outlet_median;
    for (int64_t n = DrawCount(rng_, kOutletReportsPerDay * b_.size().volume); n > 0; --n) {
      Report(desk, day, *rng_.Pick(w.targets), nullptr, Interactions(rng_, median, kOutletSigma));
    }
    if (!day.event) return;
    for (int64_t n = rng_.UniformInt(o_.event_reports_lo, o_.event_reports_hi); n > 0; --n) {
      const Candidate& target = day.event->target_id.empty() ? *rng_.Pick(w.targets) : w.Target(day.event->target_id);
      const int64_t interactions =
          Interactions(rng_, median * rng_.Uniform(kNewsInterestLo, kNewsInterestHi), kOutletSigma);
      const Post report = Report(desk, day, target, day.event, interactions);
      desk.event_reports += 1;
      for (int64_t s = DrawCount(rng_, o_.sharers_per_event_report); s > 0; --s) Share(desk, report);
    }
  }

  Post Report(Desk& desk, const WorldDay& day, const Candidate& target, const ElectionEvent* event,
              int64_t interactions) {
    Post post = b_.MakePost(desk.account, b_.AwakeTime(rng_, day, b_.world().country->utc_offset_minutes),
                            b_.texts().OutletReport(rng_, target, event, desk.lang), desk.lang);
    SetEngagement(rng_, desk.account.platform, interactions, post.metrics);
    PostTruth truth;
    truth.role = Role::kOutlet;
    if (b_.Add(post, truth)) {
      desk.reports += 1;
      if (std::find(desk.targets.begin(), desk.targets.end(), target.id) == desk.targets.end())
        desk.targets.push_back(target.id);
    }
    return post;
  }

  // An ordinary reader shares the report's link with a comment of their own, hours later.
  void Share(Desk& desk, const Post& report) {
    const auto delay = std::clamp<int64_t>(std::llround(rng_.LogNormal(kShareDelayMedianSeconds, kShareDelaySigma)),
                                           kShareDelayMin, kShareDelayMax);
    const Account reader = UserAccount(report.platform, kSharerPoolOffset + rng_.Index(kSharerPool));
    Post post =
        b_.MakePost(reader, report.published_at + delay, {"", b_.texts().ShareComment(rng_, desk.lang)}, desk.lang);
    post.links = {report.url};
    SetEngagement(rng_, report.platform, Interactions(rng_, EngagementOn(report.platform).user_median, 1.0),
                  post.metrics);
    PostTruth truth;
    truth.role = Role::kSharer;
    truth.amplified = report.Key();
    if (!b_.Add(std::move(post), std::move(truth))) return;
    desk.shares += 1;
    desk.share_delays.push_back(delay);
  }

  void AddLookalike(const Desk& desk) {
    if (desk.reports == 0) return;
    std::vector<int64_t> delays = desk.share_delays;
    std::sort(delays.begin(), delays.end());
    const std::string median_delay =
        delays.empty() ? "no" : fmt::format("{:.1f} h median", static_cast<double>(delays[delays.size() / 2]) / 3600);
    b_.AddLookalike({AccountKey(desk.account), desk.account.name, desk.targets, "outlet-event-coverage",
                     fmt::format("{} independent outlet: {} reports naming candidates, {} of them on event days at "
                                 "the higher engagement news draws; {} shares of its links by unrelated readers ({} "
                                 "delay), no network and no state link",
                                 desk.declared ? "declared" : "unlisted", desk.reports, desk.event_reports, desk.shares,
                                 median_delay)});
  }

  ScenarioBuilder& b_;
  const OutletOptions& o_;
  Rng rng_;
  std::vector<Desk> desks_;
};

}  // namespace

void AddOutletCoverage(ScenarioBuilder& b, const OutletOptions& options) { OutletWriter(b, options).Run(); }

void AddViralCommentator(ScenarioBuilder& b, const ViralOptions& o) {
  Rng rng = b.Stream("commentator");
  const World& w = b.world();
  const Lang lang = PlatformLang(rng, o.platform, *w.country);
  const Account account = CommentatorAccount(rng, o.platform, lang);
  const PlatformEngagement& engagement = EngagementOn(o.platform);
  const int32_t offset = IsChinese(lang) ? 8 * 60 : w.country->utc_offset_minutes;
  const Candidate& subject = *rng.Pick(w.targets);
  auto publish = [&](const WorldDay& day, const Article& a, int64_t interactions) {
    Post post = b.MakePost(account, b.AwakeTime(rng, day, offset), a, lang);
    SetEngagement(rng, o.platform, interactions, post.metrics);
    PostTruth truth;
    truth.role = Role::kCommentator;
    b.Add(std::move(post), truth);
  };
  // Viral days in the second half of the data, distinct.
  const size_t half = w.days.size() / 2;
  std::vector<size_t> viral_days;
  for (size_t idx : rng.Sample(w.days.size() - half, static_cast<size_t>(o.viral_posts)))
    viral_days.push_back(half + idx);
  int64_t ordinary = 0;
  for (size_t d = 0; d < w.days.size(); ++d) {
    const WorldDay& day = w.days[d];
    if (std::find(viral_days.begin(), viral_days.end(), d) != viral_days.end()) {
      publish(day, b.texts().Commentary(rng, subject, lang),
              Interactions(rng, engagement.state_media_median * rng.Uniform(o.viral_multiple_lo, o.viral_multiple_hi),
                           0.1));
      continue;
    }
    if (!rng.Bernoulli(kCommentatorPostChance)) continue;
    const bool political = rng.Bernoulli(kCommentatorPoliticalShare);
    const Article a = political ? b.texts().Commentary(rng, *rng.Pick(w.targets), lang) : b.texts().Chatter(rng, lang);
    publish(day, a, Interactions(rng, engagement.outlet_median, kCommentatorSigma));
    ++ordinary;
  }
  b.AddLookalike({AccountKey(account),
                  account.name,
                  {subject.id},
                  "organic-viral",
                  fmt::format("unlisted commentator: {} ordinary posts, then {} posts about {} drew {:.0f}-{:.0f}x the "
                              "state-media median; no account passed them on and it has no state link",
                              ordinary, o.viral_posts, subject.name, o.viral_multiple_lo, o.viral_multiple_hi)});
}

}  // namespace vigil::scenarios
