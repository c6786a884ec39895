// Post: one item published on a platform, in Vigil's platform-neutral model. Every adapter (JSON Lines,
// CSV, platform exports) produces Posts; every signal reads them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vigil {

// A displayed count. Platforms cap what they show (WeChat shows "10万+" past 100,000 reads), so a count can be
// a lower bound rather than an exact figure. `present` is false when the source gave no value at all.
struct Count {
  int64_t value = 0;
  bool present = false;
  bool lower_bound = false;  // censored: the true count is at least `value`

  static Count Exact(int64_t v) { return {v, true, false}; }
  static Count AtLeast(int64_t v) { return {v, true, true}; }
  friend bool operator==(const Count&, const Count&) = default;
};

struct Metrics {
  Count views;
  Count likes;
  Count shares;
  Count comments;
  Count reactions;

  // Interactions = likes + shares + comments + reactions (absent counts add nothing). Lower bound if any part
  // is, or if the sum reached INT64_MAX (it saturates there instead of overflowing).
  Count Interactions() const;
  friend bool operator==(const Metrics&, const Metrics&) = default;
};

struct Post {
  std::string id;            // unique within its platform
  std::string platform;      // lower case: wechat, weibo, x, facebook, telegram, ...
  std::string account_id;
  std::string account_name;
  int64_t published_at = 0;  // Unix seconds, UTC
  int32_t utc_offset_minutes = 0;  // the offset the source wrote, kept for display
  std::string title;
  std::string text;
  std::string url;
  std::vector<std::string> links;  // URLs the post shares
  std::string repost_of;           // id of the reposted post, empty when original
  // What this post replies to or comments on, on the same platform: the replied post's id, or "@" and the
  // account id when the source names only the account (ReplyToAccount). Empty when it is no reply.
  std::string reply_to;
  std::string lang;                // BCP 47 tag if known (zh, en, fr, ...), empty otherwise
  Metrics metrics;

  // Where the record came from, for evidence and error messages.
  std::string source_file;
  int64_t source_line = 0;

  // Stable key across platforms: "<platform>:<id>".
  std::string Key() const { return platform + ":" + id; }

  // reply_to names an account, not a post, when it starts with this mark.
  static constexpr char kAccountReplyMark = '@';
  bool RepliesToAccount() const { return !reply_to.empty() && reply_to[0] == kAccountReplyMark; }
  // The account replied to when reply_to names one ("@<account_id>"), else "".
  std::string ReplyToAccount() const { return RepliesToAccount() ? reply_to.substr(1) : std::string(); }
  // The post replied to when reply_to names one, else "".
  std::string ReplyToPost() const { return RepliesToAccount() ? std::string() : reply_to; }
};

}  // namespace vigil
