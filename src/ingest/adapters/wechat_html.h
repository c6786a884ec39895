// Saved WeChat public-account article pages, parsed with gumbo: the fields of one page before it becomes
// a Post (exposed for tests and for tools that only want the metadata).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vigil/status.h"

namespace vigil::adapters {

struct WechatArticle {
  std::string title;
  std::string account_name;  // the public account (#js_name, `var nickname`)
  std::string account_id;    // `var user_name` (gh_...), else the __biz id
  std::string author;        // the byline (#js_author_name), often empty
  std::string biz, mid, idx;  // the article's address parts
  std::string url;
  std::optional<int64_t> published_at;  // Unix seconds; absent when the page lost its script variables
  bool date_only = false;                // only a calendar date was found (read as 00:00 China time)
  std::string description;
  std::string body;  // #js_content as text, media embeds left out
  std::vector<std::string> body_links;  // http(s) targets of the anchors in #js_content
};

// Limits, checked before the page is parsed (docs/adapters.md): the HTML5 tree builder's work per tag grows
// with the depth of open elements, so depth times size bounds a page's cost. The real saved pages nest at most
// 25 deep and weigh under 200 KB.
inline constexpr size_t kMaxWechatNestingDepth = 512;
inline constexpr size_t kMaxWechatPageBytes = size_t{16} << 20;

// Parses one page. A page over the size or nesting limit, or one that is not an article (WeChat's expired-link
// or deleted-content notice, or any page without an article body), is an InvalidArgument saying which. The
// article's address (biz, mid, idx, url) comes from the page's own metadata: script variables (msg_link, biz,
// mid, idx, sn), og:url, the canonical link, then links outside the article body; never from the body.
Result<WechatArticle> ParseWechatArticlePage(const std::string& html, const std::string& source_name);

}  // namespace vigil::adapters
