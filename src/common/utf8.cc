// UTF-8 validation (simdjson) and repair (ICU) for the output writers.
#include "common/utf8.h"

#include <unicode/unistr.h>

#include <simdjson.h>

namespace vigil {

bool IsValidUtf8(std::string_view text) { return simdjson::validate_utf8(text.data(), text.size()); }

std::string ToValidUtf8(std::string_view text) {
  if (IsValidUtf8(text)) return std::string(text);
  // fromUTF8 substitutes U+FFFD for every ill-formed subsequence.
  const icu::UnicodeString decoded = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string repaired;
  decoded.toUTF8String(repaired);
  return repaired;
}

}  // namespace vigil
