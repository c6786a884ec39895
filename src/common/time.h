// Time parsing and calendar arithmetic. All instants are Unix seconds in UTC.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vigil/status.h"
#include "vigil/watch_config.h"

namespace vigil {

struct ParsedTime {
  int64_t unix_seconds = 0;
  int32_t utc_offset_minutes = 0;
};

// The instants Vigil accepts: years 0000 to 9999 in UTC, the range FormatUtc writes in RFC 3339 and the
// range in which time arithmetic (windows, bins) cannot overflow.
inline constexpr int64_t kMinUnixSeconds = -62167219200;  // 0000-01-01T00:00:00Z
inline constexpr int64_t kMaxUnixSeconds = 253402300799;  // 9999-12-31T23:59:59Z

// Accepts RFC 3339 with an offset ("2025-03-10T08:30:00+08:00", "...Z", fractional seconds ignored) or
// integral Unix seconds ("1741566600"). A date-time without an offset is refused: its instant is unknown.
// An instant outside [kMinUnixSeconds, kMaxUnixSeconds] is refused (e.g. 9999-12-31T23:59:59-01:00).
Result<ParsedTime> ParseTimestamp(std::string_view text);
// "YYYY-MM-DD".
Result<CivilDate> ParseCivilDate(std::string_view text);
CivilDate CivilFromDays(int64_t days_since_epoch);
// "2025-03-10T08:30:00Z".
std::string FormatUtc(int64_t unix_seconds);
// "2025-03-10".
std::string FormatDate(int64_t unix_seconds);

constexpr int64_t kSecondsPerHour = 3600;
constexpr int64_t kSecondsPerDay = 86400;

inline int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace vigil
