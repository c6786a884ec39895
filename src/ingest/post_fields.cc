#include "ingest/post_fields.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "common/strings.h"
#include "common/time.h"
#include "common/utf8.h"
#include "ingest/displayed_count.h"

namespace vigil {
namespace {

constexpr std::array<std::pair<std::string_view, PostField>, 17> kFieldNames = {{
    {"id", PostField::kId},
    {"platform", PostField::kPlatform},
    {"account_id", PostField::kAccountId},
    {"account_name", PostField::kAccountName},
    {"published_at", PostField::kPublishedAt},
    {"title", PostField::kTitle},
    {"text", PostField::kText},
    {"url", PostField::kUrl},
    {"links", PostField::kLinks},
    {"repost_of", PostField::kRepostOf},
    {"reply_to", PostField::kReplyTo},
    {"lang", PostField::kLang},
    {"views", PostField::kViews},
    {"likes", PostField::kLikes},
    {"shares", PostField::kShares},
    {"comments", PostField::kComments},
    {"reactions", PostField::kReactions},
}};

Count* MetricSlot(Post& post, PostField field) {
  switch (field) {
    case PostField::kViews: return &post.metrics.views;
    case PostField::kLikes: return &post.metrics.likes;
    case PostField::kShares: return &post.metrics.shares;
    case PostField::kComments: return &post.metrics.comments;
    case PostField::kReactions: return &post.metrics.reactions;
    default: return nullptr;
  }
}

void SplitLinks(std::string_view value, std::vector<std::string>& out) {
  out.clear();
  size_t pos = 0;
  while (pos < value.size()) {
    const size_t start = value.find_first_not_of(" \t\r\n", pos);
    if (start == std::string_view::npos) break;
    const size_t end = std::min(value.find_first_of(" \t\r\n", start), value.size());
    out.emplace_back(value.substr(start, end - start));
    pos = end;
  }
}

Status CheckUtf8(std::string_view value) {
  if (IsValidUtf8(value)) return Status::Ok();
  const size_t at = FirstInvalidUtf8(value);
  return Status::InvalidArgument(fmt::format("is not valid UTF-8 (byte 0x{:02X} at byte {} of the value)",
                                             static_cast<unsigned char>(value[at]), at));
}

// C0 controls and DEL: never part of an id, a language tag or a URL.
std::optional<char> FirstControl(std::string_view value) {
  for (const char c : value) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return c;
  }
  return std::nullopt;
}

bool IsBlank(std::string_view value) { return value.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos; }

}  // namespace

PostField PostFieldFromName(std::string_view name) {
  for (const auto& [field_name, field] : kFieldNames) {
    if (field_name == name) return field;
  }
  return PostField::kUnknown;
}

const char* PostFieldName(PostField field) {
  for (const auto& [field_name, f] : kFieldNames) {
    if (f == field) return field_name.data();
  }
  return "unknown";
}

Status SetPostMetric(Post& post, PostField field, int64_t value) {
  Count* slot = MetricSlot(post, field);
  if (!slot) return Status::Internal("not a metric field");
  if (value < 0) return Status::InvalidArgument(fmt::format("negative count {}", value));
  *slot = Count::Exact(value);
  return Status::Ok();
}

Status SetPostField(Post& post, PostField field, std::string_view value) {
  switch (field) {
    case PostField::kId: post.id.assign(value); break;
    case PostField::kPlatform: post.platform = AsciiLower(value); break;
    case PostField::kAccountId: post.account_id.assign(value); break;
    case PostField::kAccountName: post.account_name.assign(value); break;
    case PostField::kPublishedAt: {
      if (value.empty()) break;  // ValidatePost reports it missing
      VIGIL_ASSIGN_OR_RETURN(ParsedTime t, ParseTimestamp(value));
      post.published_at = t.unix_seconds;
      post.utc_offset_minutes = t.utc_offset_minutes;
      break;
    }
    case PostField::kTitle: post.title.assign(value); break;
    case PostField::kText: post.text.assign(value); break;
    case PostField::kUrl: post.url.assign(value); break;
    case PostField::kLinks: SplitLinks(value, post.links); break;
    case PostField::kRepostOf: post.repost_of.assign(value); break;
    case PostField::kReplyTo: post.reply_to.assign(value); break;
    case PostField::kLang: post.lang = AsciiLower(value); break;
    case PostField::kViews:
    case PostField::kLikes:
    case PostField::kShares:
    case PostField::kComments:
    case PostField::kReactions: {
      if (value.empty()) break;  // absent
      VIGIL_ASSIGN_OR_RETURN(Count count, ParseDisplayedCount(value));
      *MetricSlot(post, field) = count;
      break;
    }
    case PostField::kUnknown: break;
  }
  return Status::Ok();
}

namespace {

// Every text the post carries is UTF-8; identifiers, the language tag and URLs carry no control character
// (a newline in a link would make it two links once stored), and a URL no space.
Status CheckText(const Post& post, std::string* field) {
  const std::pair<const char*, const std::string*> texts[] = {
      {"id", &post.id},       {"platform", &post.platform},   {"account_id", &post.account_id},
      {"account_name", &post.account_name}, {"title", &post.title}, {"text", &post.text},
      {"url", &post.url},     {"repost_of", &post.repost_of}, {"reply_to", &post.reply_to},
      {"lang", &post.lang}};
  for (const auto& [name, value] : texts) {
    if (Status s = CheckUtf8(*value); !s.ok()) return (*field = name, s);
  }
  for (size_t i = 0; i < post.links.size(); ++i) {
    if (Status s = CheckUtf8(post.links[i]); !s.ok()) return (*field = fmt::format("links[{}]", i), s);
  }
  const std::pair<const char*, const std::string*> single_tokens[] = {
      {"id", &post.id}, {"platform", &post.platform}, {"account_id", &post.account_id},
      {"repost_of", &post.repost_of}, {"reply_to", &post.reply_to}, {"lang", &post.lang}};
  for (const auto& [name, value] : single_tokens) {
    if (auto c = FirstControl(*value)) {
      *field = name;
      return Status::InvalidArgument(fmt::format("contains the control character U+{:04X}", static_cast<int>(*c)));
    }
  }
  auto check_url = [&](const std::string& url, std::string name) {
    if (auto c = FirstControl(url)) {
      *field = std::move(name);
      return Status::InvalidArgument(fmt::format(
          "contains the control character U+{:04X}: a URL holds none (one link per element)", static_cast<int>(*c)));
    }
    if (url.find(' ') != std::string::npos) {
      *field = std::move(name);
      return Status::InvalidArgument("contains a space: a URL holds none (one link per element)");
    }
    return Status::Ok();
  };
  VIGIL_RETURN_IF_ERROR(check_url(post.url, "url"));
  for (size_t i = 0; i < post.links.size(); ++i) VIGIL_RETURN_IF_ERROR(check_url(post.links[i], fmt::format("links[{}]", i)));
  return Status::Ok();
}

}  // namespace

Status ValidatePost(Post& post, std::string* field) {
  auto missing = [&](const char* name) {
    *field = name;
    return Status::InvalidArgument("required field is missing, empty or blank");
  };
  if (IsBlank(post.id)) return missing("id");
  if (IsBlank(post.platform)) return missing("platform");
  if (IsBlank(post.account_id)) return missing("account_id");
  if (post.published_at == kUnsetTime) return missing("published_at");
  VIGIL_RETURN_IF_ERROR(CheckText(post, field));
  if (post.text.size() + post.title.size() > kMaxPostTextBytes) {
    *field = "text";
    return Status::InvalidArgument(
        fmt::format("title and text are {} bytes, above the {} byte limit", post.text.size() + post.title.size(),
                    kMaxPostTextBytes));
  }
  if (post.repost_of == post.id) {
    *field = "repost_of";
    return Status::InvalidArgument("a post cannot repost itself");
  }
  if (post.reply_to == post.id) {
    *field = "reply_to";
    return Status::InvalidArgument("a post cannot reply to itself");
  }
  if (post.reply_to.size() == 1 && post.RepliesToAccount()) {
    *field = "reply_to";
    return Status::InvalidArgument("'@' names no account: write '@' and the account id");
  }
  return Status::Ok();
}

}  // namespace vigil
