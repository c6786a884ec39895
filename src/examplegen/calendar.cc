// The case calendar (see calendar.h).
#include "examplegen/calendar.h"

#include "common/time.h"

namespace vigil::examplegen {
namespace {

constexpr double kEventDayHeat = 1.6;   // organic chatter rises mildly on an event day...
constexpr double kDayAfterHeat = 1.3;   // ...and the day after, not tenfold

struct Period {
  CivilDate first;
  CivilDate last;
};

constexpr Period kPeriods[] = {{{2023, 4, 1}, {2023, 6, 15}}, {{2024, 12, 1}, {2025, 4, 30}}};

// Day of month of the n-th Sunday (n >= 1) of year/month.
int NthSunday(int year, int month, int n) {
  const int64_t first = CivilDate{year, month, 1}.DaysSinceEpoch();
  const int64_t weekday = ((first % 7) + 7 + 4) % 7;  // 1970-01-01 was a Thursday (4); 0 = Sunday
  const int first_sunday = 1 + static_cast<int>((7 - weekday) % 7);
  return first_sunday + 7 * (n - 1);
}

}  // namespace

const std::vector<CaseEvent>& CaseEvents() {
  static const std::vector<CaseEvent> kEvents = {
      {{2023, 5, 1}, "Reports that a PRC diplomat targeted MP Michael Chong and his family", "chong"},
      {{2023, 5, 8}, "Canada expels PRC diplomat Zhao Wei", "chong"},
      {{2025, 1, 6}, "Justin Trudeau announces his resignation", "trudeau"},
      {{2025, 1, 16}, "Mark Carney enters the Liberal leadership race", "carney"},
      {{2025, 1, 17}, "Chrystia Freeland enters the Liberal leadership race", "freeland"},
      {{2025, 3, 9}, "Mark Carney wins the Liberal leadership", "carney"},
      {{2025, 3, 23}, "Federal election called", ""},
      {{2025, 4, 28}, "Federal election day", ""},
  };
  return kEvents;
}

std::vector<Day> CaseDays() {
  std::vector<Day> days;
  for (const Period& period : kPeriods) {
    for (int64_t d = period.first.DaysSinceEpoch(); d <= period.last.DaysSinceEpoch(); ++d) {
      Day day;
      day.date = CivilFromDays(d);
      day.start_utc = LocalTime(day.date, 0, 0, 0, kChinaOffsetMinutes);
      for (const CaseEvent& event : CaseEvents()) {
        const int64_t event_day = event.date.DaysSinceEpoch();
        if (event_day == d) {
          day.event = &event;
          day.heat = kEventDayHeat;
        } else if (event_day + 1 == d && day.heat < kDayAfterHeat) {
          day.heat = kDayAfterHeat;
        }
      }
      days.push_back(day);
    }
  }
  return days;
}

int64_t LocalTime(const CivilDate& date, int hour, int minute, int second, int32_t offset_minutes) {
  return date.DaysSinceEpoch() * kSecondsPerDay + hour * kSecondsPerHour + minute * 60 + second -
         int64_t{offset_minutes} * 60;
}

int32_t EasternOffsetMinutes(int64_t unix_seconds) {
  const int year = CivilFromDays(FloorDiv(unix_seconds, kSecondsPerDay)).year;
  // Changes happen at 02:00 local time.
  const int64_t dst_start = LocalTime({year, 3, NthSunday(year, 3, 2)}, 2, 0, 0, kEasternStandardMinutes);
  const int64_t dst_end = LocalTime({year, 11, NthSunday(year, 11, 1)}, 2, 0, 0, kEasternDaylightMinutes);
  const bool daylight = unix_seconds >= dst_start && unix_seconds < dst_end;
  return daylight ? kEasternDaylightMinutes : kEasternStandardMinutes;
}

}  // namespace vigil::examplegen
