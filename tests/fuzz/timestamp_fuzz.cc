// Fuzz target: timestamp and date parsing (src/common/time.h), with a round trip through the formatters.
#include <cstdint>
#include <string_view>

#include "common/time.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto t = vigil::ParseTimestamp(text); t.ok()) {
    // What the parser accepts the formatter must print, and the printed form must parse to the same instant.
    const std::string printed = vigil::FormatUtc(t->unix_seconds);
    (void)vigil::FormatDate(t->unix_seconds);
    auto again = vigil::ParseTimestamp(printed);
    if (!again.ok() || again->unix_seconds != t->unix_seconds) __builtin_trap();
  }
  if (auto d = vigil::ParseCivilDate(text); d.ok()) {
    const auto days = d->DaysSinceEpoch();
    const auto back = vigil::CivilFromDays(days);
    if (back != *d) __builtin_trap();
  }
  return 0;
}
