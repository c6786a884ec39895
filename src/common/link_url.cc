// IsLinkableUrl: the allow-list rule for link targets (see link_url.h).
#include "common/link_url.h"

#include <array>

#include "common/utf8.h"

namespace vigil {
namespace {

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    const char c = text[i];
    const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower != prefix[i]) return false;
  }
  return true;
}

// ASCII bytes a URL never carries unencoded: controls, space, DEL, and the characters RFC 3986 excludes.
constexpr std::array<bool, 128> kForbiddenAscii = [] {
  std::array<bool, 128> forbidden{};
  for (int c = 0; c <= 0x20; ++c) forbidden[static_cast<size_t>(c)] = true;
  forbidden[0x7F] = true;
  for (char c : std::string_view("\"<>\\^`{|}")) forbidden[static_cast<size_t>(c)] = true;
  return forbidden;
}();

// Where the authority begins: after "http://" or "https://", or npos for any other scheme.
size_t AuthorityStart(std::string_view url) {
  if (StartsWithNoCase(url, "http://")) return 7;
  if (StartsWithNoCase(url, "https://")) return 8;
  return std::string_view::npos;
}

}  // namespace

bool IsLinkableUrl(std::string_view url) {
  const size_t host = AuthorityStart(url);
  if (host == std::string_view::npos || host >= url.size()) return false;
  if (url[host] == '/' || url[host] == '?' || url[host] == '#') return false;  // no host
  bool non_ascii = false;
  for (char ch : url) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      non_ascii = true;
    } else if (kForbiddenAscii[c]) {
      return false;
    }
  }
  return !non_ascii || IsValidUtf8(url);
}

}  // namespace vigil
