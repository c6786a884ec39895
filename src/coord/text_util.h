// Internal: the small Unicode toolkit coordination needs (UTF-8 decoding, word characters, CJK detection,
// case folding) without pulling ICU into the hot path.
#pragma once

#include <cctype>
#include <string>

namespace vigil::coord {

// Decodes one UTF-8 code point at s[i], advancing i; invalid bytes decode as U+FFFD.
char32_t NextCodePoint(const std::string& s, size_t& i);
void AppendUtf8(std::string& out, char32_t c);
bool IsCjk(char32_t c);
// Letters and digits of any script; punctuation, symbols, emoji and spaces separate words.
bool IsWordChar(char32_t c);
// Simple case folding: ASCII, Latin-1, Cyrillic, fullwidth forms.
char32_t Fold(char32_t c);
// Code points of the text, case-folded, with URLs and @mentions replaced by a space.
std::u32string CleanCodePoints(const std::string& text);

}  // namespace vigil::coord
