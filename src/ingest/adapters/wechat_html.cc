// WeChat article page adapter: DOM fields first (#activity-name, #js_name, #publish_time, #js_content), the
// inline script variables of older saved pages (var ct, var nickname, var user_name ...) as fallback.
#include "ingest/adapters/wechat_html.h"

#include <fmt/format.h>
#include <gumbo.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/adapters/adapter_util.h"
#include "ingest/adapters/adapters.h"
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

const GumboNode* FindById(const GumboNode* node, std::string_view id) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const char* value = Attribute(node->v.element, "id");
  if (value && id == value) return node;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    if (const GumboNode* found = FindById(static_cast<const GumboNode*>(children.data[i]), id)) return found;
  }
  return nullptr;
}

// <meta name|property="og:title" content|value="..."> (saved copies sometimes rename content to value).
std::string FindMeta(const GumboNode* node, std::string_view name) {
  if (node->type != GUMBO_NODE_ELEMENT) return "";
  const GumboElement& element = node->v.element;
  if (element.tag == GUMBO_TAG_META) {
    const char* key = Attribute(element, "property");
    if (!key) key = Attribute(element, "name");
    if (key && name == key) {
      const char* content = Attribute(element, "content");
      if (!content) content = Attribute(element, "value");
      return content ? content : "";
    }
  }
  for (unsigned i = 0; i < element.children.length; ++i) {
    std::string found = FindMeta(static_cast<const GumboNode*>(element.children.data[i]), name);
    if (!found.empty()) return found;
  }
  return "";
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

void AppendText(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
    out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& element = node->v.element;
  if (IsSkippedTag(element.tag, element)) return;
  for (unsigned i = 0; i < element.children.length; ++i) {
    AppendText(static_cast<const GumboNode*>(element.children.data[i]), out);
  }
  if (IsBlock(element.tag)) out += '\n';
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

// The value of an inline `var name = "" || "value";`: the last non-empty quoted literal on that line.
std::string ScriptVar(const std::string& html, std::string_view name) {
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

std::string FindArticleUrl(const std::string& html, const GumboNode* root) {
  std::string url = ScriptVar(html, "msg_link");
  if (url.empty()) url = FindMeta(root, "og:url");
  if (url.empty()) {
    const size_t pos = html.find("mp.weixin.qq.com/s?__biz=");
    if (pos != std::string::npos) {
      const size_t end = html.find_first_of("\"' <>", pos);
      url = "https://" + html.substr(pos, end - pos);
    }
  }
  // Decode the one entity that appears in attribute copies.
  for (size_t pos = url.find("&amp;"); pos != std::string::npos; pos = url.find("&amp;", pos + 1)) {
    url.replace(pos, 5, "&");
  }
  return url;
}

}  // namespace

Result<WechatArticle> ParseWechatArticlePage(const std::string& html, const std::string& source_name) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  if (!output) return Status::InvalidArgument(fmt::format("{}: HTML parser failed", source_name));
  const GumboNode* root = output->root;
  WechatArticle article;
  const bool has_body = FindById(root, "js_content") != nullptr;
  Status status;
  if (!has_body) {
    std::string page_text;
    AppendText(root, page_text);
    std::string reason = "no article body (#js_content): not a saved WeChat article page";
    for (const auto& [marker, explanation] : kNotArticle) {
      if (html.find(marker) != std::string::npos) {
        reason = std::string(explanation);
        break;
      }
    }
    status = Status::InvalidArgument(fmt::format("{}: {}", source_name, reason));
  } else {
    article.title = ElementText(root, "activity-name");
    if (article.title.empty()) article.title = FindMeta(root, "og:title");
    if (article.title.empty()) article.title = ScriptVar(html, "msg_title");
    article.account_name = ElementText(root, "js_name");
    if (article.account_name.empty()) article.account_name = ScriptVar(html, "nickname");
    if (article.account_name.empty()) article.account_name = ElementText(root, "post-user");
    article.author = ElementText(root, "js_author_name");
    if (article.author.empty()) article.author = FindMeta(root, "og:article:author");
    article.description = FindMeta(root, "og:description");
    if (article.description.empty()) article.description = ScriptVar(html, "msg_desc");
    article.body = ElementText(root, "js_content");
    article.url = FindArticleUrl(html, root);
    article.biz = QueryParam(article.url, "__biz");
    if (article.biz.empty()) article.biz = ScriptVar(html, "biz");
    article.mid = QueryParam(article.url, "mid");
    if (article.mid.empty()) article.mid = ScriptVar(html, "mid");
    article.idx = QueryParam(article.url, "idx");
    if (article.idx.empty()) article.idx = ScriptVar(html, "idx");
    if (article.url.empty() && !article.biz.empty() && !article.mid.empty()) {
      article.url = fmt::format("https://mp.weixin.qq.com/s?__biz={}&mid={}&idx={}", article.biz, article.mid,
                                article.idx.empty() ? "1" : article.idx);
    }
    article.account_id = ScriptVar(html, "user_name");
    if (article.account_id.empty()) article.account_id = article.biz;
    // `var ct` is the exact Unix time; the visible date only has the day, in China time.
    if (auto ct = ParseUtcTimestamp(ScriptVar(html, "ct")); ct.ok()) {
      article.published_at = *ct;
    } else {
      std::string date = ElementText(root, "publish_time");
      if (date.empty()) date = ElementText(root, "post-date");
      if (date.empty()) date = ScriptVar(html, "publish_time");
      const std::string_view day_text = Trim(date).substr(0, 10);
      if (ParseCivilDate(day_text).ok()) {
        auto day = ParseTimestamp(std::string(day_text) + "T00:00:00+08:00");
        if (day.ok()) {
          article.published_at = day->unix_seconds;
          article.date_only = true;
        }
      }
    }
  }
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  if (!status.ok()) return status;
  return article;
}

namespace {

Status ReadOnePage(const std::string& path, RecordSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open file", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string html = buffer.str();
  auto reject = [&](std::string field, std::string reason) {
    // The page is the record: kept whole, with its byte range (the quarantine keeps only the range of a large page).
    RejectedRecord rejected{path, 1, std::move(field), std::move(reason), html};
    rejected.offset = 0;
    rejected.length = static_cast<int64_t>(html.size());
    sink.Reject(std::move(rejected));
    return Status::Ok();
  };
  auto parsed = ParseWechatArticlePage(html, path);
  if (!parsed.ok()) {
    std::string reason = parsed.status().message();
    if (reason.starts_with(path + ": ")) reason.erase(0, path.size() + 2);  // the rejected record names the file
    return reject("", reason);
  }
  WechatArticle& article = *parsed;
  if (!article.published_at) {
    return reject("published_at",
                  "the page carries no publish time (WeChat fills it in with a script this saved copy lacks)");
  }
  if (article.account_name.empty()) return reject("account_name", "no account name (#js_name, var nickname)");
  Post post;
  post.platform = "wechat";
  post.account_name = article.account_name;
  post.account_id = article.account_id.empty() ? article.account_name : article.account_id;
  post.id = !article.biz.empty() && !article.mid.empty()
                ? fmt::format("{}/{}/{}", article.biz, article.mid, article.idx.empty() ? "1" : article.idx)
                : "page-" + StableId({article.account_name, article.title, std::to_string(*article.published_at)});
  post.published_at = *article.published_at;
  post.utc_offset_minutes = kChinaOffsetMinutes;
  post.title = article.title;
  post.text = article.body;
  post.url = article.url;
  post.links = ExtractUrls(article.body);
  post.lang = "zh";
  post.source_file = path;
  post.source_line = 1;
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
