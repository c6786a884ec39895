// Small formatting helpers shared by reports and explanations.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/post.h"

namespace vigil {

// 130000 -> "130,000".
std::string Thousands(int64_t n);
// A duration for people: "45 s", "12 min", "3.5 h".
std::string FormatDuration(int64_t seconds);
// `text` without the spaces and tabs around it (line breaks and other white space are kept).
std::string_view TrimBlanks(std::string_view text);
// A displayed count: "100,000+" for a lower bound, "" when absent.
std::string FormatCount(const Count& count);
// `text` with A-Z lowered, every other byte as it is (UTF-8 stays valid): for schemes, hosts, codes, markup.
std::string AsciiLower(std::string_view text);
// `text` fit for a terminal line: C0 and C1 control characters and DEL (which could move the cursor, retitle
// the window or hide what follows) become visible escapes ("\x1b", "\u009b"); everything else is kept.
std::string TerminalText(std::string_view text);
// The fields of `line` between each `separator`, empty ones included: "a\t\tb" -> {"a", "", "b"}.
std::vector<std::string> SplitFields(std::string_view line, char separator);

}  // namespace vigil
