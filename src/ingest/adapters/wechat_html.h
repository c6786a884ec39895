// Saved WeChat public-account article pages, parsed with gumbo: the fields of one page before it becomes
// a Post (exposed for tests and for tools that only want the metadata).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

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
};

// Parses one page. A page that is not an article (WeChat's expired-link or deleted-content notice, or
// any page without an article body) is an InvalidArgument saying which.
Result<WechatArticle> ParseWechatArticlePage(const std::string& html, const std::string& source_name);

}  // namespace vigil::adapters
