// The case calendar: the two periods the example covers, the political events, and how much ordinary
// political chatter each day carries (a mild rise on event days).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vigil/watch_config.h"

namespace vigil::examplegen {

inline constexpr int32_t kChinaOffsetMinutes = 8 * 60;  // WeChat posts are stamped +08:00
inline constexpr int32_t kEasternStandardMinutes = -5 * 60;
inline constexpr int32_t kEasternDaylightMinutes = -4 * 60;

struct CaseEvent {
  CivilDate date;
  std::string label;
  std::string target_id;  // empty: concerns every target
};

// The events of watch.yaml, in date order.
const std::vector<CaseEvent>& CaseEvents();

struct Day {
  CivilDate date;
  int64_t start_utc = 0;  // local midnight at +08:00, in Unix seconds
  double heat = 1.0;      // multiplier on organic political chatter: >1 on and just after event days
  const CaseEvent* event = nullptr;  // the event on this date, if any
};

// Every day of 2023-04-01..2023-06-15 and 2024-12-01..2025-04-30, in order.
std::vector<Day> CaseDays();

// Unix seconds of a local wall-clock time on `date` at `offset_minutes` from UTC.
int64_t LocalTime(const CivilDate& date, int hour, int minute, int second, int32_t offset_minutes);

// The offset Canadian Eastern time used at `unix_seconds` (daylight time from the second Sunday of March
// to the first Sunday of November, as in 2023-2025).
int32_t EasternOffsetMinutes(int64_t unix_seconds);

}  // namespace vigil::examplegen
