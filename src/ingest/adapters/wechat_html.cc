// WeChat article page adapter: DOM fields first (#activity-name, #js_name, #publish_time, #js_content), the
// inline script variables of older saved pages (var ct, var nickname, var user_name ...) as fallback.
#include "ingest/adapters/wechat_html.h"

#include <fmt/format.h>
#include <gumbo.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

#include "ingest/adapters/adapter_util.h"
#include "ingest/adapters/adapters.h"
#include "ingest/adapters/html_depth.h"
#include "common/time.h"

namespace vigil::adapters {
namespace {

constexpr int32_t kChinaOffsetMinutes = 8 * 60;
// Notices WeChat serves instead of an article.
const std::pair<std::string_view, std::string_view> kNotArticle[] = {
    {"链接已过期", "WeChat says the link has expired (链接已过期): the page is not an article"},
    {"该内容已被发布者删除", "WeChat says the publisher deleted this content (该内容已被发布者删除)"},
    {"此内容因违规无法查看", "WeChat withheld this content for a rules violation (此内容因违规无法查看)"},
    {"内容已被删除", "WeChat says the content was deleted"},
};

const char* Attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
  return attribute ? attribute->value : nullptr;
}

enum class Visit { kDescend, kSkip, kStop };

// Visits the elements under `root` in document order with an explicit stack, never recursing: a page's depth
// costs heap, not call stack. `visit(node)` says whether to descend into the element, skip it, or stop.
template <typename Visitor>
void ForEachElement(const GumboNode* root, Visitor visit) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const Visit next = visit(node);
    if (next == Visit::kStop) return;
    if (next == Visit::kSkip) continue;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(children.data[i]));
  }
}

const GumboNode* FindById(const GumboNode* root, std::string_view id) {
  const GumboNode* found = nullptr;
  ForEachElement(root, [&](const GumboNode* node) {
    const char* value = Attribute(node->v.element, "id");
    if (!value || id != value) return Visit::kDescend;
    found = node;
    return Visit::kStop;
  });
  return found;
}

// The first non-empty value of an element's attribute among elements of `tag` whose `key_attribute` (any of
// them) equals `key`: <meta property|name="og:url" content|value="...">, <link rel="canonical" href="...">.
std::string FindTagValue(const GumboNode* root, GumboTag tag, std::initializer_list<const char*> key_attributes,
                         std::string_view key, std::initializer_list<const char*> value_attributes) {
  std::string found;
  ForEachElement(root, [&](const GumboNode* node) {
    const GumboElement& element = node->v.element;
    if (element.tag != tag) return Visit::kDescend;
    const char* name = nullptr;
    for (const char* attribute : key_attributes)
      if (!name) name = Attribute(element, attribute);
    if (!name || key != name) return Visit::kSkip;
    for (const char* attribute : value_attributes) {
      const char* value = Attribute(element, attribute);
      if (value && *value) {
        found = value;
        return Visit::kStop;
      }
    }
    return Visit::kSkip;
  });
  return found;
}

// <meta name|property="og:title" content|value="..."> (saved copies sometimes rename content to value).
std::string FindMeta(const GumboNode* root, std::string_view name) {
  return FindTagValue(root, GUMBO_TAG_META, {"property", "name"}, name, {"content", "value"});
}

// The text of every inline <script>, where WeChat keeps the article's variables (`var ct = ...`).
std::string ScriptText(const GumboNode* root) {
  std::string text;
  ForEachElement(root, [&](const GumboNode* node) {
    if (node->v.element.tag != GUMBO_TAG_SCRIPT) return Visit::kDescend;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) (text += child->v.text.text) += '\n';
    }
    return Visit::kSkip;
  });
  return text;
}

bool IsSkippedTag(GumboTag tag, const GumboElement& element) {
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_IFRAME || tag == GUMBO_TAG_NOSCRIPT ||
      tag == GUMBO_TAG_TEMPLATE) {
    return true;
  }
  // Media embeds are custom elements (mpvoice, qqmusic, mpvideosnap ...): their attributes carry no prose.
  return tag == GUMBO_TAG_UNKNOWN && element.original_tag.length > 1 && element.original_tag.data[1] == 'm';
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_SECTION: case GUMBO_TAG_LI:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_TR: case GUMBO_TAG_FIGURE:
      return true;
    default:
      return false;
  }
}

// The text under `root`, a newline after each block element; iterative, like ForEachElement.
void AppendText(const GumboNode* root, std::string& out) {
  struct Step {
    const GumboNode* node;
    bool block_end;  // the newline after a block element's children
  };
  std::vector<Step> stack{{root, false}};
  while (!stack.empty()) {
    const Step step = stack.back();
    stack.pop_back();
    const GumboNode* node = step.node;
    if (step.block_end) {
      out += '\n';
    } else if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      out += node->v.text.text;
    } else if (node->type == GUMBO_NODE_ELEMENT && !IsSkippedTag(node->v.element.tag, node->v.element)) {
      if (IsBlock(node->v.element.tag)) stack.push_back({node, true});
      const GumboVector& children = node->v.element.children;
      for (unsigned i = children.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(children.data[i]), false});
    }
  }
}

// Collapses runs of spaces within lines and blank lines; trims. U+00A0 (NBSP) counts as space.
std::string NormaliseText(const std::string& text) {
  std::string out;
  bool pending_space = false, pending_newline = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      pending_newline = true;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      pending_space = true;
    } else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
      pending_space = true;
      ++i;
    } else {
      if (!out.empty() && pending_newline) out += '\n';
      else if (!out.empty() && pending_space) out += ' ';
      pending_space = pending_newline = false;
      out += c;
    }
  }
  return out;
}

std::string ElementText(const GumboNode* root, std::string_view id) {
  const GumboNode* node = FindById(root, id);
  if (!node) return "";
  std::string text;
  AppendText(node, text);
  return NormaliseText(text);
}

// The value of an inline `var name = "" || "value";` in the page's scripts: the last non-empty quoted literal
// of that statement.
std::string ScriptVar(const std::string& scripts, std::string_view name) {
  const std::string& html = scripts;
  const std::string needle = fmt::format("var {} = ", name);
  size_t pos = html.find(needle);
  if (pos == std::string::npos) return "";
  const size_t end = html.find_first_of(";\n", pos);
  std::string_view statement(html.data() + pos + needle.size(),
                             (end == std::string::npos ? html.size() : end) - pos - needle.size());
  std::string value;
  for (size_t i = 0; i < statement.size(); ++i) {
    const char quote = statement[i];
    if (quote != '"' && quote != '\'') continue;
    const size_t close = statement.find(quote, i + 1);
    if (close == std::string_view::npos) break;
    std::string literal(statement.substr(i + 1, close - i - 1));
    if (!literal.empty()) value = literal;
    i = close;
  }
  return value;
}

// A query parameter of an article URL ("__biz", "mid", "idx", "sn"), "&amp;" already decoded or not.
std::string QueryParam(const std::string& url, std::string_view key) {
  for (const std::string_view sep : {"?", "&", "&amp;"}) {
    const std::string needle = fmt::format("{}{}=", sep, key);
    size_t pos = url.find(needle);
    if (pos == std::string::npos) continue;
    pos += needle.size();
    const size_t end = url.find_first_of("&#", pos);
    return url.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
  }
  return "";
}

// The http(s) targets of the anchors under `root`, in order, deduplicated.
std::vector<std::string> AnchorLinks(const GumboNode* root) {
  std::vector<std::string> links;
  ForEachElement(root, [&](const GumboNode* node) {
    if (node->v.element.tag != GUMBO_TAG_A) return Visit::kDescend;
    const char* href = Attribute(node->v.element, "href");
    const std::string_view target = href ? Trim(href) : std::string_view();
    if ((target.starts_with("http://") || target.starts_with("https://")) &&
        std::find(links.begin(), links.end(), target) == links.end())
      links.emplace_back(target);
    return Visit::kDescend;
  });
  return links;
}

constexpr std::string_view kArticleUrlMark = "mp.weixin.qq.com/s?__biz=";

// The first article URL in the page's markup outside the article body: the profile and reward widgets of a
// saved page point at the article itself, while links in the body name other articles.
std::string FirstArticleLinkOutsideBody(const std::string& html, const GumboNode* body) {
  const size_t body_start = body->v.element.start_pos.offset;
  const size_t body_end = body->v.element.end_pos.offset > body_start ? body->v.element.end_pos.offset : html.size();
  for (size_t pos = html.find(kArticleUrlMark); pos != std::string::npos; pos = html.find(kArticleUrlMark, pos + 1)) {
    if (pos >= body_start && pos < body_end) {
      pos = body_end;
      continue;
    }
    const size_t end = html.find_first_of("\"' <>", pos);
    return "https://" + html.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
  }
  return "";
}

// The article's own address, from the page's metadata in order of authority: the script variables
// (msg_link, or biz/mid/idx/sn), og:url, the canonical link, links outside the body.
void FindAddress(const std::string& html, const std::string& scripts, const GumboNode* root, const GumboNode* body,
                 WechatArticle& article) {
  article.biz = ScriptVar(scripts, "biz");
  article.mid = ScriptVar(scripts, "mid");
  article.idx = ScriptVar(scripts, "idx");
  std::string url = ScriptVar(scripts, "msg_link");
  if (url.empty() && !article.biz.empty() && !article.mid.empty()) {
    const std::string sn = ScriptVar(scripts, "sn");
    url = fmt::format("https://mp.weixin.qq.com/s?__biz={}&mid={}&idx={}{}", article.biz, article.mid,
                      article.idx.empty() ? "1" : article.idx, sn.empty() ? "" : "&sn=" + sn);
  }
  if (url.empty()) url = FindMeta(root, "og:url");
  if (url.empty()) url = FindTagValue(root, GUMBO_TAG_LINK, {"rel"}, "canonical", {"href"});
  if (url.empty()) url = FirstArticleLinkOutsideBody(html, body);
  // Decode the one entity that appears in attribute copies.
  for (size_t pos = url.find("&amp;"); pos != std::string::npos; pos = url.find("&amp;", pos + 1)) {
    url.replace(pos, 5, "&");
  }
  if (article.biz.empty()) article.biz = QueryParam(url, "__biz");
  if (article.mid.empty()) article.mid = QueryParam(url, "mid");
  if (article.idx.empty()) article.idx = QueryParam(url, "idx");
  article.url = std::move(url);
}

}  // namespace

namespace {

// Refuses, before parsing, a page whose size or nesting would make the tree builder's cost explode.
Status CheckLimits(const std::string& html, const std::string& source_name) {
  if (html.size() > kMaxWechatPageBytes)
    return Status::InvalidArgument(fmt::format("{}: page larger than {} bytes ({}): not parsed", source_name,
                                               kMaxWechatPageBytes, html.size()));
  if (HtmlNestingDepth(html, kMaxWechatNestingDepth) > kMaxWechatNestingDepth)
    return Status::InvalidArgument(fmt::format("{}: elements nested more than {} elements deep: not parsed",
                                               source_name, kMaxWechatNestingDepth));
  return Status::Ok();
}

Status NotAnArticle(const std::string& html, const std::string& source_name) {
  std::string reason = "no article body (#js_content): not a saved WeChat article page";
  for (const auto& [marker, explanation] : kNotArticle) {
    if (html.find(marker) != std::string::npos) {
      reason = std::string(explanation);
      break;
    }
  }
  return Status::InvalidArgument(fmt::format("{}: {}", source_name, reason));
}

// `var ct` is the exact Unix time; the visible date only has the day, in China time.
void FindTime(const std::string& scripts, const GumboNode* root, WechatArticle& article) {
  if (auto ct = ParseUtcTimestamp(ScriptVar(scripts, "ct")); ct.ok()) {
    article.published_at = *ct;
    return;
  }
  std::string date = ElementText(root, "publish_time");
  if (date.empty()) date = ElementText(root, "post-date");
  if (date.empty()) date = ScriptVar(scripts, "publish_time");
  const std::string_view day_text = Trim(date).substr(0, 10);
  if (!ParseCivilDate(day_text).ok()) return;
  if (auto day = ParseTimestamp(std::string(day_text) + "T00:00:00+08:00"); day.ok()) {
    article.published_at = day->unix_seconds;
    article.date_only = true;
  }
}

WechatArticle ReadArticle(const std::string& html, const GumboNode* root, const GumboNode* body) {
  WechatArticle article;
  const std::string scripts = ScriptText(root);
  article.title = ElementText(root, "activity-name");
  if (article.title.empty()) article.title = FindMeta(root, "og:title");
  if (article.title.empty()) article.title = ScriptVar(scripts, "msg_title");
  article.account_name = ElementText(root, "js_name");
  if (article.account_name.empty()) article.account_name = ScriptVar(scripts, "nickname");
  if (article.account_name.empty()) article.account_name = ElementText(root, "post-user");
  article.author = ElementText(root, "js_author_name");
  if (article.author.empty()) article.author = FindMeta(root, "og:article:author");
  article.description = FindMeta(root, "og:description");
  if (article.description.empty()) article.description = ScriptVar(scripts, "msg_desc");
  article.body = ElementText(root, "js_content");
  article.body_links = AnchorLinks(body);
  FindAddress(html, scripts, root, body, article);
  article.account_id = ScriptVar(scripts, "user_name");
  if (article.account_id.empty()) article.account_id = article.biz;
  FindTime(scripts, root, article);
  return article;
}

}  // namespace

Result<WechatArticle> ParseWechatArticlePage(const std::string& html, const std::string& source_name) {
  VIGIL_RETURN_IF_ERROR(CheckLimits(html, source_name));
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  if (!output) return Status::InvalidArgument(fmt::format("{}: HTML parser failed", source_name));
  const GumboNode* body = FindById(output->root, "js_content");
  Result<WechatArticle> article = body ? Result<WechatArticle>(ReadArticle(html, output->root, body))
                                       : Result<WechatArticle>(NotAnArticle(html, source_name));
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return article;
}

namespace {

std::string ArticleId(const WechatArticle& article) {
  if (article.biz.empty() || article.mid.empty()) return "";
  return fmt::format("{}/{}/{}", article.biz, article.mid, article.idx.empty() ? "1" : article.idx);
}

// Why a page without a time cannot be kept, and what it has, so the analyst can complete it: a post without a
// time cannot be placed in a time series or a window, and no other date on the page stands for it.
std::string MissingTimeReason(const WechatArticle& article) {
  const std::string id = ArticleId(article);
  return fmt::format(
      "no publish time: the page has no `var ct` or `var publish_time` script variable and #publish_time and "
      "#post-date are empty (WeChat fills them in with a script this saved copy lacks); the page has id {}, url {}, "
      "account {}, title {}: add published_at to keep it",
      id.empty() ? "(none)" : id, article.url.empty() ? "(none)" : article.url, article.account_name,
      article.title);
}

// The post: id and url from the page's own address, links from the body's text and anchors.
Post ToPost(const WechatArticle& article, const std::string& path) {
  Post post;
  post.platform = "wechat";
  post.account_name = article.account_name;
  post.account_id = article.account_id.empty() ? article.account_name : article.account_id;
  post.id = ArticleId(article);
  if (post.id.empty())
    post.id = "page-" + StableId({article.account_name, article.title, std::to_string(*article.published_at)});
  post.published_at = *article.published_at;
  post.utc_offset_minutes = kChinaOffsetMinutes;
  post.title = article.title;
  post.text = article.body;
  post.url = article.url;
  post.links = ExtractUrls(article.body);
  for (const auto& link : article.body_links)
    if (std::find(post.links.begin(), post.links.end(), link) == post.links.end()) post.links.push_back(link);
  post.lang = "zh";
  post.source_file = path;
  post.source_line = 1;
  return post;
}

Status ReadOnePage(const std::string& path, RecordSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open file", path));
  // The page is the record: kept whole with its byte range (the quarantine keeps only the range of a large
  // page, and a page over the size limit is never read into memory).
  auto reject = [&](std::string field, std::string reason, std::string raw, int64_t length) {
    RejectedRecord rejected{path, 1, std::move(field), std::move(reason), std::move(raw)};
    rejected.offset = 0;
    rejected.length = length;
    sink.Reject(std::move(rejected));
    return Status::Ok();
  };
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxWechatPageBytes) {
    return reject("", fmt::format("page larger than {} bytes ({}): not parsed", kMaxWechatPageBytes, size), "",
                  static_cast<int64_t>(size));
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string html = buffer.str();
  auto parsed = ParseWechatArticlePage(html, path);
  if (!parsed.ok()) {
    std::string reason = parsed.status().message();
    if (reason.starts_with(path + ": ")) reason.erase(0, path.size() + 2);  // the rejected record names the file
    return reject("", reason, html, static_cast<int64_t>(html.size()));
  }
  const WechatArticle& article = *parsed;
  if (!article.published_at) {
    return reject("published_at", MissingTimeReason(article), html, static_cast<int64_t>(html.size()));
  }
  if (article.account_name.empty()) {
    return reject("account_name", "no account name (#js_name, var nickname)", html, static_cast<int64_t>(html.size()));
  }
  Post post = ToPost(article, path);
  sink.Accept(post);
  return Status::Ok();
}

}  // namespace

Status ReadWechatArticles(const std::string& path, RecordSink& sink) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return ReadOnePage(path, sink);
  std::vector<std::string> pages;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".html" || ext == ".htm")) pages.push_back(entry.path().string());
  }
  if (ec) return Status::IoError(fmt::format("{}: cannot list folder: {}", path, ec.message()));
  std::sort(pages.begin(), pages.end());  // deterministic order
  for (const auto& page : pages) VIGIL_RETURN_IF_ERROR(ReadOnePage(page, sink));
  return Status::Ok();
}

}  // namespace vigil::adapters
