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
  return score;
}

}  // namespace vigil::scenarios
