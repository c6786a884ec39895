// The generated scenarios: reproducible from (kind, seed, size), varied across seeds, and holding what their
// answer keys say — checked from the posts themselves: amplifiers really pass the operation's posts on in
// their style and within the stated delays, surge days really carry the operation's volume, look-alikes
// really have no network and no hidden state link.
#include "scenarios/scenario.h"
#include "scenarios/small_scenarios_test_util.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "common/time.h"
#include "examplegen/writers.h"
#include "scenarios/kinds.h"
#include "scenarios/watch_yaml.h"
#include "text/normalize.h"

namespace vigil::scenarios {
namespace {

constexpr uint64_t kTuningSeed = 1;
constexpr uint64_t kHeldoutSeed = 1001;
constexpr int64_t kHour = 3600;
// A copy keeps a verbatim stretch of its source; a rewording keeps shorter ones (names, phrases).
constexpr size_t kCopyRun = 5;
constexpr size_t kParaphraseRun = 3;

std::string Jsonl(const Scenario& s) {
  std::string out;
  examplegen::StringSink sink(&out);
  examplegen::JsonlWriter writer(sink);
  for (const Post& p : s.posts) EXPECT_TRUE(writer.Write(p).ok());
  EXPECT_TRUE(writer.Finish().ok());
  return out;
}

std::string AccountOf(const Post& p) { return p.platform + ":" + p.account_id; }

const text::Normalizer& Norm() {
  static const auto* normalizer = [] {
    auto n = text::Normalizer::Create();
    EXPECT_TRUE(n.ok());
    return n.value().release();
  }();
  return *normalizer;
}

// Latin words and single Han characters of `text` after normalisation (case, width, traditional script
// folded), so a copy in traditional script compares equal to its simplified source.
std::vector<std::string> Tokens(const std::string& raw) {
  const std::string text = Norm().NormalizeOrReplace(raw);
  std::vector<std::string> tokens;
  std::string word;
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (len == 1 && std::isalnum(lead)) {
      word += text[i];
    } else {
      if (!word.empty()) tokens.push_back(word);
      word.clear();
      if (len > 1) tokens.push_back(text.substr(i, len));
    }
    i += len;
  }
  if (!word.empty()) tokens.push_back(word);
  return tokens;
}

std::string Join(const std::vector<std::string>& tokens, size_t from, size_t count) {
  std::string out;
  for (size_t i = from; i < from + count; ++i) out += tokens[i] + "\x1f";
  return out;
}

// Whether the copy carries a verbatim run of `run` tokens of the source.
bool CarriesRun(const std::string& copy, const std::string& source, size_t run) {
  const auto a = Tokens(copy);
  const auto b = Tokens(source);
  if (a.size() < run || b.size() < run) return false;
  std::set<std::string> runs;
  for (size_t i = 0; i + run <= b.size(); ++i) runs.insert(Join(b, i, run));
  for (size_t i = 0; i + run <= a.size(); ++i) {
    if (runs.count(Join(a, i, run))) return true;
  }
  return false;
}

class EveryKind : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryKind, SameSeedGivesByteIdenticalOutput) {
  auto again = GenerateScenario(GetParam(), kTuningSeed, SmallSize());
  ASSERT_TRUE(again.ok());
  const Scenario& first = Generated(GetParam(), kTuningSeed);
  EXPECT_EQ(Jsonl(first), Jsonl(*again));
  EXPECT_EQ(RenderAnswerKey(first.key), RenderAnswerKey(again->key));
  EXPECT_EQ(RenderWatchYaml(first.watch, ""), RenderWatchYaml(again->watch, ""));
}

TEST_P(EveryKind, KeyDescribesTheCorpus) {
  for (uint64_t seed : {kTuningSeed, kHeldoutSeed}) {
    const Scenario& s = Generated(GetParam(), seed);
    const AnswerKey& key = s.key;
    EXPECT_EQ(key.kind, GetParam());
    EXPECT_EQ(key.split, seed < kFirstHeldoutSeed ? "tuning" : "heldout");
    EXPECT_EQ(key.posts, static_cast<int64_t>(s.posts.size()));
    ASSERT_EQ(s.truth.size(), s.posts.size());
    EXPECT_TRUE(std::is_sorted(s.posts.begin(), s.posts.end(),
                               [](const Post& a, const Post& b) { return a.published_at < b.published_at; }));
    EXPECT_GT(s.posts.size(), 1000u);
    std::set<std::string> ids;
    for (const Post& p : s.posts) EXPECT_TRUE(ids.insert(p.Key()).second) << p.Key();
    for (const Target& t : s.watch.targets) EXPECT_FALSE(t.aliases.empty());
  }
}

// Every key incident: its posts are the actor's, name the target, and lie in its window; the actor is
// declared in watch.yaml exactly when the key says so.
TEST_P(EveryKind, IncidentsAreTheActorsPostsAboutTheTarget) {
  for (uint64_t seed : {kTuningSeed, kHeldoutSeed}) {
    const Scenario& s = Generated(GetParam(), seed);
    for (size_t i = 0; i < s.key.incidents.size(); ++i) {
      const KeyIncident& in = s.key.incidents[i];
      const std::string platform = in.actor.substr(0, in.actor.find(':'));
      const std::string id = in.actor.substr(in.actor.find(':') + 1);
      EXPECT_EQ(s.watch.FindActor(platform, id) != nullptr, in.declared) << in.actor;
      ASSERT_FALSE(in.post_ids.empty());
      int64_t found = 0;
      for (size_t p = 0; p < s.posts.size(); ++p) {
        if (s.truth[p].incident != static_cast<int>(i) || s.truth[p].role != Role::kOperator) continue;
        ++found;
        EXPECT_EQ(AccountOf(s.posts[p]), in.actor);
        EXPECT_GE(s.posts[p].published_at, in.window_start);
        EXPECT_LE(s.posts[p].published_at, in.window_end);
        EXPECT_NE(std::find(s.truth[p].names.begin(), s.truth[p].names.end(), in.target), s.truth[p].names.end())
            << s.posts[p].title << s.posts[p].text;
      }
      EXPECT_EQ(found, static_cast<int64_t>(in.post_ids.size()));
      for (const std::string& prior : in.prior_targets) {
        const bool earlier = std::any_of(s.key.incidents.begin(), s.key.incidents.end(), [&](const KeyIncident& o) {
          return o.actor == in.actor && o.target == prior && o.window_end < in.window_start;
        });
        EXPECT_TRUE(earlier) << in.actor << " " << prior;
      }
    }
  }
}

// Amplifiers pass the operation's posts on in their key style, within the key's delays: reposts name the
// original, links share its URL, copies carry its text (edited), rewordings keep part of it.
TEST_P(EveryKind, AmplifiersPassPostsOnAsTheKeySays) {
  for (uint64_t seed : {kTuningSeed, kHeldoutSeed}) {
    const Scenario& s = Generated(GetParam(), seed);
    std::map<std::string, size_t> by_key;
    for (size_t p = 0; p < s.posts.size(); ++p) by_key[s.posts[p].Key()] = p;
    for (size_t i = 0; i < s.key.incidents.size(); ++i) {
      const KeyIncident& in = s.key.incidents[i];
      std::map<std::string, const KeyAmplifier*> amplifiers;
      for (const KeyAmplifier& a : in.amplifiers) amplifiers[a.account] = &a;
      std::map<std::string, int64_t> posts;
      for (size_t p = 0; p < s.posts.size(); ++p) {
        const PostTruth& t = s.truth[p];
        if (t.incident != static_cast<int>(i) || t.role != Role::kAmplifier) continue;
        const Post& post = s.posts[p];
        ASSERT_TRUE(amplifiers.count(AccountOf(post))) << AccountOf(post);
        const KeyAmplifier& a = *amplifiers[AccountOf(post)];
        ++posts[a.account];
        ASSERT_TRUE(by_key.count(t.amplified));
        const Post& source = s.posts[by_key[t.amplified]];
        EXPECT_EQ(AccountOf(source), in.actor);
        const int64_t delay = post.published_at - source.published_at;
        EXPECT_GE(delay, a.min_delay_seconds);
        EXPECT_LE(delay, a.max_delay_seconds);
        EXPECT_GE(delay, 5);
        EXPECT_LE(delay, kHour);
        EXPECT_EQ(a.cross_platform, post.platform != source.platform);
        switch (a.style) {
          case AmplificationStyle::kRepost:
            EXPECT_EQ(post.repost_of, source.id);
            EXPECT_EQ(post.platform, source.platform);
            break;
          case AmplificationStyle::kLink:
            EXPECT_TRUE(post.repost_of.empty());
            EXPECT_EQ(post.links, std::vector<std::string>{source.url});
            EXPECT_TRUE(t.names.empty()) << post.text;  // a comment of its own, not the operation's text
            break;
          case AmplificationStyle::kCopy:
            EXPECT_TRUE(post.repost_of.empty() && post.links.empty());
            EXPECT_TRUE(CarriesRun(post.text, source.title + "\n" + source.text, kCopyRun)) << post.text;
            break;
          case AmplificationStyle::kParaphrase:
            EXPECT_TRUE(post.repost_of.empty() && post.links.empty());
            EXPECT_TRUE(CarriesRun(post.text, source.title + "\n" + source.text, kParaphraseRun)) << post.text;
            EXPECT_NE(post.text.find(source.title.empty() ? source.text.substr(0, 8) : source.title), 0u);
            break;
        }
      }
      for (const KeyAmplifier& a : in.amplifiers) EXPECT_EQ(posts[a.account], a.posts) << a.account;
    }
  }
}

// A key surge day: on that UTC day the operation's and its amplifiers' posts naming the target number at
// least kSurgeMinMentions and kSurgeMultiple times the target's organic daily average — counted here from
// the texts, by the target's aliases and their traditional forms.
TEST_P(EveryKind, SurgeDaysCarryTheOperationsVolume) {
  for (uint64_t seed : {kTuningSeed, kHeldoutSeed}) {
    const Scenario& s = Generated(GetParam(), seed);
    const int64_t days = FloorDiv(s.posts.back().published_at, kSecondsPerDay) -
                         FloorDiv(s.posts.front().published_at, kSecondsPerDay) + 1;
    for (size_t i = 0; i < s.key.incidents.size(); ++i) {
      const KeyIncident& in = s.key.incidents[i];
      const Target* target = s.watch.FindTarget(in.target);
      ASSERT_NE(target, nullptr);
      auto names = [&](const Post& p) {
        const std::string text = " " + Norm().NormalizeOrReplace(p.title + "\n" + p.text) + " ";
        for (const std::string& alias : target->aliases) {
          const std::string form = Norm().NormalizeOrReplace(alias);
          for (size_t at = text.find(form); at != std::string::npos; at = text.find(form, at + 1)) {
            const char before = text[at - 1], after = text[at + form.size()];
            if (!std::isalpha(static_cast<unsigned char>(before)) && !std::isalpha(static_cast<unsigned char>(after)))
              return true;
          }
        }
        return false;
      };
      std::map<std::string, int64_t> operation;
      int64_t organic = 0;
      for (size_t p = 0; p < s.posts.size(); ++p) {
        if (!names(s.posts[p])) continue;
        if (s.truth[p].incident == static_cast<int>(i)) ++operation[FormatDate(s.posts[p].published_at)];
        if (s.truth[p].incident < 0) ++organic;
      }
      const double organic_per_day = static_cast<double>(organic) / static_cast<double>(days);
      for (const KeySurgeDay& d : in.surge_days) {
        const int64_t n = operation[d.date.ToString()];
        EXPECT_GE(n, kSurgeMinMentions) << d.date.ToString();
        EXPECT_GE(static_cast<double>(n), kSurgeMultiple * organic_per_day * 0.95) << d.date.ToString();
      }
    }
  }
}

// Look-alikes: never the actor of an incident, not state-linked in watch.yaml (state media are state media
// and say so), and nobody passes their posts on in minutes.
TEST_P(EveryKind, LookalikesHaveNoNetworkAndNoHiddenStateLink) {
  for (uint64_t seed : {kTuningSeed, kHeldoutSeed}) {
    const Scenario& s = Generated(GetParam(), seed);
    std::map<std::string, const Post*> by_key;
    for (const Post& p : s.posts) by_key[p.Key()] = &p;
    for (const KeyLookalike& l : s.key.lookalikes) {
      for (const KeyIncident& in : s.key.incidents) EXPECT_NE(in.actor, l.account);
      const std::string platform = l.account.substr(0, l.account.find(':'));
      const Actor* declared = s.watch.FindActor(platform, l.account.substr(l.account.find(':') + 1));
      if (l.pattern == "routine-state-media") {
        ASSERT_NE(declared, nullptr);
        EXPECT_EQ(declared->affiliation, Affiliation::kStateMedia);
      } else {
        EXPECT_TRUE(declared == nullptr || declared->affiliation == Affiliation::kIndependent) << l.account;
      }
      std::vector<int64_t> share_delays;
      for (size_t p = 0; p < s.posts.size(); ++p) {
        const Post& post = s.posts[p];
        const bool reposts = !post.repost_of.empty() && by_key.count(post.platform + ":" + post.repost_of) &&
                             AccountOf(*by_key[post.platform + ":" + post.repost_of]) == l.account;
        EXPECT_FALSE(reposts) << l.account;
        if (s.truth[p].amplified.empty() || !by_key.count(s.truth[p].amplified)) continue;
        const Post& source = *by_key[s.truth[p].amplified];
        if (AccountOf(source) != l.account) continue;
        EXPECT_EQ(s.truth[p].role, Role::kSharer);
        share_delays.push_back(post.published_at - source.published_at);
      }
      if (l.pattern == "organic-viral") {
        EXPECT_TRUE(share_delays.empty());
      }
      if (!share_delays.empty()) {
        std::sort(share_delays.begin(), share_delays.end());
        EXPECT_GE(share_delays[share_delays.size() / 2], kHour / 2) << l.account;  // readers share over hours
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Kinds, EveryKind, ::testing::ValuesIn([] {
                           std::vector<std::string> names;
                           for (const KindInfo& k : ScenarioKinds()) names.push_back(k.name);
                           return names;
                         }()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

// ---- What defines each kind ----

TEST(ScenarioKinds, ReferenceFollowsTheCase) {
  const Scenario& s = Generated("reference", kTuningSeed);
  ASSERT_EQ(s.key.incidents.size(), 3u);  // two earlier campaigns, then the operation
  const KeyIncident& op = s.key.incidents.back();
  EXPECT_EQ(op.stance, "mixed");
  EXPECT_EQ(op.prior_targets.size(), 2u);
  EXPECT_GE(op.peak_to_peer_median, 2.8);
  EXPECT_GE(op.amplifiers.size(), 25u);
  for (const KeyAmplifier& a : op.amplifiers) EXPECT_EQ(a.style, AmplificationStyle::kRepost);
  std::set<int64_t> leads;
  for (const KeySurgeDay& d : op.surge_days) {
    if (!d.after_event.empty()) leads.insert(d.lead_hours);
  }
  EXPECT_TRUE(leads.count(24) && leads.count(48)) << RenderAnswerKey(s.key);
}

TEST(ScenarioKinds, TenTimesTheStateMediaPosts) {
  auto per_day = [](const Scenario& s) {
    int64_t n = 0;
    for (const PostTruth& t : s.truth) n += t.role == Role::kStateMedia;
    const double days =
        static_cast<double>(s.posts.back().published_at - s.posts.front().published_at) / kSecondsPerDay;
    return static_cast<double>(n) / days;
  };
  const Scenario& one = Generated("state-media-routine", kTuningSeed);
  const Scenario& ten = Generated("state-media-routine-10x", kTuningSeed);
  EXPECT_TRUE(one.key.incidents.empty() && ten.key.incidents.empty());
  EXPECT_GT(per_day(ten), 7 * per_day(one));
  EXPECT_FALSE(ten.key.lookalikes.empty());
}

TEST(ScenarioKinds, MidCampaignDataStartsAfterTheElectionCall) {
  for (uint64_t seed : {kTuningSeed, kHeldoutSeed}) {
    const Scenario& s = Generated("mid-campaign-start", seed);
    const auto called = std::find_if(s.watch.events.begin(), s.watch.events.end(),
                                     [](const Event& e) { return e.label.find("called") != std::string::npos; });
    ASSERT_NE(called, s.watch.events.end());
    EXPECT_GT(FormatDate(s.posts.front().published_at), called->date.ToString());
    ASSERT_EQ(s.key.incidents.size(), 1u);
  }
}

TEST(ScenarioKinds, EachAmplificationKindUsesItsStyle) {
  const std::map<std::string, AmplificationStyle> kinds = {{"amplify-repost", AmplificationStyle::kRepost},
                                                           {"amplify-link", AmplificationStyle::kLink},
                                                           {"amplify-copy", AmplificationStyle::kCopy},
                                                           {"amplify-paraphrase", AmplificationStyle::kParaphrase}};
  for (const auto& [kind, style] : kinds) {
    for (uint64_t seed : {kTuningSeed, kHeldoutSeed}) {
      for (const KeyIncident& in : Generated(kind, seed).key.incidents) {
        EXPECT_FALSE(in.amplifiers.empty());
        for (const KeyAmplifier& a : in.amplifiers) EXPECT_EQ(a.style, style) << kind;
      }
    }
  }
  for (uint64_t seed : {kTuningSeed, kHeldoutSeed}) {
    const KeyIncident& in = Generated("amplify-cross-platform", seed).key.incidents.back();
    const auto cross = std::count_if(in.amplifiers.begin(), in.amplifiers.end(),
                                     [](const KeyAmplifier& a) { return a.cross_platform; });
    EXPECT_GE(2 * cross, static_cast<int64_t>(in.amplifiers.size()));
  }
}

TEST(ScenarioKinds, SlowOperationsSpreadOverWeeksWithoutSurges) {
  for (uint64_t seed : {kTuningSeed, kHeldoutSeed}) {
    const KeyIncident& in = Generated("slow-operation", seed).key.incidents.back();
    EXPECT_EQ(in.shape, "slow");
    EXPECT_TRUE(in.surge_days.empty());
    EXPECT_GE(in.window_end - in.window_start, 21 * kSecondsPerDay);
    EXPECT_GE(in.post_ids.size(), 5u);
  }
}

TEST(ScenarioKinds, UndeclaredOperatorIsNotInTheWatchList) {
  for (uint64_t seed : {kTuningSeed, kHeldoutSeed}) {
    for (const KeyIncident& in : Generated("undeclared-operator", seed).key.incidents) EXPECT_FALSE(in.declared);
  }
}

TEST(ScenarioKinds, SingleStanceOperationsTakeOneSide) {
  for (uint64_t seed : {kTuningSeed, kHeldoutSeed}) {
    const std::string& stance = Generated("single-stance", seed).key.incidents.back().stance;
    EXPECT_TRUE(stance == "favor" || stance == "against") << stance;
  }
}

TEST(ScenarioKinds, OrganicViralPostsDrawEightTimesTheStateMediaMedian) {
  for (uint64_t seed : {kTuningSeed, kHeldoutSeed}) {
    const Scenario& s = Generated("organic-viral", seed);
    ASSERT_EQ(s.key.incidents.size(), 0u);
    std::vector<int64_t> state_media;
    std::map<std::string, std::vector<int64_t>> commentator;
    for (size_t p = 0; p < s.posts.size(); ++p) {
      const int64_t interactions = s.posts[p].metrics.Interactions().value;
      if (s.truth[p].role == Role::kStateMedia) state_media.push_back(interactions);
      if (s.truth[p].role == Role::kCommentator) commentator[AccountOf(s.posts[p])].push_back(interactions);
    }
    ASSERT_EQ(commentator.size(), 1u);
    std::sort(state_media.begin(), state_media.end());
    const double median = static_cast<double>(state_media[state_media.size() / 2]);
    const auto viral = std::count_if(commentator.begin()->second.begin(), commentator.begin()->second.end(),
                                     [&](int64_t n) { return static_cast<double>(n) >= 7 * median; });
    EXPECT_EQ(viral, 3);
    EXPECT_EQ(s.watch.FindActor(commentator.begin()->first.substr(0, commentator.begin()->first.find(':')),
                                commentator.begin()->first.substr(commentator.begin()->first.find(':') + 1)),
              nullptr);
  }
}

TEST(ScenarioKinds, CombinedHoldsAnOperationAmongEveryLookalike) {
  const Scenario& s = Generated("combined", kTuningSeed);
  EXPECT_FALSE(s.key.incidents.empty());
  std::set<std::string> patterns;
  for (const KeyLookalike& l : s.key.lookalikes) patterns.insert(l.pattern);
  EXPECT_EQ(patterns, (std::set<std::string>{"organic-viral", "outlet-event-coverage", "routine-state-media"}));
}

// ---- Seeds, splits and variety ----

TEST(ScenarioSeeds, TuningAndHeldOutNeverMeet) {
  for (const SizeSpec* size : {&SmallSize(), &FullSize()}) {
    const auto tuning = SuiteSeeds(Split::kTuning, *size);
    const auto heldout = SuiteSeeds(Split::kHeldout, *size);
    ASSERT_FALSE(tuning.empty());
    ASSERT_FALSE(heldout.empty());
    for (uint64_t seed : tuning) EXPECT_EQ(*SplitOfSeed(seed), Split::kTuning);
    for (uint64_t seed : heldout) EXPECT_EQ(*SplitOfSeed(seed), Split::kHeldout);
  }
  EXPECT_GT(SuiteSeeds(Split::kHeldout, FullSize()).size(), SuiteSeeds(Split::kHeldout, SmallSize()).size());
  for (uint64_t outside : {0, 1000, 2000, 2025}) EXPECT_FALSE(SplitOfSeed(outside).ok()) << outside;
  EXPECT_FALSE(GenerateScenario("reference", 2025, SmallSize()).ok());
  EXPECT_EQ(GenerateScenario("no-such-kind", 1, SmallSize()).status().code(), StatusCode::kInvalidArgument);
}

// Held-out seeds are other cases, not the tuning cases relabelled: countries, candidates, dates, platforms
// and names all vary.
TEST(ScenarioSeeds, SeedsVaryEverythingTheKindDoesNotFix) {
  std::set<std::string> countries, targets, dates, platforms, actors;
  for (uint64_t seed = 1; seed <= 8; ++seed) {
    auto s = GenerateScenario("amplify-copy", seed, SmallSize());
    ASSERT_TRUE(s.ok());
    countries.insert(s->key.country);
    targets.insert(s->key.incidents.back().target);
    dates.insert(FormatDate(s->key.incidents.back().window_start));
    actors.insert(s->key.incidents.back().actor_name);
    platforms.insert(s->key.incidents.back().actor.substr(0, s->key.incidents.back().actor.find(':')));
  }
  EXPECT_GE(countries.size(), 3u);
  EXPECT_GE(targets.size(), 4u);
  EXPECT_EQ(dates.size(), 8u);
  EXPECT_GE(platforms.size(), 2u);
  EXPECT_GE(actors.size(), 3u);
}

TEST(ScenarioSize, FullIsLongerAndLarger) {
  auto small = GenerateScenario("amplify-repost", kTuningSeed, SmallSize());
  auto full = GenerateScenario("amplify-repost", kTuningSeed, FullSize());
  ASSERT_TRUE(small.ok() && full.ok());
  EXPECT_GT(full->posts.size(), 3 * small->posts.size());
  EXPECT_GT(full->key.last_post - full->key.first_post, small->key.last_post - small->key.first_post);
  EXPECT_FALSE(ParseSize("medium").ok());
}

TEST(WatchYaml, RoundTripsThroughTheLoader) {
  const Scenario& s = Generated("combined", kHeldoutSeed);
  auto loaded = ParseWatchConfig(RenderWatchYaml(s.watch, "a header\nof two lines"), "watch.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->targets.size(), s.watch.targets.size());
  for (size_t i = 0; i < s.watch.targets.size(); ++i) {
    EXPECT_EQ(loaded->targets[i].id, s.watch.targets[i].id);
    EXPECT_EQ(loaded->targets[i].aliases, s.watch.targets[i].aliases);
  }
  ASSERT_EQ(loaded->actors.size(), s.watch.actors.size());
  for (size_t i = 0; i < s.watch.actors.size(); ++i) {
    EXPECT_EQ(loaded->actors[i].account_id, s.watch.actors[i].account_id);
    EXPECT_EQ(loaded->actors[i].name, s.watch.actors[i].name);
    EXPECT_EQ(loaded->actors[i].affiliation, s.watch.actors[i].affiliation);
  }
  ASSERT_EQ(loaded->peer_groups.size(), s.watch.peer_groups.size());
  EXPECT_EQ(loaded->peer_groups[0].members, s.watch.peer_groups[0].members);
  ASSERT_EQ(loaded->events.size(), s.watch.events.size());
  EXPECT_EQ(loaded->events[0].date, s.watch.events[0].date);
  EXPECT_EQ(loaded->events[0].label, s.watch.events[0].label);
}

TEST(WatchYaml, TargetAccountsRoundTrip) {
  WatchConfig config;
  config.targets.push_back({"chong", "Michael Chong", "", {"Michael Chong"}});
  config.targets.push_back({"joly", "Mélanie Joly", "", {"Mélanie Joly"}});
  config.target_accounts = {{"chong", {"x", "MichaelChongMP"}}, {"joly", {"facebook", "100: page"}},
                            {"chong", {"facebook", "chong.page"}}};
  auto loaded = ParseWatchConfig(RenderWatchYaml(config, ""), "watch.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  // Grouped under each target, in target order.
  EXPECT_EQ(loaded->target_accounts,
            (std::vector<TargetAccount>{{"chong", {"x", "MichaelChongMP"}}, {"chong", {"facebook", "chong.page"}},
                                        {"joly", {"facebook", "100: page"}}}));
}

TEST(WatchYaml, QuotesWhatYamlWouldMisread) {
  WatchConfig config;
  config.targets.push_back({"otoole", "Erin O'Toole", "", {"Erin O'Toole", "a: b", "- dash", "#hash", "马克·卡尼"}});
  config.actors.push_back(
      {"x", "acct", "Name: with colon", Affiliation::kStateLinked, "CN", "notes, with # and 'quotes'", ""});
  auto loaded = ParseWatchConfig(RenderWatchYaml(config, ""), "watch.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->targets[0].aliases, config.targets[0].aliases);
  EXPECT_EQ(loaded->actors[0].name, "Name: with colon");
  EXPECT_EQ(loaded->actors[0].notes, "notes, with # and 'quotes'");
}

}  // namespace
}  // namespace vigil::scenarios
