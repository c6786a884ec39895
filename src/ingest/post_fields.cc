#include "ingest/post_fields.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "common/time.h"
#include "ingest/displayed_count.h"

namespace vigil {
namespace {

constexpr std::array<std::pair<std::string_view, PostField>, 16> kFieldNames = {{
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

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  return out;
}

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
    case PostField::kPlatform: post.platform = Lower(value); break;
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
    case PostField::kLang: post.lang = Lower(value); break;
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

Status ValidatePost(Post& post, std::string* field) {
  auto missing = [&](const char* name) {
    *field = name;
    return Status::InvalidArgument("required field is missing or empty");
  };
  if (post.id.empty()) return missing("id");
  if (post.platform.empty()) return missing("platform");
  if (post.account_id.empty()) return missing("account_id");
  if (post.published_at == kUnsetTime) return missing("published_at");
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
  return Status::Ok();
}

}  // namespace vigil
