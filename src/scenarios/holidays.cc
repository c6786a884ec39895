// Canadian holidays (see holidays.h): fixed dates and "n-th Monday" rules, Easter by the Gregorian computus.
#include "scenarios/holidays.h"

#include "common/time.h"

namespace vigil::scenarios {
namespace {

constexpr int64_t kMonday = 1;  // weekday numbers: 0 Sunday .. 6 Saturday
constexpr int64_t kFriday = 5;

int64_t Weekday(const CivilDate& date) { return (date.DaysSinceEpoch() + 4) % 7; }  // 1970-01-01 was a Thursday

CivilDate Plus(const CivilDate& date, int64_t days) { return CivilFromDays(date.DaysSinceEpoch() + days); }

// The n-th Monday (1-based) of `month`.
CivilDate NthMonday(int year, int month, int n) {
  const CivilDate first{year, month, 1};
  const int64_t to_monday = (kMonday - Weekday(first) + 7) % 7;
  return Plus(first, to_monday + 7 * (n - 1));
}

// A Monday holiday's long weekend: Saturday to Monday.
Holiday MondayWeekend(const CivilDate& monday, std::string label) { return {Plus(monday, -2), monday, std::move(label)}; }

// Easter Sunday (anonymous Gregorian algorithm).
CivilDate EasterSunday(int year) {
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return {year, month, day};
}

// A fixed-date holiday, stretched to the weekend when it falls on a Friday or a Monday.
Holiday FixedDay(const CivilDate& day, std::string label) {
  const int64_t weekday = Weekday(day);
  if (weekday == kFriday) return {day, Plus(day, 2), std::move(label)};
  if (weekday == kMonday) return {Plus(day, -2), day, std::move(label)};
  return {day, day, std::move(label)};
}

}  // namespace

std::vector<Holiday> CanadianHolidays(int year) {
  const CivilDate easter = EasterSunday(year);
  // Victoria Day: the last Monday before May 25.
  CivilDate victoria{year, 5, 24};
  victoria = Plus(victoria, -((Weekday(victoria) - kMonday + 7) % 7));
  return {
      MondayWeekend(NthMonday(year, 2, 3), "Family Day weekend"),
      {Plus(easter, -2), Plus(easter, 1), "Easter long weekend"},
      MondayWeekend(victoria, "Victoria Day weekend"),
      FixedDay({year, 7, 1}, "Canada Day"),
      MondayWeekend(NthMonday(year, 8, 1), "Civic Holiday weekend"),
      MondayWeekend(NthMonday(year, 9, 1), "Labour Day weekend"),
      MondayWeekend(NthMonday(year, 10, 2), "Thanksgiving weekend"),
      {{year, 12, 24}, {year, 12, 26}, "Christmas holidays"},
  };
}

}  // namespace vigil::scenarios
