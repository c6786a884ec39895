// Writers: JSON Lines and CSV round-trip through independent parsers; counts use the platforms' display forms.
#include "examplegen/writers.h"

#include <gtest/gtest.h>

#include "common/time.h"
#include "examplegen/test_reader.h"

namespace vigil::examplegen {
namespace {

using testing::ParseCsv;
using testing::ParseCsvRows;
using testing::ParseJsonl;

// A post whose text carries every character the formats must escape.
Post TrickyPost() {
  Post p;
  p.id = "ylym-20250310-1";
  p.platform = "wechat";
  p.account_id = "youli-youmian";
  p.account_name = "有理儿有面";
  p.published_at = 1741569120;  // 2025-03-10T09:12:00+08:00
  p.utc_offset_minutes = 480;
  p.title = "卡尼说：\"加拿大, 不会低头\"";
  p.text = "第一行,带逗号\n第二行 \"引号\" 和 \\ 反斜杠\r\n制表\t结束\x01";
  p.url = "https://mp.weixin.qq.com/s/abc";
  p.links = {"https://a.example/1", "https://b.example/2?x=1,2"};
  p.repost_of = "xhs-20250310-3";
  p.reply_to = "@mp,\"page\"";
  p.lang = "zh";
  p.metrics.views = Count::AtLeast(100000);
  p.metrics.likes = Count::Exact(41000);
  p.metrics.shares = Count::Exact(52000);
  return p;
}

// Everything `Writer` produces for `posts`.
template <typename Writer>
std::string WriteAll(const std::vector<Post>& posts) {
  std::string out;
  StringSink sink(&out);
  Writer writer(sink);
  for (const Post& p : posts) EXPECT_TRUE(writer.Write(p).ok());
  EXPECT_TRUE(writer.Finish().ok());
  return out;
}

std::string WriteJsonl(const std::vector<Post>& posts) { return WriteAll<JsonlWriter>(posts); }
std::string WriteCsv(const std::vector<Post>& posts) { return WriteAll<CsvWriter>(posts); }

TEST(JsonlWriter, EscapesAndRoundTripsThroughAJsonParser) {
  const Post p = TrickyPost();
  const std::string text = WriteJsonl({p, p});
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2) << "one object per line, raw newlines escaped";
  const auto records = ParseJsonl(text);
  ASSERT_EQ(records.size(), 2u);
  const auto& r = records[0];
  EXPECT_EQ(r.title, p.title);
  EXPECT_EQ(r.text, p.text);
  EXPECT_EQ(r.account_name, "有理儿有面");
  EXPECT_EQ(r.links, p.links);
  EXPECT_EQ(r.repost_of, p.repost_of);
  EXPECT_EQ(r.reply_to, p.reply_to);
  EXPECT_EQ(r.published_text, "2025-03-10T09:12:00+08:00");
  EXPECT_EQ(r.published_at, p.published_at);
  EXPECT_EQ(r.metrics.at("views"), "10万+");
  EXPECT_EQ(r.metrics.at("likes"), "41000");
  EXPECT_EQ(r.metrics.count("comments"), 0u) << "absent counts are left out";
}

TEST(JsonlWriter, LeavesOutEmptyOptionalFields) {
  Post p = TrickyPost();
  p.links.clear();
  p.repost_of.clear();
  p.reply_to.clear();
  p.lang.clear();
  p.metrics = Metrics{};
  const std::string text = WriteJsonl({p});
  EXPECT_EQ(text.find("\"links\""), std::string::npos);
  EXPECT_EQ(text.find("\"repost_of\""), std::string::npos);
  EXPECT_EQ(text.find("\"reply_to\""), std::string::npos);
  EXPECT_EQ(text.find("\"lang\""), std::string::npos);
  EXPECT_EQ(text.find("\"metrics\""), std::string::npos);
}

TEST(CsvWriter, QuotesCommasQuotesAndNewlinesPerRfc4180) {
  const Post p = TrickyPost();
  const std::string text = WriteCsv({p, p});
  const auto rows = ParseCsvRows(text);
  ASSERT_EQ(rows.size(), 3u) << "header + 2 records even though fields contain newlines";
  ASSERT_EQ(rows[0].size(), std::size(kCsvColumns));
  EXPECT_EQ(rows[0][0], "id");
  const auto records = ParseCsv(text);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].title, p.title);
  EXPECT_EQ(records[1].text, p.text);
  EXPECT_EQ(records[1].links, p.links) << "space-separated, the comma inside a URL kept";
  EXPECT_EQ(records[1].reply_to, p.reply_to);
  EXPECT_EQ(records[1].metrics.at("views"), "10万+");
  EXPECT_EQ(records[1].metrics.count("reactions"), 0u);
  // A field with nothing special stays unquoted.
  EXPECT_NE(text.find("\nylym-20250310-1,wechat,youli-youmian,有理儿有面,"), std::string::npos);
}

TEST(CsvWriter, EmptyOutputStillHasTheHeader) {
  const std::string text = WriteCsv({});
  EXPECT_EQ(text.substr(0, 12), "id,platform,");
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1);
}

TEST(CsvWriter, TelegramTimesAreUnixSeconds) {
  Post p = TrickyPost();
  p.platform = "telegram";
  p.utc_offset_minutes = 0;
  const auto records = ParseCsv(WriteCsv({p}));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].published_text, "1741569120");
  EXPECT_EQ(records[0].published_at, p.published_at);
}

TEST(FormatCount, UsesThePlatformsDisplayForms) {
  EXPECT_EQ(FormatCount("wechat", MetricKind::kViews, Count::AtLeast(100000)).text, "10万+");
  EXPECT_EQ(FormatCount("wechat", MetricKind::kViews, Count::Exact(99999)).text, "99999");
  EXPECT_FALSE(FormatCount("wechat", MetricKind::kViews, Count::Exact(2917056)).is_string);
  EXPECT_EQ(FormatCount("weibo", MetricKind::kLikes, Count::Exact(12000)).text, "1.2万");
  EXPECT_EQ(FormatCount("weibo", MetricKind::kLikes, Count::Exact(30000)).text, "3万");
  EXPECT_EQ(FormatCount("weibo", MetricKind::kLikes, Count::Exact(12345)).text, "12345") << "not exact as 万";
  EXPECT_EQ(FormatCount("x", MetricKind::kViews, Count::Exact(3000000)).text, "3M");
  EXPECT_EQ(FormatCount("x", MetricKind::kViews, Count::Exact(2500000)).text, "2.5M");
  EXPECT_EQ(FormatCount("x", MetricKind::kViews, Count::Exact(12000)).text, "12k");
  EXPECT_EQ(FormatCount("x", MetricKind::kLikes, Count::Exact(12000)).text, "12000") << "only views abbreviated";
  EXPECT_EQ(FormatCount("x", MetricKind::kViews, Count::AtLeast(100000)).text, "100k+");
  EXPECT_EQ(FormatCount("telegram", MetricKind::kViews, Count::AtLeast(1234)).text, "1234+");
  EXPECT_TRUE(FormatCount("x", MetricKind::kViews, Count::Exact(3000000)).is_string);
}

TEST(FormatRfc3339, RoundTripsThroughTheTimestampParser) {
  for (int32_t offset : {480, 0, -240, -300, 330}) {
    for (int64_t t : {int64_t{1741569120}, int64_t{1680307200}, int64_t{1745870399}}) {
      const std::string text = FormatRfc3339(t, offset);
      auto parsed = ParseTimestamp(text);
      ASSERT_TRUE(parsed.ok()) << text;
      EXPECT_EQ(parsed->unix_seconds, t) << text;
      EXPECT_EQ(parsed->utc_offset_minutes, offset) << text;
    }
  }
  EXPECT_EQ(FormatRfc3339(1741569120, 480), "2025-03-10T09:12:00+08:00");
  EXPECT_EQ(FormatRfc3339(1741569120, -240), "2025-03-09T21:12:00-04:00");
  EXPECT_EQ(FormatRfc3339(1741569120, 0), "2025-03-10T01:12:00Z");
}

TEST(SplitWriter, SendsWechatToOneWriterAndTheRestToTheOther) {
  std::string jsonl, csv;
  StringSink a(&jsonl), b(&csv);
  JsonlWriter wechat(a);
  CsvWriter other(b);
  SplitWriter split(wechat, other);
  Post p = TrickyPost();
  ASSERT_TRUE(split.Write(p).ok());
  p.platform = "x";
  ASSERT_TRUE(split.Write(p).ok());
  ASSERT_TRUE(split.Finish().ok());
  EXPECT_EQ(ParseJsonl(jsonl).size(), 1u);
  const auto rows = ParseCsv(csv);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].platform, "x");
}

TEST(FileSink, ReportsAPathThatCannotBeCreated) {
  auto sink = FileSink::Open("/dev/null/sub/posts.jsonl");  // a folder under a device: never creatable
  ASSERT_FALSE(sink.ok());
  EXPECT_NE(sink.status().message().find("/dev/null/sub/posts.jsonl"), std::string::npos);
}

}  // namespace
}  // namespace vigil::examplegen
