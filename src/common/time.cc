#include "common/time.h"

#include <charconv>
#include <fmt/format.h>

namespace vigil {
namespace {

// Days from 1970-01-01 to y-m-d (Howard Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool ParseDigits(std::string_view text, size_t pos, size_t len, int& out) {
  if (pos + len > text.size()) return false;
  int value = 0;
  for (size_t i = pos; i < pos + len; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  out = value;
  return true;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool ValidDate(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m); }

}  // namespace

int64_t CivilDate::DaysSinceEpoch() const {
  return DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::string CivilDate::ToString() const { return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day); }

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

Result<CivilDate> ParseCivilDate(std::string_view text) {
  CivilDate date;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ParseDigits(text, 0, 4, date.year) ||
      !ParseDigits(text, 5, 2, date.month) || !ParseDigits(text, 8, 2, date.day) ||
      !ValidDate(date.year, date.month, date.day)) {
    return Status::InvalidArgument(fmt::format("'{}' is not a date (expected YYYY-MM-DD)", text));
  }
  return date;
}

Result<ParsedTime> ParseTimestamp(std::string_view text) {
  if (text.empty()) return Status::InvalidArgument("empty timestamp");
  const bool all_digits = text.find_first_not_of("0123456789") == std::string_view::npos ||
                          (text[0] == '-' && text.size() > 1 &&
                           text.find_first_not_of("0123456789", 1) == std::string_view::npos);
  if (all_digits) {
    int64_t seconds = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (ec != std::errc() || ptr != text.data() + text.size()) {
      return Status::InvalidArgument(fmt::format("'{}' is out of range for Unix seconds", text));
    }
    if (seconds < kMinUnixSeconds || seconds > kMaxUnixSeconds) {
      return Status::InvalidArgument(fmt::format("'{}' is outside the years 0000-9999 (Unix seconds)", text));
    }
    return ParsedTime{seconds, 0};
  }
  auto bad = [&](const char* why) {
    return Status::InvalidArgument(
        fmt::format("'{}' is not an RFC 3339 timestamp ({}); expected e.g. 2025-03-10T08:30:00+08:00 or Unix seconds",
                    text, why));
  };
  auto date = ParseCivilDate(text.substr(0, std::min<size_t>(10, text.size())));
  if (!date.ok()) return bad("bad date");
  if (text.size() < 19 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) return bad("no time part");
  int hour = 0, minute = 0, second = 0;
  if (!ParseDigits(text, 11, 2, hour) || text[13] != ':' || !ParseDigits(text, 14, 2, minute) ||
      text[16] != ':' || !ParseDigits(text, 17, 2, second) || hour > 23 || minute > 59 || second > 60) {
    return bad("bad time of day");
  }
  size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
  }
  if (pos >= text.size()) return bad("no UTC offset");
  int offset_minutes = 0;
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    int oh = 0, om = 0;
    if (!ParseDigits(text, pos + 1, 2, oh) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
        !ParseDigits(text, pos + 4, 2, om) || oh > 23 || om > 59) {
      return bad("bad UTC offset");
    }
    offset_minutes = (oh * 60 + om) * (text[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return bad("bad UTC offset");
  }
  if (pos != text.size()) return bad("trailing characters");
  const int64_t local = date->DaysSinceEpoch() * kSecondsPerDay + hour * 3600 + minute * 60 + second;
  const int64_t instant = local - offset_minutes * 60;
  // An offset can carry a local time in year 0000 or 9999 across the range edge.
  if (instant < kMinUnixSeconds || instant > kMaxUnixSeconds) return bad("outside the years 0000-9999 in UTC");
  return ParsedTime{instant, offset_minutes};
}

std::string FormatUtc(int64_t unix_seconds) {
  const int64_t days = FloorDiv(unix_seconds, kSecondsPerDay);
  const int64_t rem = unix_seconds - days * kSecondsPerDay;
  return fmt::format("{}T{:02d}:{:02d}:{:02d}Z", CivilFromDays(days).ToString(), rem / 3600, rem % 3600 / 60,
                     rem % 60);
}

std::string FormatDate(int64_t unix_seconds) {
  return CivilFromDays(FloorDiv(unix_seconds, kSecondsPerDay)).ToString();
}

}  // namespace vigil
