// The accounts of the example case: the operation's WeChat accounts (Youli-Youmian and its amplifier
// network), state media, and background accounts made on demand from an index so the background can grow to
// millions of posts without a stored list.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace vigil::examplegen {

struct Account {
  std::string platform;
  std::string id;         // account_id
  std::string name;       // display name
  std::string id_prefix;  // prefix of post ids (WeChat ids are "<prefix>-<yyyymmdd>-<n>")
};

const Account& YouliYoumian();
// 人民日报, 新华社, 环球时报, CGTN, 央视新闻: the cn-state-media peer group.
const std::vector<Account>& StateMediaAccounts();
// The ~30 small anonymous-looking accounts that boost the operation (wx-amp-01 ...).
const std::vector<Account>& AmplifierAccounts();

enum class WechatKind { kLifestyle, kFinance, kLocalNews };
// Background accounts: the same (kind, index) always gives the same account.
Account BackgroundWechat(WechatKind kind, size_t index);
Account XUser(size_t index);
// Canadian outlets (fictional names) on X, Facebook or Telegram; `french` picks a French-language outlet.
Account Outlet(const std::string& platform, bool french, size_t index);
Account WeiboUser(size_t index);

// An account id from a display name: its ASCII letters (lower-cased) and digits, "outlet" when none.
std::string Slug(const std::string& name);

// How many distinct background accounts of each family exist at volume factor 1 (the pools grow with it).
inline constexpr size_t kBaseWechatAccountsPerKind = 12;
inline constexpr size_t kBaseXUsers = 150;
inline constexpr size_t kBaseOutlets = 4;
inline constexpr size_t kBaseWeiboUsers = 60;

}  // namespace vigil::examplegen
