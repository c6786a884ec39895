// Unicode helpers for shingling and object extraction.
#include "coord/text_util.h"
#include <string_view>

namespace vigil::coord {

// Decodes one UTF-8 code point at s[i], advancing i; invalid bytes decode as U+FFFD.
char32_t NextCodePoint(const std::string& s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + static_cast<size_t>(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += static_cast<size_t>(len);
  return cp;
}

bool IsCjk(char32_t c) {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x3040 && c <= 0x30FF) ||
         (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x20000 && c <= 0x2FFFF);
}

// Letters and digits of any script; punctuation, symbols, emoji and spaces separate words.
bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  if (c >= 0x2000 && c <= 0x2BFF) return false;   // general punctuation, arrows, symbols
  if (c >= 0x3000 && c <= 0x303F) return false;   // CJK punctuation
  if (c >= 0xFE30 && c <= 0xFE4F) return false;   // CJK compatibility forms
  if (c >= 0xFF00 && c <= 0xFF0F) return false;   // fullwidth punctuation
  if (c >= 0xFF1A && c <= 0xFF20) return false;
  if (c >= 0x1F000 && c <= 0x1FAFF) return false; // emoji
  if (c == 0xFFFD || c == 0xA0 || c == 0xAB || c == 0xBB || c == 0xB7) return false;
  return true;
}

char32_t Fold(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;   // Latin-1
  if (c >= 0x410 && c <= 0x42F) return c + 32;              // Cyrillic
  if (c == 0x401) return 0x451;
  if (c >= 0xFF21 && c <= 0xFF3A) return c - 0xFF21 + 'a';  // fullwidth Latin
  if (c >= 0xFF41 && c <= 0xFF5A) return c - 0xFF41 + 'a';
  if (c >= 0xFF10 && c <= 0xFF19) return c - 0xFF10 + '0';
  return c;
}

static bool StartsWithAt(const std::string& s, size_t i, std::string_view prefix) {
  return s.compare(i, prefix.size(), prefix) == 0;
}

// Code points of the text, case-folded, with URLs and @mentions replaced by a space.
std::u32string CleanCodePoints(const std::string& text) {
  std::u32string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (StartsWithAt(text, i, "http://") || StartsWithAt(text, i, "https://") || text[i] == '@') {
      while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
      out.push_back(U' ');
      continue;
    }
    out.push_back(Fold(NextCodePoint(text, i)));
  }
  return out;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace vigil::coord
