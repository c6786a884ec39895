// Tests for the CSV adapters on the real shared files (IRA tweets, CooRTweet tables, CrowdTangle shares)
// and on small hand-made files for the layouts without a shared sample.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "common/time.h"
#include "ingest/adapters/adapters.h"
#include "ingest/adapters/collecting_sink.h"
#include "ingest/csv_rows.h"
#include "tests/testutil/shared_data.h"

namespace vigil::adapters {
namespace {

constexpr char kIraFile[] = "ira-russian-troll-tweets-2016-election-window/ira_tweets_2016-11-01_2016-11-15.csv";
constexpr char kRussianCoord[] = "coortweet-sample/russian_coord_tweets.csv";
constexpr char kGermanElections[] = "coortweet-sample/german_elections.csv";
constexpr char kGermanUrls[] = "coortweet-sample/german_elections_urls.csv";
constexpr char kCtShares[] = "crowdtangle-api-samples/ct_shares.csv";
constexpr char kCtFlat[] = "crowdtangle-api-samples/ct_shares_telesur_flat.csv";

int64_t Utc(const char* rfc3339) { return ParseTimestamp(rfc3339).value().unix_seconds; }

size_t DistinctAccounts(const std::vector<Post>& posts) {
  std::set<std::string> accounts;
  for (const auto& p : posts) accounts.insert(p.account_id);
  return accounts.size();
}

bool HasLink(const Post& post, const std::string& link) {
  return std::find(post.links.begin(), post.links.end(), link) != post.links.end();
}

TEST(IraAdapterTest, ReadsEveryRowOfTheRealElectionWindowFile) {
  VIGIL_REQUIRE_SHARED_DATA(kIraFile);
  CollectingSink sink;
  ASSERT_TRUE(ReadIraTweetsCsv(testutil::SharedDataPath(kIraFile), sink).ok());
  EXPECT_TRUE(sink.rejects.empty());
  ASSERT_EQ(sink.posts.size(), 52282u);  // SOURCE.md: 52,282 rows
  // 379 handles and 379 accounts: the source rounded some external_author_id values (731000000000000000
  // stands for WhiteHouseCards and TribunaOnline24, 701000000000000000 for three Novosti accounts), so those
  // accounts are keyed by handle instead of being merged into one.
  std::set<std::string> handles;
  for (const auto& p : sink.posts) handles.insert(p.account_name);
  EXPECT_EQ(handles.size(), 379u);
  EXPECT_EQ(DistinctAccounts(sink.posts), 379u);
  std::map<std::string, std::set<std::string>> ids_of_handle;
  for (const auto& p : sink.posts) ids_of_handle[p.account_name].insert(p.account_id);
  for (const char* handle : {"WhiteHouseCards", "TribunaOnline24", "NovostiNabChel", "NovostiCheb", "NovostiStavrop"})
    EXPECT_EQ(ids_of_handle[handle], std::set<std::string>{handle}) << handle;
  EXPECT_EQ(ids_of_handle["camosaseko"], std::set<std::string>{"1681162956"});  // exact ids are kept
  const Post& first = sink.posts.front();
  EXPECT_EQ(first.platform, "x");
  EXPECT_EQ(first.account_name, "camosaseko");
  EXPECT_EQ(first.account_id, "1681162956");
  EXPECT_EQ(first.published_at, Utc("2016-11-01T00:00:00Z"));
  EXPECT_EQ(first.lang, "en");
  EXPECT_TRUE(first.text.starts_with("And so it begins."));
  EXPECT_TRUE(HasLink(first, "https://t.co/PC8tivIzwU"));
  EXPECT_FALSE(first.repost_of.empty());  // retweet = 1
  EXPECT_EQ(first.source_line, 2);
  const Post& last = sink.posts.back();
  EXPECT_EQ(last.account_name, "OGDeandre");
  EXPECT_EQ(last.published_at, Utc("2016-11-15T23:58:00Z"));
  EXPECT_EQ(last.source_line, 52283);
  const auto retweets = std::count_if(sink.posts.begin(), sink.posts.end(),
                                      [](const Post& p) { return !p.repost_of.empty(); });
  EXPECT_EQ(retweets, 41451);  // rows with retweet = 1
  const auto russian = std::count_if(sink.posts.begin(), sink.posts.end(), [](const Post& p) { return p.lang == "ru"; });
  EXPECT_EQ(russian, 13806);
  // Derived ids are stable and distinct except where a row repeats another in every identifying field.
  std::set<std::string> ids;
  for (const auto& p : sink.posts) ids.insert(p.id);
  EXPECT_EQ(ids.size(), 52282u - 926u);
}

TEST(IraAdapterTest, RoundedAuthorIdsAreRecognisedByTheirTrailingZeros) {
  EXPECT_TRUE(IsRoundedAuthorId("731000000000000000"));
  EXPECT_TRUE(IsRoundedAuthorId("710223000000000000"));  // six significant digits
  EXPECT_FALSE(IsRoundedAuthorId("905874659358453760"));  // a real id (congress_2017_id)
  EXPECT_FALSE(IsRoundedAuthorId("906000000000000002"));
  EXPECT_FALSE(IsRoundedAuthorId("1681162956"));          // ten digits: exact in any double
  EXPECT_FALSE(IsRoundedAuthorId("4000000000"));
  EXPECT_FALSE(IsRoundedAuthorId("abc000000000000000"));
}

TEST(IraAdapterTest, ReadsTheOriginalFiveThirtyEightLayoutAndRejectsABadDate) {
  CollectingSink sink;
  const std::string path = testutil::SourcePath("tests/data/adapters/ira_original_sample.csv");
  ASSERT_TRUE(ReadIraTweetsCsv(path, sink).ok());
  ASSERT_EQ(sink.posts.size(), 2u);
  const Post& troll = sink.posts[1];
  EXPECT_EQ(troll.id, "796000000000000002");
  EXPECT_EQ(troll.account_id, "906000000000000002");
  EXPECT_EQ(troll.account_name, "example_troll");
  EXPECT_EQ(troll.published_at, Utc("2016-11-08T13:09:00Z"));
  EXPECT_EQ(troll.url, "http://twitter.com/906000000000000002/statuses/796000000000000002");
  EXPECT_TRUE(HasLink(troll, "https://example-local-news.com/polls-open"));
  EXPECT_TRUE(HasLink(troll, "https://t.co/x1Y2z3"));
  // A retweet of the same text shares the stand-in original id.
  EXPECT_FALSE(troll.repost_of.empty());
  EXPECT_TRUE(sink.posts[0].repost_of.empty());
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].line, 4);
  EXPECT_EQ(sink.rejects[0].field, "publish_date");
  EXPECT_NE(sink.rejects[0].raw.find("Какая разница"), std::string::npos);
}

TEST(IraAdapterTest, AFileWithoutTheColumnsIsRefusedNamingThem) {
  CollectingSink sink;
  Status status = ReadIraTweetsCsv(testutil::SourcePath("tests/data/adapters/unknown_layout.csv"), sink);
  ASSERT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("publish_date"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("content"), std::string::npos);
  EXPECT_NE(status.message().find("the file has: when, who, what"), std::string::npos);
}

TEST(CoorTweetAdapterTest, ReadsTheRussianRetweetTable) {
  VIGIL_REQUIRE_SHARED_DATA(kRussianCoord);
  CollectingSink sink;
  ASSERT_TRUE(ReadCoorTweetCsv(testutil::SharedDataPath(kRussianCoord), sink).ok());
  EXPECT_TRUE(sink.rejects.empty());
  // 35,125 rows; 40 content ids occur twice, so 35,085 posts.
  ASSERT_EQ(sink.posts.size(), 35085u);
  EXPECT_EQ(DistinctAccounts(sink.posts), 9509u);
  const Post& first = sink.posts.front();
  EXPECT_EQ(first.id, "114e22f1b2b648528277b76f0b0224e7");
  EXPECT_EQ(first.account_id, "0fb4232d1b7b37069c13ee17579bd10e");
  EXPECT_EQ(first.repost_of, "85d2d12251a735ce05255061f7f231e2");
  EXPECT_EQ(first.published_at, 1623881091);
  // Every one of the 7,285 objects is kept: as repost_of, or as a link when a post has a second one.
  std::set<std::string> objects;
  for (const auto& p : sink.posts) {
    objects.insert(p.repost_of);
    for (const auto& link : p.links) objects.insert(link.substr(std::string("urn:coortweet:object:").size()));
  }
  EXPECT_EQ(objects.size(), 7285u);
  // The 39 posts with a second, different object keep it as a link.
  const auto with_second = std::count_if(sink.posts.begin(), sink.posts.end(),
                                         [](const Post& p) { return !p.links.empty(); });
  EXPECT_EQ(with_second, 39);
}

TEST(CoorTweetAdapterTest, MergesTheMultiObjectGermanElectionTableIntoPosts) {
  VIGIL_REQUIRE_SHARED_DATA(kGermanElections);
  CollectingSink sink;
  ASSERT_TRUE(ReadCoorTweetCsv(testutil::SharedDataPath(kGermanElections), sink).ok());
  // 194,324 distinct post_id values, one of them NA: three rows have no post id and are rejected.
  ASSERT_EQ(sink.rejects.size(), 3u);
  EXPECT_EQ(sink.rejects[0].line, 41002);
  EXPECT_EQ(sink.rejects[0].field, "post_id");
  EXPECT_EQ(sink.rejects[0].raw, "fb_45,,,,,,1632141427");
  ASSERT_EQ(sink.posts.size(), 194323u);
  // 58,317 accounts less the three that appear only on those rows; 81,569 facebook rows less those three.
  EXPECT_EQ(DistinctAccounts(sink.posts), 58314u);
  const auto facebook = std::count_if(sink.posts.begin(), sink.posts.end(),
                                      [](const Post& p) { return p.platform == "facebook"; });
  EXPECT_EQ(facebook, 81566);
  size_t objects = 0;
  for (const auto& p : sink.posts) objects += p.links.size();
  EXPECT_EQ(objects, 157568u);
  const Post& first = sink.posts.front();
  EXPECT_EQ(first.id, "129235");
  EXPECT_EQ(first.account_id, "fb_12670");
  EXPECT_EQ(first.published_at, 1629589836);
  EXPECT_TRUE(HasLink(first, "urn:coortweet:url:23678"));
  EXPECT_TRUE(HasLink(first, "urn:coortweet:domain:3498"));
  EXPECT_EQ(first.links.size(), 2u);
}

TEST(CoorTweetAdapterTest, ReadsTheGermanUrlShareTable) {
  VIGIL_REQUIRE_SHARED_DATA(kGermanUrls);
  CollectingSink sink;
  ASSERT_TRUE(ReadCoorTweetCsv(testutil::SharedDataPath(kGermanUrls), sink).ok());
  ASSERT_EQ(sink.posts.size(), 41100u);
  EXPECT_EQ(DistinctAccounts(sink.posts), 14770u);
  const auto twitter = std::count_if(sink.posts.begin(), sink.posts.end(), [](const Post& p) { return p.platform == "x"; });
  EXPECT_EQ(twitter, 25106);
  EXPECT_TRUE(HasLink(sink.posts.front(), "urn:coortweet:url:23678"));
}

TEST(CoorTweetAdapterTest, KeepsGoodRowsAndRejectsBadOnesByLineAndField) {
  CollectingSink sink;
  ASSERT_TRUE(ReadCoorTweetCsv(testutil::SourcePath("tests/data/adapters/coortweet_malformed.csv"), sink).ok());
  ASSERT_EQ(sink.posts.size(), 2u);
  EXPECT_EQ(sink.posts[0].id, "post_1");
  EXPECT_EQ(sink.posts[1].id, "post_5");
  ASSERT_EQ(sink.rejects.size(), 3u);
  EXPECT_EQ(sink.rejects[0].line, 3);
  EXPECT_EQ(sink.rejects[0].field, "timestamp_share");
  EXPECT_EQ(sink.rejects[1].line, 4);
  EXPECT_EQ(sink.rejects[1].field, "account_id");
  EXPECT_EQ(sink.rejects[2].line, 5);
  EXPECT_NE(sink.rejects[2].reason.find("3 fields"), std::string::npos);
}

TEST(TwitterIoAdapterTest, ReadsTheArchiveLayout) {
  CollectingSink sink;
  ASSERT_TRUE(ReadTwitterIoCsv(testutil::SourcePath("tests/data/adapters/twitter_io_sample.csv"), sink).ok());
  ASSERT_EQ(sink.posts.size(), 3u);
  const Post& original = sink.posts[0];
  EXPECT_EQ(original.id, "1101000000000000001");
  EXPECT_EQ(original.account_id, "2901000001");
  EXPECT_EQ(original.account_name, "harbournews_cn");
  EXPECT_EQ(original.published_at, Utc("2025-03-10T02:15:00Z"));
  EXPECT_EQ(original.lang, "zh");
  EXPECT_EQ(original.links, std::vector<std::string>{"https://example-news.cn/2025/03/10/carney-leader"});
  EXPECT_EQ(original.metrics.likes, Count::Exact(850));
  EXPECT_EQ(original.metrics.shares, Count::Exact(310 + 12));  // retweets + quotes
  EXPECT_EQ(original.metrics.comments, Count::Exact(40));
  EXPECT_EQ(original.url, "https://twitter.com/harbournews_cn/status/1101000000000000001");
  const Post& retweet = sink.posts[1];
  EXPECT_EQ(retweet.repost_of, "1101000000000000001");
  EXPECT_EQ(retweet.account_name, "3c5e0a9d7f1b44e2a0c1d2e3f4a5b6c7");  // anonymised account
  const Post& quote = sink.posts[2];
  EXPECT_EQ(quote.repost_of, "1101000000000000001");
  EXPECT_EQ(quote.links, (std::vector<std::string>{"https://t.co/QqQq99", "https://example.org/analysis"}));
  ASSERT_EQ(sink.rejects.size(), 3u);
  EXPECT_EQ(sink.rejects[0].field, "tweet_time");
  EXPECT_EQ(sink.rejects[0].line, 5);
  EXPECT_EQ(sink.rejects[1].field, "like_count");
  EXPECT_EQ(sink.rejects[2].line, 7);
}

// A reply is kept as the account replied to (whose page it was left on); the tweet only when the archive
// leaves the account out.
TEST(TwitterIoAdapterTest, RepliesNameTheAccountRepliedToElseTheTweet) {
  CollectingSink sink;
  ASSERT_TRUE(ReadTwitterIoCsv(testutil::SourcePath("tests/data/adapters/twitter_io_replies.csv"), sink).ok());
  ASSERT_EQ(sink.posts.size(), 2u);
  EXPECT_TRUE(sink.rejects.empty());
  EXPECT_EQ(sink.posts[0].reply_to, "@2901000009");
  EXPECT_EQ(sink.posts[0].ReplyToAccount(), "2901000009");
  EXPECT_EQ(sink.posts[1].ReplyToPost(), "1169000000000000001");
}

TEST(TwitterIoAdapterTest, PostsThatReplyToNothingHaveNoReplyTo) {
  CollectingSink sink;
  ASSERT_TRUE(ReadTwitterIoCsv(testutil::SourcePath("tests/data/adapters/twitter_io_sample.csv"), sink).ok());
  for (const Post& post : sink.posts) EXPECT_TRUE(post.reply_to.empty()) << post.id;
}

// ct_shares.csv has one row per (post, shared URL): 1,684 rows for 1,058 posts. Rows of one post are merged
// into one post carrying every URL it shared.
TEST(CrowdTangleAdapterTest, ReadsCooRnetShareTableOnePostPerIdWithAllItsUrls) {
  VIGIL_REQUIRE_SHARED_DATA(kCtShares);
  CollectingSink sink;
  ASSERT_TRUE(ReadCrowdTangle(testutil::SharedDataPath(kCtShares), sink).ok());
  EXPECT_TRUE(sink.rejects.empty());
  ASSERT_EQ(sink.posts.size(), 1058u);
  std::set<std::string> ids;
  for (const auto& p : sink.posts) ids.insert(p.id);
  EXPECT_EQ(ids.size(), 1058u);
  EXPECT_EQ(DistinctAccounts(sink.posts), 407u);
  std::set<std::string> urls;
  size_t links = 0;
  for (const auto& p : sink.posts) {
    urls.insert(p.links.begin(), p.links.end());
    links += p.links.size();
  }
  EXPECT_EQ(urls.size(), 1156u);
  EXPECT_EQ(links, 1683u);  // 1,684 rows, one of which repeats another (same post, same URL)
  const Post& first = sink.posts.front();
  EXPECT_EQ(first.id, "82580949333");
  EXPECT_EQ(first.platform, "facebook");
  EXPECT_EQ(first.account_id, "300176403665207");
  EXPECT_EQ(first.account_name, "Periódico ¡ahora!");
  EXPECT_EQ(first.published_at, Utc("2017-01-13T21:41:10Z"));
  EXPECT_TRUE(first.links[0].starts_with("http://www.cubadebate.cu/noticias/2017/01/12/"));
  // A post of upmedia.mg that shared four of its articles at once keeps all four.
  const auto most = std::max_element(sink.posts.begin(), sink.posts.end(),
                                     [](const Post& a, const Post& b) { return a.links.size() < b.links.size(); });
  EXPECT_GE(most->links.size(), 4u);
}

TEST(CrowdTangleAdapterTest, ARowReusingAPostIdForAnotherAccountIsRejectedNotMerged) {
  const std::string path = testutil::WriteTempFile(
      "ct_conflict", "ct.csv",
      "\"id\",\"expanded\",\"date\",\"account.name\",\"account.platformId\"\n"
      "1,\"https://a.example/1\",\"2020-01-01 00:00:00\",\"A\",\"100\"\n"
      "1,\"https://a.example/2\",\"2020-01-01 00:00:00\",\"A\",\"100\"\n"
      "1,\"https://b.example/3\",\"2020-01-01 00:00:00\",\"B\",\"200\"\n");
  CollectingSink sink;
  ASSERT_TRUE(ReadCrowdTangle(path, sink).ok());
  ASSERT_EQ(sink.posts.size(), 1u);
  EXPECT_EQ(sink.posts[0].links, (std::vector<std::string>{"https://a.example/1", "https://a.example/2"}));
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].line, 4);
  EXPECT_EQ(sink.rejects[0].field, "id");
  EXPECT_NE(sink.rejects[0].reason.find("line 2"), std::string::npos) << sink.rejects[0].reason;
}

TEST(CrowdTangleAdapterTest, ReadsThePandasFlattenedTableWithStatistics) {
  VIGIL_REQUIRE_SHARED_DATA(kCtFlat);
  CollectingSink sink;
  ASSERT_TRUE(ReadCrowdTangle(testutil::SharedDataPath(kCtFlat), sink).ok());
  EXPECT_TRUE(sink.rejects.empty());
  ASSERT_EQ(sink.posts.size(), 25u);
  const Post& first = sink.posts.front();
  EXPECT_EQ(first.id, "343053159235820_879968542210943");
  EXPECT_EQ(first.account_name, "Declan Kearney");
  EXPECT_EQ(first.url, "https://www.facebook.com/declankearneysf/posts/879968542210943");
  EXPECT_EQ(first.published_at, Utc("2020-06-08T20:23:46Z"));  // "updated": the file has no post date
  EXPECT_EQ(first.metrics.likes, Count::Exact(6));
  EXPECT_EQ(first.metrics.shares, Count::Exact(9));
  EXPECT_EQ(first.metrics.reactions, Count::Exact(1));  // one "sad"
  EXPECT_TRUE(first.links.at(0).starts_with("https://www.telesurenglish.net/news/UNGA-"));
}

// One stray quote in a real export costs the record it is in and nothing else, in every CSV adapter: the
// shared reader resynchronises at the next line that starts a record (docs/adapters.md).
class StrayQuoteTest : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(StrayQuoteTest, CostsOnlyTheRecordItIsIn) {
  const auto [format, relative] = GetParam();
  VIGIL_REQUIRE_SHARED_DATA(relative);
  const std::string original = testutil::SharedDataPath(relative);
  CollectingSink clean;
  ASSERT_TRUE(ReadWithAdapter(format, original, clean).ok());

  // The record a third of the way in gets an opening quote that is never closed.
  std::vector<CsvRow> rows;
  ASSERT_TRUE(ReadCsvRows(original, [&](CsvRow& row) {
                rows.push_back(row);
                return true;
              }).ok());
  const CsvRow& victim = rows.at(rows.size() / 3);
  std::string content = testutil::ReadFile(original);
  content.insert(static_cast<size_t>(victim.offset), "\"");
  const std::string damaged = testutil::WriteTempFile("stray-quote", "damaged.csv", content);

  CollectingSink sink;
  ASSERT_TRUE(ReadWithAdapter(format, damaged, sink).ok());
  ASSERT_EQ(sink.rejects.size(), clean.rejects.size() + 1) << format;
  const auto rejected = std::find_if(sink.rejects.begin(), sink.rejects.end(),
                                     [&](const RejectedRecord& r) { return r.line == victim.line; });
  ASSERT_NE(rejected, sink.rejects.end()) << format << ": no rejection at line " << victim.line;
  EXPECT_LE(rejected->last_line, victim.last_line) << "the damage reaches no later record";
  EXPECT_EQ(rejected->raw, "\"" + victim.source);
  // A post made of several rows (CooRTweet's multi-object table) keeps its other rows.
  EXPECT_GE(sink.posts.size() + 1, clean.posts.size()) << format;
  EXPECT_EQ(sink.posts.back().id, clean.posts.back().id) << "the records after the damage are read";
}

INSTANTIATE_TEST_SUITE_P(
    EveryCsvAdapter, StrayQuoteTest,
    ::testing::Values(std::pair{"ira", kIraFile}, std::pair{"coortweet", kRussianCoord},
                      std::pair{"coortweet", kGermanElections}, std::pair{"crowdtangle", kCtShares},
                      std::pair{"crowdtangle", kCtFlat}),
    [](const auto& test_param) {
      std::string name = std::string(test_param.param.first) + "_" + std::to_string(test_param.index);
      std::replace(name.begin(), name.end(), '-', '_');
      return name;
    });

}  // namespace
}  // namespace vigil::adapters
