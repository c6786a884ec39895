// Post -> JSON Lines record (see post_json.h).
#include "ingest/post_json.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "common/time.h"

namespace vigil {
namespace {

// RFC 3339 in the offset the source wrote ("2025-03-10T07:30:00+08:00"), Z for UTC.
std::string LocalRfc3339(int64_t unix_seconds, int32_t offset_minutes) {
  if (offset_minutes == 0) return FormatUtc(unix_seconds);
  std::string local = FormatUtc(unix_seconds + int64_t{offset_minutes} * 60);
  local.pop_back();  // the Z
  const int32_t magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  return local + fmt::format("{}{:02d}:{:02d}", offset_minutes < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
}

// A count as written in the post format: a number, or "N+" when the platform showed a capped figure.
void PutCount(nlohmann::ordered_json& metrics, const char* name, const Count& count) {
  if (!count.present) return;
  if (count.lower_bound) {
    metrics[name] = fmt::format("{}+", count.value);
  } else {
    metrics[name] = count.value;
  }
}

}  // namespace

std::string PostToJsonLine(const Post& post) {
  nlohmann::ordered_json j;
  j["id"] = post.id;
  j["platform"] = post.platform;
  j["account_id"] = post.account_id;
  j["account_name"] = post.account_name;
  j["published_at"] = LocalRfc3339(post.published_at, post.utc_offset_minutes);
  if (!post.title.empty()) j["title"] = post.title;
  j["text"] = post.text;
  if (!post.url.empty()) j["url"] = post.url;
  if (!post.links.empty()) j["links"] = post.links;
  if (!post.repost_of.empty()) j["repost_of"] = post.repost_of;
  if (!post.reply_to.empty()) j["reply_to"] = post.reply_to;
  if (!post.lang.empty()) j["lang"] = post.lang;
  nlohmann::ordered_json metrics = nlohmann::ordered_json::object();
  PutCount(metrics, "views", post.metrics.views);
  PutCount(metrics, "likes", post.metrics.likes);
  PutCount(metrics, "shares", post.metrics.shares);
  PutCount(metrics, "comments", post.metrics.comments);
  PutCount(metrics, "reactions", post.metrics.reactions);
  if (!metrics.empty()) j["metrics"] = metrics;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace vigil
