// Network operations through the whole analysis: a reply-spam network commenting on ten MPs' own accounts
// with one accusation in English and French over a long weekend is one operation naming every target, with
// its signals and a high severity; a fan community replying to its MP every day stays low, and readers
// sharing one news link in the same hour form no operation.
#include "network/operations.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "vigil/analyze.h"

namespace vigil {
namespace {

constexpr int64_t kSaturday = 1693612800;  // 2023-09-02T00:00:00Z, the Labour Day long weekend
constexpr int64_t kHour = 3600, kDay = 86400;
constexpr int kMps = 10, kBots = 12, kFans = 8, kSharers = 6;

struct Corpus {
  WatchConfig config;
  std::vector<Post> posts;

  void Add(const std::string& account, const std::string& name, int64_t at, const std::string& text,
           const std::string& reply_to = "", const std::string& link = "") {
    Post p;
    p.platform = "x";
    p.id = account + "-" + std::to_string(posts.size());
    p.account_id = account;
    p.account_name = name;
    p.published_at = at;
    p.text = text;
    p.reply_to = reply_to;
    if (!link.empty()) p.links = {link};
    posts.push_back(std::move(p));
  }
};

Corpus LongWeekend() {
  Corpus c;
  for (int mp = 0; mp < kMps; ++mp) {
    const std::string id = "mp" + std::to_string(mp);
    c.config.targets.push_back({id, "Member " + std::to_string(mp), "", {"Member " + std::to_string(mp)}});
    c.config.target_accounts.push_back({id, {"x", id + "_office"}});
  }
  c.config.events.push_back({{2023, 9, 4}, "Labour Day", ""});
  // The network: new accounts named in series, each commenting on every MP's account, the pace rising.
  for (int bot = 0; bot < kBots; ++bot) {
    const std::string account = "bot" + std::to_string(bot);
    const std::string name = "Maple_Voice" + std::to_string(1000 + bot);
    for (int mp = 0; mp < kMps; ++mp) {
      const int64_t at = kSaturday + (mp % 3) * kDay + mp * kHour + bot * 120;
      const bool french = (bot + mp) % 2 == 1;
      c.Add(account, name, at,
            french ? "Vous avez pris l'argent de Pékin. Démissionnez, honte à vous !"
                   : "You took money from Beijing. Resign now, shame on you!",
            "@mp" + std::to_string(mp) + "_office");
    }
  }
  // Fans of MP 0: three weeks of history, then a reply each day within the hour of the MP's post, each in
  // words of their own (five parts drawn independently, so no two fans write the same sentence).
  const char* parts[5][8] = {{"Thanks for", "Loved", "So glad about", "Proud of", "Great job on", "Cheering",
                              "Really appreciated", "Happy to see"},
                             {"the town hall", "your transit answer", "the seniors visit", "the farm tour",
                              "the lunch plan", "the clinic news", "the ferry fix", "the library reopening"},
                             {"in Wellington", "downtown", "last night", "this morning", "on the radio", "at the arena",
                              "by the river", "near our school"},
                             {"my whole family agrees", "keep going", "a longtime volunteer here", "our street noticed",
                              "cheers from the market", "well done again", "we owe you coffee", "see you Sunday"},
                             {"!", " :)", " 👏", ".", " - Bea", " #riding", " 🇨🇦", "!!"}};
  uint32_t draw = 12345;
  auto next = [&draw] { return (draw = draw * 1103515245u + 12345u) >> 16; };
  for (int fan = 0; fan < kFans; ++fan) {
    const std::string account = "fan_" + std::string(1, static_cast<char>('a' + fan));
    for (int day = 0; day < 20; ++day) {
      const int64_t at = kSaturday - 18 * kDay + day * kDay + 15 * kHour + fan * 240;
      std::string text;
      for (int part = 0; part < 5; ++part)
        text += (part == 0 || part == 4 ? "" : " ") + std::string(parts[part][next() % 8]);
      c.Add(account, "Fan " + account, at, text, "@mp0_office");
    }
  }
  // Ordinary readers sharing the same news story within the hour, each in their own words.
  for (int reader = 0; reader < kSharers; ++reader) {
    c.Add("reader" + std::to_string(reader), "Reader", kSaturday + 9 * kHour + reader * 400,
          "Worth reading about Member 3 and the committee, my take number " + std::to_string(reader), "",
          "https://news.example/2023/09/02/committee");
  }
  return c;
}

AnalysisReport Analyze(const Corpus& corpus) {
  AnalyzeOptions options;
  options.text_models = false;
  auto report = AnalyzePosts(corpus.posts, corpus.config, options);
  EXPECT_TRUE(report.ok()) << report.status().ToString();
  return *std::move(report);
}

const Operation* OperationWith(const AnalysisReport& report, const std::string& account) {
  for (const Operation& op : report.operations) {
    for (const OperationAccount& a : op.accounts) {
      if (a.account == account) return &op;
    }
  }
  return nullptr;
}

const NetworkSignal& SignalOf(const Operation& op, const std::string& name) {
  const auto it = std::find_if(op.signals.begin(), op.signals.end(), [&](const auto& s) { return s.signal == name; });
  EXPECT_NE(it, op.signals.end()) << name;
  return *it;
}

TEST(NetworkOperations, AReplySpamNetworkIsOneOperationAgainstEveryTarget) {
  const AnalysisReport report = Analyze(LongWeekend());
  const Operation* op = OperationWith(report, "x:bot0");
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(op->accounts.size(), static_cast<size_t>(kBots));
  EXPECT_EQ(op->targets.size(), static_cast<size_t>(kMps));
  for (const OperationTarget& t : op->targets) {
    EXPECT_EQ(t.accounts, kBots) << t.target_id;
    EXPECT_EQ(t.replies, kBots) << t.target_id;
  }
  for (const OperationAccount& a : op->accounts) EXPECT_EQ(a.role, NetworkRole::kReplier) << a.account;
  EXPECT_GT(op->stance.against, op->stance.favor);
  EXPECT_TRUE(SignalOf(*op, "text-templates").present);
  EXPECT_TRUE(SignalOf(*op, "reply-burst-new-accounts").present);
  EXPECT_TRUE(SignalOf(*op, "named-in-series").present);
  EXPECT_TRUE(SignalOf(*op, "many-targets").present);
  EXPECT_EQ(op->reach_outside, 0);
  EXPECT_GE(op->severity, 50) << "high without any engagement or declared actor";
  EXPECT_TRUE(op->attribution.empty());
}

TEST(NetworkOperations, FansReplyingToTheirMpStayLowAndSharersOfOneLinkAreNoOperation) {
  const AnalysisReport report = Analyze(LongWeekend());
  const Operation* fans = OperationWith(report, "x:fan_a");
  ASSERT_NE(fans, nullptr) << "they do reply together every day: the network is real, the harm is not";
  EXPECT_EQ(fans->targets.size(), 1u);
  EXPECT_FALSE(SignalOf(*fans, "text-templates").present);
  EXPECT_FALSE(SignalOf(*fans, "reply-burst-new-accounts").present);
  EXPECT_EQ(fans->level, SeverityLevel::kLow) << fans->severity;
  EXPECT_EQ(OperationWith(report, "x:reader0"), nullptr);
}

TEST(NetworkOperations, ADeclaredMemberAttributesTheOperationAndLinksItsIncident) {
  Corpus corpus = LongWeekend();
  corpus.config.actors.push_back({"x", "bot0", "Maple_Voice1000", Affiliation::kStateLinked, "CN", "", ""});
  const AnalysisReport report = Analyze(corpus);
  const Operation* op = OperationWith(report, "x:bot0");
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(op->declared_actors, std::vector<std::string>{"x:bot0"});
  ASSERT_FALSE(op->attribution.empty());
  EXPECT_NE(op->attribution[0].find("state-linked, CN"), std::string::npos) << op->attribution[0];
  EXPECT_GE(op->severity, 70);
  for (const Incident& incident : report.incidents) {
    EXPECT_EQ(incident.operation_id, op->id);
    EXPECT_NE(std::find(op->incident_ids.begin(), op->incident_ids.end(), incident.id), op->incident_ids.end());
  }
}

TEST(NetworkOperations, TheSameCorpusGivesTheSameOperations) {
  const AnalysisReport a = Analyze(LongWeekend());
  const AnalysisReport b = Analyze(LongWeekend());
  ASSERT_EQ(a.operations.size(), b.operations.size());
  for (size_t i = 0; i < a.operations.size(); ++i) {
    EXPECT_EQ(a.operations[i].id, b.operations[i].id);
    EXPECT_EQ(a.operations[i].severity, b.operations[i].severity);
  }
}

}  // namespace
}  // namespace vigil
