#include "ingest/csv_reader.h"

#include <gtest/gtest.h>

#include "tests/testutil/collecting_sink.h"
#include "tests/testutil/shared_data.h"

namespace vigil {
namespace {

std::string WriteTemp(const std::string& content) { return testutil::WriteTempFile("csv", "posts.csv", content); }

TEST(ReadPostsCsv, ColumnsInAnyOrderQuotedNewlinesAndExtraColumns) {
  const std::string path = WriteTemp(
      "\xEF\xBB\xBFplatform,id,account_id,published_at,text,links,likes,views,extra\r\n"
      "x,1,carney_watch,2025-03-10T12:00:00Z,\"Mark Carney, \"\"the banker\"\",\nwins\",https://a https://b,12k,3M,zz\r\n"
      "facebook,2,page,1742904000,« Mark Carney promet »,,,,\r\n");
  testutil::CollectingSink sink;
  ASSERT_TRUE(ReadPostsCsv(path, sink).ok());
  ASSERT_EQ(sink.posts.size(), 2u) << (sink.rejects.empty() ? "" : sink.rejects[0].reason);
  EXPECT_EQ(sink.posts[0].text, "Mark Carney, \"the banker\",\nwins");
  EXPECT_EQ(sink.posts[0].links.size(), 2u);
  EXPECT_EQ(sink.posts[0].metrics.likes, Count::Exact(12000));
  EXPECT_EQ(sink.posts[0].metrics.views, Count::Exact(3000000));
  EXPECT_EQ(sink.posts[1].source_line, 4);  // the quoted newline moved it down a line
  EXPECT_FALSE(sink.posts[1].metrics.likes.present);
}

TEST(ReadPostsCsv, ReplyToColumnNamesThePostOrAccountRepliedTo) {
  const std::string path = WriteTemp(
      "id,platform,account_id,published_at,text,reply_to\n"
      "c1,x,u1,2023-09-02T10:00:00Z,Corrupt!,@mp_handle\n"
      "c2,x,u2,2023-09-02T10:01:00Z,Corrupt!,1700000000000000001\n"
      "p3,x,u3,2023-09-02T10:02:00Z,Original,\n");
  testutil::CollectingSink sink;
  ASSERT_TRUE(ReadPostsCsv(path, sink).ok());
  ASSERT_EQ(sink.posts.size(), 3u);
  EXPECT_EQ(sink.posts[0].ReplyToAccount(), "mp_handle");
  EXPECT_EQ(sink.posts[1].ReplyToPost(), "1700000000000000001");
  EXPECT_TRUE(sink.posts[2].reply_to.empty());
}

TEST(ReadPostsCsv, BadRowsNameLineAndField) {
  const std::string path = WriteTemp(
      "id,platform,account_id,published_at,likes\n"
      "1,x,u,2025-03-10T12:00:00Z,5\n"
      "2,x,u,not-a-time,5\n"
      "3,x,u,2025-03-10T12:00:00Z\n"
      "4,x,,2025-03-10T12:00:00Z,5\n"
      "5,x,u,2025-03-10T12:00:00Z,many\n");
  testutil::CollectingSink sink;
  ASSERT_TRUE(ReadPostsCsv(path, sink).ok());
  EXPECT_EQ(sink.posts.size(), 1u);
  ASSERT_EQ(sink.rejects.size(), 4u);
  EXPECT_EQ(sink.rejects[0].line, 3);
  EXPECT_EQ(sink.rejects[0].field, "published_at");
  EXPECT_NE(sink.rejects[1].reason.find("4 fields where the header has 5"), std::string::npos);
  EXPECT_EQ(sink.rejects[2].field, "account_id");
  EXPECT_EQ(sink.rejects[3].field, "likes");
}

TEST(ReadPostsCsv, HeaderWithoutRequiredColumnsIsRefusedWithTheExpectedColumns) {
  const std::string path = WriteTemp("tweetid,userid,tweet_text\n1,2,hello\n");
  testutil::CollectingSink sink;
  Status s = ReadPostsCsv(path, sink);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("no 'id' column"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("account_id"), std::string::npos);
}

}  // namespace
}  // namespace vigil
