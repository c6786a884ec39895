// CheckingSink (see checking_sink.h).
#include "ingest/checking_sink.h"

#include <fmt/format.h>

#include <functional>
#include <string_view>

#include "ingest/post_fields.h"
#include "ingest/post_json.h"

namespace vigil {
namespace {

uint64_t HashParts(std::initializer_list<std::string_view> parts) {
  std::string joined;
  for (std::string_view part : parts) {
    joined.append(part);
    joined.push_back('\x1f');  // unit separator: ("ab","c") and ("a","bc") differ
  }
  return std::hash<std::string>{}(joined);
}

// What makes two records with one id the same post: who published it, when, and what it says. Counts and
// links may differ between two rows of one post (snapshots, one row per shared link).
uint64_t ContentHash(const Post& post) {
  const std::string time = std::to_string(post.published_at);
  return HashParts({post.account_id, time, post.title, post.text});
}

RejectedRecord RejectPost(const Post& post, std::string field, std::string reason) {
  return RejectedRecord{post.source_file, post.source_line, std::move(field), std::move(reason),
                        PostToJsonLine(post)};
}

}  // namespace

void CheckingSink::StartInput() { seen_.clear(); }

void CheckingSink::Accept(Post& post) {
  std::string field;
  if (Status valid = ValidatePost(post, &field); !valid.ok()) {
    next_.Reject(RejectPost(post, field, valid.message()));
    return;
  }
  const uint64_t content = ContentHash(post);
  const auto [it, first] = seen_.try_emplace(HashParts({post.platform, post.id}), FirstSeen{content, post.source_line});
  if (!first) {
    if (it->second.content_hash == content) {
      ++repeated_;
      return;
    }
    next_.Reject(RejectPost(
        post, "id",
        fmt::format("duplicate id: {}:{} was first read on line {} with another account, time or text; the first "
                    "is kept",
                    post.platform, post.id, it->second.line)));
    return;
  }
  next_.Accept(post);
}

}  // namespace vigil
