// Replies and comments on watched targets' own pages (see parts.h): the pages with their posts and ordinary
// replies, a reply-spam network, and two organic look-alikes (fans replying to their MP, fans sharing one
// news link within the hour).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "common/time.h"
#include "scenarios/holidays.h"
#include "scenarios/metrics.h"
#include "scenarios/parts.h"
#include "scenarios/reply_texts.h"

namespace vigil::scenarios {
namespace {

// Pages: a target posts on X and Facebook most days of the campaign.
const std::vector<std::string> kPagePlatforms = {"x", "facebook"};
const std::vector<double> kPagePostsPerDay = {0.8, 0.5};
constexpr double kFrenchPageShare = 0.2;     // posts of English-speaking targets written in French
constexpr double kRepliesPerPagePost = 2.5;  // ordinary replies at volume 1
constexpr double kReplyDelayMedianSeconds = 90 * 60.0;
constexpr double kReplyDelaySigma = 1.0;
constexpr int64_t kReplyDelayMin = 60, kReplyDelayMax = 2 * kSecondsPerDay;
constexpr size_t kReplierPool = 1500;  // ordinary repliers at volume 1
constexpr size_t kReplierPoolOffset = 200000;
constexpr double kPageOwnerMedianShare = 4;  // a target's post draws this many times an outlet's median
constexpr double kPageSigma = 0.6;             // spread of log interactions of pages' and outlets' posts
constexpr double kUserSigma = 1.0;             // of ordinary users' posts
constexpr double kReplyMedianShare = 0.25;     // a reply draws this share of an ordinary post's interactions

// Reply spam.
constexpr int32_t kBeijingOffsetMinutes = 8 * 60;
constexpr int64_t kSmallReplySpamAccounts = 50;
constexpr int64_t kLeadDaysLo = 7, kLeadDaysHi = 12;  // the operation starts this long before the holiday
constexpr int64_t kTrailDaysLo = 1, kTrailDaysHi = 2;  // and stops this long after it
constexpr int64_t kMinHistoryDays = 14;              // the holiday lies this far into the data at least
constexpr double kRampPerDay = 0.25;                  // daily growth of the run-up's weight
constexpr double kHolidayWeightLo = 4, kHolidayWeightHi = 6;
constexpr double kTrailWeight = 1.5;
constexpr int64_t kWaveSpreadSeconds = 40 * 60;    // a wave's comments fall within this of its start
constexpr int64_t kReuseOwnPostSeconds = 3 * kSecondsPerDay;  // comment under a post at most this old
constexpr double kSpamFrenchShare = 0.45;
constexpr double kSpamInteractionsMean = 0.8;
constexpr double kSerialShare = 0.6;  // bots named in series; the rest get formula names
const std::vector<std::string> kSeriesStems = {"truenorth_voice", "maple_citizen", "canada_facts", "north_patriot",
                                               "justice_ca", "free_canuck"};
const std::vector<std::string> kBotFirst = {"Emily", "Joseph", "Sarah", "David", "Linda", "Kevin", "Grace", "Brian"};
const std::vector<std::string> kBotLast = {"Carter", "Brown", "Miller", "Wilson", "Taylor", "Moore", "Clark"};
const std::vector<double> kBotPlatformWeights = {0.55, 0.45};  // x, facebook

// Fans.
constexpr int64_t kFansLo = 25, kFansHi = 60;
constexpr double kFanEverydayPostChance = 0.15;  // per fan and day
constexpr double kFanReplyLo = 0.25, kFanReplyHi = 0.45;  // chance a fan replies to one of the MP's posts
constexpr double kFanDelayMedianSeconds = 25 * 60.0;
constexpr double kFanDelaySigma = 1.0;
constexpr int64_t kFanDelayMin = 30, kFanDelayMax = 12 * 3600;
constexpr size_t kFanPoolOffset = 300000;
constexpr int64_t kSharersLo = 15, kSharersHi = 35;
constexpr int64_t kNewsItemsLo = 8, kNewsItemsHi = 16;
constexpr double kShareChance = 0.4;
constexpr int64_t kShareDelayLo = 2 * 60, kShareDelayHi = 3600;
constexpr size_t kSharerPoolOffset = 400000;

int64_t Interactions(Rng& rng, double median, double sigma) {
  return static_cast<int64_t>(std::llround(rng.LogNormal(median, sigma)));
}

Lang PageLang(Rng& rng, const Candidate& target) {
  if (target.party_en == "Bloc Québécois") return Lang::kFr;
  return rng.Bernoulli(kFrenchPageShare) ? Lang::kFr : Lang::kEn;
}

// "MarkCarney" for X, a numeric page id for Facebook.
Account PageAccount(Rng& rng, const Candidate& target, const std::string& platform) {
  if (platform == "facebook") {
    const std::string id = std::to_string(rng.UniformInt(100000000000000, 999999999999999));
    return {platform, id, target.name, id};
  }
  std::string handle;
  for (char c : target.name) {
    if (std::isalnum(static_cast<unsigned char>(c))) handle += c;
  }
  if (handle.empty()) handle = target.id;
  return {platform, handle, target.name, handle};
}

std::string ReplyDelayed(Rng& rng, ScenarioBuilder& b, const Account& account, const Post& parent, int64_t delay,
                         const std::string& text, Lang lang, Role role) {
  Post post = b.MakePost(account, parent.published_at + delay, {"", text}, lang);
  post.reply_to = parent.id;
  SetEngagement(rng, account.platform, Interactions(rng, EngagementOn(account.platform).user_median * kReplyMedianShare, kUserSigma),
                post.metrics);
  PostTruth truth;
  truth.role = role;
  const std::string key = post.Key();
  return b.Add(std::move(post), std::move(truth)) ? key : "";
}

class PageWriter {
 public:
  explicit PageWriter(ScenarioBuilder& b)
      : b_(b), rng_(b.Stream("pages")), pool_(static_cast<size_t>(std::ceil(kReplierPool * b.size().volume))) {}

  std::vector<TargetPage> Run() {
    const World& w = b_.world();
    std::vector<TargetPage> pages;
    for (size_t t = 0; t < w.targets.size(); ++t) {
      for (const std::string& platform : kPagePlatforms) {
        TargetPage page{t, PageAccount(rng_, *w.targets[t], platform), {}};
        b_.DeclareTargetAccount(w.targets[t]->id, page.account);
        pages.push_back(std::move(page));
      }
    }
    for (const WorldDay& day : w.days) {
      for (TargetPage& page : pages) Publish(page, day);
    }
    return pages;
  }

 private:
  void Publish(TargetPage& page, const WorldDay& day) {
    const Candidate& target = *b_.world().targets[page.target];
    const size_t platform = page.account.platform == "x" ? 0 : 1;
    const Country& country = *b_.world().country;
    for (int64_t n = DrawCount(rng_, kPagePostsPerDay[platform] * day.heat); n > 0; --n) {
      const Lang lang = PageLang(rng_, target);
      Post post = b_.MakePost(page.account, b_.AwakeTime(rng_, day, country.utc_offset_minutes),
                              {"", OwnPost(rng_, target, lang)}, lang);
      SetEngagement(rng_, page.account.platform,
                    Interactions(rng_, EngagementOn(page.account.platform).outlet_median * kPageOwnerMedianShare, kPageSigma),
                    post.metrics);
      PostTruth truth;
      truth.role = Role::kTargetPage;
      if (!b_.Add(post, truth)) continue;
      page.posts.emplace_back(post.published_at, post.id);
      for (int64_t r = DrawCount(rng_, kRepliesPerPagePost * b_.size().volume); r > 0; --r) Reply(post, target, lang);
    }
  }

  void Reply(const Post& parent, const Candidate& target, Lang lang) {
    const auto delay = std::clamp<int64_t>(std::llround(rng_.LogNormal(kReplyDelayMedianSeconds, kReplyDelaySigma)),
                                           kReplyDelayMin, kReplyDelayMax);
    const Account user = UserAccount(parent.platform, kReplierPoolOffset + rng_.Index(pool_));
    ReplyDelayed(rng_, b_, user, parent, delay, OrganicReply(rng_, target, lang), lang, Role::kBackground);
  }

  ScenarioBuilder& b_;
  Rng rng_;
  size_t pool_;
};

// The long weekend the operation accelerates into: one at least kMinHistoryDays into the data whose last day
// the data holds (the latest such, if several), or the data's last full weekend when none is.
Holiday PickHoliday(const World& w) {
  const CivilDate earliest = w.days[std::min<size_t>(kMinHistoryDays, w.days.size() - 1)].date;
  const CivilDate last = w.days.back().date;
  const Holiday* picked = nullptr;
  std::vector<Holiday> all;
  for (int year = w.days.front().date.year; year <= last.year; ++year) {
    for (Holiday& h : CanadianHolidays(year)) all.push_back(std::move(h));
  }
  for (const Holiday& h : all) {
    if (h.first >= earliest && h.last <= last) picked = &h;
  }
  if (picked) return *picked;
  int64_t saturday = last.DaysSinceEpoch() - 1;
  while ((saturday + 4) % 7 != 6) --saturday;
  return {CivilFromDays(saturday), CivilFromDays(saturday + 1), "weekend"};
}

struct Bot {
  Account account;
  int64_t comments = 0;
};

std::vector<Bot> BotAccounts(Rng& rng, size_t count) {
  const std::vector<size_t> stems = rng.Sample(kSeriesStems.size(), 2);
  std::vector<Bot> bots;
  std::set<std::string> ids;
  while (bots.size() < count) {
    const std::string platform = kPagePlatforms[rng.Weighted(kBotPlatformWeights)];
    std::string handle, name;
    if (rng.Bernoulli(kSerialShare)) {
      handle = fmt::format("{}{}", kSeriesStems[stems[rng.Index(stems.size())]], rng.UniformInt(10, 999));
      name = handle;
    } else {
      const std::string& first = rng.Pick(kBotFirst);
      const std::string& last = rng.Pick(kBotLast);
      handle = fmt::format("{}{}{}", first, last.substr(0, 1), rng.UniformInt(10000000, 99999999));
      name = first + " " + last;
    }
    if (!ids.insert(platform + ":" + handle).second) continue;
    bots.push_back({{platform, handle, name, handle}, 0});
  }
  return bots;
}

class ReplySpamWriter {
 public:
  ReplySpamWriter(ScenarioBuilder& b, const std::vector<TargetPage>& pages, const ReplySpamOptions& o)
      : b_(b), pages_(pages), o_(o), rng_(b.Stream("reply-spam")) {}

  void Run() {
    const World& w = b_.world();
    const int64_t hi = b_.size().name == "small" ? std::min(o_.accounts_hi, kSmallReplySpamAccounts) : o_.accounts_hi;
    bots_ = BotAccounts(rng_, static_cast<size_t>(rng_.UniformInt(o_.accounts_lo, hi)));
    accusation_ = DrawAccusation(rng_);
    holiday_ = PickHoliday(w);
    b_.DeclareEvent({holiday_.first, holiday_.label, ""});
    const int64_t first = holiday_.first.DaysSinceEpoch() - rng_.UniformInt(kLeadDaysLo, kLeadDaysHi);
    const int64_t last = holiday_.last.DaysSinceEpoch() + rng_.UniformInt(kTrailDaysLo, kTrailDaysHi);
    std::vector<std::pair<const WorldDay*, double>> days;
    double total_weight = 0;
    for (const WorldDay& day : w.days) {
      const int64_t d = day.date.DaysSinceEpoch();
      if (d < first || d > last) continue;
      double weight = 1 + kRampPerDay * static_cast<double>(d - first);
      if (day.date >= holiday_.first && day.date <= holiday_.last)
        weight *= rng_.Uniform(kHolidayWeightLo, kHolidayWeightHi);
      else if (day.date > holiday_.last)
        weight = kTrailWeight;
      days.emplace_back(&day, weight);
      total_weight += weight;
    }
    const double mean_wave = static_cast<double>(o_.wave_lo + o_.wave_hi) / 2;
    const double waves = static_cast<double>(bots_.size()) * o_.comments_per_account / mean_wave;
    for (const auto& [day, weight] : days) {
      for (int64_t n = DrawCount(rng_, waves * weight / total_weight); n > 0; --n) Wave(*day);
    }
    WriteKey();
  }

 private:
  void Wave(const WorldDay& day) {
    const TargetPage& page = pages_[rng_.Index(pages_.size())];
    std::vector<size_t> on_platform;
    for (size_t i = 0; i < bots_.size(); ++i) {
      if (bots_[i].account.platform == page.account.platform) on_platform.push_back(i);
    }
    if (on_platform.empty()) return;
    const int64_t start = b_.AwakeTime(rng_, day, kBeijingOffsetMinutes);
    // Under the page's latest post, or on the page itself when it has posted nothing lately.
    std::string reply_to = std::string(1, Post::kAccountReplyMark) + page.account.id;
    for (const auto& [at, id] : page.posts) {
      if (at <= start && at >= start - kReuseOwnPostSeconds) reply_to = id;
    }
    const Candidate& target = *b_.world().targets[page.target];
    const auto size = static_cast<size_t>(rng_.UniformInt(o_.wave_lo, o_.wave_hi));
    for (size_t idx : rng_.Sample(on_platform.size(), std::min(size, on_platform.size()))) {
      Bot& bot = bots_[on_platform[idx]];
      const Lang lang = rng_.Bernoulli(kSpamFrenchShare) ? Lang::kFr : Lang::kEn;
      Post post = b_.MakePost(bot.account, start + rng_.UniformInt(0, kWaveSpreadSeconds),
                              {"", SpamComment(rng_, accusation_, target, lang)}, lang);
      post.reply_to = reply_to;
      SetEngagement(rng_, bot.account.platform, DrawCount(rng_, kSpamInteractionsMean), post.metrics);
      PostTruth truth;
      truth.role = Role::kReplier;
      truth.operation = 0;
      const int64_t at = post.published_at;
      if (!b_.Add(std::move(post), std::move(truth))) continue;
      bot.comments += 1;
      ++comments_;
      window_start_ = std::min(window_start_, at);
      window_end_ = std::max(window_end_, at);
      targets_.insert(target.id);
      languages_.insert(LangTag(lang));
    }
  }

  void WriteKey() {
    KeyOperation op;
    op.pattern = "reply-spam";
    op.country = "CN";
    for (const Bot& bot : bots_) {
      if (bot.comments > 0) op.accounts.push_back(AccountKey(bot.account));
    }
    std::sort(op.accounts.begin(), op.accounts.end());
    op.targets.assign(targets_.begin(), targets_.end());
    op.languages.assign(languages_.begin(), languages_.end());
    op.window_start = comments_ ? window_start_ : 0;
    op.window_end = comments_ ? window_end_ : 0;
    op.comments = comments_;
    op.holiday = fmt::format("{} ({}..{})", holiday_.label, holiday_.first.ToString(), holiday_.last.ToString());
    op.accusation = accusation_.Summary();
    op.notes = fmt::format(
        "{} new accounts, no history before their first comment, {} named in series; waves of {}-{} comments on one "
        "page within {} minutes during Beijing office hours; engagement near zero",
        op.accounts.size(), SeriesCount(), o_.wave_lo, o_.wave_hi, kWaveSpreadSeconds / 60);
    b_.mutable_key().operations.push_back(std::move(op));
  }

  size_t SeriesCount() const {
    return static_cast<size_t>(std::count_if(bots_.begin(), bots_.end(), [](const Bot& bot) {
      return bot.comments > 0 && bot.account.name == bot.account.id;
    }));
  }

  ScenarioBuilder& b_;
  const std::vector<TargetPage>& pages_;
  const ReplySpamOptions& o_;
  Rng rng_;
  std::vector<Bot> bots_;
  Accusation accusation_;
  Holiday holiday_;
  int64_t comments_ = 0;
  int64_t window_start_ = INT64_MAX, window_end_ = INT64_MIN;
  std::set<std::string> targets_, languages_;
};

// Ordinary accounts with weeks of everyday posts before and while they back their MP.
std::vector<Account> Supporters(ScenarioBuilder& b, Rng& rng, const std::string& platform, size_t offset,
                                size_t count) {
  std::vector<Account> fans;
  for (size_t i = 0; i < count; ++i) fans.push_back(UserAccount(platform, offset + i));
  const Country& country = *b.world().country;
  for (const WorldDay& day : b.world().days) {
    for (const Account& fan : fans) {
      if (!rng.Bernoulli(kFanEverydayPostChance)) continue;
      Post post =
          b.MakePost(fan, b.AwakeTime(rng, day, country.utc_offset_minutes), {"", EverydayPost(rng)}, Lang::kEn);
      SetEngagement(rng, platform, Interactions(rng, EngagementOn(platform).user_median, kUserSigma), post.metrics);
      PostTruth truth;
      truth.role = Role::kFan;
      b.Add(std::move(post), std::move(truth));
    }
  }
  return fans;
}

std::vector<std::string> Keys(const std::vector<Account>& accounts) {
  std::vector<std::string> keys;
  for (const Account& a : accounts) keys.push_back(AccountKey(a));
  std::sort(keys.begin(), keys.end());
  return keys;
}

}  // namespace

std::vector<TargetPage> AddTargetPages(ScenarioBuilder& b) { return PageWriter(b).Run(); }

void AddReplySpam(ScenarioBuilder& b, const std::vector<TargetPage>& pages, const ReplySpamOptions& options) {
  ReplySpamWriter(b, pages, options).Run();
}

void AddFanReplies(ScenarioBuilder& b, const std::vector<TargetPage>& pages) {
  Rng rng = b.Stream("fans");
  const TargetPage& page = pages[rng.Index(pages.size())];
  const Candidate& target = *b.world().targets[page.target];
  const std::vector<Account> fans =
      Supporters(b, rng, page.account.platform, kFanPoolOffset, static_cast<size_t>(rng.UniformInt(kFansLo, kFansHi)));
  const double reply_chance = rng.Uniform(kFanReplyLo, kFanReplyHi);
  std::map<std::string, const Post*> by_id;
  int64_t replies = 0;
  for (const auto& [at, id] : page.posts) {
    Post parent;
    parent.platform = page.account.platform;
    parent.id = id;
    parent.published_at = at;
    for (const Account& fan : fans) {
      if (!rng.Bernoulli(reply_chance)) continue;
      const Lang lang = LocalLang(rng, *b.world().country);
      const auto delay = std::clamp<int64_t>(std::llround(rng.LogNormal(kFanDelayMedianSeconds, kFanDelaySigma)),
                                             kFanDelayMin, kFanDelayMax);
      replies += !ReplyDelayed(rng, b, fan, parent, delay, FanReply(rng, target, lang), lang, Role::kFan).empty();
    }
  }
  b.mutable_key().lookalike_networks.push_back(
      {"fan-replies", Keys(fans), {target.id},
       fmt::format("{} supporters of {} with weeks of everyday posts replied {} times to the {} posts of their MP's "
                   "{} page, minutes after each, warmly and in their own words; one target, no template, no new "
                   "accounts, no state link",
                   fans.size(), target.name, replies, page.posts.size(), page.account.platform)});
}

void AddFanLinkSharing(ScenarioBuilder& b) {
  Rng rng = b.Stream("fan-links");
  const World& w = b.world();
  const Candidate& target = *rng.Pick(w.targets);
  const std::string platform = rng.Pick(kPagePlatforms);
  const std::vector<Account> fans =
      Supporters(b, rng, platform, kSharerPoolOffset, static_cast<size_t>(rng.UniformInt(kSharersLo, kSharersHi)));
  const Country& country = *w.country;
  const size_t items = static_cast<size_t>(rng.UniformInt(kNewsItemsLo, kNewsItemsHi));
  int64_t shares = 0;
  for (size_t day_index : rng.Sample(w.days.size(), std::min(items, w.days.size()))) {
    const WorldDay& day = w.days[day_index];
    const Country::Outlet& outlet = rng.Pick(country.outlets);
    const Lang lang = LangFromTag(outlet.lang);
    Post report = b.MakePost(OutletAccount(outlet, platform), b.AwakeTime(rng, day, country.utc_offset_minutes),
                             b.texts().OutletReport(rng, target, day.event, lang), lang);
    SetEngagement(rng, platform, Interactions(rng, EngagementOn(platform).outlet_median, kPageSigma), report.metrics);
    PostTruth report_truth;
    report_truth.role = Role::kOutlet;
    if (!b.Add(report, report_truth)) continue;
    for (const Account& fan : fans) {
      if (!rng.Bernoulli(kShareChance)) continue;
      const Lang fan_lang = LocalLang(rng, country);
      Post post = b.MakePost(fan, report.published_at + rng.UniformInt(kShareDelayLo, kShareDelayHi),
                             {"", FanShare(rng, target, fan_lang)}, fan_lang);
      post.links = {report.url};
      SetEngagement(rng, platform, Interactions(rng, EngagementOn(platform).user_median, kUserSigma), post.metrics);
      PostTruth truth;
      truth.role = Role::kFan;
      truth.amplified = report.Key();
      shares += b.Add(std::move(post), std::move(truth));
    }
  }
  b.mutable_key().lookalike_networks.push_back(
      {"fan-link-sharing", Keys(fans), {target.id},
       fmt::format("{} supporters of {} with weeks of everyday posts shared news reports about their MP {} times, "
                   "each within the hour it appeared, with comments of their own; no template, no new accounts, no "
                   "state link",
                   fans.size(), target.name, shares)});
}

}  // namespace vigil::scenarios
