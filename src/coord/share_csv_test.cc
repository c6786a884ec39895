// The 4-column share file: good rows kept, malformed rows refused with file, line and field, and the
// refused rows written aside.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <fstream>

#include "coord/share_csv.h"
#include "tests/testutil/shared_data.h"
#include "vigil/coordination.h"

namespace vigil {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  return testutil::WriteTempFile("coord_csv", name, content);
}

TEST(ShareCsv, MalformedRowsAreReportedAndSkipped) {
  const std::string path = WriteTemp("shares.csv",
                                     "object_id,account_id,content_id,timestamp_share\n"
                                     "o1,a,c1,1700000000\n"
                                     "o1,b,c2\n"                              // line 3: too few fields
                                     "o1,,c3,1700000001\n"                     // line 4: empty account
                                     "o1,d,c4,yesterday\n"                     // line 5: bad time
                                     "\"o,2\",e,\"c\"\"5\",2025-03-25T10:00:00+08:00\n"  // quoted, RFC 3339
                                     "o1,f,\"c6,1700000002\n"                  // line 7: unterminated quote
                                     "\n"
                                     "o1,g,c7,1700000003\r\n");
  auto csv = ReadShareCsv(path);
  ASSERT_TRUE(csv.ok()) << csv.status().ToString();
  EXPECT_EQ(csv->rows_read, 7);
  ASSERT_EQ(csv->tuples.size(), 3u);
  EXPECT_EQ(csv->tuples[1].object_id, "o,2");
  EXPECT_EQ(csv->tuples[1].content_id, "c\"5");
  EXPECT_EQ(csv->tuples[1].time, 1742868000);
  EXPECT_EQ(csv->tuples[2].content_id, "c7");
  ASSERT_EQ(csv->errors.size(), 4u);
  EXPECT_EQ(csv->errors[0].line, 3);
  EXPECT_EQ(csv->errors[0].field, "");
  EXPECT_NE(csv->errors[0].reason.find("expected at least 4 fields, found 3"), std::string::npos);
  EXPECT_EQ(csv->errors[1].line, 4);
  EXPECT_EQ(csv->errors[1].field, "account_id");
  EXPECT_EQ(csv->errors[2].line, 5);
  EXPECT_EQ(csv->errors[2].field, "timestamp_share");
  EXPECT_NE(csv->errors[2].reason.find("'yesterday'"), std::string::npos);
  EXPECT_EQ(csv->errors[3].line, 7);
  EXPECT_EQ(csv->errors[3].raw, "o1,f,\"c6,1700000002");
  EXPECT_EQ(csv->errors[0].file, path);

  const std::string quarantine = path + ".rejected.csv";
  ASSERT_TRUE(WriteShareErrors(quarantine, csv->errors).ok());
  const std::string q = testutil::ReadFile(quarantine);
  EXPECT_NE(q.find(",5,timestamp_share,"), std::string::npos);
  EXPECT_NE(q.find("o1,d,c4,yesterday"), std::string::npos);
}

TEST(ShareCsv, QuotedFieldsMaySpanLinesAndRowsMayHaveManyColumns) {
  std::string wide_header = "object_id,account_id,content_id,timestamp_share";
  std::string wide_row = "o9,w,c9,1700000009";
  for (int extra = 0; extra < 70; ++extra) {  // 74 columns: none of them may be dropped or refused
    wide_header += fmt::format(",x{}", extra);
    wide_row += fmt::format(",v{}", extra);
  }
  const std::string path = WriteTemp("multiline.csv",
                                     "object_id,account_id,content_id,timestamp_share\n"
                                     "o1,a,\"first line\nsecond, with a comma\",1700000000\n"  // lines 2-3
                                     "o1,b,c2,1700000001\n");                                 // line 4
  auto csv = ReadShareCsv(path);
  ASSERT_TRUE(csv.ok()) << csv.status().ToString();
  ASSERT_EQ(csv->tuples.size(), 2u);
  EXPECT_TRUE(csv->errors.empty());
  EXPECT_EQ(csv->tuples[0].content_id, "first line\nsecond, with a comma");
  EXPECT_EQ(csv->tuples[1].account_id, "b");
  EXPECT_EQ(csv->rows_read, 2);

  // Columns past the four are read past (a CooRTweet or CrowdTangle table keeps its other columns).
  const std::string reordered = WriteTemp("wide.csv", "x_first," + wide_header + "\n" + "lead," + wide_row + "\n");
  auto wide = ReadShareCsv(reordered);
  ASSERT_TRUE(wide.ok()) << wide.status().ToString();
  ASSERT_EQ(wide->tuples.size(), 1u);
  EXPECT_EQ(wide->tuples[0].object_id, "o9");
  EXPECT_EQ(wide->tuples[0].time, 1700000009);
}

TEST(ShareCsv, AStrayQuoteCostsItsOwnLineAndTheRecordIsKeptWhole) {
  std::string rows;
  for (int i = 0; i < 200; ++i) rows += fmt::format("o{},acc{},c{},{}\n", i % 7, i, i, 1700000000 + i);
  const std::string damaged = "o1,\"bad,c,1700000000 and a long tail " + std::string(5000, 'z');
  const std::string path = WriteTemp("stray.csv", "object_id,account_id,content_id,timestamp_share\n" +
                                                      damaged + "\n" + rows);
  auto csv = ReadShareCsv(path);
  ASSERT_TRUE(csv.ok()) << csv.status().ToString();
  EXPECT_EQ(csv->tuples.size(), 200u);  // every row after the stray quote is read
  ASSERT_EQ(csv->errors.size(), 1u);
  EXPECT_EQ(csv->errors[0].line, 2);
  EXPECT_EQ(csv->errors[0].raw, damaged);  // whole, not cut
  EXPECT_NE(csv->errors[0].reason.find("unterminated quoted field"), std::string::npos);
  EXPECT_EQ(csv->rows_read, 201);
}

TEST(ShareCsv, ALineWithoutEndIsRefusedBySizeInBoundedMemory) {
  const std::string path = WriteTemp("endless.csv", "object_id,account_id,content_id,timestamp_share\n"
                                                    "o1,a,c1,1700000000\n" +
                                                        std::string(coord::kMaxShareRecordBytes + 100, 'x') +
                                                        "\no1,b,c2,1700000001\n");
  auto csv = ReadShareCsv(path);
  ASSERT_TRUE(csv.ok()) << csv.status().ToString();
  ASSERT_EQ(csv->tuples.size(), 2u);
  ASSERT_EQ(csv->errors.size(), 1u);
  EXPECT_EQ(csv->errors[0].line, 3);
  EXPECT_TRUE(csv->errors[0].raw.empty());
  EXPECT_NE(csv->errors[0].reason.find(fmt::format("{} bytes", coord::kMaxShareRecordBytes + 100)), std::string::npos);
}

TEST(ShareCsv, HeaderColumnsInAnyOrderAndMissingColumnsRefused) {
  auto ok = ReadShareCsv(WriteTemp("reordered.csv", "timestamp_share,extra,content_id,account_id,object_id\n5,x,c,a,o\n"));
  ASSERT_TRUE(ok.ok());
  ASSERT_EQ(ok->tuples.size(), 1u);
  EXPECT_EQ(ok->tuples[0].object_id, "o");
  EXPECT_EQ(ok->tuples[0].time, 5);
  auto missing = ReadShareCsv(WriteTemp("missing.csv", "object_id,account_id,timestamp_share\no,a,5\n"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("content_id"), std::string::npos);
  EXPECT_FALSE(ReadShareCsv("/nonexistent/shares.csv").ok());
}

TEST(ShareCsv, RoundTripsThroughTheWriter) {
  std::vector<ShareTuple> tuples = {{"url:https://a.example/x?b=1,2", "wechat:acc", "wechat:1", 1742868000, 0},
                                    {"tag:卡尼", "weibo:u\"2", "weibo:9", 1742868060, 1}};
  const std::string path = testutil::MakeTempDir("coord_csv") + "/out.csv";
  ASSERT_TRUE(WriteShareCsv(path, tuples).ok());
  auto back = ReadShareCsv(path);
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->tuples.size(), 2u);
  EXPECT_TRUE(back->errors.empty());
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(back->tuples[i].object_id, tuples[i].object_id);
    EXPECT_EQ(back->tuples[i].account_id, tuples[i].account_id);
    EXPECT_EQ(back->tuples[i].content_id, tuples[i].content_id);
    EXPECT_EQ(back->tuples[i].time, tuples[i].time);
  }
}

TEST(ShareCsv, StreamingDetectionMatchesInMemoryDetectionOnTheSample) {
  VIGIL_REQUIRE_SHARED_DATA("coortweet-sample/german_elections_urls.csv");
  const std::string path = testutil::SharedDataPath("coortweet-sample/german_elections_urls.csv");
  auto csv = ReadShareCsv(path);
  ASSERT_TRUE(csv.ok());
  EXPECT_EQ(csv->tuples.size(), 41100u);
  auto in_memory = DetectGroups(csv->tuples, DetectOptions{});
  std::vector<ShareRowError> errors;
  auto streamed = DetectGroupsInCsv(path, DetectOptions{}, &errors, nullptr);
  ASSERT_TRUE(in_memory.ok() && streamed.ok());
  ASSERT_EQ(in_memory->pairs.size(), streamed->pairs.size());
  for (size_t i = 0; i < in_memory->pairs.size(); ++i) {
    EXPECT_EQ(in_memory->ContentName(in_memory->pairs[i].share), streamed->ContentName(streamed->pairs[i].share));
    EXPECT_EQ(in_memory->ContentName(in_memory->pairs[i].share_y), streamed->ContentName(streamed->pairs[i].share_y));
  }
}

}  // namespace
}  // namespace vigil
