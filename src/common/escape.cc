// Escaping for JSON, XML, HTML and CSV output (see escape.h).
#include "common/escape.h"

#include <cstdint>
#include <cstring>

#include "common/link_url.h"
#include "common/utf8.h"

namespace vigil {
namespace {

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighs = 0x8080808080808080ULL;
constexpr size_t kWordBytes = 8;

// True when any byte of `word` is below 0x20, a double quote or a backslash (SWAR: eight bytes per test).
bool NeedsJsonEscape(uint64_t word) {
  const uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighs;
  const uint64_t q = word ^ (kOnes * '"');
  const uint64_t b = word ^ (kOnes * '\\');
  const uint64_t quote = (q - kOnes) & ~q & kHighs;
  const uint64_t backslash = (b - kOnes) & ~b & kHighs;
  return (below_space | quote | backslash) != 0;
}

bool IsXmlForbiddenControl(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

// The markup escape XML and HTML share; they differ in the apostrophe's entity and in what XML forbids.
// Invalid UTF-8 is repaired first: an XML parser refuses the whole document over one bad byte.
std::string MarkupEscape(std::string_view text, const char* apostrophe, bool blank_forbidden_controls) {
  std::string repaired;
  if (!IsValidUtf8(text)) {
    repaired = ToValidUtf8(text);
    text = repaired;
  }
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += apostrophe; break;
      default:
        if (blank_forbidden_controls && IsXmlForbiddenControl(static_cast<unsigned char>(c))) {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

}  // namespace

void AppendJsonEscaped(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  size_t run = 0;  // start of the pending run of characters that need no escape
  size_t i = 0;
  while (i < text.size()) {
    // Skip clean eight-byte blocks quickly; most text (Chinese included) has nothing to escape.
    if (i + kWordBytes <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, kWordBytes);
      if (!NeedsJsonEscape(word)) {
        i += kWordBytes;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out.append(text.data() + run, i - run);
    run = ++i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xf];
    }
  }
  out.append(text.data() + run, text.size() - run);
}

std::string JsonEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendJsonEscaped(out, text);
  return out;
}

std::string XmlEscape(std::string_view text) { return MarkupEscape(text, "&apos;", true); }

std::string HtmlEscape(std::string_view text) { return MarkupEscape(text, "&#39;", false); }

std::string HtmlLink(std::string_view url, std::string_view text) {
  if (IsLinkableUrl(url)) return "<a href=\"" + HtmlEscape(url) + "\">" + HtmlEscape(text) + "</a>";
  if (url.empty()) return HtmlEscape(text);
  return HtmlEscape(text) + " <code class=\"refused-link\">" + HtmlEscape(url) + "</code>";
}

void AppendCsvField(std::string& out, std::string_view field) {
  bool needs_quotes = false;
  for (char ch : field) {  // a plain loop: find_first_of calls memchr once per character
    if (ch == ',' || ch == '"' || ch == '\r' || ch == '\n') {
      needs_quotes = true;
      break;
    }
  }
  if (!needs_quotes) {
    out.append(field);
    return;
  }
  out += '"';
  size_t start = 0;
  for (size_t quote = field.find('"'); quote != std::string_view::npos; quote = field.find('"', start)) {
    out.append(field.data() + start, quote + 1 - start);
    out += '"';  // a quote inside a quoted field is doubled
    start = quote + 1;
  }
  out.append(field.data() + start, field.size() - start);
  out += '"';
}

std::string CsvField(std::string_view field) {
  std::string out;
  AppendCsvField(out, field);
  return out;
}

}  // namespace vigil
