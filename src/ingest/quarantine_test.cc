// The quarantine line: every key an analyst needs to rebuild the record, raw bytes exact.
#include "ingest/quarantine.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/testutil/shared_data.h"

namespace vigil {
namespace {

RejectedRecord Record(std::string raw) {
  RejectedRecord r{"posts.csv", 4, "text", "why", std::move(raw)};
  r.last_line = 6;
  r.offset = 120;
  r.length = 300;
  return r;
}

TEST(QuarantineLine, KeepsRunLinesByteRangeAndTheRawRecordWhole) {
  const std::string raw(100000, 'x');
  const auto line = nlohmann::json::parse(QuarantineLine(Record(raw), "run-1"));
  EXPECT_EQ(line["run"], "run-1");
  EXPECT_EQ(line["line"], 4);
  EXPECT_EQ(line["last_line"], 6);
  EXPECT_EQ(line["offset"], 120);
  EXPECT_EQ(line["length"], 300);
  EXPECT_EQ(line["field"], "text");
  EXPECT_EQ(line["raw"], raw);
}

TEST(QuarantineLine, BytesThatAreNotUtf8AreKeptExactlyAsHex) {
  const auto line = nlohmann::json::parse(QuarantineLine(Record("a\xff\n"), "r"));
  EXPECT_FALSE(line.contains("raw"));
  EXPECT_EQ(line["raw_hex"], "61ff0a");
}

TEST(QuarantineLine, ARecordAboveTheCopyLimitIsKeptAsItsByteRange) {
  const auto line = nlohmann::json::parse(QuarantineLine(Record(std::string(kMaxQuarantinedRawBytes + 1, 'x')), "r"));
  EXPECT_FALSE(line.contains("raw"));
  EXPECT_EQ(line["offset"], 120);
}

TEST(QuarantineWriter, AppendsAndNeverOverwrites) {
  const std::string path = testutil::MakeTempDir("quarantine") + "/rejected.jsonl";
  for (const char* run : {"first", "second"}) {
    QuarantineWriter writer;
    writer.SetPath(path);
    writer.SetRunId(run);
    ASSERT_TRUE(writer.Write(Record("r")).ok());
    ASSERT_TRUE(writer.Close().ok());
  }
  const std::string text = testutil::ReadFile(path);
  EXPECT_NE(text.find("\"run\":\"first\""), std::string::npos);
  EXPECT_NE(text.find("\"run\":\"second\""), std::string::npos);
}

TEST(NewRunId, IsTheTimeAndARandomSuffix) {
  const std::string a = NewRunId();
  EXPECT_EQ(a.size(), std::string("20250310T083000Z-3f9c2a1b").size()) << a;
  EXPECT_NE(a, NewRunId());
}

}  // namespace
}  // namespace vigil
