// UTF-8 validation (simdjson) and repair (ICU) for the output writers.
#include "common/utf8.h"

#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

#include <simdjson.h>

namespace vigil {

bool IsValidUtf8(std::string_view text) { return simdjson::validate_utf8(text.data(), text.size()); }

size_t FirstInvalidUtf8(std::string_view text) {
  if (IsValidUtf8(text)) return text.size();
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  // ICU indexes with int32_t; inputs reach here as fields of records capped far below 2 GiB.
  const auto length = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return static_cast<size_t>(start);
  }
  return static_cast<size_t>(length);
}

std::string ToValidUtf8(std::string_view text) {
  if (IsValidUtf8(text)) return std::string(text);
  // fromUTF8 substitutes U+FFFD for every ill-formed subsequence.
  const icu::UnicodeString decoded = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string repaired;
  decoded.toUTF8String(repaired);
  return repaired;
}

}  // namespace vigil
