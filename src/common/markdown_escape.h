// Escaping for the Markdown Vigil writes (report.md, notification-*.md): every interpolated value goes
// through one of these, so that a renderer shows it as the text it is: no HTML, no link or image, no
// table cell or heading of the attacker's making, and links only to http(s) targets (common/link_url.h).
// Output is always valid UTF-8 on one line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vigil {

// `text` as inline Markdown that renders as exactly that text, cut to `max_chars` characters (with "…")
// first: line breaks and other control characters become spaces; < and > become &lt; &gt;, and & too
// where it would start a character reference; \ ` * _ [ ] | ~ are backslash-escaped; a #, +, -, = or
// "1." at the start is escaped so it cannot open a heading or a list. Invalid UTF-8 becomes U+FFFD.
std::string MarkdownText(std::string_view text, size_t max_chars = std::string_view::npos);

// `text` as a code span (`text`) when it can be one verbatim (non-empty; no backtick, pipe, control
// character, and none of < > & so that no renderer, however lax, sees markup in it); MarkdownText(text)
// otherwise.
std::string MarkdownCode(std::string_view text);

// [text](<url>) when IsLinkableUrl(url); otherwise MarkdownText(text), then the refused URL as
// MarkdownCode (nothing when `url` is empty).
std::string MarkdownLink(std::string_view url, std::string_view text);

// A URL shown by itself: an autolink <url> when IsLinkableUrl(url), MarkdownCode(url) otherwise.
std::string MarkdownUrl(std::string_view url);

}  // namespace vigil
