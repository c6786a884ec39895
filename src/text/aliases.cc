// Derivation of surname and familiar forms from a target's configured full names.
#include "text/aliases.h"

#include <unicode/uchar.h>

#include "text/normalize.h"

namespace vigil::text {
namespace {

constexpr size_t kMinHanSurnameChars = 2;     // a one-character "surname" of a transliteration names anyone
constexpr size_t kMinLatinSurnameLetters = 3;  // "Li", "Ng" alone are too short to search for

bool IsNameSeparator(char32_t c) {
  switch (c) {
    case U'·': case U'•': case U'・': case U'‧': case U'･': case U'∙': case U'⋅': case U' ': case U'\u3000':
      return true;
    default:
      return false;
  }
}

// The parts of `written` between separators, with whether every character of each part is Han.
struct Part {
  std::string text;
  size_t chars = 0;
  bool han = true;
  bool latin = true;
};

std::vector<Part> SplitName(const std::string& written) {
  std::vector<Part> parts(1);
  for (size_t i = 0; i < written.size();) {
    const size_t start = i;
    const char32_t c = NextCodePoint(written, &i);
    if (IsNameSeparator(c)) {
      if (!parts.back().text.empty()) parts.emplace_back();
      continue;
    }
    Part& p = parts.back();
    p.text.append(written, start, i - start);
    ++p.chars;
    p.han = p.han && IsHan(c);
    p.latin = p.latin && c < 0x250 && (u_isalpha(static_cast<UChar32>(c)) || c == U'-' || c == U'\'');
  }
  if (parts.back().text.empty()) parts.pop_back();
  return parts;
}

}  // namespace

std::vector<DerivedAlias> DeriveAliases(const std::string& written) {
  const std::vector<Part> parts = SplitName(written);
  if (parts.size() < 2) return {};
  const Part& surname = parts.back();
  std::vector<DerivedAlias> out;
  bool all_han = true, all_latin = true;
  for (const Part& p : parts) {
    all_han = all_han && p.han;
    all_latin = all_latin && p.latin;
  }
  if (all_han && surname.chars >= kMinHanSurnameChars) {
    out.push_back({surname.text, false});
    size_t first_end = 0;
    NextCodePoint(surname.text, &first_end);
    const std::string first = surname.text.substr(0, first_end);
    out.push_back({"老" + first, true});
    out.push_back({first + "总", true});
  } else if (all_latin && surname.chars >= kMinLatinSurnameLetters) {
    out.push_back({surname.text, false});
  }
  return out;
}

}  // namespace vigil::text
