// The generated example case: reproducible from its seed, equal to the committed example, and carrying the
// structures the case describes — measured from the written output, as Vigil will read it.
#include "examplegen/generate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "examplegen/test_reader.h"
#include "tests/testutil/shared_data.h"
#include "vigil/watch_config.h"

namespace vigil::examplegen {
namespace {

using testing::ChinaDate;
using testing::ParseCsv;
using testing::ParseJsonl;
using testing::Record;

struct Output {
  std::string jsonl;
  std::string csv;
  GenStats stats;
};

Output Generate(GenOptions options) {
  Output out;
  StringSink a(&out.jsonl), b(&out.csv);
  JsonlWriter wechat(a);
  CsvWriter other(b);
  SplitWriter split(wechat, other);
  auto stats = GenerateCase(options, split);
  EXPECT_TRUE(stats.ok()) << stats.status().ToString();
  if (stats.ok()) out.stats = *stats;
  return out;
}

// The default case, generated once and parsed back.
struct Case {
  Output out;
  std::vector<Record> wechat;
  std::vector<Record> other;
};

const Case& DefaultCase() {
  static const Case* kCase = [] {
    auto* c = new Case;
    c->out = Generate({});
    c->wechat = ParseJsonl(c->out.jsonl);
    c->other = ParseCsv(c->out.csv);
    return c;
  }();
  return *kCase;
}

bool Mentions(const Record& r, std::initializer_list<const char*> aliases) {
  for (const char* a : aliases) {
    if (r.title.find(a) != std::string::npos || r.text.find(a) != std::string::npos) return true;
  }
  return false;
}

bool MentionsCarneyZh(const Record& r) { return Mentions(r, {"卡尼"}); }

bool IsStateMedia(const std::string& account) {
  static const std::set<std::string> kStateMedia = {"peoples-daily", "xinhua", "global-times", "cgtn", "cctv-news"};
  return kStateMedia.count(account) > 0;
}

bool IsAmplifier(const std::string& account) { return account.rfind("wx-amp-", 0) == 0; }

double Median(std::vector<int64_t> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : static_cast<double>(v[v.size() / 2]);
}

TEST(GenerateCase, SameSeedGivesByteIdenticalOutputAndAnotherSeedDiffers) {
  const Output a = Generate({});
  const Output b = Generate({});
  EXPECT_EQ(a.jsonl, b.jsonl);
  EXPECT_EQ(a.csv, b.csv);
  GenOptions other;
  other.seed = 2026;
  const Output c = Generate(other);
  EXPECT_NE(a.jsonl, c.jsonl);
  EXPECT_NE(a.csv, c.csv);
}

TEST(GenerateCase, CommittedExampleEqualsTheGeneratorsOutput) {
  const Case& c = DefaultCase();
  const std::string jsonl = testutil::ReadFile(testutil::SourcePath("examples/carney-2025/posts.jsonl"));
  const std::string csv = testutil::ReadFile(testutil::SourcePath("examples/carney-2025/posts-other.csv"));
  ASSERT_FALSE(jsonl.empty()) << "examples/carney-2025/posts.jsonl missing";
  EXPECT_TRUE(jsonl == c.out.jsonl) << "examples/carney-2025/posts.jsonl drifted: run scripts/generate-example.sh";
  EXPECT_TRUE(csv == c.out.csv) << "examples/carney-2025/posts-other.csv drifted: run scripts/generate-example.sh";
  EXPECT_LT(jsonl.size() + csv.size(), 3u * 1024 * 1024) << "the example must stay small";
}

TEST(GenerateCase, EveryRecordIsWellFormedWithUniqueIdsAndRealisticUrls) {
  const Case& c = DefaultCase();
  EXPECT_EQ(static_cast<int64_t>(c.wechat.size() + c.other.size()), c.out.stats.posts);
  EXPECT_GT(c.out.stats.posts, 3000);
  std::set<std::string> keys;
  int64_t previous = 0;
  for (const Record& r : c.wechat) {
    EXPECT_TRUE(keys.insert(r.platform + ":" + r.id).second) << "duplicate id " << r.id;
    EXPECT_EQ(r.platform, "wechat");
    EXPECT_EQ(r.url.rfind("https://mp.weixin.qq.com/s/", 0), 0u) << r.url;
    EXPECT_NE(r.published_text.find("+08:00"), std::string::npos) << r.published_text;
    EXPECT_GE(r.published_at, previous) << "posts are in time order";
    previous = r.published_at;
  }
  std::set<std::string> platforms;
  for (const Record& r : c.other) {
    EXPECT_TRUE(keys.insert(r.platform + ":" + r.id).second) << "duplicate id " << r.id;
    platforms.insert(r.platform);
    if (r.platform == "x") {
      EXPECT_EQ(r.url, "https://x.com/" + r.account_id + "/status/" + r.id);
    }
  }
  EXPECT_EQ(platforms, (std::set<std::string>{"x", "facebook", "telegram", "weibo"}));
  // The two periods, and nothing outside them.
  for (const Record& r : c.wechat) {
    const std::string d = ChinaDate(r.published_at);
    EXPECT_TRUE((d >= "2023-04-01" && d <= "2023-06-15") || (d >= "2024-12-01" && d <= "2025-04-30")) << d;
  }
}

TEST(GenerateCase, YouliCarneyClustersOnMarch10And25DrawOutsizedInteractions) {
  const Case& c = DefaultCase();
  std::map<std::string, int> per_day;
  int64_t max_exact_views = 0;
  int carney_articles = 0;
  for (const Record& r : c.wechat) {
    if (r.account_id != "youli-youmian" || !MentionsCarneyZh(r)) continue;
    ++carney_articles;
    ++per_day[ChinaDate(r.published_at)];
    EXPECT_GE(r.Interactions(), 85000) << r.id;
    EXPECT_LE(r.Interactions(), 130000) << r.id;
    if (r.ViewsExact()) max_exact_views = std::max(max_exact_views, r.ViewsValue());
  }
  EXPECT_GE(per_day["2025-03-10"], 5);
  EXPECT_LE(per_day["2025-03-10"], 8);
  EXPECT_GE(per_day["2025-03-25"], 5);
  EXPECT_LE(per_day["2025-03-25"], 8);
  EXPECT_GE(carney_articles, per_day["2025-03-10"] + per_day["2025-03-25"] + 3) << "a few scattered ones too";
  EXPECT_GE(max_exact_views, 2800000) << "up to 3 million views";
  EXPECT_LE(max_exact_views, 3000000);
}

TEST(GenerateCase, ClustersCarryConflictingNarratives) {
  const Case& c = DefaultCase();
  int praise = 0, attack = 0;
  for (const Record& r : c.wechat) {
    if (r.account_id != "youli-youmian" || !MentionsCarneyZh(r)) continue;
    const std::string day = ChinaDate(r.published_at);
    if (day == "2025-03-10" && Mentions(r, {"特朗普", "主权", "支持", "掌声"})) ++praise;
    if (day == "2025-03-25" && Mentions(r, {"缺乏从政经验", "高盛", "政策失误", "不可信", "质疑"})) ++attack;
  }
  EXPECT_GE(praise, 5);
  EXPECT_GE(attack, 5);
}

TEST(GenerateCase, AmplifiersRepostTheMainArticlesWithinMinutes) {
  const Case& c = DefaultCase();
  std::map<std::string, const Record*> by_id;
  for (const Record& r : c.wechat) by_id[r.id] = &r;
  // For each Youli Carney article: the amplifiers that reposted it within 10 minutes.
  std::map<std::string, std::set<std::string>> fast_reposters;
  for (const Record& r : c.wechat) {
    if (r.repost_of.empty()) continue;
    ASSERT_TRUE(by_id.count(r.repost_of)) << r.id << " reposts a missing post";
    const Record& source = *by_id[r.repost_of];
    EXPECT_EQ(r.links, std::vector<std::string>{source.url});
    EXPECT_TRUE(IsAmplifier(r.account_id)) << r.account_id;
    EXPECT_GE(r.published_at - source.published_at, 30);
    if (source.account_id == "youli-youmian" && MentionsCarneyZh(source) &&
        r.published_at - source.published_at <= 600) {
      fast_reposters[source.id].insert(r.account_id);
    }
  }
  std::map<std::string, size_t> best_per_day;
  for (const auto& [id, accounts] : fast_reposters) {
    const std::string day = ChinaDate(by_id[id]->published_at);
    best_per_day[day] = std::max(best_per_day[day], accounts.size());
  }
  EXPECT_GE(best_per_day["2025-03-25"], 28u) << "~30 accounts repost the 03-25 main article within minutes";
  EXPECT_GE(best_per_day["2025-03-10"], 25u);
}

TEST(GenerateCase, AmplifiersOtherwisePostRarely) {
  const Case& c = DefaultCase();
  std::map<std::string, int> own_posts;
  for (const Record& r : c.wechat) {
    if (IsAmplifier(r.account_id) && r.repost_of.empty()) ++own_posts[r.account_id];
  }
  ASSERT_GE(own_posts.size(), 25u);
  for (const auto& [account, n] : own_posts) EXPECT_LT(n, 40) << account << " posts too often to look small";
}

TEST(GenerateCase, StateMediaFormABaselineNearThirtyThousand) {
  const Case& c = DefaultCase();
  std::vector<int64_t> interactions;
  std::map<std::string, std::set<std::string>> days;
  std::map<std::string, int> posts;
  int censored = 0;
  for (const Record& r : c.wechat) {
    if (!IsStateMedia(r.account_id)) continue;
    interactions.push_back(r.Interactions());
    days[r.account_id].insert(ChinaDate(r.published_at));
    ++posts[r.account_id];
    censored += r.metrics.count("views") && r.metrics.at("views") == "10万+";
  }
  ASSERT_EQ(posts.size(), 5u);
  EXPECT_NEAR(Median(interactions), 30000, 2500);
  EXPECT_GT(censored, static_cast<int>(interactions.size()) / 2) << "views \"10万+\" often";
  for (const auto& [account, n] : posts) {
    const double per_day = static_cast<double>(n) / static_cast<double>(days[account].size());
    EXPECT_GE(per_day, 2.0) << account;
    EXPECT_LE(per_day, 4.0) << account;
  }
  // Outsized relative to the baseline: no state-media post reaches the Carney articles' floor... almost.
  const auto above = std::count_if(interactions.begin(), interactions.end(), [](int64_t v) { return v >= 85000; });
  EXPECT_LE(above, 3);
}

TEST(GenerateCase, YouliOrdinaryPostsHaveTheirOwnHistory) {
  const Case& c = DefaultCase();
  std::vector<int64_t> ordinary;
  for (const Record& r : c.wechat) {
    if (r.account_id == "youli-youmian" && !Mentions(r, {"卡尼", "庄文浩", "莊文浩", "方慧", "弗里"})) {
      ordinary.push_back(r.Interactions());
    }
  }
  EXPECT_GT(ordinary.size(), 200u);
  EXPECT_GE(Median(ordinary), 35000);
  EXPECT_LE(Median(ordinary), 45000);
}

TEST(GenerateCase, WechatReadsAreCensoredExceptPublishedAnalytics) {
  const Case& c = DefaultCase();
  for (const Record& r : c.wechat) {
    if (!r.ViewsExact() || r.ViewsValue() < 100000) continue;
    EXPECT_EQ(r.account_id, "youli-youmian") << r.id << " shows exact reads past 10万";
    EXPECT_TRUE(MentionsCarneyZh(r)) << r.id;
  }
}

TEST(GenerateCase, ChongCampaignNetworkIsAboutAThirdStateMedia) {
  const Case& c = DefaultCase();
  std::set<std::string> accounts;
  bool youli = false;
  for (const Record& r : c.wechat) {
    const std::string d = ChinaDate(r.published_at);
    if (d < "2023-05-04" || d > "2023-05-13" || !Mentions(r, {"庄文浩", "莊文浩"})) continue;
    if (r.account_id.rfind("wx-news-", 0) == 0) continue;  // organic local news
    accounts.insert(r.account_id);
    youli |= r.account_id == "youli-youmian";
  }
  EXPECT_TRUE(youli);
  const auto state = std::count_if(accounts.begin(), accounts.end(), IsStateMedia);
  ASSERT_GE(accounts.size(), 12u);
  const double share = static_cast<double>(state) / static_cast<double>(accounts.size());
  EXPECT_GT(share, 0.25);
  EXPECT_LT(share, 0.45);
}

TEST(GenerateCase, FreelandCampaignSpansOverThirtyAccountsAndOver140kInteractions) {
  const Case& c = DefaultCase();
  std::set<std::string> accounts;
  int64_t interactions = 0;
  for (const Record& r : c.wechat) {
    const std::string d = ChinaDate(r.published_at);
    if (d < "2025-01-29" || d > "2025-02-03") continue;
    if (!Mentions(r, {"方慧兰", "方慧蘭", "弗里兰", "弗里蘭"}) || r.account_id.rfind("wx-news-", 0) == 0) continue;
    accounts.insert(r.account_id);
    interactions += r.Interactions();
  }
  EXPECT_GT(accounts.size(), 30u);
  EXPECT_GT(interactions, 140000);
  EXPECT_TRUE(accounts.count("youli-youmian"));
}

TEST(GenerateCase, OrganicChatterRisesMildlyOnEventDays) {
  const Case& c = DefaultCase();
  static const std::set<std::string> kEventDays = {"2023-05-01", "2023-05-08", "2025-01-06", "2025-01-16",
                                                   "2025-01-17", "2025-03-09", "2025-03-23", "2025-04-28"};
  // Organic posts only: other platforms and the unrelated WeChat local-news accounts; every case day counts,
  // including days without a political post.
  std::map<std::string, int> political;
  for (const Record& r : c.wechat) political.try_emplace(ChinaDate(r.published_at), 0);
  auto count = [&](const Record& r) {
    if (Mentions(r, {"Carney", "Poilievre", "Singh", "Trudeau", "Freeland", "Chong", "卡尼", "博励治", "博勵治",
                     "普瓦利耶", "驵勉诚", "辛格", "杜鲁多", "特鲁多", "方慧兰", "方慧蘭", "庄文浩"})) {
      ++political[ChinaDate(r.published_at)];
    }
  };
  for (const Record& r : c.other) count(r);
  for (const Record& r : c.wechat) {
    if (r.account_id.rfind("wx-news-", 0) == 0) count(r);
  }
  double event_sum = 0, other_sum = 0;
  int event_n = 0, other_n = 0;
  for (const auto& [day, n] : political) {
    if (kEventDays.count(day)) {
      event_sum += n;
      ++event_n;
    } else {
      other_sum += n;
      ++other_n;
    }
  }
  ASSERT_EQ(event_n, 8);
  const double ratio = (event_sum / event_n) / (other_sum / other_n);
  RecordProperty("event_day_ratio", std::to_string(ratio));
  EXPECT_GT(ratio, 1.2) << "a rise on event days";
  EXPECT_LT(ratio, 3.0) << "mild, not tenfold";
}

TEST(GenerateCase, AmbiguousShortFormsFrenchAndMissingLanguagesArePresent) {
  const Case& c = DefaultCase();
  int ambiguous_en = 0, french_carney = 0, no_lang = 0;
  for (const Record& r : c.other) {
    ambiguous_en += Mentions(r, {"Carney Road", "Carney Street", "Rovers", "Carney's Pub", "Sophie Carney"});
    french_carney += r.lang == "fr" && Mentions(r, {"« Mark Carney"});
    no_lang += !r.has_lang;
  }
  int ambiguous_zh = 0;
  for (const Record& r : c.wechat) ambiguous_zh += Mentions(r, {"卡尼市", "前锋卡尼", "卡尼梅开"});
  EXPECT_GT(ambiguous_en, 5);
  EXPECT_GT(ambiguous_zh, 3);
  EXPECT_GT(french_carney, 3);
  EXPECT_GT(no_lang, 10);
  // Name variants a matcher must normalise.
  int traditional = 0, odd_separator = 0;
  for (const Record& r : c.wechat) {
    traditional += Mentions(r, {"馬克·卡尼"});
    odd_separator += Mentions(r, {"马克 卡尼", "马克•卡尼"});
  }
  EXPECT_GT(traditional, 0);
  EXPECT_GT(odd_separator, 0);
}

TEST(GenerateCase, TargetPostsGivesExactlyThatManyAndKeepsTheCaseIntact) {
  GenOptions options;
  options.target_posts = 20000;
  const Output big = Generate(options);
  EXPECT_EQ(big.stats.posts, 20000);
  const auto wechat = ParseJsonl(big.jsonl);
  const auto other = ParseCsv(big.csv);
  EXPECT_EQ(wechat.size() + other.size(), 20000u);
  // The operation's and state media's posts are the same at any volume.
  auto core_lines = [](const std::string& jsonl) {
    std::vector<std::string> lines;
    std::istringstream in(jsonl);
    for (std::string line; std::getline(in, line);) {
      if (line.find("\"account_id\":\"youli-youmian\"") != std::string::npos ||
          line.find("\"account_id\":\"wx-amp-") != std::string::npos) {
        lines.push_back(line);
      }
    }
    return lines;
  };
  EXPECT_EQ(core_lines(big.jsonl), core_lines(DefaultCase().out.jsonl));
  // More background accounts, not a few hyperactive ones.
  std::set<std::string> x_accounts;
  for (const Record& r : other) {
    if (r.platform == "x") x_accounts.insert(r.account_id);
  }
  EXPECT_GT(x_accounts.size(), 300u);
}

TEST(GenerateCase, RefusesImpossibleOptions) {
  CountingWriter writer;
  GenOptions too_few;
  too_few.target_posts = 10;
  auto r = GenerateCase(too_few, writer);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  GenOptions bad_scale;
  bad_scale.scale = 0;
  EXPECT_FALSE(GenerateCase(bad_scale, writer).ok());
  EXPECT_FALSE(ParseOutputFormat("xml").ok());
}

TEST(ExampleWatchConfig, LoadsAndCoversTheAttestedChineseAliases) {
  auto config = LoadWatchConfig(testutil::SourcePath("examples/carney-2025/watch.yaml"));
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->targets.size(), 6u);
  EXPECT_EQ(config->events.size(), 8u);
  ASSERT_NE(config->FindActor("wechat", "youli-youmian"), nullptr);
  EXPECT_EQ(config->FindActor("wechat", "youli-youmian")->affiliation, Affiliation::kStateLinked);
  ASSERT_EQ(config->peer_groups.size(), 1u);
  for (const AccountRef& m : config->peer_groups[0].members) {
    const Actor* actor = config->FindActor(m.platform, m.account_id);
    ASSERT_NE(actor, nullptr) << m.account_id;
    EXPECT_EQ(actor->affiliation, Affiliation::kStateMedia);
  }

  VIGIL_REQUIRE_SHARED_DATA("canadian-politicians-zh-aliases/aliases.tsv");
  const std::map<std::string, std::string> kPersonToTarget = {
      {"Mark Carney", "carney"},         {"Michael Chong", "chong"},   {"Chrystia Freeland", "freeland"},
      {"Pierre Poilievre", "poilievre"}, {"Jagmeet Singh", "singh"},   {"Justin Trudeau", "trudeau"}};
  std::istringstream tsv(testutil::ReadFile(testutil::SharedDataPath("canadian-politicians-zh-aliases/aliases.tsv")));
  std::string line;
  std::getline(tsv, line);  // header
  int checked = 0;
  while (std::getline(tsv, line)) {
    std::vector<std::string> cols;
    std::istringstream fields(line);
    for (std::string f; std::getline(fields, f, '\t');) cols.push_back(f);
    if (cols.size() < 3 || !kPersonToTarget.count(cols[0])) continue;
    const Target* target = config->FindTarget(kPersonToTarget.at(cols[0]));
    ASSERT_NE(target, nullptr);
    EXPECT_NE(std::find(target->aliases.begin(), target->aliases.end(), cols[2]), target->aliases.end())
        << cols[0] << " alias " << cols[2] << " missing from watch.yaml";
    ++checked;
  }
  EXPECT_GE(checked, 30);
}

}  // namespace
}  // namespace vigil::examplegen
