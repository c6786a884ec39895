// Helpers shared by the exporters.
#include "common/strings.h"
#include "export/export_util.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <set>

#include "common/time.h"
#include "common/utf8.h"

namespace vigil::exporting {
namespace {

// The baseline's description up to its first clause ("PRC state media on WeChat; their engagement ..."
// reads as "PRC state media on WeChat"), or its id.
std::string BaselineName(const Baseline& baseline) {
  std::string name = baseline.description.substr(0, baseline.description.find_first_of(";(\n"));
  while (!name.empty() && (name.back() == ' ' || name.back() == '.' || name.back() == ',')) name.pop_back();
  if (name.empty()) name = baseline.peer_group_id.empty() ? "its peers" : baseline.peer_group_id;
  return name;
}

// Collects "<what>: <field>" for each field that is not valid UTF-8.
class Utf8Scan {
 public:
  void Check(const std::string& what, const char* field, const std::string& value) {
    if (!IsValidUtf8(value)) found_.push_back(fmt::format("{}: {}: invalid UTF-8, written with U+FFFD", what, field));
  }
  void CheckPost(const Post& p) {
    if (!seen_posts_.insert(&p).second) return;
    const std::string what = "post " + ToValidUtf8(p.Key());
    for (const auto& [field, value] : {std::pair<const char*, const std::string*>{"id", &p.id}, {"platform", &p.platform},
                                       {"account_id", &p.account_id}, {"account_name", &p.account_name}, {"title", &p.title},
                                       {"text", &p.text}, {"url", &p.url}, {"repost_of", &p.repost_of},
                                       {"reply_to", &p.reply_to}}) {
      Check(what, field, *value);
    }
    for (const std::string& link : p.links) Check(what, "links", link);
  }
  std::vector<std::string> Take() { return std::move(found_); }

 private:
  std::vector<std::string> found_;
  std::set<const Post*> seen_posts_;
};

}  // namespace

int64_t AmplifierAccounts(const CoordinationSummary& coordination) {
  std::set<std::pair<std::string, std::string>> listed;
  for (const Amplification& a : coordination.amplifiers) listed.insert({a.platform, a.account_id});
  return std::max(coordination.total_amplifier_accounts, static_cast<int64_t>(listed.size()));
}

int64_t PostCount(const Incident& incident) {
  return std::max(incident.evidence_counts.posts, static_cast<int64_t>(incident.evidence_posts.size()));
}

std::vector<std::string> InvalidUtf8Fields(const AnalysisReport& report) {
  Utf8Scan scan;
  scan.Check("report", "case_name", report.case_name);
  for (const Event& e : report.config.events) scan.Check("event " + e.date.ToString(), "label", e.label);
  for (const Incident& in : report.incidents) {
    const std::string incident = "incident " + ToValidUtf8(in.id);
    const std::string actor = "actor " + ToValidUtf8(in.actor.platform + ":" + in.actor.account_id);
    scan.Check(actor, "name", in.actor.name);
    scan.Check(actor, "notes", in.actor.notes);
    scan.Check(actor, "account_id", in.actor.account_id);
    scan.Check(incident, "target_name", in.target_name);
    scan.Check(incident, "baseline peer group", in.baseline.peer_group_id);
    for (const auto& c : in.contributions) scan.Check(incident, "severity explanation", c.explanation);
    for (const auto& n : in.narratives) scan.Check(incident + " narrative", "label", n.label);
    for (const auto& c : in.history) scan.Check(incident + " earlier campaign", "target_name", c.target_name);
    for (uint32_t index : in.evidence_posts) {
      if (index < report.posts.size()) scan.CheckPost(report.posts[index]);
    }
    for (const Amplification& a : in.coordination.amplifiers) {
      scan.Check("amplifier " + ToValidUtf8(a.platform + ":" + a.account_id), "account_name", a.account_name);
      if (const Post* repost = FindRepost(report, a)) scan.CheckPost(*repost);
    }
  }
  for (const Operation& op : report.operations) {
    const std::string operation = "operation " + ToValidUtf8(op.id);
    for (const OperationAccount& a : op.accounts) scan.Check("member " + ToValidUtf8(a.account), "name", a.name);
    for (const OperationTarget& t : op.targets) scan.Check(operation, "target_name", t.target_name);
    for (const NetworkSignal& s : op.signals) {
      scan.Check(operation + " signal " + ToValidUtf8(s.signal), "evidence", s.evidence);
      for (const std::string& example : s.examples) scan.Check(operation + " signal " + ToValidUtf8(s.signal), "example", example);
    }
    for (const std::string& line : op.attribution) scan.Check(operation, "attribution", line);
  }
  return scan.Take();
}

std::string StixTime(int64_t unix_seconds) {
  std::string text = FormatUtc(unix_seconds);  // ...Z
  text.insert(text.size() - 1, ".000");
  return text;
}

Result<std::vector<const Incident*>> SelectIncidents(const AnalysisReport& report, int index) {
  if (report.incidents.empty()) return Status::InvalidArgument("the report has no incident to export");
  std::vector<const Incident*> selected;
  if (index < 0) {
    for (const auto& incident : report.incidents) selected.push_back(&incident);
    return selected;
  }
  if (static_cast<size_t>(index) >= report.incidents.size()) {
    return Status::InvalidArgument(
        fmt::format("incident {} does not exist: the report has {} incident(s)", index, report.incidents.size()));
  }
  selected.push_back(&report.incidents[static_cast<size_t>(index)]);
  return selected;
}

const Post* FindPostByKey(const AnalysisReport& report, const std::string& key) {
  for (const Post& post : report.posts) {
    if (post.Key() == key) return &post;
  }
  return nullptr;
}

const Post* FindRepost(const AnalysisReport& report, const Amplification& amplification) {
  if (!amplification.post.empty()) return FindPostByKey(report, amplification.post);
  const Post* original = FindPostByKey(report, amplification.amplified_post);
  for (const Post& post : report.posts) {
    if (post.platform == amplification.platform && post.account_id == amplification.account_id &&
        original && post.repost_of == original->id) {
      return &post;
    }
  }
  return nullptr;
}

std::string PlainSummary(const AnalysisReport& /*report*/, const Incident& incident) {
  std::string stance;
  if (incident.stance.mixed) {
    stance = fmt::format("mixing praise ({} posts) and criticism ({} posts)", incident.stance.favor, incident.stance.against);
  } else if (incident.stance.against > incident.stance.favor) {
    stance = fmt::format("mostly critical ({} of {} posts)", incident.stance.against,
                         incident.stance.favor + incident.stance.against + incident.stance.neutral);
  } else {
    stance = fmt::format("mostly favourable ({} of {} posts)", incident.stance.favor,
                         incident.stance.favor + incident.stance.against + incident.stance.neutral);
  }
  std::string summary = fmt::format(
      "Between {} and {}, {} ({}, {}) published {} posts about {}, {}. ", FormatDate(incident.window_start),
      FormatDate(incident.window_end - 1), incident.actor.name, incident.actor.platform,
      AffiliationName(incident.actor.affiliation), PostCount(incident), incident.target_name, stance);
  if (incident.max_interactions > 0 && incident.baseline.median_interactions > 0) {
    const std::string range = incident.min_interactions > 0 && incident.min_interactions < incident.max_interactions
                                  ? fmt::format("{} to {}", Thousands(incident.min_interactions), Thousands(incident.max_interactions))
                                  : fmt::format("up to {}", Thousands(incident.max_interactions));
    summary += fmt::format("Each drew {} interactions, up to {:.1f} times the {} typical of {}. ", range, incident.peak_ratio_to_peer,
                           Thousands(static_cast<int64_t>(incident.baseline.median_interactions)),
                           BaselineName(incident.baseline));
  }
  if (!incident.coordination.amplifiers.empty()) {
    summary += fmt::format("{} other accounts reposted, linked or copied them, typically within {}. ",
                           AmplifierAccounts(incident.coordination),
                           FormatDuration(incident.coordination.median_delay_seconds));
  }
  if (!incident.history.empty()) {
    std::vector<std::string> earlier;
    for (const Campaign& c : incident.history) earlier.push_back(fmt::format("{} ({})", c.target_name, FormatDate(c.start)));
    std::string list = earlier.back();
    if (earlier.size() > 1) {
      earlier.pop_back();
      list = fmt::format("{} and {}", fmt::join(earlier, ", "), list);
    }
    summary += fmt::format("The same actor earlier targeted {}. ", list);
  }
  summary += fmt::format("Vigil rates the incident {} ({:.0f}/100).", SeverityLevelName(incident.level), incident.severity);
  return summary;
}

std::string OperationTargetNames(const Operation& op) {
  std::vector<std::string> names;
  for (const OperationTarget& t : op.targets) names.push_back(t.target_name);
  if (names.empty()) return "no watched target";
  if (names.size() == 1) return names[0];
  const std::string last = names.back();
  names.pop_back();
  return fmt::format("{} and {}", fmt::join(names, ", "), last);
}

std::string OperationTitle(const Operation& op) {
  return fmt::format("Network of {} accounts against {}", op.accounts.size(), OperationTargetNames(op));
}

std::string OperationRoleCounts(const Operation& op) {
  std::vector<std::string> parts;
  for (NetworkRole role : {NetworkRole::kOriginator, NetworkRole::kAmplifier, NetworkRole::kReplier}) {
    const auto n = std::count_if(op.accounts.begin(), op.accounts.end(), [&](const OperationAccount& a) { return a.role == role; });
    if (n > 0) parts.push_back(fmt::format("{} {}{}", n, NetworkRoleName(role), n == 1 ? "" : "s"));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string OperationSummary(const Operation& op) {
  std::string summary = fmt::format("Between {} and {}, a network of {} accounts ({}) acting in concert posted {} times about {}",
                                    FormatDate(op.first_seen), FormatDate(op.last_seen), op.accounts.size(), OperationRoleCounts(op),
                                    op.target_posts, OperationTargetNames(op));
  const int64_t replies = std::accumulate(op.targets.begin(), op.targets.end(), int64_t{0},
                                          [](int64_t sum, const OperationTarget& t) { return sum + t.replies; });
  if (replies > 0) summary += fmt::format(", {} of them replies or comments to the targets' own accounts", replies);
  summary += fmt::format(". Across the network: {} favourable, {} critical, {} neutral posts{}. ", op.stance.favor, op.stance.against,
                         op.stance.neutral, op.both_sides ? ": it works both sides" : "");
  std::vector<std::string> present;
  for (const NetworkSignal& s : op.signals) {
    if (s.present) present.push_back(s.signal);
  }
  if (!present.empty()) summary += fmt::format("Inauthentic-network signals: {}. ", fmt::join(present, ", "));
  summary += op.attribution.empty() ? "No member is a declared actor. " : fmt::format("Attribution: {}. ", fmt::join(op.attribution, "; "));
  summary += fmt::format("Vigil rates the operation {} ({:.0f}/100).", SeverityLevelName(op.level), op.severity);
  return summary;
}

std::string SignalFigures(const NetworkSignal& signal) {
  return fmt::format("{} (measured {:.2f}, threshold {:.2f})", signal.evidence, signal.value, signal.threshold);
}

std::pair<std::string, std::string> SplitAccountKey(const std::string& account) {
  const size_t colon = account.find(':');
  if (colon == std::string::npos) return {"", account};
  return {account.substr(0, colon), account.substr(colon + 1)};
}

}  // namespace vigil::exporting
