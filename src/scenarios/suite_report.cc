// The suite's Markdown section and JSON (see suite_report.h).
#include "scenarios/suite_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "common/markdown_escape.h"
#include "common/strings.h"
#include "scenarios/kinds.h"

namespace vigil::scenarios {
namespace {

using Json = nlohmann::ordered_json;

// Amplifier columns in a fixed order: the four styles, then those on another platform than the operator's.
const std::vector<std::string>& AmplifierColumns() {
  static const std::vector<std::string> kColumns = {"repost", "link", "copy", "paraphrase", "cross-platform"};
  return kColumns;
}

std::string Fraction(const Tally& t) {
  if (t.expected == 0) return "–";
  return fmt::format("{}/{} ({:.2f})", t.found, t.expected,
                     static_cast<double>(t.found) / static_cast<double>(t.expected));
}

constexpr double kHighSeverity = 50;  // the "high" level
constexpr double kAim = 0.95;         // issue 10: precision, recall and amplifiers found on the held-out seeds

std::string Severity(double s) { return s < 0 ? "–" : fmt::format("{:.1f}", s); }

std::string SplitTitle(Split split) { return split == Split::kTuning ? "tuning" : "held-out"; }

const Tally& AmplifierTally(const Aggregate& a, const std::string& style) {
  static const Tally kNone;
  auto it = a.amplifiers.find(style);
  return it == a.amplifiers.end() ? kNone : it->second;
}

Tally AllAmplifiers(const Aggregate& a) {
  Tally all;
  for (const auto& [style, t] : a.amplifiers) {
    if (style != "cross-platform") all += t;
  }
  return all;
}

// The lowest true incident against the highest false one; a missed true incident is below them all.
std::string Margin(const Aggregate& a) {
  if (a.highest_false < 0) return a.missed > 0 ? fmt::format("no false; {} missed", a.missed) : "no false incident";
  std::string text = fmt::format("{} vs {}", Severity(a.lowest_true), Severity(a.highest_false));
  if (a.lowest_true >= 0) text += fmt::format(" (margin {:+.1f})", a.lowest_true - a.highest_false);
  if (a.missed > 0) text += fmt::format("; {} missed", a.missed);
  return text;
}

void SummaryTable(std::string& md, const SuiteResult& r) {
  md +=
      "| split | scenarios | posts | true incidents found (recall) | findings reported | false | precision | "
      "surge days found | prior targets found | inversions pooled / within corpus | lowest true vs highest false |\n"
      "|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (const SplitResult& s : r.splits) {
    const Aggregate& a = s.total;
    md += fmt::format("| {} | {} | {} | {} | {} | {} | {:.2f} | {} | {} | {} / {} | {} |\n", SplitTitle(s.split),
                      a.scenarios, Thousands(a.posts), Fraction(a.incidents), a.reported_findings, a.false_findings,
                      a.Precision(), Fraction(a.surge_days), Fraction(a.prior_targets), a.inversions_pooled,
                      a.inversions_within, Margin(a));
  }
  md += "\nAmplifier accounts found, by how they passed the operation's posts on:\n\n| split | all |";
  for (const std::string& c : AmplifierColumns()) md += " " + c + " |";
  md += "\n|---|---|";
  for (size_t i = 0; i < AmplifierColumns().size(); ++i) md += "---|";
  md += "\n";
  for (const SplitResult& s : r.splits) {
    md += fmt::format("| {} | {} |", SplitTitle(s.split), Fraction(AllAmplifiers(s.total)));
    for (const std::string& c : AmplifierColumns()) md += " " + Fraction(AmplifierTally(s.total, c)) + " |";
    md += "\n";
  }
}

// The held-out figures against issue 10's aims, met or missed.
void AgainstTheAims(std::string& md, const SuiteResult& r) {
  for (const SplitResult& s : r.splits) {
    if (s.split != Split::kHeldout) continue;
    const Aggregate& a = s.total;
    auto verdict = [](bool met) { return met ? "met" : "missed"; };
    md += fmt::format(
        "\nAgainst the aims, on the held-out seeds: precision {:.2f} ({}), recall {:.2f} ({}), {} inversions ({})",
        a.Precision(), verdict(a.Precision() >= kAim), a.Recall(), verdict(a.Recall() >= kAim), a.inversions_pooled,
        verdict(a.inversions_pooled == 0));
    for (const std::string& style : AmplifierColumns()) {
      const Tally& t = AmplifierTally(a, style);
      if (t.expected == 0) continue;
      const double found = static_cast<double>(t.found) / static_cast<double>(t.expected);
      md += fmt::format(", {} amplifiers {:.2f} ({})", style, found, verdict(found >= kAim));
    }
    md += ".\n";
  }
}

void PerKindTable(std::string& md, const SplitResult& s) {
  md += fmt::format("\n### Per kind, {} seeds\n\n", SplitTitle(s.split));
  md +=
      "| kind | scenarios | found / true | false | precision | surge days | amplifiers | prior targets | inversions "
      "(within) | lowest true vs highest false |\n|---|---|---|---|---|---|---|---|---|---|\n";
  for (const KindInfo& kind : ScenarioKinds()) {
    auto it = s.by_kind.find(kind.name);
    if (it == s.by_kind.end()) continue;
    const Aggregate& a = it->second;
    md += fmt::format("| {} | {} | {} | {} | {:.2f} | {} | {} | {} | {} | {} |\n", kind.name, a.scenarios,
                      a.incidents.expected == 0 ? "–" : fmt::format("{}/{}", a.incidents.found, a.incidents.expected),
                      a.false_findings, a.Precision(), Fraction(a.surge_days), Fraction(AllAmplifiers(a)),
                      Fraction(a.prior_targets), a.inversions_within, Margin(a));
  }
}

// False findings grouped by the look-alike pattern they match: how many, how severe, and the signals that
// raised them.
void FalsePatterns(std::string& md, const SplitResult& s) {
  struct Group {
    std::vector<double> severities;
    std::map<std::string, int64_t> signals;
  };
  std::map<std::string, Group> groups;
  for (const ScenarioScore& sc : s.scenarios) {
    for (const FalseIncident& f : sc.false_incidents) {
      Group& g = groups[f.pattern];
      g.severities.push_back(f.severity);
      for (const SeverityContribution& c : f.contributions) {
        if (c.points > 0) g.signals[c.signal] += 1;
      }
    }
  }
  md += fmt::format("\n### False findings by look-alike, {} seeds\n\n", SplitTitle(s.split));
  if (groups.empty()) {
    md += "None.\n";
    return;
  }
  md +=
      "| look-alike | false findings | median severity | highest | at 50 or more | signals that scored (findings) |\n"
      "|---|---|---|---|---|---|\n";
  for (auto& [pattern, g] : groups) {
    std::sort(g.severities.begin(), g.severities.end());
    const auto high =
        std::count_if(g.severities.begin(), g.severities.end(), [](double v) { return v >= kHighSeverity; });
    std::vector<std::pair<int64_t, std::string>> signals;
    for (const auto& [signal, n] : g.signals) signals.emplace_back(-n, signal);
    std::sort(signals.begin(), signals.end());
    std::string listed;
    for (const auto& [n, signal] : signals) listed += fmt::format("{}{} ({})", listed.empty() ? "" : ", ", signal, -n);
    md += fmt::format("| {} | {} | {:.1f} | {:.1f} | {} | {} |\n", pattern, g.severities.size(),
                      g.severities[g.severities.size() / 2], g.severities.back(), high, listed);
  }
}

// The most severe false findings, with their contributions, so they can be read.
void FalseIncidents(std::string& md, const SplitResult& s, size_t max_listed) {
  std::vector<std::pair<const ScenarioScore*, const FalseIncident*>> all;
  for (const ScenarioScore& sc : s.scenarios) {
    for (const FalseIncident& f : sc.false_incidents) all.emplace_back(&sc, &f);
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const auto& a, const auto& b) { return a.second->severity > b.second->severity; });
  const size_t shown = std::min(all.size(), max_listed);
  md += fmt::format(
      "\n### False incidents, {} seeds{}\n\n", SplitTitle(s.split),
      shown < all.size() ? fmt::format(" (the {} most severe of {}; all in --json)", shown, all.size()) : "");
  for (size_t i = 0; i < shown; ++i) {
    const ScenarioScore& sc = *all[i].first;
    const FalseIncident& f = *all[i].second;
    md += fmt::format("- {} seed {}: **{}** ({}) → {}: {} {:.1f}, {}{}.", sc.kind, sc.seed,
                      MarkdownText(f.actor_name, 40), MarkdownText(f.actor), MarkdownText(f.target), f.level, f.severity, f.pattern,
                      f.windows > 1 ? fmt::format(", {} windows", f.windows) : "");
    for (const SeverityContribution& c : f.contributions) {
      md += fmt::format(" {} {:+.1f} ({});", c.signal, c.points, MarkdownText(c.explanation, 160));
    }
    md += "\n";
  }
  if (all.empty()) md += "None.\n";
}

void MissedIncidents(std::string& md, const SplitResult& s) {
  std::string rows;
  for (const ScenarioScore& sc : s.scenarios) {
    for (const TrueIncidentResult& t : sc.true_incidents) {
      if (!t.found) rows += fmt::format("- {} seed {}: {} → {}\n", sc.kind, sc.seed, t.actor, t.target);
    }
  }
  md += fmt::format("\n### True incidents not reported, {} seeds\n\n{}", SplitTitle(s.split),
                    rows.empty() ? "None.\n" : rows);
}

// Network operations: found, reported, false, accounts and targets recovered, per split and per kind.
void OperationsSection(std::string& md, const SuiteResult& r) {
  md += fmt::format(
      "\n## Network operations on the scenario suite\n\nAn operation in report.json counts as reported at severity "
      "{:.0f} (\"medium\") or more, the threshold incidents are reported at; it matches a key operation when at "
      "least {:.0f}% of its accounts are that operation's, and is true without entering the recall when most of its "
      "accounts are a key incident's actor and amplifiers.\n\n",
      kReportedOperationSeverity, kOperationMatchShare * 100);
  md +=
      "| split | key operations found (recall) | operations reported | false | precision | bot accounts recovered | "
      "targets named | found in pieces |\n|---|---|---|---|---|---|---|---|\n";
  for (const SplitResult& s : r.splits) {
    const Aggregate& a = s.total;
    md += fmt::format("| {} | {} | {} | {} | {:.2f} | {} | {} | {} |\n", SplitTitle(s.split), Fraction(a.operations),
                      a.reported_operations, a.false_operations, a.OperationPrecision(), Fraction(a.operation_accounts),
                      Fraction(a.operation_targets), a.fragmented);
  }
  for (const SplitResult& s : r.splits) {
    md += fmt::format("\n### Network operations per kind, {} seeds\n\n", SplitTitle(s.split));
    md +=
        "| kind | found / key operations | reported | false | bot accounts recovered | targets named |\n"
        "|---|---|---|---|---|---|\n";
    for (const KindInfo& kind : ScenarioKinds()) {
      auto it = s.by_kind.find(kind.name);
      if (it == s.by_kind.end()) continue;
      const Aggregate& a = it->second;
      md += fmt::format("| {} | {} | {} | {} | {} | {} |\n", kind.name,
                        a.operations.expected == 0 ? "–" : fmt::format("{}/{}", a.operations.found, a.operations.expected),
                        a.reported_operations, a.false_operations, Fraction(a.operation_accounts),
                        Fraction(a.operation_targets));
    }
    std::string rows, missed;
    for (const ScenarioScore& sc : s.scenarios) {
      for (const FalseOperation& f : sc.false_operations) {
        rows += fmt::format("- {} seed {}: {} ({} accounts, {} target{}) {} {:.1f}, {}.", sc.kind, sc.seed,
                            MarkdownText(f.id), f.accounts, f.targets.size(), f.targets.size() == 1 ? "" : "s", f.level,
                            f.severity, f.pattern);
        for (const SeverityContribution& c : f.contributions) {
          rows += fmt::format(" {} {:+.1f} ({});", c.signal, c.points, MarkdownText(c.explanation, 160));
        }
        rows += "\n";
      }
      for (const TrueOperationResult& t : sc.true_operations) {
        if (!t.found) missed += fmt::format("- {} seed {}: {}\n", sc.kind, sc.seed, t.pattern);
      }
    }
    md += fmt::format("\n### False network operations, {} seeds\n\n{}", SplitTitle(s.split), rows.empty() ? "None.\n" : rows);
    md += fmt::format("\n### Key operations not reported, {} seeds\n\n{}", SplitTitle(s.split),
                      missed.empty() ? "None.\n" : missed);
  }
}

Json TallyJson(const Tally& t) { return Json{{"expected", t.expected}, {"found", t.found}}; }

Json AggregateJson(const Aggregate& a) {
  Json amplifiers = Json::object();
  for (const auto& [style, t] : a.amplifiers) amplifiers[style] = TallyJson(t);
  return Json{{"scenarios", a.scenarios},
              {"posts", a.posts},
              {"analysis_seconds", a.analysis_seconds},
              {"incidents", TallyJson(a.incidents)},
              {"precision", a.Precision()},
              {"recall", a.Recall()},
              {"reported_findings", a.reported_findings},
              {"false_findings", a.false_findings},
              {"reported_windows", a.reported_windows},
              {"surge_days", TallyJson(a.surge_days)},
              {"prior_targets", TallyJson(a.prior_targets)},
              {"amplifiers", amplifiers},
              {"inversions_within", a.inversions_within},
              {"inversions_pooled", a.inversions_pooled},
              {"lowest_true_severity", a.lowest_true},
              {"highest_false_severity", a.highest_false},
              {"missed", a.missed},
              {"operations",
               {{"key", TallyJson(a.operations)},
                {"reported", a.reported_operations},
                {"false", a.false_operations},
                {"precision", a.OperationPrecision()},
                {"recall", a.OperationRecall()},
                {"accounts", TallyJson(a.operation_accounts)},
                {"targets", TallyJson(a.operation_targets)},
                {"found_in_pieces", a.fragmented}}}};
}

Json ContributionsJson(const std::vector<SeverityContribution>& contributions) {
  Json out = Json::array();
  for (const SeverityContribution& c : contributions) {
    out.push_back({{"signal", c.signal}, {"points", c.points}, {"explanation", c.explanation}});
  }
  return out;
}

Json ScenarioJson(const ScenarioScore& s) {
  Json trues = Json::array();
  for (const TrueIncidentResult& t : s.true_incidents) {
    trues.push_back({{"actor", t.actor},
                     {"target", t.target},
                     {"found", t.found},
                     {"severity", t.severity},
                     {"windows", t.windows},
                     {"surge_days", TallyJson(t.surge_days)},
                     {"amplifiers", TallyJson(t.amplifiers)},
                     {"prior_targets", TallyJson(t.prior_targets)},
                     {"contributions", ContributionsJson(t.contributions)}});
  }
  Json falses = Json::array();
  for (const FalseIncident& f : s.false_incidents) {
    falses.push_back({{"actor", f.actor},
                      {"actor_name", f.actor_name},
                      {"target", f.target},
                      {"pattern", f.pattern},
                      {"severity", f.severity},
                      {"level", f.level},
                      {"windows", f.windows},
                      {"contributions", ContributionsJson(f.contributions)}});
  }
  Json true_ops = Json::array();
  for (const TrueOperationResult& t : s.true_operations) {
    true_ops.push_back({{"pattern", t.pattern},
                        {"found", t.found},
                        {"severity", t.severity},
                        {"matching", t.matching},
                        {"accounts", TallyJson(t.accounts)},
                        {"targets", TallyJson(t.targets)},
                        {"contributions", ContributionsJson(t.contributions)}});
  }
  Json false_ops = Json::array();
  for (const FalseOperation& f : s.false_operations) {
    false_ops.push_back({{"id", f.id},
                         {"pattern", f.pattern},
                         {"severity", f.severity},
                         {"level", f.level},
                         {"accounts", f.accounts},
                         {"targets", f.targets},
                         {"contributions", ContributionsJson(f.contributions)}});
  }
  return Json{{"kind", s.kind},
              {"seed", s.seed},
              {"split", s.split},
              {"posts", s.posts},
              {"analysis_seconds", s.analysis_seconds},
              {"reported_windows", s.reported_windows},
              {"inversions", s.inversions},
              {"true_incidents", trues},
              {"false_incidents", falses},
              {"reported_operations", s.reported_operations},
              {"incident_network_operations", s.incident_network_operations},
              {"true_operations", true_ops},
              {"false_operations", false_ops}};
}

}  // namespace

std::string RenderSuiteMarkdown(const SuiteResult& r, const std::string& command, size_t max_false_listed) {
  std::string md = std::string(kSectionBegin) + "\n## Incidents on the scenario suite\n\n";
  int64_t scenarios = 0;
  std::set<std::string> kinds;
  for (const SplitResult& s : r.splits) {
    scenarios += s.total.scenarios;
    for (const auto& [kind, a] : s.by_kind) kinds.insert(kind);
  }
  md += fmt::format(
      "Produced by `{}`: {} composed scenarios of {} kind{} at size {} ([scenarios.md](scenarios.md)), each analysed "
      "with `vigil analyze`'s defaults (text: {}) and scored against its answer key. Held-out seeds (1001 onwards) are "
      "reported apart from the tuning seeds (1 onwards): calibrate on the tuning seeds only. Aims (issue 10), on the held-out "
      "seeds: precision >= 0.95, recall >= 0.95, no inversion, amplifiers found for every style.\n\n",
      command, scenarios, kinds.size(), kinds.size() == 1 ? "" : "s", r.size, r.text_models);
  SummaryTable(md, r);
  AgainstTheAims(md, r);
  for (const SplitResult& s : r.splits) PerKindTable(md, s);
  for (const SplitResult& s : r.splits) {
    FalsePatterns(md, s);
    FalseIncidents(md, s, max_false_listed);
    MissedIncidents(md, s);
  }
  md +=
      "\n### How the figures are counted\n\n"
      "- A reported incident is true when its actor (platform:account_id) and target match a key incident. All "
      "reported windows of one (actor, target) pair are one finding, counted once, with their highest severity.\n"
      "- Precision = true findings / findings reported (1 when nothing is reported); recall = key incidents found / "
      "key incidents.\n"
      "- Surge days: a key surge day is found when a daily surge attached to the finding covers that UTC day. "
      "Amplifiers: a key amplifier account is found when it is among the finding's amplifiers or coordination "
      "ties. Prior targets: found when the finding's actor history holds a campaign against that target. Signals "
      "of a missed incident count as missed.\n"
      "- Inversions: pairs (true incident, false finding) where the false one's severity is at least the true "
      "one's; a true incident that was not reported ranks below every reported finding. \"Within corpus\" pairs "
      "only incidents of the same scenario (an analyst's queue); \"pooled\" pairs every true and false finding "
      "of the split (one threshold for all data).\n";
  OperationsSection(md, r);
  md += std::string(kSectionEnd) + "\n";
  return md;
}

std::string RenderSuiteJson(const SuiteResult& r) {
  Json splits = Json::array();
  for (const SplitResult& s : r.splits) {
    Json kinds = Json::object();
    for (const auto& [kind, a] : s.by_kind) kinds[kind] = AggregateJson(a);
    Json scenarios = Json::array();
    for (const ScenarioScore& sc : s.scenarios) scenarios.push_back(ScenarioJson(sc));
    splits.push_back(
        {{"split", SplitName(s.split)}, {"total", AggregateJson(s.total)}, {"kinds", kinds}, {"scenarios", scenarios}});
  }
  return Json{{"schema", "vigil.scenario-eval/1"},
              {"size", r.size},
              {"text_models", r.text_models},
              {"seconds", r.seconds},
              {"splits", splits}}
             .dump(2) +
         "\n";
}

std::string ExtractSuiteSection(const std::string& page) {
  const size_t begin = page.find(kSectionBegin);
  if (begin == std::string::npos) return "";
  const size_t end = page.find(kSectionEnd, begin);
  if (end == std::string::npos) return "";
  size_t stop = end + std::string_view(kSectionEnd).size();
  if (stop < page.size() && page[stop] == '\n') ++stop;
  return page.substr(begin, stop - begin);
}

std::string ReplaceSuiteSection(const std::string& page, const std::string& section) {
  const std::string old = ExtractSuiteSection(page);
  if (old.empty()) {
    std::string out = page;
    if (!out.empty() && out.back() != '\n') out += '\n';
    if (!out.empty()) out += '\n';
    return out + section;
  }
  std::string out = page;
  out.replace(page.find(old), old.size(), section);
  return out;
}

}  // namespace vigil::scenarios
