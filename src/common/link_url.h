// The one rule for which URLs become links in what Vigil writes (HTML briefing, Markdown report and
// notification letters): absolute http and https URLs only. Everything else a post carries (javascript:,
// data:, vbscript:, protocol-relative //host, obfuscated variants) is shown as text, never as a link.
#pragma once

#include <string_view>

namespace vigil {

// True when `url` may be written as a link target: it starts with "http://" or "https://" (any letter
// case, nothing before it, not even whitespace), a host follows, and it holds only characters a URL may
// carry unencoded (RFC 3986) or valid UTF-8 (an IRI): no space, control character, quote, backslash,
// angle bracket, backtick, brace, caret or pipe. Such a URL has one reading in every context Vigil writes
// it into (HTML attribute, Markdown link destination, table cell).
bool IsLinkableUrl(std::string_view url);

}  // namespace vigil
