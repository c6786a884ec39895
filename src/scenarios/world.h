// A scenario's world: the country whose election it covers, the watched candidates, the election calendar
// and its events, and the days the data spans. Everything is drawn from the seed, so held-out seeds are other
// countries, other candidates and other dates.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "examplegen/rng.h"
#include "scenarios/candidates.h"
#include "vigil/watch_config.h"

namespace vigil::scenarios {

using examplegen::Rng;

enum class EventKind { kLeadership, kPolicy, kElectionCalled, kDebate, kElectionDay };

struct ElectionEvent {
  CivilDate date;
  EventKind kind = EventKind::kElectionDay;
  std::string target_id;  // empty: concerns every candidate
  std::string label;
};

// One phrase set per kind of event, and one for days without an event (a language's briefs, for instance).
template <typename T>
struct PerEvent {
  const T& none;
  const T& leadership;
  const T& policy;
  const T& election_called;
  const T& debate;
  const T& election_day;

  const T& For(const ElectionEvent* event) const {
    if (event == nullptr) return none;
    switch (event->kind) {
      case EventKind::kLeadership: return leadership;
      case EventKind::kPolicy: return policy;
      case EventKind::kElectionCalled: return election_called;
      case EventKind::kDebate: return debate;
      case EventKind::kElectionDay: break;
    }
    return election_day;
  }
};

// One UTC calendar day of the data (the engine counts mentions per UTC day).
struct WorldDay {
  CivilDate date;
  int64_t start_utc = 0;
  double heat = 1.0;                     // organic political attention relative to an ordinary day
  const ElectionEvent* event = nullptr;  // the event on this day, if any
};

// How large a scenario is: how many days of data and how much organic volume per day.
struct SizeSpec {
  std::string name;  // "small" or "full"
  int data_days = 0;
  double volume = 1.0;  // multiplies every organic rate (background, state media, outlets)
};

const SizeSpec& SmallSize();
const SizeSpec& FullSize();

struct WorldOptions {
  int watched_targets = 4;
  // The export starts in the middle of the election campaign (after the election call) instead of weeks
  // before it.
  bool starts_mid_campaign = false;
  // The country's code ("CA"); empty: drawn from the seed. Set by kinds that only occur where the country's
  // languages allow (comments in English and French).
  std::string country;
  // Watch the country's sitting members (members.h) after the drawn candidates.
  bool watch_members = false;
};

// Days point into `events`, so a world moves but is never copied.
struct World {
  World() = default;
  World(const World&) = delete;
  World& operator=(const World&) = delete;
  World(World&&) = default;
  World& operator=(World&&) = default;

  const Country* country = nullptr;
  std::vector<const Candidate*> targets;  // watched; in random order
  CivilDate election_day;
  std::vector<ElectionEvent> events;  // date order
  std::vector<WorldDay> days;         // the data's days, in order

  const WorldDay& Day(size_t index) const { return days[index]; }
  // Index of `date` in days, or -1 when it is outside the data.
  int64_t DayIndex(const CivilDate& date) const;
  const ElectionEvent* FindEvent(EventKind kind, const std::string& target_id = "") const;
  const Candidate& Target(const std::string& id) const;
};

World MakeWorld(Rng& rng, const SizeSpec& size, const WorldOptions& options);

// Watch configuration entries for the world's targets and events.
std::vector<Target> WatchTargets(const World& world);
std::vector<Event> WatchEvents(const World& world);

}  // namespace vigil::scenarios
