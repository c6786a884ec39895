// Small helpers shared by the input adapters: timestamp forms the exports use, counts, URL extraction,
// language names, and ids for sources that carry none.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/post.h"
#include "vigil/status.h"

namespace vigil::adapters {

// "2016-11-01 00:01:00", "2016-11-01 00:01", "2016-11-01T00:01:00" without an offset, read as UTC (the
// exports that write them document UTC). Also accepts RFC 3339 and Unix seconds via ParseTimestamp.
Result<int64_t> ParseUtcTimestamp(std::string_view text);
// FiveThirtyEight's "10/1/2017 19:58" (M/D/YYYY H:MM, UTC).
Result<int64_t> ParseUsDateTime(std::string_view text);

// A non-negative integer count ("1234", "1234.0"); absent for "", "NA", "NaN", "null", "None".
Result<Count> ParseCount(std::string_view text);
// True for the missing-value spellings R, pandas and the exports use.
bool IsMissing(std::string_view text);
// "TRUE"/"True"/"true"/"1" -> true; anything else false.
bool IsTrue(std::string_view text);

// Every http(s) URL in free text, in order, trailing punctuation trimmed.
std::vector<std::string> ExtractUrls(std::string_view text);
// URLs from a list cell: "[https://a, https://b]", "['https://a']", or a single URL.
std::vector<std::string> ParseUrlList(std::string_view text);

// ISO 639-1 code for a language name or code the exports use ("English" -> "en", "ru" -> "ru"),
// "" when unknown or undetermined ("und", "LANGUAGE UNDEFINED").
std::string LanguageCode(std::string_view name_or_code);

// A stable hex id from parts, for records that carry no id of their own (xxHash64).
std::string StableId(std::initializer_list<std::string_view> parts);

// Trims ASCII whitespace.
std::string_view Trim(std::string_view text);

}  // namespace vigil::adapters
