// The scenario world (see world.h): a country, its watched candidates and an election calendar drawn from
// the seed.
#include "scenarios/world.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>

#include "common/time.h"
#include "scenarios/members.h"

namespace vigil::scenarios {
namespace {

// Election days are drawn from these years, so seeds cover different seasons and weekdays.
constexpr CivilDate kFirstElectionDay{2019, 1, 1};
constexpr CivilDate kLastElectionDay{2026, 12, 31};
constexpr int kDaysAfterElection = 3;  // exports run a few days past election day
// Organic attention: a mild rise on event days and through the campaign, as real attention is.
constexpr double kCampaignHeat = 1.25;
constexpr double kEventDayHeat = 1.6;
constexpr double kElectionDayHeat = 2.0;
constexpr double kDayAfterHeat = 1.3;

std::string EventLabel(EventKind kind, const Country& country, const Candidate* target) {
  switch (kind) {
    case EventKind::kLeadership:
      return fmt::format("{} wins the {} leadership", target->name, target->party_en);
    case EventKind::kPolicy:
      return fmt::format("{} unveils the {} platform", target->name, target->party_en);
    case EventKind::kElectionCalled:
      return fmt::format("{} {} called", country.code == "US" ? "U.S." : country.name_en, country.election_en);
    case EventKind::kDebate:
      return fmt::format("Leaders' debate ({})", country.election_en);
    case EventKind::kElectionDay:
      break;
  }
  return fmt::format("Election day ({})", country.election_en);
}

CivilDate AddDays(const CivilDate& date, int64_t days) { return CivilFromDays(date.DaysSinceEpoch() + days); }

std::vector<ElectionEvent> DrawEvents(Rng& rng, const Country& country, const std::vector<const Candidate*>& targets,
                                      const CivilDate& election_day) {
  auto event = [&](int64_t days_before, EventKind kind, const Candidate* target) {
    return ElectionEvent{AddDays(election_day, -days_before), kind, target ? target->id : "",
                         EventLabel(kind, country, target)};
  };
  std::vector<ElectionEvent> events = {
      event(rng.UniformInt(44, 60), EventKind::kLeadership, targets[0]),
      event(rng.UniformInt(33, 37), EventKind::kElectionCalled, nullptr),
      event(rng.UniformInt(20, 28), EventKind::kPolicy, targets[1]),
      event(rng.UniformInt(10, 16), EventKind::kDebate, nullptr),
      event(0, EventKind::kElectionDay, nullptr),
  };
  std::sort(events.begin(), events.end(),
            [](const ElectionEvent& a, const ElectionEvent& b) { return a.date < b.date; });
  return events;
}

double HeatOf(const CivilDate& date, const std::vector<ElectionEvent>& events) {
  double heat = 1.0;
  for (const ElectionEvent& e : events) {
    if (e.kind == EventKind::kElectionCalled && e.date < date && date <= events.back().date) heat = kCampaignHeat;
  }
  for (const ElectionEvent& e : events) {
    if (e.date == date) heat = std::max(heat, e.kind == EventKind::kElectionDay ? kElectionDayHeat : kEventDayHeat);
    if (AddDays(e.date, 1) == date) heat = std::max(heat, kDayAfterHeat);
  }
  return heat;
}

}  // namespace

const SizeSpec& SmallSize() {
  static const SizeSpec kSmall{"small", 84, 1.0};
  return kSmall;
}

const SizeSpec& FullSize() {
  static const SizeSpec kFull{"full", 150, 3.0};
  return kFull;
}

int64_t World::DayIndex(const CivilDate& date) const {
  if (days.empty()) return -1;
  const int64_t index = date.DaysSinceEpoch() - days.front().date.DaysSinceEpoch();
  return index >= 0 && index < static_cast<int64_t>(days.size()) ? index : -1;
}

const ElectionEvent* World::FindEvent(EventKind kind, const std::string& target_id) const {
  for (const ElectionEvent& e : events) {
    if (e.kind == kind && (target_id.empty() || e.target_id == target_id)) return &e;
  }
  return nullptr;
}

const Candidate& World::Target(const std::string& id) const {
  for (const Candidate* c : targets) {
    if (c->id == id) return *c;
  }
  assert(false && "not a watched target");
  return *targets.front();
}

World MakeWorld(Rng& rng, const SizeSpec& size, const WorldOptions& options) {
  World world;
  world.country = options.country.empty() ? &rng.Pick(Countries()) : &CountryByCode(options.country);
  const auto& candidates = world.country->candidates;
  const size_t watched = std::min(candidates.size(), static_cast<size_t>(std::max(2, options.watched_targets)));
  for (size_t idx : rng.Sample(candidates.size(), watched)) world.targets.push_back(&candidates[idx]);
  if (options.watch_members) {
    for (const Candidate& member : SittingMembers(*world.country)) world.targets.push_back(&member);
  }
  world.election_day =
      CivilFromDays(rng.UniformInt(kFirstElectionDay.DaysSinceEpoch(), kLastElectionDay.DaysSinceEpoch()));
  world.events = DrawEvents(rng, *world.country, world.targets, world.election_day);

  const CivilDate last = AddDays(world.election_day, kDaysAfterElection);
  CivilDate first = AddDays(last, -(size.data_days - 1));
  if (options.starts_mid_campaign) {
    first = AddDays(world.FindEvent(EventKind::kElectionCalled)->date, rng.UniformInt(2, 6));
  }
  for (int64_t d = first.DaysSinceEpoch(); d <= last.DaysSinceEpoch(); ++d) {
    WorldDay day;
    day.date = CivilFromDays(d);
    day.start_utc = d * kSecondsPerDay;
    day.heat = HeatOf(day.date, world.events);
    world.days.push_back(day);
  }
  // Events point into the vector only once it is complete.
  for (WorldDay& day : world.days) {
    for (const ElectionEvent& e : world.events) {
      if (e.date == day.date) day.event = &e;
    }
  }
  return world;
}

std::vector<Target> WatchTargets(const World& world) {
  std::vector<Target> out;
  for (const Candidate* c : world.targets) out.push_back({c->id, c->name, c->party_en, AliasesOf(*c)});
  return out;
}

std::vector<Event> WatchEvents(const World& world) {
  std::vector<Event> out;
  for (const ElectionEvent& e : world.events) out.push_back({e.date, e.label, e.target_id});
  return out;
}

}  // namespace vigil::scenarios
