// The scenario kinds (see kinds.h): data as data, one builder per kind composing the parts.
#include "scenarios/kinds.h"

#include "scenarios/parts.h"

namespace vigil::scenarios {
namespace {

// Which state stages the operation or the media, and on which platform.
struct Staging {
  Sponsor sponsor = Sponsor::kChina;
  std::string platform;
};

Staging DrawStaging(Rng& rng, const World& world, bool china_only = false) {
  static const std::vector<std::string> kChinaPlatforms = {"wechat", "weibo", "x", "facebook"};
  static const std::vector<double> kChinaWeights = {0.4, 0.2, 0.2, 0.2};
  static const std::vector<std::string> kRussiaPlatforms = {"telegram", "x", "facebook"};
  static const std::vector<double> kRussiaWeights = {0.4, 0.3, 0.3};
  constexpr double kRussiaShare = 0.25;
  // Russian operations write in the country's English or French; Taiwan's audience reads Chinese.
  const bool russia = !china_only && world.country->code != "TW" && rng.Bernoulli(kRussiaShare);
  if (russia) return {Sponsor::kRussia, kRussiaPlatforms[rng.Weighted(kRussiaWeights)]};
  return {Sponsor::kChina, kChinaPlatforms[rng.Weighted(kChinaWeights)]};
}

Tone DrawTone(Rng& rng) {
  static const Tone kTones[] = {Tone::kMixed, Tone::kFavor, Tone::kAgainst};
  return kTones[rng.Index(std::size(kTones))];
}

// Bursts on the days after one or two campaign events, the sides following the operation's tone.
std::vector<BurstPlan> DrawBursts(Rng& rng, Tone tone) {
  const Tone first = tone == Tone::kMixed ? Tone::kFavor : tone;
  const Tone second = tone == Tone::kMixed ? Tone::kAgainst : tone;
  std::vector<BurstPlan> bursts = {{EventKind::kElectionCalled, static_cast<int>(rng.UniformInt(1, 3)), first}};
  if (rng.Bernoulli(0.7) || tone == Tone::kMixed) {
    bursts.push_back({EventKind::kDebate, static_cast<int>(rng.UniformInt(1, 2)), second});
  }
  return bursts;
}

// An operation of a random stance, bursts after campaign events, amplified in `weights`' styles.
OperationSpec BurstOperation(Rng& rng, const Staging& staging, std::vector<double> weights) {
  OperationSpec spec;
  spec.sponsor = staging.sponsor;
  spec.platform = staging.platform;
  spec.target = rng.Index(2);
  spec.tone = DrawTone(rng);
  spec.bursts = DrawBursts(rng, spec.tone);
  spec.scattered_posts = static_cast<int>(rng.UniformInt(2, 6));
  spec.engagement_lo = rng.Uniform(2.2, 3.0);
  spec.engagement_hi = spec.engagement_lo + rng.Uniform(0.8, 1.8);
  spec.amplification.accounts = static_cast<size_t>(rng.UniformInt(12, 32));
  spec.amplification.style_weights = std::move(weights);
  spec.amplification.secondary_share = rng.Uniform(0.2, 0.5);
  spec.prior_campaigns = static_cast<int>(rng.UniformInt(0, 1));
  return spec;
}

void Setting(ScenarioBuilder& b, const Staging& staging) {
  AddBackground(b);
  AddStateMedia(b, {staging.sponsor, staging.platform, 1.0});
}

// ---- Kinds ----

void BuildReference(ScenarioBuilder& b) {
  Rng rng = b.Stream("plan");
  const Staging staging{Sponsor::kChina, rng.Bernoulli(0.75) ? "wechat" : "weibo"};
  Setting(b, staging);
  OperationSpec spec;
  spec.platform = staging.platform;
  spec.target = 0;  // the candidate whose leadership win opens the calendar
  spec.tone = Tone::kMixed;
  spec.bursts = {{EventKind::kLeadership, 1, Tone::kFavor}, {EventKind::kElectionCalled, 2, Tone::kAgainst}};
  spec.scattered_posts = 5;
  spec.amplification.accounts = static_cast<size_t>(rng.UniformInt(25, 32));
  spec.amplification.secondary_share = 0.25;
  spec.amplification.scattered_share_lo = spec.amplification.scattered_share_hi = 0;  // as in the case
  spec.prior_campaigns = 2;
  spec.notes = "praise the day after the leadership win, attacks two days after the election call";
  AddOperation(b, spec, "operation");
}

void BuildStateMediaRoutine(ScenarioBuilder& b, double multiple) {
  Rng rng = b.Stream("plan");
  const Staging staging = DrawStaging(rng, b.world());
  AddBackground(b);
  AddStateMedia(b, {staging.sponsor, staging.platform, multiple});
}

void BuildOutlets(ScenarioBuilder& b) {
  Rng rng = b.Stream("plan");
  // Outlets publish on X, Facebook and Telegram: their engagement meets a state-media baseline there.
  const Staging staging{rng.Bernoulli(0.5) ? Sponsor::kChina : Sponsor::kRussia, rng.Bernoulli(0.6) ? "x" : "facebook"};
  AddBackground(b);
  AddStateMedia(b, {staging.sponsor, staging.platform, 1.0});
  OutletOptions outlets;
  outlets.outlets = std::min<size_t>(b.world().country->outlets.size(), static_cast<size_t>(rng.UniformInt(2, 4)));
  AddOutletCoverage(b, outlets);
}

void BuildViral(ScenarioBuilder& b) {
  Rng rng = b.Stream("plan");
  const Staging staging = DrawStaging(rng, b.world(), true);
  Setting(b, staging);
  AddViralCommentator(b, {staging.platform, 3, 8, 12});
}

void BuildMidCampaign(ScenarioBuilder& b) {
  Rng rng = b.Stream("plan");
  const Staging staging = DrawStaging(rng, b.world());
  Setting(b, staging);
  AddOutletCoverage(b, {});
  OperationSpec spec = BurstOperation(rng, staging, {1, 1, 1, 0});
  // The operation began before the export: its posts after the election call fall before the data.
  spec.bursts = {{EventKind::kElectionCalled, 1, spec.tone == Tone::kAgainst ? Tone::kAgainst : Tone::kFavor},
                 {EventKind::kDebate, 1, spec.tone == Tone::kFavor ? Tone::kFavor : Tone::kAgainst},
                 {EventKind::kElectionDay, -3, spec.tone == Tone::kFavor ? Tone::kFavor : Tone::kAgainst}};
  spec.prior_campaigns = 0;
  spec.notes = "the export starts mid-campaign, after the operation began";
  AddOperation(b, spec, "operation");
}

void BuildAmplified(ScenarioBuilder& b, AmplificationStyle style) {
  Rng rng = b.Stream("plan");
  const Staging staging = DrawStaging(rng, b.world());
  Setting(b, staging);
  std::vector<double> weights(std::size(kAllStyles), 0);
  weights[static_cast<size_t>(style)] = 1;
  OperationSpec spec = BurstOperation(rng, staging, weights);
  AmplificationPlan& a = spec.amplification;
  switch (style) {
    case AmplificationStyle::kRepost:
      a.min_delay_seconds = 30, a.max_delay_seconds = 600;
      break;
    case AmplificationStyle::kLink:
      a.min_delay_seconds = 60, a.max_delay_seconds = 3600;
      break;
    case AmplificationStyle::kCopy:
      // The reported copy networks: 8-40 minutes; some seeds faster or slower, up to an hour.
      a.min_delay_seconds = rng.Bernoulli(0.5) ? 480 : rng.UniformInt(5, 120);
      a.max_delay_seconds = rng.Bernoulli(0.5) ? 2400 : 3600;
      break;
    case AmplificationStyle::kParaphrase:
      a.min_delay_seconds = 300, a.max_delay_seconds = 3600;
      break;
  }
  spec.notes = std::string("amplified by ") + StyleName(style);
  AddOperation(b, spec, "operation");
}

void BuildCrossPlatform(ScenarioBuilder& b) {
  Rng rng = b.Stream("plan");
  const Staging staging = DrawStaging(rng, b.world());
  Setting(b, staging);
  OperationSpec spec = BurstOperation(rng, staging, {0.2, 0.35, 0.3, 0.15});
  spec.amplification.cross_platform_share = rng.Uniform(0.6, 1.0);
  spec.amplification.min_delay_seconds = rng.UniformInt(5, 60);
  spec.amplification.max_delay_seconds = 3600;
  spec.notes = "amplified on other platforms than the operator's";
  AddOperation(b, spec, "operation");
}

void BuildSlow(ScenarioBuilder& b) {
  Rng rng = b.Stream("plan");
  const Staging staging = DrawStaging(rng, b.world());
  Setting(b, staging);
  OperationSpec spec = BurstOperation(rng, staging, {0.4, 0.2, 0.3, 0.1});
  spec.shape = Shape::kSlow;
  spec.engagement_lo = rng.Uniform(1.5, 2.0);
  spec.engagement_hi = spec.engagement_lo + rng.Uniform(0.5, 1.0);
  spec.amplification.accounts = static_cast<size_t>(rng.UniformInt(10, 20));
  spec.amplification.scattered_share_lo = 0.5;
  spec.amplification.scattered_share_hi = 0.8;
  spec.amplification.min_delay_seconds = 30;
  spec.amplification.max_delay_seconds = 1800;
  spec.notes = "a post every few days for weeks; no burst";
  AddOperation(b, spec, "operation");
}

void BuildUndeclared(ScenarioBuilder& b) {
  Rng rng = b.Stream("plan");
  const Staging staging = DrawStaging(rng, b.world());
  Setting(b, staging);
  OperationSpec spec = BurstOperation(rng, staging, {0.4, 0.2, 0.3, 0.1});
  spec.declared = false;
  spec.amplification.min_delay_seconds = 30;
  spec.amplification.max_delay_seconds = 2400;
  spec.notes = "the operator is not in watch.yaml";
  AddOperation(b, spec, "operation");
}

void BuildSingleStance(ScenarioBuilder& b) {
  Rng rng = b.Stream("plan");
  const Staging staging = DrawStaging(rng, b.world());
  Setting(b, staging);
  OperationSpec spec = BurstOperation(rng, staging, {0.5, 0.2, 0.3, 0});
  spec.tone = rng.Bernoulli(0.5) ? Tone::kFavor : Tone::kAgainst;
  spec.bursts = DrawBursts(rng, spec.tone);
  spec.notes = std::string("only ") + ToneName(spec.tone);
  AddOperation(b, spec, "operation");
}

void BuildCombined(ScenarioBuilder& b) {
  Rng rng = b.Stream("plan");
  const Staging staging = DrawStaging(rng, b.world());
  Setting(b, staging);
  AddOutletCoverage(b, {});
  AddViralCommentator(b, {staging.platform, 3, 8, 12});
  OperationSpec spec = BurstOperation(rng, staging, {0.3, 0.2, 0.35, 0.15});
  spec.declared = rng.Bernoulli(0.7);
  spec.amplification.cross_platform_share = rng.Bernoulli(0.5) ? rng.Uniform(0.1, 0.5) : 0;
  spec.amplification.min_delay_seconds = rng.UniformInt(5, 120);
  spec.amplification.max_delay_seconds = rng.UniformInt(600, 3600);
  spec.notes = "one operation among routine state media, outlets' coverage and a viral commentator";
  AddOperation(b, spec, "operation");
}

// Canada with its candidates and sitting members watched: reply-spam networks comment on MPs' own pages.
const WorldOptions kParliament{8, false, "CA", true};

void BuildReplySpam(ScenarioBuilder& b) {
  AddBackground(b);
  AddReplySpam(b, AddTargetPages(b), {});
}

void BuildFanReplies(ScenarioBuilder& b) {
  AddBackground(b);
  AddFanReplies(b, AddTargetPages(b));
}

void BuildFanLinkSharing(ScenarioBuilder& b) {
  AddBackground(b);
  AddTargetPages(b);
  AddFanLinkSharing(b);
}

}  // namespace

const std::vector<KindInfo>& ScenarioKinds() {
  static const std::vector<KindInfo> kKinds = {
      {"reference",
       "A state-linked account posts mixed praise and attacks about the candidate who just won a party leadership, "
       "in bursts the day after the win and two days after the election call, at three to four times state media's "
       "engagement; 25-32 small accounts repost within minutes; the same account ran campaigns against two other "
       "candidates earlier.",
       "The SITE task force's 2025 account of the WeChat news account Youli-Youmian and Mark Carney (and its earlier "
       "campaigns about Michael Chong and Chrystia Freeland), with other countries, candidates and dates.",
       {}, BuildReference},
      {"state-media-routine",
       "State media cover the election in a few percent of their posts: neutral briefs on event days and now and "
       "then, at their usual engagement. No operation.",
       "How PRC and Russian state outlets report foreign elections: wire-style briefs among a steady flow of other "
       "news.",
       {}, [](ScenarioBuilder& b) { BuildStateMediaRoutine(b, 1.0); }},
      {"state-media-routine-10x",
       "The same routine coverage with ten times more state-media posts (eight outlets, more posts each). No "
       "operation: volume alone must not raise severity.",
       "Exports that hold a fuller history of prolific state outlets.",
       {}, [](ScenarioBuilder& b) { BuildStateMediaRoutine(b, 10.0); }},
      {"outlet-event-coverage",
       "Independent outlets (half of them declared as independent) report steadily and publish a burst of reports "
       "on each event day, drawing more engagement than usual and shared by unrelated readers over the next hours. "
       "No operation.",
       "Ordinary news cycles: event-driven coverage by newsrooms and organic sharing of their links.",
       {}, BuildOutlets},
      {"organic-viral",
       "An unlisted commentator posts for weeks, then three posts about one candidate draw 8-12 times the "
       "state-media median. No amplifiers, no state link. No operation.",
       "Organic virality of independent commentators, the most common source of outsized engagement.",
       {}, BuildViral},
      {"mid-campaign-start",
       "The export starts mid-campaign, after an operation began: the first days carry campaign-level volume (no "
       "quiet history before them), outlets are covering the race, and the operation's remaining bursts come later "
       "in the data.",
       "Real exports (CrowdTangle, platform APIs, archives) start on an arbitrary date.",
       {4, true, "", false}, BuildMidCampaign},
      {"amplify-repost",
       "An operation whose amplifiers use the platform's repost (repost_of and the link) within 30 s to 10 min.",
       "The amplifier networks of the SITE task force's WeChat case.",
       {}, [](ScenarioBuilder& b) { BuildAmplified(b, AmplificationStyle::kRepost); }},
      {"amplify-link",
       "An operation whose amplifiers post the article's link with a comment of their own (no repost_of, no copied "
       "text), 1 to 60 minutes later.",
       "Link-sharing networks found by CooRnet-style coordinated link sharing analysis.",
       {}, [](ScenarioBuilder& b) { BuildAmplified(b, AmplificationStyle::kLink); }},
      {"amplify-copy",
       "An operation whose amplifiers post lightly edited copies of its text (a prefix such as 转发：, traditional "
       "script, emoji, truncation, an added question), without repost_of or link, seconds to an hour later.",
       "Copy-paste networks (Spamouflage, 2023) that repost text instead of using the repost button.",
       {}, [](ScenarioBuilder& b) { BuildAmplified(b, AmplificationStyle::kCopy); }},
      {"amplify-paraphrase",
       "An operation whose amplifiers reword its text (synonyms and a framing of their own), 5 to 60 minutes later.",
       "Networks that vary templates to evade duplicate detection.",
       {}, [](ScenarioBuilder& b) { BuildAmplified(b, AmplificationStyle::kParaphrase); }},
      {"amplify-cross-platform",
       "An operation on one platform amplified mostly on others (links, copies, rewordings on Weibo, X, Facebook "
       "or Telegram), seconds to an hour later.",
       "Cross-platform operations (Spamouflage, Doppelganger) that seed on one platform and spread on others.",
       {}, BuildCrossPlatform},
      {"slow-operation",
       "An operation that posts about the candidate every four to nine days for weeks, amplified each time, at "
       "1.5-3 times state media's engagement; no burst, so no surge day.",
       "Low-and-slow narrative laundering that never spikes.",
       {}, BuildSlow},
      {"undeclared-operator",
       "An operation whose operator is not listed in watch.yaml (the analyst does not know it yet).",
       "Newly found operators: most operations are found before they are attributed.",
       {}, BuildUndeclared},
      {"single-stance",
       "An operation that only praises or only attacks the candidate.",
       "Single-narrative campaigns (pure smear or pure promotion) beside the mixed reference case.",
       {}, BuildSingleStance},
      {"combined",
       "One operation (random stance, amplification styles and declaration) among routine state media, outlets' "
       "event coverage and a viral commentator, in one corpus.",
       "Real data: an operation hides among every look-alike at once.",
       {}, BuildCombined},
      {"reply-spam",
       "A bot network of 30-80 new accounts (named in series or by formula, no history) comments on the X and "
       "Facebook pages of every watched candidate and sitting MP, all parties, repeating one accusation in English "
       "and French with light variations, in waves during Beijing office hours, at near-zero engagement, "
       "accelerating into a holiday long weekend. The pages carry their own posts and ordinary replies. One network "
       "operation, no operator.",
       "The Spamouflage comments on 47 Canadian MPs' Facebook and X accounts that Canada's Rapid Response "
       "Mechanism reported in 2023 (the September long weekend), with other dates and holidays.",
       kParliament, BuildReplySpam},
      {"fan-replies",
       "Supporters of one MP (25-60 accounts with weeks of everyday posts) reply warmly, in their own words, minutes "
       "after each of the MP's posts. No operation: one target, no template, no new accounts.",
       "Organic fan communities under politicians' posts, the commonest burst of replies on a page.",
       kParliament, BuildFanReplies},
      {"fan-link-sharing",
       "Ordinary supporters of one MP (15-35 accounts with history) share the same news report about them within "
       "the hour it appears, a dozen times over the data. No operation.",
       "Organic link sharing that coordinated-link-sharing methods (CooRnet) flag at short windows.",
       kParliament, BuildFanLinkSharing},
  };
  return kKinds;
}

const KindInfo* FindKind(const std::string& name) {
  for (const KindInfo& k : ScenarioKinds()) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

}  // namespace vigil::scenarios
