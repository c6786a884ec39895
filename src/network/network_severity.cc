// Network severity (see network_severity.h): named points from data tables, each contribution explained.
#include "network/network_severity.h"

#include <fmt/format.h>

#include <algorithm>
#include <span>

namespace vigil::network {
namespace {

// A measured figure at or above `at` earns `points` (the highest tier reached counts).
struct Tier {
  double at;
  double points;
};

// Weights (docs/network-operations.md#severity). Engagement is absent on purpose: reply-spam networks draw
// almost none; what marks them is concert (ties, templates, new accounts in bursts) across many targets.
constexpr Tier kSizeTiers[] = {{5, 5}, {20, 10}, {50, 15}};      // member accounts
constexpr Tier kTieWeightTiers[] = {{3, 5}, {5, 10}, {10, 15}};  // co-actions per tie
constexpr Tier kTargetTiers[] = {{2, 5}, {3, 10}, {10, 15}};     // targets worked on
// A target the network works on, not one a member named in passing: it holds this share of the network's posts
// about targets, from this many of its accounts (a fan group that follows one MP touches others now and then).
constexpr double kWorkedTargetShare = 0.02;
constexpr int64_t kWorkedTargetAccounts = 2;
constexpr Tier kReachTiers[] = {{20, 5}, {100, 10}};             // reposts and replies from outside
struct SignalPoints {
  const char* signal;
  double points;
};
constexpr SignalPoints kSignalPoints[] = {
    {"text-templates", 15}, {"reply-burst-new-accounts", 15}, {"named-in-series", 5}, {"echo-chamber", 5}};
constexpr double kStateLinkedPoints = 20;  // a member is a declared state-linked (covert) actor
// A member is declared state media: outlets of one state openly syndicate the same copy, which is no
// inauthentic network by itself.
constexpr double kStateMediaPoints = 5;
constexpr double kEarlierOperationPoints = 10;  // shares templates or links with an earlier operation
constexpr double kBothSidesPoints = 5;
constexpr double kMaxSeverity = 100;

double PointsFor(std::span<const Tier> tiers, double value) {
  double points = 0;
  for (const Tier& tier : tiers) {
    if (value >= tier.at) points = tier.points;
  }
  return points;
}

void Add(Operation* op, const char* signal, double points, std::string explanation) {
  if (points > 0) op->contributions.push_back({signal, points, std::move(explanation)});
}

size_t WorkedTargets(const Operation& op) {
  return static_cast<size_t>(std::count_if(op.targets.begin(), op.targets.end(), [&](const OperationTarget& t) {
    return t.accounts >= kWorkedTargetAccounts &&
           static_cast<double>(t.posts) >= kWorkedTargetShare * static_cast<double>(op.target_posts);
  }));
}

void AddStructure(Operation* op) {
  const auto accounts = static_cast<double>(op->accounts.size());
  Add(op, "size", PointsFor(kSizeTiers, accounts), fmt::format("{} accounts acting in concert", op->accounts.size()));
  Add(op, "coordination", PointsFor(kTieWeightTiers, op->mean_tie_weight),
      fmt::format("{} ties, {:.1f} co-actions per tie on average", op->ties, op->mean_tie_weight));
  const size_t worked = WorkedTargets(*op);
  Add(op, "targets", PointsFor(kTargetTiers, static_cast<double>(worked)),
      fmt::format("{} watched targets worked on ({} named at all)", worked, op->targets.size()));
  Add(op, "reach", PointsFor(kReachTiers, static_cast<double>(op->reach_outside)),
      fmt::format("{} reposts and replies to its posts from accounts outside it", op->reach_outside));
}

void AddSignals(Operation* op) {
  for (const NetworkSignal& signal : op->signals) {
    if (!signal.present) continue;
    for (const SignalPoints& weight : kSignalPoints) {
      if (signal.signal == weight.signal) Add(op, weight.signal, weight.points, signal.evidence);
    }
  }
}

void AddAttribution(Operation* op) {
  auto has = [&](const char* affiliation) {
    return std::any_of(op->accounts.begin(), op->accounts.end(),
                       [&](const OperationAccount& a) { return a.affiliation == affiliation; });
  };
  if (has("state-linked")) {
    Add(op, "attribution", kStateLinkedPoints, op->attribution.front());
  } else if (has("state-media")) {
    Add(op, "attribution", kStateMediaPoints, op->attribution.front());
  }
  if (!op->related_operations.empty()) {
    Add(op, "earlier-operation", kEarlierOperationPoints,
        fmt::format("shares text templates or links with {} earlier operation(s)", op->related_operations.size()));
  }
  if (op->both_sides) {
    Add(op, "both-sides", kBothSidesPoints,
        fmt::format("praises and attacks: {} favourable, {} hostile posts about targets", op->stance.favor,
                    op->stance.against));
  }
}

}  // namespace

void ScoreOperation(Operation* op) {
  op->contributions.clear();
  AddStructure(op);
  AddSignals(op);
  AddAttribution(op);
  double total = 0;
  for (const SeverityContribution& c : op->contributions) total += c.points;
  op->severity = std::min(kMaxSeverity, total);
  op->level = SeverityLevelFor(op->severity);
}

}  // namespace vigil::network
