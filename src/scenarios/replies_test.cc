// The reply-spam kind and its organic look-alikes hold what they claim, checked from the posts: comments
// under the targets' own pages from new accounts, in English and French, accelerating over the holiday;
// fans with history replying to one MP in their own words; supporters sharing one link within the hour.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "common/time.h"
#include "scenarios/holidays.h"
#include "scenarios/scenario.h"
#include "scenarios/small_scenarios_test_util.h"

namespace vigil::scenarios {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kHour = 3600;
constexpr size_t kManyTargets = 12;

std::string AccountOf(const Post& p) { return p.platform + ":" + p.account_id; }

// The target a reply is about: the owner of the account or post it replies to, or "".
std::string RepliedTarget(const Scenario& s, const Post& reply, const std::map<std::string, const Post*>& by_key) {
  std::string account = reply.ReplyToAccount();
  if (account.empty()) {
    auto it = by_key.find(reply.platform + ":" + reply.ReplyToPost());
    if (it == by_key.end()) return "";
    account = it->second->account_id;
  }
  const int target = s.watch.FindTargetOfAccount(reply.platform, account);
  return target < 0 ? "" : s.watch.targets[static_cast<size_t>(target)].id;
}

std::map<std::string, const Post*> ByKey(const Scenario& s) {
  std::map<std::string, const Post*> by_key;
  for (const Post& p : s.posts) by_key[p.Key()] = &p;
  return by_key;
}

std::map<std::string, int64_t> FirstPosts(const Scenario& s) {
  std::map<std::string, int64_t> first;
  for (const Post& p : s.posts) first.try_emplace(AccountOf(p), p.published_at);  // posts are in time order
  return first;
}

class ReplySpam : public ::testing::TestWithParam<uint64_t> {};

TEST_P(ReplySpam, NewAccountsCommentOnManyTargetsOwnPagesInTwoLanguages) {
  const Scenario& s = Generated("reply-spam", GetParam());
  ASSERT_EQ(s.key.operations.size(), 1u);
  const KeyOperation& op = s.key.operations[0];
  EXPECT_GE(op.accounts.size(), 30u);
  EXPECT_LE(op.accounts.size(), 80u);
  EXPECT_GE(s.watch.targets.size(), kManyTargets);
  const std::set<std::string> bots(op.accounts.begin(), op.accounts.end());
  const auto by_key = ByKey(s);
  std::set<std::string> targets, langs, parties;
  int64_t comments = 0, on_posts = 0;
  std::vector<int64_t> interactions;
  for (size_t i = 0; i < s.posts.size(); ++i) {
    const Post& p = s.posts[i];
    if (!bots.count(AccountOf(p))) continue;
    EXPECT_EQ(s.truth[i].role, Role::kReplier);  // no history, no other posts
    const std::string target = RepliedTarget(s, p, by_key);
    ASSERT_FALSE(target.empty()) << p.Key() << " replies to " << p.reply_to;
    targets.insert(target);
    parties.insert(s.watch.FindTarget(target)->party);
    langs.insert(p.lang);
    on_posts += !p.RepliesToAccount();
    interactions.push_back(p.metrics.Interactions().value);
    ++comments;
  }
  EXPECT_EQ(comments, op.comments);
  EXPECT_GT(on_posts, comments / 2);  // most comments sit under a post
  EXPECT_GE(targets.size(), kManyTargets);
  EXPECT_GE(parties.size(), 3u);
  EXPECT_EQ(langs, (std::set<std::string>{"en", "fr"}));
  EXPECT_EQ(std::vector<std::string>(targets.begin(), targets.end()), op.targets);
  std::sort(interactions.begin(), interactions.end());
  EXPECT_LE(interactions[interactions.size() / 2], 2);  // tiny engagement
  for (const std::string& target : targets) {
    bool has_account = false;
    for (const TargetAccount& a : s.watch.target_accounts) has_account = has_account || a.target_id == target;
    EXPECT_TRUE(has_account) << target;
  }
}

TEST_P(ReplySpam, CommentsRepeatOneAccusation) {
  const Scenario& s = Generated("reply-spam", GetParam());
  const KeyOperation& op = s.key.operations.at(0);
  const std::string accused = op.accusation.substr(0, op.accusation.find(' ', op.accusation.find(' ') + 1));
  for (size_t i = 0; i < s.posts.size(); ++i) {
    if (s.truth[i].role != Role::kReplier) continue;
    EXPECT_NE(s.posts[i].text.find(accused), std::string::npos) << s.posts[i].text;
  }
}

TEST_P(ReplySpam, AcceleratesOverTheHolidayLongWeekend) {
  const Scenario& s = Generated("reply-spam", GetParam());
  const KeyOperation& op = s.key.operations.at(0);
  const Event* holiday = nullptr;
  for (const Event& e : s.watch.events) {
    if (op.holiday.rfind(e.label, 0) == 0) holiday = &e;
  }
  ASSERT_NE(holiday, nullptr) << op.holiday;
  const int64_t holiday_start = holiday->date.DaysSinceEpoch() * kDay;
  std::map<int64_t, int64_t> per_day;
  for (size_t i = 0; i < s.posts.size(); ++i) {
    if (s.truth[i].role == Role::kReplier) ++per_day[FloorDiv(s.posts[i].published_at, kDay) * kDay];
  }
  double before = 0, during = 0;
  int64_t before_days = 0;
  for (int64_t day = op.window_start - op.window_start % kDay; day < holiday_start; day += kDay, ++before_days)
    before += static_cast<double>(per_day[day]);
  for (int64_t day = holiday_start; day < holiday_start + 2 * kDay; day += kDay) during += static_cast<double>(per_day[day]);
  ASSERT_GT(before_days, 0);
  EXPECT_GE(during / 2, 2 * before / static_cast<double>(before_days)) << op.holiday;
}

TEST_P(ReplySpam, PagesCarryTheirOwnPostsAndOrdinaryReplies) {
  const Scenario& s = Generated("reply-spam", GetParam());
  const auto by_key = ByKey(s);
  std::set<std::string> posting_targets, replied_targets;
  for (size_t i = 0; i < s.posts.size(); ++i) {
    const Post& p = s.posts[i];
    if (s.truth[i].role == Role::kTargetPage) {
      const int t = s.watch.FindTargetOfAccount(p.platform, p.account_id);
      ASSERT_GE(t, 0);
      posting_targets.insert(s.watch.targets[static_cast<size_t>(t)].id);
    }
    if (s.truth[i].role == Role::kBackground && !p.reply_to.empty()) replied_targets.insert(RepliedTarget(s, p, by_key));
  }
  EXPECT_EQ(posting_targets.size(), s.watch.targets.size());
  EXPECT_GE(replied_targets.size(), s.watch.targets.size() - 1);
}

INSTANTIATE_TEST_SUITE_P(Seeds, ReplySpam, ::testing::Values(1, 1001));

class FanLookalikes : public ::testing::TestWithParam<uint64_t> {};

TEST_P(FanLookalikes, FansWithHistoryReplyToOneMpInTheirOwnWords) {
  const Scenario& s = Generated("fan-replies", GetParam());
  EXPECT_TRUE(s.key.operations.empty());
  ASSERT_EQ(s.key.lookalike_networks.size(), 1u);
  const KeyLookalikeNetwork& fans = s.key.lookalike_networks[0];
  EXPECT_EQ(fans.pattern, "fan-replies");
  EXPECT_GE(fans.accounts.size(), 25u);
  const std::set<std::string> members(fans.accounts.begin(), fans.accounts.end());
  const auto by_key = ByKey(s);
  const auto first = FirstPosts(s);
  std::set<std::string> targets, texts;
  int64_t replies = 0;
  std::map<std::string, int64_t> first_reply;
  for (const Post& p : s.posts) {
    if (!members.count(AccountOf(p)) || p.reply_to.empty()) continue;
    targets.insert(RepliedTarget(s, p, by_key));
    texts.insert(p.text);
    first_reply.try_emplace(AccountOf(p), p.published_at);
    const Post& parent = *by_key.at(p.platform + ":" + p.ReplyToPost());
    EXPECT_LE(p.published_at - parent.published_at, 12 * kHour);
    ++replies;
  }
  EXPECT_EQ(targets, std::set<std::string>{fans.targets.at(0)});
  EXPECT_GT(replies, 50);
  EXPECT_GE(static_cast<double>(texts.size()), 0.3 * static_cast<double>(replies));  // their own words
  // History: seen from the data's first week, with everyday posts of their own besides the replies.
  std::map<std::string, int64_t> everyday;
  for (const Post& p : s.posts) everyday[AccountOf(p)] += members.count(AccountOf(p)) && p.reply_to.empty();
  const int64_t data_start = s.posts.front().published_at;
  int64_t with_history = 0;
  for (const auto& [account, at] : first_reply)
    with_history += first.at(account) < data_start + 7 * kDay && everyday[account] >= 5;
  EXPECT_GE(with_history * 10, static_cast<int64_t>(first_reply.size()) * 8);
}

TEST_P(FanLookalikes, SupportersShareOneLinkWithinTheHour) {
  const Scenario& s = Generated("fan-link-sharing", GetParam());
  ASSERT_EQ(s.key.lookalike_networks.size(), 1u);
  const KeyLookalikeNetwork& fans = s.key.lookalike_networks[0];
  EXPECT_EQ(fans.pattern, "fan-link-sharing");
  const std::set<std::string> members(fans.accounts.begin(), fans.accounts.end());
  const auto by_key = ByKey(s);
  std::map<std::string, int64_t> per_link;
  for (size_t i = 0; i < s.posts.size(); ++i) {
    const Post& p = s.posts[i];
    if (!members.count(AccountOf(p)) || p.links.empty()) continue;
    const Post& report = *by_key.at(s.truth[i].amplified);
    EXPECT_EQ(p.links[0], report.url);
    EXPECT_LE(p.published_at - report.published_at, kHour);
    ++per_link[p.links[0]];
  }
  EXPECT_GE(per_link.size(), 8u);
  for (const auto& [link, shares] : per_link) EXPECT_GE(shares, 2) << link;
}

INSTANTIATE_TEST_SUITE_P(Seeds, FanLookalikes, ::testing::Values(1, 1001));

TEST(Holidays, CanadianLongWeekendsFallOnTheirDays) {
  const std::vector<Holiday> h = CanadianHolidays(2023);
  auto find = [&](const std::string& label) {
    return *std::find_if(h.begin(), h.end(), [&](const Holiday& x) { return x.label == label; });
  };
  EXPECT_EQ(find("Labour Day weekend").first, (CivilDate{2023, 9, 2}));
  EXPECT_EQ(find("Labour Day weekend").last, (CivilDate{2023, 9, 4}));
  EXPECT_EQ(find("Easter long weekend").first, (CivilDate{2023, 4, 7}));  // Good Friday
  EXPECT_EQ(find("Victoria Day weekend").last, (CivilDate{2023, 5, 22}));
  EXPECT_EQ(find("Thanksgiving weekend").last, (CivilDate{2023, 10, 9}));
  EXPECT_EQ(find("Family Day weekend").last, (CivilDate{2023, 2, 20}));
}

}  // namespace
}  // namespace vigil::scenarios
