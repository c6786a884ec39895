// UTF-8 validity, for what Vigil reads (every field is checked at ingest) and what it writes (every output
// format must be valid UTF-8 even when a string that reached it is not).
#pragma once

#include <string>
#include <string_view>

namespace vigil {

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool IsValidUtf8(std::string_view text);

// The byte offset at which the first ill-formed sequence starts, or text.size() when there is none; for
// error messages that point at the bad byte.
size_t FirstInvalidUtf8(std::string_view text);

// `text` with each ill-formed sequence replaced by U+FFFD (the Unicode "maximal subpart" practice, as
// ICU applies it); valid text is returned unchanged.
std::string ToValidUtf8(std::string_view text);

}  // namespace vigil
