// Markdown escaping and links (see markdown_escape.h). Follows CommonMark and the GFM table extension.
#include "common/markdown_escape.h"

#include <string>

#include "common/link_url.h"
#include "common/utf8.h"

namespace vigil {
namespace {

bool IsAsciiAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// True when the '&' at text[at] starts a CommonMark character reference: &name; &#123; or &#x1F;.
bool StartsCharacterReference(std::string_view text, size_t at) {
  size_t i = at + 1;
  bool (*digit)(char) = IsAsciiAlnum;
  if (i < text.size() && text[i] == '#') {
    ++i;
    digit = [](char c) { return c >= '0' && c <= '9'; };
    if (i < text.size() && (text[i] == 'x' || text[i] == 'X')) {
      ++i;
      digit = IsHex;
    }
  }
  const size_t start = i;
  while (i < text.size() && digit(text[i])) ++i;
  return i > start && i < text.size() && text[i] == ';';
}

// The first `max_chars` characters of valid UTF-8 `text`, with "…" when cut.
std::string_view CutChars(std::string_view text, size_t max_chars, bool* cut) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && chars++ == max_chars) {
      *cut = true;
      return text.substr(0, i);
    }
  }
  *cut = false;
  return text;
}

// Characters that open inline Markdown syntax (emphasis, code, links, images, tables, strikethrough) or
// undo an escape.
bool IsInlineSyntax(char c) {
  switch (c) {
    case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '~': return true;
    default: return false;
  }
}

// Escapes a block-opening character at the start of the value: "# h", "- item", "+ item", "= setext", "1. item".
// Leading spaces are skipped as a renderer skips up to three of them.
void EscapeLineStart(std::string& out) {
  const size_t first = out.find_first_not_of(' ');
  if (first == std::string::npos) return;
  const char c = out[first];
  if (c == '#' || c == '+' || c == '-' || c == '=') {
    out.insert(first, 1, '\\');
    return;
  }
  size_t end = first;
  while (end < out.size() && out[end] >= '0' && out[end] <= '9') ++end;
  if (end > first && end < out.size() && (out[end] == '.' || out[end] == ')')) out.insert(end, 1, '\\');
}

// `&` written as &amp; where it would otherwise start a character reference.
std::string EscapeReferences(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&' && StartsCharacterReference(text, i)) {
      out += "&amp;";
    } else {
      out += text[i];
    }
  }
  return out;
}

bool CanBeCodeSpan(std::string_view text) {
  if (text.empty()) return false;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '`' || c == '|' || c == '<' || c == '>' || c == '&' || c < 0x20 || c == 0x7F) return false;
  }
  return true;
}

}  // namespace

std::string MarkdownText(std::string_view text, size_t max_chars) {
  const std::string valid = ToValidUtf8(text);
  bool cut = false;
  const std::string_view kept = CutChars(valid, max_chars, &cut);
  std::string out;
  out.reserve(kept.size() + 8);
  for (size_t i = 0; i < kept.size(); ++i) {
    const char c = kept[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      out += ' ';
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&' && StartsCharacterReference(kept, i)) {
      out += "&amp;";
    } else {
      if (IsInlineSyntax(c)) out += '\\';
      out += c;
    }
  }
  EscapeLineStart(out);
  if (cut) out += "…";
  return out;
}

std::string MarkdownCode(std::string_view text) {
  const std::string valid = ToValidUtf8(text);
  if (!CanBeCodeSpan(valid)) return MarkdownText(valid);
  return "`" + valid + "`";
}

std::string MarkdownLink(std::string_view url, std::string_view text) {
  if (IsLinkableUrl(url)) return "[" + MarkdownText(text) + "](<" + EscapeReferences(url) + ">)";
  if (url.empty()) return MarkdownText(text);
  return MarkdownText(text) + " " + MarkdownCode(url);
}

std::string MarkdownUrl(std::string_view url) {
  if (!IsLinkableUrl(url)) return MarkdownCode(url);
  return "<" + EscapeReferences(url) + ">";
}

}  // namespace vigil
