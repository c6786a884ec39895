// The parts scenario kinds are assembled from: the organic background, a state-media peer group with its
// routine coverage, operations with their amplifier networks, and organic look-alikes (outlets covering
// the campaign, a commentator who goes viral). Each part adds posts with their truth, declares what an
// analyst would declare in watch.yaml, and writes its share of the answer key.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scenarios/builder.h"

namespace vigil::scenarios {

// Organic posts: users, local outlets and Chinese-language diaspora accounts naming the watched candidates
// at a steady rate that rises mildly on event days and through the campaign, and everyday chatter.
void AddBackground(ScenarioBuilder& b);

struct StateMediaOptions {
  Sponsor sponsor = Sponsor::kChina;
  std::string platform = "wechat";
  double volume_multiple = 1.0;  // 10: ten times more of their posts (more accounts, more posts each)
};
// A sponsor's state media on one platform: mostly news about anything else, a few percent routine neutral
// briefs naming a candidate, and a brief from about half of them on event days, all at their usual
// engagement. Declared as state media and as a peer group (the engagement baseline); every account that
// named a candidate becomes a look-alike. Returns the peer group id.
std::string AddStateMedia(ScenarioBuilder& b, const StateMediaOptions& options);

enum class Shape { kBursts, kSlow };

// A cluster of an operation's posts on the day `lead_days` after an event.
struct BurstPlan {
  EventKind after = EventKind::kLeadership;
  int lead_days = 1;
  Tone tone = Tone::kFavor;
};

struct AmplificationPlan {
  size_t accounts = 25;
  // Relative weights of repost, link, copy and paraphrase (order of kAllStyles); each account keeps one style.
  std::vector<double> style_weights = {1, 0, 0, 0};
  double cross_platform_share = 0;  // share of the accounts on other platforms than the operator's
  int64_t min_delay_seconds = 30;   // delays are log-uniform between these
  int64_t max_delay_seconds = 600;
  double secondary_share = 0.3;  // chance an account also passes on a burst's later posts
  // Share of the accounts passing on each scattered (or slow) post, drawn per post between these.
  double scattered_share_lo = 0.4, scattered_share_hi = 0.7;
};

struct OperationSpec {
  Sponsor sponsor = Sponsor::kChina;
  std::string platform = "wechat";  // the operator's
  size_t target = 0;                // index into the world's targets
  bool declared = true;             // listed in watch.yaml's actors
  Tone tone = Tone::kMixed;         // the scattered posts' tone; bursts carry their own
  Shape shape = Shape::kBursts;
  std::vector<BurstPlan> bursts;
  int scattered_posts = 4;  // single posts between and after the bursts
  // Interactions of the posts about the target, as multiples of the state-media median on the platform.
  double engagement_lo = 2.8, engagement_hi = 4.3;
  AmplificationPlan amplification;
  int prior_campaigns = 0;  // earlier campaigns of the same actor against other watched targets
  std::string notes;        // what the key says about it
};

struct OperationCast {
  int incident = -1;  // key index of the main incident
  Account operator_account;
  std::vector<Account> amplifiers;
};

// An operation: the operator's everyday posts on other topics, its posts about the target (bursts or slow),
// its earlier campaigns, and its amplifiers passing the posts on. Declares the operator (when `declared`)
// and writes the key incidents.
OperationCast AddOperation(ScenarioBuilder& b, const OperationSpec& spec, const std::string& stream);

// How an amplifier passes a post on; implemented in amplify.cc.
struct Amplifier {
  Account account;
  AmplificationStyle style = AmplificationStyle::kRepost;
  Lang lang = Lang::kZh;
};
// The amplifier's post passing `source` on `delay_seconds` later, with the copy edits it used.
Post PassOn(ScenarioBuilder& b, Rng& rng, const Amplifier& amplifier, const Post& source, Lang source_lang,
            int64_t delay_seconds, std::vector<std::string>* edits);
// Copy edits a copying account applies to Chinese, English or French text (amplify.cc).
std::string EditCopy(Rng& rng, const ScriptConverter& script, const std::string& text, Lang lang,
                     std::vector<std::string>* edits);
std::string Paraphrase(Rng& rng, const std::string& text, Lang lang);

struct OutletOptions {
  size_t outlets = 3;
  double declared_share = 0.5;  // outlets an analyst lists as independent
  int event_reports_lo = 3, event_reports_hi = 8;
  double sharers_per_event_report = 4;  // ordinary users who share an event report's link, hours later
};
// Independent outlets covering the campaign: a steady trickle of reports and a burst of coverage on every
// event day, at engagement above their usual (news interest), shared by ordinary users over the next hours.
void AddOutletCoverage(ScenarioBuilder& b, const OutletOptions& options);

struct ViralOptions {
  std::string platform;  // where the commentator posts (a platform with a state-media baseline)
  int viral_posts = 3;
  double viral_multiple_lo = 8, viral_multiple_hi = 12;  // interactions, as multiples of the state-media median
};
// An unlisted commentator: ordinary posts for weeks, then a few about one candidate go viral. No amplifier
// network, no state link.
void AddViralCommentator(ScenarioBuilder& b, const ViralOptions& options);

// A watched target's own page on one platform, and the posts it published there (time order).
struct TargetPage {
  size_t target = 0;  // index into the world's targets
  Account account;
  std::vector<std::pair<int64_t, std::string>> posts;  // (published_at, post id)
};
// Gives every watched target an X handle and a Facebook page (declared as its accounts in watch.yaml), its
// own campaign posts there, and ordinary users' replies to them, hours later and in many wordings.
std::vector<TargetPage> AddTargetPages(ScenarioBuilder& b);

struct ReplySpamOptions {
  int64_t accounts_lo = 30, accounts_hi = 80;  // bot accounts (small corpora use at most kSmallReplySpamAccounts)
  int64_t wave_lo = 5, wave_hi = 14;           // bots commenting together on one page
  double comments_per_account = 10;            // on average over the operation
};
// A state-backed bot network: new serial- or formula-named accounts with no history leave comments on the
// pages of every watched target, in waves during Beijing office hours, repeating one accusation in English and
// French with light variations, at tiny engagement, accelerating into a holiday long weekend (declared as an
// event). Writes the key's network operation.
void AddReplySpam(ScenarioBuilder& b, const std::vector<TargetPage>& pages, const ReplySpamOptions& options);

// Fans of one MP: accounts with weeks of everyday posts that reply warmly, in their own words, minutes after
// the MP posts. Writes a key look-alike network.
void AddFanReplies(ScenarioBuilder& b, const std::vector<TargetPage>& pages);
// Ordinary supporters of one MP sharing the same news report about them within the hour it appears, a dozen
// times over the data. Writes a key look-alike network.
void AddFanLinkSharing(ScenarioBuilder& b);

// A Poisson count with mean `mean` (exact for small means, normal approximation beyond).
int64_t DrawCount(Rng& rng, double mean);
// Log-uniform in [lo, hi].
int64_t DrawDelay(Rng& rng, int64_t lo, int64_t hi);
// The language local users of the world's country write in, drawn by share (Canada: English and French).
Lang LocalLang(Rng& rng, const Country& country);
// The language an account on `platform` writes about the country in (Chinese on WeChat and Weibo).
Lang PlatformLang(Rng& rng, const std::string& platform, const Country& country);

}  // namespace vigil::scenarios
