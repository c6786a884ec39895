// Field-level assignment and validation shared by the JSON Lines and CSV post readers, so both formats
// accept exactly the same values and reject with the same messages (docs/input-format.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vigil/post.h"
#include "vigil/status.h"

namespace vigil {

enum class PostField {
  kId, kPlatform, kAccountId, kAccountName, kPublishedAt, kTitle, kText, kUrl, kLinks, kRepostOf, kReplyTo, kLang,
  kViews, kLikes, kShares, kComments, kReactions, kUnknown
};

// Maps a column or key name to its field; unknown names map to kUnknown (ignored by the readers).
PostField PostFieldFromName(std::string_view name);
const char* PostFieldName(PostField field);

// Sets one field from its textual value. Links are whitespace-separated URLs. Errors name the reason only;
// the caller adds file, line and field.
Status SetPostField(Post& post, PostField field, std::string_view value);
// Sets a metric from an integer value (JSON numbers).
Status SetPostMetric(Post& post, PostField field, int64_t value);

// Readers start each record with published_at = kUnsetTime so a missing timestamp is detectable.
constexpr int64_t kUnsetTime = INT64_MIN;

// Checks a fully-read post: required fields present, text within limits. On error `*field` names the field.
Status ValidatePost(Post& post, std::string* field);

// Posts larger than this are refused rather than silently truncated (documented limit).
constexpr size_t kMaxPostTextBytes = 1 << 20;

}  // namespace vigil
