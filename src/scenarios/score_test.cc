// Scoring an analysis against a key: matching by actor and target, windows counted once, signals measured on
// the matched finding, look-alikes named, inversions counted within a corpus and pooled over a split.
#include "scenarios/score.h"

#include <gtest/gtest.h>

#include "common/time.h"
#include "scenarios/suite.h"
#include "scenarios/suite_report.h"

namespace vigil::scenarios {
namespace {

constexpr int64_t kDay = 86400;
const int64_t kMarch10 = CivilDate{2025, 3, 10}.DaysSinceEpoch() * kDay;

Incident MakeIncident(const std::string& platform, const std::string& account, const std::string& target,
                      double severity) {
  Incident in;
  in.actor.platform = platform;
  in.actor.account_id = account;
  in.actor.name = account;
  in.target_id = target;
  in.severity = severity;
  in.level = severity >= 70 ? SeverityLevel::kCritical : SeverityLevel::kMedium;
  in.contributions = {{"engagement", severity, "peak 3.1x the peer median"}};
  return in;
}

Surge DailySurge(int64_t day_start) {
  Surge s;
  s.granularity = Granularity::kDay;
  s.window_start = day_start;
  s.window_end = day_start + kDay;
  return s;
}

// The key: one operation (two surge days, a reposting and a copying amplifier, one prior target) and its
// earlier campaign; one state-media look-alike.
AnswerKey MakeKey() {
  AnswerKey key;
  key.kind = "reference";
  key.seed = 1;
  key.split = "tuning";
  KeyIncident op;
  op.actor = "wechat:op";
  op.target = "carney";
  op.surge_days = {{{2025, 3, 10}, 40, 3.0, "", 0}, {{2025, 3, 25}, 45, 3.0, "", 0}};
  op.amplifiers = {{"wechat:amp1", AmplificationStyle::kRepost, false, {}, 2, 30, 600},
                   {"weibo:amp2", AmplificationStyle::kCopy, true, {"prefix"}, 1, 600, 1200}};
  op.prior_targets = {"chong"};
  KeyIncident prior;
  prior.actor = "wechat:op";
  prior.target = "chong";
  key.incidents = {prior, op};
  key.lookalikes = {{"wechat:xinhua", "新华社", {"carney"}, "routine-state-media", "routine briefs"}};
  return key;
}

AnalysisReport MakeReport() {
  AnalysisReport r;
  Incident first = MakeIncident("wechat", "op", "carney", 90);
  first.surges = {DailySurge(kMarch10)};
  first.coordination.amplifiers = {{"wechat", "amp1", "amp1", "wechat:op-1", 120, "wechat:amp1-1", "repost"}};
  first.history = {{"chong", "Michael Chong", 0, 0, 3, 1000, 2}};
  Incident second = MakeIncident("wechat", "op", "carney", 60);  // a later window of the same pair
  r.incidents = {first, second, MakeIncident("wechat", "xinhua", "carney", 65),
                 MakeIncident("x", "someone", "carney", 40)};
  return r;
}

TEST(ScoreReport, ActorAndTargetMatchAndWindowsCountOnce) {
  const ScenarioScore s = ScoreReport(MakeReport(), MakeKey());
  EXPECT_EQ(s.reported_windows, 4);
  EXPECT_EQ(s.incidents.expected, 2);
  EXPECT_EQ(s.incidents.found, 1);  // the earlier campaign against chong was not reported
  ASSERT_EQ(s.true_incidents.size(), 2u);
  EXPECT_FALSE(s.true_incidents[0].found);
  EXPECT_TRUE(s.true_incidents[1].found);
  EXPECT_EQ(s.true_incidents[1].windows, 2);
  EXPECT_DOUBLE_EQ(s.true_incidents[1].severity, 90);
}

TEST(ScoreReport, FalseFindingsNamedAfterTheirLookalikeAndSortedBySeverity) {
  const ScenarioScore s = ScoreReport(MakeReport(), MakeKey());
  ASSERT_EQ(s.false_incidents.size(), 2u);
  EXPECT_EQ(s.false_incidents[0].actor, "wechat:xinhua");
  EXPECT_EQ(s.false_incidents[0].pattern, "routine-state-media");
  EXPECT_DOUBLE_EQ(s.false_incidents[0].severity, 65);
  ASSERT_EQ(s.false_incidents[0].contributions.size(), 1u);
  EXPECT_EQ(s.false_incidents[1].actor, "x:someone");
  EXPECT_EQ(s.false_incidents[1].pattern, "unlisted");
}

TEST(ScoreReport, SignalsMeasuredOnTheMatchedFinding) {
  const ScenarioScore s = ScoreReport(MakeReport(), MakeKey());
  EXPECT_EQ(s.surge_days.expected, 2);
  EXPECT_EQ(s.surge_days.found, 1);  // 2025-03-10 covered, 2025-03-25 not
  EXPECT_EQ(s.prior_targets.found, 1);
  EXPECT_EQ(s.amplifiers.at("repost").found, 1);
  EXPECT_EQ(s.amplifiers.at("copy").expected, 1);
  EXPECT_EQ(s.amplifiers.at("copy").found, 0);
  EXPECT_EQ(s.amplifiers.at("cross-platform").expected, 1);
}

TEST(ScoreReport, CoordinationTiesCountAsFoundAmplifiers) {
  AnalysisReport r = MakeReport();
  r.incidents[1].coordination.ties = {{"weibo:amp2", "wechat:amp1", 1, 60, {}}};
  EXPECT_EQ(ScoreReport(r, MakeKey()).amplifiers.at("copy").found, 1);
}

TEST(ScoreReport, MissedTrueIncidentsRankBelowEveryFalseOne) {
  // Found at 90 against false at 65 and 40: no inversion. Missed chong: below both false ones: 2 inversions.
  EXPECT_EQ(ScoreReport(MakeReport(), MakeKey()).inversions, 2);
  AnalysisReport r = MakeReport();
  r.incidents[2].severity = 95;  // xinhua now outranks the operation
  EXPECT_EQ(ScoreReport(r, MakeKey()).inversions, 3);
}

TEST(AggregateScores, PrecisionRecallAndPooledRanking) {
  const ScenarioScore a = ScoreReport(MakeReport(), MakeKey());
  AnswerKey clean_key = MakeKey();
  clean_key.incidents.erase(clean_key.incidents.begin());  // only the operation
  AnalysisReport clean = MakeReport();
  clean.incidents.resize(2);  // only its two windows
  clean.incidents[0].severity = 50;
  clean.incidents[1].severity = 50;
  const ScenarioScore b = ScoreReport(clean, clean_key);
  const Aggregate total = AggregateScores({&a, &b});
  EXPECT_EQ(total.scenarios, 2);
  EXPECT_EQ(total.incidents.expected, 3);
  EXPECT_EQ(total.incidents.found, 2);
  EXPECT_EQ(total.reported_findings, 4);
  EXPECT_EQ(total.false_findings, 2);
  EXPECT_DOUBLE_EQ(total.Precision(), 0.5);
  EXPECT_DOUBLE_EQ(total.Recall(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(total.lowest_true, 50);
  EXPECT_DOUBLE_EQ(total.highest_false, 65);
  EXPECT_EQ(total.missed, 1);
  // Pooled: false 65 outranks true 50, and the missed one sits below both false ones.
  EXPECT_EQ(total.inversions_pooled, 1 + 2);
  EXPECT_EQ(total.inversions_within, 2);
}

TEST(AggregateScores, NothingReportedIsPrecise) {
  const Aggregate empty = AggregateScores({});
  EXPECT_DOUBLE_EQ(empty.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(empty.Recall(), 1.0);
  EXPECT_LT(empty.highest_false, 0);
}

TEST(SuiteSection, ReplacedInPlaceOrAppendedAndFoundAgain) {
  const std::string section = std::string(kSectionBegin) + "\nnew figures\n" + kSectionEnd + "\n";
  const std::string text_only = "# Text quality\n\nfigures\n";
  const std::string appended = ReplaceSuiteSection(text_only, section);
  EXPECT_EQ(appended, text_only + "\n" + section);
  EXPECT_EQ(ExtractSuiteSection(appended), section);
  const std::string old_page =
      "# Text quality\n\n" + std::string(kSectionBegin) + "\nold\n" + kSectionEnd + "\n\n## Reproduce\n";
  const std::string replaced = ReplaceSuiteSection(old_page, section);
  EXPECT_EQ(replaced, "# Text quality\n\n" + section + "\n## Reproduce\n");
  EXPECT_EQ(ExtractSuiteSection("no markers here"), "");
  EXPECT_EQ(ExtractSuiteSection(std::string(kSectionBegin) + " but no end"), "");
}

TEST(SuiteSection, MarkdownReportsEverySplitAndListsFalseIncidents) {
  SuiteResult result;
  result.size = "small";
  SplitResult& split = result.splits.emplace_back();
  split.split = Split::kHeldout;
  split.scenarios = {ScoreReport(MakeReport(), MakeKey())};
  split.total = AggregateScores({&split.scenarios[0]});
  split.by_kind["reference"] = split.total;
  const std::string md = RenderSuiteMarkdown(result, "vigil eval --scenarios");
  EXPECT_EQ(md.rfind(kSectionBegin, 0), 0u);
  EXPECT_NE(md.find(kSectionEnd), std::string::npos);
  EXPECT_NE(md.find("| held-out | 1 |"), std::string::npos) << md;
  EXPECT_NE(md.find("**xinhua** (wechat:xinhua) → carney: medium 65.0, routine-state-media"), std::string::npos) << md;
  EXPECT_NE(md.find("engagement +65.0 (peak 3.1x the peer median)"), std::string::npos);
  EXPECT_NE(md.find("- reference seed 1: wechat:op → chong"), std::string::npos);  // missed
  EXPECT_NE(md.find("| routine-state-media | 1 | 65.0 | 65.0 | 1 | engagement (1) |"), std::string::npos) << md;
  EXPECT_NE(
      md.find("Against the aims, on the held-out seeds: precision 0.33 (missed), recall 0.50 (missed), 2 inversions "
              "(missed), repost amplifiers 1.00 (met), copy amplifiers 0.00 (missed), cross-platform amplifiers 0.00 "
              "(missed)."),
      std::string::npos)
      << md;
  EXPECT_NE(RenderSuiteJson(result).find("\"schema\": \"vigil.scenario-eval/1\""), std::string::npos);
}

TEST(SuiteSection, ListsOnlyTheMostSevereFalseIncidents) {
  SuiteResult result;
  SplitResult& split = result.splits.emplace_back();
  split.scenarios = {ScoreReport(MakeReport(), MakeKey())};
  split.total = AggregateScores({&split.scenarios[0]});
  const std::string md = RenderSuiteMarkdown(result, "vigil eval --scenarios", 1);
  EXPECT_NE(md.find("(the 1 most severe of 2; all in --json)"), std::string::npos) << md;
  EXPECT_NE(md.find("(wechat:xinhua)"), std::string::npos);
  EXPECT_EQ(md.find("(x:someone)"), std::string::npos);
  EXPECT_NE(md.find("| unlisted | 1 | 40.0 | 40.0 | 0 | engagement (1) |"), std::string::npos) << md;
}

// ---- Network operations ----

Operation MakeOperation(const std::string& id, std::vector<std::string> accounts, std::vector<std::string> targets,
                        double severity) {
  Operation op;
  op.id = id;
  for (std::string& a : accounts) {
    OperationAccount account;
    account.account = std::move(a);
    op.accounts.push_back(std::move(account));
  }
  for (std::string& t : targets) {
    OperationTarget target;
    target.target_id = std::move(t);
    op.targets.push_back(std::move(target));
  }
  op.severity = severity;
  op.level = SeverityLevelFor(severity);
  op.contributions = {{"size", 10, "20 accounts"}};
  return op;
}

// The key: a ten-bot reply-spam operation on three targets and a fan network; the reference incident's
// network (wechat:op and its amplifiers) comes from MakeKey.
AnswerKey NetworkKey() {
  AnswerKey key = MakeKey();
  KeyOperation op;
  op.pattern = "reply-spam";
  for (int i = 0; i < 10; ++i) op.accounts.push_back("x:bot" + std::to_string(i));
  op.targets = {"carney", "chong", "singh"};
  key.operations = {op};
  key.lookalike_networks = {{"fan-replies", {"x:fan1", "x:fan2", "x:fan3", "x:fan4"}, {"singh"}, "fans"}};
  return key;
}

TEST(ScoreOperations, MostlyTheNetworkMatchesAndLookalikesAreNamed) {
  AnalysisReport r;
  r.operations = {
      // Six bots and two bystanders: mostly the network; a second piece holds two more bots.
      MakeOperation("op-a", {"x:bot0", "x:bot1", "x:bot2", "x:bot3", "x:bot4", "x:bot5", "x:u1", "x:u2"},
                    {"carney", "chong"}, 65),
      MakeOperation("op-b", {"x:bot6", "x:bot7", "x:u3"}, {"singh"}, 40),
      MakeOperation("op-fans", {"x:fan1", "x:fan2", "x:fan3", "x:u4"}, {"singh"}, 35),
      MakeOperation("op-amps", {"wechat:op", "wechat:amp1", "x:u5"}, {"carney"}, 50),  // the incident's network
      MakeOperation("op-low", {"x:fan1", "x:fan2", "x:fan3"}, {"singh"}, 29),          // below "medium"
      MakeOperation("op-mixed", {"x:bot8", "x:u6", "x:u7"}, {"carney"}, 30),          // only a third bots
  };
  const ScenarioScore s = ScoreReport(r, NetworkKey());
  EXPECT_EQ(s.reported_operations, 5);
  EXPECT_EQ(s.incident_network_operations, 1);
  EXPECT_EQ(s.operations.expected, 1);
  EXPECT_EQ(s.operations.found, 1);
  ASSERT_EQ(s.true_operations.size(), 1u);
  EXPECT_EQ(s.true_operations[0].matching, 2);
  EXPECT_DOUBLE_EQ(s.true_operations[0].severity, 65);
  EXPECT_EQ(s.operation_accounts.expected, 10);
  EXPECT_EQ(s.operation_accounts.found, 8);
  EXPECT_EQ(s.operation_targets.found, 3);
  ASSERT_EQ(s.false_operations.size(), 2u);
  EXPECT_EQ(s.false_operations[0].id, "op-fans");
  EXPECT_EQ(s.false_operations[0].pattern, "fan-replies");
  EXPECT_EQ(s.false_operations[1].id, "op-mixed");
  EXPECT_EQ(s.false_operations[1].pattern, "unlisted");
}

TEST(ScoreOperations, AggregatedWithPrecisionAndPieces) {
  AnalysisReport r;
  r.operations = {MakeOperation("op-a", {"x:bot0", "x:bot1", "x:bot2"}, {"carney"}, 60),
                  MakeOperation("op-b", {"x:bot3", "x:bot4"}, {"chong"}, 55),
                  MakeOperation("op-fans", {"x:fan1", "x:fan2", "x:fan3"}, {"singh"}, 45)};
  const ScenarioScore s = ScoreReport(r, NetworkKey());
  const Aggregate a = AggregateScores({&s});
  EXPECT_EQ(a.reported_operations, 3);
  EXPECT_EQ(a.false_operations, 1);
  EXPECT_NEAR(a.OperationPrecision(), 2.0 / 3, 1e-9);
  EXPECT_DOUBLE_EQ(a.OperationRecall(), 1.0);
  EXPECT_EQ(a.fragmented, 1);
  EXPECT_EQ(a.operation_accounts.found, 5);
  SuiteResult result;
  result.size = "small";
  SplitResult& split = result.splits.emplace_back();
  split.split = Split::kTuning;
  split.scenarios = {s};
  split.total = a;
  split.by_kind["reply-spam"] = a;
  split.scenarios[0].kind = "reply-spam";
  const std::string md = RenderSuiteMarkdown(result, "vigil eval --scenarios");
  EXPECT_NE(md.find("## Network operations on the scenario suite"), std::string::npos);
  EXPECT_NE(md.find("| tuning | 1/1 (1.00) | 3 | 1 | 0.67 | 5/10 (0.50) | 2/3 (0.67) | 1 |"), std::string::npos) << md;
  EXPECT_NE(md.find("op-fans (3 accounts, 1 target) medium 45.0, fan-replies."), std::string::npos) << md;
}

TEST(AnswerKeyJson, NetworkPartsOnlyWhenPresent) {
  AnswerKey key = MakeKey();
  EXPECT_EQ(RenderAnswerKey(key).find("\"operations\""), std::string::npos);
  EXPECT_EQ(RenderAnswerKey(key).find("lookalike_networks"), std::string::npos);
  const std::string json = RenderAnswerKey(NetworkKey());
  EXPECT_NE(json.find("\"operations\""), std::string::npos);
  EXPECT_NE(json.find("\"pattern\": \"reply-spam\""), std::string::npos);
  EXPECT_NE(json.find("\"lookalike_networks\""), std::string::npos);
}

}  // namespace
}  // namespace vigil::scenarios
