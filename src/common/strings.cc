#include "common/strings.h"

namespace vigil {

std::string Thousands(int64_t n) {
  const std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out = n < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string FormatCount(const Count& count) {
  if (!count.present) return "";
  return Thousands(count.value) + (count.lower_bound ? "+" : "");
}

}  // namespace vigil
