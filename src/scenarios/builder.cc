// ScenarioBuilder (see builder.h): posts with their truth, and the key's measured parts derived from it.
#include "scenarios/builder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "common/time.h"
#include "examplegen/core.h"

namespace vigil::scenarios {
namespace {

// Relative chance of a post in each local hour (00..23): awake hours, evening peak.
const std::vector<double> kLocalHourWeights = {0.3, 0.15, 0.1, 0.05, 0.05, 0.1, 0.4, 1.0, 1.5, 1.5, 1.3, 1.2,
                                               1.4, 1.2,  1.1, 1.1,  1.2,  1.4, 1.6, 1.8, 1.9, 1.8, 1.3, 0.7};
constexpr int64_t kMinutesPerDay = 24 * 60;
constexpr int32_t kChinaOffsetMinutes = 8 * 60;
// A surge day's event is one that happened on that day or up to this many days before.
constexpr int64_t kEventLookbackDays = 3;

double Median(std::vector<int64_t> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t mid = values.size() / 2;
  return values.size() % 2 ? static_cast<double>(values[mid])
                           : (static_cast<double>(values[mid - 1]) + static_cast<double>(values[mid])) / 2;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whether `text` carries `name` as a name: Latin names only as whole words ("Chong" is not in "Chongqing").
bool CarriesName(const std::string& text, const std::string& name) {
  for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
    const bool starts_word = at == 0 || !IsAsciiLetter(text[at - 1]) || !IsAsciiLetter(name.front());
    const size_t end = at + name.size();
    const bool ends_word = end == text.size() || !IsAsciiLetter(text[end]) || !IsAsciiLetter(name.back());
    if (starts_word && ends_word) return true;
  }
  return false;
}

// The lead sentence of a Chinese article, with its full stop.
std::string LeadSentence(const std::string& text) {
  const size_t end = text.find("。");
  return end == std::string::npos ? text : text.substr(0, end + std::string_view("。").size());
}

}  // namespace

const char* RoleName(Role role) {
  switch (role) {
    case Role::kBackground:
      return "background";
    case Role::kStateMedia:
      return "state-media";
    case Role::kOperator:
      return "operator";
    case Role::kAmplifier:
      return "amplifier";
    case Role::kOutlet:
      return "outlet";
    case Role::kCommentator:
      return "commentator";
    case Role::kSharer:
      return "sharer";
    case Role::kTargetPage:
      return "target-page";
    case Role::kReplier:
      return "replier";
    case Role::kFan:
      break;
  }
  return "fan";
}

ScenarioBuilder::ScenarioBuilder(std::string kind, uint64_t seed, const SizeSpec& size,
                                 const WorldOptions& world_options, const ScriptConverter& script)
    : kind_(std::move(kind)),
      seed_(seed),
      size_(size),
      world_([&] {
        Rng rng(seed, kind_ + "/world");
        return MakeWorld(rng, size, world_options);
      }()),
      texts_(*world_.country, script),
      url_rng_(seed, kind_ + "/urls"),
      factory_(url_rng_) {
  watch_.targets = WatchTargets(world_);
  watch_.events = WatchEvents(world_);
  for (const Candidate* c : world_.targets) {
    std::vector<std::string> forms = AliasesOf(*c);
    for (const std::string& alias : AliasesOf(*c)) forms.push_back(script.ToTraditional(alias));
    name_forms_.emplace_back(c->id, std::move(forms));
  }
  key_.kind = kind_;
  key_.seed = seed;
  key_.size = size.name;
  key_.country = world_.country->code;
}

Rng ScenarioBuilder::Stream(std::string_view part) const { return Rng(seed_, kind_ + "/" + std::string(part)); }

int64_t ScenarioBuilder::AwakeTime(Rng& rng, const WorldDay& day, int32_t utc_offset_minutes) const {
  std::vector<double> weights(24);
  for (int64_t utc_hour = 0; utc_hour < 24; ++utc_hour) {
    const int64_t local_minutes =
        ((utc_hour * 60 + utc_offset_minutes) % kMinutesPerDay + kMinutesPerDay) % kMinutesPerDay;
    weights[static_cast<size_t>(utc_hour)] = kLocalHourWeights[static_cast<size_t>(local_minutes / 60)];
  }
  const auto hour = static_cast<int64_t>(rng.Weighted(weights));
  return day.start_utc + hour * kSecondsPerHour + rng.UniformInt(0, kSecondsPerHour - 1);
}

Post ScenarioBuilder::MakePost(const Account& account, int64_t when, const Article& article, Lang lang) {
  const std::string& p = account.platform;
  const int32_t offset = IsChinese(lang) ? kChinaOffsetMinutes : world_.country->utc_offset_minutes;
  Post post;
  if (p == "wechat") {
    post = factory_.Wechat(account, when, article.title, article.text);
  } else if (p == "weibo") {
    post = factory_.Weibo(account, when,
                          article.title.empty() ? article.text : "【" + article.title + "】" + article.text);
  } else {
    std::string text = article.text;
    if (!article.title.empty())
      text = IsChinese(lang) ? article.title + "：" + LeadSentence(article.text) : article.title + "\n" + article.text;
    if (p == "telegram") {
      post = factory_.Telegram(account, when, std::move(text));
    } else if (p == "facebook") {
      post = factory_.Facebook(account, when, offset, std::move(text));
    } else {
      post = factory_.X(account, when, offset, std::move(text));
    }
  }
  post.lang = LangTag(lang);
  return post;
}

std::vector<std::string> ScenarioBuilder::NamesIn(const Post& post) const {
  std::vector<std::string> names;
  for (const auto& [target, forms] : name_forms_) {
    for (const std::string& form : forms) {
      if (CarriesName(post.title, form) || CarriesName(post.text, form)) {
        names.push_back(target);
        break;
      }
    }
  }
  return names;
}

bool ScenarioBuilder::Add(Post post, PostTruth truth) {
  const int64_t first = world_.days.front().start_utc;
  const int64_t end = world_.days.back().start_utc + kSecondsPerDay;
  if (post.published_at < first || post.published_at >= end) return false;
  truth.names = NamesIn(post);
  posts_.push_back({std::move(post), std::move(truth)});
  return true;
}

void ScenarioBuilder::DeclareActor(Actor actor) {
  if (!watch_.FindActor(actor.platform, actor.account_id)) watch_.actors.push_back(std::move(actor));
}

void ScenarioBuilder::DeclarePeerGroup(PeerGroup group) {
  for (const PeerGroup& g : watch_.peer_groups) {
    if (g.id == group.id) return;
  }
  watch_.peer_groups.push_back(std::move(group));
}

void ScenarioBuilder::DeclareTargetAccount(const std::string& target_id, const Account& account) {
  watch_.target_accounts.push_back({target_id, {account.platform, account.id}});
}

void ScenarioBuilder::DeclareEvent(Event event) {
  watch_.events.push_back(std::move(event));
  std::stable_sort(watch_.events.begin(), watch_.events.end(),
                   [](const Event& a, const Event& b) { return a.date < b.date; });
}

void ScenarioBuilder::AddLookalike(KeyLookalike lookalike) {
  for (KeyLookalike& l : key_.lookalikes) {
    if (l.account != lookalike.account) continue;
    for (const std::string& t : lookalike.targets) {
      if (std::find(l.targets.begin(), l.targets.end(), t) == l.targets.end()) l.targets.push_back(t);
    }
    return;
  }
  key_.lookalikes.push_back(std::move(lookalike));
}

int ScenarioBuilder::AddIncident(KeyIncident incident) {
  key_.incidents.push_back(std::move(incident));
  return static_cast<int>(key_.incidents.size()) - 1;
}

void ScenarioBuilder::CompleteIncident(size_t index) {
  KeyIncident& in = key_.incidents[index];
  const auto incident = static_cast<int>(index);
  const std::string actor_platform = in.actor.substr(0, in.actor.find(':'));
  std::map<std::string, int64_t> published_at;
  std::vector<int64_t> peer_interactions;
  std::map<int64_t, int64_t> operation_mentions;  // day index -> posts naming the target
  int64_t organic_mentions = 0;
  in.window_start = INT64_MAX;
  in.window_end = INT64_MIN;
  in.post_ids.clear();
  for (const GeneratedPost& g : posts_) {
    published_at[g.post.Key()] = g.post.published_at;
    const bool names_target = std::find(g.truth.names.begin(), g.truth.names.end(), in.target) != g.truth.names.end();
    if (g.truth.role == Role::kStateMedia && g.post.platform == actor_platform) {
      peer_interactions.push_back(g.post.metrics.Interactions().value);
    }
    if (g.truth.incident < 0 && names_target) ++organic_mentions;
    if (g.truth.incident != incident) continue;
    if (names_target)
      ++operation_mentions[FloorDiv(g.post.published_at - world_.days.front().start_utc, kSecondsPerDay)];
    if (g.truth.role != Role::kOperator) continue;
    in.window_start = std::min(in.window_start, g.post.published_at);
    in.window_end = std::max(in.window_end, g.post.published_at);
    in.post_ids.push_back(g.post.id);
    in.peak_interactions = std::max(in.peak_interactions, g.post.metrics.Interactions().value);
  }
  const double peer_median = Median(peer_interactions);
  in.peak_to_peer_median =
      peer_median > 0 ? std::round(static_cast<double>(in.peak_interactions) / peer_median * 100) / 100 : 0;

  // Amplifiers, one entry per account.
  std::map<std::string, KeyAmplifier> amplifiers;
  for (const GeneratedPost& g : posts_) {
    if (g.truth.incident != incident || g.truth.role != Role::kAmplifier || g.truth.amplified.empty()) continue;
    const std::string account = g.post.platform + ":" + g.post.account_id;
    const int64_t delay = g.post.published_at - published_at.at(g.truth.amplified);
    auto [it, added] = amplifiers.try_emplace(account);
    KeyAmplifier& a = it->second;
    if (added) {
      a.account = account;
      a.style = g.truth.style;
      a.cross_platform = g.post.platform != actor_platform;
      a.min_delay_seconds = delay;
      a.max_delay_seconds = delay;
    }
    for (const std::string& e : g.truth.edits) {
      if (std::find(a.edits.begin(), a.edits.end(), e) == a.edits.end()) a.edits.push_back(e);
    }
    a.posts += 1;
    a.min_delay_seconds = std::min(a.min_delay_seconds, delay);
    a.max_delay_seconds = std::max(a.max_delay_seconds, delay);
  }
  in.amplifiers.clear();
  for (auto& [account, a] : amplifiers) {
    std::sort(a.edits.begin(), a.edits.end());
    in.amplifiers.push_back(std::move(a));
  }

  // Surge days: the operation alone named the target far above its organic daily average.
  const double organic_per_day = static_cast<double>(organic_mentions) / static_cast<double>(world_.days.size());
  const double needed = std::max(static_cast<double>(kSurgeMinMentions), kSurgeMultiple * organic_per_day);
  in.surge_days.clear();
  for (const auto& [day_index, mentions] : operation_mentions) {
    if (static_cast<double>(mentions) < needed) continue;
    KeySurgeDay s;
    s.date = world_.days[static_cast<size_t>(day_index)].date;
    s.operation_mentions = mentions;
    s.organic_mentions_per_day = std::round(organic_per_day * 100) / 100;
    for (const ElectionEvent& e : world_.events) {
      const int64_t lead = s.date.DaysSinceEpoch() - e.date.DaysSinceEpoch();
      if (lead >= 0 && lead <= kEventLookbackDays && (e.target_id.empty() || e.target_id == in.target)) {
        s.after_event = e.label;
        s.lead_hours = lead * 24;
      }
    }
    in.surge_days.push_back(s);
  }
}

void ScenarioBuilder::Finish(std::string split) {
  std::sort(posts_.begin(), posts_.end(),
            [](const GeneratedPost& a, const GeneratedPost& b) { return examplegen::PostOrder(a.post, b.post); });
  // Incidents whose posts all fell outside the data are not in it.
  std::vector<int> remap(key_.incidents.size(), -1);
  std::vector<KeyIncident> kept;
  for (size_t i = 0; i < key_.incidents.size(); ++i) {
    const bool present = std::any_of(posts_.begin(), posts_.end(), [&](const GeneratedPost& g) {
      return g.truth.incident == static_cast<int>(i) && g.truth.role == Role::kOperator;
    });
    if (!present) continue;
    remap[i] = static_cast<int>(kept.size());
    kept.push_back(std::move(key_.incidents[i]));
  }
  key_.incidents = std::move(kept);
  for (GeneratedPost& g : posts_) {
    if (g.truth.incident >= 0) g.truth.incident = remap[static_cast<size_t>(g.truth.incident)];
  }
  for (size_t i = 0; i < key_.incidents.size(); ++i) CompleteIncident(i);
  for (KeyIncident& in : key_.incidents) {
    in.prior_targets.clear();
    for (const KeyIncident& other : key_.incidents) {
      if (other.actor != in.actor || other.window_end >= in.window_start) continue;
      if (std::find(in.prior_targets.begin(), in.prior_targets.end(), other.target) == in.prior_targets.end()) {
        in.prior_targets.push_back(other.target);
      }
    }
  }
  key_.split = std::move(split);
  key_.posts = static_cast<int64_t>(posts_.size());
  key_.first_post = posts_.empty() ? 0 : posts_.front().post.published_at;
  key_.last_post = posts_.empty() ? 0 : posts_.back().post.published_at;
  std::set<std::string> platforms;
  for (const GeneratedPost& g : posts_) platforms.insert(g.post.platform);
  key_.platforms.assign(platforms.begin(), platforms.end());
}

}  // namespace vigil::scenarios
