// PostFactory: ids, URLs and engagement counts per platform (see post_factory.h).
#include "examplegen/post_factory.h"

#include <fmt/format.h>

#include <cmath>

#include "common/time.h"
#include "examplegen/calendar.h"

namespace vigil::examplegen {
namespace {

constexpr char kUrlAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr int kWechatTokenLength = 22;
constexpr int64_t kTwitterEpochMs = 1288834974657;  // X status ids encode milliseconds since this instant
constexpr int kSnowflakeSequenceBits = 22;
constexpr int64_t kFacebookBase = 100000000000000;
constexpr int64_t kWeiboBase = 4800000000000000;

// "20250310": the local date in WeChat ids (hand-formatted; this runs once per post).
std::string CompactDate(int64_t unix_seconds, int32_t offset_minutes) {
  const CivilDate d = CivilFromDays(FloorDiv(unix_seconds + int64_t{offset_minutes} * 60, kSecondsPerDay));
  const int64_t packed = int64_t{d.year} * 10000 + d.month * 100 + d.day;
  return std::to_string(packed);
}

Post Base(const Account& account, int64_t published_at, int32_t offset_minutes) {
  Post p;
  p.platform = account.platform;
  p.account_id = account.id;
  p.account_name = account.name;
  p.published_at = published_at;
  p.utc_offset_minutes = offset_minutes;
  return p;
}

}  // namespace

std::string PostFactory::WechatToken() {
  std::string token(kWechatTokenLength, 'A');
  for (char& c : token) c = kUrlAlphabet[rng_.Next() % 64];
  return token;
}

Post PostFactory::Wechat(const Account& account, int64_t published_at, std::string title, std::string text) {
  Post p = Base(account, published_at, kChinaOffsetMinutes);
  const std::string day_key = account.id_prefix + "-" + CompactDate(published_at, kChinaOffsetMinutes);
  p.id = day_key + "-" + std::to_string(++wechat_seq_[day_key]);
  p.url = "https://mp.weixin.qq.com/s/" + WechatToken();
  p.title = std::move(title);
  p.text = std::move(text);
  p.lang = "zh";
  return p;
}

Post PostFactory::X(const Account& account, int64_t published_at, int32_t offset_minutes, std::string text) {
  Post p = Base(account, published_at, offset_minutes);
  const int64_t ms = published_at * 1000 + static_cast<int64_t>(rng_.Next() % 1000);
  const uint64_t sequence = ++serial_ & ((1ULL << kSnowflakeSequenceBits) - 1);
  const uint64_t status = (static_cast<uint64_t>(ms - kTwitterEpochMs) << kSnowflakeSequenceBits) | sequence;
  p.id = std::to_string(status);
  p.url = "https://x.com/" + account.id + "/status/" + p.id;
  p.text = std::move(text);
  return p;
}

Post PostFactory::Facebook(const Account& account, int64_t published_at, int32_t offset_minutes, std::string text) {
  Post p = Base(account, published_at, offset_minutes);
  p.id = std::to_string(kFacebookBase + static_cast<int64_t>(++serial_) * 1000 + static_cast<int64_t>(rng_.Next() % 1000));
  p.url = "https://www.facebook.com/" + account.id + "/posts/" + p.id;
  p.text = std::move(text);
  return p;
}

Post PostFactory::Telegram(const Account& account, int64_t published_at, std::string text) {
  Post p = Base(account, published_at, 0);
  const int64_t n = ++telegram_seq_[account.id] + 1200;  // channels already had messages before the window
  p.id = fmt::format("{}-{}", account.id, n);
  p.url = fmt::format("https://t.me/{}/{}", account.id, n);
  p.text = std::move(text);
  return p;
}

Post PostFactory::Weibo(const Account& account, int64_t published_at, std::string text) {
  Post p = Base(account, published_at, kChinaOffsetMinutes);
  p.id = std::to_string(kWeiboBase + static_cast<int64_t>(++serial_) * 100 + static_cast<int64_t>(rng_.Next() % 100));
  p.url = "https://weibo.com/" + account.id + "/" + p.id;
  p.text = std::move(text);
  p.lang = "zh";
  return p;
}

void SetWechatInteractions(Rng& rng, int64_t interactions, Metrics& m) {
  // Typical WeChat shares: likes dominate, then shares (转发), comments, 在看.
  const double likes = rng.Uniform(0.38, 0.48);
  const double shares = rng.Uniform(0.28, 0.38);
  const double comments = rng.Uniform(0.06, 0.12);
  const auto part = [&](double f) { return static_cast<int64_t>(std::llround(static_cast<double>(interactions) * f)); };
  m.likes = Count::Exact(part(likes));
  m.shares = Count::Exact(part(shares));
  m.comments = Count::Exact(part(comments));
  // Reactions take the remainder so the four add up to `interactions` exactly.
  m.reactions = Count::Exact(interactions - m.likes.value - m.shares.value - m.comments.value);
}

Count WechatReads(int64_t reads) {
  return reads >= kWechatReadCap ? Count::AtLeast(kWechatReadCap) : Count::Exact(reads);
}

int64_t XViewsDisplayed(int64_t views) {
  if (views >= 1000000) return views / 100000 * 100000;
  if (views >= 10000) return views / 1000 * 1000;
  return views;
}

int64_t WeiboDisplayed(int64_t n) { return n >= 10000 ? n / 1000 * 1000 : n; }

}  // namespace vigil::examplegen
