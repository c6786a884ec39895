// ScoreReport (see score.h).
#include "scenarios/score.h"

#include <algorithm>
#include <set>

#include "common/time.h"

namespace vigil::scenarios {
namespace {

std::string ActorKey(const Actor& actor) { return actor.platform + ":" + actor.account_id; }

// The reported windows of one (actor, target) pair.
struct Finding {
  std::vector<const Incident*> windows;
  const Incident* Highest() const {
    return *std::max_element(windows.begin(), windows.end(),
                             [](const Incident* a, const Incident* b) { return a->severity < b->severity; });
  }
};

bool SurgeCoversDay(const Finding& f, const CivilDate& date) {
  const int64_t day_start = date.DaysSinceEpoch() * kSecondsPerDay;
  for (const Incident* in : f.windows) {
    for (const Surge& s : in->surges) {
      if (s.granularity == Granularity::kDay && s.window_start < day_start + kSecondsPerDay && s.window_end > day_start)
        return true;
    }
  }
  return false;
}

std::set<std::string> AmplifierAccounts(const Finding& f) {
  std::set<std::string> accounts;
  for (const Incident* in : f.windows) {
    for (const Amplification& a : in->coordination.amplifiers) accounts.insert(a.platform + ":" + a.account_id);
    for (const CoordinationTie& t : in->coordination.ties) {
      accounts.insert(t.account);
      accounts.insert(t.account_y);
    }
  }
  return accounts;
}

bool HistoryHolds(const Finding& f, const std::string& target) {
  for (const Incident* in : f.windows) {
    for (const Campaign& c : in->history) {
      if (c.target_id == target) return true;
    }
  }
  return false;
}

TrueIncidentResult ScoreTrueIncident(const KeyIncident& key, const Finding* finding, ScenarioScore& score) {
  TrueIncidentResult r;
  r.actor = key.actor;
  r.target = key.target;
  r.surge_days.expected = static_cast<int64_t>(key.surge_days.size());
  r.amplifiers.expected = static_cast<int64_t>(key.amplifiers.size());
  r.prior_targets.expected = static_cast<int64_t>(key.prior_targets.size());
  const std::set<std::string> amplifiers = finding ? AmplifierAccounts(*finding) : std::set<std::string>{};
  for (const KeyAmplifier& a : key.amplifiers) {
    const bool found = amplifiers.count(a.account) > 0;
    r.amplifiers.found += found;
    score.amplifiers[StyleName(a.style)] += Tally{1, found};
    if (a.cross_platform) score.amplifiers["cross-platform"] += Tally{1, found};
  }
  if (!finding) return r;
  r.found = true;
  r.severity = finding->Highest()->severity;
  r.contributions = finding->Highest()->contributions;
  r.windows = static_cast<int64_t>(finding->windows.size());
  for (const KeySurgeDay& s : key.surge_days) r.surge_days.found += SurgeCoversDay(*finding, s.date);
  for (const std::string& t : key.prior_targets) r.prior_targets.found += HistoryHolds(*finding, t);
  return r;
}

std::string PatternOf(const AnswerKey& key, const std::string& actor) {
  for (const KeyLookalike& l : key.lookalikes) {
    if (l.account == actor) return l.pattern;
  }
  return "unlisted";
}

using AccountSet = std::set<std::string>;

AccountSet Members(const Operation& op) {
  AccountSet members;
  for (const OperationAccount& a : op.accounts) members.insert(a.account);
  return members;
}

// Whether most of `members` are in `accounts`.
bool MostlyIn(const AccountSet& members, const AccountSet& accounts) {
  size_t shared = 0;
  for (const std::string& m : members) shared += accounts.count(m);
  return !members.empty() && static_cast<double>(shared) >= kOperationMatchShare * static_cast<double>(members.size());
}

// The accounts of each key incident's network: its actor and its amplifiers.
std::vector<AccountSet> IncidentNetworks(const AnswerKey& key) {
  std::vector<AccountSet> networks;
  for (const KeyIncident& in : key.incidents) {
    AccountSet accounts = {in.actor};
    for (const KeyAmplifier& a : in.amplifiers) accounts.insert(a.account);
    networks.push_back(std::move(accounts));
  }
  return networks;
}

std::string OperationPattern(const AnswerKey& key, const AccountSet& members) {
  for (const KeyLookalikeNetwork& n : key.lookalike_networks) {
    if (MostlyIn(members, AccountSet(n.accounts.begin(), n.accounts.end()))) return n.pattern;
  }
  std::map<std::string, size_t> by_pattern;
  for (const KeyLookalike& l : key.lookalikes) by_pattern[l.pattern] += members.count(l.account);
  for (const auto& [pattern, n] : by_pattern) {
    if (static_cast<double>(n) >= kOperationMatchShare * static_cast<double>(members.size())) return pattern;
  }
  return "unlisted";
}

void ScoreOperations(const AnalysisReport& report, const AnswerKey& key, ScenarioScore& score) {
  std::vector<const Operation*> reported;
  for (const Operation& op : report.operations) {
    if (op.severity >= kReportedOperationSeverity) reported.push_back(&op);
  }
  score.reported_operations = static_cast<int64_t>(reported.size());
  std::vector<AccountSet> members;
  for (const Operation* op : reported) members.push_back(Members(*op));
  std::vector<bool> explained(reported.size(), false);
  for (const KeyOperation& k : key.operations) {
    const AccountSet truth(k.accounts.begin(), k.accounts.end());
    TrueOperationResult r;
    r.pattern = k.pattern;
    AccountSet recovered;
    std::set<std::string> named;
    const Operation* top = nullptr;
    for (size_t i = 0; i < reported.size(); ++i) {
      if (!MostlyIn(members[i], truth)) continue;
      explained[i] = true;
      ++r.matching;
      for (const std::string& m : members[i]) {
        if (truth.count(m)) recovered.insert(m);
      }
      for (const OperationTarget& t : reported[i]->targets) named.insert(t.target_id);
      if (!top || reported[i]->severity > top->severity) top = reported[i];
    }
    r.found = top != nullptr;
    r.severity = top ? top->severity : 0;
    if (top) r.contributions = top->contributions;
    r.accounts = {static_cast<int64_t>(truth.size()), static_cast<int64_t>(recovered.size())};
    r.targets.expected = static_cast<int64_t>(k.targets.size());
    for (const std::string& t : k.targets) r.targets.found += named.count(t);
    score.operations += Tally{1, r.found};
    score.operation_accounts += r.accounts;
    score.operation_targets += r.targets;
    score.true_operations.push_back(std::move(r));
  }
  const std::vector<AccountSet> incident_networks = IncidentNetworks(key);
  for (size_t i = 0; i < reported.size(); ++i) {
    if (explained[i]) continue;
    const bool incident_network = std::any_of(incident_networks.begin(), incident_networks.end(),
                                              [&](const AccountSet& n) { return MostlyIn(members[i], n); });
    if (incident_network) {
      ++score.incident_network_operations;
      continue;
    }
    const Operation& op = *reported[i];
    FalseOperation f{op.id, OperationPattern(key, members[i]), op.severity, SeverityLevelName(op.level),
                     static_cast<int64_t>(op.accounts.size()), {}, op.contributions};
    for (const OperationTarget& t : op.targets) f.targets.push_back(t.target_id);
    score.false_operations.push_back(std::move(f));
  }
}

}  // namespace

ScenarioScore ScoreReport(const AnalysisReport& report, const AnswerKey& key) {
  ScenarioScore score;
  score.kind = key.kind;
  score.seed = key.seed;
  score.split = key.split;
  score.posts = static_cast<int64_t>(report.posts.size());
  score.reported_windows = static_cast<int64_t>(report.incidents.size());

  std::map<std::pair<std::string, std::string>, Finding> findings;  // (actor, target) -> windows
  for (const Incident& in : report.incidents) findings[{ActorKey(in.actor), in.target_id}].windows.push_back(&in);

  std::set<std::pair<std::string, std::string>> matched;
  for (const KeyIncident& k : key.incidents) {
    auto it = findings.find({k.actor, k.target});
    const Finding* finding = it == findings.end() ? nullptr : &it->second;
    if (finding) matched.insert(it->first);
    TrueIncidentResult r = ScoreTrueIncident(k, finding, score);
    score.incidents += Tally{1, r.found};
    score.surge_days += r.surge_days;
    score.prior_targets += r.prior_targets;
    score.true_incidents.push_back(std::move(r));
  }
  for (const auto& [pair, finding] : findings) {
    if (matched.count(pair)) continue;
    const Incident* top = finding.Highest();
    score.false_incidents.push_back({pair.first, top->actor.name, pair.second, PatternOf(key, pair.first),
                                     top->severity, SeverityLevelName(top->level),
                                     static_cast<int64_t>(finding.windows.size()), top->contributions});
  }
  std::sort(score.false_incidents.begin(), score.false_incidents.end(),
            [](const FalseIncident& a, const FalseIncident& b) { return a.severity > b.severity; });
  // A key incident that was not reported ranks below every reported one.
  for (const TrueIncidentResult& t : score.true_incidents) {
    for (const FalseIncident& f : score.false_incidents) score.inversions += !t.found || f.severity >= t.severity;
  }
  ScoreOperations(report, key, score);
  return score;
}

}  // namespace vigil::scenarios
