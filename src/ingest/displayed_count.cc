#include "ingest/displayed_count.h"

#include <fmt/format.h>

#include <cmath>
#include <string>

#include "common/strings.h"

namespace vigil {
namespace {

constexpr std::string_view kWan = "万";    // 10^4
constexpr std::string_view kYi = "亿";     // 10^8
constexpr std::string_view kAbove = "以上";  // "or more"
constexpr double kMaxCount = 9.0e15;

bool ConsumeSuffix(std::string_view& text, std::string_view suffix) {
  if (text.size() < suffix.size() || text.substr(text.size() - suffix.size()) != suffix) return false;
  text.remove_suffix(suffix.size());
  return true;
}

// Commas are accepted only as thousands separators, the way counts are displayed: "1,234" and
// "12,345,678" but not "1,2,3", "12,34" or ",5" (which would silently read as another number).
bool ThousandsGroupingIsValid(std::string_view integer_part) {
  if (integer_part.find(',') == std::string_view::npos) return true;
  const size_t first = integer_part.find(',');
  if (first == 0 || first > 3) return false;
  for (size_t pos = first; pos < integer_part.size(); pos += 4) {
    if (integer_part[pos] != ',' || pos + 4 > integer_part.size()) return false;
    if (integer_part.substr(pos + 1, 3).find(',') != std::string_view::npos) return false;
  }
  return true;
}

}  // namespace

Result<Count> ParseDisplayedCount(std::string_view original) {
  std::string_view text = TrimBlanks(original);
  auto bad = [&] {
    return Status::InvalidArgument(
        fmt::format("'{}' is not a count (expected e.g. 41000, 41,000, 1.2万, 10万+, 3M, 100k+; commas only "
                    "between groups of three digits)",
                    original));
  };
  if (text.empty()) return bad();
  const bool lower_bound = ConsumeSuffix(text, "+") || ConsumeSuffix(text, kAbove);
  text = TrimBlanks(text);
  double multiplier = 1;
  if (ConsumeSuffix(text, kWan)) {
    multiplier = 1e4;
  } else if (ConsumeSuffix(text, kYi)) {
    multiplier = 1e8;
  } else if (ConsumeSuffix(text, "k") || ConsumeSuffix(text, "K")) {
    multiplier = 1e3;
  } else if (ConsumeSuffix(text, "m") || ConsumeSuffix(text, "M")) {
    multiplier = 1e6;
  } else if (ConsumeSuffix(text, "b") || ConsumeSuffix(text, "B")) {
    multiplier = 1e9;
  }
  text = TrimBlanks(text);
  if (text.empty()) return bad();
  if (!ThousandsGroupingIsValid(text.substr(0, text.find('.')))) return bad();
  // Digits with optional thousands separators and one decimal point.
  double value = 0;
  double fraction_scale = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (fraction_scale > 0) {
        value += (c - '0') * fraction_scale;
        fraction_scale /= 10;
      } else {
        value = value * 10 + (c - '0');
      }
    } else if (c == ',' && fraction_scale == 0) {
      continue;
    } else if (c == '.' && fraction_scale == 0) {
      fraction_scale = 0.1;
    } else {
      return bad();
    }
    if (value > kMaxCount) return bad();
  }
  const double scaled = std::round(value * multiplier);
  if (scaled > kMaxCount) return bad();
  const auto count = static_cast<int64_t>(scaled);
  return lower_bound ? Count::AtLeast(count) : Count::Exact(count);
}

}  // namespace vigil
