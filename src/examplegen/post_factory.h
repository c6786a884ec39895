// PostFactory: turns an account, a time and a text into a Post with a unique id and a realistic URL for its
// platform, and draws engagement counts the way each platform displays them.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "examplegen/accounts.h"
#include "examplegen/rng.h"
#include "vigil/post.h"

namespace vigil::examplegen {

// WeChat shows reads as "10万+" from this value on.
inline constexpr int64_t kWechatReadCap = 100000;

class PostFactory {
 public:
  // `rng` draws URL tokens; ids come from counters so they never collide.
  explicit PostFactory(Rng& rng) : rng_(rng) {}

  // A WeChat article: id "<prefix>-<yyyymmdd>-<n>" (date at +08:00), URL https://mp.weixin.qq.com/s/<token>.
  Post Wechat(const Account& account, int64_t published_at, std::string title, std::string text);
  // An X post: id is a status number, URL https://x.com/<handle>/status/<id>.
  Post X(const Account& account, int64_t published_at, int32_t offset_minutes, std::string text);
  Post Facebook(const Account& account, int64_t published_at, int32_t offset_minutes, std::string text);
  // A Telegram channel message: id "<channel>-<n>", URL https://t.me/<channel>/<n>.
  Post Telegram(const Account& account, int64_t published_at, std::string text);
  Post Weibo(const Account& account, int64_t published_at, std::string text);

  // Forgets per-day WeChat counters of days already finished (keeps memory flat for millions of posts).
  void ForgetWechatCounters() { wechat_seq_.clear(); }

 private:
  std::string WechatToken();
  Rng& rng_;
  std::unordered_map<std::string, int> wechat_seq_;  // "<prefix>-<yyyymmdd>" -> last n
  std::unordered_map<std::string, int64_t> telegram_seq_;
  uint64_t serial_ = 0;  // feeds X, Facebook and Weibo ids
};

// Splits a total of interactions into likes, shares, comments and reactions ("在看" on WeChat).
void SetWechatInteractions(Rng& rng, int64_t interactions, Metrics& m);
// Reads as WeChat displays them: exact below 100,000, "10万+" (a lower bound) from there on.
Count WechatReads(int64_t reads);
// A count rounded the way X abbreviates views ("12k", "2.5M"), so that the abbreviation is exact.
int64_t XViewsDisplayed(int64_t views);
// A count rounded the way Weibo shows it from 10,000 on ("1.2万").
int64_t WeiboDisplayed(int64_t n);

}  // namespace vigil::examplegen
