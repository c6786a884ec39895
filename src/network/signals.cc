// Inauthentic-network signals (see signals.h): one small function per signal, each returning what it measured.
#include "network/signals.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "common/time.h"

namespace vigil::network {
namespace {

constexpr size_t kTemplateAccounts = 3;       // a text posted by this many members is a template
constexpr double kTemplateMemberShare = 0.5;  // the signal: at least this share of members used one
constexpr int64_t kNoHistoryDays = 7;         // an account whose first post is this recent has no history
constexpr double kNewReplierBurst = 5;        // members without history replying to one target on one day
constexpr size_t kMinSeries = 3;              // names sharing a stem and differing by a number
constexpr double kSeriesMemberShare = 0.3;
constexpr double kManyTargets = 3;  // targets with at least kTargetPosts posts each
constexpr int64_t kTargetPosts = 2;
constexpr int64_t kEchoMinInside = 10;  // reposts and replies to the network's posts from inside it
constexpr double kEchoInsideShare = 0.9;
constexpr size_t kExamples = 5;
constexpr int64_t kDaySeconds = 86400;

NetworkSignal Signal(const char* name, double value, double threshold, std::string evidence) {
  return {name, value >= threshold, value, threshold, std::move(evidence), {}};
}

// Texts members posted together (within the co-action window of another member): a sentence frame that
// ordinary people happen to share over months is no template.
NetworkSignal TextTemplates(const std::vector<uint32_t>& members, const CoactionGraph& graph) {
  std::map<std::string, std::set<uint32_t>> users;
  for (uint32_t member : members) {
    for (const std::string& object : graph.coacted_texts[member]) users[object].insert(member);
  }
  std::set<uint32_t> templated;
  std::vector<std::pair<size_t, std::string>> templates;
  for (const auto& [object, accounts] : users) {
    if (accounts.size() < kTemplateAccounts) continue;
    templated.insert(accounts.begin(), accounts.end());
    templates.emplace_back(accounts.size(), object);
  }
  std::stable_sort(templates.begin(), templates.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  const double share = static_cast<double>(templated.size()) / static_cast<double>(members.size());
  NetworkSignal s = Signal("text-templates", share, kTemplateMemberShare,
                           fmt::format("{} of {} members posted, within minutes of one another, a text that {} or "
                                       "more members posted ({} such "
                                       "templates; the most used by {} accounts)",
                                       templated.size(), members.size(), kTemplateAccounts, templates.size(),
                                       templates.empty() ? 0 : templates.front().first));
  for (size_t i = 0; i < templates.size() && i < kExamples; ++i) {
    s.examples.push_back(fmt::format("{} ({} accounts)", templates[i].second, templates[i].first));
  }
  return s;
}

NetworkSignal ReplyBurstFromNewAccounts(const AnalysisReport& report, const std::unordered_set<std::string>& members) {
  // An account first seen within the data's first days may have history before the export: not counted.
  const int64_t data_start = report.posts.empty() ? 0 : report.posts.front().published_at;
  const int64_t known_from = data_start + kNoHistoryDays * kDaySeconds;
  std::unordered_map<std::string, int64_t> first_post;
  for (const Post& post : report.posts) {
    const std::string key = post.platform + ":" + post.account_id;
    if (members.contains(key)) first_post.try_emplace(key, post.published_at);  // posts are sorted by time
  }
  std::map<std::pair<uint32_t, int64_t>, std::set<std::string>> new_repliers;  // (target, day) -> accounts
  for (const Mention& m : report.mentions) {
    if (!m.alias.starts_with("reply:")) continue;
    const Post& post = report.posts[m.post_index];
    const std::string key = post.platform + ":" + post.account_id;
    if (!members.contains(key)) continue;
    const int64_t day = post.published_at - (post.published_at % kDaySeconds + kDaySeconds) % kDaySeconds;
    const int64_t first = first_post[key];
    if (first < known_from || first < day - kNoHistoryDays * kDaySeconds) continue;
    new_repliers[{m.target_index, day}].insert(key);
  }
  std::pair<uint32_t, int64_t> busiest{0, 0};
  size_t most = 0;
  for (const auto& [target_day, accounts] : new_repliers) {
    if (accounts.size() > most) most = accounts.size(), busiest = target_day;
  }
  if (most == 0)
    return Signal("reply-burst-new-accounts", 0, kNewReplierBurst, "no member replied to a target's account");
  NetworkSignal s = Signal(
      "reply-burst-new-accounts", static_cast<double>(most), kNewReplierBurst,
      fmt::format("on {} {} members first seen at most {} days earlier (a week or more into the data) replied to "
                  "{}'s accounts",
                  FormatUtc(busiest.second).substr(0, 10), most, kNoHistoryDays,
                  report.config.targets[busiest.first].name));
  for (const std::string& account : new_repliers[busiest]) {
    if (s.examples.size() < kExamples) s.examples.push_back(account);
  }
  return s;
}

// "patriot_jane1987" -> "patriot_jane": the name without its trailing number, lower case; "" when it has none.
std::string SeriesStem(const std::string& name) {
  size_t end = name.size();
  while (end > 0 && name[end - 1] >= '0' && name[end - 1] <= '9') --end;
  if (end == name.size() || end == 0) return "";
  std::string stem = name.substr(0, end);
  std::transform(stem.begin(), stem.end(), stem.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return stem;
}

NetworkSignal NamedInSeries(const Operation& op) {
  std::map<std::string, std::vector<std::string>> by_stem;
  for (const OperationAccount& account : op.accounts) {
    const std::string handle = account.account.substr(account.account.find(':') + 1);
    std::string stem = SeriesStem(account.name);
    if (stem.empty()) stem = SeriesStem(handle);
    if (!stem.empty()) by_stem[stem].push_back(account.account);
  }
  const std::vector<std::string>* largest = nullptr;
  std::string largest_stem;
  for (const auto& [stem, accounts] : by_stem) {
    if (!largest || accounts.size() > largest->size()) largest = &accounts, largest_stem = stem;
  }
  const size_t size = largest ? largest->size() : 0;
  const double share = static_cast<double>(size) / static_cast<double>(op.accounts.size());
  NetworkSignal s = Signal(
      "named-in-series", size >= kMinSeries ? share : 0, kSeriesMemberShare,
      size == 0 ? "no two members share a name stem followed by a number"
                : fmt::format("{} of {} members are named '{}' and a number", size, op.accounts.size(), largest_stem));
  if (largest) {
    for (size_t i = 0; i < largest->size() && i < kExamples; ++i) s.examples.push_back((*largest)[i]);
  }
  return s;
}

NetworkSignal ManyTargets(const Operation& op) {
  std::vector<std::string> named;
  for (const OperationTarget& t : op.targets) {
    if (t.posts >= kTargetPosts) named.push_back(t.target_name);
  }
  NetworkSignal s = Signal("many-targets", static_cast<double>(named.size()), kManyTargets,
                           fmt::format("{} targets with {} or more posts each", named.size(), kTargetPosts));
  for (size_t i = 0; i < named.size() && i < kExamples; ++i) s.examples.push_back(named[i]);
  return s;
}

// Reposts and replies aimed at members' posts: from inside the network, or reach beyond it.
NetworkSignal EchoChamber(const AnalysisReport& report, const std::unordered_set<std::string>& members, Operation* op) {
  std::unordered_set<std::string> member_posts;
  for (const Post& post : report.posts) {
    if (members.contains(post.platform + ":" + post.account_id)) member_posts.insert(post.platform + ":" + post.id);
  }
  int64_t inside = 0, outside = 0;
  for (const Post& post : report.posts) {
    for (const std::string* ref : {&post.repost_of, &post.reply_to}) {
      if (ref->empty() || (*ref)[0] == Post::kAccountReplyMark) continue;
      if (!member_posts.contains(post.platform + ":" + *ref)) continue;
      ++(members.contains(post.platform + ":" + post.account_id) ? inside : outside);
    }
  }
  op->reach_outside = outside;
  const int64_t total = inside + outside;
  const double share = total ? static_cast<double>(inside) / static_cast<double>(total) : 0;
  return Signal(
      "echo-chamber", inside >= kEchoMinInside ? share : 0, kEchoInsideShare,
      fmt::format("{} of {} reposts and replies to the network's posts came from its own members", inside, total));
}

}  // namespace

std::vector<NetworkSignal> MeasureSignals(const AnalysisReport& report, const std::vector<uint32_t>& members,
                                          const CoactionGraph& graph, Operation* op) {
  std::unordered_set<std::string> member_keys;
  for (uint32_t member : members) member_keys.insert(graph.accounts[member]);
  return {TextTemplates(members, graph), ReplyBurstFromNewAccounts(report, member_keys), NamedInSeries(*op),
          ManyTargets(*op), EchoChamber(report, member_keys, op)};
}

}  // namespace vigil::network
